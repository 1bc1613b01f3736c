"""fused-headline: a headline run into other text or set apart from its article.

Three shapes, one module each:
- dropped into a paragraph (this module; seed 000):
      …后台系统便 / # 市中心医院:让医疗服务更有“温度” / 会自动为…
  → the headline moves to the top of its article (after the column name, before the byline)
    and the split sentence is rejoined: …后台系统便会自动为…
- run together on one line or in one block with other text (headline_fusion.py);
- displaced from its article (headline_moves.py).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterator, Optional

import regex

from ..articles import article_top, bigrams, is_headline, share
from ..document import Document
from ..layout import analyse, is_full
from ..model import Edit, Finding, Fix
from ..openings import mid_sentence_opening
from ..paragraphs import Paragraph, paragraphs
from ..roles import CLAUSE_END_CHARS, closed_by_role, opens_article, role
from ..seams import straddling_word
from ..settings import Settings
from ..subheads import two_clause_subheads
from ..textutil import ends_sentence, han_ratio, seam_joiner, strip_ws
from .broken_wraps import echoed_lead, headlines_between_lines, joined_lines
from .duplicates import deleted_blocks
from .headline_fusion import run_together
from .headline_moves import displaced

KIND = "fused-headline"

DOCUMENT_TITLE_RE = regex.compile(r"(?:通知|公告|通告|通报|决定|意见|办法|方案|倡议书|公示|启事)\s*$")
# (not 不断, 全面, 及时, 严格, 扎实, 通过…: a sentence may end on them, its full stop lost)
DANGLING_END_RE = regex.compile(r"(?:坚决|切实|大力|着力|进一步|把|被|将要|对于|关于|围绕|按照|根据)$")
BOLD_RE = regex.compile(r"^\*\*[^*]+\*\*$")
OPENER_RE = regex.compile(r"^\s*(近年来|近日|日前|今年以来|据了解|据悉|[“「])")


def detect(doc: Document, settings: Settings = Settings()) -> Iterator[Finding]:
    paras = paragraphs(doc)
    dropped = dropped_in(doc, settings)
    yield from dropped.values()
    yield from _dropped_between_lines(doc, paras)
    between = headlines_between_lines(doc)
    # (a headline between two lines of a column is moved out by _dropped_between_lines)
    interrupted = set(dropped) | {k for k, p in enumerate(paras) if p.first_line in between}
    yield from run_together(doc, paras, settings)
    yield from displaced(doc, paras, set(interrupted), settings)


# ---------------------------------------------------------------- dropped into a paragraph

def dropped_in(doc: Document, settings: Settings = Settings()) -> dict[int, Finding]:
    """Headlines dropped inside a paragraph, by paragraph index (shared with truncation)."""
    if "dropped-headlines" not in doc.memo:
        paras = paragraphs(doc)
        copies = deleted_blocks(doc, settings)
        found = {}
        layout = None
        for i in range(1, len(paras) - 1):
            if paras[i].blocks[0] is not doc.blocks[paras[i].blocks[0].index]:
                # a line inside a block: between two lines of a column, _dropped_between_lines'
                # case; between one-line paragraphs of a page without blank lines, this one's
                layout = layout or analyse(doc)
                if layout[paras[i].first_line].wrapped or doc.blank_separated:
                    continue
            f = _dropped_in(doc, paras, i, settings, copies)
            if f:
                found[i] = f
        doc.memo["dropped-headlines"] = found
    return doc.memo["dropped-headlines"]


def _dropped_in(doc: Document, paras: list[Paragraph], i: int, settings: Settings,
                copies: set[int]) -> Optional[Finding]:
    prev, head, nxt = paras[i - 1], paras[i], paras[i + 1]
    # (a sub-head of two clauses, as the page sets them, is one too: 一只保温壶，暖了一群“小候鸟”)
    two_clause = head.first_line in two_clause_subheads(doc)
    if not (two_clause or is_headline(head, settings)) or len(head.blocks) != 1 or prev.first_line in copies \
            or len(strip_ws(head.text)) > settings.headline_max_chars or DOCUMENT_TITLE_RE.search(head.text):
        # (a copy to delete ends where it was cut; "# 标题本报讯 记者…" is a fused line; an official
        # document's title, …关于开展汛前安全隐患排查整治的通知, opens the document below it)
        return None
    tail = prev.blocks[-1].lines[-1].text.rstrip()
    # (a full line of a column is body text, though short English reads as a sentence-case headline:
    # Detour signs send drivers north on Route 9 to the Carver)
    # (not a headline among headlines: a block of them at the page's end fills the column too)
    fills = _fills_column(doc, prev.blocks[-1].lines[-1].index, tail) and not (i >= 2 and is_headline(paras[i - 2], settings))
    prose = fills or role(prev.text) in ("body", "lead")
    if not prose or ends_sentence(tail) or len(strip_ws(prev.text)) < 25 \
            or closed_by_role(tail, fills or prev.last_line + 1 in joined_lines(doc)) or tail.endswith("\ufffd"):
        return None     # a contact line or a credit is complete as it stands; a broken character marks a cut
    if role(nxt.text) != "body" or OPENER_RE.match(nxt.text) or len(strip_ws(nxt.text)) < 10:
        return None
    # a bold subhead opens a section: it goes before the paragraph it split; a headline goes to
    # the top of its article
    word = straddling_word(tail, nxt.text)
    # a headline that shares its words with the paragraph below but not with the one above opens
    # the next article: the paragraph above is simply cut (truncated), not split by it
    hg = bigrams(head.text)
    above, below = share(hg, prev.text), share(hg, nxt.text)
    top = i - 1 if BOLD_RE.match(head.text.strip()) else article_top(paras, i - 1)
    # evidence that the headline is displaced into this paragraph rather than opening the next
    # article after a cut one: a split word, words shared with the text above, or words shared
    # with the text below while the article above has no headline of its own
    headless = top is not None and (top == 0 or role(paras[top - 1].text) != "heading")
    # the paragraph after opens mid-sentence (区只会种地、矿区只会拉煤”的…): it continues the one
    # above; or the one above stops on a comma (…直播经常卡顿，), which no paragraph ends on, or on
    # an adverb or a preposition that wants its verb or object (…隐患排查整治，坚决 / # … / 遏制…)
    continues = mid_sentence_opening(nxt.text.strip())
    # (a headline that shares words with the paragraph below heads it: the one above is cut)
    comma_cut = tail[-1:] in CLAUSE_END_CHARS or (not below and bool(DANGLING_END_RE.search(tail)))
    # or its own article's lead comes right after the paragraph below it, and shares its words
    # (…80岁以上 / # 新能源汽车下乡活动走进云溪镇 / 老人补贴5元… / 本报讯…新能源汽车…): the
    # paragraph between continues the one above
    own_below = None
    if not (word or continues or comma_cut or above > 0 or (below > 0 and headless) or two_clause):
        own_below = _next_article(paras, i, hg, window=OWN_LEAD_WINDOW)
        if own_below is None or share(hg, _text(paras, own_below, own_below + 3)) < OWN_LEAD_SHARE:
            return None
    # a headline that shares nothing with the text around it may head the article after the
    # rejoined paragraph (dropped into that article's neighbour): it goes where its words are
    in_block = head.blocks[0] is not doc.blocks[head.blocks[0].index]    # (a page without blank lines)
    after = own_below if own_below is not None else \
        _next_article(paras, i, hg) if (not above and not below) or in_block else None
    if after is not None and own_below is None and \
            share(hg, _text(paras, after, after + 3)) <= share(hg, _article_text(paras, top, i)):
        after = None
    sep = doc.paragraph_separator
    head_text = doc.text[head.start:head.end]
    drop, glue = seam_joiner(tail, nxt.text)
    # a de-hyphenation is its own edit, so the check can tell it from the moved headline
    cut = prev.blocks[-1].lines[-1].start + len(tail)          # just past the last visible character
    edits = [Edit(cut, nxt.start, glue)] + ([Edit(cut - drop, cut, "")] if drop else [])
    if after is not None:
        at = paras[after].start
        edits.append(Edit(at, at, head_text + sep))
        where = f"to line {paras[after].first_line + 1}, the top of the article its words are in"
    elif in_block and i + 2 < len(paras):
        # one-line paragraphs without blank lines: a sub-headline, which opens the section after
        # the sentence it split (…上千件，分 / 手艺总得有人接着 / 文未取。… / 让秦德厚欣慰的是…)
        at = paras[i + 2].start
        edits.append(Edit(at, at, head_text + sep))
        where = f"below the rejoined paragraph, to line {paras[i + 2].first_line + 1}"
    elif top is not None:
        at = paras[top].start
        edits.insert(0, Edit(at, at, head_text + sep))
        where = f"to line {paras[top].first_line + 1}, the top of its article"
    else:
        edits.insert(0, Edit(prev.start, prev.start, head_text + sep))
        where = "above the paragraph it split"
    conf = 0.9 if word else 0.85
    why = (f"the paragraph before stops mid-sentence at “{tail[-6:]}” and the one after continues it"
           + (f" (the seam forms “{word}”)" if word else "") + "; a headline sits between them")
    line = head.first_line + 1
    fix = Fix(tuple(edits), f"move the headline {where} and rejoin the sentence", safe=conf >= 0.85)
    return Finding(KIND, "inside-paragraph", head.start, head.end, line, line,
                   f"headline “{head.text.strip()[:20]}” splits a sentence", why, conf, fix)


LATIN_RAGGED = 12   # cells: English wraps at word boundaries, so a full line falls short by up to a word


def _fills_column(doc: Document, i: int, text: str) -> bool:
    lay = analyse(doc)[i]
    if han_ratio(text) >= 0.5:
        return is_full(lay, False)
    return lay.column > 0 and lay.width >= lay.column - LATIN_RAGGED


def _article_text(paras: list[Paragraph], top: Optional[int], i: int) -> str:
    """The text of the article above a dropped-in headline at i (from its top, at most 8 paragraphs)."""
    start = max(0, i - 8) if top is None else max(top, i - 8)
    return _text(paras, start, i)


def _text(paras: list[Paragraph], a: int, b: int) -> str:
    return " ".join(p.text for p in paras[a:b])


NEXT_ARTICLE_WINDOW = 10   # paragraphs after a dropped-in headline searched for the article it heads (a page's few)


OWN_LEAD_WINDOW = 2    # the lead (or byline) right after the paragraph below a headline
OWN_LEAD_SHARE = 0.3   # of the headline's character bigrams in its article's first paragraphs


def _next_article(paras: list[Paragraph], i: int, grams: set[str], window: int = NEXT_ARTICLE_WINDOW) -> Optional[int]:
    """The top (byline or lead) of the article after the paragraph that headline i split whose text
    shares most of the headline's words, or None."""
    best, best_share = None, 0.0
    for k in range(i + 2, min(len(paras), i + 2 + window)):
        if not opens_article(paras[k].text):
            continue
        top = k          # (bylines only: a four-character kicker such as 以案说法 reads as a name)
        while top > i + 2 and role(paras[top - 1].text) == "byline":
            top -= 1
        s = share(grams, _text(paras, k, k + 3))
        if s > best_share:
            best, best_share = top, s
    return best


def _dropped_between_lines(doc: Document, paras: list[Paragraph]) -> Iterator[Finding]:
    """A headline dropped between two wrapped lines of one block (a page without blank lines):
    it moves to the top of its article and the lines around it are rejoined."""
    sep = doc.paragraph_separator
    firsts = [p.first_line for p in paras]
    found = headlines_between_lines(doc)
    for block in doc.blocks:
        if not found or len(block.lines) < 3:
            continue
        for h in block.lines[1:-1]:
            if h.index not in found:
                continue
            pi = bisect_right(firsts, h.index - 1) - 1    # the paragraph it splits
            before, after = doc.lines[h.index - 1], doc.lines[h.index + 1]
            left = before.text.rstrip()
            drop, glue = seam_joiner(left, after.text)
            cut = before.start + len(left)
            right = after.start + len(after.text) - len(after.text.lstrip())
            lead = echoed_lead(doc, h.index)
            if lead is not None:
                # its words are another article's, whose lead repeats them: it heads that one
                at, where = doc.lines[lead].start, "the top of the article whose lead repeats it"
            else:
                at, where = _top_in_block(doc, paras, pi, block, h.index)
            head = h.text.strip()
            edits = [Edit(at, at, head + sep), Edit(cut, right, glue)] + \
                ([Edit(cut - drop, cut, "")] if drop else [])
            fix = Fix(tuple(sorted(edits, key=lambda e: (e.start, e.end))),
                      f"move the headline to line {doc.line_of(at) + 1}, {where}, and rejoin lines "
                      f"{before.index + 1} and {after.index + 1}", safe=True)
            yield Finding(KIND, "inside-paragraph", h.start, h.end, h.index + 1, h.index + 1,
                          f"headline “{head[:20]}” splits a sentence between two lines of a column",
                          f"a short line without punctuation stands between the full line “…{left[-6:]}” and "
                          "the rest of its paragraph: a headline dropped into it", 0.85, fix)


def _top_in_block(doc: Document, paras: list[Paragraph], pi: int, block, k: int) -> tuple[int, str]:
    """Where a headline dropped at line k of `block` goes: before the nearest dateline or byline
    line above it in the block (a page without blank lines holds several articles in one block),
    else the top of the article holding the block, else above the paragraph."""
    for line in reversed(block.lines[:k - block.first]):
        if opens_article(line.text):
            return line.start, "the top of its article"
    if block.index == paras[pi].blocks[0].index:
        top = article_top(paras, pi)
        if top is not None and top < pi:
            return paras[top].start, "the top of its article"
    return paras[pi].start, "above the paragraph it split"
