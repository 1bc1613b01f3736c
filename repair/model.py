"""The values every layer shares: an Edit, a Fix made of edits, a Finding that may carry a Fix.

All offsets are code points into the decoded text (BOM excluded); lines are 1-based.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Optional

KINDS = ("broken-wrap", "duplicate-paragraph", "truncated-sentence", "fused-headline")


# Value objects, treated as immutable. Not frozen dataclasses: those cost six times as much to
# build, and a hard-wrapped page makes one finding (fix, edit) per line.
class Edit(NamedTuple):
    """Replace text[start:end] with `replacement`. An insertion has start == end. Orders by
    (start, end, replacement)."""
    start: int
    end: int
    replacement: str = ""


@dataclass(slots=True)
class Fix:
    """A set of edits that only make sense together (e.g. the two halves of a move).

    `deletes` lists spans removed as duplicate copies, each paired with the span of the copy
    that is kept, so the never-lose-text check can confirm the text survives elsewhere.
    """
    edits: tuple[Edit, ...]
    description: str
    safe: bool
    deletes: tuple[tuple[int, int, int, int], ...] = ()  # (del_start, del_end, kept_start, kept_end)

    def to_json(self) -> dict:
        return {"edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in self.edits],
                "description": self.description, "safe": self.safe}


@dataclass(slots=True)
class Finding:
    kind: str
    variant: Optional[str]
    start: int          # character span of the artifact
    end: int
    line: int           # 1-based line where the artifact shows (see README: line conventions)
    end_line: int
    message: str
    why: str
    confidence: float
    fix: Optional[Fix] = None

    @property
    def name(self) -> str:
        return self.kind + (f"/{self.variant}" if self.variant else "")

    @property
    def safe(self) -> bool:
        return bool(self.fix and self.fix.safe)

    def key(self, text: str) -> str:
        """A content key, stable when lines move: kind, variant and the text around the artifact."""
        lo, hi = max(0, self.start - 12), min(len(text), self.end + 12)
        return f"{self.name}|{' '.join(text[lo:hi].split())}"
