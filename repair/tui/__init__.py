"""The review TUI (Textual). Import lazily: `repair check`/`fix` never load Textual."""
from .app import ReviewApp, build_app

__all__ = ["ReviewApp", "build_app"]
