"""Logical paragraphs: blocks chained across the breaks that broken-wrap says fall inside one.

Truncation and headline detectors reason about whole paragraphs, so a paragraph cut by a page
break is not mistaken for two cut paragraphs.
"""
from __future__ import annotations

from dataclasses import dataclass

from .document import Block, Document
from .detectors.broken_wraps import joined_lines


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
    for b in doc.blocks:
        if out and (b.first + 1) in joined:
            out[-1].append(b)
        else:
            out.append([b])
    doc.memo["paragraphs"] = result = [Paragraph(tuple(bs), "".join(b.text for b in bs)) for bs in out]
    return result
