"""`sitegen init`: a new project, ready to build locally and to publish on GitHub Pages.

It writes every file or none: an existing file is never overwritten, so running it in
a folder that already holds a project is a clear error, not a loss of work.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from sitegen.errors import ConfigError

WORKFLOW = ".github/workflows/pages.yml"
# sitegen is not on PyPI: CI installs it from its git repository. Change this (or pass
# `sitegen init --install`) to the repository, tag or commit you use.
PLACEHOLDER_INSTALL = "sitegen @ git+https://github.com/OWNER/sitegen.git"

SITEGEN_YAML = """\
# Site settings; every key is optional.
title: ""              # default: the headline most sources share
description: ""        # one line shown under the title
base_url: ""           # where the site is published; the Pages workflow passes --base-url
language: en
model: en_core_web_sm  # the spaCy pipeline used by `sitegen extract`
jobs: 1                # extraction processes (0: one per CPU); --jobs overrides
extract_limit: 100000  # characters of each article read for facts; the rest is shown
"""

GITIGNORE = """\
/site/
/.sitegen-cache/
"""

ABOUT_PAGE = """\
---
title: About
---
This site gathers what several news outlets report about one story. Every statement
links to the passages of the articles that support it, and says how many sources agree.

Pages in `content/pages/` are written by hand in Markdown and appear in the navigation.
"""

TEMPLATES_README = """\
# Templates

A file here replaces the built-in theme's file of the same name: `footer.html` below
overrides the theme's footer, and `static/style.css` would replace its stylesheet.
Copy a theme template here to change it; this prints where the theme lives:

    python -c "from sitegen.theme import theme_dir; print(theme_dir())"

Templates are Jinja2 with autoescaping. Link with `url(...)` so links stay relative and
the site works under any path.
"""

FOOTER_EXAMPLE = """\
{#- Overrides the theme's footer.html (see README.md in this folder). -#}
<p>Every statement on this site links to the passages of the articles that support it.
This footer comes from <code>templates/footer.html</code>: say here who runs the site.</p>
<p class="footer-links"><a href="{{ url('search/') }}">Search</a> ·
<a href="{{ url('feed.xml') }}">Atom feed of claims</a></p>
"""

PAGES_WORKFLOW = """\
# Builds the site and publishes it with GitHub Pages on every push to main.
# Enable it once: Settings -> Pages -> Build and deployment -> Source: GitHub Actions.
name: Publish to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  # Where pip installs sitegen from. It is not on PyPI: use the git URL of the sitegen
  # repository, ideally pinned to a tag or commit ("...sitegen.git@v0.1.0").
  SITEGEN_INSTALL: __INSTALL__

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Install sitegen
        run: python -m pip install "$SITEGEN_INSTALL"
      - name: Configure Pages
        id: pages
        uses: actions/configure-pages@v5
      - name: Build the site
        # The Pages URL (https://owner.github.io/repo) makes the sitemap, the feed and
        # canonical links absolute; links between pages stay relative.
        run: sitegen build --base-url "${{ steps.pages.outputs.base_url }}"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
"""


@dataclass
class Scaffold:
    root: Path
    created: list[Path]  # relative to root
    install: str  # what the workflow installs sitegen from

    @property
    def install_is_placeholder(self) -> bool:
        return self.install == PLACEHOLDER_INSTALL


def scaffold_files(install: str) -> dict[str, str]:
    """Every file of a new project, by path relative to the project folder."""
    return {
        "sitegen.yaml": SITEGEN_YAML,
        ".gitignore": GITIGNORE,
        "seeds/.gitkeep": "",
        "content/pages/about.md": ABOUT_PAGE,
        "templates/README.md": TEMPLATES_README,
        "templates/footer.html": FOOTER_EXAMPLE,
        WORKFLOW: PAGES_WORKFLOW.replace("__INSTALL__", json.dumps(install)),
    }


def scaffold(root: Path, install: str | None = None) -> Scaffold:
    """Create a project in `root` (made if missing); refuses if any file exists."""
    install = install or installed_from() or PLACEHOLDER_INSTALL
    if root.exists() and not root.is_dir():
        raise ConfigError(f"{root} exists and is not a folder")
    files = scaffold_files(install)
    _check_free(root, files)
    made: list[Path] = []  # files and folders this run created, undone on a failure
    try:
        if not root.is_dir():
            root.mkdir(parents=True)
            made.append(root)
        for name, text in files.items():
            path = root / name
            for folder in reversed([*path.relative_to(root).parents][:-1]):
                if not (root / folder).is_dir():
                    (root / folder).mkdir(parents=True)
                    made.append(root / folder)
            with path.open("x", encoding="utf-8", newline="") as handle:
                made.append(path)
                handle.write(text)
    except OSError as exc:
        for path in reversed(made):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink(missing_ok=True)
        raise ConfigError(
            f"cannot create {exc.filename}: {exc.strerror}; nothing was created"
        ) from None
    return Scaffold(root, [Path(name) for name in files], install)


def _check_free(root: Path, files: dict[str, str]) -> None:
    """Refuse before writing anything: no file is overwritten, no link followed."""
    clashes = [name for name in files if os.path.lexists(root / name)]
    if clashes:
        raise ConfigError(
            f"{root} already has {', '.join(clashes)}; sitegen init never "
            "overwrites files (choose a new folder, or move them away)"
        )
    for name in files:
        for folder in [*Path(name).parents][:-1]:
            path = root / folder
            if os.path.lexists(path) and (path.is_symlink() or not path.is_dir()):
                raise ConfigError(
                    f"{path} is a file or a link, where sitegen init makes a folder; "
                    "nothing was created"
                )


def installed_from() -> str | None:
    """The git URL and commit this sitegen was installed from, if pip recorded one."""
    try:
        record = distribution("sitegen").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    info = json.loads(record) if record else {}
    vcs = info.get("vcs_info", {})
    if vcs.get("vcs") != "git" or not info.get("url"):
        return None
    commit = f"@{vcs['commit_id']}" if vcs.get("commit_id") else ""
    return f"sitegen @ git+{info['url']}{commit}"


def next_steps(result: Scaffold) -> str:
    """What to do now, printed by `sitegen init`."""
    where = result.root
    steps = [
        f"Created a sitegen project in {where}. Next:",
        f"  1. Put the articles about your story in {where / 'seeds'}/ "
        "(.txt, or .md with front matter).",
        f"  2. sitegen build --project {where}   then open {where / 'site' / 'index.html'}",
        "  3. Publish: push the folder to a GitHub repository, then choose",
        "     Settings -> Pages -> Source: GitHub Actions. Every push to main rebuilds the site.",
    ]
    if result.install_is_placeholder:
        steps.append(
            f"  Before publishing, set SITEGEN_INSTALL in {WORKFLOW} to the git URL "
            "of sitegen (or rerun init with --install)."
        )
    return "\n".join(steps)
