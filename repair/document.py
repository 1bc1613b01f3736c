"""A text read once into lines and blocks (runs of non-blank lines), with offset <-> line maps.

Offsets are code points into the decoded text, which keeps its own newlines ("\\n", "\\r\\n" or
"\\r"), so every edit a detector makes lands exactly where a reader sees it.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, count, repeat
from operator import add, itemgetter
from typing import NamedTuple

import regex

_NEWLINE_RE = regex.compile(r"\r\n|\r|\n")


class Line(NamedTuple):     # a tuple: a page has thousands, built once per check
    index: int      # 0-based
    start: int      # offset of the first character
    end: int        # offset just past the last character (newline excluded)
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


class cached_attribute:
    """functools.cached_property without its lock: Python 3.11 takes one on every first access,
    a cost for each of a page's thousands of blocks. Computed once, then an instance attribute."""

    def __init__(self, compute):
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.compute(obj)
        return value


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines: a paragraph as the file lays it out."""
    index: int
    lines: tuple[Line, ...]

    # cached: the lines never change, and detectors ask these of every block many times
    @cached_attribute
    def start(self) -> int:
        return self.lines[0].start

    @cached_attribute
    def end(self) -> int:
        return self.lines[-1].end

    @cached_attribute
    def first(self) -> int:
        return self.lines[0].index

    @cached_attribute
    def last(self) -> int:
        return self.lines[-1].index

    @cached_attribute
    def text(self) -> str:
        """The block's lines joined without their breaks (for matching, not for writing)."""
        return "".join(map(str.strip, map(itemgetter(3), self.lines)))


class Document:
    def __init__(self, text: str, path: str = "<text>"):
        self.text = text
        self.path = path
        self.lines = self._split_lines(text)
        self._line_starts = list(map(itemgetter(1), self.lines))
        # each line's text without its surrounding whitespace ("" for a blank line): every
        # detector reads lines so, and a page has thousands of them
        self.stripped = [t.strip() for t in map(itemgetter(3), self.lines)]
        self.blocks = self._split_blocks(self.lines, self.stripped)
        self.memo: dict = {}   # per-document results one detector shares with another

    @staticmethod
    def _split_lines(text: str) -> list[Line]:
        if "\r" not in text:
            return Document._split_lf_lines(text)
        lines, pos = [], 0
        for m in _NEWLINE_RE.finditer(text):
            lines.append(Line(len(lines), pos, m.start(), text[pos:m.start()]))
            pos = m.end()
        if pos < len(text) or not lines:
            lines.append(Line(len(lines), pos, len(text), text[pos:]))
        return lines

    @staticmethod
    def _split_lf_lines(text: str) -> list[Line]:
        """The same lines as the regex split, at C speed, when the only newline is "\\n"."""
        pieces = text.split("\n")
        if len(pieces) > 1 and not pieces[-1]:
            pieces.pop()        # text ending in a newline has no line after it
        lengths = list(map(len, pieces))
        starts = list(accumulate(map((1).__add__, lengths[:-1]), initial=0))
        # tuple.__new__ builds each Line without the Python-level NamedTuple constructor
        return list(map(tuple.__new__, repeat(Line), zip(count(), starts, map(add, starts, lengths), pieces)))

    @staticmethod
    def _split_blocks(lines: list[Line], stripped: list[str]) -> list[Block]:
        blocks, run = [], []
        for line, t in zip(lines, stripped):
            if not t:
                if run:
                    blocks.append(Block(len(blocks), tuple(run)))
                    run = []
            else:
                run.append(line)
        if run:
            blocks.append(Block(len(blocks), tuple(run)))
        return blocks

    @cached_property
    def newline(self) -> str:
        m = _NEWLINE_RE.search(self.text)
        return m.group() if m else "\n"

    @cached_property
    def blank_separated(self) -> bool:
        """True when paragraphs are set apart by blank lines: blank gaps outnumber the line breaks
        that end a sentence inside a block (a page that separates paragraphs by a single newline
        and has a few page-break blank lines keeps its single newlines)."""
        gaps = len(self.blocks) - 1
        if gaps <= 0:
            return False
        ends = self.sentence_ends
        inner_ends = sum(1 for b in self.blocks for l in b.lines[:-1] if ends[l.index])
        return gaps >= inner_ends

    @cached_property
    def sentence_ends(self) -> list[bool]:
        """ends_sentence() of each line, asked once (several detectors ask it of most lines); the
        last character decides most lines without a call."""
        from .textutil import SENTENCE_LAST_CHARS, ends_sentence   # textutil is a leaf module; imported late to keep this one light
        return [t[-1:] in SENTENCE_LAST_CHARS and ends_sentence(t) for t in self.stripped]

    @cached_property
    def block_firsts(self) -> list[int]:
        """0-based first line of each block, ascending (for block_at's bisection)."""
        return [b.first for b in self.blocks]

    def block_at(self, line: int) -> Block:
        """The block holding a non-blank line (or the last block before a blank one)."""
        return self.blocks[bisect.bisect_right(self.block_firsts, line) - 1]

    @property
    def paragraph_separator(self) -> str:
        return self.newline * 2 if self.blank_separated else self.newline

    def line_of(self, offset: int) -> int:
        """0-based index of the line holding `offset`."""
        return max(0, bisect.bisect_right(self._line_starts, offset) - 1)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) for people."""
        i = self.line_of(offset)
        return i + 1, offset - self.lines[i].start + 1

    def gap(self, a: Block, b: Block) -> tuple[int, int]:
        """The span between two consecutive blocks: the break(s) to replace when joining them."""
        return a.end, b.start
