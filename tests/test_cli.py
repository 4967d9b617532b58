"""The command line, driven as a user drives it: arguments in, text and exit status out.

Most tests call `osce_thb.cli.main` in-process with string streams (fast); a few
run ``python -m osce_thb`` in a subprocess for what only a real process shows:
the entry point, a real pipe, a reader that goes away, Ctrl-C.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import osce_thb
from osce_thb import RegionTimeline, RolloutClaim, _chart, _cli_io, _cli_summary, _export, cli
from osce_thb.model import PhaseStage, PhaseStatus
from tests._documents import full_document, minimal_document

SAMPLES = sorted((Path(osce_thb.__file__).parent / "samples").glob("*.txt"))
COMMANDS = ("parse", "validate", "schema", "rollout", "export")
_TOWNS = (
    ("Donetsk", "UA-14"),
    ("Kharkiv", "UA-63"),
    ("Luhansk", "UA-09"),
    ("Vinnytsya", "UA-05"),
    ("Chernivtsi", "UA-77"),
    ("Lviv", "UA-46"),
    ("Odesa", "UA-51"),
    ("Poltava", "UA-53"),
)


def page(number: int) -> str:
    """A small, valid press release; its title, dateline and region vary with `number`."""
    town, _ = _TOWNS[number % len(_TOWNS)]
    year = 2005 + number % 12
    return (
        "Press release\n"
        f"Page {number:04d}: the referral mechanism reaches {town}\n"
        "- Source:\n"
        "- OSCE Project Co-ordinator in Ukraine\n"
        f"{town.upper()}, Ukraine, {1 + number % 28} March {year} – The National Referral"
        f" Mechanism (NRM) was set up in {town} region in {year - 1}, with funding from Norway.\n"
    )


def write_pages(folder: Path, count: int, *, per_folder: int = 0) -> list[Path]:
    """Write `count` pages, in subfolders of `per_folder` pages when given; paths in walk order."""
    paths = []
    for number in range(count):
        sub = folder / f"batch{number // per_folder:03d}" if per_folder else folder
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"page{number:05d}.txt"
        path.write_text(page(number), encoding="utf-8")
        paths.append(path)
    return paths


SUMMARY = re.compile(
    r"(\d+) (page|file)s?: (\d+) documents?, (?:no errors|(\d+) errors?)"
    r" \(\d+(?:\.\d+)? s(?:, [\d,]+ (?:page|file)s/s)?\)"
)


def summary_of(line: str) -> tuple[int, int, int]:
    """What a summary line counts: inputs, documents, errors."""
    match = SUMMARY.fullmatch(line)
    assert match, line
    return int(match[1]), int(match[3]), int(match[4] or 0)


class Run:
    """What one run of the command line gave: exit status, stdout, stderr."""

    def __init__(self, status: int, out: str, err: str) -> None:
        self.status, self.out, self.err = status, out, err

    @property
    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.out.splitlines()]

    @property
    def errors(self) -> list[str]:
        return self.err.splitlines()


class Tty(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(*argv: str | Path, stdin: str = "", stderr: io.StringIO | None = None) -> Run:
    out, err = io.StringIO(), stderr if stderr is not None else io.StringIO()
    status = cli.main([str(a) for a in argv], stdout=out, stderr=err, stdin=io.StringIO(stdin))
    return Run(status, out.getvalue(), err.getvalue())


def run_process(
    *argv: str | Path, stdin: bytes = b"", timeout: float = 60
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "osce_thb", *map(str, argv)],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def pages(tmp_path: Path) -> list[Path]:
    """Three good pages in a folder of their own."""
    return write_pages(tmp_path / "pages", 3)


@pytest.fixture
def bad(tmp_path: Path) -> dict[str, Path]:
    """One input of each kind that cannot be parsed."""
    folder = tmp_path / "bad"
    folder.mkdir()
    files = {
        "missing": folder / "missing.txt",
        "folder": folder / "no-pages",
        "binary": folder / "binary.txt",
        "latin1": folder / "latin1.txt",
        "empty": folder / "empty.txt",
        "not a page": folder / "kind-only.txt",
    }
    files["folder"].mkdir()
    (files["folder"] / "notes.md").write_text("not a page\n")
    files["binary"].write_bytes(b"abc\x00def\n")
    files["latin1"].write_bytes(b"caf\xe9\n")
    files["empty"].write_bytes(b"")
    files["not a page"].write_text("Press release\n")
    return files


BAD_MESSAGES = {  # what follows the path: ":LINE:COL:" only where a place is at fault
    "missing": ": no such file",
    "folder": ": folder holds no .txt files",
    "binary": ":1:4: NUL byte in the text: this looks like binary data, not a page",
    "latin1": ":1:4: not UTF-8 text: byte 0xe9 at offset 3 cannot be decoded",
    "empty": ":1:1: empty text: there is nothing to parse",
    "not a page": ":1:1: no title found: the text ends after the kind line 'Press release'",
}


# --------------------------------------------------------------------------- help, usage


class TestUsage:
    def test_version(self) -> None:
        """--version prints the program name and the library's version."""
        result = run("--version")
        assert (result.status, result.out) == (0, f"osce-thb {osce_thb.__version__}\n")

    @pytest.mark.parametrize("command", COMMANDS)
    def test_every_command_has_help_with_examples(self, command: str) -> None:
        """Every command explains itself, with examples, and exits 0."""
        result = run(command, "--help")
        assert result.status == 0
        assert result.out.startswith(f"usage: osce-thb {command}")
        assert "examples:" in result.out

    def test_main_help_lists_commands_and_exit_statuses(self) -> None:
        """The top-level help names every command and what the exit statuses mean."""
        result = run("--help")
        assert result.status == 0
        for word in (*COMMANDS, "exit status", "130"):
            assert word in result.out

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (("frobnicate",), "invalid choice: 'frobnicate'"),
            (("parse", "--frobnicate"), "unrecognized arguments: --frobnicate"),
            (("rollout", "--format", "pdf", "x"), "invalid choice: 'pdf'"),
            (("export", "x.txt"), "the following arguments are required: --to"),
            (("validate",), "the following arguments are required: FILE"),
        ],
    )
    def test_usage_errors_exit_2(self, argv: tuple[str, ...], message: str) -> None:
        """A command line argparse cannot read exits 2 with its message on stderr."""
        result = run(*argv)
        assert result.status == 2
        assert message in result.err
        assert result.out == ""

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (("parse",), "osce-thb parse: error: give PATH... (files, folders, - for stdin)"),
            (("rollout",), "osce-thb rollout: error: give PATH..."),
            (("export", "--to", "csv", "x.txt"), "--to csv writes four tables"),
            (("export", "--to", "jsonld", "--hxl", "x.txt"), "--table, --hxl and --bom are for"),
            (("export", "--to", "csv", "--table", "regions", "--body", "x"), "--body are for"),
        ],
    )
    def test_impossible_requests_exit_2(self, argv: tuple[str, ...], message: str) -> None:
        """What argparse accepts but cannot be done is a usage error too, before any work."""
        result = run(*argv)
        assert result.status == 2
        assert message in result.err

    def test_unwritable_output_is_a_usage_error(self, tmp_path: Path) -> None:
        """An --output that cannot be created stops the run before any work."""
        target = tmp_path / "no" / "such" / "folder" / "out.jsonl"
        result = run("parse", "--samples", "-o", target)
        assert result.status == 2
        assert result.err == f"osce-thb parse: error: cannot write {target}: no such file\n"

    def test_bare_command_prints_the_help(self) -> None:
        """``osce-thb`` alone: the help, on stdout, not an error about a missing command."""
        process = run_process()
        assert process.returncode == 0
        assert process.stderr == b""
        out = process.stdout.decode()
        assert out.startswith("usage: osce-thb")
        for word in (*COMMANDS, "exit status", "examples:"):
            assert word in out

    def test_flags_agree_between_commands(self) -> None:
        """An option has one short form everywhere; every command writes to -o; -f is --format."""
        import argparse

        parser = cli._build_parser()
        commands = next(
            action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
        ).choices
        assert set(commands) == set(COMMANDS)
        shorts: dict[str, set[str]] = {}
        for command, sub in commands.items():
            options = {}
            for action in sub._actions:
                longs = [o for o in action.option_strings if o.startswith("--")]
                if longs:
                    options[longs[0]] = tuple(o for o in action.option_strings if o not in longs)
            assert options["--output"] == ("-o",), command
            if "--format" in options:
                assert options["--format"] == ("-f",), command
            for name, short in options.items():
                shorts.setdefault(name, set()).add(short)
        assert {name: found for name, found in shorts.items() if len(found) > 1} == {}
        for command in ("parse", "validate", "rollout", "export"):
            assert "--quiet" in run(command, "--help").out

    def test_python_dash_m(self) -> None:
        """``python -m osce_thb`` is the command line."""
        process = run_process("--version")
        assert process.returncode == 0
        assert process.stdout.decode() == f"osce-thb {osce_thb.__version__}\n"


# --------------------------------------------------------------------------- parse


class TestParse:
    def test_one_file_gives_one_indented_document(self, pages: list[Path]) -> None:
        """One input: one JSON document, indented, exactly as `to_json` writes it."""
        result = run("parse", pages[0])
        expected = osce_thb.to_json(osce_thb.parse_file(pages[0]), indent=2) + "\n"
        assert (result.status, result.out, result.err) == (0, expected, "")

    def test_samples_give_json_lines(self) -> None:
        """--samples parses the pages shipped in the package, one JSON object a line."""
        result = run("parse", "--samples")
        assert result.status == 0
        assert [doc["title"] for doc in result.lines] == [
            osce_thb.parse_file(path).title for path in SAMPLES
        ]
        assert len(SAMPLES) >= 2

    def test_folder_gives_json_lines_in_name_order(self, tmp_path: Path) -> None:
        """A folder gives its .txt files, subfolders included, sorted by name, hidden ones not."""
        folder = tmp_path / "corpus"
        write_pages(folder, 6, per_folder=2)
        (folder / "batch001" / "readme.md").write_text("# not a page\n")
        (folder / ".hidden").mkdir()
        (folder / ".hidden" / "page.txt").write_text(page(99))
        (folder / ".page.txt").write_text(page(98))
        (folder / "UPPER.TXT").write_text(page(97))
        result = run("parse", folder)
        assert result.status == 0
        titles = [doc["title"][:9] for doc in result.lines]
        expected = ["Page 0097", *[f"Page {n:04d}" for n in range(6)]]
        assert titles == expected

    def test_many_inputs_keep_their_order(self, pages: list[Path]) -> None:
        """Inputs are written in the order given, one record each."""
        result = run("parse", pages[2], pages[0], pages[1])
        assert [doc["title"][:9] for doc in result.lines] == ["Page 0002", "Page 0000", "Page 0001"]

    def test_format_json_with_many_inputs_is_an_array(self, pages: list[Path]) -> None:
        """--format json with several inputs writes one indented JSON array."""
        result = run("parse", *pages, "--format", "json")
        data = json.loads(result.out)
        assert [osce_thb.from_dict(item) for item in data] == [
            osce_thb.parse_file(path) for path in pages
        ]
        assert result.out.startswith("[\n  {\n    ")
        assert result.out.endswith("\n]\n")

    def test_format_json_with_nothing_parsed_is_an_empty_array(self, bad: dict[str, Path]) -> None:
        """When every input fails, --format json still writes valid JSON: an empty array."""
        result = run("parse", bad["empty"], bad["binary"], "--format", "json")
        assert (result.status, result.out) == (1, "[]\n")

    def test_format_jsonl_with_one_input(self, pages: list[Path]) -> None:
        """--format jsonl with one input writes one compact line."""
        result = run("parse", pages[0], "--format", "jsonl")
        assert result.out == osce_thb.to_json(osce_thb.parse_file(pages[0])) + "\n"

    @pytest.mark.parametrize(
        ("name", "many", "one"),
        [("corpus.json", "array", "object"), ("corpus.jsonl", "lines", "lines")],
    )
    def test_format_from_the_output_name(
        self, name: str, many: str, one: str, pages: list[Path], tmp_path: Path
    ) -> None:
        """-o x.json writes JSON (an array for several pages), -o x.jsonl JSON Lines."""
        target = tmp_path / name
        shapes = []
        for inputs in (pages, pages[:1]):
            assert run("parse", *inputs, "-o", target).status == 0
            text = target.read_text(encoding="utf-8")
            if text.startswith("["):
                shapes.append("array")
            elif text.startswith("{\n"):
                shapes.append("object")
            else:
                assert len(text.splitlines()) == len(inputs)
                shapes.append("lines")
        assert shapes == [many, one]
        assert run("parse", *pages, "-o", target, "-f", "json").status == 0
        assert target.read_text(encoding="utf-8").startswith("[")  # --format wins

    def test_output_file(self, pages: list[Path], tmp_path: Path) -> None:
        """--output writes the records to a file and nothing to stdout."""
        target = tmp_path / "corpus.jsonl"
        result = run("parse", pages[0].parent, "-o", target)
        assert (result.status, result.out) == (0, "")
        assert len(target.read_text(encoding="utf-8").splitlines()) == 3

    def test_failed_single_input_leaves_no_output_file(
        self, bad: dict[str, Path], tmp_path: Path
    ) -> None:
        """A single input that fails leaves no empty --output file behind."""
        target = tmp_path / "doc.json"
        result = run("parse", bad["empty"], "-o", target)
        assert result.status == 1
        assert not target.exists()

    def test_stdin(self, pages: list[Path]) -> None:
        """``-`` reads one page from stdin."""
        text = pages[0].read_text(encoding="utf-8")
        result = run("parse", "-", stdin=text)
        assert result.status == 0
        assert osce_thb.from_json(result.out) == osce_thb.parse(text)

    def test_empty_stdin(self) -> None:
        """An empty stdin is reported as ``<stdin>``."""
        result = run("parse", "-", stdin="")
        assert (result.status, result.out) == (1, "")
        assert result.err == "<stdin>:1:1: empty text: there is nothing to parse\n"

    def test_stdin_through_a_real_pipe(self, pages: list[Path]) -> None:
        """Bytes piped into ``python -m osce_thb parse -`` are parsed."""
        data = pages[1].read_bytes()
        process = run_process("parse", "-", stdin=data)
        assert process.returncode == 0, process.stderr
        assert osce_thb.from_json(process.stdout) == osce_thb.parse(data.decode())

    def test_stdin_not_utf8_through_a_real_pipe(self) -> None:
        """Bytes that are not UTF-8 on stdin give one line, not a traceback."""
        process = run_process("parse", "-", stdin=b"Title\ncaf\xe9\n")
        assert process.returncode == 1
        assert process.stderr.decode() == (
            "<stdin>:2:4: not UTF-8 text: byte 0xe9 at offset 9 cannot be decoded\n"
        )

    @pytest.mark.parametrize("case", list(BAD_MESSAGES))
    def test_bad_input_is_one_line_and_the_rest_is_written(
        self, case: str, bad: dict[str, Path], pages: list[Path]
    ) -> None:
        """Each bad input gets one ``path:line:col: message`` line; good ones are still written."""
        result = run("parse", pages[0], bad[case], pages[1])
        assert result.status == 1
        assert result.errors[:-1] == [f"{bad[case]}{BAD_MESSAGES[case]}"]
        assert summary_of(result.errors[-1]) == (3, 2, 1)
        assert [doc["title"][:9] for doc in result.lines] == ["Page 0000", "Page 0001"]

    def test_error_lines_say_the_position_once(self, bad: dict[str, Path]) -> None:
        """The real command: ``path:line:col:`` only where a place is at fault, said once."""
        process = run_process("parse", *bad.values(), "--format", "jsonl", "--quiet")
        assert process.returncode == 1
        lines = process.stderr.decode().splitlines()
        assert lines == [f"{path}{BAD_MESSAGES[case]}" for case, path in bad.items()]
        assert not any(":0:0:" in line or "(line " in line for line in lines)

    @pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file"
    )
    def test_unreadable_file(self, tmp_path: Path) -> None:
        """A file without read permission is reported, not fatal."""
        path = tmp_path / "secret.txt"
        path.write_text(page(1))
        path.chmod(0)
        result = run("parse", path)
        assert (result.status, result.errors) == (1, [f"{path}: permission denied"])

    def test_a_folder_of_many_pages(self, tmp_path: Path) -> None:
        """300 generated pages in 10 folders plus bad files: every page in order, bad ones named."""
        folder = tmp_path / "corpus"
        paths = write_pages(folder, 300, per_folder=30)
        (folder / "batch003" / "page00095x.txt").write_bytes(b"\x00\x01\x02")
        (folder / "batch007" / "page00215x.txt").write_bytes(b"")
        (folder / "zzz.txt").write_text("Press release\n")
        result = run("parse", folder)
        assert result.status == 1
        titles = [doc["title"] for doc in result.lines]
        assert titles == [osce_thb.parse_file(path).title for path in paths]
        assert [line.split(":")[0] for line in result.errors[:-1]] == [
            str(folder / "batch003" / "page00095x.txt"),
            str(folder / "batch007" / "page00215x.txt"),
            str(folder / "zzz.txt"),
        ]
        assert summary_of(result.errors[-1]) == (303, 300, 3)

    def test_progress_bar_when_forced(self, tmp_path: Path) -> None:
        """--progress draws a bar on stderr, and erases it at the end."""
        write_pages(tmp_path / "p", 60)
        result = run("parse", tmp_path / "p", "--progress")
        assert "] 60/60 pages" in result.err
        bar, last = result.err.rsplit("\r", 1)
        assert bar.endswith("\r" + " " * len(bar.rsplit("\r", 2)[-2]))  # erased
        assert summary_of(last.rstrip("\n")) == (60, 60, 0)
        assert len(result.lines) == 60
        quiet = run("parse", tmp_path / "p", "--progress", "--quiet")
        assert quiet.err.endswith("\r")

    def test_progress_bar_on_a_terminal_for_long_work(self, tmp_path: Path) -> None:
        """On a terminal, more than 50 pages get a bar; a few pages do not."""
        write_pages(tmp_path / "many", 51)
        write_pages(tmp_path / "few", 3)
        many, few = Tty(), Tty()
        run("parse", tmp_path / "many", stderr=many)
        run("parse", tmp_path / "few", stderr=few)
        assert "51/51 pages" in many.getvalue()
        assert summary_of(few.getvalue().rstrip("\n")) == (3, 3, 0)  # and no bar

    def test_no_progress_bar(self, tmp_path: Path) -> None:
        """--no-progress keeps a terminal quiet; a stderr that is not a terminal is quiet anyway."""
        write_pages(tmp_path / "p", 60)
        tty = Tty()
        run("parse", tmp_path / "p", "--no-progress", stderr=tty)
        assert summary_of(tty.getvalue().rstrip("\n")) == (60, 60, 0)
        assert summary_of(run("parse", tmp_path / "p").err.rstrip("\n")) == (60, 60, 0)

    def test_progress_bar_makes_way_for_errors(self, tmp_path: Path) -> None:
        """An error line erases the bar first, so that it stands on a line of its own."""
        write_pages(tmp_path / "p", 60)
        (tmp_path / "p" / "page00030x.txt").write_bytes(b"")
        result = run("parse", tmp_path / "p", "--progress")
        message = f"{tmp_path / 'p' / 'page00030x.txt'}:1:1: empty text"
        before = result.err.split(message)[0]
        assert before.endswith("\r")


# --------------------------------------------------------------------------- at a terminal


def run_in_terminal(
    *argv: str | Path, stdout: bool = True, stderr: bool = False, columns: int = 80
) -> tuple[int, str, str]:
    """``osce-thb`` with stdout and/or stderr on a pseudo-terminal of `columns` columns.

    Returns the exit status, then stdout and stderr as written (a CR LF read as a
    line end); a stream not on the terminal goes to a file.
    """
    import fcntl
    import pty
    import struct
    import tempfile
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    environment = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "osce_thb", *map(str, argv)],
            stdin=subprocess.DEVNULL,
            stdout=slave if stdout else out_file,
            stderr=slave if stderr else err_file,
            env=environment,
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every writer to the terminal has gone
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(master)
        status = process.wait(timeout=60)
        out_file.seek(0)
        err_file.seek(0)
        terminal = b"".join(chunks).decode().replace("\r\n", "\n")
        out = terminal if stdout else out_file.read().decode()
        err = terminal if stderr and not stdout else err_file.read().decode()
    return status, out, err


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
class TestTerminal:
    """What a person at a terminal sees (issue 17, point 4): a real process on a pty."""

    def test_samples_summarized(self) -> None:
        """The README's first command: a few lines per page, JSON only when asked or piped."""
        status, out, err = run_in_terminal("parse", "--samples")
        assert status == 0
        blocks = out.split("\n\n")
        assert len(blocks) == len(SAMPLES)
        for block, path in zip(blocks, SAMPLES, strict=True):
            document = osce_thb.parse_file(path)
            lines = block.splitlines()
            assert lines[0] == str(path)
            assert (document.title or "").split()[0] in lines[1]
            labels = [line.split()[0] for line in lines if line.startswith("  ") and line[2] != " "]
            assert {"Regions", "Donors", "Speakers"} <= set(labels)
            assert all(len(line) <= 80 for line in lines)
        assert "{" not in out
        first, hint = err.splitlines()
        assert summary_of(first) == (len(SAMPLES), len(SAMPLES), 0)
        assert "--format json" in hint

    def test_a_format_or_a_file_gives_json(self, tmp_path: Path) -> None:
        status, out, err = run_in_terminal("parse", "--samples", "--format", "jsonl")
        assert status == 0
        assert [json.loads(line)["kind"] for line in out.splitlines()] == [
            osce_thb.parse_file(path).kind.value for path in SAMPLES
        ]
        assert "--format" not in err  # no hint: JSON was asked for
        status, out, _ = run_in_terminal("parse", "--samples", "-o", tmp_path / "c.jsonl")
        assert (status, out) == (0, "")
        assert len((tmp_path / "c.jsonl").read_text().splitlines()) == len(SAMPLES)

    def test_piped_gives_json(self) -> None:
        process = run_process("parse", "--samples")
        assert [json.loads(line)["kind"] for line in process.stdout.decode().splitlines()] == [
            osce_thb.parse_file(path).kind.value for path in SAMPLES
        ]

    def test_summary_of_one_page_wraps_to_the_terminal(self, tmp_path: Path) -> None:
        path = tmp_path / "page.txt"
        path.write_text(page(3), encoding="utf-8")
        status, out, err = run_in_terminal("parse", path, "--quiet", columns=44)
        assert status == 0
        assert err == ""  # one input: no summary line; --quiet: no hint
        assert out.splitlines()[0] == str(path)
        assert all(len(line) <= 44 for line in out.splitlines()[1:])
        assert "  Regions   Vinnytsia Oblast" in out
        assert "  Donors    Norway" in out

    def test_progress_bar_on_a_terminal(self, tmp_path: Path) -> None:
        """A long run draws a bar on stderr, then erases it for the summary line."""
        write_pages(tmp_path / "p", 60)
        status, _, err = run_in_terminal("parse", tmp_path / "p", stdout=False, stderr=True)
        assert status == 0
        assert "] 60/60 pages" in err
        assert summary_of(err.rsplit("\r", 1)[-1].rstrip("\n")) == (60, 60, 0)

    def test_progress_bar_makes_way_for_summaries_on_the_same_screen(self, tmp_path: Path) -> None:
        """Stdout and stderr on one terminal: each block starts a line of its own, bar erased."""
        paths = write_pages(tmp_path / "p", 60)
        status, screen, _ = run_in_terminal(
            "parse", tmp_path / "p", "--progress", "-q", stdout=True, stderr=True
        )
        assert status == 0
        assert "] 60/60 pages" in screen  # the bar was drawn
        shown = [line.rsplit("\r", 1)[-1].rstrip() for line in screen.split("\n")]
        assert [line for line in shown if line.endswith(".txt")] == [str(p) for p in paths]
        assert not any("pages" in line and "Regions" in line for line in shown)

    def test_summary_of_a_hostile_page_cannot_drive_the_terminal(self) -> None:
        document = osce_thb.parse("Title with \x1b]0;owned\x07 escape\nA paragraph in Kharkiv.\n")
        text = _cli_summary.summary(document, "a\x1b[2J.txt")
        assert "\x1b" not in text
        assert "\x07" not in text
        assert text.startswith("a\ufffd[2J.txt\n")


class TestSummary:
    """`_cli_summary.summary`: what a person sees of a document."""

    def test_lists_are_cut_and_wrapped(self) -> None:
        towns = "Donetsk, Kharkiv, Luhansk, Lviv, Odesa, Poltava, Sumy, Rivne, Volyn and Zhytomyr"
        text = (
            "Story\nShelters open in ten regions\n"
            f"KYIV, Ukraine, 2 May 2016 – Shelters opened in {towns} regions, funded by"
            " Switzerland.\n"
            "“We are ready,” said Maria Example, Head of a made-up NGO.\n"
        )
        summary = _cli_summary.summary(osce_thb.parse(text), "p.txt", width=60)
        lines = summary.splitlines()
        assert lines[:3] == [
            "p.txt",
            "  Shelters open in ten regions",
            "  Story · 2 May 2016 · Kyiv, Ukraine",
        ]
        regions = summary.split("  Regions   ")[1].split("  Donors")[0]
        assert regions.startswith("Kyiv, Donetsk Oblast, ")  # the dateline's, then the body's
        assert regions.rstrip().endswith("Oblast and 3 more")  # 11 regions, 8 shown
        assert "  Donors    Switzerland" in summary
        assert "  Speakers  Maria Example (Head of a made-up NGO)" in summary
        assert all(len(line) <= 60 for line in lines)

    def test_nothing_found(self) -> None:
        summary = _cli_summary.summary(osce_thb.Document(title="Bare"), "-", width=20)
        assert summary.splitlines() == [
            "-",
            "  Bare",
            "  Other · no date",
            "  Regions   none found",
            "  Donors    none found",
            "  Speakers  none found",
        ]

    def test_other_places_when_there_are_some(self) -> None:
        place = osce_thb.Region(name="Made-up Municipality", country="RS")
        summary = _cli_summary.summary(osce_thb.Document(title="T", other_places=(place,)), "x")
        assert "  Places    Made-up Municipality (RS)\n" in summary
        assert "Places" not in _cli_summary.summary(osce_thb.Document(title="T"), "x")

    def test_nrm_phases(self) -> None:
        document = osce_thb.Document(
            title="Phases",
            nrm_phases=(
                osce_thb.NrmPhase(
                    stage=osce_thb.PhaseStage.PILOT,
                    status=osce_thb.PhaseStatus.COMPLETED,
                    start=2010,
                    end=2011,
                    regions=(osce_thb.Region.from_code("UA-14"),),
                ),
                osce_thb.NrmPhase(
                    stage=osce_thb.PhaseStage.EXPANSION,
                    status=osce_thb.PhaseStatus.PLANNED,
                    start=2014,
                ),
            ),
        )
        summary = _cli_summary.summary(document, "x", width=100)
        assert "  NRM       pilot 2010–2011 in 1 region; expansion 2014 (planned)\n" in summary


class TestProgressLine:
    def test_rate_and_time_left(self) -> None:
        progress = _cli_io.Progress(io.StringIO(), 300, "pages", forced=True)
        progress.done = 120
        assert progress.line(2.0).endswith("] 120/300 pages · 60 pages/s · 0:03 left")
        assert progress.line(0.2).endswith("] 120/300 pages")  # too early for a rate
        progress.done = 30
        assert progress.line(3600.0).endswith(" · 0.0 pages/s · 9:00:00 left")

    def test_clock(self) -> None:
        assert [_cli_io.clock(s) for s in (0.4, 7, 65, 3600 + 62)] == [
            "0:00",
            "0:07",
            "1:05",
            "1:01:02",
        ]


class TestInterrupts:
    @pytest.mark.parametrize(
        ("fmt", "check"),
        [
            ("jsonl", lambda out: [json.loads(line) for line in out.splitlines()]),
            ("json", json.loads),
        ],
    )
    def test_ctrl_c_leaves_complete_records(
        self, fmt: str, check: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Ctrl-C stops the run with status 130; what was written is complete (arrays closed)."""
        real = cli._read_page
        calls = []

        def interrupted_on_third(session: Any, path: str) -> Any:
            calls.append(path)
            if len(calls) == 3:
                raise KeyboardInterrupt
            return real(session, path)

        monkeypatch.setattr(cli, "_read_page", interrupted_on_third)
        result = run("parse", pages[0].parent, "--format", fmt)
        assert result.status == 130
        assert len(check(result.out)) == 2
        assert result.err == "osce-thb: interrupted\n"

    def test_signals_wait_for_the_record_being_written(self) -> None:
        """A signal during a write is held until the write is done, then interrupts."""
        done = []
        with _cli_io.Signals() as signals, pytest.raises(KeyboardInterrupt):
            with signals.critical():
                signal.raise_signal(signal.SIGINT)
                done.append("written")
            done.append("never")
        assert done == ["written"]
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler

    @pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
    def test_sigint_on_a_real_process(self, tmp_path: Path) -> None:
        """SIGINT to a running ``parse -o``: exit 130, the output left as it was, no temp file."""
        write_pages(tmp_path / "p", 3000)
        target = tmp_path / "out.jsonl"
        target.write_text("the corpus of yesterday\n")
        process = subprocess.Popen(
            [sys.executable, "-m", "osce_thb", "parse", tmp_path / "p", "-o", target],
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            temporary = list(tmp_path.glob(".out.jsonl.*.tmp"))
            if temporary and temporary[0].stat().st_size > 0:
                break
            time.sleep(0.005)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
        assert list(tmp_path.glob(".out.jsonl.*")) == []
        if process.returncode == 0:  # pragma: no cover - finished before the signal came
            assert len(target.read_text(encoding="utf-8").splitlines()) == 3000
        else:
            assert process.returncode == 130
            assert err.decode() == "osce-thb: interrupted\n"
            assert target.read_text(encoding="utf-8") == "the corpus of yesterday\n"

    @pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
    def test_reader_going_away_is_quiet(self, tmp_path: Path) -> None:
        """Piped into ``head``: no traceback when the reader closes the pipe."""
        write_pages(tmp_path / "p", 400)
        process = subprocess.Popen(
            [sys.executable, "-m", "osce_thb", "parse", tmp_path / "p"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None and process.stderr is not None
        json.loads(process.stdout.readline())
        process.stdout.close()
        with process.stderr:
            err = process.stderr.read()
        process.wait(timeout=30)
        assert err == b""
        assert process.returncode == 141


# --------------------------------------------------------------------------- validate


def _jsonl(*documents: osce_thb.Document) -> str:
    return "".join(osce_thb.to_json(document) + "\n" for document in documents)


class TestValidate:
    def test_valid_json_lines(self, tmp_path: Path) -> None:
        """Valid documents: a summary line and status 0."""
        path = tmp_path / "docs.jsonl"
        path.write_text(_jsonl(full_document(), minimal_document()), encoding="utf-8")
        result = run("validate", path)
        assert (result.status, result.out, result.err) == (
            0,
            "2 documents checked: all valid\n",
            "",
        )

    def test_report_to_a_file(self, tmp_path: Path) -> None:
        """-o writes the report (problems and summary) to a file; an input is refused."""
        path = tmp_path / "docs.jsonl"
        path.write_text(_jsonl(minimal_document()), encoding="utf-8")
        report = tmp_path / "report.txt"
        result = run("validate", path, "-o", report)
        assert (result.status, result.out, result.err) == (0, "", "")
        assert report.read_text(encoding="utf-8") == "1 document checked: all valid\n"
        refused = run("validate", path, "-o", path)
        assert refused.status == 2
        assert "is an input" in refused.err
        assert list(osce_thb.load_jsonl(path)) == [minimal_document()]  # untouched

    def test_problems_in_json_lines(self, tmp_path: Path) -> None:
        """Each problem is one ``file:line:col: $.path: reason`` line; other lines still checked."""
        good = osce_thb.to_json(minimal_document())
        bad_kind = good.replace('"kind":"other"', '"kind":"poem"', 1)
        path = tmp_path / "docs.jsonl"
        path.write_text("\n".join([good, bad_kind, '{"kind": ', "", good]) + "\n")
        result = run("validate", path)
        assert result.status == 1
        assert result.out.splitlines() == [
            f"{path}:2:1: $.kind: unknown value 'poem' (expected one of 'event', 'feature',"
            " 'interview', 'news_item', 'op_ed', 'other', 'press_release', 'publication',"
            " 'speech', 'statement', 'story')",
            f"{path}:3:10: $: not valid JSON: Expecting value",
            "4 documents checked: 2 invalid (2 problems)",
        ]

    def test_one_json_document(self, tmp_path: Path) -> None:
        """A .json file holds one document; its problems point at where it starts."""
        data = osce_thb.to_dict(minimal_document())
        data["published"] = "13 December 2013"
        path = tmp_path / "doc.json"
        path.write_text("\n  " + json.dumps(data))
        result = run("validate", path, "-q")
        assert result.status == 1
        assert result.out == (
            f"{path}:2:3: $.published: invalid date '13 December 2013' (expected YYYY-MM-DD)\n"
        )

    def test_json_array_from_parse(self, pages: list[Path], tmp_path: Path) -> None:
        """What ``parse --format json`` writes for many pages validates, item by item."""
        path = tmp_path / "docs.json"
        assert run("parse", *pages, "--format", "json", "-o", path).status == 0
        assert run("validate", path).out == "3 documents checked: all valid\n"
        data = json.loads(path.read_text(encoding="utf-8"))
        data[1]["regions"][0]["code"] = "UA-99"
        path.write_text(json.dumps(data, indent=2))
        result = run("validate", path, "-q")
        line = path.read_text().splitlines().index("  {", 2) + 1
        assert result.out == f"{path}:{line}:3: $[1].regions[0].code: unknown region code 'UA-99'\n"

    def test_stdin_json_lines_and_indented_json(self, pages: list[Path]) -> None:
        """From stdin, a first line that is a whole object means JSON Lines; else one document."""
        lines = run("parse", *pages).out
        assert run("validate", "-", stdin=lines).out == "3 documents checked: all valid\n"
        single = run("parse", pages[0]).out
        assert run("validate", "-", stdin=single).out == "1 document checked: all valid\n"

    def test_unreadable_inputs(self, tmp_path: Path, bad: dict[str, Path]) -> None:
        """Missing files, folders and empty files go to stderr; status 1."""
        empty = tmp_path / "empty.jsonl"
        empty.write_text("\n\n")
        latin = tmp_path / "latin.json"
        latin.write_bytes(b'{"title": "caf\xe9"}')
        result = run("validate", bad["missing"], bad["folder"], empty, latin)
        assert result.status == 1
        assert result.errors == [
            f"{bad['missing']}: no such file",
            f"{bad['folder']}: is a folder, not a file",
            f"{empty}: empty file: no documents",
        ]
        assert result.out.splitlines() == [  # bytes that are not UTF-8 are not JSON
            f"{latin}:1:15: $: not valid JSON: not UTF-8 text: byte 0xe9 at offset 14"
            " cannot be decoded",
            "1 document checked: 1 invalid (1 problem); 3 files could not be read",
        ]


# --------------------------------------------------------------------------- schema


class TestSchema:
    def test_prints_the_schema(self, tmp_path: Path) -> None:
        """``schema`` prints `json_schema()`; --output writes it to a file."""
        result = run("schema")
        assert (result.status, json.loads(result.out)) == (0, osce_thb.json_schema())
        target = tmp_path / "schema.json"
        assert run("schema", "-o", target).out == ""
        assert json.loads(target.read_text(encoding="utf-8")) == osce_thb.json_schema()


# --------------------------------------------------------------------------- rollout


class TestRollout:
    def test_table(self) -> None:
        """The default is a table for the terminal, one row per region, and a summary."""
        result = run("rollout", "--samples")
        assert result.status == 0
        lines = result.out.splitlines()
        assert lines[0].split() == [
            "CODE",
            "REGION",
            "JOINED",
            "STAGE",
            "DONORS",
            "DOCS",
            "DISPUTED",
        ]
        # Within a year, the regions that joined by a pilot come first.
        assert lines[1].split()[:5] == ["UA-14", "Donetsk", "Oblast", "2012", "pilot"]
        assert lines[3].split()[:5] == ["UA-05", "Vinnytsia", "Oblast", "2012", "expansion"]
        assert any("2014 (planned)" in line for line in lines)
        assert lines[-1].endswith("from 2 documents")

    def test_csv(self) -> None:
        """--format csv: the table's rows with every column, one row per region."""
        result = run("rollout", "--samples", "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(result.out)))
        by_code = {row["code"]: row for row in rows}
        assert by_code["UA-63"]["joined"] == "2012"
        assert by_code["UA-63"]["donors"] == "DK; DE; IE; LI"
        assert by_code["UA-59"]["planned"] == "2014"
        assert by_code["UA-59"]["joined"] == ""
        assert (by_code["UA-14"]["documents"], by_code["UA-14"]["sources"]) == (
            "1",
            str(SAMPLES[0]),
        )

    def test_json(self) -> None:
        """--format json: every region with every claim, and the documents read."""
        data = json.loads(run("rollout", "--samples", "--format", "json").out)
        assert data["documents"] == [
            {"document": n, "path": str(path)} for n, path in enumerate(SAMPLES)
        ]
        donetsk = next(region for region in data["regions"] if region["code"] == "UA-14")
        # The pilot has no year, but a pilot precedes an expansion: joined by 2012, as a pilot.
        assert (donetsk["joined"], donetsk["stage"]) == (2012, "pilot")
        assert {claim["stage"] for claim in donetsk["claims"]} == {"pilot", "expansion"}

    def test_format_from_the_output_name(self, tmp_path: Path) -> None:
        """Without --format, ``-o rollout.svg`` writes SVG, ``.csv`` CSV, ``.json`` JSON."""
        for suffix in ("svg", "csv", "json"):
            target = tmp_path / f"rollout.{suffix}"
            assert run("rollout", "--samples", "-o", target).status == 0
            text = target.read_text(encoding="utf-8")
            assert text.startswith({"svg": "<svg", "csv": "code,", "json": "{"}[suffix])

    def test_svg_is_a_chart(self) -> None:
        """--format svg: well-formed SVG with a title, a legend and a row per region."""
        result = run("rollout", "--samples", "--format", "svg")
        root = ET.fromstring(result.out)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        texts = [element.text or "" for element in root.iter("{http://www.w3.org/2000/svg}text")]
        for label in ("Pilot", "Expansion", "National rollout", "Planned (hatched)", "Sumy Oblast"):
            assert label in texts
        assert "url(#planned-expansion)" in result.out

    def test_documents_parsed_before(self, tmp_path: Path) -> None:
        """JSON Lines written by ``parse`` give the same rollout as the pages."""
        corpus = tmp_path / "corpus.jsonl"
        run("parse", "--samples", "-o", corpus)
        from_pages = json.loads(run("rollout", "--samples", "-f", "json").out)
        from_json = json.loads(run("rollout", corpus, "-f", "json").out)
        assert from_json["regions"] == from_pages["regions"]
        assert [d["path"] for d in from_json["documents"]] == [f"{corpus}:1", f"{corpus}:2"]
        piped = json.loads(run("rollout", "-", "-f", "json", stdin=corpus.read_text()).out)
        assert piped["regions"] == from_pages["regions"]

    def test_bad_inputs_are_reported(self, bad: dict[str, Path], tmp_path: Path) -> None:
        """Bad pages and invalid documents get a line each; the rest still makes the rollout."""
        corpus = tmp_path / "corpus.jsonl"
        corpus.write_text('{"schema_version": 2, "kind": 7}\n')
        result = run("rollout", "--samples", bad["empty"], corpus)
        assert result.status == 1
        assert result.errors[:-1] == [
            f"{bad['empty']}{BAD_MESSAGES['empty']}",
            f"{corpus}:1:1: invalid document: $.kind: expected a string, got 7",
        ]
        assert summary_of(result.errors[-1]) == (4, 2, 2)
        assert result.out.splitlines()[-1].endswith("from 2 documents")

    def test_no_phases(self, pages: list[Path]) -> None:
        """A corpus without NRM phases gives an empty table and a chart that says so."""
        (pages[0].parent / "plain.txt").write_text("A title\nA paragraph without phases.\n")
        result = run("rollout", pages[0].parent / "plain.txt", "-f", "svg")
        assert "No NRM rollout phases found" in result.out
        ET.fromstring(result.out)


# --------------------------------------------------------------------------- export


class TestExport:
    def test_csv_folder_of_tables(self, tmp_path: Path) -> None:
        """--to csv -o DIR writes the four tables, joined on ``document``."""
        target = tmp_path / "tables"
        result = run("export", "--samples", "--to", "csv", "-o", target)
        assert (result.status, result.out) == (0, "")
        assert sorted(p.name for p in target.iterdir()) == [
            "documents.csv",
            "donors.csv",
            "phases.csv",
            "regions.csv",
        ]
        tables = {
            name: list(csv.DictReader(io.StringIO((target / f"{name}.csv").read_text("utf-8"))))
            for name in _export.TABLES
        }
        documents = [osce_thb.parse_file(path) for path in SAMPLES]
        assert [row["title"] for row in tables["documents"]] == [d.title for d in documents]
        assert len(tables["regions"]) == sum(
            max(len(region.mentions), 1) for d in documents for region in d.regions
        )
        assert [row["key"] for row in tables["donors"]] == ["DK", "DE", "IE", "LI"]
        expansion = [row for row in tables["phases"] if row["start"] == "2012"]
        expected = [region.code for region in documents[0].nrm_phases[1].regions]
        assert [row["region"] for row in expansion] == expected
        assert {row["donors"] for row in expansion} == {"DK; DE; IE; LI"}

    def test_hxl_row(self, tmp_path: Path) -> None:
        """--hxl adds the hashtag row right after the header."""
        result = run("export", "--samples", "--to", "csv", "--table", "phases", "--hxl")
        header, hashtags, *rows = csv.reader(io.StringIO(result.out))
        assert header[:2] == ["document", "path"]
        assert dict(zip(header, hashtags, strict=True)) == {
            column.name: column.hxl for column in _export.columns("phases")
        }
        assert {"#adm1+code", "#date+start", "#org+funder+code+list"} <= set(hashtags)
        assert all(tag == "" or tag.startswith("#") for tag in hashtags)
        assert len(rows) == 15

    def test_one_table_to_a_file_with_bom(self, tmp_path: Path) -> None:
        """--table with --output writes that table to the file; --bom starts it with a BOM."""
        target = tmp_path / "donors.csv"
        run("export", "--samples", "--to", "csv", "--table", "donors", "--bom", "-o", target)
        assert target.read_bytes().startswith(b"\xef\xbb\xbfdocument,path,key,")

    def test_csv_output_that_is_a_file(self, tmp_path: Path) -> None:
        """All four tables need a folder: a file given as --output is a usage error."""
        target = tmp_path / "tables.csv"
        target.write_text("")
        result = run("export", "--samples", "--to", "csv", "-o", target)
        assert result.status == 2
        assert "is a file" in result.err

    def test_jsonld_one_document(self, pages: list[Path]) -> None:
        """--to jsonld with one page writes one NewsArticle object."""
        data = json.loads(run("export", pages[0], "--to", "jsonld").out)
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == osce_thb.parse_file(pages[0]).title
        assert data["spatialCoverage"][0]["identifier"] == "UA-14"
        assert "articleBody" not in data

    def test_jsonld_many_documents(self, pages: list[Path]) -> None:
        """Several inputs give a JSON array, or JSON Lines with --format jsonl; --body adds text."""
        array = json.loads(run("export", *pages, "--to", "jsonld", "--body").out)
        assert [item["headline"][:9] for item in array] == ["Page 0000", "Page 0001", "Page 0002"]
        assert all("articleBody" in item for item in array)
        lines = run("export", *pages, "--to", "jsonld", "--format", "jsonl").lines
        assert [item["datePublished"] for item in lines] == [
            item["datePublished"] for item in array
        ]
        assert run("export", *pages, "--to", "jsonld", "-f", "jsonl").out == "".join(
            json.dumps(item, ensure_ascii=False) + "\n" for item in lines
        )

    def test_jsonld_format_from_the_output_name(self, pages: list[Path], tmp_path: Path) -> None:
        target = tmp_path / "articles.jsonl"
        assert run("export", *pages, "--to", "jsonld", "-o", target).status == 0
        assert len(target.read_text().splitlines()) == 3
        assert all(json.loads(line)["@type"] for line in target.read_text().splitlines())

    def test_bad_inputs_are_reported(self, bad: dict[str, Path], tmp_path: Path) -> None:
        """A bad input gets its line; the tables hold the others."""
        result = run("export", "--samples", bad["binary"], "--to", "csv", "--table", "documents")
        assert result.status == 1
        assert result.errors[:-1] == [f"{bad['binary']}{BAD_MESSAGES['binary']}"]
        assert summary_of(result.errors[-1]) == (3, 2, 1)
        assert len(result.out.splitlines()) == 3


class TestExportFunctions:
    def test_table_rows_of_a_full_document(self) -> None:
        """Every table has a row for each item, cells as strings, in the columns' order."""
        document = full_document()
        for table in _export.TABLES:
            rows = list(_export.table_rows(table, document, index=4, path="a.txt"))
            assert rows
            assert all(len(row) == len(_export.columns(table)) for row in rows)
            assert all(row[:2] == ("4", "a.txt") for row in rows)
        (documents,) = _export.table_rows("documents", document, index=0, path="a.txt")
        row = dict(zip(_export.header_row("documents"), documents, strict=True))
        assert row["published"] == "2013-12-01"
        assert row["source_closed"] == "true"
        assert row["dateline"] == "KYIV, Ukraine, 29 November 2013"

    def test_a_minimal_document_has_empty_cells(self) -> None:
        """Unknown values are empty cells; a document without regions has no region rows."""
        document = minimal_document()
        (cells,) = _export.table_rows("documents", document, index=0, path="p")
        row = dict(zip(_export.header_row("documents"), cells, strict=True))
        assert row["kind"] == "other"
        for column in ("title", "published", "source", "source_closed", "dateline", "regions"):
            assert row[column] == ""
        assert list(_export.table_rows("regions", document, index=0, path="p")) == []

    def test_jsonld_of_a_full_document(self) -> None:
        """Funders are states with ISO codes or organisations; people quoted are mentioned."""
        data = _export.to_jsonld(full_document())
        assert data["datePublished"] == "2013-12-01"
        assert data["dateline"] == "KYIV, Ukraine, 29 November 2013"
        assert data["locationCreated"]["name"] == "Kyiv"
        assert all(item["@type"] == "AdministrativeArea" for item in data["spatialCoverage"])
        types = {funder["@type"] for funder in data["funder"]}
        assert types <= {"GovernmentOrganization", "Organization"}
        assert any(item["@type"] == "Person" for item in data["mentions"])
        assert data["sourceOrganization"]["name"] == "OSCE Project Co-ordinator in Ukraine"
        json.dumps(data)

    def test_jsonld_of_a_minimal_document_leaves_unknowns_out(self) -> None:
        """Keys whose values are unknown are absent, not null."""
        data = _export.to_jsonld(minimal_document())
        assert None not in data.values()
        assert "datePublished" not in data


def _claim(
    document: int, stage: PhaseStage, status: PhaseStatus, start: int | None, end: int | None
) -> RolloutClaim:
    return RolloutClaim(
        document=document,
        title=None,
        published=None,
        stage=stage,
        status=status,
        start=start,
        end=end,
        donors=(),
    )


class TestChart:
    def test_overlapping_claims_share_the_row_in_lanes(self) -> None:
        """Claims over the same years get thinner lanes; claims that follow each other do not."""
        overlapping = RegionTimeline(
            code="UA-14",
            name="Donetsk Oblast",
            claims=(
                _claim(0, PhaseStage.PILOT, PhaseStatus.COMPLETED, 2010, 2012),
                _claim(1, PhaseStage.EXPANSION, PhaseStatus.COMPLETED, 2011, 2011),
                _claim(1, PhaseStage.NATIONAL, PhaseStatus.PLANNED, 2014, None),
                _claim(0, PhaseStage.PILOT, PhaseStatus.COMPLETED, None, None),
            ),
        )
        bars = _chart._bars(overlapping, ["a.txt", "b.txt"])
        grid = _chart._Grid(left=0, years=tuple(range(2010, 2015)), undated=True)
        assert _chart._lanes(bars, grid) == [0, 1, 0, 0]
        svg = _chart.rollout_svg([overlapping], ["a.txt", "b.txt"])
        root = ET.fromstring(svg)
        assert "no year" in svg
        assert "url(#planned-national)" in svg
        assert root.find("{http://www.w3.org/2000/svg}title") is not None
        tips = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
        assert "Donetsk Oblast (UA-14): pilot, completed, 2010–2012\nsource: a.txt" in tips


def test_sample_pages_ship_in_the_package() -> None:
    """The sample pages are package data, found without the repository."""
    assert [Path(p).name for p in cli._sample_paths()] == [p.name for p in SAMPLES]


def test_the_command_line_uses_the_public_api() -> None:
    """Cli and its plumbing import from the library only public names.

    Names in `osce_thb.__all__`, or in the `__all__` of the public `osce_thb.errors`.
    """
    import ast

    from osce_thb import errors

    allowed = {"osce_thb", "osce_thb.errors", "osce_thb._cli_io", "osce_thb._cli_summary"}
    for module in (cli, _cli_io, _cli_summary):
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("osce_thb"):
                assert node.module in allowed, node.module
                if node.module == "osce_thb":
                    assert {alias.name for alias in node.names} <= set(osce_thb.__all__)
                if node.module == "osce_thb.errors":
                    assert {alias.name for alias in node.names} <= set(errors.__all__)
            elif isinstance(node, ast.Import):
                assert all(
                    alias.name == "osce_thb" or not alias.name.startswith("osce_thb")
                    for alias in node.names
                )
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "osce_thb"
            ):
                assert node.attr in osce_thb.__all__, node.attr


# --------------------------------------------------------------------------- safety


def run_limited(
    *argv: str | Path,
    file_size: int | None = None,
    memory: int | None = None,
    close_stdin: bool = False,
    stdout: Any = subprocess.PIPE,
) -> subprocess.CompletedProcess[bytes]:
    """``osce-thb`` in a process with limits: file size, memory, or no stdin at all."""
    import resource

    def limit() -> None:  # in the child, before it runs Python
        if file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        if close_stdin:
            os.close(0)

    return subprocess.run(
        [sys.executable, "-m", "osce_thb", *map(str, argv)],
        stdin=None if close_stdin else subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
        preexec_fn=limit,  # the test process starts no threads
    )


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX limits and devices")


@posix_only
class TestOutputIsNeverAnInput:
    """``-o`` naming an input is refused before anything is opened (issue 16, point 2)."""

    def test_the_page_itself(self, pages: list[Path]) -> None:
        before = pages[0].read_bytes()
        process = run_limited("parse", pages[0], "-o", pages[0])
        assert process.returncode == 2
        assert process.stderr.decode() == (
            f"osce-thb parse: error: --output {pages[0]} is an input ({pages[0]}):"
            " refusing to write over it\n"
        )
        assert pages[0].read_bytes() == before

    @pytest.mark.parametrize("link", ["symbolic", "hard"])
    def test_through_links(self, link: str, pages: list[Path], tmp_path: Path) -> None:
        other = tmp_path / "other.txt"
        (other.symlink_to if link == "symbolic" else other.hardlink_to)(pages[1])
        before = pages[1].read_bytes()
        process = run_limited("parse", pages[1], "-o", other)
        assert process.returncode == 2
        assert b"is an input" in process.stderr
        assert pages[1].read_bytes() == before

    def test_a_page_of_an_input_folder(self, pages: list[Path]) -> None:
        before = pages[2].read_bytes()
        process = run_limited("parse", pages[0].parent, "-o", pages[2])
        assert process.returncode == 2
        assert pages[2].read_bytes() == before

    @pytest.mark.parametrize(
        "argv",
        [
            ("export", "--to", "jsonld"),
            ("rollout",),
            ("export", "--to", "csv", "--table", "donors"),
        ],
        ids=["export-jsonld", "rollout", "export-table"],
    )
    def test_a_corpus(self, argv: tuple[str, ...], tmp_path: Path) -> None:
        corpus = tmp_path / "c.jsonl"
        assert run("parse", "--samples", "-o", corpus).status == 0
        before = corpus.read_bytes()
        process = run_limited(*argv, corpus, "-o", corpus)
        assert process.returncode == 2
        assert b"is an input" in process.stderr
        assert corpus.read_bytes() == before

    def test_a_table_of_a_csv_folder(self, tmp_path: Path) -> None:
        tables = tmp_path / "tables"
        tables.mkdir()
        page_file = tables / "documents.csv"
        page_file.write_text(page(1), encoding="utf-8")
        process = run_limited("export", page_file, "--to", "csv", "-o", tables)
        assert process.returncode == 2
        assert page_file.read_text(encoding="utf-8") == page(1)


@posix_only
class TestWriteErrors:
    """A write error is one line and status 74; no traceback, no half file (point 3)."""

    @pytest.mark.parametrize(
        "argv",
        [
            ("parse", "--samples"),
            ("validate", "CORPUS"),
            ("schema",),
            ("rollout", "--samples"),
            ("export", "--samples", "--to", "jsonld"),
            ("export", "--samples", "--to", "csv", "--table", "regions"),
        ],
        ids=["parse", "validate", "schema", "rollout", "export-jsonld", "export-csv"],
    )
    def test_stdout_on_a_full_disk(self, argv: tuple[str, ...], tmp_path: Path) -> None:
        corpus = tmp_path / "c.jsonl"
        run("parse", "--samples", "-o", corpus)
        argv = tuple(str(corpus) if arg == "CORPUS" else arg for arg in argv)
        with Path("/dev/full").open("wb") as full:
            process = run_limited(*argv, stdout=full)
        assert process.returncode == 74
        assert process.stderr.decode() == (
            f"osce-thb {argv[0]}: error: cannot write stdout: no space left on device\n"
        )

    def test_output_device_on_a_full_disk(self) -> None:
        """``-o /dev/full``: a device is written, not renamed over, and the error is one line."""
        process = run_limited("parse", "--samples", "-o", "/dev/full")
        assert process.returncode == 74
        assert process.stderr.decode() == (
            "osce-thb parse: error: cannot write /dev/full: no space left on device\n"
        )
        assert Path("/dev/full").is_char_device()

    @pytest.mark.parametrize("fmt", ["jsonl", "json"])
    def test_output_file_too_large_leaves_no_half_file(self, fmt: str, tmp_path: Path) -> None:
        """A file that cannot grow (a full disk, a size limit): the old file stays, whole."""
        write_pages(tmp_path / "p", 200)
        target = tmp_path / "out.jsonl"
        target.write_text("yesterday's corpus\n")
        process = run_limited(
            "parse", tmp_path / "p", "--format", fmt, "-o", target, file_size=100_000
        )
        assert process.returncode == 74
        assert process.stderr.decode() == (
            f"osce-thb parse: error: cannot write {target}: file too large\n"
        )
        assert target.read_text() == "yesterday's corpus\n"
        assert sorted(path.name for path in tmp_path.iterdir()) == ["out.jsonl", "p"]

    def test_a_new_file_is_not_left_half_written(self, tmp_path: Path) -> None:
        write_pages(tmp_path / "p", 200)
        target = tmp_path / "new.jsonl"
        process = run_limited("parse", tmp_path / "p", "-o", target, file_size=100_000)
        assert process.returncode == 74
        assert not target.exists()
        assert sorted(path.name for path in tmp_path.iterdir()) == ["p"]

    def test_a_complete_file_keeps_the_permissions(self, pages: list[Path], tmp_path: Path) -> None:
        """The renamed file has the old file's permissions, not the temporary file's."""
        target = tmp_path / "out.jsonl"
        target.write_text("")
        target.chmod(0o640)
        assert run("parse", *pages, "-o", target).status == 0
        assert target.stat().st_mode & 0o777 == 0o640
        assert len(target.read_text(encoding="utf-8").splitlines()) == 3


@posix_only
class TestSmallerFaults:
    """Broken pipes, no stdin, no memory, inputs too large (point 8)."""

    def test_validate_into_head_is_quiet(self, tmp_path: Path) -> None:
        """``validate | head``: no "broken pipe" line per remaining input, status 141."""
        bad = osce_thb.to_json(minimal_document()).replace('"kind":"other"', '"kind":"memo"')
        files = []
        for number in range(40):
            path = tmp_path / f"c{number:02d}.jsonl"
            path.write_text((bad + "\n") * 200, encoding="utf-8")
            files.append(path)
        process = subprocess.Popen(
            [sys.executable, "-m", "osce_thb", "validate", *files],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        with process.stderr:
            err = process.stderr.read()
        process.wait(timeout=60)
        assert err == b""
        assert process.returncode == 141

    def test_stdin_closed(self) -> None:
        """``parse -`` with stdin closed (``0<&-``): one line, status 1, no traceback."""
        process = run_limited("parse", "-", close_stdin=True)
        assert process.returncode == 1
        assert process.stderr.decode() == "<stdin>: standard input is closed\n"

    def test_stdin_closed_for_documents(self) -> None:
        process = run_limited("rollout", "-", close_stdin=True)
        assert process.returncode == 1
        assert process.stderr.decode() == "<stdin>: standard input is closed\n"

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
    def test_endless_input(self) -> None:
        """``parse /dev/zero``: refused at the size limit, in one line."""
        process = run_limited("parse", "/dev/zero")
        assert process.returncode == 1
        assert process.stderr.decode() == (
            "/dev/zero: too large: more than 10 MiB, the most that is read (see --max-size)\n"
        )

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
    def test_out_of_memory(self, pages: list[Path]) -> None:
        """Under a memory limit, an input too large for it is one line; the others are parsed."""
        process = run_limited(
            "parse", "/dev/zero", pages[0], "--max-size", "4000", "-q", memory=600 * 1024 * 1024
        )
        assert process.returncode == 1
        assert process.stderr.decode() == (
            "/dev/zero: out of memory: the page is too large to parse here\n"
        )
        assert json.loads(process.stdout)["title"].startswith("Page 0000")

    def test_max_size(self, tmp_path: Path) -> None:
        """--max-size sets the limit, in megabytes."""
        path = tmp_path / "big.txt"
        path.write_text(page(1) + ("A long paragraph of words. " * 100_000) + "\n")
        process = run_limited("parse", path, "--max-size", "1")
        assert process.returncode == 1
        assert process.stderr.decode() == (
            f"{path}: too large: more than 1 MiB, the most that is read (see --max-size)\n"
        )
        assert run_limited("parse", path, "--max-size", "4").returncode == 0
        assert b"not a positive number" in run_limited("parse", path, "--max-size", "0").stderr

    def test_rollout_chart_of_hostile_file_names(self, tmp_path: Path) -> None:
        """A control character in a file name (a tooltip's source) leaves the SVG well-formed."""
        folder = tmp_path / "pages"
        folder.mkdir()
        (folder / "a\x1b[2Jb\x01.txt").write_text(page(0), encoding="utf-8")
        process = run_process("rollout", folder, "-o", tmp_path / "rollout.svg")
        assert process.returncode == 0, process.stderr
        root = ET.fromstring((tmp_path / "rollout.svg").read_text(encoding="utf-8"))
        tips = "".join(title.text or "" for title in root.iter("{http://www.w3.org/2000/svg}title"))
        assert "a\ufffd[2Jb\ufffd.txt" in tips


# --------------------------------------------------------------------------- --jobs


class TestJobs:
    """``--jobs N``: the same output, errors and status as one job, in constant memory."""

    @pytest.fixture
    def corpus(self, tmp_path: Path) -> Path:
        folder = tmp_path / "corpus"
        write_pages(folder, 150, per_folder=40)
        (folder / "batch001" / "page00050x.txt").write_bytes(b"\x00\x01")
        (folder / "batch002" / "page00099x.txt").write_bytes(b"")
        return folder

    @pytest.mark.parametrize(
        "argv",
        [
            ("parse", "CORPUS"),
            ("parse", "CORPUS", "--format", "json"),
            ("parse", "CORPUS", "-", "CORPUS"),
            ("rollout", "CORPUS", "-f", "csv"),
            ("export", "CORPUS", "--to", "csv", "--table", "phases"),
        ],
        ids=["parse", "parse-json", "parse-stdin-between", "rollout", "export"],
    )
    def test_same_as_one_job(self, argv: tuple[str, ...], corpus: Path) -> None:
        bad_files = 2 * argv.count("CORPUS")
        argv = tuple(str(corpus) if arg == "CORPUS" else arg for arg in argv)
        stdin = page(7).encode()
        one = run_process(*argv, "--jobs", "1", stdin=stdin)
        two = run_process(*argv, "--jobs", "2", stdin=stdin)
        assert (two.returncode, two.stdout) == (one.returncode, one.stdout)
        first, second = one.stderr.decode().splitlines(), two.stderr.decode().splitlines()
        assert first[:-1] == second[:-1]  # the same error lines, in the same order
        assert summary_of(first[-1]) == summary_of(second[-1])  # only the time differs
        assert one.returncode == 1
        assert len(first) == bad_files + 1

    def test_bounded_window(self) -> None:
        """Items are taken only a few batches ahead of the results: memory stays flat."""
        from osce_thb._cli_io import _BATCH, _WINDOW, ordered_map

        taken = 0

        def items() -> Any:
            nonlocal taken
            for number in range(20_000):
                taken += 1
                yield f"folder/page{number}.txt"

        results = ordered_map(os.path.basename, items(), jobs=2, local=lambda _: False)
        first = next(results)
        assert first == ("folder/page0.txt", "page0.txt")
        assert taken <= (2 * _WINDOW + 3) * _BATCH
        rest = list(results)
        assert [name for _, name in rest] == [f"page{n}.txt" for n in range(1, 20_000)]

    def test_batches_shrink_at_the_end(self) -> None:
        """Full batches while the end is far; then smaller ones, so that workers finish together."""
        from osce_thb._cli_io import _BATCH, _LAST_BATCH, _batches

        items = [f"p{n}.txt" for n in range(1000)] + ["-"] + [f"q{n}.txt" for n in range(300)]
        parts = list(_batches(iter(items), 2, lambda item: item == "-"))
        assert [item for part in parts for item in ([part] if isinstance(part, str) else part)] == (
            items
        )
        assert "-" in parts  # alone, in its place
        before = [len(part) for part in parts[: parts.index("-")]]
        after = [len(part) for part in parts[parts.index("-") + 1 :]]
        for sizes in (before, after):
            assert sizes[0] == _BATCH
            assert max(sizes) == _BATCH
            assert sizes == sorted(sizes, reverse=True)  # never larger again
            assert sizes[-1] <= _LAST_BATCH
            assert sum(1 for size in sizes if size < _BATCH) >= 6

    def test_few_pages_start_no_process(self, pages: list[Path]) -> None:
        """A handful of pages is parsed in the main process: no workers to start."""
        from osce_thb._cli_io import LOCAL, ordered_map

        found = list(ordered_map(str, map(str, pages), jobs=8, local=lambda _: False))
        assert found == [(str(path), LOCAL) for path in pages]

    def test_jobs_must_be_positive(self) -> None:
        result = run("parse", "--samples", "--jobs", "0")
        assert result.status == 2
        assert "not a positive number of processes" in result.err
