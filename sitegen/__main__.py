import os
import sys
import threading

from sitegen.cli import run

code = run()
# `python -m sitegen` ends here without the rest of Python's shutdown: tearing down
# every module and object (~20-40 ms after a render) frees memory the exit gives back
# anyway. What the shutdown would wait for is waited for: threads that are no daemons
# (an old site removed where it cannot go to the trash) and the output. Every file
# sitegen writes is closed by then, and its processes are joined.
for thread in threading.enumerate():
    if thread is not threading.current_thread() and not thread.daemon:
        thread.join()
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)
