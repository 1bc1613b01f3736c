"""Moving findings across an applied edit without re-detecting (for pages too large to re-check).

After `edits` are applied to `text`, a finding elsewhere keeps its meaning but its offsets and line
numbers shift. A finding that an edit touches (its span, its fix, or the kept twin of a
duplicate) is stale: `remap` returns None for it and it is never applied.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Optional, Sequence

import regex

from .model import Edit, Finding, Fix

_NEWLINE_RE = regex.compile(r"\r\n|\r|\n")


def _spans(f: Finding) -> list[tuple[int, int]]:
    spans = [(f.start, f.end)]
    if f.fix:
        spans += [(e.start, e.end) for e in f.fix.edits]
        spans += [(k0, k1) for _, _, k0, k1 in f.fix.deletes]
    return spans


def touches(f: Finding, edits: Sequence[Edit]) -> bool:
    """True when any edit overlaps or borders the finding (closed intervals: conservative)."""
    return any(e.start <= hi and lo <= e.end for e in edits for lo, hi in _spans(f))


class Shift:
    """Offset and line deltas of a set of non-overlapping edits applied to `text`."""

    def __init__(self, text: str, edits: Sequence[Edit]):
        self.edits = sorted(edits, key=lambda e: (e.start, e.end))
        self.ends = [e.end for e in self.edits]
        self.deltas = list(accumulate(len(e.replacement) - (e.end - e.start) for e in self.edits))
        self.line_deltas = list(accumulate(len(_NEWLINE_RE.findall(e.replacement)) -
                                           len(_NEWLINE_RE.findall(text, e.start, e.end)) for e in self.edits))
        self.lo = self.edits[0].start if self.edits else 0
        self.hi = max(self.ends, default=0)

    def offset(self, pos: int) -> int:
        """Where `pos` lands (for a position outside every edit)."""
        i = bisect_right(self.ends, pos)
        return pos + (self.deltas[i - 1] if i else 0)

    def line(self, pos: int, line: int) -> int:
        i = bisect_right(self.ends, pos)
        return line + (self.line_deltas[i - 1] if i else 0)


def remap(f: Finding, shift: Shift) -> Optional[Finding]:
    """`f` with offsets valid after the edits, or None when the edits touch it."""
    spans = _spans(f)
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    if hi < shift.lo:
        return f                                    # wholly before the edits: unchanged
    if lo <= shift.hi and touches(f, shift.edits):
        return None
    o = shift.offset
    fix = f.fix and Fix(tuple(Edit(o(e.start), o(e.end), e.replacement) for e in f.fix.edits), f.fix.description,
                        f.fix.safe, tuple((o(a), o(b), o(c), o(d)) for a, b, c, d in f.fix.deletes))
    return Finding(f.kind, f.variant, o(f.start), o(f.end), shift.line(f.start, f.line),
                   shift.line(f.start, f.end_line), f.message, f.why, f.confidence, fix)


def remap_all(findings: Sequence[Finding], text: str, edits: Sequence[Edit]) -> list[Finding]:
    shift = Shift(text, edits)
    return [g for g in (remap(f, shift) for f in findings) if g is not None]
