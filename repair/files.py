"""Which files a command works on: files as given, directories searched for *.txt and *.md."""
from __future__ import annotations

import fnmatch
import os
from typing import Iterable, Iterator

DEFAULT_INCLUDE = ("*.txt", "*.md")
SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", ".tox"}


def expand(paths: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE,
           exclude: Iterable[str] = ()) -> Iterator[str]:
    include, exclude = tuple(include), tuple(exclude)
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            if p == "-" or not any(fnmatch.fnmatch(p, x) or fnmatch.fnmatch(os.path.basename(p), x) for x in exclude):
                yield p
            continue
        for root, dirs, names in os.walk(p):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            for name in sorted(names):
                full = os.path.join(root, name)
                if any(fnmatch.fnmatch(name, x) for x in include) and \
                        not any(fnmatch.fnmatch(full, x) or fnmatch.fnmatch(name, x) for x in exclude):
                    yield full
