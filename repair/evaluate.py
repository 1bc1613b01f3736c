"""`repair eval`: precision/recall per kind on labelled data, and repair F1 on labelled pages.

Label sources (each optional):
- labelled pages: a directory of NAME.gold.txt + NAME.artifacts.json (the gold/SPEC.md format),
  the original NAME.txt looked up in seeds/ (or beside the labels);
- hand-made cases: fixtures/cases/<kind>/<case>.in.txt + .labels.json (+ .out.txt);
- generated cases: fixtures/generate.py applied to clean pages (the gold texts).
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from typing import Iterable

from .document import Document
from .engine import check, fix_text
from .metrics import PR, match_detections, repair_score
from .model import KINDS
from .settings import Settings


MADE_PAGES = os.path.join("fixtures", "pages")


def _findings(text: str, settings: Settings) -> list[dict]:
    return [{"kind": f.kind, "line": f.line, "end_line": f.end_line} for f in check(Document(text), settings).findings]


def page_sets(dirs: Iterable[str], seeds_dir: str) -> list[tuple[str, str, str, list[dict]]]:
    """(name, original text, gold text, artifacts) for every labelled page found."""
    out = []
    for d in dirs:
        for art_path in sorted(glob.glob(os.path.join(d, "*.artifacts.json"))):
            name = os.path.basename(art_path)[: -len(".artifacts.json")]
            gold_path = os.path.join(d, name + ".gold.txt")
            src = next((p for p in (os.path.join(seeds_dir, name + ".txt"), os.path.join(d, name + ".txt"))
                        if os.path.exists(p)), None)
            if not src or not os.path.exists(gold_path):
                continue
            with open(art_path, encoding="utf-8") as fh:
                arts = json.load(fh)["artifacts"]
            out.append((name, open(src, encoding="utf-8").read(), open(gold_path, encoding="utf-8").read(), arts))
    return out


def case_sets(cases_dir: str) -> list[tuple[str, str, list[dict], str | None]]:
    out = []
    for p in sorted(glob.glob(os.path.join(cases_dir, "**", "*.in.txt"), recursive=True)):
        base = p[: -len(".in.txt")]
        labels = base + ".labels.json"
        if not os.path.exists(labels):
            continue
        with open(labels, encoding="utf-8") as fh:
            arts = json.load(fh)["artifacts"]
        exp = base + ".out.txt"
        out.append((os.path.relpath(base, cases_dir), open(p, encoding="utf-8").read(), arts,
                    open(exp, encoding="utf-8").read() if os.path.exists(exp) else None))
    return out


def generated_cases(clean_dirs: list[str], seed: int = 1, per_page: int = 8) -> list:
    """Damage clean pages on purpose with fixtures/generate.py (labelled by construction)."""
    path = os.path.join("fixtures", "generate.py")
    if not os.path.exists(path):
        return []
    import importlib.util
    spec = importlib.util.spec_from_file_location("repair_fixture_generator", path)
    gen = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = gen
    spec.loader.exec_module(gen)
    texts = {}
    for d in clean_dirs:
        for p in sorted(glob.glob(os.path.join(d, "*.gold.txt"))):
            texts[os.path.basename(p)[: -len(".gold.txt")]] = open(p, encoding="utf-8").read()
    return gen.generate_cases(texts, seed=seed, per_page=per_page) if texts else []


def evaluate(label_dirs: list[str], seeds_dir: str, cases_dir: str, settings: Settings = Settings(),
             generated: bool = True, made_dirs: list[str] = ()) -> dict:
    """Detection and repair scores: the labelled seed pages ("pages"), pages made for the project
    ("made pages", from `made_dirs`), hand-made cases and generated damage."""
    result: dict = {"pages": [], "detection": {}, "cases": {}}
    for source, items in (("pages", page_sets(label_dirs, seeds_dir)), ("made pages", page_sets(made_dirs, seeds_dir))):
        totals = {k: PR() for k in KINDS}
        for name, original, gold, arts in items:
            det = match_detections(_findings(original, settings), arts)
            for k in KINDS:
                totals[k] += det[k]
            row = {"name": name, "source": source, "detection": {k: vars(v) for k, v in det.items()}}
            for mode, unsafe in (("safe", False), ("unsafe", True)):
                fixed = fix_text(original, settings, unsafe=unsafe).text
                row[mode] = {u: repair_score(fixed, gold, u).f1 for u in ("paragraph", "line")}
            row["input"] = {u: repair_score(original, gold, u).f1 for u in ("paragraph", "line")}
            result["pages"].append(row)
        if items or source == "pages":
            result["detection"][source] = totals
    totals = {k: PR() for k in KINDS}
    exact = [0, 0]
    for name, text, arts, expected in case_sets(cases_dir):
        det = match_detections(_findings(text, settings), arts)
        for k in KINDS:
            totals[k] += det[k]
        want = expected if expected is not None else text
        exact[0] += fix_text(text, settings, unsafe=True).text == want
        exact[1] += 1
    result["detection"]["cases"] = totals
    result["cases"] = {"exact_fix": exact[0], "total": exact[1]}
    if generated:
        totals = {k: PR() for k in KINDS}
        f1 = PR()
        cases = generated_cases(label_dirs)
        for case in cases:
            det = match_detections(_findings(case.damaged, settings), case.labels)
            for k in KINDS:
                totals[k] += det[k]
            f1 += repair_score(fix_text(case.damaged, settings, unsafe=True).text, case.expected)
        result["detection"]["generated"] = totals
        result["generated_repair"] = {"paragraph_f1": f1.f1, "cases": len(cases)}
    return result


def render(result: dict, fmt: str = "text") -> str:
    lines = []
    md = fmt == "markdown"
    for source, totals in result["detection"].items():
        if not any(v.found or v.gold for v in totals.values()):
            continue
        lines.append(f"\nDetection on {source}:" if not md else f"\n**Detection, {source}**\n")
        if md:
            lines.append("| kind | precision | recall | hits / found / labelled |\n|---|---|---|---|")
        for k, v in totals.items():
            if md:
                lines.append(f"| {k} | {v.precision:.3f} | {v.recall:.3f} | {v.hit} / {v.found} / {v.gold} |")
            else:
                lines.append(f"  {k:22s} P={v.precision:.3f} R={v.recall:.3f}  ({v.hit} hit / {v.found} found / {v.gold} labelled)")
    seeds = [r for r in result["pages"] if r.get("source", "pages") == "pages"]
    if seeds:
        lines.append("\nDetection per labelled page, precision / recall (hits/found/labelled):" if not md else
                     "\n**Detection per labelled page**, precision / recall (hits / found / labelled)\n\n| page | "
                     + " | ".join(KINDS) + " |\n|---|---|---|---|---|")
        for row in seeds:
            cells = []
            for k in KINDS:
                v = PR(**row["detection"][k])
                cells.append(f"{v.precision:.2f} / {v.recall:.2f} ({v.hit}/{v.found}/{v.gold})" if v.found or v.gold else "–")
            lines.append(f"| {row['name']} | " + " | ".join(cells) + " |" if md else f"  {row['name']:24s} " + "  ".join(cells))
    for source in ("pages", "made pages"):
        rows = [r for r in result["pages"] if r.get("source", "pages") == source]
        if not rows:
            continue
        title = "Repair F1 per labelled page" if source == "pages" else "Repair F1 per made page"
        lines.append(f"\n{title} (paragraph / line):" if not md else
                     f"\n**{title}** (paragraph / line unit)\n\n"
                     "| page | input | `repair fix` | `repair fix --unsafe-fixes` |\n|---|---|---|---|")
        if source == "made pages":
            rows = rows + [{"name": "mean", **{m: {u: sum(r[m][u] for r in rows) / len(rows) for u in ("paragraph", "line")}
                                              for m in ("input", "safe", "unsafe")}}]
        for row in rows:
            cells = [f"{row[m]['paragraph']:.3f} / {row[m]['line']:.3f}" for m in ("input", "safe", "unsafe")]
            lines.append(f"| {row['name']} | " + " | ".join(cells) + " |" if md else
                         f"  {row['name']:24s} input {cells[0]}   fix {cells[1]}   fix --unsafe-fixes {cells[2]}")
    g = result.get("generated_repair")
    if g:
        lines.append(f"\nGenerated damage (fixtures/generate.py on the labelled clean pages): paragraph F1 after "
                     f"`repair fix --unsafe-fixes` {g['paragraph_f1']:.3f} over {g['cases']} cases")
    c = result["cases"]
    if c.get("total"):
        lines.append(f"\nFixture cases fixed exactly as labelled: {c['exact_fix']} of {c['total']}")
    return "\n".join(lines).lstrip("\n")


def main(args: argparse.Namespace) -> int:
    dirs = args.labels or [d for d in ("fixtures/seeds", os.path.join("..", "shared", "gold")) if os.path.isdir(d)]
    made = [] if args.labels else [d for d in (MADE_PAGES,) if os.path.isdir(d)]
    cases = os.path.join("fixtures", "cases")
    if not dirs and not os.path.isdir(cases):
        print("error: no labelled data here: run `repair eval` from the repository root, or pass --labels DIR",
              file=sys.stderr)
        return 2
    result = evaluate(dirs, "seeds", cases, made_dirs=made)
    if args.format == "json":
        json.dump({**result, "detection": {s: {k: vars(v) for k, v in t.items()} for s, t in result["detection"].items()}},
                  sys.stdout, ensure_ascii=False, indent=1)
    else:
        print(render(result, args.format))
    return 0
