"""Moving findings across an applied edit without re-detecting (for pages too large to re-check).

After `edits` are applied to `text`, a finding elsewhere keeps its meaning but its offsets and line
numbers shift. A finding that an edit touches (its span, its fix, or the kept twin of a
duplicate) is stale: `remap` returns None for it and it is never applied.
"""
from __future__ import annotations

from dataclasses import replace
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
        self.deltas = [len(e.replacement) - (e.end - e.start) for e in self.edits]
        self.line_deltas = [len(_NEWLINE_RE.findall(e.replacement)) - len(_NEWLINE_RE.findall(text, e.start, e.end))
                            for e in self.edits]

    def offset(self, pos: int) -> int:
        return pos + sum(d for e, d in zip(self.edits, self.deltas) if e.end <= pos)

    def line(self, pos: int, line: int) -> int:
        return line + sum(d for e, d in zip(self.edits, self.line_deltas) if e.end <= pos)


def remap(f: Finding, shift: Shift) -> Optional[Finding]:
    """`f` with offsets valid after the edits, or None when the edits touch it."""
    if touches(f, shift.edits):
        return None
    fix = f.fix
    if fix:
        o = shift.offset
        fix = Fix(tuple(Edit(o(e.start), o(e.end), e.replacement) for e in fix.edits), fix.description, fix.safe,
                  tuple((o(a), o(b), o(c), o(d)) for a, b, c, d in fix.deletes))
    return replace(f, start=shift.offset(f.start), end=shift.offset(f.end), line=shift.line(f.start, f.line),
                   end_line=shift.line(f.start, f.end_line), fix=fix)


def remap_all(findings: Sequence[Finding], text: str, edits: Sequence[Edit]) -> list[Finding]:
    shift = Shift(text, edits)
    return [g for g in (remap(f, shift) for f in findings) if g is not None]
