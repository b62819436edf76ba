"""Receiving change sets: the verification order of docs/sync.md §3.4, then the apply.

One upload (HTTP or a sync file) is a batch of sealed sets; each is checked in this order and
the first failure is its answer:

1. size, strict parse, envelope shape (no database);
2. the key is enrolled for the device, the signature (and a rotation's cosignature) verify;
3. duplicate (stored ack, byte for byte) / equivocation (409, key suspended) / in progress;
4. the session's device, the environment, the key's status, the schema version;
5. ordering: ahead of a gap → held; chain link; attachments complete, else held;
6. values, authorisation (a refusal here is recorded ``rejected`` with a signed ack);
7. apply in one transaction: merge, ``server_seq`` = head + 1 under the log lock, hash-chained
   log entry, signed ack stored as exact bytes.

Steps 3–7 run in one write transaction serialised per device (see `sync.db`), so two copies of
the same set, or two sets of one device, can never interleave. Held sets of a device that became
next are applied right after, each in its own transaction (never across a gap, R9).

Speed (bench/README.md, "Sync"): the hot statements are built once with bind parameters (their
compiled forms are cached), rows are loaded by ``table_name = :t AND pk IN (...)`` (the primary
key index) and written with one executemany per table; a set's step 4 reads the key, the device
and whether a held set waits right after it in one statement, so the drain runs only when one
does; bodies are parsed and envelopes and acks serialised by `sync.wirefast` (the I-JSON
checks and RFC 8785 bytes at C speed).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, bindparam, insert, or_, select, update

from nsss_desktop.wire import signing
from nsss_desktop.wire.canonical import WireError, canonical, strict_loads
from nsss_desktop.wire.envelope import (
    GENESIS_HASH,
    MAX_BATCH_SETS,
    MAX_CHANGESET_BYTES,
    SCHEMA_VERSIONS,
    ack_document,
    log_entry_hash,
    validate_envelope,
)
from nsss_desktop.wire.tables import validate_op_values
from sync import clock, wirefast
from sync.audit import audit
from sync.context import ServerContext
from sync.errors import ApiError
from sync.keys import SIGNING_COLUMNS, SigningKey, signing_key_of
from sync.logs import log_event
from sync.merge import Row, authorize, merge
from sync.schema import (
    changeset,
    device,
    device_key,
    row_state,
    row_version,
    server_key,
    server_log,
    sync_conflict,
)

MAX_BODY_BYTES = 2 * 1024 * 1024  # 413 before parsing
ITEM_FIELDS = {"changeset", "signature", "cosignature"}
ACCEPTED_SCHEMAS = SCHEMA_VERSIONS[-2:]


@dataclass(frozen=True)
class Uploader:
    """Who stands behind an upload: the session's device (HTTP) or the sync file's device."""

    device_id: str
    key_id: str
    ministry_code: str


@dataclass
class Result:
    """One set's answer (docs/sync.md §3.4)."""

    changeset_id: str | None
    status_code: int
    duplicate: bool = False
    ack: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"changeset_id": self.changeset_id, "status_code": self.status_code,
                "duplicate": self.duplicate, "ack": self.ack, "error": self.error,
                **self.extra}

    @classmethod
    def refused(cls, changeset_id: str | None, exc: ApiError) -> Result:
        return cls(changeset_id, exc.status, error=exc.error_dict(), extra=dict(exc.extra))


@dataclass(frozen=True)
class Sealed:
    """A set that passed step 1: its envelope and the exact bytes that were signed."""

    env: dict[str, Any]
    payload: bytes
    payload_sha256: str
    signature: str
    cosignature: str | None

    @property
    def changeset_id(self) -> str:
        return self.env["changeset_id"]

    @property
    def device_id(self) -> str:
        return self.env["device_id"]

    @property
    def device_seq(self) -> int:
        return self.env["device_seq"]


def _item_path(exc: WireError) -> str:
    """An envelope path (``$.ops[0]``) as a path in the transport item (``$.changeset.ops[0]``)."""
    return "$.changeset" + exc.path[1:] if exc.path.startswith("$") else exc.path


# ---------------------------------------------------------------------------------------------
# Step 1: shape
# ---------------------------------------------------------------------------------------------


def parse_batch(raw: bytes) -> list[Any]:
    """The list of transport items of an upload body (errors are about the whole body)."""
    if len(raw) > MAX_BODY_BYTES:
        raise ApiError(413, "too_large", f"the body is over {MAX_BODY_BYTES} bytes")
    try:
        body = wirefast.strict_loads(raw)
    except WireError as exc:
        raise ApiError.from_wire(exc) from None
    if not isinstance(body, dict) or set(body) != {"changesets"}:
        raise ApiError(422, "invalid_batch", 'the body must be {"changesets": [...]}', path="$")
    items = body["changesets"]
    if not isinstance(items, list) or not items:
        raise ApiError(422, "invalid_batch", "must be a non-empty list", path="$.changesets")
    if len(items) > MAX_BATCH_SETS:
        raise ApiError(413, "too_large", f"at most {MAX_BATCH_SETS} change sets per upload",
                       path="$.changesets")
    return items


def seal(item: Any, *, checked: bool = False) -> Sealed:
    """Step 1 for one transport item: size, shape, signature fields present.

    `checked`: the item comes out of `strict_loads` (an upload body, a sync-file line), so the
    I-JSON checks already passed and its canonical bytes can come from `sync.wirefast`."""
    if not isinstance(item, dict):
        raise ApiError(422, "invalid_batch", "a sealed change set must be an object", path="$")
    for name in sorted(set(item) - ITEM_FIELDS):
        raise ApiError(422, "invalid_batch", "is not a field of a sealed change set",
                       path=f"$.{name}")
    if "changeset" not in item:
        raise ApiError(422, "invalid_batch", "is missing", path="$.changeset")
    env = item["changeset"]
    try:
        payload = wirefast.canonical(env) if checked else canonical(env)
    except WireError as exc:
        raise ApiError(exc.status, exc.code, exc.message, path=_item_path(exc)) from None
    if len(payload) > MAX_CHANGESET_BYTES:
        raise ApiError(413, "too_large", f"a change set is at most {MAX_CHANGESET_BYTES} bytes "
                       "in canonical form; split it", path="$.changeset")
    try:
        validate_envelope(env)
    except WireError as exc:
        raise ApiError(exc.status, exc.code, exc.message, path=_item_path(exc)) from None
    signature = item.get("signature")
    if not isinstance(signature, str):
        raise ApiError(422, "invalid_batch", "is missing or not a string", path="$.signature")
    cosignature = item.get("cosignature")
    if cosignature is not None and not isinstance(cosignature, str):
        raise ApiError(422, "invalid_batch", "must be a string", path="$.cosignature")
    if cosignature is not None and env["kind"] != "key_rotate":
        raise ApiError(422, "invalid_batch", "only a key_rotate change set is cosigned",
                       path="$.cosignature")
    return Sealed(env, payload, signing.sha256_hex(payload), signature, cosignature)


def stored_sealed(row: Any) -> Sealed:
    """A stored (held) set, back in memory; its bytes were verified on receipt."""
    return Sealed(strict_loads(row.payload), bytes(row.payload), row.payload_sha256,
                  row.signature, row.cosignature)


# ---------------------------------------------------------------------------------------------
# Step 2: key and signatures
# ---------------------------------------------------------------------------------------------


_PUBLIC_KEY = select(device_key.c.public_key).where(
    device_key.c.key_id == bindparam("kid"), device_key.c.device_id == bindparam("dev"))


def verify_signatures(conn: Connection, sealed: Sealed) -> None:
    """Step 2 against the enrolled keys read on `conn` (403 unknown_key / bad_signature)."""
    public_key = conn.execute(_PUBLIC_KEY, {"kid": sealed.env["key_id"],
                                            "dev": sealed.device_id}).scalar()
    check_signatures(sealed, public_key)


def check_signatures(sealed: Sealed, public_key: str | None) -> None:
    """Step 2: `public_key` is the enrolled key (base64url) of the envelope's
    ``(key_id, device_id)``, None when there is none (403 unknown_key / bad_signature)."""
    env = sealed.env
    if public_key is None:
        raise ApiError(403, "unknown_key", "the key_id is not an enrolled key of this device",
                       path="$.changeset.key_id")
    if not signing.verify_bytes(signing.b64d(public_key), signing.CHANGESET, sealed.payload,
                                sealed.signature):
        raise ApiError(403, "bad_signature", "the signature does not verify with the enrolled "
                       "key", path="$.signature")
    if env["kind"] == "key_rotate":
        if sealed.cosignature is None:
            raise ApiError(422, "cosignature_missing", "a key rotation must also be signed by "
                           "the new key", path="$.cosignature")
        try:
            new_raw = signing.b64d(env["new_key"]["public_key"])
            if len(new_raw) != 32:
                raise ValueError
        except ValueError:
            raise ApiError(422, "invalid_envelope", "is not a raw Ed25519 key, base64url",
                           path="$.changeset.new_key.public_key") from None
        if signing.key_id(new_raw) != env["new_key"]["key_id"]:
            raise ApiError(422, "invalid_envelope", "is not the key id of new_key.public_key",
                           path="$.changeset.new_key.key_id")
        if not signing.verify_bytes(new_raw, signing.CHANGESET, sealed.payload,
                                    sealed.cosignature):
            raise ApiError(403, "bad_signature", "the cosignature does not verify with the new "
                           "key", path="$.cosignature")


def check_schema_version(version: str) -> None:
    if version in ACCEPTED_SCHEMAS:
        return
    if version in SCHEMA_VERSIONS or (len(version) == 4 and version.isdigit()
                                      and version < ACCEPTED_SCHEMAS[0]):
        raise ApiError(426, "upgrade_required", f"this installation's data format {version} is "
                       f"too old; the server accepts {' and '.join(ACCEPTED_SCHEMAS)}. Update "
                       "NSSS M&E Desktop, then sync again: nothing is lost.",
                       path="$.changeset.schema_version")
    raise ApiError(422, "unknown_schema_version", f"{version!r} is not a data format this "
                   f"server knows ({', '.join(ACCEPTED_SCHEMAS)})",
                   path="$.changeset.schema_version")


# ---------------------------------------------------------------------------------------------
# Loading rows
# ---------------------------------------------------------------------------------------------


# One table at a time: ``table_name = :t AND pk IN (...)`` is a primary-key search on both
# backends (a row-value ``(table_name, pk) IN (...)`` made SQLite scan the whole table).
_LOAD_ROWS = select(row_state).where(row_state.c.table_name == bindparam("t"),
                                     row_state.c.pk.in_(bindparam("pks", expanding=True)))
_LOAD_CHUNK = 500


def load_rows(conn: Connection, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Row]:
    by_table: dict[str, dict[str, None]] = {}
    for table, pk in keys:
        by_table.setdefault(table, {})[pk] = None
    out: dict[tuple[str, str], Row] = {}
    for table, pk_set in by_table.items():
        pks = list(pk_set)
        for start in range(0, len(pks), _LOAD_CHUNK):
            rows = conn.execute(_LOAD_ROWS, {"t": table, "pks": pks[start:start + _LOAD_CHUNK]})
            for r in rows:
                out[(r.table_name, r.pk)] = Row(r.table_name, r.pk, r.owner, json.loads(r.data),
                                                json.loads(r.field_revs), int(r.rev),
                                                bool(r.deleted))
    return out


_HEAD_SEQ = select(server_log.c.server_seq).order_by(server_log.c.server_seq.desc()).limit(1)
_LOG_HEAD = select(server_log.c.server_seq, server_log.c.entry_hash).order_by(
    server_log.c.server_seq.desc()).limit(1)


def log_head(conn: Connection) -> tuple[int, str]:
    row = conn.execute(_LOG_HEAD).first()
    return (int(row.server_seq), row.entry_hash) if row else (0, GENESIS_HASH)


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------------------------------------
# Prepared statements (built once: SQLAlchemy memoises their cache keys and compiled forms)
# ---------------------------------------------------------------------------------------------

# Step 3 in detail, once `_STATE` said the set was seen: the same id, or the same (device, seq)?
# (The payload is read only when a stored held set must be answered.)
_SEEN = select(
    changeset.c.changeset_id, changeset.c.device_id, changeset.c.device_seq, changeset.c.key_id,
    changeset.c.payload_sha256, changeset.c.status, changeset.c.reason, changeset.c.ack,
    changeset.c.ack_signature, changeset.c.status_code, changeset.c.error,
).where(or_(changeset.c.changeset_id == bindparam("cid"),
            and_(changeset.c.device_id == bindparam("dev"),
                 changeset.c.device_seq == bindparam("seq"))))
_PAYLOAD = select(changeset.c.payload).where(changeset.c.changeset_id == bindparam("cid"))
# Everything steps 3 to 7 read before the rows, in one statement (taken under the set's locks,
# see `Database.write_claimed`): whether the set was seen (step 3), the key and its device
# (step 4), whether a held set of the device waits right after this one (then the drain runs;
# the device's lock is held, so none can appear meanwhile), the signing key and the log head.
_STATE = select(
    select(changeset.c.changeset_id).where(or_(
        changeset.c.changeset_id == bindparam("cid"),
        and_(changeset.c.device_id == bindparam("dev"),
             changeset.c.device_seq == bindparam("seq")))).exists().label("seen"),
    device_key.c.key_id, device_key.c.status.label("key_status"),
    device_key.c.first_seq.label("key_first_seq"), device_key.c.last_seq.label("key_last_seq"),
    device.c.device_id, device.c.ministry_code, device.c.last_seq, device.c.last_hash,
    device.c.revoked_at,
    select(changeset.c.changeset_id).where(
        changeset.c.status == "held", changeset.c.device_id == device.c.device_id,
        changeset.c.device_seq == bindparam("next_seq")).exists().label("held_next"),
    *SIGNING_COLUMNS,
    _HEAD_SEQ.scalar_subquery().label("head_seq"),
    select(server_log.c.entry_hash).order_by(server_log.c.server_seq.desc()).limit(1)
    .scalar_subquery().label("head_hash"),
).select_from(device_key.join(device, device.c.device_id == device_key.c.device_id)
              .outerjoin(server_key, server_key.c.status == "active")).where(
    device_key.c.key_id == bindparam("kid"), device.c.device_id == bindparam("dev"))
# Step 7: the signing key and the log head, in one statement.
_SIGNER_AND_HEAD = select(
    *SIGNING_COLUMNS,
    _HEAD_SEQ.scalar_subquery().label("head_seq"),
    select(server_log.c.entry_hash).order_by(server_log.c.server_seq.desc()).limit(1)
    .scalar_subquery().label("head_hash"),
).where(server_key.c.status == "active")
_OWN_SEQS = select(server_log.c.server_seq).where(
    server_log.c.server_seq.in_(bindparam("seqs", expanding=True)),
    server_log.c.device_id == bindparam("dev"))
_KEY_EXISTS = select(device_key.c.key_id).where(device_key.c.key_id == bindparam("kid"))
_INSERT_CHANGESET = insert(changeset)
_UPDATE_CHANGESET = update(changeset).where(changeset.c.changeset_id == bindparam("k_cid"))
_ADVANCE = update(device).where(device.c.device_id == bindparam("k_dev"))
_INSERT_LOG = insert(server_log)
_INSERT_ROW_STATE = insert(row_state)
_UPDATE_ROW_STATE = update(row_state).where(row_state.c.table_name == bindparam("k_table"),
                                            row_state.c.pk == bindparam("k_pk"))
_INSERT_ROW_VERSION = insert(row_version)
_INSERT_CONFLICT = insert(sync_conflict)
# Drain: the device, and its held set that is next.
_DEVICE = select(device).where(device.c.device_id == bindparam("dev"))
_HELD_NEXT = select(changeset).where(changeset.c.device_id == bindparam("dev"),
                                     changeset.c.status == "held",
                                     changeset.c.device_seq == bindparam("seq"))
_KEY = select(device_key).where(device_key.c.key_id == bindparam("kid"))
_LAST_SEQ = select(device.c.last_seq).where(device.c.device_id == bindparam("dev"))
_PUBLIC_KEYS_CACHED = 10_000  # (key_id, device_id) pairs remembered by one Ingestor


# ---------------------------------------------------------------------------------------------
# The ingestor
# ---------------------------------------------------------------------------------------------


class Ingestor:
    """Runs the §3.4 pipeline against one server database."""

    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx
        self.db = ctx.db
        # Enrolled public keys by (key_id, device_id). A device_key row is never deleted and
        # its public key never changes, so a key found once is that key for good (statuses,
        # which do change, are read in each set's transaction); unknown keys are not cached.
        self._public_keys: dict[tuple[str, str], str] = {}

    # -- entry points ----------------------------------------------------------------------

    def upload(self, raw: bytes, who: Uploader) -> tuple[int, dict[str, Any]]:
        """An HTTP upload body → (HTTP status, answer body)."""
        items = parse_batch(raw)
        results = self.process_items(items, who, checked=True)
        if len(results) == 1:
            status = results[0].status_code
        else:
            status = 200 if all(200 <= r.status_code < 300 for r in results) else 207
        return status, {"results": [r.as_dict() for r in results]}

    def process_items(self, items: list[Any], who: Uploader, *, checked: bool = False
                      ) -> list[Result]:
        """Each item in order, then the device's held sets that became next. `checked`: the
        items come out of `strict_loads` (see `seal`).

        Consecutive sets of the uploader's device (in an upload of several) share one
        transaction (`_SetGroup`), each after a savepoint: a set refused at any step is rolled
        back alone, and the sets before it keep their answers. The group is committed before
        anything that must see its sets from another transaction (a drain, a set of another
        device, the same set again, the key a rotation enrols), when it is full, and at the
        end, all before any answer is sent. A database error fails the whole upload (503, as
        before): the group is rolled back and nothing was answered, so a resend gets fresh
        answers."""
        results = []
        drain = False
        with _SetGroup(self, who.device_id) as group:
            for item in items:
                result, settled = self._process_item(item, who, checked,
                                                     group if len(items) > 1 else None)
                results.append(result)
                drain = drain or not settled
        if drain:
            self.drain(who.device_id)
        return [self.settle(r) for r in results]

    def process_item(self, item: Any, who: Uploader, *, checked: bool = False) -> Result:
        return self._process_item(item, who, checked)[0]

    def _process_item(self, item: Any, who: Uploader, checked: bool,
                      group: _SetGroup | None = None) -> tuple[Result, bool]:
        """The item's answer, and whether it left nothing for a later drain to do (a set
        applied or rejected just now, with no held set of its device next in line)."""
        cid = None
        if isinstance(item, dict) and isinstance(item.get("changeset"), dict):
            value = item["changeset"].get("changeset_id")
            cid = value if isinstance(value, str) else None
        try:
            sealed = seal(item, checked=checked)
            check_signatures(sealed, self._public_key(sealed.env["key_id"], sealed.device_id))
            if group is not None and group.takes(sealed):
                return self._decide_in_group(sealed, who, group)
            if group is not None:
                group.commit()
            return self._decide(sealed, who)
        except ApiError as exc:
            log_event("change set refused", "changeset_refused", changeset_id=cid,
                      device_id=who.device_id, status=exc.status, code=exc.code, path=exc.path,
                      op_index=exc.op_index)
            return Result.refused(cid, exc), False

    def _public_key(self, key_id: str, device_id: str) -> str | None:
        found = self._public_keys.get((key_id, device_id))
        if found is None:
            with self.db.read() as conn:
                found = conn.execute(_PUBLIC_KEY, {"kid": key_id, "dev": device_id}).scalar()
            if found is not None:
                if len(self._public_keys) >= _PUBLIC_KEYS_CACHED:
                    self._public_keys.clear()
                self._public_keys[(key_id, device_id)] = found
        return found

    # -- steps 3 to 7 ----------------------------------------------------------------------

    def _decide(self, sealed: Sealed, who: Uploader) -> tuple[Result, bool]:
        cid = sealed.changeset_id
        if not self.ctx.inflight.acquire(cid):
            raise ApiError(409, "in_progress", "this change set is being processed right now; "
                           "send it again in a moment")
        try:
            with self.db.engine.connect() as conn, self.db.write_claimed(
                    conn, device_id=sealed.device_id, claim=cid) as claimed:
                if not claimed:
                    raise ApiError(409, "in_progress", "this change set is being processed "
                                   "right now; send it again in a moment")
                result, held_next = self._decide_locked(conn, sealed, who)
        finally:
            self.ctx.inflight.release(cid)
        drain, settled = _drain_after(result, held_next)
        if drain:
            self.drain(sealed.device_id)
        return result, settled

    def _decide_in_group(self, sealed: Sealed, who: Uploader, group: _SetGroup
                         ) -> tuple[Result, bool]:
        """`_decide` for a set of the group's device, inside the group's transaction."""
        cid = sealed.changeset_id
        if not self.ctx.inflight.acquire(cid):
            raise ApiError(409, "in_progress", "this change set is being processed right now; "
                           "send it again in a moment")
        conn = group.connection(cid)
        if not self.db.claim(conn, cid):
            raise ApiError(409, "in_progress", "this change set is being processed "
                           "right now; send it again in a moment")
        group.mark_set()
        try:
            result, held_next = self._decide_locked(conn, sealed, who)
        except ApiError:
            self.db.undo_set(conn)
            raise
        drain, settled = _drain_after(result, held_next)
        if drain:
            group.commit()
            self.drain(sealed.device_id)
        elif group.full() or sealed.env["kind"] == "key_rotate":
            # A rotation enrols a key that the next sets' step 2 reads outside the group.
            group.commit()
        return result, settled

    def _decide_locked(self, conn: Connection, sealed: Sealed, who: Uploader
                       ) -> tuple[Result, bool | None]:
        """The set's answer and, when it was applied or rejected just now, whether a held set
        of its device is next in line (None otherwise)."""
        env = sealed.env
        cid = sealed.changeset_id
        state = conn.execute(_STATE, {"cid": cid, "dev": sealed.device_id,
                                      "seq": sealed.device_seq, "kid": env["key_id"],
                                      "next_seq": sealed.device_seq + 1}).one()
        # Step 3: the same id, or the same (device, seq), seen before?
        if state.seen:
            stored = conn.execute(_SEEN, {"cid": cid, "dev": sealed.device_id,
                                          "seq": sealed.device_seq}).all()
            for row in stored:
                if row.changeset_id == cid and row.payload_sha256 == sealed.payload_sha256:
                    return self._answer_stored(row, conn), None
            if stored:
                return self._equivocation(conn, sealed, stored[0]), None
        # Step 4: context and key status.
        if who.device_id != sealed.device_id:
            raise ApiError(403, "device_mismatch", "this change set belongs to another device "
                           "than the signed-in one", path="$.changeset.device_id")
        if env["environment"] != self.ctx.environment:
            raise ApiError(403, "wrong_environment", f"this change set is for environment "
                           f"{env['environment']!r}; this server is {self.ctx.environment!r}",
                           path="$.changeset.environment")
        if state.key_status == "revoked" or state.revoked_at is not None:
            # Kept for review and answered 403; returned, not raised, so the row commits.
            self._store(conn, sealed, status="quarantined", reason="revoked")
            audit(conn, "server", "changeset_quarantined", device_id=sealed.device_id,
                  key_id=state.key_id, details={"changeset_id": cid, "reason": "revoked",
                                                "device_seq": sealed.device_seq})
            return Result.refused(cid, _revoked(quarantined=True)), None
        if state.key_status == "suspended":
            raise ApiError(403, "suspended", "this device's key is suspended (two different "
                           "change sets with the same number were seen); contact GED")
        if sealed.device_seq < state.key_first_seq or (
                state.key_last_seq is not None and sealed.device_seq > state.key_last_seq):
            raise ApiError(403, "key_rotated", "this key may not sign this device_seq: it was "
                           "replaced by a key rotation; sign with the current key",
                           path="$.changeset.key_id")
        check_schema_version(env["schema_version"])
        # Step 5: ordering, chain, blobs.
        expected = int(state.last_seq) + 1
        if sealed.device_seq > expected:
            self._store(conn, sealed, status="held", reason="awaiting_seq")
            return _held_seq(cid, expected), None
        if sealed.device_seq < expected:  # unreachable: a consumed seq is stored (step 3)
            raise ApiError(409, "equivocation", "this device_seq was used already")
        if env["prev_hash"] != state.last_hash:
            raise ApiError(409, "chain_break", "prev_hash is not the hash of this device's "
                           "previous change set", path="$.changeset.prev_hash")
        missing = self._missing_blobs(env)
        if missing:
            self._store(conn, sealed, status="held", reason="awaiting_blob")
            return _held_blob(cid, missing), None
        # Steps 6 and 7.
        result = self._apply(conn, sealed, state, received_at=clock.now_iso(), stored=False,
                             signer=state)
        return result, bool(state.held_next)

    def _answer_stored(self, row: Any, conn: Connection | None = None) -> Result:
        """The same set again: its stored answer (the ack byte for byte), or where it waits.
        (`row` may lack the payload; it is then read on `conn` if needed.)"""
        if row.ack is not None:
            error = json.loads(row.error) if row.error else None
            return Result(row.changeset_id, int(row.status_code), duplicate=True,
                          ack={"ack": json.loads(row.ack), "signature": row.ack_signature},
                          error=error)
        if row.status == "held":
            if row.reason == "awaiting_blob":
                payload = getattr(row, "payload", None)
                if payload is None and conn is not None:
                    payload = conn.execute(_PAYLOAD, {"cid": row.changeset_id}).scalar_one()
                return _held_blob(row.changeset_id, self._missing_blobs(strict_loads(payload)))
            return _held_seq(row.changeset_id, self._expected_seq(row.device_id, conn))
        if row.reason == "chain_break":
            exc = ApiError(409, "chain_break", "this held change set did not link to the "
                           "device's previous one and was quarantined",
                           extra={"quarantined": True})
            return Result.refused(row.changeset_id, exc)
        return Result.refused(row.changeset_id, _revoked(quarantined=True))

    def _expected_seq(self, device_id: str, conn: Connection | None = None) -> int:
        """The device_seq the device must send next (read on `conn`, the caller's
        transaction, when given: it may hold sets not committed yet)."""
        if conn is None:
            with self.db.read() as own:
                return self._expected_seq(device_id, own)
        return int(conn.execute(_LAST_SEQ, {"dev": device_id}).scalar_one()) + 1

    def _equivocation(self, conn: Connection, sealed: Sealed, other: Any) -> Result:
        """Two different payloads for one id or one (device, seq): a clone signal (R22)."""
        env = sealed.env
        key = conn.execute(_KEY, {"kid": env["key_id"]}).one()
        now = clock.now_iso()
        suspended = key.status == "active"
        if suspended:
            conn.execute(update(device_key).where(device_key.c.key_id == key.key_id).values(
                status="suspended", status_at=now, reason="equivocation"))
        audit(conn, "server", "equivocation", device_id=sealed.device_id, key_id=key.key_id,
              details={"changeset_id": sealed.changeset_id, "device_seq": sealed.device_seq,
                       "payload_sha256": sealed.payload_sha256,
                       "stored_changeset_id": other.changeset_id,
                       "stored_payload_sha256": other.payload_sha256,
                       "key_suspended": suspended})
        log_event("equivocation: key suspended", "equivocation", device_id=sealed.device_id,
                  key_id=key.key_id, changeset_id=sealed.changeset_id,
                  device_seq=sealed.device_seq, key_suspended=suspended)
        exc = ApiError(409, "equivocation", "another change set with this id or device_seq was "
                       "received already, with different content; the key is suspended")
        return Result.refused(sealed.changeset_id, exc)

    def _missing_blobs(self, env: dict[str, Any]) -> list[str]:
        return sorted({a["sha256"] for a in env["attachments"]
                       if not self.ctx.blob_complete(a["sha256"])})

    # -- storing ---------------------------------------------------------------------------

    def _store(self, conn: Connection, sealed: Sealed, *, status: str, reason: str | None
               ) -> None:
        conn.execute(_INSERT_CHANGESET, {
            "changeset_id": sealed.changeset_id, "device_id": sealed.device_id,
            "device_seq": sealed.device_seq, "key_id": sealed.env["key_id"],
            "kind": sealed.env["kind"], "payload": sealed.payload,
            "payload_sha256": sealed.payload_sha256, "signature": sealed.signature,
            "cosignature": sealed.cosignature, "status": status, "reason": reason,
            "received_at": clock.now_iso()})
        log_event(f"change set {status}", f"changeset_{status}", changeset_id=sealed.changeset_id,
                  device_id=sealed.device_id, device_seq=sealed.device_seq, reason=reason)

    def _decided(self, conn: Connection, sealed: Sealed, *, stored: bool, received_at: str,
                 values: dict[str, Any]) -> None:
        """Record the final state of a set (insert it, or update the held row)."""
        values = {**values, "decided_at": clock.now_iso()}
        if stored:
            conn.execute(_UPDATE_CHANGESET, {"k_cid": sealed.changeset_id, **values})
            return
        conn.execute(_INSERT_CHANGESET, {
            "changeset_id": sealed.changeset_id, "device_id": sealed.device_id,
            "device_seq": sealed.device_seq, "key_id": sealed.env["key_id"],
            "kind": sealed.env["kind"], "payload": sealed.payload,
            "payload_sha256": sealed.payload_sha256, "signature": sealed.signature,
            "cosignature": sealed.cosignature, "received_at": received_at, **values})

    def _signed_ack(self, key: SigningKey, sealed: Sealed, *, status: str,
                    conflicts: list[dict[str, Any]], server_seq: int | None,
                    received_at: str, head_hash: str) -> tuple[bytes, str]:
        doc = ack_document(
            changeset_id=sealed.changeset_id, device_id=sealed.device_id,
            device_seq=sealed.device_seq, payload_sha256=sealed.payload_sha256, status=status,
            conflicts=conflicts, server_seq=server_seq, received_at=received_at,
            log_head_hash=head_hash, server_key_id=key.key_id)
        raw = wirefast.canonical(doc)  # its values all passed the I-JSON checks on receipt
        return raw, signing.sign_bytes(key.private, signing.ACK, raw)

    # -- steps 6 and 7 ---------------------------------------------------------------------

    def _apply(self, conn: Connection, sealed: Sealed, dev: Any, *, received_at: str,
               stored: bool, signer: Any = None) -> Result:
        """Steps 6 and 7. `signer`: a row of `SIGNING_COLUMNS`, ``head_seq`` and ``head_hash``
        read under the log lock already (None: take the lock and read them here)."""
        env = sealed.env
        refusal = _check_values(env)
        if signer is None or signer.signing_key_id is None:
            self.db.lock_log(conn)  # from here on, rows and the log head stay as read
            signer = conn.execute(_SIGNER_AND_HEAD).one()
        rows: dict[tuple[str, str], Row] = {}
        if refusal is None:
            rows = load_rows(conn, ((op["table"], op["pk"]) for op in env["ops"]))
            refusal = self._authorize(conn, env, dev, rows)
        key = signing_key_of(signer)
        if signer.head_seq is None:
            head_seq, head_hash = 0, GENESIS_HASH
        else:
            head_seq, head_hash = int(signer.head_seq), signer.head_hash
        if refusal is not None:
            ack, sig = self._signed_ack(key, sealed, status="rejected", conflicts=[],
                                        server_seq=None, received_at=received_at,
                                        head_hash=head_hash)
            self._decided(conn, sealed, stored=stored, received_at=received_at, values={
                "status": "rejected", "reason": refusal.code, "ack": ack, "ack_signature": sig,
                "status_code": refusal.status, "error": _json(refusal.error_dict())})
            self._advance(conn, sealed)
            log_event("change set rejected", "changeset_rejected",
                      changeset_id=sealed.changeset_id, device_id=sealed.device_id,
                      device_seq=sealed.device_seq, code=refusal.code,
                      op_index=refusal.op_index)
            return Result(sealed.changeset_id, refusal.status,
                          ack={"ack": json.loads(ack), "signature": sig},
                          error=refusal.error_dict())
        seq = head_seq + 1
        conflicts, versions = self._merge_all(conn, sealed, rows, seq)
        if env["kind"] == "key_rotate":
            self._rotate(conn, sealed)
        entry = log_entry_hash(server_seq=seq, prev_entry_hash=head_hash,
                               changeset_id=sealed.changeset_id,
                               payload_sha256=sealed.payload_sha256)
        conn.execute(_INSERT_LOG, {
            "server_seq": seq, "changeset_id": sealed.changeset_id,
            "device_id": sealed.device_id, "payload_sha256": sealed.payload_sha256,
            "prev_entry_hash": head_hash, "entry_hash": entry, "row_count": versions,
            "applied_at": clock.now_iso()})
        ack, sig = self._signed_ack(key, sealed, status="applied", conflicts=conflicts,
                                    server_seq=seq, received_at=received_at, head_hash=entry)
        self._decided(conn, sealed, stored=stored, received_at=received_at, values={
            "status": "applied", "reason": None, "server_seq": seq, "ack": ack,
            "ack_signature": sig, "status_code": 200, "error": None})
        self._advance(conn, sealed)
        log_event("change set applied", "changeset_applied", changeset_id=sealed.changeset_id,
                  device_id=sealed.device_id, device_seq=sealed.device_seq, server_seq=seq,
                  ops=len(env["ops"]), rows_written=versions,
                  hard_conflicts=sum(c["kind"] == "hard" for c in conflicts),
                  soft_conflicts=sum(c["kind"] == "soft" for c in conflicts))
        return Result(sealed.changeset_id, 200, ack={"ack": json.loads(ack), "signature": sig})

    def _advance(self, conn: Connection, sealed: Sealed) -> None:
        """The device's chain moves on: this set consumed its device_seq."""
        conn.execute(_ADVANCE, {"k_dev": sealed.device_id, "last_seq": sealed.device_seq,
                                "last_hash": sealed.payload_sha256})

    def _authorize(self, conn: Connection, env: dict[str, Any], dev: Any,
                   rows: dict[tuple[str, str], Row]) -> ApiError | None:
        ministry = dev.ministry_code
        if env["ministry_code"] != ministry:
            return ApiError(403, "ministry_mismatch", f"this device is enrolled for "
                            f"{ministry}, but the change set says {env['ministry_code']}",
                            path="$.changeset.ministry_code")
        for i, op in enumerate(env["ops"]):
            reason = authorize(ministry, op, rows.get((op["table"], op["pk"])))
            if reason is not None:
                return ApiError(403, "forbidden_op", f"operation {i} is not allowed: {reason}; "
                                "nothing in this change set was applied",
                                path=f"$.changeset.ops[{i}]", op_index=i)
        if env["kind"] == "key_rotate":
            new_id = env["new_key"]["key_id"]
            if conn.execute(_KEY_EXISTS, {"kid": new_id}).first():
                return ApiError(422, "key_exists", "the new key is enrolled already",
                                path="$.changeset.new_key.key_id")
        return None

    def _merge_all(self, conn: Connection, sealed: Sealed, rows: dict[tuple[str, str], Row],
                   seq: int) -> tuple[list[dict[str, Any]], int]:
        """Merge every op (pure functions), then write the rows, versions and conflicts with
        one executemany each (no op reads what another op writes: one op per row)."""
        conflicts: list[dict[str, Any]] = []
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        versions: list[dict[str, Any]] = []
        conflict_rows: list[dict[str, Any]] = []
        now = clock.now_iso()
        own = self._own_seqs(conn, sealed, rows)
        for i, op in enumerate(sealed.env["ops"]):
            before = rows.get((op["table"], op["pk"]))
            outcome = merge(op, before, seq, own)
            if outcome.row is not None:
                new = outcome.row
                values = {"owner": new.owner, "data": _json(new.data),
                          "field_revs": _json(new.field_revs), "rev": new.rev,
                          "deleted": new.deleted}
                if before is None:
                    inserts.append({"table_name": new.table, "pk": new.pk, **values})
                else:
                    updates.append({"k_table": new.table, "k_pk": new.pk, **values})
                rows[(new.table, new.pk)] = new
                if outcome.version:
                    versions.append({
                        "server_seq": seq, "op_index": i, "table_name": new.table,
                        "pk": new.pk, "owner": new.owner, "deleted": new.deleted,
                        "data": values["data"]})
            if outcome.conflict is not None:
                c = outcome.conflict
                conflicts.append({"op_index": i, **c})
                conflict_rows.append({
                    "changeset_id": sealed.changeset_id, "server_seq": seq,
                    "device_id": sealed.device_id, "op_index": i, "kind": c["kind"],
                    "table_name": c["table"], "pk": c["pk"], "fields": _json(c["fields"]),
                    "base_rev": c["base_rev"], "server_rev": c["server_rev"],
                    "server_values": _json(c["server_values"]),
                    "your_values": _json(c["your_values"]), "op": _json(op),
                    "created_at": now})
        for statement, params in ((_INSERT_ROW_STATE, inserts), (_UPDATE_ROW_STATE, updates),
                                  (_INSERT_ROW_VERSION, versions),
                                  (_INSERT_CONFLICT, conflict_rows)):
            if params:
                conn.execute(statement, params)
        return conflicts, len(versions)

    def _own_seqs(self, conn: Connection, sealed: Sealed,
                  rows: dict[tuple[str, str], Row]) -> set[int]:
        """Which field revisions newer than the ops' bases came from this same device."""
        bases = {(op["table"], op["pk"]): op["base_rev"] for op in sealed.env["ops"]}
        seqs = sorted({rev for key, row in rows.items() for rev in row.field_revs.values()
                       if rev > bases.get(key, 0)})
        own: set[int] = set()
        for start in range(0, len(seqs), 500):
            chunk = seqs[start:start + 500]
            own.update(conn.execute(_OWN_SEQS, {"seqs": chunk, "dev": sealed.device_id}
                                    ).scalars())
        return own

    def _rotate(self, conn: Connection, sealed: Sealed) -> None:
        """Apply a key rotation: the old key signs up to this seq, the new one after it."""
        env = sealed.env
        now = clock.now_iso()
        conn.execute(update(device_key).where(device_key.c.key_id == env["key_id"]).values(
            status="rotated", last_seq=sealed.device_seq, status_at=now, reason="rotation"))
        conn.execute(insert(device_key).values(
            key_id=env["new_key"]["key_id"], device_id=sealed.device_id,
            public_key=env["new_key"]["public_key"], status="active",
            first_seq=sealed.device_seq + 1, created_at=now, status_at=now))
        audit(conn, sealed.device_id, "device_key_rotated", device_id=sealed.device_id,
              key_id=env["key_id"], details={"new_key_id": env["new_key"]["key_id"],
                                             "device_seq": sealed.device_seq,
                                             "changeset_id": sealed.changeset_id})

    # -- held sets -------------------------------------------------------------------------

    def drain(self, device_id: str) -> int:
        """Apply the device's held sets that are now next, in order, one transaction each.
        Stops at the first gap, missing blob or refusal of the key; returns how many moved."""
        moved = 0
        while True:
            with self.db.write(device_id=device_id) as conn:
                dev = conn.execute(_DEVICE, {"dev": device_id}).first()
                if dev is None:
                    return moved
                row = conn.execute(_HELD_NEXT, {"dev": device_id,
                                                "seq": int(dev.last_seq) + 1}).first()
                if row is None:
                    return moved
                sealed = stored_sealed(row)
                key = conn.execute(_KEY, {"kid": row.key_id}).one()
                if key.status == "revoked" or dev.revoked_at is not None:
                    self._quarantine_held(conn, row, "revoked")
                    return moved
                if key.status == "suspended":
                    return moved
                if sealed.env["prev_hash"] != dev.last_hash:
                    self._quarantine_held(conn, row, "chain_break")
                    return moved
                missing = self._missing_blobs(sealed.env)
                if missing:
                    if row.reason != "awaiting_blob":
                        conn.execute(_UPDATE_CHANGESET, {"k_cid": row.changeset_id,
                                                         "reason": "awaiting_blob"})
                    return moved
                self._apply(conn, sealed, dev, received_at=row.received_at, stored=True)
                moved += 1

    def drain_awaiting_blobs(self) -> int:
        """After a blob completed: drain every device with a set held for a blob."""
        with self.db.read() as conn:
            devices = conn.execute(select(changeset.c.device_id).distinct().where(
                changeset.c.status == "held", changeset.c.reason == "awaiting_blob")).scalars()
            device_ids = sorted(devices)
        return sum(self.drain(d) for d in device_ids)

    def _quarantine_held(self, conn: Connection, row: Any, reason: str) -> None:
        conn.execute(_UPDATE_CHANGESET, {"k_cid": row.changeset_id, "status": "quarantined",
                                         "reason": reason, "decided_at": clock.now_iso()})
        audit(conn, "server", "changeset_quarantined", device_id=row.device_id,
              key_id=row.key_id, details={"changeset_id": row.changeset_id, "reason": reason,
                                          "device_seq": int(row.device_seq)})
        log_event("held change set quarantined", "changeset_quarantined",
                  changeset_id=row.changeset_id, device_id=row.device_id, reason=reason)

    def settle(self, result: Result) -> Result:
        """A set answered "held" earlier in this upload may have been applied since."""
        if result.status_code != 202 or result.changeset_id is None:
            return result
        with self.db.read() as conn:
            row = conn.execute(select(changeset).where(
                changeset.c.changeset_id == result.changeset_id)).first()
        if row is None or row.status == "held":
            if row is not None and row.reason == "awaiting_seq":
                return _held_seq(row.changeset_id, self._expected_seq(row.device_id))
            return result
        settled = self._answer_stored(row)
        settled.duplicate = False
        return settled


MAX_GROUP_SETS = 25  # change sets committed together, at most
MAX_GROUP_SECONDS = 0.05  # and for at most this long (other writers wait meanwhile)


class _SetGroup:
    """One open write transaction for consecutive sets of one device (`process_items`).

    Opened on its first set (`connection`), committed by `commit` (it reopens on the next set)
    and at the end of the ``with`` block; rolled back if the block raises. The ids of its sets
    stay claimed in `InFlight` until it ends, as a lone set's do until its commit."""

    def __init__(self, ingestor: Ingestor, device_id: str) -> None:
        self.ingestor = ingestor
        self.device_id = device_id
        self._stack: ExitStack | None = None
        self._conn: Connection | None = None
        self._cids: list[str] = []
        self._opened = 0.0
        self._marked = False

    def __enter__(self) -> _SetGroup:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: Any) -> None:
        self._end(exc)

    def takes(self, sealed: Sealed) -> bool:
        """Whether `sealed` may join the group (its device's, and not in it already)."""
        return sealed.device_id == self.device_id and sealed.changeset_id not in self._cids

    def connection(self, changeset_id: str) -> Connection:
        """The group's connection, inside its transaction; `changeset_id` (acquired in
        `InFlight` by the caller) is released when the group ends."""
        self._cids.append(changeset_id)
        if self._conn is None:
            db = self.ingestor.db
            self._stack = ExitStack()
            try:
                conn = self._stack.enter_context(db.engine.connect())
                self._conn = self._stack.enter_context(
                    db.write_group(conn, device_id=self.device_id))
            except BaseException as exc:
                self._end(exc)
                raise
            self._opened = time.monotonic()
        return self._conn

    def mark_set(self) -> None:
        """A set starts: a refusal undoes its writes alone (`Database.mark_set`)."""
        assert self._conn is not None
        self.ingestor.db.mark_set(self._conn, first=not self._marked)
        self._marked = True

    def full(self) -> bool:
        return (len(self._cids) >= MAX_GROUP_SETS
                or time.monotonic() - self._opened >= MAX_GROUP_SECONDS)

    def commit(self) -> None:
        self._end(None)

    def _end(self, exc: BaseException | None) -> None:
        stack, self._stack, self._conn = self._stack, None, None
        cids, self._cids = self._cids, []
        self._marked = False
        try:
            if stack is not None:
                if exc is None:
                    stack.close()
                else:
                    stack.__exit__(type(exc), exc, exc.__traceback__)
        finally:
            for cid in cids:
                self.ingestor.ctx.inflight.release(cid)


def _drain_after(result: Result, held_next: bool | None) -> tuple[bool, bool]:
    """After a set's transaction: whether to drain its device now, and whether it left
    nothing for the upload's final drain (see `Ingestor._decide_locked`)."""
    if held_next is None:  # not decided just now: held, stored, quarantined, refused
        return result.status_code < 300 or result.ack is not None, False
    return held_next, not held_next


def _check_values(env: dict[str, Any]) -> ApiError | None:
    """Step 6, values: each op against the synced schema (422 naming the op)."""
    seen: set[tuple[str, str]] = set()
    for i, op in enumerate(env["ops"]):
        path = f"$.changeset.ops[{i}]"
        try:
            validate_op_values(op, path)
        except WireError as exc:
            return ApiError(exc.status, exc.code, exc.message, path=exc.path, op_index=i)
        key = (op["table"], op["pk"])
        if key in seen:
            return ApiError(422, "duplicate_row", "a change set holds one operation per row",
                            path=f"{path}.pk", op_index=i)
        seen.add(key)
    return None


def _revoked(*, quarantined: bool) -> ApiError:
    return ApiError(403, "revoked", "this device's key has been revoked by the GED "
                    "administrator; the change set was kept for review",
                    extra={"quarantined": quarantined})


def _held_seq(changeset_id: str, expected: int) -> Result:
    return Result(changeset_id, 202, error={
        "code": "awaiting_seq", "message": f"held: waiting for device_seq {expected} first"},
        extra={"awaiting_seq": expected})


def _held_blob(changeset_id: str, missing: list[str]) -> Result:
    return Result(changeset_id, 202, error={
        "code": "awaiting_blob", "message": "held: an attachment's blob is not completely "
        "uploaded yet"}, extra={"awaiting_blobs": missing})
