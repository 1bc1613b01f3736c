"""Which files a command works on: files as given, directories searched for *.txt and *.md.

Patterns are shell globs (`*` also crosses `/`). An exclude pattern is tried on the path
relative to `root` (the config file's folder), on each leading folder of it and on each name,
so `drafts`, `drafts/*` and `*.draft.txt` all do what they say. An include pattern is tried on
the relative path and the file name. Files named on the command line skip `include` (pre-commit
filters by its own `files:`), but not `exclude`.
"""
from __future__ import annotations

import fnmatch
import os
from typing import Iterable, Iterator

DEFAULT_INCLUDE = ("*.txt", "*.md")
SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", ".tox"}


def _relative_parts(path: str, root: str) -> list[str]:
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root or os.curdir))
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        rel = os.path.normpath(path)     # outside the root: match the path as given
    return [p for p in rel.replace(os.sep, "/").split("/") if p not in ("", ".")]


def excluded(path: str, patterns: Iterable[str], root: str = "") -> bool:
    parts = _relative_parts(path, root)
    names = {"/".join(parts[:i + 1]) for i in range(len(parts))} | set(parts)
    return any(fnmatch.fnmatch(n, p.rstrip("/")) for p in patterns for n in names)


def included(path: str, patterns: Iterable[str], root: str = "") -> bool:
    parts = _relative_parts(path, root)
    names = {"/".join(parts), parts[-1] if parts else ""}
    return any(fnmatch.fnmatch(n, p) for p in patterns for n in names)


def expand(paths: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE,
           exclude: Iterable[str] = (), root: str = "") -> Iterator[str]:
    include, exclude = tuple(include), tuple(exclude)
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            if p == "-" or not excluded(p, exclude, root):
                yield p
            continue
        for top, dirs, names in os.walk(p):
            dirs[:] = sorted(d for d in dirs
                             if d not in SKIP_DIRS and not excluded(os.path.join(top, d), exclude, root))
            for name in sorted(names):
                full = os.path.join(top, name)
                if included(full, include, root) and not excluded(full, exclude, root):
                    yield full
