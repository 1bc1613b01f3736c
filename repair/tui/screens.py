"""Modal screens: the `?` help, yes/no confirmations (`A`, `q`), and the `e` editor."""
from __future__ import annotations

from typing import Callable, Optional

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea

from ..report import escape

KEYS = [
    ("n / ↓", "next finding"), ("p / ↑", "previous finding"),
    ("a", "accept the proposed fix, go to the next open finding"),
    ("r", "reject: never raise this finding again (saved on w)"),
    ("s", "skip for now, go to the next open finding"),
    ("e", "edit the fix (or the span) in an editor; ctrl+s applies, esc cancels"),
    ("A", "accept all open findings of this kind in this file (asks first)"),
    ("u", "undo the last accept / reject / skip / edit (many levels)"),
    ("f", "filter the list by kind (cycles through the kinds)"),
    ("w", "write this file (and its rejections to the decisions file)"),
    ("] / [", "next / previous file"), ("tab", "move focus between the lists"),
    ("q", "quit (asks when there is unsaved work)"), ("?", "this help"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Static { width: 84; height: auto; border: round $accent; padding: 1 2; background: $surface; }
    """

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold #d7af5f", no_wrap=True)
        table.add_column()
        for key, what in KEYS:
            table.add_row(key, what)
        box = Static(table)
        box.border_title = "repair review — keys (like git add -p)"
        box.border_subtitle = "esc closes"
        yield box


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [Binding("y,enter", "answer(True)", "yes"), Binding("n,escape", "answer(False)", "no")]
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Static { width: 64; height: auto; border: round $warning; padding: 1 2; background: $surface; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        box = Static(Text(escape(self.question) + "\n\n") + Text("y", "bold") + Text(" yes   ") + Text("n", "bold")
                     + Text(" no"))
        box.border_title = "confirm"
        yield box

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class EditScreen(ModalScreen[bool]):
    """Edit the proposed text. `submit(text)` applies it or returns why not (shown, screen stays)."""

    BINDINGS = [Binding("ctrl+s", "apply", "apply"), Binding("escape", "cancel", "cancel")]
    DEFAULT_CSS = """
    EditScreen { align: center middle; }
    EditScreen > Vertical { width: 90%; height: 80%; border: round $accent; background: $surface; }
    EditScreen TextArea { height: 1fr; }
    EditScreen #problem { height: auto; color: $error; padding: 0 1; }
    """

    def __init__(self, title: str, text: str, submit: Callable[[str], Optional[str]]) -> None:
        super().__init__()
        self.title_text, self.text, self.submit = title, text, submit

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            box.border_subtitle = "only line breaks, spaces and moved text may change"
            yield TextArea(self.text, soft_wrap=True, id="editor")
            yield Static("", id="problem")
        yield Footer()

    def action_apply(self) -> None:
        problem = self.submit(self.query_one(TextArea).text)
        if problem:
            self.query_one("#problem", Static).update(Text(escape(problem)))
        else:
            self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
