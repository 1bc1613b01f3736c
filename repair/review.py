"""Reviewing one file's findings: accept / reject / edit / skip / undo, then write. Pure Python:
the UI (repair.tui) only calls these methods; findings come from `repair.engine.check`.

- accept/edit apply a fix with `apply_edits` + `verify` (never lose text; TextLossError says why
  not), then re-detect, so no offset goes stale; pages over REDETECT_MAX_CHARS re-map the other
  findings instead (repair.remap drops any the edit touched).
- reject/skip close a finding for the session; decided findings follow the edits (re-mapped) and
  match fresh detections by place or content key. Rejections reach the decisions file on `write`,
  with the text, so `u` can take them back until then; quitting with unsaved work asks first.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Optional

from .decisions import Decisions, finding_key
from .document import Document
from .edits import apply_edits, select_fixes, verify
from .engine import MAX_ROUNDS, CheckResult, check
from .model import Finding, Fix
from .remap import Shift, remap
from .review_list import Listing, Row
from .review_ops import apply_verified, edit_region, minimal_edit, refusal, same_newlines, save_rejections
from .settings import Settings
from .textio import TextFile, read, write_atomic

# 50_000: check() takes ~0.3 s on 50k characters of the seeds (0.05 s on a typical 7k-character
# page) and grows faster than linearly (250 s at 1.9M); beyond this, accepting re-maps instead.
REDETECT_MAX_CHARS = 50_000


@dataclass(frozen=True)
class State:
    """What `undo` restores."""
    text: str
    findings: tuple[Finding, ...]
    decided: tuple[tuple[Finding, str], ...]
    cursor: int
    label: str


@dataclass
class ReviewSession(Listing):
    file: TextFile
    settings: Settings = field(default_factory=Settings)
    decisions_path: Optional[str] = None
    suppressed: frozenset = frozenset()       # content keys rejected in the decisions file
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    decided: list[tuple[Finding, str]] = field(default_factory=list)   # (finding, "rejected"|"skipped")
    kind_filter: Optional[str] = None
    cursor: int = 0                           # index into `rows`
    rows: list[Row] = field(default_factory=list)
    detected: bool = False
    errors: list[str] = field(default_factory=list)
    history: list[State] = field(default_factory=list)
    open_count: int = 0
    _saved: frozenset = frozenset()           # rejection keys the decisions file holds for us
    _added: frozenset = frozenset()           # ... of which this session added (undo may remove)
    _doc: Optional[Document] = None

    @classmethod
    def open(cls, path: str, settings: Settings = Settings(), detect: bool = True) -> "ReviewSession":
        """Read `path` (InputError if unreadable); detect now unless the caller does it later."""
        tf, decisions = read(path), Decisions.for_path(path)
        s = cls(tf, settings, decisions.path, frozenset(decisions.keys if settings.use_decisions else ()), tf.text)
        if detect:
            s.detect()
        return s

    @property
    def path(self) -> str:
        return self.file.path

    @property
    def doc(self) -> Document:
        if self._doc is None or self._doc.text is not self.text:
            self._doc = Document(self.text, self.path)
        return self._doc

    @property
    def dirty(self) -> bool:
        """Unsaved work: a changed text, or rejections not yet in the decisions file."""
        return self.text != self.file.text or set(self._reject_keys()) != self._saved

    def detect(self) -> None:
        self.adopt(self.run_check())

    def run_check(self) -> CheckResult:
        """Detection only: changes nothing here, so it may run in a worker thread."""
        return check(Document(self.text, self.path), self.settings)

    def adopt(self, result: CheckResult) -> None:
        self.errors, self.detected = result.errors, True
        self.findings = [f for f in result.findings if not self.suppressed
                         or finding_key(f, self.text) not in self.suppressed]
        self._refresh()

    # --- decisions ----------------------------------------------------------------------------
    def _snapshot(self, label: str) -> None:
        self.history.append(State(self.text, tuple(self.findings), tuple(self.decided), self.cursor, label))

    def undo(self) -> Optional[str]:
        """Restore the state before the last accept / reject / skip / edit; its label, or None."""
        if not self.history:
            return None
        st = self.history.pop()
        self.text, self.findings, self.decided = st.text, list(st.findings), list(st.decided)
        self._refresh()
        self.select(st.cursor)
        return st.label

    def _decide(self, f: Finding, status: str) -> None:
        self._snapshot(f"{'reject' if status == 'rejected' else 'skip'} {f.name} at line {f.line}")
        self.decided = [(d, st) for d, st in self.decided if d != f] + [(f, status)]
        self._refresh(near=f.end)

    def reject(self, f: Finding) -> None:
        self._decide(f, "rejected")

    def skip(self, f: Finding) -> None:
        self._decide(f, "skipped")

    def accept(self, f: Finding) -> None:
        """Apply `f`'s fix (verified) or raise TextLossError / ValueError and change nothing."""
        if f.fix is None:
            raise ValueError(f"{f.name} at line {f.line} has no fix; edit it (e) or reject it (r)")
        self._apply([f], [f.fix], f"accept {f.name} at line {f.line}")

    def accept_all(self, kind: str) -> tuple[int, list[str]]:
        """Accept every open `kind` finding with a fix (unsafe ones too: the editor asked for all),
        in rounds of fixes that do not touch each other, as one undo step.
        Returns (how many applied, why others were refused)."""
        mark, done, problems, failed = len(self.history), 0, [], set()
        for _ in range(MAX_ROUNDS):
            todo = [f for f, st in self._all_rows() if st is None and f.kind == kind and f.fix
                    and not (failed and finding_key(f, self.text) in failed)]
            chosen = select_fixes(todo, unsafe=True, text=self.text)
            if not chosen:
                break
            try:
                self._apply(chosen, [f.fix for f in chosen], f"accept all {kind}")
                done += len(chosen)
            except ValueError:                  # TextLossError: set aside the fixes refused alone
                bad = [(f, why) for f in chosen for why in [refusal(self.text, f.fix)] if why]
                failed.update(finding_key(f, self.text) for f, _ in bad)
                problems += [f"line {f.line}: {why}" for f, why in bad] or ["these fixes are refused together"]
                if not bad:
                    break
        del self.history[mark + 1:]
        if done:
            self.history[mark] = replace(self.history[mark], label=f"accept all {done} {kind}")
        return done, problems

    def edit_region(self, f: Finding) -> tuple[int, int, str]:
        """(start, end, proposed text): what the editor opens for `f` (see review_ops)."""
        return edit_region(self.doc, f)

    def edit(self, f: Finding, new_region_text: str) -> None:
        """Put the editor's text in place of the edit region (its line breaks in the page's style),
        verified like any fix: TextLossError if it loses or invents characters, ValueError if it
        changes nothing."""
        lo, hi, _ = self.edit_region(f)
        edit = minimal_edit(self.text, lo, hi, same_newlines(new_region_text, self.text[lo:hi], self.doc.newline))
        fix = Fix((edit,), f"edited: {f.fix.description if f.fix else f.message}", True,
                  f.fix.deletes if f.fix else ())
        self._apply([f], [fix], f"edit {f.name} at line {f.line}")

    def _apply(self, done: list[Finding], fixes: list[Fix], label: str) -> None:
        edits = [e for fix in fixes for e in fix.edits]
        if len(fixes) == 1:
            new = apply_verified(self.text, fixes[0])
        else:
            new = apply_edits(self.text, edits)
            verify(self.text, fixes, new)
        self._snapshot(label)
        shift, gone = Shift(self.text, edits), {id(f) for f in done}
        self.decided = [(d, st) for d, st in ((remap(d, shift), st) for d, st in self.decided) if d is not None]
        others = [g for g in self.findings if id(g) not in gone]
        self.text = new
        if len(new) <= REDETECT_MAX_CHARS:
            self.detect()
        else:
            self.findings = [g for g in (remap(g, shift) for g in others) if g is not None]
        self._refresh(near=shift.offset(min(e.start for e in edits)))

    # --- writing ------------------------------------------------------------------------------
    def _reject_keys(self) -> dict[str, Finding]:
        return {finding_key(d, self.text): d for d, st in self.decided if st == "rejected"}

    def write(self) -> None:
        """Write the text (atomic, same encoding/BOM/newlines; InputError if the file changed on
        disk since it was read), then the rejections to the decisions file."""
        tf = self.file
        if self.text != tf.text:
            write_atomic(tf.path, self.text, tf.encoding, tf.bom, expect_mtime_ns=tf.mtime_ns)
            st = os.stat(tf.path)
            self.file = replace(tf, text=self.text, mtime_ns=st.st_mtime_ns, size=st.st_size)
        keys = self._reject_keys()
        if set(keys) != self._saved and self.decisions_path:
            forget = (self._saved - set(keys)) & self._added      # never entries that predate us
            self._added = (self._added - forget) | save_rejections(self.decisions_path, tf.path, self.text, keys,
                                                                   forget)
            self._saved = frozenset(keys)
