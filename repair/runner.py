"""File-level jobs shared by the CLI and the pre-commit hook: check files, fix files.

Reads each file once, never writes a file that fails the never-lose-text check, and reports
unreadable input as an error (exit 2) without touching anything.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Iterable, Optional, TextIO

from .decisions import Decisions
from .document import Document
from .edits import TextLossError
from .engine import check, fix_text
from .files import expand
from .report import Formatter, Summary, unified_diff
from .settings import Settings
from .textio import InputError, TextFile, decode, read, write_atomic


def load(path: str, stdin: Optional[TextIO] = None) -> TextFile:
    if path == "-":
        data = (stdin or sys.stdin).buffer.read() if hasattr(stdin or sys.stdin, "buffer") else \
            (stdin or sys.stdin).read().encode("utf-8")
        text, enc, bom = decode(data, "<stdin>")
        return TextFile("-", text, enc, bom)
    return read(path)


def check_paths(paths: Iterable[str], settings: Settings, formatter: Formatter, err: Optional[TextIO] = None,
                include=None, exclude=()) -> Summary:
    err = err or sys.stderr
    summary = Summary()
    for path in expand(paths, **({"include": include} if include else {}), exclude=exclude):
        try:
            tf = load(path)
        except InputError as exc:
            summary.errors.append(str(exc))
            print(f"error: {exc}", file=err)
            continue
        doc = Document(tf.text, path)
        result = check(doc, settings)
        for e in result.errors:
            summary.errors.append(f"{path}: {e}")
            print(f"error: {path}: {e}", file=err)
        findings = filter_findings(path, tf.text, result.findings, settings)
        summary.add(findings)
        formatter.file(path, doc, findings)
    formatter.close(summary)
    return summary


def filter_findings(path: str, text: str, findings, settings: Settings):
    """Drop findings recorded in the decisions file (unless settings say to show everything)."""
    if not settings.use_decisions or path == "-" or not findings:
        return findings
    return Decisions.for_path(path).filter(findings, text)


@dataclass
class FixMode:
    diff: bool = False          # print a unified diff, write nothing
    to_stdout: bool = False     # print the fixed text
    output: Optional[str] = None  # write the fixed text to this file


def fix_paths(paths: Iterable[str], settings: Settings, mode: FixMode, out: Optional[TextIO] = None,
              err: Optional[TextIO] = None, include=None, exclude=()) -> Summary:
    out, err = out or sys.stdout, err or sys.stderr
    summary = Summary()
    for path in expand(paths, **({"include": include} if include else {}), exclude=exclude):
        try:
            tf = load(path)
            decisions = Decisions.for_path(path) if settings.use_decisions and path != "-" else None
            result = fix_text(tf.text, settings, suppress=decisions.suppresses if decisions else None)
        except (InputError, TextLossError) as exc:
            summary.errors.append(str(exc))
            print(f"error: {path}: {exc}" if isinstance(exc, TextLossError) else f"error: {exc}", file=err)
            continue
        summary.files += 1
        summary.counts.update(f.kind for f in result.applied)
        if result.changed:
            summary.files_changed += 1
            summary.files_with_findings += 1
        if mode.diff:
            out.write(unified_diff(path, tf.text, result.text))
        elif mode.to_stdout or path == "-":
            out.write(result.text)
        elif mode.output:
            write_atomic(mode.output, result.text, tf.encoding, tf.bom)
        elif result.changed:
            write_atomic(path, result.text, tf.encoding, tf.bom, expect_mtime_ns=tf.mtime_ns)
        if result.changed:
            kinds = ", ".join(sorted({f.name for f in result.applied}))
            verb = "would fix" if mode.diff else "fixed"
            print(f"{path}: {verb} {len(result.applied)} ({kinds})", file=err)
    return summary
