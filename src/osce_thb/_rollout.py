"""One NRM rollout timeline per region, merged from the phases of many documents.

Each document's phases are claims: "region R joined in year Y, at this stage,
paid by these donors". Claims are never merged into one answer by overwriting:
when two documents disagree, both claims stand side by side in the region's
timeline, each naming the document it came from.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from osce_thb.model import Donor, PhaseStage, PhaseStatus

if TYPE_CHECKING:
    from collections.abc import Iterable

    from osce_thb.model import Document, NrmPhase

__all__ = [
    "NEVER",
    "STAGE_ORDER",
    "RegionTimeline",
    "RolloutClaim",
    "claim_order",
    "distinct_donors",
    "rollout",
]

NEVER = 10_000
"""Sorts what has no year after what has one."""
STAGE_ORDER = {PhaseStage.PILOT: 0, PhaseStage.EXPANSION: 1, PhaseStage.NATIONAL: 2}
"""The stages in the order a rollout goes through them."""


@attrs.frozen(kw_only=True)
class RolloutClaim:
    """What one document says about one region's place in the rollout.

    Attributes:
        document: The position of the document in the input to `rollout`.
        title: That document's title, if it has one.
        published: That document's date, if known.
        stage: The stage of the phase that covers the region.
        status: That phase's status, as of the document's date.
        start: The phase's first year, if given.
        end: The phase's last year, if given.
        donors: The phase's donors (`Donor`s without mentions).
    """

    document: int
    title: str | None
    published: dt.date | None
    stage: PhaseStage
    status: PhaseStatus
    start: int | None
    end: int | None
    donors: tuple[Donor, ...]

    @classmethod
    def of(cls, position: int, document: Document, phase: NrmPhase) -> RolloutClaim:
        """The claim `phase` of `document` (at `position` in the input) makes."""
        return cls(
            document=position,
            title=document.title,
            published=document.published,
            stage=phase.stage,
            status=phase.status,
            start=phase.start,
            end=phase.end,
            donors=phase.donors,
        )

    @property
    def year(self) -> int | None:
        """The year the claim puts the region's joining in: the start, else the end."""
        return self.start if self.start is not None else self.end


def claim_order(claim: RolloutClaim) -> tuple[int, int, int]:
    """A timeline's order of claims: by year (none last), then stage, then document."""
    return (NEVER if claim.year is None else claim.year, STAGE_ORDER[claim.stage], claim.document)


@attrs.frozen(kw_only=True)
class RegionTimeline:
    """Everything a corpus says about when one region joined the rollout.

    Attributes:
        code: The region's ISO 3166-2 code.
        name: The region's English name.
        claims: Every claim, earliest year first (claims without a year last).
    """

    code: str
    name: str
    claims: tuple[RolloutClaim, ...]

    def _reached(self) -> list[RolloutClaim]:
        return [c for c in self.claims if c.status is not PhaseStatus.PLANNED]

    @property
    def joined(self) -> int | None:
        """The first year any document says the region joined (planned phases aside)."""
        years = [c.year for c in self._reached() if c.year is not None]
        return min(years) if years else None

    @property
    def stage(self) -> PhaseStage | None:
        """The stage by which the region joined, among the claims that are not plans.

        The earliest stage of the claims in the join year, or without a year: a
        pilot comes before an expansion by definition, so a pilot the text gives
        no year for still tells how a region that later expanded first joined.
        """
        joined = self.joined
        candidates = [c.stage for c in self._reached() if c.year is None or c.year == joined]
        return min(candidates, key=STAGE_ORDER.__getitem__) if candidates else None

    @property
    def donors(self) -> tuple[Donor, ...]:
        """Every donor named for the region, in order of first claim, each once."""
        return distinct_donors(d for c in self.claims for d in c.donors)

    @property
    def documents(self) -> tuple[int, ...]:
        """The positions of the documents that speak of the region."""
        return tuple(dict.fromkeys(c.document for c in self.claims))

    @property
    def disputed(self) -> bool:
        """Whether documents give different years or stages for the region's joining."""
        reached = self._reached()
        return len({(c.year, c.stage) for c in reached if c.year is not None}) > 1


def distinct_donors(donors: Iterable[Donor]) -> tuple[Donor, ...]:
    """`donors` in order, each `Donor.key` once (its first donor)."""
    found: dict[str, Donor] = {}
    for donor in donors:
        found.setdefault(donor.key, donor)
    return tuple(found.values())


def rollout(documents: Iterable[Document]) -> tuple[RegionTimeline, ...]:
    """Merge the NRM phases of many documents into one timeline per region.

    Args:
        documents: Any iterable of documents; it is read once, in order.

    Returns:
        One `RegionTimeline` per region any phase names, ordered by the year the
        region joined (regions known only from plans or without years last),
        then by code.
    """
    from osce_thb import gazetteer  # its data loads lazily

    claims: dict[str, list[RolloutClaim]] = {}
    for position, document in enumerate(documents):
        for phase in document.nrm_phases:
            claim = RolloutClaim.of(position, document, phase)
            for region in phase.regions:
                claims.setdefault(region.code or "", []).append(claim)
    timelines = [
        RegionTimeline(
            code=code,
            name=gazetteer.region(code).name,
            claims=tuple(sorted(found, key=claim_order)),
        )
        for code, found in claims.items()
    ]
    return tuple(sorted(timelines, key=lambda t: (NEVER if t.joined is None else t.joined, t.code)))
