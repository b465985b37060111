"""A hard time limit for a piece of pure-Python work in the current thread (a Markdown
conversion), enforced without a thread per call and without leaving work spinning.

One sleeping watchdog thread per process raises `DeadlinePassed` inside the thread whose time
is up (CPython's `PyThreadState_SetAsyncExc`); the interrupted thread itself stops. Work inside
one long C call (a regular expression) is interrupted when it returns, which is why the
Markdown budget (`markdown_budget.py`) keeps such calls short.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class DeadlinePassed(BaseException):
    """The time was up. A BaseException, so that no `except Exception` in the interrupted
    library swallows it."""


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Make `thread_id` raise `exception` at its next bytecode; None takes a pending one back."""
    import ctypes  # (only when a deadline passes)
    payload = None if exception is None else ctypes.py_object(exception)
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), payload)


class _Watchdog:
    """Sleeps until the earliest deadline, then interrupts the thread that missed it."""

    def __init__(self) -> None:
        self._wake = threading.Condition()
        self._due: dict[int, float] = {}
        self._fired: set[int] = set()
        self._thread: threading.Thread | None = None

    def start(self, thread_id: int, seconds: float) -> None:
        with self._wake:
            self._due[thread_id] = time.monotonic() + seconds
            self._fired.discard(thread_id)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._watch, name="zuhause-deadline",
                                                daemon=True)
                self._thread.start()
            self._wake.notify()

    def stop(self, thread_id: int) -> None:
        with self._wake:
            self._due.pop(thread_id, None)
            if thread_id in self._fired:
                self._fired.discard(thread_id)
                _raise_in(thread_id, None)  # fired just as the work ended: nothing to interrupt

    def _watch(self) -> None:
        with self._wake:
            while True:
                now = time.monotonic()
                waiting = {t: due for t, due in self._due.items() if t not in self._fired}
                for thread_id, due in waiting.items():
                    if due <= now:
                        self._fired.add(thread_id)
                        _raise_in(thread_id, DeadlinePassed)
                upcoming = [due for due in waiting.values() if due > now]
                self._wake.wait(min(upcoming) - now if upcoming else None)


_watchdog = _Watchdog()


def _after_fork() -> None:
    global _watchdog
    _watchdog = _Watchdog()  # the parent's thread and lock do not exist in a forked child


os.register_at_fork(after_in_child=_after_fork)


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise DeadlinePassed in this thread if the block runs longer than `seconds`.

    The caller catches DeadlinePassed around the whole `with` (it may arrive while the block
    is being left)."""
    thread_id = threading.get_ident()
    _watchdog.start(thread_id, seconds)
    try:
        yield
    finally:
        _watchdog.stop(thread_id)
