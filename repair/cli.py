"""Command line: `repair check | fix | eval | review`. Flags become one Settings value first."""
from __future__ import annotations

import argparse
import os
import sys
from typing import Optional, Sequence

from .config import ConfigError, describe, resolve_args
from .model import KINDS
from .parallel import jobs_wanted
from .report import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, FORMATTERS
from .runner import FixMode, add_decisions, check_paths, expand_paths, fix_paths
from .settings import Settings


def _kinds(value: str) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise argparse.ArgumentTypeError(f"unknown kind {', '.join(bad)}; choose from {', '.join(KINDS)}")
    return kinds


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (*.txt, *.md) or - for stdin")
    p.add_argument("--select", type=_kinds, help="only these kinds (comma-separated)")
    p.add_argument("--ignore", type=_kinds, help="skip these kinds (comma-separated)")
    p.add_argument("--min-confidence", type=float, help="drop findings below this confidence")
    # flags left at None fall back to the config file, then to the defaults (repair/config.py)
    p.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    p.add_argument("--no-decisions", action="store_true", help="ignore the decisions file: show every finding")
    p.add_argument("--show-settings", action="store_true", help="print the settings in force and their sources")


def _statistics(p: argparse.ArgumentParser) -> None:
    p.add_argument("--statistics", action="store_true", help="print counts per kind to stderr at the end")


def _jobs(p: argparse.ArgumentParser) -> None:
    p.add_argument("-j", "--jobs", type=int, metavar="N",
                   help="work on N files at a time in N processes (0: one per core; default 1); "
                        "output and results are the same, in the same order")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="repair", description="Find and fix OCR/PDF-extraction damage in text.")
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="report findings (exit 1 if any)")
    _common(c)
    c.add_argument("--format", choices=sorted(FORMATTERS), help="output format (default: text)")
    c.add_argument("--add-decisions", action="store_true",
                   help="record every current finding in the decisions file, so they are not reported again")
    _statistics(c)
    _jobs(c)
    f = sub.add_parser("fix", help="apply safe fixes in place")
    _common(f)
    f.add_argument("--diff", action="store_true", help="print a unified diff, write nothing")
    f.add_argument("--stdout", action="store_true", help="print the fixed text instead of writing")
    f.add_argument("-o", "--output", help="write the fixed text to this file (one input only)")
    f.add_argument("--unsafe-fixes", action=argparse.BooleanOptionalAction, help="also apply fixes marked unsafe")
    _statistics(f)
    _jobs(f)
    r = sub.add_parser("review", help="review findings one by one in a terminal UI (accept, reject, edit, undo)")
    _common(r)
    e = sub.add_parser("eval", help="precision/recall per kind on labelled data")
    e.add_argument("--labels", action="append", metavar="DIR",
                   help="a folder of labelled pages, NAME.gold.txt + NAME.artifacts.json (repeatable; "
                        "default: fixtures/seeds and ../shared/gold); fixtures/cases is always scored")
    e.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    return ap


def settings_from(args: argparse.Namespace) -> Settings:
    """Defaults, then the config file, then flags (ConfigError if the file is bad)."""
    return resolve_args(args).settings


def main(argv: Optional[Sequence[str]] = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # `repair check … | head`: the reader left; stop quietly, as other Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS


def _main(argv: Optional[Sequence[str]] = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if args.command == "eval":
        from .evaluate import main as eval_main
        return eval_main(args)
    try:
        resolved = resolve_args(args)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    settings = resolved.settings
    if args.show_settings:
        print(describe(resolved))
        return EXIT_CLEAN
    if args.command == "review":
        from .tui import build_app     # lazily: check and fix never load Textual
        app = build_app(args.paths, settings)
        if not app.review.sessions:
            print("\n".join(f"error: {e}" for e in app.review.errors) or "error: no *.txt or *.md files found",
                  file=sys.stderr)
            return EXIT_ERROR
        app.run()
        return EXIT_ERROR if app.review.errors else EXIT_CLEAN
    if args.command == "check" and args.add_decisions:
        return EXIT_ERROR if add_decisions(args.paths, settings).errors else EXIT_CLEAN
    if args.command == "check":
        summary = check_paths(args.paths, settings, FORMATTERS[settings.format](sys.stdout),
                              jobs=jobs_wanted(args.jobs))
        print(summary.render(), file=sys.stderr)
        if args.statistics:
            print(summary.statistics(), file=sys.stderr)
        return summary.exit_code
    if (args.output or args.stdout) and len(list(expand_paths(args.paths, settings))) != 1:
        ap.error("-o/--stdout take exactly one input file (a directory holding one page at most)")
    mode = FixMode(diff=args.diff, to_stdout=args.stdout, output=args.output)
    summary = fix_paths(args.paths, settings, mode, jobs=jobs_wanted(args.jobs))
    print(f"{summary.files_changed} of {summary.files} file(s) {'would change' if args.diff else 'changed'}",
          file=sys.stderr)
    if args.statistics:
        print(summary.statistics(fixed=True), file=sys.stderr)
    return summary.exit_code if summary.errors or not args.diff else (1 if summary.files_changed else 0)


if __name__ == "__main__":
    sys.exit(main())
