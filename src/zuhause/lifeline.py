"""Worker processes that end with the build that started them, even when it is killed with
`kill -9` (otherwise they keep running and keep the terminal's output open).

On Linux the kernel sends the worker SIGKILL when its parent ends (prctl PR_SET_PDEATHSIG);
elsewhere a thread in the worker checks twice a second whether its parent is still there.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
CHECK_EVERY = 0.5  # seconds between two looks at the parent, where the kernel cannot help


def die_with_parent(parent: int) -> None:
    """Make this process end as soon as the process `parent` (its creator) ends."""
    if not _kernel_kills_orphan():
        threading.Thread(target=_watch, args=(parent,), daemon=True,
                         name="zuhause-lifeline").start()
    if os.getppid() != parent:  # the parent ended before the line above took effect
        os._exit(1)


def _kernel_kills_orphan() -> bool:
    """Ask Linux to send SIGKILL to this process when its parent ends; False elsewhere."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the C library the interpreter runs on
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    """End the process once its parent has gone (it is then adopted by another process)."""
    while True:
        time.sleep(CHECK_EVERY)
        if os.getppid() != parent:
            os._exit(1)
