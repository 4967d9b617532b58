"""The plumbing of the ``osce-thb`` command line: inputs, outputs, signals, progress.

Nothing here knows a command. It gives each run:

* one-line reports of inputs that cannot be used (`Failure`);
* outputs that are never left half written (`Session.output`): a file is
  written beside its target under a temporary name and renamed into place
  only when complete, and an output that is one of the inputs is refused
  before anything is opened; records are written whole (`Output`), with
  Ctrl-C held until the record being written is done (`Signals`);
* write errors as one line and their own exit status, a reader of stdout that
  goes away as a quiet exit (`WriteError`, `ReaderGoneError`);
* a progress bar on stderr for long work (`Progress`);
* stdin as bytes, read within a size limit, or peeked at to tell a page from
  JSON (`StdinReader`);
* pages parsed in worker processes, the results in input order, a bounded
  number in flight (`ordered_map`).
"""

from __future__ import annotations

import collections
import contextlib
import io
import itertools
import multiprocessing
import os
import re
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, Literal, NamedTuple

import osce_thb
from osce_thb.errors import os_message

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from multiprocessing.pool import AsyncResult
    from types import FrameType

__all__ = [
    "STDIN",
    "STDIN_LABEL",
    "WRITE_ERROR_STATUS",
    "Failure",
    "Output",
    "ReaderGoneError",
    "Records",
    "RecordsMode",
    "Session",
    "Signals",
    "StdinReader",
    "UsageError",
    "WriteError",
    "drop_stdout",
    "plural",
]

STDIN: Final = "-"
STDIN_LABEL: Final = "<stdin>"
WRITE_ERROR_STATUS: Final = 74
"""The exit status when the output could not be written (EX_IOERR of sysexits.h)."""
_PROGRESS_MINIMUM: Final = 50  # inputs; fewer finish before a bar would help
_PROGRESS_DELAY: Final = 1.0  # seconds; a run this long shows a bar anyway
_RATE_AFTER: Final = 1.0  # seconds; a rate measured over less is mostly start-up
_BOM: Final = b"\xef\xbb\xbf"


# --------------------------------------------------------------------------- failures


class Failure(NamedTuple):
    """An input that could not be used, as the one line that reports it.

    ``path:line:col: message`` when a place in the input is at fault (the form
    editors jump to), ``path: message`` when the whole input is (line 0).
    """

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        if not self.line:
            return f"{self.path}: {self.message}"
        if not self.column:
            return f"{self.path}:{self.line}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    @classmethod
    def of(cls, path: str, error: BaseException) -> Failure:
        """The one-line report of `error`, met while reading `path`."""
        label = STDIN_LABEL if path == STDIN else path
        if isinstance(error, osce_thb.ParseError):
            message = error.message.removeprefix(f"{path}: ")
            line, column = error.line or 0, error.column or 0
            return cls(label, line, column, _without_position(message, line, column))
        if isinstance(error, OSError):
            return cls(label, 0, 0, os_message(error))
        if isinstance(error, MemoryError):
            return cls(label, 0, 0, "out of memory: the input is too large to read here")
        return cls(label, 0, 0, f"could not read the input: {error}")


# "(line 2)", "(line 2, column 15)": where the error is, said in the message for
# readers of the message alone; the report's ``path:line:col:`` says it already.
_POSITION: Final = re.compile(r" \(line (\d+)(?:, column (\d+))?\)")


def _without_position(message: str, line: int, column: int) -> str:
    """`message` without the words that repeat the position of its report."""

    def drop(match: re.Match[str]) -> str:
        same = int(match[1]) == line and (match[2] is None or int(match[2]) == column)
        return "" if same else match[0]

    return _POSITION.sub(drop, message, count=1) if line else message


class UsageError(Exception):
    """The command line asks for something impossible (exit status 2)."""


class WriteError(Exception):
    """The output could not be written (disk full, ...): exit `WRITE_ERROR_STATUS`.

    Not an `OSError`, so that no handler of input errors takes it for one.
    """

    def __init__(self, name: str, error: OSError) -> None:
        self.name = name
        self.error = error
        super().__init__(f"cannot write {name}: {os_message(error)}")


class ReaderGoneError(Exception):
    """The reader of stdout went away (``| head``): a quiet exit, status 141."""


def plural(number: int, noun: str) -> str:
    """``1 document``, ``2 documents``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


# --------------------------------------------------------------------------- signals


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived; the exit status is 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signum)


class Signals:
    """Ctrl-C (and SIGTERM) that never cut a record in half.

    Inside `critical`, a signal is held until the record is written and flushed;
    elsewhere it interrupts at once. Handlers are installed only in the main
    thread and only over the defaults, so that an embedding program keeps its own.
    """

    def __init__(self) -> None:
        self._critical = False
        self._pending: int | None = None
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> Signals:
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
        raise Interrupted(signum)

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
            raise Interrupted(signum)


# --------------------------------------------------------------------------- progress


class Progress:
    """A one-line progress bar on stderr: ``[#####     ] 120/300 pages · 850/s · 0:12 left``.

    It appears only when the work is long (more than `_PROGRESS_MINIMUM` inputs,
    or running for `_PROGRESS_DELAY` seconds) unless forced, redraws at most ten
    times a second, and erases itself when the work is done. The rate is that
    of the whole run so far, and the time left is what is left at that rate.
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
        line = self.line(now - self._started)
        pad = " " * max(self._width - len(line), 0)  # the rest of a longer line before
        self._stream.write("\r" + line + pad)
        self._stream.flush()
        self._width = len(line)

    def line(self, elapsed: float) -> str:
        """The bar, the count, the rate and the time left, after `elapsed` seconds."""
        filled = self._WIDTH * self.done // self._total if self._total else self._WIDTH
        bar = "#" * filled + " " * (self._WIDTH - filled)
        line = f"[{bar}] {self.done}/{self._total} {self._unit}"
        if elapsed >= _RATE_AFTER and self.done:
            rate = self.done / elapsed
            left = (self._total - self.done) / rate
            shown = f"{rate:,.0f}" if rate >= 10 else f"{rate:.1f}"
            line += f" · {shown} {self._unit}/s · {clock(left)} left"
        return line

    def clear(self, *, soon: bool = True) -> None:
        """Erase the bar, so that a message can take its line; redraw it at the next step if `soon`.

        Else it comes back when it would have been redrawn anyway (ten times a
        second at most): output that scrolls past does not make it flicker.
        """
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0
            if soon:
                self._drawn_at = 0.0


def clock(seconds: float) -> str:
    """A time to wait, as a clock shows it: ``0:07``, ``12:30``, ``1:02:03``."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def duration(seconds: float) -> str:
    """A time taken, to two figures or so: ``0.042 s``, ``1.3 s``, ``25 s``, ``2:05``."""
    if seconds < 0.1:
        return f"{seconds:.3f} s"
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 60:
        return f"{seconds:.0f} s"
    return clock(seconds)


# --------------------------------------------------------------------------- outputs


class Output:
    """A text stream written in whole pieces: each one written, then flushed, then done.

    Signals wait while a piece is written (see `Signals.critical`), so that a
    reader of the stream never sees half a record. Errors of writing become
    `WriteError` (or `ReaderGoneError` for a closed pipe).
    """

    def __init__(
        self,
        stream: IO[str],
        signals: Signals,
        name: str,
        *,
        before: Callable[[], None] | None = None,
    ) -> None:
        self.stream = stream
        self.signals = signals
        self.name = name
        self.written = False
        self._before = before

    def write(self, text: str) -> None:
        """Write `text` and flush it, as one piece (after `before`, if given)."""
        if self._before is not None:
            self._before()
        with self.signals.critical(), self.errors():
            self.stream.write(text)
            self.stream.flush()
        self.written = True

    @contextlib.contextmanager
    def errors(self) -> Iterator[None]:
        """Turn the errors of writing in the body into `WriteError` or `ReaderGoneError`."""
        try:
            yield
        except BrokenPipeError:
            raise ReaderGoneError from None
        except OSError as error:
            raise WriteError(self.name, error) from None


RecordsMode = Literal["single", "array", "lines", "text"]


class Records:
    """Records on an output: one JSON object, a streamed array, JSON Lines, or text.

    ``single`` writes one indented object; ``array`` an indented JSON array, its
    items written as they come and the array closed even when interrupted;
    ``lines`` one compact object a line; ``text`` blocks of lines (summaries
    for a person), a blank line between two.
    """

    def __init__(
        self,
        output: Output,
        mode: RecordsMode,
        render: Callable[[Any, int | None], str] | None = None,
    ) -> None:
        self._output = output
        self._mode = mode
        self._render = render
        self.count = 0

    def add(self, item: object) -> None:
        """Write one record: `render(item, indent)` gives its JSON text."""
        assert self._render is not None, "Records made without a render function"
        self.add_text(self._render(item, None if self._mode == "lines" else 2))

    def add_text(self, text: str) -> None:
        """Write one record whose text (compact JSON for lines, else indented) is `text`."""
        if self._mode == "text":
            self._output.write(("\n" if self.count else "") + text)
        elif self._mode != "array":
            self._output.write(text + "\n")
        else:
            text = "  " + text.replace("\n", "\n  ")
            self._output.write(("[\n" if self.count == 0 else ",\n") + text)
        self.count += 1

    def close(self) -> None:
        """Finish the output: close the array (an empty one when nothing came)."""
        if self._mode == "array":
            self._output.write("[]\n" if self.count == 0 else "\n]\n")


def records_mode(fmt: str | None, single: bool, *, many: RecordsMode = "lines") -> RecordsMode:
    """One input gives one JSON object; several give `many`, unless ``--format`` says."""
    if fmt == "jsonl":
        return "lines"
    if fmt == "json":
        return "single" if single else "array"
    return "single" if single else many


def drop_stdout(out: IO[str]) -> None:
    """Point stdout at /dev/null, so that Python's final flush does not fail again."""
    if out is not sys.stdout:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _atomic_file(
    path: Path, name: str, signals: Signals, *, drop_if_empty: bool
) -> Iterator[Output]:
    """An output that goes to a temporary file beside `path`, renamed to it when complete.

    If the body fails (an error, an interrupt), or nothing was written and
    `drop_if_empty`, the temporary file is removed and `path` is left as it was.
    """
    if path.is_dir():
        msg = f"cannot write {name}: is a folder, not a file"
        raise UsageError(msg)
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        msg = f"cannot write {name}: {os_message(error)}"
        raise UsageError(msg) from None
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
        os.fchmod(descriptor, mode)
        stream = open(descriptor, "w", encoding="utf-8", newline="")  # noqa: PTH123, SIM115
    except BaseException:
        os.close(descriptor)
        Path(temporary).unlink(missing_ok=True)
        raise
    output = Output(stream, signals, name)
    done = False
    try:
        yield output
        with output.errors():
            stream.close()  # the last flush may fail too: a full disk
        if output.written or not drop_if_empty:
            Path(temporary).replace(path)
            done = True
    finally:
        if not done:
            with contextlib.suppress(OSError):
                stream.close()
            Path(temporary).unlink(missing_ok=True)


@contextlib.contextmanager
def _direct_file(path: Path, name: str, signals: Signals) -> Iterator[Output]:
    """An output written to `path` itself: a device or a pipe, which cannot be renamed over."""
    try:
        stream = path.open("w", encoding="utf-8", newline="")
    except OSError as error:
        msg = f"cannot write {name}: {os_message(error)}"
        raise UsageError(msg) from None
    output = Output(stream, signals, name)
    try:
        yield output
        with output.errors():
            stream.close()
    finally:
        with contextlib.suppress(OSError):
            stream.close()


def same_files(paths: Iterable[str]) -> Iterator[tuple[str, tuple[int, int]]]:
    """Each existing file among `paths` (folders as their page files), with its identity."""
    for path in paths:
        if path == STDIN:
            continue
        for found in osce_thb.page_paths(path) if Path(path).is_dir() else (path,):
            try:
                info = Path(found).stat()
            except OSError:
                continue
            yield found, (info.st_dev, info.st_ino)


# --------------------------------------------------------------------------- stdin


class StdinReader:
    """Stdin as bytes: peeked at, then read whole (within a limit) or a line at a time."""

    def __init__(self, stream: IO[str] | None) -> None:
        self._head = b""
        self._buffer: IO[bytes] | None
        if stream is None:
            self._buffer = None
        else:
            buffer = getattr(stream, "buffer", None)
            if buffer is None:  # a text stream without bytes below it (tests, embedding)
                buffer = io.BytesIO(stream.read().encode("utf-8"))
            self._buffer = buffer

    @property
    def closed(self) -> bool:
        """Whether there is no stdin at all (``0<&-``)."""
        return self._buffer is None

    def starts_json(self) -> bool:
        """Whether the first character that is not white space is ``{`` or ``[``."""
        assert self._buffer is not None
        while True:
            line = self._buffer.readline(65536)
            self._head += line
            stripped = self._head.removeprefix(_BOM).lstrip()
            if stripped or not line:
                return stripped.startswith((b"{", b"["))

    def read(self, limit: int = -1) -> bytes:
        """Up to `limit` bytes (all if negative), the peeked ones first."""
        assert self._buffer is not None
        if limit < 0:
            data, self._head = self._head + self._buffer.read(), b""
            return data
        head, self._head = self._head[:limit], self._head[limit:]
        if limit <= len(head):
            return head
        chunks = [head]
        left = limit - len(head)
        while left > 0:  # in chunks: read(limit) would set aside `limit` bytes at once
            chunk = self._buffer.read(min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def readline(self, limit: int = -1) -> bytes:
        """A line of at most `limit` bytes (all if negative), the peeked ones first."""
        assert self._buffer is not None
        head = self._head
        if not head:
            return self._buffer.readline(limit)
        end = head.find(b"\n") + 1
        if end and (limit < 0 or end <= limit):
            line, self._head = head[:end], head[end:]
            return line
        if 0 <= limit <= len(head):
            line, self._head = head[:limit], head[limit:]
            return line
        self._head = b""  # a line begun in the head, shorter than the limit
        return head + self._buffer.readline(limit - len(head) if limit >= 0 else -1)


# --------------------------------------------------------------------------- the session


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_width(stream: IO[str], default: int = 80) -> int:
    """The width of the terminal `stream` writes to: ``COLUMNS`` if set, else asked of it."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns or default
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return default


class Session:
    """What one run shares: the streams, the signals, the progress bar, the failures."""

    def __init__(
        self,
        args: argparse.Namespace,
        stdout: IO[str],
        stderr: IO[str],
        stdin: IO[str] | None,
        signals: Signals,
    ) -> None:
        self.args = args
        self.stdout = stdout
        self.stderr = stderr
        self.stdin = StdinReader(stdin)
        self.signals = signals
        self.failed = 0
        self.done = 0
        self.progress: Progress | None = None
        self._unit = "input"
        self._started = time.monotonic()

    @property
    def to_terminal(self) -> bool:
        """Whether stdout is a terminal, where a person reads it."""
        return _isatty(self.stdout)

    def fail(self, failure: Failure) -> None:
        """Report an input that could not be used, and count it."""
        self.failed += 1
        self.note(str(failure))

    def note(self, message: str) -> None:
        """Write a line to stderr, out of the progress bar's way."""
        if self.progress is not None:
            self.progress.clear()
        with contextlib.suppress(OSError, ValueError):
            print(message, file=self.stderr, flush=True)

    def _make_way(self) -> None:
        """Erase the progress bar before stdout writes on the same screen."""
        if self.progress is not None:
            self.progress.clear(soon=False)

    def inputs(
        self, paths: Sequence[str], *, samples: bool = False, unit: str, folders: bool = True
    ) -> Iterator[str]:
        """The inputs named on the command line, folders as their pages.

        Without a progress bar the inputs stream from the folders as they are
        walked; with one, their paths are listed first, to know the total (paths
        are small). The caller says when an input is done (`advance`): with
        worker processes, inputs are handed out before they are done.

        Args:
            paths: The inputs as given.
            samples: Whether the sample pages come first.
            unit: What an input is, in the singular: ``page``, ``file``.
            folders: Whether a folder stands for its pages (else it is an input
                that cannot be read).
        """
        self._unit = unit
        found = self._expand([*(sample_paths() if samples else ()), *paths], folders=folders)
        wanted: bool | None = getattr(self.args, "progress", None)
        if wanted is False or (wanted is None and not _isatty(self.stderr)):
            yield from found
            return
        listed = list(found)
        self.progress = Progress(self.stderr, len(listed), f"{unit}s", forced=wanted is True)
        yield from listed

    def advance(self) -> None:
        """Count one input done (used or failed), on the progress bar too."""
        self.done += 1
        if self.progress is not None:
            self.progress.advance()

    def finish(self, documents: int | None = None) -> None:
        """Erase the progress bar; unless ``--quiet``, say what was read, in one line on stderr.

        ``300 pages: 298 documents, 2 errors (0.4 s, 750 pages/s)``; `documents`
        is ``None`` when an input is a document (only errors are counted then).
        """
        if self.progress is not None:
            self.progress.clear()
            self.progress = None
        if getattr(self.args, "quiet", False) or documents is None:
            return
        seconds = time.monotonic() - self._started
        unit = self._unit
        errors = plural(self.failed, "error") if self.failed else "no errors"
        timing = duration(seconds)
        if seconds >= _RATE_AFTER:
            timing += f", {self.done / seconds:,.0f} {unit}s/s"
        self.note(
            f"{plural(self.done, unit)}: {plural(documents, 'document')}, {errors} ({timing})"
        )

    @staticmethod
    def _expand(paths: Iterable[str], *, folders: bool) -> Iterator[str]:
        for path in paths:
            if path == STDIN or not folders or not Path(path).is_dir():
                yield path
            else:
                yield from osce_thb.page_paths(path)

    def status(self) -> int:
        """1 if some input failed, else 0."""
        return 1 if self.failed else 0

    def refuse_inputs(self, targets: Sequence[str], paths: Sequence[str], samples: bool) -> None:
        """Refuse outputs that are inputs (the same file, through links too), before any work.

        Raises:
            UsageError: One of `targets` is one of the inputs, or a page of an input folder.
        """
        existing = {}
        for target in targets:
            with contextlib.suppress(OSError):
                info = Path(target).stat()
                existing[(info.st_dev, info.st_ino)] = target
        if not existing:
            return
        inputs = [*(sample_paths() if samples else ()), *paths]
        for found, identity in same_files(inputs):
            if identity in existing:
                msg = (
                    f"--output {existing[identity]} is an input ({found}):"
                    " refusing to write over it"
                )
                raise UsageError(msg)

    @contextlib.contextmanager
    def output(self, path: str | None, *, drop_if_empty: bool = False) -> Iterator[Output]:
        """Where the records go: stdout, or the ``--output`` file, written whole or not at all.

        A file is written under a temporary name beside it and renamed into place
        when the command is done; an error or an interrupt leaves it as it was.
        """
        if path is None or path == STDIN:
            # On a terminal, stdout shares the screen with a progress bar on stderr.
            before = self._make_way if self.to_terminal else None
            yield Output(self.stdout, self.signals, "stdout", before=before)
            return
        target = Path(path)
        if target.exists() and not target.is_file() and not target.is_dir():
            with _direct_file(target, path, self.signals) as output:  # a device, a pipe
                yield output
            return
        with _atomic_file(target, path, self.signals, drop_if_empty=drop_if_empty) as output:
            yield output


def sample_paths() -> list[str]:
    """The sample pages shipped inside the package."""
    from importlib import resources

    folder = resources.files("osce_thb").joinpath("samples")
    return sorted(str(entry) for entry in folder.iterdir() if entry.name.endswith(".txt"))


# --------------------------------------------------------------------------- worker processes


LOCAL: Final = object()
"""What `ordered_map` gives for an item its caller works on itself."""

_BATCH: Final = 64  # pages a worker parses per task: fewer round trips, less work for the main
_WINDOW: Final = 3  # tasks in flight per worker: enough to keep every worker busy
_LAST_BATCH: Final = 4  # the smallest batch, at the end: the workers finish together


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def ordered_map(
    function: Callable[[str], object],
    items: Iterable[str],
    *,
    jobs: int,
    local: Callable[[str], bool],
) -> Iterator[tuple[str, object]]:
    """``(item, function(item))`` for each item, computed in `jobs` worker processes.

    Results come in the order of `items`, whatever order the workers finish in.
    Items go to the workers in batches, and no more than a few batches per worker
    are in flight at a time, so that memory stays constant however many items
    there are. An item for which `local` is true (stdin, a JSON file) comes as
    ``(item, LOCAL)`` when every item before it is done, for the caller to work
    on. With one job, or fewer items than would keep the workers busy, no
    process is started and every item comes as ``(item, LOCAL)``.

    `function` must be picklable (a module-level function, or a
    `functools.partial` of one): it runs in the workers.
    """
    items = iter(items)
    head = list(itertools.islice(items, max(jobs, 1) * _BATCH))
    if jobs <= 1 or len(head) < max(jobs, 1) * _BATCH:
        for item in itertools.chain(head, items):
            yield item, LOCAL
        return
    first = head.pop(0)  # done here: what it loads on first use, forked workers share
    yield first, LOCAL if local(first) else function(first)
    context = multiprocessing.get_context("fork" if "fork" in _start_methods() else "spawn")
    with context.Pool(jobs, initializer=_quiet_worker) as pool:
        pending: collections.deque[tuple[list[str], AsyncResult[list[object]]]]
        pending = collections.deque()
        for part in _batches(itertools.chain(head, items), jobs, local):
            if isinstance(part, str):  # an item for the caller: after every one before it
                while pending:
                    done, result = pending.popleft()
                    yield from zip(done, result.get(), strict=True)
                yield part, LOCAL
                continue
            pending.append((part, pool.apply_async(_run_batch, (function, part))))
            while len(pending) > jobs * _WINDOW:
                done, result = pending.popleft()
                yield from zip(done, result.get(), strict=True)
        while pending:
            done, result = pending.popleft()
            yield from zip(done, result.get(), strict=True)


def _batches(
    items: Iterator[str], jobs: int, local: Callable[[str], bool]
) -> Iterator[str | list[str]]:
    """The items for the workers in batches (lists), each item for the caller alone (a str).

    Batches hold `_BATCH` items. Near the end of the items (or of a run of them
    before an item for the caller), which a look-ahead of a batch per worker
    sees coming, batches shrink (guided scheduling: each a share of what is
    left, down to `_LAST_BATCH`), so that no worker is left with a whole batch
    to parse while the others have finished.
    """
    ahead: collections.deque[str] = collections.deque()
    seen_all = False
    look_ahead = (jobs + 1) * _BATCH
    while True:
        while not seen_all and len(ahead) < look_ahead:
            item = next(items, None)
            if item is None:
                seen_all = True
            else:
                ahead.append(item)
        if not ahead:
            return
        if local(ahead[0]):
            yield ahead.popleft()
            continue
        run = next((n for n, item in enumerate(ahead) if local(item)), len(ahead))
        size = _BATCH
        if seen_all or run < len(ahead):  # the end of the run is in sight
            size = min(_BATCH, max(_LAST_BATCH, -(-run // (2 * jobs))))
        yield [ahead.popleft() for _ in range(min(size, run))]


def _start_methods() -> list[str]:
    return multiprocessing.get_all_start_methods()


def _quiet_worker() -> None:
    """In a worker: leave Ctrl-C to the main process, which stops the workers (SIGTERM)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's handler


def _run_batch(function: Callable[[str], object], batch: list[str]) -> list[object]:
    return [function(item) for item in batch]


def parse_to_text(
    path: str, *, max_size: int, render: Callable[[osce_thb.Document, str], str]
) -> str | osce_thb.ParseError:
    """In a worker: `render` (a module-level function) of the page at `path`, or why not.

    Text goes back to the main process rather than the document: it is smaller
    to send, and the main process only has to write it.
    """
    ((_, result),) = osce_thb.parse_files(path, max_size=max_size)
    if isinstance(result, osce_thb.ParseError):
        return result
    return render(result, path)


def json_text(document: osce_thb.Document, path: str, *, indent: int | None) -> str:
    """The JSON text of `document` (`path` is not part of it)."""
    return osce_thb.to_json(document, indent=indent)


def parse_page(path: str, *, max_size: int) -> osce_thb.Document | osce_thb.ParseError:
    """In a worker: the document of the page at `path`, or why it cannot be had."""
    ((_, result),) = osce_thb.parse_files(path, max_size=max_size)
    return result
