"""The decisions file: findings an editor rejected (or a baseline accepted as they are).

Keyed by content, not line numbers, so a decision survives edits elsewhere in the file.
Format (`.repair-decisions.json`, found by walking up from the checked file; README documents it):

    {"version": 1,
     "decisions": [
       {"key": "3f1c…", "kind": "broken-wrap", "variant": null, "path": "pages/p1.txt",
        "excerpt": "…精准化考⏎⏎核推动…", "decision": "rejected", "note": ""}
     ]}

`key` is sha256 over kind/variant and the whitespace-normalised text around the artifact.
`decision` is "rejected" (an editor judged the text right as it is) or "baseline" (recorded by
`repair check --add-decisions`); any entry hides its finding from check, fix and the hook.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .model import Finding

FILENAME = ".repair-decisions.json"
VERSION = 1


def finding_key(finding: Finding, text: str) -> str:
    return hashlib.sha256(finding.key(text).encode("utf-8")).hexdigest()[:32]


def excerpt(finding: Finding, text: str, width: int = 16) -> str:
    lo, hi = max(0, finding.start - width), min(len(text), finding.end + width)
    return text[lo:hi].replace("\r\n", "⏎").replace("\n", "⏎")


def find_file(start_path: str) -> Optional[str]:
    """The nearest decisions file at or above the checked path (stops at the filesystem root)."""
    d = os.path.abspath(start_path if os.path.isdir(start_path) else os.path.dirname(os.path.abspath(start_path)))
    while True:
        cand = os.path.join(d, FILENAME)
        if os.path.isfile(cand):
            return cand
        if os.path.isdir(os.path.join(d, ".git")):
            return None
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def default_location(start_path: str) -> str:
    """Where a new decisions file goes: the repository root if inside git, else beside the file."""
    d = os.path.abspath(start_path if os.path.isdir(start_path) else os.path.dirname(os.path.abspath(start_path)))
    probe = d
    while True:
        if os.path.isdir(os.path.join(probe, ".git")):
            return os.path.join(probe, FILENAME)
        parent = os.path.dirname(probe)
        if parent == probe:
            return os.path.join(d, FILENAME)
        probe = parent


@dataclass
class Decisions:
    path: str
    entries: list[dict] = field(default_factory=list)

    @classmethod
    def load(cls, path: str) -> "Decisions":
        if not os.path.exists(path):
            return cls(path)
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError) as exc:
            raise ValueError(f"{path}: not a readable decisions file ({exc})") from exc
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("decisions"), list):
            raise ValueError(f"{path}: expected {{\"version\": {VERSION}, \"decisions\": [...]}}")
        return cls(path, list(data["decisions"]))

    @classmethod
    def for_path(cls, checked_path: str) -> "Decisions":
        return cls.load(find_file(checked_path) or default_location(checked_path))

    @property
    def keys(self) -> set[str]:
        return {e["key"] for e in self.entries}

    def add(self, finding: Finding, text: str, rel_path: str, decision: str = "rejected", note: str = "",
            known: Optional[set[str]] = None) -> bool:
        """Append unless recorded. `known` (this file's keys, kept up to date here) spares a
        rebuild of the key set per call when adding many, as a baseline of an archive does."""
        key = finding_key(finding, text)
        keys = self.keys if known is None else known
        if key in keys:
            return False
        keys.add(key)
        self.entries.append({"key": key, "kind": finding.kind, "variant": finding.variant, "path": rel_path,
                             "excerpt": excerpt(finding, text), "decision": decision, "note": note})
        return True

    def remove(self, finding: Finding, text: str) -> None:
        key = finding_key(finding, text)
        self.entries = [e for e in self.entries if e["key"] != key]

    def suppresses(self, finding: Finding, text: str) -> bool:
        return finding_key(finding, text) in self.keys

    def filter(self, findings: Iterable[Finding], text: str) -> list[Finding]:
        keys = self.keys
        return [f for f in findings if finding_key(f, text) not in keys]

    def save(self) -> None:
        from .textio import write_atomic
        data = json.dumps({"version": VERSION, "decisions": self.entries}, ensure_ascii=False, indent=1) + "\n"
        write_atomic(self.path, data)
