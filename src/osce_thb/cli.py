"""The ``osce-thb`` command line: parse pages to JSON without writing code.

Exit status: 0 when every input parsed, 1 when some failed (each failure is
one ``path:line:col: message`` line on stderr, and the other inputs are still
written), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING

from osce_thb._version import __version__

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from osce_thb.model import Document

__all__ = ["main"]

_SUFFIXES = (".txt",)


def _sample_paths() -> list[Path]:
    """The sample pages shipped inside the package."""
    folder = resources.files("osce_thb").joinpath("samples")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".txt"))


def _expand(paths: Sequence[str]) -> Iterator[str]:
    """Files as given, folders as their ``*.txt`` files in name order, ``-`` as stdin."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            yield from sorted(str(child) for child in path.rglob("*") if child.suffix in _SUFFIXES)
        else:
            yield raw


def _parse_one(raw: str) -> Document:
    from osce_thb._parser import parse, parse_file

    if raw == "-":
        return parse(sys.stdin.read())
    return parse_file(raw)


def _report(raw: str, error: Exception, stderr: IO[str]) -> None:
    from osce_thb.errors import ParseError

    if isinstance(error, ParseError):
        where = f"{error.line or 0}:{error.column or 0}"
        message = error.message.removeprefix(f"{raw}: ")
    elif isinstance(error, IsADirectoryError):
        where, message = "0:0", "is a folder with no .txt files"
    elif isinstance(error, OSError):
        where, message = "0:0", error.strerror or str(error)
    else:  # pragma: no cover - parse raises only ParseError for str input
        raise error
    print(f"{raw}:{where}: {message}", file=stderr)


def _cmd_parse(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from osce_thb._json import to_json

    inputs = [str(p) for p in _sample_paths()] if args.samples else list(_expand(args.paths))
    if not inputs:
        print("osce-thb parse: no input files (give PATH... or --samples)", file=stderr)
        return 2
    fmt = args.format or ("json" if len(inputs) == 1 else "jsonl")
    out = Path(args.output).open("w", encoding="utf-8") if args.output else stdout  # noqa: SIM115
    failed = 0
    try:
        for raw in inputs:
            try:
                document = _parse_one(raw)
            except (OSError, ValueError) as error:
                _report(raw, error, stderr)
                failed += 1
                continue
            if fmt == "jsonl":
                out.write(to_json(document) + "\n")
            else:
                out.write(to_json(document, indent=2) + "\n")
            out.flush()
    finally:
        if out is not stdout:
            out.close()
    return 1 if failed else 0


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="osce-thb",
        description="Parse OSCE pages on combating trafficking in human beings into JSON.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser(
        "parse",
        help="parse pages to JSON",
        description="Parse pages (files, folders of .txt files, - for stdin) to JSON.",
    )
    parse.add_argument("paths", nargs="*", metavar="PATH", help="a file, a folder, or -")
    parse.add_argument(
        "--samples", action="store_true", help="parse the sample pages shipped with the package"
    )
    parse.add_argument(
        "--format",
        choices=("json", "jsonl"),
        help="json (indented, the default for one input) or jsonl (one line per input)",
    )
    parse.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    parse.set_defaults(handler=_cmd_parse)
    return parser


def main(
    argv: Sequence[str] | None = None, stdout: IO[str] | None = None, stderr: IO[str] | None = None
) -> int:
    """Run the command line; returns the exit status."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    handler = args.handler
    status: int = handler(args, stdout or sys.stdout, stderr or sys.stderr)
    return status
