"""Live reload: a build counter that open browser tabs listen to, and the small script the
dev server adds to every page it serves (never to `zuhause build` output)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

EVENTS_PATH = "/__zuhause/events"
MAX_LISTENERS = 32

# Listens for build events; a changed counter updates the page: only the stylesheets when
# nothing but CSS changed; else the page in place (head and body, the stylesheets kept: no new
# request for stylesheets, fonts and pictures, and the scroll position stays) when it still
# uses the same stylesheets and language; else a reload.
CLIENT_SCRIPT = """<script>(() => {
  const source = new EventSource("__EVENTS__");
  let seen = null;
  const isSheet = (element) => element.matches('link[rel="stylesheet"]');
  const sheets = (doc) => [...doc.head.children].filter(isSheet)
    .map((link) => link.getAttribute("href")).join(" ");
  const refresh = () => fetch(location.href, {cache: "no-store"})
    .then((response) => response.text())
    .then((html) => {
      const next = new DOMParser().parseFromString(html, "text/html");
      if (sheets(next) !== sheets(document)
          || next.documentElement.lang !== document.documentElement.lang) {
        location.reload();
        return;
      }
      for (const old of [...document.head.children]) if (!isSheet(old)) old.remove();
      for (const fresh of [...next.head.children]) if (!isSheet(fresh)) document.head.append(fresh);
      document.body.replaceWith(next.body);
    })
    .catch(() => location.reload());
  const handle = (kind) => (event) => {
    if (seen === null) { seen = event.data; return; }
    if (event.data === seen) return;
    seen = event.data;
    if (kind === "css") {
      for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
        const url = new URL(link.href);
        url.searchParams.set("zuhause-reload", seen);
        link.href = url.href;
      }
    } else {
      refresh();
    }
  };
  source.addEventListener("build", handle("build"));
  source.addEventListener("css", handle("css"));
})();</script>""".replace("__EVENTS__", EVENTS_PATH)


@dataclass(frozen=True)
class BuildEvent:
    """The state listeners see: a counter and whether only stylesheets changed."""

    counter: int
    kind: str  # "build" or "css"


class BuildEvents:
    """The latest build event; listeners wait for the next one. Thread-safe."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._event = BuildEvent(0, "build")
        self._listeners = 0
        self._closed = False

    def publish(self, kind: str = "build") -> BuildEvent:
        """Announce a finished build (successful or not)."""
        with self._condition:
            self._event = BuildEvent(self._event.counter + 1, kind)
            self._condition.notify_all()
            return self._event

    @property
    def current(self) -> BuildEvent:
        """The latest event."""
        with self._condition:
            return self._event

    def wait_after(self, counter: int, timeout: float) -> BuildEvent | None:
        """The next event after `counter`, or None on timeout or when closed."""
        with self._condition:
            self._condition.wait_for(lambda: self._closed or self._event.counter != counter,
                                     timeout)
            if self._closed or self._event.counter == counter:
                return None
            return self._event

    def join(self) -> bool:
        """Register a listener; False when there are too many already."""
        with self._condition:
            if self._listeners >= MAX_LISTENERS or self._closed:
                return False
            self._listeners += 1
            return True

    def leave(self) -> None:
        """Unregister a listener."""
        with self._condition:
            self._listeners -= 1

    def close(self) -> None:
        """Wake and end every listener (the server is stopping)."""
        with self._condition:
            self._closed = True
            self._condition.notify_all()

    @property
    def closed(self) -> bool:
        with self._condition:
            return self._closed
