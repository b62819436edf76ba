"""Sync benchmarks (performance.md, "Sync and crypto anchors"): the desktop's sealing, the GED
server's apply and steady ingest (SQLite and PostgreSQL), the desktop's pull apply and the blob
upload, each against a baseline measured in the same run.

Everything runs for real: the GED server is `python -m sync run` (uvicorn) on 127.0.0.1 in a
subprocess, PostgreSQL is a throwaway cluster started from the installed binaries
(`tests/sync/pg.py`), the desktop databases are SQLCipher files, and change sets are sealed by
the desktop's unit of work or crafted with the shared wire module (`tests/sync/craft.py`).
The servers log at `info`, the default of `nsss-server run`.

Figures (see bench/README.md for what each one means):

1. seal: one figure edit in a unit of work on an enrolled installation vs the same edit on a
   non-enrolled copy (the bare domain write, journal and rollups included);
2. server apply of a 10-op set, POST to ack over HTTP and `Ingestor.upload` in-process, vs a
   raw INSERT of the same 10 rows in the same database backend;
3. steady ingest: sets/s for 4 devices posting pre-sealed 3-op sets in batches of 100 from
   2 client threads, with the raw INSERT rate of the same rows as context;
4. pull apply: rows/s applied by `pull.pull` from a server holding the `ministry` scale dataset,
   vs a plain executemany INSERT of the same rows through a unit of work;
5. blob upload: 20 MiB through `upload_blob` (4 MiB chunks) vs one raw PUT of the same bytes to
   a minimal Starlette endpoint that writes the body to a file and fsyncs it.

`python -m bench.sync_bench raw-put --port P --dir D` runs that minimal endpoint.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

from bench.run import Result

REPO = Path(__file__).resolve().parents[1]
PASSPHRASE = "benchmark passphrase"
ENVIRONMENT = "ged-bench"
STARTUP_TIMEOUT_S = 60.0

SEAL_EDITS = 25  # edits per sample of the seal figure
APPLY_SETS = 10  # sets per sample of the apply figure (the mean is reported)
APPLY_OPS = 10
INGEST_DEVICES = 4
INGEST_SETS = 100  # per device and sample
INGEST_OPS = 3
INGEST_BATCH = 100
INGEST_THREADS = 2
BLOB_BYTES = 20 * 1024 * 1024


# ---------------------------------------------------------------------------------------------
# Processes: the GED server and the raw PUT endpoint
# ---------------------------------------------------------------------------------------------


def _wait_http(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: the process exited ({proc.returncode}):\n"
                               f"{log.read_text(errors='replace')[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url}: not ready after {STARTUP_TIMEOUT_S:.0f} s")
        time.sleep(0.1)


def _stop(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=15)


class Server:
    """`python -m sync run` on a free port, plus an in-process admin context on the same
    database (what `nsss-server admin` does) for enrolment codes and the root key."""

    def __init__(self, work: Path, name: str, db: str) -> None:
        from tests.sync.pg import free_port

        self.name = name
        self.db = db  # a SQLite file path or a PostgreSQL URL, as `--db` takes it
        self.data_dir = work / f"{name}.data"
        self.log = work / f"{name}.log"
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self._ctx: Any = None

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of the server database."""
        return self.db if "://" in self.db else f"sqlite:///{self.db}"

    @property
    def backend(self) -> str:
        return "PostgreSQL" if self.db.startswith("postgresql") else "SQLite"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "sync", "run", "--db", self.db, "--data-dir",
                 str(self.data_dir), "--host", "127.0.0.1", "--port", str(self.port),
                 "--environment", ENVIRONMENT, "--log-level", "info"],
                cwd=REPO, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        _wait_http(f"{self.base_url}/v1/health", self.proc, self.log)
        return self

    @property
    def ctx(self) -> Any:
        if self._ctx is None:
            from sync.context import open_server

            self._ctx, _ = open_server(self.url, self.data_dir, ENVIRONMENT, actor="admin")
        return self._ctx

    def enrol_code(self, ministry: str) -> str:
        from sync import admin

        return admin.enrol_code(self.ctx, ministry, "Benchmark officer", 24)["code"]

    @property
    def root_public_key(self) -> str:
        from sync import admin

        return admin.root_key(self.ctx)["root_public_key"]

    def stop(self) -> None:
        _stop(self.proc)
        self.proc = None
        if self._ctx is not None:
            self._ctx.db.dispose()
            self._ctx = None


def raw_put_app(folder: Path) -> Any:
    """The raw PUT baseline: stream the body into a file, fsync it, answer 204."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    async def put(request: Request) -> Response:
        path = folder / Path(request.path_params["name"]).name
        with open(path, "wb") as out:
            async for piece in request.stream():
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        return Response(status_code=204)

    async def health(_request: Request) -> Response:
        return Response(status_code=200)

    return Starlette(routes=[Route("/raw/{name}", put, methods=["PUT"]),
                             Route("/health", health)])


class RawPutServer:
    def __init__(self, work: Path) -> None:
        from tests.sync.pg import free_port

        self.folder = work / "raw-put"
        self.folder.mkdir(exist_ok=True)
        self.log = work / "raw-put.log"
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> RawPutServer:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bench.sync_bench", "raw-put", "--port", str(self.port),
                 "--dir", str(self.folder)],
                cwd=REPO, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        _wait_http(f"http://127.0.0.1:{self.port}/health", self.proc, self.log)
        return self

    def stop(self) -> None:
        _stop(self.proc)


# ---------------------------------------------------------------------------------------------
# Desktop databases
# ---------------------------------------------------------------------------------------------


def copy_db(source: Path, target: Path) -> Path:
    """A copy of a closed database and its key file."""
    from nsss_desktop.store import keys

    shutil.copyfile(source, target)
    shutil.copyfile(keys.key_file_for(source), keys.key_file_for(target))
    return target


def open_db(path: Path) -> Any:
    from nsss_desktop.store.database import Database

    return Database.open(path, passphrase=PASSPHRASE, use_keyring=False)


def enrol_db(db: Any, server: Server, ministry: str) -> Any:
    from nsss_desktop.sync_client import enrol

    return enrol.enrol(db, server_url=server.base_url, code=server.enrol_code(ministry),
                       root_key=server.root_public_key, environment=ENVIRONMENT,
                       device_name=f"{ministry} benchmark PC")


def client_for(db: Any) -> Any:
    from nsss_desktop.sync_client import enrol
    from nsss_desktop.sync_client.http import ServerClient

    ident = enrol.load(db)
    client = ServerClient(ident.server_url, ident, db=db, allow_http=True)
    client.sign_in()
    return client


def scalar(db: Any, sql: str, *params: Any) -> Any:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(sql, params).scalar()


def figure_led_by(db: Any, code: str) -> str:
    """A programme-level figure of a programme led by ministry `code`."""
    return scalar(db, "SELECT f.id FROM figure f JOIN programme p ON p.id = f.programme_id "
                      "JOIN ministry m ON m.id = p.lead_ministry_id WHERE m.code = ? AND "
                      "f.ministry_id IS NULL ORDER BY f.id LIMIT 1", code)


def figure_template(db: Any) -> dict[str, Any]:
    """Every wire column of a real demo figure: what a new-row op of a figure carries."""
    from nsss_desktop.wire import tables

    with db.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT * FROM figure ORDER BY id LIMIT 1").mappings().one()
    return tables.encode_row("figure", dict(row))


# ---------------------------------------------------------------------------------------------
# Raw INSERT baselines on the server backends
# ---------------------------------------------------------------------------------------------

RAW_TABLE = "bench_raw_row"
RAW_COLUMNS = "table_name, pk, owner, data, field_revs, rev, deleted"


class RawInserter:
    """INSERTs of row_state-shaped rows into a table of the same database, committed like the
    server commits (SQLite: WAL, synchronous=FULL, BEGIN IMMEDIATE; PostgreSQL: defaults)."""

    def __init__(self, server_url: str) -> None:
        from sqlalchemy.engine import make_url

        url = make_url(server_url)
        self.pg = url.get_backend_name() == "postgresql"
        if self.pg:
            import psycopg

            self.conn: Any = psycopg.connect(
                host=url.host, port=url.port, user=url.username, dbname=url.database)
            self.conn.execute(f"CREATE TABLE IF NOT EXISTS {RAW_TABLE} (table_name varchar(64),"
                              " pk varchar(36), owner varchar(40), data text, field_revs text, "
                              "rev bigint, deleted boolean, PRIMARY KEY (table_name, pk))")
            self.conn.commit()
            self.sql = (f"INSERT INTO {RAW_TABLE} ({RAW_COLUMNS}) "
                        "VALUES (%s, %s, %s, %s, %s, %s, %s)")
        else:
            import sqlite3

            self.conn = sqlite3.connect(url.database, isolation_level=None, timeout=30)
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=30000"):
                self.conn.execute(f"PRAGMA {pragma}")
            self.conn.execute(f"CREATE TABLE IF NOT EXISTS {RAW_TABLE} (table_name TEXT, pk TEXT,"
                              " owner TEXT, data TEXT, field_revs TEXT, rev INTEGER, deleted "
                              "INTEGER, PRIMARY KEY (table_name, pk))")
            self.sql = f"INSERT INTO {RAW_TABLE} ({RAW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)"

    def insert(self, rows: list[tuple[Any, ...]]) -> None:
        """One transaction: the rows, then commit."""
        if self.pg:
            with self.conn.cursor() as cur:
                cur.executemany(self.sql, rows)
            self.conn.commit()
        else:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.executemany(self.sql, rows)
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


def raw_rows(items: list[dict[str, Any]], rev: int = 1) -> list[tuple[Any, ...]]:
    """The rows the server would store for these sealed sets, as row_state tuples."""
    out = []
    for item in items:
        for op in item["changeset"]["ops"]:
            data = json.dumps(op["set"], sort_keys=True, ensure_ascii=False,
                              separators=(",", ":"))
            revs = json.dumps(dict.fromkeys(sorted(op["set"]), rev), separators=(",", ":"))
            out.append((op["table"], op["pk"], op["owner"], data, revs, rev, False))
    return out


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _check_upload(response: requests.Response, sets: int) -> None:
    if response.status_code != 200:
        raise RuntimeError(f"upload answered {response.status_code}: {response.text[:500]}")
    results = response.json()["results"]
    bad = [r for r in results if not r.get("ack") or r["ack"]["ack"]["status"] != "applied"]
    if len(results) != sets or bad:
        raise RuntimeError(f"upload not applied: {bad[:1]}")


@contextmanager
def _timer(out: list[float], per: int = 1) -> Iterator[None]:
    started = time.perf_counter()
    yield
    out.append((time.perf_counter() - started) / per)


def _rate(count: int, seconds: list[float]) -> float:
    return count / statistics.median(seconds)


# ---------------------------------------------------------------------------------------------
# 1. Sealing
# ---------------------------------------------------------------------------------------------


def bench_seal(work: Path, repeats: int, demo: Path, server: Server) -> tuple[Result, Any]:
    """One figure edit per unit of work, enrolled (sealed into the outbox) vs not enrolled.
    Returns the result and the enrolled database (the blob figure reuses it)."""
    from nsss_desktop.store.models import Figure

    enrolled = open_db(copy_db(demo, work / "seal-enrolled.nsssdb"))
    plain = open_db(copy_db(demo, work / "seal-plain.nsssdb"))
    enrol_db(enrolled, server, "MoSW")
    fig = figure_led_by(enrolled, "MoSW")
    values = iter(range(1_000_00, 10**12, 7))

    def edits(db: Any, n: int) -> None:
        for _ in range(n):
            with db.unit_of_work(description="Benchmark edit") as uow:
                uow.session.get(Figure, fig).expenditure_poisha = next(values)

    edits(enrolled, 2)  # warm both (identity cache, statement caches)
    edits(plain, 2)
    before = scalar(enrolled, "SELECT count(*) FROM outbox")
    s_times: list[float] = []
    b_times: list[float] = []
    for _ in range(repeats):
        with _timer(b_times, SEAL_EDITS):
            edits(plain, SEAL_EDITS)
        with _timer(s_times, SEAL_EDITS):
            edits(enrolled, SEAL_EDITS)
    sealed = scalar(enrolled, "SELECT count(*) FROM outbox") - before
    assert sealed == repeats * SEAL_EDITS, f"{sealed} sets sealed"
    assert scalar(plain, "SELECT count(*) FROM outbox") == 0
    plain.close()
    return Result("seal: one figure edit (per unit of work)",
                  "edit on an enrolled installation: journal → op → JCS + Ed25519 → outbox, "
                  f"same transaction (mean of {SEAL_EDITS} edits)",
                  "the same edit on a non-enrolled copy (bare domain write, journal + rollups)",
                  "≤ 1.3×", s_times, b_times), enrolled


# ---------------------------------------------------------------------------------------------
# 2. Server apply of a 10-op set
# ---------------------------------------------------------------------------------------------


def _new_figures(template: dict[str, Any], owner: str, n: int) -> list[dict[str, Any]]:
    from tests.sync.craft import upsert

    return [upsert("figure", owner=owner, set=template) for _ in range(n)]


def _inprocess(server_db: str, data_dir: Path) -> tuple[Any, Any, Any]:
    """An Ingestor on its own server database, a device enrolled in-process, its uploader."""
    from sync import admin
    from sync.auth import enrol as server_enrol
    from sync.auth import issue_nonce
    from sync.context import open_server
    from sync.ingest import Ingestor, Uploader
    from tests.sync.craft import Device, enrol_body, new_key

    ctx, _ = open_server(server_db, data_dir, ENVIRONMENT, actor="admin")
    code = admin.enrol_code(ctx, "MoSW", "Benchmark officer", 24)["code"]
    key = new_key()
    body = enrol_body(code, key, issue_nonce(ctx)["nonce"], "in-process benchmark PC")
    info = server_enrol(ctx, json.dumps(body).encode())
    dev = Device(base_url="", environment=ENVIRONMENT, key=key, device_id=info["device_id"],
                 ministry_code="MoSW", enrolment=info)
    return ctx, Ingestor(ctx), (dev, Uploader(dev.device_id, dev.key_id, "MoSW"))


def bench_apply(work: Path, repeats: int, server: Server, inproc_db: str,
                template: dict[str, Any]) -> list[Result]:
    from tests.sync.craft import enrol

    dev = enrol(server.base_url, ENVIRONMENT, server.enrol_code("MoSW"),
                device_name="apply benchmark PC")
    ctx, ingestor, (idev, who) = _inprocess(inproc_db, work / f"{server.name}-inproc.data")
    raw = RawInserter(server.url)
    raw_inproc = RawInserter(ctx.db.url)

    def post_sets(n: int) -> None:
        items = [dev.seal(_new_figures(template, "MoSW", APPLY_OPS)) for _ in range(n)]
        bodies = [json.dumps({"changesets": [i]}).encode() for i in items]
        responses = []
        with _timer(http_times, n):
            for item, body in zip(items, bodies, strict=True):
                responses.append(dev.post_raw(body,
                                              idempotency_key=item["changeset"]["changeset_id"]))
        for r in responses:
            _check_upload(r, 1)

    def upload_inproc(n: int) -> None:
        items = [idev.seal(_new_figures(template, "MoSW", APPLY_OPS)) for _ in range(n)]
        bodies = [json.dumps({"changesets": [i]}).encode() for i in items]
        answers = []
        with _timer(inproc_times, n):
            for body in bodies:
                answers.append(ingestor.upload(body, who))
        for status, answer in answers:
            assert status == 200 and answer["results"][0]["ack"]["ack"]["status"] == "applied"

    def raw_insert(inserter: RawInserter, out: list[float], n: int) -> None:
        batches = [raw_rows([{"changeset": {"ops": _new_figures(template, "MoSW", APPLY_OPS)}}])
                   for _ in range(n)]
        with _timer(out, n):
            for rows in batches:
                inserter.insert(rows)

    http_times: list[float] = []
    inproc_times: list[float] = []
    raw_times: list[float] = []
    raw_inproc_times: list[float] = []
    post_sets(2)  # warm: sign-in, connection, statement caches
    upload_inproc(2)
    raw_insert(raw, [], 2)
    raw_insert(raw_inproc, [], 2)
    http_times.clear()
    inproc_times.clear()
    for _ in range(repeats):
        raw_insert(raw, raw_times, APPLY_SETS)
        post_sets(APPLY_SETS)
        raw_insert(raw_inproc, raw_inproc_times, APPLY_SETS)
        upload_inproc(APPLY_SETS)
    raw.close()
    raw_inproc.close()
    ctx.db.dispose()
    backend = server.backend
    return [
        Result(f"server apply, 10-op set ({backend}, HTTP)",
               "POST /v1/changesets to ack on uvicorn 127.0.0.1: verify + authorize + merge + "
               f"log + signed ack (mean of {APPLY_SETS} sets)",
               f"raw INSERT of the same 10 rows, one transaction ({backend})", "≤ 5×",
               http_times, raw_times),
        Result(f"server apply, 10-op set ({backend}, in-process)",
               f"Ingestor.upload of the same body, no HTTP (mean of {APPLY_SETS} sets)",
               f"raw INSERT of the same 10 rows, one transaction ({backend})", "≤ 5×",
               inproc_times, raw_inproc_times),
    ]


# ---------------------------------------------------------------------------------------------
# 3. Steady ingest
# ---------------------------------------------------------------------------------------------


def bench_ingest(work: Path, repeats: int, server: Server, template: dict[str, Any]) -> Result:
    from tests.sync.craft import enrol

    devices = [enrol(server.base_url, ENVIRONMENT, server.enrol_code("MoSW"),
                     device_name=f"ingest PC {i}") for i in range(INGEST_DEVICES)]
    small = {k: template[k] for k in ("fiscal_year", "period_kind", "period_no",
                                      "expenditure_taka", "programme_id") if k in template}
    raw = RawInserter(server.url)
    total = INGEST_DEVICES * INGEST_SETS

    def sealed_stream() -> list[list[dict[str, Any]]]:
        return [[d.seal(_new_figures(small, "MoSW", INGEST_OPS)) for _ in range(INGEST_SETS)]
                for d in devices]

    def run_stream(streams: list[list[dict[str, Any]]]) -> float:
        errors: list[BaseException] = []

        def worker(mine: list[int]) -> None:
            try:
                batches = {d: [streams[d][i:i + INGEST_BATCH]
                               for i in range(0, INGEST_SETS, INGEST_BATCH)] for d in mine}
                for n in range(len(batches[mine[0]])):
                    for d in mine:
                        _check_upload(devices[d].post(*batches[d][n]), len(batches[d][n]))
            except BaseException as exc:  # reported by the main thread
                errors.append(exc)

        threads = [threading.Thread(target=worker,
                                    args=(list(range(t, INGEST_DEVICES, INGEST_THREADS)),))
                   for t in range(INGEST_THREADS)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        if errors:
            raise errors[0]
        return elapsed

    def unsealed_stream() -> list[list[dict[str, Any]]]:
        """The same shape of sets, never sealed (the devices' chains stay as they are)."""
        return [[{"changeset": {"ops": _new_figures(small, "MoSW", INGEST_OPS)}}
                 for _ in range(INGEST_SETS)] for _ in devices]

    def raw_stream(streams: list[list[dict[str, Any]]]) -> float:
        batches = [raw_rows(s[i:i + INGEST_BATCH]) for s in streams
                   for i in range(0, INGEST_SETS, INGEST_BATCH)]
        started = time.perf_counter()
        for rows in batches:
            raw.insert(rows)
        return time.perf_counter() - started

    for d in devices:  # warm: sessions and connections
        _check_upload(d.post(d.seal(_new_figures(small, "MoSW", INGEST_OPS))), 1)
    s_times: list[float] = []
    b_times: list[float] = []
    for _ in range(repeats):
        b_times.append(raw_stream(unsealed_stream()))
        s_times.append(run_stream(sealed_stream()))
    raw.close()
    rate, raw_rate = _rate(total, s_times), _rate(total, b_times)
    return Result(f"steady ingest ({server.backend})",
                  f"{total:,} pre-sealed {INGEST_OPS}-op sets: {INGEST_DEVICES} devices, batches "
                  f"of {INGEST_BATCH}, {INGEST_THREADS} client threads, HTTP: median "
                  f"**{rate:,.0f} sets/s** ({rate * INGEST_OPS:,.0f} rows/s)",
                  f"raw INSERT of the same {total * INGEST_OPS:,} rows, one transaction per "
                  f"{INGEST_BATCH} sets: {raw_rate:,.0f} sets/s",
                  "≥ 200 sets/s on 2 cores (absolute)", s_times, b_times)


# ---------------------------------------------------------------------------------------------
# 4. Pull apply
# ---------------------------------------------------------------------------------------------


def _publish_scale(work: Path, server: Server) -> int:
    """A GED installation generates the `ministry` scale dataset (every unit of work sealed
    into the outbox) and pushes it; returns the number of row versions on the server."""
    from nsss_desktop.services.scale_data import generate
    from nsss_desktop.store.database import Database
    from nsss_desktop.sync_client import push

    ged, _ = Database.create(work / "ged-scale.nsssdb", PASSPHRASE, use_keyring=False)
    with ged:
        enrol_db(ged, server, "GED")
        generate(ged, "ministry")
        client = client_for(ged)
        with client:
            result = push.push(ged, client)
        if result.refusal is not None or result.acked != result.sent:
            raise RuntimeError(f"baseline publish failed: {result}")
        return int(scalar(ged, "SELECT coalesce(sum(op_count), 0) FROM outbox"))


def _decoded_rows(pages: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    from nsss_desktop.sync_client.pull import _bindable
    from nsss_desktop.wire import tables

    by_table: dict[str, list[dict[str, Any]]] = {}
    for page in pages:
        for row in page["rows"]:
            values = tables.decode_row(row["table"], row["data"])
            by_table.setdefault(row["table"], []).append(
                {"id": row["pk"], **{k: _bindable(v) for k, v in values.items()}})
    return by_table


def bench_pull(work: Path, repeats: int, server: Server) -> Result:
    from nsss_desktop.store.database import Database
    from nsss_desktop.sync_client import pull
    from nsss_desktop.wire import tables

    versions = _publish_scale(work, server)
    template = work / "pull-template.nsssdb"
    db, _ = Database.create(template, PASSPHRASE, use_keyring=False)
    with db:
        enrol_db(db, server, "MoSW")
        client = client_for(db)
        with client:
            pages = []
            since = 0
            while True:
                page = client.get_json(f"/v1/pull?since={since}&limit={pull.PAGE_LIMIT}")
                pages.append(page)
                if not page["more"]:
                    break
                since = page["next_since"]
    rows = _decoded_rows(pages)
    count = sum(len(v) for v in rows.values())
    assert count == versions, (count, versions)
    order = [t for t in tables.SYNC_TABLES if t in rows]
    counter = iter(range(10_000))

    def fresh() -> Any:
        return open_db(copy_db(template, work / f"pull-{next(counter)}.nsssdb"))

    def plain_insert(target: Any) -> None:
        with target.unit_of_work(origin="sync", description="Benchmark plain insert") as uow:
            conn = uow.session.connection()
            for table in order:
                cols = list(rows[table][0])
                conn.exec_driver_sql(
                    f'INSERT INTO "{table}" ({", ".join(cols)}) VALUES '
                    f'({", ".join("?" for _ in cols)})',
                    [tuple(r.get(c) for c in cols) for r in rows[table]])

    s_times: list[float] = []
    b_times: list[float] = []
    for _ in range(repeats):
        target = fresh()
        with target, _timer(b_times):
            plain_insert(target)
        target = fresh()
        client = client_for(target)
        with target, client:
            with _timer(s_times):
                result = pull.pull(target, client)
            assert result.applied == count and not result.stale, result
    rate, plain_rate = _rate(count, s_times), _rate(count, b_times)
    return Result(f"pull apply ({count:,} row versions, {len(pages)} pages)",
                  "pull(): GET pages of 1,000 from uvicorn + checkpoint/log checks + apply in "
                  f"one unit of work per page: median **{rate:,.0f} rows/s**",
                  f"plain executemany INSERT of the same rows through a unit of work (SQLCipher)"
                  f": {plain_rate:,.0f} rows/s", "≥ 2,000 rows/s and ≤ 2×", s_times, b_times)


# ---------------------------------------------------------------------------------------------
# 5. Blob upload
# ---------------------------------------------------------------------------------------------


def bench_blob(work: Path, repeats: int, db: Any, server: Server) -> Result:
    from nsss_desktop.services import evidence
    from nsss_desktop.sync_client.blobs import CHUNK_SIZE, upload_blob

    raw_server = RawPutServer(work).start()
    try:
        blobs = []
        for _ in range(repeats + 1):
            data = b"%PDF-1.7\n" + os.urandom(BLOB_BYTES - 9)
            sha = hashlib.sha256(data).hexdigest()
            evidence.store_blob(db, io.BytesIO(data), sha256=sha)
            blobs.append((sha, data))
        client = client_for(db)
        raw_http = requests.Session()
        raw_url = f"http://127.0.0.1:{raw_server.port}/raw"

        def raw_put(sha: str, data: bytes) -> None:
            r = raw_http.put(f"{raw_url}/{sha}", data=data,
                             headers={"Content-Type": "application/octet-stream"}, timeout=60)
            assert r.status_code == 204, r.status_code

        upload_blob(client, db, blobs[0][0])  # warm: connection, sign-in, statement caches
        raw_put(*blobs[0])
        s_times: list[float] = []
        b_times: list[float] = []
        for sha, data in blobs[1:]:
            with _timer(b_times):
                raw_put(sha, data)
            with _timer(s_times):
                upload_blob(client, db, sha)
        client.close()
        raw_http.close()
        stored = server.data_dir / "blobs"
        assert sum(1 for p in stored.rglob("*") if p.is_file() and p.stat().st_size == BLOB_BYTES
                   ) >= len(blobs)
    finally:
        raw_server.stop()
    mib = BLOB_BYTES / 2**20
    return Result(f"blob upload ({mib:.0f} MiB, {CHUNK_SIZE // 2**20} MiB chunks)",
                  "upload_blob(): read from SQLCipher + hash, PUT announce, PATCH chunks "
                  "(fsync each), server re-hash + magic bytes: median "
                  f"**{mib / statistics.median(s_times):,.0f} MiB/s**",
                  "one raw PUT of the same bytes to a minimal Starlette endpoint (write + fsync)",
                  "≤ 1.1×", s_times, b_times)


# ---------------------------------------------------------------------------------------------
# The group
# ---------------------------------------------------------------------------------------------


def _step(label: str, fn: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    value = fn()
    print(f"  sync: {label} ({time.perf_counter() - started:.1f} s)", file=sys.stderr,
          flush=True)
    return value


def bench_sync(work: Path, repeats: int) -> list[Result]:
    """Every sync figure; PostgreSQL ones are skipped (with a note) when it is not installed."""
    from nsss_desktop.services.demo import build_demo
    from nsss_desktop.store.database import Database

    os.environ["NSSS_SCRYPT_N"] = "16384"  # the KDF is measured by the unlock figure
    work = work / "sync"
    work.mkdir()
    heavy = max(3, repeats // 2)
    results: list[Result] = []
    servers: list[Server] = []
    cluster = None
    enrolled = None
    try:
        demo = work / "demo.nsssdb"
        db, _ = Database.create(demo, PASSPHRASE, use_keyring=False)
        with db:
            build_demo(db)
            template = figure_template(db)
        lite = Server(work, "server-sqlite", str(work / "server.sqlite")).start()
        servers.append(lite)
        seal, enrolled = _step("seal", lambda: bench_seal(work, repeats, demo, lite))
        results.append(seal)
        results += _step("apply (SQLite)", lambda: bench_apply(
            work, repeats, lite, f"sqlite:///{work / 'inproc.sqlite'}", template))
        try:
            from tests.sync.pg import PgCluster

            cluster = _step("PostgreSQL cluster", PgCluster.start)
        except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
            print(f"  sync: PostgreSQL figures skipped: {exc}", file=sys.stderr)
        pg = None
        if cluster is not None:
            pg = Server(work, "server-pg", cluster.new_database("bench")).start()
            servers.append(pg)
            results += _step("apply (PostgreSQL)", lambda: bench_apply(
                work, repeats, pg, cluster.new_database("bench_inproc"), template))
        results.append(_step("ingest (SQLite)",
                             lambda: bench_ingest(work, heavy, lite, template)))
        if pg is not None:
            results.append(_step("ingest (PostgreSQL)",
                                 lambda: bench_ingest(work, heavy, pg, template)))
        puller = Server(work, "server-pull", str(work / "server-pull.sqlite")).start()
        servers.append(puller)
        results.append(_step("pull", lambda: bench_pull(work, heavy, puller)))
        results.append(_step("blob", lambda: bench_blob(work, repeats, enrolled, lite)))
    finally:
        if enrolled is not None:
            enrolled.close()
        for server in servers:
            server.stop()
        if cluster is not None:
            cluster.stop()
    return results


def _serve_raw_put(argv: list[str]) -> int:
    import argparse

    import uvicorn

    parser = argparse.ArgumentParser(prog="python -m bench.sync_bench raw-put")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", type=Path, required=True)
    args = parser.parse_args(argv)
    uvicorn.run(raw_put_app(args.dir), host="127.0.0.1", port=args.port, log_level="warning",
                access_log=False, server_header=False)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["raw-put"]:
        raise SystemExit(_serve_raw_put(sys.argv[2:]))
    raise SystemExit("usage: python -m bench.sync_bench raw-put --port P --dir D "
                     "(the benchmarks run with python -m bench --only sync)")
