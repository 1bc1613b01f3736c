"""Where articles begin and what they are about: the page structure headline detectors share.

An article is a run of paragraphs that opens with a dateline or byline (or after a group of
headlines); subheads split it into sections. Words are compared as character bigrams, which
needs no dictionary: 东胜区侨办 shares 东胜, 侨办… with 东胜区政府侨务办公室….
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from .paragraphs import Paragraph
from .roles import MD_HEADING_RE, opens_article, role
from .settings import Settings
from .textutil import ends_sentence, strip_ws, visible_at_most

NON_WORD_RE = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")
DECK_MAX = 80      # characters: a headline's deck, between it and the byline or lead, is short


def is_headline(p: Paragraph, settings: Settings) -> bool:
    return _headline_text(p.text, settings.headline_min_chars, settings.headline_max_chars)


@lru_cache(maxsize=1 << 14)
def _headline_text(text: str, lo: int, hi: int) -> bool:
    t = text.strip()
    # the length first: most paragraphs are too long for a headline, and role() costs more
    return bool(MD_HEADING_RE.match(t)) or \
        (visible_at_most(t, hi) and lo <= len(strip_ws(t)) and role(t) == "heading")


def share(grams: set[str], text: str) -> float:
    return sum(g in text for g in grams) / len(grams) if grams else 0.0


def bigrams(text: str) -> set[str]:
    t = NON_WORD_RE.sub("", text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


def articles(paras: list[Paragraph], settings: Settings, inside: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Runs of non-headline paragraphs, split where a new article visibly starts (dateline, byline).
    Headlines in `inside` (dropped into a paragraph) do not split their article."""
    runs, start = [], None
    for i, p in enumerate(paras):
        if i not in inside and is_headline(p, settings):
            if start is not None:
                runs.append((start, i))
                start = None
            continue
        if start is not None and i > start and opens_article(p.text):
            runs.append((start, i))
            start = i
        elif start is None:
            start = i
    if start is not None:
        runs.append((start, len(paras)))
    return runs


def article_start(paras: list[Paragraph], a: int) -> int:
    """The first paragraph of the article holding section a: walk up past body paragraphs and lone
    subheads (seed 004: the section under 变“单打独斗”为“抱团聚力” belongs to □刘帅高宇) to its
    dateline or byline; a group of two or more headings always ends the walk."""
    k = a
    while k > 0 and role(paras[k].text) not in ("lead", "byline", "continued", "names"):
        prev = role(paras[k - 1].text)
        if prev == "body":
            k -= 1
        elif prev == "heading" and k >= 2 and role(paras[k - 2].text) in ("body", "lead") \
                and ends_sentence(paras[k - 2].text):
            k -= 2
        else:
            break
    while k > 0 and role(paras[k - 1].text) in ("byline", "names"):
        k -= 1
    return k


def article_top(paras: list[Paragraph], i: int) -> Optional[int]:
    """Where a headline of paragraph i's article belongs: after the column name/kicker headings,
    before the byline and the body (seed 000: # 树立和践行正确政绩观 / HEADLINE / 记者 …)."""
    k = i
    while k > 0 and role(paras[k].text) != "lead" and role(paras[k - 1].text) in ("body", "lead"):
        k -= 1
    j = k
    while j > 0 and role(paras[j - 1].text) in ("byline", "names"):
        j -= 1
    return j
