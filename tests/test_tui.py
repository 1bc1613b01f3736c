"""The review TUI driven with Textual's Pilot: keys in, files and the decisions file out.

pytest-asyncio is not required: each test runs its coroutine with asyncio.run.
"""
import asyncio
import io
import json
import os
import shutil

import pytest
from rich.console import Console

from repair.decisions import FILENAME
from repair.document import Document
from repair.model import Finding
from repair.settings import Settings
from repair.tui import build_app
from repair.tui.render import document_view, window
from repair.tui.screens import ConfirmScreen, EditScreen

DATA = os.path.join(os.path.dirname(__file__), "data")
PAGE = os.path.join(DATA, "review_page.txt")
SIZE = (120, 40)


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.txt"
    shutil.copy(PAGE, path)
    return path


def run(app, script):
    """Run `script(pilot)` inside app.run_test and return what it returns."""
    async def main():
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(200):                  # background detection: wait for every file
                if all(s.detected for s in app.review.sessions):
                    break
                await pilot.pause(0.05)
            await pilot.pause()
            return await script(pilot)
    return asyncio.run(main())


def capture_notes(app):
    notes = []
    original = app.notify

    def notify(message, **kwargs):
        notes.append(str(message))
        return original(message, **kwargs)
    app.notify = notify
    return notes


def screen_text(app) -> str:
    """The screen as plain text, exactly as the compositor would send it to the terminal."""
    console = Console(width=SIZE[0], height=SIZE[1], file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def screen_of(renderable, width=60) -> str:
    console = Console(width=width, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


def test_step_accept_reject_write(page, tmp_path):
    app = build_app([str(page)], background=False)

    async def script(pilot):
        s = app.session
        assert s.current.kind == "broken-wrap"
        await pilot.press("n")
        assert s.current.kind == "duplicate-paragraph"
        await pilot.press("p")
        assert s.current.kind == "broken-wrap"
        await pilot.press("a")                      # accept the wrap; moves on to the duplicate
        assert s.current.kind == "duplicate-paragraph" and "信贷投放力度" in s.text
        await pilot.press("r")                      # reject the duplicate
        assert s.rows == [] and s.dirty
        await pilot.press("w")
        assert not s.dirty
    run(app, script)
    text = page.read_text(encoding="utf-8")
    assert "信贷投放力度" in text and text.count("辖内银行机构已累计投放") == 2
    entries = json.loads((tmp_path / FILENAME).read_text(encoding="utf-8"))["decisions"]
    assert [(e["kind"], e["path"]) for e in entries] == [("duplicate-paragraph", "page.txt")]


def test_arrow_keys_and_skip(page):
    app = build_app([str(page)], background=False)

    async def script(pilot):
        s = app.session
        await pilot.press("down")
        assert s.cursor == 1
        await pilot.press("up", "s")
        assert s.rows[0][1] == "skipped" and s.current.kind == "duplicate-paragraph"
    run(app, script)


def test_edit_applies_a_valid_edit_and_explains_a_refused_one(page):
    app = build_app([str(page)], background=False)

    async def script(pilot):
        s = app.session
        await pilot.press("e")
        assert isinstance(app.screen, EditScreen)
        area = app.screen.query_one("TextArea")
        proposed = area.text
        area.text = proposed.replace("信贷投放", "信贷投入放")      # invents a character
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, EditScreen)                    # still open, says why
        assert "adds" in str(app.screen.query_one("#problem").render())
        area.text = proposed.replace("信贷投放", "信贷投\n放")      # a line break instead of a join
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, EditScreen)
        assert "信贷投\n放力度" in s.text
        await pilot.press("w")
    run(app, script)
    assert "信贷投\n放力度" in page.read_text(encoding="utf-8")


def test_undo_is_multi_level(page):
    app = build_app([str(page)], background=False)
    original = page.read_text(encoding="utf-8")

    async def script(pilot):
        s = app.session
        await pilot.press("a", "r")
        assert s.rows == []
        await pilot.press("u")
        assert [f.kind for f, _ in s.rows] == ["duplicate-paragraph"]
        await pilot.press("u")
        assert s.text == original and not s.dirty
        await pilot.press("w")
    run(app, script)
    assert page.read_text(encoding="utf-8") == original


def test_accept_all_asks_first(page):
    app = build_app([str(page)], background=False)

    async def script(pilot):
        s = app.session
        await pilot.press("n", "A")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")                      # no: nothing happens
        assert len(s.rows) == 2
        await pilot.press("A", "y")
        assert [f.kind for f, _ in s.rows] == ["broken-wrap"]
    run(app, script)


def test_quit_asks_when_there_are_unsaved_changes(page):
    app = build_app([str(page)], background=False)

    async def script(pilot):
        await pilot.press("a", "q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.is_running and not isinstance(app.screen, ConfirmScreen)
        await pilot.press("q", "y")
        await pilot.pause()
        assert not app.is_running
    run(app, script)
    assert page.read_text(encoding="utf-8") == open(PAGE, encoding="utf-8").read()


def test_write_refuses_a_file_changed_on_disk(page):
    app = build_app([str(page)], background=False)
    notes = capture_notes(app)

    async def script(pilot):
        await pilot.press("a")
        page.write_text("someone else's version\n", encoding="utf-8")
        os.utime(page, ns=(1, 1))
        await pilot.press("w")
        assert app.session.dirty
    run(app, script)
    assert page.read_text(encoding="utf-8") == "someone else's version\n"
    assert any("changed on disk" in n for n in notes)


def test_several_files_background_detection_and_file_list(tmp_path):
    shutil.copy(PAGE, tmp_path / "a.txt")
    shutil.copy(PAGE, tmp_path / "[red]b.txt")         # a markup-like name shows as it is
    app = build_app([str(tmp_path)], background=True)

    async def script(pilot):
        assert [s.detected for s in app.review.sessions] == [True, True]
        assert "[red]b.txt" in screen_text(app)
        await pilot.press("]")
        assert app.review.index == 1
        await pilot.press("a", "[")
        assert app.review.index == 0 and app.review.sessions[1].dirty
        assert os.path.basename(app.review.sessions[1].path) == "a.txt"
        assert "a.txt*1" in screen_text(app).replace(" ", "")      # modified, one finding open
    run(app, script)


def test_markup_and_control_characters_show_as_text(tmp_path):
    page = tmp_path / "odd.txt"
    page.write_text("# 标题 [bold]不加粗[/bold]\n\n正文里有 [red]标记[/] 和控制符\x1b[31m 与响铃\x07,这一段在这里被断\n\n"
                    "开了,后面还有文字。\n", encoding="utf-8")
    app = build_app([str(page)], settings=Settings(use_decisions=False), background=False)

    async def script(pilot):
        text = screen_text(app)
        await pilot.press("n", "p", "question_mark", "escape")
        return text, screen_text(app)
    before, after = run(app, script)
    for text in (before, after):
        assert "[bold]不加粗[/bold]" in text and "[red]标记[/]" in text
        assert "\\x1b[31m" in text and "\\x07" in text
        assert "\x1b" not in text and "\x07" not in text


def test_editor_refuses_a_region_with_control_characters(tmp_path):
    page = tmp_path / "odd.txt"
    page.write_text("正文里有控制符\x1b[31m 与响铃\x07,这一段在这里被断\n\n开了,后面还有文字。\n", encoding="utf-8")
    app = build_app([str(page)], settings=Settings(use_decisions=False), background=False)
    notes = capture_notes(app)

    async def script(pilot):
        assert app.session.current.kind == "broken-wrap"
        await pilot.press("e")
        assert not isinstance(app.screen, EditScreen)
    run(app, script)
    assert any("control characters (\\x07\\x1b)" in n for n in notes)


def test_a_very_long_line_is_shown_around_the_finding():
    text = "甲" * 20000 + "乙[bold]\x1b" + "丙" * 20000
    f = Finding("broken-wrap", None, 20000, 20001, 1, 1, "m", "w", 0.9)
    doc = Document(text)
    out = screen_of(document_view(doc, f, *window(doc, f, 30, 60)))
    assert "乙[bold]\\x1b" in out and "(18000 characters)" in out and out.count("甲") < 3000


def test_snapshot_main_screen(snap_compare, monkeypatch):
    monkeypatch.chdir(DATA)
    app = build_app(["review_page.txt"], Settings(use_decisions=False), background=False)
    assert snap_compare(app, terminal_size=SIZE)


def test_snapshot_duplicate_finding(snap_compare, monkeypatch):
    monkeypatch.chdir(DATA)
    app = build_app(["review_page.txt"], Settings(use_decisions=False), background=False)
    assert snap_compare(app, press=["n"], terminal_size=SIZE)


def test_snapshot_help_screen(snap_compare, monkeypatch):
    monkeypatch.chdir(DATA)
    app = build_app(["review_page.txt"], Settings(use_decisions=False), background=False)
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE)
