from sitegen.cli import run

raise SystemExit(run())
