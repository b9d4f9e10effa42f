import os
import sys

from sitegen.cli import run

code = run()
# `python -m sitegen` ends here without Python's shutdown: tearing down every module
# and object (~20-40 ms after a render) frees memory the exit gives back anyway. Every
# file sitegen writes is closed by then, and its processes and threads are joined.
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)
