"""`zuhause serve`: build, serve the last complete build on loopback, watch the site and its
theme, rebuild after every save and tell open browser tabs to reload."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from .build import build_site
from .config import read_config
from .devhttp import HEAD_TIMEOUT, DevServer, DevState, allowed_hosts
from .errors import Problem, Problems, SiteError, msg
from .language import site_language
from .memory import BuildMemory
from .reload import BuildEvents
from .themes import resolve_theme_chain
from .urls import base_path
from .watch import ChangeCollector, start_watching

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MEMORY_FOLDERS = (Path("/dev/shm"),)  # folders in memory (Linux), for what the server builds
ROOM = 256 * 2**20  # free space a memory folder keeps beyond the built site


def work_parent(site: Path, candidates: tuple[Path, ...] = MEMORY_FOLDERS,
                free: Callable[[Path], int] | None = None) -> Path | None:
    """Where the dev server keeps its builds: a folder in memory when there is one with room
    for four times the site folder (pictures come in several sizes) and more, else None (the
    system's temporary folder). Each save rewrites the pages it changes; on a disk every
    rewrite makes and deletes files, which file systems such as ext4 get slower at when done
    by the hundred (a person shown on every page), in memory it costs nothing."""
    free = free or (lambda folder: shutil.disk_usage(folder).free)
    for folder in candidates:
        try:
            if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK) \
                    and free(folder) >= 4 * _size_of(site) + ROOM:
                return folder
        except OSError:
            continue
    return None


def _size_of(site: Path) -> int:
    """The bytes of the site's files, its output folder and cache left out."""
    total = 0
    for directory, dirnames, filenames in os.walk(site):
        dirnames[:] = [d for d in dirnames if d not in ("public", ".zuhause", ".git")]
        for name in filenames:
            try:
                total += os.stat(os.path.join(directory, name), follow_symlinks=False).st_size
            except OSError:
                continue
    return total


class DevSession:
    """One run of the dev server; `start()` returns the URL, `stop()` ends everything.

    Build problems are logged and shown in the site's language (read again before every build,
    so a changed `language:` takes effect); `language` is used while the site has none.
    """

    def __init__(self, site: Path, host: str = "127.0.0.1", port: int = 8000,
                 base_url: str | None = None, drafts: bool = False, future: bool = False,
                 log: Callable[[str], None] = print, now: datetime | None = None,
                 language: str = "en", head_timeout: float = HEAD_TIMEOUT) -> None:
        """`future` includes pages dated after `now` (default: the moment of each build),
        marked as not yet published; `head_timeout` is how long a client may take to send a
        request head."""
        self.site = site
        self.host = host
        self.port = port
        self.base_url = base_url
        self.drafts = drafts
        self.future = future
        self.now = now
        self.log = log
        self.fallback_language = language
        self.head_timeout = head_timeout
        self.builds = 0
        self.work = Path(tempfile.mkdtemp(prefix="zuhause-serve-", dir=work_parent(site)))
        self.memory = BuildMemory.for_serving(site)
        self.config = read_config(site, Problems(), base_url)
        self.state = DevState(base_path(self.config.base_url) if self.config else "/",
                              BuildEvents(), set())
        self._threads: list[threading.Thread] = []
        self._stop_watching: Callable[[], None] | None = None
        self.server: DevServer | None = None
        self.collector: ChangeCollector | None = None

    @property
    def url(self) -> str:
        """Where the site is served."""
        assert self.server is not None
        host = self.host if ":" not in self.host else f"[{self.host}]"
        return f"http://{host}:{self.server.server_port}{self.state.base_path}"

    def start(self) -> str:
        """Build once, start serving and watching; returns the URL."""
        self.rebuild(set())
        self.server = DevServer((self.host, self.port), self.state, self.log, self.head_timeout)
        self.state.allowed_hosts = allowed_hosts(self.host, self.server.server_port)
        self._spawn(self.server.serve_forever)
        roots = [self.site, *self._theme_roots()]
        self.collector = ChangeCollector(roots, ignored=[self.site / "public", self.work])
        self._stop_watching = start_watching(roots, self.collector)
        self._spawn(self._build_loop)
        return self.url

    def _theme_roots(self) -> list[Path]:
        if self.config is None:
            return []
        chain = resolve_theme_chain(self.config.theme, self.site, Problems())
        site = os.path.realpath(self.site)
        return [theme.root for theme in chain
                if not os.path.realpath(theme.root).startswith(site + os.sep)]

    def _spawn(self, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _build_loop(self) -> None:
        assert self.collector is not None
        while True:
            changed = self.collector.wait_for_changes()
            if changed is None:
                return
            self.rebuild(changed)

    def rebuild(self, changed: set[str]) -> None:
        """Build into the work folder; on success serve a snapshot of it, else keep the old
        one and show why. Nothing a build throws ends the dev server."""
        self.builds += 1
        language = self.fallback_language
        try:
            language = site_language(self.site, self.fallback_language)
            self._build_and_publish(changed, language)
        except SiteError as error:
            self.state.publish(None, error.problems, language=language)
            self.log(error.format(language))
        except KeyboardInterrupt:
            raise  # Ctrl-C during the first build, in the main thread
        except BaseException as error:  # noqa: BLE001 - the dev server outlives any build
            failed = isinstance(error, OSError)
            reason = (msg("serve.build-failed", reason=str(error)) if failed
                      else msg("serve.internal-error", kind=type(error).__name__))
            hint = msg("serve.build-failed-hint") if failed else msg("serve.internal-error-hint")
            problem = Problem(str(self.site), 0, 0, reason, hint, "serve.error")
            self.state.publish(None, [problem], language=language)
            self.log(problem.format(language))  # a bug in zuhause: said briefly, no traceback

    def _as_site_paths(self, changed: set[str]) -> set[str]:
        """The watcher's paths (resolved) spelled as below the site folder as it was given."""
        real = os.path.realpath(self.site)
        spelled = set(changed)
        for path in changed:
            inside = os.path.relpath(path, real)
            if not inside.startswith(os.pardir):
                spelled.add(os.path.join(self.site, inside))
        return spelled

    def _build_and_publish(self, changed: set[str], language: str) -> None:
        """One build into the served folder (only changed files are replaced, each at once);
        the tabs reload when all of them are in place."""
        kind = "css" if changed and all(path.endswith(".css") for path in changed) else "build"
        self.memory.files.forget(self._as_site_paths(changed))
        report = build_site(self.site, self.work / "out", base_url=self.base_url,
                            drafts=self.drafts, future=self.future, now=self.now, preview=True,
                            memory=self.memory)
        self.state.publish(self.work / "out", [], kind, language)
        for warning in report.warnings:
            self.log(msg("build.warning", text=warning).format(language))
        self.log(report.summary(language))

    def stop(self) -> None:
        """Stop watching and serving, end listeners, join threads, remove the work folder."""
        if self._stop_watching:
            self._stop_watching()
        self.state.events.close()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self.memory.cache.save()  # what this session parsed, for the next build
        self.memory.pictures.save()
        shutil.rmtree(self.work, ignore_errors=True)


def is_loopback(host: str) -> bool:
    """Whether binding to `host` keeps the server on this machine."""
    return host in LOOPBACK
