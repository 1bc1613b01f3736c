"""duplicate-paragraph: a paragraph, sentence or phrase printed twice.

Paragraphs (variant null), before (seed 000):
    杭锦旗 年处理25万吨煤系高岭土项目全力推进
    <blank>
    杭锦旗 年处理25万吨煤系高岭土项目全力推进
after: the second copy is gone. Near copies (OCR noise, a copy cut short) count too; the most
complete copy is kept. Candidate pairs come from an index of content-chosen 8-grams, so a
50,000-paragraph file is never compared pair by pair.

Sentences (variant "sentence"), before (seed 003): 谁违规谁扣分,谁违规谁扣分,就依规扣分。
after: 谁违规谁扣分,就依规扣分。  Repeated groups of up to three sentences are found too
(seed 002: a 99-character pair of sentences printed three times, the first with other wording).
Reduplication (常常, 看一看) and parallel clauses (一起来想…一起来干) are not repeats.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterator

import regex
from rapidfuzz import fuzz

from ..blocktext import FlatText
from ..document import Block, Document
from ..model import Edit, Finding, Fix
from ..roles import role
from ..settings import Settings
from ..textutil import strip_ws

KIND = "duplicate-paragraph"
GRAM = 8
MAX_POSTINGS = 40       # an 8-gram in more paragraphs than this is boilerplate, not evidence
SHORT = 30              # paragraphs shorter than this (headlines) count only as exact, adjacent repeats
NEVER_DUPLICATE_ROLES = frozenset({"byline", "credit", "signature", "names", "list", "table", "contact", "continued"})
# a sentence ends on 。！？ (or a Latin period before a space), with its closing quotes
SENTENCE_RE = regex.compile(r"(?:[^。！？!?.]|\.(?!\s|$))*(?:[。！？!?]+|\.(?=\s|$))[”’」』）)\"]*\s*|(?:[^。！？!?.]|\.(?!\s|$))+$")
CLAUSE_RE = regex.compile(r"[^，,；;、。！？!?]+[，,；;、。！？!?]+[”’」』）)]*")
CLAUSE_FIND_RE = regex.compile(r"[^，,；;、。！？!?.]+")


def detect(doc: Document, settings: Settings = Settings()) -> Iterator[Finding]:
    if KIND not in doc.memo:
        found = list(_paragraph_duplicates(doc, settings))
        for block in doc.blocks:
            found.extend(_sentence_repeats(doc, block))
        doc.memo[KIND] = found
    return iter(doc.memo[KIND])


def deleted_blocks(doc: Document, settings: Settings = Settings()) -> set[int]:
    """0-based first lines of blocks that are duplicate copies to delete (shared with truncation)."""
    return {f.line - 1 for f in detect(doc, settings) if f.variant is None}


# ---------------------------------------------------------------- paragraphs

def _norm(block: Block) -> str:
    return strip_ws(block.text).replace("#", "").replace("*", "")


ANCHOR_RE = regex.compile(r"[。！？!?；;，,]")


def _samples(text: str) -> set[int]:
    """Content-chosen anchors: the 8 characters after each clause break, plus the opening ones.

    A copy with OCR noise keeps most of them, a copy cut short keeps its first ones, and
    finding them costs one regex pass instead of hashing every 8-gram."""
    out = {hash(text[:GRAM])}
    for m in ANCHOR_RE.finditer(text):
        piece = text[m.end():m.end() + GRAM]
        if len(piece) == GRAM:
            out.add(hash(piece))
    return out


def _candidates(norms: list[str], eligible: list[bool]) -> set[tuple[int, int]]:
    postings: dict[int, list[int]] = defaultdict(list)
    counts: dict[int, int] = {}
    for i, t in enumerate(norms):
        if eligible[i] and len(t) >= SHORT:
            samples = _samples(t) or {hash(t[:GRAM])}
            counts[i] = len(samples)
            for h in samples:
                postings[h].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in postings.values():
        if len(ids) > MAX_POSTINGS:
            continue
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                shared[ids[a], ids[b]] += 1
    # copies share most of the shorter text's samples; paragraphs of one template share a few
    pairs = {p for p, n in shared.items() if n >= max(1, 0.5 * min(counts[p[0]], counts[p[1]]))}
    # short paragraphs (headlines): only an exact repeat in the next block
    for i in range(len(norms) - 1):
        if eligible[i] and eligible[i + 1] and norms[i] and norms[i] == norms[i + 1]:
            pairs.add((i, i + 1))
    return pairs


NUMBER_RE = regex.compile(r"\d+(?:\.\d+)?")


def _numbers(t: str) -> list[str]:
    return NUMBER_RE.findall(t)


def _cut_numbers(a: str, b: str) -> bool:
    """The shorter text's figures begin or end the longer's (a copy cut short keeps its figures)."""
    na, nb = _numbers(a), _numbers(b)
    short, long_ = (na, nb) if len(a) < len(b) else (nb, na)
    return bool(short) and (long_[:len(short)] == short or long_[-len(short):] == short)


def _similar(a: str, b: str, threshold: float) -> tuple[bool, float, str]:
    if a == b:
        return True, 1.0, "an exact copy"
    if min(len(a), len(b)) < SHORT:
        return False, 0.0, ""
    if _numbers(a) != _numbers(b) and NUMBER_RE.sub("", a) == NUMBER_RE.sub("", b):
        return False, 0.0, ""   # same template, other figures: a list of projects, not a copy
    r = fuzz.ratio(a, b)
    if r >= threshold:
        return True, r / 100, f"a near copy ({r:.0f}% similar)"
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    # a copy cut short: the shorter is (nearly) the beginning or the end of the longer
    if len(short) >= max(SHORT, 0.3 * len(long_)):
        head = fuzz.ratio(short, long_[:len(short)])
        tail = fuzz.ratio(short, long_[-len(short):])
        if max(head, tail) >= 95:
            return True, max(head, tail) / 100 * 0.95, "a copy cut short"
    return False, 0.0, ""


def _paragraph_duplicates(doc: Document, settings: Settings) -> Iterator[Finding]:
    blocks = doc.blocks
    norms = [_norm(b) for b in blocks]
    eligible = [len(n) >= settings.duplicate_min_chars and role(b.text) not in NEVER_DUPLICATE_ROLES
                for b, n in zip(blocks, norms)]
    deleted: set[int] = set()
    for i, j in sorted(_candidates(norms, eligible)):
        if i in deleted or j in deleted:
            continue
        same, score, how = _similar(norms[i], norms[j], settings.duplicate_threshold)
        if not same:
            continue
        # keep the most complete copy; copies of about the same length (OCR noise: rn for m)
        # keep the first
        longer_first = len(norms[j]) <= len(norms[i]) + max(3, 0.03 * len(norms[i]))
        if longer_first and norms[i] != norms[j]:
            # of two copies of about the same length keep the one that lacks nothing the other has
            extra_i, extra_j = Counter(norms[i]) - Counter(norms[j]), Counter(norms[j]) - Counter(norms[i])
            if extra_j and not extra_i:
                longer_first = False
        drop, keep = (j, i) if longer_first else (i, j)
        deleted.add(drop)
        yield _delete_block(doc, blocks, drop, keep, score, how)


def _delete_block(doc: Document, blocks: list[Block], drop: int, keep: int, score: float, how: str) -> Finding:
    b, k = blocks[drop], blocks[keep]
    if drop > 0:
        start, end = blocks[drop - 1].end, b.end          # the separator before it and the block
    elif drop + 1 < len(blocks):
        start, end = b.start, blocks[drop + 1].start
    else:
        start, end = b.start, b.end
    where = "above" if keep < drop else "below"
    fix = Fix((Edit(start, end, ""),), f"delete the copy at line {b.first + 1}", safe=score >= 0.9,
              deletes=((start, end, k.start, k.end),))
    conf = round(min(0.99, 0.6 + 0.4 * score), 2)
    msg = f"paragraph repeats line {k.first + 1}: delete this copy"
    why = f"{how} of the paragraph at line {k.first + 1} ({where}); the {'longer' if len(k.text) > len(b.text) else 'first'} copy is kept"
    return Finding(KIND, None, b.start, b.end, b.first + 1, b.last + 1, msg, why, conf, fix)


# ---------------------------------------------------------------- sentences and phrases

def _units(text: str, pattern: regex.Pattern) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()]


def _may_repeat(text: str) -> bool:
    """Cheap test first: every repeat, even of a reworded sentence, repeats some clause exactly."""
    clauses = [c for c in CLAUSE_FIND_RE.findall(_plain(text)) if len(c) >= 4]
    return len(set(clauses)) < len(clauses)


def _sentence_repeats(doc: Document, block: Block) -> Iterator[Finding]:
    if not _may_repeat(block.text):
        return
    flat = FlatText.of(block)
    text = flat.text
    if len(text) < 8:
        return
    runs = _repeated_run(text, _units(text, SENTENCE_RE), min_len=10, threshold=85, max_group=3) + \
        _repeated_run(text, _units(text, CLAUSE_RE), min_len=4, threshold=100, max_group=4)
    # sentence and clause repeats may describe the same run: keep the one deleting most
    runs.sort(key=lambda r: -sum(hi - lo for lo, hi in r[1]))
    found, taken = [], []
    for r in runs:
        lo, hi = min(r[0][0], r[1][0][0]), max(r[0][1], r[1][-1][1])
        if all(hi <= a or b <= lo for a, b in taken):
            found.append(r)
            taken.append((lo, hi))
    for (keep_lo, keep_hi), drops, score, count in found:
        edits = tuple(Edit(*flat.doc_span(lo, hi), "") for lo, hi in drops)
        deletes = tuple((e.start, e.end, *flat.doc_span(keep_lo, keep_hi)) for e in edits)
        first = drops[0][0]
        line = doc.line_of(flat.doc_offset(first)) + 1
        n = count - 1
        copy = text[keep_lo:keep_hi]
        msg = f"“{copy[:16]}{'…' if len(copy) > 16 else ''}” is repeated back-to-back ({count} times): delete the repeat{'s' if n > 1 else ''}"
        why = (f"{'the same' if score >= 1 else f'a {score * 100:.0f}% similar'} run of {len(copy)} characters "
               f"follows itself; the most complete copy is kept")
        fix = Fix(edits, f"delete {n} repeated cop{'ies' if n > 1 else 'y'}", safe=score >= 0.9, deletes=deletes)
        yield Finding(KIND, "sentence", edits[0].start, edits[-1].end, line, line, msg, why,
                      round(0.7 + 0.25 * score, 2), fix)


def _repeated_run(text: str, units: list[tuple[int, int]], min_len: int, threshold: float, max_group: int):
    """Runs of a group of 1..max_group units followed by near copies of itself."""
    out, i = [], 0
    # a copy starts like the original: compare groups only where the opening characters agree
    heads = [text[lo:lo + 2] for lo, _ in units]
    while i < len(units):
        hit = None
        for m in range(1, max_group + 1):
            if i + 2 * m > len(units):
                break
            if heads[i] != heads[i + m]:
                continue
            a = text[units[i][0]:units[i + m - 1][1]]
            if len(strip_ws(a)) < min_len:
                continue
            copies, k = [(units[i][0], units[i + m - 1][1])], i + m
            scores = []
            while k + m <= len(units):
                lo, hi = units[k][0], units[k + m - 1][1]
                # cheap test first: a near copy has about the same length
                if not 0.7 * len(a) <= hi - lo <= 1.4 * len(a):
                    break
                b = text[lo:hi]
                r = 100.0 if a == b else fuzz.ratio(_plain(a), _plain(b))
                if r < threshold:
                    break
                copies.append((units[k][0], units[k + m - 1][1]))
                scores.append(r)
                k += m
            if len(copies) > 1:
                hit = (copies, min(scores) / 100, k)
                break
        if not hit:
            i += 1
            continue
        copies, score, i = hit
        keep = max(copies, key=lambda c: (c[1] - c[0], -c[0]))
        drops = [c for c in copies if c != keep]
        out.append((keep, _merge(drops), score, len(copies)))
    return out


CLOSERS = str.maketrans("", "", "”’」』）)\"'")


def _plain(t: str) -> str:
    """Text compared for a repeat: no spaces, no closing quotes (the last copy may close a quote)."""
    return "".join(t.translate(CLOSERS).split())


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and merged[-1][1] == lo:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged
