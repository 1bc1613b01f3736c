"""SARIF 2.1.0 logs for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers).

Locations are whole lines (startLine/endLine: the line where the artifact shows). Each fix maps
one-to-one onto SARIF `fixes`: one artifactChange per file, one replacement per edit, every
deletedRegion given against the original text. Our offsets are code points of the decoded text
(a byte order mark is an encoding signature, not counted), so the run declares columnKind
"unicodeCodePoints" instead of SARIF's default of UTF-16 code units, and each artifact names
its encoding. `partialFingerprints` carries the decisions-file key, which survives line moves.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional
from urllib.parse import quote

from .decisions import finding_key
from .document import Document
from .model import Finding

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "SRCROOT"

# id -> (name, short description, full description)
RULES = {
    "broken-wrap": ("BrokenWrap", "Line or paragraph break inside a sentence",
                    "A break left by the page layout (a column or page end) falls inside a sentence or word; "
                    "the fix joins the pieces. Headlines, bylines and list items are never joined."),
    "duplicate-paragraph": ("DuplicateParagraph", "Paragraph, sentence or phrase printed twice",
                            "The same text appears twice (a repeated column, an overlap between pages, OCR "
                            "noise in a copy); the fix deletes the copy and keeps the most complete one."),
    "truncated-sentence": ("TruncatedSentence", "Sentence that stops or starts mid-way",
                           "Text whose end or beginning was lost. When the missing piece stands elsewhere in "
                           "the file, moving it back is proposed as an unsafe fix; otherwise there is no fix."),
    "fused-headline": ("FusedHeadline", "Headline run into body text or set apart from its article",
                       "A headline dropped into a paragraph, run together with other text, or displaced "
                       "from its article; the fix sets it on its own line or moves it to its article."),
}
RULE_INDEX = {kind: i for i, kind in enumerate(RULES)}


def artifact_location(path: str) -> dict:
    """A relative path stays relative to SRCROOT (the folder repair ran in); percent-encoded."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(os.path.normpath(path).replace(os.sep, "/")), "uriBaseId": SRCROOT}


def rules() -> list[dict]:
    return [{"id": kind, "name": name, "shortDescription": {"text": short}, "fullDescription": {"text": full},
             "defaultConfiguration": {"level": "warning"}} for kind, (name, short, full) in RULES.items()]


def fix(location: dict, f: Finding) -> dict:
    replacements = []
    for e in sorted(f.fix.edits):
        rep: dict = {"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start}}
        if e.replacement:
            rep["insertedContent"] = {"text": e.replacement}
        replacements.append(rep)
    note = "" if f.fix.safe else " (unsafe: a judgement; review before applying)"
    return {"description": {"text": f.fix.description + note},
            "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
            "properties": {"safe": f.fix.safe}}


def result(location: dict, doc: Document, f: Finding, message: str) -> dict:
    res = {
        "ruleId": f.kind,
        "ruleIndex": RULE_INDEX[f.kind],
        "level": "warning",
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": location,
                                            "region": {"startLine": f.line, "endLine": max(f.line, f.end_line)}}}],
        "partialFingerprints": {"repairContentKey/v1": finding_key(f, doc.text)},
        "rank": round(100 * f.confidence, 1),
        "properties": {"variant": f.variant, "confidence": f.confidence, "why": f.why, "safe": f.safe},
    }
    if f.fix and f.fix.edits:
        res["fixes"] = [fix(location, f)]
    return res


def log(artifacts: list[dict], results: list[dict], errors: list[str], cwd: Optional[str] = None) -> dict:
    from . import __version__   # late: the package imports this module's users
    run = {
        "tool": {"driver": {"name": "repair", "version": __version__, "semanticVersion": __version__,
                            "rules": rules()}},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {SRCROOT: {"uri": Path(cwd or os.getcwd()).as_uri().rstrip("/") + "/"}},
        "artifacts": artifacts,
        "results": results,
        "invocations": [{"executionSuccessful": not errors,
                         "toolExecutionNotifications": [{"level": "error", "message": {"text": e}} for e in errors]}],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
