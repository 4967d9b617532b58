"""Reading many inputs: page files and folders (`parse_files`), JSON files with positions."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

import osce_thb
from osce_thb import (
    Document,
    JsonError,
    JsonRecord,
    ParseError,
    load_documents,
    page_paths,
    parse_files,
    to_json,
)
from tests._documents import full_document, minimal_document


def outcome(result: object) -> object:
    """A result as tests compare it: a document, or its error's message or problems."""
    if isinstance(result, JsonError):
        return result.problems
    if isinstance(result, ParseError):
        return result.message
    return result


PAGE = "Hotline opens\nSYLVANSK, 4 May 2021 – A hotline opened.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Pages in a folder and a subfolder, with files that are not pages, hidden ones, bad ones."""
    root = tmp_path / "pages"
    (root / "b-sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text(PAGE, encoding="utf-8")
    (root / "b-sub" / "c.TXT").write_text(PAGE.replace("Hotline", "Shelter"), encoding="utf-8")
    (root / "b.txt").write_bytes(b"")
    (root / "notes.md").write_text("# not a page\n")
    (root / ".hidden" / "d.txt").write_text(PAGE)
    (root / ".e.txt").write_text(PAGE)
    return root


class TestParseFiles:
    def test_a_folder_in_order(self, folder: Path) -> None:
        """A folder gives its .txt files, subfolders included, in name order; hidden ones not."""
        results = list(parse_files(folder))
        assert [Path(path).relative_to(folder).as_posix() for path, _ in results] == [
            "a.txt",
            "b-sub/c.TXT",
            "b.txt",
        ]
        first, second, third = (result for _, result in results)
        assert isinstance(first, Document) and first.title == "Hotline opens"
        assert isinstance(second, Document) and second.title == "Shelter opens"
        assert isinstance(third, ParseError) and third.message.startswith("empty text")

    def test_errors_in_their_place(self, folder: Path, tmp_path: Path) -> None:
        """A missing file, a folder without pages: each an error in its place, the rest read."""
        empty = tmp_path / "empty"
        empty.mkdir()
        paths = [tmp_path / "missing.txt", folder / "a.txt", empty]
        results = list(parse_files(paths))
        assert [path for path, _ in results] == [str(path) for path in paths]
        messages = [getattr(result, "message", None) for _, result in results]
        assert messages == ["no such file", None, "folder holds no .txt files"]

    def test_page_paths_are_what_parse_files_reads(self, folder: Path) -> None:
        """`page_paths` lists the files `parse_files` reads, in its order."""
        assert list(page_paths(folder)) == [path for path, _ in parse_files(folder)]
        assert [(path, outcome(result)) for path, result in parse_files(page_paths(folder))] == [
            (path, outcome(result)) for path, result in parse_files(folder)
        ]

    def test_too_large(self, tmp_path: Path) -> None:
        """A page larger than `max_size` is an error, read no further than the limit."""
        path = tmp_path / "big.txt"
        path.write_text(PAGE + "x" * 1000 + ".\n", encoding="utf-8")
        ((_, result),) = parse_files(path, max_size=500)
        assert isinstance(result, ParseError)
        assert result.message == "too large: more than 500 bytes, the most that is read"
        ((_, document),) = parse_files(path, max_size=None)
        assert isinstance(document, Document)

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
    def test_endless_file(self) -> None:
        """``/dev/zero`` is read up to the limit, not for ever."""
        ((_, result),) = parse_files("/dev/zero", max_size=1 << 20)
        assert isinstance(result, ParseError)
        assert result.message.startswith("too large: more than 1 MiB")

    def test_default_limit(self) -> None:
        """The default limit is documented and generous: 10 MiB."""
        assert osce_thb.MAX_PAGE_BYTES == 10 * 1024 * 1024


def _jsonl(*documents: Document) -> bytes:
    return "".join(to_json(document) + "\n" for document in documents).encode()


class TestLoadDocuments:
    def test_json_lines(self, tmp_path: Path) -> None:
        """JSON Lines: a record per line that is not blank, at its line, column 1."""
        path = tmp_path / "docs.jsonl"
        bad = to_json(minimal_document()).replace('"kind":"other"', '"kind":"memo"')
        path.write_bytes(_jsonl(full_document()) + b"\n" + bad.encode() + b"\n{oops\n")
        records = list(load_documents(path))
        assert [(r.line, r.column, r.index) for r in records] == [
            (1, 1, None),
            (3, 1, None),
            (4, 2, None),
        ]
        assert records[0].result == full_document()
        assert isinstance(records[1].result, JsonError)
        assert records[1].result.problems[0].startswith("$.kind: unknown value 'memo'")
        assert isinstance(records[2].result, JsonError)
        assert records[2].result.problems == (
            "$: not valid JSON: Expecting property name enclosed in double quotes",
        )

    def test_an_array(self, tmp_path: Path) -> None:
        """A .json array: a record per item, where it starts, problems at ``$[i]``."""
        items = [json.loads(to_json(minimal_document())) for _ in range(3)]
        items[1]["title"] = 7
        path = tmp_path / "docs.json"
        text = json.dumps(items, indent=2)
        path.write_text(text, encoding="utf-8")
        records = list(load_documents(path))
        starts = [n + 1 for n, line in enumerate(text.splitlines()) if line == "  {"]
        assert [(r.line, r.column, r.index) for r in records] == [
            (starts[0], 3, 0),
            (starts[1], 3, 1),
            (starts[2], 3, 2),
        ]
        assert records[0].result == minimal_document()
        assert isinstance(records[1].result, JsonError)
        assert records[1].result.problems == ("$[1].title: expected a string or null, got 7",)

    def test_one_document(self, tmp_path: Path) -> None:
        """A .json file of one document: one record where it starts."""
        path = tmp_path / "doc.json"
        path.write_text("\n\n   " + to_json(full_document()), encoding="utf-8")
        assert list(load_documents(path)) == [JsonRecord(3, 4, None, full_document())]

    def test_syntax_error_in_an_array(self, tmp_path: Path) -> None:
        """Items before a syntax error are read; the error is where it is."""
        good = to_json(minimal_document())
        path = tmp_path / "docs.json"
        path.write_text(f"[{good},\n {good}\n {good}]", encoding="utf-8")
        records = list(load_documents(path))
        assert [r.result for r in records[:2]] == [minimal_document(), minimal_document()]
        assert (records[2].line, records[2].column, records[2].index) == (3, 2, None)
        assert outcome(records[2].result) == ("$: not valid JSON: Expecting ',' delimiter",)

    def test_hostile_items(self, tmp_path: Path) -> None:
        """A key twice or a huge integer in an item: that item's problem, at its path."""
        path = tmp_path / "docs.json"
        path.write_text(
            '[{"schema_version": 2, "title": "a", "title": "b"},'
            ' {"schema_version": 2, "figures": [{"value": ' + "1" * 5000 + ', "text": "x"}]},'
            ' {"schema_version": 2}]',
            encoding="utf-8",
        )
        results = [record.result for record in load_documents(path)]
        assert [getattr(result, "problems", None) for result in results] == [
            ("$[0].title: duplicate key",),
            ("$[1].figures[0].value: integer too large: 5000 digits",),
            None,
        ]

    def test_stream_sniffed(self) -> None:
        """A stream without a name: JSON Lines if its first line is a whole object."""
        lines = io.BytesIO(b"\n" + _jsonl(minimal_document(), full_document()))
        assert [r.result for r in load_documents(lines)] == [minimal_document(), full_document()]
        indented = io.BytesIO(to_json(full_document(), indent=2).encode())
        assert [r.result for r in load_documents(indented)] == [full_document()]

    def test_bom_and_crlf(self) -> None:
        """A byte order mark and CRLF line ends are fine."""
        data = b"\xef\xbb\xbf" + _jsonl(minimal_document()).replace(b"\n", b"\r\n") * 2
        assert [r.result for r in load_documents(io.BytesIO(data), lines=True)] == [
            minimal_document(),
            minimal_document(),
        ]

    def test_empty(self, tmp_path: Path) -> None:
        """An empty source, or one of blank lines, gives no records."""
        path = tmp_path / "empty.jsonl"
        path.write_text("\n  \n")
        assert list(load_documents(path)) == []
        assert list(load_documents(io.BytesIO(b""))) == []

    def test_line_too_long(self) -> None:
        """A line longer than `max_size` is an error in its place; the next lines are read."""
        data = b'{"schema_version": 2, "title": "' + b"x" * 5000 + b'"}\n' + _jsonl(Document())
        records = list(load_documents(io.BytesIO(data), lines=True, max_size=1000))
        assert [(r.line, outcome(r.result)) for r in records] == [
            (1, ("$: too large: a line of more than 1,000 bytes",)),
            (2, Document()),
        ]

    def test_not_utf8(self) -> None:
        """Bytes that are not UTF-8: an error at the line and column of the byte."""
        data = _jsonl(Document()) + b'{"title": "caf\xe9"}\n'
        records = list(load_documents(io.BytesIO(data), lines=True))
        assert (records[1].line, records[1].column) == (2, 15)
        assert outcome(records[1].result) == (
            "$: not valid JSON: not UTF-8 text: byte 0xe9 cannot be decoded",
        )

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that cannot be read raises `OSError` when reading starts."""
        with pytest.raises(FileNotFoundError):
            list(load_documents(tmp_path / "missing.jsonl"))

    def test_an_array_is_read_in_linear_time(self, tmp_path: Path) -> None:
        """Four times the items take about four times as long, not sixteen."""
        item = json.dumps({"schema_version": 2, "title": "x" * 2000}, indent=2)

        def seconds(count: int) -> float:
            path = tmp_path / f"docs{count}.json"
            path.write_text("[\n" + ",\n".join([item] * count) + "\n]\n", encoding="utf-8")
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                assert sum(1 for _ in load_documents(path, max_size=None)) == count
                best = min(best, time.perf_counter() - start)
            return best

        ratio = seconds(8000) / seconds(2000)
        assert ratio < 8, ratio  # a count of lines from the start of the text for each item: 16
