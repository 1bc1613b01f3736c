"""Checks on the labelled test data itself (fixtures/cases and fixtures/generate.py), not on the tool.

- every case has labels in the SPEC format, pointing at non-blank lines in range;
- an .out.txt differs from its .in.txt only by whitespace, deleted duplicates and moved text
  (non-whitespace characters: out is a sub-multiset of in, and equal unless a duplicate is labelled);
- where the labels are all "simple" (joins, splits, whole-paragraph or back-to-back duplicates,
  truncations), applying them mechanically to .in.txt gives .out.txt exactly;
- the generator is deterministic, labels exactly the damage it made, and its expected text differs
  from the damaged text only by whitespace / duplicates / moves.

Extra clean pages for the generator checks: REPAIR_CLEAN_PAGES=dir1:dir2 (e.g. the shared gold
pages) and fixtures/seeds/*.gold.txt when they exist.
"""
from __future__ import annotations

import difflib
import importlib.util
import json
import os
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fixtures.generate import join_seam  # noqa: E402  (the data side's one join rule)

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "fixtures" / "cases"
KINDS = ("broken-wrap", "duplicate-paragraph", "truncated-sentence", "fused-headline")
VARIANTS = {
    "broken-wrap": {None, "split"},
    "duplicate-paragraph": {None, "sentence"},
    "truncated-sentence": {"end", "start", "displaced"},
    "fused-headline": {None},
}
SIMPLE = {("broken-wrap", None), ("broken-wrap", "split"), ("duplicate-paragraph", None),
          ("duplicate-paragraph", "sentence"), ("truncated-sentence", "end"), ("truncated-sentence", "start")}
MOVES = {("fused-headline", None), ("truncated-sentence", "displaced")}
SENT_END = "。！？!?…."
CLOSERS = "”’」』）)】》\"'"


# ---------------------------------------------------------------- referee helpers

def is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF


def han_ratio(s: str) -> float:
    letters = [c for c in s if c.isalnum()]
    return sum(map(is_han, letters)) / len(letters) if letters else 0.0


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def ends_sentence(s: str) -> bool:
    import re
    s = re.sub(r"[（(][^（）()]{1,15}[）)]$", "", s.rstrip()).rstrip().rstrip(CLOSERS)
    return bool(s) and s[-1] in SENT_END


def nonws(s: str) -> Counter:
    return Counter(c for c in s if not c.isspace())


def remove_repeat(line: str) -> str | None:
    """`line` with a unit repeated back-to-back (x x or x␣x, len(x) >= 4) reduced to one copy,
    repeatedly; None if there is no such repeat."""
    changed = False
    while True:
        found = None
        for size in range(len(line) // 2, 3, -1):
            for st in range(0, len(line) - 2 * size + 1):
                x = line[st:st + size]
                if x.strip() != x:
                    continue
                if line.startswith(x, st + size):
                    found = (st + size, st + 2 * size)
                elif line[st + size:st + size + 1] == " " and line.startswith(x, st + size + 1):
                    found = (st + size, st + 2 * size + 1)
                if found:
                    break
            if found:
                break
        if not found:
            return line if changed else None
        line = line[:found[0]] + line[found[1]:]
        changed = True


def apply_simple_labels(text: str, labels: list[dict]) -> str | None:
    """Apply labels mechanically: join broken wraps, insert blank lines at splits, delete labelled
    duplicate paragraphs and repeats; truncations stay. None if a label is not of SIMPLE kind."""
    if any((a["kind"], a.get("variant")) not in SIMPLE for a in labels):
        return None
    trailing = text.endswith("\n")
    lines = text[:-1].split("\n") if trailing else text.split("\n")
    rows = [[n + 1, line] for n, line in enumerate(lines)]
    blank_doc = any(not line.strip() for line in lines)

    def at(no: int) -> int:
        return next(i for i, r in enumerate(rows) if r[0] == no)

    for a in sorted(labels, key=lambda a: -a["line"]):
        kv = (a["kind"], a.get("variant"))
        i = at(a["line"])
        if kv == ("broken-wrap", None):
            p = i - 1
            while p >= 0 and not rows[p][1].strip():
                p -= 1
            rows[p][1] = join_seam(rows[p][1], rows[i][1])
            del rows[p + 1:i + 1]
        elif kv == ("broken-wrap", "split"):
            rows.insert(i, [None, ""])
        elif kv == ("duplicate-paragraph", None):
            if not blank_doc:
                del rows[i]
                continue
            j = i
            while j + 1 < len(rows) and rows[j + 1][1].strip():
                j += 1
            s = i
            while s > 0 and not rows[s - 1][1].strip():
                s -= 1
            if s == 0:
                while j + 1 < len(rows) and not rows[j + 1][1].strip():
                    j += 1
            del rows[s:j + 1]
        elif kv == ("duplicate-paragraph", "sentence"):
            new = remove_repeat(rows[i][1])
            if new is None:
                return None
            rows[i][1] = new
    return "\n".join(r[1] for r in rows) + ("\n" if trailing else "")


def load_generator():
    spec = importlib.util.spec_from_file_location("fixture_generate", ROOT / "fixtures" / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["fixture_generate"] = mod
    spec.loader.exec_module(mod)
    return mod


# ---------------------------------------------------------------- the label checks (shared)

def blocks(text: str) -> list[tuple[int, str]]:
    """(first line, text joined as one paragraph) of each blank-line block; each line is a block
    in a document without blank lines."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines = lines[:-1]
    if all(l.strip() for l in lines):
        return [(k + 1, l.strip()) for k, l in enumerate(lines)]
    out, start, cur = [], None, ""
    for k, l in enumerate(lines + [""]):
        if l.strip():
            if start is None:
                start, cur = k + 1, l.strip()
            else:
                cur = join_seam(cur, l)
        elif start is not None:
            out.append((start, cur))
            start = None
    return out


def check_labels(text: str, labels: list[dict], out: str | None, where: str) -> None:
    """Labels in range, on non-blank lines, and pointing at the damage they name."""
    lines = text.split("\n")
    n = len(lines) - (1 if text.endswith("\n") else 0)
    out_lines = [l.strip() for l in (out or text).split("\n")]
    for a in labels:
        assert set(a) <= {"kind", "variant", "line", "of_line", "fragment_line", "note", "ambiguous"}, (where, a)
        kind, variant, L = a["kind"], a.get("variant"), a["line"]
        assert kind in VARIANTS and variant in VARIANTS[kind], (where, a)
        assert isinstance(L, int) and 1 <= L <= n, (where, a)
        for key in ("of_line", "fragment_line"):
            if key in a:
                assert 1 <= a[key] <= n and lines[a[key] - 1].strip(), (where, a)
        cur = lines[L - 1]
        assert cur.strip(), f"{where}: label on a blank line {a}"
        prev = next((lines[k] for k in range(L - 2, -1, -1) if lines[k].strip()), None)
        if kind == "broken-wrap":
            assert prev is not None, (where, a)
            if out is not None and variant is None:
                seam = join_seam(prev.rstrip()[-10:], cur.lstrip()[:10])
                assert seam in out, f"{where}: line {L} joined to the line before ({seam!r}) is not in the output"
            if out is not None and variant == "split":
                assert any(l.startswith(cur.strip()[:12]) for l in out_lines), (where, a)
                assert any(l.endswith(prev.strip()[-8:]) for l in out_lines), (where, a)
        elif kind == "duplicate-paragraph" and variant == "sentence":
            assert remove_repeat(cur) is not None, f"{where}: line {L} has no back-to-back repeat"
        elif kind == "duplicate-paragraph":
            paras = blocks(text)
            copy = next(t for first, t in paras if first == L)
            others = [t for first, t in paras if first != L]
            assert any(p == copy or p.startswith(copy[:20]) or copy.startswith(p[:20])
                       or difflib.SequenceMatcher(None, p, copy).ratio() > 0.6 for p in others), \
                f"{where}: nothing that line {L} duplicates"
        elif kind == "truncated-sentence" and variant == "end":
            assert "\ufffd" in cur or not ends_sentence(cur), f"{where}: line {L} ends a sentence"
        elif kind == "truncated-sentence" and variant == "displaced":
            frag = lines[a["fragment_line"] - 1]
            joined = join_seam(cur.rstrip()[-10:], frag.lstrip()[:10])
            joined_rev = join_seam(frag.rstrip()[-10:], cur.lstrip()[:10])
            assert out is not None and (joined in out or joined_rev in out), f"{where}: fragment not rejoined {a}"
        elif kind == "fused-headline":
            assert any(x and x in cur.strip() and display_width(x) <= 90 for x in out_lines), \
                f"{where}: no headline of line {L} stands on its own line in the output"


def check_difference(text: str, out: str, labels: list[dict], where: str) -> None:
    """out differs from text only by whitespace, deleted duplicates and moved text."""
    kinds = {(a["kind"], a.get("variant")) for a in labels}
    a, b = nonws(text), nonws(out)
    assert not (b - a), f"{where}: output has characters the input lacks: {dict(b - a)}"
    removed = a - b
    if not any(k == "duplicate-paragraph" for k, _ in kinds):
        hyphens = sum(1 for x in labels if x["kind"] == "broken-wrap")
        assert set(removed) <= {"-"} and removed["-"] <= hyphens, f"{where}: text lost: {dict(removed)}"
    if kinds <= SIMPLE:
        assert apply_simple_labels(text, labels) == out, f"{where}: applying the labels does not give the output"


# ---------------------------------------------------------------- hand-made cases

def case_files() -> list[Path]:
    return sorted(CASES.glob("*/*.in.txt"))


def load_case(path: Path):
    stem = path.name[: -len(".in.txt")]
    labels_path = path.with_name(stem + ".labels.json")
    out_path = path.with_name(stem + ".out.txt")
    text = path.read_text(encoding="utf-8")
    labels = json.loads(labels_path.read_text(encoding="utf-8"))["artifacts"] if labels_path.exists() else None
    out = out_path.read_text(encoding="utf-8") if out_path.exists() else None
    return text, labels, out


CASE_PARAMS = [pytest.param(p, id=f"{p.parent.name}/{p.name[:-7]}") for p in case_files()]


def test_case_tree_is_well_formed():
    assert CASES.is_dir()
    dirs = {p.name for p in CASES.iterdir() if p.is_dir()}
    assert dirs == set(KINDS) | {"clean"}, dirs
    for p in CASES.rglob("*"):
        if p.is_file():
            assert p.name.endswith((".in.txt", ".out.txt", ".labels.json")), p
            stem = p.name.rsplit(".", 2)[0]
            assert p.with_name(stem + ".in.txt").exists(), f"{p} has no .in.txt"


@pytest.mark.parametrize("path", CASE_PARAMS)
def test_case_labels(path):
    text, labels, out = load_case(path)
    where = f"{path.parent.name}/{path.name}"
    assert labels is not None, f"{where} has no labels.json"
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    folder = path.parent.name
    if folder == "clean":
        assert labels == [] and out is None, f"{where}: a clean case has no artifacts and no .out.txt"
    else:
        assert any(a["kind"] == folder for a in labels), f"{where}: no {folder} artifact"
    if out is None:
        assert all((a["kind"], a.get("variant")) in {("truncated-sentence", "end"), ("truncated-sentence", "start")}
                   for a in labels), f"{where}: labels that change the text but no .out.txt"
    else:
        assert out != text and out.endswith("\n")
        assert "\n\n\n" not in out and all(l == l.rstrip() for l in out.split("\n"))
    check_labels(text, labels, out, where)


@pytest.mark.parametrize("path", [p for p in CASE_PARAMS if p.values[0].with_name(
    p.values[0].name[:-7] + ".out.txt").exists()])
def test_case_output_is_the_input_rearranged(path):
    text, labels, out = load_case(path)
    check_difference(text, out, labels, f"{path.parent.name}/{path.name}")


def test_case_counts():
    per = {k: Counter() for k in KINDS + ("clean",)}
    variants = Counter()
    for p in case_files():
        text, labels, _ = load_case(p)
        lang = "en" if han_ratio(text) < 0.3 else "zh"
        per[p.parent.name][lang] += 1
        for a in labels:
            variants[(a["kind"], a.get("variant"))] += 1
    for kind in KINDS:
        assert sum(per[kind].values()) >= 12 and per[kind]["en"] >= 2, (kind, per[kind])
        for v in VARIANTS[kind]:
            assert variants[(kind, v)] >= 1, (kind, v)
    assert sum(per["clean"].values()) >= 12 and per["clean"]["en"] >= 2, per["clean"]


# ---------------------------------------------------------------- the generator

def clean_pages() -> dict[str, str]:
    """Clean pages for the generator: the hand-made clean texts and repaired outputs, pooled by
    language into two pages, plus any REPAIR_CLEAN_PAGES / fixtures/seeds gold pages."""
    pools: dict[str, list[str]] = {"zh": [], "en": []}
    for p in case_files():
        text, labels, out = load_case(p)
        page = out if out is not None else (text if not labels else None)
        if page and "\n\n" in page:
            pools["en" if han_ratio(page) < 0.3 else "zh"].append(page.strip("\n"))
    pages = {f"fixtures-{k}": "\n\n".join(v) + "\n" for k, v in pools.items() if v}
    dirs = [ROOT / "fixtures" / "seeds"] + [Path(d) for d in os.environ.get("REPAIR_CLEAN_PAGES", "").split(":") if d]
    for d in dirs:
        for f in sorted(d.glob("*.gold.txt")) if d.is_dir() else []:
            pages[f.name[: -len(".gold.txt")]] = f.read_text(encoding="utf-8")
    return pages


@pytest.fixture(scope="module")
def gen():
    return load_generator()


@pytest.fixture(scope="module")
def generated(gen):
    return gen.generate_cases(clean_pages(), seed=1, per_page=3)


def test_generator_is_deterministic(gen):
    pages = clean_pages()
    a = gen.generate_cases(pages, seed=7, per_page=2)
    b = gen.generate_cases(pages, seed=7, per_page=2)
    c = gen.generate_cases(pages, seed=8, per_page=2)
    key = lambda cs: [(x.name, x.damaged, x.labels, x.expected) for x in cs]
    assert key(a) == key(b)
    assert key(a) != key(c)


def test_generator_uses_every_operation(gen, generated):
    used = Counter(op for c in generated for op in c.ops)
    assert set(used) == set(gen.OPS), set(gen.OPS) - set(used)
    kinds = Counter((a["kind"], a["variant"]) for c in generated for a in c.labels)
    for kind, vs in VARIANTS.items():
        for v in vs:
            assert kinds[(kind, v)], (kind, v)


def test_generated_labels_point_at_the_damage(gen, generated):
    for c in generated:
        lines = c.damaged.split("\n")
        check_labels(c.damaged, c.labels, c.expected, c.name)
        clean_blocks = c.clean.strip("\n").split("\n\n")
        for a in c.labels:
            cur = lines[a["line"] - 1]
            prev = next((lines[k] for k in range(a["line"] - 2, -1, -1) if lines[k].strip()), "")
            kv = (a["kind"], a["variant"])
            if kv == ("broken-wrap", "split"):
                assert prev.rstrip()[-8:] + "\n\n" + cur.lstrip()[:8] in c.expected, (c.name, a)
            elif kv == ("truncated-sentence", "end"):
                stem = cur.rstrip("\ufffd")
                assert any(b.startswith(stem) and len(b) > len(stem) for b in clean_blocks), (c.name, a)
            elif kv == ("truncated-sentence", "start"):
                assert any(b.endswith(cur) and len(b) > len(cur) for b in clean_blocks), (c.name, a)
            elif kv == ("duplicate-paragraph", None):
                orig = lines[a["of_line"] - 1]
                assert orig in clean_blocks and a["of_line"] != a["line"]
                assert orig.startswith(cur) or difflib.SequenceMatcher(None, orig, cur).ratio() > 0.8, (c.name, a)
            elif kv == ("fused-headline", None):
                heads = [b for b in clean_blocks if gen.classify(b) == "headline" and b in cur]
                assert heads, (c.name, a)
                if cur == heads[0]:  # moved into a paragraph: the sentence it split is rejoined
                    nxt = next(l for l in lines[a["line"]:] if l.strip())
                    assert join_seam(prev[-10:], nxt[:10]) in c.expected, (c.name, a)


def test_generated_expected_is_the_damage_undone(generated):
    assert generated
    for c in generated:
        kinds = {(a["kind"], a["variant"]) for a in c.labels}
        check_difference(c.damaged, c.expected, c.labels, c.name)
        if not any(k == "truncated-sentence" and v in ("end", "start") for k, v in kinds):
            assert c.expected == c.clean, c.name
        if kinds <= SIMPLE:
            assert apply_simple_labels(c.damaged, c.labels) == c.expected, c.name


def test_generator_cli_writes_cases(gen, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name, text in clean_pages().items():
        (src / (name if name.endswith(".txt") else name + ".gold.txt")).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert gen.main(["--from", str(src), "--out", str(out), "--seed", "1", "--per-page", "2"]) == 0
    written = sorted(out.glob("*.in.txt"))
    assert written
    for p in written:
        text, labels, expected = load_case(p)
        assert labels, p
        check_labels(text, labels, expected, p.name)
        if expected is not None:
            check_difference(text, expected, labels, p.name)
    assert gen.main(["--from", str(tmp_path / "missing"), "--out", str(out)]) == 2
