"""Build a varied benchmark corpus of newspaper-like pages from the seeds, gold and fixtures.

The sources are a few hundred paragraphs, so the corpus recombines them (fixed seed): every
page draws paragraphs from all sources, half of them rebuilt from sentences of different
paragraphs, then gets a layout (blank-line paragraphs, hard-wrapped at a random width,
tight lines, CRLF) and a little damage (a paragraph split mid-sentence, a repeated
paragraph, a headline run into body text), like the pages `repair` is meant for.

    pages = build_pages(sources(ROOT), total_bytes=20 * 1_000_000, seed=1)
"""
from __future__ import annotations

import glob
import os
import random
import re
from dataclasses import dataclass

SENT_RE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+$")
SENT_PUNCT = re.compile(r"[，,；;。！？!?]")


@dataclass
class Pool:
    paragraphs: list[str]
    sentences: list[str]
    headlines: list[str]


def source_files(root: str) -> list[str]:
    files = sorted(glob.glob(os.path.join(root, "seeds", "*.txt")))
    files += sorted(glob.glob(os.path.join(root, "..", "shared", "gold", "*.gold.txt")))
    files += sorted(glob.glob(os.path.join(root, "fixtures", "**", "*.txt"), recursive=True))
    return files


def sources(root: str) -> Pool:
    """Paragraphs (hard wraps undone), their sentences, and headline-like short lines."""
    paragraphs, headlines = [], []
    seen = set()
    for path in source_files(root):
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read().replace("\r\n", "\n")
        for block in re.split(r"\n\s*\n", text):
            lines = [l.strip() for l in block.split("\n") if l.strip()]
            if not lines:
                continue
            # a block of short lines ending without punctuation: headlines, one per line
            if all(len(l) <= 30 and not SENT_PUNCT.search(l[-1:]) for l in lines):
                for l in lines:
                    if l not in seen:
                        seen.add(l)
                        headlines.append(l.lstrip("# ").strip() or l)
                continue
            para = "".join(lines) if all(_cjk(l) for l in lines) else " ".join(lines)
            if para not in seen:
                seen.add(para)
                paragraphs.append(para)
    sentences = [s for p in paragraphs for s in SENT_RE.findall(p) if len(s.strip()) >= 6]
    if not paragraphs:
        raise SystemExit("no source text: seeds/*.txt is empty")
    return Pool(paragraphs, sentences, headlines or ["本报讯"])


def _cjk(s: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in s)


def _paragraph(rng: random.Random, pool: Pool) -> str:
    if rng.random() < 0.5:
        return rng.choice(pool.paragraphs)
    return "".join(rng.choice(pool.sentences).strip() for _ in range(rng.randint(1, 6)))


def _wrap(p: str, width: int) -> list[str]:
    return [p[i:i + width] for i in range(0, len(p), width)] or [p]


def page(rng: random.Random, pool: Pool) -> str:
    blocks: list[list[str]] = []
    for _ in range(rng.randint(1, 4)):   # articles
        heads = [rng.choice(pool.headlines) for _ in range(rng.randint(1, 2))]
        blocks += [[("# " if rng.random() < 0.2 else "") + h] for h in heads]
        paras = [_paragraph(rng, pool) for _ in range(rng.randint(2, 12))]
        # damage: a repeated paragraph, a paragraph cut by a page break, a headline fused in
        if rng.random() < 0.25 and paras:
            paras.insert(rng.randint(0, len(paras)), rng.choice(paras))
        if rng.random() < 0.3:
            i = rng.randrange(len(paras))
            if len(paras[i]) > 20:
                cut = rng.randint(5, len(paras[i]) - 5)
                paras[i:i + 1] = [paras[i][:cut], paras[i][cut:]]
        if rng.random() < 0.15:
            i = rng.randrange(len(paras))
            paras[i] = rng.choice(pool.headlines) + " " + paras[i]
        width = rng.choice([0, 0, 0, 14, 17, 20, 23, 28, 33, 40])
        for p in paras:
            blocks.append(_wrap(p, width) if width else [p])
    tight = rng.random() < 0.15
    sep = "\n" if tight else "\n\n"
    text = sep.join("\n".join(b) for b in blocks) + "\n"
    if rng.random() < 0.1:
        text = text.replace("\n", "\r\n")
    return text


def build_pages(pool: Pool, total_bytes: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    pages, size = [], 0
    while size < total_bytes:
        p = page(rng, pool)
        pages.append(p)
        size += len(p.encode("utf-8"))
    return pages


def write_corpus(root: str, out_dir: str, total_mb: float, seed: int = 1) -> list[str]:
    """Write pages as out_dir/pages/NNNNNN.txt (reused if already there for this seed and size)."""
    pages_dir = os.path.join(out_dir, "pages")
    stamp = os.path.join(out_dir, "STAMP")
    want = f"seed={seed} mb={total_mb} sources={len(source_files(root))}\n"
    if os.path.exists(stamp) and open(stamp).read() == want:
        return sorted(glob.glob(os.path.join(pages_dir, "*.txt")))
    os.makedirs(pages_dir, exist_ok=True)
    for old in glob.glob(os.path.join(pages_dir, "*.txt")):
        os.unlink(old)
    paths = []
    for i, text in enumerate(build_pages(sources(root), int(total_mb * 1_000_000), seed)):
        path = os.path.join(pages_dir, f"{i:06d}.txt")
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        paths.append(path)
    with open(stamp, "w") as fh:
        fh.write(want)
    return paths


def first_mb(paths: list[str], mb: float) -> list[str]:
    """The first pages adding up to `mb` MB (10^6 bytes)."""
    out, size = [], 0
    for p in paths:
        if size >= mb * 1_000_000:
            break
        out.append(p)
        size += os.path.getsize(p)
    return out
