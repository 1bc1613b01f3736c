"""`repair review`: the Textual app. Every decision goes through repair.review.ReviewSession;
the app maps keys to session calls (tui/actions.py) and shows the result."""
from __future__ import annotations

import threading
from typing import Iterable, Optional

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static

from ..engine import CheckResult
from ..review import ReviewSession
from ..review_set import ReviewSet
from ..settings import Settings
from .actions import Actions
from .render import HEADER
from .widgets import DocumentView, FileList, FindingList, FixView


class ReviewApp(Actions, App):
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
    #findbox { height: 1fr; border: round $panel; }
    #findbox:focus-within { border: round $accent; }
    #findhead { color: $text-muted; }
    DocumentView { height: 3fr; border: round $panel; padding: 0 1; }
    #fixbox { height: 2fr; border: round $panel; padding: 0 1; }
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
                yield FileList(id="files")
                with Vertical(id="findbox"):
                    yield Static(HEADER, id="findhead")
                    yield FindingList(id="findings")
            with Vertical():
                yield DocumentView(id="doc")
                with VerticalScroll(id="fixbox"):
                    yield FixView(id="fix")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        for sel, title in (("#files", "files"), ("#doc", "page"), ("#fixbox", "proposed fix")):
            self.query_one(sel).border_title = title
        self.query_one("#files").display = len(self.review.sessions) > 1
        self.query_one(FindingList).focus()
        for err in self.review.errors:
            self.notify(err, severity="error", markup=False, timeout=10)
        if self.background:
            self.call_after_refresh(self.detect_pending)    # show the page first, then detect
        else:
            for s in self.review.pending():
                s.detect()
        self.show_all()

    def detect_pending(self) -> None:
        """Detection runs in a daemon thread: a big page shows at once, its findings follow, and
        quitting never waits for a detector to finish."""
        pending = self.review.pending()

        def run() -> None:
            for s in pending:
                result = s.run_check()
                try:
                    self.call_from_thread(self._adopt, s, result)
                except RuntimeError:        # the app has quit
                    return
        threading.Thread(target=run, name="repair-detect", daemon=True).start()

    def _adopt(self, s: ReviewSession, result: CheckResult) -> None:
        s.adopt(result)
        for err in result.errors:
            self.notify(f"{s.path}: {err}", severity="error", markup=False)
        self.show_all(moved=s is self.session)

    # --- showing ------------------------------------------------------------------------------
    def show_all(self, moved: bool = True) -> None:
        """Refresh what depends on the session; `moved`: the current finding may have changed."""
        s = self.session
        self.query_one(FileList).show(self.review.sessions, self.review.index)
        self.query_one(FindingList).show(s)
        box = self.query_one("#findbox")
        box.border_title = f"findings · {s.kind_filter}" if s and s.kind_filter else "findings"
        box.border_subtitle = f"{s.open_count} open of {len(s.findings)}" if s and s.detected else "detecting…"
        self.sub_title = (s.path + ("  [modified]" if s.dirty else "")) if s else "no files"
        if moved:
            self.query_one(DocumentView).show(s)
            self.query_one(FixView).show(s)
            self.query_one("#fixbox").scroll_home(animate=False)

    @on(FindingList.Chosen)
    def _chosen(self, event: FindingList.Chosen) -> None:
        if self.session:
            self.session.select(event.index)
            self.show_all()

    @on(OptionList.OptionSelected, "#files")
    def _file_chosen(self, event: OptionList.OptionSelected) -> None:
        self.review.go(event.option_index)
        self.show_all()


def build_app(paths: Iterable[str], settings: Settings = Settings(), background: bool = True) -> ReviewApp:
    """The one way to make the app, shared by `repair review` and the tests."""
    return ReviewApp(ReviewSet.open(paths, settings, detect=False), background=background)
