import json
import os
import shutil

import pytest

from repair.cli import main
from conftest import SEEDS

DAMAGED = "# 标题\n\n创新引领,精准施策,打造全要素量化考核新标杆,切实以精准化考\n\n核推动工作提质,以刚性约束推动责任落实。\n"
CLEAN = "# 标题\n\n创新引领,精准施策,打造全要素量化考核新标杆。\n"


@pytest.fixture
def page(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(DAMAGED, encoding="utf-8")
    return p


def test_check_text_format_and_exit_code(page, capsys):
    assert main(["check", str(page)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [f"{page}:5:1: broken-wrap a paragraph break inside a paragraph: join “,切实以精准化考” + “核推动工作提质,” (0.90) [fix]"]


def test_check_clean_exits_zero(tmp_path, capsys):
    p = tmp_path / "clean.txt"
    p.write_text(CLEAN, encoding="utf-8")
    assert main(["check", str(p)]) == 0


def test_json_contract(page, capsys):
    assert main(["check", "--format", "json", str(page)]) == 1
    items = json.loads(capsys.readouterr().out)
    assert len(items) == 1
    f = items[0]
    for key in ("path", "kind", "variant", "line", "end_line", "message", "confidence", "safe", "fix"):
        assert key in f
    assert (f["kind"], f["variant"], f["line"], f["end_line"], f["safe"]) == ("broken-wrap", None, 5, 5, True)
    edit = f["fix"]["edits"][0]
    assert DAMAGED[edit["start"]:edit["end"]] == "\n\n" and edit["replacement"] == ""


def test_select_ignore_and_min_confidence(page, capsys):
    assert main(["check", "--ignore", "broken-wrap", str(page)]) == 0
    assert main(["check", "--select", "duplicate-paragraph", str(page)]) == 0
    assert main(["check", "--min-confidence", "0.95", str(page)]) == 0


def test_unknown_kind_is_a_usage_error(page):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--select", "no-such-kind", str(page)])
    assert exc.value.code == 2


def test_fix_in_place_diff_and_stdout(page, tmp_path, capsys):
    assert main(["fix", "--diff", str(page)]) == 1
    diff = capsys.readouterr().out
    assert diff.startswith(f"--- {page}\t(original)\n+++ {page}\t(fixed)") and "\n+创新引领" in diff
    assert page.read_text(encoding="utf-8") == DAMAGED            # --diff writes nothing
    assert main(["fix", "--stdout", str(page)]) in (0, 1)
    assert "考核推动工作提质" in capsys.readouterr().out
    out = tmp_path / "out.txt"
    main(["fix", "-o", str(out), str(page)])
    assert "考核推动" in out.read_text(encoding="utf-8") and page.read_text(encoding="utf-8") == DAMAGED
    assert main(["fix", str(page)]) == 1                           # changed a file
    assert "考核推动" in page.read_text(encoding="utf-8")
    assert main(["fix", str(page)]) == 0                           # nothing left to do


def test_directories_are_searched_for_txt_and_md(tmp_path, capsys):
    shutil.copy(os.path.join(SEEDS, "000_8924719f4df33d59.txt"), tmp_path / "a.txt")
    (tmp_path / "b.md").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "c.json").write_text(DAMAGED, encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "a.txt:" in out and "b.md:" in out and "c.json" not in out


def test_unsafe_fixes_only_when_asked(tmp_path):
    src = open(os.path.join(SEEDS, "000_8924719f4df33d59.txt"), encoding="utf-8").read()
    p = tmp_path / "p.txt"
    p.write_text(src, encoding="utf-8")
    main(["fix", str(p)])
    safe = p.read_text(encoding="utf-8")
    assert "柔性引进专家最长可达7天6晚。" not in safe
    main(["fix", "--unsafe-fixes", str(p)])
    assert "柔性引进专家最长可达7天6晚。" in p.read_text(encoding="utf-8")


def test_jobs_give_the_same_output_in_the_same_order(tmp_path, capsys):
    for name in sorted(os.listdir(SEEDS)):
        if name.endswith(".txt"):
            shutil.copy(os.path.join(SEEDS, name), tmp_path / name)
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary\xff")
    outputs = []
    for jobs in ("1", "2"):
        code = main(["check", "--jobs", jobs, "--format", "json", str(tmp_path)])
        captured = capsys.readouterr()
        outputs.append((code, captured.out, captured.err))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] == 2 and "bad.txt" in outputs[0][2]      # the unreadable file is still an error
    assert len({item["path"] for item in json.loads(outputs[0][1])}) == 5

    copies = []
    for jobs in ("1", "2"):
        folder = tmp_path / f"fix{jobs}"
        folder.mkdir()
        for name in sorted(os.listdir(SEEDS)):     # the bundled seeds are read-only: copy the bytes
            if name.endswith(".txt"):
                (folder / name).write_bytes(open(os.path.join(SEEDS, name), "rb").read())
        main(["fix", "--jobs", jobs, str(folder)])
        capsys.readouterr()
        copies.append({p: (folder / p).read_bytes() for p in sorted(os.listdir(folder))})
    assert copies[0] == copies[1]
    assert any(copies[0][p] != open(os.path.join(SEEDS, p), "rb").read() for p in copies[0])


def test_output_file_takes_one_input_file_not_a_folder(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["fix", "-o", str(tmp_path / "out.txt"), SEEDS])
    assert exc.value.code == 2
    assert not (tmp_path / "out.txt").exists()


def test_eval_prints_the_tables_from_the_root_and_refuses_elsewhere(tmp_path, monkeypatch, capsys):
    from conftest import ROOT
    monkeypatch.chdir(ROOT)
    assert main(["eval", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "**Detection, cases**" in out and "| broken-wrap |" in out and "fixed exactly as labelled" in out
    monkeypatch.chdir(tmp_path)
    assert main(["eval"]) == 2
    assert "no labelled data here" in capsys.readouterr().err
