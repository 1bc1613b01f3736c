"""Quality metrics, as the annotation spec defines them (gold/SPEC.md).

Detection: a finding of kind K at lines a..b hits an unmatched labelled artifact of kind K whose
line lies in a-1..b+1; ambiguous artifacts count neither way.
Repair: texts cut into paragraphs at blank lines (or into lines, a 2-3 line headline block
counting as one), whitespace and the markup # * removed; precision/recall of the longest common
subsequence of the two paragraph lists.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import KINDS

_WS = re.compile(r"[\s#*\u3000\ufeff]+")
_END = re.compile(r"[。！？!?…]['\"”’」』）)]*\s*$")


@dataclass
class PR:
    hit: int = 0
    found: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.hit / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.hit / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: "PR") -> "PR":
        self.hit += other.hit
        self.found += other.found
        self.gold += other.gold
        return self


def match_detections(findings: list[dict], artifacts: list[dict]) -> dict[str, PR]:
    """findings: dicts with kind, line, end_line. artifacts: the labels of one file."""
    stats = {k: PR() for k in KINDS}
    gold = [a for a in artifacts if a.get("kind") in KINDS]
    used = [False] * len(gold)
    for a in gold:
        if not a.get("ambiguous"):
            stats[a["kind"]].gold += 1
    for f in findings:
        k = f["kind"]
        if k not in stats:
            continue
        stats[k].found += 1
        lo, hi = int(f["line"]) - 1, int(f.get("end_line", f["line"])) + 1
        for i, a in enumerate(gold):
            if not used[i] and a["kind"] == k and lo <= a["line"] <= hi:
                used[i] = True
                if a.get("ambiguous"):
                    stats[k].found -= 1
                else:
                    stats[k].hit += 1
                break
    return stats


def _headline_block(lines: list[str]) -> bool:
    return 2 <= len(lines) <= 3 and all(len(l.strip()) <= 30 and not _END.search(l) for l in lines)


def paragraph_units(text: str, unit: str = "paragraph") -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for block in re.split(r"\n[ \t\u3000]*\n", text):
        lines = [l for l in block.split("\n") if _WS.sub("", l)]
        parts = [block] if unit == "paragraph" or _headline_block(lines) else lines
        out.extend(n for n in (_WS.sub("", p) for p in parts) if n)
    return out


def lcs_len(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def repair_score(output: str, gold: str, unit: str = "paragraph") -> PR:
    out, ref = paragraph_units(output, unit), paragraph_units(gold, unit)
    m = lcs_len(out, ref)
    return PR(m, len(out), len(ref))
