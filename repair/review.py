"""Reviewing one file's findings: accept / reject / edit / skip / undo, then write. Pure Python.

The UI (repair.tui) only calls these methods; nothing here imports Textual or detects anything
itself — findings come from `repair.engine.check`, the same call the CLI makes.

- accept/edit apply a fix through `apply_edits` + `verify` (never lose text; TextLossError says
  why not), then re-detect on the new text so no later offset is stale. Pages longer than
  REDETECT_MAX_CHARS re-map the remaining findings instead (repair.remap drops any finding the
  edit touched, so a stale edit is never applied).
- reject/skip close a finding for this session; decided findings are carried across edits
  (re-mapped) and matched against fresh detections by position or content key.
- Rejections go to the decisions file when the page is written (`write`), together with the
  text, so `u` can still take them back before that, and quitting with unsaved work asks first.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Optional

from .decisions import Decisions, finding_key
from .document import Document
from .edits import apply_edits, verify
from .engine import CheckResult, check
from .model import Edit, Finding, Fix
from .remap import Shift, remap
from .review_edit import edit_region, minimal_edit
from .settings import Settings
from .textio import TextFile, read, write_atomic

# 50_000: check() takes ~0.3 s on 50k characters of the seeds (0.05 s on a typical 7k-character
# page) and grows faster than linearly (250 s at 1.9M); beyond this, accepting re-maps instead.
REDETECT_MAX_CHARS = 50_000
Row = tuple[Finding, Optional[str]]      # a listed finding and its status: None (open) or "skipped"


@dataclass(frozen=True)
class State:
    """Everything `undo` restores."""
    text: str
    findings: tuple[Finding, ...]
    decided: tuple[tuple[Finding, str], ...]
    cursor: int
    label: str


@dataclass
class ReviewSession:
    file: TextFile
    settings: Settings = field(default_factory=Settings)
    decisions_path: Optional[str] = None
    suppressed: frozenset = frozenset()       # content keys rejected in the decisions file
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    decided: list[tuple[Finding, str]] = field(default_factory=list)   # (finding, "rejected"|"skipped")
    kind_filter: Optional[str] = None
    cursor: int = 0                           # index into `rows`
    detected: bool = False
    errors: list[str] = field(default_factory=list)
    history: list[State] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    _saved: frozenset = frozenset()           # rejection keys this session has written

    @classmethod
    def open(cls, path: str, settings: Settings = Settings(), detect: bool = True) -> "ReviewSession":
        """Read `path` (InputError if unreadable); detect now unless the caller does it later."""
        tf = read(path)
        decisions = Decisions.for_path(path)
        s = cls(tf, settings, decisions.path, frozenset(decisions.keys) if settings.use_decisions else frozenset(),
                tf.text)
        if detect:
            s.detect()
        return s

    @property
    def path(self) -> str:
        return self.file.path

    @property
    def doc(self) -> Document:
        doc = getattr(self, "_doc", None)
        if doc is None or doc.text is not self.text:
            doc = self._doc = Document(self.text, self.path)
        return doc

    @property
    def current(self) -> Optional[Finding]:
        return self.rows[self.cursor][0] if 0 <= self.cursor < len(self.rows) else None

    @property
    def open_count(self) -> int:
        return sum(1 for f in self.findings if self._status(f) is None)

    @property
    def dirty(self) -> bool:
        """Unsaved work: a changed text, or rejections not yet in the decisions file."""
        return self.text != self.file.text or set(self._reject_keys()) != self._saved

    def detect(self) -> None:
        self.adopt(self.run_check())

    def run_check(self) -> CheckResult:
        """Detection only (safe in a worker thread: changes nothing here)."""
        return check(Document(self.text, self.path), self.settings)

    def adopt(self, result: CheckResult) -> None:
        self.errors = result.errors
        self.findings = [f for f in result.findings if finding_key(f, self.text) not in self.suppressed]
        self.detected = True
        self._refresh()

    # --- listing and moving -------------------------------------------------------------------
    def _status(self, f: Finding, index=None) -> Optional[str]:
        index = self._index() if index is None else index
        return index.get((f.kind, f.variant, f.start, f.end)) or index.get(finding_key(f, self.text))

    def _index(self) -> dict:
        index: dict = {}
        for d, st in self.decided:
            index[(d.kind, d.variant, d.start, d.end)] = index[finding_key(d, self.text)] = st
        return index

    def _refresh(self, near: Optional[int] = None) -> None:
        """Rebuild `rows` (rejected findings leave the list); put the cursor on the first open
        finding at or after offset `near` when given."""
        index = self._index()
        self.rows = [(f, st) for f in self.findings for st in [self._status(f, index)]
                     if st != "rejected" and (self.kind_filter is None or f.kind == self.kind_filter)]
        if near is not None:
            after = [i for i, (f, st) in enumerate(self.rows) if st is None and f.start >= near]
            before = [i for i, (f, st) in enumerate(self.rows) if st is None]
            self.cursor = (after or before or [self.cursor])[0]
        self.cursor = max(0, min(self.cursor, len(self.rows) - 1))

    def move(self, step: int) -> None:
        self.cursor = max(0, min(self.cursor + step, len(self.rows) - 1))

    def select(self, index: int) -> None:
        self.cursor = max(0, min(index, len(self.rows) - 1))

    def set_filter(self, kind: Optional[str]) -> None:
        cur = self.current
        self.kind_filter = kind
        self._refresh(near=cur.start if cur else 0)

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
        self.cursor = max(0, min(st.cursor, len(self.rows) - 1))
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
        self._apply(f, f.fix, f"accept {f.name} at line {f.line}")

    def accept_all(self, kind: str) -> tuple[int, list[str]]:
        """Accept every open `kind` finding that has a fix, as one undo step.
        Returns (how many applied, why the others were refused)."""
        mark, done, problems, failed = len(self.history), 0, [], set()
        for _ in range(10 * len(self.findings) + 10):   # each accept re-detects; bound the loop
            todo = [f for f, st in self._all_rows() if st is None and f.kind == kind and f.fix
                    and finding_key(f, self.text) not in failed]
            if not todo:
                break
            try:
                self.accept(todo[0])
                done += 1
            except ValueError as exc:                    # TextLossError is a ValueError
                failed.add(finding_key(todo[0], self.text))
                problems.append(f"line {todo[0].line}: {exc}")
        if done:
            first = self.history[mark]
            del self.history[mark:]
            self.history.append(replace(first, label=f"accept all {done} {kind}"))
        return done, problems

    def _all_rows(self) -> list[Row]:
        index = self._index()
        return [(f, self._status(f, index)) for f in self.findings]

    def edit_region(self, f: Finding) -> tuple[int, int, str]:
        """(start, end, proposed text): what the editor opens for `f` (see review_edit)."""
        return edit_region(self.doc, f)

    def edit(self, f: Finding, new_region_text: str) -> None:
        """Put the editor's text in place of the edit region, verified like any fix:
        TextLossError if it loses or invents characters, ValueError if it changes nothing."""
        lo, hi, _ = self.edit_region(f)
        edit = minimal_edit(self.text, lo, hi, new_region_text)
        fix = Fix((edit,), f"edited: {f.fix.description if f.fix else f.message}", True,
                  f.fix.deletes if f.fix else ())
        self._apply(f, fix, f"edit {f.name} at line {f.line}")

    def _apply(self, f: Finding, fix: Fix, label: str) -> None:
        new = apply_edits(self.text, fix.edits)
        verify(self.text, [fix], new)
        self._snapshot(label)
        shift = Shift(self.text, fix.edits)
        moved = [(remap(d, shift), st) for d, st in self.decided]
        self.decided = [(d, st) for d, st in moved if d is not None]
        others = [g for g in self.findings if g != f]
        self.text = new
        if len(new) <= REDETECT_MAX_CHARS:
            self.detect()
        else:
            self.findings = [g for g in (remap(g, shift) for g in others) if g is not None]
        self._refresh(near=shift.offset(min(e.start for e in fix.edits)))

    # --- writing ------------------------------------------------------------------------------
    def _reject_keys(self) -> dict[str, Finding]:
        return {finding_key(d, self.text): d for d, st in self.decided if st == "rejected"}

    def write(self) -> None:
        """Write the text (atomic, same encoding/BOM/newlines; InputError if the file changed on
        disk since it was read) and then the rejections to the decisions file."""
        tf = self.file
        if self.text != tf.text:
            write_atomic(tf.path, self.text, tf.encoding, tf.bom, expect_mtime_ns=tf.mtime_ns)
            st = os.stat(tf.path)
            self.file = replace(tf, text=self.text, mtime_ns=st.st_mtime_ns, size=st.st_size)
        keys = self._reject_keys()
        if set(keys) != self._saved and self.decisions_path:
            d = Decisions.load(self.decisions_path)
            d.entries = [e for e in d.entries if e["key"] not in self._saved - set(keys)]
            base = os.path.dirname(os.path.abspath(self.decisions_path))
            rel = os.path.relpath(os.path.abspath(tf.path), base).replace(os.sep, "/")
            for f in keys.values():
                d.add(f, self.text, rel)
            d.save()
            self._saved = frozenset(keys)
