"""What each key does: one session call each, refusals explained, dialogs where a key asks first.
A mixin for ReviewApp (tui/app.py), which owns the bindings, the layout and `show_all`."""
from __future__ import annotations

from typing import Callable, Optional

from ..model import KINDS, Finding
from ..review_set import ReviewSet
from ..review import ReviewSession
from ..review_ops import control_chars
from ..textio import InputError
from .screens import ConfirmScreen, EditScreen, HelpScreen


class Actions:
    review: ReviewSet
    session: Optional[ReviewSession]

    def _target(self) -> tuple[Optional[ReviewSession], Optional[Finding]]:
        """The session and finding an action works on, or a note saying why there is none."""
        s = self.session
        if s is None or not s.detected or s.current is None:
            self.notify("still detecting findings in this file…" if s and not s.detected else "no finding selected",
                        severity="warning")
            return None, None
        return s, s.current

    def _run(self, call: Callable[[], None]) -> None:
        """Run a session call; if refused, say why (nothing was changed)."""
        try:
            call()
        except ValueError as exc:              # TextLossError is a ValueError
            self.notify(str(exc), title="not applied", severity="error", markup=False)
        self.show_all()

    # --- actions ------------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        if self.session:
            self.session.move(step)
            self.show_all()

    def action_accept(self) -> None:
        s, f = self._target()
        if f:
            self._run(lambda: s.accept(f))

    def action_reject(self) -> None:
        s, f = self._target()
        if f:
            self._run(lambda: s.reject(f))

    def action_skip(self) -> None:
        s, f = self._target()
        if f:
            self._run(lambda: s.skip(f))

    def action_edit(self) -> None:
        s, f = self._target()
        if not f:
            return
        lo, hi, proposed = s.edit_region(f)
        bad = control_chars(s.text[lo:hi])
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
        s, f = self._target()
        if not f:
            return
        todo = [g for g, st in s.rows if st is None and g.kind == f.kind and g.fix]
        unsafe = sum(1 for g in todo if not g.safe)

        def answer(yes: Optional[bool]) -> None:
            if yes:
                done, problems = s.accept_all(f.kind)
                self.notify(f"accepted {done} {f.kind}" + (f"; {len(problems)} refused: {problems[0]}"
                                                             if problems else ""), markup=False)
                self.show_all()

        note = f" ({unsafe} marked unsafe)" if unsafe else ""
        self.push_screen(ConfirmScreen(f"Accept all {len(todo)} open {f.kind} finding(s){note} in {s.path}?"), answer)

    def action_undo(self) -> None:
        label = self.session.undo() if self.session else None
        self.notify(f"undone: {label}" if label else "nothing to undo", markup=False)
        self.show_all()

    def action_filter(self) -> None:
        s = self.session
        if s and s.detected:
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

    def check_action(self, action: str, parameters: tuple) -> Optional[bool]:
        return len(self.review.sessions) > 1 if action == "file" else True

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
