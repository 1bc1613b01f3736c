"""Does a break fall inside a word? Evidence from a word list (jieba's dictionary, if installed).

A break between 考 / 核 splits 考核; between 核 / 心 splits 核心. A headline followed by a
new paragraph rarely forms a frequent word across the break.
"""
from __future__ import annotations

import importlib.util
import marshal
import os
from functools import lru_cache

# 2000: jieba frequency at which a straddling word is common enough to count as evidence that a
# break is wrong; on the seeds' true breaks the straddling words (考核 召开 核心 这样 现在 带来 状态)
# reach 2,000-50,000 while headline/paragraph seams form none. Rarer words (最长: 808) only serve
# to match a displaced piece, where the candidates are few.
MIN_FREQ = 2000
LOAD_FREQ = 100
# A character that ends words at least this many times as often as it begins one or stands alone
# (by dictionary frequency) is a word's tail: 级 (年级, 班级) 8.4, 织 (组织) 11.9, 础 (基础) 59.
# On the clean gold and made pages no paragraph opens on a character above 3.58 (区卫健委…, a
# district's office, as 市 opens 市林草局…); the cut openings reach 3.93 (院共受理… = 法院).
TAIL_RATIO = 3.8
# jieba's part-of-speech tags of words that open a sentence as a clause of their own: time (清晨,
# 以往), locality (以前, 最近), adverbs (最终, 显然), conjunctions (此外, 然而), pronouns (这时).
# A noun or verb before the first comma (部门, 集) is the tail of a lost sentence instead.
OPENER_TAGS = frozenset({"t", "f", "d", "ad", "c", "r"})


@lru_cache(maxsize=1)
def _words() -> dict[str, int]:
    return _tables()[0]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], dict[str, float], list[str], list[str]]:
    """From jieba's word list: the words of 2-4 characters with their frequency; the characters
    that mostly end words (see word_tail); the two-character words that open a clause on their own
    (see opener_word); and every word, however rare, that opens on such a tail character or on a
    particle (see opens_word). Parsing the 5 MB list takes ~0.5 s, so the tables are cached
    (marshal) in the user's cache directory, keyed by the list's size and mtime; a cache that
    cannot be written is simply skipped."""
    # only jieba's word list is used: locate it without importing the package (its import is slow)
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return {}, {}, [], []
    path = os.path.join(list(spec.submodule_search_locations)[0], "dict.txt")
    if not os.path.exists(path):
        return {}, {}, [], []
    st = os.stat(path)
    cache = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "repair",
                         f"words-{st.st_size}-{int(st.st_mtime)}-{_tables_version()}.marshal")
    try:
        with open(cache, "rb") as fh:
            words, tails, openers, rare = marshal.load(fh)
            return words, tails, openers, rare
    except (OSError, ValueError, EOFError, TypeError):
        pass
    words: dict[str, int] = {}
    ends: dict[str, int] = {}
    begins: dict[str, int] = {}     # as a word's first character, or as a word of its own
    openers: list[str] = []
    every: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ", 2)
            w = parts[0]
            if len(w) > 4:
                continue
            freq = int(parts[1])
            if len(w) == 2 and freq >= LOAD_FREQ and parts[2].strip() in OPENER_TAGS:
                openers.append(w)
            begins[w[0]] = begins.get(w[0], 0) + freq
            if len(w) >= 2:
                ends[w[-1]] = ends.get(w[-1], 0) + freq
                every.append(w)
                if freq >= LOAD_FREQ:
                    words[w] = freq
    tails = {ch: round(n / (begins.get(ch, 0) + 1), 2) for ch, n in ends.items()
             if n >= TAIL_RATIO * (begins.get(ch, 0) + 1)}
    rare = [w for w in every if w[0] in tails or w[0] in PARTICLES]
    try:
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        tmp = f"{cache}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            marshal.dump((words, tails, openers, rare), fh)
        os.replace(tmp, cache)
    except OSError:
        pass
    return words, tails, openers, rare


def _tables_version() -> str:
    """Part of the cache file's name: a change to how the tables are built makes a new file."""
    import hashlib
    spec = f"v4|{LOAD_FREQ}|{TAIL_RATIO}|{sorted(OPENER_TAGS)}|{PARTICLES}"
    return hashlib.sha1(spec.encode()).hexdigest()[:10]


# Particles that bind to the word before them (的, 了, 们…): a paragraph opening on one has lost
# its beginning, unless a word opens with it (的确, 过去, 地方, 等到, 之后, 化解)
PARTICLES = "的了着过们地得之性化者等"


@lru_cache(maxsize=1)
def _rare_openings() -> frozenset[str]:
    return frozenset(_tables()[3])


def opens_word(text: str) -> bool:
    """Does a dictionary word of 2-4 characters, however rare, open `text`? Answered for texts
    opening on a word-tail character or a particle (others: among the common words only)."""
    words = _rare_openings() if text[:1] in _tables()[1] or text[:1] in PARTICLES else _words()
    return any(text[:k] in words for k in (2, 3, 4))


def straddling_word(left: str, right: str, min_freq: int = MIN_FREQ) -> str | None:
    """The most frequent dictionary word (at least `min_freq`) spanning the break between `left` and `right`."""
    left, right = left.rstrip(), right.lstrip()
    words = _words()
    best, best_f = None, 0
    for i in range(1, 4):
        for j in range(1, 5 - i):
            if i > len(left) or j > len(right):
                continue
            w = left[-i:] + right[:j]
            f = words.get(w, 0)
            if f >= min_freq and f > best_f:
                best, best_f = w, f
    return best


# Adverbs that make a line a clause, not a headline, when they stand alone (not inside a word
# such as 铺就 or 并且): 锡林郭勒盟还为符合申请条件人员发放. On the seeds no headline has one.
# 就, 才, 便 are left out: they end headline verbs too often (铺就, 人才, 便民).
CLAUSE_ADVERBS = frozenset("还也都又仍")


def standalone_adverb(text: str) -> str | None:
    """An adverb of CLAUSE_ADVERBS in `text` that no dictionary word around it absorbs."""
    words = _words()
    for k, ch in enumerate(text):
        if ch not in CLAUSE_ADVERBS:
            continue
        covered = any(text[i:j] in words for i in range(max(0, k - 3), k + 1)
                      for j in range(k + 1, min(len(text), i + 4) + 1) if j - i >= 2)
        if not covered:
            return ch
    return None


def word_tail(text: str) -> str | None:
    """The first character of `text` when it is the tail of a word that no dictionary word
    continues (级师生… is 年级师生 cut after 年): a text that opens mid-word. None otherwise."""
    ch = text[:1]
    if not ("\u4e00" <= ch <= "\u9fff") or ch not in _tables()[1] or opens_word(text):
        return None
    return ch


@lru_cache(maxsize=1)
def _opener_words() -> frozenset[str]:
    return frozenset(_tables()[2])


def opener_word(word: str) -> bool:
    """Is `word` (two characters) a time word, adverb, conjunction or pronoun that opens a clause?"""
    return word in _opener_words()
