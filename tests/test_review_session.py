"""ReviewSession / ReviewSet: the review logic without any UI."""
import json
import os
import shutil

import pytest

from repair import review
from repair.decisions import FILENAME, Decisions
from repair.edits import TextLossError, apply_edits, verify
from repair.engine import fix_text
from repair.model import Edit, Finding, Fix
from repair.remap import Shift, remap
from repair.review import ReviewSession
from repair.review_set import ReviewSet
from repair.settings import Settings
from repair.textio import InputError

PAGE = os.path.join(os.path.dirname(__file__), "data", "review_page.txt")


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.txt"
    shutil.copy(PAGE, path)
    return str(path)


def kinds(s):
    return [f.kind for f, _ in s.rows]


def assert_offsets_valid(s):
    """Every listed fix still applies to the current text and passes the never-lose-text check."""
    for f, _ in s.rows:
        if f.fix:
            verify(s.text, [f.fix], apply_edits(s.text, f.fix.edits))
        assert 0 <= f.start <= f.end <= len(s.text)


def test_open_lists_the_findings_in_page_order(page):
    s = ReviewSession.open(page)
    assert kinds(s) == ["broken-wrap", "duplicate-paragraph"]
    assert s.current.kind == "broken-wrap" and s.open_count == 2 and not s.dirty


def test_accept_applies_the_fix_and_moves_to_the_next_open_finding(page):
    s = ReviewSession.open(page)
    s.accept(s.current)
    assert "信贷投放力度" in s.text and s.dirty
    assert kinds(s) == ["duplicate-paragraph"] and s.current.kind == "duplicate-paragraph"
    assert_offsets_valid(s)
    s.accept(s.current)
    assert s.text == fix_text(open(page, encoding="utf-8").read()).text
    assert s.rows == [] and s.current is None


def test_reject_then_write_records_the_decision_and_check_no_longer_raises_it(page, tmp_path):
    s = ReviewSession.open(page)
    s.move(1)
    dup = s.current
    s.reject(dup)
    assert kinds(s) == ["broken-wrap"] and s.dirty
    s.write()
    data = json.loads((tmp_path / FILENAME).read_text(encoding="utf-8"))
    assert [(e["kind"], e["path"], e["decision"]) for e in data["decisions"]] == \
        [("duplicate-paragraph", "page.txt", "rejected")]
    assert open(page, encoding="utf-8").read() == open(PAGE, encoding="utf-8").read()   # text untouched
    assert kinds(ReviewSession.open(page)) == ["broken-wrap"]
    assert len(ReviewSession.open(page, Settings(use_decisions=False)).rows) == 2       # --no-decisions


def test_rejected_finding_stays_rejected_after_an_accept_elsewhere(page, tmp_path):
    s = ReviewSession.open(page)
    s.reject(s.rows[1][0])
    s.accept(s.current)
    assert kinds(s) == [] and s.current is None
    s.write()
    assert kinds(ReviewSession.open(page)) == []      # the key was taken on the written text


def test_skip_keeps_the_finding_listed_but_not_open(page):
    s = ReviewSession.open(page)
    s.skip(s.current)
    assert s.rows[0][1] == "skipped" and s.open_count == 1
    assert s.current.kind == "duplicate-paragraph"


def test_edit_may_change_line_breaks(page):
    s = ReviewSession.open(page)
    f = s.current
    lo, hi, proposed = s.edit_region(f)
    assert "信贷投放力度" in proposed and s.text[lo:hi] != proposed
    s.edit(f, proposed.replace("信贷投放", "信贷投\n放"))
    assert "信贷投\n放力度" in s.text and "信贷投\n\n放" not in s.text
    assert_offsets_valid(s)


@pytest.mark.parametrize("change", [
    pytest.param(lambda t: t.replace("信贷投放", "信贷投入放"), id="adds-a-character"),
    pytest.param(lambda t: t.replace("信贷投放", "信贷放"), id="loses-a-character"),
])
def test_edit_that_adds_or_loses_text_is_refused_and_changes_nothing(page, change):
    s = ReviewSession.open(page)
    before, f = s.text, s.current
    with pytest.raises(TextLossError):
        s.edit(f, change(s.edit_region(f)[2]))
    assert s.text == before and s.history == []


def test_edit_that_changes_nothing_is_refused(page):
    s = ReviewSession.open(page)
    lo, hi, _ = s.edit_region(s.current)
    with pytest.raises(ValueError, match="nothing to apply"):
        s.edit(s.current, s.text[lo:hi])


def test_undo_is_multi_level_across_accept_reject_and_edit(page):
    s = ReviewSession.open(page)
    original = s.text
    f = s.current
    s.edit(f, s.edit_region(f)[2])
    s.reject(s.current)
    assert s.rows == []
    assert s.undo().startswith("reject duplicate-paragraph")
    assert kinds(s) == ["duplicate-paragraph"]
    assert s.undo().startswith("edit broken-wrap")
    assert s.text == original and kinds(s) == ["broken-wrap", "duplicate-paragraph"] and not s.dirty
    assert s.undo() is None


def test_accept_all_is_one_undo_step(tmp_path):
    path = tmp_path / "p.txt"
    text = open(PAGE, encoding="utf-8").read()
    path.write_text(text.replace("(吴拴拴)", "今年以来,我市持续优化营商环境,切实以精准化考\n\n核推动工作提质,以刚性约束推动责任落实。\n\n(吴拴拴)"),
                    encoding="utf-8")
    s = ReviewSession.open(str(path))
    wraps = sum(1 for f, _ in s.rows if f.kind == "broken-wrap")
    assert wraps == 2
    done, problems = s.accept_all("broken-wrap")
    assert (done, problems) == (2, [])
    assert kinds(s) == ["duplicate-paragraph"]
    assert s.undo() == "accept all 2 broken-wrap" and s.text == path.read_text(encoding="utf-8")


def test_write_keeps_bom_and_crlf(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + open(PAGE, encoding="utf-8").read().replace("\n", "\r\n").encode("utf-8"))
    s = ReviewSession.open(str(path))
    s.accept(s.current)
    s.write()
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert "信贷投放力度".encode() in data


def test_edit_keeps_crlf_line_breaks(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(open(PAGE, encoding="utf-8").read().replace("\n", "\r\n").encode("utf-8"))
    s = ReviewSession.open(str(path))
    f = s.current
    s.edit(f, s.edit_region(f)[2].replace("信贷投放", "信贷投\n放"))     # an editor types "\n"
    assert "信贷投\r\n放力度" in s.text and "\n" not in s.text.replace("\r\n", "")


def test_write_refuses_when_the_file_changed_on_disk(page):
    s = ReviewSession.open(page)
    s.accept(s.current)
    with open(page, "a", encoding="utf-8") as fh:
        fh.write("另一位编辑加的一行。\n")
    os.utime(page, ns=(1, 1))           # a different mtime even on coarse-clock filesystems
    with pytest.raises(InputError, match="changed on disk"):
        s.write()
    assert open(page, encoding="utf-8").read().endswith("另一位编辑加的一行。\n")


def test_undoing_a_written_rejection_removes_it_on_the_next_write(page, tmp_path):
    s = ReviewSession.open(page)
    s.reject(s.current)
    s.write()
    assert len(Decisions.load(str(tmp_path / FILENAME)).entries) == 1
    s.undo()
    assert s.dirty
    s.write()
    assert Decisions.load(str(tmp_path / FILENAME)).entries == []


def test_rejecting_again_with_no_decisions_then_undoing_keeps_the_old_entry(page, tmp_path):
    s = ReviewSession.open(page)
    s.reject(s.current)
    s.write()
    again = ReviewSession.open(page, Settings(use_decisions=False))
    again.reject(again.current)
    again.write()
    again.undo()
    again.write()
    assert len(Decisions.load(str(tmp_path / FILENAME)).entries) == 1


def test_decisions_go_to_the_repository_root_with_a_relative_path(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pages").mkdir()
    path = tmp_path / "pages" / "p1.txt"
    shutil.copy(PAGE, path)
    s = ReviewSession.open(str(path))
    s.reject(s.current)
    s.write()
    entries = Decisions.load(str(tmp_path / FILENAME)).entries
    assert [e["path"] for e in entries] == ["pages/p1.txt"]


def test_large_pages_remap_instead_of_redetecting(page, monkeypatch):
    monkeypatch.setattr(review, "REDETECT_MAX_CHARS", 0)
    s = ReviewSession.open(page)
    dup_line = s.rows[1][0].line
    s.accept(s.current)
    assert kinds(s) == ["duplicate-paragraph"] and s.current.line == dup_line - 2
    assert_offsets_valid(s)
    s.accept(s.current)
    assert s.text == fix_text(open(page, encoding="utf-8").read()).text


def test_remap_drops_a_finding_the_edit_touches_and_shifts_the_rest():
    text = "ab\n\ncd\n\nef"
    f = Finding("broken-wrap", None, 6, 8, 5, 5, "m", "w", 0.9, Fix((Edit(6, 8, ""),), "join", True))
    shift = Shift(text, [Edit(2, 4, "")])
    moved = remap(f, shift)
    assert (moved.start, moved.end, moved.line, moved.fix.edits) == (4, 6, 3, (Edit(4, 6, ""),))
    assert remap(f, Shift(text, [Edit(7, 9, "")])) is None


def test_filter_by_kind(page):
    s = ReviewSession.open(page)
    s.set_filter("duplicate-paragraph")
    assert kinds(s) == ["duplicate-paragraph"] and s.current.kind == "duplicate-paragraph"
    s.set_filter(None)
    assert len(s.rows) == 2


def test_review_set_opens_a_directory_and_reports_unreadable_files(tmp_path):
    shutil.copy(PAGE, tmp_path / "a.txt")
    shutil.copy(PAGE, tmp_path / "b.txt")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary")
    rs = ReviewSet.open([str(tmp_path)], detect=False)
    assert [os.path.basename(s.path) for s in rs.sessions] == ["a.txt", "b.txt"]
    assert len(rs.errors) == 1 and "binary" in rs.errors[0]
    rs.go(1)
    assert [os.path.basename(s.path) for s in rs.pending()] == ["b.txt", "a.txt"]
