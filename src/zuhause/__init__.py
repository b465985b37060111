"""zuhause: a static-site generator for small businesses that puts the person first."""

from __future__ import annotations

__version__ = "0.1.0"

# Not `typing.TYPE_CHECKING`: importing typing pulls in re and enum, and this module runs before
# the Ctrl-C guard of __main__ can (type checkers treat the name as true all the same).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .build import BuildReport, build_site
    from .errors import Problem, SiteError

__all__ = ["BuildReport", "Problem", "SiteError", "__version__", "build_site"]


def __getattr__(name: str) -> Any:
    """Import the pipeline on first use, so that `zuhause` starts (and stops on Ctrl-C) quickly."""
    if name in ("BuildReport", "build_site"):
        from . import build
        return getattr(build, name)
    if name in ("Problem", "SiteError"):
        from . import errors
        return getattr(errors, name)
    raise AttributeError(f"module 'zuhause' has no attribute {name!r}")
