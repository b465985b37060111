"""Watching a site for changes with watchdog: editor litter and the output are ignored, and a
burst of events (an editor's write-and-rename save) becomes one rebuild."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .discover import is_ignored_static

DEBOUNCE_SECONDS = 0.05
IGNORED_FOLDERS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".zuhause",
                   ".venv", ".idea", ".vscode"}


class ChangeCollector(FileSystemEventHandler):
    """Collects relevant changed paths; `wait_for_changes` returns them once a burst is over."""

    def __init__(self, roots: Iterable[Path], ignored: Iterable[Path]) -> None:
        super().__init__()
        self.roots = [os.path.realpath(r) for r in roots]
        self.ignored = [os.path.realpath(p) for p in ignored]
        self._changed: set[str] = set()
        self._last_event = 0.0
        self._condition = threading.Condition()
        self._stopped = False

    def relevant(self, path: str) -> bool:
        """Whether a change at `path` can change the site."""
        real = os.path.realpath(path)
        for ignored in self.ignored:
            if real == ignored or real.startswith(ignored + os.sep):
                return False
        parts = Path(real).parts
        if any(part in IGNORED_FOLDERS or part.startswith(".zuhause") for part in parts):
            return False
        return not is_ignored_static(Path(real).name)

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [os.fsdecode(event.src_path)]
        if getattr(event, "dest_path", ""):
            paths.append(os.fsdecode(event.dest_path))
        if event.is_directory and event.event_type not in ("moved", "deleted"):
            return  # a new or touched folder changes nothing until files arrive in it
        wanted = [p for p in paths if self.relevant(p)]
        if wanted:
            with self._condition:
                self._changed.update(wanted)
                self._last_event = time.monotonic()
                self._condition.notify_all()

    def wait_for_changes(self, debounce: float = DEBOUNCE_SECONDS) -> set[str] | None:
        """Block until changes arrived and `debounce` seconds passed quietly; None when stopped."""
        with self._condition:
            self._condition.wait_for(lambda: self._stopped or bool(self._changed))
            while not self._stopped:
                quiet = time.monotonic() - self._last_event
                if quiet >= debounce:
                    break
                self._condition.wait(debounce - quiet)
            if self._stopped:
                return None
            changed, self._changed = self._changed, set()
            return changed

    def stop(self) -> None:
        """Wake the waiting build loop and end it."""
        with self._condition:
            self._stopped = True
            self._condition.notify_all()


def start_watching(roots: Iterable[Path], collector: ChangeCollector) -> Callable[[], None]:
    """Watch every root recursively; returns a function that stops and joins the watcher."""
    observer = Observer()
    for root in {os.path.realpath(r) for r in roots}:
        observer.schedule(collector, root, recursive=True)
    observer.start()

    def stop() -> None:
        collector.stop()
        observer.stop()
        observer.join(timeout=5)

    return stop
