"""Worker processes that end with the build that started them, even when it is killed with
`kill -9` (otherwise they keep running and keep the terminal's output open).

On Linux the kernel sends the worker SIGKILL when its parent ends (prctl PR_SET_PDEATHSIG);
elsewhere a thread in the worker checks twice a second whether its parent is still there.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1
CHECK_EVERY = 0.5  # seconds between two looks at the parent, where the kernel cannot help


def can_fork() -> bool:
    """Whether this system starts worker processes by forking (not Windows). A build that
    needs no workers does not import `multiprocessing`."""
    import multiprocessing
    return "fork" in multiprocessing.get_all_start_methods()


def forked_pool(workers: int, initializer: Callable[..., None],
                initargs: tuple[Any, ...]) -> ProcessPoolExecutor:
    """A pool of `workers` forked worker processes, each started with `initializer(*initargs)`
    (which should call `die_with_parent` first); only where `can_fork`."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=initializer, initargs=initargs)


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
    import ctypes  # (only worker processes need it)
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
