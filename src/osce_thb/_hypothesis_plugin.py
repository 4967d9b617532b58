"""Register the model's strategies with hypothesis, so that ``st.from_type`` knows them.

Hypothesis runs `_hypothesis_setup_hook` when it is imported, through the
``hypothesis`` entry point in ``pyproject.toml``; `osce_thb.strategies` runs it
too when imported, for environments where entry points are off
(``HYPOTHESIS_NO_PLUGINS``). The strategies themselves are imported only when
hypothesis first resolves one of the types, so that importing hypothesis stays
cheap and no import cycle can form.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy

# Each model class, by name, and the name of its strategy in `osce_thb.strategies`.
_STRATEGIES = {
    "Abbreviation": "abbreviations",
    "Dateline": "datelines",
    "Document": "documents",
    "Donor": "donors",
    "Figure": "figures",
    "Heading": "headings",
    "ListItem": "list_items",
    "Mention": "mentions",
    "NrmPhase": "nrm_phases",
    "Paragraph": "paragraphs",
    "Person": "people",
    "Programme": "programmes",
    "Quote": "quotes",
    "Region": "regions",
    "RelatedItem": "related_items",
    "Source": "sources",
    "Speaker": "speakers",
    "UnparsedLine": "unparsed_lines",
}


def _lazy(name: str) -> Callable[[type[Any]], SearchStrategy[Any]]:
    def resolve(_: type[Any]) -> SearchStrategy[Any]:
        strategy: SearchStrategy[Any] = getattr(
            importlib.import_module("osce_thb.strategies"), name
        )()
        return strategy

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every model class (the entry point hypothesis calls)."""
    from hypothesis import strategies as st

    from osce_thb import model

    for class_name, strategy_name in _STRATEGIES.items():
        st.register_type_strategy(getattr(model, class_name), _lazy(strategy_name))
