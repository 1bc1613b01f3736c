"""The listing half of a review session: which findings show, with what status, and the cursor.

A mixin for ReviewSession (repair.review), which owns `findings`, `decided` and `text`.
Rejected findings leave the list; skipped ones stay, marked, but are no longer open.
"""
from __future__ import annotations

from typing import Optional

from .model import Finding
from .review_ops import statuses

Row = tuple[Finding, Optional[str]]      # a listed finding and its status: None (open) or "skipped"


class Listing:
    findings: list[Finding]
    decided: list[tuple[Finding, str]]
    text: str
    rows: list[Row]
    cursor: int
    kind_filter: Optional[str]
    open_count: int

    @property
    def current(self) -> Optional[Finding]:
        return self.rows[self.cursor][0] if 0 <= self.cursor < len(self.rows) else None

    def _all_rows(self) -> list[Row]:
        return list(zip(self.findings, statuses(self.findings, self.decided, self.text)))

    def _refresh(self, near: Optional[int] = None) -> None:
        """Rebuild `rows` (rejected findings leave the list); with `near`, put the cursor on the
        first open finding at or after that offset, else on the first open one."""
        rows = self._all_rows()
        self.open_count = sum(1 for _, st in rows if st is None)
        self.rows = [(f, st) for f, st in rows
                     if st != "rejected" and (self.kind_filter is None or f.kind == self.kind_filter)]
        if near is not None:
            opens = [i for i, (f, st) in enumerate(self.rows) if st is None]
            self.cursor = next((i for i in opens if self.rows[i][0].start >= near), opens[0] if opens else self.cursor)
        self.select(self.cursor)

    def select(self, index: int) -> None:
        self.cursor = max(0, min(index, len(self.rows) - 1))

    def move(self, step: int) -> None:
        self.select(self.cursor + step)

    def set_filter(self, kind: Optional[str]) -> None:
        cur, self.kind_filter = self.current, kind
        self._refresh(near=cur.start if cur else 0)
