"""Rich renderables for the review screen. Page text is data: it goes into `rich.text.Text`
piece by piece (never through markup) with control characters escaped, so `[bold]`, ESC or BEL
in a page show as literal text. Only the lines near a finding are ever rendered.
"""
from __future__ import annotations

import regex
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..document import Document, Line
from ..model import Finding
from ..report import escape

NEWLINE = regex.compile(r"\r\n|\r|\n")
BREAK = "⏎"
SPAN = "bold black on #d7af5f"
DELETED = "bold #ffd7d7 on #5f0000 strike"
INSERTED = "bold #d7ffd7 on #005f00 underline"
GUTTER = "#808080"
CONTEXT = 40          # characters of context either side of a change in the diff
MAX_SHOWN = 400       # longest deletion/insertion shown in full
MAX_LINE = 4000       # longest line the page view shows in full


def _pieces(text: Text, s: str, style: str = "") -> None:
    """Append page text, escaped; line breaks inside it become a visible ⏎ and a real break."""
    parts = NEWLINE.split(s)
    for i, part in enumerate(parts):
        text.append(escape(part), style)
        if i < len(parts) - 1:
            text.append(BREAK + "\n", style)


def _shown(line: Line, f: Finding | None) -> tuple[int, int]:
    """The part of a line the page view shows: all of it, or for a very long line (a page
    without line breaks) MAX_LINE characters around the finding."""
    if line.end - line.start <= MAX_LINE:
        return line.start, line.end
    centre = f.start if f and line.start <= f.start <= line.end else line.start
    a = max(line.start, centre - MAX_LINE // 2)
    return a, min(line.end, a + MAX_LINE)


def _line_rows(line: Line, f: Finding | None, width: int) -> int:
    a, b = _shown(line, f)
    return max(1, -(-cell_len(escape(line.text[a - line.start:b - line.start])) // max(1, width)))


def window(doc: Document, f: Finding | None, height: int, width: int, top: int | None = None) -> tuple[int, int]:
    """(first, last) 0-based lines to show: about a third of the rows above the finding."""
    if not doc.lines:
        return 0, 0
    first = top if top is not None else doc.line_of(f.start) if f else 0
    if top is None and f:
        budget = height // 3
        while first > 0 and budget - _line_rows(doc.lines[first - 1], f, width) >= 0:
            first -= 1
            budget -= _line_rows(doc.lines[first], f, width)
    first = max(0, min(first, len(doc.lines) - 1))
    last, used = first, 0
    while last < len(doc.lines) and used < height:
        used += _line_rows(doc.lines[last], f, width)
        last += 1
    while top is None and first > 0 and used + _line_rows(doc.lines[first - 1], f, width) <= height:
        first -= 1                                  # near the end: fill the view from above
        used += _line_rows(doc.lines[first], f, width)
    return first, last - 1


def document_view(doc: Document, f: Finding | None, first: int, last: int) -> RenderableType:
    """Lines first..last with numbers; the finding's span highlighted, its line breaks shown."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", style=GUTTER, no_wrap=True)
    grid.add_column(overflow="fold")
    lo, hi = (f.start, f.end) if f else (-1, -1)
    for line in doc.lines[first:last + 1]:
        row, (s0, s1) = Text(), _shown(line, f)
        if s0 > line.start:
            row.append(f"… ({s0 - line.start} characters) … ", GUTTER)
        a, b = min(max(lo, s0), s1), max(min(hi, s1), s0)
        for x, y, style in ((s0, a, ""), (a, b, SPAN), (b, s1, "")):
            row.append(escape(line.text[x - line.start:y - line.start]), style)
        if s1 < line.end:
            row.append(f" … ({line.end - s1} characters) …", GUTTER)
        broken = lo <= line.end < hi or (lo == hi == line.end)
        if broken:
            row.append(BREAK, SPAN)
        touched = lo < line.end + 1 and line.start < max(hi, lo + 1)
        grid.add_row(Text(f"{'▌' if touched else ' '}{line.index + 1}", "bold #d7af5f" if touched else GUTTER), row)
    return grid


def _groups(f: Finding) -> list[list]:
    """The fix's edits, nearby ones grouped so each group gets one before/after block."""
    groups: list[list] = []
    for e in sorted(f.fix.edits):
        if groups and e.start - groups[-1][-1].end <= 2 * CONTEXT:
            groups[-1].append(e)
        else:
            groups.append([e])
    return groups


def _clip(s: str) -> str:
    return s if len(s) <= MAX_SHOWN else s[:MAX_SHOWN // 2] + f" … ({len(s) - MAX_SHOWN} more) … " + s[-MAX_SHOWN // 2:]


def _prefixed(grid: Table, body: Text, marker: str, style: str) -> None:
    """One grid row per line of `body`, each with the −/+ marker in its own column."""
    for row in body.split("\n", allow_blank=True):
        grid.add_row(Text(marker, style), row)


def diff_view(doc: Document, f: Finding) -> RenderableType:
    """Before/after of the proposed fix: deletions struck through in red (−), insertions in
    green (+), with CONTEXT characters around each change; then why and how sure."""
    text = doc.text
    parts: list[RenderableType] = []
    head = Text()
    head.append(f"{f.name}", "bold")
    head.append(f"  line {f.line}  confidence {f.confidence:.2f}  ", GUTTER)
    head.append("safe fix" if f.safe else ("unsafe fix — check it" if f.fix else "no fix"),
                "#87d787" if f.safe else "#d7af5f")
    parts += [head, Text(escape(f.message))]
    parts.append(Text.assemble(("why: ", "bold"), escape(f.why)))
    if f.fix:
        parts.append(Text(escape(f.fix.description), "italic " + GUTTER))
        for group in _groups(f):
            lo, hi = group[0].start, group[-1].end
            ctx_lo = max(doc.lines[doc.line_of(lo)].start, lo - CONTEXT)    # context: the rest of
            ctx_hi = min(doc.lines[doc.line_of(hi)].end, hi + CONTEXT)      # the lines, at most 40
            ctx_hi = max(ctx_hi, hi)
            before, after = Text(), Text()
            for t in (before, after):
                _pieces(t, ("…" if ctx_lo > doc.lines[doc.line_of(lo)].start else "") + text[ctx_lo:lo])
            pos = lo
            for e in group:
                for t in (before, after):
                    _pieces(t, text[pos:e.start])
                _pieces(before, _clip(text[e.start:e.end]), DELETED)
                _pieces(after, _clip(e.replacement), INSERTED)
                pos = e.end
            for t in (before, after):
                _pieces(t, text[pos:ctx_hi] + ("…" if ctx_hi < doc.lines[doc.line_of(hi)].end else ""))
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")
            _prefixed(grid, before, "−", "bold #ff8787")
            _prefixed(grid, after, "+", "bold #87d787")
            parts += [Text(f"@@ line {doc.position(lo)[0]}", GUTTER), grid]
    return Group(*parts)


SHORT = {"broken-wrap": "wrap", "duplicate-paragraph": "duplicate", "truncated-sentence": "truncated",
         "fused-headline": "headline"}


HEADER = "  line kind      conf  message"


def finding_line(f: Finding, status: str | None, width: int) -> Text:
    """One row of the findings list: status mark, line, kind, confidence, one-line message.
    `·` skipped, `!` the fix is marked unsafe. Cut to `width` cells."""
    dim = "dim" if status else ""
    mark = "·" if status == "skipped" else ("!" if f.fix and not f.safe else " ")
    t = Text(no_wrap=True, overflow="ellipsis")
    t.append(mark, GUTTER)
    t.append(f"{f.line:>5} ", GUTTER)
    t.append(f"{SHORT.get(f.kind, f.kind):<9} ", dim)
    t.append(f"{f.confidence:.2f}  ", GUTTER)
    t.append(escape(" ".join(f.message.split())), dim)
    t.truncate(width, overflow="ellipsis", pad=True)
    return t
