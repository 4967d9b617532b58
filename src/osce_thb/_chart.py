"""The NRM rollout of a corpus as an SVG chart: regions by years, coloured by stage.

One self-contained SVG file (no script, no external font or style sheet, no
plotting library): a row per region, a column per year the claims span, and a
bar per distinct claim, coloured by stage (pilot, expansion, national rollout, in
Okabe–Ito colours that colour-blind readers tell apart). Planned phases are
hatched. Claims without a year sit in a "no year" column before the first year:
most are pilots, which come before the expansions that follow them.

Rows are grouped by country (the prefix of the region's code) in the order of
`rollout_order`: when the corpus spans several countries, or when a country has
nationwide phases, each country starts with a row of its own that holds those
nationwide phases ("whole country"). When documents disagree, the region's claims
share its row as thinner lanes and the region is marked "disputed". Each bar
carries a ``<title>`` naming its documents and donors, which viewers that show
tooltips show; the static image does not rely on it.

Every text (names, donor keys, file names) is escaped, and a character that XML
1.0 cannot hold or discourages (a control character, a lone surrogate) is shown
as U+FFFD, so that the file is well-formed XML whatever the inputs are called.
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING, Final, NamedTuple
from xml.sax import saxutils

from osce_thb._export import country_of, is_whole_country, rollout_order
from osce_thb._rollout import distinct_donors
from osce_thb.model import PhaseStage, PhaseStatus

if TYPE_CHECKING:
    from collections.abc import Sequence

    from osce_thb._rollout import RegionTimeline, RolloutClaim

__all__ = ["rollout_svg"]

_FONT: Final = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
_COLOURS: Final = {
    PhaseStage.PILOT: "#E69F00",
    PhaseStage.EXPANSION: "#0072B2",
    PhaseStage.NATIONAL: "#009E73",
}
_LABELS: Final = {
    PhaseStage.PILOT: "Pilot",
    PhaseStage.EXPANSION: "Expansion",
    PhaseStage.NATIONAL: "National rollout",
}
_INK: Final = "#1f2328"
_MUTED: Final = "#656d76"
_GRID: Final = "#d8dee4"
_BAND: Final = "#f6f8fa"
_GROUP: Final = "#eaeef2"
_DISPUTED: Final = "#b35900"

_MARGIN: Final = 24
_ROW: Final = 36
_COLUMN: Final = 46  # a year
_UNDATED: Final = 62  # the "no year" column
_GAP: Final = 12  # between the "no year" column and the first year
_INDENT: Final = 14  # region labels under a country's row
_BAR_PADDING: Final = 6
_HEAD: Final = 112  # title, subtitle, legend and the year axis
_SOURCES_SHOWN: Final = 8  # documents named in a tooltip
_NO_YEAR: Final = "no year"


# What XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE and
# U+FFFF) or discourages (DEL, C1 controls): a name or a file name may hold any of them.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_REPLACEMENT: Final = "\ufffd"


def escape(text: str) -> str:
    """`text` as XML character data: markup escaped, characters XML cannot hold shown as U+FFFD."""
    return saxutils.escape(_NOT_XML.sub(_REPLACEMENT, text))


def quoteattr(text: str) -> str:
    """`text` as a quoted XML attribute value, as `escape` cleans it."""
    return saxutils.quoteattr(_NOT_XML.sub(_REPLACEMENT, text))


def _width(text: str, size: float, *, bold: bool = False) -> float:
    """A generous estimate of the width of `text` in a sans-serif font of `size` px.

    Generous because the reader's fallback font may be wider than the one we
    ask for (DejaVu Sans runs about 0.6 em a character); text that fits a wide
    estimate never runs out of the picture.
    """
    return len(text) * size * (0.66 if bold else 0.62)


class _Bar(NamedTuple):
    """A distinct claim of a region: what it says, and who says it."""

    stage: PhaseStage
    status: PhaseStatus
    start: int | None
    end: int | None
    documents: tuple[str, ...]
    donors: tuple[str, ...]


class _Row(NamedTuple):
    """A row of the chart: a region, a country's nationwide phases, or a country's heading."""

    label: str
    note: str  # under the label: the code, "whole country"...
    timeline: RegionTimeline | None  # None for a heading without bars
    bars: tuple[_Bar, ...]
    heading: bool  # a country's row (bold, a band of its own)
    indent: float


def _bars(timeline: RegionTimeline, labels: Sequence[str]) -> list[_Bar]:
    """The region's claims, documents saying the same thing merged into one bar."""
    merged: dict[tuple[object, ...], list[RolloutClaim]] = {}
    for claim in timeline.claims:
        merged.setdefault((claim.stage, claim.status, claim.start, claim.end), []).append(claim)
    return [
        _Bar(
            stage=claims[0].stage,
            status=claims[0].status,
            start=claims[0].start,
            end=claims[0].end,
            documents=tuple(dict.fromkeys(_label(labels, c.document) for c in claims)),
            donors=tuple(d.name for d in distinct_donors(d for c in claims for d in c.donors)),
        )
        for claims in merged.values()
    ]


def _label(labels: Sequence[str], position: int) -> str:
    return labels[position] if 0 <= position < len(labels) else f"document {position}"


def _country_name(code: str) -> str:
    from osce_thb.gazetteer import countries

    entry = countries().get(code)
    return entry.name if entry else code


def _rows(timelines: Sequence[RegionTimeline], labels: Sequence[str]) -> list[_Row]:
    """The chart's rows: by country, each country's heading or nationwide row first."""
    ordered = rollout_order(timelines)
    countries = list(dict.fromkeys(country_of(t.code) for t in ordered))
    headings = len(countries) > 1 or any(is_whole_country(t) for t in ordered)
    rows: list[_Row] = []
    current: str | None = None  # the country whose rows come now
    for timeline in ordered:
        country = country_of(timeline.code)
        if is_whole_country(timeline):
            current = country
            rows.append(
                _Row(
                    label=timeline.name if timeline.code else "Country not named",
                    note=f"{timeline.code} · whole country" if timeline.code else "whole country",
                    timeline=timeline,
                    bars=tuple(_bars(timeline, labels)),
                    heading=True,
                    indent=0,
                )
            )
            continue
        if headings and country != current:
            rows.append(_Row(_country_name(country), country, None, (), True, 0))
        current = country
        rows.append(
            _Row(
                label=timeline.name,
                note=timeline.code,
                timeline=timeline,
                bars=tuple(_bars(timeline, labels)),
                heading=False,
                indent=_INDENT if headings else 0,
            )
        )
    return rows


def _span(bar: _Bar) -> str:
    if bar.start is not None and bar.end is not None and bar.start != bar.end:
        return f"{bar.start}–{bar.end}"
    if bar.start is not None and bar.end is None:
        return f"from {bar.start}"
    if bar.start is None and bar.end is not None:
        return f"by {bar.end}"
    return str(bar.start) if bar.start is not None else "year not given"


def _text(x: float, y: float, text: str, **attributes: str | float) -> str:
    attrs = "".join(
        f" {key.replace('_', '-')}={quoteattr(str(value))}" for key, value in attributes.items()
    )
    return f'<text x="{x:g}" y="{y:g}"{attrs}>{escape(text)}</text>'


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


class _Grid(NamedTuple):
    """Where the columns are: the "no year" column (if any), then one per year."""

    left: float  # where the first column starts
    years: tuple[int, ...]
    undated: bool

    @property
    def first_year_x(self) -> float:
        return self.left + ((_UNDATED + _GAP) if self.undated else 0)

    @property
    def width(self) -> float:
        return self.first_year_x - self.left + len(self.years) * _COLUMN

    def year_x(self, year: int) -> float:
        return self.first_year_x + (year - self.years[0]) * _COLUMN

    def extent(self, bar: _Bar) -> tuple[float, float]:
        """The left and right edges of the columns a bar covers."""
        known = [year for year in (bar.start, bar.end) if year is not None]
        if not known:
            return self.left, self.left + _UNDATED
        return self.year_x(known[0]), self.year_x(known[-1]) + _COLUMN


def rollout_svg(
    timelines: Sequence[RegionTimeline],
    labels: Sequence[str],
    *,
    title: str = "National Referral Mechanism rollout by region",
) -> str:
    """Draw the rollout as a self-contained SVG document.

    Args:
        timelines: What `rollout_timelines` or `rollout`
            returned; a timeline whose code is a country's holds that country's
            nationwide phases.
        labels: Where each document was read from, by position: the tooltips
            name the documents behind each bar.
        title: The chart's title.

    Returns:
        The SVG text, ending with a newline.
    """
    rows = _rows(timelines, labels)
    every_bar = [bar for row in rows for bar in row.bars]
    dated = [year for bar in every_bar for year in (bar.start, bar.end) if year is not None]
    span = (min(dated), max(dated)) if dated else None
    years = tuple(range(span[0], span[1] + 1)) if span else ()
    undated = any(bar.start is None and bar.end is None for bar in every_bar)

    label_width = max(
        (
            max(_width(row.label, 13, bold=row.heading), _width(row.note + " · disputed", 11))
            + row.indent
            for row in rows
        ),
        default=0.0,
    )
    grid = _Grid(left=_MARGIN + max(150.0, label_width + 24), years=years, undated=undated)
    legend = _legend_width()
    width = max(grid.left + grid.width + _MARGIN, _MARGIN + legend + _MARGIN, 640.0)
    arrows = any(_goes_on(bar, grid) for bar in every_bar)
    footer = _footer(width - 2 * _MARGIN, undated=undated, arrows=arrows)
    top = float(_HEAD)
    bottom = top + max(len(rows), 1) * _ROW
    height = bottom + 16 + len(footer) * 15 + 14

    regions = sum(1 for row in rows if row.timeline is not None and not row.heading)
    countries = sum(1 for row in rows if row.heading and row.timeline is not None)
    summary = f"{_count(regions, 'region')} · {_count(len(labels), 'document')}"
    if countries:
        summary += f" · nationwide in {_count(countries, 'country', 'countries')}"
    if span:
        summary += f" · {span[0]}–{span[1]}" if span[0] != span[1] else f" · {span[0]}"

    out: list[str] = []
    add = out.append
    add(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" height="{height:g}"'
        f' viewBox="0 0 {width:g} {height:g}" role="img" font-family={quoteattr(_FONT)}>'
    )
    add(f"<title>{escape(title)}</title>")
    add(f"<desc>{escape(summary)}</desc>")
    add("<defs>")
    for stage, colour in _COLOURS.items():
        add(
            f'<pattern id="planned-{stage.value}" width="6" height="6"'
            ' patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            f'<rect width="6" height="6" fill="#ffffff"/>'
            f'<rect width="2.5" height="6" fill="{colour}" fill-opacity="0.75"/></pattern>'
        )
    add("</defs>")
    add(f'<rect width="{width:g}" height="{height:g}" fill="#ffffff"/>')

    add(_text(_MARGIN, 34, title, font_size=18, font_weight=600, fill=_INK))
    add(_text(_MARGIN, 54, summary, font_size=12, fill=_MUTED))
    out.extend(_legend())

    if not rows:
        add(
            _text(
                _MARGIN,
                top + _ROW / 2 + 4,
                "No NRM rollout phases found in these documents.",
                font_size=13,
                fill=_MUTED,
            )
        )
        add("</svg>")
        return "\n".join(out) + "\n"

    out.extend(_row_labels(rows, top, width))
    out.extend(_axis(grid, top, bottom))
    for index, row in enumerate(rows):
        if row.timeline is None:
            continue
        y = top + index * _ROW + _BAR_PADDING
        lanes = _lanes(row.bars, grid)
        lane = (_ROW - 2 * _BAR_PADDING) / (max(lanes) + 1)
        for bar, number in zip(row.bars, lanes, strict=True):
            add(_draw_bar(row, bar, y + number * lane, lane, grid))
    for number, line in enumerate(footer):
        add(_text(_MARGIN, bottom + 26 + number * 15, line, font_size=11, fill=_MUTED))
    add("</svg>")
    return "\n".join(out) + "\n"


_LEGEND_PLANNED: Final = "Planned (hatched)"
_LEGEND_UNDATED: Final = "No year given"


def _legend_items() -> list[tuple[str, str]]:
    """The legend's entries: (what the swatch is, its label)."""
    items = [(stage.value, _LABELS[stage]) for stage in _COLOURS]
    return [*items, ("planned", _LEGEND_PLANNED), ("undated", _LEGEND_UNDATED)]


def _legend_width() -> float:
    return sum(20 + _width(label, 12) + 18 for _, label in _legend_items())


def _legend() -> list[str]:
    out = []
    x = float(_MARGIN)
    for kind, label in _legend_items():
        if kind == "planned":
            out.append(
                f'<rect x="{x:g}" y="66" width="14" height="14" rx="3"'
                f' fill="url(#planned-expansion)" stroke="{_COLOURS[PhaseStage.EXPANSION]}"'
                ' stroke-dasharray="3 2"/>'
            )
        elif kind == "undated":
            out.append(
                f'<rect x="{x:g}" y="66" width="14" height="14" fill="none"'
                f' stroke="{_MUTED}" stroke-dasharray="3 3"/>'
            )
        else:
            colour = _COLOURS[PhaseStage(kind)]
            out.append(f'<rect x="{x:g}" y="66" width="14" height="14" rx="3" fill="{colour}"/>')
        out.append(_text(x + 20, 77.5, label, font_size=12, fill=_INK))
        x += 20 + _width(label, 12) + 18
    return out


def _footer(width: float, *, undated: bool, arrows: bool) -> list[str]:
    """The notes under the chart, wrapped to `width`."""
    notes = [
        "Each bar is a claim of one or more documents, coloured by stage; a region joined"
        " with its first solid bar." + (" An arrow: the phase goes on." if arrows else ""),
    ]
    if undated:
        notes.append(
            f"“{_NO_YEAR}”: the documents give no year. The column comes first because most"
            " such phases are pilots, which come before the expansions that follow them."
        )
    columns = max(int(width / _width("x", 11)), 20)
    return [line for note in notes for line in textwrap.wrap(note, columns)]


def _row_labels(rows: Sequence[_Row], top: float, width: float) -> list[str]:
    out = []
    band = 0
    for index, row in enumerate(rows):
        y = top + index * _ROW
        if row.heading:
            out.append(
                f'<rect x="{_MARGIN}" y="{y:g}" width="{width - 2 * _MARGIN:g}"'
                f' height="{_ROW}" fill="{_GROUP}"/>'
            )
            band = 0
        else:
            if band % 2 == 0:
                out.append(
                    f'<rect x="{_MARGIN}" y="{y:g}" width="{width - 2 * _MARGIN:g}"'
                    f' height="{_ROW}" fill="{_BAND}"/>'
                )
            band += 1
        x = _MARGIN + 8 + row.indent
        weight = 600 if row.heading else 400
        out.append(_text(x, y + 16, row.label, font_size=13, font_weight=weight, fill=_INK))
        disputed = row.timeline is not None and row.timeline.disputed
        out.append(
            f'<text x="{x:g}" y="{y + 30:g}" font-size="11" fill="{_MUTED}">'
            f"{escape(row.note)}"
            + (
                f'<tspan dx="4" fill="{_DISPUTED}" font-weight="600">· disputed</tspan>'
                if disputed
                else ""
            )
            + "</text>"
        )
    return out


def _axis(grid: _Grid, top: float, bottom: float) -> list[str]:
    out = []
    for year in grid.years:
        x = grid.year_x(year)
        out.append(
            f'<line x1="{x:g}" y1="{top - 4:g}" x2="{x:g}" y2="{bottom:g}"'
            f' stroke="{_GRID}" stroke-width="1"/>'
        )
        out.append(
            _text(
                x + _COLUMN / 2,
                top - 10,
                str(year),
                font_size=11,
                fill=_MUTED,
                text_anchor="middle",
            )
        )
    if grid.years:
        x = grid.year_x(grid.years[-1]) + _COLUMN
        out.append(
            f'<line x1="{x:g}" y1="{top - 4:g}" x2="{x:g}" y2="{bottom:g}" stroke="{_GRID}"/>'
        )
    if grid.undated:
        out.append(
            f'<rect x="{grid.left:g}" y="{top - 4:g}" width="{_UNDATED}"'
            f' height="{bottom - top + 4:g}" fill="none" stroke="{_GRID}" stroke-dasharray="3 3"/>'
        )
        out.append(
            _text(
                grid.left + _UNDATED / 2,
                top - 10,
                _NO_YEAR,
                font_size=11,
                fill=_MUTED,
                text_anchor="middle",
                font_style="italic",
            )
        )
    return out


def _slots(bar: _Bar, grid: _Grid) -> tuple[int, int]:
    """The first and last column a bar covers: -1 for "no year", then years by index."""
    known = [year for year in (bar.start, bar.end) if year is not None]
    if not known:
        return -1, -1
    return known[0] - grid.years[0], known[-1] - grid.years[0]


def _lanes(bars: Sequence[_Bar], grid: _Grid) -> list[int]:
    """A lane for each bar: the first one free over the bar's columns (interval packing)."""
    ends: list[int] = []  # the last column taken in each lane
    found = []
    for bar in sorted(bars, key=lambda bar: _slots(bar, grid)):
        first, last = _slots(bar, grid)
        lane = next((n for n, end in enumerate(ends) if end < first), len(ends))
        if lane == len(ends):
            ends.append(last)
        else:
            ends[lane] = max(ends[lane], last)
        found.append((bar, lane))
    lanes = dict(found)
    return [lanes[bar] for bar in bars]


def _goes_on(bar: _Bar, grid: _Grid) -> bool:
    """Whether a bar gets an arrow: "from 2012", before the last year shown."""
    return bar.start is not None and bar.end is None and bar.start < grid.years[-1]


def _draw_bar(row: _Row, bar: _Bar, y: float, lane: float, grid: _Grid) -> str:
    """One claim as a rounded bar with a tooltip."""
    inset = 3.0
    height = max(lane - 2, 4.0)
    x0, x1 = grid.extent(bar)
    colour = _COLOURS[bar.stage]
    planned = bar.status is PhaseStatus.PLANNED
    fill = f"url(#planned-{bar.stage.value})" if planned else colour
    stroke = f' stroke="{colour}" stroke-width="1.5" stroke-dasharray="4 2"' if planned else ""
    tip = (
        f"{row.label} ({row.note}): {_LABELS[bar.stage].lower()}, {bar.status.value}, {_span(bar)}"
    )
    if bar.donors:
        tip += f"\nfunded by {', '.join(bar.donors)}"
    shown = bar.documents[:_SOURCES_SHOWN]
    tip += "\nsource: " + "; ".join(shown)
    if len(bar.documents) > len(shown):
        tip += f" and {len(bar.documents) - len(shown)} more"
    parts = [
        f'<g><title>{escape(tip)}</title><rect x="{x0 + inset:g}" y="{y:g}"'
        f' width="{x1 - x0 - 2 * inset:g}" height="{height:g}" rx="3" fill="{fill}"{stroke}/>'
    ]
    if _goes_on(bar, grid):
        # "from 2012": the phase goes on; an arrow says so without inventing an end.
        tip_x = x1 - inset
        mid = y + height / 2
        parts.append(
            f'<path d="M{tip_x + 2:g} {mid - 4:g} L{tip_x + 8:g} {mid:g}'
            f' L{tip_x + 2:g} {mid + 4:g}Z"'
            f' fill="{colour}"/>'
        )
    parts.append("</g>")
    return "".join(parts)
