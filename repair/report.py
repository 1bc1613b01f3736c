"""Turning findings into output (text, the JSON contract, GitHub annotations, SARIF) and a
Summary owning the exit code and the statistics.

Status goes to stderr, data (findings, diffs, fixed text) to stdout.
"""
from __future__ import annotations

import difflib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, TextIO

from .document import Document
from .model import KINDS, Finding
from . import sarif

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def escape(text: str) -> str:
    """Page content is data: show control characters harmlessly (ESC, BEL, …)."""
    if text.isprintable():
        return text           # nearly every message, without a look at each character
    return "".join(ch if ch.isprintable() or ch in "\t" else f"\\x{ord(ch):02x}" for ch in text)


@dataclass
class Summary:
    counts: Counter = field(default_factory=Counter)
    kind_files: Counter = field(default_factory=Counter)   # files with at least one finding of a kind
    fixable: Counter = field(default_factory=Counter)      # findings with a safe fix
    files: int = 0
    files_with_findings: int = 0
    files_changed: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, findings: list[Finding]) -> None:
        self.files += 1
        self.files_with_findings += bool(findings)
        self.counts.update(f.kind for f in findings)
        self.kind_files.update({f.kind for f in findings})
        self.fixable.update(f.kind for f in findings if f.safe)

    @property
    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if (sum(self.counts.values()) or self.files_changed) else EXIT_CLEAN

    def render(self) -> str:
        total = sum(self.counts.values())
        unread = f"; {len(self.errors)} error(s), see above" if self.errors else ""
        if not total:
            return f"{self.files} file(s) checked, no findings{unread}"
        per = ", ".join(f"{k}: {self.counts[k]}" for k in KINDS if self.counts[k])
        return f"{total} finding(s) in {self.files_with_findings} of {self.files} file(s) ({per}){unread}"

    def statistics(self, fixed: bool = False) -> str:
        """`--statistics`: a row per kind (all four, so scripts can rely on them) and a total.
        Columns: findings (or fixes applied), files they are in, and how many have a safe fix."""
        head = ["fixed" if fixed else "count", "kind", "files"] + ([] if fixed else ["safe-fix"])
        rows = [[self.counts[k], k, self.kind_files[k]] + ([] if fixed else [self.fixable[k]]) for k in KINDS]
        rows.append([sum(self.counts.values()), "total", self.files_with_findings]
                    + ([] if fixed else [sum(self.fixable.values())]))
        return "\n".join(f"{r[0]:>8}  {r[1]:<20}" + "".join(f"{c:>9}" for c in r[2:]) for r in [head] + rows)


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

    def file(self, path: str, doc: Document, findings: list[Finding], encoding: str = "utf-8") -> None:
        raise NotImplementedError

    def close(self, summary: Summary) -> None:
        pass


class TextFormatter(Formatter):
    def file(self, path, doc, findings, encoding="utf-8"):
        for f in findings:
            print(text_line(path, doc, f), file=self.out)


class JsonFormatter(Formatter):
    def __init__(self, out):
        super().__init__(out)
        self.items: list[dict] = []

    def file(self, path, doc, findings, encoding="utf-8"):
        self.items.extend(finding_json(path, doc, f) for f in findings)

    def close(self, summary):
        json.dump(self.items, self.out, ensure_ascii=False, indent=1)
        self.out.write("\n")


def github_data(text: str) -> str:
    """A workflow-command message: %, CR and LF encoded as the Actions runner decodes them."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A workflow-command property value: also `:` and `,`, which would end the value."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    """GitHub Actions annotations, one `::warning …::` line per finding, errors as `::error::`."""

    def file(self, path, doc, findings, encoding="utf-8"):
        name = os.path.normpath(path).replace(os.sep, "/")
        for f in findings:
            props = (f"file={github_property(name)},line={f.line},endLine={max(f.line, f.end_line)},"
                     f"col={column(doc, f)},title={github_property('repair ' + f.name)}")
            fixable = "" if not f.fix else (" [fix]" if f.safe else " [unsafe fix]")
            body = f"{escape(f.message)} ({f.confidence:.2f}){fixable}\n{escape(f.why)}"
            print(f"::warning {props}::{github_data(body)}", file=self.out)

    def close(self, summary):
        for e in summary.errors:
            print(f"::error title=repair::{github_data(escape(e))}", file=self.out)


class SarifFormatter(Formatter):
    """One SARIF 2.1.0 log for the whole run (see repair/sarif.py)."""

    def __init__(self, out):
        super().__init__(out)
        self.artifacts: list[dict] = []
        self.results: list[dict] = []

    def file(self, path, doc, findings, encoding="utf-8"):
        location = {**sarif.artifact_location(path), "index": len(self.artifacts)}
        self.artifacts.append({"location": sarif.artifact_location(path), "encoding": encoding})
        for f in findings:
            message = f"{escape(f.message)} — {escape(f.why)}"
            self.results.append(sarif.result(location, doc, f, message))

    def close(self, summary):
        json.dump(sarif.log(self.artifacts, self.results, summary.errors), self.out, ensure_ascii=False, indent=1)
        self.out.write("\n")


FORMATTERS: dict[str, Callable[[TextIO], Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
    "github": GithubFormatter,
    "sarif": SarifFormatter,
}
