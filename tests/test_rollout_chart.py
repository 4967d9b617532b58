"""The rollout as rows and as a chart: nationwide phases, the order of rows, the "no year" column.

The chart is checked as a picture is: where its texts and bars sit (x to the
right, y downwards), not how its markup is spelt.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest

import osce_thb
from osce_thb import (
    Document,
    Donor,
    NrmPhase,
    PhaseStage,
    PhaseStatus,
    Region,
    RegionTimeline,
    RolloutClaim,
    _chart,
    _export,
    gazetteer,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

SVG = "{http://www.w3.org/2000/svg}"
PILOT, EXPANSION, NATIONAL = PhaseStage.PILOT, PhaseStage.EXPANSION, PhaseStage.NATIONAL
DONE, PLANNED = PhaseStatus.COMPLETED, PhaseStatus.PLANNED

# Made-up pages: a pilot without a year, an expansion, plans, and a nationwide rollout.
DECEMBER = (
    "Referral mechanism reaches new regions\n"
    "KYIV, 10 December 2015 – The National Referral Mechanism (NRM) was piloted in"
    " Donetsk and Kharkiv regions with funding from Norway.\n"
    "From 2014 to 2015 the NRM was extended to Vinnytsia and Lviv regions, with funding"
    " from Denmark.\n"
    "In 2017 the NRM will be extended to Odesa region.\n"
    "In 2016 the NRM will be extended to Sumy region.\n"
)
NATIONWIDE = (
    "The mechanism covers the whole country\n"
    "POLTAVA, Ukraine, 20 March 2019 – The National Referral Mechanism (NRM) was rolled"
    " out nationwide in 2018, with funding from Canada.\n"
)


def claim(stage: PhaseStage, start: int | None, *, status: PhaseStatus = DONE) -> RolloutClaim:
    return RolloutClaim(
        document=0,
        title=None,
        published=None,
        stage=stage,
        status=status,
        start=start,
        end=start,
        donors=(),
    )


def timeline(code: str, *claims: RolloutClaim) -> RegionTimeline:
    return RegionTimeline(code=code, name=f"Region {code}", claims=claims)


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    return [osce_thb.parse(DECEMBER), osce_thb.parse(NATIONWIDE)]


# --------------------------------------------------------------------------- rows


class TestTimelines:
    def test_nationwide_phases_get_a_row_for_their_country(self, corpus: list[Document]) -> None:
        """A phase without regions is the whole country's: a timeline with the country's code."""
        timelines = _export.rollout_timelines(corpus)
        ukraine = timelines[0]
        assert (ukraine.code, ukraine.name) == ("UA", "Ukraine")
        assert [(c.document, c.stage, c.year, c.donors) for c in ukraine.claims] == [
            (1, NATIONAL, 2018, (Donor(name="Canada", country="CA"),))
        ]
        assert (ukraine.joined, ukraine.stage) == (2018, NATIONAL)
        regions = [t for t in timelines if t is not ukraine]
        assert {t.code for t in regions} == {t.code for t in osce_thb.rollout(corpus)}

    def test_read_once(self, corpus: list[Document]) -> None:
        def stream() -> Iterator[Document]:
            yield from corpus

        assert _export.rollout_timelines(stream()) == _export.rollout_timelines(corpus)

    def test_a_national_phase_with_regions_counts_for_their_country(self) -> None:
        phase = NrmPhase(
            stage=NATIONAL, status=DONE, start=2019, end=2019, regions=(Region.from_code("UA-46"),)
        )
        (ukraine, lviv) = _export.rollout_timelines([Document(title="T", nrm_phases=(phase,))])
        assert (ukraine.code, lviv.code) == ("UA", "UA-46")
        assert ukraine.claims == lviv.claims

    def test_a_country_no_document_tells(self) -> None:
        """A nationwide phase of a page that names no country: a row with an empty code."""
        phase = NrmPhase(stage=NATIONAL, status=DONE, start=2019, end=2019)
        (row,) = _export.rollout_timelines([Document(title="T", nrm_phases=(phase,))])
        assert (row.code, row.name) == ("", "")
        assert _export.row_name(row) == "Whole country (not named)"


class TestOrder:
    def test_within_a_country(self) -> None:
        """Whole country first; joined by year, pilots first; plans by year, not by code."""
        rows = _export.rollout_order(
            [
                timeline("UA-01", claim(EXPANSION, 2013, status=PLANNED)),
                timeline("UA-02", claim(EXPANSION, 2012)),
                timeline("UA-03", claim(EXPANSION, 2011, status=PLANNED)),
                timeline("UA-04", claim(PILOT, 2012)),
                timeline("UA", claim(NATIONAL, 2016)),
                timeline("UA-05", claim(EXPANSION, 2010)),
                timeline("UA-06", claim(EXPANSION, None, status=PLANNED)),
            ]
        )
        assert [t.code for t in rows] == [
            "UA",
            "UA-05",
            "UA-04",
            "UA-02",
            "UA-03",
            "UA-01",
            "UA-06",
        ]

    def test_a_claim_without_a_year_comes_first(self) -> None:
        """Regions with a yearless claim (mostly pilots) come before those that joined later."""
        rows = _export.rollout_order(
            [
                timeline("UA-01", claim(EXPANSION, 2010)),
                timeline("UA-02", claim(PILOT, None), claim(EXPANSION, 2012)),
                timeline("UA-03", claim(PILOT, None)),
            ]
        )
        assert [t.code for t in rows] == ["UA-02", "UA-03", "UA-01"]

    def test_grouped_by_country_from_the_code(self) -> None:
        """Countries come whole, the one that joined first first, whatever the country."""
        rows = _export.rollout_order(
            [
                timeline("UA-01", claim(EXPANSION, 2014)),
                timeline("ZZ-B", claim(PILOT, 2012)),
                timeline("UA-02", claim(PILOT, 2013)),
                timeline("ZZ", claim(NATIONAL, 2020)),
                timeline("ZZ-A", claim(EXPANSION, 2015)),
                timeline("", claim(NATIONAL, 2001)),
            ]
        )
        assert [t.code for t in rows] == ["ZZ", "ZZ-B", "ZZ-A", "UA-02", "UA-01", ""]


class TestTable:
    def test_the_whole_country_has_a_row(self, corpus: list[Document]) -> None:
        timelines = _export.rollout_timelines(corpus)
        lines = _export.rollout_table(timelines, len(corpus)).splitlines()
        assert lines[1].split()[:5] == ["UA", "Ukraine", "(whole", "country)", "2018"]
        assert lines[-1] == "6 regions and 1 country as a whole from 2 documents"
        planned = [line.split()[0] for line in lines if "(planned)" in line]
        assert planned == ["UA-59", "UA-51"]  # 2016, then 2017

    def test_csv_and_json(self, corpus: list[Document]) -> None:
        timelines = _export.rollout_timelines(corpus)
        header, first, *_ = _export.rollout_rows(timelines, ["a.txt", "b.txt"])
        row = dict(zip(header, first, strict=True))
        assert (row["code"], row["name"], row["country"], row["joined"]) == (
            "UA",
            "Ukraine",
            "UA",
            "2018",
        )
        assert row["sources"] == "b.txt"
        data = _export.rollout_dict(timelines, ["a.txt", "b.txt"])
        assert data["regions"][0]["code"] == "UA"
        assert data["regions"][0]["claims"][0]["stage"] == "national"


# --------------------------------------------------------------------------- the chart


def _texts(root: ET.Element) -> dict[str, ET.Element]:
    return {"".join(element.itertext()): element for element in root.iter(f"{SVG}text")}


def _bars(root: ET.Element) -> list[tuple[str, float, float, float]]:
    """Each bar: its tooltip's first line, x, right edge and y."""
    found = []
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        rect = group.find(f"{SVG}rect")
        assert title is not None and title.text and rect is not None
        x, width = float(rect.get("x", 0)), float(rect.get("width", 0))
        found.append((title.text.split("\n")[0], x, x + width, float(rect.get("y", 0))))
    return found


def _y(texts: dict[str, ET.Element], label: str) -> float:
    return float(texts[label].get("y", 0))


@pytest.fixture(scope="module")
def root(corpus: list[Document]) -> ET.Element:
    svg = osce_thb.rollout_svg(corpus, paths=["december.txt", "nationwide.txt"])
    return ET.fromstring(svg)


class TestChart:
    def test_no_year_sits_before_the_first_year(self, root: ET.Element) -> None:
        """A pilot without a year is drawn left of every year, not after the last one."""
        texts = _texts(root)
        no_year = float(texts["no year"].get("x", 0))
        assert no_year < min(float(texts[str(y)].get("x", 0)) for y in range(2014, 2019))
        bars = _bars(root)
        pilots = [bar for bar in bars if ": pilot," in bar[0]]
        others = [bar for bar in bars if ": pilot," not in bar[0]]
        assert len(pilots) == 2
        assert all("year not given" in pilot[0] for pilot in pilots)
        assert max(pilot[2] for pilot in pilots) < min(other[1] for other in others)
        assert "“no year”: the documents give no year" in " ".join(_texts(root))

    def test_nationwide_phase_has_a_row(self, root: ET.Element) -> None:
        """The whole country is a row with its national bar, at the top of its country."""
        texts = _texts(root)
        assert "UA · whole country" in texts
        ukraine = _y(texts, "Ukraine")
        assert ukraine < min(_y(texts, name) for name in ("Donetsk Oblast", "Lviv Oblast"))
        (national,) = [bar for bar in _bars(root) if "national rollout" in bar[0]]
        assert national[0] == "Ukraine (UA · whole country): national rollout, completed, 2018"
        assert abs(national[3] - ukraine) < 20  # on the row of its label

    def test_planned_rows_are_ordered_by_year(self, root: ET.Element) -> None:
        texts = _texts(root)
        assert _y(texts, "Sumy Oblast") < _y(texts, "Odesa Oblast")  # 2016, then 2017

    def test_everything_fits_in_the_picture(self, root: ET.Element) -> None:
        """No text runs past the right edge, even in a font wider than the one asked for."""
        width = float(root.get("width", 0))
        for text, element in _texts(root).items():
            size = float(element.get("font-size", 0))
            x = float(element.get("x", 0))
            if element.get("text-anchor") == "middle":
                x -= len(text) * size * 0.3
            assert x + len(text) * size * 0.6 <= width, text
        footer = [t for t in _texts(root) if t.startswith(("Each bar", "“no year”"))]
        assert footer  # the notes are there, wrapped rather than cut

    def test_says_nothing_about_hovering(self, root: ET.Element) -> None:
        """A static image cannot be hovered: the tooltips are there, but not talked about."""
        assert not any("hover" in text.lower() for text in _texts(root))
        tips = [title.text or "" for title in root.iter(f"{SVG}title")]
        assert any("source: december.txt" in tip for tip in tips)

    def test_without_paths_bars_name_titles(self, corpus: list[Document]) -> None:
        svg = osce_thb.rollout_svg(corpus)
        assert "source: The mechanism covers the whole country" in svg
        assert "2 documents" in svg


class TestChartOfManyCountries:
    """Rows of several countries, from codes alone: no country is assumed."""

    @pytest.fixture(autouse=True)
    def _no_regions(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # The chart must not need the gazetteer to know a region: only the code's prefix.
        monkeypatch.setattr(gazetteer, "regions", dict)

    def test_country_headings(self) -> None:
        svg = _chart.rollout_svg(
            [
                timeline("MD-01", claim(PILOT, 2011)),
                timeline("GE-AB", claim(EXPANSION, 2010)),
                timeline("MD-02", claim(EXPANSION, 2013, status=PLANNED)),
                timeline("QQ-1", claim(PILOT, 2012)),
            ],
            ["a.txt"],
        )
        texts = _texts(ET.fromstring(svg))
        order = sorted(
            ("Georgia", "Region GE-AB", "Moldova", "Region MD-01", "Region MD-02", "QQ"),
            key=lambda label: _y(texts, label),
        )
        assert order == ["Georgia", "Region GE-AB", "Moldova", "Region MD-01", "Region MD-02", "QQ"]
        assert "4 regions · 1 document · 2010–2013" in texts

    def test_one_country_without_nationwide_phases_needs_no_heading(self) -> None:
        svg = _chart.rollout_svg([timeline("MD-01", claim(PILOT, 2011))], [])
        assert "Moldova" not in svg
        assert re.search(r">Region MD-01<", svg)


def test_no_phases() -> None:
    svg = osce_thb.rollout_svg([Document(title="Nothing about referrals")])
    assert "No NRM rollout phases found in these documents." in svg
    ET.fromstring(svg)


# Characters XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates,
# U+FFFE/U+FFFF) and ones it allows only escaped (markup), in every text the chart shows.
_HOSTILE = (
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x7f",  # allowed, but discouraged: an invisible control, shown as one
    "\x85",
    "\ud800",
    "\udfff",
    "\ufffe",
    "\uffff",
)


class TestHostileText:
    """The SVG stays well-formed XML whatever the names hold (issue 16, point 8)."""

    @pytest.mark.parametrize("bad", _HOSTILE)
    def test_donor_key_region_name_and_file_name(self, bad: str) -> None:
        hostile = RolloutClaim(
            document=0,
            title=f"A title{bad}",
            published=None,
            stage=PILOT,
            status=DONE,
            start=2012,
            end=2013,
            donors=(Donor(name=f"Don{bad}or"), Donor(name="<&>\"'")),
        )
        timelines = [
            RegionTimeline(code="UA-14", name=f"Re{bad}gion <&>", claims=(hostile,)),
            RegionTimeline(code="UA", name=f"Country{bad}", claims=(hostile,)),
        ]
        svg = _chart.rollout_svg(timelines, [f"pages/fi{bad}le <&>.txt"], title=f"Roll{bad}out")
        root = ET.fromstring(svg)  # raises ParseError on a forbidden character
        texts = "".join(root.itertext())
        shown = "\ufffd" + bad[1:]  # the character replaced, visibly; the rest kept
        assert f"Re{shown}gion <&>" in texts
        assert f"Don{shown}or" in texts
        assert f"pages/fi{shown}le <&>.txt" in texts
        assert f"Roll{shown}out" in texts
        svg.encode("utf-8")  # no lone surrogate left either

    def test_allowed_white_space_is_kept(self) -> None:
        timelines = [timeline("UA-14", claim(PILOT, 2012))]
        svg = _chart.rollout_svg(timelines, ["a\tb.txt"])
        assert any("a\tb.txt" in (t.text or "") for t in ET.fromstring(svg).iter(f"{SVG}title"))
