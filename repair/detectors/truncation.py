"""truncated-sentence: text that stops (or starts) mid-sentence, its missing words lost.

variant "end" (seed 000, the document's last line):  …符合条件的…柔性引进专家最
variant "start" (a paragraph whose beginning is lost):  的综合应用。在安全矩阵系统平台上…
variant "displaced": the lost piece stands elsewhere in the file (seed 000: `长可达7天6晚。`
    sits near the article's top while `…柔性引进专家最` ends it). The rejoin is proposed as an
    unsafe fix: the piece (or the cut paragraph's section) is moved and the sentence joined.
Otherwise nothing can be restored, so `end`/`start` findings carry no fix.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Iterator, Optional

import regex

from ..articles import DECK_MAX
from ..document import Document
from .broken_wraps import headlines_between_lines, joined_lines
from .duplicates import deleted_blocks
from .headline_fusion import split_lines, tail_headlines
from .headlines import dropped_in
from ..model import Edit, Finding, Fix
from ..openings import NUMERAL_GOES_ON_RE, NUMERAL_TAIL_RE, figure_opening, mid_sentence_opening
from ..seams import PARTICLES
from ..paragraphs import Paragraph, paragraphs
from ..roles import CREDIT_RE, MD_HEADING_RE, closed_by_role, opens_article, role
from ..seams import straddling_word
from ..settings import Settings
from ..textutil import ends_sentence, han_ratio, seam_joiner, shared_vocabulary, strip_ws, visible_at_most

KIND = "truncated-sentence"
REPLACEMENT_CHAR = "\ufffd"
# "…注意以下事项：" introduces what follows; "…三等奖36名；" ends a list item
INTRODUCES_RE = regex.compile(r"[：:；;]\s*$")
FRAGMENT_MAX = 40     # a displaced piece that ends its sentence is short: seed 000's is 8 characters
FRAGMENT_MAX_LATIN = 120
LATIN_START_RE = regex.compile(r"^[a-z]")
NEAR_PIECE = 4           # paragraphs: a piece this near needs no shared word (…个体工商户 / 1.36万户，…)
FRAGMENT_WINDOW = 150    # paragraphs: a displaced piece stays on its page
FRAGMENT_WORD_FREQ = 300  # few orphans compete, so a rarer seam word is evidence enough (最长: 808)


LATIN_TAIL_RE = regex.compile(r"[A-Z0-9)\]][\w.)\]]*\s*$")   # …MARCH 11, 2025 · — Mayor Ana Ruiz · (Sam Patel)
SCHEDULE_ITEM_RE = regex.compile(r"^\s*(?:\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)|Noon|Midnight)\s*[—–-]\s", regex.I)
MIN_CUT_CHARS = 25   # shorter unfinished lines are subheads and captions ("“一图”在手，办事无忧")
INNER_SENTENCE_END_RE = regex.compile(r"[。！？!?]\s*\S")   # …unless a sentence ends inside (小店连着大民生。今年以来，…)


def _cut(p: Paragraph, joined: set[int]) -> bool:
    line = p.blocks[-1].lines[-1]
    last = line.text
    if LATIN_TAIL_RE.search(last) and han_ratio(last) < 0.3:
        return False   # English is cut on a small word or a comma (…still needs to raise), not on a date or a name
    if SCHEDULE_ITEM_RE.match(last):
        return False   # 10 a.m. — Craft and farm market opens: a programme's item, complete as it stands
    # the cheap test on the line's end first: most paragraphs end their sentence and leave here
    return (not ends_sentence(last) and not last.rstrip().endswith(REPLACEMENT_CHAR)
            and not INTRODUCES_RE.search(last) and not CREDIT_RE.search(last)
            and (len(strip_ws(p.text)) >= MIN_CUT_CHARS or INNER_SENTENCE_END_RE.search(p.text))
            and role(p.text) in ("body", "lead") and not closed_by_role(last, line.index + 1 in joined))


def _orphan_start(p: Paragraph) -> Optional[str]:
    t = p.text.strip()
    reason = mid_sentence_opening(t)
    # role() last: most paragraphs open like a sentence and need no role
    return reason if reason and role(t) == "body" else None


def detect(doc: Document, settings: Settings = Settings()) -> Iterator[Finding]:
    paras = paragraphs(doc)
    used_fragments: set[int] = set()
    orphans: Optional[list[int]] = None      # found when a cut paragraph first needs them
    cuts: Optional[list[int]] = None         # every cut paragraph: asked when no seam word pairs one
    copies = deleted_blocks(doc, settings)
    dropped = dropped_in(doc, settings)
    split_by_headline = {i - 1 for i in dropped} | tail_headlines(doc, settings)
    joined = joined_lines(doc)
    between = headlines_between_lines(doc)
    for i, p in enumerate(paras):
        last = p.blocks[-1].lines[-1]
        if REPLACEMENT_CHAR in p.text:
            yield _broken_char(doc, p)
        if p.first_line in copies or i in split_by_headline or last.index + 1 in between:
            continue   # a copy to delete, or a sentence a dropped-in headline split: not lost text
        if _cut(p, joined) and not (len(p.blocks[0].lines) == 1 and len(p.blocks) == 1 and last.index in split_lines(doc, settings)) \
                and not (len(p.text) <= DECK_MAX and 0 < i < len(paras) - 1 and opens_article(paras[i + 1].text)
                         and role(paras[i - 1].text) == "heading"):
            # (a headline's deck over the byline or the lead, Rates to rise 6 percent, phased in… / By Jane Ortiz…,
            # and a headline run into its deck on one line, are no paragraphs cut short)
            if orphans is None:
                # (not the text after a headline dropped in: it goes on from the paragraph before it)
                orphans = [j for j in _orphans(paras) if j - 1 not in dropped]
            frag = _find_fragment(paras, i, used_fragments, orphans)
            # a word across the seam may form by chance (…新开工亿元以上项目 / 的读者表示… forms 目的):
            # a piece that shares none of the paragraph's words gives way to one that does
            if frag is None or not shared_vocabulary(p.text, paras[frag].text):
                def every_cut() -> list[int]:
                    nonlocal cuts
                    if cuts is None:      # (asked only when an orphan opening on a particle or figure is near)
                        cuts = [k for k, q in enumerate(paras) if q.first_line not in copies and k not in split_by_headline
                                and q.blocks[-1].lines[-1].index + 1 not in between and _cut(q, joined)]
                    return cuts
                near = _nearest_orphan(paras, i, used_fragments, orphans, every_cut)
                if near is not None and (frag is None or shared_vocabulary(p.text, paras[near].text)):
                    frag = near
            if frag is not None and frag != i:      # (a page of one paragraph holds no piece of it elsewhere)
                used_fragments.add(frag)
                yield _displaced(doc, paras, i, frag)
                continue
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            where = "the document ends" if nxt is None else "the next paragraph starts something new"
            conf = 0.85 if nxt is None else 0.7
            yield Finding(KIND, "end", last.start, last.end, last.index + 1, last.index + 1,
                          f"paragraph stops mid-sentence at “{last.text.rstrip()[-10:]}”",
                          f"no sentence-final punctuation and {where}; the lost words cannot be restored",
                          conf, None)
    after_headline = {i + 1 for i in dropped} | \
        {i for i, p in enumerate(paras) if p.first_line - 1 in between}
    for i, p in enumerate(paras):
        reason = None if i in used_fragments or i in after_headline else _orphan_start(p)
        if not reason:
            continue
        prev = paras[i - 1] if i else None
        if prev is not None and not ends_sentence(prev.blocks[-1].lines[-1].text) and role(prev.text) in ("body", "lead"):
            continue   # the break itself is the problem: broken-wrap's business
        first = p.blocks[0].lines[0]
        yield Finding(KIND, "start", first.start, first.end, first.index + 1, first.index + 1,
                      f"paragraph starts mid-sentence at “{first.text.strip()[:10]}”",
                      f"{reason}, and the paragraph before ends complete",
                      0.7, None)


def _broken_char(doc: Document, p: Paragraph) -> Finding:
    off = doc.text.index(REPLACEMENT_CHAR, p.start)
    line = doc.line_of(off) + 1
    return Finding(KIND, "end", off, off + 1, line, line, "a broken character (U+FFFD) marks a cut",
                   "the extractor replaced bytes it could not decode; the character is lost", 0.9, None)


def _orphans(paras: list[Paragraph]) -> list[int]:
    """Candidate pieces that do not continue their neighbour: short paragraphs that end a sentence,
    and paragraphs of any length that open mid-sentence (济运行情况汇报,… is 经济 cut after 经)."""
    out = []
    for j, q in enumerate(paras):
        t = q.text.strip()
        limit = FRAGMENT_MAX_LATIN if LATIN_START_RE.match(t) else FRAGMENT_MAX
        short = t and visible_at_most(t, limit) and ends_sentence(t)
        if not ((short or (t and (mid_sentence_opening(t) or figure_opening(t)))) and role(t) == "body"):
            continue
        prev = paras[j - 1] if j > 0 else None
        if prev is not None and not ends_sentence(prev.text) and role(prev.text) in ("body", "lead"):
            continue   # it continues its own neighbour
        if j + 1 < len(paras) and _credit_below(paras[j + 1].text):
            continue   # a photo's caption over its credit (日前，…体验黄河刺绣。 / 林晓岚 摄)
        out.append(j)
    return out


def _credit_below(text: str) -> bool:
    t = text.strip()
    return len(t) <= 40 and bool(CREDIT_RE.search(t))


def _find_fragment(paras: list[Paragraph], i: int, used: set[int], orphans: list[int]) -> Optional[int]:
    """An orphan (see _orphans) on the same page that finishes paragraph i's sentence, judged by
    the word the seam forms. Only orphans within FRAGMENT_WINDOW paragraphs are considered
    (linear cost)."""
    tail = paras[i].blocks[-1].lines[-1].text.rstrip()
    best, best_score = None, 0.0
    for j in orphans[bisect_left(orphans, i - FRAGMENT_WINDOW):bisect_right(orphans, i + FRAGMENT_WINDOW)]:
        if j == i or j == i + 1 or j in used:
            continue
        t = paras[j].text.strip()
        word = straddling_word(tail, t, min_freq=FRAGMENT_WORD_FREQ)
        if not word and NUMERAL_TAIL_RE.search(tail) and NUMERAL_GOES_ON_RE.match(t):
            word = tail[-2:] + t[:2]        # …收入达到两万三千 / 余元，…: a figure goes on
        if LATIN_START_RE.match(t) and regex.search(r"[a-z,]\s*$", tail):
            word = f"{tail.split()[-1]} {t.split()[0]}"      # a lowercase orphan finishing a Latin clause
        if not word:
            continue
        score = 0.6 + 0.2 * (len(word) >= 2) + 0.1 * (len(strip_ws(t)) <= 15)
        if score > best_score:
            best, best_score = j, score
    return best


def _nearest_orphan(paras: list[Paragraph], i: int, used: set[int], orphans: list[int],
                    every_cut: Callable[[], list[int]]) -> Optional[int]:
    """With no word across the seam: an orphan opening mid-sentence on a particle or a figure
    (…镇上 / 的修理铺都关了门…; …全市新增个体工商户 / 1.36万户，…) after a cut that ends on a
    Chinese character, when each is the other's best: the one it shares most words with (see
    shared_vocabulary; a cut paragraph's words are its own and the next paragraph's, where the
    story goes on), else the nearest. A piece further than NEAR_PIECE paragraphs must share more
    with the cut than with its own neighbours."""
    tail = paras[i].blocks[-1].lines[-1].text.rstrip()
    if not tail or not ("\u4e00" <= tail[-1] <= "\u9fff"):
        return None
    near = [j for j in orphans[bisect_left(orphans, i - FRAGMENT_WINDOW):bisect_right(orphans, i + FRAGMENT_WINDOW)]
            if j not in used and j != i + 1 and _particle_or_figure_opening(paras[j].text.strip())]
    if not near:
        return None
    def context(k: int) -> str:
        return paras[k].text + (paras[k + 1].text if k + 1 < len(paras) else "")

    cut_text = context(i)
    j = min(near, key=lambda j: (-shared_vocabulary(cut_text, paras[j].text), abs(j - i)))
    cuts = every_cut()
    window = cuts[bisect_left(cuts, j - FRAGMENT_WINDOW):bisect_right(cuts, j + FRAGMENT_WINDOW)]
    piece = paras[j].text
    best_cut = min((k for k in window if k != j - 1),
                   key=lambda k: (-shared_vocabulary(context(k), piece), abs(k - j)), default=None)
    if best_cut != i:
        return None
    if abs(i - j) <= NEAR_PIECE:
        return j
    # a far piece shares more words with the cut than with the paragraphs around it (…镇上 / 的修理
    # 铺都关了门，问我城里… beside an events notice); one at home among its neighbours' words is
    # their paragraph's lost beginning (的老人，…由社区志愿者送餐上门… in the 社区食堂 article)
    around = (paras[j - 1].text if j else "") + (paras[j + 1].text if j + 1 < len(paras) else "")
    return j if shared_vocabulary(cut_text, piece) > shared_vocabulary(around, piece) else None


def _particle_or_figure_opening(t: str) -> bool:
    return bool(t) and (t[0] in PARTICLES and mid_sentence_opening(t) is not None or figure_opening(t))


def _displaced(doc: Document, paras: list[Paragraph], i: int, j: int) -> Finding:
    cut, frag = paras[i], paras[j]
    last = cut.blocks[-1].lines[-1]
    sep = doc.paragraph_separator
    frag_text = doc.text[frag.start:frag.end]
    # remove the fragment with the separator before it (or after it, at the top)
    if j > 0:
        del_span = (paras[j - 1].end, frag.end)
    else:
        del_span = (frag.start, paras[1].start)
    drop, glue = seam_joiner(last.text, frag_text)
    section = _section_start(paras, i)
    if section is not None and j < section and not _article_between(paras, j, section):
        # the cut paragraph's section was extracted after its continuation: move the section
        # (sub-headline … cut paragraph) to stand before the piece, and join (seed 000)
        s0 = paras[section - 1].end
        moved = doc.text[paras[section].start:cut.end]
        # the fragment keeps its place and now follows the moved cut paragraph directly: its
        # separator must go, so replace the separator before the fragment with the moved text
        # (a fragment opening the document has none: the text goes in just before it)
        before = (paras[j - 1].end, frag.start, sep) if j > 0 else (frag.start, frag.start, "")
        edits = (Edit(before[0], before[1], before[2] + moved + glue), Edit(s0, cut.end, ""))
        how = f"move the section from line {paras[section].first_line + 1} to before line {frag.first_line + 1} and join"
    else:
        edits = (Edit(del_span[0], del_span[1], ""), Edit(cut.end - drop, cut.end, glue + frag_text.strip()))
        how = f"move line {frag.first_line + 1} to the end of line {last.index + 1}"
    word = straddling_word(last.text, frag_text, min_freq=FRAGMENT_WORD_FREQ) or \
        f"{last.text.split()[-1]} {frag_text.split()[0]}"
    fix = Fix(tuple(sorted(edits, key=lambda e: e.start)), how, safe=False)
    return Finding(KIND, "displaced", last.start, last.end, last.index + 1, last.index + 1,
                   f"paragraph stops mid-sentence; its lost end “{frag_text.strip()[:12]}” stands at line {frag.first_line + 1}",
                   f"“{last.text.rstrip()[-6:]}” + “{frag_text.strip()[:6]}” reads on (“{word}”), and the piece is an orphan",
                   0.75, fix)


def _article_between(paras: list[Paragraph], j: int, section: int) -> bool:
    """Does another article open (a `#` headline, not a bold subhead; a byline) between the piece
    and the cut paragraph's section? Then the piece strayed into it (a 简讯 column), and the piece
    moves, not the section."""
    return any(q.text.lstrip().startswith("#") or role(q.text) == "byline" for q in paras[j + 1:section])


def _section_start(paras: list[Paragraph], i: int) -> Optional[int]:
    """Index of the sub-headline that opens paragraph i's section, if one stands just above it."""
    k = i
    while k > 0 and not _is_subhead(paras[k].text):
        k -= 1
        if i - k > 6:
            return None
    return k if k > 0 and _is_subhead(paras[k].text) else None


def _is_subhead(text: str) -> bool:
    """A bold subhead inside an article (**暖心“第一站”:…**), which opens a section: not an article's
    own headline (# …, or a plain headline line), which the section move must never carry off."""
    t = text.strip()
    return t.startswith("**") and bool(MD_HEADING_RE.match(t))
