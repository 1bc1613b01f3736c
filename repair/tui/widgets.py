"""The review screen's widgets. They display a ReviewSession; they never decide anything."""
from __future__ import annotations

from typing import Optional

from rich.text import Text
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Static

from ..report import escape
from ..review import ReviewSession
from .render import diff_view, document_view, finding_row, window

MSG_WIDTH = 26     # fits the 56-column list beside the page


class FileList(OptionList):
    """One line per file: name, open findings (… while detecting), * when modified."""

    def show(self, sessions: list[ReviewSession], current: int) -> None:
        prompts = [self._label(s) for s in sessions]
        if self.option_count != len(prompts):
            self.set_options(prompts)
        else:
            for i, p in enumerate(prompts):
                self.replace_option_prompt_at_index(i, p)
        if self.highlighted != current:
            self.highlighted = current

    @staticmethod
    def _label(s: ReviewSession) -> Text:
        count = f"{s.open_count:>4}" if s.detected else "   …"
        name = s.path.replace("\\", "/").rsplit("/", 1)[-1]
        t = Text(escape(name), overflow="ellipsis", no_wrap=True)
        t.append(("*" if s.dirty else " ") + count, "bold" if s.dirty else "")
        return t


class FindingTable(DataTable):
    """The current file's findings; rebuilt only when the list changes, else the cursor moves."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_columns(" ", "line", "kind", "conf", "message")
        self._rows: Optional[list] = None

    def show(self, session: Optional[ReviewSession]) -> None:
        rows = session.rows if session else []
        if rows is not self._rows:
            self._rows = rows
            self.clear()
            self.add_rows(finding_row(f, st, MSG_WIDTH) for f, st in rows)
        if session and rows and self.cursor_row != session.cursor:
            self.move_cursor(row=session.cursor, animate=False)


class DocumentView(Widget):
    """A window of the page's lines around the current finding — never the whole page."""

    DEFAULT_CSS = "DocumentView { height: 1fr; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session: Optional[ReviewSession] = None
        self.top: Optional[int] = None     # set by mouse scrolling; None = follow the finding
        self.span = (0, 0)

    def show(self, session: Optional[ReviewSession]) -> None:
        self.session, self.top = session, None
        self._place()

    def _place(self) -> None:
        """Choose the lines to show (cheap: only lines near the finding are measured)."""
        s = self.session
        if s is not None:
            width = max(10, self.content_size.width - 6)
            self.span = window(s.doc, s.current, max(1, self.content_size.height), width, self.top)
            self.border_subtitle = f"lines {self.span[0] + 1}–{self.span[1] + 1} of {len(s.doc.lines)}"
        self.refresh()

    def on_resize(self) -> None:
        self._place()

    def render(self):
        s = self.session
        if s is None:
            return Text("no readable files", "dim")
        return document_view(s.doc, s.current, *self.span)

    def _scroll(self, step: int) -> None:
        if self.session:
            self.top = max(0, min(self.span[0] + step, len(self.session.doc.lines) - 1))
            self._place()

    def on_mouse_scroll_down(self) -> None:
        self._scroll(3)

    def on_mouse_scroll_up(self) -> None:
        self._scroll(-3)


class FixView(Static):
    """Before/after of the current finding's fix, its reason and confidence."""

    def show(self, session: Optional[ReviewSession]) -> None:
        f = session.current if session else None
        if session is None:
            self.update("")
        elif not session.detected:
            self.update(Text("detecting findings…", "dim italic"))
        elif f is None:
            self.update(Text("no open findings in this file — w writes it, ] goes to the next file", "dim"))
        else:
            self.update(diff_view(session.doc, f))
