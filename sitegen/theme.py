"""Where the built-in theme (the repository's top-level templates/) lives."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def theme_dir() -> Path:
    """The default theme folder.

    The wheel ships templates/ as the `sitegen.default_theme` package; in a source
    checkout (where `sitegen` is imported from the working tree) it is the templates/
    folder beside the package.
    """
    try:
        return Path(str(resources.files("sitegen.default_theme")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "templates"
