"""The words of the page format that the reader reads and the writers write.

Kind labels ("Press release", "Story", ...) in both directions. The reader
(`osce_thb._parser`) and the writers (`osce_thb._render`) share this module so
that neither imports the other.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from osce_thb.model import DocumentKind

__all__ = ["KIND_BY_LABEL", "KIND_LABELS"]

KIND_LABELS: Final = MappingProxyType(
    {
        DocumentKind.PRESS_RELEASE: "Press release",
        DocumentKind.STORY: "Story",
        DocumentKind.NEWS_ITEM: "News item",
        DocumentKind.EVENT: "Event",
        DocumentKind.FEATURE: "Feature",
        DocumentKind.SPEECH: "Speech",
        DocumentKind.STATEMENT: "Statement",
        DocumentKind.INTERVIEW: "Interview",
        DocumentKind.OP_ED: "Op-ed",
        DocumentKind.PUBLICATION: "Publication",
    }
)
"""The label osce.org prints above the title, for each kind but `DocumentKind.OTHER`."""

KIND_BY_LABEL: Final = MappingProxyType(
    {
        **{label.casefold(): kind for kind, label in KIND_LABELS.items()},
        "press releases": DocumentKind.PRESS_RELEASE,
        "stories": DocumentKind.STORY,
        "news items": DocumentKind.NEWS_ITEM,
        "news": DocumentKind.NEWS_ITEM,
        "events": DocumentKind.EVENT,
        "features": DocumentKind.FEATURE,
        "speeches": DocumentKind.SPEECH,
        "statements": DocumentKind.STATEMENT,
    }
)
"""The kind of each label the reader knows, case-folded (singular and plural forms)."""
