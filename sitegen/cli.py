"""`sitegen` command line: parses options, calls the core, maps errors to exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sitegen import __version__
from sitegen.config import Config, load_config
from sitegen.errors import SitegenError
from sitegen.reporter import Reporter


def _build(config: Config, reporter: Reporter, _: argparse.Namespace) -> int:
    from sitegen.build import build

    build(config, reporter)
    return 0


def _extract(config: Config, reporter: Reporter, _: argparse.Namespace) -> int:
    from sitegen.build import extract_to_content

    extract_to_content(config, reporter)
    return 0


def _render(config: Config, reporter: Reporter, _: argparse.Namespace) -> int:
    from sitegen.build import render

    render(config, reporter)
    return 0


def _check(config: Config, reporter: Reporter, _: argparse.Namespace) -> int:
    from sitegen.check import check_project

    problems = check_project(config)
    for problem in problems:
        if problem.level == "error":
            reporter.error(problem.message, problem.location)
        else:
            reporter.warning(problem.message, problem.location)
    errors = len(reporter.errors)
    reporter.info(f"{errors} errors, {len(reporter.warnings)} warnings")
    return 1 if errors else 0


COMMANDS: dict[str, tuple[Callable[[Config, Reporter, argparse.Namespace], int], str]] = {
    "build": (_build, "extract facts from seeds/ into content/, then render site/"),
    "extract": (_extract, "extract facts from seeds/ into content/ (uses spaCy)"),
    "render": (_render, "render site/ from content/ alone (never loads spaCy)"),
    "check": (_check, "validate content/ against the data format; exit 1 on errors"),
}


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="sitegen", description=__doc__)
    root.add_argument("--version", action="version", version=f"sitegen {__version__}")
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, summary) in COMMANDS.items():
        command = sub.add_parser(name, help=summary, description=summary)
        command.add_argument("--project", type=Path, default=Path("."), metavar="DIR",
                             help="project folder (default: the current folder)")
        command.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    reporter = Reporter(stream=sys.stderr, quiet=args.quiet)
    handler = COMMANDS[args.command][0]
    try:
        config = load_config(args.project)
        return handler(config, reporter, args)
    except SitegenError as exc:
        reporter.error(exc.message, exc.location)
        return exc.exit_code
    except KeyboardInterrupt:
        reporter.error("interrupted")
        return 130
