"""Shared fixtures: small inline sites and one build of the example site per session."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from playwright.sync_api import Browser, sync_playwright

from installed import Venv, build_distributions, fresh_venv
from support import CHROMIUM, EXAMPLE_BASE_URL, EXAMPLE_SITE, MINIMAL_SITE, write_site
from zuhause import build_site

# Fuzz tests run at a fixed, reproducible budget: the same examples on every run, no database,
# no per-example deadline (the tests bound time themselves); each test sets max_examples.
settings.register_profile("zuhause", derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("zuhause")


@pytest.fixture
def site(tmp_path: Path) -> Callable[..., Path]:
    """Make a small site: `site()` is the minimal valid site, `site(TEXT, **overrides)` others."""
    def make(text: str = MINIMAL_SITE, **overrides: str | None) -> Path:
        return write_site(tmp_path / "site", text, **overrides)
    return make


@pytest.fixture(scope="session")
def distributions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist and the wheel built from the checkout, once per session."""
    return build_distributions(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory,
              distributions: tuple[Path, Path]) -> Venv:
    """A fresh venv, outside the checkout, with zuhause installed from the wheel."""
    return fresh_venv(tmp_path_factory.mktemp("venv") / "venv", distributions[1])


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built once per session under the base URL https://example.org/repo/."""
    work = tmp_path_factory.mktemp("example")
    site_copy = work / "site"
    shutil.copytree(EXAMPLE_SITE, site_copy, ignore=shutil.ignore_patterns("public", ".zuhause"))
    out = work / "public"
    build_site(site_copy, out, base_url=EXAMPLE_BASE_URL)
    return out


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright, once per session."""
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM)
        yield instance
        instance.close()
