"""The words of the page format that the reader reads and the writers write.

Kind labels ("Press release", "Story", ...) in both directions. The reader
(`osce_thb._parser`) and the writers (`osce_thb._render`) share this module so
that neither imports the other.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final

from osce_thb.model import DocumentKind

__all__ = ["BULLETS", "DATELINE_BLOCKS", "KIND_BY_LABEL", "KIND_LABELS", "METADATA", "words"]

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

METADATA: Final = re.compile(r"-\s*(?P<key>[A-Z][A-Za-z ]{1,30}):(?:\s+(?P<value>.*))?")
"""A metadata bullet, "- Date: 13 December 2013" or "- Source:" (its value on the next line)."""

BULLETS: Final = "•·▪●◦‣*"
"""The bullets of list items; a dash ("-", "–", "—") is one too when a space follows it."""

DATELINE_BLOCKS: Final = 4
"""The dateline leads one of the first four blocks of the body (a caption may come first)."""


def words(text: str) -> str:
    """`text` word for word: white space made single spaces, as repeats are compared."""
    return " ".join(text.split())
