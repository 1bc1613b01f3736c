"""fused-headline, run together: a headline sharing a line or a block with other text.

    鄂尔多斯以“诚”暖城⏎（上接第一版）目前，…            → the headline gets its own paragraph
    我市1旗入选国家级优秀案例名单康巴什讯 日前,…      → split before the dateline
    **全链条服务:…新格局**从青年人才驿站…              → split after the bold subhead
    …注入强劲动力。(贾江)我市1旗入选国家级优秀案例名单  → the next article's headline split off
    奋进新征程建功新时代⏎全国一流…⏎2024年全市…⏎暨“局长周讲坛”… → four stacked headlines apart
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterator, Optional

import regex

from ..articles import bigrams, share
from ..document import Document, Line
from ..layout import analyse
from ..model import Edit, Finding, Fix
from ..paragraphs import Paragraph, paragraphs
from ..roles import (COLUMN_NAME, CREDIT_RE, LEAD_RE, MD_HEADING_RE, SIGNATURE_RE, is_heading_like, is_lead, labelled_lines, may_be_heading,
                     opens_article, role, table_rows)
from ..seams import straddling_word
from ..settings import Settings
from ..textutil import SENTENCE_PUNCT_RE, ends_sentence, han_ratio, strip_ws

KIND = "fused-headline"

# a lead marker inside a line, after a headline-like head: "标题 本报讯 …", "标题（上接第一版）…"
INLINE_LEAD_RE = regex.compile(
    r"(?<=\S)\s*(?=(本报讯|本报综合消息|\p{Han}{2,5}讯\s|本报\p{Han}{0,6}\d{1,2}月\d{1,2}日电|[（(]上接第.版[）)]))")
# a bold subhead run into its section's first sentence: "**全链条服务:…新格局**从青年人才驿站…"
BOLD_FUSED_RE = regex.compile(r"^\s*\*\*[^*\n]{2,60}\*\*(?=\s*[^\s*])")
# English: "Bank Branches Issue Business Licenses By Wang Yunfei", "… Water Birds ORDOS, April 12 -- …"
EN_BYLINE_RE = regex.compile(r"(?<=[a-z])\s+(?=By [A-Z][A-Za-z]+ [A-Z])")
EN_DATELINE_RE = regex.compile(r"(?<=[A-Za-z0-9])\s+(?=[A-Z]{3,}[A-Z .'-]*(,\s*[A-Z][a-z]+\.? \d{1,2})?\s*(--|—|–)\s)")
# a headline ending the paragraph before its article: "…注入强劲动力。(贾江)我市1旗入选国家级优秀案例名单"
# (a closing quote after the sentence's end stays with it: …闷得慌。” / 市博物馆…)
BRACKET_TAIL_RE = regex.compile(r"[。！？!?][”’」』]*【[^【】。，,；;]{6,30}】\s*$")   # (not 【详细】, 【视频】)
TAIL_HEADLINE_RE = regex.compile(r"(?<=[。！？!?）)][”’」』]*)(?![”’」』])([^。！？!?）)，,；;]{4,40})\s*$")
BOX_BYLINE_RE = regex.compile(r"(?<=\S)\s*(?=[□■]\s*\S)")     # "…守护群众“救命钱” □本报记者 王塔娜"
# "夜市经济点亮城市烟火气 本报记者 孙悦 通讯员 李航", "…提供岗位1.2万个 记者 王蕾 实习生 郑好"
INLINE_BYLINE_RE = regex.compile(
    r"(?<=\S)[ \t\u3000]+(?=(?:本报|市融媒体中心|融媒)?(?:见习|融媒)?记者[ \t\u3000]*\p{Han}{2,3}(?:[ \t\u3000]+\p{Han}{2,3}){0,3}"
    r"(?:[ \t\u3000]+(?:通讯员|实习生|见习记者)[ \t\u3000]*\p{Han}{2,3}(?:[ \t\u3000]+\p{Han}{2,3}){0,3})*[ \t\u3000]*$)")
NAMES_TAIL_RE = regex.compile(r"(?<=\S)\s+(\p{Han}{2,3}(?:\s+\p{Han}{2,3}){1,3})\s*$")
# "变“点上开花”为“百花齐放” 依托全镇资源禀赋…，…。": an unpunctuated head, a space, then a body
# that reads as sentences (clause punctuation, 30+ characters)
SPACE_FUSED_RE = regex.compile(r"^\s*((?:#{1,6}\s+)?[^\s#，,。；;！？!?：:]{6,40})[ \u3000]+(?=(\S[^\n]{29,}))"
                               r"(?=[^\n]*[，,][^\n]*[。！？])")
HAN_THEN_LATIN_END_RE = regex.compile(r"\p{Han}[A-Za-z]+$")
# A column name (kicker), then a space and the headline: 文化视点　百名书法家…, # 法治视点 巡回审判车…,
# 基层治理新观察 小网格撬动大治理
KICKER_FUSED_RE = regex.compile(rf"^\s*((?:#{{1,6}}\s+)?{COLUMN_NAME})[ \u3000]+(\S.*?)\s*$")
# A headline and its subtitle run together without a space: the subtitle opens on the scope or
# time of its figures (…惠及1.8万户居民 / 今年计划再改造46个小区; …大产业 / 全县食用菌年产值…)
SUBTITLE_OPENERS = "今年|去年|明年|全年|上半年|前三季度|全县|全市|全区|全省|全旗|全盟|全镇|全乡|我市|我县|我区|我省|累计|新增"
# With a space: two titles of ten characters or more, the second opening on a figure or its
# scope (乡村诗会在桃花坪村举行 40余位农民诗人同台吟诵). 非遗进校园 传承有新人 is one headline in two
# halves, and so is 北京大学人民医院·鄂尔多斯市中心医院 专科区域协作中心成功签约.
SPACED_TITLE_PAIR_RE = regex.compile(rf"^[ \t]*(?:#{{1,6}}[ \t]+)?[^\s，,。；;：:！？!?、]{{10,30}}([ \u3000])"
                                     rf"(?=\d|{SUBTITLE_OPENERS})[^\s，,。；;：:！？!?、]{{10,30}}[ \t]*$")
TITLE_PAIR_RE = regex.compile(rf"^[ \t]*(?:#{{1,6}}[ \t]+)?([^\s，,。；;：:！？!?、]{{8,30}}?)(?:{SUBTITLE_OPENERS})"
                              rf"[^\s，,。；;：:！？!?、]{{6,30}}[ \t]*$")
# A headline and its dash subtitle on one line: 稻谷飘香粮满仓 ——云溪县秋粮收购工作全面展开,
# # 稳住“菜篮子” 守好“米袋子” ——访市商务局局长刘建国. A newspaper sets the "——…" subtitle (an
# interview's ——访…, a report's ——…综述) on a line of its own; the dash stays with it.
DASH_SUBTITLE_RE = regex.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?([^\s，,。；;：:！？!?—][^，,。；;！？!?—]{3,30}?)[ \t\u3000]*"
                                 r"(——(?![摘选引出]自)[^，,。；;！？!?—\s][^，,。；;！？!?—]{3,40})[ \t]*$")
KICKER_MIN = 2     # characters: column names such as 简讯, 速递
ITEM_MARKS = "▲■●◆★▶►"   # marks opening each item of a column of briefs
BOLD_LINE_START_RE = regex.compile(r"(?m)^[ \t]*\*\*[^*\n]{2,60}\*\*[^\s*]")
DATELINE_HINT_RE = regex.compile(r"讯\s|本报|上接")   # in every match of INLINE_LEAD_RE: a cheap test first
# 0.19 elsewhere; subheads inside an article (skipped anyway) score 0.0-0.16.


def tail_headlines(doc: Document, settings: Settings = Settings()) -> set[int]:
    """Paragraph indexes whose end is the next article's headline (shared with truncation)."""
    if "tail-headlines" not in doc.memo:
        paras = paragraphs(doc)
        doc.memo["tail-headlines"] = {k for k in range(len(paras) - 1) if _tail_headline(doc, paras, k, settings)}
    return doc.memo["tail-headlines"]


def _tail_headline(doc: Document, paras: list[Paragraph], k: int, settings: Settings) -> Optional[Finding]:
    """“…注入强劲动力。(贾江)我市1旗入选国家级优秀案例名单” followed by the next article's dateline,
    or a brief's bracketed head after the last sentence of the brief before (…等志愿服务。【全市启用
    首批智能垃圾分类亭】 / 近日，…)."""
    if k + 1 >= len(paras):
        return None
    line = paras[k].blocks[-1].lines[-1]
    if not is_lead(paras[k + 1].text) and not (BRACKET_TAIL_RE.search(line.text) and role(paras[k + 1].text) == "body"):
        return None
    m = TAIL_HEADLINE_RE.search(line.text)
    before = line.text[:m.start(1)].strip() if m else ""
    # a sentence before it, or the article's signature alone: （文博） 冬季道路交通安全提示
    if not m or not is_heading_like(m.group(1)) or (len(before) < 10 and not SIGNATURE_RE.match(before)) \
            or role(m.group(1)) in ("credit", "byline") or CREDIT_RE.search(m.group(1)):
        # …接自来水。 罗晓峰 摄, …改造后一角。 本报记者 陈立新 摄: the photo's credit
        return None
    at = line.start + m.start(1)
    fix = Fix((Edit(at, at, doc.paragraph_separator),), "set the headline apart as its own paragraph", safe=True)
    return Finding(KIND, "same-line", at, line.end, line.index + 1, line.index + 1,
                   f"headline “{m.group(1).strip()[:20]}” is run onto the end of the paragraph before its article",
                   "after the paragraph's last sentence comes a short unpunctuated line, and the next paragraph "
                   "opens an article with a dateline", 0.8, fix)


def run_together(doc: Document, paras: list[Paragraph], settings: Settings) -> Iterator[Finding]:
    """Headlines run together with other text. Found in a few passes over the page, reported
    paragraph by paragraph: the paragraph's tail headline, then each block's findings."""
    tails = tail_headlines(doc, settings)
    by_block = _findings_by_block(doc, settings)
    seen = set()     # (a page without blank lines cuts one block into several paragraphs)
    for k, p in enumerate(paras):
        if k in tails:
            yield _tail_headline(doc, paras, k, settings)
        for block in p.blocks:
            if block.index not in seen:
                seen.add(block.index)
                yield from by_block.get(block.index, ())


def split_lines(doc: Document, settings: Settings = Settings()) -> set[int]:
    """0-based lines that hold a headline run together with other text (shared with truncation:
    a headline and its deck on one line is no paragraph cut short)."""
    if "fusion-split-lines" not in doc.memo:
        doc.memo["fusion-split-lines"] = {f.line - 1 for fs in _findings_by_block(doc, settings).values()
                                          for f in fs if f.variant == "same-line"}
    return doc.memo["fusion-split-lines"]


def _findings_by_block(doc: Document, settings: Settings) -> dict[int, list[Finding]]:
    """Block index -> its findings in report order: headlines on one line with other text, stacked
    headlines, a headline line above its lead."""
    if "fusion-by-block" not in doc.memo:
        doc.memo["fusion-by-block"] = _find_by_block(doc, settings)
    return doc.memo["fusion-by-block"]


def _find_by_block(doc: Document, settings: Settings) -> dict[int, list[Finding]]:
    found: dict[int, list[Finding]] = {}
    firsts = doc.block_firsts

    def add(line_index: int, finding: Optional[Finding]) -> None:
        if finding:
            found.setdefault(bisect_right(firsts, line_index) - 1, []).append(finding)

    for i in _same_line_candidates(doc):
        add(i, _same_line(doc, doc.lines[i], settings))
    for i in _title_pair_candidates(doc):
        line = doc.lines[i]
        m = DASH_SUBTITLE_RE.match(line.text) if "——" in line.text else None
        if m:
            add(i, _dash_subtitle(doc, i, m))
            continue          # (the dash marks the subtitle: no other cut of the line)
        m = TITLE_PAIR_RE.match(line.text)
        if m:
            add(i, _title_pair(doc, i, line.start + m.end(1), line.start + m.end(1)))
        m = SPACED_TITLE_PAIR_RE.match(line.text) if m is None else None
        if m:
            add(i, _title_pair(doc, i, line.start + m.start(1), line.start + m.end(1)))
    # the two shapes below need blank lines between paragraphs: doc.blank_separated reads every
    # line, so it is asked last, about a headline found
    for block in doc.blocks:
        if len(block.lines) >= 4:
            for f in _stacked_headlines(doc, block, settings):
                add(block.first, f)
    for i, f in _numbered_subheads_run_in(doc):
        add(i, f)
    for i in _lines_matching(doc, LEAD_HINT_RE):
        if i > 0 and not doc.lines[i - 1].blank:      # a lead line below its block's first line
            add(i, _headline_above_lead(doc, doc.lines[i - 1], doc.lines[i], settings))
        k = next((j for j in (i - 1, i - 2) if j >= 0 and not doc.lines[j].blank), None)
        m = SPACED_DECK_RE.match(doc.lines[k].text) if k is not None and "，" in doc.lines[k].text else None
        # (or without the space, the headline ending on a closing quote: …稳外贸“十二条”明确通关、…，…)
        if m is None and k is not None and "，" in doc.lines[k].text:
            q = QUOTED_DECK_RE.match(doc.lines[k].text)
            if q and not QUOTED_NAME_GOES_ON_RE.match(q.group(2)) and DIGIT_RE.search(q.group(2)):
                m = q
        if m:
            add(k, _spaced_deck(doc, k, m))
    return found


# A numbered sub-head (二、加大外贸融资支持力度) run into its section's first sentence, on a page
# where its siblings stand alone (一、通关再提速，物流成本再降低 / 三、支持企业开拓国际市场): cut
# where the sentence opens as another paragraph of the page does (《措施》明确… / 《措施》提出…).
# Not where every item runs in (一、检查范围。全市各燃气经营企业…): that is the list's style.
ORDINAL_LINE_RE = regex.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+)?[一二三四五六七八九十]{1,2}、")
# how a section's first sentence often opens, when no other paragraph of the page opens alike
# (set off by its comma: 二、全市城乡居民今年人均可支配收入… goes on through 今年)
SECTION_OPENER_RE = regex.compile(r"^(?:近年来|近日|日前|今年以来|去年以来|今年|去年|目前|截至目前|据了解|据悉|据统计)[，,]")
SUBHEAD_STANDING_MAX = 24    # characters of a numbered sub-head on its own line
SUBHEAD_CUT_RANGE = (6, 24)  # where in the run-in line its sub-head may end
OPENING_CHARS = 4            # characters of a paragraph's opening compared


def _numbered_subheads_run_in(doc: Document) -> Iterator[tuple[int, Finding]]:
    lines = _lines_matching(doc, ORDINAL_LINE_RE)
    if len(lines) < 2:
        return
    layout = analyse(doc)     # (one paragraph a line: in a hard-wrapped column every line is short)
    texts = {i: doc.stripped[i] for i in lines if not layout[i].wrapped}
    standing_heads = [t for t in texts.values() if len(t) <= SUBHEAD_STANDING_MAX and not ends_sentence(t) and "。" not in t]
    standing = {t[:t.index("、")] for t in standing_heads}
    if not standing:
        return
    # (sub-heads of two clauses, 一、聚焦垃圾治理，村庄变干净了, when the standing ones are so)
    commas = 1 if all("，" in t for t in standing_heads) else 0
    openings = {t[:OPENING_CHARS] for t in doc.stripped if len(t) >= 10 and not ORDINAL_LINE_RE.match(t)}
    for i, t in texts.items():
        if len(t) <= SUBHEAD_STANDING_MAX or not standing - {t[:t.index("、")]}:
            continue
        start = t.index("、") + 1
        for c in range(start + SUBHEAD_CUT_RANGE[0] - 2, min(len(t), start + SUBHEAD_CUT_RANGE[1])):
            head, rest = t[:c], t[c:]
            if len(SENTENCE_PUNCT_RE.findall(head)) > commas or "：" in head or "。" in head:
                break             # (the sub-head ends before its first clause mark)
            if head[-1] in "，,、":
                continue
            if (rest[:OPENING_CHARS] in openings or SECTION_OPENER_RE.match(rest)) and not straddling_word(head, rest):
                line = doc.lines[i]
                at = line.start + len(line.text) - len(line.text.lstrip()) + c
                fix = Fix((Edit(at, at, doc.paragraph_separator),), "put the sub-head on its own line", safe=True)
                yield i, Finding(KIND, "same-line", line.start, line.end, i + 1, i + 1,
                                 f"numbered sub-head “{head[:20]}” runs into the text after it",
                                 "its sibling sub-heads stand on lines of their own, and the text after it "
                                 f"opens as another paragraph of the page does (“{rest[:OPENING_CHARS]}…”)", 0.8, fix)
                break


# Every shape _same_line_cut finds needs one of these in the line (see its cheap tests)
SAME_LINE_HINT_RE = regex.compile(r"[ \u3000*\-—–□■讯]|本报|上接")
# Every match of LEAD_RE holds one of these (本报…, …讯, 新华社, 据…报道, 上接, ORDOS -- …).
LEAD_HINT_RE = regex.compile(r"本报|讯|新华社|据\p{Han}{2,6}报道|上接|--|—|–")


def _same_line_candidates(doc: Document) -> list[int]:
    """Lines where a headline can start and run into other text, if they hold a hint: a block's
    first line, any line outside hard-wrapped prose, and inside it (a page without blank lines
    keeps whole articles in one block) a line holding a dateline or opening on a bold subhead."""
    layout = analyse(doc)
    found = []
    for block in doc.blocks:
        first, rest = block.lines[0], block.lines[1:]
        if SAME_LINE_HINT_RE.search(first.text):
            found.append(first.index)
        found.extend([line.index for line in rest
                      if not layout[line.index].wrapped and SAME_LINE_HINT_RE.search(line.text)])
    # inside hard-wrapped prose too, a line can open with a headline run into a dateline
    # (全市秋粮收购工作全面启动 本报讯（记者 杨帆）10月 15日，…, a page without blank lines)
    # (and a bold subhead run into its section's first line: **“人才社区”留住青年科研人员**为吸引…)
    seen = set(found)
    for pattern in (DATELINE_HINT_RE, BOLD_LINE_START_RE):
        for i in _lines_matching(doc, pattern):
            if i not in seen:
                seen.add(i)
                found.append(i)
    return sorted(found)


def _lines_matching(doc: Document, pattern: regex.Pattern) -> list[int]:
    """Indexes of the lines holding a match of `pattern` (which never spans a line break), in
    order: one search per such line, over the whole text at C speed."""
    found, pos, text = [], 0, doc.text
    while (m := pattern.search(text, pos)) is not None:
        i = doc.line_of(m.start())
        found.append(i)
        pos = doc.lines[i].end
    return found


# A column of briefs sets each item's bold title run in before its text, after a space:
# **公积金提取实现“秒批”** 自5月起，… Three or more lines of that one shape on a page are the
# column's style, not damage (damage is not that regular); a lone one is a fused subhead.
RUN_IN_HEAD_RE = regex.compile(r"(?m)^[ \t]*\*\*[^*\n]{2,60}\*\*[ \t\u3000]+\S[^\n]{29,}$")
RUN_IN_HEADS_MIN = 3


def _run_in_heads(doc: Document) -> bool:
    if "run-in-heads" not in doc.memo:
        doc.memo["run-in-heads"] = len(RUN_IN_HEAD_RE.findall(doc.text)) >= RUN_IN_HEADS_MIN
    return doc.memo["run-in-heads"]


def _same_line(doc: Document, line: Line, settings: Settings) -> Optional[Finding]:
    cut = _same_line_cut(line.text, settings)
    if cut is None:
        return None
    if line.text.lstrip().startswith("**") and RUN_IN_HEAD_RE.match(line.text) and _run_in_heads(doc):
        return None
    if cut[3] == EN_DECK_WHY and not (_own_block(doc, line) and _article_opens_below(doc, line)
                                      and regex.search(r"[,\d]", line.text[cut[1]:])):
        # (Fire Chief Dana Whitcornb said the… opens a paragraph, and a caption without its full
        # stop stands alone: a headline with its deck stands over its byline or dateline, and a
        # deck gives a figure or a clause)
        return None
    at, end, head, why = cut
    fix = Fix((Edit(line.start + at, line.start + end, doc.paragraph_separator),),
              "put the headline on its own line", safe=True)
    return Finding(KIND, "same-line", line.start, line.end, line.index + 1, line.index + 1,
                   f"headline “{head[:20]}” runs into the text after it", why, 0.85, fix)


def _title_pair_candidates(doc: Document) -> list[int]:
    """Lines a title pair can stand on: 16-64 characters without a comma or a full stop, with a
    line below (cheap substring tests; the patterns run on these only)."""
    stripped = doc.stripped
    return [i for i, t in enumerate(stripped[:-1]) if 16 <= len(t) <= 64 and "，" not in t and "。" not in t
            and "," not in t]


def _title_pair(doc: Document, i: int, cut: int, gap_end: int) -> Optional[Finding]:
    """A headline and its subtitle on one line over the article's byline or dateline, without a
    space (东滨科学城新型研发机构达到46家去年实现技术合同成交额38.7亿元 / □本报记者…) or with one
    between two long titles (乡村诗会在桃花坪村举行 40余位农民诗人同台吟诵). `cut`..`gap_end`: the
    offsets where the line is cut (the space, if any)."""
    line, nxt = doc.lines[i], next((l for l in doc.lines[i + 1:i + 3] if not l.blank), None)
    t = line.text.strip()
    at, spaced = cut - line.start, gap_end > cut
    if nxt is None or not opens_article(nxt.text) or role(t) != "heading" or \
            OBJECT_TAKER_END_RE.search(line.text[:at].rstrip()) or \
            straddling_word(line.text[:at], line.text[gap_end - line.start:]) or \
            (not spaced and any(c in t.lstrip("# ") for c in " \u3000")):
        return None
    if spaced and not _subtitle_of_article_below(doc, i, line.text[gap_end - line.start:]):
        return None      # two headlines of two articles: headline_moves moves the second
    fix = Fix((Edit(cut, gap_end, doc.paragraph_separator),), "put the subtitle on a line of its own", safe=True)
    return Finding(KIND, "same-line", line.start, line.end, line.index + 1, line.index + 1,
                   f"headline “{line.text[:at].strip()[:20]}” and its subtitle “{line.text[at:].strip()[:12]}” share one line",
                   ("a long headline line over its byline holds two long titles set apart by a space" if spaced else
                    "a long headline line over its byline holds a second title opening on the scope or time of "
                    "its figures, and no word spans the cut"), 0.8, fix)


# A headline, a space and its deck of clauses over the lead (我县2025年首批32个重点项目集中开工
# 总投资48.6亿元，涉及产业、民生、基础设施三大领域 / 本报讯…): the deck holds commas, no full stop
SPACED_DECK_RE = regex.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?([^\s，,。；;：:！？!?、]{6,30})[ \u3000]+"
                               r"([^\s。；;！？!?，,、][^。；;！？!?\n]{9,40}?)[ \t]*$")

# …and without one, where the headline ends on a closing quote or title mark and text before it
# opens the quotation: # 我市出台稳外贸“十二条”明确通关、融资、拓市场三方面举措，预计全年惠及…
# (the quoted name may go on as a noun, # 全市推进“菜篮子”工程建设，…: no deck opens on one; and a
# deck gives figures, a headline of two clauses need not)
QUOTED_NAME_GOES_ON_RE = regex.compile(r"^(?:工程|行动|活动|建设|工作|项目|政策|服务|模式|计划|品牌|改革|机制|平台|体系|"
                                       r"示范|专项|宣传|系列|大赛|赛事|基地|战略|理念|精神|标准|经济|产业|文化|工作法|月|周|节)")
QUOTED_DECK_RE = regex.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?([^\s，,。；;：:！？!?、“”《》]{4,24}[“《][^\s，,。；;：:！？!?、“”《》]{1,12}[”》])"
                               r"(\p{Han}[^。；;！？!?\n]{9,50}?)[ \t]*$")


DIGIT_RE = regex.compile(r"\d")
SHORT_HEAD = 10    # characters: a shorter head over a spaced second half is a deck's only when it gives figures


def _spaced_deck(doc: Document, i: int, m) -> Optional[Finding]:
    line = doc.lines[i]
    head, deck = m.group(1), m.group(2)
    if len(head) < SHORT_HEAD and not DIGIT_RE.search(deck):
        return None       # (守护绿水青山 共建美丽家园，全县春季义务植树活动启动 is one headline)
    nxt = next((l for l in doc.lines[i + 1:i + 3] if not l.blank), None)
    if nxt is None or not opens_article(nxt.text) or role(head) != "heading" or ends_sentence(deck) or \
            deck.rstrip()[-1:] in "，,、：:" or OBJECT_TAKER_END_RE.search(head) or \
            not _subtitle_of_article_below(doc, i, deck, article=True):
        return None
    cut, gap_end = line.start + m.end(1), line.start + m.start(2)
    fix = Fix((Edit(cut, gap_end, doc.paragraph_separator),), "put the subtitle on a line of its own", safe=True)
    return Finding(KIND, "same-line", line.start, line.end, line.index + 1, line.index + 1,
                   f"headline “{head[:20]}” and its subtitle “{deck[:12]}” share one line",
                   "a headline line over its lead holds, after a space, a deck of clauses whose words the "
                   "lead repeats", 0.8, fix)


def _dash_subtitle(doc: Document, i: int, m) -> Optional[Finding]:
    """A headline line holding its "——…" subtitle (not a wrapped line of prose that quotes one)."""
    line = doc.lines[i]
    main = m.group(1).strip()
    lay = analyse(doc)[i]
    # (two four-character halves, 一方戏台 百年乡音, read to role() as two names: not before a dash
    # subtitle; a line wider than its column is no line of it)
    if role(main) not in ("heading", "names") or len(strip_ws(main)) < 4 or \
            (lay.wrapped and lay.width <= lay.column + 4):
        return None
    at, gap_end = line.start + m.end(1), line.start + m.start(2)
    while at > line.start and line.text[at - line.start - 1] in " \t\u3000":
        at -= 1
    fix = Fix((Edit(at, gap_end, doc.paragraph_separator),), "put the subtitle on a line of its own", safe=True)
    return Finding(KIND, "same-line", line.start, line.end, line.index + 1, line.index + 1,
                   f"headline “{main[:20]}” and its subtitle “{m.group(2)[:12]}” share one line",
                   "a headline line holds a dash subtitle (——…), which newspapers set on a line of its own", 0.8, fix)


# …全力保障 / 全县群众饮水安全, …突破 / 3000公里…: the second half is the object, not a subtitle
OBJECT_TAKER_END_RE = regex.compile(r"(?:惠及|保障|覆盖|面向|服务|带动|辐射|助力|推动|促进|支持|引领|打造|实现|突破|达到|"
                                    r"超过|增长|增加|提升|完成|建成|新建|投入|投资|在|为|到|至|让|使|向|对|和|与|及|于|从|给)$")
SUBTITLE_SHARE = 0.3   # of a subtitle's character bigrams found in the article's first lines


ARTICLE_LINES = 24    # lines of an article read for a deck's words (a deck sums the article up)


def _subtitle_of_article_below(doc: Document, i: int, second: str, article: bool = False) -> bool:
    """Does the article below line i repeat `second`'s words: its first paragraph (its byline, its
    lead), or with `article` its text up to the next headline (a deck of figures sums up more)?"""
    below = ""
    for l in doc.lines[i + 1:i + (ARTICLE_LINES if article else 12)]:
        if (l.blank and len(below) > 40 and not article) or (article and MD_HEADING_RE.match(l.text)):
            break
        below += l.text
    grams = bigrams(second)
    return bool(grams) and share(grams, below) >= SUBTITLE_SHARE


def _headline_above_lead(doc: Document, a: Line, b: Line, settings: Settings) -> Optional[Finding]:
    """Headline line `a` directly above `b`, the lead's first line, in one block of a blank-separated page."""
    ta, tb = a.text.strip(), b.text.strip()
    if not (LEAD_RE.match(tb) and is_heading_like(ta) and settings.headline_min_chars <= len(strip_ws(ta))
            and doc.blank_separated):
        return None
    fix = Fix((Edit(a.end, b.start, doc.paragraph_separator),), "set the headline apart as its own paragraph",
              safe=True)
    return Finding(KIND, "same-block", a.start, a.end, a.index + 1, a.index + 1,
                   f"headline “{ta[:20]}” is run together with the article below it",
                   "a headline line and a dateline/continuation line share one paragraph", 0.85, fix)


def _same_line_cut(text: str, settings: Settings) -> Optional[tuple[int, int, str, str]]:
    """(start, end) of the gap where a headline and the text run into it must be split."""
    # cheap substring tests first (C speed): most lines are plain body text and leave here
    m = BOLD_FUSED_RE.match(text) if text.lstrip().startswith("**") else None
    if m:
        return m.end(), m.end() + len(text[m.end():]) - len(text[m.end():].lstrip()), m.group().strip(), \
            "a bold subhead is followed on the same line by its section's text"
    for pattern, why, hint in ((EN_BYLINE_RE, "a title-case headline runs into the byline", " By "),
                               (EN_DATELINE_RE, "a title-case headline runs into the dateline", "-")):
        m = pattern.search(text) if hint in text or (hint == "-" and ("—" in text or "–" in text)) else None
        head = text[:m.start()] if m else ""
        if m and len(head.split()) >= 3 and any(c.islower() for c in head) and is_heading_like(head) \
                and role(head) == "heading":
            return m.start(), m.end(), head.strip(), why
    cut = _english_deck_cut(text) if text[:1].isascii() and text[:1].isupper() else None
    if cut:
        return cut
    m = BOX_BYLINE_RE.search(text) if ("□" in text or "■" in text) else None
    if m and role(text[:m.start()]) == "heading" and \
            settings.headline_min_chars <= len(strip_ws(text[:m.start()])) <= settings.headline_max_chars:
        return m.start(), m.end(), text[:m.start()].strip(), "a headline runs into the byline (□…)"
    # a headline is short: only a dateline near the line's start can end one (linear on long lines)
    near_start = min(len(text), 2 * settings.headline_max_chars + 12)
    if DATELINE_HINT_RE.search(text, 0, near_start):
        for m in INLINE_LEAD_RE.finditer(text, 0, near_start):
            at = _dateline_start(text, m)
            head = text[:at].strip()
            # before a dateline even a two-character column name set apart by a space is a head of
            # its own (简讯 本报讯…); without the space it is the place name's start (阿勒腾席热讯)
            short_ok = at > 0 and text[at - 1].isspace()
            least = min(KICKER_MIN, settings.headline_min_chars) if short_ok else settings.headline_min_chars
            if at > 0 and is_heading_like(head) and least <= len(strip_ws(head)) <= settings.headline_max_chars:
                gap_end = at + len(text[at:]) - len(text[at:].lstrip())
                return len(text[:at].rstrip()), gap_end, head, \
                    "a short line without sentence punctuation runs into a dateline"
    m = INLINE_BYLINE_RE.search(text) if "记者" in text[:60] and len(text) <= 80 and not text.rstrip().endswith(("摄", "摄影")) else None
    if m and role(text[:m.start()]) == "heading" and \
            settings.headline_min_chars <= len(strip_ws(text[:m.start()])) <= settings.headline_max_chars:
        return m.start(), m.end(), text[:m.start()].strip(), "a headline runs into the reporters' line (本报记者…)"
    m = NAMES_TAIL_RE.search(text) if len(text) <= 60 and " " in text.strip() else None
    if m and role(text) == "heading" and len(strip_ws(text[:m.start()])) >= settings.headline_min_chars \
            and role(text[:m.start()]) == "heading":
        return m.start(), m.start(1), text[:m.start()].strip(), "a headline runs into the reporters' names"
    m = KICKER_FUSED_RE.match(text) if (" " in text[1:14] or "\u3000" in text[1:14]) else None
    if m and is_heading_like(text) and len(strip_ws(m.group(2))) >= max(settings.headline_min_chars, len(strip_ws(m.group(1)))):
        return m.end(1), m.start(2), m.group(1).strip(), "a column name and the headline after it share one line"
    if m and m.group(2)[:1] in ITEM_MARKS and len(strip_ws(m.group(1))) >= KICKER_MIN:
        # 简讯 ▲11月11日,市图书馆…: a column of briefs run into its first item, which its mark opens
        return m.end(1), m.start(2), m.group(1).strip(), "a column name and its first item share one line"
    m = SPACE_FUSED_RE.match(text) if (" " in text[1:42] or "\u3000" in text[1:42]) else None
    # a space before a figure is OCR's (“今年我种了 4个棚…"), and a headline closes its quotes
    if m and not text[m.start(2):m.start(2) + 1].isdigit() and m.group(1).count("“") == m.group(1).count("”") \
            and han_ratio(m.group(1)) >= 0.6 and role(m.group(1)) == "heading" and not LEAD_RE.match(text) and \
            settings.headline_min_chars <= len(strip_ws(m.group(1))) <= settings.headline_max_chars \
            and not HAN_THEN_LATIN_END_RE.search(m.group(1)):
        # (a Chinese line run into a Latin word, …人员发放Groundwater pumping, is no headline)
        return m.end(1), m.start(2), m.group(1).strip(), "a headline and a body sentence share one line, set apart by a space"
    return None


# English: "IN BRIEF Library Adds Sunday Hours" (a column name in capitals, two words or more: one
# capitalised word may be an acronym, NASA Launches…), and "Council Backs $4.2 Million Water Main
# Plan Rates to rise 6 percent, phased in over three years" (a Title Case headline, then its deck in
# sentence case)
EN_COLUMN_HEAD_RE = regex.compile(r"^\s*([A-Z]{2,}(?:\s+[A-Z]{2,}){1,2})\s+(?=[A-Z][a-z])")
EN_COLUMN_WORD_RE = regex.compile(r"[A-Z]{5,}")    # (a column's name holds a word: acronyms side by side, NASA ESA…, do not)
SMALL_WORDS = frozenset("a an and as at but by for from in into of on or over the to up with vs".split())
TITLE_WORD_RE = regex.compile(r"^(?:[A-Z0-9$“\"'‘(][\w$.,%'’-]*|[\d$][\w$.,%'’-]*)$")


def _english_deck_cut(text: str) -> Optional[tuple[int, int, str, str]]:
    m = EN_COLUMN_HEAD_RE.match(text)
    if m and EN_COLUMN_WORD_RE.search(m.group(1)) and _title_case(text[m.end():].split()):
        return m.end(1), m.end(), m.group(1), "a column name in capitals and a headline share one line"
    words = list(regex.finditer(r"\S+", text))
    if len(words) < 6 or len(text) > EN_DECK_LINE_MAX or ends_sentence(text) or EN_SENTENCE_BREAK_RE.search(text):
        return None     # (a headline and its deck are short, and hold no sentence break)
    for k in range(4, len(words) - 2):
        head, w, nxt = [x.group() for x in words[:k]], words[k].group(), [x.group() for x in words[k + 1:k + 3]]
        # the deck: a capitalised word, then two words in lower case, not both small words
        if _title_case(head) and w[:1].isupper() and len(nxt) == 2 and all(x.islower() for x in nxt) \
                and any(x.strip(",.;:") not in SMALL_WORDS for x in nxt):
            at = words[k - 1].end()
            return at, words[k].start(), text[:at].strip(), EN_DECK_WHY
        if not (TITLE_WORD_RE.match(w) or w in SMALL_WORDS):
            return None
    return None


EN_DECK_LINE_MAX = 120
EN_SENTENCE_BREAK_RE = regex.compile(r"[a-z][.!?][\"”’]?\s+[A-Z]")
EN_DECK_WHY = "a Title Case headline runs into its deck, set in sentence case"


def _article_opens_below(doc: Document, line: Line) -> bool:
    nxt = next((l.text for l in doc.lines[line.index + 1:line.index + 4] if not l.blank), "")
    return opens_article(nxt)


def _own_block(doc: Document, line: Line) -> bool:
    before = line.index == 0 or doc.lines[line.index - 1].blank
    after = line.index + 1 >= len(doc.lines) or doc.lines[line.index + 1].blank
    return before and after


def _title_case(words: list[str]) -> bool:
    big = [w for w in words if w not in SMALL_WORDS]
    return len(big) >= 3 and all(TITLE_WORD_RE.match(w) for w in big)


def _dateline_start(text: str, m) -> int:
    """Where the dateline begins. With no space before it (“…名单康巴什讯”) the place name's length
    is unknown: prefer three characters, then two, four, five, never splitting a word."""
    at = m.end()
    tail = text[at:]
    pm = PLACE_RE.match(tail)
    if not pm or at > 0 and text[at - 1].isspace():
        return at
    place_end = at + pm.end()          # index of 讯
    for n in (3, 2, 4, 5):
        start = place_end - n
        if start < at or start <= 0:
            continue
        if not straddling_word(text[:start], text[start:place_end], min_freq=100):
            return start
    return at


PLACE_RE = regex.compile(r"\p{Han}{2,8}(?=讯\s)")
CONNECTIVE_RE = regex.compile(r"^\s*[暨和与及并、—]")


def _stacked_headlines(doc: Document, block, settings: Settings) -> Iterator[Finding]:
    """Four or more headline lines in one block are several headlines (a two- or three-line
    headline block is one): seed 004's 奋进新征程建功新时代 / 全国一流营商环境创建进行时 /
    2024年全市领导干部上讲台 / 暨“局长周讲坛”第10期开讲. A line opening on a connective (暨, 和)
    continues the headline above it."""
    lines = block.lines
    # the cheap test from the last line up: a paragraph's last line usually ends a sentence
    if len(lines) < 4 or not all(may_be_heading(l.text) for l in reversed(lines)) \
            or not all(role(l.text) == "heading" for l in lines) or table_rows([l.text for l in lines]) \
            or labelled_lines([l.text for l in lines]) or not doc.blank_separated:
        return
    sep = doc.paragraph_separator
    starts = [b for b in lines[1:] if not CONNECTIVE_RE.match(b.text)]
    if not starts:
        return
    why = f"{len(lines)} headline lines share one block; more than three lines are several headlines"
    first = lines[0]
    # one finding per headline; the first one's split is carried by the finding below it
    yield Finding(KIND, "same-block", first.start, first.end, first.index + 1, first.index + 1,
                  f"headline “{first.text.strip()[:20]}” is stacked in one block with other headlines",
                  why + f"; it is set apart by the split at line {starts[0].index + 1}", 0.8, None)
    for b in starts:
        a = lines[b.index - lines[0].index - 1]
        fix = Fix((Edit(a.end, b.start, sep),), "set the headline apart as its own paragraph", safe=True)
        yield Finding(KIND, "same-block", b.start, b.end, b.index + 1, b.index + 1,
                      f"headline “{b.text.strip()[:20]}” is stacked in one block with other headlines", why, 0.8, fix)
