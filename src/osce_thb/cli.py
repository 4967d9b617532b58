"""The ``osce-thb`` command line: results without writing code, over whole folders.

Commands (``osce-thb COMMAND --help`` explains each, with examples):

* ``parse PATH...``: pages to JSON (one document) or JSON Lines (many); at a
  terminal, a few readable lines per page.
* ``validate FILE...``: check JSON documents against the model.
* ``schema``: the JSON Schema of a document.
* ``rollout PATH...``: the merged NRM rollout timeline of a corpus, as a table,
  CSV, JSON or an SVG chart.
* ``export PATH... --to csv|jsonld``: flat tables (with HXL hashtags on request)
  and schema.org JSON-LD.

Inputs are files, folders (their ``*.txt`` files, recursively, sorted by name in
each folder, hidden ones skipped) and ``-`` for stdin. They are read one at a
time and every record is written as soon as it is ready, so that a folder of
100,000 pages runs in constant memory. A page, or a JSON document, of more than
``--max-size`` megabytes (10 by default) is refused with a clear message.

Every input that cannot be used gets one line on stderr, ``path:line:col:
message`` (``path: message`` when the whole file is at fault), and the other
inputs are still processed and written. Each JSON Lines record is written whole and
flushed, and Ctrl-C waits for the record being written. An ``--output`` file is
written under a temporary name beside it and renamed into place only when
complete: an error or an interrupt leaves it as it was, and an output that is
one of the inputs is refused before anything is written.

Options agree between commands: ``--output``/``-o`` everywhere, ``--format``/``-f``
for what to write (else the ``--output`` suffix decides), ``--quiet``/``-q`` for
no summary line. A command that reads several inputs ends with a summary line
on stderr (inputs, documents, errors, time); the progress bar shows the rate
and the time left. ``osce-thb`` alone prints the help.

Exit status: 0 when every input was used, 1 when some were not (or, for
``validate``, when a document is invalid), 2 for a usage error, 74 when the
output could not be written (a full disk), 130 when interrupted (Ctrl-C), 143
when terminated, 141 when the reader of stdout went away.

The command line uses only the library's public API (``osce_thb.__all__``); its
plumbing (outputs, signals, progress, stdin) is in `osce_thb._cli_io`.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import functools
import json
import signal
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

import osce_thb
from osce_thb import export
from osce_thb._cli_io import (
    LOCAL,
    STDIN,
    STDIN_LABEL,
    WRITE_ERROR_STATUS,
    Failure,
    Interrupted,
    Output,
    ReaderGoneError,
    Records,
    RecordsMode,
    Session,
    Signals,
    UsageError,
    WriteError,
    default_jobs,
    drop_stdout,
    json_text,
    ordered_map,
    parse_page,
    parse_to_text,
    plural,
    records_mode,
    sample_paths,
    terminal_width,
)
from osce_thb._cli_summary import summary

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

__all__ = ["main"]

_LINES_SUFFIXES: Final = (".jsonl", ".ndjson")
_JSON_SUFFIXES: Final = (".json",)
_FORMATS: Final = export.ROLLOUT_FORMS
_PARSE_FORMATS: Final = ("json", "jsonl", "summary")
_JSON_FORMATS: Final = ("json", "jsonl")
_FORMAT_OF_SUFFIX: Final = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_SUMMARY_HINT: Final = "a summary for the terminal; --format json or jsonl, or a pipe, gives JSON"
_MEGABYTE: Final = 1024 * 1024
_DEFAULT_MAX_MB: Final = osce_thb.MAX_PAGE_BYTES // _MEGABYTE


# --------------------------------------------------------------------------- inputs


def _max_size(session: Session) -> int:
    """``--max-size``, in bytes."""
    megabytes: float = getattr(session.args, "max_size", _DEFAULT_MAX_MB)
    return max(1, int(megabytes * _MEGABYTE))


def _jobs_count(text: str) -> int:
    """``--jobs``: a positive number of processes."""
    if not text.isdigit() or int(text) < 1:
        msg = f"not a positive number of processes: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _megabytes(text: str) -> float:
    """``--max-size``: a positive number of megabytes (MiB)."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < 1 << 40:
        msg = f"not a positive number of megabytes: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _is_single(paths: Sequence[str], samples: bool) -> bool:
    """Whether the command line names one input: one file, or ``-`` (a folder is many)."""
    return (
        not samples and len(paths) == 1 and (paths[0] in ("", STDIN) or not Path(paths[0]).is_dir())
    )


def _read_page(session: Session, path: str) -> osce_thb.Document | Failure:
    """The document of a page file, or of stdin for ``-``; else the failure to report."""
    limit = _max_size(session)
    if path != STDIN:
        ((_, result),) = osce_thb.parse_files(path, max_size=limit)
        return _page_result(path, result)
    if session.stdin.closed:
        return Failure(STDIN_LABEL, 0, 0, "standard input is closed")
    try:
        data = session.stdin.read(limit + 1)
        if len(data) > limit:
            msg = f"too large: more than {_size(limit)}, the most that is read (see --max-size)"
            raise osce_thb.ParseError(msg)
        return osce_thb.parse_bytes(data)
    except (ValueError, OSError, MemoryError) as error:
        return Failure.of(STDIN, error)


def _size(count: int) -> str:
    if count % _MEGABYTE == 0:
        return f"{count // _MEGABYTE} MiB"
    return f"{count:,} bytes"


def _page_result(path: str, result: object) -> osce_thb.Document | Failure:
    """What `parse_files` (maybe in a worker) gave for a page: the document, or the failure."""
    if isinstance(result, osce_thb.Document):
        return result
    return _page_failure(path, result)


def _page_failure(path: str, error: object) -> Failure:
    failure = Failure.of(path, error if isinstance(error, BaseException) else ValueError(error))
    if failure.message.startswith("too large"):
        failure = failure._replace(message=f"{failure.message} (see --max-size)")
    return failure


def _jobs(session: Session) -> int:
    jobs: int | None = getattr(session.args, "jobs", 1)
    return default_jobs() if jobs is None else jobs


def _is_stdin(path: str) -> bool:
    return path == STDIN


def _is_json_input(path: str) -> bool:
    return path != STDIN and path.lower().endswith(_LINES_SUFFIXES + _JSON_SUFFIXES)


def _json_records(session: Session, path: str) -> Iterator[osce_thb.JsonRecord]:
    """The records of a JSON input (a file, or stdin), checked to hold some.

    Raises:
        OSError: The file cannot be read.
        _EmptyInputError: It holds no document.
    """
    if path == STDIN:
        source: Any = session.stdin
        if session.stdin.closed:
            raise _NoStdinError
    else:
        source = path
    empty = True
    for record in osce_thb.load_documents(source, max_size=_max_size(session)):
        empty = False
        yield record
    if empty:
        raise _EmptyInputError


class _EmptyInputError(Exception):
    """A JSON input without any document."""


class _NoStdinError(Exception):
    """Stdin is closed."""


def _input_failure(path: str, error: BaseException) -> Failure:
    label = STDIN_LABEL if path == STDIN else path
    if isinstance(error, _EmptyInputError):
        return Failure(label, 0, 0, "empty file: no documents")
    if isinstance(error, _NoStdinError):
        return Failure(label, 0, 0, "standard input is closed")
    return Failure.of(path, error)


def _record_label(path: str, record: osce_thb.JsonRecord) -> str:
    """Where a JSON document came from: ``path[INDEX]`` in an array, else ``path:LINE``."""
    label = STDIN_LABEL if path == STDIN else path
    if record.index is not None:
        return f"{label}[{record.index}]"
    return f"{label}:{record.line}"


def _documents(session: Session, paths: Sequence[str]) -> Iterator[tuple[str, osce_thb.Document]]:
    """Every document of the inputs, with where it came from, failures reported on the way.

    Pages (``.txt``, anything else, and folders' ``.txt`` files) are parsed;
    ``.json``, ``.jsonl`` and ``.ndjson`` files hold documents already parsed;
    stdin is a page unless it starts with ``{`` or ``[``.
    """
    entries = session.inputs(paths, samples=session.args.samples, unit="file")
    parse = functools.partial(parse_page, max_size=_max_size(session))
    local = _is_json_input
    for entry, parsed in ordered_map(parse, entries, jobs=_jobs(session), local=local):
        is_json = _is_json_input(entry) or (
            entry == STDIN and not session.stdin.closed and session.stdin.starts_json()
        )
        if is_json:
            yield from _usable(session, entry)
            session.advance()
            continue
        result = _read_page(session, entry) if parsed is LOCAL else _page_result(entry, parsed)
        session.advance()
        if isinstance(result, Failure):
            session.fail(result)
        else:
            yield (STDIN_LABEL if entry == STDIN else entry), result


def _usable(session: Session, path: str) -> Iterator[tuple[str, osce_thb.Document]]:
    """The documents of a JSON input; each invalid one reported on one line."""
    label = STDIN_LABEL if path == STDIN else path
    try:
        for record in _json_records(session, path):
            if isinstance(record.result, osce_thb.Document):
                yield _record_label(path, record), record.result
                continue
            problems = record.result.problems
            more = len(problems) - 1
            message = f"invalid document: {problems[0]}" + (
                f" (and {more} more; see osce-thb validate)" if more else ""
            )
            session.fail(Failure(label, record.line, record.column, message))
    except (OSError, MemoryError, _EmptyInputError, _NoStdinError) as error:
        session.fail(_input_failure(path, error))


# --------------------------------------------------------------------------- commands


def _output_format(args: argparse.Namespace) -> str | None:
    """``--format``, else what the ``--output`` name says (``.json``, ``.jsonl``), else None."""
    if args.format:
        return str(args.format)
    if args.output and args.output != STDIN:
        return _FORMAT_OF_SUFFIX.get(Path(args.output).suffix.lower())
    return None


def _summarizes(session: Session, fmt: str | None) -> bool:
    """Whether parse writes summaries: asked for, or for a person at a terminal."""
    if fmt is not None:
        return fmt == "summary"
    return session.args.output in (None, STDIN) and session.to_terminal


def _cmd_parse(session: Session) -> int:
    args = session.args
    if not args.paths and not args.samples:
        msg = "give PATH... (files, folders, - for stdin) or --samples"
        raise UsageError(msg)
    session.refuse_inputs([args.output] if args.output else [], args.paths, args.samples)
    single = _is_single(args.paths, args.samples)
    fmt = _output_format(args)
    render: Callable[[osce_thb.Document, str], str]
    mode: RecordsMode
    if _summarizes(session, fmt):
        mode = "text"
        render = functools.partial(summary, width=terminal_width(session.stdout))
    else:
        mode = records_mode(fmt, single)
        render = functools.partial(json_text, indent=None if mode == "lines" else 2)
    work = functools.partial(parse_to_text, max_size=_max_size(session), render=render)
    entries = session.inputs(args.paths, samples=args.samples, unit="page")
    with session.output(args.output, drop_if_empty=mode == "single") as output:
        records = Records(output, mode)
        try:
            for entry, text in ordered_map(work, entries, jobs=_jobs(session), local=_is_stdin):
                if text is LOCAL:
                    result = _read_page(session, entry)
                    session.advance()
                    if isinstance(result, Failure):
                        session.fail(result)
                    else:
                        label = STDIN_LABEL if entry == STDIN else entry
                        records.add_text(render(result, label))
                elif isinstance(text, str):
                    session.advance()
                    records.add_text(text)
                else:
                    session.advance()
                    session.fail(_page_failure(entry, text))
        finally:
            records.close()
    session.finish(None if single else records.count)
    if mode == "text" and fmt is None and not args.quiet:
        session.note(_SUMMARY_HINT)
    return session.status()


def _cmd_validate(session: Session) -> int:
    args = session.args
    checked = invalid = problems = 0
    session.refuse_inputs([args.output] if args.output else [], args.files, samples=False)
    with session.output(args.output) as out:
        for entry in session.inputs(args.files, unit="file", folders=False):
            label = STDIN_LABEL if entry == STDIN else entry
            try:
                for record in _json_records(session, entry):
                    checked += 1
                    if isinstance(record.result, osce_thb.JsonError):
                        invalid += 1
                        problems += len(record.result.problems)
                        where = f"{label}:{record.line}:{record.column}"
                        out.write("".join(f"{where}: {p}\n" for p in record.result.problems))
            except (OSError, MemoryError, _EmptyInputError, _NoStdinError) as error:
                session.fail(_input_failure(entry, error))
            session.advance()
        session.finish()
        if not args.quiet:
            summary_line = f"{plural(checked, 'document')} checked: " + (
                f"{invalid} invalid ({plural(problems, 'problem')})" if invalid else "all valid"
            )
            if session.failed:
                summary_line += f"; {plural(session.failed, 'file')} could not be read"
            out.write(summary_line + "\n")
    return 1 if invalid or session.failed else 0


def _cmd_schema(session: Session) -> int:
    with session.output(session.args.output) as output:
        output.write(json.dumps(osce_thb.json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


def _rollout_format(args: argparse.Namespace) -> str:
    """``--format``, else what the ``--output`` name says (``.csv``, ``.json``, ``.svg``)."""
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    return suffix if suffix in _FORMATS else "table"


def _cmd_rollout(session: Session) -> int:
    args = session.args
    if not args.paths and not args.samples:
        msg = "give PATH... (pages, folders, .json or .jsonl documents, -) or --samples"
        raise UsageError(msg)
    session.refuse_inputs([args.output] if args.output else [], args.paths, args.samples)
    fmt = _rollout_format(args)
    labels: list[str] = []

    def documents() -> Iterator[osce_thb.Document]:
        for label, document in _documents(session, args.paths):
            labels.append(label)
            yield document

    with session.output(args.output, drop_if_empty=True) as output:
        output.write(export.rollout_report(documents(), fmt, paths=labels))
    session.finish(None if _is_single(args.paths, args.samples) else len(labels))
    return session.status()


def _cmd_export(session: Session) -> int:
    args = session.args
    if not args.paths and not args.samples:
        msg = "give PATH... (pages, folders, .json or .jsonl documents, -) or --samples"
        raise UsageError(msg)
    if args.to == "csv":
        return _export_csv(session)
    if args.table or args.hxl or args.bom:
        msg = "--table, --hxl and --bom are for --to csv"
        raise UsageError(msg)
    return _export_jsonld(session)


def _export_jsonld(session: Session) -> int:
    args = session.args
    session.refuse_inputs([args.output] if args.output else [], args.paths, args.samples)
    single = _is_single(args.paths, args.samples)
    mode = records_mode(_output_format(args), single, many="array")
    with session.output(args.output, drop_if_empty=mode == "single") as output:
        records = Records(output, mode, _dump)
        try:
            for _, document in _documents(session, args.paths):
                records.add(export.to_jsonld(document, body=args.body))
        finally:
            records.close()
    session.finish(None if single else records.count)
    return session.status()


def _dump(data: object, indent: int | None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent)


class _Rows:
    """A file-like object for `csv.writer` on an `Output`: rows wait for `flush`."""

    def __init__(self, output: Output) -> None:
        self.output = output

    def write(self, text: str) -> None:
        with self.output.errors():
            self.output.stream.write(text)

    def flush(self) -> None:
        with self.output.errors():
            self.output.stream.flush()


def _export_csv(session: Session) -> int:
    args = session.args
    if args.format or args.body:
        msg = "--format and --body are for --to jsonld"
        raise UsageError(msg)
    if args.table is None and args.output in (None, STDIN):
        msg = (
            "--to csv writes four tables: give --output DIR for all of them,"
            " or --table NAME for one on stdout"
        )
        raise UsageError(msg)
    tables = (args.table,) if args.table else export.TABLES
    with contextlib.ExitStack() as stack:
        if args.table:
            session.refuse_inputs([args.output] if args.output else [], args.paths, args.samples)
            outputs = {args.table: stack.enter_context(session.output(args.output))}
        else:
            outputs = _open_tables(session, Path(args.output), tables, stack)
        writers = {}
        files = {table: _Rows(output) for table, output in outputs.items()}
        for table in tables:
            writer = csv.writer(files[table], lineterminator="\n")
            head = [[column.name for column in export.columns(table)]]
            if args.hxl:
                head.append([column.hxl for column in export.columns(table)])
            with session.signals.critical():
                if args.bom:
                    files[table].write("\ufeff")
                writer.writerows(head)
                files[table].flush()
            outputs[table].written = True
            writers[table] = writer
        count = 0
        for position, (label, document) in enumerate(_documents(session, args.paths)):
            with session.signals.critical():
                for table in tables:
                    for row in export.rows((document,), table, paths=(label,)):
                        row["document"] = str(position)  # its place in the whole input
                        writers[table].writerow(row.values())
                for rows_file in files.values():
                    rows_file.flush()
            count += 1
    session.finish(None if _is_single(args.paths, args.samples) else count)
    return session.status()


def _open_tables(
    session: Session, folder: Path, tables: Sequence[str], stack: contextlib.ExitStack
) -> dict[str, Output]:
    """One output per table, ``TABLE.csv`` in `folder` (made if missing)."""
    if folder.exists() and not folder.is_dir():
        msg = f"--output {folder} is a file; --to csv without --table writes a folder of tables"
        raise UsageError(msg)
    targets = [str(folder / f"{table}.csv") for table in tables]
    session.refuse_inputs(targets, session.args.paths, session.args.samples)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        msg = f"cannot make {folder}: {error.strerror or error}".lower()
        raise UsageError(msg) from None
    return {
        table: stack.enter_context(session.output(target))
        for table, target in zip(tables, targets, strict=True)
    }


# --------------------------------------------------------------------------- the parser

_MAIN_EPILOG: Final = """\
Inputs: files, folders (their .txt files, recursively, sorted by name) and - for stdin.
Each input that cannot be used gets one line on stderr, path:line:col: message
(path: message when the whole file is at fault), and the others are still processed.

An --output file is written under a temporary name beside it and renamed into
place when complete; an output that is one of the inputs is refused. A page or a
JSON document over --max-size megabytes (default 10) is refused, not read.

exit status:
  0    every input was used
  1    some inputs failed (or validate found invalid documents)
  2    usage error (an output that is an input, too)
  74   the output could not be written (a full disk); an --output file is left
       as it was, never half written
  130  interrupted (Ctrl-C); stdout holds complete records only, an --output
       file is left as it was
  141  the reader of stdout went away (| head); nothing is printed

Options agree between commands: -o FILE writes there, -f FORM chooses what to
write (else the -o suffix does), -q drops the summary line that ends a run over
several inputs (inputs, documents, errors, time).

examples:
  osce-thb parse --samples                       the sample pages: a summary at a
                                                 terminal, JSON Lines in a pipe
  osce-thb parse page.txt -f json                one page, as indented JSON
  osce-thb parse pages/ -o corpus.jsonl          a folder, one JSON object a line
  osce-thb validate corpus.jsonl                 check documents against the model
  osce-thb rollout corpus.jsonl -o rollout.svg   the NRM rollout as a chart
  osce-thb export pages/ --to csv -o tables/ --hxl
"""

_PARSE_EPILOG: Final = """\
At a terminal, each page gets a few readable lines: the file, the title, kind,
date, place and source, then regions, donors, speakers and NRM phases
(--format summary asks for them anywhere). Elsewhere (a pipe, a file), or with
--format json or jsonl, it writes JSON: one input (a file, or -) gives one
indented JSON document; several inputs or a folder give JSON Lines, one compact
object per page, in input order. With --format json and several inputs, the
documents come as one JSON array (still written page by page). An --output
named .json or .jsonl chooses the format when --format does not. Pages are read
and written one at a time, so memory stays constant however large the folder.

Several inputs end with a summary line on stderr (pages, documents, errors,
time; --quiet drops it). A progress bar with the rate and the time left appears
on stderr when it is a terminal and the work is long (more than 50 pages);
--progress forces it, --no-progress hides it. Pages are parsed in --jobs
processes (default: the machine's cores), the output in input order, exactly
as with --jobs 1.

examples:
  osce-thb parse page.txt
  osce-thb parse --samples | jq .title
  cat page.txt | osce-thb parse -
  osce-thb parse pages/ more/page.txt -o corpus.jsonl
  osce-thb parse pages/ -o corpus.json           a JSON array, from the name
  osce-thb parse pages/ --format summary | less
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
    parser.add_argument("--version", action="version", version=f"%(prog)s {osce_thb.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    progress = argparse.ArgumentParser(add_help=False)
    progress.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: when it is a terminal and the work is long)",
    )
    progress.add_argument(
        "--jobs",
        "-j",
        type=_jobs_count,
        default=None,
        metavar="N",
        help="parse pages in N processes, the output in input order as with one"
        " (default: the machine's cores)",
    )
    progress.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="no summary line at the end (errors are still reported)",
    )
    progress.add_argument(
        "--max-size",
        type=_megabytes,
        default=_DEFAULT_MAX_MB,
        metavar="MB",
        help=f"refuse a page or a JSON document larger than this (default {_DEFAULT_MAX_MB} MB)",
    )

    parse = commands.add_parser(
        "parse",
        parents=[progress],
        help="parse pages to JSON or JSON Lines",
        description="Parse pages (files, folders of .txt files, - for stdin) to JSON,"
        " or to a few readable lines each at a terminal.",
        epilog=_PARSE_EPILOG,
        formatter_class=formatter,
    )
    _add_inputs(parse, "a page file, a folder of .txt pages, or - for stdin")
    parse.add_argument(
        "--format",
        "-f",
        choices=_PARSE_FORMATS,
        help="json: indented (an array for several inputs); jsonl: one line per page;"
        " summary: a few readable lines per page (default: summary on a terminal, else"
        " what the --output suffix says, else json for one input and jsonl for several)",
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
    validate.add_argument(
        "--output", "-o", metavar="FILE", help="write the report here instead of stdout"
    )
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
        "--format",
        "-f",
        choices=_JSON_FORMATS,
        help="jsonld: json, one object (an array for several inputs); jsonl, one object a line"
        " (default: what the --output suffix says, else json)",
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
        stdin: What ``-`` reads; ``sys.stdin`` if ``None`` (which is ``None``
            itself when the process has no stdin).
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = _build_parser()
    arguments = sys.argv[1:] if argv is None else list(argv)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        if not arguments:  # bare osce-thb: what it can do, not an error about what is missing
            parser.print_help()
            return 0
        try:
            args = parser.parse_args(arguments)
        except SystemExit as exit_:
            return exit_.code if isinstance(exit_.code, int) else 2
    with Signals() as signals:
        session = Session(args, out, err, stdin if stdin is not None else sys.stdin, signals)
        try:
            status: int = args.handler(session)
        except UsageError as error:
            session.note(f"osce-thb {args.command}: error: {error}")
            return 2
        except (ReaderGoneError, BrokenPipeError):
            drop_stdout(out)
            return 128 + 13  # as if killed by SIGPIPE, like the tools it is piped into
        except WriteError as error:
            session.note(f"osce-thb {args.command}: error: {error}")
            if error.name == "stdout":
                drop_stdout(out)
            return WRITE_ERROR_STATUS
        except MemoryError:
            session.note(f"osce-thb {args.command}: error: out of memory")
            return 1
        except KeyboardInterrupt as interrupt:
            if session.progress is not None:
                session.progress.clear()
            signum = interrupt.signum if isinstance(interrupt, Interrupted) else signal.SIGINT
            session.note("osce-thb: interrupted")
            return 128 + int(signum)
        return status


def _sample_paths() -> list[str]:
    """The sample pages shipped inside the package (see `osce_thb._cli_io.sample_paths`)."""
    return sample_paths()
