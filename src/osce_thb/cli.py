"""The ``osce-thb`` command line: results without writing code, over whole folders.

Commands (``osce-thb COMMAND --help`` explains each, with examples):

* ``parse PATH...``: pages to JSON (one document) or JSON Lines (many).
* ``validate FILE...``: check JSON documents against the model.
* ``schema``: the JSON Schema of a document.
* ``rollout PATH...``: the merged NRM rollout timeline of a corpus, as a table,
  CSV, JSON or an SVG chart.
* ``export PATH... --to csv|jsonld``: flat tables (with HXL hashtags on request)
  and schema.org JSON-LD.

Inputs are files, folders (their ``*.txt`` files, recursively, sorted by name in
each folder, hidden ones skipped) and ``-`` for stdin. They are read one at a
time and every record is written as soon as it is ready, so that a folder of
100,000 pages runs in constant memory.

Every input that cannot be used gets one line on stderr, ``path:line:col:
message`` (``0:0`` when the whole file is at fault), and the other inputs are
still processed and written. Each JSON Lines record is written whole and
flushed, and Ctrl-C waits for the record being written: an interrupted run
leaves complete records only (and a closed JSON array).

Exit status: 0 when every input was used, 1 when some were not (or, for
``validate``, when a document is invalid), 2 for a usage error, 130 when
interrupted (Ctrl-C), 143 when terminated, 141 when the reader of stdout went away.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import itertools
import json
import os
import signal
import sys
import threading
import time
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, Literal, NamedTuple

from osce_thb._version import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from types import FrameType

    from osce_thb.model import Document

__all__ = ["main"]

_PAGE_SUFFIXES: Final = (".txt",)
_LINES_SUFFIXES: Final = (".jsonl", ".ndjson")
_JSON_SUFFIXES: Final = (".json",)
_STDIN: Final = "-"
_STDIN_LABEL: Final = "<stdin>"
_BOM: Final = b"\xef\xbb\xbf"
_PROGRESS_MINIMUM: Final = 50  # inputs; fewer finish before a bar would help
_PROGRESS_DELAY: Final = 1.0  # seconds; a run this long shows a bar anyway
_FORMATS: Final = ("table", "csv", "json", "svg")


# --------------------------------------------------------------------------- failures


class _Failure(NamedTuple):
    """An input that could not be used, as the one line that reports it."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class _InputError(Exception):
    """A whole input is unusable (empty, not UTF-8): where, and why."""

    def __init__(self, line: int, column: int, message: str) -> None:
        self.line, self.column, self.message = line, column, message
        super().__init__(message)


class _UsageError(Exception):
    """The command line asks for something impossible (exit status 2)."""


def _os_message(error: OSError) -> str:
    """An I/O error in the words of the parse errors: short, lower case, no errno."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or str(error)).lower()


def _failure(path: str, error: Exception) -> _Failure:
    """The one-line report of `error`, met while reading `path`."""
    from osce_thb.errors import ParseError

    label = _STDIN_LABEL if path == _STDIN else path
    if isinstance(error, ParseError):
        message = error.message.removeprefix(f"{path}: ")
        return _Failure(label, error.line or 0, error.column or 0, message)
    if isinstance(error, _InputError):
        return _Failure(label, error.line, error.column, error.message)
    if isinstance(error, OSError):
        return _Failure(label, 0, 0, _os_message(error))
    return _Failure(label, 0, 0, f"could not read the document: {error}")


# --------------------------------------------------------------------------- signals


class _Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived; the exit status is 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signum)


class _Signals:
    """Ctrl-C (and SIGTERM) that never cut a record in half.

    Inside `critical`, a signal is held until the record is written and flushed;
    elsewhere it interrupts at once. Handlers are installed only in the main
    thread and only over the defaults, so that an embedding program keeps its own.
    """

    def __init__(self) -> None:
        self._critical = False
        self._pending: int | None = None
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> _Signals:
        if threading.current_thread() is threading.main_thread():
            for signum, default in (
                (signal.SIGINT, signal.default_int_handler),
                (signal.SIGTERM, signal.SIG_DFL),
            ):
                if signal.getsignal(signum) is default:
                    self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._critical:
            self._pending = signum
            return
        raise _Interrupted(signum)

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        """Hold signals while the body runs; act on them right after."""
        self._critical = True
        try:
            yield
        finally:
            self._critical = False
        if self._pending is not None:
            signum, self._pending = self._pending, None
            raise _Interrupted(signum)


# --------------------------------------------------------------------------- progress


class _Progress:
    """A one-line progress bar on stderr: ``[#####     ] 120/300 pages``.

    It appears only when the work is long (more than `_PROGRESS_MINIMUM` inputs,
    or running for `_PROGRESS_DELAY` seconds) unless forced, redraws at most ten
    times a second, and erases itself when the work is done.
    """

    _WIDTH: Final = 28

    def __init__(self, stream: IO[str], total: int, unit: str, *, forced: bool) -> None:
        self._stream = stream
        self._total = total
        self._unit = unit
        self._eager = forced or total > _PROGRESS_MINIMUM
        self._started = time.monotonic()
        self._drawn_at = 0.0
        self._width = 0
        self.done = 0

    def advance(self) -> None:
        """Count one input done, and redraw when it is time to."""
        self.done += 1
        now = time.monotonic()
        if not self._eager and now - self._started < _PROGRESS_DELAY:
            return
        if self.done < self._total and now - self._drawn_at < 0.1:
            return
        self._drawn_at = now
        filled = self._WIDTH * self.done // self._total if self._total else self._WIDTH
        line = (
            f"[{'#' * filled}{' ' * (self._WIDTH - filled)}] {self.done}/{self._total} {self._unit}"
        )
        self._stream.write("\r" + line)
        self._stream.flush()
        self._width = len(line)

    def clear(self) -> None:
        """Erase the bar, so that a message can take its line."""
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0
            self._drawn_at = 0.0  # redraw at the next step


# --------------------------------------------------------------------------- the session


class _Session:
    """What one run shares: the streams, the signals, the progress bar, the failures."""

    def __init__(
        self,
        args: argparse.Namespace,
        stdout: IO[str],
        stderr: IO[str],
        stdin: IO[str],
        signals: _Signals,
    ) -> None:
        self.args = args
        self.stdout = stdout
        self.stderr = stderr
        self.stdin = stdin
        self.signals = signals
        self.failed = 0
        self.progress: _Progress | None = None

    def fail(self, failure: _Failure) -> None:
        """Report an input that could not be used, and count it."""
        self.failed += 1
        self.note(str(failure))

    def note(self, message: str) -> None:
        """Write a line to stderr, out of the progress bar's way."""
        if self.progress is not None:
            self.progress.clear()
        print(message, file=self.stderr, flush=True)

    def inputs(
        self, paths: Sequence[str], *, samples: bool = False, unit: str, folders: bool = True
    ) -> Iterator[str | _Failure]:
        """The inputs named on the command line, with the progress bar when it is wanted.

        Without a bar the inputs stream from the folders as they are walked; with
        one, their paths are listed first, to know the total (paths are small).
        """
        found = _walk([*(_sample_paths() if samples else ()), *paths], folders=folders)
        wanted: bool | None = getattr(self.args, "progress", None)
        if wanted is False or (wanted is None and not _isatty(self.stderr)):
            yield from found
            return
        listed = list(found)
        total = sum(1 for item in listed if not isinstance(item, _Failure))
        self.progress = _Progress(self.stderr, total, unit, forced=wanted is True)
        for item in listed:
            yield item
            if not isinstance(item, _Failure):
                self.progress.advance()
        self.progress.clear()

    def status(self) -> int:
        return 1 if self.failed else 0

    @contextlib.contextmanager
    def output(self, path: str | None, *, drop_if_empty: bool = False) -> Iterator[_Output]:
        """Where the records go: stdout, or the ``--output`` file, opened before any work."""
        if path is None or path == _STDIN:
            yield _Output(self.stdout, self.signals)
            return
        try:
            stream = Path(path).open("w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as error:
            msg = f"cannot write {path}: {_os_message(error)}"
            raise _UsageError(msg) from None
        output = _Output(stream, self.signals)
        try:
            yield output
        finally:
            stream.close()
            if drop_if_empty and not output.written:
                Path(path).unlink(missing_ok=True)


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _Output:
    """A text stream written in whole pieces: each one written, then flushed, then done.

    Signals wait while a piece is written (see `_Signals.critical`), so that a
    reader of the stream, or of the file after an interrupt, never sees half a record.
    """

    def __init__(self, stream: IO[str], signals: _Signals) -> None:
        self.stream = stream
        self.signals = signals
        self.written = False

    def write(self, text: str) -> None:
        with self.signals.critical():
            self.stream.write(text)
            self.stream.flush()
        self.written = True


_Mode = Literal["single", "array", "lines"]


class _Records:
    """JSON records on an output: one object, a streamed array, or JSON Lines.

    ``single`` writes one indented object; ``array`` an indented JSON array, its
    items written as they come and the array closed even when interrupted;
    ``lines`` one compact object a line.
    """

    def __init__(
        self, output: _Output, mode: _Mode, render: Callable[[Any, int | None], str]
    ) -> None:
        self._output = output
        self._mode = mode
        self._render = render
        self.count = 0

    def add(self, item: object) -> None:
        """Write one record: `render(item, indent)` gives its JSON text."""
        if self._mode == "lines":
            self._output.write(self._render(item, None) + "\n")
        elif self._mode == "single":
            self._output.write(self._render(item, 2) + "\n")
        else:
            text = "  " + self._render(item, 2).replace("\n", "\n  ")
            self._output.write(("[\n" if self.count == 0 else ",\n") + text)
        self.count += 1

    def close(self) -> None:
        """Finish the output: close the array (an empty one when nothing came)."""
        if self._mode == "array":
            self._output.write("[]\n" if self.count == 0 else "\n]\n")


def _records_mode(fmt: str | None, single: bool, *, many: _Mode = "lines") -> _Mode:
    """One input gives one JSON object; several give `many`, unless ``--format`` says."""
    if fmt == "jsonl":
        return "lines"
    if fmt == "json":
        return "single" if single else "array"
    return "single" if single else many


def _is_single(paths: Sequence[str], samples: bool) -> bool:
    """Whether the command line names one input: one file, or ``-`` (a folder is many)."""
    return (
        not samples
        and len(paths) == 1
        and (paths[0] in ("", _STDIN) or not Path(paths[0]).is_dir())
    )


# --------------------------------------------------------------------------- inputs


def _sample_paths() -> list[str]:
    """The sample pages shipped inside the package."""
    folder = resources.files("osce_thb").joinpath("samples")
    return sorted(str(entry) for entry in folder.iterdir() if entry.name.endswith(".txt"))


def _walk(paths: Iterable[str], *, folders: bool = True) -> Iterator[str | _Failure]:
    """Files as given, ``-`` as given, folders as their page files.

    A folder contributes its ``*.txt`` files and those of its subfolders, in
    name order within each folder, hidden files and folders (``.name``)
    skipped, each real folder visited once (symbolic links cannot loop). A
    folder without any is a failure; so is any folder when `folders` is false.
    """
    for raw in paths:
        if raw == _STDIN or not raw or not Path(raw).is_dir():
            yield raw
        elif not folders:
            yield _Failure(raw, 0, 0, "is a folder, not a file")
        else:
            empty = True
            for item in _walk_folder(raw, set()):
                empty = empty and isinstance(item, _Failure)
                yield item
            if empty:
                yield _Failure(raw, 0, 0, "folder holds no .txt files")


def _walk_folder(folder: str, seen: set[tuple[int, int]]) -> Iterator[str | _Failure]:
    try:
        info = Path(folder).stat()
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield _Failure(folder, 0, 0, _os_message(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
            is_page = not is_dir and entry.name.lower().endswith(_PAGE_SUFFIXES) and entry.is_file()
        except OSError as error:  # pragma: no cover - a race with a deletion
            yield _Failure(entry.path, 0, 0, _os_message(error))
            continue
        if is_dir:
            yield from _walk_folder(entry.path, seen)
        elif is_page:
            yield entry.path


def _stdin_lines(stdin: IO[str]) -> Iterator[bytes]:
    """Stdin as lines of bytes, so that bytes that are not UTF-8 are reported, not fatal."""
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:
        yield from buffer
    else:  # a text stream without bytes below it (tests, embedding programs)
        for line in stdin:
            yield line.encode("utf-8")


def _position_in_bytes(data: bytes, offset: int) -> tuple[int, int]:
    return data.count(b"\n", 0, offset) + 1, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def _position(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _read_page(path: str, stdin: IO[str]) -> Document:
    """The document of a page file, or of stdin for ``-``."""
    from osce_thb._pipeline import parse_bytes, parse_file

    if path == _STDIN:
        return parse_bytes(b"".join(_stdin_lines(stdin)))
    return parse_file(path)


# --------------------------------------------------------------------------- JSON inputs


class _Record(NamedTuple):
    """A document read from JSON, or what is wrong with it, and where it stands."""

    label: str
    line: int
    column: int
    document: Document | None
    problems: tuple[str, ...]


def _json_kind(path: str) -> Literal["lines", "whole", "sniff"]:
    lower = path.lower()
    if lower.endswith(_LINES_SUFFIXES):
        return "lines"
    if lower.endswith(_JSON_SUFFIXES):
        return "whole"
    return "sniff"


def _read_json(path: str, stdin: IO[str]) -> Iterator[_Record]:
    """The documents of a JSON file: one object, an array of them, or JSON Lines.

    ``.jsonl`` and ``.ndjson`` files are JSON Lines, ``.json`` files one JSON
    value; for stdin and other names, a first line that is a whole JSON object
    means JSON Lines. JSON Lines are read a line at a time.

    Raises:
        OSError: The file cannot be read.
        _InputError: It is empty, or (one JSON value) not UTF-8.
    """
    if path == _STDIN:
        yield from _json_records(_STDIN_LABEL, _stdin_lines(stdin), "sniff")
        return
    with Path(path).open("rb") as handle:
        yield from _json_records(path, handle, _json_kind(path))


def _json_records(
    label: str, lines: Iterable[bytes], kind: Literal["lines", "whole", "sniff"]
) -> Iterator[_Record]:
    lines = iter(lines)
    if kind == "sniff":
        head: list[bytes] = []
        for raw in lines:
            head.append(raw)
            if raw.strip():
                break
        kind = "lines" if head and _is_object_line(head[-1]) else "whole"
        lines = itertools.chain(head, lines)
    if kind == "lines":
        yield from _json_lines(label, lines)
    else:
        yield from _json_whole(label, b"".join(lines))


def _is_object_line(raw: bytes) -> bool:
    try:
        return isinstance(json.loads(raw.removeprefix(_BOM)), dict)
    except (ValueError, RecursionError):
        return False


def _from_value(value: Any) -> tuple[Document | None, tuple[str, ...]]:
    from osce_thb._json import from_dict
    from osce_thb.errors import JsonError

    try:
        return from_dict(value), ()
    except JsonError as error:
        return None, error.problems


def _json_lines(label: str, lines: Iterable[bytes]) -> Iterator[_Record]:
    seen = False
    for number, raw in enumerate(lines, start=1):
        if number == 1:
            raw = raw.removeprefix(_BOM)
        if not raw.strip():
            continue
        seen = True
        where = f"{label}:{number}"
        try:
            text = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as error:
            column = len(raw[: error.start].decode("utf-8", "replace")) + 1
            bad = raw[error.start : error.start + 1].hex()
            problem = f"$: not UTF-8 text: byte 0x{bad} cannot be decoded"
            yield _Record(where, number, column, None, (problem,))
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            problem = f"$: not valid JSON: {error.msg}"
            yield _Record(where, number, error.colno, None, (problem,))
            continue
        except RecursionError:
            yield _Record(where, number, 1, None, ("$: not valid JSON: nested too deeply",))
            continue
        document, problems = _from_value(value)
        yield _Record(where, number, 1, document, problems)
    if not seen:
        raise _InputError(0, 0, "empty file: no documents")


def _json_whole(label: str, data: bytes) -> Iterator[_Record]:
    data = data.removeprefix(_BOM)
    if not data.strip():
        raise _InputError(0, 0, "empty file: no documents")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position_in_bytes(data, error.start)
        bad = data[error.start : error.start + 1].hex()
        msg = f"not UTF-8 text: byte 0x{bad} at offset {error.start} cannot be decoded"
        raise _InputError(line, column, msg) from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        problem = f"$: not valid JSON: {error.msg}"
        yield _Record(label, error.lineno, error.colno, None, (problem,))
        return
    except RecursionError:
        yield _Record(label, 1, 1, None, ("$: not valid JSON: nested too deeply",))
        return
    if not isinstance(value, list):
        line, column = _position(text, len(text) - len(text.lstrip()))
        document, problems = _from_value(value)
        yield _Record(label, line, column, document, problems)
        return
    for index, (item, offset) in enumerate(zip(value, _item_offsets(text), strict=True)):
        line, column = _position(text, offset)
        document, problems = _from_value(item)
        problems = tuple(f"$[{index}]{problem[1:]}" for problem in problems)
        yield _Record(f"{label}[{index}]", line, column, document, problems)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\n\r":
        position += 1
    return position


def _item_offsets(text: str) -> list[int]:
    """Where each item of the (valid) JSON array `text` starts, to point at it by line."""
    decoder = json.JSONDecoder()
    offsets: list[int] = []
    position = _skip_space(text, _skip_space(text, 0) + 1)  # after the "["
    if text[position] == "]":
        return offsets
    while True:
        offsets.append(position)
        _, position = decoder.raw_decode(text, position)
        position = _skip_space(text, position)
        if text[position] != ",":
            return offsets
        position = _skip_space(text, position + 1)


def _is_json_input(path: str) -> bool:
    return path != _STDIN and path.lower().endswith(_LINES_SUFFIXES + _JSON_SUFFIXES)


def _documents(session: _Session, paths: Sequence[str]) -> Iterator[tuple[str, Document]]:
    """Every document of the inputs, with where it came from, failures reported on the way.

    Pages (``.txt``, anything else, and folders' ``.txt`` files) are parsed;
    ``.json``, ``.jsonl`` and ``.ndjson`` files hold documents already parsed;
    stdin is a page unless it starts with ``{`` or ``[``.
    """
    for entry in session.inputs(paths, samples=session.args.samples, unit="files"):
        if isinstance(entry, _Failure):
            session.fail(entry)
            continue
        if entry == _STDIN:
            yield from _stdin_documents(session)
        elif _is_json_input(entry):
            yield from _json_documents(session, entry)
        else:
            try:
                document = _read_page(entry, session.stdin)
            except (OSError, ValueError) as error:
                session.fail(_failure(entry, error))
            else:
                yield entry, document


def _stdin_documents(session: _Session) -> Iterator[tuple[str, Document]]:
    from osce_thb._pipeline import parse_bytes

    lines = _stdin_lines(session.stdin)
    head: list[bytes] = []
    for raw in lines:
        head.append(raw)
        if raw.strip():
            break
    first = head[-1].removeprefix(_BOM).lstrip() if head else b""
    if first.startswith((b"{", b"[")):
        records = _json_records(_STDIN_LABEL, itertools.chain(head, lines), "sniff")
        yield from _usable(session, _STDIN, records)
        return
    try:
        document = parse_bytes(b"".join(itertools.chain(head, lines)))
    except ValueError as error:
        session.fail(_failure(_STDIN, error))
    else:
        yield _STDIN_LABEL, document


def _json_documents(session: _Session, path: str) -> Iterator[tuple[str, Document]]:
    yield from _usable(session, path, _read_json(path, session.stdin))


def _usable(
    session: _Session, path: str, records: Iterator[_Record]
) -> Iterator[tuple[str, Document]]:
    """The documents among `records`; each invalid one reported on one line."""
    label = _STDIN_LABEL if path == _STDIN else path
    try:
        for record in records:
            if record.document is not None:
                yield record.label, record.document
                continue
            more = len(record.problems) - 1
            message = f"invalid document: {record.problems[0]}" + (
                f" (and {more} more; see osce-thb validate)" if more else ""
            )
            session.fail(_Failure(label, record.line, record.column, message))
    except (OSError, _InputError) as error:
        session.fail(_failure(path, error))


# --------------------------------------------------------------------------- commands


def _cmd_parse(session: _Session) -> int:
    from osce_thb._json import to_json

    args = session.args
    if not args.paths and not args.samples:
        msg = "give PATH... (files, folders, - for stdin) or --samples"
        raise _UsageError(msg)
    mode = _records_mode(args.format, _is_single(args.paths, args.samples))
    with session.output(args.output, drop_if_empty=mode == "single") as output:
        records = _Records(output, mode, lambda d, indent: to_json(d, indent=indent))
        try:
            for entry in session.inputs(args.paths, samples=args.samples, unit="pages"):
                if isinstance(entry, _Failure):
                    session.fail(entry)
                    continue
                try:
                    document = _read_page(entry, session.stdin)
                except (OSError, ValueError) as error:
                    session.fail(_failure(entry, error))
                    continue
                records.add(document)
        finally:
            records.close()
    return session.status()


def _cmd_validate(session: _Session) -> int:
    args = session.args
    checked = invalid = problems = 0
    out = _Output(session.stdout, session.signals)
    for entry in session.inputs(args.files, unit="files", folders=False):
        if isinstance(entry, _Failure):
            session.fail(entry)
            continue
        try:
            for record in _read_json(entry, session.stdin):
                checked += 1
                if record.problems:
                    invalid += 1
                    problems += len(record.problems)
                    where = f"{_STDIN_LABEL if entry == _STDIN else entry}:{record.line}"
                    out.write("".join(f"{where}:{record.column}: {p}\n" for p in record.problems))
        except (OSError, _InputError) as error:
            session.fail(_failure(entry, error))
    if not args.quiet:
        summary = f"{_plural(checked, 'document')} checked: " + (
            f"{invalid} invalid ({_plural(problems, 'problem')})" if invalid else "all valid"
        )
        if session.failed:
            summary += f"; {_plural(session.failed, 'file')} could not be read"
        out.write(summary + "\n")
    return 1 if invalid or session.failed else 0


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _cmd_schema(session: _Session) -> int:
    from osce_thb.schema import json_schema

    with session.output(session.args.output) as output:
        output.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


def _rollout_format(args: argparse.Namespace) -> str:
    """``--format``, else what the ``--output`` name says (``.csv``, ``.json``, ``.svg``)."""
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    return suffix if suffix in _FORMATS else "table"


def _cmd_rollout(session: _Session) -> int:
    from osce_thb import _export

    args = session.args
    if not args.paths and not args.samples:
        msg = "give PATH... (pages, folders, .json or .jsonl documents, -) or --samples"
        raise _UsageError(msg)
    fmt = _rollout_format(args)
    labels: list[str] = []

    def documents() -> Iterator[Document]:
        for label, document in _documents(session, args.paths):
            labels.append(label)
            yield document

    with session.output(args.output, drop_if_empty=True) as output:
        timelines = _export.rollout_timelines(documents())
        if fmt == "table":
            text = _export.rollout_table(timelines, len(labels))
        elif fmt == "csv":
            text = _csv_text(_export.rollout_rows(timelines, labels))
        elif fmt == "json":
            data = _export.rollout_dict(timelines, labels)
            text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        else:
            from osce_thb._chart import rollout_svg

            text = rollout_svg(timelines, labels)
        output.write(text)
    return session.status()


def _csv_text(rows: Iterable[Sequence[str]]) -> str:
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _cmd_export(session: _Session) -> int:
    args = session.args
    if not args.paths and not args.samples:
        msg = "give PATH... (pages, folders, .json or .jsonl documents, -) or --samples"
        raise _UsageError(msg)
    if args.to == "csv":
        return _export_csv(session)
    if args.table or args.hxl or args.bom:
        msg = "--table, --hxl and --bom are for --to csv"
        raise _UsageError(msg)
    return _export_jsonld(session)


def _export_jsonld(session: _Session) -> int:
    from osce_thb._export import to_jsonld

    args = session.args
    mode = _records_mode(args.format, _is_single(args.paths, args.samples), many="array")
    with session.output(args.output, drop_if_empty=mode == "single") as output:
        records = _Records(output, mode, _dump)
        try:
            for _, document in _documents(session, args.paths):
                data = to_jsonld(document, body=args.body)
                records.add(data)
        finally:
            records.close()
    return session.status()


def _dump(data: object, indent: int | None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _export_csv(session: _Session) -> int:
    from osce_thb import _export

    args = session.args
    if args.format or args.body:
        msg = "--format and --body are for --to jsonld"
        raise _UsageError(msg)
    if args.table is None and args.output in (None, _STDIN):
        msg = (
            "--to csv writes four tables: give --output DIR for all of them,"
            " or --table NAME for one on stdout"
        )
        raise _UsageError(msg)
    tables = (args.table,) if args.table else _export.TABLES
    with contextlib.ExitStack() as stack:
        if args.table:
            output = stack.enter_context(session.output(args.output))
            outputs = {args.table: output}
        else:
            outputs = _open_tables(session, Path(args.output), tables, stack)
        writers = {}
        for table in tables:
            output = outputs[table]
            writer = csv.writer(output.stream, lineterminator="\n")
            head = [_export.header_row(table)]
            if args.hxl:
                head.append(_export.hxl_row(table))
            if args.bom:
                output.stream.write("\ufeff")
            with session.signals.critical():
                writer.writerows(head)
                output.stream.flush()
            writers[table] = writer
        for position, (label, document) in enumerate(_documents(session, args.paths)):
            with session.signals.critical():
                for table in tables:
                    rows = _export.table_rows(table, document, index=position, path=label)
                    writers[table].writerows(rows)
                for output in outputs.values():
                    output.stream.flush()
    return session.status()


def _open_tables(
    session: _Session, folder: Path, tables: Sequence[str], stack: contextlib.ExitStack
) -> dict[str, _Output]:
    """One output per table, ``TABLE.csv`` in `folder` (made if missing)."""
    if folder.exists() and not folder.is_dir():
        msg = f"--output {folder} is a file; --to csv without --table writes a folder of tables"
        raise _UsageError(msg)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        msg = f"cannot make {folder}: {_os_message(error)}"
        raise _UsageError(msg) from None
    return {
        table: stack.enter_context(session.output(str(folder / f"{table}.csv"))) for table in tables
    }


# --------------------------------------------------------------------------- the parser

_MAIN_EPILOG: Final = """\
Inputs: files, folders (their .txt files, recursively, sorted by name) and - for stdin.
Each input that cannot be used gets one line on stderr, path:line:col: message,
and the others are still processed.

exit status:
  0    every input was used
  1    some inputs failed (or validate found invalid documents)
  2    usage error
  130  interrupted (Ctrl-C); output holds complete records only
  141  the reader of stdout went away (| head); nothing is printed

examples:
  osce-thb parse --samples                       the sample pages, as JSON Lines
  osce-thb parse page.txt                        one page, as indented JSON
  osce-thb parse pages/ -o corpus.jsonl          a folder, one JSON object a line
  osce-thb validate corpus.jsonl                 check documents against the model
  osce-thb rollout corpus.jsonl -o rollout.svg   the NRM rollout as a chart
  osce-thb export pages/ --to csv -o tables/ --hxl
"""

_PARSE_EPILOG: Final = """\
One input (a file, or -) gives one indented JSON document; several inputs or a
folder give JSON Lines: one compact object per page, in input order. With
--format json and several inputs, the documents come as one JSON array (still
written page by page). Pages are read and written one at a time, so memory
stays constant however large the folder.

A progress bar appears on stderr when it is a terminal and the work is long
(more than 50 pages); --progress forces it, --no-progress hides it.

examples:
  osce-thb parse page.txt
  osce-thb parse --samples | jq .title
  cat page.txt | osce-thb parse -
  osce-thb parse pages/ more/page.txt -o corpus.jsonl
  osce-thb parse pages/ --format json -o corpus.json
"""

_VALIDATE_EPILOG: Final = """\
.json files hold one document or a JSON array of documents; .jsonl and .ndjson
files one document a line; for stdin (-) and other names, a first line that is
a whole JSON object means JSON Lines. Each problem is printed on stdout as

  FILE:LINE:COL: $.json.path: what is wrong

where LINE:COL is where the document (or the JSON syntax error) starts, so that
editors jump to it. A summary line follows. Files that cannot be read (missing,
folders, empty, not UTF-8) are reported on stderr. Exit status 1 if anything
is invalid or unreadable.

examples:
  osce-thb validate corpus.jsonl
  osce-thb parse pages/ | osce-thb validate -
  osce-thb validate -q *.json || echo invalid
"""

_SCHEMA_EPILOG: Final = """\
The schema (JSON Schema draft 2020-12) describes what parse writes; it is
generated from the model.

examples:
  osce-thb schema > document.schema.json
  osce-thb schema | jq '.properties | keys'
"""

_ROLLOUT_EPILOG: Final = """\
Inputs are pages (files, folders of .txt files) or documents parsed before
(.json, .jsonl, .ndjson files; stdin is read as documents when it starts with
{ or [). Every document's NRM phases are claims about when a region joined the
National Referral Mechanism; claims that disagree are kept side by side and the
region is flagged as disputed.

formats (default: from the --output suffix, else table):
  table  aligned columns for the terminal: region, year joined, stage, donors,
         number of documents, disputed
  csv    one row per region: code, name, country, joined, stage, planned,
         planned_stage, donors, documents (how many), sources (their paths,
         the first 20), claims, disputed
  json   every region with every claim, and the documents by position
  svg    a chart: regions by years, a bar per claim coloured by stage
         (pilot, expansion, national), planned phases hatched

examples:
  osce-thb rollout --samples
  osce-thb rollout pages/ --format csv > rollout.csv
  osce-thb rollout corpus.jsonl -o rollout.svg
  osce-thb parse pages/ | osce-thb rollout - --format json
"""

_EXPORT_EPILOG: Final = """\
Inputs as for rollout: pages, folders of .txt files, .json/.jsonl documents, -.

--to csv writes four tables, which join on their first column, document (the
position of the document in the input, from 0); path says where it came from:
  documents.csv  one row per document: kind, title, published, source, dateline,
                 fields of work, region codes, donor keys, counts
  regions.csv    one row per region mention: code (ISO 3166-2), name, country,
                 the words as written, block and offset
  donors.csv     one row per donor: key (ISO 3166-1 code for states, else the
                 name), name, country
  phases.csv     one row per NRM phase and region it covers: phase (number in
                 its document), stage, status, start, end, region, donors, sentence
Give --output DIR for all four, or --table NAME for one (on stdout, or in
--output FILE). Lists are joined with "; "; unknown values are empty cells.
--hxl adds a second row of HXL hashtags for humanitarian data tools (HDX, HXL
Proxy): #meta+id, #meta+source, #date+reported, #adm1+code, #adm1+name,
#country+code, #org+funder+code, #org+funder+name, #date+start, #date+end, ...
--bom starts each table with a UTF-8 byte order mark, for Excel.

--to jsonld writes schema.org NewsArticle objects (headline, genre,
datePublished, dateline, locationCreated, description, publisher,
sourceOrganization, about, spatialCoverage with ISO 3166-2 identifiers, funder,
mentions): one object for one input, else a JSON array, or JSON Lines with
--format jsonl. --body adds the whole text as articleBody.

examples:
  osce-thb export pages/ --to csv -o tables/ --hxl
  osce-thb export corpus.jsonl --to csv --table phases > phases.csv
  osce-thb export page.txt --to jsonld
  osce-thb export pages/ --to jsonld --format jsonl -o articles.jsonl
"""


_DOCUMENTS_HELP: Final = (
    "a page file, a folder of .txt pages, a .json or .jsonl file of parsed documents, or -"
)


def _add_inputs(parser: argparse.ArgumentParser, help_: str) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help=help_)
    parser.add_argument(
        "--samples", action="store_true", help="also read the sample pages shipped with the package"
    )


def _build_parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="osce-thb",
        description=(
            "Parse OSCE pages on combating trafficking in human beings into JSON,\n"
            "check it, chart the NRM rollout, export flat tables and JSON-LD."
        ),
        epilog=_MAIN_EPILOG,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    progress = argparse.ArgumentParser(add_help=False)
    progress.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: when it is a terminal and the work is long)",
    )

    parse = commands.add_parser(
        "parse",
        parents=[progress],
        help="parse pages to JSON or JSON Lines",
        description="Parse pages (files, folders of .txt files, - for stdin) to JSON.",
        epilog=_PARSE_EPILOG,
        formatter_class=formatter,
    )
    _add_inputs(parse, "a page file, a folder of .txt pages, or - for stdin")
    parse.add_argument(
        "--format",
        choices=("json", "jsonl"),
        help="json: indented (an array for several inputs); jsonl: one line per page"
        " (default: json for one input, jsonl for several)",
    )
    parse.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    parse.set_defaults(handler=_cmd_parse)

    validate = commands.add_parser(
        "validate",
        parents=[progress],
        help="check JSON documents against the model",
        description="Check documents (.json, .jsonl, - for stdin) against the model.",
        epilog=_VALIDATE_EPILOG,
        formatter_class=formatter,
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="a .json or .jsonl file, or -")
    validate.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    validate.set_defaults(handler=_cmd_validate)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a document",
        description="Print the JSON Schema of the documents that parse writes.",
        epilog=_SCHEMA_EPILOG,
        formatter_class=formatter,
    )
    schema.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    schema.set_defaults(handler=_cmd_schema)

    rollout = commands.add_parser(
        "rollout",
        parents=[progress],
        help="the NRM rollout timeline of a corpus: table, CSV, JSON or SVG chart",
        description="Merge the NRM rollout phases of many documents into one timeline per region.",
        epilog=_ROLLOUT_EPILOG,
        formatter_class=formatter,
    )
    _add_inputs(rollout, _DOCUMENTS_HELP)
    rollout.add_argument("--format", "-f", choices=_FORMATS, help="what to write (see below)")
    rollout.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    rollout.set_defaults(handler=_cmd_rollout)

    export = commands.add_parser(
        "export",
        parents=[progress],
        help="flat CSV tables (with HXL hashtags) or schema.org JSON-LD",
        description="Export documents as flat CSV tables or as schema.org JSON-LD.",
        epilog=_EXPORT_EPILOG,
        formatter_class=formatter,
    )
    _add_inputs(export, _DOCUMENTS_HELP)
    export.add_argument("--to", required=True, choices=("csv", "jsonld"), help="what to write")
    export.add_argument(
        "--output",
        "-o",
        metavar="DIR|FILE",
        help="csv: a folder for the four tables (a file with --table); jsonld: a file",
    )
    export.add_argument(
        "--table",
        choices=("documents", "regions", "donors", "phases"),
        help="csv: write only this table, to stdout unless --output",
    )
    export.add_argument("--hxl", action="store_true", help="csv: add the HXL hashtag row")
    export.add_argument("--bom", action="store_true", help="csv: start with a UTF-8 BOM (Excel)")
    export.add_argument(
        "--format", choices=("json", "jsonl"), help="jsonld: a JSON array, or one object a line"
    )
    export.add_argument("--body", action="store_true", help="jsonld: include the articleBody")
    export.set_defaults(handler=_cmd_export)
    return parser


# --------------------------------------------------------------------------- main


def main(
    argv: Sequence[str] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
    stdin: IO[str] | None = None,
) -> int:
    """Run the command line, as the ``osce-thb`` script does; returns the exit status.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` if ``None``.
        stdout: Where output goes; ``sys.stdout`` if ``None``.
        stderr: Where errors and the progress bar go; ``sys.stderr`` if ``None``.
        stdin: What ``-`` reads; ``sys.stdin`` if ``None``.
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = _build_parser()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            args = parser.parse_args(argv)
        except SystemExit as exit_:
            return exit_.code if isinstance(exit_.code, int) else 2
    with _Signals() as signals:
        session = _Session(args, out, err, stdin or sys.stdin, signals)
        try:
            status: int = args.handler(session)
        except _UsageError as error:
            print(f"osce-thb {args.command}: error: {error}", file=err)
            return 2
        except BrokenPipeError:
            _drop_stdout(out)
            return 128 + 13  # as if killed by SIGPIPE, like the tools it is piped into
        except KeyboardInterrupt as interrupt:
            if session.progress is not None:
                session.progress.clear()
            signum = interrupt.signum if isinstance(interrupt, _Interrupted) else signal.SIGINT
            print("osce-thb: interrupted", file=err, flush=True)
            return 128 + int(signum)
        return status


def _drop_stdout(out: IO[str]) -> None:
    """Point stdout at /dev/null, so that Python's final flush does not fail again."""
    if out is not sys.stdout:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
