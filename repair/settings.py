"""Settings: one value built from flags (and config files) before any work starts."""
from __future__ import annotations

from dataclasses import dataclass

from .files import DEFAULT_INCLUDE
from .model import KINDS


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = KINDS
    ignore: tuple[str, ...] = ()
    min_confidence: float = 0.0
    unsafe_fixes: bool = False
    use_decisions: bool = True            # honour the decisions file (--no-decisions: show all)
    # per-kind knobs
    headline_min_chars: int = 4
    headline_max_chars: int = 40
    duplicate_threshold: float = 90.0     # rapidfuzz ratio for a near-duplicate paragraph
    duplicate_min_chars: int = 12          # shorter paragraphs (bylines, captions) may repeat
    kind_min_confidence: tuple[tuple[str, float], ...] = ()   # per-kind floors; override min_confidence
    # which files and how to report (config files; README: Configuration)
    include: tuple[str, ...] = DEFAULT_INCLUDE   # what a directory argument expands to
    exclude: tuple[str, ...] = ()
    root: str = ""                        # folder include/exclude are relative to ("" = current folder)
    format: str = "text"                  # `repair check` output format

    def enabled(self, kind: str) -> bool:
        return kind in self.select and kind not in self.ignore

    def min_confidence_for(self, kind: str) -> float:
        return dict(self.kind_min_confidence).get(kind, self.min_confidence)
