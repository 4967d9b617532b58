"""Flat tables and JSON-LD: a corpus for spreadsheets, humanitarian tools and search engines.

The typed model nests (a document holds regions, which hold mentions); spreadsheets
and humanitarian data tools want flat rows that join on a key. This module turns
one document at a time into rows of four tables, so that a corpus of any size can
be written while it is read:

* ``documents``: one row per document.
* ``regions``: one row per mention of a region (a region named three times gives
  three rows; a region without recorded mentions gives one row).
* ``donors``: one row per donor.
* ``phases``: one row per NRM phase and region it covers, so that each row holds
  one ISO 3166-2 code that maps and pivot tables can join on (a phase that names
  no region gives one row with the region left empty); ``phase`` numbers the
  phases of a document, so rows of one phase share it.

Every table starts with ``document`` (the position of the document in the input,
from 0, as in `RolloutClaim.document`) and ``path`` (where
it was read from), so that the tables join on ``document``. Empty cells mean
"unknown"; lists are joined with ``"; "``.

Each column also has an HXL hashtag (Humanitarian Exchange Language), written as
a second row when asked for, which HDX and the HXL tools read: core hashtags and
attributes where they fit (``#adm1+code``, ``#org+funder+name``, ``#date+start``),
a few descriptive attributes of our own where none does (``#status+stage``).

The rollout timeline of a corpus (`rollout_rows`, `rollout_dict`, `rollout_table`)
and schema.org JSON-LD for each document (`to_jsonld`) live here too: they are
the other ways of writing a corpus for people and tools that do not read our JSON.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from osce_thb._rollout import (
    NEVER,
    STAGE_ORDER,
    RegionTimeline,
    RolloutClaim,
    claim_order,
    rollout,
)
from osce_thb.model import Paragraph, PhaseStage, PhaseStatus

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from osce_thb.model import Document, Region

__all__ = [
    "TABLES",
    "Column",
    "cell",
    "columns",
    "country_of",
    "document_country",
    "header_row",
    "hxl_row",
    "is_whole_country",
    "rollout_dict",
    "rollout_order",
    "rollout_rows",
    "rollout_table",
    "rollout_timelines",
    "row_name",
    "table_rows",
    "table_values",
    "to_jsonld",
]

_LIST_SEPARATOR: Final = "; "

Row = tuple[str, ...]
"""A row of a table: every cell a string, empty when the value is unknown."""


class Column(NamedTuple):
    """A column of a flat table.

    Attributes:
        name: The header, a lower-case identifier that spreadsheets and code both like.
        hxl: Its HXL hashtag with attributes, or ``""`` where no hashtag says
            anything useful (HXL tools ignore untagged columns).
        type: What its cells hold: ``"text"``, ``"integer"``, ``"date"`` (ISO
            8601), ``"boolean"`` (``true`` or ``false``) or ``"list"`` (items
            joined with ``"; "``). A data frame gives each column its type.
    """

    name: str
    hxl: str
    type: str = "text"


_KEY_COLUMNS: Final = (Column("document", "#meta+id", "integer"), Column("path", "#meta+source"))

_COLUMNS: Final[dict[str, tuple[Column, ...]]] = {
    "documents": (
        *_KEY_COLUMNS,
        Column("kind", "#meta+kind"),
        Column("title", "#description+title"),
        Column("published", "#date+reported", "date"),
        Column("source", "#org+prog+name"),
        Column("source_closed", "#status+closed", "boolean"),
        Column("dateline", "#description+dateline"),
        Column("dateline_place", "#loc+name"),
        Column("dateline_country", "#country+name"),
        Column("dateline_date", "#date+occurred", "date"),
        Column("fields_of_work", "#sector+name+list", "list"),
        Column("regions", "#adm1+code+list", "list"),
        Column("donors", "#org+funder+code+list", "list"),
        Column("phases", "#indicator+phases+num", "integer"),
        Column("quotes", "#indicator+quotes+num", "integer"),
        Column("figures", "#indicator+figures+num", "integer"),
        Column("blocks", "#indicator+blocks+num", "integer"),
        Column("unparsed", "#indicator+unparsed+num", "integer"),
    ),
    "regions": (
        *_KEY_COLUMNS,
        Column("code", "#adm1+code"),
        Column("name", "#adm1+name"),
        Column("country", "#country+code"),
        Column("mention", "#loc+name"),
        Column("block", "", "integer"),
        Column("start", "", "integer"),
    ),
    "donors": (
        *_KEY_COLUMNS,
        Column("key", "#org+funder+code"),
        Column("name", "#org+funder+name"),
        Column("country", "#country+code"),
        Column("country_name", "#country+name"),
        Column("mentions", "#indicator+mentions+num", "integer"),
    ),
    "phases": (
        *_KEY_COLUMNS,
        Column("phase", "#activity+id", "integer"),
        Column("stage", "#status+stage"),
        Column("status", "#status+progress"),
        Column("start", "#date+start", "integer"),
        Column("end", "#date+end", "integer"),
        Column("region", "#adm1+code"),
        Column("region_name", "#adm1+name"),
        Column("country", "#country+code"),
        Column("donors", "#org+funder+code+list", "list"),
        Column("sentence", "#description+text"),
    ),
}

TABLES: Final = tuple(_COLUMNS)
"""The names of the flat tables, in the order they are best read."""


def columns(table: str) -> tuple[Column, ...]:
    """The columns of `table` (one of `TABLES`); `KeyError` for another name."""
    return _COLUMNS[table]


def header_row(table: str) -> Row:
    """The header row of `table`: its column names."""
    return tuple(column.name for column in _COLUMNS[table])


def hxl_row(table: str) -> Row:
    """The HXL hashtag row of `table`, written right after the header."""
    return tuple(column.hxl for column in _COLUMNS[table])


def table_rows(table: str, document: Document, *, index: int, path: str) -> Iterator[Row]:
    """The rows `document` contributes to `table`.

    Args:
        table: One of `TABLES`.
        document: The document.
        index: Its position in the input (the ``document`` column).
        path: Where it was read from (the ``path`` column).
    """
    for row in table_values(table, document, index=index, path=path):
        yield tuple(cell(value) for value in row)


def table_values(
    table: str, document: Document, *, index: int, path: str
) -> Iterator[tuple[object, ...]]:
    """The rows of `table_rows` before they become text: ints, dates, enums, tuples, ``None``."""
    key = (index, path)
    for row in _ROWS[table](document):
        yield key + row


def cell(value: object) -> str:
    """A value as a CSV cell: empty for unknown, ISO dates, lower-case booleans, joined lists."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return _LIST_SEPARATOR.join(cell(item) for item in value)
    return str(value)


def _document_rows(document: Document) -> Iterator[tuple[object, ...]]:
    dateline = document.dateline
    source = document.source
    yield (
        document.kind,
        document.title,
        document.published,
        source.name if source else None,
        source.closed if source else None,
        _dateline_text(document),
        dateline.place if dateline else None,
        dateline.country if dateline else None,
        dateline.date if dateline else None,
        document.fields_of_work,
        tuple(region.code for region in document.regions if region.code is not None),
        tuple(donor.key for donor in document.donors),
        len(document.nrm_phases),
        len(document.quotes),
        len(document.figures),
        len(document.body),
        len(document.unparsed),
    )


def _region_rows(document: Document) -> Iterator[tuple[object, ...]]:
    for region in (*document.regions, *document.other_places):
        country = region.country
        if not region.mentions:
            yield (region.code, region.name, country, None, None, None)
        for mention in region.mentions:
            yield (region.code, region.name, country, mention.text, mention.block, mention.start)


def _donor_rows(document: Document) -> Iterator[tuple[object, ...]]:
    for donor in document.donors:
        yield (
            donor.key,
            donor.name,
            donor.country,
            _country_name(donor.country),
            len(donor.mentions),
        )


def _phase_rows(document: Document) -> Iterator[tuple[object, ...]]:
    for number, phase in enumerate(document.nrm_phases):
        sentence = " ".join(mention.text for mention in phase.mentions) or None
        head = (number, phase.stage, phase.status, phase.start, phase.end)
        tail = (tuple(donor.key for donor in phase.donors), sentence)
        if not phase.regions:  # nationwide: the country is the document's, if it can be told
            yield (*head, None, None, document_country(document), *tail)
        for region in phase.regions:
            yield (*head, region.code, region.name, region.country, *tail)


_ROWS: Final[dict[str, Callable[[Document], Iterator[tuple[object, ...]]]]] = {
    "documents": _document_rows,
    "regions": _region_rows,
    "donors": _donor_rows,
    "phases": _phase_rows,
}


def country_of(code: str) -> str:
    """The ISO 3166-1 code of the country of an ISO 3166-2 code: its prefix ("UA-14" → "UA").

    A country code stays itself, so that the rows of a country's nationwide
    phases (`nationwide`) group with those of its regions.
    """
    return code.partition("-")[0]


def _country_name(code: str | None) -> str | None:
    from osce_thb.gazetteer import countries, coverage

    if not code:
        return None
    entry = countries().get(code)
    if entry is not None:
        return entry.name
    covered = coverage().get(code)  # Kosovo is no state of the list, but has places
    return covered.name if covered else None


def document_country(document: Document) -> str | None:
    """The country a document's nationwide phases are about, if it can be told.

    A nationwide phase names no region. Its country is that of the regions the
    document's phases name, when they all lie in one country; else that of
    all the regions the document names, on the same condition; else the
    country its dateline names ("DONETSK, Ukraine, ..."); else unknown.
    """
    from osce_thb.gazetteer import country_by_name

    phases = {region.country for phase in document.nrm_phases for region in phase.regions}
    named = {region.country for region in document.regions}
    for found in (phases, named):
        if len(found) == 1:
            return found.pop()
    if document.dateline is not None and document.dateline.country is not None:
        entry = country_by_name(document.dateline.country)
        if entry is not None:
            return entry.code
    return None


def _dateline_text(document: Document) -> str | None:
    """The dateline without its closing dash: "DONETSK, Ukraine, 13 December 2013"."""
    if document.dateline is None:
        return None
    return document.dateline.text.rstrip(" \t–—-:") or None


# --------------------------------------------------------------------------- rollout

_ROLLOUT_HEADER: Final = (
    "code",
    "name",
    "country",
    "joined",
    "stage",
    "planned",
    "planned_stage",
    "donors",
    "documents",
    "sources",
    "claims",
    "disputed",
)
_SOURCES_SHOWN: Final = 20  # paths in a cell; a spreadsheet cell is no place for thousands


def is_whole_country(timeline: RegionTimeline) -> bool:
    """Whether `timeline` is a country's nationwide row (its code is a country's, or unknown)."""
    return "-" not in timeline.code


def rollout_timelines(documents: Iterable[Document]) -> list[RegionTimeline]:
    """The rollout of `documents`, with a row per country for its nationwide phases.

    `rollout` gives a timeline per region, and a phase that
    names no region ("rolled out nationwide in 2016") has no region to go to.
    Here each country with nationwide phases also gets a timeline of its own,
    whose ``code`` is the country's ISO 3166-1 code (``""`` when no document
    tells which country) and whose ``name`` is the country's name; a national
    phase that names regions counts for their country as well. The documents
    are read once; the rows come in `rollout_order`.
    """
    national: dict[str, list[RolloutClaim]] = {}

    def watched() -> Iterator[Document]:
        for position, document in enumerate(documents):
            for phase in document.nrm_phases:
                if phase.regions and phase.stage is not PhaseStage.NATIONAL:
                    continue
                claim = RolloutClaim.of(position, document, phase)
                countries = dict.fromkeys(region.country for region in phase.regions) or {
                    document_country(document) or "": None
                }
                for country in countries:
                    national.setdefault(country, []).append(claim)
            yield document

    timelines = list(rollout(watched()))
    for code, claims in national.items():
        ordered = sorted(claims, key=claim_order)
        name = _country_name(code) or code
        timelines.append(RegionTimeline(code=code, name=name, claims=tuple(ordered)))
    return rollout_order(timelines)


def _row_key(timeline: RegionTimeline) -> tuple[int, int, int, str]:
    """Where a row goes among its country's: see `rollout_order`."""
    if timeline.stage is not None:
        reached = [c for c in timeline.claims if c.status is not PhaseStatus.PLANNED]
        undated = any(claim.year is None for claim in reached)
        year = -1 if undated or timeline.joined is None else timeline.joined
        return (0, year, STAGE_ORDER[timeline.stage], timeline.code)
    planned = _planned(timeline)
    plan_year = planned.year if planned is not None else None
    stage = STAGE_ORDER[planned.stage] if planned is not None else len(STAGE_ORDER)
    return (1, NEVER if plan_year is None else plan_year, stage, timeline.code)


def rollout_order(timelines: Iterable[RegionTimeline]) -> list[RegionTimeline]:
    """The rows of a rollout in the order people read them.

    Grouped by country (the prefix of the code), the country that joined first
    first; in a country, its nationwide row first (see `rollout_timelines`),
    then the regions that joined, earliest first, and within a year by stage
    (pilots first); then the regions only planned so far, by planned year. Ties
    go by code. A region with a claim that gives no year comes before those
    that joined in a known year: most such claims are pilots, and a pilot comes
    before the expansions that follow it (the chart shows them in a "no year"
    column before the first year, so that its rows read as a staircase).
    """
    groups: dict[str, list[RegionTimeline]] = {}
    for timeline in timelines:
        groups.setdefault(country_of(timeline.code), []).append(timeline)
    ordered = sorted(
        groups.items(),
        key=lambda item: (item[0] == "", min(_row_key(t) for t in item[1]), item[0]),
    )
    return [
        timeline
        for _, rows in ordered
        for timeline in sorted(rows, key=lambda t: (not is_whole_country(t), _row_key(t)))
    ]


def _planned(timeline: RegionTimeline) -> RolloutClaim | None:
    """The earliest planned claim, for regions the corpus only expects to join."""
    planned = [claim for claim in timeline.claims if claim.status is PhaseStatus.PLANNED]
    return planned[0] if planned else None


def rollout_rows(timelines: Sequence[RegionTimeline], labels: Sequence[str]) -> Iterator[Row]:
    """The rollout as CSV rows, the header first: one row per region (and country).

    Args:
        timelines: What `rollout_timelines` (or `rollout`)
            returned.
        labels: Where each document was read from, by position, for the
            ``documents`` column.

    ``joined`` and ``stage`` leave plans aside (see `RegionTimeline.joined`);
    ``planned`` and ``planned_stage`` give the earliest plan, for regions that
    the corpus only expects to join. ``documents`` counts the documents that
    speak of the region; ``sources`` gives their paths (the first 20, then how
    many more: the JSON form has them all). A row whose code is a country's
    (no hyphen) holds that country's nationwide phases.
    """
    yield _ROLLOUT_HEADER
    for timeline in rollout_order(timelines):
        planned = _planned(timeline)
        yield (
            timeline.code,
            timeline.name,
            country_of(timeline.code),
            cell(timeline.joined),
            cell(timeline.stage),
            cell(planned.year if planned else None),
            cell(planned.stage if planned else None),
            cell(tuple(donor.key for donor in timeline.donors)),
            str(len(timeline.documents)),
            _sources(labels, timeline.documents),
            str(len(timeline.claims)),
            cell(timeline.disputed),
        )


def _sources(labels: Sequence[str], positions: Sequence[int]) -> str:
    """The paths of the documents at `positions`, in input order, the first few only."""
    shown = [labels[position] for position in sorted(positions)[:_SOURCES_SHOWN]]
    more = len(positions) - len(shown)
    return _LIST_SEPARATOR.join(shown) + (f"{_LIST_SEPARATOR}… ({more} more)" if more else "")


def rollout_dict(timelines: Sequence[RegionTimeline], labels: Sequence[str]) -> dict[str, Any]:
    """The rollout as JSON-ready data: every region with every claim, and the documents.

    Claims refer to documents by position (``document``, with the document's
    title and date beside it); ``documents`` lists every document read, in input
    order, with where it was read from. A region whose code is a country's (no
    hyphen) holds that country's nationwide phases.
    """
    regions = []
    for timeline in rollout_order(timelines):
        claims = [
            {
                "document": claim.document,
                "title": claim.title,
                "published": _json_date(claim.published),
                "stage": claim.stage.value,
                "status": claim.status.value,
                "start": claim.start,
                "end": claim.end,
                "donors": [donor.key for donor in claim.donors],
            }
            for claim in timeline.claims
        ]
        regions.append(
            {
                "code": timeline.code,
                "name": timeline.name,
                "country": country_of(timeline.code) or None,
                "joined": timeline.joined,
                "stage": timeline.stage.value if timeline.stage else None,
                "donors": [donor.key for donor in timeline.donors],
                "documents": sorted(timeline.documents),
                "disputed": timeline.disputed,
                "claims": claims,
            }
        )
    documents = [{"document": position, "path": label} for position, label in enumerate(labels)]
    return {"regions": regions, "documents": documents}


def _json_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def row_name(timeline: RegionTimeline) -> str:
    """The name of a rollout row for people: the region's, or "Ukraine (whole country)"."""
    if not is_whole_country(timeline):
        return timeline.name
    return f"{timeline.name} (whole country)" if timeline.code else "Whole country (not named)"


def rollout_table(timelines: Sequence[RegionTimeline], documents: int) -> str:
    """The rollout as a plain-text table for the terminal, with a one-line summary.

    Regions the corpus only expects to join show the planned year and stage,
    marked "(planned)"; disputed regions are flagged in the last column; a
    country's nationwide phases have a row of their own, "(whole country)".
    """
    header = ("CODE", "REGION", "JOINED", "STAGE", "DONORS", "DOCS", "DISPUTED")
    rows = [header]
    ordered = rollout_order(timelines)
    for timeline in ordered:
        joined, stage = cell(timeline.joined), cell(timeline.stage)
        planned = _planned(timeline)
        if timeline.joined is None and planned is not None:
            joined = f"{cell(planned.year) or '?'} (planned)"
        if timeline.stage is None and planned is not None:
            stage = f"{planned.stage.value} (planned)"
        rows.append(
            (
                timeline.code or "-",
                row_name(timeline),
                joined or "-",
                stage or "-",
                ", ".join(donor.key for donor in timeline.donors) or "-",
                str(len(timeline.documents)),
                "yes" if timeline.disputed else "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    disputed = sum(1 for timeline in ordered if timeline.disputed)
    countries = sum(1 for timeline in ordered if is_whole_country(timeline))
    lines.append("")
    lines.append(
        _count(len(ordered) - countries, "region")
        + (f" and {_count(countries, 'country')} as a whole" if countries else "")
        + f" from {_count(documents, 'document')}"
        + (f", {disputed} disputed" if disputed else "")
    )
    return "\n".join(lines) + "\n"


def _count(number: int, noun: str) -> str:
    if number == 1:
        return f"1 {noun}"
    return f"{number:,} {noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


# --------------------------------------------------------------------------- JSON-LD

_OSCE: Final = {
    "@type": "Organization",
    "name": "Organization for Security and Co-operation in Europe",
    "alternateName": "OSCE",
    "url": "https://www.osce.org",
}
_DESCRIPTION_LIMIT: Final = 500
_GENRES: Final = {"op_ed": "Op-ed"}


def to_jsonld(document: Document, *, body: bool = False) -> dict[str, Any]:
    """The document as a schema.org ``NewsArticle`` in JSON-LD.

    What search engines and knowledge graphs read: ``headline``, ``genre`` (the
    kind), ``datePublished``, ``dateline`` and ``locationCreated`` (from the
    dateline), ``description`` (the lead paragraph, without its dateline),
    ``publisher`` (the OSCE) and ``sourceOrganization`` (the office), ``about``
    (the fields of work), ``spatialCoverage`` (regions as ``AdministrativeArea``
    with their ISO 3166-2 ``identifier``), ``funder`` (states as
    ``GovernmentOrganization`` with their ISO 3166-1 ``identifier``, others as
    ``Organization``), and ``mentions`` (programmes, and the people quoted).
    Keys with unknown values are left out.

    Args:
        document: The document.
        body: Also write the whole text as ``articleBody``. Off by default: the
            JSON-LD describes the article; the article itself is the page.
    """
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle"}
    if document.title is not None:
        data["headline"] = document.title
    data["genre"] = _GENRES.get(document.kind.value, document.kind.value.replace("_", " "))
    data["inLanguage"] = "en"
    if document.published is not None:
        data["datePublished"] = document.published.isoformat()
    dateline = _dateline_text(document)
    if dateline is not None:
        data["dateline"] = dateline
    if document.dateline is not None and document.dateline.place is not None:
        place: dict[str, Any] = {"@type": "Place", "name": document.dateline.place}
        if document.dateline.country is not None:
            place["containedInPlace"] = {"@type": "Country", "name": document.dateline.country}
        data["locationCreated"] = place
    lead = _lead(document)
    if lead is not None:
        data["description"] = lead
    if body and document.body:
        data["articleBody"] = document.text
    data["wordCount"] = sum(len(block.text.split()) for block in document.body)
    data["publisher"] = dict(_OSCE)
    if document.source is not None:
        data["sourceOrganization"] = {
            "@type": "Organization",
            "name": document.source.name,
            "parentOrganization": dict(_OSCE),
        }
    about = [cell(field) for field in document.fields_of_work]
    if about:
        data["about"] = [{"@type": "Thing", "name": name} for name in about]
    if document.regions:
        data["spatialCoverage"] = [_jsonld_region(region) for region in document.regions]
    if document.donors:
        data["funder"] = [_jsonld_funder(donor.name, donor.country) for donor in document.donors]
    mentions = _jsonld_mentions(document)
    if mentions:
        data["mentions"] = mentions
    return data


def _lead(document: Document) -> str | None:
    """The first paragraph without its dateline, cut to a description's length."""
    paragraph = next((block for block in document.body if isinstance(block, Paragraph)), None)
    if paragraph is None:
        return None
    text = paragraph.text
    if document.dateline is not None and text.startswith(document.dateline.text):
        text = text[len(document.dateline.text) :]
    text = " ".join(text.split())
    if len(text) > _DESCRIPTION_LIMIT:
        text = text[: _DESCRIPTION_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    return text or None


def _jsonld_region(region: Region) -> dict[str, Any]:
    country: dict[str, Any] = {"@type": "Country", "identifier": region.country}
    name = _country_name(region.country)
    if name is not None:
        country["name"] = name
    place: dict[str, Any] = {"@type": "AdministrativeArea", "name": region.name}
    if region.code is not None:  # a place without a code is named, not identified
        place["identifier"] = region.code
    place["containedInPlace"] = country
    return place


def _jsonld_funder(name: str, country: str | None) -> dict[str, Any]:
    if country is None:
        return {"@type": "Organization", "name": name}
    area = {"@type": "Country", "identifier": country, "name": _country_name(country) or name}
    return {
        "@type": "GovernmentOrganization",
        "name": name,
        "identifier": country,
        "areaServed": area,
    }


def _jsonld_mentions(document: Document) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for programme in document.programmes:
        item: dict[str, Any] = {"@type": "Thing", "name": programme.name}
        if programme.acronym is not None:
            item["alternateName"] = programme.acronym
        found.append(item)
    people: dict[str, dict[str, Any]] = {}
    for quote in document.quotes:
        speaker = quote.speaker
        person = people.setdefault(speaker.name, {"@type": "Person", "name": speaker.name})
        if speaker.title is not None:
            person.setdefault("honorificPrefix", speaker.title)
        if speaker.role is not None:
            person.setdefault("jobTitle", speaker.role)
    found.extend(people.values())
    return found
