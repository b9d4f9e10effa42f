"""Project configuration: `sitegen.yaml` (optional) merged over defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from sitegen.errors import ConfigError, InputError, Location
from sitegen.paths import Folder, check_layout, is_inside
from sitegen.yamlio import YamlDocument, read_yaml

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
    # where each path setting was made (sitegen.yaml:line, or a command-line option),
    # for errors about the layout; not a setting, so not part of any fingerprint
    set_at: dict[str, Location] = field(default_factory=dict, repr=False, compare=False)

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

    def publish_to(self, site: Path) -> None:
        """Write the site to `site` (`--site DIR`): the one way to publish outside the
        project, since only the person running the command can choose it."""
        self.site_dir = str(site.resolve())
        self.set_at["site"] = Location("--site")
        self.check_layout(site_outside_ok=True)

    def check_layout(self, site_outside_ok: bool = False) -> None:
        """Refuse folders that overlap, lie above the project, or (but for a site given
        on the command line) outside it: a render must never replace what it did not make."""
        folders = [
            Folder(name, self.root / getattr(self, attribute), self.set_at.get(name))
            for name, attribute in _PATH_KEYS.items()
        ]
        check_layout(self.root, folders, site_outside_ok)


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
        config.check_layout()
        return config
    if not is_inside(path, root):
        raise ConfigError("sitegen.yaml is a link leading out of the project", Location(path))
    try:
        doc = read_yaml(path)
    except InputError as exc:
        raise ConfigError(exc.message, exc.location) from None
    if doc.data is None:
        config.check_layout()
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
            _apply_text(config, key, value, doc)
        else:
            known = ", ".join(sorted(_KEYS | _NUMBERS.keys() | {"paths"}))
            raise ConfigError(f"unknown setting '{key}' (known: {known})", doc.where(key))
    config.check_layout()
    return config


def _apply_text(config: Config, key: str, value: object, doc: YamlDocument) -> None:
    """A setting whose value is a string; a base URL and an executor are checked."""
    if not isinstance(value, str):
        raise ConfigError(f"'{key}' must be a string", doc.where(key))
    if key == "base_url":
        check_base_url(value, doc.where(key))
    setattr(config, key, value)
    if key == "executor":
        check_executor(value, doc.where(key))


# whitespace, controls and the characters that would end an attribute or a tag
_NOT_IN_URL = re.compile(r"[\s\x00-\x1f\x7f<>\"'`\\]")


def normalize_base_url(base_url: str) -> str:
    """`base_url` with exactly one trailing slash, or "" when none is configured.

    Only an absolute http(s) URL can make the sitemap, the feed and canonical links
    right; anything else is refused rather than published broken.
    """
    base_url = base_url.strip()
    if not base_url:
        return ""
    parts = urlsplit(base_url)
    if (
        _NOT_IN_URL.search(base_url)
        or parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.query
        or parts.fragment
    ):
        raise ValueError(
            f"base_url must be an absolute http(s) URL such as "
            f"https://owner.github.io/project/, not {base_url!r}"
        )
    return base_url.rstrip("/") + "/"


def check_base_url(base_url: str, where: Location) -> None:
    """Refuse a `base_url` that would be published broken, at the place it was set."""
    try:
        normalize_base_url(base_url)
    except ValueError as exc:
        raise ConfigError(str(exc), where) from None


def _apply_paths(config: Config, value: object, doc: YamlDocument) -> None:
    if not isinstance(value, dict):
        raise ConfigError("'paths' must be a mapping", doc.where("paths"))
    for name, path in value.items():
        if name not in _PATH_KEYS:
            known = ", ".join(sorted(_PATH_KEYS))
            raise ConfigError(f"unknown path '{name}' (known: {known})", doc.where("paths", name))
        if not isinstance(path, str) or not path.strip():
            raise ConfigError(f"path '{name}' must be a non-empty string", doc.where("paths", name))
        setattr(config, _PATH_KEYS[name], path)
        config.set_at[name] = doc.where("paths", name)
