"""Hypothesis strategies for the model and the raw text, for property tests that use osce_thb.

Install the ``testing`` extra (``pip install "osce-thb[testing]"``) to use this
module; ``import osce_thb`` itself never imports hypothesis. Every strategy is
typed, valid by construction (real region and country codes, real dates,
phases consistent with the document's date, mentions that point into the
body) and narrowed by keyword-only arguments. Once the package is installed,
``st.from_type(osce_thb.Document)`` (and every other model class) draws from
these strategies too: they are registered when hypothesis is imported.

Example:
    A property test of your own::

        from hypothesis import given

        import osce_thb
        from osce_thb import strategies as ost


        @given(ost.documents(kind=osce_thb.DocumentKind.STORY, with_dateline=True))
        def test_stories_survive_json(doc: osce_thb.Document) -> None:
            assert osce_thb.from_json(osce_thb.to_json(doc)) == doc


        @given(ost.raw_pages())
        def test_my_pipeline_reads_every_page(text: str) -> None:
            assert osce_thb.parse(text).body

The raw text format, as `documents` guarantees it (the specification the
renderer and the parser share; a document that breaks one of these rules
cannot be written so that the parser reads it back):

* Lines are stripped: no text starts or ends with white space, and none holds a
  line break.
* The title is never a kind label ("Story"), site chrome ("Newsroom"), a
  metadata bullet ("- Date:"), a menu item ("-", "- Home") or a dateline, and
  never repeats a body line. It is ``None`` only for a copy that starts at the
  dateline.
* A short title (four words or fewer) is not followed by a heading: copies put
  short section labels ("Local") above the headline, so the parser reads a short
  line above a headline-like line as a label, and the line below it as the title.
* The dateline leads the first paragraph and is its prefix, followed by the
  rest of the paragraph: `Dateline.text` is exactly what the parser reads
  (place, [country], [date], [(agency)], dash), `Dateline.place` is the place
  as a name ("ZELMAR" reads as "Zelmar"). A document without a dateline has no
  paragraph that reads as one among its first four blocks.
* A dated dateline implies a publication date (the parser falls back to the
  dateline's date when ``- Date:`` is empty). `DocumentKind.OTHER` (no kind
  line) implies no dateline (the parser takes a page with a dateline and no
  kind line for a press release).
* Paragraphs end with closing punctuation (so that none reads as a heading),
  and none starts with a bullet, a dash, a reposting note ("Source:"), or
  reads as a standalone date.
* Headings are short (at most 14 words and 120 characters), start with a
  capital letter or a digit, end without closing punctuation, and are followed
  by a paragraph or a list item (never by another heading, never last).
* List items are written with a "• " bullet (the renderer takes another one
  when that line would not read back: see `osce_thb.render`).
* No two body lines are the same (ignoring case and spacing, the bullet
  included): the parser drops repeats, or keeps them in `Document.unparsed`,
  and the renderer refuses them. (The strategies number a repeat they
  happen to draw: "Vorlan #3".)
* Fields of work are `FieldOfWork` members or names without commas; source
  names do not end in "(closed)".
* Related items have a kind other than `DocumentKind.OTHER` (the label starts
  the item), and the first one has a date (the parser finds the footer by a
  kind line, a title, then a date). Their sources are not dates.
* The renderer takes care of the rest: it writes three footer heading lines
  (the parser takes up to three heading-like lines before the first related
  item for the footer's, so no body line is taken for one), and it keeps a
  line that ends in a doubled term ("NGONGO") apart from a next line that
  would spell it out, so that the parser does not join them as a tooltip.

Text comes from a small vocabulary of made-up words, with some Cyrillic and
accented letters, so that examples shrink well and stay readable.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Literal

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from osce_thb import gazetteer
from osce_thb._dates import MONTH_NAMES
from osce_thb._render import render
from osce_thb.model import (
    Abbreviation,
    Block,
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
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "abbreviations",
    "blocks",
    "carried",
    "datelines",
    "dates",
    "documents",
    "donors",
    "figures",
    "headings",
    "list_items",
    "mentions",
    "nrm_phases",
    "paragraphs",
    "people",
    "programmes",
    "quotes",
    "raw_pages",
    "regions",
    "related_items",
    "sources",
    "speakers",
    "unparsed_lines",
]

Layout = Literal["page", "bare"]
"""The layouts `osce_thb.render` writes: the full osce.org page, or a bare copy."""

# --------------------------------------------------------------------------- vocabulary

_WORDS = (
    "vorlan",
    "brelt",
    "quisa",
    "tamber",
    "olvik",
    "drenna",
    "sulp",
    "fennic",
    "marobe",
    "traske",
    "wimbel",
    "pralo",
    "kestin",
    "ulvar",
    "nobe",
    "gristen",
    "halve",
    "ozzle",
    "co-plinth",
    "громада",
    "зірка",
    "déliva",
    "šolta",
    "ñandu",
)
_NAMES = ("Zelmar", "Brellin", "Tarvik", "Ostra", "Ćelvo", "Зорян", "Åsvik", "Quill")
_ACRONYMS = ("VTA", "ZRK", "QBL", "DRN")
_NUMBERS = ("12", "300", "4,500", "seven")
_TOKENS = (*_WORDS, *_NAMES, *_ACRONYMS, *_NUMBERS)
_PLACES = ("Zelmar", "Brellin", "Tarvik", "Nova Ostra", "Ćelvo", "Зорян", "Åsvik", "Ost-Brellin")
_COUNTRIES = ("Vorlandia", "Ostravia", "Republic of Quill", "Зорянія")
_DASHES = ("–", "-", "—")
_HONORIFICS = ("Ambassador", "Dr", "Judge")
_QUALIFIERS = ("some", "almost", "over", "more than")
_ORGANISATIONS = ("Vorlan Foundation", "Tamber Fund", "Fond Зорян")
_OFFICES = ("Mission to", "Office in", "Project Co-ordinator in", "Programme Office in")
_KINDS = tuple(kind for kind in DocumentKind if kind is not DocumentKind.OTHER)
_FIRST_YEAR, _LAST_YEAR = 1990, 2035
_MIN_DATE = dt.date(_FIRST_YEAR, 1, 1)
_MAX_DATE = dt.date(_LAST_YEAR, 12, 31)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


_COMMA_TOKENS = (*_TOKENS, *(word + "," for word in (*_WORDS[:8], *_NAMES[:3])))
_FIRST_WORDS = st.sampled_from((*_WORDS, *_NAMES)).map(lambda word: word[:1].upper() + word[1:])
_PERSONS = st.builds(lambda a, b: f"{a} {b}", st.sampled_from(_NAMES), st.sampled_from(_NAMES))


@functools.cache
def _phrases(min_words: int, max_words: int, *, commas: bool = False) -> st.SearchStrategy[str]:
    """Words from the vocabulary, the first capitalised, with some commas between if asked."""
    rest = st.lists(
        st.sampled_from(_COMMA_TOKENS if commas else _TOKENS),
        min_size=min_words - 1,
        max_size=max_words - 1,
    )
    return st.builds(lambda first, more: " ".join([first, *more]).rstrip(","), _FIRST_WORDS, rest)


# A sentence: words, then a full stop (or "!" or "?"); sometimes a quotation, or two
# clauses joined by a dash (which, after a word in capitals, would make a dateline).
_SENTENCES = st.one_of(
    st.builds(
        lambda words, end: words + end,
        _phrases(2, 10, commas=True),
        st.sampled_from((".", ".", "!", "?")),
    ),
    st.builds(lambda words, who: f"“{words},” said {who}.", _phrases(2, 8, commas=True), _PERSONS),
    st.builds(
        lambda before, dash, after: f"{before} {dash} {after.lower()}.",
        _phrases(1, 4),
        st.sampled_from(("–", "-", "—")),
        _phrases(1, 6),
    ),
)


# --------------------------------------------------------------------------- small values


def dates(
    *, min_value: dt.date = _MIN_DATE, max_value: dt.date = _MAX_DATE
) -> st.SearchStrategy[dt.date]:
    """Real calendar dates, 1990 to 2035 by default.

    Args:
        min_value: The earliest date.
        max_value: The latest date.

    Example:
        >>> import datetime
        >>> from hypothesis import given
        >>> @given(dates(min_value=datetime.date(2013, 1, 1)))
        ... def test_recent(date):
        ...     assert 2013 <= date.year <= 2035
        >>> test_recent()
    """
    return st.dates(min_value=min_value, max_value=max_value)


def sources(*, closed: bool | None = None) -> st.SearchStrategy[Source]:
    """OSCE offices: "OSCE Mission to Zelmar", open or closed.

    Names never end in "(closed)" (that is the `Source.closed` marker) and are
    never dates.

    Args:
        closed: Only closed (``True``) or only open (``False``) offices.

    Example:
        >>> from hypothesis import given
        >>> @given(sources(closed=True))
        ... def test_closed_offices(source):
        ...     assert source.closed and not source.name.endswith("(closed)")
        >>> test_closed_offices()
    """
    names = st.builds(
        lambda office, place: f"OSCE {office} {place}",
        st.sampled_from(_OFFICES),
        st.sampled_from(_NAMES),
    )
    flags = st.booleans() if closed is None else st.just(closed)
    return st.builds(Source, name=names, closed=flags)


def _date_text(draw: st.DrawFn, date: dt.date) -> str:
    """A date as datelines write it: "3 May 2013", "May 3, 2013" or "3 Sep 2013"."""
    month = MONTH_NAMES[date.month - 1]
    style = draw(st.integers(0, 2))
    if style == 1:
        return f"{month} {date.day}, {date.year}"
    if style == 2:
        return f"{date.day} {month[:3]} {date.year}"
    return f"{date.day} {month} {date.year}"


@st.composite
def _datelines(draw: st.DrawFn, *, with_date: bool | None, with_country: bool | None) -> Dateline:
    dated = with_date if with_date is not None else with_country or draw(st.booleans())
    place = draw(st.sampled_from(_PLACES))
    written = place.upper() if draw(st.booleans()) else place
    dash = draw(st.sampled_from(_DASHES))
    country = None
    if not dated:
        if draw(st.booleans()):
            osce = draw(st.sampled_from(("", "OSCE ")))
            text = f"({osce}{written}) {dash}"
        else:  # capitals only, so that "Training - a summary" is no dateline
            text = f"{place.upper()} {dash}"
        return Dateline(place=place, text=text)
    date = draw(_DATES)
    when = _date_text(draw, date)
    tag = draw(st.sampled_from(("", "", " (VTA)", " (ZRK)")))
    named = draw(st.booleans()) if with_country is None else with_country
    if named:  # PLACE, Country, date –
        country = draw(st.sampled_from(_COUNTRIES))
        text = f"{written}, {country}, {when}{tag} {dash}"
    else:
        style = draw(st.integers(0, 2))
        if style == 1:  # PLACE date –   (capitals only)
            text = f"{place.upper()} {when}{tag} {dash}"
        elif style == 2:  # date, Place –
            text = f"{when}, {written}{tag} {dash}"
        else:  # Place, date –
            text = f"{written}, {when}{tag} {dash}"
    return Dateline(place=place, country=country, date=date, text=text)


def datelines(
    *, with_date: bool | None = None, with_country: bool | None = None
) -> st.SearchStrategy[Dateline]:
    """Datelines in the styles real copies use, as the parser reads them.

    `Dateline.text` is the dateline as written, dash included
    ("ZELMAR, Vorlandia, 3 May 2013 –", "(OSCE ZELMAR) -", "May 3, 2013, Zelmar —");
    `Dateline.place` is the place as a name ("Zelmar", even when written in
    capitals); `Dateline.country` is set only when the dateline names one.

    Args:
        with_date: Only dated (``True``) or only undated (``False``) datelines.
        with_country: Only datelines that name a country, or only those that do not.

    Example:
        >>> from hypothesis import given
        >>> from osce_thb._dateline import match_dateline
        >>> @given(datelines(with_date=True, with_country=True))
        ... def test_the_parser_reads_them(dateline):
        ...     assert match_dateline(dateline.text + " Text.").dateline == dateline
        >>> test_the_parser_reads_them()
    """
    if with_date is False and with_country:
        msg = "a dateline without a date names no country"
        raise InvalidArgument(msg)
    return _datelines(with_date=with_date, with_country=with_country)


def paragraphs() -> st.SearchStrategy[Paragraph]:
    """Paragraphs: one to three sentences, ending with closing punctuation.

    Example:
        >>> from hypothesis import given
        >>> @given(paragraphs())
        ... def test_closed_by_punctuation(paragraph):
        ...     assert paragraph.text.endswith((".", "!", "?"))
        >>> test_closed_by_punctuation()
    """
    return st.lists(_SENTENCES, min_size=1, max_size=3).map(
        lambda parts: Paragraph(text=" ".join(parts))
    )


def headings() -> st.SearchStrategy[Heading]:
    """Headings: one to six capitalised words, without closing punctuation.

    Example:
        >>> from hypothesis import given
        >>> @given(headings())
        ... def test_short_and_capitalised(heading):
        ...     assert heading.text[0].isupper() and len(heading.text.split()) <= 6
        >>> test_short_and_capitalised()
    """
    return _phrases(1, 6).map(lambda text: Heading(text=text))


def list_items() -> st.SearchStrategy[ListItem]:
    """List items (without their bullet): a phrase, sometimes ending with "." or ";".

    Example:
        >>> from hypothesis import given
        >>> @given(list_items())
        ... def test_no_bullet(item):
        ...     assert not item.text.startswith(("•", "-"))
        >>> test_no_bullet()
    """
    return st.builds(
        lambda text, end: ListItem(text=text + end),
        _phrases(1, 7),
        st.sampled_from(("", ".", ";")),
    )


def blocks() -> st.SearchStrategy[Block]:
    """Body blocks of any type: paragraphs, headings and list items.

    Example:
        >>> from hypothesis import given
        >>> from osce_thb import Heading, ListItem, Paragraph
        >>> @given(blocks())
        ... def test_a_block(block):
        ...     assert isinstance(block, (Paragraph, Heading, ListItem))
        >>> test_a_block()
    """
    return st.one_of(paragraphs(), headings(), list_items())


def abbreviations() -> st.SearchStrategy[Abbreviation]:
    """Abbreviations whose long form spells the short one out: "VT" for "Vorlan Tamber".

    Example:
        >>> from hypothesis import given
        >>> @given(abbreviations())
        ... def test_spelled_out(abbreviation):
        ...     initials = "".join(word[0] for word in abbreviation.long.split())
        ...     assert abbreviation.short == initials.upper()
        >>> test_spelled_out()
    """
    return st.lists(st.sampled_from(_WORDS), min_size=2, max_size=4).map(
        lambda words: Abbreviation(
            short="".join(word[0] for word in words).upper(),
            long=" ".join(word[:1].upper() + word[1:] for word in words),
        )
    )


def speakers() -> st.SearchStrategy[Speaker]:
    """Speakers: a name, sometimes with a title before it and a role after it.

    Example:
        >>> from hypothesis import given
        >>> @given(speakers())
        ... def test_named(speaker):
        ...     assert speaker.name.strip()
        >>> test_named()
    """
    return st.builds(
        Speaker,
        name=_PERSONS,
        title=st.none() | st.sampled_from(_HONORIFICS),
        role=st.none() | sources().map(lambda source: source.name),
    )


def people(*, max_block: int = 20) -> st.SearchStrategy[Person]:
    """People: a name, titles and roles (each once), and mentions on their own.

    People inside `documents` are the speakers of its quotes (and perhaps
    someone else), mentioned where the body has words.

    Args:
        max_block: The largest block index of a mention.

    Example:
        >>> from hypothesis import given
        >>> @given(people())
        ... def test_titles_once(person):
        ...     assert len(set(person.titles)) == len(person.titles)
        >>> test_titles_once()
    """
    return st.builds(
        Person,
        name=_PERSONS,
        titles=st.lists(st.sampled_from(_HONORIFICS), max_size=2, unique=True).map(tuple),
        roles=st.lists(sources().map(lambda source: source.name), max_size=2, unique=True).map(
            tuple
        ),
        mentions=st.lists(mentions(max_block=max_block), max_size=3).map(tuple),
    )


def mentions(*, max_block: int = 20) -> st.SearchStrategy[Mention]:
    """Mentions on their own: a word or two, a block index and an offset.

    Mentions inside `documents` point at their text in the body instead.

    Args:
        max_block: The largest block index.

    Example:
        >>> from hypothesis import given
        >>> @given(mentions(max_block=0))
        ... def test_in_the_first_block(mention):
        ...     assert mention.block == 0
        >>> test_in_the_first_block()
    """
    return st.builds(
        Mention,
        text=_phrases(1, 2),
        block=st.integers(0, max_block),
        start=st.integers(0, 200),
    )


def quotes(*, max_block: int = 20) -> st.SearchStrategy[Quote]:
    """Quotes: words, a speaker, and the index of the block they stand in.

    Args:
        max_block: The largest block index.

    Example:
        >>> from hypothesis import given
        >>> @given(quotes(max_block=3))
        ... def test_in_the_first_four_blocks(quote):
        ...     assert quote.block <= 3
        >>> test_in_the_first_four_blocks()
    """
    return st.builds(
        Quote,
        text=_phrases(2, 8),
        speaker=speakers(),
        block=st.integers(0, max_block),
    )


def _figure_text(value: int, qualifier: str | None) -> str:
    return f"{qualifier} {value:,}" if qualifier else f"{value:,}"


def figures(*, max_block: int = 20) -> st.SearchStrategy[Figure]:
    """Figures: "some 4,500 vorlan", the text agreeing with the value and qualifier.

    Args:
        max_block: The largest block index.

    Example:
        >>> from hypothesis import given
        >>> @given(figures())
        ... def test_text_agrees(figure):
        ...     assert figure.text.endswith(f"{figure.value:,}")
        >>> test_text_agrees()
    """
    return st.builds(
        lambda value, qualifier, counted, block: Figure(
            value=value,
            qualifier=qualifier,
            counted=counted,
            text=_figure_text(value, qualifier),
            block=block,
        ),
        st.integers(0, 100_000),
        st.none() | st.sampled_from(_QUALIFIERS),
        st.none() | st.sampled_from(_WORDS),
        st.integers(0, max_block),
    )


def _region_codes(country: str | None) -> list[str]:
    codes = [
        entry.code
        for entry in gazetteer.regions().values()
        if country is None or entry.country == country
    ]
    if not codes:
        msg = f"the gazetteer knows no regions of country {country!r}"
        raise InvalidArgument(msg)
    return codes


def _coded_region(code: str, found: tuple[Mention, ...] = ()) -> Region:
    entry = gazetteer.region(code)
    return Region(code=code, country=entry.country, name=entry.name, mentions=found)


def regions(*, country: str | None = None) -> st.SearchStrategy[Region]:
    """Places from the gazetteer, named as it names them: mostly with real ISO 3166-2 codes.

    Places without a code (Kosovo's municipalities, the City of Skopje) come too,
    when the country has any.

    Args:
        country: Only places of this country (e.g. ``"UA"``, ``"XK"``).

    Example:
        >>> from hypothesis import given
        >>> from osce_thb import gazetteer
        >>> @given(regions(country="UA"))
        ... def test_named_as_the_gazetteer_names_them(region):
        ...     assert region.code.startswith("UA-") and region.country == "UA"
        ...     assert gazetteer.region(region.code).name == region.name
        >>> test_named_as_the_gazetteer_names_them()
    """
    found = st.lists(mentions(), max_size=3).map(tuple)
    uncoded = [p for p in gazetteer.places() if country is None or p.country == country]
    coded = [
        entry.code
        for entry in gazetteer.regions().values()
        if country is None or entry.country == country
    ]
    if not coded and not uncoded:
        msg = f"the gazetteer knows no places of country {country!r}"
        raise InvalidArgument(msg)
    options: list[st.SearchStrategy[Region]] = []
    if coded:
        options.append(st.builds(_coded_region, st.sampled_from(coded), found))
    if uncoded:
        options.append(
            st.builds(
                lambda place, found: Region(country=place.country, name=place.name, mentions=found),
                st.sampled_from(uncoded),
                found,
            )
        )
    return st.one_of(options)


def _donor(key: str, found: tuple[Mention, ...]) -> Donor:
    if gazetteer.is_country_code(key):
        return Donor(name=gazetteer.country(key).name, country=key, mentions=found)
    return Donor(name=key, mentions=found)


def _donor_keys() -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(gazetteer.countries())) | st.sampled_from(_ORGANISATIONS)


def donors(*, states: bool | None = None) -> st.SearchStrategy[Donor]:
    """Donors: states (with their real ISO 3166-1 code and name) or organisations.

    Args:
        states: Only states (``True``) or only organisations (``False``).

    Example:
        >>> from hypothesis import given
        >>> @given(donors(states=True))
        ... def test_states_have_a_code(donor):
        ...     assert donor.key == donor.country
        >>> test_states_have_a_code()
    """
    if states is None:
        keys = _donor_keys()
    elif states:
        keys = st.sampled_from(sorted(gazetteer.countries()))
    else:
        keys = st.sampled_from(_ORGANISATIONS)
    return st.builds(_donor, keys, st.lists(mentions(), max_size=3).map(tuple))


def programmes() -> st.SearchStrategy[Programme]:
    """Programmes, with an acronym that spells the name out when there is one.

    Example:
        >>> from hypothesis import given
        >>> @given(programmes())
        ... def test_acronym_spells_the_name(programme):
        ...     initials = "".join(word[0] for word in programme.name.split()).upper()
        ...     assert programme.acronym in (None, initials)
        >>> test_acronym_spells_the_name()
    """
    return st.builds(
        lambda abbreviation, acronym, found: Programme(
            name=abbreviation.long,
            acronym=abbreviation.short if acronym else None,
            mentions=found,
        ),
        abbreviations(),
        st.booleans(),
        st.lists(mentions(), max_size=3).map(tuple),
    )


def _draw_phase(
    draw: st.DrawFn,
    *,
    year: int | None,
    regions: Sequence[Region],
    donors: Sequence[Donor],
    found: Callable[[], tuple[Mention, ...]],
) -> NrmPhase:
    """A phase whose status agrees with its years and `year`, over some of `regions`, `donors`.

    `regions` and `donors` are as a phase names them: without mentions.
    """
    status = draw(st.sampled_from(PhaseStatus))
    low, high = _FIRST_YEAR, _LAST_YEAR
    if year is None:
        start = draw(st.none() | st.integers(low, high))
        end = draw(st.none() | st.integers(start or low, high))
    else:
        low, high = min(low, year), max(high, year)
        if status is PhaseStatus.COMPLETED:  # over by the document's year
            start = draw(st.none() | st.integers(low, year))
            end = draw(st.none() | st.integers(start or low, year))
        elif status is PhaseStatus.PLANNED:  # not begun before it
            start = draw(st.none() | st.integers(year, high))
            end = draw(st.none() | st.integers(start or year, high))
        else:  # under way in it
            start = draw(st.none() | st.integers(low, year))
            end = draw(st.none() | st.integers(year, high))
    return NrmPhase(
        stage=draw(st.sampled_from(PhaseStage)),
        status=status,
        start=start,
        end=end,
        regions=tuple(draw(st.lists(st.sampled_from(regions), max_size=3, unique=True)))
        if regions
        else (),
        donors=tuple(draw(st.lists(st.sampled_from(donors), max_size=2, unique=True)))
        if donors
        else (),
        mentions=found(),
    )


@st.composite
def _nrm_phases(draw: st.DrawFn, *, year: int | None) -> NrmPhase:
    return _draw_phase(
        draw,
        year=year,
        regions=[Region.from_code(code) for code in draw(_REGION_CODE_LISTS)],
        donors=[_donor(key, ()) for key in draw(_DONOR_KEY_LISTS)],
        found=lambda: tuple(draw(st.lists(mentions(), max_size=2))),
    )


def nrm_phases(*, year: int | None = None) -> st.SearchStrategy[NrmPhase]:
    """Phases of a referral mechanism's rollout, over real regions and donors (without mentions).

    Args:
        year: The year of the document that reports the phase: completed phases
            then end no later than it, planned ones start no earlier, and
            ongoing ones span it.

    Example:
        >>> from hypothesis import given
        >>> from osce_thb import PhaseStatus
        >>> @given(nrm_phases(year=2013))
        ... def test_completed_phases_are_over(phase):
        ...     if phase.status is PhaseStatus.COMPLETED:
        ...         assert (phase.end or phase.start or 2013) <= 2013
        >>> test_completed_phases_are_over()
    """
    return _nrm_phases(year=year)


@st.composite
def _related_items(
    draw: st.DrawFn,
    *,
    kind: DocumentKind | None,
    with_date: bool | None,
    with_source: bool | None,
) -> RelatedItem:
    dated = draw(st.booleans()) if with_date is None else with_date
    sourced = draw(st.booleans()) if with_source is None else with_source
    return RelatedItem(
        kind=draw(st.sampled_from(_KINDS)) if kind is None else kind,
        title=draw(_TITLES),
        published=draw(_DATES) if dated else None,
        source=draw(_SOURCES) if sourced else None,
    )


def related_items(
    *,
    kind: DocumentKind | None = None,
    with_date: bool | None = None,
    with_source: bool | None = None,
) -> st.SearchStrategy[RelatedItem]:
    """Items of the related-content footer: a kind other than OTHER, a title, a date, a source.

    Args:
        kind: Only items of this kind (not `DocumentKind.OTHER`, which has no label).
        with_date: Only items with (``True``) or without (``False``) a date.
        with_source: Only items with or without a source.

    Example:
        >>> from hypothesis import given
        >>> from osce_thb import DocumentKind
        >>> @given(related_items(kind=DocumentKind.STORY, with_date=True))
        ... def test_dated_stories(item):
        ...     assert item.kind is DocumentKind.STORY and item.published is not None
        >>> test_dated_stories()
    """
    if kind is DocumentKind.OTHER:
        msg = "a related item of kind OTHER has no label to start it"
        raise InvalidArgument(msg)
    return _related_items(kind=kind, with_date=with_date, with_source=with_source)


def unparsed_lines() -> st.SearchStrategy[UnparsedLine]:
    """Lines kept but not understood: a line number and some chrome.

    Example:
        >>> from hypothesis import given
        >>> @given(unparsed_lines())
        ... def test_numbered_from_one(unparsed):
        ...     assert unparsed.line >= 1
        >>> test_numbered_from_one()
    """
    chrome = st.sampled_from(("Newsroom", "Share", "© Vorlan 2014", "Photo: Zelmar Quill"))
    return st.builds(UnparsedLine, line=st.integers(1, 500), text=chrome | _phrases(1, 4))


# --------------------------------------------------------------------------- documents


# Built once: strategies are values, and building them anew in every draw is slow.
_TITLES = st.builds(
    lambda words, end: words + end, _phrases(1, 9), st.sampled_from(("", "", "?", "!"))
)
_DATES = dates()
_SOURCES = sources()
_DATELINES = datelines()
_PARAGRAPHS = paragraphs()
_UNHEADED_UNITS: st.SearchStrategy[tuple[Block, ...]] = st.one_of(
    _PARAGRAPHS.map(lambda block: (block,)),
    list_items().map(lambda block: (block,)),
)
_UNITS: st.SearchStrategy[tuple[Block, ...]] = st.one_of(
    _UNHEADED_UNITS,
    st.tuples(headings(), _PARAGRAPHS | list_items()),
)
_SHORT_TITLE_WORDS = 4  # a title this short, above a headline-like line, reads as a label
_FIELDS = st.lists(
    st.sampled_from(FieldOfWork)
    | _phrases(1, 3).filter(lambda name: "," not in name and FieldOfWork.lookup(name) is None),
    max_size=3,
)
_FIRST_RELATED = related_items(with_date=True)
_MORE_RELATED = st.lists(related_items(), max_size=2)
_SPEAKERS = speakers()
_ABBREVIATION_LISTS = st.lists(abbreviations(), max_size=2, unique_by=lambda a: a.short)
_PROGRAMME_LISTS = st.lists(programmes(), max_size=2)
_UNPARSED_LISTS = st.lists(unparsed_lines(), max_size=2)
_REGION_CODE_LISTS = st.lists(st.sampled_from(_region_codes(None)), max_size=3, unique=True)
_UNCODED_PLACES = st.sampled_from(gazetteer.places())
_DONOR_KEY_LISTS = st.lists(_donor_keys(), max_size=2, unique=True)


@functools.cache
def _figure_lists(blocks: int) -> st.SearchStrategy[list[Figure]]:
    """Figures in a body of `blocks` blocks (none in an empty body)."""
    if not blocks:
        return st.just([])
    return st.lists(figures(max_block=blocks - 1), max_size=2)


def _letter_words(text: str) -> int:
    return sum(1 for word in text.split() if any(char.isalpha() for char in word))


def _line_key(block: Block) -> str:
    return _fold("• " + block.text if isinstance(block, ListItem) else block.text)


@st.composite
def _body(
    draw: st.DrawFn,
    *,
    dateline: Dateline | None,
    title: str | None,
    min_blocks: int,
    max_blocks: int,
) -> tuple[Block, ...]:
    """Blocks that read back as themselves: see the module's rules."""
    body: list[Block] = []
    seen = {_fold(title)} if title else set()
    if dateline is not None:
        space = draw(st.sampled_from((" ", " ", "")))
        lead = Paragraph(
            text=dateline.text
            + space
            + " ".join(draw(st.lists(_SENTENCES, min_size=1, max_size=3)))
        )
        body.append(lead)
        seen.add(_line_key(lead))
    target = draw(st.integers(max(min_blocks, len(body)), max_blocks))
    short_title = title is not None and _letter_words(title) <= _SHORT_TITLE_WORDS
    while len(body) < target:
        unit = draw(_UNHEADED_UNITS if short_title and not body else _UNITS)
        if len(body) + len(unit) > target:  # no room for a heading: its follower alone
            unit = unit[-1:]
        keys = [_line_key(block) for block in unit]
        if len(set(keys)) < len(keys) or seen.intersection(keys):  # a repeat: number it
            unit = tuple(_numbered(block, len(body) + i + 1) for i, block in enumerate(unit))
            keys = [_line_key(block) for block in unit]
        seen.update(keys)
        body.extend(unit)
    return tuple(body)


def _numbered(block: Block, number: int) -> Block:
    """`block` made unique by its position: "Vorlan #3", "Vorlan tamber #3." ("#" is no word)."""
    text = block.text
    if isinstance(block, Paragraph):  # the closing punctuation stays last
        return Paragraph(text=f"{text[:-1]} #{number}{text[-1]}")
    return attrs.evolve(block, text=f"{text} #{number}")


def _draw_spans(draw: st.DrawFn, body: Sequence[Block], max_size: int) -> tuple[Mention, ...]:
    """Mentions of words that stand in the body, at their block and offset."""
    if not body:
        return ()
    found = []
    for _ in range(draw(st.integers(0, max_size))):
        index = draw(st.integers(0, len(body) - 1))
        words = list(re.finditer(r"\S+", body[index].text))
        first = draw(st.integers(0, len(words) - 1))
        last = draw(st.integers(first, min(first + 2, len(words) - 1)))
        start, end = words[first].start(), words[last].end()
        found.append(Mention(text=body[index].text[start:end], block=index, start=start))
    return tuple(found)


def _draw_derived(draw: st.DrawFn, document: Document) -> Document:
    """`document` with derived fields that point into its body, and some unparsed lines."""
    body = document.body
    quoted = [
        Quote(text=mention.text, speaker=draw(_SPEAKERS), block=mention.block)
        for mention in _draw_spans(draw, body, 2)
    ]
    named = _draw_people(draw, body, quoted)
    codes = draw(_REGION_CODE_LISTS)
    found_regions = tuple(_coded_region(code, _draw_spans(draw, body, 2)) for code in codes)
    other_places: tuple[Region, ...] = ()
    if draw(st.booleans()):  # a place without a code: a municipality of Kosovo
        place = draw(_UNCODED_PLACES)
        other_places = (
            Region(country=place.country, name=place.name, mentions=_draw_spans(draw, body, 2)),
        )
    found_donors = tuple(_donor(key, _draw_spans(draw, body, 1)) for key in draw(_DONOR_KEY_LISTS))
    year = document.published.year if document.published else None
    phases = [
        _draw_phase(
            draw,
            year=year,
            regions=[attrs.evolve(region, mentions=()) for region in found_regions],
            donors=[attrs.evolve(donor, mentions=()) for donor in found_donors],
            found=lambda: _draw_spans(draw, body, 1),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return attrs.evolve(
        document,
        abbreviations=tuple(draw(_ABBREVIATION_LISTS)),
        quotes=tuple(quoted),
        people=named,
        figures=tuple(draw(_figure_lists(len(body)))),
        regions=found_regions,
        other_places=other_places,
        donors=found_donors,
        programmes=tuple(  # mentions that point into this body, as JSON requires
            attrs.evolve(programme, mentions=_draw_spans(draw, body, 1))
            for programme in draw(_PROGRAMME_LISTS)
        ),
        nrm_phases=tuple(phases),
        unparsed=tuple(draw(_UNPARSED_LISTS)),
    )


def _draw_people(
    draw: st.DrawFn, body: Sequence[Block], quoted: Sequence[Quote]
) -> tuple[Person, ...]:
    """The speakers of `quoted` as people (one per name), and perhaps someone not quoted."""
    speakers: dict[str, list[Speaker]] = {}
    for quote in quoted:
        speakers.setdefault(quote.speaker.name, []).append(quote.speaker)
    extra = draw(st.none() | _PERSONS)
    if extra is not None and extra not in speakers:
        speakers[extra] = []
    return tuple(
        Person(
            name=name,
            titles=tuple(dict.fromkeys(speaker.title for speaker in said if speaker.title)),
            roles=tuple(dict.fromkeys(speaker.role for speaker in said if speaker.role)),
            mentions=_draw_spans(draw, body, 2),
        )
        for name, said in speakers.items()
    )


@st.composite
def _documents(
    draw: st.DrawFn,
    *,
    kind: DocumentKind | None,
    with_title: bool | None,
    with_dateline: bool | None,
    with_related: bool | None,
    with_derived: bool,
    min_blocks: int,
    max_blocks: int,
) -> Document:
    if kind is None:
        kinds = _KINDS if with_dateline else (*_KINDS, DocumentKind.OTHER)
        kind = draw(st.sampled_from(kinds))
    dated = kind is not DocumentKind.OTHER and (
        draw(st.booleans()) if with_dateline is None else with_dateline
    )
    if not dated:
        titled = True
    else:
        titled = draw(st.integers(0, 4)) > 0 if with_title is None else with_title
    dateline = draw(_DATELINES) if dated else None
    title = draw(_TITLES) if titled else None
    published: dt.date | None
    if dateline is not None and dateline.date is not None:
        published = draw(st.just(dateline.date) | _DATES)
    else:
        published = draw(st.none() | _DATES)
    fields = tuple(draw(_FIELDS))
    related: list[RelatedItem] = []
    if with_related or (with_related is None and draw(st.booleans())):
        related.append(draw(_FIRST_RELATED))
        related.extend(draw(_MORE_RELATED))
    document = Document(
        kind=kind,
        title=title,
        published=published,
        source=draw(st.none() | _SOURCES),
        fields_of_work=fields,
        dateline=dateline,
        body=draw(
            _body(dateline=dateline, title=title, min_blocks=min_blocks, max_blocks=max_blocks)
        ),
        related=tuple(related),
    )
    return _draw_derived(draw, document) if with_derived else document


def documents(
    *,
    kind: DocumentKind | None = None,
    with_title: bool | None = None,
    with_dateline: bool | None = None,
    with_related: bool | None = None,
    with_derived: bool = True,
    min_blocks: int = 0,
    max_blocks: int = 8,
) -> st.SearchStrategy[Document]:
    """Whole documents, valid by construction and renderable (see the module's rules).

    Every field is set some of the time. The derived fields (abbreviations,
    quotes, people, figures, regions, donors, programmes, phases) are
    consistent with the document but are not what the parser would find in its
    body: the text does not carry them (see `carried`). The people are the
    speakers of the quotes, and perhaps someone else.

    Args:
        kind: Only documents of this kind. `DocumentKind.OTHER` has no kind line,
            and so no dateline.
        with_title: Only documents with (``True``) or without (``False``) a
            title; a document without a title starts at its dateline.
        with_dateline: Only documents whose first paragraph leads with a
            dateline (``True``), or only documents without one (``False``).
        with_related: Only documents with (``True``) or without (``False``)
            related items in the footer.
        with_derived: Whether to fill the derived fields and `Document.unparsed`;
            ``False`` leaves them empty.
        min_blocks: The fewest body blocks (a dated document has at least one).
        max_blocks: The most body blocks.

    Raises:
        hypothesis.errors.InvalidArgument: The arguments contradict each other
            or the format (a dateline on a page of kind OTHER, a document with
            neither title nor dateline, ``min_blocks > max_blocks``).

    Example:
        >>> from hypothesis import given
        >>> from osce_thb import DocumentKind
        >>> @given(documents(kind=DocumentKind.STORY, with_dateline=True))
        ... def test_stories_lead_with_their_dateline(doc):
        ...     assert doc.kind is DocumentKind.STORY
        ...     assert doc.body[0].text.startswith(doc.dateline.text)
        >>> test_stories_lead_with_their_dateline()
    """
    if kind is DocumentKind.OTHER and with_dateline:
        msg = "a document of kind OTHER has no kind line, and so no dateline"
        raise InvalidArgument(msg)
    if with_title is False and (with_dateline is False or kind is DocumentKind.OTHER):
        msg = "a document without a title starts at its dateline"
        raise InvalidArgument(msg)
    if not 0 <= min_blocks <= max_blocks:
        msg = f"need 0 <= min_blocks <= max_blocks, got {min_blocks} and {max_blocks}"
        raise InvalidArgument(msg)
    if with_dateline and max_blocks < 1:
        msg = "a document with a dateline has at least one block"
        raise InvalidArgument(msg)
    if with_title is False:
        with_dateline = True
    return _documents(
        kind=kind,
        with_title=with_title,
        with_dateline=with_dateline,
        with_related=with_related,
        with_derived=with_derived,
        min_blocks=min_blocks,
        max_blocks=max_blocks,
    )


def raw_pages(
    *,
    layout: Layout | None = None,
    of: st.SearchStrategy[Document] | None = None,
) -> st.SearchStrategy[str]:
    r"""The raw text of generated documents, as `osce_thb.render` writes it.

    Args:
        layout: ``"page"`` for full osce.org pages (menu, kind line, metadata,
            body, related footer), ``"bare"`` for bare copies (title, blank
            line, body); both when ``None``.
        of: The documents to write; `documents()` by default.

    Example:
        >>> from hypothesis import given
        >>> import osce_thb
        >>> @given(raw_pages(layout="bare"))
        ... def test_bare_copies_parse(text):
        ...     assert isinstance(osce_thb.parse(text), osce_thb.Document)
        >>> test_bare_copies_parse()
    """
    layouts: st.SearchStrategy[Layout] = (
        st.sampled_from(("page", "bare")) if layout is None else st.just(layout)
    )
    return st.builds(render, documents() if of is None else of, layouts)


def carried(document: Document, *, layout: Layout = "page") -> Document:
    """What the raw text of `document` in `layout` carries: what `parse` gives back.

    The fields the text does not carry are set to what the parser gives when
    the text does not say:

    * In both layouts: the derived fields (`Document.abbreviations`, `quotes`,
      `people`, `figures`, `regions`, `other_places`, `donors`, `programmes`,
      `nrm_phases`) and
      `Document.unparsed` are emptied; related items of kind OTHER are dropped.
    * In the bare layout, also: `kind` becomes `DocumentKind.PRESS_RELEASE` when
      there is a dateline, else `DocumentKind.OTHER`; `published` becomes the
      dateline's date (or ``None``); `source`, `fields_of_work` and `related`
      are emptied.

    Everything else (kind, title, publication date, source, fields of work,
    dateline, every body block, related items) is compared as it is. For a
    document of `documents`, ``carried(parse(render(d, layout))) ==
    carried(d, layout=layout)``.

    Args:
        document: Any document.
        layout: The layout the document is rendered in.

    Example:
        >>> from hypothesis import given
        >>> import osce_thb
        >>> @given(documents())
        ... def test_parse_reads_back_what_render_writes(doc):
        ...     text = osce_thb.render(doc, "bare")
        ...     assert carried(osce_thb.parse(text)) == carried(doc, layout="bare")
        >>> test_parse_reads_back_what_render_writes()
    """
    related = tuple(item for item in document.related if item.kind is not DocumentKind.OTHER)
    document = attrs.evolve(
        document,
        abbreviations=(),
        quotes=(),
        people=(),
        figures=(),
        regions=(),
        other_places=(),
        donors=(),
        programmes=(),
        nrm_phases=(),
        related=related,
        unparsed=(),
    )
    if layout == "page":
        return document
    dateline = document.dateline
    return attrs.evolve(
        document,
        kind=DocumentKind.OTHER if dateline is None else DocumentKind.PRESS_RELEASE,
        published=None if dateline is None else dateline.date,
        source=None,
        fields_of_work=(),
        related=(),
    )


def _register() -> None:
    from osce_thb._hypothesis_plugin import _hypothesis_setup_hook

    _hypothesis_setup_hook()


_register()
