"""Project configuration: `sitegen.yaml` (optional) merged over defaults."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import ConfigError, InputError, Location
from sitegen.yamlio import read_yaml

CONFIG_FILE = "sitegen.yaml"
DEFAULT_MODEL = "en_core_web_sm"
DASK_SCHEME = "dask://"
# ~9x the longest of 105 real articles in ../shared/corpora (11,343 characters), yet
# about 6 s of spaCy: a pasted e-book or log file builds in seconds, with a warning
DEFAULT_EXTRACT_LIMIT = 100_000


@dataclass
class Config:
    """Settings for one project. Paths are relative to `root` unless absolute."""

    root: Path
    title: str = ""
    description: str = ""
    base_url: str = ""
    language: str = "en"
    seeds_dir: str = "seeds"
    content_dir: str = "content"
    templates_dir: str = "templates"
    site_dir: str = "site"
    cache_dir: str = ".sitegen-cache"
    model: str = DEFAULT_MODEL
    jobs: int = 1  # processes extracting and rendering; 0 = one per CPU
    executor: str = "local"  # where articles are extracted: "local" or "dask://HOST:PORT"
    extract_limit: int = DEFAULT_EXTRACT_LIMIT  # characters of each article read for facts
    per_page: int = 100  # items on each page of the claims, people and sources lists
    feed_limit: int = 100  # claims in feed.xml, the most recently reported; 0 = all

    @property
    def seeds(self) -> Path:
        return self.root / self.seeds_dir

    @property
    def content(self) -> Path:
        return self.root / self.content_dir

    @property
    def templates(self) -> Path:
        return self.root / self.templates_dir

    @property
    def site(self) -> Path:
        return self.root / self.site_dir

    @property
    def cache(self) -> Path:
        return self.root / self.cache_dir


_KEYS = {"title", "description", "base_url", "language", "model", "executor"}
# whole-number settings: the least allowed, and what the number counts
_NUMBERS = {
    "extract_limit": (1, "a positive number of characters"),
    "jobs": (0, "a number of processes (0: one per CPU)"),
    "per_page": (1, "a positive number of items"),
    "feed_limit": (0, "a number of feed entries (0: every claim)"),
}
_PATH_KEYS = {
    "seeds": "seeds_dir",
    "content": "content_dir",
    "templates": "templates_dir",
    "site": "site_dir",
    "cache": "cache_dir",
}


def check_executor(executor: str, where: Location | None = None) -> None:
    """'local' or 'dask://HOST:PORT' (a Dask scheduler); anything else is refused."""
    if executor == "local":
        return
    host, _, port = executor.removeprefix(DASK_SCHEME).rpartition(":")
    if not executor.startswith(DASK_SCHEME) or not host or not port.isdigit():
        raise ConfigError(
            f"executor must be 'local' or 'dask://HOST:PORT', not {executor!r}", where
        )


def load_config(root: Path) -> Config:
    """Read `root/sitegen.yaml` if present; a folder with only seeds/ gets defaults."""
    root = root.resolve()
    if not root.is_dir():
        raise ConfigError(f"project folder {root} does not exist")
    config = Config(root=root)
    path = root / CONFIG_FILE
    if not path.exists():
        return config
    try:
        doc = read_yaml(path)
    except InputError as exc:
        raise ConfigError(exc.message, exc.location) from None
    if doc.data is None:
        return config
    if not isinstance(doc.data, dict):
        raise ConfigError("sitegen.yaml must be a mapping of settings", doc.where())
    for key, value in doc.data.items():
        if key == "paths":
            _apply_paths(config, value, doc)
        elif key in _NUMBERS:
            least, meaning = _NUMBERS[key]
            if not isinstance(value, int) or isinstance(value, bool) or value < least:
                raise ConfigError(f"'{key}' must be {meaning}", doc.where(key))
            setattr(config, key, value)
        elif key in _KEYS:
            if not isinstance(value, str):
                raise ConfigError(f"'{key}' must be a string", doc.where(key))
            setattr(config, key, value)
            if key == "executor":
                check_executor(value, doc.where(key))
        else:
            known = ", ".join(sorted(_KEYS | _NUMBERS.keys() | {"paths"}))
            raise ConfigError(f"unknown setting '{key}' (known: {known})", doc.where(key))
    return config


def _apply_paths(config: Config, value: object, doc) -> None:
    if not isinstance(value, dict):
        raise ConfigError("'paths' must be a mapping", doc.where("paths"))
    for name, path in value.items():
        if name not in _PATH_KEYS:
            known = ", ".join(sorted(_PATH_KEYS))
            raise ConfigError(f"unknown path '{name}' (known: {known})", doc.where("paths", name))
        if not isinstance(path, str) or not path.strip():
            raise ConfigError(f"path '{name}' must be a non-empty string", doc.where("paths", name))
        setattr(config, _PATH_KEYS[name], path)
