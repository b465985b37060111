"""The guard around reading one file: whatever a reader did not foresee becomes a problem of
that file, never a traceback (RELIABILITY §7: guard the whole read, not the parse call)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from .errors import Problems, SiteError, msg

T = TypeVar("T")


def guarded(name: str, problems: Problems, read: Callable[[], T]) -> T | None:
    """`read()`, or None with a problem of the file `name` when it raises.

    SiteError passes through (it already carries problems); KeyboardInterrupt and other
    BaseExceptions stop the build as usual.
    """
    try:
        return read()
    except SiteError:
        raise
    except RecursionError:
        problems.add(name, 0, 0, msg("source.too-deep"), msg("source.too-deep-hint"),
                     "source.failed")
    except Exception as error:  # noqa: BLE001 - the owner gets a place, not a traceback
        problems.add(name, 0, 0, msg("source.failed", error=type(error).__name__),
                     msg("source.failed-hint"), "source.failed")
    return None
