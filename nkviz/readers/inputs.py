"""Where report files come from: paths, folder trees, zip archives, gzip wrappers.

A :class:`Source` is one file to read, with the name the ingest report shows for it
("corpus/2018/a.txt", "bundle.zip!posts/b.md") and, if it has one, its sidecar
``NAME.json`` (next to ``NAME.txt`` or as ``NAME.txt.json``). Hidden files, OS clutter
(``__MACOSX``, ``Thumbs.db``) and the asset folders browsers save beside a page
(``page_files/`` next to ``page.html``) are not inputs. Folders are walked in sorted
order, so report ids and duplicate decisions are the same on every run.
"""

from __future__ import annotations

import gzip
import io
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

MAX_ZIP_MEMBERS = 100_000
MAX_NESTING = 3  # zip inside zip inside zip
_CLUTTER = {"thumbs.db", "desktop.ini", "__macosx", "__pycache__", ".ds_store"}
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
               RuntimeError, ValueError, OSError, zipfile.LargeZipFile)


@dataclass
class Source:
    name: str  # as shown in the ingest report
    filename: str  # the file's own name ("a.txt"), for its stem and extension
    size: int
    load: Callable[[], bytes]
    sidecar_name: str = ""
    load_sidecar: Callable[[], bytes] | None = None
    depth: int = 0  # archive nesting

    @property
    def stem(self) -> str:
        return stem_of(self.filename)

    @property
    def ext(self) -> str:
        return ext_of(self.filename)


def stem_of(filename: str) -> str:
    """'dir/a.b.txt' -> 'a.b'; 'x.csv.gz' -> 'x'; '.profile' -> '.profile'."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem else name


def ext_of(filename: str) -> str:
    """'a.TXT' -> 'txt'; 'README' -> ''."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def is_hidden(name: str) -> bool:
    return name.startswith((".", "~$")) or name.lower() in _CLUTTER


def _sidecar_pairs(names: list[str]) -> dict[str, str]:
    """file name -> its sidecar's name, for the .json files that describe a sibling."""
    by_stem: dict[str, list[str]] = {}
    for n in names:
        if not n.lower().endswith(".json"):
            by_stem.setdefault(PurePosixPath(n).stem, []).append(n)
    pairs = {}
    for n in names:
        if not n.lower().endswith(".json"):
            continue
        base = n[:-5]
        targets = [base] if base in names and base != n else by_stem.get(base, [])
        for target in targets:
            pairs.setdefault(target, n)
    return pairs


def walk(path: Path, rejected: Callable[[str, str], None]) -> Iterator[Source]:
    """Sources under a path given by the user (a file or a folder tree)."""
    if path.is_dir():
        yield from _walk_dir(path, rejected)
    elif path.exists():
        sidecar = None
        if path.suffix.lower() != ".json":  # look for its sidecar without listing the folder
            for candidate in (path.with_name(path.name + ".json"), path.with_suffix(".json")):
                if candidate.is_file():
                    sidecar = str(candidate)
                    break
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        yield _file_source(str(path), path.name, size, sidecar)
    else:
        rejected(str(path), "there is no such file or folder")


def _walk_dir(folder: Path, rejected) -> Iterator[Source]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        rejected(str(folder), f"the folder could not be listed ({err.strerror or err})")
        return
    names = [e.name for e in entries if not is_hidden(e.name)]
    pages = {PurePosixPath(n).stem for n in names if ext_of(n) in ("html", "htm", "mhtml")}
    pairs = _sidecar_pairs([e.name for e in entries if _is_file(e) and not is_hidden(e.name)])
    sidecars = set(pairs.values())
    for e in entries:
        if is_hidden(e.name) or e.name in sidecars:
            continue
        if e.is_dir(follow_symlinks=False):
            if e.name.endswith(("_files", ".files")) and e.name.rsplit("_", 1)[0].rsplit(
                    ".", 1)[0] in pages:
                continue  # a browser's asset folder beside a saved page
            yield from _walk_dir(Path(e.path), rejected)
        elif _is_file(e):
            sidecar = os.path.join(folder, pairs[e.name]) if e.name in pairs else None
            yield _file_source(e.path, e.name, _size(e), sidecar)


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _size(entry: os.DirEntry) -> int:
    try:
        return entry.stat().st_size
    except OSError:
        return 0


def _file_source(path: str, filename: str, size: int, sidecar: str | None) -> Source:
    return Source(path, filename, size, partial(_read, path),
                  os.path.basename(sidecar) if sidecar else "",
                  partial(_read, sidecar) if sidecar else None)


def _read(path: str) -> bytes:
    with open(path, "rb", buffering=0) as f:  # unbuffered: one read of the whole file
        return f.readall()


def zip_sources(name: str, data: bytes, depth: int) -> tuple[list[Source], str]:
    """The members of a zip archive as sources, or ([], why it cannot be read)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except _ZIP_ERRORS as err:
        return [], f"is not a readable zip archive (damaged or truncated: {err})"
    files = [i for i in infos if not i.is_dir() and not any(
        is_hidden(part) for part in PurePosixPath(i.filename).parts)]
    if len(files) > MAX_ZIP_MEMBERS:
        return [], f"holds {len(files):,} files, more than the {MAX_ZIP_MEMBERS:,} nkviz reads"
    by_dir: dict[str, list[zipfile.ZipInfo]] = {}
    for info in files:
        by_dir.setdefault(str(PurePosixPath(info.filename).parent), []).append(info)
    sources = []
    for infos_in_dir in by_dir.values():
        names = [PurePosixPath(i.filename).name for i in infos_in_dir]
        pairs = _sidecar_pairs(names)
        lookup = dict(zip(names, infos_in_dir))
        for info in infos_in_dir:
            base = PurePosixPath(info.filename).name
            if base in pairs.values():
                continue
            side = lookup.get(pairs.get(base, ""))
            sources.append(Source(
                f"{name}!{info.filename}", base, info.file_size,
                _member_reader(archive, info), side.filename if side else "",
                _member_reader(archive, side) if side else None, depth + 1))
    return sources, ""


def _member_reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    def load() -> bytes:
        if info.flag_bits & 0x1:
            raise OSError("the archive member is encrypted")
        try:
            return archive.read(info)
        except _ZIP_ERRORS as err:
            raise OSError(f"the archive member is damaged ({err})") from err
    return load


def gunzip(data: bytes, limit: int) -> bytes:
    """The content of gzip data, at most ``limit`` + 1 bytes (the caller checks the size).
    Raises OSError when the data is damaged."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            return f.read(limit + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise OSError(f"damaged gzip data ({err})") from err
