import glob
import os

import pytest

from repair import Edit, Fix, TextLossError, apply_edits, check, fix_text, verify
from repair.edits import select_fixes
from repair.model import Finding
from conftest import SEEDS


def test_apply_edits_from_the_back_keeps_offsets():
    assert apply_edits("ab\n\ncd\n\nef", [Edit(2, 4, ""), Edit(6, 8, "")]) == "abcdef"


def test_apply_edits_refuses_overlaps():
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(1, 4, ""), Edit(3, 5, "")])


def test_verify_accepts_whitespace_joins_and_refuses_lost_text():
    text = "切实以精准化考\n\n核推动工作提质。"
    join = Fix((Edit(7, 9, ""),), "join", True)
    verify(text, [join], apply_edits(text, join.edits))
    loss = Fix((Edit(5, 9, ""),), "drops 化考", True)
    with pytest.raises(TextLossError, match="loses|adds"):
        verify(text, [loss], apply_edits(text, loss.edits))


def test_verify_refuses_invented_text():
    text = "abc def"
    bad = Fix((Edit(3, 4, " and "),), "adds a word", True)
    with pytest.raises(TextLossError):
        verify(text, [bad], apply_edits(text, bad.edits))


def test_verify_accepts_a_move_and_a_real_duplicate_only():
    text = "Head\n\nBody one.\n\nBody one.\n"
    dup = Fix((Edit(15, 26, ""),), "delete copy", True, deletes=((15, 26, 6, 15),))
    verify(text, [dup], apply_edits(text, dup.edits))
    not_a_copy = Fix((Edit(0, 6, ""),), "delete head as if a copy", True, deletes=((0, 6, 6, 15),))
    with pytest.raises(TextLossError, match="not a copy"):
        verify(text, [not_a_copy], apply_edits(text, not_a_copy.edits))
    move = Fix((Edit(0, 6, ""), Edit(len(text), len(text), "\nHead\n")), "move head to the end", True)
    verify(text, [move], apply_edits(text, move.edits))


def test_verify_refuses_deleting_both_copies():
    text = "Body one is here.\n\nBody one is here.\n"
    first = Fix((Edit(0, 19, ""),), "delete first", True, deletes=((0, 19, 19, 36),))
    second = Fix((Edit(17, 36, ""),), "delete second", True, deletes=((17, 36, 0, 17),))
    with pytest.raises(TextLossError, match="kept .* deleted too"):
        verify(text, [first, second], apply_edits(text, [Edit(0, 36, "")]))


def test_select_fixes_prefers_confidence_and_never_overlaps():
    a = Finding("broken-wrap", None, 0, 2, 1, 1, "m", "w", 0.6, Fix((Edit(0, 2, ""),), "a", True))
    b = Finding("broken-wrap", None, 1, 3, 1, 1, "m", "w", 0.9, Fix((Edit(1, 3, ""),), "b", True))
    c = Finding("broken-wrap", None, 5, 6, 1, 1, "m", "w", 0.9, Fix((Edit(5, 6, ""),), "c", False))
    assert select_fixes([a, b, c]) == [b]
    assert select_fixes([a, b, c], unsafe=True) == [b, c]


SEED_FILES = sorted(glob.glob(os.path.join(SEEDS, "*.txt")))


@pytest.mark.parametrize("path", SEED_FILES, ids=[os.path.basename(p)[:3] for p in SEED_FILES])
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fix_on_seeds_adds_nothing_and_is_idempotent(path, unsafe):
    text = open(path, encoding="utf-8").read()
    once = fix_text(text, unsafe=unsafe)
    assert once.changed
    from collections import Counter
    strip = lambda s: Counter(ch for ch in s if not ch.isspace())
    assert not (strip(once.text) - strip(text))                     # no character added
    assert fix_text(once.text, unsafe=unsafe).text == once.text      # stable


def test_findings_are_explained_and_fixes_exact():
    text = open(os.path.join(SEEDS, "000_8924719f4df33d59.txt"), encoding="utf-8").read()
    for f in check(text).findings:
        assert f.message and f.why and 0 < f.confidence <= 1
        assert 1 <= f.line <= f.end_line <= text.count("\n") + 1
        if f.fix:
            for e in f.fix.edits:
                assert 0 <= e.start <= e.end <= len(text)


def test_clean_text_gets_no_edits():
    clean = ("# 我市1旗入选国家级优秀案例名单\n\n康巴什讯 日前,教育部组织开展了2025年全国青少年学生读书行动区域优秀案例征集活动,"
             "共99个案例入选,我市伊金霍洛旗成功入选。\n\n(教体轩)\n")
    assert check(clean).findings == []
    assert fix_text(clean, unsafe=True).text == clean


def test_one_check_finds_every_break_of_a_paragraph_cut_into_short_lines():
    # short pieces read as headlines on their own; once joined onto the paragraph before them
    # they are its continuation, so one check reports them all and fix needs one round
    text = ("Officials from the city transport bureau said on Monday that the new bridge over\n"
            "the river will open\nin May and carry\nfour lanes of traffic.\n\n"
            "The old ferry will stop running in June.\n")
    assert [f.line for f in check(text).findings] == [2, 3, 4]
    result = fix_text(text)
    assert result.text.startswith("Officials") and "bridge over the river will open in May and carry four" in result.text
    assert result.rounds == 2       # one round applies, the next finds nothing left
    assert fix_text(result.text).text == result.text


def test_select_fixes_sees_overlaps_among_many_chosen_edits():
    # a fix per line of a long page: the neighbour test must still refuse every overlap
    edits = [Edit(i * 10, i * 10 + 2, "") for i in range(200)]
    findings = [Finding("broken-wrap", None, e.start, e.end, i + 1, i + 1, "m", "w", 0.9, Fix((e,), "d", True))
                for i, e in enumerate(edits)]
    clash_inside = Finding("broken-wrap", None, 991, 991, 1, 1, "m", "w", 0.5, Fix((Edit(991, 991, " "),), "d", True))
    clash_span = Finding("broken-wrap", None, 1005, 1031, 1, 1, "m", "w", 0.5, Fix((Edit(1005, 1031, ""),), "d", True))
    touching = Finding("broken-wrap", None, 1002, 1010, 1, 1, "m", "w", 0.5, Fix((Edit(1002, 1010, ""),), "d", True))
    same_point = Finding("broken-wrap", None, 1995, 1995, 1, 1, "m", "w", 0.5, Fix((Edit(1995, 1995, "x"),), "d", True))
    chosen = select_fixes(findings + [clash_inside, clash_span, touching, same_point])
    assert clash_inside not in chosen and clash_span not in chosen
    assert touching in chosen and same_point in chosen
    assert len(chosen) == 202
