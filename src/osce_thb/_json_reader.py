"""JSON files of documents, read with the position of each document: for editors and reports.

`load_documents` reads a JSON Lines file (one document
a line), a JSON file (one document, or an array of them) or a binary stream, and
yields each document, or the error that stands in its place, with the line and
column where it starts, so that a report can point an editor at it. Nothing
stops at the first bad document: the others are still read.

JSON Lines are read a line at a time, in constant memory; a JSON file is read
whole (it is one value), and an array's items are found and read one after
another, in time linear in the file's length.
"""

from __future__ import annotations

import json
import os
from typing import IO, TYPE_CHECKING, Final

import attrs

from osce_thb._inputs import MAX_PAGE_BYTES
from osce_thb._json import _from_text, _NotJsonError
from osce_thb.errors import JsonError
from osce_thb.model import Document

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["JSON_LINES_SUFFIXES", "JSON_SUFFIXES", "JsonRecord", "load_documents"]

JSON_LINES_SUFFIXES: Final = (".jsonl", ".ndjson")
"""The names of JSON Lines files (any case)."""

JSON_SUFFIXES: Final = (".json",)
"""The names of JSON files: one value (any case)."""

_BOM: Final = b"\xef\xbb\xbf"
_WHOLE_FILE_FACTOR: Final = 64
"""A JSON file (one value) may be this many times `max_size`: it holds many documents."""
_CHUNK: Final = 65536
_SPACE: Final = " \t\n\r"


@attrs.frozen
class JsonRecord:
    """A document read from JSON, or what is wrong with it, and where it starts.

    Attributes:
        line: The 1-based line where the document starts (for a text that is not
            JSON, where the syntax error is).
        column: The 1-based column there.
        index: The document's position in a JSON array, or ``None`` (a line of
            JSON Lines, a file of one document).
        result: The document, or the `JsonError` that lists what is wrong with it;
            inside an array, its problems' paths start with the index (``$[3]...``).
    """

    line: int
    column: int
    index: int | None
    result: Document | JsonError


def load_documents(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    lines: bool | None = None,
    max_size: int | None = MAX_PAGE_BYTES,
) -> Iterator[JsonRecord]:
    """Read the documents of a JSON Lines or JSON file, each with its position.

    Args:
        source: A path, or a binary file open for reading (stdin's ``buffer``).
        lines: Whether the source is JSON Lines (``True``) or one JSON value, a
            document or an array of them (``False``). ``None``: the path's suffix
            says (``.jsonl``, ``.ndjson``; ``.json``), else the first line that is
            not blank does: JSON Lines if it is a whole JSON object.
        max_size: The most bytes of one document's JSON (a line, an array's
            item) to read; a JSON file may hold 64 times that. ``None``: no limit.
            A line longer than that is an error in its place; a longer file stops
            with one.

    Yields:
        A `JsonRecord` per document, in the order of the source; none for an
        empty source (or one of blank lines).

    Raises:
        OSError: The file cannot be opened or read.
    """
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        if lines is None:
            lower = path.lower()
            if lower.endswith(JSON_LINES_SUFFIXES):
                lines = True
            elif lower.endswith(JSON_SUFFIXES):
                lines = False
        with open(path, "rb") as handle:  # noqa: PTH123  # a str, as the caller gave it
            yield from _records(handle, lines, max_size)
    else:
        yield from _records(source, lines, max_size)


def _records(handle: IO[bytes], lines: bool | None, max_size: int | None) -> Iterator[JsonRecord]:
    limit = -1 if max_size is None else max_size + 1
    head: list[bytes] = []
    if lines is None:  # the first line that is not blank says
        while True:
            raw = handle.readline(limit)
            if not raw:
                break
            head.append(raw)
            if raw.strip():
                break
        lines = bool(head) and _is_object_line(head[-1])
    if lines:
        yield from _json_lines(handle, head, max_size)
        return
    whole = None if max_size is None else max_size * _WHOLE_FILE_FACTOR
    data = b"".join(head)
    rest = handle.read() if whole is None else handle.read(max(whole + 1 - len(data), 0))
    data += rest
    if whole is not None and len(data) > whole:
        problem = f"$: too large: a JSON file of more than {whole:,} bytes (use JSON Lines)"
        yield JsonRecord(1, 1, None, JsonError([problem]))
        return
    yield from _json_whole(data)


def _is_object_line(raw: bytes) -> bool:
    try:
        return isinstance(json.loads(raw.removeprefix(_BOM)), dict)
    except (ValueError, RecursionError):
        return False


def _lines_of(handle: IO[bytes], head: Iterable[bytes], limit: int) -> Iterator[bytes]:
    yield from head
    while True:
        raw = handle.readline(limit)
        if not raw:
            return
        yield raw


def _json_lines(handle: IO[bytes], head: list[bytes], max_size: int | None) -> Iterator[JsonRecord]:
    limit = -1 if max_size is None else max_size + 1
    for number, raw in enumerate(_lines_of(handle, head, limit), start=1):
        if number == 1:
            raw = raw.removeprefix(_BOM)
        if max_size is not None and len(raw) > max_size and not raw.endswith(b"\n"):
            _skip_line(handle)
            problem = f"$: too large: a line of more than {max_size:,} bytes"
            yield JsonRecord(number, 1, None, JsonError([problem]))
            continue
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            column = len(raw[: error.start].decode("utf-8", "replace")) + 1
            bad = raw[error.start : error.start + 1].hex()
            problem = f"$: not valid JSON: not UTF-8 text: byte 0x{bad} cannot be decoded"
            yield JsonRecord(number, column, None, JsonError([problem]))
            continue
        yield _record(text.rstrip("\r\n"), number, 1, None)


def _skip_line(handle: IO[bytes]) -> None:
    """Read the rest of a line too long to keep, a chunk at a time."""
    while True:
        chunk = handle.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _record(text: str, line: int, column: int, index: int | None) -> JsonRecord:
    """The record of the JSON `text` of one document, which starts at `line` and `column`."""
    try:
        document = _from_text(text, single_line=True)
    except _NotJsonError as error:
        at_line = line + error.line - 1
        at_column = error.column + (column - 1 if error.line == 1 else 0)
        problem = JsonError([f"$: not valid JSON: {error.reason}"])
        return JsonRecord(at_line, at_column, index, _at(problem, index))
    except JsonError as error:
        return JsonRecord(line, column, index, _at(error, index))
    return JsonRecord(line, column, index, document)


def _at(error: JsonError, index: int | None) -> JsonError:
    """`error` with its paths inside an array's item `index` (``$[3].title``)."""
    if index is None:
        return error
    return JsonError([f"$[{index}]{problem[1:]}" for problem in error.problems])


def _json_whole(data: bytes) -> Iterator[JsonRecord]:
    data = data.removeprefix(_BOM)
    if not data.strip():
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        bad = data[error.start : error.start + 1].hex()
        problem = (
            f"$: not valid JSON: not UTF-8 text: byte 0x{bad} at offset {error.start}"
            " cannot be decoded"
        )
        yield JsonRecord(line, column, None, JsonError([problem]))
        return
    positions = _Positions(text)
    start = _skip_space(text, 0)
    if text[start] != "[":
        line, column = positions.at(start)
        yield _record(text[start:], line, column, None)
        return
    yield from _array_items(text, start, positions)


def _array_items(text: str, start: int, positions: _Positions) -> Iterator[JsonRecord]:
    """The records of the items of the JSON array at `start` of `text`, in linear time."""
    decoder = json.JSONDecoder()
    careful = json.JSONDecoder(parse_int=_any_int, parse_constant=lambda _: None)
    position = _skip_space(text, start + 1)
    index = 0
    if position < len(text) and text[position] == "]":
        position = _skip_space(text, position + 1)
    else:
        while True:
            try:
                try:
                    _, end = decoder.raw_decode(text, position)
                except json.JSONDecodeError:
                    raise
                except ValueError:  # an integer too long for int(): find the end anyway
                    _, end = careful.raw_decode(text, position)
            except json.JSONDecodeError as error:
                yield _syntax_error(positions, error.pos, error.msg, index)
                return
            except RecursionError:
                yield _syntax_error(positions, position, "nested too deeply", index)
                return
            line, column = positions.at(position)
            yield _record(text[position:end], line, column, index)
            position = _skip_space(text, end)
            if position < len(text) and text[position] == ",":
                position = _skip_space(text, position + 1)
                index += 1
                continue
            if position < len(text) and text[position] == "]":
                position = _skip_space(text, position + 1)
                break
            yield _syntax_error(positions, position, "Expecting ',' delimiter", None)
            return
    if position < len(text):
        yield _syntax_error(positions, position, "Extra data", None)


def _any_int(text: str) -> int:
    return 0  # the value is not kept: only where the item ends


def _syntax_error(positions: _Positions, offset: int, reason: str, index: int | None) -> JsonRecord:
    line, column = positions.at(offset)
    path = "$" if index is None else f"$[{index}]"
    return JsonRecord(line, column, index, JsonError([f"{path}: not valid JSON: {reason}"]))


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in _SPACE:
        position += 1
    return position


class _Positions:
    """Line and column of offsets into a text, asked for in increasing order: linear time."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._offset = 0
        self._line = 1
        self._line_start = 0

    def at(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of `offset` (no less than the last one asked)."""
        text = self._text
        if offset > self._offset:
            self._line += text.count("\n", self._offset, offset)
            newline = text.rfind("\n", self._offset, offset)
            if newline >= 0:
                self._line_start = newline + 1
            self._offset = offset
        return self._line, offset - self._line_start + 1
