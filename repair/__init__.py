"""repair: find and fix structural OCR/PDF-extraction damage in newspaper text.

    >>> from repair import check, fix_text
    >>> fix_text("切实以精准化考\n\n核推动工作提质,以刚性约束推动责任落实。").text
"""
from .document import Document
from .edits import TextLossError, apply_edits, verify
from .engine import CheckResult, FixResult, check, fix_text
from .model import KINDS, Edit, Finding, Fix
from .settings import Settings

__all__ = ["Document", "Edit", "Finding", "Fix", "KINDS", "Settings", "CheckResult", "FixResult",
           "check", "fix_text", "apply_edits", "verify", "TextLossError"]
__version__ = "0.1.0"
