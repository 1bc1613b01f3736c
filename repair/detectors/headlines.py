"""fused-headline: a headline run into other text or set apart from its article.

Three shapes:
- dropped into a paragraph (seed 000):  …后台系统便 / # 市中心医院:让医疗服务更有“温度” / 会自动为…
  → the headline moves to the top of its article (after the column name, before the byline)
    and the split sentence is rejoined: …后台系统便会自动为…
- run together on one line or in one block with body text or another headline:
    鄂尔多斯以“诚”暖城⏎（上接第一版）目前，…   → split onto its own paragraph
- displaced (seed 004 ends with a block of headlines whose articles stand above): each is
  matched to the article whose text shares most of its words, and moving it to that article's
  top is proposed (unsafe: the match is a judgement).
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator, Optional

import regex

from ..document import Document
from ..model import Edit, Finding, Fix
from ..paragraphs import Paragraph, paragraphs
from ..roles import LEAD_RE, MD_HEADING_RE, is_heading_like, role
from ..seams import straddling_word
from ..settings import Settings
from ..textutil import ends_sentence, han_ratio, seam_joiner, strip_ws

KIND = "fused-headline"
# a lead marker inside a line, after a headline-like head: "标题 本报讯 …", "标题（上接第一版）…"
INLINE_LEAD_RE = regex.compile(
    r"(?<=\S)\s*(?=(本报讯|本报综合消息|\p{Han}{2,5}讯\s|本报\p{Han}{0,6}\d{1,2}月\d{1,2}日电|[（(]上接第.版[）)]))")
BOLD_RE = regex.compile(r"^\*\*[^*]+\*\*$")
# a bold subhead run into its section's first sentence: "**全链条服务:…新格局**从青年人才驿站…"
BOLD_FUSED_RE = regex.compile(r"^\s*\*\*[^*\n]{2,60}\*\*(?=\s*[^\s*])")
# English: "Bank Branches Issue Business Licenses By Wang Yunfei", "… Water Birds ORDOS, April 12 -- …"
EN_BYLINE_RE = regex.compile(r"(?<=[a-z])\s+(?=By [A-Z][a-z]+ [A-Z])")
EN_DATELINE_RE = regex.compile(r"(?<=[A-Za-z0-9])\s+(?=[A-Z]{3,}[A-Z .'-]*(,\s*[A-Z][a-z]+\.? \d{1,2})?\s*(--|—|–)\s)")
# a headline ending the paragraph before its article: "…注入强劲动力。(贾江)我市1旗入选国家级优秀案例名单"
TAIL_HEADLINE_RE = regex.compile(r"(?<=[。！？!?）)])([^。！？!?）)，,；;]{4,40})\s*$")
NAMES_TAIL_RE = regex.compile(r"(?<=\S)\s+(\p{Han}{2,3}(?:\s+\p{Han}{2,3}){1,3})\s*$")
# "变“点上开花”为“百花齐放” 依托全镇资源禀赋…，…。": an unpunctuated head, a space, then a body
# that reads as sentences (clause punctuation, 30+ characters)
SPACE_FUSED_RE = regex.compile(r"^\s*([^\s，,。；;！？!?：:]{6,40})[ \u3000]+(?=(\S[^\n]{29,}))(?=[^\n]*[，,][^\n]*[。！？])")
MARKER_HINT_RE = regex.compile(r"[讯电]|上接")   # cheap test before INLINE_LEAD_RE
OPENER_RE = regex.compile(r"^\s*(近年来|近日|日前|今年以来|据了解|据悉|[“「])")
# On seed 004 the displaced headlines score 0.29-0.83 against their own article and at most
# 0.19 elsewhere; subheads inside an article (skipped anyway) score 0.0-0.16.
MATCH_MIN = 0.25      # share (weighted by rarity) of a headline's character bigrams in its article
MATCH_MARGIN = 2.0    # the best article must beat the next by this factor


def detect(doc: Document, settings: Settings = Settings()) -> Iterator[Finding]:
    paras = paragraphs(doc)
    dropped = dropped_in(doc, settings)
    yield from dropped.values()
    interrupted = set(dropped)
    for k in range(len(paras)):
        yield from _fused_in_block(doc, paras, k, settings)
    yield from _displaced(doc, paras, set(interrupted), settings)


def _is_headline(p: Paragraph, settings: Settings) -> bool:
    t = p.text.strip()
    n = len(strip_ws(t))
    return bool(MD_HEADING_RE.match(t)) or (role(t) == "heading" and settings.headline_min_chars <= n <= settings.headline_max_chars)


# ---------------------------------------------------------------- dropped into a paragraph

def dropped_in(doc: Document, settings: Settings = Settings()) -> dict[int, Finding]:
    """Headlines dropped inside a paragraph, by paragraph index (shared with truncation)."""
    if "dropped-headlines" not in doc.memo:
        paras = paragraphs(doc)
        found = {}
        for i in range(1, len(paras) - 1):
            f = _dropped_in(doc, paras, i, settings)
            if f:
                found[i] = f
        doc.memo["dropped-headlines"] = found
    return doc.memo["dropped-headlines"]


def _dropped_in(doc: Document, paras: list[Paragraph], i: int, settings: Settings) -> Optional[Finding]:
    prev, head, nxt = paras[i - 1], paras[i], paras[i + 1]
    if not _is_headline(head, settings) or len(head.blocks) != 1:
        return None
    tail = prev.blocks[-1].lines[-1].text.rstrip()
    if role(prev.text) not in ("body", "lead") or ends_sentence(tail) or len(strip_ws(prev.text)) < 25:
        return None
    if role(nxt.text) != "body" or OPENER_RE.match(nxt.text) or len(strip_ws(nxt.text)) < 10:
        return None
    # a bold subhead opens a section: it goes before the paragraph it split; a headline goes to
    # the top of its article
    word = straddling_word(tail, nxt.text)
    # a headline that shares its words with the paragraph below but not with the one above opens
    # the next article: the paragraph above is simply cut (truncated), not split by it
    hg = _bigrams(head.text)
    above, below = _share(hg, prev.text), _share(hg, nxt.text)
    top = i - 1 if BOLD_RE.match(head.text.strip()) else _article_top(paras, i - 1)
    # evidence that the headline is displaced into this paragraph rather than opening the next
    # article after a cut one: a split word, words shared with the text above, or words shared
    # with the text below while the article above has no headline of its own
    headless = top is not None and (top == 0 or role(paras[top - 1].text) != "heading")
    if not (word or above > 0 or (below > 0 and headless)):
        return None
    sep = doc.paragraph_separator
    head_text = doc.text[head.start:head.end]
    drop, glue = seam_joiner(tail, nxt.text)
    edits = [Edit(prev.end - drop, nxt.start, glue)]
    if top is not None:
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


def _article_top(paras: list[Paragraph], i: int) -> Optional[int]:
    """Where a headline of paragraph i's article belongs: after the column name/kicker headings,
    before the byline and the body (seed 000: # 树立和践行正确政绩观 / HEADLINE / 记者 …)."""
    k = i
    while k > 0 and role(paras[k].text) != "lead" and role(paras[k - 1].text) in ("body", "lead"):
        k -= 1
    j = k
    while j > 0 and role(paras[j - 1].text) in ("byline", "names"):
        j -= 1
    return j


# ---------------------------------------------------------------- run together

def tail_headlines(doc: Document, settings: Settings = Settings()) -> set[int]:
    """Paragraph indexes whose end is the next article's headline (shared with truncation)."""
    if "tail-headlines" not in doc.memo:
        paras = paragraphs(doc)
        doc.memo["tail-headlines"] = {k for k in range(len(paras) - 1) if _tail_headline(doc, paras, k, settings)}
    return doc.memo["tail-headlines"]


def _tail_headline(doc: Document, paras: list[Paragraph], k: int, settings: Settings) -> Optional[Finding]:
    """“…注入强劲动力。(贾江)我市1旗入选国家级优秀案例名单” followed by the next article's dateline."""
    if k + 1 >= len(paras) or role(paras[k + 1].text) != "lead":
        return None
    line = paras[k].blocks[-1].lines[-1]
    m = TAIL_HEADLINE_RE.search(line.text)
    if not m or not is_heading_like(m.group(1)) or len(line.text[:m.start(1)].strip()) < 10:
        return None
    at = line.start + m.start(1)
    fix = Fix((Edit(at, at, doc.paragraph_separator),), "set the headline apart as its own paragraph", safe=True)
    return Finding(KIND, "same-line", at, line.end, line.index + 1, line.index + 1,
                   f"headline “{m.group(1).strip()[:20]}” is run onto the end of the paragraph before its article",
                   "after the paragraph's last sentence comes a short unpunctuated line, and the next paragraph "
                   "opens an article with a dateline", 0.8, fix)


def _fused_in_block(doc: Document, paras: list[Paragraph], k: int, settings: Settings) -> Iterator[Finding]:
    p = paras[k]
    sep = doc.paragraph_separator
    tail = _tail_headline(doc, paras, k, settings)
    if tail:
        yield tail
    for block in p.blocks:
        for line in block.lines:
            cut = _same_line_cut(line.text, settings)
            if cut is None:
                continue
            at, end, head, why = cut
            fix = Fix((Edit(line.start + at, line.start + end, sep),), "put the headline on its own line", safe=True)
            yield Finding(KIND, "same-line", line.start, line.end, line.index + 1, line.index + 1,
                          f"headline “{head[:20]}” runs into the text after it", why, 0.85, fix)
        yield from _stacked_headlines(doc, block, settings)
        # a headline line directly above the lead's first line, in one block of a blank-separated page
        lines = block.lines
        for a, b in zip(lines, lines[1:]):
            if not doc.blank_separated:
                break
            ta, tb = a.text.strip(), b.text.strip()
            if is_heading_like(ta) and LEAD_RE.match(tb) and settings.headline_min_chars <= len(strip_ws(ta)):
                fix = Fix((Edit(a.end, b.start, sep),), "set the headline apart as its own paragraph", safe=True)
                yield Finding(KIND, "same-block", a.start, a.end, a.index + 1, a.index + 1,
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
    m = NAMES_TAIL_RE.search(text) if len(text) <= 60 and " " in text.strip() else None
    if m and role(text) == "heading" and len(strip_ws(text[:m.start()])) >= settings.headline_min_chars \
            and role(text[:m.start()]) == "heading":
        return m.start(), m.start(1), text[:m.start()].strip(), "a headline runs into the reporters' names"
    if MARKER_HINT_RE.search(text):
        for m in INLINE_LEAD_RE.finditer(text):
            at = _dateline_start(text, m)
            head = text[:at].strip()
            if at > 0 and is_heading_like(head) and \
                    settings.headline_min_chars <= len(strip_ws(head)) <= settings.headline_max_chars:
                gap_end = at + len(text[at:]) - len(text[at:].lstrip())
                return len(text[:at].rstrip()), gap_end, head, \
                    "a short line without sentence punctuation runs into a dateline"
    m = SPACE_FUSED_RE.match(text) if (" " in text[1:42] or "\u3000" in text[1:42]) else None
    if m and han_ratio(m.group(1)) >= 0.6 and role(m.group(1)) == "heading" and not LEAD_RE.match(text) and \
            settings.headline_min_chars <= len(strip_ws(m.group(1))) <= settings.headline_max_chars:
        return m.end(1), m.start(2), m.group(1).strip(), "a headline and a body sentence share one line, set apart by a space"
    return None


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
    if not doc.blank_separated or len(lines) < 4 or not all(role(l.text) == "heading" for l in lines):
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


# ---------------------------------------------------------------- displaced from the article

NON_WORD_RE = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")


def _share(grams: set[str], text: str) -> float:
    return sum(g in text for g in grams) / len(grams) if grams else 0.0


def _bigrams(text: str) -> set[str]:
    t = NON_WORD_RE.sub("", text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


def _articles(paras: list[Paragraph], settings: Settings) -> list[tuple[int, int]]:
    """Runs of non-headline paragraphs, split where a new article visibly starts (dateline, byline)."""
    runs, start = [], None
    for i, p in enumerate(paras):
        if _is_headline(p, settings):
            if start is not None:
                runs.append((start, i))
                start = None
            continue
        if start is not None and role(p.text) in ("lead", "byline") and i > start:
            runs.append((start, i))
            start = i
        elif start is None:
            start = i
    if start is not None:
        runs.append((start, len(paras)))
    return runs


KICKER_MAX = 10       # characters: a kicker or column name is short (seed kickers: 2-8)
LOCAL_MATCH = 0.4     # a headline sharing this share of its bigrams with the text below it is at home
WINDOW = 150          # displaced headlines stay on their page: look this many paragraphs either way


def _displaced(doc: Document, paras: list[Paragraph], skip: set[int], settings: Settings) -> Iterator[Finding]:
    heads = [i for i, h in enumerate(paras)
             if i not in skip and _is_headline(h, settings) and not MD_HEADING_RE.match(h.text)]
    suspects = [i for i in heads if len(_bigrams(paras[i].text)) >= 3 and not _at_home(paras, i, settings)]
    if not suspects:
        return
    sections = _articles(paras, settings)
    # sections of one article (split by subheads) are scored together
    by_start: dict[int, list[int]] = {}
    for a, b in sections:
        by_start.setdefault(_article_start(paras, a), []).extend(range(a, b))
    arts = sorted(by_start.items())
    if len(arts) < 2:
        return
    text_cache: dict[int, str] = {}

    def text_of(k: int) -> str:
        """The article's words as one string (punctuation out, as in _bigrams), searched in C."""
        if k not in text_cache:
            text_cache[k] = "\x00".join(NON_WORD_RE.sub("", paras[m].text) for m in arts[k][1])
        return text_cache[k]

    moves: list[tuple[int, int, float, float]] = []     # (headline, article, score, runner-up)
    for i in suspects:
        near = [k for k, (start, members) in enumerate(arts) if abs(start - i) <= WINDOW]
        if len(near) < 2:
            continue
        grams = _bigrams(paras[i].text)
        present = {k: [g for g in grams if g in text_of(k)] for k in near}
        df = {g: 0 for g in grams}
        for found in present.values():
            for g in found:
                df[g] += 1
        # rarer shared bigrams say more: weight each by the inverse of how many articles have it
        weight = sum(1.0 / df[g] if df[g] else 1.0 for g in grams)
        scores = {k: sum(1.0 / df[g] for g in present[k]) / weight for k in near}
        best = max(near, key=lambda k: scores[k])
        ranked = sorted(scores.values(), reverse=True)
        runner = ranked[1] if len(ranked) > 1 else 0.0
        if scores[best] < MATCH_MIN or runner * MATCH_MARGIN > scores[best]:
            continue
        members = arts[best][1]
        after = next((k for k in range(i + 1, len(paras)) if not _is_headline(paras[k], settings)), None)
        if after in members or min(members) < i < max(members):
            continue     # above its own article, or a subhead inside it
        moves.append((i, best, scores[best], runner))
    # consecutive displaced headlines bound for one article move together, in their order
    groups: list[list[tuple[int, int, float, float]]] = []
    for m in moves:
        if groups and groups[-1][-1][1] == m[1] and _only_headings_between(paras, groups[-1][-1][0], m[0], settings):
            groups[-1].append(m)
        else:
            groups.append([m])
    for group in groups:
        yield from _move_group(doc, paras, arts, group)


def _at_home(paras: list[Paragraph], i: int, settings: Settings) -> bool:
    """Cheap test first: does the text right below the headline share its words?"""
    grams = _bigrams(paras[i].text)
    below = []
    for k in range(i + 1, min(len(paras), i + 8)):
        if not _is_headline(paras[k], settings):
            below.append(paras[k].text)
            if len(below) == 3:
                break
    text = "".join(below)
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
    at = paras[top].start
    texts, edits = [], []
    # kickers (short: 东胜区侨办, 领导干部上讲台) stand above the headline they go with
    for i, _, _, _ in sorted(group, key=lambda m: len(strip_ws(paras[m[0]].text)) > KICKER_MAX):
        h = paras[i]
        texts.append(doc.text[h.start:h.end])
        edits.append(Edit(paras[i - 1].end, h.end, "") if i > 0 else Edit(h.start, paras[1].start, ""))
    edits = _merge_deletions(edits)
    edits.append(Edit(at, at, sep.join(texts) + sep))
    fix = Fix(tuple(sorted(edits, key=lambda e: e.start)),
              f"move {len(group)} headline(s) to line {paras[top].first_line + 1}, the top of their article", safe=False)
    for n, (i, best, score, runner) in enumerate(group):
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


def _article_start(paras: list[Paragraph], a: int) -> int:
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


def _only_headings_between(paras: list[Paragraph], i: int, j: int, settings: Settings) -> bool:
    return all(_is_headline(paras[k], settings) for k in range(i + 1, j))


def _gap_is_headings(paras: list[Paragraph], i: int, a: int, settings: Settings) -> bool:
    return all(_is_headline(paras[k], settings) or role(paras[k].text) in ("byline", "names", "lead", "continued")
               for k in range(i + 1, a))
