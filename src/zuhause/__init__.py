"""zuhause: a static-site generator for small businesses that puts the person first."""

from __future__ import annotations

__version__ = "0.1.0"

from .build import BuildReport, build_site
from .errors import Problem, SiteError

__all__ = ["BuildReport", "Problem", "SiteError", "__version__", "build_site"]
