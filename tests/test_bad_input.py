"""Bad and awkward input through the CLI (`repair.cli.main`) and the runner: nothing crashes,
nothing is half-written, every file keeps its encoding, BOM and newlines."""
import errno
import io
import json
import os
import re
import tempfile

import pytest

import repair.runner
from repair.cli import main

# A page cut mid-word (考/核) by a page break; `fix` joins it.
DAMAGED = "# 标题\n\n创新引领,精准施策,打造全要素量化考核新标杆,切实以精准化考\n\n核推动工作提质,以刚性约束推动责任落实。\n"
FIXED = "# 标题\n\n创新引领,精准施策,打造全要素量化考核新标杆,切实以精准化考核推动工作提质,以刚性约束推动责任落实。\n"
# Fixes that insert line breaks: a headline on the dateline's line; a headline dropped inside a paragraph.
FUSED = "# 空港物流园区举行氢能产业项目集中签约会 阿勒腾席热讯 近日,空港物流园区举行签约会,与5家企业正式达成合作。\n"
FUSED_FIXED = "# 空港物流园区举行氢能产业项目集中签约会\n阿勒腾席热讯 近日,空港物流园区举行签约会,与5家企业正式达成合作。\n"
DROPPED = ("# 树立和践行正确政绩观\n\n市融媒体中心记者 赵柔樾 刘鹏\n\n"
           "以前看病“跑断腿”,预约检查得排队长队填单子。现在情况不同了,缴费即自动排好检查时间。\n\n"
           "针对这一问题,市中心医院将预约系统与收费系统打通,患者完成检查项目缴费,后台系统便\n\n"
           "# 市中心医院:让医疗服务更有“温度”\n\n"
           "会自动为符合条件的患者分配最优的检查时间段,并同步推送提示信息。\n")
BARE_LF = re.compile(rb"(?<!\r)\n")
BOM = b"\xef\xbb\xbf"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def put(name: str, data: bytes) -> str:
    with open(name, "wb") as fh:
        fh.write(data)
    return name


def get(name: str) -> bytes:
    with open(name, "rb") as fh:
        return fh.read()


def leftovers(directory=".") -> list[str]:
    return [n for n in os.listdir(directory) if n.startswith(".repair-")]


def stdin_bytes(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# ---------------------------------------------------------------- unreadable input

@pytest.mark.parametrize("command", ["check", "fix"])
@pytest.mark.parametrize("data, message", [
    pytest.param(b"caf\xe9 au lait, na\xefve\n", "not valid UTF-8", id="latin-1"),
    pytest.param(b"ok line\n" + b"\x80\x81\xfe\n", "not valid UTF-8", id="stray-bytes"),
    pytest.param(b"abc\x00def\n", "binary", id="nul-bytes"),
    pytest.param(b"a" * 20000 + b"\x00", "binary", id="nul-after-first-8k"),
    pytest.param("标题\n".encode("utf-16"), "UTF-16", id="utf-16"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", id="png"),
])
def test_unreadable_file_exits_2_and_is_untouched(capsys, command, data, message):
    put("bad.txt", data)
    assert main([command, "bad.txt"]) == 2
    err = capsys.readouterr().err
    assert "bad.txt" in err and message in err
    assert get("bad.txt") == data
    assert not leftovers()


def test_undecodable_message_says_what_to_try(capsys):
    put("bad.txt", b"caf\xe9\n")
    main(["check", "bad.txt"])
    assert "iconv" in capsys.readouterr().err


def test_an_unreadable_file_does_not_stop_the_others(capsys):
    put("bad.txt", b"\xff\xfe\x00x")
    put("good.txt", DAMAGED.encode())
    assert main(["fix", "bad.txt", "good.txt"]) == 2
    assert get("good.txt") == FIXED.encode()


def test_missing_file_exits_2(capsys):
    assert main(["check", "nope.txt"]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_empty_file(capsys):
    put("empty.txt", b"")
    assert main(["check", "empty.txt"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "no findings" in err
    assert main(["check", "--format", "json", "empty.txt"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["fix", "empty.txt"]) == 0
    assert get("empty.txt") == b""
    assert not leftovers()


@pytest.mark.parametrize("data", [b"\n", b"\n\n\n", b"   \r\n\t\r\n", BOM], ids=["lf", "blank-lines", "ws-crlf", "bom-only"])
def test_whitespace_only_file(capsys, data):
    put("ws.txt", data)
    assert main(["check", "ws.txt"]) == 0
    assert main(["fix", "ws.txt"]) == 0
    assert get("ws.txt") == data


def one_line(size: int, lead: str = "") -> str:
    """Body sentences run into one line (a PDF extraction that lost every break), none alike."""
    sentence = lead + "笔者近日了解到,市公共资源交易服务中心坚持高位统筹、系统谋划、精准发力,创新出台考核方案"
    words = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(5000))
    parts, n, i = [], 0, 0
    while n < size:
        part = sentence + words[i % 4000:i % 4000 + 40 + i % 50] + "。"
        parts.append(part)
        n += len(part.encode())
        i += 1
    return "".join(parts)


def test_twenty_megabyte_single_line(capsys):
    line = one_line(20_000_000)
    put("huge.txt", line.encode())
    assert main(["check", "huge.txt"]) in (0, 1)
    assert "error" not in capsys.readouterr().err
    assert main(["fix", "huge.txt"]) in (0, 1)
    assert "error" not in capsys.readouterr().err
    after = get("huge.txt").decode("utf-8")
    assert not set(after) - set(line) and len(after) <= len(line)
    assert not leftovers()


def test_long_line_with_many_datelines_is_linear(monkeypatch):
    """Counts the characters handed to is_heading_like (wherever a detector imported it): linear
    work stays within a small multiple of the line's length."""
    import sys
    from repair import check, roles
    examined = [0]
    real = roles.is_heading_like

    def counting(text):
        examined[0] += len(text)
        return real(text)

    for name, module in list(sys.modules.items()):
        if name.startswith("repair.") and getattr(module, "is_heading_like", None) is real:
            monkeypatch.setattr(module, "is_heading_like", counting)
    line = one_line(100_000, lead="康巴什讯 ")
    check(line)
    assert examined[0] <= 20 * len(line)


# ---------------------------------------------------------------- newlines, BOM, encodings

def json_findings(capsys, *argv):
    assert main(["check", "--format", "json", *argv]) == 1
    return json.loads(capsys.readouterr().out)


def test_crlf_offsets_point_at_the_break(capsys):
    text = DAMAGED.replace("\n", "\r\n")
    put("crlf.txt", text.encode())
    [f] = json_findings(capsys, "crlf.txt")
    assert f["kind"] == "broken-wrap" and f["line"] == 5 and f["column"] == 1
    assert text[f["start"]:f["end"]] == "\r\n\r\n"
    assert text[f["start"] - 1] == "考" and text[f["end"]] == "核"
    for e in f["fix"]["edits"]:
        assert text[e["start"]:e["end"]].strip() == ""


@pytest.mark.parametrize("lf_in, lf_out", [
    pytest.param(DAMAGED, FIXED, id="join"),
    pytest.param(FUSED, FUSED_FIXED, id="split-inserts-newline"),
    pytest.param(DROPPED, None, id="move-headline"),
])
def test_fix_keeps_crlf_everywhere(capsys, lf_in, lf_out):
    put("lf.txt", lf_in.encode())
    put("crlf.txt", lf_in.replace("\n", "\r\n").encode())
    assert main(["fix", "lf.txt", "crlf.txt"]) == 1
    lf, crlf = get("lf.txt"), get("crlf.txt")
    if lf_out is not None:
        assert lf == lf_out.encode()
    assert lf != lf_in.encode()
    assert not BARE_LF.search(crlf)
    assert crlf == lf.replace(b"\n", b"\r\n")


def test_bom_is_kept_and_offsets_exclude_it(capsys):
    put("plain.txt", DAMAGED.encode())
    put("bom.txt", BOM + DAMAGED.encode())
    [plain] = json_findings(capsys, "plain.txt")
    [with_bom] = json_findings(capsys, "bom.txt")
    assert {k: v for k, v in with_bom.items() if k != "path"} == {k: v for k, v in plain.items() if k != "path"}
    assert DAMAGED[with_bom["start"] - 1] == "考"
    assert main(["fix", "bom.txt"]) == 1
    assert get("bom.txt") == BOM + FIXED.encode()


def test_bom_and_crlf_together(capsys):
    put("both.txt", BOM + FUSED.replace("\n", "\r\n").encode())
    assert main(["fix", "both.txt"]) == 1
    assert get("both.txt") == BOM + FUSED_FIXED.replace("\n", "\r\n").encode()


def test_gb18030_is_read_fixed_and_written_back_as_gb18030(capsys):
    put("gb.txt", DAMAGED.encode("gb18030"))
    [f] = json_findings(capsys, "gb.txt")
    assert f["line"] == 5 and DAMAGED[f["start"]:f["end"]] == "\n\n"
    assert main(["fix", "gb.txt"]) == 1
    data = get("gb.txt")
    assert data == FIXED.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


# ---------------------------------------------------------------- writing safely

def test_file_changed_between_read_and_write_is_refused(capsys, monkeypatch):
    put("page.txt", DAMAGED.encode())
    real = repair.runner.fix_text

    def edit_meanwhile(text, *a, **k):
        with open("page.txt", "a", encoding="utf-8") as fh:
            fh.write("编辑刚加的一句。\n")
        return real(text, *a, **k)

    monkeypatch.setattr(repair.runner, "fix_text", edit_meanwhile)
    assert main(["fix", "page.txt"]) == 2
    assert "changed on disk" in capsys.readouterr().err
    assert get("page.txt") == (DAMAGED + "编辑刚加的一句。\n").encode()
    assert not leftovers()


def test_same_size_change_with_the_same_mtime_is_refused(capsys, monkeypatch):
    """A coarse file-system clock (or `cp -p`) can leave mtime as it was: the content still differs."""
    put("page.txt", DAMAGED.encode())
    real = repair.runner.fix_text
    edited = DAMAGED.replace("标题", "新题").encode()

    def edit_meanwhile(text, *a, **k):
        st = os.stat("page.txt")
        put("page.txt", edited)
        os.utime("page.txt", ns=(st.st_atime_ns, st.st_mtime_ns))
        return real(text, *a, **k)

    monkeypatch.setattr(repair.runner, "fix_text", edit_meanwhile)
    assert main(["fix", "page.txt"]) == 2
    assert "changed on disk" in capsys.readouterr().err
    assert get("page.txt") == edited


@pytest.mark.parametrize("target", ["os.replace", "os.fsync"])
def test_write_failure_leaves_the_original_and_no_temp_file(capsys, monkeypatch, target):
    put("page.txt", DAMAGED.encode())
    put("other.txt", DAMAGED.encode())

    calls = []

    def fail(*args):
        calls.append(args)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(target, fail)
    assert main(["fix", "page.txt", "other.txt"]) == 2
    err = capsys.readouterr().err
    assert "page.txt" in err and "cannot write" in err and "No space left" in err
    assert calls
    assert get("page.txt") == DAMAGED.encode() and get("other.txt") == DAMAGED.encode()
    assert not leftovers()


def test_read_only_directory_is_reported(capsys, monkeypatch, in_tmp):
    put("page.txt", DAMAGED.encode())

    def denied(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    assert main(["fix", "page.txt"]) == 2
    assert "Permission denied" in capsys.readouterr().err
    assert get("page.txt") == DAMAGED.encode()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores directory permissions")
def test_really_read_only_directory(capsys, in_tmp):
    os.mkdir("ro")
    put("ro/page.txt", DAMAGED.encode())
    os.chmod("ro", 0o555)
    try:
        assert main(["fix", "ro/page.txt"]) == 2
        assert get("ro/page.txt") == DAMAGED.encode()
        assert not leftovers("ro")
    finally:
        os.chmod("ro", 0o755)


def test_only_the_failing_file_is_skipped(capsys, monkeypatch):
    put("a.txt", DAMAGED.encode())
    put("b.txt", DAMAGED.encode())
    real = os.replace

    def fail_for_a(src, dst):
        if os.path.basename(dst) == "a.txt":
            raise OSError(errno.EIO, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", fail_for_a)
    assert main(["fix", "a.txt", "b.txt"]) == 2
    assert get("a.txt") == DAMAGED.encode() and get("b.txt") == FIXED.encode()
    assert "1 of 2 file(s) changed" in capsys.readouterr().err


def test_symlink_is_followed_not_replaced(capsys):
    put("real.txt", DAMAGED.encode())
    os.symlink("real.txt", "link.txt")
    assert main(["fix", "link.txt"]) == 1
    assert os.path.islink("link.txt")
    assert get("real.txt") == FIXED.encode()


def test_permissions_are_kept(capsys):
    put("page.txt", DAMAGED.encode())
    os.chmod("page.txt", 0o640)
    assert main(["fix", "page.txt"]) == 1
    assert os.stat("page.txt").st_mode & 0o777 == 0o640


def test_output_option_leaves_the_input(capsys):
    put("in.txt", DAMAGED.replace("\n", "\r\n").encode("gb18030"))
    assert main(["fix", "in.txt", "-o", "out.txt"]) == 1
    assert get("in.txt") == DAMAGED.replace("\n", "\r\n").encode("gb18030")
    assert get("out.txt") == FIXED.replace("\n", "\r\n").encode("gb18030")


# ---------------------------------------------------------------- standard input

def test_check_stdin(capsys, monkeypatch):
    stdin_bytes(monkeypatch, DAMAGED.encode())
    assert main(["check", "-"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("-:5:1: broken-wrap")


def test_check_stdin_json_offsets(capsys, monkeypatch):
    stdin_bytes(monkeypatch, BOM + DAMAGED.replace("\n", "\r\n").encode())
    [f] = json_findings(capsys, "-")
    text = DAMAGED.replace("\n", "\r\n")
    assert f["path"] == "-" and text[f["start"]:f["end"]] == "\r\n\r\n"


@pytest.mark.parametrize("argv", [["fix", "--stdout", "-"], ["fix", "-"]], ids=["--stdout", "implicit"])
def test_fix_stdin_to_stdout(capsys, monkeypatch, argv):
    stdin_bytes(monkeypatch, DAMAGED.encode())
    assert main(argv) == 1
    assert capsys.readouterr().out == FIXED


@pytest.mark.parametrize("encode", [
    pytest.param(lambda s: s.replace("\n", "\r\n").encode(), id="crlf"),
    pytest.param(lambda s: BOM + s.encode(), id="bom"),
    pytest.param(lambda s: s.encode("gb18030"), id="gb18030"),
])
def test_fix_stdin_keeps_bytes_form(capsysbinary, monkeypatch, encode):
    stdin_bytes(monkeypatch, encode(DAMAGED))
    assert main(["fix", "--stdout", "-"]) == 1
    assert capsysbinary.readouterr().out == encode(FIXED)


def test_fix_file_to_stdout_leaves_file(capsysbinary):
    put("gb.txt", DAMAGED.encode("gb18030"))
    assert main(["fix", "--stdout", "gb.txt"]) == 1
    assert capsysbinary.readouterr().out == FIXED.encode("gb18030")
    assert get("gb.txt") == DAMAGED.encode("gb18030")


def test_bad_stdin_exits_2(capsys, monkeypatch):
    stdin_bytes(monkeypatch, b"\x00\x01binary")
    assert main(["fix", "--stdout", "-"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "<stdin>" in err


def test_empty_stdin(capsys, monkeypatch):
    stdin_bytes(monkeypatch, b"")
    assert main(["check", "-"]) == 0
    stdin_bytes(monkeypatch, b"")
    assert main(["fix", "--stdout", "-"]) == 0
    assert capsys.readouterr().out == ""


def test_fix_reports_a_crashed_detector(capsys, monkeypatch):
    """A detector that crashes during `fix` is an error (exit 2), as in `check`; the verified
    fixes of the other detectors are still written."""
    import repair.engine

    def boom(doc, settings):
        raise RuntimeError("boom")

    monkeypatch.setitem(repair.engine.DETECTORS, "duplicate-paragraph", boom)
    put("page.txt", DAMAGED.encode())
    assert main(["check", "page.txt"]) == 2
    assert "boom" in capsys.readouterr().err
    assert main(["fix", "page.txt"]) == 2
    assert "duplicate-paragraph: detector crashed" in capsys.readouterr().err
    assert get("page.txt") == FIXED.encode()
