"""Documents for other tools: flat CSV tables, schema.org JSON-LD, the rollout table and chart.

What ``osce-thb export`` and ``osce-thb rollout`` write, as functions of one
document (or of one rollout) at a time, so that a corpus of any size can be
written while it is read::

    import csv, sys
    from osce_thb import export

    writer = csv.writer(sys.stdout)
    writer.writerow(export.header_row("regions"))
    for index, document in enumerate(documents):
        writer.writerows(export.table_rows("regions", document, index=index, path=""))

The tables (`TABLES`: documents, regions, donors, phases) join on their first
column, ``document``, the position of the document in the input; each column has
an HXL hashtag (`hxl_row`) for humanitarian data tools. `to_jsonld` gives a
schema.org ``NewsArticle``. The rollout of a corpus
([`rollout`][osce_thb.rollout]) is written as rows (`rollout_rows`), a JSON-ready
dict (`rollout_dict`), an aligned table for the terminal (`rollout_table`) or an
SVG chart (`rollout_svg`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from osce_thb._export import (
    TABLES,
    Column,
    columns,
    header_row,
    hxl_row,
    rollout_dict,
    rollout_rows,
    rollout_table,
    table_rows,
    to_jsonld,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from osce_thb._rollout import RegionTimeline

__all__ = [
    "TABLES",
    "Column",
    "columns",
    "header_row",
    "hxl_row",
    "rollout_dict",
    "rollout_rows",
    "rollout_svg",
    "rollout_table",
    "table_rows",
    "to_jsonld",
]


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
    from osce_thb._chart import rollout_svg as draw  # the chart's code loads on first use

    return draw(timelines, labels, title=title)
