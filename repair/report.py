"""Turning findings into output: text lines, the JSON contract, and a Summary owning the exit code.

Status goes to stderr, data (findings, diffs, fixed text) to stdout.
"""
from __future__ import annotations

import difflib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, TextIO

from .document import Document
from .model import KINDS, Finding

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def escape(text: str) -> str:
    """Page content is data: show control characters harmlessly (ESC, BEL, …)."""
    return "".join(ch if ch.isprintable() or ch in "\t" else f"\\x{ord(ch):02x}" for ch in text)


@dataclass
class Summary:
    counts: Counter = field(default_factory=Counter)
    files: int = 0
    files_with_findings: int = 0
    files_changed: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, findings: list[Finding]) -> None:
        self.files += 1
        self.files_with_findings += bool(findings)
        self.counts.update(f.kind for f in findings)

    @property
    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if (sum(self.counts.values()) or self.files_changed) else EXIT_CLEAN

    def render(self) -> str:
        total = sum(self.counts.values())
        if not total:
            return f"{self.files} file(s) checked, no findings"
        per = ", ".join(f"{k}: {self.counts[k]}" for k in KINDS if self.counts[k])
        return f"{total} finding(s) in {self.files_with_findings} of {self.files} file(s) ({per})"


def finding_json(path: str, doc: Document, f: Finding) -> dict:
    """The JSON contract (README: "JSON output"). Keys and meanings are stable."""
    col = column(doc, f)
    return {
        "path": path,
        "kind": f.kind,
        "variant": f.variant,
        "line": f.line,
        "end_line": f.end_line,
        "column": col,
        "start": f.start,
        "end": f.end,
        "message": f.message,
        "why": f.why,
        "confidence": f.confidence,
        "safe": f.safe,
        "fix": ({"edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in f.fix.edits],
                 "description": f.fix.description} if f.fix else None),
    }


def column(doc: Document, f: Finding) -> int:
    """1-based column on the finding's reported line (1 when the span starts on another line)."""
    line, col = doc.position(f.start)
    return col if line == f.line else 1


def text_line(path: str, doc: Document, f: Finding) -> str:
    col = column(doc, f)
    fixable = "" if not f.fix else (" [fix]" if f.safe else " [unsafe fix]")
    return f"{path}:{f.line}:{col}: {f.name} {escape(f.message)} ({f.confidence:.2f}){fixable}"


def unified_diff(path: str, before: str, after: str) -> str:
    a = before.splitlines(keepends=True)
    b = after.splitlines(keepends=True)
    if a and not a[-1].endswith(("\n", "\r")):
        a[-1] += "\n\\ No newline at end of file\n"
    if b and not b[-1].endswith(("\n", "\r")):
        b[-1] += "\n\\ No newline at end of file\n"
    return "".join(difflib.unified_diff(a, b, fromfile=f"{path}\t(original)", tofile=f"{path}\t(fixed)"))


class Formatter:
    """Collects (path, doc, findings) and writes them in one format."""

    def __init__(self, out: TextIO):
        self.out = out

    def file(self, path: str, doc: Document, findings: list[Finding]) -> None:
        raise NotImplementedError

    def close(self, summary: Summary) -> None:
        pass


class TextFormatter(Formatter):
    def file(self, path, doc, findings):
        for f in findings:
            print(text_line(path, doc, f), file=self.out)


class JsonFormatter(Formatter):
    def __init__(self, out):
        super().__init__(out)
        self.items: list[dict] = []

    def file(self, path, doc, findings):
        self.items.extend(finding_json(path, doc, f) for f in findings)

    def close(self, summary):
        json.dump(self.items, self.out, ensure_ascii=False, indent=1)
        self.out.write("\n")


FORMATTERS: dict[str, Callable[[TextIO], Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
}
