"""`zuhause theme gallery`: a site built with every built-in theme, photographed in headless
Chromium at a phone's and a desktop's width, and an index page to compare them side by side.

Playwright drives the browser: only it takes full-page screenshots after the lazy images and
the web fonts have loaded (`chromium --headless --screenshot` takes the first screen only).
It is an optional extra, `pip install 'zuhause[gallery]'`; Debian's or any `chromium` on the
PATH is used when there is one, else Playwright's own browser (`playwright install chromium`).
"""

from __future__ import annotations

import functools
import html
import http.server
import re
import shutil
import struct
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .build import build_site
from .errors import Message, msg
from .themes import builtin_theme_names

WIDTHS = {390: 844, 1280: 800}  # viewport width: height (a phone, a desktop)

# Make lazy images load and wait for them and for the web fonts (shared with the browser tests).
LOAD_EVERYTHING = """async () => {
    for (const img of document.querySelectorAll('img[loading="lazy"]')) img.loading = 'eager';
    await Promise.all([...document.images].map(img => img.complete ? null : new Promise(done => {
        img.addEventListener('load', done); img.addEventListener('error', done); })));
    await document.fonts.ready;
}"""


class GalleryUnavailable(Exception):
    """The gallery cannot take screenshots here (no Playwright, no browser)."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message.format("en"))


@dataclass(frozen=True)
class Shot:
    """One screenshot in the gallery."""

    theme: str
    width: int
    file: Path


def site_with_theme(site: Path, theme: str, work: Path) -> Path:
    """A copy of `site` in `work` that uses `theme` with its default settings (the site's
    `theme_settings:` belong to its own theme and are left out). The original is not touched."""
    copy = work / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("public", ".zuhause"))
    config = copy / "zuhause.yaml"
    text = re.sub(r"^theme_settings:.*\n(?:(?:[ \t]+.*|[ \t]*)(?:\n|$))*", "",
                  config.read_text("utf-8"), flags=re.MULTILINE)
    text, found = re.subn(r"^theme:.*$", f"theme: {theme}", text, flags=re.MULTILINE)
    if not found:
        text = text.rstrip("\n") + f"\ntheme: {theme}\n"
    config.write_text(text, "utf-8")
    return copy


@contextmanager
def _served(folder: Path) -> Iterator[str]:
    """`folder` served on 127.0.0.1 while the block runs; yields http://127.0.0.1:PORT/."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _png_size(path: Path) -> tuple[int, int]:
    """A PNG's width and height, from its IHDR chunk."""
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return int(width), int(height)


def index_html(shots: Sequence[Shot], out: Path, language: str) -> str:
    """The gallery's index page: per theme its screenshots, each linked to the full image."""
    title = msg("gallery.title").format(language)
    parts = [f'<!doctype html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
             '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
             f"<title>{html.escape(title)}</title>\n"
             "<style>body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:90rem;"
             "padding:0 1rem}.shots{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:start}"
             "figure{margin:0}img{border:1px solid #767676;height:auto}"
             ".w390 img{width:13rem}.w1280 img{width:40rem;max-width:100%}</style>\n"
             f"</head>\n<body>\n<main>\n<h1>{html.escape(title)}</h1>\n"
             f"<p>{html.escape(msg('gallery.intro').format(language))}</p>\n"]
    for theme in dict.fromkeys(shot.theme for shot in shots):
        parts.append(f'<section aria-labelledby="theme-{html.escape(theme)}">\n'
                     f'<h2 id="theme-{html.escape(theme)}">{html.escape(theme)}</h2>\n'
                     '<div class="shots">\n')
        for shot in (s for s in shots if s.theme == theme):
            name = html.escape(shot.file.relative_to(out).as_posix())
            width, height = _png_size(shot.file)
            alt = msg("gallery.alt", theme=theme, width=shot.width).format(language)
            caption = msg("gallery.caption", width=shot.width).format(language)
            parts.append(f'<figure class="w{shot.width}"><a href="{name}"><img src="{name}" '
                         f'width="{width}" height="{height}" alt="{html.escape(alt)}"></a>'
                         f"<figcaption>{html.escape(caption)}</figcaption></figure>\n")
        parts.append("</div>\n</section>\n")
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


def _chromium() -> Any:
    """Playwright's sync API, or GalleryUnavailable saying how to install it."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise GalleryUnavailable(msg("gallery.no-playwright")) from None
    return sync_playwright


def make_gallery(site: Path, out: Path, language: str = "de",
                 themes: Sequence[str] | None = None) -> list[Shot]:
    """Build `site` with each of `themes` (default: every built-in theme), screenshot its home
    page at 390 and 1280 px (the whole page), and write out/<theme>-<width>.png and
    out/index.html. Raises SiteError when a build fails, GalleryUnavailable without a browser."""
    sync_playwright = _chromium()
    names = list(themes or builtin_theme_names())
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Shot] = []
    with tempfile.TemporaryDirectory(prefix="zuhause-gallery-") as temp:
        builds = Path(temp) / "builds"
        builds.mkdir()
        with _served(builds) as url, sync_playwright() as playwright:
            for theme in names:
                work = Path(temp) / "sites" / theme
                work.mkdir(parents=True)
                build_site(site_with_theme(site, theme, work), builds / theme,
                           base_url=f"{url}{theme}/")
            try:
                browser = playwright.chromium.launch(executable_path=shutil.which("chromium"))
            except Exception as error:  # Playwright raises its own Error with the reason
                raise GalleryUnavailable(msg("gallery.no-browser", reason=str(error)
                                             .splitlines()[0])) from None
            try:
                for theme in names:
                    for width, height in WIDTHS.items():
                        context = browser.new_context(viewport={"width": width, "height": height})
                        page = context.new_page()
                        page.goto(f"{url}{theme}/", wait_until="load")
                        page.evaluate(LOAD_EVERYTHING)
                        file = out / f"{theme}-{width}.png"
                        page.screenshot(path=str(file), full_page=True)
                        context.close()
                        shots.append(Shot(theme, width, file))
            finally:
                browser.close()
    (out / "index.html").write_text(index_html(shots, out, language), "utf-8")
    return shots
