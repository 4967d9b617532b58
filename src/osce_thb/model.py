"""The typed domain model: what a page says, and the domain behind the text.

Every class is an attrs value: frozen (immutable, hashable), slotted and
keyword-only, with tuples rather than lists inside. Constructors check their
invariants and raise `ModelError` (a `ValueError`) naming
the field, so that an impossible document cannot exist, whether it was built by
the parser, read from JSON or written by hand.

Items found in the body point back to the text they came from with
`Mention`s: the surface form and the index of the body block
it stands in.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from osce_thb import gazetteer as _gazetteer  # cheap: its data loads on first lookup
from osce_thb.errors import ModelError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "Abbreviation",
    "Block",
    "Dateline",
    "Document",
    "DocumentKind",
    "Donor",
    "FieldOfWork",
    "Figure",
    "Heading",
    "ListItem",
    "Mention",
    "NrmPhase",
    "Paragraph",
    "Person",
    "PhaseStage",
    "PhaseStatus",
    "Programme",
    "Quote",
    "Region",
    "RelatedItem",
    "Source",
    "Speaker",
    "UnparsedLine",
]


# --------------------------------------------------------------------------- enums


class DocumentKind(enum.Enum):
    """What sort of item a page is, as osce.org labels it above the title."""

    PRESS_RELEASE = "press_release"
    STORY = "story"
    NEWS_ITEM = "news_item"
    EVENT = "event"
    FEATURE = "feature"
    SPEECH = "speech"
    STATEMENT = "statement"
    INTERVIEW = "interview"
    OP_ED = "op_ed"
    PUBLICATION = "publication"
    OTHER = "other"
    """Not labelled, or labelled with something this library does not know."""


class FieldOfWork(enum.Enum):
    """The OSCE's fields of work, as osce.org names them.

    A page may name a field that is not listed here; the model keeps such names
    as plain strings beside the members of this enum (see `Document.fields_of_work`).
    """

    ARMS_CONTROL = "Arms control"
    BORDER_MANAGEMENT = "Border management"
    COMBATING_TRAFFICKING = "Combating trafficking in human beings"
    CONFLICT_PREVENTION = "Conflict prevention and resolution"
    COUNTERING_TERRORISM = "Countering terrorism"
    CYBER_ICT_SECURITY = "Cyber/ICT Security"
    DEMOCRATIZATION = "Democratization"
    ECONOMIC_ACTIVITIES = "Economic activities"
    EDUCATION = "Education"
    ELECTIONS = "Elections"
    ENVIRONMENTAL_ACTIVITIES = "Environmental activities"
    GENDER_EQUALITY = "Gender equality"
    GOOD_GOVERNANCE = "Good governance"
    HUMAN_RIGHTS = "Human rights"
    MEDIA_FREEDOM = "Media freedom and development"
    MIGRATION = "Migration"
    NATIONAL_MINORITY_ISSUES = "National minority issues"
    POLICING = "Policing"
    SECURITY_SECTOR_REFORM = "Reform and co-operation in the security sector"
    ROMA_AND_SINTI = "Roma and Sinti"
    RULE_OF_LAW = "Rule of law"
    TOLERANCE = "Tolerance and non-discrimination"
    YOUTH = "Youth"

    @classmethod
    def lookup(cls, name: str) -> FieldOfWork | None:
        """The member whose name matches `name` (ignoring case and spacing), if any."""
        return _FIELD_BY_KEY.get(_fold(name))


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


_FIELD_BY_KEY = {_fold(member.value): member for member in FieldOfWork}


class PhaseStage(enum.Enum):
    """How far the rollout of a National Referral Mechanism had come in a phase."""

    PILOT = "pilot"
    EXPANSION = "expansion"
    NATIONAL = "national"


class PhaseStatus(enum.Enum):
    """Where a phase stood on the date of the document that reports it."""

    COMPLETED = "completed"
    ONGOING = "ongoing"
    PLANNED = "planned"


# --------------------------------------------------------------------------- validators


def _fail(
    instance: object,
    attribute: attrs.Attribute[Any],
    value: object,
    reason: str,
    *,
    show: bool = True,
) -> None:
    """Raise the `ModelError` of `value` at `attribute`, the value shown if `show`."""
    field = f"{type(instance).__name__}.{attribute.name}"
    if show and repr(value) not in reason:
        reason = f"{reason}, got {value!r}"
    raise ModelError(field, value, reason)


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A required, non-blank string."""
    if type(value) is str and value and not value.isspace():
        return  # the common case first: validators run for every object the parser makes
    if not isinstance(value, str):
        _fail(instance, attribute, value, "must be a string")
    elif not value.strip():
        _fail(instance, attribute, value, "must not be blank")


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-blank string, or None when unknown."""
    if value is not None:
        _text(instance, attribute, value)


def _optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, _dt.date) or isinstance(value, _dt.datetime)):
        _fail(instance, attribute, value, "must be a datetime.date or None")


def _index(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A count or position: an int, not a bool, not negative."""
    if type(value) is int and value >= 0:
        return  # the common case first
    if not isinstance(value, int) or isinstance(value, bool):
        _fail(instance, attribute, value, "must be an int")
    elif value < 0:
        _fail(instance, attribute, value, "must not be negative")


def _optional_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        _fail(instance, attribute, value, "must be an int year or None")
    elif not 1900 <= value <= 2200:
        _fail(instance, attribute, value, "must be a year between 1900 and 2200")


def _bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        _fail(instance, attribute, value, "must be a bool")


def _member_of(enum_type: type[enum.Enum]) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum_type):
            _fail(instance, attribute, value, f"must be a {enum_type.__name__}")

    return check


def _tuple_of(*types: type) -> Any:
    """A tuple whose items are all instances of `types`."""
    names = " or ".join(t.__name__ for t in types)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            _fail(instance, attribute, value, "must be a tuple")
            return
        for item in value:
            if not isinstance(item, types):
                position = next(i for i, other in enumerate(value) if other is item)
                _fail(instance, attribute, item, f"item {position} must be a {names}")

    return check


_strings = _tuple_of(str)  # built once: validators run for every object the parser makes
_field_items = _tuple_of(FieldOfWork, str)


def _check_region_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is str and value in _REGION_COUNTRY:
        return  # a code checked before
    if not isinstance(value, str) or not _gazetteer.is_region_code(value):
        _fail(instance, attribute, value, f"unknown region code {value!r}")
        return
    country = _gazetteer.region(value).country
    if _gazetteer.is_place_country(country):  # as `_place_country` checks it
        _REGION_COUNTRY[value] = country


_REGION_COUNTRY: dict[str, str] = {}
"""The country of each region code checked so far: models check the same codes over and over."""


def _optional_region_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_region_code(instance, attribute, value)


def _place_country(instance: Region, attribute: attrs.Attribute[Any], value: object) -> None:
    """A place's country: known, and the code's own; may be left out when there is a code."""
    code = instance.code
    if type(code) is str and type(value) is str and value and _REGION_COUNTRY.get(code) == value:
        return  # a checked code, and its own country
    if not isinstance(value, str):
        _fail(instance, attribute, value, "must be a string")
        return
    if not value:
        if code is None:
            _fail(instance, attribute, value, "a place without a code needs its country")
        return
    if not _gazetteer.is_place_country(value):
        _fail(instance, attribute, value, f"unknown country code {value!r}")
    elif isinstance(code, str) and _gazetteer.is_region_code(code):
        own = _gazetteer.region(code).country
        if own != value:
            _fail(instance, attribute, value, f"region {code} is in {own!r}, not {value!r}")


def _optional_country_code(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and (not isinstance(value, str) or not _gazetteer.is_country_code(value)):
        _fail(instance, attribute, value, f"unknown ISO 3166-1 alpha-2 country code {value!r}")


def _fields_of_work(value: Iterable[FieldOfWork | str]) -> tuple[FieldOfWork | str, ...]:
    """Turn names of known fields into `FieldOfWork` members; keep unknown names as written."""
    if isinstance(value, str | bytes):  # a lone string is not a list of fields
        return value  # type: ignore[return-value]  # rejected by the validator
    return tuple(
        (FieldOfWork.lookup(item) or item) if isinstance(item, str) else item for item in value
    )


def _field_names(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _field_items(instance, attribute, value)
    for item in value:  # type: ignore[attr-defined]
        if isinstance(item, str) and not item.strip():
            _fail(instance, attribute, item, "a field of work must not be blank")


# --------------------------------------------------------------------------- the text


@attrs.frozen(kw_only=True)
class Source:
    """The OSCE office a page comes from.

    Attributes:
        name: The office, without the "(closed)" marker.
        closed: Whether the page marks the office as closed.
    """

    name: str = attrs.field(validator=_text)
    closed: bool = attrs.field(default=False, validator=_bool)


@attrs.frozen(kw_only=True)
class Dateline:
    """The lead of the first paragraph: where and when the story was filed.

    Attributes:
        place: The place, as a name ("Donetsk", "Tbilisi/Batumi"), if given.
        country: The country, when the dateline names one ("Ukraine").
        date: The date, if given.
        text: The dateline exactly as it stands in the text, dash included.
    """

    place: str | None = attrs.field(default=None, validator=_optional_text)
    country: str | None = attrs.field(default=None, validator=_optional_text)
    date: _dt.date | None = attrs.field(default=None, validator=_optional_date)
    text: str = attrs.field(validator=_text)


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of the body (one line of the raw text).

    Attributes:
        text: The paragraph, with glossary tooltips restored.
    """

    text: str = attrs.field(validator=_text)


@attrs.frozen(kw_only=True)
class Heading:
    """A subheading of the body: a short line without closing punctuation.

    Attributes:
        text: The heading.
    """

    text: str = attrs.field(validator=_text)


@attrs.frozen(kw_only=True)
class ListItem:
    """An item of a bulleted or dashed list in the body, without its bullet.

    Attributes:
        text: The item, without its bullet.
    """

    text: str = attrs.field(validator=_text)


Block: TypeAlias = Paragraph | Heading | ListItem
"""A block of the body; JSON tells them apart by `"type"`."""


@attrs.frozen(kw_only=True)
class Abbreviation:
    """An abbreviation the text defines, inline or with a glossary tooltip.

    Attributes:
        short: The abbreviation as written ("NRM", "NGOs").
        long: What it stands for ("National Referral Mechanism").
    """

    short: str = attrs.field(validator=_text)
    long: str = attrs.field(validator=_text)


@attrs.frozen(kw_only=True)
class Speaker:
    """Who is quoted, as the attribution gives it.

    The role belongs to the quote, not to the person for ever: the same person
    may hold other roles in other documents.

    Attributes:
        name: The person's name ("Madina Jarbussynova").
        title: An honorific or rank before the name ("Ambassador", "Dr").
        role: The role after the name ("OSCE Project Co-ordinator in Ukraine").
    """

    name: str = attrs.field(validator=_text)
    title: str | None = attrs.field(default=None, validator=_optional_text)
    role: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Quote:
    """Words the text attributes to a speaker.

    Attributes:
        text: The quoted words, without the quotation marks.
        speaker: Who said them.
        block: The index in `Document.body` of the block the quote stands in.
    """

    text: str = attrs.field(validator=_text)
    speaker: Speaker = attrs.field(validator=attrs.validators.instance_of(Speaker))
    block: int = attrs.field(default=0, validator=_index)


@attrs.frozen(kw_only=True)
class Mention:
    """Where the text names something: the surface form and the block it stands in.

    Attributes:
        text: The words as written ("Vinnytsya", "the Danish Foreign Ministry").
        block: The index in `Document.body` of the block.
        start: The character offset of `text` within that block's text.
    """

    text: str = attrs.field(validator=_text)
    block: int = attrs.field(validator=_index)
    start: int = attrs.field(default=0, validator=_index)


def _texts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of non-blank strings, each once."""
    _strings(instance, attribute, value)
    seen = set()
    for item in value:  # type: ignore[attr-defined]
        if not item.strip():
            _fail(instance, attribute, item, "an item must not be blank")
        if item in seen:
            _fail(instance, attribute, item, f"{item!r} is listed twice")
        seen.add(item)


@attrs.frozen(kw_only=True)
class Person:
    """Someone the text names: a person, never an office, an organisation or a group.

    One person is one `Person`, however the text refers to them: by full name,
    by surname, by title and surname ("Ambassador Koval"), by a possessive
    ("Koval’s"), or in another spelling of the name.

    Attributes:
        name: The name in its fullest form in the text, without a title ("Anna Koval").
        titles: The titles the text puts before the name ("Ambassador", "Ms."), each once.
        roles: The roles the text gives the person ("OSCE Project Co-ordinator in
            Ukraine"), each once, in order of appearance.
        mentions: Where the text names the person, in every form, title included.
    """

    name: str = attrs.field(validator=_text)
    titles: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    roles: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    mentions: tuple[Mention, ...] = attrs.field(default=(), validator=_tuple_of(Mention))


@attrs.frozen(kw_only=True)
class Figure:
    """A counted quantity: "some 200 social service providers".

    Attributes:
        value: The number (words such as "six" are turned into numbers).
        qualifier: A hedge before it ("some", "almost", "over", "more than"), if any.
        counted: What it counts ("social service providers"), when the text says.
        text: The figure as written, qualifier included ("almost 4,000").
        block: The index in `Document.body` of the block it stands in.
    """

    value: int = attrs.field(validator=_index)
    qualifier: str | None = attrs.field(default=None, validator=_optional_text)
    counted: str | None = attrs.field(default=None, validator=_optional_text)
    text: str = attrs.field(validator=_text)
    block: int = attrs.field(default=0, validator=_index)


# --------------------------------------------------------------------------- the domain


@attrs.frozen(kw_only=True)
class Region:
    """A place of any country: a first-level subdivision by its ISO 3166-2 code, or a named place.

    Towns count towards the first-level unit that contains them: "Mariupol" is a
    mention of UA-14, "Khujand" of TJ-SU. A place that has no ISO 3166-2 code of
    its own (a municipality of Kosovo, the City of Skopje) keeps its country and
    name, with no code.

    Attributes:
        code: The ISO 3166-2 code ("UA-14"), which must be in the library's
            gazetteer; ``None`` for a place without a code.
        country: The country ("UA"): ISO 3166-1 alpha-2, or "XK" for Kosovo; the
            code's country when there is a code. Documents written before places
            had a country leave it out: it is then read from the code.
        name: Its English name ("Donetsk Oblast", "Pristina").
        mentions: Where the text names it, in every spelling found.
    """

    code: str | None = attrs.field(default=None, validator=_optional_region_code)
    country: str = attrs.field(default="", validator=_place_country)
    name: str = attrs.field(validator=_text)
    mentions: tuple[Mention, ...] = attrs.field(default=(), validator=_tuple_of(Mention))

    def __attrs_post_init__(self) -> None:
        if not self.country and self.code is not None:  # written before places had a country
            object.__setattr__(self, "country", _gazetteer.region(self.code).country)

    @classmethod
    def from_code(cls, code: str) -> Region:
        """The region with ISO 3166-2 `code`, named as the gazetteer names it, without mentions.

        Handy where a region is given by its code, as in a phase built by hand:
        ``Region.from_code("UA-46")`` is Lviv Oblast.

        Raises:
            ModelError: The gazetteer does not know `code`.
        """
        given: object = code  # anything, from an untyped caller
        if not isinstance(given, str) or not _gazetteer.is_region_code(given):
            field, reason = "Region.code", f"unknown region code {code!r}"
            raise ModelError(field, code, reason)
        return cls(code=code, name=_gazetteer.region(code).name)

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The distinct spellings found, in order of first appearance."""
        return tuple(dict.fromkeys(m.text for m in self.mentions))


@attrs.frozen(kw_only=True)
class Donor:
    """Who funded the work: a state (with its ISO 3166-1 code) or an organisation.

    Attributes:
        name: The donor's name ("Denmark", "European Union").
        country: The ISO 3166-1 alpha-2 code when the donor is a state or a state's
            organ ("DK" for "the Danish Foreign Ministry"); ``None`` for organisations.
        mentions: Where the text names it as a funder.
    """

    name: str = attrs.field(validator=_text)
    country: str | None = attrs.field(default=None, validator=_optional_country_code)
    mentions: tuple[Mention, ...] = attrs.field(default=(), validator=_tuple_of(Mention))

    @classmethod
    def from_country(cls, code: str) -> Donor:
        """The state with ISO 3166-1 alpha-2 `code` as a donor, without mentions.

        ``Donor.from_country("DK")`` is Denmark, named as the gazetteer names it.

        Raises:
            ModelError: The gazetteer does not know `code`.
        """
        given: object = code  # anything, from an untyped caller
        if not isinstance(given, str) or not _gazetteer.is_country_code(given):
            field, reason = "Donor.country", f"unknown ISO 3166-1 alpha-2 country code {code!r}"
            raise ModelError(field, code, reason)
        return cls(name=_gazetteer.country(code).name, country=code)

    @property
    def key(self) -> str:
        """What tells donors apart: the country code for states, else the name."""
        return self.country or self.name


@attrs.frozen(kw_only=True)
class Programme:
    """A programme or mechanism the text names (a referral mechanism, a hotline...).

    Attributes:
        name: The programme's name ("National Referral Mechanism").
        acronym: Its acronym, when the text defines one ("NRM").
        mentions: Where the text names it, by name or acronym.
    """

    name: str = attrs.field(validator=_text)
    acronym: str | None = attrs.field(default=None, validator=_optional_text)
    mentions: tuple[Mention, ...] = attrs.field(default=(), validator=_tuple_of(Mention))


def _years_in_order(instance: NrmPhase, attribute: attrs.Attribute[Any], value: object) -> None:
    _optional_year(instance, attribute, value)
    if value is not None and instance.start is not None and instance.start > value:  # type: ignore[operator]
        _fail(instance, attribute, value, f"must not be before start ({instance.start})")


def _coded(coded: bool) -> Any:
    """A tuple of `Region`s that all have a code (`coded`), or that all have none."""
    regions = _tuple_of(Region)
    reason = "must have an ISO 3166-2 code" if coded else "has a code: it belongs in regions"

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        regions(instance, attribute, value)
        items: tuple[Region, ...] = value  # type: ignore[assignment]
        for position, region in enumerate(items):
            if (region.code is None) is coded:
                _fail(instance, attribute, region, f"item {position} {reason}", show=False)

    return check


_coded_regions = _coded(True)
_uncoded_places = _coded(False)


def _without_mentions(check: Any, noun: str) -> Any:
    """`check`, and each item (a `Region` or a `Donor`) has no mentions of its own."""

    def without(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check(instance, attribute, value)
        items: tuple[Region | Donor, ...] = value  # type: ignore[assignment]
        for position, item in enumerate(items):
            if item.mentions:
                _fail(
                    instance,
                    attribute,
                    item,
                    f"item {position} has mentions: a phase names the {noun} of the document,"
                    " and its own mentions say where",
                    show=False,
                )

    return without


_phase_regions = _without_mentions(_coded_regions, "regions")
_phase_donors = _without_mentions(_tuple_of(Donor), "donors")


@attrs.frozen(kw_only=True)
class NrmPhase:
    """A phase of a National Referral Mechanism's rollout.

    Attributes:
        stage: Pilot, expansion or national rollout.
        status: Completed, ongoing or planned, relative to the document's date.
        start: The first year of the phase, when the text gives it.
        end: The last year, when the text gives it; never before `start`.
        regions: The regions the phase covers: the document's `Region`s that the
            phase's sentence names, each with its code, without mentions (the
            phase's own mentions say where). Empty for a nationwide phase.
        donors: The donors that funded it: the document's `Donor`s, without mentions.
        mentions: The sentences the phase was read from.
    """

    stage: PhaseStage = attrs.field(validator=_member_of(PhaseStage))
    status: PhaseStatus = attrs.field(validator=_member_of(PhaseStatus))
    start: int | None = attrs.field(default=None, validator=_optional_year)
    end: int | None = attrs.field(default=None, validator=_years_in_order)
    regions: tuple[Region, ...] = attrs.field(default=(), validator=_phase_regions)
    donors: tuple[Donor, ...] = attrs.field(default=(), validator=_phase_donors)
    mentions: tuple[Mention, ...] = attrs.field(default=(), validator=_tuple_of(Mention))


# --------------------------------------------------------------------------- the page


@attrs.frozen(kw_only=True)
class RelatedItem:
    """An item of the related-content footer ("Discover more stories...").

    Attributes:
        kind: Its kind label.
        title: Its title.
        published: Its date, if shown.
        source: The office it comes from, if shown.
    """

    kind: DocumentKind = attrs.field(default=DocumentKind.OTHER, validator=_member_of(DocumentKind))
    title: str = attrs.field(validator=_text)
    published: _dt.date | None = attrs.field(default=None, validator=_optional_date)
    source: Source | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Source))
    )


@attrs.frozen(kw_only=True)
class UnparsedLine:
    """A line that was kept but not understood (site chrome, stray metadata...).

    Attributes:
        line: Its 1-based line number in the input.
        text: The line as it stood.
    """

    line: int = attrs.field(validator=_index)
    text: str = attrs.field(validator=_text)


def _people(instance: Document, attribute: attrs.Attribute[Any], value: object) -> None:
    """People, each named once."""
    _persons(instance, attribute, value)
    names: set[str] = set()
    for person in value:  # type: ignore[attr-defined]
        if person.name in names:
            _fail(instance, attribute, person.name, f"names {person.name!r} twice")
        names.add(person.name)


def _quotes(instance: Document, attribute: attrs.Attribute[Any], value: object) -> None:
    """Quotes whose speakers are among the document's people, by name.

    The people are checked when known: when JSON is read field by field, they
    come after the quotes, and the document as a whole is checked at the end.
    """
    _quote_items(instance, attribute, value)
    people: tuple[Person, ...] | None = instance.people
    if people is None:
        return
    names = {person.name for person in people}
    for quote in value:  # type: ignore[attr-defined]
        name = quote.speaker.name
        if name not in names:
            _fail(
                instance,
                attribute,
                name,
                f"the speaker {name!r} is not one of the document's people",
            )


_quote_items = _tuple_of(Quote)
_persons = _tuple_of(Person)


@attrs.frozen(kw_only=True)
class Document:
    """One OSCE page: its metadata, its body and what the body says.

    Attributes:
        kind: The kind label above the title; `DocumentKind.OTHER` when absent.
        title: The title, or ``None`` for copies that start at the dateline.
        published: The publication date: the metadata date, else the dateline's.
        source: The office the page comes from, if the page says.
        fields_of_work: The fields of work: `FieldOfWork` members, and the names of
            fields this library does not know, kept as strings.
        dateline: The dateline of the first paragraph, if there is one.
        body: Paragraphs, headings and list items, in order.
        abbreviations: Abbreviations the text defines, one per short form: those of
            glossary tooltips first, then those defined inline, each in text order.
        quotes: Quoted words with their speakers.
        people: The people the body names, in order of first mention; every
            speaker of a quote is one of them, by name.
        figures: Counted quantities.
        regions: The first-level subdivisions (ISO 3166-2, of any country) the body
            names, directly or through a town in them, in order of first mention.
        other_places: Places the body names that have no ISO 3166-2 code of their own
            (a municipality of Kosovo, the City of Skopje), with their country, in
            order of first mention. They are kept apart from `regions`, so that every
            region has a code to count and join on.
        donors: Funders the body names, in order of first mention.
        programmes: Programmes and mechanisms the body names.
        nrm_phases: Phases of a National Referral Mechanism's rollout.
        related: Items of the related-content footer.
        unparsed: Lines kept but not understood, with their line numbers.
    """

    kind: DocumentKind = attrs.field(default=DocumentKind.OTHER, validator=_member_of(DocumentKind))
    title: str | None = attrs.field(default=None, validator=_optional_text)
    published: _dt.date | None = attrs.field(default=None, validator=_optional_date)
    source: Source | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Source))
    )
    fields_of_work: tuple[FieldOfWork | str, ...] = attrs.field(
        default=(), converter=_fields_of_work, validator=_field_names
    )
    dateline: Dateline | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Dateline))
    )
    body: tuple[Block, ...] = attrs.field(
        default=(), validator=_tuple_of(Paragraph, Heading, ListItem)
    )
    abbreviations: tuple[Abbreviation, ...] = attrs.field(
        default=(), validator=_tuple_of(Abbreviation)
    )
    quotes: tuple[Quote, ...] = attrs.field(default=(), validator=_quotes)
    people: tuple[Person, ...] = attrs.field(default=(), validator=_people)
    figures: tuple[Figure, ...] = attrs.field(default=(), validator=_tuple_of(Figure))
    regions: tuple[Region, ...] = attrs.field(default=(), validator=_coded_regions)
    other_places: tuple[Region, ...] = attrs.field(default=(), validator=_uncoded_places)
    donors: tuple[Donor, ...] = attrs.field(default=(), validator=_tuple_of(Donor))
    programmes: tuple[Programme, ...] = attrs.field(default=(), validator=_tuple_of(Programme))
    nrm_phases: tuple[NrmPhase, ...] = attrs.field(default=(), validator=_tuple_of(NrmPhase))
    related: tuple[RelatedItem, ...] = attrs.field(default=(), validator=_tuple_of(RelatedItem))
    unparsed: tuple[UnparsedLine, ...] = attrs.field(default=(), validator=_tuple_of(UnparsedLine))

    @property
    def text(self) -> str:
        """The body as plain text, one block per line."""
        return "\n".join(block.text for block in self.body)

    @property
    def headings(self) -> tuple[str, ...]:
        """The texts of the body's headings, in order."""
        return tuple(block.text for block in self.body if isinstance(block, Heading))
