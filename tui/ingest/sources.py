"""Expand what the user typed into individual sources, and read each one.

Expansion never raises: a missing path, an empty glob or a symlink loop
becomes a `SourceFailure` in the stream, so one bad argument does not stop
a batch. Reading raises `SourceError` with a one-line reason.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import BinaryIO, NamedTuple

from tui.errors import SourceError
from tui.models import RawDocument

MIB = 1024 * 1024
DEFAULT_MAX_BYTES = 25 * MIB
STDIN = "-"
GLOB_CHARS = frozenset("*?[")
CHUNK = 64 * 1024
MEDIA_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".txt": "text/plain",
}

FileId = tuple[int, int]  # (st_dev, st_ino): the same file under any name


@dataclass(frozen=True)
class SourceFailure:
    """A spec (or a file found under one) that cannot become a source."""

    source: str
    reason: str


def is_url(spec: str) -> bool:
    """Only web addresses are fetched; anything else is a path."""
    return spec[:8].lower().startswith(("http://", "https://"))


def too_large(max_bytes: int) -> SourceError:
    """The one wording for every size limit (files, stdin, downloads, gzip)."""
    if max_bytes >= MIB:
        return SourceError(f"too large: over {max_bytes / MIB:.3g} MB")
    return SourceError(f"too large: over {max_bytes} bytes")


def read_capped(stream: BinaryIO, max_bytes: int) -> bytes:
    """Read to the end, but never hold more than `max_bytes` + one chunk."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(min(CHUNK, max_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise too_large(max_bytes)
    return b"".join(chunks)


# -- expansion ---------------------------------------------------------------


class _Found(NamedTuple):
    """A source found while expanding, before duplicates are dropped."""

    source: str
    file_id: FileId | None  # None for URLs and stdin, which are never merged


def expand_sources(specs: Iterable[str]) -> Iterator[str | SourceFailure]:
    """Turn paths, folders, globs, URLs and "-" into one source each.

    Files come out as absolute paths, each real file once per expansion
    (however many names, symlinks or specs lead to it).
    """
    seen: set[FileId] = set()
    for spec in specs:
        for item in _expand_one(spec):
            if isinstance(item, SourceFailure):
                yield item
            elif item.file_id is None:
                yield item.source
            elif item.file_id not in seen:
                seen.add(item.file_id)
                yield item.source


def _expand_one(spec: str) -> Iterator[_Found | SourceFailure]:
    if spec == STDIN or is_url(spec):
        yield _Found(spec, None)
    elif os.path.lexists(spec):
        yield from _expand_path(Path(spec))
    elif GLOB_CHARS.intersection(spec):
        yield from _expand_glob(spec)
    else:
        yield SourceFailure(spec, "no such file or folder")


def _expand_path(path: Path) -> Iterator[_Found | SourceFailure]:
    """An existing path: a folder is walked, anything else is a file."""
    if path.is_dir():
        empty = True
        for item in _walk(path, _FolderRules()):
            empty = False
            yield item
        if empty:
            yield SourceFailure(str(path), "no files in this folder")
    else:
        yield _file(path)


def _expand_glob(pattern: str) -> Iterator[_Found | SourceFailure]:
    """Match a pattern by walking from its fixed leading folders.

    Our own walker rather than `glob.glob`: that one follows folder symlinks
    under `**` and, given a loop, repeats files down to the kernel's symlink
    limit (exponentially so with several loops).
    """
    base, parts = _split_pattern(pattern)
    found = False
    if base.is_dir():
        for item in _walk(base, _GlobRules(parts)):
            found = found or isinstance(item, _Found)
            yield item
    if not found:
        yield SourceFailure(pattern, "no files match")


def _split_pattern(pattern: str) -> tuple[Path, tuple[str, ...]]:
    """Split "news/2024/**/*.html" into the folder "news/2024" and the rest."""
    parts = Path(pattern).parts
    fixed = 0
    while fixed < len(parts) - 1 and not GLOB_CHARS.intersection(parts[fixed]):
        fixed += 1
    return Path(*parts[:fixed]) if fixed else Path("."), parts[fixed:]


def _file(path: Path) -> _Found | SourceFailure:
    """A file found by any route: its absolute path, or why it is unusable."""
    try:
        info = os.stat(path)
    except OSError as error:
        return SourceFailure(os.path.abspath(path), _path_reason(error, path))
    return _Found(os.path.abspath(path), (info.st_dev, info.st_ino))


def _path_reason(error: OSError, path: Path) -> str:
    """A short reason for a failed stat or open, naming symlink trouble plainly."""
    if error.errno == errno.ELOOP:
        return "symlink loop"
    if error.errno == errno.ENOENT:
        return "broken symlink" if path.is_symlink() else "no such file"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (error.strerror or str(error)).lower()


# -- which names a walk takes ------------------------------------------------------


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


class _FolderRules:
    """A plain folder: everything except hidden names."""

    def enter(self, parts: tuple[str, ...]) -> bool:
        return not _is_hidden(parts[-1])

    def keep(self, parts: tuple[str, ...]) -> bool:
        return not _is_hidden(parts[-1])


class _GlobRules:
    """Glob matching as shells do it: `*` stays within one name, `**` spans
    folders, and hidden names only match a pattern part starting with ".".
    A folder that matches is taken whole, as if it had been named."""

    def __init__(self, pattern: tuple[str, ...]) -> None:
        self.pattern = pattern

    def enter(self, parts: tuple[str, ...]) -> bool:
        return _could_match(self.pattern, parts) or self.keep(parts)

    def keep(self, parts: tuple[str, ...]) -> bool:
        for end in range(len(parts), 0, -1):
            if _matches(self.pattern, parts[:end]):
                return not any(_is_hidden(name) for name in parts[end:])
        return False


_Rules = _FolderRules | _GlobRules


def _part_matches(name: str, pattern: str) -> bool:
    if _is_hidden(name) and not pattern.startswith("."):
        return False
    return fnmatchcase(name, pattern)


def _matches(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Does the whole relative path match the whole pattern?"""
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        for skip in range(len(parts) + 1):
            if _matches(rest, parts[skip:]):
                return True
            if skip < len(parts) and _is_hidden(parts[skip]):
                return False  # ** never crosses a hidden folder
        return False
    return bool(parts) and _part_matches(parts[0], head) and _matches(rest, parts[1:])


def _could_match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Could something below the folder `parts` still match? Prunes the walk."""
    if not parts:
        return True
    if not pattern:
        return False
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return not _is_hidden(parts[0]) or _could_match(rest, parts)
    return _part_matches(parts[0], head) and _could_match(rest, parts[1:])


# -- walking -------------------------------------------------------------------


class _Step(NamedTuple):
    path: Path
    parts: tuple[str, ...]  # relative to the walk's root
    ancestors: tuple[FileId, ...]  # the folders above it
    is_dir: bool


def _walk(root: Path, rules: _Rules) -> Iterator[_Found | SourceFailure]:
    """Depth-first, names sorted at every level, with an explicit stack.

    A stack rather than recursion, so very deep trees cannot hit Python's
    recursion limit. `visited` keeps folder symlinks from leading into a
    folder twice; a symlink back to an ancestor is reported as a loop.
    """
    visited: set[FileId] = set()
    stack = [_Step(root, (), (), True)]
    while stack:
        step = stack.pop()
        if not step.is_dir:
            yield _file(step.path)
            continue
        children = _list_folder(step, rules, visited)
        if isinstance(children, SourceFailure):
            yield children
        else:
            stack.extend(reversed(children))


def _list_folder(folder: _Step, rules: _Rules, visited: set[FileId]) -> list[_Step] | SourceFailure:
    """The entries of one folder worth a visit, sorted by name."""
    where = os.path.abspath(folder.path)
    try:
        info = os.stat(folder.path)
        folder_id = (info.st_dev, info.st_ino)
        if folder_id in folder.ancestors:
            return SourceFailure(where, "symlink loop")
        if folder_id in visited:
            return []
        visited.add(folder_id)
        with os.scandir(folder.path) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        return SourceFailure(where, f"cannot read folder: {_path_reason(error, folder.path)}")
    ancestors = (*folder.ancestors, folder_id)
    steps = (_step(folder, entry, ancestors, rules) for entry in entries)
    return [step for step in steps if step is not None]


def _step(
    folder: _Step, entry: os.DirEntry[str], ancestors: tuple[FileId, ...], rules: _Rules
) -> _Step | None:
    """One folder entry as a walk step, or None to skip it.

    Symlinks that lead nowhere (dangling or looping) count as files, so that
    `_file` reports them; FIFOs, sockets and devices are skipped.
    """
    parts = (*folder.parts, entry.name)
    path = folder.path / entry.name
    try:
        is_dir, is_file = entry.is_dir(), entry.is_file() or entry.is_symlink()
    except OSError:  # a symlink loop
        is_dir, is_file = False, True
    if is_dir:
        return _Step(path, parts, ancestors, True) if rules.enter(parts) else None
    if is_file and rules.keep(parts):
        return _Step(path, parts, (), False)
    return None


# -- reading -------------------------------------------------------------------


def read_source(
    source: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 20.0,
    stdin: BinaryIO | None = None,
) -> RawDocument:
    """Read one expanded source (path, URL or "-") into bytes, within `max_bytes`."""
    if source == STDIN:
        return RawDocument(STDIN, read_capped(_stdin(stdin), max_bytes))
    if is_url(source):
        # Imported here: urllib costs ~50 ms at start-up, and fetch imports us.
        from tui.ingest.fetch import fetch_url

        return fetch_url(source, max_bytes=max_bytes, timeout=timeout)
    return _read_file(source, max_bytes)


def _stdin(stdin: BinaryIO | None) -> BinaryIO:
    if stdin is not None:
        return stdin
    if sys.stdin is None:  # started without one, e.g. by a service manager
        raise SourceError("no standard input")
    return sys.stdin.buffer


def _read_file(source: str, max_bytes: int) -> RawDocument:
    """Check what the path is before opening it, and again after.

    Before: opening a FIFO blocks and opening a device can have side
    effects. After: the path may have been swapped in between, so the
    opened file is checked too (O_NONBLOCK keeps a swapped-in FIFO from
    blocking the open).
    """
    path = Path(source)
    try:
        _check_file(os.stat(path), max_bytes)
        with open(path, "rb", opener=_open_nonblocking) as stream:
            _check_file(os.fstat(stream.fileno()), max_bytes)
            data = read_capped(stream, max_bytes)
    except OSError as error:
        raise SourceError(_path_reason(error, path)) from None
    return RawDocument(source, data, MEDIA_TYPES.get(path.suffix.lower()))


def _open_nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | os.O_NONBLOCK)


def _check_file(info: os.stat_result, max_bytes: int) -> None:
    """Refuse folders, devices and FIFOs, and big files before reading a byte."""
    if stat.S_ISDIR(info.st_mode):
        raise SourceError("is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError("not a regular file")
    if info.st_size > max_bytes:
        raise too_large(max_bytes)
