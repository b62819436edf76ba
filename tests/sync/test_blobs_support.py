"""Helpers shared by the blob tests (this module holds no tests of its own).

`blob_server` builds a tiny FastAPI app around `blob_router(BlobStore(root), fake_device)` and
serves it with a real uvicorn on 127.0.0.1 (a free port) in a thread. The device dependency is
a fake because authentication (bearer tokens, revoked keys) is tested with the real server in
the auth tests; everything else here goes over real TCP.

`CuttingProxy` is a loopback TCP proxy that closes the connection while a PATCH body is in
flight, at given byte offsets of the blob (Upload-Offset + body bytes relayed so far).
"""

from __future__ import annotations

import contextlib
import os
import random
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import uvicorn
from fastapi import FastAPI

from sync.blobs import BlobStore, blob_router
from tests.sync.pg import free_port

MiB = 1024 * 1024


@dataclass(frozen=True)
class FakeDevice:
    device_id: str = "0190f5a3-0000-7000-8000-000000000001"
    key_id: str = "00" * 16
    ministry_code: str = "MoSW"


def fake_current_device() -> FakeDevice:
    """Stands in for sync/auth.py's bearer-token dependency (authentication is tested there)."""
    return FakeDevice()


@dataclass
class BlobServer:
    store: BlobStore
    port: int

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, sha256: str) -> str:
        return f"{self.base_url}/v1/blobs/{sha256}"


@contextlib.contextmanager
def blob_server(root: Path, **store_options: Any) -> Iterator[BlobServer]:
    store = BlobStore(root, **store_options)
    app = FastAPI()
    app.include_router(blob_router(store, fake_current_device))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test blob server did not start")
        time.sleep(0.01)
    try:
        yield BlobServer(store, port)
    finally:
        server.should_exit = True
        thread.join(timeout=20)


class HttpClient:
    """The one method the sync client relies on (`ServerClient.request`), over requests, with
    a log of what was sent and answered: (method, Upload-Offset sent, body bytes, status,
    Upload-Offset answered) — the answered offset is None when the connection failed."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.session = requests.Session()
        self.log: list[tuple[str, int | None, int, int | None, int | None]] = []
        self.before_request: Any = None  # hook(method, headers) for fault injection

    def request(self, method: str, path: str, *, headers: dict[str, str] | None = None,
                data: bytes | None = None, json: Any = None, stream: bool = False,
                timeout: Any = None) -> requests.Response:
        if self.before_request is not None:
            self.before_request(method, headers or {})
        sent = (headers or {}).get("Upload-Offset")
        entry = [method, int(sent) if sent is not None else None, len(data or b""), None, None]
        try:
            response = self.session.request(method, self.base_url + path, headers=headers,
                                            data=data, json=json, stream=stream,
                                            timeout=timeout or (10, 60))
        except requests.RequestException:
            self.log.append(tuple(entry))  # type: ignore[arg-type]
            raise
        entry[3] = response.status_code
        answered = response.headers.get("Upload-Offset")
        entry[4] = int(answered) if answered is not None else None
        self.log.append(tuple(entry))  # type: ignore[arg-type]
        return response

    def patch_bytes(self) -> int:
        return sum(n for method, _, n, _, _ in self.log if method == "PATCH")


@dataclass
class CuttingProxy:
    """Relays HTTP/1.1 between a client and `upstream_port`; while relaying a PATCH body it
    closes both sockets as soon as the blob position crosses the next cut point."""

    upstream_port: int
    cuts: list[int]
    cut_count: int = 0
    body_bytes: int = 0  # PATCH body bytes that left the client (relayed or cut off)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.cuts = sorted(self.cuts)
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self.port = self._sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._sock.close()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=60)
        except OSError:
            client.close()
            return
        threading.Thread(target=_pipe, args=(upstream, client), daemon=True).start()
        buffered, reset = b"", False
        try:
            while True:
                while b"\r\n\r\n" not in buffered:
                    data = client.recv(65536)
                    if not data:
                        return
                    buffered += data
                head, _, buffered = buffered.partition(b"\r\n\r\n")
                upstream.sendall(head + b"\r\n\r\n")
                method = head.split(b" ", 1)[0]
                fields = {}
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    fields[name.strip().lower()] = value.strip()
                remaining = int(fields.get(b"content-length", b"0"))
                position = int(fields.get(b"upload-offset", b"0"))
                while remaining:
                    if not buffered:
                        buffered = client.recv(min(65536, remaining))
                        if not buffered:
                            return
                    piece, buffered = buffered[:remaining], buffered[remaining:]
                    if method == b"PATCH":
                        self.body_bytes += len(piece)
                    cut = self._cut(piece, position) if method == b"PATCH" else None
                    if cut is not None:
                        upstream.sendall(piece[:cut - position])
                        reset = self.cut_count % 2 == 0  # every other cut is a reset
                        return
                    upstream.sendall(piece)
                    position += len(piece)
                    remaining -= len(piece)
        except OSError:
            return
        finally:
            # shutdown() first: a plain close() would wait for the relay thread's recv()
            with contextlib.suppress(OSError):
                if reset:  # no FIN: wake the relay, then close with linger 0 (RST)
                    upstream.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                        b"\x01\0\0\0\0\0\0\0")
                    upstream.shutdown(socket.SHUT_RD)
                else:
                    upstream.shutdown(socket.SHUT_RDWR)
            for s in (client, upstream):
                with contextlib.suppress(OSError):
                    s.close()
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)

    def _cut(self, piece: bytes, position: int) -> int | None:
        """The cut point inside this piece of body, if the next one is (it is used up)."""
        with self._lock:
            if not self.cuts or not position < self.cuts[0] <= position + len(piece):
                return None
            self.cut_count += 1
            return self.cuts.pop(0)


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)  # the upstream ended: so does the client's answer


def pdf_bytes(size: int, seed: int = 0) -> bytes:
    """A file with a real PDF header and `size` bytes in all (random after the header)."""
    header = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    rnd = random.Random(seed)
    return (header + rnd.randbytes(max(size - len(header), 0)))[:size]


def files_under(folder: Path) -> list[Path]:
    return sorted(Path(dirpath) / name for dirpath, dirs, names in os.walk(folder)
                  for name in [*names, *dirs])
