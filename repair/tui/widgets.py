"""The review screen's widgets. They display a ReviewSession; they never decide anything."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList, Static

from ..report import escape
from ..review import ReviewSession
from .render import diff_view, document_view, finding_line, window

CURSOR, CURSOR_FOCUSED = "on #303050", "bold on #3a3a70"


class FileList(OptionList):
    """One line per file: name, open findings (… while detecting), * when modified."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: list[Text] = []

    def show(self, sessions: list[ReviewSession], current: int) -> None:
        labels = [self._label(s) for s in sessions]
        if self.option_count != len(labels):
            self.set_options(labels)
        else:
            for i, (old, new) in enumerate(zip(self._shown, labels)):
                if old.plain != new.plain:
                    self.replace_option_prompt_at_index(i, new)
        self._shown = labels
        if self.highlighted != current:
            self.highlighted = current

    @staticmethod
    def _label(s: ReviewSession) -> Text:
        count = f"{s.open_count:>4}" if s.detected else "   …"
        name = s.path.replace("\\", "/").rsplit("/", 1)[-1]
        t = Text(escape(name), overflow="ellipsis", no_wrap=True)
        t.append(("*" if s.dirty else " ") + count, "bold" if s.dirty else "")
        return t


class FindingList(ScrollView, can_focus=True):
    """The current file's findings, one line each. Virtual: only the visible rows are ever
    rendered, so a page with thousands of findings moves as fast as one with three."""

    BINDINGS = [Binding("up", "step(-1)", show=False), Binding("down", "step(1)", show=False),
                Binding("pageup", "step(-10)", show=False), Binding("pagedown", "step(10)", show=False),
                Binding("home", "step(-1000000000)", show=False), Binding("end", "step(1000000000)", show=False)]
    DEFAULT_CSS = "FindingList { height: 1fr; } FindingList:focus { background-tint: $foreground 3%; }"

    @dataclass
    class Chosen(Message):
        index: int

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session: Optional[ReviewSession] = None

    def show(self, session: Optional[ReviewSession]) -> None:
        self.session = session
        rows = session.rows if session else []
        self.virtual_size = Size(self.size.width, len(rows))
        if session and rows:
            top, height = int(self.scroll_offset.y), max(1, self.size.height)
            if not top <= session.cursor < top + height:
                self.scroll_to(y=max(0, session.cursor - height // 3), animate=False, immediate=True)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index, width = int(self.scroll_offset.y) + y, self.size.width
        rows = self.session.rows if self.session else []
        if index >= len(rows):
            return Strip.blank(width, self.rich_style)
        f, status = rows[index]
        text = finding_line(f, status, width)
        if index == self.session.cursor:
            text.stylize(CURSOR_FOCUSED if self.has_focus else CURSOR)
        return Strip(text.render(self.app.console), width).crop_extend(0, width, self.rich_style)

    def action_step(self, step: int) -> None:
        if self.session and self.session.rows:
            self.post_message(self.Chosen(max(0, min(self.session.cursor + step, len(self.session.rows) - 1))))

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_offset.y) + event.y
        if self.session and 0 <= index < len(self.session.rows):
            self.post_message(self.Chosen(index))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


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
