"""Sub-heads of two clauses (一张板凳，坐出一个“议事角”), as a page confirms them.

A short line of two clauses split by one comma reads as a line of prose by its comma; a feature
story's sub-heads often take this form. One standing in its place, between a finished paragraph
and the next, shows that the page sets them so: the same form between two pieces of a cut
sentence (…会后再挨家挨户 / 一只保温壶，暖了一群“小候鸟” / 上门反馈。…) is then a sub-head
dropped into it, not a third piece of that sentence. Pages without blank lines and one paragraph
a line only: in a hard-wrapped column every short line is a paragraph's end.
"""
from __future__ import annotations

import re

from .document import Document
from .layout import analyse
from .seams import straddling_word
from .textutil import han_ratio, strip_ws

# (re: one search over the page; a line of 2-10 characters, a comma, 2-10 more, no other clause mark)
TWO_CLAUSE_LINE_RE = re.compile(
    r"(?m)^[^\S\n]*[^\s，,。；;：:！？!?、][^\n，,。；;：:！？!?、]{1,9}[，,][^\n，,。；;：:！？!?、]{2,10}$")
SUBHEAD_MAX = 18   # characters: the two clauses together (the made pages' are 13-14; a cut line of
                   # prose of this form, 为进一步丰富居民文化生活，营造和睦友善的邻, runs longer)
# No headline ends on a word that wants what follows (…会后再, …记在, …居民的): a piece of a sentence
DANGLING_ENDS = frozenset("的地得在和与及把将对向从被再又还也就才都而并且或让使给")
BODY_AFTER = 20    # characters: the paragraph after a standing sub-head is prose


def two_clause_subheads(doc: Document) -> frozenset[int]:
    """0-based lines of that form, on a page where one of them stands as a sub-head; else none."""
    if "two-clause-subheads" not in doc.memo:
        doc.memo["two-clause-subheads"] = _find(doc)
    return doc.memo["two-clause-subheads"]


def _find(doc: Document) -> frozenset[int]:
    candidates = [doc.line_of(m.start()) for m in TWO_CLAUSE_LINE_RE.finditer(doc.text)]
    if len(candidates) < 2:
        return frozenset()
    layout = analyse(doc)
    stripped, ends = doc.stripped, doc.sentence_ends
    lines = [i for i in candidates if not layout[i].wrapped and len(strip_ws(stripped[i])) <= SUBHEAD_MAX
             and han_ratio(stripped[i]) >= 0.6 and stripped[i][-1] not in DANGLING_ENDS]

    def near(i: int, step: int) -> int:      # the nearest nonblank line, or -1
        i += step
        while 0 <= i < len(stripped) and not stripped[i]:
            i += step
        return i if 0 <= i < len(stripped) else -1

    def standing(i: int) -> bool:            # after a finished paragraph, before prose
        before, after = near(i, -1), near(i, 1)
        return before >= 0 and after >= 0 and ends[before] and len(stripped[after]) >= BODY_AFTER
    # (not a line whose last word runs on into the next: …营造和睦友善的邻 / 里氛围…)
    lines = [i for i in lines if near(i, 1) < 0 or not straddling_word(stripped[i], stripped[near(i, 1)])]
    return frozenset(lines) if any(map(standing, lines)) else frozenset()
