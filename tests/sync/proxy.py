"""A loopback TCP proxy that injects network faults between a client and the real server.

Tests point the client at `proxy.url` instead of the server. Faults are queued per connection:
`cut_responses(n)` lets the next n requests reach the server in full and be answered, then
closes the client's socket before a byte of the answer is relayed (the "committed, but the
client never heard" case of T2); `reset_requests(n)` closes the next n connections after a few
bytes of the request, before the server sees a whole request. Everything else is relayed as is.
"""

from __future__ import annotations

import socket
import threading
from collections import deque
from dataclasses import dataclass, field


@dataclass
class FaultProxy:
    upstream_port: int
    listen_port: int = 0
    faults: deque[str] = field(default_factory=deque)
    cut_count: int = 0
    reset_count: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", self.listen_port))
        self._sock.listen(64)
        self.listen_port = self._sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listen_port}"

    def cut_responses(self, n: int = 1) -> None:
        with self._lock:
            self.faults.extend(["cut"] * n)

    def reset_requests(self, n: int = 1) -> None:
        with self._lock:
            self.faults.extend(["reset"] * n)

    def close(self) -> None:
        self._stop.set()
        try:
            self._sock.close()
        except OSError:
            pass

    def _next_fault(self) -> str | None:
        with self._lock:
            return self.faults.popleft() if self.faults else None

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        # One request per connection: tell the server to close, so that a fault drawn for this
        # connection applies to exactly one request.
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=60)
        except OSError:
            client.close()
            return
        fault = self._next_fault()
        try:
            request = _read_http_message(client)
            if request is None:
                return
            if fault == "reset":
                self.reset_count += 1
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00"
                                  b"\x00\x00\x00\x00")
                return
            upstream.sendall(_force_close(request))
            response = _read_until_closed(upstream)
            if fault == "cut":
                self.cut_count += 1
                return  # the server answered; the client never hears it
            client.sendall(response)
        except OSError:
            pass
        finally:
            for s in (client, upstream):
                try:
                    s.close()
                except OSError:
                    pass


def _read_http_message(sock: socket.socket) -> bytes | None:
    """Read one HTTP/1.1 request (head + Content-Length body) from `sock`."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def _force_close(request: bytes) -> bytes:
    head, _, body = request.partition(b"\r\n\r\n")
    lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body


def _read_until_closed(sock: socket.socket) -> bytes:
    chunks = []
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
