"""What the blind-set tests ask of a page: the findings at a line, and the text fixed."""
import os

from repair import check, fix_text

PAGES = os.path.join(os.path.dirname(__file__), "..", "fixtures", "pages")


def fixed(text, unsafe=False):
    result = fix_text(text, unsafe=unsafe)
    assert not result.errors, result.errors
    return result.text


def kinds_at(text, line):
    """(kind, variant) of every finding whose lines include `line` (1-based)."""
    return {(f.kind, f.variant) for f in check(text).findings if f.line <= line <= f.end_line}


def made_page(name):
    """The original text of the made page fixtures/pages/NAME.txt."""
    with open(os.path.join(PAGES, name + ".txt"), encoding="utf-8") as fh:
        return fh.read()
