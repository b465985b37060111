"""The `zuhause` command's first lines: a Ctrl-C at any moment, even while Python is still
importing zuhause, ends with the one "Stopped" line and exit code 130, never a traceback.

This module imports nothing of zuhause at load time (the package's `__init__` is lazy too), so
its `try` starts before the heavy imports do.
"""

from __future__ import annotations

import gc
import os
import signal
import sys

from .stopping import Terminated, on_sigterm


def run() -> int:
    """Import the command line and run it; returns the exit code."""
    signal.signal(signal.SIGTERM, on_sigterm)
    if sys.argv[1:2] == ["build"]:
        gc.disable()  # a build holds the cycle collector off anyway (`build.collector_paused`);
        # turned on again after it, its first run would walk every object of the site once
        # more (0.03 s at 10,000 pages), just before `leave` ends the process
    try:
        from .cli import main
        code = main()
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # done: a Ctrl-C now changes nothing
        if sys.argv[1:2] == ["build"]:
            leave(code)
        return code
    except KeyboardInterrupt:
        return stopped(130)
    except Terminated:
        return stopped(143)


def leave(code: int) -> None:
    """End the process now, with what it printed flushed. A build that has ended has written,
    moved and removed all it had to (its worker processes and threads are done): Python's
    own ending would only free, one by one, the many objects of a big site (0.04 s at
    10,000 pages)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone (`zuhause build | head`), or closed
            pass
    os._exit(code)


def stopped(code: int) -> int:
    """Say "Stopped" in the owner's language (a second Ctrl-C meanwhile is ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    from .cli import stopped_line
    print(stopped_line(sys.argv[1:]), file=sys.stderr)
    return code
