"""osce_thb.export: flat tables as dicts, CSV and data frames, JSON-LD, from made-up documents."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

import osce_thb
from osce_thb import Dateline, Document, NrmPhase, PhaseStage, PhaseStatus, Region, export

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

PILOT = (
    "Referral mechanism tried out in two regions\n"
    "KHARKIV, Ukraine, 4 June 2012 – The National Referral Mechanism (NRM) was piloted in"
    " Kharkiv and Sumy regions in 2011, with funding from Norway.\n"
)
NATIONWIDE = (
    "The mechanism reaches the whole country\n"
    "ODESA, Ukraine, 2 February 2017 – The National Referral Mechanism (NRM) was rolled out"
    " nationwide in 2016.\n"
)


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    return [osce_thb.parse(PILOT), osce_thb.parse(NATIONWIDE)]


def once(documents: list[Document]) -> Iterator[Document]:
    """The documents as an iterator that can be read only once, as a stream is."""
    yield from documents


class TestRows:
    def test_documents_table(self, corpus: list[Document]) -> None:
        """A row per document, cells as text, keyed by column name in the columns' order."""
        found = list(export.rows(once(corpus), paths=["pilot.txt", "national.txt"]))
        assert [list(row) for row in found] == [[c.name for c in export.columns("documents")]] * 2
        first, second = found
        assert (first["document"], first["path"]) == ("0", "pilot.txt")
        assert first["kind"] == corpus[0].kind.value
        assert first["title"] == "Referral mechanism tried out in two regions"
        assert first["dateline_date"] == "2012-06-04"
        assert first["regions"] == "UA-63; UA-59"
        assert (first["donors"], first["phases"]) == ("NO", "1")
        assert (second["document"], second["path"]) == ("1", "national.txt")

    def test_paths_are_optional(self, corpus: list[Document]) -> None:
        """Without paths, or beyond their end, the path cells are empty."""
        assert [row["path"] for row in export.rows(corpus)] == ["", ""]
        assert [row["path"] for row in export.rows(corpus, paths=["a.txt"])] == ["a.txt", ""]

    def test_phases_table_gives_the_country_of_a_nationwide_phase(
        self, corpus: list[Document]
    ) -> None:
        """A phase that names no region gets one row, its country told by the document."""
        found = list(export.rows(corpus, "phases"))
        assert [(r["document"], r["stage"], r["region"], r["country"]) for r in found] == [
            ("0", "pilot", "UA-63", "UA"),
            ("0", "pilot", "UA-59", "UA"),
            ("1", "national", "", "UA"),
        ]
        assert found[2]["start"] == found[2]["end"] == "2016"

    def test_unknown_table_fails_at_once(self, corpus: list[Document]) -> None:
        """A misspelt table fails when asked for, before any document is read."""
        stream = once(corpus)
        with pytest.raises(ValueError, match="unknown table 'phase': one of documents, "):
            export.rows(stream, "phase")
        assert next(stream) is corpus[0]  # untouched
        with pytest.raises(ValueError, match="unknown table"):
            export.columns("Documents")

    def test_rows_are_lazy(self, corpus: list[Document]) -> None:
        """Rows are made as they are read: a stream is not read ahead."""
        read: list[Document] = []

        def stream() -> Iterator[Document]:
            for document in corpus:
                read.append(document)
                yield document

        rows = export.rows(stream(), "documents")
        assert read == []
        next(rows)
        assert read == corpus[:1]

    def test_column_types(self) -> None:
        """Every column says what its cells hold; counts are integers, dates are dates."""
        for table in export.TABLES:
            assert {c.type for c in export.columns(table)} <= {
                "text",
                "integer",
                "date",
                "boolean",
                "list",
            }
        types = {c.name: c.type for c in export.columns("documents")}
        assert (types["published"], types["phases"], types["source_closed"]) == (
            "date",
            "integer",
            "boolean",
        )
        assert types["regions"] == "list" and types["title"] == "text"


def _document(**fields: object) -> Document:
    return Document(title="A made-up page", **fields)  # type: ignore[arg-type]


class TestCountryOfNationwidePhases:
    NATIONAL = NrmPhase(stage=PhaseStage.NATIONAL, status=PhaseStatus.COMPLETED, start=2016)

    def _country(self, document: Document) -> str:
        (row,) = export.rows([document], "phases")
        return row["country"]

    def test_from_the_regions_of_the_other_phases(self) -> None:
        pilot = NrmPhase(
            stage=PhaseStage.PILOT,
            status=PhaseStatus.COMPLETED,
            regions=(Region.from_code("UA-05"),),
        )
        document = _document(nrm_phases=(pilot, self.NATIONAL))
        phases = list(export.rows([document], "phases"))
        assert [row["country"] for row in phases] == ["UA", "UA"]

    def test_from_the_regions_the_document_names(self) -> None:
        document = _document(
            regions=(Region(code="UA-46", name="Lviv Oblast"),), nrm_phases=(self.NATIONAL,)
        )
        assert self._country(document) == "UA"

    def test_from_the_dateline(self) -> None:
        dateline = Dateline(place="Chisinau", country="Moldova", text="CHISINAU, Moldova –")
        document = _document(dateline=dateline, nrm_phases=(self.NATIONAL,))
        assert self._country(document) == "MD"

    def test_unknown(self) -> None:
        """Neither regions nor a dateline country: the cell is empty, not a guess."""
        dateline = Dateline(place="Zenda", country="Ruritania", text="ZENDA, Ruritania –")
        assert self._country(_document(dateline=dateline, nrm_phases=(self.NATIONAL,))) == ""
        assert self._country(_document(nrm_phases=(self.NATIONAL,))) == ""


class TestCsv:
    def test_to_a_path(self, corpus: list[Document], tmp_path: Path) -> None:
        """A file name is written as UTF-8 CSV: the header, then the rows of `rows`."""
        target = tmp_path / "phases.csv"
        count = export.to_csv(corpus, target, table="phases", paths=["a.txt", "b.txt"])
        assert count == 3
        with target.open(encoding="utf-8", newline="") as file:
            assert list(csv.DictReader(file)) == list(
                export.rows(corpus, "phases", paths=["a.txt", "b.txt"])
            )
        assert export.to_csv([], str(target)) == 0
        assert target.read_text(encoding="utf-8").startswith("document,path,kind,title,")

    def test_to_a_file_with_hxl(self, corpus: list[Document]) -> None:
        """An open file is written to; ``hxl`` adds the hashtags as the second line."""
        buffer = io.StringIO()
        assert export.to_csv(corpus, buffer, table="donors", hxl=True) == 1
        header, hashtags, row = list(csv.reader(io.StringIO(buffer.getvalue())))
        assert header == [c.name for c in export.columns("donors")]
        assert hashtags == [c.hxl for c in export.columns("donors")]
        assert row[2:4] == ["NO", "Norway"]

    def test_unknown_table_makes_no_file(self, corpus: list[Document], tmp_path: Path) -> None:
        with pytest.raises(ValueError, match="unknown table"):
            export.to_csv(corpus, tmp_path / "x.csv", table="people")
        assert not (tmp_path / "x.csv").exists()


class TestDataFrame:
    def test_columns_are_typed(self, corpus: list[Document]) -> None:
        """Counts are nullable integers, dates are datetimes, unknowns are missing."""
        pandas = pytest.importorskip("pandas")
        frame = export.to_dataframe(corpus, paths=["a.txt", "b.txt"])
        assert list(frame.columns) == [c.name for c in export.columns("documents")]
        assert len(frame) == 2
        assert str(frame["phases"].dtype) == "Int64"
        assert frame["phases"].tolist() == [1, 1]
        assert pandas.api.types.is_datetime64_any_dtype(frame["dateline_date"])
        assert frame["dateline_date"][1] == pandas.Timestamp(2017, 2, 2)
        assert str(frame["source_closed"].dtype) == "boolean"
        assert frame["source_closed"].isna().all()  # no source: unknown, not False
        assert frame["source"].isna().all()
        assert frame["path"].tolist() == ["a.txt", "b.txt"]
        assert frame["regions"][0] == "UA-63; UA-59"

    def test_phases_and_an_empty_table(self, corpus: list[Document]) -> None:
        pytest.importorskip("pandas")
        phases = export.to_dataframe(corpus, "phases")
        assert phases["stage"].tolist() == ["pilot", "pilot", "national"]
        assert phases["region"].isna().tolist() == [False, False, True]
        assert phases["start"].tolist() == [2011, 2011, 2016]
        empty = export.to_dataframe([], "regions")
        assert list(empty.columns) == [c.name for c in export.columns("regions")]
        assert len(empty) == 0

    def test_without_pandas(self, corpus: list[Document], monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas, the error says which extra to install."""
        monkeypatch.setitem(sys.modules, "pandas", None)  # makes ``import pandas`` fail
        with pytest.raises(ImportError, match=r"pip install 'osce-thb\[pandas\]'"):
            export.to_dataframe(corpus)


def test_pandas_is_not_imported_with_the_package() -> None:
    code = "import sys, osce_thb, osce_thb.export; print('pandas' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_jsonld(corpus: list[Document]) -> None:
    """The JSON-LD of a made-up page: a NewsArticle with its regions and funders."""
    data = export.to_jsonld(corpus[0])
    assert (data["@type"], data["headline"]) == ("NewsArticle", corpus[0].title)
    assert [area["identifier"] for area in data["spatialCoverage"]] == ["UA-63", "UA-59"]
    assert data["funder"][0]["identifier"] == "NO"
    assert "articleBody" not in data
    assert export.to_jsonld(corpus[0], body=True)["articleBody"] == corpus[0].text


def test_public_names() -> None:
    """The chart is importable from the package; the module's names are all documented."""
    assert osce_thb.rollout_svg is export.rollout_svg
    for name in export.__all__:
        assert getattr(export, name).__doc__


def test_dates_in_frames() -> None:
    """A known date gives a datetime cell; an unknown one a missing cell."""
    pandas = pytest.importorskip("pandas")
    documents = [Document(title="Dated", published=dt.date(2014, 3, 5)), Document(title="Not")]
    frame = export.to_dataframe(documents)
    assert frame["published"][0] == pandas.Timestamp(2014, 3, 5)
    assert frame["published"].isna().tolist() == [False, True]
