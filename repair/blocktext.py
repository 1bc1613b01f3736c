"""A block's text with its line breaks removed, mapped back to document offsets.

Detectors that read a paragraph as running text (sentences, duplicates) work on this flat
text and turn spans back into exact document offsets for their edits.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .document import Block


@dataclass(frozen=True)
class FlatText:
    text: str
    _seg_flat: tuple[int, ...]   # flat offset where each line's stripped text starts
    _seg_doc: tuple[int, ...]    # document offset of the same character

    @classmethod
    def of(cls, block: Block) -> "FlatText":
        parts, flat, docs, pos = [], [], [], 0
        for line in block.lines:
            lead = len(line.text) - len(line.text.lstrip())
            body = line.text.strip()
            flat.append(pos)
            docs.append(line.start + lead)
            parts.append(body)
            pos += len(body)
        return cls("".join(parts), tuple(flat), tuple(docs))

    def doc_offset(self, i: int) -> int:
        """Document offset of flat character i (i == len(text) maps just past the last character)."""
        if i >= len(self.text):
            k = len(self._seg_flat) - 1
            return self._seg_doc[k] + (i - self._seg_flat[k])
        k = bisect_right(self._seg_flat, i) - 1
        return self._seg_doc[k] + (i - self._seg_flat[k])

    def doc_span(self, i: int, j: int) -> tuple[int, int]:
        """Document span of flat [i, j): from char i to just past char j-1 (line breaks inside stay in it)."""
        if j <= i:
            return self.doc_offset(i), self.doc_offset(i)
        return self.doc_offset(i), self.doc_offset(j - 1) + 1
