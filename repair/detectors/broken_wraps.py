"""broken-wrap: line breaks and paragraph breaks that fall inside a paragraph.

Before (seed 000, a column break in mid-word):
    …实行一月一调度、一季一考核、全年一总评,切实以精准化考
    <blank>
    核推动工作提质,以刚性约束推动责任落实。
After:
    …全年一总评,切实以精准化考核推动工作提质,以刚性约束推动责任落实。

Two situations, judged break by break:
- hard-wrapped columns (seed 004): a full-width line that does not end a sentence continues;
  a short line ending 。！？ ends the paragraph;
- one-line paragraphs cut by a page or column break: a body paragraph that stops without
  sentence-final punctuation and whose next paragraph continues the sentence.
Headlines, bylines, credits, signatures, list items and contact lines are never joined.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
import re
from typing import Iterator, Optional

import regex

from ..document import Document, Line
from ..layout import LineLayout, analyse, is_full
from ..model import Edit, Finding, Fix
from . import duplicates
from ..roles import (AUTHOR_MARK_RE, CLOSED_ROLES, SPEAKER_RE, STAFF_LINE_RE, BYLINE_RE, COLUMN_NAME_RE, CONTINUED_RE, CREDIT_RE, LEAD_RE, LIST_RE, MD_HEADING_RE, SIGNATURE_RE, labelled_lines, opens_article,
                     is_heading_like, is_page_header, role, table_rows)
from ..openings import NUMERAL_GOES_ON_RE, NUMERAL_TAIL_RE, figure_opening, mid_sentence_opening
from ..seams import standalone_adverb, straddling_word
from ..subheads import two_clause_subheads
from ..settings import Settings
from ..textutil import SIGNOFF_RE, ends_sentence, han_ratio, seam_joiner, shared_vocabulary, strip_ws

KIND = "broken-wrap"
# How a new paragraph typically opens in news text: a time, a place phrase, "据了解", a quote.
OPENER_RE = regex.compile(
    r"^\s*(近年来|近日|日前|今年以来|(今|去)年[,，]|目前|据了解|据悉|此外|同时|另外|下一步|截至目前|与此同时|随后|会上|会议|"
    r"(\d{4}年)?\d{1,2}月\d{1,2}日[,，]|\d{4}年[,，]|[“「])")
CONTINUE_PUNCT = "，,、；;：:“（(《—-"
# A quotation's attribution, a whole sentence of its own ("乌审旗…综窗管理人员吴丹表示。", seed 004):
# it cannot open a paragraph, so after a line ending on a closing quote it continues that paragraph.
QUOTE_END_RE = regex.compile(r"[。！？!?…][”」』’\"]\s*$")
ATTRIBUTION_RE = regex.compile(r"^[^，,。！？!?“”\s]{1,30}(?:说|表示|介绍|坦言|感慨|指出|强调|说道|告诉记者)[。.]")
LATIN_CAP_START_RE = regex.compile(r"^\s*[\"“‘']?[A-Z]")
LATIN_LOWER_END_RE = regex.compile(r"\b[a-z]+\s*$")
LATIN_LOWER_START_RE = regex.compile(r"^\s*[a-z]")
ATTRIBUTION_DASH_RE = regex.compile(r"[—–]\s*[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}\s*$")   # a pull quote's "— Mayor Ana Ruiz"
# A short unpunctuated line of 6+ characters between columns is a headline, not their seam; within
# a column, one at most 0.8 of its width (the made pages' dropped headlines: 0.4-0.75; their wrapped
# lines fall short of the column by a figure or a hung quote, 0.9+)
DROPPED_HEADLINE_MIN = 6
DROPPED_HEADLINE_WIDTH = 0.8
OVER_COLUMN = 14   # cells: a column's line runs wide by a hung mark or a figure or two, a title by more
SHORT_LINE = 20   # characters; seed paragraphs cut by a break are 30+, subheads 8-18
PARAGRAPH_PROBE = 200  # characters; a paragraph longer than this is body text by its length alone


@dataclass(frozen=True)
class Verdict:
    join: bool
    confidence: float
    why: str
    split: bool = False     # a paragraph end inside a block of a blank-separated document
    bare: bool = False      # a join on no evidence but the missing full stop (no word, figure or comma)


# one pass each instead of five or six: these run on every line of a hard-wrapped page
_OPENER_RE = regex.compile("|".join(f"(?:{r.pattern})" for r in
                                    (MD_HEADING_RE, LIST_RE, LEAD_RE, SIGNATURE_RE, CONTINUED_RE)))
_CLOSER_RE = regex.compile("|".join(f"(?:{r.pattern})" for r in (MD_HEADING_RE, SIGNATURE_RE, CONTINUED_RE)))


# The first characters a match of _OPENER_RE can start with, when it starts on a common Chinese
# character: 本报…, 新华社, 据…报道, 一、 (any other start needs 讯 within its first seven).
_HAN_OPENER_STARTS = frozenset("本新据一二三四五六七八九十")


def _strong_opener(text: str) -> bool:
    t = text.strip()
    first = t[:1]
    if "\u4e00" <= first <= "\u9fff" and first not in _HAN_OPENER_STARTS and "讯" not in t[2:7]:
        return False          # most lines of Chinese prose, decided without the regex
    return bool(_OPENER_RE.match(t)) or (first in "□■" and len(t) <= 40)


# An English caption ends on its photo credit: "Traffic cones block the bridge. (Photo: Sam Lee)"
EN_CREDIT_END_RE = regex.compile(r"\((?:Photo|Photos|Photograph|File photo|Courtesy)\b[^()]{0,60}\)\s*$")


def _strong_closer(text: str) -> bool:
    t = text.strip()
    first = t[:1]
    # every match of _CLOSER_RE starts with one of "#*（(—－", every credit holds 摄 or 图
    if first in "#*（(—－" and _CLOSER_RE.match(t):
        return True
    if t[-1:] == ")" and EN_CREDIT_END_RE.search(t):
        return True
    return len(t) <= 40 and (first in "□■" or (("摄" in t or "图" in t) and bool(CREDIT_RE.search(t))))


def _plain(t: str) -> bool:
    """No strong opener, strong closer, credit or byline (`t` stripped): most lines of Chinese
    prose, told by a few substring tests (faster than a search) instead of three tests. Every
    text those tests say True of opens on something else than a common Chinese character that no
    opener starts with, or holds 讯 (通讯员 too), 摄, 图, □, ■ or 记者."""
    first = t[:1]
    return "\u4e00" <= first <= "\u9fff" and first not in _HAN_OPENER_STARTS and not (
        "讯" in t or "摄" in t or "图" in t or "记者" in t or "□" in t or "■" in t)


_CREDIT_APART = Verdict(False, 0.8, "a photo credit shares a block with the caption before it; paragraphs on "
                                    "this page stand apart", split=True)


# A photo's credit: names, perhaps after the reporters' title, then 摄 (罗啸 摄, 本报记者 周敏 摄);
# not a line of verse ending on 摄影 (他最大的爱好是摄影)
PHOTO_CREDIT_RE = regex.compile(r"^\s*[□■]?\s*(?:(?:本报|市融媒体中心)?(?:见习|融媒)?(?:记者|通讯员)\s*)?"
                                r"\p{Han}{2,4}(?:\s+\p{Han}{2,4}){0,3}\s*摄(?:影)?\s*$")


def _photo_credit(text: str) -> bool:
    return len(text) <= 40 and "摄" in text and bool(PHOTO_CREDIT_RE.match(text))


def _goes_on_after(doc: Document, block, left: str) -> bool:
    """Does the block after `block` open by going on from `left` (a split word, a mid-sentence opening)?"""
    if block.index + 1 >= len(doc.blocks):
        return False
    after = doc.blocks[block.index + 1].lines[0].text.strip()
    return bool(after) and (mid_sentence_opening(after) is not None or straddling_word(left, after) is not None)


CUT_COPY_MIN = 40   # characters: a line this long that an earlier line opens with is no chance


def _cut_copy_of_earlier(stripped: list[str], k: int, openings: dict[str, list[int]]) -> bool:
    """Is line k an earlier line's opening printed again (its copy cut short)?"""
    if not openings:
        for j, t in enumerate(stripped):
            openings.setdefault(t[:12], []).append(j)
    t = stripped[k]
    return any(j < k and len(stripped[j]) > len(t) and stripped[j].startswith(t) for j in openings.get(t[:12], ()))


def _credit_or_byline(text: str) -> bool:
    """A photo credit (罗啸 摄) or a reporters' line (本报记者 刘佳宁) on a line of its own starts
    nothing that the line before goes on into (cheap substring tests before role())."""
    t = text.strip()
    return len(t) <= 40 and ("摄" in t or "记者" in t or "通讯员" in t or t.startswith("By ") or "PHOTO" in t
                             or "Photo" in t) \
        and role(t) in ("credit", "byline")


VERSE_END_RE = regex.compile(r"[，,；;。.！!？?、：:…]\s*$")
VERSE_CLOSE_RE = regex.compile(r"[，,；;。.！!？?、：:…][”’」』）)]+\s*$")    # …阿妹岸上望船回。” closes a quoted poem
TABLE_GAP_RE = regex.compile(r"\t| {2,}|\u3000{2,}")


def _protected(block, texts: list[str], layout: list[LineLayout]) -> bool:
    """Blocks whose line breaks are meaningful: verse (nearly every line ends on punctuation,
    where wrapped prose ends one line in four or five so; not when every line but the last fills
    the page's column, as a paragraph of three or four Chinese lines may), tables (columns set apart by
    gaps) and lists (every line a list item). `texts`: the block's lines, stripped."""
    lines = block.lines
    if len(lines) < 2:
        return False
    # one search over the block first: most blocks have no gap at all ("\n" is no gap)
    if TABLE_GAP_RE.search("\n".join(texts)) and \
            sum(1 for t in texts if TABLE_GAP_RE.search(t)) >= 0.5 * len(texts):
        return True
    if len(lines) >= 3 and (all(LIST_RE.match(t) for t in texts) or table_rows(texts) or labelled_lines(texts)):
        return True
    if len(lines) >= 3 and max(map(len, texts)) <= 40:
        return _mostly_end_on_punctuation(texts) and not _fills_its_column(lines, texts, layout)
    return False


PROSE_LINE_MIN = 12   # characters: a line of Chinese verse is shorter (七言: 8 with its mark)
COUPLET_RE = regex.compile(r"^(?:\p{Han}{5}[，,]\p{Han}{5}|\p{Han}{7}[，,]\p{Han}{7})[。！？!?；;，,]$")   # 五言, 七言


def _fills_its_column(lines, texts: list[str], layout: list[LineLayout]) -> bool:
    """Every line but the last of a Chinese block fills the column, and is longer than verse's.
    (English verse runs as wide as its column: its lines are never judged so.)"""
    # (a classical poem set two lines to a row fills a narrow column too: 风急天高猿啸哀，渚清沙白鸟飞回。)
    if sum(1 for t in texts if COUPLET_RE.match(t)) >= len(texts) - 1:
        return False
    return all(is_full(layout[l.index], False) and len(t) >= PROSE_LINE_MIN and han_ratio(t) >= 0.5
               for l, t in zip(lines[:-1], texts))


def _mostly_end_on_punctuation(texts: list[str]) -> bool:
    """Three lines in four or more end on punctuation. Wrapped prose fails within its first
    lines: counting stops once too many lines do not."""
    n, misses = len(texts), 0
    for t in texts:
        if not VERSE_END_RE.search(t):
            misses += 1
            if n - misses < 0.75 * n:
                return False
    return n - misses >= 0.75 * n


# A row of a table inside prose (a page without blank lines): cells set apart by a gap, one
# ideographic space enough (东滨火车站　1号线), no sentence punctuation, in runs of TABLE_RUN lines
ROW_RE = regex.compile(r"(?m)^[ \t\u3000]*[^\n，,。；;！？!?]{0,40}?\S(?:\t| {2,}|\u3000+)\S[^\n，,。；;！？!?]{0,40}$")
TABLE_RUN = 3


MD_TABLE_ROWS_RE = re.compile(r"(?m)^[ \t]*\|.*\|[ \t]*$")


def _table_row_lines(doc: Document) -> set[int]:
    """0-based lines of runs of TABLE_RUN or more table rows, and of Markdown tables' rows (| 指标 |
    1—5月 |), found in one pass over the text."""
    out: set[int] = set()
    if "|" in doc.text:
        out.update(doc.line_of(m.start()) for m in MD_TABLE_ROWS_RE.finditer(doc.text))
    if "\u3000" not in doc.text and "  " not in doc.text and "\t" not in doc.text:
        return out
    rows = sorted({doc.line_of(m.start()) for m in ROW_RE.finditer(doc.text)})
    run: list[int] = []
    for i in rows + [-2]:
        if run and i == run[-1] + 1:
            run.append(i)
            continue
        if len(run) >= TABLE_RUN:
            out.update(run)
        run = [i]
    return out


VERSE_LINE_MAX = 24   # characters: a line of verse (the seeds' and the made pages' are 7-16)
VERSE_RUN = 3         # short lines ending on punctuation in a row make a poem


def _verse_runs(blocks) -> set[int]:
    """Indexes of one-line blocks in runs of VERSE_RUN or more short lines that end on punctuation:
    a poem set one line a paragraph (辽阔的草原哟望不到边， / 洁白的羊群像云朵一片片， / …)."""
    out: set[int] = set()
    run: list[int] = []
    for b in list(blocks) + [None]:
        t = b.lines[0].text.strip() if b is not None and len(b.lines) == 1 else ""
        if t and len(t) <= VERSE_LINE_MAX and VERSE_END_RE.search(t) and role(t) != "list":
            run.append(b.index)
            continue
        if len(run) >= VERSE_RUN:
            out.update(run)
        run = []
    return out


def _headline_over_article(nonblank: list[Line], stripped: list[str], k: int) -> bool:
    """Is nonblank line k (heading-like) a headline with its article's byline or dateline right
    below it? (A cut paragraph's last line, 传承, stands apart from the byline by a blank line.)"""
    t = stripped[k]
    # (cheap tests first: this is asked of most lines, and most hold a comma or a full stop)
    return "，" not in t and "。" not in t and k + 1 < len(nonblank) and \
        nonblank[k + 1].index == nonblank[k].index + 1 and len(strip_ws(t)) >= DROPPED_HEADLINE_MIN \
        and opens_article(stripped[k + 1])


def _verse_lines(nonblank: list[Line], layout: list[LineLayout]) -> set[int]:
    """0-based lines in runs of VERSE_RUN or more short lines that stop on punctuation (“东风起，
    浪花白， / 阿哥出海捕鱼来； / …): verse quoted inside a block of prose, where a short line ends
    a paragraph, and on 。 only. A line closing the quotation (…望船回。”) ends the run."""
    out: set[int] = set()
    run: list[int] = []
    for l in nonblank + [None]:
        lay = layout[l.index] if l is not None else None
        t = l.text.strip() if l is not None else ""
        short = lay is not None and not is_full(lay, False) and len(t) <= VERSE_LINE_MAX
        follows = bool(run) and run[-1] == l.index - 1 if l is not None else False
        if short and VERSE_END_RE.search(t) and (follows or not run):
            run.append(l.index)
            continue
        if short and follows and VERSE_CLOSE_RE.search(t):
            run.append(l.index)
        if len(run) >= VERSE_RUN:
            out.update(run)
        run = [l.index] if short and VERSE_END_RE.search(t) else []
    return out


COUPLET_LINE_RE = regex.compile(r"^\p{Han}{4,11}$")   # one line of a couplet set apart


def _couplet_breaks(stripped: list[str], nonblank: list[Line], layout: list[LineLayout]) -> set[int]:
    """Nonblank lines k after which the break stays: a couplet quoted after a colon (…书写的对联： /
    千重稻浪迎嘉客 / 一曲乡音庆丰年 / 今年的…), two lines of one length without punctuation, each a
    line of its own and short of the column (in a narrow one, full lines of prose look the same),
    and the text after them."""
    out: set[int] = set()
    for k, t in enumerate(stripped[:-2]):
        if t[-1:] in "：:" and len(stripped[k + 1]) == len(stripped[k + 2]) \
                and COUPLET_LINE_RE.match(stripped[k + 1]) and COUPLET_LINE_RE.match(stripped[k + 2]) \
                and not any(is_full(layout[nonblank[j].index], False) for j in (k + 1, k + 2)):
            out.update((k, k + 1, k + 2))
    return out


COLUMN_NAME_LINE_MAX = 6   # characters of a column's name on its line (城事简讯; …社会各界广泛关注 is prose)
# An official document's whole title on a line of its own (in prose it stands in 《》)
DOCUMENT_TITLE_LINE_RE = regex.compile(r"^关于[^，,。；;！？!?《》]{4,40}的(?:通知|通告|公告|决定|意见|办法|方案|批复|报告|倡议书)$")


STACK_HEADLINE_MIN = 8   # characters of each short headline of a stack (a couplet's lines are 5-7)


def _in_headline_stack(stripped: list[str], nonblank: list[Line], layout: list[LineLayout], ends: list[bool],
                       k: int) -> bool:
    """Is nonblank line k a Chinese headline-like line under two short headline-like lines of its
    column, after a paragraph's end (…扶持创业1180人，带动就业 / 3540人。 / 市图书馆开通夜间自习室 /
    江北新区新增两条公交线路 / 一季度全市新增城镇就业4826人)? Inside wrapped prose a short line
    ends a paragraph, so two in a row are no prose: a block of headlines."""
    def short_heading(j: int) -> bool:
        t = stripped[j]
        return not is_full(layout[nonblank[j].index], False) and len(strip_ws(t)) >= STACK_HEADLINE_MIN \
            and han_ratio(t) >= 0.6 and is_heading_like(t)
    return ends[k - 3] and short_heading(k - 2) and short_heading(k - 1) and han_ratio(stripped[k]) >= 0.6 \
        and is_heading_like(stripped[k])


def _heading_block(lines: tuple[Line, ...]) -> bool:
    """2-4 short lines with no clause punctuation: a headline set over several lines."""
    return len(lines) <= 4 and all(is_heading_like(l.text) and len(strip_ws(l.text)) <= 30 for l in lines)


# The verdicts on wrapped prose: built once, not per line
_FULL_SENTENCE_GOES_ON = Verdict(True, 0.7, "the line fills the column and the paragraph goes on below it")
# where blank lines set paragraphs apart, a full line inside a block is a wrap whatever it ends on
_FULL_SENTENCE_GOES_ON_IN_BLOCK = Verdict(True, 0.85, "the line fills the column and the paragraph goes on "
                                          "below it (paragraphs on this page are set apart by blank lines)")
_SHORT_SENTENCE_ENDS = Verdict(False, 0.8, "a short line ending a sentence ends the paragraph", split=True)
_SIGNED_OFF = Verdict(False, 0.85, "a line ending on the article's signature ends the paragraph", split=True)
_LEAD_RUNS_ON = Verdict(True, 0.85, "a dateline/byline line runs on into the lead paragraph")
# a line opening on a conjunction goes on with the clause before it (…稳中有进， / 但部分中小企业…)
CLAUSE_GOES_ON_RE = regex.compile(r"^(?:但|而|并|且|却|从而|进而|以及|同时)")
_CLAUSE_GOES_ON = Verdict(True, 0.8, "a short line inside a column stops on a comma: the sentence goes on "
                                     "below it (a column break)")
NARROW_LINE = 0.7     # of the column: a line of figures sets narrower than one of characters
INNER_CLAUSE_RE = regex.compile(r"[，,；;：:、。]")
_WORD_GOES_ON = Verdict(True, 0.85, "an unfinished line of a sentence, set narrow by its figures, "
                                    "breaks inside a word")
_LATIN_GOES_ON = Verdict(True, 0.85, "the next line goes on in lower case: the sentence continues")
LATIN_LINE_MAX = 80   # characters of an English column's line (the made pages': 40-70)
# inside a block, a line ending on a conjunction, an article or a preposition goes on, into a name too
LATIN_TAIL_WORD_RE = regex.compile(r"\b(?:and|or|of|the|a|an|to|for|with|in|on|at|by|from)\s*$")
_LATIN_TAIL_GOES_ON = Verdict(True, 0.85, "the line stops on a conjunction or a preposition: the sentence goes on")
_ATTRIBUTION_GOES_ON = Verdict(True, 0.9, "a quotation's attribution (“…说。”) continues the paragraph of the quotation")


def _attribution_follows(lt: str, nt: str) -> bool:
    return bool(QUOTE_END_RE.search(lt) and ATTRIBUTION_RE.match(nt))


# Punctuation no paragraph opens on: a line starting with it continues the one before
# (…二三十本书。 / ”在企业上班的年轻人陈晓峰说。).
CLOSING_OPENERS = frozenset("”’」』）》，。、；：！？,;:!?)")
_CLOSING_OPENS = Verdict(True, 0.9, "the next line opens on closing punctuation, which no paragraph opens on")
QUOTE_PAIRS = {"”": "“", "’": "‘", "」": "「", "』": "『"}


def _closing_opens(before: str, nt: str) -> bool:
    """Does `nt` open on punctuation that closes or continues the text `before` it? A closing quote
    counts only when `before` left one open: OCR turns a paragraph's opening “ into ” often enough
    (”我们一定把服务做到企业心坎上。” after a finished paragraph is a new one)."""
    ch = nt[:1]
    if ch not in CLOSING_OPENERS:
        return False
    opener = QUOTE_PAIRS.get(ch)
    return opener is None or before.count(opener) > before.count(ch)
# An item that names what follows ("书法类：一等奖1名…", "答：") or counts ("二是…", "其三，"):
# after a line ending on ：or ； it is the next item of a list, not the rest of the sentence.
LABEL_ITEM_RE = regex.compile(r"^(?:[^，,。；;：:\s\d][^，,。；;：:\s]{0,7}[：:]|[一二三四五六七八九十]是|其[一二三四五六七八九十][，,]"
                           r"|第[一二三四五六七八九十]+[，,、])")


@lru_cache(maxsize=1024)
def _full_line_goes_on(column: int, same_block: bool) -> Verdict:
    how = "line" if same_block else "column/page break"
    return Verdict(True, 0.95 if same_block else 0.9,
                   f"the line fills the {column}-cell column without ending a sentence ({how})")


def judge_wrapped(lt: str, nt: str, lay: LineLayout, first: bool, same_block: bool,
                  blank_separated: bool = False, paragraph: str = "", lt_ends: Optional[bool] = None) -> Optional[Verdict]:
    """A break inside hard-wrapped prose (`paragraph`: its text so far, `lt` included; `lt_ends`:
    ends_sentence(lt), when the caller has it)."""
    full = is_full(lay, first)
    if nt[:1] in CLOSING_OPENERS and _closing_opens(paragraph or lt, nt):
        return _CLOSING_OPENS
    # a list item after ：/； at a column or page break; inside a block a full line goes on
    # (…一是要抓好项目建设； / 二是要抓好民生保障… is one paragraph)
    if lt[-1:] in "：:；;" and LABEL_ITEM_RE.match(nt) and not (same_block and full):
        return None
    if ends_sentence(lt) if lt_ends is None else lt_ends:
        if _attribution_follows(lt, nt):
            return _ATTRIBUTION_GOES_ON
        if SIGNOFF_RE.search(lt):
            # …碳转型。（金宣）: the signature ends the article; in a block, what follows is a new one
            return _SIGNED_OFF if same_block else None
        if same_block and full and not OPENER_RE.match(nt):
            return _FULL_SENTENCE_GOES_ON_IN_BLOCK if blank_separated else _FULL_SENTENCE_GOES_ON
        if same_block:
            return _SHORT_SENTENCE_ENDS
        return None
    if full:
        return _full_line_goes_on(lay.column, same_block)
    # …引进和培育新型研发 / 机构46家， / 集聚各类研发人员…: no paragraph of a column ends on a comma
    if same_block and lt[-1:] in "，,、" and not OPENER_RE.match(nt) and \
            (not is_heading_like(nt) or CLAUSE_GOES_ON_RE.match(nt)) and \
            not (len(nt) <= VERSE_LINE_MAX and len(lt) <= VERSE_LINE_MAX and VERSE_END_RE.search(nt) and
                 abs(len(nt) - len(lt)) <= 2):
        return _CLAUSE_GOES_ON     # (春回大地千山秀， / 日照神州万木荣。 is a couplet: lines of one length)
    # a line of a sentence (clause punctuation in it) cut in a word, set narrower than the column by
    # its figures (1.3路：首班时间由6:30提 / 前至6:00；): the word across the break says it goes on
    if same_block and lay.width >= NARROW_LINE * lay.column and INNER_CLAUSE_RE.search(lt) \
            and not is_heading_like(nt) and straddling_word(lt, nt):
        return _WORD_GOES_ON
    # a Chinese dateline or reporters' line runs on into the lead (本报讯 记者…); "By JANE DOE" stays apart
    if same_block and (LEAD_RE.match(lt) or (BYLINE_RE.match(lt) and han_ratio(lt) >= 0.5 and not AUTHOR_MARK_RE.match(lt))) \
            and not is_heading_like(nt):
        return _LEAD_RUNS_ON
    return None


# What goes on from a figure: more of it, its unit (NUMERAL_GOES_ON_RE), a date's or a time's word (2026 / 年…)
FIGURE_MORE_RE = regex.compile(r"^[\d.．,，%％:：年月日号时点分秒万亿千百余多至到—~～–\-]")


def _figure_goes_on(nt: str) -> bool:
    return bool(FIGURE_MORE_RE.match(nt) or NUMERAL_GOES_ON_RE.match(nt))
SPLIT_FIGURE_RE = regex.compile(r"\p{Han}\d+\n[.．]\d")
_FIGURE_GOES_ON = Verdict(True, 0.9, "the break cuts a figure at its decimal point")


def judge_paragraphs(lt: str, nt: str, prev_text: str, same_block: bool) -> Optional[Verdict]:
    """A break between one-line paragraphs (no column layout)."""
    if _closing_opens(prev_text, nt) and role(prev_text) in ("body", "lead"):
        return _CLOSING_OPENS
    if ends_sentence(lt):
        if _attribution_follows(lt, nt):
            return _ATTRIBUTION_GOES_ON
        # (in English only between lines longer than a column's: a block of column lines is a
        # paragraph set ragged, whose lines end where words do)
        if same_block and role(lt) in ("body", "lead") and role(nt) in ("body", "lead") \
                and len(strip_ws(lt)) >= 40 and len(strip_ws(nt)) >= 20 and (han_ratio(lt) >= 0.5 or len(lt) > LATIN_LINE_MAX):
            return Verdict(False, 0.8, "two complete paragraphs share one block", split=True)
        return None
    # Latin text going on in lower case after a word: a sentence continues (…met late on Tuesday
    # to discuss / the budget for…), whatever the line before looks like
    if LATIN_LOWER_START_RE.match(nt) and LATIN_LOWER_END_RE.search(lt) and not ends_sentence(lt):
        return _LATIN_GOES_ON
    if SPLIT_FIGURE_RE.search(lt[-4:] + "\n" + nt[:4]):
        return _FIGURE_GOES_ON      # …规模预计达4 / .6万人，…: a figure cut at its decimal point
    nrole = role(nt)
    if nrole not in ("body",):
        return None
    if lt.rstrip()[-1:] in "：:；;" and LABEL_ITEM_RE.match(nt):
        return None
    word = straddling_word(lt, nt)
    lrole = role(prev_text)
    # a short unfinished line reads as a headline or subhead ("“指尖”填单，省事省心") unless the
    # break visibly splits a word or the line is a clause (seeds 001 and 003)
    short = len(strip_ws(prev_text)) < SHORT_LINE
    if lrole not in ("body", "lead") or short:
        if lrole not in ("heading", "body") or MD_HEADING_RE.match(prev_text) or OPENER_RE.match(nt):
            return None
        # 6: a cut piece this short still shows a split word (切实以精准化考 / 核推动…); shorter
        # lines are kickers and column names (速递, 聚焦), whose seams form no frequent word
        if len(strip_ws(prev_text)) < (6 if word else 12):
            return None
        if word:
            return Verdict(True, 0.8, f"the line looks like a headline but the break splits the word “{word}”")
        adverb = standalone_adverb(prev_text)
        if adverb:
            return Verdict(True, 0.8, f"the line looks like a headline but reads as a clause (adverb “{adverb}”) "
                                      "and the next paragraph continues it")
        return None
    if same_block and LATIN_CAP_START_RE.match(nt) and LATIN_TAIL_WORD_RE.search(lt):
        return _LATIN_TAIL_GOES_ON   # …stood at Elm and / Fourth every school morning: no sentence ends on "and"
    if LATIN_CAP_START_RE.match(nt) and (LATIN_LOWER_END_RE.search(lt) or ATTRIBUTION_DASH_RE.search(lt)):
        return None       # "…factory in the" / "The projects…", "— Mayor Ana Ruiz" / "The lone vote…": a new sentence
    conf, why = 0.8, ["the paragraph stops without sentence-final punctuation"]
    if lt.rstrip()[-1:] in CONTINUE_PUNCT:
        conf += 0.1
        why.append(f"it ends on “{lt.rstrip()[-1]}”")
    if word:
        conf += 0.1
        why.append(f"the break splits the word “{word}”")
    if OPENER_RE.match(nt):
        conf -= 0.35
        why.append("though the next paragraph opens like a new one")
    if len(strip_ws(nt)) < 8 and not ends_sentence(nt):
        conf -= 0.2
    # (a rarer word across the seam still speaks for it: 有序成 / 型 forms 成型)
    bare = len(why) == 1 and not (lt.rstrip()[-1:].isdigit() or nt.lstrip()[:1].isdigit()) and \
        not straddling_word(lt, nt, min_freq=RARE_WORD_FREQ)
    return Verdict(True, min(conf, 0.97), "; ".join(why), bare=bare) if conf >= 0.5 else None


def may_be_dropped_headline(lay: LineLayout) -> bool:
    """headline_between_lines' first test: a wrapped line well short of its column (nearly every
    line of a column is full)."""
    return lay.column > 0 and lay.width <= DROPPED_HEADLINE_WIDTH * lay.column


def short_wrapped_lines(doc: Document, layout: list[LineLayout]) -> list[bool]:
    """may_be_dropped_headline of every line, listed once per page: broken-wrap and fused-headline
    ask it of most lines."""
    if "short-wrapped" not in doc.memo:
        doc.memo["short-wrapped"] = list(map(may_be_dropped_headline, layout))
    return doc.memo["short-wrapped"]


def headline_between_lines(doc: Document, layout: list[LineLayout], block, k: int) -> bool:
    """Is line k of `block` a headline dropped between two wrapped lines of one paragraph
    (…加大对科技创新、先进制造、绿色发展和中小微 / “信易贷”为小微企业解“贷”渴 / 企业的支持力度…)?
    A short unpunctuated line between a full line that goes on and more of the column; inside
    wrapped CJK prose only a paragraph's last line is short, and that one ends its sentence.
    (Not in Latin text: a ragged-right column has short lines wherever the next word is long.)"""
    lay = layout[k]
    # the cheap test first: nearly every line of a column is full (may_be_dropped_headline)
    if not may_be_dropped_headline(lay):
        return False
    pos = k - block.first
    if pos < 1 or pos >= len(block.lines) - 1:
        return False
    h, before = block.lines[pos], block.lines[pos - 1]
    lay_b = layout[before.index]
    t = h.text.strip()
    if han_ratio(t) < 0.6 or "\ufffd" in t:       # (a headline has no broken character)
        return False
    after = block.lines[pos + 1].text
    # the line after must read on: one opening a new paragraph (今年，…) makes the short line a cut end
    return (lay_b.wrapped and len(strip_ws(t)) >= DROPPED_HEADLINE_MIN and is_full(lay_b, pos - 1 == 0)
            and not (OPENER_RE.match(after) and not (after.lstrip()[:1] in "“「" and SUBJECT_HEADLINE_RE.match(t))) and not _strong_opener(after)
            and not ends_sentence(before.text) and t[-1] not in "：:" and before.text.rstrip()[-1:] not in "：:"
            and is_heading_like(t) and not _strong_closer(t)
            and role(t) == "heading")


def headlines_between_lines(doc: Document) -> set[int]:
    """0-based lines that headline_between_lines finds (shared by fused-headline and truncation)."""
    if "headlines-between-lines" not in doc.memo:
        layout = analyse(doc)
        short = short_wrapped_lines(doc, layout)      # (headline_between_lines' first test, listed once)
        found = {h.index for block in doc.blocks if len(block.lines) >= 3     # (its first line may be a headline)
                 for h in block.lines[1:-1] if short[h.index] and headline_between_lines(doc, layout, block, h.index)}
        doc.memo["headlines-between-lines"] = found | _full_width_headlines(doc, layout)
    return doc.memo["headlines-between-lines"]


# A headline as wide as the column, dropped between two of its lines (…一边看着 / 县人民医院远程会诊
# 中心投入使用 / 工作人员检测水分…), cannot be told by its width: it is told by its words, which
# another article's lead repeats (本报讯…县人民医院远程会诊中心正式投入使用…) and the lines around it do not.
ECHO_SHARE = 0.8       # of the line's character bigrams found in the next lead below it (a headline: 0.93)
ECHO_LOCAL = 0.25      # at most this share in the lines just around it
LEAD_LINES = 4         # lines of a lead read after its dateline


def _full_width_headlines(doc: Document, layout: list[LineLayout]) -> set[int]:
    from ..articles import bigrams, share      # (articles reads paragraphs, built on this module)
    found: set[int] = set()
    if not _leads(doc):
        return found      # (no lead on the page to repeat a headline's words)
    # the lines without any punctuation, found by one search over the page (most lines have some),
    # whose first or last characters stand in the next lead below (a substring test)
    for m in NO_PUNCTUATION_LINE_RE.finditer(doc.text):
        t = m.group().strip()
        i = doc.line_of(m.start())
        lead = _next_lead(doc, i)
        if lead is None or (t[:4] not in lead[1] and t[-4:] not in lead[1]):
            continue
        if not layout[i].wrapped:
            continue
        block = doc.block_at(i)
        if len(block.lines) < 3 or not block.first < i < block.last:
            continue
        before, after, t = doc.lines[i - 1], doc.lines[i + 1], doc.stripped[i]
        # a column line before it that goes on, a line after that does not open a paragraph
        if not is_full(layout[i - 1], i - 1 == block.first) or ends_sentence(before.text) \
                or han_ratio(t) < 0.8 or OPENER_RE.match(after.text) or role(t) != "heading":
            continue
        # a headline is whole: no word runs into it from the line before or out of it into the next
        # (…要办 / 好乌审旗马头琴乐团专场演出活 / 动等一批… is a line of the column)
        if straddling_word(before.text, t) or straddling_word(t, after.text) or mid_sentence_opening(t):
            continue
        around = "".join(doc.stripped[max(block.first, i - 3):i]) + "".join(doc.stripped[i + 1:min(block.last + 1, i + 4)])
        if share(bigrams(t), around) <= ECHO_LOCAL and echoed_lead(doc, i) is not None:
            found.add(i)
    return found


def _leads(doc: Document) -> list[tuple[int, str]]:
    """(first line, text of its first LEAD_LINES lines) of every lead on the page (本报讯…)."""
    if "leads" not in doc.memo:
        doc.memo["leads"] = [(i, "".join(doc.stripped[i:i + LEAD_LINES])) for i in _lines_opening_leads(doc)]
        doc.memo["lead-lines"] = [i for i, _ in doc.memo["leads"]]
    return doc.memo["leads"]


def _next_lead(doc: Document, k: int) -> Optional[tuple[int, str]]:
    """The first lead that opens below line k (bisection: a long file holds thousands)."""
    leads = _leads(doc)
    at = bisect_right(doc.memo["lead-lines"], k)
    return leads[at] if at < len(leads) else None


# LEAD_RE at every line's start, in one search over the page
# (its spaces may not cross a line break)
LEAD_LINE_RE = regex.compile("(?m)" + LEAD_RE.pattern.replace("\\s", "[^\\S\\n]"))


def _lines_opening_leads(doc: Document) -> list[int]:
    return sorted({doc.line_of(m.start()) for m in LEAD_LINE_RE.finditer(doc.text)})


def echoed_lead(doc: Document, k: int) -> Optional[int]:
    """The first line of the next lead below line k, in another block (本报讯…), when it repeats
    nearly all of line k's words (ECHO_SHARE or more) and has no headline above it, or None: the
    headless article a headline dropped into the one before belongs to. (Not a lead above, nor
    the lead of k's own paragraph, nor a headed one: an article's lines repeat its lead's words.)"""
    below = _next_lead(doc, doc.block_at(k).last)
    if below is None or not _echoes(doc.stripped[k], below[1], is_full(analyse(doc)[k], False)):
        return None
    # and that article has no headline of its own: the line above its lead is no headline
    above = next((doc.stripped[j] for j in range(below[0] - 1, -1, -1) if doc.stripped[j]), "")
    return None if not above or role(above) == "heading" else below[0]


# A "subject: title" headline (龙潭乡中心小学：把课堂搬进田野) names its subject as the lead does,
# in other words after it: the subject standing whole in the lead is its echo
SUBJECT_MIN = 4        # characters before the colon (a place, a school, a unit)
SUBJECT_HEADLINE_RE = regex.compile(r"^([^：:]+)[：:][^：:]+$")


def _echoes(t: str, lead: str, full: bool) -> bool:
    """Does a lead's text repeat headline t's words (ECHO_SHARE of them, or its whole subject)?
    (By its subject only when the line falls short of its column: a full line of prose names a
    subject and goes on, 龙潭乡农业服务中心：该中心去年新购置了.)"""
    from ..articles import bigrams, share
    if share(bigrams(t), lead) >= ECHO_SHARE:
        return True
    m = SUBJECT_HEADLINE_RE.match(t)
    return not full and bool(m) and len(m.group(1)) >= SUBJECT_MIN and m.group(1) in lead


NO_PUNCTUATION_LINE_RE = re.compile(     # (re: this search over the page runs 4x faster than in regex)
    # (or one colon inside it: a "subject: title" headline)
    r"(?m)^[^\S\n]*[^\s，,。；;！？!?：:、](?:[^，,。；;！？!?：:、\n]{7,}|[^，,。；;！？!?：:、\n]{3,}[：:][^，,。；;！？!?：:、\n]{3,})$")


def detect(doc: Document, settings=None) -> Iterator[Finding]:
    if "broken-wrap" not in doc.memo:
        doc.memo["broken-wrap"] = list(_detect(doc, settings or Settings()))
    return iter(doc.memo["broken-wrap"])


def _safe_copies(doc: Document, settings: Settings) -> list[Finding]:
    """The duplicate copies (whole paragraphs) that duplicate-paragraph deletes as a safe fix."""
    return [f for f in duplicates.block_copies(doc, settings) if f.variant is None and f.safe]


def _inner_copies(doc: Document, dups: list[Finding]) -> list[Finding]:
    """Those of `dups` that start inside a block (lines printed again within it)."""
    firsts = {b.first for b in doc.blocks}
    return [f for f in dups if f.line - 1 not in firsts]


def copy_continuations(doc: Document, settings: Settings = Settings()) -> set[int]:
    """0-based lines of a copy inside a block after its first line: they go with it (broken-wrap
    joins none of them, paragraphs() keeps the copy in one piece)."""
    return {i for f in _inner_copies(doc, _safe_copies(doc, settings)) for i in range(f.line, f.end_line)}


def joined_lines(doc: Document) -> set[int]:
    """1-based lines that broken-wrap joins onto the text before them (shared with other detectors)."""
    return {f.line for f in detect(doc) if f.variant is None}


def _detect(doc: Document, settings: Settings) -> Iterator[Finding]:
    layout = analyse(doc)
    # a copy that duplicate-paragraph deletes (a safe fix) is joined to nothing (…改为“并 is a copy
    # cut short). The copy is then found whatever --select/--ignore say: the join is left undone
    dups = _safe_copies(doc, settings)
    copies = {f.line - 1 for f in dups}
    # and no line of a copy inside a block is joined (its lines go as they are)
    copy_lines = {i for f in _inner_copies(doc, dups) for i in range(f.line - 1, f.end_line)}
    block_of: list = [None] * len(doc.lines)
    for b in doc.blocks:
        for l in b.lines:
            block_of[l.index] = b
    protected = [_protected(b, doc.stripped[b.first:b.last + 1], layout) for b in doc.blocks]
    for i in _verse_runs(doc.blocks):
        protected[i] = True
    heading_block: list = [None] * len(doc.blocks)   # judged when first needed: it reads every line
    table_rows_at = _table_row_lines(doc)
    nonblank = [l for l, t in zip(doc.lines, doc.stripped) if t]
    stripped = [t for t in doc.stripped if t]
    ends = [e for e, t in zip(doc.sentence_ends, doc.stripped) if t]   # the loop and judge_wrapped both ask
    plain = [_plain(t) for t in stripped]
    between = headlines_between_lines(doc)        # (asked of most lines: listed once per page)
    verse_lines = _verse_lines(nonblank, layout)
    couplets = _couplet_breaks(stripped, nonblank, layout)
    two_clause = two_clause_subheads(doc)
    openings: dict[str, list[int]] = {}       # (filled when first asked: lines by their opening)
    # the paragraph so far: a line joined onto the one before is judged as part of it, so one pass
    # decides what rounds of fixing would (a long line cut into short pieces is one paragraph)
    paragraph, joined = "", False
    found: list[Finding] = []
    # (line k, its finding's place in found, the text around, whether only a figure's unit may claim it)
    bare_joins: list[tuple[int, int, str, bool]] = []
    for k in range(len(nonblank) - 1):
        # (its first PARAGRAPH_PROBE characters: every test of a paragraph's form reads no further)
        paragraph = (paragraph + stripped[k])[:PARAGRAPH_PROBE] if joined else stripped[k]
        joined = False
        L, N = nonblank[k], nonblank[k + 1]
        lay = layout[L.index]
        wrapped = lay.column > 0
        lt, nt = stripped[k], stripped[k + 1]
        lt_ends = ends[k]
        if not wrapped and lt_ends and N.index != L.index + 1 \
                and not (nt[:1] in CLOSING_OPENERS and _closing_opens(paragraph, nt)):
            continue          # the common case, decided without looking further
        bl, bn = block_of[L.index], block_of[N.index]
        same_block = bl is bn
        if same_block and not plain[k + 1] and _photo_credit(nt) and doc.blank_separated:
            # a photo's credit in a block with its caption: on a page of blank-separated paragraphs
            # it is a paragraph of its own (图为…。 / 本报记者 周敏 摄), as every labelled page sets it.
            # (A list's items keep their block: a list is set so in clean text.)
            found.append(_split_finding(doc, L, N, _CREDIT_APART))
            continue
        if protected[bl.index] or protected[bn.index] or (not same_block and LIST_RE.match(lt)) or \
                (table_rows_at and (L.index in table_rows_at or N.index in table_rows_at)):
            continue          # verse, tables and lists keep their lines
        if (not same_block and (bl.first in copies or bn.first in copies)) or \
                (copy_lines and (L.index in copy_lines or N.index in copy_lines)):
            continue
        lay_n = layout[N.index]
        if same_block and wrapped and (not lt_ends and N.index in between or L.index in between):
            continue          # fused-headline moves it out and rejoins the lines around it
        if not (plain[k] and plain[k + 1]) and (_strong_closer(lt) or _strong_opener(nt) or _credit_or_byline(nt)):
            continue
        if _credit_or_byline(lt) and (" " in lt or "\u3000" in lt or len(lt) <= 10):
            # nor does a reporters' line or a credit go on (本报记者 刘佳 通讯员 王海涛 / 中午11点…);
            # one has spaces between its names (本报记者从市交通运输局获悉今年我市 is a line of prose)
            continue
        if is_page_header(lt) or is_page_header(nt):
            continue          # the page's header line (2025年9月24日 星期三 第3版 县域新闻) stands alone
        if wrapped and (lt[:2] == "关于" and DOCUMENT_TITLE_LINE_RE.match(lt) or
                        len(nt) <= COLUMN_NAME_LINE_MAX and not is_full(lay_n, False) and COLUMN_NAME_RE.match(nt)):
            # nor does an official document's title go on into its text (关于江滨路部分路段封闭施工的
            # 通告 / 因江滨路…), nor a column go on into a column's name (…只是那个 / 城事简讯)
            continue
        if wrapped and same_block and k >= 3 and _in_headline_stack(stripped, nonblank, layout, ends, k):
            continue          # a headline under two more in a column: a block of headlines (at the page's end)
        # a headline set over several lines keeps its breaks, and the break before it
        hb = bl if same_block else bn if len(bn.lines) > 1 else None
        if hb is not None:
            if heading_block[hb.index] is None:
                heading_block[hb.index] = _heading_block(hb.lines)
            if heading_block[hb.index]:
                continue
        if wrapped and not same_block and len(bl.lines) == 1 and is_heading_like(lt):
            continue          # a lone headline line is not a column cut short
        if (lt.endswith("\ufffd") and not same_block or _headline_over_article(nonblank, stripped, k + 1)) \
                and is_heading_like(nt):
            # nor does a column go on into the next article's headline (…助餐等 / 南浦渔歌入选省级
            # 非遗名录 / □本报记者…), nor into a title after a cut marked by a broken character
            continue
        if len(lt) >= CUT_COPY_MIN and lt[-1:] in "，,、；;" and _cut_copy_of_earlier(stripped, k, openings):
            continue          # a column's start extracted twice, cut short (…他准时卸下门板，): a copy
            # that duplicate-paragraph deletes, whose last clause the next line does not finish
        if couplets and k in couplets:
            continue          # a couplet quoted after a colon keeps its two lines
        if verse_lines and N.index in verse_lines and (L.index in verse_lines or lt[-1:] in "：:"):
            continue          # a song or poem quoted inside a column keeps its lines (…这样唱道： / “东风起，…)
        if wrapped and not same_block and len(bn.lines) == 1 and len(strip_ws(nt)) >= DROPPED_HEADLINE_MIN \
                and is_heading_like(nt) and (not is_full(layout[N.index], False) or _goes_on_after(doc, bn, lt)):
            # nor does a column go on into one: a headline dropped in (fused-headline's). Not even
            # when the seam forms a word: 养老 / 百姓大舞台… forms 老百姓 by chance. One as wide as
            # the column is told by the text after it, which goes on from the line before
            # (…耐心询问病 / 百名医护志愿者进社区义诊 / 史、仔细查看…)
            continue
        if not same_block and "：" in nt[:8] and role(nt) == "contact":
            continue          # …工作人员将上门 / 咨询电话：0835-6221234: a contact line stands alone
        if STAFF_LINE_RE.match(nt) or (not wrapped and SPEAKER_RE.match(nt)):
            # nor does anything go on into the page's staff line (责任编辑：王芳 美编：李想), nor
            # into a speaker's turn of an interview set one paragraph a line (…5600 / 记者：…)
            continue
        if wrapped and ((lay_n.width > lay_n.column + OVER_COLUMN and is_heading_like(nt)) or
                        (lay.width > lay.column + OVER_COLUMN and is_heading_like(lt) and not _opens_with_headline(lt, settings))):
            # a title wider than the column is no line of it (…的通知 over a notice); a headline run
            # into its dateline or its first line is split off by fused-headline, and the rest goes on
            continue
        if not wrapped and two_clause and (L.index in two_clause or N.index in two_clause):
            continue          # a sub-head of two clauses, as the page sets them, stands alone
        if wrapped and lay_n.column > 0:
            # (doc.blank_separated reads every line once, when first asked: pages of one-line
            # paragraphs never ask)
            v = judge_wrapped(lt, nt, lay, L.index == bl.first, same_block, doc.blank_separated, paragraph, lt_ends)
        else:
            v = judge_paragraphs(lt, nt, paragraph, same_block)
        if v is None:
            continue
        if v.join and (not wrapped or DATELINE_HINT_RE.search(nt) or _column_name_first(nt)) \
                and _opens_with_headline(nt, settings):
            continue          # …“小票友”1.2 / 城市书房：把书香送到家门口（上接第一版）截至目前…: a new article
        if v.join and not same_block and lt.endswith("\ufffd") and (v.bare or LATIN_CAP_START_RE.match(nt)):
            continue          # a broken character marks a cut (…因地制宜配建�): no join on nothing else,
            # nor into a capital after it, whatever the line's width (…first discussed in 2019 � / Library…)
        if v.join:
            joined = True
            # (a break inside a block of a page whose paragraphs are set apart by blank lines is
            # no paragraph's end: 主播刘佳佳正对着镜头 / 冲泡新茶。…)
            if v.bare and not mid_sentence_opening(nt) and not (same_block and doc.blank_separated):
                bare_joins.append((k, len(found), paragraph + lt + nt, False))
            elif not same_block and lt[-1:].isdigit() and not _figure_goes_on(nt):
                # a figure cut before its unit, joined onto a word (…营业收入8.6 / 谈到下一步打算):
                # its digits are no evidence, and its unit may stand elsewhere (亿元，同比增长12.3%。)
                bare_joins.append((k, len(found), paragraph + lt + nt, True))
            found.append(_join_finding(doc, L, N, v))
        elif v.split and doc.blank_separated:
            found.append(_split_finding(doc, L, N, v))
    if bare_joins:
        # each orphan takes such a join from the page: the sentence's end stands elsewhere, and
        # truncation pairs the two. It takes the paragraph it shares most words with, else the nearest
        orphans = _orphan_lines(stripped, ends)
        dropped = set()
        lines_of = [k for k, _, _, _ in bare_joins]       # ascending
        for j in orphans:
            if j >= 2 and not ends[j - 2] and role(stripped[j - 1]) == "heading":
                continue      # (it goes on from the line before a headline dropped in: fused-headline's)
            # (a figure's unit, 余条，…, goes on from a figure only: …两万三千 / 余元，…)
            unit = bool(NUMERAL_GOES_ON_RE.match(stripped[j]))
            near = [(-shared_vocabulary(stripped[j], text), abs(j - k), at)
                    for k, at, text, units_only in bare_joins[bisect_left(lines_of, j - ORPHAN_WINDOW):
                                                              bisect_right(lines_of, j + ORPHAN_WINDOW)]
                    if j != k + 1 and not (unit and not NUMERAL_TAIL_RE.search(stripped[k])) and not (units_only and not unit)]
            best = min(near, default=None)
            # (a far one that shares no word with the paragraph or the text after it is another's)
            if best is not None and (best[0] < 0 or best[1] <= ORPHAN_NEAR):
                dropped.add(best[2])
        found = [f for at, f in enumerate(found) if at not in dropped]
    yield from found


DATELINE_HINT_RE = regex.compile(r"讯\s|本报|上接")


def _column_name_first(text: str) -> bool:
    """Does a wrapped line open with a column name and a space (记者面对面 让数字技术…)?"""
    return (" " in text[1:14] or "\u3000" in text[1:14]) and bool(COLUMN_NAME_RE.match(text.split()[0]))


def _opens_with_headline(text: str, settings: Settings) -> bool:
    """Does the line open with a headline run into other text (fused-headline splits it off)?"""
    from .headline_fusion import SAME_LINE_HINT_RE, _same_line_cut   # (it imports paragraphs, built on this module)
    # (every shape it finds holds a hint near the line's start: most lines leave at one search)
    return bool(SAME_LINE_HINT_RE.search(text, 0, 2 * settings.headline_max_chars + 12)) and \
        _same_line_cut(text, settings) is not None


# A paragraph cut by a page break whose next paragraph opens a sentence of its own (…全市新增个体
# 工商户 / 为给小店发展营造…) may have its end elsewhere on the page, in an orphan that opens
# mid-sentence (1.36万户，同比增长…; 的修理铺都关了门…): with such an orphan within this many lines,
# a join on no other evidence is not made.
ORPHAN_WINDOW = 80
ORPHAN_NEAR = 6       # lines: an orphan this near takes a join without a shared word (…个体工商户 / 1.36万户)
RARE_WORD_FREQ = 100


def _orphan_lines(stripped: list[str], ends: list[bool]) -> list[int]:
    """Lines opening mid-sentence after a line that ends: a sentence, or a contact line, a credit,
    a list (…预约咨询：0576-88123456 / 的修理铺都关了门，…)."""
    return [j for j in range(1, len(stripped))
            if (mid_sentence_opening(stripped[j]) or figure_opening(stripped[j])) and role(stripped[j]) == "body"
            and (ends[j - 1] or role(stripped[j - 1]) in CLOSED_ROLES)]


_ROUNDED: dict[float, float] = {}   # round(confidence, 2) of each verdict's confidence (round() is slow)


def _join_finding(doc: Document, L: Line, N: Line, v: Verdict) -> Finding:
    left, right = L.text.rstrip(), N.text.lstrip()
    drop, glue = seam_joiner(left, right)
    start = L.start + len(left) - drop
    end = N.start + (len(N.text) - len(right))
    # (one finding per wrapped line: the Edit is built as a plain tuple, as NamedTuple._make does)
    edit = tuple.__new__(Edit, (start, end, glue))
    sep = "a line break" if N.index == L.index + 1 else "a paragraph break"
    msg = f"{sep} inside a paragraph: join “{left[-8:]}” + “{right[:8]}”"
    line = N.index + 1
    fix = Fix((edit,), f"join line {line} onto line {L.index + 1}", v.confidence >= 0.8)
    confidence = _ROUNDED.get(v.confidence)
    if confidence is None:
        confidence = _ROUNDED[v.confidence] = round(v.confidence, 2)
    return Finding(KIND, None, start, end, line, line, msg, v.why, confidence, fix)


def _split_finding(doc: Document, L: Line, N: Line, v: Verdict) -> Finding:
    left = L.text.rstrip()
    start, end = L.start + len(left), N.start
    edit = Edit(start, end, doc.paragraph_separator)
    msg = f"a paragraph ends inside a block: set “{N.text.strip()[:10]}” apart as a new paragraph"
    fix = Fix((edit,), f"start a new paragraph at line {N.index + 1}", safe=True)
    return Finding(KIND, "split", start, end, N.index + 1, N.index + 1, msg, v.why, v.confidence, fix)
