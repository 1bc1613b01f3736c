"""Configuration files: discovery, every key, flags over the file, clear errors, --show-settings."""
import json
import os

import pytest

from repair.cli import main
from repair.config import OPTIONS, ConfigError, find, read, resolve, tomllib
from repair.model import KINDS

# 0.90 confidence broken wrap (the paragraph is cut inside the word 考核)
DAMAGED = "# 标题\n\n创新引领,精准施策,打造全要素量化考核新标杆,切实以精准化考\n\n核推动工作提质,以刚性约束推动责任落实。\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git work tree with one damaged page in pages/; the tests run from its root."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.txt").write_text(DAMAGED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table_is_found_walking_up_from_the_checked_path(repo, capsys):
    assert main(["check", "pages/p.txt"]) == 1
    write(repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.repair]\nignore = ["broken-wrap"]\n')
    assert main(["check", "pages/p.txt"]) == 0
    assert main(["check", str(repo / "pages")]) == 0


def test_pyproject_without_a_repair_table_is_passed_over(repo):
    write(repo / "pyproject.toml", '[tool.repair]\nignore = ["broken-wrap"]\n')
    write(repo / "pages" / "pyproject.toml", '[project]\nname = "pages"\n')
    assert find(["pages/p.txt"]) == str(repo / "pyproject.toml")


def test_dot_repair_toml_beats_repair_toml_beats_pyproject_in_one_folder(repo):
    write(repo / "pyproject.toml", '[tool.repair]\nmin-confidence = 0.1\n')
    assert find(["pages/p.txt"]) == str(repo / "pyproject.toml")
    write(repo / "repair.toml", "min-confidence = 0.2\n")
    assert find(["pages/p.txt"]) == str(repo / "repair.toml")
    write(repo / ".repair.toml", "min-confidence = 0.3\n")
    assert find(["pages/p.txt"]) == str(repo / ".repair.toml")
    assert resolve(["pages/p.txt"], {}).settings.min_confidence == 0.3


def test_the_nearest_file_wins_and_the_walk_stops_at_the_repository_root(tmp_path, monkeypatch):
    write(tmp_path / "repair.toml", 'ignore = ["broken-wrap"]\n')           # outside the repository
    repo = tmp_path / "repo"
    write(repo / ".git" / "HEAD", "")
    page = write(repo / "a" / "b" / "p.txt", DAMAGED)
    monkeypatch.chdir(repo)
    assert find([str(page)]) is None
    assert main(["check", str(page)]) == 1
    write(repo / "a" / "repair.toml", "min-confidence = 0.5\n")
    assert find([str(page)]) == str(repo / "a" / "repair.toml")


def test_config_found_from_the_common_folder_of_several_paths(repo):
    write(repo / "pages" / "repair.toml", 'ignore = ["broken-wrap"]\n')
    other = write(repo / "pages" / "sub" / "q.txt", DAMAGED)
    assert find(["pages/p.txt", str(other)]) == str(repo / "pages" / "repair.toml")


def test_all_keys_are_read(repo):
    write(repo / "repair.toml", """
select = ["broken-wrap", "fused-headline"]
ignore = ["fused-headline"]
min-confidence = 0.25
unsafe-fixes = true
use-decisions = false
include = ["*.text"]
exclude = ["drafts", "*.bak.txt"]
format = "sarif"

[duplicate-paragraph]
threshold = 92
min-chars = 20
min-confidence = 0.9

[fused-headline]
min-chars = 6
max-chars = 30
""")
    s = resolve(["pages"], {}).settings
    assert s.select == ("broken-wrap", "fused-headline") and s.ignore == ("fused-headline",)
    assert (s.min_confidence, s.unsafe_fixes, s.use_decisions) == (0.25, True, False)
    assert s.include == ("*.text",) and s.exclude == ("drafts", "*.bak.txt") and s.format == "sarif"
    assert (s.duplicate_threshold, s.duplicate_min_chars) == (92.0, 20)
    assert (s.headline_min_chars, s.headline_max_chars) == (6, 30)
    assert s.min_confidence_for("duplicate-paragraph") == 0.9 and s.min_confidence_for("broken-wrap") == 0.25
    assert s.root == str(repo)


def test_pyproject_uses_the_same_keys_under_tool_repair(repo):
    write(repo / "pyproject.toml", "[tool.repair]\nmin-confidence = 0.4\n\n"
                                   "[tool.repair.duplicate-paragraph]\nthreshold = 95.5\n")
    s = resolve(["pages/p.txt"], {}).settings
    assert (s.min_confidence, s.duplicate_threshold) == (0.4, 95.5)


def test_flags_override_the_file(repo, capsys):
    write(repo / "repair.toml", 'min-confidence = 0.95\nformat = "json"\n')
    assert main(["check", "pages/p.txt"]) == 0                       # the file's floor hides the 0.90 finding
    assert json.loads(capsys.readouterr().out) == []                 # and its format is used
    assert main(["check", "--min-confidence", "0.5", "--format", "text", "pages/p.txt"]) == 1
    assert capsys.readouterr().out.startswith("pages/p.txt:5:")


def test_per_kind_floor_overrides_the_global_one_both_ways(repo):
    write(repo / "repair.toml", "min-confidence = 0.95\n[broken-wrap]\nmin-confidence = 0.5\n")
    assert main(["check", "pages/p.txt"]) == 1                       # lower floor for this kind
    write(repo / "repair.toml", "[broken-wrap]\nmin-confidence = 0.95\n")
    assert main(["check", "pages/p.txt"]) == 0                       # higher floor for this kind
    assert main(["check", "--min-confidence", "0.1", "pages/p.txt"]) == 1   # a flag sets every kind's floor


def test_per_kind_floor_applies_to_fix_too(repo):
    write(repo / "repair.toml", "[broken-wrap]\nmin-confidence = 0.95\n")
    assert main(["fix", "pages/p.txt"]) == 0
    assert (repo / "pages" / "p.txt").read_text(encoding="utf-8") == DAMAGED


def test_unsafe_fixes_from_the_file_and_the_no_flag(repo):
    write(repo / "repair.toml", "unsafe-fixes = true\n")
    assert resolve(["pages"], {}).settings.unsafe_fixes is True
    assert resolve(["pages"], {"unsafe-fixes": False}).settings.unsafe_fixes is False


def test_exclude_is_relative_to_the_config_folder_and_applies_to_named_files(repo, monkeypatch, capsys):
    write(repo / "drafts" / "d.txt", DAMAGED)
    write(repo / "pages" / "old.bak.txt", DAMAGED)
    write(repo / "repair.toml", 'exclude = ["drafts", "pages/*.bak.txt"]\n')
    assert main(["check", "."]) == 1
    out = capsys.readouterr().out
    assert "p.txt:" in out and "d.txt" not in out and "old.bak.txt" not in out
    monkeypatch.chdir(repo / "pages")                                 # patterns stay relative to the file
    assert main(["check", "old.bak.txt", "../drafts/d.txt"]) == 0      # as pre-commit passes them
    assert main(["check", "p.txt"]) == 1


def test_include_chooses_what_a_directory_expands_to(repo, capsys):
    write(repo / "notes" / "n.text", DAMAGED)
    write(repo / "repair.toml", 'include = ["*.text"]\n')
    assert main(["check", "."]) == 1
    out = capsys.readouterr().out
    assert "n.text:" in out and "p.txt" not in out


def test_explicit_config_file(repo, tmp_path):
    cfg = write(tmp_path / "elsewhere" / "ci.toml", 'ignore = ["broken-wrap"]\n')
    assert main(["check", "--config", str(cfg), "pages/p.txt"]) == 0


@pytest.mark.parametrize("text, key, expect", [
    pytest.param("[tool.repair]\nmin_confidence = 0.5\n", "tool.repair.min_confidence",
                 "unknown key; did you mean tool.repair.min-confidence?", id="snake-case-key"),
    pytest.param("[tool.repair]\ncolour = 1\n", "tool.repair.colour", "unknown key", id="unknown-key"),
    pytest.param("[tool.repair.broken-wrap]\nthreshold = 3\n", "tool.repair.broken-wrap.threshold",
                 "unknown key", id="knob-of-another-kind"),
    pytest.param('[tool.repair]\nmin-confidence = "high"\n', "tool.repair.min-confidence",
                 "expected a number from 0 to 1, got 'high'", id="not-a-number"),
    pytest.param("[tool.repair]\nmin-confidence = 1.5\n", "tool.repair.min-confidence",
                 "expected a number from 0 to 1", id="out-of-range"),
    pytest.param('[tool.repair]\nselect = ["broken-wraps"]\n', "tool.repair.select",
                 "unknown kind 'broken-wraps'", id="unknown-kind"),
    pytest.param('[tool.repair]\nignore = "broken-wrap"\n', "tool.repair.ignore",
                 "expected a list of kinds", id="kinds-not-a-list"),
    pytest.param('[tool.repair]\nunsafe-fixes = "yes"\n', "tool.repair.unsafe-fixes",
                 "expected true or false", id="not-a-bool"),
    pytest.param('[tool.repair]\nformat = "xml"\n', "tool.repair.format", "expected one of", id="bad-format"),
    pytest.param("[tool.repair]\nexclude = 3\n", "tool.repair.exclude", "expected a list of glob", id="bad-glob"),
    pytest.param("[tool.repair.duplicate-paragraph]\nthreshold = 150\n",
                 "tool.repair.duplicate-paragraph.threshold", "from 0 to 100", id="threshold-range"),
    pytest.param("[tool.repair.fused-headline]\nmax-chars = 2.5\n", "tool.repair.fused-headline.max-chars",
                 "whole number", id="not-a-count"),
    pytest.param("[tool.repair]\nbroken-wrap = 1\n", "tool.repair.broken-wrap", "expected a table", id="kind-not-table"),
])
def test_bad_config_is_a_clear_error_naming_file_and_key(repo, capsys, text, key, expect):
    cfg = write(repo / "pyproject.toml", text)
    assert main(["check", "pages/p.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {cfg}: {key}: ") and expect in err
    with pytest.raises(ConfigError):
        read(str(cfg))


def test_headline_range_must_be_a_range(repo, capsys):
    cfg = write(repo / "repair.toml", "[fused-headline]\nmin-chars = 50\n")
    assert main(["check", "pages/p.txt"]) == 2
    assert f"error: {cfg}: fused-headline.min-chars (50) is above fused-headline.max-chars (40)" in capsys.readouterr().err


def test_invalid_toml_names_the_file(repo, capsys):
    cfg = write(repo / "repair.toml", "min-confidence = \n")
    assert main(["fix", "pages/p.txt"]) == 2
    assert f"error: {cfg}: not valid TOML" in capsys.readouterr().err
    assert (repo / "pages" / "p.txt").read_text(encoding="utf-8") == DAMAGED


def test_show_settings_names_each_source(repo, capsys):
    cfg = write(repo / "pyproject.toml", "[tool.repair]\nignore = [\"fused-headline\"]\n"
                                         "[tool.repair.duplicate-paragraph]\nthreshold = 93\n")
    assert main(["check", "--show-settings", "--min-confidence", "0.3", "pages"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"# config file: {cfg}"
    top = lines[:next(i for i, l in enumerate(lines) if l.startswith("["))]   # before the per-kind tables
    row = {l.split(" = ")[0]: l for l in top if " = " in l}
    assert row["ignore"].endswith(f'# {cfg}') and '["fused-headline"]' in row["ignore"]
    assert row["min-confidence"].startswith("min-confidence = 0.3") and row["min-confidence"].endswith("# command line")
    assert row["unsafe-fixes"].endswith("# default")
    assert any(l.startswith("threshold = 93.0") and l.endswith(f"# {cfg}") for l in lines)


def test_show_settings_reads_back_as_the_same_settings(repo, capsys, tmp_path):
    write(repo / "repair.toml", 'exclude = ["drafts"]\nformat = "github"\n[broken-wrap]\nmin-confidence = 0.7\n'
                                "[fused-headline]\nmax-chars = 33\n")
    main(["check", "--show-settings", "--ignore", "truncated-sentence", "pages"])
    shown = capsys.readouterr().out
    again = write(tmp_path / "again" / "repair.toml", shown)         # it is valid TOML in repair.toml form
    assert tomllib.loads(shown)["format"] == "github"
    a = resolve(["pages"], {"ignore": ("truncated-sentence",)}).settings
    b = resolve(["pages"], {}, config_path=str(again)).settings
    assert b.root != a.root
    for opt in OPTIONS:
        field, _, kind = opt.field.partition(":")
        if kind:
            assert a.min_confidence_for(kind) == b.min_confidence_for(kind), opt.key
        else:
            assert getattr(a, field) == getattr(b, field), opt.key


def test_every_option_is_documented_in_the_readme():
    readme = open(os.path.join(os.path.dirname(__file__), "..", "README.md"), encoding="utf-8").read()
    section = readme.split("<!-- hooks:start -->")[1].split("<!-- hooks:end -->")[0]
    for opt in OPTIONS:
        key = opt.key.rpartition(".")[2]
        assert f"{key} =" in section or f"`{key}`" in section, opt.key
    for kind in KINDS:
        assert f"[tool.repair.{kind}]" in section or f"`{kind}`" in section, kind
