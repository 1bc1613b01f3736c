"""The core API: check a text, fix a text. Detectors decide what is wrong; the engine decides
what happens (which fixes, in what order, verified, until stable)."""
from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Callable, Iterator

from .document import Document
from .edits import TextLossError, apply_edits, select_fixes, verify
from .model import Finding
from .settings import Settings
from .detectors import broken_wraps, duplicates, headlines, truncation

Detector = Callable[[Document, Settings], Iterator[Finding]]
DETECTORS: dict[str, Detector] = {
    "broken-wrap": broken_wraps.detect,
    "duplicate-paragraph": duplicates.detect,
    "truncated-sentence": truncation.detect,
    "fused-headline": headlines.detect,
}
MAX_ROUNDS = 6


@dataclass
class CheckResult:
    findings: list[Finding]
    errors: list[str] = field(default_factory=list)   # a detector that crashed, reported not fatal


@dataclass
class FixResult:
    text: str
    applied: list[Finding]
    rounds: int
    errors: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def check(doc: Document | str, settings: Settings = Settings()) -> CheckResult:
    if isinstance(doc, str):
        doc = Document(doc)
    findings, errors = [], []
    for kind, detect in DETECTORS.items():
        if not settings.enabled(kind):
            continue
        try:
            floor = settings.min_confidence_for(kind)
            findings.extend(f for f in detect(doc, settings) if f.confidence >= floor)
        except Exception as exc:  # a crashing detector is a reported error, not a dead run
            errors.append(f"{kind}: detector crashed: {type(exc).__name__}: {exc}")
    findings.sort(key=attrgetter("start", "kind"))
    return CheckResult(findings, errors)


def fix_text(text: str, settings: Settings = Settings(), unsafe: bool | None = None,
             suppress: Callable[[Finding, str], bool] | None = None) -> FixResult:
    """Apply fixes until none applies; every round is verified to lose no text.

    `suppress(finding, text)` drops findings an editor rejected (the decisions file)."""
    unsafe = settings.unsafe_fixes if unsafe is None else unsafe
    applied: list[Finding] = []
    errors: list[str] = []
    rounds = 0
    for rounds in range(1, MAX_ROUNDS + 1):
        result = check(Document(text), settings)
        errors.extend(e for e in result.errors if e not in errors)
        findings = [f for f in result.findings if not (suppress and suppress(f, text))]
        chosen = select_fixes(findings, unsafe, text)
        if not chosen:
            break
        try:
            new = apply_edits(text, [e for f in chosen for e in f.fix.edits])
            verify(text, [f.fix for f in chosen], new)
        except (TextLossError, ValueError) as exc:
            # a detector proposed a bad fix: keep only the fixes that pass on their own, say so
            good = []
            for f in chosen:
                try:
                    verify(text, [f.fix], apply_edits(text, f.fix.edits))
                    good.append(f)
                except (TextLossError, ValueError) as one:
                    errors.append(f"{f.name} at line {f.line}: fix refused: {one}")
            if len(good) == len(chosen):
                raise exc
            chosen = good
            if not chosen:
                break
            new = apply_edits(text, [e for f in chosen for e in f.fix.edits])
            verify(text, [f.fix for f in chosen], new)
        if new == text:
            break
        applied.extend(chosen)
        text = new
    return FixResult(text, applied, rounds, errors)
