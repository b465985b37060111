"""The dev server's waiting room: connections wait here, without a thread, until their whole
request head has arrived, and are closed when it takes longer than a deadline. Slow or silent
clients therefore cost a socket, never a worker thread."""

from __future__ import annotations

import re
import selectors
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_HEAD_BYTES = 64 * 1024 + 1024  # the stdlib's request-line and header limits, plus slack
HEAD_END = re.compile(rb"\r?\n\r?\n")


@dataclass
class Waiting:
    """A connection whose next request head is not complete yet."""

    sock: socket.socket
    address: tuple[str, int]
    deadline: float
    buffer: bytearray = field(default_factory=bytearray)


Dispatch = Callable[[socket.socket, tuple[str, int], bytes, bytes], None]


def split_head(buffer: bytes) -> tuple[bytes, bytes] | None:
    """(head, rest) when `buffer` holds a whole request head; empty lines before it are
    skipped (RFC 9112 2.2)."""
    buffer = buffer.lstrip(b"\r\n")
    found = HEAD_END.search(buffer)
    if found is None:
        return None
    return buffer[:found.end()], buffer[found.end():]


class HeadGate:
    """Holds connections until their request head is complete, then hands it to `dispatch`.

    `timeout` counts the whole head (and the idle time before it on a kept-alive connection),
    not the gap between two bytes. At most `limit` connections wait; a new one beyond that
    closes the one waiting longest.
    """

    def __init__(self, dispatch: Dispatch, timeout: float, limit: int) -> None:
        self.dispatch = dispatch
        self.timeout = timeout
        self.limit = limit
        self._selector = selectors.DefaultSelector()
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._wake_reader.setblocking(False)
        self._selector.register(self._wake_reader, selectors.EVENT_READ)
        self._incoming: list[Waiting] = []
        self._waiting: dict[socket.socket, Waiting] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="zuhause-gate", daemon=True)
        self._thread.start()

    @property
    def waiting(self) -> int:
        """How many connections wait for their head now."""
        with self._lock:
            return len(self._waiting) + len(self._incoming)

    def add(self, sock: socket.socket, address: tuple[str, int], buffered: bytes = b"") -> None:
        """Wait for the next request head on `sock` (`buffered`: bytes already read)."""
        entry = Waiting(sock, address, time.monotonic() + self.timeout, bytearray(buffered))
        with self._lock:
            if self._closed:
                close(sock)
                return
            self._incoming.append(entry)
        self._wake()

    def close(self) -> None:
        """Stop the gate and close every waiting connection."""
        with self._lock:
            self._closed = True
        self._wake()
        self._thread.join(timeout=5)

    def _wake(self) -> None:
        try:
            self._wake_writer.send(b"x")
        except OSError:
            pass  # the gate is closed already, or its wake-up buffer is full: it wakes anyway

    def _run(self) -> None:
        try:
            while not self._is_closed():
                self._take_incoming()
                for key, _events in self._selector.select(self._next_timeout()):
                    if key.fileobj is self._wake_reader:
                        self._drain_wakeups()
                    else:
                        self._read(self._waiting[key.fileobj])  # type: ignore[index]
                self._expire()
        finally:
            self._shut()

    def _is_closed(self) -> bool:
        with self._lock:
            return self._closed

    def _take_incoming(self) -> None:
        with self._lock:
            incoming, self._incoming = self._incoming, []
        for entry in incoming:
            if not self._try_dispatch(entry):
                self._hold(entry)

    def _hold(self, entry: Waiting) -> None:
        if len(self._waiting) >= self.limit:
            self._drop(min(self._waiting.values(), key=lambda w: w.deadline))
        try:
            entry.sock.setblocking(False)
            self._selector.register(entry.sock, selectors.EVENT_READ)
        except (OSError, ValueError):
            close(entry.sock)
            return
        self._waiting[entry.sock] = entry

    def _next_timeout(self) -> float | None:
        if not self._waiting:
            return None
        soonest = min(w.deadline for w in self._waiting.values())
        return max(0.0, soonest - time.monotonic())

    def _drain_wakeups(self) -> None:
        try:
            while self._wake_reader.recv(4096):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def _read(self, entry: Waiting) -> None:
        try:
            data = entry.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data or len(entry.buffer) + len(data) > MAX_HEAD_BYTES:
            self._drop(entry)
            return
        entry.buffer += data
        if HEAD_END.search(entry.buffer):
            self._selector.unregister(entry.sock)
            del self._waiting[entry.sock]
            self._try_dispatch(entry)

    def _try_dispatch(self, entry: Waiting) -> bool:
        parts = split_head(bytes(entry.buffer))
        if parts is None:
            return False
        entry.sock.setblocking(True)
        self.dispatch(entry.sock, entry.address, *parts)
        return True

    def _expire(self) -> None:
        now = time.monotonic()
        for entry in [w for w in self._waiting.values() if w.deadline <= now]:
            self._drop(entry)

    def _drop(self, entry: Waiting) -> None:
        self._selector.unregister(entry.sock)
        del self._waiting[entry.sock]
        close(entry.sock)

    def _shut(self) -> None:
        with self._lock:
            self._closed = True
            leftovers = [w.sock for w in self._incoming]
            self._incoming = []
        for sock in [*self._waiting, *leftovers]:
            close(sock)
        self._waiting.clear()
        self._selector.close()
        self._wake_reader.close()
        self._wake_writer.close()


def close(sock: socket.socket) -> None:
    """Close a client connection, whatever state it is in."""
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
