"""File-level jobs shared by the CLI and the pre-commit hook: check files, fix files, record a
baseline of findings in the decisions file.

Reads each file once, never writes a file that fails the never-lose-text check, and reports
unreadable input (a page or a decisions file) as an error (exit 2) without touching anything.
"""
from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator, Optional, TextIO

from .decisions import Decisions, default_location, find_file, finding_key
from .document import Document
from .engine import check, fix_text
from .files import expand
from .model import Finding
from .parallel import ordered_map
from .report import Formatter, Summary, unified_diff
from .settings import Settings
from .textio import InputError, TextFile, decode, encode, read, write_atomic


def load(path: str, stdin: Optional[TextIO] = None) -> TextFile:
    if path == "-":
        data = (stdin or sys.stdin).buffer.read() if hasattr(stdin or sys.stdin, "buffer") else \
            (stdin or sys.stdin).read().encode("utf-8")
        text, enc, bom = decode(data, "<stdin>")
        return TextFile("-", text, enc, bom)
    return read(path)


def expand_paths(paths: Iterable[str], settings: Settings, include=None, exclude=()) -> Iterator[str]:
    """The files a run works on: named files, *.txt/*.md under directories, `-`; config filters applied."""
    return expand(paths, include or settings.include, tuple(exclude) or settings.exclude, settings.root)


class Filters:
    """What hides a finding after detection: per-kind confidence floors and the decisions file.

    The engine drops findings below `settings.min_confidence`; per-kind floors may be lower, so
    `engine_settings` asks it for everything above the lowest floor and `hides` does the rest.
    Each decisions file is read once per run."""

    def __init__(self, settings: Settings):
        self.settings = settings
        floors = [c for _, c in settings.kind_min_confidence]
        self.engine_settings = replace(settings, min_confidence=min([settings.min_confidence, *floors]))
        self._decisions: dict[str, tuple[Decisions, set[str]]] = {}
        self._where: dict[str, str] = {}    # folder -> its decisions file: looked up once per folder

    def _load(self, path: str) -> tuple[Decisions, set[str]]:
        folder = os.path.dirname(path)      # paths here are files (or "-")
        where = self._where.get(folder)
        if where is None:
            where = self._where[folder] = find_file(path) or default_location(path)
        if where not in self._decisions:
            d = Decisions.load(where)          # ValueError if it is unreadable
            self._decisions[where] = (d, d.keys)
        return self._decisions[where]

    def decisions(self, path: str) -> Decisions:
        """The decisions file for `path`."""
        return self._load(path)[0]

    def keys(self, path: str) -> set[str]:
        """Its keys, one set per run (kept current by `Decisions.add(..., known=)`)."""
        return self._load(path)[1]

    def hides(self, path: str) -> Callable[[Finding, str], bool]:
        floor = self.settings.min_confidence_for
        keys = self.keys(path) if self.settings.use_decisions and path != "-" else set()
        return lambda f, text: f.confidence < floor(f.kind) or (bool(keys) and finding_key(f, text) in keys)


def _error(summary: Summary, err: TextIO, message: str) -> None:
    summary.errors.append(message)
    print(f"error: {message}", file=err)


def _readable(paths, settings: Settings, filters: "Filters", summary: Summary, err: TextIO, include, exclude):
    """(path, the file, its suppression test) for every file that can be read; the others are
    reported as errors (exit 2) and skipped."""
    for path in expand_paths(paths, settings, include, exclude):
        try:
            yield path, load(path), filters.hides(path)
        except (InputError, ValueError) as exc:
            _error(summary, err, str(exc))


# What the engine runs with in a worker process (or in this one, with one job): set by _start_worker.
_worker_filters: Optional[Filters] = None


def _start_worker(settings: Settings) -> None:
    global _worker_filters
    _worker_filters = Filters(settings)


def _check_one(doc: Document | str, path: str):
    """Check one file's Document (in this process) or text (in a worker, which builds its own)."""
    if isinstance(doc, str):
        doc = Document(doc, path)
    return check(doc, _worker_filters.engine_settings)


def _fix_one(text: str, path: str):
    """(FixResult, None), or (None, why) when the fixes would lose text or clash."""
    try:
        return fix_text(text, _worker_filters.engine_settings, suppress=_worker_filters.hides(path)), None
    except ValueError as exc:   # TextLossError or clashing edits: the file is left as it is
        return None, str(exc)


def check_paths(paths: Iterable[str], settings: Settings, formatter: Formatter, err: Optional[TextIO] = None,
                include=None, exclude=(), jobs: int = 1) -> Summary:
    err = err or sys.stderr
    summary = Summary()
    filters = Filters(settings)

    def items():
        for path, tf, hides in _readable(paths, settings, filters, summary, err, include, exclude):
            doc = Document(tf.text, path)     # for the report; with one job it is also what is checked
            yield (path, tf, hides, doc), (doc if jobs <= 1 else tf.text, path)

    for (path, tf, hides, doc), result in ordered_map(_check_one, items(), jobs, _start_worker, (settings,)):
        for e in result.errors:
            _error(summary, err, f"{path}: {e}")
        findings = [f for f in result.findings if not hides(f, tf.text)]
        summary.add(findings)
        formatter.file(path, doc, findings, encoding=tf.encoding)
    formatter.close(summary)
    return summary


def filter_findings(path: str, text: str, findings, settings: Settings):
    """Drop findings under their kind's confidence floor or recorded in the decisions file."""
    hides = Filters(settings).hides(path)
    return [f for f in findings if not hides(f, text)]


def add_decisions(paths: Iterable[str], settings: Settings, err: Optional[TextIO] = None) -> Summary:
    """Record every current finding in its decisions file (`repair check --add-decisions`), so an
    archive can adopt the hook without fixing its history first. Findings already there stay once."""
    err = err or sys.stderr
    summary, added, touched = Summary(), Counter(), {}
    filters = Filters(replace(settings, use_decisions=True))
    for path in expand_paths(paths, settings):
        if path == "-":
            _error(summary, err, "<stdin>: a baseline needs files, not standard input")
            continue
        try:
            tf = load(path)
            hides, decisions = filters.hides(path), filters.decisions(path)
        except (InputError, ValueError) as exc:
            _error(summary, err, str(exc))
            continue
        result = check(Document(tf.text, path), filters.engine_settings)
        for e in result.errors:
            _error(summary, err, f"{path}: {e}")
        findings = [f for f in result.findings if not hides(f, tf.text)]
        summary.add(findings)
        rel = os.path.relpath(os.path.abspath(path), os.path.dirname(decisions.path)).replace(os.sep, "/")
        touched[decisions.path] = decisions
        added[decisions.path] += sum(decisions.add(f, tf.text, rel, decision="baseline",
                                                   note="recorded by repair check --add-decisions",
                                                   known=filters.keys(path))
                                     for f in findings)
    for where, decisions in touched.items():
        if added[where]:
            decisions.save()
        print(f"{where}: recorded {added[where]} new finding(s)", file=err)
    return summary


def _emit(out: TextIO, text: str, tf: TextFile) -> None:
    """Fixed text to stdout in the encoding, BOM and newlines it came in (a byte-faithful filter)."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(text)
        return
    out.flush()
    buffer.write(encode(text, tf.encoding, tf.bom))
    buffer.flush()


@dataclass
class FixMode:
    diff: bool = False          # print a unified diff, write nothing
    to_stdout: bool = False     # print the fixed text
    output: Optional[str] = None  # write the fixed text to this file


def fix_paths(paths: Iterable[str], settings: Settings, mode: FixMode, out: Optional[TextIO] = None,
              err: Optional[TextIO] = None, include=None, exclude=(), jobs: int = 1) -> Summary:
    out, err = out or sys.stdout, err or sys.stderr
    summary = Summary()
    filters = Filters(settings)
    items = (((path, tf), (tf.text, path))
             for path, tf, _ in _readable(paths, settings, filters, summary, err, include, exclude))
    for (path, tf), (result, refused) in ordered_map(_fix_one, items, jobs, _start_worker, (settings,)):
        if refused:
            _error(summary, err, f"{path}: {refused}")
            continue
        for e in result.errors:     # a crashed detector or a refused fix: reported as `check` does
            _error(summary, err, f"{path}: {e}")
        summary.files += 1
        summary.counts.update(f.kind for f in result.applied)
        summary.kind_files.update({f.kind for f in result.applied})
        try:
            if mode.diff:
                out.write(unified_diff(path, tf.text, result.text))
            elif mode.to_stdout or path == "-":
                _emit(out, result.text, tf)
            elif mode.output:
                write_atomic(mode.output, result.text, tf.encoding, tf.bom)
            elif result.changed:
                write_atomic(path, result.text, tf.encoding, tf.bom, expect_mtime_ns=tf.mtime_ns,
                             expect_digest=tf.digest)
        except InputError as exc:     # changed on disk since it was read: left alone
            _error(summary, err, str(exc))
            continue
        except OSError as exc:        # read-only directory, disk full: write_atomic left the file whole
            _error(summary, err, f"{mode.output or path}: cannot write ({exc.strerror or exc}); the file is unchanged")
            continue
        if result.changed:
            summary.files_changed += 1
            summary.files_with_findings += 1
            kinds = ", ".join(sorted({f.name for f in result.applied}))
            verb = "would fix" if mode.diff else "fixed"
            print(f"{path}: {verb} {len(result.applied)} ({kinds})", file=err)
    return summary
