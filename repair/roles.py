"""What a line or paragraph is, by its form: heading, byline, credit, signature, list item, body…

Roles decide what may be joined: only body text is ever continued across a break.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .textutil import SENTENCE_PUNCT_RE, ends_sentence, strip_ws, visible_at_most

# Markdown-marked headings: "# 标题", "**小标题**"
MD_HEADING_RE = regex.compile(r"^\s*(#{1,6}\s|\*\*[^*].*\*\*\s*$)")
# Dateline openers that start an article's lead paragraph: 本报讯 / 康巴什讯 / 本报乌海4月12日电 / 新华社…电
LEAD_RE = regex.compile(
    r"^\s*[□■]?\s*(本报(综合消息|讯|\p{Han}{0,6}\d{1,2}月\d{1,2}日电)|\p{Han}{2,6}讯\s|新华社|据\p{Han}{2,6}报道|（上接第.版）|\(上接第.版\))"
    r"|^\s*[A-Z][A-Z .'-]{2,30}(,\s*[A-Z][a-z]+\.? \d{1,2})?\s*(--|—|–)\s")   # ORDOS, April 12 -- …
# A lead that opens on the reporters' names: "本报融媒记者赵柔 张佳荣 6月13日,…"
REPORTER_LEAD_RE = regex.compile(r"^\s*(本报融媒记者|本报记者|市融媒体中心记者|融媒记者)")
# The author's mark of a feature or a poem (文/, 图/, 撰文：): a byline that opens no lead
AUTHOR_MARK = r"^\s*(?:文/图\s*[:：]?|(?:文图|撰文|文|图)\s*[/／:：])"
# A byline or reporter line: □王雪艳 / 市融媒体中心记者 赵柔樾 刘鹏 / 本报记者 王塔娜
BYLINE_RE = regex.compile(
    r"^\s*([□■]\s*\S|(\p{Han}{0,8}(记者|通讯员|见习记者|特约撰稿人|融媒记者)\s*\p{Han}{2,4}(\s+\p{Han}{2,4})*)$"
    r"|((本报|市融媒体中心|奔腾融媒)?\p{Han}{0,4}记者[\s\p{Han}]{2,30}$))"
    # English: "By JANE DOE", "By Wang Yunfei and Li Na"; a pull quote's "— Marcus Lee"
    r"|^\s*(By|[—–])\s+[A-Z][\w.'’-]+((\s+|\s*,\s*|\s+and\s+)[A-Z][\w.'’-]+){0,4}\s*$"
    # a feature's or a poem's: 文/孙雅琴, 文/图 李明, 撰文：王芳
    rf"|{AUTHOR_MARK}\s*\p{{Han}}{{2,4}}(\s+\p{{Han}}{{2,4}}){{0,3}}\s*$")
AUTHOR_MARK_RE = regex.compile(AUTHOR_MARK)
# Only names: "王云飞 陈思宇", "梁卉 张丽兰", "范培超"
NAMES_RE = regex.compile(r"^\s*\p{Han}{2,4}(\s+\p{Han}{2,4}){0,4}\s*$")
# (and an English one: COURIER PHOTO / DALE WHITAKER, Photo by Sam Lee, STAFF PHOTO)
CREDIT_RE = regex.compile(r"(\s摄|摄影报道|摄影|供图|图片来源.*|制图.*)\s*$"
                          r"|^\s*(?:[A-Z][A-Z'’.&-]*\s+)*PHOTO(?:S|GRAPH)?(?:\s*/\s*[A-Z][A-Z'’.\s-]+)?\s*$"
                          r"|^\s*(?:Staff\s+)?Photos?\s+by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*$")
SIGNATURE_RE = regex.compile(r"^\s*[（(][^（()）]{1,16}[）)]\s*$"
                             # a letter's, after a dash: ——读者 张立新, ——居民 赵秀兰, ——王芳
                             r"|^\s*[—－]{1,2}\s*(?:(?:读者|居民|村民|市民|网友|作者|家长|学生|患者)\s*)?\p{Han}{2,4}\s*$")
CONTINUED_RE = regex.compile(r"^\s*[（(](上接|下转)第.{1,3}版[）)]\s*$")
# (an item's number may be followed by a date or a bus route, no decimal: 1.3月8日上午…, 1.3路：…;
# a calendar's, led by their date: "Tuesday, June 17: Planning Commission…"; and a programme's items, led by their time: "10 a.m. — Craft and farm market opens", "Noon — …")
LIST_RE = regex.compile(
    r"^\s*(\d{1,3}(?:[.．](?!\d)|[.．](?=\d{1,2}(?:月|路))|[、)）])\s*\S|[（(][\d一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[-*•·●◆▲]\s|[①-⑳]"
    r"|(?:\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.)|Noon|Midnight)\s*[—–-]\s"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*:)")
# (…：0471-4819165, and office hours: 周六上午：9:00—12:00, and a page's staff: 责任编辑：王芳 美编：李想)
CONTACT_RE = regex.compile(r"(电话|邮箱|信箱|传真|网址|地址|地点|邮编|时间|方式|编辑|美编|校对)\s*[:：]|[:：]\s*[\d\-+()（）:—–~～]{5,}|https?://|@\w")
# A speaker of an interview or a Q&A (记者：…, 张局长：…, 问：…): each turn is a paragraph
SPEAKER_RE = regex.compile(r"^\s*(?:记者|问|答|主持人|\p{Han}{1,3}(?:局长|书记|主任|市长|县长|区长|镇长|院长|校长|经理|"
                           r"董事长|教授|专家|负责人|代表|委员|所长|站长|队长|老师|师傅))\s*[：:]")
STAFF_LINE_RE = regex.compile(r"^\s*(责任编辑|责编|编辑|美编|校对|审核|版式设计)\s*[:：]")   # 责任编辑：王芳 美编：李想
# The page's furniture above its first article: the page's name over its date and editors
# (经济·民生 / 2026年5月14日　星期四　责任编辑：苏 文 / 2025年9月24日 星期三 第3版 县域新闻)
EDITOR_LABELS = "责任编辑|责编|美术编辑|版式设计"
PAGE_HEADER_RE = regex.compile(rf"星期[一二三四五六日天]|{EDITOR_LABELS}|第\s*\d{{1,2}}\s*版")
MD_TABLE_ROW_RE = regex.compile(r"^\|.*\|$")      # a Markdown table's row: | 指标 | 1—5月 | 同比增长 |
TABLE_GAP_RE = regex.compile(r"\t| {2,}|\u3000{2,}")   # columns of a table are set apart by wide gaps


DIGIT_COMMA_RE = regex.compile(r"(?<=\d),(?=\d)")
NON_COMMA_PUNCT_RE = regex.compile(r"[，；;。！？!?]")
# no headline ends on an article, a conjunction or a preposition (…the market will also host a)
CLAUSE_TAIL_WORDS = frozenset("a an the and or but of to for with in on at by from as that".split())
TITLE_CLAUSES_CAPS = 0.9     # share of words of 4+ letters capitalised in a headline with a comma
SENTENCE_CASE_HEADLINE_MAX = 60   # characters
CLAUSE_END_CHARS = frozenset("，,；;、")
HEADLESS_END_CHARS = CLAUSE_END_CHARS | frozenset("：:")   # no headline ends on these
LATIN_WORD_RE = regex.compile(r"[A-Za-z][\w'’-]*")


def is_heading_like(text: str) -> bool:
    """Short, no clause punctuation, no sentence end: a headline, kicker, column name or caption."""
    t = text.strip()
    if MD_HEADING_RE.match(t):
        return True
    if t[:1] == "|" and MD_TABLE_ROW_RE.match(t):
        return False
    if len(t) > 80 and not visible_at_most(t, 80):
        return False          # too long for either test below (a paragraph), without reading it all
    words = LATIN_WORD_RE.findall(t)
    if len(words) >= 4 and len(" ".join(words)) > 0.6 * len(t):
        # Latin text: a headline is short and mostly capitalised ("Mayor Opens New Bridge")
        caps = sum(w[0].isupper() for w in words if len(w) > 3) / max(1, sum(len(w) > 3 for w in words))
        plain = DIGIT_COMMA_RE.sub("", t)       # "8,125 Water Birds" is no clause
        if len(t) > 80 or ends_sentence(t) or t[-1] in HEADLESS_END_CHARS:
            return False
        if SENTENCE_PUNCT_RE.search(plain[:-1]):
            # a Title Case headline of two clauses keeps its comma ("Hawks Hold Off Lincoln, Reach
            # Sectional Final"); a line of prose has lower-case words after one
            # (nor a list of names: Mayor Jim Holt, Council Member Rosa Diaz and Fire Chief Dan Kerr)
            return caps >= TITLE_CLAUSES_CAPS and not NON_COMMA_PUNCT_RE.search(plain[:-1]) \
                and all(part[:1].isupper() for part in plain.split(", ")[1:]) and ", " in plain \
                and " and " not in plain
        # title case, or a sentence-case headline: short, capitalised, no clause ("Storm rally past
        # Lakers in overtime thriller"). A line of wrapped prose can look the same ("The city
        # council met late on Tuesday to discuss"): broken-wrap joins it anyway when the next line
        # goes on in lower case, and judges lines inside a column by the column, not by this
        return caps >= 0.6 or (len(t) <= SENTENCE_CASE_HEADLINE_MAX and t[0].isupper() and len(words) >= 4
                               and words[-1].lower() not in CLAUSE_TAIL_WORDS)
    core = strip_ws(t)
    # 80: a headline without any punctuation runs to 60+ characters (seed 002 line 9: 57 characters);
    # none stops on a comma (…其他垃圾四类, is a clause cut at a page break) or a colon (…如下:)
    return 0 < len(core) <= 80 and not SENTENCE_PUNCT_RE.search(core[:-1] if core else core) \
        and core[-1] not in HEADLESS_END_CHARS and not ends_sentence(t)


LABEL_LINE_RE = regex.compile(r"^\s*[^，,。：:；;\s]{1,8}[：:]\s*\S")


def labelled_lines(texts: list[str]) -> bool:
    """Three or more lines, each a label and its value (一等奖：张华、李明… / 二等奖：…; 时间：… /
    地点：…): a list, whatever its widths."""
    return len(texts) >= 3 and all(LABEL_LINE_RE.match(t) for t in texts)


def table_rows(texts: list[str]) -> bool:
    """Three or more rows of a table set with single spaces ("石门口 Ⅲ类 Ⅲ类 Ⅱ类"): every line
    has as many space-separated cells as the first, three or more, and none is a sentence."""
    if len(texts) < 3 or len(texts[0].split(maxsplit=2)) < 3:
        return False          # most blocks: the first line is no row of three cells
    cells = {len(t.split()) for t in texts}
    if len(cells) != 1 or cells.pop() < 3 or any(SENTENCE_PUNCT_RE.search(t) or ends_sentence(t) for t in texts):
        return False
    # cells of a table are figures or CJK words; lines of English prose have as many words by chance
    tokens = [c for t in texts for c in t.split()]
    return sum(1 for c in tokens if any(ch.isdigit() for ch in c) or not c.isascii()) >= 0.5 * len(tokens)


@lru_cache(maxsize=1 << 16)
def role(text: str) -> str:
    """Role of a paragraph (or of a standalone line)."""
    t = text.strip()
    if not t:
        return "blank"
    if MD_HEADING_RE.match(t):
        return "heading"
    if MD_TABLE_ROW_RE.match(t):
        return "table"
    if CONTINUED_RE.match(t):
        return "continued"
    if SIGNATURE_RE.match(t):
        return "signature"
    if LIST_RE.match(t):
        return "list"
    if LEAD_RE.match(t):
        return "lead"
    # (a photo's credit names its reporter as a byline does, 本报记者 林晓 摄: the credit first)
    if len(t) <= 40 and CREDIT_RE.search(t) and "，" not in t:
        return "credit"        # (not a line of prose ending on 摄影: 本报记者从县文联获悉，首届乡村摄影)
    if len(t) <= 40 and BYLINE_RE.match(t):      # (the length first: most paragraphs are longer)
        return "byline"
    if REPORTER_LEAD_RE.match(t) and SENTENCE_PUNCT_RE.search(t):
        return "lead"
    if len(t) <= 80 and CONTACT_RE.search(t):
        return "contact"
    if len(TABLE_GAP_RE.findall(t)) >= 2 and not SENTENCE_PUNCT_RE.search(t):
        return "table"
    if NAMES_RE.match(t) and len(strip_ws(t)) <= 16:
        return "names"
    if is_heading_like(t):
        return "heading"
    return "body"


# Cheap pre-tests for a role, run before role() itself (its dozen patterns read the whole text):
# each is a condition role() (and is_heading_like) requires for that role - keep them in step
# (tests/test_roles.py checks them against role() on every line of the seeds and fixtures).

# Sentence punctuation that a heading never has before its last character (is_heading_like,
# which also wants no sentence end; an ASCII comma may stand between digits: "8,125 Water Birds")
INNER_SENTENCE_PUNCT_RE = regex.compile(r"[，；;。！？!?]")


PAGE_HEADER_MAX = 50   # characters
HEADER_DATE_RE = regex.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}")
EDITOR_LABEL_RE = regex.compile(rf"(?:{EDITOR_LABELS})\s*[:：]?\s*\p{{Han}}")


def is_page_header(text: str) -> bool:
    """A page's header line, its date with the weekday or the page's number (2025年9月24日 星期三
    第3版 县域新闻): no line of prose, whatever its width; it neither goes on nor is gone on into."""
    t = text.strip()
    # (every match holds 星期, 版 or 编: most lines are decided by three substring tests; and a
    # date with its weekday or page, or an editor's label: 星期三下午上门为独居老人理发、量 is prose)
    # (an editor's label is one of PAGE_HEADER_RE's own matches)
    return len(t) <= PAGE_HEADER_MAX and ("星期" in t or "版" in t or "编" in t) \
        and not SENTENCE_PUNCT_RE.search(t) and "、" not in t \
        and (bool(HEADER_DATE_RE.search(t) and PAGE_HEADER_RE.search(t)) or bool(EDITOR_LABEL_RE.search(t)))


def may_be_heading(text: str) -> bool:
    """False when role(text) cannot be "heading": a line of running text says so by a comma or a
    full stop, without running role()'s dozen patterns."""
    t = text.strip()
    return bool(MD_HEADING_RE.match(t)) or \
        not (INNER_SENTENCE_PUNCT_RE.search(t, 0, len(t) - 1) or ends_sentence(t))


def is_lead(text: str) -> bool:
    """role(text) == "lead", with role() run only on text that opens like a lead (a dateline or the
    reporters): body paragraphs, most of a page, leave at two anchored matches."""
    t = text.strip()
    return bool(LEAD_RE.match(t) or REPORTER_LEAD_RE.match(t)) and role(t) == "lead"


def opens_article(text: str) -> bool:
    """role(text) is "lead" or "byline", tested as cheaply as is_lead (a byline is at most 40 characters)."""
    t = text.strip()
    return is_lead(t) or (len(t) <= 40 and bool(BYLINE_RE.match(t)) and role(t) == "byline")


# A column name (kicker) by the nouns newspapers name their columns with (文化视点, 基层治理新观察,
# 优化营商环境进行时, 局长访谈, 基层动态). Not 一线, 现场, 周末, nor 聚焦…/关注…: ordinary headline words
# (坚守防汛一线 守护万家平安, 聚焦主责主业 推动高质量发展 are one headline each).
COLUMN_WORDS = "动态|传真|扫描|短评|评论|视点|观察|新观察|进行时|关注|速递|快讯|简讯|纪实|时评|看台|走笔|特写|面对面|在行动|新气象|新风貌|访谈|专访|说法"
COLUMN_NAME = rf"(?:\p{{Han}}{{0,7}}(?:{COLUMN_WORDS}))"
COLUMN_NAME_RE = regex.compile(rf"^\s*(?:#{{1,6}}\s+)?{COLUMN_NAME}\s*$")


# Roles after which a text never continues on the next line.
CLOSED_ROLES = frozenset({"heading", "byline", "credit", "signature", "continued", "contact", "table", "names", "list"})
def closed_by_role(last_line: str, wrapped_on: bool) -> bool:
    """Does a paragraph's last line close it by its role (a credit, a contact line)? Not a line
    the column wraps onto (…进一步拓宽非遗 / 传承, …背起装着国徽、法): it reads like a headline or
    a name by chance."""
    return not wrapped_on and role(last_line) in CLOSED_ROLES


# Roles that start something new: a line of these never continues the text before it.
OPENING_ROLES = frozenset({"heading", "byline", "credit", "signature", "lead", "continued", "list", "contact", "table", "names"})
