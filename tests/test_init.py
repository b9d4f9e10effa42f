"""`sitegen init`: the scaffold, its GitHub Pages workflow, and never overwriting."""

from __future__ import annotations

import shutil
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import yaml

from sitegen.config import Config, load_config
from sitegen.scaffold import PLACEHOLDER_INSTALL, WORKFLOW, scaffold_files
from tests.conftest import REPO, run_sitegen

EXPECTED = {
    "sitegen.yaml",
    ".gitignore",
    "seeds/.gitkeep",
    "content/pages/about.md",
    "templates/README.md",
    "templates/footer.html",
    WORKFLOW,
}


def files_in(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_init_scaffolds_a_project_and_says_what_next(tmp_path: Path) -> None:
    project = tmp_path / "story"
    result = run_sitegen("init", str(project))
    assert result.returncode == 0, result.stderr
    assert set(files_in(project)) == EXPECTED
    assert "seeds" in result.stdout and "sitegen build" in result.stdout
    assert "Settings -> Pages" in result.stdout
    assert "SITEGEN_INSTALL" in result.stdout  # the placeholder must be replaced
    written = yaml.safe_load((project / "sitegen.yaml").read_text(encoding="utf-8"))
    assert {"model", "jobs", "extract_limit"} <= set(written)
    # every setting written is one the loader knows, at its default value
    assert load_config(project) == Config(root=project.resolve())


def test_init_refuses_to_overwrite_anything(tmp_path: Path) -> None:
    project = tmp_path / "story"
    project.mkdir()
    (project / "sitegen.yaml").write_text("title: Mine\n", encoding="utf-8")
    result = run_sitegen("init", str(project))
    assert result.returncode == 2
    assert "sitegen.yaml" in result.stderr and "never overwrites" in result.stderr
    assert files_in(project) == {"sitegen.yaml": b"title: Mine\n"}  # nothing else written


def test_init_into_an_existing_repository_keeps_its_files(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# My story\n", encoding="utf-8")
    assert run_sitegen("init", str(tmp_path), "-q").returncode == 0
    assert set(files_in(tmp_path)) == EXPECTED | {"README.md"}


def test_workflow_builds_with_the_pages_base_url_and_deploys() -> None:
    install = "sitegen @ git+https://github.com/example/sitegen.git@v1"
    workflow = yaml.safe_load(scaffold_files(install)[WORKFLOW])
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "push" in triggers and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["env"]["SITEGEN_INSTALL"] == install
    build = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build]
    assert (
        uses.index("actions/checkout")
        < uses.index("actions/setup-python")
        < uses.index("actions/configure-pages")
        < uses.index("actions/upload-pages-artifact")
    )
    python = next(s for s in build if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["python-version"] == "3.11"
    pages = next(s for s in build if s.get("uses", "").startswith("actions/configure-pages"))
    assert pages["id"] == "pages"
    runs = [step["run"] for step in build if "run" in step]
    assert any('"$SITEGEN_INSTALL"' in run and "pip install" in run for run in runs)
    assert any(
        run.startswith("sitegen build")
        and '--base-url "${{ steps.pages.outputs.base_url }}"' in run
        for run in runs
    )
    upload = next(s for s in build if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_install_option_is_written_into_the_workflow(tmp_path: Path) -> None:
    install = "sitegen @ git+https://example.org/tools/sitegen.git@abc123"
    result = run_sitegen("init", str(tmp_path / "story"), "--install", install)
    assert result.returncode == 0, result.stderr
    workflow = yaml.safe_load((tmp_path / "story" / WORKFLOW).read_text(encoding="utf-8"))
    assert workflow["env"]["SITEGEN_INSTALL"] == install
    assert "SITEGEN_INSTALL" not in result.stdout  # nothing left to fix by hand
    assert PLACEHOLDER_INSTALL not in (tmp_path / "story" / WORKFLOW).read_text(encoding="utf-8")


def test_scaffolded_project_renders_with_its_template_override(
    sample_project: Path, tmp_path: Path
) -> None:
    project = tmp_path / "story"
    assert run_sitegen("init", str(project), "-q").returncode == 0
    shutil.copytree(sample_project / "seeds", project / "seeds", dirs_exist_ok=True)
    for kind in ("sources", "people", "claims"):
        shutil.copytree(sample_project / "content" / kind, project / "content" / kind)
    result = run_sitegen(
        "render", "--project", str(project), "--base-url", "https://owner.github.io/story"
    )
    assert result.returncode == 0, result.stderr
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "This footer comes from <code>templates/footer.html</code>" in home
    assert (site / "pages" / "about" / "index.html").is_file()
    assert "https://owner.github.io/story/sitemap.xml" in (site / "robots.txt").read_text()


def test_the_wheel_carries_every_package_and_theme_file() -> None:
    """The Pages workflow pip-installs sitegen: a module or theme file missing from the
    wheel would break only there, never in this editable checkout."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    setuptools = config["setuptools"]
    packages = {
        p.parent.relative_to(REPO).as_posix().replace("/", ".")
        for p in (REPO / "sitegen").rglob("__init__.py")
    }
    assert packages | {"sitegen.default_theme"} == set(setuptools["packages"])
    theme = REPO / setuptools["package-dir"]["sitegen.default_theme"]
    patterns = setuptools["package-data"]["sitegen.default_theme"]
    for path in theme.rglob("*"):
        if path.is_file():
            name = path.relative_to(theme).as_posix()
            assert any(
                fnmatch(name, pattern) and name.count("/") == pattern.count("/")
                for pattern in patterns
            ), f"{name} is not packaged"
    words = setuptools["package-data"]["sitegen.words"]
    for path in (REPO / "sitegen" / "words").iterdir():
        if path.suffix == ".txt":
            assert any(fnmatch(path.name, pattern) for pattern in words), (
                f"{path.name} is not packaged"
            )
