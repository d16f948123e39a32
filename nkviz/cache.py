"""The on-disk cache of parsed reports, keyed by content hash.

Two levels: a whole-corpus entry (the hash of every input file's bytes) makes reloading
an unchanged corpus one file read; per-report entries (the hash of a report's text and
metadata) make a changed corpus re-extract only what changed. Every key also holds the
*pipeline fingerprint*, a hash of the extraction code and vocabulary data, so a new
version of nkviz never serves stale events. The cache lives in ``$NKVIZ_CACHE`` or
``~/.cache/nkviz``; it is an optimisation only, and any damaged file is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from .paths import DATA_DIR, PACKAGE_DIR

FINGERPRINT_SOURCES = ("extract", "geo", "readers", "schema.py", "load.py", "cache.py")
FINGERPRINT_DATA = ("vocab", "gazetteer", "geo")


def default_dir() -> Path:
    return Path(os.environ.get("NKVIZ_CACHE") or Path.home() / ".cache" / "nkviz")


@cache
def pipeline_fingerprint() -> str:
    """Hash of the code and data that decide what events a report gives."""
    h = hashlib.blake2b(digest_size=12)
    roots = [PACKAGE_DIR / s for s in FINGERPRINT_SOURCES] + [DATA_DIR / d for d in FINGERPRINT_DATA]
    for root in roots:
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for f in files:
            if f.is_file() and f.suffix not in (".pyc",) and "__pycache__" not in f.parts:
                h.update(str(f.relative_to(PACKAGE_DIR.parent)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass") if isinstance(p, str) else p)
        h.update(b"\x1f")
    return h.hexdigest()


class Store:
    """A pickle file per key under one folder; reads never raise."""

    def __init__(self, directory: Path | None = None, *, enabled: bool = True):
        self.directory = Path(directory) if directory else default_dir()
        self.enabled = enabled

    def _path(self, kind: str, key: str) -> Path:
        return self.directory / f"{kind}-{pipeline_fingerprint()}-{key}.pickle"

    def get(self, kind: str, key: str):
        if not self.enabled:
            return None
        try:
            with open(self._path(kind, key), "rb") as fh:
                return pickle.load(fh)
        except Exception:  # a missing or damaged cache entry is just a miss
            return None

    def put(self, kind: str, key: str, value) -> None:
        if not self.enabled:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self._path(kind, key))
        except OSError:
            pass  # a read-only or full disk only costs speed
