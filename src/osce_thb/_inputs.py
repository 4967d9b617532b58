"""Pages on disk: the files of folders, and their documents, one at a time.

`parse_files` reads and parses pages from files and
folders, streaming: each page is read, parsed and handed over before the next
is opened, so that a folder of 100,000 pages runs in constant memory. A page
that cannot be used does not stop the others: its error comes in its place.
`page_paths` lists the files it reads, in its order, for
a caller that wants the count first (a progress bar).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

from osce_thb.errors import ParseError, os_message

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from osce_thb.model import Document

__all__ = ["MAX_PAGE_BYTES", "page_paths", "parse_files"]

MAX_PAGE_BYTES: Final = 10 * 1024 * 1024
"""The largest page `parse_files` reads by default: 10 MiB, a thousand times a real page.

Parsing takes some 25 bytes of memory per byte of text; the limit keeps a stray
file (a disk image, ``/dev/zero``) from taking the machine's memory.
"""

_CHUNK: Final = 1024 * 1024

PAGE_SUFFIXES: Final = (".txt",)
"""The names of page files in a folder (any case)."""


def page_paths(
    paths_or_folder: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> Iterator[str]:
    """The page files `parse_files` reads, in its order.

    Files come as given. A folder gives its ``*.txt`` files and those of its
    subfolders, in name order within each folder, hidden files and folders
    (``.name``) skipped, each real folder visited once (symbolic links cannot
    loop). A folder that holds no page, or cannot be read, comes as itself:
    `parse_files` reports it.

    Args:
        paths_or_folder: One path (a file or a folder), or several.
    """
    if isinstance(paths_or_folder, str | os.PathLike):
        paths_or_folder = [paths_or_folder]
    for raw in paths_or_folder:
        path = os.fspath(raw)
        if not Path(path).is_dir():
            yield path
            continue
        found = False
        for item in _walk_folder(path, set()):
            found = True
            yield item
        if not found:
            yield path


def _walk_folder(folder: str, seen: set[tuple[int, int]]) -> Iterator[str]:
    try:
        info = Path(folder).stat()
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        yield folder  # reported when it is read as a page
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
            is_page = not is_dir and entry.name.lower().endswith(PAGE_SUFFIXES) and entry.is_file()
        except OSError:  # pragma: no cover - a race with a deletion
            yield entry.path
            continue
        if is_dir:
            yield from _walk_folder(entry.path, seen)
        elif is_page:
            yield entry.path


def parse_files(
    paths_or_folder: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    max_size: int | None = MAX_PAGE_BYTES,
) -> Iterator[tuple[str, Document | ParseError]]:
    """Parse page files and folders of them, one page at a time.

    Pages are read as `parse_file` reads them (UTF-8, a BOM and CRLF line ends
    are fine), in the order of `page_paths`.

    Args:
        paths_or_folder: One path (a file or a folder), or several.
        max_size: The largest file read, in bytes (`MAX_PAGE_BYTES` by default);
            ``None`` for no limit.

    Yields:
        ``(path, document)`` for each page, or ``(path, error)`` when the page
        cannot be used: a `ParseError` whose message says why (``no such file``,
        ``folder holds no .txt files``, ``too large: ...``, or what `parse` says).
    """
    for path in page_paths(paths_or_folder):
        yield path, _parse_path(path, max_size)


def _parse_path(path: str, max_size: int | None) -> Document | ParseError:
    from osce_thb._pipeline import parse_bytes

    try:
        data = read_bounded(path, max_size)
        return parse_bytes(data)
    except ParseError as error:
        return error
    except OSError as error:
        return ParseError(os_message(error))
    except MemoryError:
        return ParseError("out of memory: the page is too large to parse here")


def read_bounded(path: str, max_size: int | None) -> bytes:
    """The bytes of the file at `path`, if there are no more than `max_size`.

    Raises:
        ParseError: The file is larger, or is a folder that holds no pages.
        OSError: It cannot be read.
    """
    try:
        handle = open(path, "rb")  # noqa: PTH123, SIM115  # a str, as the caller gave it
    except IsADirectoryError:
        with os.scandir(path):  # the reason it gave no pages: an error, or none there
            pass
        msg = "folder holds no .txt files"
        raise ParseError(msg) from None
    with handle:
        if max_size is None:
            return handle.read()
        size = os.fstat(handle.fileno()).st_size
        if size > max_size:
            raise ParseError(too_large(max_size))
        data = read_at_most(handle, max_size + 1, hint=size)
    if len(data) > max_size:  # a device, a pipe, a file that grew
        raise ParseError(too_large(max_size))
    return data


def read_at_most(handle: IO[bytes], limit: int, *, hint: int = 0) -> bytes:
    """Up to `limit` bytes of `handle`, in chunks: memory for what is read, not for `limit`.

    (``read(limit)`` would set aside `limit` bytes first, however short the file.)
    """
    chunks = []
    left = limit
    chunk_size = max(hint + 1, _CHUNK)
    while left > 0:
        chunk = handle.read(min(chunk_size, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def too_large(max_size: int) -> str:
    """The message for an input over `max_size` bytes."""
    return f"too large: more than {_size(max_size)}, the most that is read"


def _size(count: int) -> str:
    if count % (1024 * 1024) == 0:
        return f"{count // (1024 * 1024)} MiB"
    return f"{count:,} bytes"
