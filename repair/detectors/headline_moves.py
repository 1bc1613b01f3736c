"""fused-headline, displaced: headlines standing away from their articles.

Seed 004 ends with a block of headlines whose articles stand above. Each headline that the text
below it does not continue is matched to the article (within its page) that shares most of its
words, rarer words counting more; moving it to that article's top is proposed as an unsafe fix.

A line holding two headlines (`市农牧局开展盐碱地专项监测 鄂尔多斯高新区“引才工作站”落户…`) whose
halves match two different articles, the first the one below it, is reported as same-line: the
second half moves to its own article's top (unsafe, as every move between articles).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from math import fsum
from typing import Iterable, Iterator

import regex

from ..articles import DECK_MAX, NON_WORD_RE, article_start, articles, bigrams, is_headline
from ..document import Block, Document
from ..model import Edit, Finding, Fix
from ..paragraphs import Paragraph
from .headline_fusion import split_lines
from ..roles import AUTHOR_MARK_RE, COLUMN_NAME_RE, MD_HEADING_RE, PAGE_HEADER_RE, opens_article, role
from ..settings import Settings
from ..textutil import ends_sentence, han_ratio, strip_ws

KIND = "fused-headline"

# On seed 004 the displaced headlines score 0.29-0.83 against their own article and at most
MATCH_MIN = 0.25      # share (weighted by rarity) of a headline's character bigrams in its article
MATCH_MARGIN = 2.0    # the best article must beat the next by this factor
BLOCK_KICKER_MAX = 4  # characters: a kicker in a block of headlines (民生实事, 速递)
KICKER_MAX = 10       # characters: a kicker or column name is short (seed kickers: 2-8)
LOCAL_MATCH = 0.4     # a headline sharing this share of its bigrams with the text below it is at home
WINDOW = 150          # displaced headlines stay on their page: look this many paragraphs either way


def displaced(doc: Document, paras: list[Paragraph], skip: set[int], settings: Settings) -> Iterator[Finding]:
    paras = _page_end_lines_apart(paras, settings)
    heads = [i for i, h in enumerate(paras)
             if i not in skip and is_headline(h, settings) and not _table_row(paras, i) and not _signs_notice(paras, i)
             and not _page_header(paras, i) and not DATE_LINE_RE.match(h.text) and not EN_LABEL_LINE_RE.match(h.text)
             and not LABELLED_LIST_RE.match(h.text)]
    grams_of = {i: headline_grams(paras[i].text) for i in heads}
    split = split_lines(doc, settings)     # (a headline and its subtitle on one line: split first)
    # (a column name, # 晚报短评, moves only with the headline below it: _with_column_names)
    suspects = [i for i in heads if len(grams_of[i]) >= 3 and paras[i].blocks[0].lines[0].index not in split
                and not COLUMN_NAME_RE.match(paras[i].text) and not _over_its_byline(paras, i, settings)
                and not _at_home(paras, i, grams_of[i], settings)]
    # a line of two headlines reads as at home when the second's article follows the first's
    suspect_set, head_set = set(suspects), set(heads)
    pairs = [i for i in heads if i not in suspect_set and two_parts(paras[i].text)]
    if not suspects and not pairs:
        return
    sections = articles(paras, settings, frozenset(skip))
    # sections of one article (split by subheads) are scored together
    by_start: dict[int, list[int]] = {}
    for a, b in sections:
        by_start.setdefault(article_start(paras, a), []).extend(range(a, b))
    arts = sorted(by_start.items())
    starts = [start for start, _ in arts]
    if len(arts) < 2:
        return
    text_cache: dict[int, str] = {}

    def text_of(k: int) -> str:
        """The article's words as one string (punctuation out, as in _bigrams), searched in C."""
        if k not in text_cache:
            text_cache[k] = "\x00".join(NON_WORD_RE.sub("", paras[m].text) for m in arts[k][1]).lower()
        return text_cache[k]

    moves: list[tuple[int, int, float, float]] = []     # (headline, article, score, runner-up)
    for i in sorted(suspects + pairs):
        near = list(range(bisect_left(starts, i - WINDOW), bisect_right(starts, i + WINDOW)))
        if len(near) < 2:
            continue
        two = _two_headlines(doc, paras, i, arts, near, text_of)
        if two:
            yield _split_and_move(doc, paras, arts, i, *two)
            continue
        if i not in suspect_set:
            continue          # at home as a whole
        # a headline closing the page heads nothing below it: it too may go by its topic word,
        # to an article without a headline of its own (…（本报记者 孙磊 摄） / # 老纺织厂织出“智造”新图景)
        last = i == len(paras) - 1
        run = _in_homeless_run(i, head_set, suspect_set)
        match = _best_article(grams_of[i], near, text_of, run or last)
        if match is None:
            continue
        best, score, runner = match
        if last and not run and score < MATCH_MIN and _headed(paras, arts[best][0], settings):
            continue
        if _kicker_at_home(paras, i, grams_of) and NON_WORD_RE.sub("", paras[i].text).lower() not in text_of(best):
            continue     # a column name over a headline and its byline stays, unless its article names it
        members = arts[best][1]
        after = next((k for k in range(i + 1, len(paras)) if not is_headline(paras[k], settings)), None)
        if after in members or min(members) < i < max(members) or _deck_between(paras, i, min(members)):
            continue     # above its own article (perhaps over its deck), or a subhead inside it
        moves.append((i, best, score, runner))
    moves = _with_column_names(paras, moves, set(heads))
    # consecutive displaced headlines bound for one article move together, in their order
    groups: list[list[tuple[int, int, float, float]]] = []
    for m in moves:
        if groups and groups[-1][-1][1] == m[1] and _only_headings_between(paras, groups[-1][-1][0], m[0], settings):
            groups[-1].append(m)
        else:
            groups.append([m])
    for group in groups:
        yield from _move_group(doc, paras, arts, group)


INNER_GAP_RE = regex.compile(r"\S[ \t\u3000]+\S")
ROW_PUNCT_RE = regex.compile(r"[，,。；;！？!?]")    # a row holds figures and names, not sentences
TABLE_ROW_MAX = 48


# English lines that head no article: a masthead or a section's name in capitals (THE CEDAR VALLEY
# REGISTER, LETTERS TO THE EDITOR), a byline's second line (Ledger Staff Writer), a label and its
# value (Parking: $5 at Millbrook Elementary)
EN_LABEL_LINE_RE = regex.compile(r"^\s*(?:[A-Z][A-Z'’&.,-]*(?:\s+[A-Z][A-Z'’&.,-]*)+"
                                 r"|(?:[A-Z][\w.'’-]*\s+){0,3}(?:Writer|Reporter|Correspondent|Editor|Columnist)"
                                 r"|[A-Z][\w'’ -]{1,30}:\s*[$\d].*)\s*$")
LABELLED_LIST_RE = regex.compile(r"^\s*[^：:\s]{2,10}[：:].*、")    # 延时开放公园：滨江公园、月湖公园…: a list
DATE_LINE_RE = regex.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


def _signs_notice(paras: list[Paragraph], i: int) -> bool:
    """The issuer over the date at a notice's end (清溪县自来水公司 / 2025年6月9日): no headline."""
    return i + 1 < len(paras) and bool(DATE_LINE_RE.match(paras[i + 1].text))


PAGE_HEADER_LINES = 4    # paragraphs at the page's top


def _page_header(paras: list[Paragraph], i: int) -> bool:
    return i < PAGE_HEADER_LINES and any(PAGE_HEADER_RE.search(paras[k].text)
                                         for k in range(i, min(len(paras), PAGE_HEADER_LINES)))


def _table_row(paras: list[Paragraph], i: int) -> bool:
    """A line with a gap inside between lines with gaps (站名　换乘线路 / 东滨火车站　1号线 / …):
    a table's row, on a page without blank lines, not a headline; and the table's title over its
    first rows (2025年市级公共文化场馆服务情况 / 场馆 接待观众（万人次） … / 市博物馆 86.4 …)."""
    def gapped(k: int) -> bool:
        t = paras[k].text.strip() if 0 <= k < len(paras) else ""
        # (Latin headlines have spaces between words: a row is mostly Chinese or figures)
        return len(paras[k].blocks[0].lines) == 1 and len(t) <= TABLE_ROW_MAX and not ROW_PUNCT_RE.search(t) \
            and bool(INNER_GAP_RE.search(t)) and not MD_HEADING_RE.match(t) \
            and _latin_ratio(t) < 0.5 if t else False
    return gapped(i) and (gapped(i - 1) or gapped(i + 1)) or gapped(i + 1) and gapped(i + 2)


def _latin_ratio(t: str) -> float:
    letters = sum(c.isascii() and c.isalpha() for c in t)
    return letters / max(1, len(t) - t.count(" "))


PAGE_END_BLOCK_MAX = 3   # lines of a headline block at the page's end, each its own headline


def _page_end_lines_apart(paras: list[Paragraph], settings: Settings) -> list[Paragraph]:
    """A paragraph of two or three headline lines in one block, at the page's end or among other
    headlines (a block of headlines: 老街“焕新”激活夜间消费 / 职校“订单班”学生未毕业先就业 / 区法院…;
    “书香云溪”全民阅读月活动启动 / 我县老旧小区改造惠及3200余户 between two more), is judged line
    by line: each may belong to another article above (a title and its subtitle still go to one
    article together)."""
    out: list[Paragraph] = []
    for k, p in enumerate(paras):
        if len(p.blocks) == 1 and 2 <= len(p.blocks[0].lines) <= PAGE_END_BLOCK_MAX and \
                (k == len(paras) - 1 or _headline_at(paras, k - 1, settings) or _headline_at(paras, k + 1, settings)):
            b = p.blocks[0]
            lines = [Paragraph((Block(b.index, (l,)),), l.text.strip()) for l in b.lines]
            if all(is_headline(q, settings) for q in lines):
                out.extend(lines)
                continue
        out.append(p)
    return out


def _headline_at(paras: list[Paragraph], k: int, settings: Settings) -> bool:
    return 0 <= k < len(paras) and len(paras[k].blocks[0].lines) == 1 and is_headline(paras[k], settings)


def _with_column_names(paras: list[Paragraph], moves, heads: set[int]):
    """A column name right above a displaced headline (优化营商环境进行时 / “一窗通办”让企业办事少跑腿,
    in a block of headlines at the page's end) shares no words with the article: it goes along,
    above the headline."""
    moving = {m[0] for m in moves}
    out = []
    for m in moves:
        k = m[0] - 1
        # (or a kicker of a few characters, 民生实事, between two headlines of the block)
        column_name = bool(COLUMN_NAME_RE.match(paras[k].text))
        if (k in heads or column_name) and k not in moving and (column_name or
                                               len(strip_ws(paras[k].text)) <= BLOCK_KICKER_MAX and k - 1 in heads):
            out.append((k,) + m[1:])
            moving.add(k)
        out.append(m)
    return out


def _kicker_at_home(paras: list[Paragraph], i: int, heads) -> bool:
    """A column name (# 民生实事进行时) over a headline and the article's byline or dateline: it
    shares no words with its article, yet stands where it belongs."""
    if len(strip_ws(paras[i].text)) > KICKER_MAX or i + 1 not in heads:
        return False
    k = i + 1
    while k < len(paras) and k in heads and k - i <= 3:       # the headline, its subtitle
        k += 1
    return k < len(paras) and opens_article(paras[k].text)


def _over_its_byline(paras: list[Paragraph], i: int, settings: Settings) -> bool:
    """A lone headline right over its author's mark heads that piece, whatever words another article
    shares with it (# 春到云顶山 / 文/黄一鸣 / a poem, beside an article about 云顶山's tea). (Not any
    byline: a headline dropped into the wrong article's top may stand over its byline for a round.)"""
    return i + 1 < len(paras) and AUTHOR_MARK_RE.match(paras[i + 1].text) is not None \
        and role(paras[i + 1].text) == "byline" and not (i > 0 and is_headline(paras[i - 1], settings))


def _headed(paras: list[Paragraph], top: int, settings: Settings) -> bool:
    """Does a headline stand right above the article starting at paragraph `top`?"""
    return top > 0 and is_headline(paras[top - 1], settings)


def _in_homeless_run(i: int, heads: set[int], suspects: set[int]) -> bool:
    """Is headline i one of a run of two or more headlines none of which is at home (a block of
    headlines displaced together, as at a page's end)?"""
    lo, hi = i, i
    while lo - 1 in heads:
        lo -= 1
    while hi + 1 in heads:
        hi += 1
    return hi > lo and all(k in suspects for k in range(lo, hi + 1))


def _best_article(grams: set[str], near: list[int], text_of, topic: bool = False) -> tuple[int, float, float] | None:
    """(article, score, runner-up score) of the one nearby article that shares clearly most of
    these bigrams, or None. `topic`: else the one whose topic word the headline names (for a
    headline of a displaced block)."""
    scores = rarity_scores(grams, {k: _found_in(grams, text_of(k)) for k in near})
    best = max(near, key=lambda k: scores[k])
    ranked = sorted(scores.values(), reverse=True)
    runner = ranked[1] if len(ranked) > 1 else 0.0
    if scores[best] < MATCH_MIN or runner * MATCH_MARGIN > scores[best]:
        return _topic_article(grams, near, text_of, scores) if topic else None
    return best, scores[best], runner


TOPIC_COUNT = 3   # times a headline's word stands in an article that is about it (剪纸, five times)


def _topic_article(grams: set[str], near: list[int], text_of, scores: dict[int, float]) -> tuple[int, float, float] | None:
    """The one nearby article in which a word of the headline recurs (TOPIC_COUNT times or more)
    when no article shares enough of its words: 剪纸老人的“指尖年味” and the article that says
    剪纸 five times and 老人 never. None when no article or several have such a word."""
    topical = [k for k in near if any(text_of(k).count(g) >= TOPIC_COUNT for g in grams)]
    if len(topical) != 1:
        return None
    best = topical[0]
    return best, scores[best], max((v for k, v in scores.items() if k != best), default=0.0)


# one line, two headlines: "市农牧局开展盐碱地专项监测 鄂尔多斯高新区“引才工作站”落户中国地质大学(武汉)"
TWO_HEADLINES_RE = regex.compile(r"^\s*(\S{6,})([ \t\u3000]+)(\S{6,})\s*$")
# or set apart more clearly, when either holds a space of its own (a title and its subtitle):
# "# 老字号“触网”焕新 老味道走向大市场 # 市市场监管局…" (a second heading mark), or
# "科普大篷车开进社区 “黑科技”圈粉“一老一小”　　　我市数字政府…" (the one wide gap of the line)
SECOND_MARK_RE = regex.compile(r"(?<=\S)(\s+)(#{1,6}\s+\S.{5,}?)\s*$")
WIDE_GAP_RE = regex.compile(r"[ \t]{2,}|\u3000+")


def two_parts(text: str) -> tuple[int, int, int] | None:
    """(gap start, second part's start, its end) of a line that holds two headlines, or None."""
    m = SECOND_MARK_RE.search(text)
    if m and MD_HEADING_RE.match(text):
        return m.start(1), m.start(2), m.end(2)
    gaps = [g for g in WIDE_GAP_RE.finditer(text.strip())]
    if len(gaps) == 1:
        lead = len(text) - len(text.lstrip())
        g = gaps[0]
        end = len(text.rstrip())
        if g.start() >= 6 and end - (lead + g.end()) >= 6:
            return lead + g.start(), lead + g.end(), end
    m = TWO_HEADLINES_RE.match(text)
    return (m.start(2), m.start(3), m.end(3)) if m else None


def _two_headlines(doc: Document, paras: list[Paragraph], i: int, arts, near: list[int], text_of):
    """A one-line headline made of the headlines of two different articles: the first heads the
    article below it, the second another one (a main title and its subtitle share one article
    and are never split here). Returns (gap start, second's start, second's end, its match)."""
    h = paras[i]
    if len(h.blocks) != 1 or len(h.blocks[0].lines) != 1:
        return None
    text = doc.text[h.start:h.end]
    parts = two_parts(text)
    if not parts:
        return None
    gap, start, end = parts
    first, second = (_best_article(headline_grams(t), near, text_of) for t in (text[:gap], text[start:end]))
    if first is None or second is None or first[0] == second[0] or arts[first[0]][0] <= i:
        return None
    return h.start + gap, h.start + start, h.start + end, second


def _split_and_move(doc: Document, paras: list[Paragraph], arts, i: int, gap: int, start: int, end: int,
                    match: tuple[int, float, float]) -> Finding:
    best, score, runner = match
    top = paras[arts[best][0]]
    second = doc.text[start:end]
    fix = Fix((Edit(gap, end, ""), Edit(top.start, top.start, second + doc.paragraph_separator)),
              f"move “{second[:20]}” to line {top.first_line + 1}, the top of its article", safe=False)
    line = paras[i].first_line + 1
    return Finding(KIND, "same-line", gap, end, line, line,
                   f"two headlines on one line: “{second[:20]}” belongs to the article at line {top.first_line + 1}",
                   f"the first headline's words are in the article below it; {score:.0%} of the second's "
                   f"(weighted by rarity) occur in the article at line {top.first_line + 1}, {runner:.0%} at most "
                   "elsewhere", round(min(0.8, 0.4 + 0.4 * score), 2), fix)


def rarity_scores(grams: Iterable[str], present: dict[int, list[str]]) -> dict[int, float]:
    """Each article's share of a headline's bigrams, a bigram weighted by the inverse of how many
    of the articles have it (rarer shared bigrams say more). The sums are exact (fsum), so a score
    does not depend on the order a set of bigrams happens to be walked in (it varies per process)."""
    df = Counter(g for found in present.values() for g in found)
    weight = fsum(1.0 / df[g] if df[g] else 1.0 for g in grams)
    return {k: fsum(1.0 / df[g] for g in found) / weight for k, found in present.items()}


def _found_in(grams: set[str], text: str) -> list[str]:
    return [g for g in grams if g in text]


LATIN_HEADLINE_WORD_RE = regex.compile(r"[A-Za-z]{4,}")
SMALL_LATIN_WORDS = frozenset("with from into over that this than them they their about after more most".split())


def headline_grams(text: str) -> set[str]:
    """What a headline is matched by against an article's text (lower case, punctuation and
    spaces out): its character bigrams; for an English headline its words of four letters or
    more (letter pairs repeat in every English article: Fire Department Seeks New Volunteers)."""
    words = LATIN_HEADLINE_WORD_RE.findall(text)
    if len(words) >= 3 and han_ratio(text) < 0.3:
        return {w.lower() for w in words if w.lower() not in SMALL_LATIN_WORDS}
    return {g.lower() for g in bigrams(text)}


def _deck_between(paras: list[Paragraph], i: int, top: int) -> bool:
    """Is the one paragraph between headline i and the article starting at `top` a deck, a short
    line of clauses without a full stop (# 我市出台稳外贸“十二条” / 明确通关、融资、拓市场三方面举措，
    预计全年惠及外贸企业1200余家 / 本报讯…)? The headline is then at home over it."""
    if top != i + 2:
        return False
    deck = paras[i + 1].text
    return len(strip_ws(deck)) <= DECK_MAX and not ends_sentence(deck) and role(deck) in ("body", "heading")


def _at_home(paras: list[Paragraph], i: int, grams: set[str], settings: Settings) -> bool:
    """Cheap test first: does the text right below the headline share its words (`grams`)? Not
    when two more headlines stand between (…改造惠及3200余户居民 / 市图书馆暑期阅读季7月1日启动 /
    简讯 / 本报讯…老旧小区改造…): the text is theirs, whatever words it shares."""
    below, headlines = [], 0
    for k in range(i + 1, min(len(paras), i + 8)):
        heading = is_headline(paras[k], settings) or (not below and (role(paras[k].text) == "heading"
                                                                    or bool(COLUMN_NAME_RE.match(paras[k].text))))
        if not heading:
            below.append(paras[k].text)
            if len(below) == 3:
                break
        elif not below:
            headlines += 1            # (a column name, 简讯, counts too)
            if headlines == 2:
                return False
    text = NON_WORD_RE.sub("", "".join(below)).lower()
    return bool(text) and sum(g in text for g in grams) >= LOCAL_MATCH * len(grams)


def _move_group(doc: Document, paras: list[Paragraph], arts, group) -> Iterator[Finding]:
    sep = doc.paragraph_separator
    top = arts[group[0][1]][0]
    moving = {i for i, _, _, _ in group}
    length = sum(len(strip_ws(paras[i].text)) for i in moving)
    # a kicker goes above a longer headline already standing at the article's top
    while top > 0 and top - 1 not in moving and role(paras[top - 1].text) == "heading" \
            and len(strip_ws(paras[top - 1].text)) > length:
        top -= 1
    first = min(moving)
    if all(k in moving for k in range(min(top, first), max(top, first))):
        return          # they stand at that top already: a move would only add a separator
    at = paras[top].start
    texts, edits = [], []
    # lines of one block (a title and its subtitle at the page's end) move as the block they are
    units: list[list[int]] = []
    for i, _, _, _ in group:
        if units and units[-1][-1] == i - 1 and paras[i].blocks[0].index == paras[i - 1].blocks[0].index:
            units[-1].append(i)
        else:
            units.append([i])
    # kickers (short: 东胜区侨办, 领导干部上讲台) stand above the headline they go with
    for unit in sorted(units, key=lambda u: sum(len(strip_ws(paras[i].text)) for i in u) > KICKER_MAX):
        h0, h1 = paras[unit[0]], paras[unit[-1]]
        texts.append(doc.text[h0.start:h1.end])
        i = unit[0]
        edits.append(Edit(paras[i - 1].end, h1.end, "") if i > 0 else Edit(h0.start, paras[unit[-1] + 1].start, ""))
    edits = _merge_deletions(edits)
    edits.append(Edit(at, at, sep.join(texts) + sep))
    fix = Fix(tuple(sorted(edits, key=lambda e: e.start)),
              f"move {len(group)} headline(s) to line {paras[top].first_line + 1}, the top of their article", safe=False)
    firsts = {u[0] for u in units}      # (a subtitle moving with its title is reported with it)
    for n, (i, best, score, runner) in enumerate(group):
        if i not in firsts:
            continue
        h = paras[i]
        line = h.first_line + 1
        a = arts[best][0]
        yield Finding(KIND, "displaced", h.start, h.end, line, line,
                      f"headline “{h.text.strip()[:20]}” stands away from its article (line {paras[a].first_line + 1})",
                      f"{score:.0%} of its words (weighted by rarity) occur in the article at line "
                      f"{paras[a].first_line + 1}, {runner:.0%} at most elsewhere"
                      + ("" if n == 0 else f"; moves together with line {paras[group[0][0]].first_line + 1}"),
                      round(min(0.8, 0.4 + 0.4 * score), 2), fix if n == 0 else None)


def _merge_deletions(edits: list[Edit]) -> list[Edit]:
    """Deletions of neighbouring headlines may share a separator: merge them into one span."""
    merged: list[Edit] = []
    for e in sorted(edits, key=lambda e: e.start):
        if merged and e.start <= merged[-1].end:
            merged[-1] = Edit(merged[-1].start, max(merged[-1].end, e.end), "")
        else:
            merged.append(e)
    return merged


def _only_headings_between(paras: list[Paragraph], i: int, j: int, settings: Settings) -> bool:
    return all(is_headline(paras[k], settings) for k in range(i + 1, j))
