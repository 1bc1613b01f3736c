#!/usr/bin/env python3
"""Throughput, memory and linearity report for `repair` (a report, never a timed assert).

    python3 benchmarks/run.py                      # sizes 1,10,20 MB
    python3 benchmarks/run.py --sizes 1,10,100     # 100 MB is slow
    python3 benchmarks/run.py --sizes 1 --only check,detectors --profile

Every measurement runs in its own subprocess (one core, fresh interpreter, its own peak RSS)
over the first SIZE MB (10^6 bytes of UTF-8) of the page corpus in benchmarks/corpus/pages/
(built by corpus.py, fixed seed). Each page is read, decoded and processed in turn, as the CLI
does; throughput counts input bytes. Warm-up (imports, jieba's word list) is done on one page
before the clock starts and is reported apart.

Measurements:
  floor        read + decode + split into lines and paragraphs (bare Python)
  opencc       read + decode + opencc_pyo3.reflow_cjk_paragraphs(text, False, False) (Rust)
  check        read + decode + repair.check(Document(text), Settings())   (all four detectors)
  fix          read + decode + repair.fix_text(text, Settings())          (safe fixes, until stable)
  document     read + decode + Document(text)  (lines and blocks only)
  det:KIND     read + decode + Document + one detector alone (includes prework it shares via
               doc.memo with others, e.g. layout analysis, broken-wrap verdicts)
  breakdown    check's detectors in engine order on one Document each: the marginal cost of each
  single       repair.check on ONE document of SIZE MB (the pages concatenated): per-document linearity
"""
from __future__ import annotations

import argparse
import cProfile
import datetime
import io
import json
import os
import platform
import pstats
import re
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path[:0] = [ROOT, HERE]

import corpus  # noqa: E402

CORPUS_DIR = os.path.join(HERE, "corpus")
TARGET_MBS = 20.0   # `repair check` on one core
KINDS = ("broken-wrap", "duplicate-paragraph", "truncated-sentence", "fused-headline")
MAIN = ("floor", "opencc", "check", "fix")
BLANKS_RE = re.compile(r"\n[ \t\r]*\n")
WARMUP = "# 标题\n\n切实以精准化考\n\n核推动工作提质,以刚性约束推动责任落实。\n"


# ---------------------------------------------------------------- worker (one measurement)

def _peak_rss_kb() -> int:
    """High-water RSS of this process image. VmHWM, not ru_maxrss: Linux carries ru_maxrss over
    from the parent across fork + exec, so a child would report the driver's peak."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _read(path: str) -> str:
    with open(path, "rb") as fh:
        data = fh.read()
    return data.decode("utf-8")


def _task(name: str):
    """The per-page function of a measurement, built after the imports it needs."""
    if name == "floor":
        def run(text):
            text.splitlines()
            BLANKS_RE.split(text)
        return run
    if name == "opencc":
        from opencc_pyo3.opencc_pyo3 import reflow_cjk_paragraphs
        return lambda text: reflow_cjk_paragraphs(text, False, False)
    import repair
    from repair.engine import DETECTORS
    settings = repair.Settings()
    if name in ("check", "single"):
        return lambda text: repair.check(repair.Document(text), settings)
    if name == "fix":
        return lambda text: repair.fix_text(text, settings)
    if name == "document":
        return lambda text: repair.Document(text)
    if name.startswith("det:"):
        detect = DETECTORS[name[4:]]
        return lambda text: list(detect(repair.Document(text), settings))
    if name == "breakdown":
        totals = {k: 0.0 for k in ("document", *DETECTORS)}

        def run(text):
            t = time.perf_counter()
            doc = repair.Document(text)
            totals["document"] += time.perf_counter() - t
            for kind, detect in DETECTORS.items():
                t = time.perf_counter()
                list(detect(doc, settings))
                totals[kind] += time.perf_counter() - t
        run.totals = totals
        return run
    raise SystemExit(f"unknown measurement {name}")


def worker(name: str, size: float, profile: str | None) -> dict:
    pages = os.path.join(CORPUS_DIR, "pages")
    paths = corpus.first_mb(sorted(os.path.join(pages, n) for n in os.listdir(pages) if n.endswith(".txt")), size)
    nbytes = sum(os.path.getsize(p) for p in paths)
    t0 = time.perf_counter()
    run = _task(name)
    run(_read(paths[0]))                       # warm-up: imports, word lists, regex caches
    run(WARMUP)                                # a seam that makes broken-wrap load jieba's words
    warmup = time.perf_counter() - t0
    single = None
    if name == "single":
        single = "".join(_read(p) for p in paths)
    rss_before = _peak_rss_kb()
    prof = cProfile.Profile() if profile else None
    c0, t0 = time.process_time(), time.perf_counter()
    if prof:
        prof.enable()
    if single is not None:
        run(single)
    else:
        for p in paths:
            run(_read(p))
    if prof:
        prof.disable()
        prof.dump_stats(profile)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    out = {"name": name, "size": size, "bytes": nbytes, "files": len(paths), "seconds": wall, "cpu": cpu,
           "warmup": warmup, "rss_before_kb": rss_before,
           "rss_peak_kb": _peak_rss_kb()}
    if hasattr(run, "totals"):
        out["breakdown"] = run.totals
    return out


# ---------------------------------------------------------------- driver

def measure(name: str, size: float, timeout: float, profile: str | None = None) -> dict:
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", name, "--size", str(size)]
    if profile:
        cmd += ["--profile-to", profile]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"name": name, "size": size, "error": f"timeout after {timeout:.0f} s"}
    if proc.returncode != 0:
        return {"name": name, "size": size, "error": (proc.stderr.strip().splitlines() or ["?"])[-1]}
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"  {name:<28} {size:>6g} MB  {res['bytes'] / 1e6 / res['seconds']:9.3f} MB/s  "
          f"{res['seconds']:8.2f} s  peak {res['rss_peak_kb'] / 1024:7.1f} MiB  "
          f"(subprocess {time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return res


def mbs(r: dict | None) -> float | None:
    return r["bytes"] / 1e6 / r["seconds"] if r and "seconds" in r else None


def fmt(x: float | None, digits: int = 3) -> str:
    if x is None:
        return "—"
    return f"{x:,.{digits}f}" if x < 100 else f"{x:,.0f}"


def slower(m: float) -> str:
    x = TARGET_MBS / m
    return f"{x:,.1f}× too slow" if x < 10 else f"{x:,.0f}× too slow"


def cell(r: dict | None) -> str:
    if r is None:
        return "—"
    return r["error"] if "error" in r else fmt(mbs(r))


def hotspots(profile: str, top: int = 12) -> list[str]:
    """Top functions by own time (file:line relative to the repo), plus cumulative leaders in repair/."""
    st = pstats.Stats(profile, stream=io.StringIO())
    total = st.total_tt or 1e-9
    rows = []
    for (file, line, func), (cc, nc, tt, ct, callers) in st.stats.items():
        rows.append((tt, ct, nc, os.path.relpath(file, ROOT) if file.startswith(ROOT) else file, line, func))

    def where(r):
        f = r[3]
        if f.startswith("~") or f.startswith("<"):
            return f"{r[5]}"
        return f"{f}:{r[4]} {r[5]}"

    out = ["| own s | own % | cum s | calls | where |", "|---:|---:|---:|---:|---|"]
    for r in sorted(rows, key=lambda r: -r[0])[:top]:
        out.append(f"| {r[0]:.3f} | {100 * r[0] / total:.1f} | {r[1]:.3f} | {r[2]} | `{where(r)}` |")
    out += ["", "cumulative, repair/ only:", "", "| cum s | cum % | own s | calls | where |", "|---:|---:|---:|---:|---|"]
    mine = [r for r in rows if r[3].startswith("repair/")]
    for r in sorted(mine, key=lambda r: -r[1])[:top]:
        out.append(f"| {r[1]:.3f} | {100 * r[1] / total:.1f} | {r[0]:.3f} | {r[2]} | `{where(r)}` |")
    return out


def environment() -> list[str]:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next((l.split(":", 1)[1].strip() for l in fh if l.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=ROOT).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "repair"], capture_output=True, text=True,
                               cwd=ROOT).stdout.strip()
    except OSError:
        commit, dirty = "?", ""
    try:
        from importlib.metadata import version
        occ = version("opencc-pyo3")
    except Exception:
        occ = "not installed"
    return [f"- date: {datetime.datetime.now().isoformat(timespec='seconds')}",
            f"- commit: {commit}{' (repair/ has uncommitted changes)' if dirty else ''}",
            f"- python {platform.python_version()} on {platform.system()} {platform.machine()}, {cpu}; one core per measurement",
            f"- opencc-pyo3 {occ}"]


def report(args, results: dict, profiles: dict, corpus_info: str) -> str:
    sizes = args.sizes
    g = lambda name, s: results.get((name, s))  # noqa: E731
    L = ["# repair benchmark", "", *environment(), f"- corpus: {corpus_info}", ""]
    L += ["MB = 10^6 bytes of UTF-8 input; MB/s = input bytes / wall time; peak = max RSS of the measuring "
          "process (Python + libraries + the work).", ""]
    L += ["## Throughput (MB/s) and ratios", "",
          "| size MB | files | floor | opencc reflow | repair check | repair fix | check / opencc | check / floor | "
          "fix / check | check target |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for s in sizes:
        fl, oc, ck, fx = (mbs(g(n, s)) for n in MAIN)
        ratio = lambda a, b: f"1 : {b / a:,.0f}" if a and b else "—"  # noqa: E731
        files = next((g(n, s)["files"] for n in MAIN if g(n, s) and "files" in g(n, s)), "—")
        target = "—" if ck is None else (f"ok (≥ {TARGET_MBS:g})" if ck >= TARGET_MBS else slower(ck))
        L.append(f"| {s:g} | {files} | {cell(g('floor', s))} | {cell(g('opencc', s))} | {cell(g('check', s))} | "
                 f"{cell(g('fix', s))} | {ratio(ck, oc)} | {ratio(ck, fl)} | "
                 f"{fmt(ck / fx, 2) + '×' if ck and fx else '—'} | {target} |")
    L += ["", "`check / opencc` = 1 : how many times faster the Rust reflow is; `fix / check` = how many "
          "times longer fix takes than check (fix re-checks every round).", ""]

    L += ["## Linearity", "", "Cost per MB relative to the smallest size (1.00 = linear; 2.00 = twice the cost per MB).", "",
          "| " + " | ".join(["measurement", *(f"{s:g} MB: MB/s" for s in sizes),
                             *(f"{s:g} MB: cost/MB" for s in sizes[1:])]) + " |",
          "|---|" + "---:|" * (2 * len(sizes) - 1)]
    names = [n for n in (*MAIN, "document", *(f"det:{k}" for k in KINDS), "single") if any(g(n, s) for s in sizes)]
    for n in names:
        base = g(n, sizes[0])
        row = [cell(g(n, s)) for s in sizes]
        for s in sizes[1:]:
            r = g(n, s)
            row.append(fmt(mbs(base) / mbs(r), 2) if mbs(base) and mbs(r) else "—")
        label = "single document (check)" if n == "single" else n
        L.append(f"| {label} | " + " | ".join(row) + " |")
    L += ["", "`single` checks ONE document of SIZE MB (all pages concatenated): it shows whether cost grows "
          "linearly with the size of one file; the other rows process page-sized files.", ""]

    L += ["## Per detector", "",
          "Standalone: Document + that detector alone on every page (includes prework it shares through "
          "`doc.memo`, e.g. fused-headline and truncation reuse broken-wrap verdicts). In-order: the marginal "
          "time of each step when run as `check` runs them on one Document.", "",
          "| size MB | step | standalone MB/s | in-order s | in-order % of check | vs target |",
          "|---:|---|---:|---:|---:|---|"]
    for s in sizes:
        bd = (g("breakdown", s) or {}).get("breakdown", {})
        total = sum(bd.values()) or None
        for k in ("document", *KINDS):
            r = g("document" if k == "document" else f"det:{k}", s)
            m = mbs(r)
            vs = "—" if m is None else ("ok" if m >= TARGET_MBS else slower(m))
            L.append(f"| {s:g} | {k} | {cell(r)} | {fmt(bd.get(k), 2) if k in bd else '—'} | "
                     f"{fmt(100 * bd[k] / total, 1) if total and k in bd else '—'} | {vs} |")
    L += [""]

    L += ["## Memory", "", "Peak RSS (MiB) of each measuring process; `before` = after imports, warm-up and, for "
          "`single`, holding the joined text.", "",
          "| measurement | " + " | ".join(f"{s:g} MB: before → peak" for s in sizes) + " |",
          "|---|" + "---|" * len(sizes)]
    for n in names:
        row = []
        for s in sizes:
            r = g(n, s)
            row.append("—" if not r or "error" in r else f"{r['rss_before_kb'] / 1024:.0f} → {r['rss_peak_kb'] / 1024:.0f}")
        L.append(f"| {n} | " + " | ".join(row) + " |")
    warm = g("check", sizes[0])
    if warm and "warmup" in warm:
        L += ["", f"Warm-up of `check` (imports + first page, incl. loading word lists): {warm['warmup']:.2f} s, "
              "paid once per process."]
    L += [""]

    if profiles:
        L += ["## Profile hotspots", "", f"cProfile over the first {args.profile_size:g} MB of pages "
              "(profiling slows Python code ~1.5-2×; read the shares, not the seconds).", ""]
        for name, path in profiles.items():
            L += [f"### {name}", "", *hotspots(path), ""]
    return "\n".join(L) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1,10,20", help="corpus sizes in MB, comma-separated (default 1,10,20)")
    ap.add_argument("--only", default="floor,opencc,check,fix,detectors,single",
                    help="measurements: floor,opencc,check,fix,detectors,single (default all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per measurement (default 3600)")
    ap.add_argument("--profile", choices=["auto", "yes", "no"], default="auto",
                    help="cProfile check and each detector (auto: when check is below the target)")
    ap.add_argument("--profile-size", type=float, default=1.0, help="MB of pages to profile (default 1)")
    ap.add_argument("--out", default=os.path.join(HERE, "results.md"))
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--size", type=float, help=argparse.SUPPRESS)
    ap.add_argument("--profile-to", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.size, args.profile_to)))
        return 0

    args.sizes = sorted(float(s) for s in args.sizes.split(",") if s.strip())
    only = {s.strip() for s in args.only.split(",")}
    corpus_mb = max(20.0, max(args.sizes))
    t0 = time.perf_counter()
    paths = corpus.write_corpus(ROOT, CORPUS_DIR, corpus_mb, args.seed)
    total = sum(os.path.getsize(p) for p in paths)
    info = (f"{len(paths)} pages, {total / 1e6:.1f} MB in {os.path.relpath(CORPUS_DIR, ROOT)}/pages "
            f"(seed {args.seed}; from {len(corpus.source_files(ROOT))} source files)")
    print(f"corpus: {info} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)

    plan = [n for n in MAIN if n in only]
    if "detectors" in only:
        plan += ["document", *(f"det:{k}" for k in KINDS), "breakdown"]
    if "single" in only:
        plan.append("single")
    results: dict = {}
    for s in args.sizes:
        for name in plan:
            results[(name, s)] = measure(name, s, args.timeout)

    profiles = {}
    check = results.get(("check", args.sizes[0]))
    if args.profile == "yes" or (args.profile == "auto" and mbs(check) is not None and mbs(check) < TARGET_MBS):
        os.makedirs(os.path.join(HERE, "out"), exist_ok=True)
        for name in ("check", *(f"det:{k}" for k in KINDS)):
            if name != "check" and (mbs(results.get((name, args.sizes[0]))) or 0) >= TARGET_MBS:
                continue
            path = os.path.join(HERE, "out", f"profile-{name.replace(':', '-')}.prof")
            r = measure(name, args.profile_size, args.timeout, profile=path)
            if "error" not in r:
                profiles[name] = path

    text = report(args, results, profiles, info)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
