"""Pure helpers behind ReviewSession: the edit region and the smallest edit an editor made,
applying a fix verified on a window, matching decided findings, saving rejections.
"""
from __future__ import annotations

import os
from typing import Optional, Sequence

import regex

from .decisions import Decisions, finding_key
from .document import Document
from .edits import apply_edits, verify
from .model import Edit, Finding, Fix

NEWLINE = regex.compile(r"\r\n|\r|\n")
MARGIN = 16   # characters kept around a fix when verifying it (verify looks one back for hyphens)


def apply_verified(text: str, fix: Fix) -> str:
    """apply_edits + verify (TextLossError) on the smallest window holding the fix, its kept twins
    and a margin; outside it nothing changes, so this equals verifying the whole text."""
    spans = [(e.start, e.end) for e in fix.edits] + [(k0, k1) for _, _, k0, k1 in fix.deletes] + \
        [(d0, d1) for d0, d1, _, _ in fix.deletes]
    lo = max(0, min(a for a, _ in spans) - MARGIN)
    hi = min(len(text), max(b for _, b in spans) + MARGIN)
    shifted = Fix(tuple(Edit(e.start - lo, e.end - lo, e.replacement) for e in fix.edits), fix.description,
                  fix.safe, tuple((a - lo, b - lo, c - lo, d - lo) for a, b, c, d in fix.deletes))
    window = text[lo:hi]
    result = apply_edits(window, shifted.edits)
    verify(window, [shifted], result)
    return text[:lo] + result + text[hi:]


def refusal(text: str, fix: Fix) -> Optional[str]:
    """Why `apply_verified` refuses `fix` on `text`, or None when it applies."""
    try:
        apply_verified(text, fix)
    except ValueError as exc:            # TextLossError, or overlapping edits
        return str(exc)
    return None


def statuses(findings: Sequence[Finding], decided: Sequence[tuple[Finding, str]], text: str) -> list[Optional[str]]:
    """The status of each finding: that of the decided finding at the same place, else of one with
    the same content key (after a re-detect moved it); None = open."""
    by_pos = {(d.kind, d.variant, d.start, d.end): st for d, st in decided}
    out = [by_pos.get((f.kind, f.variant, f.start, f.end)) for f in findings]
    placed = {(f.kind, f.variant, f.start, f.end) for f, st in zip(findings, out) if st}
    by_key = {finding_key(d, text): st for d, st in decided if (d.kind, d.variant, d.start, d.end) not in placed}
    if by_key:                       # only then pay for hashing every finding
        out = [st or by_key.get(finding_key(f, text)) for f, st in zip(findings, out)]
    return out


def edit_region(doc: Document, f: Finding) -> tuple[int, int, str]:
    """(start, end, proposed text): the lines the fix touches (or the finding's span, when it has
    no fix), with the fix already applied, so the editor opens on the proposed result."""
    edits = f.fix.edits if f.fix else (Edit(f.start, f.end, doc.text[f.start:f.end]),)
    lo, hi = min(e.start for e in edits), max(e.end for e in edits)
    lo, hi = doc.lines[doc.line_of(lo)].start, max(hi, doc.lines[doc.line_of(hi)].end)
    shifted = [Edit(e.start - lo, e.end - lo, e.replacement) for e in edits]
    return lo, hi, apply_edits(doc.text[lo:hi], shifted)


def minimal_edit(text: str, lo: int, hi: int, new: str) -> Edit:
    """The one edit that turns text[lo:hi] into `new`, common prefix and suffix trimmed (so a kept
    deletion still lies inside the duplicate span it came from). ValueError if nothing changes."""
    old = text[lo:hi]
    if old == new:
        raise ValueError("the edited text is what the page already says; nothing to apply (r rejects)")
    a, limit = 0, min(len(old), len(new))
    while a < limit and old[a] == new[a]:
        a += 1
    b = 0
    while b < limit - a and old[len(old) - 1 - b] == new[len(new) - 1 - b]:
        b += 1
    return Edit(lo + a, hi - b, new[a:len(new) - b])


def same_newlines(new: str, region: str, page_newline: str) -> str:
    """`new` with every line break in the style of `region` (or of the page, if it has none)."""
    m = NEWLINE.search(region)
    return NEWLINE.sub(m.group() if m else page_newline, new)


def control_chars(text: str) -> Optional[str]:
    """The control characters in `text` an editor widget could not show harmlessly, or None."""
    found = sorted({ch for ch in text if not ch.isprintable() and ch not in "\t\n\r"})
    return "".join(f"\\x{ord(ch):02x}" for ch in found) or None


def save_rejections(decisions_path: str, file_path: str, text: str, rejected: dict[str, Finding],
                    forget: set[str]) -> frozenset:
    """Merge into the decisions file on disk (another file's session may have written it too):
    drop `forget` keys (rejections undone since the last write), add `rejected` (key -> finding).
    Returns the keys that were new to the file."""
    d = Decisions.load(decisions_path)
    d.entries = [e for e in d.entries if e["key"] not in forget]
    base = os.path.dirname(os.path.abspath(decisions_path))
    rel = os.path.relpath(os.path.abspath(file_path), base).replace(os.sep, "/")
    added = frozenset(k for k, f in rejected.items() if d.add(f, text, rel))
    d.save()
    return added
