"""The pre-commit hooks: the manifest is valid, the README agrees with it, and in a real git
repository a damaged page is stopped at commit time, then goes through after `repair-fix`.

Nothing is downloaded: the hooks under test are `repo: local` + `language: system` hooks running
the installed `repair` with the manifest's own entries and filters (the `language: python` path,
which pip-installs this project, is exercised by hand with `pre-commit try-repo`)."""
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MANIFEST = os.path.join(ROOT, ".pre-commit-hooks.yaml")
DAMAGED = "# 标题\n\n今年以来,我们创新引领,精准施策,切实以精准化考\n\n核推动工作提质,以刚性约束推动责任落实。\n"
FIXED = "# 标题\n\n今年以来,我们创新引领,精准施策,切实以精准化考核推动工作提质,以刚性约束推动责任落实。\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def manifest():
    with open(MANIFEST, encoding="utf-8") as fh:
        return {h["id"]: h for h in yaml.safe_load(fh)}


def readme_snippet():
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    section = readme.split("<!-- hooks:start -->")[1].split("<!-- hooks:end -->")[0]
    return next(block for block in re.findall(r"```yaml\n(.*?)```", section, re.S) if "repos:" in block)


def pre_commit(*args, cwd=ROOT, env=None):
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_manifest_is_valid():
    res = pre_commit("validate-manifest", MANIFEST)
    assert res.returncode == 0, res.stdout + res.stderr


def test_manifest_hooks():
    hooks = manifest()
    assert set(hooks) == {"repair-check", "repair-fix"}
    assert hooks["repair-check"]["entry"] == "repair check" and hooks["repair-fix"]["entry"] == "repair fix"
    for h in hooks.values():
        assert h["language"] == "python" and h.get("pass_filenames", True) and not h["require_serial"]
        assert re.search(h["files"], "pages/p1.txt") and re.search(h["files"], "notes.md")
        assert not re.search(h["files"], "data.json") and not re.search(h["files"], "page.txt.bak")


def test_readme_snippet_is_a_valid_config_naming_the_manifest_hooks(tmp_path):
    snippet = readme_snippet()
    config = yaml.safe_load(snippet)
    (repo,) = config["repos"]
    assert {h["id"] for h in repo["hooks"]} == set(manifest())
    path = tmp_path / ".pre-commit-config.yaml"
    path.write_text(snippet, encoding="utf-8")
    res = pre_commit("validate-config", str(path))
    assert res.returncode == 0, res.stdout + res.stderr


def repair_command():
    """The installed console script if there is one beside this Python, else `python -m repair`."""
    script = os.path.join(os.path.dirname(sys.executable), "repair")
    return [script] if os.path.isfile(script) else [sys.executable, "-m", "repair"]


def local_config():
    """The manifest's hooks as `repo: local` + `language: system` hooks of the installed repair."""
    hooks = []
    for hook_id, h in manifest().items():
        entry = shlex.join(repair_command() + h["entry"].split()[1:])
        hooks.append({"id": hook_id, "name": h["name"], "entry": entry, "language": "system",
                      "files": h["files"], "types": h["types"], "require_serial": h["require_serial"],
                      # repair-fix runs on demand below, so the commit shows repair-check's report
                      **({"stages": ["manual"]} if hook_id == "repair-fix" else {})})
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, allow_unicode=True)


@pytest.fixture
def git_repo(tmp_path):
    repo = tmp_path / "archive"
    repo.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(HOME=str(home), PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"),
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
               PYTHONPATH=os.pathsep.join(filter(None, [ROOT, os.environ.get("PYTHONPATH")])))

    def git(*args, check=True):
        res = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
        if check:
            assert res.returncode == 0, res.stdout + res.stderr
        return res

    git("init", "-q")
    git("config", "user.name", "Test")
    git("config", "user.email", "test@example.invalid")
    git("config", "commit.gpgsign", "false")
    (repo / ".pre-commit-config.yaml").write_text(local_config(), encoding="utf-8")
    res = pre_commit("install", cwd=repo, env=env)
    assert res.returncode == 0, res.stdout + res.stderr
    git("add", ".pre-commit-config.yaml")
    git("commit", "-q", "-m", "hooks")
    return repo, git, env


def test_commit_blocked_with_findings_then_fixed_and_committed(git_repo):
    repo, git, env = git_repo
    page = repo / "page.txt"
    page.write_text(DAMAGED, encoding="utf-8")
    (repo / "data.json").write_text('{"a": 1}\n', encoding="utf-8")  # not a page: never checked
    git("add", "page.txt", "data.json")

    blocked = git("commit", "-m", "add a damaged page", check=False)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "Failed" in output and "page.txt:5:1: broken-wrap" in output and "考" in output
    assert git("rev-list", "--count", "HEAD").stdout.strip() == "1"        # nothing was committed

    fixed = pre_commit("run", "repair-fix", "--hook-stage", "manual", "--files", "page.txt", cwd=repo, env=env)
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr              # it changed the file: re-stage
    assert "files were modified by this hook" in fixed.stdout
    assert page.read_text(encoding="utf-8") == FIXED

    git("add", "page.txt")
    done = git("commit", "-m", "add a page", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout + done.stderr
    assert git("show", "HEAD:page.txt").stdout == FIXED


def test_hook_reads_the_repository_config(git_repo):
    repo, git, env = git_repo
    (repo / "pyproject.toml").write_text('[tool.repair]\nignore = ["broken-wrap"]\n', encoding="utf-8")
    (repo / "page.txt").write_text(DAMAGED, encoding="utf-8")
    git("add", "pyproject.toml", "page.txt")
    res = git("commit", "-m", "page whose wraps this archive accepts", check=False)
    assert res.returncode == 0, res.stdout + res.stderr


def test_baseline_lets_an_archive_adopt_the_hook(git_repo):
    repo, git, env = git_repo
    (repo / "old.txt").write_text(DAMAGED, encoding="utf-8")
    base = subprocess.run(repair_command() + ["check", "--add-decisions", "old.txt"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=300)
    assert base.returncode == 0, base.stdout + base.stderr
    git("add", "old.txt", ".repair-decisions.json")
    res = git("commit", "-m", "history as it is", check=False)
    assert res.returncode == 0, res.stdout + res.stderr
