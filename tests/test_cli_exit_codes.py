"""Exit codes (0 clean, 1 findings or files changed, 2 errors), --statistics, and the decisions
file from the command line (--add-decisions, --no-decisions)."""
import json

import pytest

from repair.cli import main
from repair.decisions import FILENAME, VERSION
from repair.model import KINDS

DAMAGED = "# 标题\n\n创新引领,精准施策,打造全要素量化考核新标杆,切实以精准化考\n\n核推动工作提质,以刚性约束推动责任落实。\n"
CLEAN = "# 标题\n\n创新引领,精准施策,打造全要素量化考核新标杆。\n"
DUPLICATE = "# 标题\n\n杭锦旗年处理25万吨煤系高岭土项目全力推进\n\n杭锦旗年处理25万吨煤系高岭土项目全力推进\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()                       # the decisions file goes to the repository root
    for name, text in {"damaged.txt": DAMAGED, "clean.txt": CLEAN, "dup.txt": DUPLICATE}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("argv, code", [
    pytest.param(["check", "clean.txt"], 0, id="check-clean"),
    pytest.param(["check", "damaged.txt"], 1, id="check-findings"),
    pytest.param(["check", "binary.txt"], 2, id="check-unreadable"),
    pytest.param(["check", "missing.txt"], 2, id="check-missing"),
    pytest.param(["check", "damaged.txt", "binary.txt"], 2, id="check-error-beats-findings"),
    pytest.param(["check", "--format", "json", "damaged.txt"], 1, id="json-findings"),
    pytest.param(["check", "--format", "sarif", "clean.txt"], 0, id="sarif-clean"),
    pytest.param(["check", "--format", "github", "damaged.txt"], 1, id="github-findings"),
    pytest.param(["fix", "clean.txt"], 0, id="fix-nothing-to-do"),
    pytest.param(["fix", "--diff", "damaged.txt"], 1, id="fix-diff-would-change"),
    pytest.param(["fix", "--diff", "clean.txt"], 0, id="fix-diff-clean"),
    pytest.param(["fix", "binary.txt"], 2, id="fix-unreadable"),
    pytest.param(["check", "--config", "nope.toml", "clean.txt"], 2, id="missing-config"),
])
def test_exit_codes(repo, argv, code):
    assert main(argv) == code


def test_fix_exits_one_when_it_changed_a_file_then_zero(repo):
    assert main(["fix", "damaged.txt"]) == 1
    assert "考核推动" in (repo / "damaged.txt").read_text(encoding="utf-8")
    assert main(["fix", "damaged.txt"]) == 0
    assert main(["check", "damaged.txt"]) == 0


@pytest.mark.parametrize("argv", [["check", "--format", "xml", "x.txt"], ["check"], ["check", "--select", "nope", "x"]])
def test_usage_errors_exit_two(argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def statistics_rows(err):
    rows = {}
    for line in err.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1] in (*KINDS, "total") and all(x.isdigit() for x in parts[:1] + parts[2:]):
            rows[parts[1]] = [int(x) for x in [parts[0], *parts[2:]]]
    return rows


def test_statistics_count_per_kind_over_all_files_on_stderr(repo, capsys):
    (repo / "damaged2.md").write_text(DAMAGED, encoding="utf-8")
    assert main(["check", "--statistics", "--format", "json", "."]) == 2   # binary.txt is an error
    out, err = capsys.readouterr()
    items = json.loads(out)                                             # stdout stays one JSON document
    rows = statistics_rows(err)
    wraps = sum(1 for i in items if i["kind"] == "broken-wrap")
    dups = sum(1 for i in items if i["kind"] == "duplicate-paragraph")
    assert wraps >= 2 and dups >= 1
    assert rows["broken-wrap"][:2] == [wraps, len({i["path"] for i in items if i["kind"] == "broken-wrap"})]
    assert rows["duplicate-paragraph"][0] == dups
    assert rows["truncated-sentence"][0] == sum(1 for i in items if i["kind"] == "truncated-sentence")
    assert rows["total"][0] == len(items)
    assert rows["broken-wrap"][2] == sum(1 for i in items if i["kind"] == "broken-wrap" and i["safe"])


def test_statistics_for_fix_count_fixes_applied(repo, capsys):
    assert main(["fix", "--statistics", "damaged.txt", "dup.txt", "clean.txt"]) == 1
    rows = statistics_rows(capsys.readouterr().err)
    assert rows["broken-wrap"] == [1, 1] and rows["duplicate-paragraph"] == [1, 1] and rows["total"] == [2, 2]


def test_statistics_not_printed_unless_asked(repo, capsys):
    main(["check", "damaged.txt"])
    assert "broken-wrap" not in statistics_rows(capsys.readouterr().err)


# -- the decisions file --

def test_add_decisions_records_a_baseline_that_check_and_fix_honour(repo, capsys):
    assert main(["check", "--add-decisions", "damaged.txt", "dup.txt", "clean.txt"]) == 0
    assert f"{repo / FILENAME}: recorded 2 new finding(s)" in capsys.readouterr().err
    data = json.loads((repo / FILENAME).read_text(encoding="utf-8"))
    assert data["version"] == VERSION
    entries = sorted(data["decisions"], key=lambda e: e["path"])
    assert [(e["path"], e["kind"], e["decision"]) for e in entries] == [
        ("damaged.txt", "broken-wrap", "baseline"), ("dup.txt", "duplicate-paragraph", "baseline")]
    assert all(len(e["key"]) == 32 and e["excerpt"] for e in entries)
    assert "考⏎⏎核" in entries[0]["excerpt"]

    assert main(["check", "damaged.txt", "dup.txt"]) == 0               # adopted: the hook passes
    assert main(["check", "--no-decisions", "damaged.txt", "dup.txt"]) == 1
    assert main(["fix", "damaged.txt"]) == 0                            # a baselined finding is not fixed
    assert (repo / "damaged.txt").read_text(encoding="utf-8") == DAMAGED
    assert main(["fix", "--no-decisions", "damaged.txt"]) == 1

    capsys.readouterr()
    assert main(["check", "--add-decisions", "damaged.txt", "dup.txt"]) == 0   # nothing new: stays once
    assert "recorded 0 new finding(s)" in capsys.readouterr().err
    assert len(json.loads((repo / FILENAME).read_text(encoding="utf-8"))["decisions"]) == 2


def test_worker_processes_honour_the_decisions_file(repo, capsys):
    # with --jobs the engine runs in other processes: each must read the decisions file too
    assert main(["check", "--add-decisions", "damaged.txt"]) == 0
    assert main(["check", "--jobs", "2", "damaged.txt", "dup.txt", "clean.txt"]) == 1
    out = capsys.readouterr().out
    assert "dup.txt" in out and "damaged.txt" not in out
    assert main(["fix", "--jobs", "2", "damaged.txt", "dup.txt"]) == 1
    assert (repo / "damaged.txt").read_text(encoding="utf-8") == DAMAGED      # baselined: left alone
    assert (repo / "dup.txt").read_text(encoding="utf-8") != DUPLICATE         # fixed in a worker


def test_decisions_survive_edits_elsewhere_in_the_file(repo):
    main(["check", "--add-decisions", "damaged.txt"])
    (repo / "damaged.txt").write_text("# 新标题\n\n另一段完整的话。\n\n" + DAMAGED[5:], encoding="utf-8")
    assert main(["check", "damaged.txt"]) == 0                         # lines moved, content key holds


def test_new_damage_is_still_reported_after_a_baseline(repo):
    main(["check", "--add-decisions", "damaged.txt"])
    (repo / "damaged.txt").write_text(DAMAGED + "\n" + DUPLICATE, encoding="utf-8")
    assert main(["check", "damaged.txt"]) == 1


def test_add_decisions_paths_are_relative_to_the_decisions_file(repo, monkeypatch):
    (repo / "sub").mkdir()
    (repo / "sub" / "p.txt").write_text(DAMAGED, encoding="utf-8")
    monkeypatch.chdir(repo / "sub")
    assert main(["check", "--add-decisions", "p.txt"]) == 0
    (entry,) = json.loads((repo / FILENAME).read_text(encoding="utf-8"))["decisions"]
    assert entry["path"] == "sub/p.txt"


def test_add_decisions_reports_unreadable_files(repo):
    assert main(["check", "--add-decisions", "damaged.txt", "binary.txt"]) == 2
    assert len(json.loads((repo / FILENAME).read_text(encoding="utf-8"))["decisions"]) == 1


def test_a_broken_decisions_file_is_an_error_naming_it(repo, capsys):
    (repo / FILENAME).write_text("{not json", encoding="utf-8")
    assert main(["check", "damaged.txt"]) == 2
    assert str(repo / FILENAME) in capsys.readouterr().err
    assert main(["fix", "damaged.txt"]) == 2
    assert (repo / "damaged.txt").read_text(encoding="utf-8") == DAMAGED
    assert main(["check", "--no-decisions", "damaged.txt"]) == 1      # the way out the message implies


def test_summary_counts_the_files_that_could_not_be_read(repo, capsys):
    assert main(["check", "clean.txt", "binary.txt"]) == 2
    err = capsys.readouterr().err
    assert "binary.txt" in err and err.rstrip().endswith("1 file(s) checked, no findings; 1 error(s), see above")
