"""What `e` (edit) works on: a region of whole lines around a fix, and the smallest edit that turns
that region into what the editor typed. Pure functions over a Document; the result is verified
by `repair.edits.verify` like any other fix.
"""
from __future__ import annotations

from typing import Optional

from .document import Document
from .edits import apply_edits
from .model import Edit, Finding


def edit_region(doc: Document, f: Finding) -> tuple[int, int, str]:
    """(start, end, proposed text): the lines the fix touches (or the finding's span, when it has
    no fix), with the fix already applied, so the editor opens on the proposed result."""
    edits = f.fix.edits if f.fix else (Edit(f.start, f.end, doc.text[f.start:f.end]),)
    lo, hi = min(e.start for e in edits), max(e.end for e in edits)
    lo, hi = doc.lines[doc.line_of(lo)].start, doc.lines[doc.line_of(hi)].end
    hi = max(hi, max(e.end for e in edits))          # an edit may end inside a newline pair
    shifted = [Edit(e.start - lo, e.end - lo, e.replacement) for e in edits]
    return lo, hi, apply_edits(doc.text[lo:hi], shifted)


def minimal_edit(text: str, lo: int, hi: int, new: str) -> Edit:
    """The one edit that turns text[lo:hi] into `new`, with the common prefix and suffix trimmed
    (so a kept deletion still lies inside the duplicate span it came from).
    ValueError when `new` is what the page already says."""
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


def control_chars(text: str) -> Optional[str]:
    """The control characters in `text` an editor widget could not show harmlessly, or None."""
    found = sorted({ch for ch in text if not ch.isprintable() and ch not in "\t\n\r"})
    return "".join(f"\\x{ord(ch):02x}" for ch in found) or None
