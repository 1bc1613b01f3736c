"""Does a paragraph open mid-sentence? Its beginning was lost, or it continues text before it.

    的综合应用。在安全矩阵系统平台上…      opens on a bound particle
    集,并将设备…                           a one-character clause is the tail of a sentence
    区只会种地、矿区只会拉煤”的发展模式…   a quotation closes before it opens
    织全市优化营商环境业务骨干…             opens on the tail of a word (组织)

Shared by truncation (an orphan start) and headlines (the text after a dropped-in headline
continues the sentence before it).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from .seams import PARTICLES, opener_word, opens_word, word_tail

# Characters that do not begin a sentence: punctuation that closes or continues, bound particles.
NON_INITIAL_RE = regex.compile(rf"^[，。、；：！？）》」』”,.;:!?)\]{PARTICLES}]|^[a-z]")
# Words that open on a particle yet never open a sentence: postpositions (之一, 之间, 之后) and
# 的话 — the classic tails of a cut sentence (…全国最大的煤炭基地 / 之一，…); 之所以 does open one
BOUND_WORD_RE = regex.compile(r"^(之(?!所以)|的话)")
# Two-character clauses that do open sentences ("近日,", "此外,"); any other clause of one or two
# characters before the first comma is the tail of a lost sentence ("集,并将设备…", "部门,开展…").
SHORT_OPENERS = frozenset("近日 目前 同时 此外 其中 为此 对此 据悉 随后 另外 然而 但是 因此 所以 首先 其次 最后 "
                          "今年 去年 日前 近年 当前 如今 现在 此前 之后 期间 会上 会后 届时 对于 关于 作为 一是 "
                          "二是 三是 四是 五是 截至 据了 当天 当日 次日 今天 昨天 明年 全年 上午 下午 晚上 早上 同期 "
                          "总之 可见 例如 比如 尤其 特别 特别是 不过 而且 并且 于是 接着 后来 起初 最初 从此 "
                          "如此 这样 那么 此次 本次 该局 该市 该县 该区 该旗 我市 全市 全区 "
                          "入夜 清晨 傍晚 凌晨 深夜 午后 黄昏 入冬 入春 开春 入秋 眼下 近期".split())
# An auxiliary or adverb that follows its subject (…苏玉兰每周都 / 会准时来到学校…): a paragraph
# opening on one alone, in no word (会议, 会上), has lost its beginning. Only 会 and 却: 也有…,
# 仍需…, 还需…, 都说…, 便民…, 才过去… open news paragraphs (a review found them), as do 就, 又, 要, 将.
AFTER_SUBJECT = frozenset("会却")
MEETING_WORDS = frozenset("会前 会后 会上 会中".split())      # (rare in the word list, common in news)
FIRST_CLAUSE_RE = regex.compile(r"^([^，,、；;：:。！？!?“”]{1,2})[，,、]")
PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"), ("「", "」"))


# The units a count is given in (户, 人次, 个…), which open the rest of a figure cut before them
COUNT_UNITS = "户|人次|人|个|家|名|次|元|吨|亩|项|座|辆|台|件|处|条|场|份|%|％"
# A count opening a paragraph (1.36万户，同比增长12.5%…): the figure of a sentence cut before it.
# Only the orphan search asks this (a brief can open on 126家企业…): never a finding by itself.
FIGURE_OPENING_RE = regex.compile(rf"^\d+(?:\.\d+)?\s*(?:万|亿)?(?:{COUNT_UNITS}|所)")


# The rest of a figure cut before its unit (…收入达到两万三千 / 余元，…; …5600 / 余条，…)
NUMERAL_TAIL_RE = regex.compile(r"[\d零一二两三四五六七八九十百千万]$")
NUMERAL_GOES_ON_RE = regex.compile(rf"^[余多]?(?:万|亿)?(?:{COUNT_UNITS}|公里|平方米|米)")


def figure_opening(t: str) -> bool:
    return bool(FIGURE_OPENING_RE.match(t))


def unbalanced_closer(t: str) -> bool:
    """A closing quote or bracket before any opener: the paragraph starts inside a quotation."""
    head = t[:60]
    for o, c in PAIRS:
        k = head.find(c)
        if k >= 0 and o not in head[:k]:
            return True
    return False


@lru_cache(maxsize=1 << 14)   # asked of a paragraph by truncation (twice) and headlines
def mid_sentence_opening(t: str) -> Optional[str]:
    """Why the stripped paragraph text `t` opens mid-sentence, or None when it opens like a sentence."""
    if NON_INITIAL_RE.match(t) and not (t[:1] in PARTICLES and opens_word(t) and not BOUND_WORD_RE.match(t)):
        return "it opens on a character that does not begin a sentence"
    if t[:1] in AFTER_SUBJECT and t[:2] not in MEETING_WORDS and not opens_word(t):
        return f"it opens on “{t[0]}”, which follows its subject"
    m = FIRST_CLAUSE_RE.match(t)
    if m and m.group(1) not in SHORT_OPENERS and not opener_word(m.group(1)):
        return f"its first clause “{m.group(1)}” is the tail of a sentence"
    if unbalanced_closer(t):
        return "a quotation or title closes before it opens"
    tail = word_tail(t)
    if tail:
        return f"it opens on “{tail}”, a character that ends words and begins none here"
    return None
