"""The NRM rollout of a corpus as an SVG chart: regions by years, coloured by stage.

One self-contained SVG file (no script, no external font or style sheet, no
plotting library): a row per region, in the order of [`rollout`][osce_thb.rollout]
(earliest joiners first), a column per year the claims span, and a bar per
distinct claim, coloured by stage (pilot, expansion, national rollout, in
Okabe–Ito colours that colour-blind readers tell apart). Planned phases are
hatched; claims without a year sit in a "year?" column on the right. When
documents disagree, the region's claims share its row as thinner lanes and the
region is marked "disputed". Hovering a bar shows its documents and donors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NamedTuple
from xml.sax.saxutils import escape, quoteattr

from osce_thb.model import PhaseStage, PhaseStatus

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

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
_DISPUTED: Final = "#b35900"

_MARGIN: Final = 24
_ROW: Final = 36
_COLUMN: Final = 46
_GAP: Final = 14  # between the last year and the "year?" column
_BAR_PADDING: Final = 6
_CHAR: Final = 7.4  # average width of a 13 px character, to size the label column
_SOURCES_SHOWN: Final = 8  # documents named in a tooltip
_HEAD: Final = 112  # title, subtitle, legend and the year axis


class _Bar(NamedTuple):
    """A distinct claim of a region: what it says, and who says it."""

    stage: PhaseStage
    status: PhaseStatus
    start: int | None
    end: int | None
    documents: tuple[str, ...]
    donors: tuple[str, ...]


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
            donors=tuple(dict.fromkeys(d for c in claims for d in c.donors)),
        )
        for claims in merged.values()
    ]


def _label(labels: Sequence[str], position: int) -> str:
    return labels[position] if 0 <= position < len(labels) else f"document {position}"


def _years(bars: Sequence[_Bar]) -> tuple[int, int] | None:
    years = [y for bar in bars for y in (bar.start, bar.end) if y is not None]
    return (min(years), max(years)) if years else None


def _span(bar: _Bar) -> str:
    if bar.start is not None and bar.end is not None and bar.start != bar.end:
        return f"{bar.start}–{bar.end}"
    if bar.start is not None and bar.end is None:
        return f"from {bar.start}"
    if bar.start is None and bar.end is not None:
        return f"by {bar.end}"
    return str(bar.start) if bar.start is not None else "year unknown"


def _text(x: float, y: float, text: str, **attributes: str | float) -> str:
    attrs = "".join(
        f" {key.replace('_', '-')}={quoteattr(str(value))}" for key, value in attributes.items()
    )
    return f'<text x="{x:g}" y="{y:g}"{attrs}>{escape(text)}</text>'


def rollout_svg(
    timelines: Sequence[RegionTimeline],
    labels: Sequence[str],
    *,
    title: str = "National Referral Mechanism rollout by region",
) -> str:
    """Draw the rollout as a self-contained SVG document.

    Args:
        timelines: What [`rollout`][osce_thb.rollout] returned.
        labels: Where each document was read from, by position: the tooltips
            name the documents behind each bar.
        title: The chart's title.

    Returns:
        The SVG text, ending with a newline.
    """
    rows = [(timeline, _bars(timeline, labels)) for timeline in timelines]
    slots = _row_slots(timelines)  # where each region's row goes, below its country's heading
    lines = (slots[-1] + 1) if slots else 0
    every_bar = [bar for _, bars in rows for bar in bars]
    span = _years(every_bar)
    years = list(range(span[0], span[1] + 1)) if span else []
    undated = any(bar.start is None and bar.end is None for bar in every_bar)

    longest = max((len(timeline.name) for timeline in timelines), default=0)
    label_width = max(150.0, longest * _CHAR + 28)
    grid_left = _MARGIN + label_width
    grid_width = len(years) * _COLUMN + ((_GAP + _COLUMN) if undated else 0)
    width = max(grid_left + grid_width + _MARGIN, 620.0)
    height = _HEAD + max(lines, 1) * _ROW + 44

    def column_x(year: int) -> float:
        return grid_left + (year - years[0]) * _COLUMN

    undated_x = grid_left + len(years) * _COLUMN + _GAP

    out: list[str] = []
    add = out.append
    add(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" height="{height:g}"'
        f' viewBox="0 0 {width:g} {height:g}" role="img" font-family={quoteattr(_FONT)}>'
    )
    add(f"<title>{escape(title)}</title>")
    documents = len(labels)
    summary = (
        f"{len(rows):,} region{'' if len(rows) == 1 else 's'} · "
        f"{documents:,} document{'' if documents == 1 else 's'}"
    )
    if span:
        summary += f" · {span[0]}–{span[1]}" if span[0] != span[1] else f" · {span[0]}"
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

    # Title, summary, legend.
    add(_text(_MARGIN, 34, title, font_size=18, font_weight=600, fill=_INK))
    add(_text(_MARGIN, 54, summary + " · hover a bar for its sources", font_size=12, fill=_MUTED))
    x = float(_MARGIN)
    for stage, colour in _COLOURS.items():
        add(f'<rect x="{x:g}" y="66" width="14" height="14" rx="3" fill="{colour}"/>')
        add(_text(x + 20, 77.5, _LABELS[stage], font_size=12, fill=_INK))
        x += 20 + len(_LABELS[stage]) * 6.8 + 18
    add(
        f'<rect x="{x:g}" y="66" width="14" height="14" rx="3" fill="url(#planned-expansion)"'
        f' stroke="{_COLOURS[PhaseStage.EXPANSION]}" stroke-dasharray="3 2"/>'
    )
    add(_text(x + 20, 77.5, "Planned (hatched)", font_size=12, fill=_INK))

    top = float(_HEAD)
    bottom = top + max(lines, 1) * _ROW
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

    # Country headings, when the regions are of several countries.
    for index, timeline in enumerate(timelines):
        if slots[index] > (slots[index - 1] + 1 if index else 0):
            y = top + (slots[index] - 1) * _ROW
            add(
                _text(
                    _MARGIN + 8,
                    y + 24,
                    _country_label(timeline.country),
                    font_size=13,
                    font_weight=600,
                    fill=_INK,
                )
            )

    # Row bands and labels.
    for index, (timeline, _) in enumerate(rows):
        y = top + slots[index] * _ROW
        if index % 2 == 0:
            add(
                f'<rect x="{_MARGIN}" y="{y:g}" width="{width - 2 * _MARGIN:g}"'
                f' height="{_ROW}" fill="{_BAND}"/>'
            )
        add(_text(_MARGIN + 8, y + 16, timeline.name, font_size=13, fill=_INK))
        code = timeline.code
        add(
            f'<text x="{_MARGIN + 8}" y="{y + 30:g}" font-size="11" fill="{_MUTED}">'
            f"{escape(code)}"
            + (
                f'<tspan fill="{_DISPUTED}" font-weight="600"> · disputed</tspan>'
                if timeline.disputed
                else ""
            )
            + "</text>"
        )

    # Year axis and grid.
    for year in years:
        x = column_x(year)
        add(
            f'<line x1="{x:g}" y1="{top - 4:g}" x2="{x:g}" y2="{bottom:g}"'
            f' stroke="{_GRID}" stroke-width="1"/>'
        )
        add(
            _text(
                x + _COLUMN / 2,
                top - 10,
                str(year),
                font_size=11,
                fill=_MUTED,
                text_anchor="middle",
            )
        )
    if years:
        x = column_x(years[-1]) + _COLUMN
        add(f'<line x1="{x:g}" y1="{top - 4:g}" x2="{x:g}" y2="{bottom:g}" stroke="{_GRID}"/>')
    if undated:
        add(
            f'<rect x="{undated_x:g}" y="{top - 4:g}" width="{_COLUMN}"'
            f' height="{bottom - top + 4:g}" fill="none" stroke="{_GRID}" stroke-dasharray="3 3"/>'
        )
        add(
            _text(
                undated_x + _COLUMN / 2,
                top - 10,
                "year?",
                font_size=11,
                fill=_MUTED,
                text_anchor="middle",
                font_style="italic",
            )
        )

    # Bars: claims that overlap in time share the row as thinner lanes.
    for index, (timeline, bars) in enumerate(rows):
        y = top + slots[index] * _ROW + _BAR_PADDING
        lanes = _lanes(bars, years)
        lane = (_ROW - 2 * _BAR_PADDING) / (max(lanes) + 1)
        for bar, number in zip(bars, lanes, strict=True):
            add(_draw_bar(timeline, bar, y + number * lane, lane, column_x, undated_x, years))

    add(
        _text(
            _MARGIN,
            bottom + 26,
            "Each bar is a claim of one or more documents (hover for them); the first solid bar"
            " is when the region joined. year? = no year given.",
            font_size=11,
            fill=_MUTED,
        )
    )
    add("</svg>")
    return "\n".join(out) + "\n"


def _row_slots(timelines: Sequence[RegionTimeline]) -> list[int]:
    """The row of each region, in order.

    When the regions are of several countries, each country's heading takes a
    row before its regions.
    """
    several = len({timeline.country for timeline in timelines}) > 1
    slots: list[int] = []
    row = 0
    for index, timeline in enumerate(timelines):
        if several and (index == 0 or timeline.country != timelines[index - 1].country):
            row += 1  # the heading's row
        slots.append(row)
        row += 1
    return slots


def _country_label(code: str) -> str:
    from osce_thb.gazetteer import countries, coverage  # the gazetteer loads lazily

    state = countries().get(code)
    covered = coverage().get(code)
    name = state.name if state else (covered.name if covered and covered.name else None)
    return f"{name} ({code})" if name else code


def _slots(bar: _Bar, years: Sequence[int]) -> tuple[int, int]:
    """The first and last column a bar covers: years by index, then the "year?" column."""
    known = [year for year in (bar.start, bar.end) if year is not None]
    if not known:
        return len(years), len(years)
    return known[0] - years[0], known[-1] - years[0]


def _lanes(bars: Sequence[_Bar], years: Sequence[int]) -> list[int]:
    """A lane for each bar: the first one free over the bar's columns (interval packing)."""
    ends: list[int] = []  # the last column taken in each lane
    found = []
    for bar in bars:
        first, last = _slots(bar, years)
        lane = next((n for n, end in enumerate(ends) if end < first), len(ends))
        if lane == len(ends):
            ends.append(last)
        else:
            ends[lane] = max(ends[lane], last)
        found.append(lane)
    return found


def _draw_bar(
    timeline: RegionTimeline,
    bar: _Bar,
    y: float,
    lane: float,
    column_x: Callable[[int], float],
    undated_x: float,
    years: Sequence[int],
) -> str:
    """One claim as a rounded bar with a tooltip."""
    inset = 3.0
    height = max(lane - 2, 4.0)
    known = [year for year in (bar.start, bar.end) if year is not None]
    if known:
        x0, x1 = column_x(known[0]), column_x(known[-1]) + _COLUMN
    else:
        x0, x1 = undated_x, undated_x + _COLUMN
    colour = _COLOURS[bar.stage]
    planned = bar.status is PhaseStatus.PLANNED
    fill = f"url(#planned-{bar.stage.value})" if planned else colour
    stroke = f' stroke="{colour}" stroke-width="1.5" stroke-dasharray="4 2"' if planned else ""
    tip = (
        f"{timeline.name} ({timeline.code}): {_LABELS[bar.stage].lower()}, {bar.status.value},"
        f" {_span(bar)}"
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
    if bar.start is not None and bar.end is None and years and bar.start < years[-1]:
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
