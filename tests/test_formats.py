"""Output for machines and CI: GitHub Actions annotations and SARIF 2.1.0 (validated against the
official schema, vendored in tests/data with a note of where it came from)."""
import io
import json
import os
import shutil
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from repair import Document, apply_edits, check
from repair.cli import main
from repair.decisions import finding_key
from repair.model import KINDS, Edit, Finding, Fix
from repair.report import GithubFormatter, Summary
from repair.textio import read
from conftest import SEEDS

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
DAMAGED = "# 标题\n\n创新引领,精准施策,打造全要素量化考核新标杆,切实以精准化考\n\n核推动工作提质,以刚性约束推动责任落实。\n"
# characters outside the BMP before the break: UTF-16 offsets would be off by 2 (one per pair)
ASTRAL = "# 标题𠀀😀\n\n创新引领,精准施策,打造全要素量化考核新标杆,切实以精准化考\n\n核推动工作提质,以刚性约束推动责任落实。\n"


def run(argv, capsys):
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


# -- GitHub Actions annotations --

def test_github_annotation_escapes_properties_and_message():
    text = "ab\ncd\n"
    f = Finding("broken-wrap", None, 2, 3, 2, 3, "50% done:\x1b[31m red", "why\r\nnext", 0.8,
                Fix((Edit(2, 3, ""),), "join", safe=True))
    out = io.StringIO()
    fmt = GithubFormatter(out)
    fmt.file("pages/a,b:c%.txt", Document(text), [f])
    fmt.close(Summary(errors=["x.bin: looks binary\n::error::injected"]))
    warning, error = out.getvalue().splitlines()
    assert warning == ("::warning file=pages/a%2Cb%3Ac%25.txt,line=2,endLine=3,col=1,title=repair broken-wrap::"
                       "50%25 done:\\x1b[31m red (0.80) [fix]%0Awhy\\x0d\\x0anext")
    # a newline in page content or an error can never start a second workflow command
    assert error == "::error title=repair::x.bin: looks binary\\x0a::error::injected"


def test_github_format_end_to_end(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(DAMAGED, encoding="utf-8")
    code, out, _ = run(["check", "--format", "github", str(page)], capsys)
    assert code == 1
    (line,) = out.splitlines()
    assert line.startswith(f"::warning file={str(page).replace(':', '%3A')},line=5,endLine=5,col=1,"
                           "title=repair broken-wrap::a paragraph break inside a paragraph")
    assert "%0A" in line and "\n" not in line.strip()


def test_github_format_reports_errors_as_error_annotations(tmp_path, capsys):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    code, out, _ = run(["check", "--format", "github", str(tmp_path / "bin.txt")], capsys)
    assert code == 2
    assert out.startswith("::error title=repair::") and "looks binary" in out


# -- SARIF 2.1.0 --

@pytest.fixture
def pages(tmp_path, monkeypatch):
    """Seed 000 (all four kinds, safe and unsafe fixes), a BOM page with astral characters under a
    non-ASCII name, a GB18030 page, a clean page and a binary file, checked from tmp_path."""
    d = tmp_path / "pages"
    d.mkdir()
    shutil.copy(os.path.join(SEEDS, "000_8924719f4df33d59.txt"), d / "seed.txt")
    (d / "页面.txt").write_bytes(b"\xef\xbb\xbf" + ASTRAL.encode("utf-8"))
    (d / "gb.txt").write_bytes(DAMAGED.encode("gb18030"))
    (d / "clean.md").write_text("# 标题\n\n一段完整的话。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return d


def sarif(argv, capsys):
    code, out, err = run(["check", "--format", "sarif", *argv], capsys)
    log = json.loads(out)
    jsonschema.Draft7Validator(SCHEMA).validate(log)
    return code, log


def test_sarif_is_valid_against_the_official_schema(pages, capsys):
    code, log = sarif(["pages"], capsys)
    assert code == 1
    run_ = log["runs"][0]
    assert log["version"] == "2.1.0" and run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(KINDS)
    assert {r["ruleId"] for r in run_["results"]} == set(KINDS)       # seed 000 has every kind
    for r in run_["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        region = r["locations"][0]["physicalLocation"]["region"]
        assert 1 <= region["startLine"] <= region["endLine"]
        assert 0 <= r["rank"] <= 100
    assert run_["invocations"][0]["executionSuccessful"] is True


def test_sarif_artifacts_uris_and_encodings(pages, capsys):
    _, log = sarif(["pages"], capsys)
    run_ = log["runs"][0]
    arts = {a["location"]["uri"]: a for a in run_["artifacts"]}
    assert set(arts) == {"pages/seed.txt", "pages/%E9%A1%B5%E9%9D%A2.txt", "pages/gb.txt", "pages/clean.md"}
    assert arts["pages/gb.txt"]["encoding"] == "gb18030" and arts["pages/seed.txt"]["encoding"] == "utf-8"
    assert all(a["location"]["uriBaseId"] == "SRCROOT" for a in arts.values())
    assert run_["originalUriBaseIds"]["SRCROOT"]["uri"] == Path(os.getcwd()).as_uri() + "/"
    for r in run_["results"]:
        loc = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert run_["artifacts"][loc["index"]]["location"]["uri"] == loc["uri"]
    _, log = sarif([str(pages / "gb.txt")], capsys)                     # an absolute path is a file URI
    assert log["runs"][0]["artifacts"][0]["location"] == {"uri": (pages / "gb.txt").as_uri()}


def replay(text, replacements):
    """Apply SARIF replacements (offsets into the original, in code points) from the back."""
    for rep in sorted(replacements, key=lambda r: r["deletedRegion"]["charOffset"], reverse=True):
        off, n = rep["deletedRegion"]["charOffset"], rep["deletedRegion"]["charLength"]
        text = text[:off] + rep.get("insertedContent", {}).get("text", "") + text[off + n:]
    return text


def test_sarif_fixes_are_our_edits_in_code_points(pages, capsys):
    _, log = sarif(["pages"], capsys)
    run_ = log["runs"][0]
    by_file: dict = {}
    for r in run_["results"]:
        by_file.setdefault(r["locations"][0]["physicalLocation"]["artifactLocation"]["index"], []).append(r)
    checked = 0
    for index, results in by_file.items():
        path = unquote(run_["artifacts"][index]["location"]["uri"])
        text = read(path).text                                           # decoded, BOM excluded
        findings = check(Document(text, path)).findings
        assert len(findings) == len(results)
        for f, r in zip(findings, results):
            assert r["partialFingerprints"]["repairContentKey/v1"] == finding_key(f, text)
            assert r["properties"]["safe"] == f.safe
            if not f.fix:
                assert "fixes" not in r
                continue
            (fix,) = r["fixes"]
            (change,) = fix["artifactChanges"]
            assert change["artifactLocation"]["index"] == index
            assert replay(text, change["replacements"]) == apply_edits(text, list(f.fix.edits))
            assert fix["properties"]["safe"] == f.fix.safe
            assert ("unsafe" in fix["description"]["text"]) == (not f.fix.safe)
            checked += 1
    assert checked >= 10


def test_sarif_offsets_count_code_points_after_the_bom(pages, capsys):
    _, log = sarif(["pages/页面.txt"], capsys)
    (result,) = log["runs"][0]["results"]
    (rep,) = result["fixes"][0]["artifactChanges"][0]["replacements"]
    region = rep["deletedRegion"]
    assert ASTRAL[region["charOffset"]:region["charOffset"] + region["charLength"]] == "\n\n"
    assert region["charOffset"] == ASTRAL.index("考\n\n核") + 1
    assert "insertedContent" not in rep                                    # a pure deletion


def test_sarif_records_errors_as_failed_execution(pages, capsys):
    (pages / "bin.txt").write_bytes(b"\x00\x00binary")
    code, log = sarif(["pages"], capsys)
    assert code == 2
    inv = log["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert any("bin.txt" in n["message"]["text"] for n in inv["toolExecutionNotifications"])


def test_sarif_clean_run(pages, capsys):
    code, log = sarif(["pages/clean.md"], capsys)
    assert code == 0 and log["runs"][0]["results"] == []


def test_schema_rejects_a_broken_log():
    """The vendored schema really validates: a log without runs, or a bad region, fails."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0"}, SCHEMA)
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                         "results": [{"message": {"text": "m"}, "locations": [
                                             {"physicalLocation": {"region": {"startLine": 0}}}]}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)
