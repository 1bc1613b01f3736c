"""Character classes, compiled patterns and display width: the tables every detector reads."""
from __future__ import annotations

import regex

# Sentence-final punctuation, optionally followed by closing quotes/brackets.
SENT_END_CHARS = "。！？!?…"
CLOSERS = "”’」』）)》\"'】"
SENT_END_RE = regex.compile(r"(?:[。！？!?…]|\.(?<!\b\p{Lu}\.)|……)[”’」』）)》\"'】]*\s*$")
# A paragraph may also close on a bracketed signature or note after a complete sentence:
# "…发展。(贾宇)", "…一览表(第7批)》(详情见今日二、三版)"
SIGNOFF_RE = regex.compile(r"[。！？!?…”’」』）)》]\s*[（(][^（()）]{1,16}[）)]\s*$")

HAN_RE = regex.compile(r"\p{Han}")
LATIN_WORD_END_RE = regex.compile(r"\p{L}$")
WIDE_RE = regex.compile(r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]")
CLAUSE_PUNCT_RE = regex.compile(r"[，,；;、。！？!?：:]")
# Punctuation that headlines avoid; they do use colons, 、 and · ("东胜:办事窗口“开”在银行")
SENTENCE_PUNCT_RE = regex.compile(r"[，,；;。！？!?]")
WS_RE = regex.compile(r"\s+")


def display_width(s: str) -> int:
    """Terminal cells: CJK and full-width forms count 2.

    Counted from the UTF-8 length, at C speed: a CJK character is 3 bytes and 2 cells, ASCII 1 and
    1, so cells = chars + (bytes - chars) / 2. Curly quotes and dashes count 2 as they do in CJK
    type; a 2-byte letter (é) counts 1.5. Close enough to find a column; exact where it matters."""
    return len(s) + (len(s.encode("utf-8")) - len(s)) // 2


DECIMAL_CUT_RE = regex.compile(r"\p{Han}\d+\.$")
# Every match of SENT_END_RE or SIGNOFF_RE ends on one of these (then only whitespace).
SENTENCE_LAST_CHARS = frozenset(SENT_END_CHARS + "." + CLOSERS)


def ends_sentence(s: str) -> bool:
    s = s.rstrip()
    if s[-1:] not in SENTENCE_LAST_CHARS:
        return False          # most lines, decided without a regex (this runs on every line)
    if s[-1] in SENT_END_CHARS:
        return True           # SENT_END_RE's first branch, at the very end: most of the others
    if s[-1] == "." and DECIMAL_CUT_RE.search(s[-12:]):
        return False          # …增长3. (a figure cut at its decimal point: Chinese ends sentences on 。)
    s = s[-40:]               # the patterns are anchored at the end: look at the tail only
    return bool(SENT_END_RE.search(s)) or bool(SIGNOFF_RE.search(s))


def exact_display_width(s: str) -> int:
    """East Asian Width, exactly (for display: the review app's alignment)."""
    return len(s) + len(WIDE_RE.findall(s))


def is_han(ch: str) -> bool:
    """`ch` (one character, or the first of a string) is a Chinese character."""
    if "\u4e00" <= ch[:1] <= "\u9fff":
        return True           # the common CJK block, without a regex
    return bool(ch) and bool(HAN_RE.match(ch))


def han_ratio(s: str) -> float:
    s = WS_RE.sub("", s)
    return len(HAN_RE.findall(s)) / len(s) if s else 0.0


def han_bigrams(s: str) -> set[str]:
    """The distinct pairs of adjacent Han characters in s: a passage's vocabulary, cheaply."""
    return {s[i:i + 2] for i in range(len(s) - 1) if "\u4e00" <= s[i] <= "\u9fff" and "\u4e00" <= s[i + 1] <= "\u9fff"}


def shared_vocabulary(a: str, b: str) -> int:
    """How many Han bigrams two passages share: a displaced piece shares words with the
    paragraph it finishes (…新开工亿元以上项目 / 120个，总投资860亿元…开工一批…)."""
    return len(han_bigrams(a) & han_bigrams(b))


def strip_ws(s: str) -> str:
    """Remove all whitespace (Unicode's, \u3000 included); str.split is 3x faster than a regex."""
    return "".join(s.split())


def seam_joiner(left: str, right: str) -> tuple[int, str]:
    """How to join `left` + `right` at a broken line: (chars to drop from left's end, glue).

    No space between CJK characters; one space between Latin words; a Latin word hyphenated at the
    line end is de-hyphenated (`infor-` + `mation`).
    """
    a, b = left.rstrip(), right.lstrip()
    if not a or not b:
        return 0, ""
    la, fb = a[-1], b[0]
    if "\u4e00" <= la <= "\u9fff" or "\u4e00" <= fb <= "\u9fff":
        return 0, ""          # most seams (is_han's common block, tested inline): no glue
    if la == "-" and len(a) > 1 and a[-2].isalpha() and a[-2].islower() and fb.islower():
        return (0, "") if _compound(a, b) else (1, "")
    if is_han(la) or is_han(fb) or is_han(_last_letter(a)) or not (la.isalnum() or la in ",;:.!?)]\"'”’") \
            or fb in ",.;:!?)]%":
        return 0, ""
    if la == "." and fb.isdigit() and DECIMAL_CUT_RE.search(a[-12:]):
        return 0, ""          # 增长3. / 9%: one figure, 3.9%
    if la.isdigit() and fb.isdigit():
        # a figure cut in two in Chinese text (…收入分别达到486 / 50元) is one figure again
        before = a.rstrip("0123456789.,")[-1:]
        if before and is_han(before):
            return 0, ""
    return 0, " "


# First words of hyphenated compounds (well-known, long-term, self-made, low-income): a hyphen
# after one of them at a line end is the compound's own, unless what follows is a suffix (low-er).
COMPOUND_HEADS = frozenset("well long self low high short full half cross wood large small below above acre "
                           "state world year family middle home water city one two three first second "
                           "third all old".split())
# Second words of hyphenated compounds (volunteer-run, drop-off, family-owned): after any word, a
# hyphen at a line end before one of them is the compound's own (fire- / wood is not)
# (a first word of four letters or more: be- / long, cal- / led are one word's syllables)
COMPOUND_TAILS_RE = regex.compile(r"(?:run|off|known|based|term|owned|made|free|wide|up|style|level|scale|class|"
                                  r"size|related|friendly|driven|funded|sponsored|backed|proof|minded|oriented)\b")
COMPOUND_HEAD_MIN = 4
SUFFIX_RE = regex.compile(r"(?:er|ers|ered|ering|est|ly|ness|ing|ings|ed|s|es|ment|ments|ful|less|ward|wards|"
                          r"ship|ish|y|age|ages|en|ened|ening|ens)\b")
WORD_BEFORE_HYPHEN_RE = regex.compile(r"(?<![\w-])([A-Za-z][a-z]*)-$")


def _compound(left: str, right: str) -> bool:
    m = WORD_BEFORE_HYPHEN_RE.search(left)
    return bool(m) and (m.group(1).lower() in COMPOUND_HEADS and not SUFFIX_RE.match(right)
                        or len(m.group(1)) >= COMPOUND_HEAD_MIN and bool(COMPOUND_TAILS_RE.match(right)))


def _last_letter(a: str) -> str:
    """Chinese text often uses ASCII punctuation ("招聘会," + "86家"): judge a seam by the last
    letter or digit among the last four characters (else the last character)."""
    return next((ch for ch in reversed(a[-4:]) if ch.isalnum()), a[-1])


def visible_at_most(text: str, n: int) -> bool:
    """len(strip_ws(text)) <= n, without stripping a long paragraph whole: its first 2n+2
    characters nearly always hold more than n visible ones already."""
    if len(text) <= n:
        return True
    return len(strip_ws(text[:2 * n + 2])) <= n and len(strip_ws(text)) <= n
