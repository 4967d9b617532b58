"""Tables, JSON-LD and the rollout chart: a corpus for spreadsheets, search engines and people.

The typed model nests (a document holds regions, which hold mentions); this
module writes a corpus in the flat and standard forms other tools read:

* `rows`, `to_csv` and `to_dataframe`: one of four flat tables (`TABLES`), a
  row per document, per region mention, per donor or per NRM phase and
  region, joined on the ``document`` column;
* `to_jsonld`: a document as a schema.org ``NewsArticle``;
* `rollout_svg`: the NRM rollout of a corpus as a chart, also importable
  from the package itself as ``osce_thb.rollout_svg``;
* `rollout_report`: the same rollout as an aligned table, CSV or JSON (or the
  chart), as ``osce-thb rollout --format`` writes it.

Each function reads its documents once, in order, so that a corpus streamed
from a JSON Lines file is written without being held in memory (except by
`to_dataframe`, whose frame holds it all). The command line writes the same
tables and JSON-LD with ``osce-thb export`` and the same chart with
``osce-thb rollout --format svg``.

Example::

    import osce_thb
    from osce_thb import export

    documents = [osce_thb.parse_file("page.txt")]
    for row in export.rows(documents, "phases"):
        print(row["stage"], row["start"], row["region"])
    export.to_csv(documents, "phases.csv", table="phases")
"""

from __future__ import annotations

import csv
import enum
import io
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from osce_thb import _export
from osce_thb._export import Column, to_jsonld

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    import pandas

    from osce_thb.model import Document

__all__ = [
    "ROLLOUT_FORMS",
    "TABLES",
    "Column",
    "columns",
    "rollout_report",
    "rollout_svg",
    "rows",
    "to_csv",
    "to_dataframe",
    "to_jsonld",
]

TABLES: Final = _export.TABLES
"""The names of the flat tables: ``documents``, ``regions``, ``donors``, ``phases``."""

_TITLE: Final = "National Referral Mechanism rollout by region"


def columns(table: str) -> tuple[Column, ...]:
    """The columns of a table, in order.

    Args:
        table: One of `TABLES`.

    Raises:
        ValueError: For a name not in `TABLES`.
    """
    _check_table(table)
    return _export.columns(table)


def _check_table(table: str) -> None:
    if table not in TABLES:
        msg = f"unknown table {table!r}: one of {', '.join(TABLES)}"
        raise ValueError(msg)


def _path(paths: Sequence[str] | None, index: int) -> str:
    return paths[index] if paths is not None and index < len(paths) else ""


def rows(
    documents: Iterable[Document],
    table: str = "documents",
    *,
    paths: Sequence[str] | None = None,
) -> Iterator[dict[str, str]]:
    """The rows of one flat table, each a dict from column name to cell.

    Cells are text, as in the CSV file: empty when unknown, dates in ISO 8601,
    ``true`` or ``false``, lists joined with ``"; "``; `columns` tells what each
    column holds. The dicts keep the columns' order.

    Args:
        documents: Any iterable of documents; it is read once, in order, when
            the rows are.
        table: One of `TABLES`: ``documents`` (one row per document),
            ``regions`` (per mention of a region), ``donors`` (per donor) or
            ``phases`` (per NRM phase and region it covers).
        paths: Where each document was read from, by position, for the
            ``path`` column; empty when not given (or for documents beyond
            its end).

    Raises:
        ValueError: For a table not in `TABLES` (at once, not when the
            rows are read).
    """
    _check_table(table)
    names = _export.header_row(table)

    def generate() -> Iterator[dict[str, str]]:
        for index, document in enumerate(documents):
            path = _path(paths, index)
            for row in _export.table_rows(table, document, index=index, path=path):
                yield dict(zip(names, row, strict=True))

    return generate()


def to_csv(
    documents: Iterable[Document],
    target: str | os.PathLike[str] | TextIO,
    *,
    table: str = "documents",
    paths: Sequence[str] | None = None,
    hxl: bool = False,
) -> int:
    """Write one flat table as CSV: the header, then a line per row.

    Args:
        documents: Any iterable of documents, read once, in order.
        target: A file name (written as UTF-8, replaced if it exists), or a
            text file open for writing (opened with ``newline=""``, as the
            `csv` module asks).
        table: One of `TABLES`.
        paths: Where each document was read from, for the ``path`` column.
        hxl: Write the HXL hashtags (Humanitarian Exchange Language) as a
            second line, for HDX and the HXL tools.

    Returns:
        The number of rows written, header and hashtags aside.

    Raises:
        ValueError: For a table not in `TABLES`.
    """
    found = rows(documents, table, paths=paths)  # checks the table before a file is made
    if isinstance(target, str | os.PathLike):
        with Path(target).open("w", encoding="utf-8", newline="") as file:
            return _write_csv(file, table, found, hxl=hxl)
    return _write_csv(target, table, found, hxl=hxl)


def _write_csv(file: TextIO, table: str, found: Iterable[dict[str, str]], *, hxl: bool) -> int:
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(_export.header_row(table))
    if hxl:
        writer.writerow(_export.hxl_row(table))
    count = 0
    for row in found:
        writer.writerow(row.values())
        count += 1
    return count


def to_dataframe(
    documents: Iterable[Document],
    table: str = "documents",
    *,
    paths: Sequence[str] | None = None,
) -> pandas.DataFrame:
    """One flat table as a pandas ``DataFrame``, each column of its type.

    The cells of `rows`, typed by their column's `Column.type`: ``integer``
    columns as nullable ``Int64``, ``date`` columns as ``datetime64``,
    ``boolean`` columns as nullable ``boolean``, the others (``list``
    columns too, joined with ``"; "``) as ``string``; unknown values are
    missing (``<NA>`` or ``NaT``), not empty strings.

    Needs pandas: ``pip install 'osce-thb[pandas]'``. It is imported here and
    nowhere else, so the rest of the library works without it.

    Args:
        documents: Any iterable of documents, read once, in order.
        table: One of `TABLES`.
        paths: Where each document was read from, for the ``path`` column.

    Raises:
        ValueError: For a table not in `TABLES`.
        ImportError: When pandas is not installed.
    """
    _check_table(table)
    try:
        import pandas
    except ImportError as error:
        msg = "to_dataframe needs pandas: pip install 'osce-thb[pandas]'"
        raise ImportError(msg) from error
    found = _export.columns(table)
    records = [
        tuple(_frame_value(value) for value in row)
        for index, document in enumerate(documents)
        for row in _export.table_values(table, document, index=index, path=_path(paths, index))
    ]
    frame = pandas.DataFrame.from_records(records, columns=[column.name for column in found])
    for column in found:
        values = frame[column.name]
        if column.type == "date":
            frame[column.name] = pandas.to_datetime(values)
        else:
            frame[column.name] = values.astype(_DTYPES.get(column.type, "string"))
    return frame


_DTYPES: Final = {"integer": "Int64", "boolean": "boolean"}


def _frame_value(value: object) -> object:
    """A value for a data frame: lists joined as in the CSV, enums as their values."""
    if isinstance(value, tuple | enum.Enum):
        return _export.cell(value)
    return value


def rollout_svg(
    documents: Iterable[Document],
    *,
    paths: Sequence[str] | None = None,
    title: str = _TITLE,
) -> str:
    """Chart the NRM rollout of a corpus as a self-contained SVG image.

    A row per region and a column per year, a bar per distinct claim coloured
    by stage (pilot, expansion, national rollout), planned phases hatched.
    Rows are grouped by country; a country whose documents report nationwide
    phases gets a "whole country" row of its own. Phases the documents give no
    year for sit in a "no year" column before the first year. The image needs
    no script, font or style sheet; each bar's ``<title>`` names its documents.

    Args:
        documents: Any iterable of documents, read once, in order.
        paths: Where each document was read from, by position, named in the
            bars' titles; without it, documents are named by their titles.
        title: The chart's title.

    Returns:
        The SVG text, ending with a newline.
    """
    from osce_thb._chart import rollout_svg as draw

    labels: list[str] = []

    def named() -> Iterator[Document]:
        for index, document in enumerate(documents):
            labels.append(_path(paths, index) or document.title or f"document {index}")
            yield document

    timelines = _export.rollout_timelines(named())
    return draw(timelines, labels, title=title)


ROLLOUT_FORMS: Final = ("table", "csv", "json", "svg")
"""The forms of `rollout_report`."""


def rollout_report(
    documents: Iterable[Document],
    form: str = "table",
    *,
    paths: Sequence[str] | None = None,
) -> str:
    """The NRM rollout of a corpus as text, in one of `ROLLOUT_FORMS`.

    ``table``: aligned columns for a terminal (region, year joined, stage,
    donors, number of documents, disputed) and a summary line; ``csv``: a row
    per region with every column; ``json``: every region with every claim, and
    the documents by position; ``svg``: the chart of `rollout_svg`. Regions come
    as in the chart, with a row per country for its nationwide phases.

    Args:
        documents: Any iterable of documents, read once, in order.
        form: One of `ROLLOUT_FORMS`.
        paths: Where each document was read from, by position (the CSV's
            sources, the JSON's documents, the chart's titles). It is read as
            each document is, so it may grow while `documents` is read.

    Raises:
        ValueError: For a form not in `ROLLOUT_FORMS`.
    """
    if form not in ROLLOUT_FORMS:
        msg = f"unknown form {form!r}: one of {', '.join(ROLLOUT_FORMS)}"
        raise ValueError(msg)
    if form == "svg":
        return rollout_svg(documents, paths=paths)
    labels: list[str] = []

    def named() -> Iterator[Document]:
        for index, document in enumerate(documents):
            labels.append(_path(paths, index))
            yield document

    timelines = _export.rollout_timelines(named())
    if form == "table":
        return _export.rollout_table(timelines, len(labels))
    if form == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(_export.rollout_rows(timelines, labels))
        return buffer.getvalue()
    data = _export.rollout_dict(timelines, labels)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
