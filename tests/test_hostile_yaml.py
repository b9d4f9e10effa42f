"""Hostile and broken YAML: a clear file:line error, no hang, no code run, nothing touched."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from sitegen.cli import main
from sitegen.errors import InputError
from sitegen.yamlio import parse_yaml

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""

HOSTILE = {
    "syntax error": ("id: x\nstatement: [unclosed\n", 3, "syntax error"),
    "duplicate key": ("id: x\nid: y\n", 2, "duplicate key 'id'"),
    "alias bomb": (BILLION_LAUGHS, 2, "aliases"),
    "python object tag": (
        "id: !!python/object/apply:os.system ['touch pwned']\n",
        1,
        "unsupported YAML tag",
    ),
    "custom tag": ("id: !include /etc/passwd\n", 1, "unsupported YAML tag"),
    "deep nesting": ("a: " + "[" * 200 + "]" * 200 + "\n", None, "nesting"),
    "not utf-8": (b"id: \xff\xfe\n", 1, "not valid UTF-8"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_yaml_is_a_located_error(name: str, tmp_path: Path) -> None:
    text, line, message = HOSTILE[name]
    path = tmp_path / "x.yaml"
    (path.write_bytes if isinstance(text, bytes) else path.write_text)(text)
    started = time.perf_counter()
    with pytest.raises(InputError) as error:
        from sitegen.yamlio import read_yaml

        read_yaml(path)
    assert time.perf_counter() - started < 5, "no hang"
    assert message in error.value.message
    assert error.value.location is not None and error.value.location.path == path
    if line is not None:
        assert error.value.location.line == line
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()


def test_every_yaml_value_keeps_its_type_and_dates_stay_strings() -> None:
    doc = parse_yaml("date: 2022-03-02\nn: 3\nf: 1.5\nb: true\nz: null\ns: '3'\n", Path("x"))
    assert doc.data == {"date": "2022-03-02", "n": 3, "f": 1.5, "b": True, "z": None, "s": "3"}


@pytest.mark.parametrize(
    "name", ["alias bomb", "python object tag", "duplicate key", "syntax error"]
)
def test_build_stops_on_a_hostile_content_file(
    name: str, sample_project: Path, tmp_path: Path
) -> None:
    project = tmp_path / "story"
    shutil.copytree(sample_project, project, ignore=shutil.ignore_patterns("site"))
    bad = project / "content" / "people" / "zz-hostile.yaml"
    text = HOSTILE[name][0]
    bad.write_text(text if isinstance(text, str) else text.decode("latin-1"), encoding="utf-8")
    before = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}
    assert main(["build", "--project", str(project), "-q"]) != 0
    after = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}
    assert after == before, "nothing else touched"
    assert not (project / "site").exists()
    assert main(["check", "--project", str(project), "-q"]) == 1


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("title: [unclosed\n", "sitegen.yaml:2"),
        ("title: 42\n", "sitegen.yaml:1:1: error: 'title' must be a string"),
        ("titel: Misspelt\n", "sitegen.yaml:1:1: error: unknown setting 'titel'"),
        ("paths:\n  seeds: 3\n", "sitegen.yaml:2:3: error: path 'seeds' must be"),
        ("title: T\nper_page: 0\n", "sitegen.yaml:2:1: error: 'per_page' must be a positive"),
        ("jobs: -1\n", "sitegen.yaml:1:1: error: 'jobs' must be a number of processes"),
        ("feed_limit: all\n", "sitegen.yaml:1:1: error: 'feed_limit' must be a number of feed"),
        ("model: !!python/name:os.system\n", "unsupported YAML tag"),
        (BILLION_LAUGHS, "aliases"),
    ],
)
def test_bad_sitegen_yaml_is_a_located_error(
    config: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "sitegen.yaml").write_text(config, encoding="utf-8")
    assert main(["render", "--project", str(tmp_path)]) == 2
    assert expected in capsys.readouterr().err
