"""Logical paragraphs: blocks chained across the breaks that broken-wrap says fall inside one.

Truncation and headline detectors reason about whole paragraphs, so a paragraph cut by a page
break is not mistaken for two cut paragraphs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .document import Block, Document
from .detectors.broken_wraps import copy_continuations, joined_lines


@dataclass(frozen=True, slots=True)
class Paragraph:
    blocks: tuple[Block, ...]
    text: str    # the blocks' text joined (every detector reads it, so it is built with the paragraph)

    @property
    def first_line(self) -> int:       # 0-based
        return self.blocks[0].first

    @property
    def last_line(self) -> int:
        return self.blocks[-1].last

    @property
    def start(self) -> int:
        return self.blocks[0].start

    @property
    def end(self) -> int:
        return self.blocks[-1].end


def paragraphs(doc: Document) -> list[Paragraph]:
    if "paragraphs" in doc.memo:
        return doc.memo["paragraphs"]
    joined = joined_lines(doc)
    out: list[list[Block]] = []
    pieces = doc.blocks if doc.blank_separated else \
        _pieces(doc.blocks, joined | {i + 1 for i in copy_continuations(doc)})
    for b in pieces:
        if out and (b.first + 1) in joined:
            out[-1].append(b)
        else:
            out.append([b])
    doc.memo["paragraphs"] = result = [Paragraph(tuple(bs), "".join(b.text for b in bs)) for bs in out]
    return result


def _pieces(blocks, joined: set[int]) -> Iterator[Block]:
    """A page without blank lines sets its paragraphs apart by single line breaks: a block holds
    many of them, and it is cut where broken-wrap joins nothing (a duplicate copy to delete stays
    whole). Each piece keeps its block's index (it lies in that block)."""
    for b in blocks:
        run = [b.lines[0]]
        for line in b.lines[1:]:
            if line.index + 1 in joined:
                run.append(line)
            else:
                yield Block(b.index, tuple(run))
                run = [line]
        yield Block(b.index, tuple(run)) if len(run) < len(b.lines) else b
