"""Reading and writing text files without ever damaging them.

Decoding: UTF-8 (with or without BOM), else GB18030 when that decodes cleanly into mostly
Chinese text. Binary files and undecodable bytes are refused with a message saying what to try.
Writing: a temp file in the same directory, fsync, then os.replace, so a file is never
half-written; encoding, BOM and newlines are kept as read.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass

from .textutil import han_ratio

MAX_BYTES = 512 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as text. The message says why and what to try."""


@dataclass(frozen=True)
class TextFile:
    path: str
    text: str
    encoding: str      # "utf-8" or "gb18030"
    bom: bool
    mtime_ns: int = 0
    size: int = 0
    digest: str = ""   # of the bytes read: a same-size edit within one mtime tick is still seen


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def decode(data: bytes, path: str = "<stdin>") -> tuple[str, str, bool]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: looks like UTF-16; convert it first, e.g. `iconv -f UTF-16 -t UTF-8`")
    if b"\x00" in data:   # anywhere: a NUL would be carried into the output
        raise InputError(f"{path}: looks binary (NUL bytes); repair reads text files only")
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        return data[3:].decode("utf-8") if bom else data.decode("utf-8"), "utf-8", bom
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and han_ratio(text[:20000]) >= 0.3:
        return text, "gb18030", False
    raise InputError(f"{path}: not valid UTF-8 (byte {utf8_error.start}: {data[utf8_error.start:utf8_error.start + 4]!r})"
                     f" and not GB18030 Chinese; convert it first, e.g. `iconv -f YOUR-ENCODING -t UTF-8`")


def read(path: str) -> TextFile:
    try:
        st = os.stat(path)
        if st.st_size > MAX_BYTES:
            raise InputError(f"{path}: {st.st_size} bytes is over the {MAX_BYTES} byte limit; split the file")
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    text, enc, bom = decode(data, path)
    return TextFile(path, text, enc, bom, st.st_mtime_ns, st.st_size, digest(data))


def _digest_of(path: str) -> str:
    with open(path, "rb") as fh:
        return digest(fh.read())


def encode(text: str, encoding: str, bom: bool) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)


def write_atomic(path: str, text: str, encoding: str = "utf-8", bom: bool = False,
                 expect_mtime_ns: int | None = None, expect_digest: str | None = None) -> None:
    """Replace `path` with `text` in one step. Refuses if the file changed since it was read.

    A symlink is followed: its target is replaced, the link stays a link."""
    shown, path = path, os.path.realpath(path)
    if os.path.exists(path) and (
            expect_mtime_ns is not None and os.stat(path).st_mtime_ns != expect_mtime_ns
            or expect_digest is not None and _digest_of(path) != expect_digest):
        raise InputError(f"{shown}: changed on disk since it was read; not overwritten")
    if os.path.exists(path) and not os.stat(path).st_mode & 0o222:
        # a rename would replace it anyway: honour the owner's read-only mark instead
        raise InputError(f"{shown}: read-only; not overwritten (chmod u+w it, or use -o/--stdout)")
    data = encode(text, encoding, bom)
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".repair-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
