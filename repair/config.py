"""Configuration files: `[tool.repair]` in pyproject.toml, or a repair.toml / .repair.toml.

The nearest file wins, found by walking up from the checked paths (their common folder) and
stopping at the repository root (the folder holding `.git`). In one folder `.repair.toml` comes
before `repair.toml`, which comes before a pyproject.toml that has a `[tool.repair]` table.
Keys are kebab-case, as in ruff; per-kind knobs live in a table named after the kind:

    [tool.repair]
    ignore = ["fused-headline"]
    min-confidence = 0.5

    [tool.repair.duplicate-paragraph]
    threshold = 92

Command-line flags override the file. An unknown key or a bad value is a ConfigError naming the
file and the key. Adding a knob is one row in OPTIONS.
"""
from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass, replace
from typing import Any, Callable, Optional, Sequence

from .model import KINDS
from .report import FORMATTERS
from .settings import Settings

if sys.version_info >= (3, 11):
    import tomllib
else:                                   # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

NAMES = (".repair.toml", "repair.toml", "pyproject.toml")
DEFAULT, COMMAND_LINE = "default", "command line"


class ConfigError(ValueError):
    """A configuration file that cannot be used. The message names the file and the key."""


# -- value checks: each returns the value as Settings holds it, or raises ValueError(expected) --

def _kinds(v: Any) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(k, str) for k in v):
        raise ValueError(f"expected a list of kinds from {', '.join(KINDS)}")
    bad = [k for k in v if k not in KINDS]
    if bad:
        raise ValueError(f"unknown kind {', '.join(map(repr, bad))}; choose from {', '.join(KINDS)}")
    return tuple(v)


def _globs(v: Any) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(g, str) and g for g in v):
        raise ValueError('expected a list of glob patterns, e.g. ["drafts/*"]')
    return tuple(v)


def _number(lo: float, hi: float) -> Callable[[Any], float]:
    def check(v: Any) -> float:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not lo <= v <= hi:
            raise ValueError(f"expected a number from {lo:g} to {hi:g}")
        return float(v)
    return check


def _count(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        raise ValueError("expected a whole number of characters, at least 1")
    return v


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise ValueError("expected true or false")
    return v


def _format(v: Any) -> str:
    if v not in FORMATTERS:
        raise ValueError(f"expected one of {', '.join(sorted(FORMATTERS))}")
    return v


@dataclass(frozen=True)
class Option:
    key: str                     # as written in the file; "kind.key" for a per-kind table
    field: str                   # the Settings field it sets
    check: Callable[[Any], Any]
    help: str


OPTIONS: tuple[Option, ...] = (
    Option("select", "select", _kinds, "only these kinds"),
    Option("ignore", "ignore", _kinds, "skip these kinds"),
    Option("min-confidence", "min_confidence", _number(0, 1), "drop findings below this confidence"),
    Option("unsafe-fixes", "unsafe_fixes", _bool, "`repair fix` also applies fixes marked unsafe"),
    Option("use-decisions", "use_decisions", _bool, "honour the decisions file"),
    Option("include", "include", _globs, "files a directory argument expands to"),
    Option("exclude", "exclude", _globs, "paths never checked"),
    Option("format", "format", _format, "`repair check` output format"),
    Option("duplicate-paragraph.threshold", "duplicate_threshold", _number(0, 100),
           "similarity (0-100) at which two paragraphs count as copies"),
    Option("duplicate-paragraph.min-chars", "duplicate_min_chars", _count,
           "shorter paragraphs (bylines, captions) may repeat"),
    Option("fused-headline.min-chars", "headline_min_chars", _count, "shortest headline"),
    Option("fused-headline.max-chars", "headline_max_chars", _count, "longest headline"),
) + tuple(Option(f"{k}.min-confidence", f"min_confidence:{k}", _number(0, 1),
                 f"confidence floor for {k} (overrides min-confidence)") for k in KINDS)
BY_KEY = {o.key: o for o in OPTIONS}


@dataclass(frozen=True)
class Resolved:
    settings: Settings
    sources: dict[str, str]        # option key -> "default", a config file path, or "command line"
    config_path: Optional[str]


# -- finding and reading the file --

def find(paths: Sequence[str]) -> Optional[str]:
    """The nearest config file above the common folder of `paths`, or None."""
    real = [os.path.abspath(p) for p in paths if p != "-"] or [os.getcwd()]
    folder = os.path.commonpath(real)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        for name in NAMES:
            cand = os.path.join(folder, name)
            if os.path.isfile(cand) and (name != "pyproject.toml" or "repair" in _load(cand).get("tool", {})):
                return cand
        parent = os.path.dirname(folder)
        if os.path.exists(os.path.join(folder, ".git")) or parent == folder:
            return None
        folder = parent


def _load(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from exc


def _table(path: str) -> tuple[dict, str]:
    """The repair table of a config file and the prefix its keys are shown with."""
    data = _load(path)
    if os.path.basename(path) != "pyproject.toml":
        return data, ""
    table = data.get("tool", {}).get("repair", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.repair: expected a table")
    return table, "tool.repair."


def _flatten(table: dict, path: str, prefix: str) -> dict[str, Any]:
    flat = {}
    for key, value in table.items():
        if key in KINDS:
            if not isinstance(value, dict):
                raise ConfigError(f"{path}: {prefix}{key}: expected a table of settings for that kind")
            flat.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            flat[key] = value
    return flat


def _unknown(path: str, prefix: str, key: str) -> ConfigError:
    close = difflib.get_close_matches(key.replace("_", "-"), list(BY_KEY), n=1)
    hint = f"did you mean {prefix}{close[0]}?" if close else f"known keys: {', '.join(BY_KEY)}"
    return ConfigError(f"{path}: {prefix}{key}: unknown key; {hint}")


def read(path: str) -> dict[str, Any]:
    """{option key: checked value} from one config file."""
    table, prefix = _table(path)
    values = {}
    for key, raw in _flatten(table, path, prefix).items():
        opt = BY_KEY.get(key)
        if opt is None:
            raise _unknown(path, prefix, key)
        try:
            values[key] = opt.check(raw)
        except ValueError as exc:
            raise ConfigError(f"{path}: {prefix}{key}: {exc}, got {raw!r}") from None
    return values


# -- merging defaults, file and flags --

def resolve(paths: Sequence[str], flags: dict[str, Any], config_path: Optional[str] = None) -> Resolved:
    """Settings for these paths: defaults, then the config file, then flags ({option key: value})."""
    config_path = config_path or find(paths)
    from_file = read(config_path) if config_path else {}
    sources = {o.key: DEFAULT for o in OPTIONS}
    values: dict[str, Any] = {}
    if "min-confidence" in flags:   # a floor given on the command line applies to every kind
        from_file = {k: v for k, v in from_file.items() if not k.endswith(".min-confidence")}
    for layer, source in ((from_file, config_path), (flags, COMMAND_LINE)):
        for key, value in layer.items():
            values[key], sources[key] = value, source
    settings = _build(values, os.path.dirname(os.path.abspath(config_path)) if config_path else "")
    if settings.headline_min_chars > settings.headline_max_chars:
        where = sources["fused-headline.min-chars"]
        raise ConfigError(f"{where}: fused-headline.min-chars ({settings.headline_min_chars}) is above "
                          f"fused-headline.max-chars ({settings.headline_max_chars})")
    return Resolved(settings, sources, config_path)


def _build(values: dict[str, Any], root: str) -> Settings:
    plain = {BY_KEY[k].field: v for k, v in values.items() if ":" not in BY_KEY[k].field}
    floors = tuple((BY_KEY[k].field.split(":", 1)[1], v) for k, v in values.items() if ":" in BY_KEY[k].field)
    return replace(Settings(), **plain, kind_min_confidence=floors, root=root)


def flags_from(args: Any) -> dict[str, Any]:
    """The options an argparse namespace sets (flags left at None were not given)."""
    given = {"select": getattr(args, "select", None), "ignore": getattr(args, "ignore", None),
             "min-confidence": getattr(args, "min_confidence", None),
             "unsafe-fixes": getattr(args, "unsafe_fixes", None), "format": getattr(args, "format", None),
             "use-decisions": False if getattr(args, "no_decisions", False) else None}
    return {k: v for k, v in given.items() if v is not None}


def resolve_args(args: Any) -> Resolved:
    return resolve(getattr(args, "paths", None) or ["."], flags_from(args), getattr(args, "config", None))


# -- showing them --

def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def describe(resolved: Resolved) -> str:
    """Every setting in force as TOML, each with where it came from (`--show-settings`)."""
    s = resolved.settings
    out = [f"# config file: {resolved.config_path or 'none found'}",
           f"# include/exclude are relative to: {s.root or os.getcwd()}",
           "# written as repair.toml; in pyproject.toml the tables are [tool.repair] and [tool.repair.KIND]"]
    for table in ("", *KINDS):
        if table:
            out.append(f"\n[{table}]")
        for opt in (o for o in OPTIONS if o.key.rpartition(".")[0] == table):
            _show(opt, s, resolved.sources[opt.key], out)
    return "\n".join(out)


def _show(opt: Option, s: Settings, source: str, out: list[str]) -> None:
    field_name, _, kind = opt.field.partition(":")
    floors = dict(s.kind_min_confidence)
    if kind and kind not in floors:
        value, source = s.min_confidence, "as min-confidence"
    else:
        value = floors[kind] if kind else getattr(s, field_name)
    line = f"{opt.key.rpartition('.')[2]} = {_toml(value)}"
    out.append(f"{line:<48} # {source}")
