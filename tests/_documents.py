"""Hand-built documents for the JSON and schema tests: one with every field set, one bare."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeAlias

from osce_thb import (
    Abbreviation,
    Dateline,
    Document,
    DocumentKind,
    Donor,
    FieldOfWork,
    Figure,
    Heading,
    ListItem,
    Mention,
    NrmPhase,
    Paragraph,
    Person,
    PhaseStage,
    PhaseStatus,
    Programme,
    Quote,
    Region,
    RelatedItem,
    Source,
    Speaker,
    UnparsedLine,
    to_dict,
)

Mutation: TypeAlias = Callable[[dict[str, Any]], None]
"""A change made in place to the JSON form of a document."""

UNKNOWN_FIELD = "Underwater basket weaving – „ünïcode“"
"""A field of work this library does not know: it stays a string."""


def full_document() -> Document:
    """A document with every field set: every block type, every optional value, non-ASCII text."""
    return Document(
        kind=DocumentKind.STORY,
        title="Ukraine’s referral mechanism reaches “Donetsk” – Київ café",
        published=dt.date(2013, 12, 1),
        source=Source(name="OSCE Project Co-ordinator in Ukraine", closed=True),
        fields_of_work=(FieldOfWork.COMBATING_TRAFFICKING, UNKNOWN_FIELD, FieldOfWork.MIGRATION),
        dateline=Dateline(
            place="Kyiv",
            country="Ukraine",
            date=dt.date(2013, 11, 29),
            text="KYIV, Ukraine, 29 November 2013 –",
        ),
        body=(
            Paragraph(text="KYIV, Ukraine, 29 November 2013 – Officials from Mariupol met."),
            Heading(text="A National Referral Mechanism (NRM)"),
            ListItem(text="some 200 social service providers in Donetsk Oblast"),
            Paragraph(
                text="“We are glad,” said Ambassador Madina Jarbussynova, OSCE Project"
                " Co-ordinator in Ukraine. The Danish Foreign Ministry funded it."
            ),
        ),
        abbreviations=(Abbreviation(short="NRM", long="National Referral Mechanism"),),
        quotes=(
            Quote(
                text="We are glad",
                speaker=Speaker(
                    name="Madina Jarbussynova",
                    title="Ambassador",
                    role="OSCE Project Co-ordinator in Ukraine",
                ),
                block=3,
            ),
        ),
        people=(
            Person(
                name="Madina Jarbussynova",
                titles=("Ambassador",),
                roles=("OSCE Project Co-ordinator in Ukraine",),
                mentions=(Mention(text="Ambassador Madina Jarbussynova", block=3, start=20),),
            ),
        ),
        figures=(
            Figure(
                value=200,
                qualifier="some",
                counted="social service providers",
                text="some 200",
                block=2,
            ),
        ),
        regions=(
            Region(
                code="UA-14",
                name="Donetsk Oblast",
                mentions=(
                    Mention(text="Mariupol", block=0, start=49),
                    Mention(text="Donetsk Oblast", block=2, start=37),
                ),
            ),
            Region(code="UA-30", name="Kyiv", mentions=(Mention(text="KYIV", block=0),)),
            Region(code="UA-32", name="Kyiv Oblast"),
        ),
        donors=(
            Donor(
                name="Denmark",
                country="DK",
                mentions=(Mention(text="The Danish Foreign Ministry", block=3, start=90),),
            ),
        ),
        programmes=(
            Programme(
                name="National Referral Mechanism",
                acronym="NRM",
                mentions=(Mention(text="National Referral Mechanism", block=1, start=2),),
            ),
        ),
        nrm_phases=(
            NrmPhase(
                stage=PhaseStage.PILOT,
                status=PhaseStatus.COMPLETED,
                start=2012,
                end=2013,
                regions=(
                    Region(code="UA-14", name="Donetsk Oblast"),
                    Region(code="UA-30", name="Kyiv"),
                ),
                donors=(Donor(name="Denmark", country="DK"),),
                mentions=(Mention(text="Officials from Mariupol met.", block=0, start=34),),
            ),
        ),
        related=(
            RelatedItem(
                kind=DocumentKind.PRESS_RELEASE,
                title="OSCE trains Ukrainian police",
                published=dt.date(2014, 2, 3),
                source=Source(name="OSCE Project Co-ordinator in Ukraine"),
            ),
        ),
        unparsed=(UnparsedLine(line=7, text="Share this page ✉"),),
    )


def minimal_document() -> Document:
    """A document with every value absent or empty, and items with only their required fields."""
    return Document(
        body=(Paragraph(text="– Text."),),  # the dateline "–" leads it
        quotes=(Quote(text="Yes", speaker=Speaker(name="A. Person")),),
        people=(Person(name="A. Person"),),
        figures=(Figure(value=0, text="none"),),
        donors=(Donor(name="European Union"),),
        programmes=(Programme(name="Hotline"),),
        nrm_phases=(NrmPhase(stage=PhaseStage.NATIONAL, status=PhaseStatus.PLANNED),),
        related=(RelatedItem(title="Elsewhere"),),
        dateline=Dateline(text="–"),
    )


def full_json(*mutations: Mutation) -> dict[str, Any]:
    """The JSON of `full_document()`, as a fresh dict, with `mutations` applied."""
    data = to_dict(full_document())
    for mutate in mutations:
        mutate(data)
    return data


def put(path: tuple[str | int, ...], value: object) -> Mutation:
    """A change to the JSON of `full_document()`: set the value at `path`."""

    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def drop(path: tuple[str | int, ...]) -> Mutation:
    """A change to the JSON of `full_document()`: remove the key at `path`."""

    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate
