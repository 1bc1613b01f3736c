"""The cheap pre-tests that detectors run before role() must never disagree with role() itself."""
import glob
import os

from hypothesis import given, settings, strategies as st

from repair.roles import is_lead, may_be_heading, opens_article, role
from repair.textutil import strip_ws, visible_at_most
from conftest import ROOT

FILES = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")) + glob.glob(os.path.join(ROOT, "fixtures", "**", "*.txt"),
                                                                          recursive=True))
LINES = sorted({line for path in FILES for line in open(path, encoding="utf-8").read().splitlines() if line.strip()})
# the shapes the pre-tests look at: datelines, bylines, headlines, Latin headlines, commas between digits
PIECES = ["本报讯", "康巴什讯 ", "新华社", "本报记者 王塔娜", "□王雪艳", "# ", "**", "记者", "摄", "8,125", "Water Birds",
          "ORDOS, April 12 -- ", "，", "。", "!", "?", ",", " ", "\u3000", "（上接第一版）", "市中心医院", "让医疗服务"]


def _agree(text: str) -> None:
    r = role(text)
    if r == "heading":
        assert may_be_heading(text), text
    assert is_lead(text) == (r == "lead"), text
    assert opens_article(text) == (r in ("lead", "byline")), text


def test_pre_tests_agree_with_role_on_every_line_of_the_data():
    assert len(LINES) > 1000
    for line in LINES:
        _agree(line)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=8).map("".join))
def test_pre_tests_agree_with_role_on_made_up_lines(text):
    _agree(text)


@given(st.text(max_size=120), st.integers(0, 90))
def test_visible_at_most_is_a_count_of_visible_characters(text, n):
    assert visible_at_most(text, n) == (len(strip_ws(text)) <= n)
