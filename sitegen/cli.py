"""`sitegen` command line: parses options, calls the core, maps errors to exit codes."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitegen import __version__
from sitegen.config import Config, check_base_url, check_executor, load_config
from sitegen.errors import Location, SitegenError, WriteError
from sitegen.lock import project_lock
from sitegen.reporter import Reporter


def _build(config: Config, reporter: Reporter, _: argparse.Namespace) -> int:
    from sitegen.build import build

    with project_lock(config.cache):
        build(config, reporter)
    return 0


def _extract(config: Config, reporter: Reporter, _: argparse.Namespace) -> int:
    from sitegen.build import extract_to_content

    with project_lock(config.cache):
        extract_to_content(config, reporter)
    return 0


def _render(config: Config, reporter: Reporter, _: argparse.Namespace) -> int:
    from sitegen.build import render

    with project_lock(config.cache):
        render(config, reporter, force=True)
    return 0


def _check(config: Config, reporter: Reporter, _: argparse.Namespace) -> int:
    from sitegen.factbase.check import check_project

    problems = check_project(config)
    for problem in problems:
        if problem.level == "error":
            reporter.error(problem.message, problem.location)
        else:
            reporter.warning(problem.message, problem.location)
    errors = len(reporter.errors)
    reporter.info(f"{errors} errors, {len(reporter.warnings)} warnings")
    return 1 if errors else 0


def _serve(config: Config, reporter: Reporter, args: argparse.Namespace) -> int:
    from sitegen.serve import ServeOptions, serve

    serve(config.root, ServeOptions(args.host, args.port, args.poll), reporter)
    return 0


def _serve_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    command.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    command.add_argument(
        "--poll", action="store_true", help="poll for changes (file systems without change events)"
    )


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number 0-65535, got {text!r}")
    return int(text)


def _jobs_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--jobs",
        "-j",
        type=_job_number,
        metavar="N",
        help="processes extracting or rendering (default: 'jobs' in sitegen.yaml, else 1; "
        "0: one per CPU)",
    )


def _job_number(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {text!r}")
    return int(text)


def _build_options(command: argparse.ArgumentParser) -> None:
    _render_options(command)
    _extract_options(command)


def _extract_options(command: argparse.ArgumentParser) -> None:
    _jobs_option(command)
    command.add_argument(
        "--strict", action="store_true", help="exit 1 when there were warnings (for CI)"
    )
    _executor_option(command)


def _executor_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--executor",
        metavar="WHERE",
        help="where to extract: 'local' (default: 'executor' in sitegen.yaml, else local) "
        "or a Dask cluster, dask://HOST:PORT (pip install 'sitegen[dask]')",
    )


def _render_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--base-url",
        metavar="URL",
        help="absolute URL the site is published at, e.g. "
        "https://owner.github.io/repo/ (overrides sitegen.yaml)",
    )
    _site_option(command)


def _render_command_options(command: argparse.ArgumentParser) -> None:
    _render_options(command)
    _jobs_option(command)


def _site_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--site",
        type=Path,
        metavar="DIR",
        help="write the site to DIR, which may lie outside the project "
        "(overrides paths: site in sitegen.yaml)",
    )


def _init(args: argparse.Namespace, reporter: Reporter) -> int:
    from sitegen.scaffold import next_steps, scaffold

    result = scaffold(args.dir, args.install)
    for path in result.created:
        reporter.info(f"created {path.as_posix()}")
    print(next_steps(result))
    return 0


@dataclass(frozen=True)
class Command:
    run: Callable[[Config, Reporter, argparse.Namespace], int]
    summary: str
    options: Callable[[argparse.ArgumentParser], None] | None = None


COMMANDS: dict[str, Command] = {
    "build": Command(
        _build, "extract facts from seeds/ into content/, then render site/", _build_options
    ),
    "extract": Command(
        _extract, "extract facts from seeds/ into content/ (uses spaCy)", _extract_options
    ),
    "render": Command(
        _render,
        "render site/ from content/ alone (never loads spaCy)",
        _render_command_options,
    ),
    "check": Command(_check, "validate content/ against the data format; exit 1 on errors"),
    "serve": Command(
        _serve, "build, serve the site locally and rebuild on every change", _serve_options
    ),
}


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="sitegen", description=__doc__)
    root.add_argument("--version", action="version", version=f"sitegen {__version__}")
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, spec in COMMANDS.items():
        command = sub.add_parser(name, help=spec.summary, description=spec.summary)
        command.add_argument(
            "--project",
            type=Path,
            default=Path("."),
            metavar="DIR",
            help="project folder (default: the current folder)",
        )
        command.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
        if spec.options is not None:
            spec.options(command)
    init = sub.add_parser(
        "init",
        help="create a new project, with a GitHub Pages workflow",
        description="create a new project, with a GitHub Pages workflow",
    )
    init.add_argument("dir", type=Path, metavar="DIR", help="the new project's folder")
    init.add_argument(
        "--install",
        metavar="REQUIREMENT",
        help="what the workflow pip-installs sitegen from, e.g. "
        "'sitegen @ git+https://github.com/OWNER/sitegen.git@v0.1.0'",
    )
    init.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    reporter = Reporter(stream=sys.stderr, quiet=args.quiet)
    try:
        if args.command == "init":
            return _init(args, reporter)
        config = load_config(args.project)
        if getattr(args, "base_url", None):
            check_base_url(args.base_url, Location("--base-url"))
            config.base_url = args.base_url
        if getattr(args, "site", None) is not None:
            config.publish_to(args.site)
        if getattr(args, "jobs", None) is not None:
            config.jobs = args.jobs
        if getattr(args, "executor", None):
            config.executor = args.executor
        check_executor(config.executor)
        code = COMMANDS[args.command].run(config, reporter, args)
        if code == 0 and getattr(args, "strict", False) and reporter.warnings:
            reporter.error(f"{len(reporter.warnings)} warnings, and --strict was given")
            return 1
        return code
    except SitegenError as exc:
        reporter.error(exc.message, exc.location)
        return exc.exit_code
    except OSError as exc:  # a full disk, a read-only folder: the user's to fix
        error = WriteError.from_os_error(exc)
        reporter.error(error.message, error.location)
        return error.exit_code
    except KeyboardInterrupt:
        reporter.error("interrupted")
        return 130


def run(argv: Sequence[str] | None = None) -> int:
    """`sitegen` as a process (the console script, `python -m sitegen`): `main`, then
    every object still alive frozen out of the collector. Python's shutdown runs full
    collections over the whole heap, ~0.3 s of CPU once spaCy's model is loaded, to
    free memory the exit gives back anyway (frozen, ~0.03 s). Not in `main`, which
    tests call in-process."""
    code = main(argv)
    gc.freeze()
    return code
