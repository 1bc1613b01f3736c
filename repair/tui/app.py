"""`repair review`: the Textual app. Every decision goes through repair.review.ReviewSession;
this module only maps keys to session calls and shows the result."""
from __future__ import annotations

from typing import Iterable, Optional

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Header, OptionList

from ..model import KINDS
from ..review import ReviewSession
from ..review_edit import control_chars
from ..review_set import ReviewSet
from ..settings import Settings
from ..textio import InputError
from .screens import ConfirmScreen, EditScreen, HelpScreen
from .widgets import DocumentView, FileList, FindingTable, FixView


class ReviewApp(App):
    TITLE = "repair review"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("n", "move(1)", "next"), Binding("p", "move(-1)", "prev"),
        Binding("a", "accept", "accept"), Binding("r", "reject", "reject"), Binding("e", "edit", "edit"),
        Binding("s", "skip", "skip"), Binding("A", "accept_all", "accept all"), Binding("u", "undo", "undo"),
        Binding("f", "filter", "filter"), Binding("w", "write", "write"),
        Binding("right_square_bracket", "file(1)", "next file", key_display="]"),
        Binding("left_square_bracket", "file(-1)", "prev file", show=False, key_display="["),
        Binding("q", "quit", "quit"), Binding("question_mark", "help", "help", key_display="?"),
    ]
    CSS = """
    #left { width: 56; }
    #files { height: auto; max-height: 12; border: round $panel; }
    #findings { height: 1fr; border: round $panel; }
    #right { width: 1fr; }
    DocumentView { height: 3fr; border: round $panel; padding: 0 1; }
    #fixbox { height: 2fr; border: round $panel; padding: 0 1; }
    #files:focus, #findings:focus { border: round $accent; }
    """

    def __init__(self, review: ReviewSet, background: bool = True) -> None:
        super().__init__()
        self.review, self.background = review, background

    @property
    def session(self) -> Optional[ReviewSession]:
        return self.review.current

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="left"):
                files = FileList(id="files")
                files.display = len(self.review.sessions) > 1
                yield files
                yield FindingTable(id="findings")
            with Vertical(id="right"):
                yield DocumentView(id="doc")
                with VerticalScroll(id="fixbox"):
                    yield FixView(id="fix")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#files").border_title = "files"
        self.query_one("#doc").border_title = "page"
        self.query_one("#fixbox").border_title = "proposed fix"
        self.query_one(FindingTable).focus()
        for err in self.review.errors:
            self.notify(err, severity="error", markup=False, timeout=10)
        if self.background:
            self.call_after_refresh(self.detect_pending)   # first show the page, then detect
        else:
            for s in self.review.pending():
                s.detect()
        self.show_all(moved=True)

    @work(thread=True, exclusive=True, group="detect")
    def detect_pending(self) -> None:
        """Detection runs off the UI thread: a big page shows at once, its findings follow."""
        for s in self.review.pending():
            result = s.run_check()
            self.call_from_thread(self._adopt, s, result)

    def _adopt(self, s: ReviewSession, result) -> None:
        s.adopt(result)
        self.show_all(moved=s is self.session)

    # --- showing ------------------------------------------------------------------------------
    def show_all(self, moved: bool = True) -> None:
        s = self.session
        self.query_one(FileList).show(self.review.sessions, self.review.index)
        table = self.query_one(FindingTable)
        table.show(s)
        kind = s.kind_filter if s else None
        table.border_title = f"findings · {kind}" if kind else "findings"
        table.border_subtitle = (f"{s.open_count} open of {len(s.findings)}" if s and s.detected else "detecting…")
        self.sub_title = (s.path + ("  [modified]" if s.dirty else "")) if s else "no files"
        if moved:
            self.query_one(DocumentView).show(s)
            self.query_one(FixView).show(s)
            self.query_one("#fixbox").scroll_home(animate=False)

    @on(DataTable.RowHighlighted, "#findings")
    def _row(self, event: DataTable.RowHighlighted) -> None:
        s = self.session
        if s and event.cursor_row != s.cursor:
            s.select(event.cursor_row)
            self.show_all()

    @on(OptionList.OptionSelected, "#files")
    def _file(self, event: OptionList.OptionSelected) -> None:
        self.review.go(event.option_index)
        self.show_all()

    def _detected(self) -> Optional[ReviewSession]:
        s = self.session
        if s is None or not s.detected:
            self.notify("still detecting findings in this file…" if s else "no file", severity="warning")
            return None
        return s

    def _do(self, what, *args) -> None:
        """Run a session call on the current finding; show why it was refused, if it was."""
        s = self._detected()
        f = s and s.current
        if not f:
            if s:
                self.notify("no finding selected", severity="warning")
            return
        try:
            what(f, *args)
        except ValueError as exc:              # TextLossError too: nothing was changed
            self.notify(str(exc), title="not applied", severity="error", markup=False)
        self.show_all()

    # --- actions ------------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        if self.session:
            self.session.move(step)
            self.show_all()

    def action_accept(self) -> None:
        self._do(lambda f: self.session.accept(f))

    def action_reject(self) -> None:
        self._do(lambda f: self.session.reject(f))

    def action_skip(self) -> None:
        self._do(lambda f: self.session.skip(f))

    def action_edit(self) -> None:
        s = self._detected()
        f = s and s.current
        if not f:
            return
        lo, hi, proposed = s.edit_region(f)
        bad = control_chars(s.text[lo:hi] + proposed)
        if bad:
            self.notify(f"this part of the page holds control characters ({bad}); edit it in a text editor",
                        severity="error", markup=False)
            return

        def submit(text: str) -> Optional[str]:
            try:
                s.edit(f, text)
            except ValueError as exc:
                return f"not applied: {exc}"
            return None

        self.push_screen(EditScreen(f"edit {f.name} · line {f.line}", proposed, submit), lambda _: self.show_all())

    def action_accept_all(self) -> None:
        s = self._detected()
        f = s and s.current
        if not f:
            return
        n = sum(1 for g, st in s.rows if st is None and g.kind == f.kind and g.fix)

        def answer(yes: Optional[bool]) -> None:
            if yes:
                done, problems = s.accept_all(f.kind)
                self.notify(f"accepted {done} {f.kind}" + (f"; {len(problems)} refused: {problems[0]}"
                                                             if problems else ""), markup=False)
                self.show_all()

        self.push_screen(ConfirmScreen(f"Accept all {n} open {f.kind} finding(s) in {s.path}?"), answer)

    def action_undo(self) -> None:
        s = self.session
        label = s.undo() if s else None
        self.notify(f"undone: {label}" if label else "nothing to undo", markup=False)
        self.show_all()

    def action_filter(self) -> None:
        s = self._detected()
        if s:
            kinds = [None] + [k for k in KINDS if any(f.kind == k for f in s.findings)]
            s.set_filter(kinds[(kinds.index(s.kind_filter) + 1) % len(kinds)] if s.kind_filter in kinds else None)
            self.show_all()

    def action_write(self) -> None:
        s = self.session
        if s is None:
            return
        try:
            s.write()
        except (InputError, OSError, ValueError) as exc:
            self.notify(str(exc), title="not written", severity="error", markup=False, timeout=15)
        else:
            self.notify(f"wrote {s.path}", markup=False)
        self.show_all(moved=False)

    def action_file(self, step: int) -> None:
        self.review.go(self.review.index + step)
        self.show_all()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        dirty = self.review.dirty
        if not dirty:
            self.exit()
            return
        names = ", ".join(s.path for s in dirty[:3]) + (" …" if len(dirty) > 3 else "")
        self.push_screen(ConfirmScreen(f"Unsaved changes in {names}. Quit without writing?"),
                         lambda yes: self.exit() if yes else None)


def build_app(paths: Iterable[str], settings: Settings = Settings(), background: bool = True) -> ReviewApp:
    """The one way to make the app, shared by `repair review` and the tests."""
    return ReviewApp(ReviewSet.open(paths, settings, detect=False), background=background)
