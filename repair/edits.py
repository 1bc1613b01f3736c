"""Applying edits, choosing among overlapping fixes, and the never-lose-text check.

A fix may only (1) change whitespace and line breaks, (2) drop a hyphen at a joined line end,
(3) delete a duplicate copy whose kept twin survives, or (4) move text (delete + insert the same
characters). `verify` proves that of a result before anything is written.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from .model import Edit, Finding, Fix
from .textutil import strip_ws

# 80: a copy with OCR noise or cut short still scores >= 85 against its twin (fixtures/cases/
# duplicate-paragraph); unrelated paragraphs of one page score below 60.
DUPLICATE_MIN_SIMILARITY = 80


class TextLossError(ValueError):
    """A set of edits would lose or invent text; nothing may be written."""


def overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    return a.start < b.end and b.start < a.end or (a.start == a.end and b.start < a.start < b.end) \
        or (b.start == b.end and a.start < b.start < a.end)


def internally_consistent(edits: Sequence[Edit]) -> bool:
    """A fix's own edits must not overlap (a detector bug otherwise; such a fix is never applied)."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    return all(not overlaps(a, b) and a.end <= b.start for a, b in zip(ordered, ordered[1:]))


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (offsets into the original text)."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for a, b in zip(ordered, ordered[1:]):
        if overlaps(a, b) or a.end > b.start:
            raise ValueError(f"overlapping edits at {a.start}-{a.end} and {b.start}-{b.end}")
    pieces, pos = [], 0       # one pass, not a copy of the text per edit (a page may have thousands)
    for e in ordered:
        pieces.append(text[pos:e.start])
        pieces.append(e.replacement)
        pos = e.end
    pieces.append(text[pos:])
    return "".join(pieces)


class _TakenEdits:
    """Edits already chosen, none overlapping another, kept in order: each one ends at or before
    the next one starts, so an edit can only overlap the one before its start and those that
    start within it (a hard-wrapped page has a fix per line: no test against all of them)."""

    def __init__(self) -> None:
        self.edits: list[Edit] = []

    def __iter__(self):
        return iter(self.edits)

    def overlap(self, e: Edit) -> bool:
        k = bisect_left(self.edits, (e.start,))
        if k and overlaps(self.edits[k - 1], e):
            return True
        while k < len(self.edits) and self.edits[k].start <= e.end:
            if overlaps(self.edits[k], e):
                return True
            k += 1
        return False

    def add(self, edits: Iterable[Edit]) -> None:
        for e in edits:
            insort(self.edits, e)


def select_fixes(findings: Sequence[Finding], unsafe: bool = False, text: str | None = None) -> list[Finding]:
    """The most confident fixes that do not touch each other; deterministic for equal input.
    Given the `text`, a line break removed inside a copy's kept twin (a join) does not hold up
    the copy's deletion: only removed characters do."""
    def removes_text(e: Edit) -> bool:
        return e.replacement == "" and (text is None or bool(strip_ws(text[e.start:e.end])))

    chosen: list[Finding] = []
    taken = _TakenEdits()
    kept_spans: list[tuple[int, int]] = []
    ranked = sorted((f for f in findings if f.fix and (f.fix.safe or unsafe)),
                    key=lambda f: (-f.confidence, f.start, f.kind))
    for f in ranked:
        edits = f.fix.edits
        if not internally_consistent(edits) or any(taken.overlap(e) for e in edits):
            continue
        # never delete a copy whose kept twin another fix is about to delete or change
        if any(e.start < hi and lo < e.end for e in edits for lo, hi in kept_spans if removes_text(e)):
            continue
        if any(t.start < k_hi and k_lo < t.end and removes_text(t) for _, _, k_lo, k_hi in f.fix.deletes
               for t in taken):
            continue
        chosen.append(f)
        taken.add(edits)
        kept_spans.extend((k_lo, k_hi) for _, _, k_lo, k_hi in f.fix.deletes)
    return sorted(chosen, key=lambda f: f.start)


def _is_hyphen_drop(text: str, e: Edit) -> bool:
    old = text[e.start:e.end]
    return strip_ws(old) == "-" and not strip_ws(e.replacement) and e.start > 0 and text[e.start - 1].isalpha()


def _copies_cover(text: str, e: Edit, records) -> bool:
    """Do the delete records account for every non-space character the edit removes?"""
    covered = [False] * (e.end - e.start)
    for d0, d1, _, _ in records:
        for k in range(max(d0, e.start), min(d1, e.end)):
            covered[k - e.start] = True
    return all(c or text[e.start + k].isspace() for k, c in enumerate(covered))


def verify(text: str, fixes: Sequence[Fix], result: str) -> None:
    """Raise TextLossError unless `result` differs from `text` only as the rules above allow."""
    allowed_loss: Counter = Counter()
    deleted_copies = [(d0, d1) for fix in fixes for d0, d1, _, _ in fix.deletes]
    for fix in fixes:
        for _, _, k0, k1 in fix.deletes:
            # the twin that justifies a deletion must itself survive
            if any(d0 < k1 and k0 < d1 for d0, d1 in deleted_copies):
                raise TextLossError(f"the copy kept at {k0} is deleted too")
        inserted = "".join(strip_ws(e.replacement) for e in fix.edits)
        removed_moves = ""
        for e in fix.edits:
            old = strip_ws(text[e.start:e.end])
            new = strip_ws(e.replacement)
            if not old and not new:
                continue
            if _is_hyphen_drop(text, e):
                allowed_loss["-"] += 1
                continue
            # the delete records inside this edit (adjacent copies go in one edit), or the one holding it
            dup = [d for d in fix.deletes if d[0] <= e.start and e.end <= d[1]] or \
                [d for d in fix.deletes if e.start <= d[0] and d[1] <= e.end]
            if old and not new and dup and _copies_cover(text, e, dup):
                for d0, d1, k0, k1 in dup:
                    copy, kept = strip_ws(text[max(d0, e.start):min(d1, e.end)]), strip_ws(text[k0:k1])
                    if fuzz.ratio(copy, kept) < DUPLICATE_MIN_SIMILARITY and fuzz.partial_ratio(copy, kept) < 90:
                        raise TextLossError(f"deleted text at {max(d0, e.start)} is not a copy of the text kept at {k0}")
                allowed_loss.update(old)
                continue
            removed_moves += old
            if new and new != old:
                # an insertion or a replacement: its characters must be moved, not invented
                continue
        if inserted != removed_moves and Counter(inserted) != Counter(removed_moves):
            raise TextLossError(f"fix “{fix.description}” adds or removes characters that are not moved")
    before_chars, after_chars = strip_ws(text), strip_ws(result)
    if before_chars == after_chars:
        return      # joins and splits only: the same characters in the same order
    before, after = Counter(before_chars), Counter(after_chars)
    added = after - before
    if added:
        raise TextLossError(f"the result adds characters: {''.join(sorted(added))[:40]!r}")
    lost = before - after
    if lost - allowed_loss:
        raise TextLossError(f"the result loses characters: {''.join(sorted((lost - allowed_loss).elements()))[:40]!r}")
