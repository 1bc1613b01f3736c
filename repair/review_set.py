"""Several files under review at once: the file list of `repair review PATH...`. Pure Python.

Files are read when the set is opened (unreadable ones are reported, not fatal); detection can
run later, file by file (the TUI does it in a worker thread so a big page opens at once).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from .files import expand
from .review import ReviewSession
from .settings import Settings
from .textio import InputError


@dataclass
class ReviewSet:
    sessions: list[ReviewSession]
    errors: list[str] = field(default_factory=list)    # files that could not be opened
    index: int = 0

    @classmethod
    def open(cls, paths: Iterable[str], settings: Settings = Settings(), detect: bool = True) -> "ReviewSet":
        sessions, errors = [], []
        for path in expand(paths, settings.include, settings.exclude, settings.root):   # as check/fix do
            if path == "-":
                errors.append("-: review works on files, not stdin")
                continue
            try:
                sessions.append(ReviewSession.open(path, settings, detect=detect))
            except (InputError, ValueError) as exc:     # ValueError: an unreadable decisions file
                errors.append(str(exc))
        return cls(sessions, errors)

    @property
    def current(self) -> Optional[ReviewSession]:
        return self.sessions[self.index] if self.sessions else None

    def go(self, index: int) -> None:
        if self.sessions:
            self.index = index % len(self.sessions)

    def pending(self) -> list[ReviewSession]:
        """Sessions still to detect, the current one first."""
        order = self.sessions[self.index:] + self.sessions[:self.index]
        return [s for s in order if not s.detected]

    @property
    def dirty(self) -> list[ReviewSession]:
        return [s for s in self.sessions if s.dirty]
