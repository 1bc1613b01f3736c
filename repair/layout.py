"""Column layout: which lines are hard-wrapped at a column width, and which of them are full.

A newspaper column wraps every line at about the same display width; the line that ends a
paragraph is shorter, and the first line of a paragraph is often indented by two characters
(which OCR drops, so it looks two cells... four cells short).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import repeat
from typing import NamedTuple

from .document import Document
from .textutil import display_width

WINDOW = 10          # lines each side used to estimate the local column width
MIN_WRAP_WIDTH = 20  # cells; narrower "columns" are poems, lists or captions, never wrapped prose
MAX_WRAP_WIDTH = 200  # cells; wider lines are one-line paragraphs, not a column
# Chinese columns are narrow: newspapers set 10-30 characters a line, a full-width PDF page about
# 45. One-line paragraphs of 50+ characters can crowd into one band of widths (a page without
# blank lines, after a round of fixes): no column.
MAX_CJK_WRAP_WIDTH = 100
FULL_TOLERANCE = 5   # cells a full line may fall short of the column width (punctuation hangs, digits)
OVER_WIDE = 1.5   # a column line may run a little wide (digits, a hanging mark), not half again
INDENT_ALLOWANCE = 4  # cells a paragraph's first line loses to the (dropped) indent


class LineLayout(NamedTuple):     # one per line of every page: a tuple is cheap to build
    width: int          # display width of the stripped line
    column: int         # estimated column width around it (0 when not in wrapped prose)

    @property
    def wrapped(self) -> bool:
        return self.column > 0


LONG_LINE = MAX_WRAP_WIDTH  # characters; a longer line is a paragraph, its exact width never matters


def analyse(doc: Document) -> list[LineLayout]:
    if "layout" in doc.memo:
        return doc.memo["layout"]
    # a line longer than any column counts at twice its length without measuring it
    widths = [display_width(t) if len(t) <= LONG_LINE else 2 * len(t) for t in doc.stripped]
    nonblank = [i for i, t in enumerate(doc.stripped) if t]
    position = {i: k for k, i in enumerate(nonblank)}
    nonblank_widths = [widths[i] for i in nonblank]
    cols = [0] * len(widths)
    ends = doc.sentence_ends

    def window(i: int) -> int:
        # a window of one-line paragraphs (most of them wider than any column) is never wrapped prose
        if widths[i] > MAX_WRAP_WIDTH * 1.25:
            return 0
        k = position[i]
        return _column_width(sorted(nonblank_widths[max(0, k - WINDOW): k + WINDOW + 1]))

    pending = []
    for block in doc.blocks:
        idx = range(block.first, block.last + 1)      # a block's lines are consecutive
        # a block of three or more lines in wrapped prose carries its own width: probe a few of
        # its lines' windows instead of all (hard-wrapped pages are mostly such blocks)
        own = _own_width(widths, idx, ends) if len(idx) >= 3 else 0
        if own and (any(window(i) for i in (idx[len(idx) // 2], idx[0], idx[-1])) or _wrapped_block(doc, idx)):
            cols[idx.start:idx.stop] = [own] * len(idx)
            continue
        for i in idx:
            cols[i] = window(i)
        pending.append(block)
    _fill_blocks(pending, widths, cols, nonblank, ends)
    stripped = doc.stripped
    for i in nonblank:
        if cols[i] and ends[i] and widths[i] > OVER_WIDE * cols[i]:
            cols[i] = 0       # a finished line far wider than the block's column is a paragraph of its own
        elif cols[i] > MAX_CJK_WRAP_WIDTH and widths[i] >= 1.6 * len(stripped[i]):
            cols[i] = 0       # (a Chinese line: two cells a character)
    # (tuple.__new__: without the Python-level NamedTuple constructor, one per line)
    doc.memo["layout"] = result = list(map(tuple.__new__, repeat(LineLayout), zip(widths, cols)))
    return result


UPPER_BAND = 1.3         # of the median: lines this much wider are a band of their own
UPPER_BAND_LINES = 3     # lines, and
UPPER_BAND_SHARE = 0.25  # of the block's lines, in that band make it the column
CONTINUED_SHARE = 0.3   # of the block's lines going on from the line before: enough to measure by
BAND_SPREAD = 1.15       # widest/narrowest of the band: one width (a column), not a spread
SELF_WRAPPED_LINES = 4   # a block this long can show its own wrapping, among one-line paragraphs


def _wrapped_block(doc: Document, idx: range) -> bool:
    """A short hard-wrapped article on a page of one-line paragraphs (whose window of widths shows
    no column): four or more lines of one width (see _own_width), none but the last ending a
    sentence, most holding a clause's comma: prose cut at a width, not headlines or a list."""
    if len(idx) < SELF_WRAPPED_LINES:
        return False
    ends = doc.sentence_ends
    inner = [doc.stripped[i] for i in idx[:-1]]
    # (a comma of a clause: an enumeration's 、 is a list's as much as prose's, 一等奖：张华、李明…)
    return not any(ends[i] for i in idx[:-1]) and sum(("，" in t or "," in t) for t in inner) * 2 >= len(inner)


def _own_width(widths: list[int], idx: range, ends: list[bool]) -> int:
    """A wrapped block's column: all lines but the last are full, so the median of their widths
    (robust to one over-wide line of digits), if most of them come close to it. `idx`: the
    block's consecutive line indexes; `ends`: which lines end a sentence."""
    inner = sorted(widths[idx[0]:idx[-1]])         # ascending: the median and the count by bisection
    n = len(inner)
    own = inner[n - 1 - n // 2]                    # the median of the widths sorted widest first
    # (most lines close to it from both sides: a line far wider is no line of this column, and a
    # caption's one long line over a short one, 65 and 26 cells, shows no column at all)
    if own < MIN_WRAP_WIDTH or bisect_right(inner, OVER_WIDE * own) - bisect_left(inner, 0.8 * own) < 0.6 * n:
        return 0
    # a block of many one-line paragraphs (a notice's items, its contact and signature lines) sets
    # the median short of its column: the column is then the band of its full lines, well wider
    wide = inner[bisect_left(inner, UPPER_BAND * own):]
    if len(wide) >= max(UPPER_BAND_LINES, UPPER_BAND_SHARE * n) and wide[-1] <= BAND_SPREAD * wide[0]:
        return wide[len(wide) // 2]
    # a page whose paragraphs lost their first line's indent to the extraction (a 14-character line
    # over 16-character ones) sets the median short when its paragraphs are short: the column is
    # then the median of the lines that go on from a line before them
    goes_on = sorted(widths[i] for i in idx[1:-1] if not ends[i - 1])
    if len(goes_on) >= max(UPPER_BAND_LINES, CONTINUED_SHARE * n):
        cont = goes_on[len(goes_on) - 1 - len(goes_on) // 2]
        if own < cont <= UPPER_BAND * own:
            return cont
    return own


def _fill_blocks(blocks, widths: list[int], cols: list[int], nonblank: list[int], ends: list[bool]) -> None:
    """A block is laid out in one column: lines of a block where the window straddled two columns
    (or a cluster of short headlines) take the block's column; a block with none takes the nearest
    column if one of its lines fills it."""
    for block in blocks:
        idx = range(block.first, block.last + 1)
        known = [cols[i] for i in idx if cols[i]]
        if not known:
            lo, hi = bisect_left(nonblank, idx[0] - 8), bisect_right(nonblank, idx[0] + 8)
            near = [cols[j] for j in nonblank[lo:hi] if cols[j]]
            if near and max(widths[i] for i in idx) >= 0.8 * near[0] and len(idx) > 1:
                known = [near[0]]
        if known and len(idx) >= 3:
            own = _own_width(widths, idx, ends)
            if own:
                for i in idx:
                    cols[i] = own
                continue
        if known:
            col = sorted(known)[len(known) // 2]
            for i in idx:
                cols[i] = cols[i] or col


def _column_width(sorted_widths: list[int]) -> int:
    """The column width if these lines look hard-wrapped, else 0.

    The column is the densest band of widths (within 25% of each other); the window counts as
    wrapped prose when that band holds most of its lines.
    """
    ws = sorted_widths[bisect_left(sorted_widths, MIN_WRAP_WIDTH):]
    n = len(sorted_widths)
    if len(ws) < 4 or len(ws) < 0.5 * n:
        return 0              # the band below can hold no more lines than these
    best, best_hi, j = 0, 0, 0
    for i in range(len(ws)):
        while ws[i] > ws[j] * 1.25:
            j += 1
        if i - j + 1 >= best:
            best, best_hi = i - j + 1, i
    j = best_hi - best + 1
    col = ws[j + (3 * (best - 1)) // 4]
    if col > MAX_WRAP_WIDTH:
        return 0
    # 0.5: in seed 004 every 21-line window has >= 55% of its lines in one such band, even beside
    # the block of short headlines; one-line-per-paragraph pages (seeds 000-003) have at most 30%.
    return col if best >= 0.5 * n and best >= 4 else 0


def is_full(lay: LineLayout, first_of_paragraph: bool) -> bool:
    if lay.column <= 0:       # not wrapped (tested inline: this runs on every line)
        return False
    slack = FULL_TOLERANCE + (INDENT_ALLOWANCE if first_of_paragraph else 0)
    return lay.width >= lay.column - slack
