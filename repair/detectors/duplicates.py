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

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from functools import cache
from itertools import accumulate, combinations
from operator import eq
from typing import Callable, Iterable, Iterator, Optional

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from ..blocktext import FlatText
from ..document import Block, Document
from ..model import Edit, Finding, Fix
from ..roles import role
from ..settings import Settings
from ..textutil import ends_sentence, strip_ws

KIND = "duplicate-paragraph"
# a block this long that breaks off mid-sentence and begins or ends another (95%+) is a copy of it,
# however long the other (the made pages' column repeats: 2-4 wrapped lines, 30-80 characters); one
# that ends its sentence may be a pull quote or a teaser, printed twice on purpose
CUT_COPY_CHARS = 40
# a copy cut short matches the start (or end) of its twin this closely: two OCR slips in a
# 35-character copy (物质/物赁, 邀请/遨请) score 94
CUT_COPY_MATCH = 92
SENTENCE_END_CHARS = "。！？!?"
# a column that opens by repeating the last lines of the one before: 12+ characters (shorter
# overlaps are common phrases), looked for in the last 400 characters of the block before (a few lines)
OVERLAP_MIN = 12
OVERLAP_SCAN = 400
GRAM = 8
MAX_POSTINGS = 40       # an 8-gram in more paragraphs than this is boilerplate, not evidence
SHORT_CUT_MIN = 20      # characters of a short copy cut short (two clauses of prose)
CLAUSE_MARK_RE = re.compile(r"[，,、；;]")
SHORT = 30              # paragraphs shorter than this (headlines) count only as exact, adjacent repeats
NEVER_DUPLICATE_ROLES = frozenset({"byline", "credit", "signature", "names", "list", "table", "contact", "continued"})
# a sentence ends on 。！？ (or a Latin period before a space), with its closing quotes. The body is
# written as an unrolled loop (runs of plain characters, then a period inside a sentence, ...): the
# same matches as (?:[^。！？!?.]|\.(?!\s|$))*, without one alternation per character (5x faster)
SENTENCE_RE = regex.compile(r"[^。！？!?.]*(?:\.(?!\s|$)[^。！？!?.]*)*(?:[。！？!?]+|\.(?=\s|$))[”’」』）)\"]*\s*"
                            r"|(?:[^。！？!?.]|\.(?!\s|$))+$")
CLAUSE_RE = re.compile(r"[^，,；;、。！？!?]+[，,；;、。！？!?]+[”’」』）)]*")   # plain classes: stdlib re is faster
# clauses of 4+ characters (shorter ones repeat by chance); stdlib re is ~1.5x faster than regex
# on a plain character class, and {4,} only ever matches whole runs, so no filtering pass is needed
LONG_CLAUSE_RE = re.compile(r"[^，,；;、。！？!?.]{4,}")
SENTENCE_SPLIT_RE = re.compile(r"[。！？!?]+")


def detect(doc: Document, settings: Settings = Settings()) -> Iterator[Finding]:
    found = block_copies(doc, settings)
    if "duplicate-pieces" not in doc.memo:
        doc.memo["duplicate-pieces"] = list(_piece_copies(doc, settings, found))
    pieces = doc.memo.get("duplicate-pieces")
    return iter(sorted(found + pieces, key=lambda f: f.start) if pieces else found)


def block_copies(doc: Document, settings: Settings = Settings()) -> list[Finding]:
    """Copies found block by block (what broken-wrap consults before joining anything)."""
    if KIND not in doc.memo:
        # both passes read every block without its whitespace: squeeze each block once
        squeezed = [strip_ws(b.text) for b in doc.blocks]
        found = list(_paragraph_duplicates(doc, doc.blocks, settings, squeezed))
        for block, text in zip(doc.blocks, squeezed):
            if _may_repeat(text):
                found.extend(_sentence_repeats(doc, block))
        spans = [(f.start, f.end) for f in found]
        for block in doc.blocks:
            if len(block.lines) >= 2 * RUN_MIN_LINES:
                # a run already found as a repeated sentence is reported once
                found.extend(f for f in _line_run_copies(doc, block)
                             if not any(a < f.end and f.start < b for a, b in spans))
        deleted = {f.line - 1 for f in found if f.variant is None}
        for k in range(len(doc.blocks) - 1):
            a, b = doc.blocks[k], doc.blocks[k + 1]
            # cheap test on the squeezed texts first: b's opening must stand near a's end
            head = squeezed[k + 1][:OVERLAP_MIN]
            if len(head) == OVERLAP_MIN and head in squeezed[k][-OVERLAP_SCAN:] \
                    and a.first not in deleted and b.first not in deleted:
                f = _overlap_repeat(doc, a, b)
                if f:
                    found.append(f)
        found.sort(key=lambda f: f.start)
        doc.memo[KIND] = found
    return doc.memo[KIND]


def deleted_blocks(doc: Document, settings: Settings = Settings()) -> set[int]:
    """0-based first lines of blocks that are duplicate copies to delete (shared with truncation and
    broken-wrap, which joins nothing onto a copy)."""
    return {f.line - 1 for f in detect(doc, settings) if f.variant is None}


# ---------------------------------------------------------------- paragraphs

def _norm(squeezed: str) -> str:
    """A block's text as compared for copies: no whitespace (given squeezed), no Markdown marks."""
    return squeezed.replace("#", "").replace("*", "")


# the GRAM characters after a clause break, captured by a lookahead so that breaks close together
# each give their own sample (norms hold no line breaks, DOTALL only makes that explicit)
ANCHOR_RE = re.compile(r"[。！？!?；;，,](?=(.{%d}))" % GRAM, re.DOTALL)


def _samples(text: str) -> set[str]:
    """Content-chosen anchors: the 8 characters after each clause break, plus the opening ones.

    A copy with OCR noise keeps most of them, a copy cut short keeps its first ones, and
    finding them costs one regex pass instead of hashing every 8-gram."""
    samples = set(ANCHOR_RE.findall(text))
    samples.add(text[:GRAM])
    return samples


def _candidates(norms: list[str], min_chars: int, eligible: Callable[[int], bool],
                anchors: Optional[set[int]] = None) -> set[tuple[int, int]]:
    """Pairs of eligible paragraphs that may be copies.

    Samples of every long paragraph are indexed, eligible or not, so that eligible(), which runs
    role(), is asked only about paragraphs in a candidate pair or in a crowded posting (whose size
    counts eligible paragraphs only) instead of about every paragraph of the page."""
    samples = {i: _samples(t) for i, t in enumerate(norms) if len(t) >= max(SHORT_CUT_MIN, min_chars)}
    counts = {i: len(s) for i, s in samples.items()}
    shared = Counter(_sample_pairs(_shared_postings(samples).values(), eligible, anchors))
    # copies share most of the shorter text's samples; paragraphs of one template share a few
    pairs = {p for p, n in shared.items() if n >= max(1, 0.5 * min(counts[p[0]], counts[p[1]]))
             and eligible(p[0]) and eligible(p[1])}
    # short paragraphs (headlines): only an exact repeat in the next block
    for i in range(len(norms) - 1):
        if norms[i] and norms[i] == norms[i + 1] and eligible(i) and eligible(i + 1):
            pairs.add((i, i + 1))
    return pairs


def _shared_postings(samples: dict[int, set[str]]) -> dict[str, list[int]]:
    """The ascending paragraph ids of each sample found in two or more paragraphs.

    Nine samples in ten occur once; set operations find the others in C, so that only those
    are posted one by one."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for paragraph_samples in samples.values():
        repeated |= paragraph_samples & seen
        seen |= paragraph_samples
    postings: dict[str, list[int]] = defaultdict(list)
    for i, paragraph_samples in samples.items():
        for sample in paragraph_samples & repeated:
            postings[sample].append(i)
    return postings


def _sample_pairs(postings: Iterable[list[int]], eligible: Callable[[int], bool],
                  anchors: Optional[set[int]] = None) -> Iterator[tuple[int, int]]:
    """One (lower, higher) pair per two paragraphs sharing a sample; a sample in more than
    MAX_POSTINGS eligible paragraphs is boilerplate and gives none. Ineligible paragraphs in a
    small posting are left for the caller to drop (they cannot make it crowded)."""
    for ids in postings:
        if len(ids) > MAX_POSTINGS:
            ids = [i for i in ids if eligible(i)]
            if len(ids) > MAX_POSTINGS:
                continue
        # ids are ascending and distinct (each paragraph's samples are a set)
        if anchors is None:
            yield from combinations(ids, 2)
        else:       # only pairs holding an anchor (the other pairs were weighed already), on one page
            yield from ((a, b) for a, b in combinations(ids, 2)
                        if (a in anchors or b in anchors) and b - a <= PIECE_WINDOW)


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
        # a short one counts only as a copy cut short of prose: two clauses at least, cut mid-sentence,
        # the longer's opening (演出中,演员们唱腔圆润、表演细腻,地道的西岭方言和欢快的打), not a headline
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        # (cut inside a clause: a caption the lead opens with stops where the lead's clause does,
        # …茶农正在采摘春茶 / …茶农正在采摘春茶。)
        if len(short) >= SHORT_CUT_MIN and len(CLAUSE_MARK_RE.findall(short)) >= 2 and not ends_sentence(short) \
                and short[-1] not in "，,、；;" and len(long_) >= 2 * len(short) and not _other_figures(short, long_[:len(short)]) \
                and long_[len(short):len(short) + 1] not in "，,。；;！？!?、：:":
            head = fuzz.ratio(short, long_[:len(short)], score_cutoff=CUT_COPY_MATCH)
            if head >= CUT_COPY_MATCH:
                return True, head / 100 * 0.95, "a copy cut short"
        return False, 0.0, ""
    if _other_labels(a, b):
        return False, 0.0, ""
    # score_cutoff: below it rapidfuzz stops early and says 0 (only a score above it is used)
    r = fuzz.ratio(a, b, score_cutoff=threshold)
    if r >= threshold:
        return (False, 0.0, "") if _other_figures(a, b) else (True, r / 100, f"a near copy ({r:.0f}% similar)")
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    # a copy cut short: the shorter is (nearly) the beginning or the end of the longer (a few
    # lines of a long block printed again: see CUT_COPY_CHARS)
    if len(short) >= max(SHORT, 0.3 * len(long_)) or (len(short) >= CUT_COPY_CHARS and not ends_sentence(short)):
        head = fuzz.ratio(short, long_[:len(short)], score_cutoff=CUT_COPY_MATCH)
        tail = fuzz.ratio(short, long_[-len(short):], score_cutoff=CUT_COPY_MATCH)
        if max(head, tail) >= CUT_COPY_MATCH and not _other_figures(a, b):
            return True, max(head, tail) / 100 * 0.95, "a copy cut short"
        if len(short) >= CUT_COPY_CHARS and not ends_sentence(short):
            # or the start of a paragraph inside the longer block (a block of two paragraphs,
            # …在家门口就业。 / 竹编是云溪县…, whose second is printed again, cut short)
            al = fuzz.partial_ratio_alignment(short, long_, score_cutoff=CUT_COPY_MATCH)
            if al is not None and al.dest_start > 0 and long_[al.dest_start - 1] in SENTENCE_END_CHARS \
                    and not _other_figures(a, b):
                return True, al.score / 100 * 0.95, "a copy cut short"
    return False, 0.0, ""


LABEL_RE = regex.compile(r"^([^，,。：:；;]{1,8})[：:]")


def _other_labels(a: str, b: str) -> bool:
    """Paragraphs of one template led by other labels (东胜区：晴转多云… / 康巴什区：晴转多云…)."""
    la, lb = LABEL_RE.match(a), LABEL_RE.match(b)
    return bool(la and lb and la.group(1) != lb.group(1))


def _other_figures(a: str, b: str) -> bool:
    """The same template with other figures: a list of projects, not a copy (asked only of pairs
    that look alike, as it costs two regex passes over each)."""
    return _numbers(a) != _numbers(b) and NUMBER_RE.sub("", a) == NUMBER_RE.sub("", b)


def _paragraph_duplicates(doc: Document, blocks: list[Block], settings: Settings, squeezed: list[str],
                          anchors: Optional[set[int]] = None) -> Iterator[Finding]:
    norms = [_norm(t) for t in squeezed]
    min_chars = settings.duplicate_min_chars

    @cache
    def eligible(i: int) -> bool:
        return len(norms[i]) >= min_chars and role(blocks[i].text) not in NEVER_DUPLICATE_ROLES

    deleted: set[int] = set()
    for i, j in sorted(_candidates(norms, min_chars, eligible, anchors)):
        if i in deleted or j in deleted:
            continue
        same, score, how = _similar(norms[i], norms[j], settings.duplicate_threshold)
        if not same:
            continue
        # keep the most complete copy; copies of about the same length (OCR noise: rn for m)
        # keep the first
        longer_first = len(norms[j]) <= len(norms[i]) + max(3, 0.03 * len(norms[i]))
        if longer_first and norms[i] != norms[j]:
            # of two copies of about the same length keep the one that lacks nothing the other has:
            # when i's characters are a proper sub-multiset of j's, j is the more complete copy
            if Counter(norms[i]) < Counter(norms[j]):
                longer_first = False
        if not longer_first and how == "a copy cut short" and _completed_by_neighbour(norms, i, j, settings):
            # i is a paragraph cut in two by a page break (报告指出…收入187. / 50元和23120元…) whose
            # halves together match j: the whole copy above is kept, the later one goes
            longer_first, how = True, "a copy, split by a page break above,"
        drop, keep = (j, i) if longer_first else (i, j)
        if how != "a copy, split by a page break above," and _holds_more(norms[drop], norms[keep]):
            # the copy to delete holds words its twin lacks (…1.2万名。 against …1.2): the other way
            # round, or not at all
            if _holds_more(norms[keep], norms[drop]):
                continue
            drop, keep = keep, drop
        deleted.add(drop)
        yield _delete_block(doc, blocks, drop, keep, score, how)


def _piece_copies(doc: Document, settings: Settings, block_found: list[Finding]) -> Iterator[Finding]:
    """A page without blank lines holds many paragraphs in one block (and a page with them, a few
    blocks of two): copies among its paragraphs (runs of lines broken-wrap joins), such as a
    paragraph printed again with OCR noise further down the column (为做好地铁与地面公交的衔接… /
    …的衔按…). Copies the block pass found are not reported twice."""
    from . import broken_wraps      # (broken-wrap needs block_copies: imported when first asked)
    # the units: runs of lines joined by broken-wrap's safe joins (a guess at a join, 0.7, could
    # make a paragraph and the copy after it one unit, and the paragraph a copy "cut short")
    joined = {f.line - 1 for f in broken_wraps.detect(doc) if f.variant is None and f.safe}
    firsts = doc.block_firsts
    runs: list[list[int]] = []       # line indexes
    sizes: list[int] = []            # characters
    for i, t in enumerate(doc.stripped):
        if not t:
            continue
        if runs and i in joined:
            runs[-1].append(i)
            sizes[-1] += len(t)
        else:
            runs.append([i])
            sizes.append(len(t))
    # units other than blocks only where a block holds two paragraphs long enough to be copies
    long_starts = Counter(bisect_right(firsts, run[0]) for run, n in zip(runs, sizes) if n >= SHORT)
    if not long_starts or max(long_starts.values()) < 2:
        return
    lines = doc.lines
    if doc.blank_separated:
        # (a page of blank-separated paragraphs, where most blocks are one: a paragraph inside a
        # block has a copy, whole or cut short, only if another paragraph opens as it does)
        openings = Counter(_norm(strip_ws(doc.stripped[run[0]]))[:GRAM] for run in runs)
        firsts_here = set(firsts)
        if not any(openings[_norm(strip_ws(doc.stripped[run[0]]))[:GRAM]] >= 2 for run in runs
                   if run[0] not in firsts_here and len(doc.stripped[run[0]]) >= GRAM):
            return
    units = [Block(k, tuple(lines[i] for i in run)) for k, run in enumerate(runs)]
    taken = [(f.start, f.end) for f in block_found]
    # on a blank-separated page the block pass weighed the pairs of whole blocks: only pairs with a
    # paragraph of a block of several are new (a long file of repeated paragraphs would weigh them twice)
    anchors = None
    if doc.blank_separated:
        block_of_run = [bisect_right(firsts, run[0]) for run in runs]
        per_block = Counter(block_of_run)
        anchors = {k for k, b in enumerate(block_of_run) if per_block[b] >= 2}
    for f in _paragraph_duplicates(doc, units, settings, [strip_ws(u.text) for u in units], anchors):
        if not any(a < f.end and f.start < b for a, b in taken):
            yield f


COPY_SLACK = 3   # characters a repeated sentence's copies may differ by and still count as equally complete
PIECE_WINDOW = 300   # paragraphs: a copy of a paragraph inside a block stands on its page (the made pages': within 40)
LOST_RUN = 3   # characters: OCR noise changes one or two in a row (馆员/馆贝); more is a word


def _more_figures(a: str, b: str) -> bool:
    """Does `a` hold digits that `b` lacks?"""
    return bool(+(Counter(c for c in a if c.isdigit()) - Counter(c for c in b if c.isdigit())))


def _holds_more(a: str, b: str) -> bool:
    """Does `a` hold a run of LOST_RUN or more characters that `b` lacks?"""
    return any(op.tag == "delete" and op.src_end - op.src_start >= LOST_RUN for op in Indel.opcodes(a, b))


def _completed_by_neighbour(norms: list[str], i: int, j: int, settings: Settings) -> bool:
    """Does block i, with the block after (or before) it, make a copy of the longer block j?"""
    for a, b in ((i, i + 1), (i - 1, i)):
        if 0 <= a and b < len(norms) and j not in (a, b):
            joined = norms[a] + norms[b]
            if fuzz.ratio(joined, norms[j], score_cutoff=settings.duplicate_threshold):
                return True
    return False


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

def _units(text: str, pattern: regex.Pattern | re.Pattern) -> list[tuple[int, int]]:
    spans = [m.span() for m in pattern.finditer(text)]
    return [(lo, hi) for lo, hi in spans if hi > lo]


def _may_repeat(squeezed: str) -> bool:
    """Cheap test first: a repeat repeats some clause exactly, or a clause repeats the end of the
    one before (…等现象屡禁不止，屡禁不止，), or two sentences in a row open alike (a reworded copy:
    阅读，正在成为这座城市的一种生活方式。阅读，正在成为这座城市的生活方式。), a label aside.

    `squeezed` is the block's text without whitespace."""
    plain = _without_closers(squeezed)
    clauses = LONG_CLAUSE_RE.findall(plain)
    if len(set(clauses)) < len(clauses) or any(map(str.endswith, clauses, clauses[1:])):
        return True
    # (a speaker's label does not count: 张局长：下一步，… / 下一步，…)
    heads = [_opening(t) for t in SENTENCE_SPLIT_RE.split(plain) if len(t) >= 8]
    return any(map(eq, heads, heads[1:]))


def _opening(sentence: str) -> str:
    m = SENTENCE_LABEL_RE.match(sentence) if "：" in sentence[:14] or ":" in sentence[:14] else None
    return sentence[m.end():m.end() + 4] if m else sentence[:4]


def _sentence_repeats(doc: Document, block: Block) -> Iterator[Finding]:
    """Repeats inside one block (run only where _may_repeat says there may be one)."""
    flat = FlatText.of(block)
    text = flat.text
    if len(text) < 8:
        return
    clauses = _units(text, CLAUSE_RE)
    sentences = _units(text, SENTENCE_RE)
    runs = _repeated_run(text, sentences, min_len=10, threshold=85, max_group=3) + _labelled_repeats(text, sentences) + \
        [r for r in _repeated_run(text, clauses, min_len=4, threshold=100, max_group=4) if not _spoken(text, r)] + \
        _tail_stutters(text, clauses) + \
        _cut_repeats(text, sentences, clauses)
    # sentence and clause repeats may describe the same run: keep the one deleting most
    runs.sort(key=lambda r: -sum(hi - lo for lo, hi in r[1]))
    found, taken = [], []
    for r in runs:
        lo, hi = min(r[0][0], r[1][0][0]), max(r[0][1], r[1][-1][1])
        if all(hi <= a or b <= lo for a, b in taken):
            found.append(r)
            taken.append((lo, hi))
    for (keep_lo, keep_hi), drops, score, count in found:
        edits = tuple(Edit(*flat.doc_span(lo, hi), "") for lo, hi in _merge(drops))
        # one record per deleted copy (adjacent copies go in one edit): each is checked against the kept one
        deletes = tuple((*flat.doc_span(lo, hi), *flat.doc_span(keep_lo, keep_hi)) for lo, hi in drops)
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


# A speaker's label or a quotation's opening before a sentence (张局长：下一步，… / …说：“以前…):
# not part of the sentence a copy without it repeats
SENTENCE_LABEL_RE = regex.compile(r"[^，,。！？!?：:“”\n]{1,12}[：:]\s*“?")


def _spoken(text: str, run) -> bool:
    """A short clause said three times over inside a quotation, the first time capitalised (“Thank
    you, thank you, thank you,” Grange master Linda Carver told the crowd): the speaker's, not the
    extraction's (which prints a piece twice, alike): legitimate repetition, not flagged."""
    keep, drops = run[0], run[1]
    copy = _plain(text[keep[0]:keep[1]]).lower()
    before = _plain(text[max(0, keep[0] - len(copy) - 2):keep[0]]).lower().lstrip("“\"'‘")
    quoted = text.count("“", 0, drops[0][0]) > text.count("”", 0, drops[0][0])
    return quoted and bool(copy) and before.endswith(copy) and len(copy.rstrip("，,；;、")) < STUTTER_RUN_MIN


def _labelled_repeats(text: str, sentences: list[tuple[int, int]]):
    """A sentence after a label, then its copy without the label (张局长：下一步，我们将把整治范围
    向城乡接合部延伸。下一步，我们将把整治范围向城郊接合部延伸。): the copy is deleted."""
    out = []
    for (a0, a1), (b0, b1) in zip(sentences, sentences[1:]):
        m = SENTENCE_LABEL_RE.match(text, a0, a1)
        if not m or a1 != b0 or SENTENCE_LABEL_RE.match(text, b0, b1):
            continue
        a, b = text[m.end():a1], text[b0:b1]
        if len(strip_ws(b)) < 10 or a[:2] != b[:2] or not 0.8 * len(a) <= len(b) <= 1.25 * len(a):
            continue
        if a == b:
            out.append(((m.end(), a1), [(b0, b1)], 1.0, 2))
        elif _one_apart(_plain(a), _plain(b)):
            # (one character apart is OCR noise, or a parallel sentence: 小事/难事; proposed only)
            out.append(((m.end(), a1), [(b0, b1)], LABELLED_NEAR_COPY, 2))
    return out


LABELLED_NEAR_COPY = 0.85   # the score of a near copy after a label: under 0.9, an unsafe fix


def _one_apart(a: str, b: str) -> bool:
    """Do a and b differ by one character (one replaced, added or dropped)?"""
    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


def _tail_stutters(text: str, clauses: list[tuple[int, int]]):
    """A run of clauses that repeats the end of the run before it: one clause of 4+ characters
    (“飞线充电”“入户充电”等现象屡禁不止，屡禁不止，存在…), or two or three whose first repeats
    the end of the first before (…刘奶奶说：“以前爬一趟六楼要歇三回，常常一个星期都不敢下楼。
    以前爬一趟六楼要歇三回，常常一个星期都不敢下楼。). The repeat is deleted."""
    out = []
    texts = [text[lo:hi] for lo, hi in clauses]
    n = len(clauses)
    for i in range(n - 1):
        first_a = texts[i]
        for m in range(1, STUTTER_CLAUSES_MAX + 1):
            if i + 2 * m > n:
                break
            first_b = texts[i + m]
            # (the cheap test first: most clauses end unlike the clause m further on)
            if len(first_a) <= len(first_b) or not first_a.endswith(first_b) or \
                    texts[i + 1:i + m] != texts[i + m + 1:i + 2 * m] or \
                    any(clauses[k][1] != clauses[k + 1][0] for k in range(i, i + 2 * m - 1)):
                continue      # (clauses with text between them are no run)
            lo, hi = clauses[i + m][0], clauses[i + 2 * m - 1][1]
            if len(_plain(text[lo:hi]).rstrip("，,；;、。！？!?")) < (4 if m == 1 else STUTTER_RUN_MIN):
                continue
            # inside a quotation the repeat may be the speaker's (“路上注意安全，注意安全，…”,
            # “安全生产无小事，责任重于泰山，安全生产无小事，…”): proposed, not applied without review
            # (a run that ends a sentence, 以前爬一趟六楼要歇三回，常常…下楼。, is a copy whoever speaks)
            quoted = (m == 1 or text[hi - 1:hi] not in SENTENCE_END_CHARS) and text.count("“", 0, lo) > text.count("”", 0, lo)
            out.append(((clauses[i][1] - len(first_b), clauses[i + m - 1][1]), [(lo, hi)], 0.85 if quoted else 1.0, 2))
            break
    return out


CUT_REPEAT_MIN = 15      # characters: the repeated opening clauses of a sentence
CUT_REPEAT_MATCH = 90    # rapidfuzz ratio: a figure mistyped in the copy (96人 / 69人) still matches
CUT_REPEAT_PROPOSED = 0.85   # its score: proposed, not applied unreviewed


def _cut_repeats(text: str, sentences: list[tuple[int, int]], clauses: list[tuple[int, int]]):
    """A sentence's opening clauses printed again right after it, cut short (…减少到96人，产品一次合格率
    由92%提高到99.2%。改造后，车间用工由原来的320人减少到69人，目前，…), a character or two apart:
    its deletion is proposed. (Word for word, the same opening is as often a writer's anaphora:
    一年前，这里还是一片杂草丛生的荒地，…。一年前，这里还是一片杂草丛生的荒地，谁也没想到….)"""
    out = []
    starts = {lo: k for k, (lo, _) in enumerate(clauses)}
    for a0, a1 in sentences:
        i, k = starts.get(a0), starts.get(a1)
        if i is None or k is None:
            continue
        own = [c for c in clauses[i:k] if c[1] <= a1]         # the sentence's clauses
        for m in range(len(own) - 1, 1, -1):                # the longest opening first, two clauses at least
            if k + m > len(clauses) or any(clauses[j][1] != clauses[j + 1][0] for j in range(k, k + m - 1)):
                continue
            lo, hi = clauses[k][0], clauses[k + m - 1][1]
            a, b = text[a0:own[m - 1][1]], text[lo:hi]
            if text[hi - 1:hi] not in "，,；;、" or len(_plain(b)) < CUT_REPEAT_MIN or a[:2] != b[:2]:
                continue      # (a copy cut short stops on a clause mark: a whole sentence is _repeated_run's)
            if m < len(own) and text[hi:hi + 2] == text[own[m][0]:own[m][0] + 2]:
                break         # the copy goes on as the sentence does, cut inside a later clause: a
                              # copy of lines, whose cut _line_run_copies finds (…用生态海堤替代混凝)
            if a == b:
                break         # the same opening word for word: a writer's anaphora as often as a copy
            r = fuzz.ratio(_plain(a), _plain(b), score_cutoff=CUT_REPEAT_MATCH)
            if r >= CUT_REPEAT_MATCH:
                # (always a proposal: one figure apart may be the copy's noise or the writer's)
                out.append(((a0, own[m - 1][1]), [(lo, hi)], min(r / 100, CUT_REPEAT_PROPOSED), 2))
                break
    return out


STUTTER_CLAUSES_MAX = 3
STUTTER_RUN_MIN = 10    # characters: a run of clauses repeated this long is no figure of speech


def _repeated_run(text: str, units: list[tuple[int, int]], min_len: int, threshold: float, max_group: int):
    """Runs of a group of 1..max_group units followed by near copies of itself."""
    out, i = [], 0
    # a copy starts like the original: compare groups only where the opening characters agree
    heads = [text[lo:lo + 2] for lo, _ in units]
    while i < len(units):
        if heads[i] not in heads[i + 1:i + 1 + max_group]:
            i += 1            # most units: no group starting here can be followed by its copy
            continue
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
        # the first copy, unless a later one is clearly longer (会议进一步传达学习… against 会议传达了…)
        # or holds a word or a figure it lacks (…和环保…, 5.3% against 5%); copies a few characters
        # apart otherwise differ by OCR noise or a comma, and the first stands
        longest = max(copies, key=lambda c: (c[1] - c[0], -c[0]))
        keep = copies[0] if (longest[1] - longest[0]) - (copies[0][1] - copies[0][0]) <= COPY_SLACK and \
            not _holds_more(text[longest[0]:longest[1]], text[copies[0][0]:copies[0][1]]) and \
            not _more_figures(text[longest[0]:longest[1]], text[copies[0][0]:copies[0][1]]) else longest
        drops = [c for c in copies if c != keep]
        out.append((keep, sorted(drops), score, len(copies)))
    return out


CLOSERS = "”’」』）)\"'"


def _plain(t: str) -> str:
    """Text compared for a repeat: no spaces, no closing quotes (the last copy may close a quote)."""
    return _without_closers(strip_ws(t))


def _without_closers(t: str) -> str:
    # str.replace per closer: str.translate falls back to a slow per-character path on CJK text
    for closer in CLOSERS:
        if closer in t:
            t = t.replace(closer, "")
    return t


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and merged[-1][1] == lo:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


# ---------------------------------------------------------------- lines printed again in a block

RUN_MIN_LINES = 2      # whole wrapped lines repeated in a row: one repeated line may be chance
RUN_LINE_CHARS = 8     # lines shorter than this (a signature, a figure) repeat by chance
RUN_WINDOW_CHARS = 1500   # a copy stands near what it copies (the made pages': 2-12 lines, under 300 characters, on)


def _line_run_copies(doc: Document, block: Block) -> Iterator[Finding]:
    """Lines of a block printed again further down the same block, as a page without blank lines
    repeats the first lines of a paragraph after it (…修复过程中，工程团队坚持“基于自然的解决方 /
    案”，保留原有潮沟水系，用生态海堤替代混凝 twice): the later run of two or more whole lines,
    starting a paragraph, is deleted. The earlier copy is looked for in the block's running text,
    so it is found again after broken-wrap has joined the earlier copy's lines."""
    lines = block.lines
    stripped = doc.stripped[block.first:block.last + 1]
    ends = doc.sentence_ends
    text = block.text      # the flat text (FlatText's), built only for a run found
    offsets = list(accumulate(map(len, stripped[:-1]), initial=0))
    k = 1
    while k < len(lines) - 1:
        t = stripped[k]
        if len(t) < RUN_LINE_CHARS or not ends[lines[k - 1].index]:
            k += 1
            continue
        at = offsets[k]
        j = text.rfind(t, max(0, at - RUN_WINDOW_CHARS), at)
        n, length = 0, 0
        while j >= 0 and k + n < len(lines):
            piece = stripped[k + n]
            if not piece or text[j + length:j + length + len(piece)] != piece or j + length + len(piece) > at:
                break
            n, length = n + 1, length + len(piece)
        if n < RUN_MIN_LINES:
            k += 1
            continue
        first, last = lines[k], lines[k + n - 1]
        if k + n < len(lines):
            start, end = first.start, lines[k + n].start          # the lines and their breaks
        else:
            start, end = lines[k - 1].end, last.end                # at the block's end: the break before
        kept = FlatText.of(block).doc_span(j, j + length)
        fix = Fix((Edit(start, end, ""),), f"delete lines {first.index + 1}-{last.index + 1}", safe=True,
                  deletes=((start, end, *kept),))
        yield Finding(KIND, None, first.start, last.end, first.index + 1, last.index + 1,
                      f"lines {first.index + 1}-{last.index + 1} repeat the text at line "
                      f"{doc.line_of(kept[0]) + 1}: delete this copy",
                      f"{n} whole lines ({length} characters) printed again further down the same block; "
                      "the first copy is kept", 0.9, fix)
        k += n


# ---------------------------------------------------------------- a column printed again

def _overlap_repeat(doc: Document, a: Block, b: Block) -> Finding | None:
    """Block b opens by repeating the end of block a (zh: a column that restarts with the last
    lines of the one before): …提交一套材料，即 / 以企业开办为例，…提交一套材料，即可同步办理…
    The repeat at b's start is deleted; broken-wrap joins what remains."""
    fa, fb = FlatText.of(a), FlatText.of(b)
    ta, tb = fa.text, fb.text
    # a column breaks off mid-sentence; a block after a finished sentence that repeats its end is
    # a pull quote ("It is the front door of this town…" — Mayor Ana Ruiz), kept as printed
    if len(ta) < OVERLAP_MIN or len(tb) < OVERLAP_MIN or ends_sentence(ta):
        return None
    probe = tb[:OVERLAP_MIN]
    lo = max(0, len(ta) - OVERLAP_SCAN)
    pos = ta.rfind(probe, lo)
    while pos >= 0:
        k = len(ta) - pos
        if k < len(tb) and tb.startswith(ta[pos:]):
            break
        pos = ta.rfind(probe, lo, pos + OVERLAP_MIN - 1)
    else:
        return None
    if role(b.text) != "body" or role(a.text) not in ("body", "lead"):
        return None
    # the deletion stops at the copy's last character: the line break after it is broken-wrap's
    # to join (an edit over it would collide with that join and lose the round)
    start, end = fb.doc_span(0, k)
    keep = fa.doc_span(pos, len(ta))
    fix = Fix((Edit(start, end, ""),), f"delete the repeat at line {b.first + 1}", safe=True,
              deletes=((start, end, *keep),))
    copy = tb[:k]
    return Finding(KIND, "sentence", start, end, b.first + 1, doc.line_of(end - 1) + 1,
                   f"“{copy[:16]}{'…' if len(copy) > 16 else ''}” ends line {a.last + 1} and opens line {b.first + 1} "
                   "again: delete the repeat",
                   f"the block's first {k} characters repeat the end of the block before it, as when a column "
                   "restarts with the last lines of the previous one", 0.9, fix)
