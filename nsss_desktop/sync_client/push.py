"""Push: attachments first, then the outbox in `device_seq` order, in batches; every ack is
verified against the accepted server keys before it is stored as the receipt (R8, R9, R15,
R17; docs/sync.md §3.4).

The body of an upload is spliced from the stored canonical bytes, so a retry sends exactly
the bytes that were signed. `record_results` (shared with sync by file) turns the server's
per-set results into outbox states: acked / held / rejected / quarantined; an applied set
moves the rev of its rows to the set's `server_seq`, except rows in a hard conflict, which are
recorded with both values for the user to resolve. Every acked row also records the owner
the server holds for it (the op's `owner`, which the server checked). A set's `cosignature` (a
key rotation's) travels with it; once a rotation is acked the new key becomes the current one
(rotate.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update

from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Outbox, OutboxRow, SyncConflict, SyncRow, SyncState
from nsss_desktop.sync_client.errors import SyncRefused, SyncTampered
from nsss_desktop.sync_client.identity import Identity, utc_now
from nsss_desktop.wire import signing
from nsss_desktop.wire.canonical import canonical, strict_loads
from nsss_desktop.wire.envelope import MAX_BATCH_BYTES, MAX_BATCH_SETS

Progress = Callable[[float, str], None] | None
OPEN_STATES = ("pending", "held")
_REFUSAL_STATUSES = (400, 403, 409, 413, 422, 426)


@dataclass
class PushResult:
    sent: int = 0
    acked: int = 0
    duplicates: int = 0
    held: int = 0
    rejected: int = 0
    quarantined: int = 0
    conflicts: int = 0
    blobs_uploaded: int = 0
    notes: list[str] = field(default_factory=list)
    refusal: SyncRefused | None = None
    rotated: bool = False  # a key rotation was acknowledged: the new key is the current one

    def add(self, other: PushResult) -> None:
        for name in ("sent", "acked", "duplicates", "held", "rejected", "quarantined",
                     "conflicts", "blobs_uploaded"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.notes += other.notes
        self.refusal = self.refusal or other.refusal
        self.rotated = self.rotated or other.rotated


@dataclass
class OutboxItem:
    id: int
    device_seq: int
    changeset_id: str
    payload: bytes
    signature: str
    payload_sha256: str
    state: str
    kind: str = "data"
    cosignature: str | None = None

    def wire_bytes(self) -> bytes:
        """`{"changeset": <the sealed canonical bytes>, "signature": ...}` (plus a key
        rotation's `cosignature`), byte-identical on every retry."""
        cosigned = b"" if self.cosignature is None else (
            b',"cosignature":' + json.dumps(self.cosignature).encode("ascii"))
        return (b'{"changeset":' + self.payload + b',"signature":'
                + json.dumps(self.signature).encode("ascii") + cosigned + b"}")

    def envelope(self) -> dict[str, Any]:
        return strict_loads(self.payload)


def open_sets(db: Database, ident: Identity, *, from_seq: int | None = None,
              states: Sequence[str] = OPEN_STATES) -> list[OutboxItem]:
    with db.reader() as s:
        q = select(Outbox.id, Outbox.device_seq, Outbox.changeset_id, Outbox.payload,
                   Outbox.signature, Outbox.payload_sha256, Outbox.state, Outbox.kind,
                   Outbox.cosignature) \
            .where(Outbox.device_id == ident.device_id).order_by(Outbox.device_seq)
        if from_seq is not None:
            q = q.where(Outbox.device_seq >= from_seq, Outbox.state != "rejected")
        else:
            q = q.where(Outbox.state.in_(states))
        return [OutboxItem(r[0], r[1], r[2], bytes(r[3]), r[4], r[5], r[6], r[7], r[8])
                for r in s.execute(q)]


def batches(items: Sequence[OutboxItem]) -> list[list[OutboxItem]]:
    """At most 100 sets and 1 MiB of set bytes per request (a set alone is ≤ 1 MiB)."""
    out: list[list[OutboxItem]] = []
    current: list[OutboxItem] = []
    size = 0
    for item in items:
        cost = len(item.payload) + len(item.signature) + 32
        if current and (len(current) >= MAX_BATCH_SETS or size + cost > MAX_BATCH_BYTES):
            out.append(current)
            current, size = [], 0
        current.append(item)
        size += cost
    if current:
        out.append(current)
    return out


def batch_body(items: Sequence[OutboxItem]) -> bytes:
    return b'{"changesets":[' + b",".join(i.wire_bytes() for i in items) + b"]}"


# --- receipts -----------------------------------------------------------------------------------


def verify_ack(ident: Identity, item: OutboxItem, wrapped: Any) -> dict[str, Any]:
    """The ack document, after checking the server's signature and that it is this set's."""
    if not isinstance(wrapped, dict) or not isinstance(wrapped.get("ack"), dict) \
            or not isinstance(wrapped.get("signature"), str):
        raise SyncTampered("The server's receipt is incomplete; it was not accepted.",
                           hint="Report this to GED IT.")
    ack = wrapped["ack"]
    ident.verify_server(signing.ACK, ack, wrapped["signature"],
                        key_id=str(ack.get("server_key_id", "")), what="receipt")
    expected = {"changeset_id": item.changeset_id, "device_id": ident.device_id,
                "device_seq": item.device_seq, "payload_sha256": item.payload_sha256}
    wrong = [k for k, v in expected.items() if ack.get(k) != v]
    if wrong:
        raise SyncTampered(f"The server's receipt for change set {item.device_seq} names another "
                           f"set ({', '.join(wrong)} differ); it was not accepted.",
                           hint="Report this to GED IT.")
    return ack


@dataclass
class Outcome:
    item: OutboxItem
    state: str
    status_code: int | None
    ack: dict[str, Any] | None = None
    ack_signature: str | None = None
    error: str = ""
    awaiting_seq: int | None = None
    duplicate: bool = False
    blocking: bool = False


def classify(ident: Identity, item: OutboxItem, result: dict[str, Any]) -> Outcome:
    """One per-set result of POST /v1/changesets (or of a reply file) → an outcome."""
    status_code = result.get("status_code")
    error = result.get("error") or {}
    message = f"{error.get('code', '')}: {error.get('message', '')}".strip(": ") if error else ""
    wrapped = result.get("ack")
    if wrapped:
        ack = verify_ack(ident, item, wrapped)
        status = ack.get("status")
        if status in ("applied", "duplicate"):
            return Outcome(item, "acked", status_code, ack, wrapped["signature"],
                           duplicate=bool(result.get("duplicate")) or status == "duplicate")
        if status == "rejected":
            return Outcome(item, "rejected", status_code, ack, wrapped["signature"],
                           error=message or "refused by the server")
        if status == "held":
            return Outcome(item, "held", status_code, error=_held_text(result),
                           awaiting_seq=result.get("awaiting_seq"))
        raise SyncTampered(f"The server's receipt has an unknown status {status!r}.",
                           hint="Install the newer version of NSSS M&E Desktop.")
    code = error.get("code", "")
    if status_code == 202 or code in ("held", "awaiting_seq", "awaiting_blob"):
        return Outcome(item, "held", status_code, error=_held_text(result),
                       awaiting_seq=result.get("awaiting_seq"))
    if code == "revoked":
        return Outcome(item, "quarantined", status_code, error=message)
    if code == "in_progress" or (isinstance(status_code, int) and status_code >= 500):
        return Outcome(item, "pending", status_code, error=message)
    return Outcome(item, "pending", status_code, error=message or f"status {status_code}",
                   blocking=True)


def _held_text(result: dict[str, Any]) -> str:
    error = result.get("error") or {}
    if result.get("awaiting_seq") is not None:
        return f"held by the server: waiting for change set {result['awaiting_seq']}"
    if "blob" in str(error.get("code", "")) + str(error.get("message", "")):
        return "held by the server: waiting for an attachment upload"
    return "held by the server: " + (error.get("message") or "waiting")


def record_outcomes(db: Database, outcomes: Sequence[Outcome], *,
                    description: str = "Sync: store receipts") -> PushResult:
    """Store receipts and states in one transaction; update revs, conflicts, skipped rows."""
    from nsss_desktop.sync_client import rotate
    from nsss_desktop.sync_client.pull import apply_skipped

    result = PushResult()
    now = utc_now()
    with db.unit_of_work(origin="sync", description=description) as uow:
        s = uow.session
        for o in outcomes:
            values: dict[str, Any] = {"state": o.state, "status_code": o.status_code,
                                      "last_error": o.error, "attempts": Outbox.attempts + 1,
                                      "sent_at": now}
            if o.ack is not None:
                values.update(ack=canonical(o.ack), ack_signature=o.ack_signature,
                              server_seq=o.ack.get("server_seq"),
                              received_at=o.ack.get("received_at"))
            s.execute(update(Outbox).where(Outbox.id == o.item.id).values(**values))
            rows = s.execute(select(OutboxRow.op_index, OutboxRow.table_name, OutboxRow.row_id)
                             .where(OutboxRow.outbox_id == o.item.id)
                             .order_by(OutboxRow.op_index)).all()
            if o.state == "acked":
                result.acked += 1
                result.duplicates += o.duplicate
                hard = _record_conflicts(s, o, now, result)
                seq = o.ack.get("server_seq") if o.ack else None
                envelope = json.loads(o.item.payload)  # sealed here: plain parse is enough
                ops = envelope.get("ops") or []
                for op_index, table, row_id in rows:
                    owner = ops[op_index].get("owner") if op_index < len(ops) else None
                    if op_index in hard or not isinstance(seq, int):
                        _clear_skipped(s, table, row_id, owner)
                        continue
                    _set_rev(s, table, row_id, seq, owner)
                if envelope.get("kind") == "key_rotate" and rotate.promote(
                        s, str((envelope.get("new_key") or {}).get("key_id"))):
                    result.rotated = True
                    result.notes.append("The server accepted this installation's new key; "
                                        "the old key is no longer used.")
            elif o.state == "rejected":
                result.rejected += 1
                result.notes.append(f"change set {o.item.device_seq} was refused by the "
                                    f"server: {o.error}")
                if o.item.kind == "key_rotate":
                    result.notes.append("The key rotation was refused: change sets sealed "
                                        "after it cannot be delivered. Contact GED IT.")
                apply_skipped(s, [(t, r) for _, t, r in rows])
            elif o.state == "held":
                result.held += 1
            elif o.state == "quarantined":
                result.quarantined += 1
        state = s.get(SyncState, 1)
        if state is not None:
            state.last_push_at = now
    return result


def _set_rev(s: Any, table: str, row_id: str, rev: int, owner: str | None = None) -> None:
    row = s.get(SyncRow, (table, row_id))
    if row is None:
        s.add(SyncRow(table_name=table, row_id=row_id, rev=rev, skipped_deleted=False,
                      owner=owner))
    else:
        row.rev = max(row.rev, rev)
        row.skipped_seq, row.skipped_data, row.skipped_deleted = None, None, False
        row.owner = owner or row.owner


def _clear_skipped(s: Any, table: str, row_id: str, owner: str | None = None) -> None:
    row = s.get(SyncRow, (table, row_id))
    if row is not None:
        row.skipped_seq, row.skipped_data, row.skipped_deleted = None, None, False
        row.owner = owner or row.owner


def _record_conflicts(s: Any, o: Outcome, now: str, result: PushResult) -> set[int]:
    """Store the ack's conflicts (both values); return the op indexes of hard ones."""
    hard: set[int] = set()
    for c in (o.ack or {}).get("conflicts") or []:
        if not isinstance(c, dict) or not isinstance(c.get("op_index"), int):
            continue
        kind = "hard" if c.get("kind") == "hard" else "soft"
        if kind == "hard":
            hard.add(c["op_index"])
        exists = s.scalar(select(SyncConflict.id).where(
            SyncConflict.changeset_id == o.item.changeset_id,
            SyncConflict.op_index == c["op_index"]))
        if exists is not None:
            continue
        s.add(SyncConflict(
            changeset_id=o.item.changeset_id, op_index=c["op_index"], kind=kind,
            table_name=str(c.get("table", "")), row_id=str(c.get("pk", "")),
            fields=json.dumps(c.get("fields") or []), base_rev=int(c.get("base_rev") or 0),
            server_rev=c.get("server_rev") if isinstance(c.get("server_rev"), int) else None,
            server_values=json.dumps(None if c.get("server_deleted")
                                     else c.get("server_values")),
            your_values=json.dumps(c.get("your_values")), detected_at=now,
            resolution=None if kind == "hard" else "none",
            resolved_at=None if kind == "hard" else now))
        result.conflicts += kind == "hard"
    return hard


# --- push ---------------------------------------------------------------------------------------


def upload_attachments(db: Database, client: Any, items: Sequence[OutboxItem], *,
                       progress: Progress = None, cancel: Any = None) -> tuple[int, list[str]]:
    """Upload the blobs the sets' attachments name, before the sets (R17)."""
    shas: list[str] = []
    for item in items:
        for att in item.envelope().get("attachments", []):
            if att["sha256"] not in shas:
                shas.append(att["sha256"])
    if not shas:
        return 0, []
    try:
        from nsss_desktop.sync_client import blobs
    except ImportError:
        return 0, [f"{len(shas)} attachment(s) were not uploaded: this build has no blob "
                   "transfer (sync_client.blobs); the server holds their change sets until "
                   "they arrive."]
    from nsss_desktop.errors import EvidenceCorrupt

    notes: list[str] = []
    done = 0
    for n, sha in enumerate(shas, start=1):
        text = f"Uploading attachment {n} of {len(shas)}"
        try:
            blobs.upload_blob(client, db, sha, cancel=cancel, progress=None if progress is None
                              else lambda sent, size, t=text: progress(sent / max(size, 1), t))
            done += 1
        except (SyncRefused, EvidenceCorrupt) as exc:
            notes.append(f"attachment {sha[:12]}… was not uploaded: {exc.message}")
    return done, notes


def push(db: Database, client: Any, *, progress: Progress = None, cancel: Any = None
         ) -> PushResult:
    """Send every pending or held set; store the receipts. A refusal that blocks the chain
    stops the push and is returned in `refusal` (the sets stay pending)."""
    from nsss_desktop.sync_client.http import check_cancel

    ident: Identity = client.identity
    total = PushResult()
    items = open_sets(db, ident)
    if not items:
        return total
    if ident.next_key_id and getattr(client, "token", None) is None:
        ident = _sign_in_during_rotation(db, client)
    uploaded, notes = upload_attachments(db, client, items, progress=progress, cancel=cancel)
    total.blobs_uploaded += uploaded
    total.notes += notes
    resent = False
    while items:
        resend_from: int | None = None
        sent_seqs = {i.device_seq for i in items}
        groups = batches(items)
        for n, group in enumerate(groups):
            check_cancel(cancel)
            if progress:
                progress(n / len(groups), f"Sending change sets {group[0].device_seq}–"
                                          f"{group[-1].device_seq}")
            outcomes, refusal = send_batch(client, ident, group)
            part = record_outcomes(db, outcomes)
            part.sent = len(group)
            total.add(part)
            if part.rotated:  # the session stays valid; later sign-ins use the new key
                ident = client.identity = _reload(db, ident)
            if refusal is not None:
                total.refusal = refusal
                return total
            waiting = [o.awaiting_seq for o in outcomes if o.awaiting_seq is not None]
            if waiting and not resent and min(waiting) not in sent_seqs:
                resend_from = min(waiting)
                break
            blocking = [o for o in outcomes if o.blocking]
            if blocking:
                o = blocking[0]
                total.refusal = SyncRefused(
                    f"The server refused change set {o.item.device_seq}: {o.error}",
                    status=o.status_code or 0, error_code=o.error.split(":")[0],
                    hint="Later change sets wait behind it. Contact GED IT with this message.")
                return total
        if resend_from is None:
            break
        resent = True
        items = open_sets(db, ident, from_seq=resend_from)
    if progress:
        progress(1.0, "Change sets sent")
    return total


def _reload(db: Database, fallback: Identity) -> Identity:
    from nsss_desktop.sync_client.seal import current_identity

    with db.engine.connect() as conn:
        return current_identity(conn) or fallback


def _sign_in_during_rotation(db: Database, client: Any) -> Identity:
    """Sign in while a key rotation waits for its ack: with the old key, which the server
    refuses as `key_rotated` when it applied the rotation but its ack was lost; then the
    new key is adopted and used (the resent rotation gets its stored ack)."""
    from nsss_desktop.sync_client import rotate

    try:
        client.sign_in()
    except SyncRefused as exc:
        if exc.error_code != "key_rotated" or not rotate.adopt_after_refusal(db):
            raise
        client.identity = _reload(db, client.identity)
        client.token = None
        client.sign_in()
    return client.identity


def send_batch(client: Any, ident: Identity, group: Sequence[OutboxItem]
               ) -> tuple[list[Outcome], SyncRefused | None]:
    from nsss_desktop.sync_client.http import refused

    response = client.request(
        "POST", "/v1/changesets", data=batch_body(group),
        headers={"Content-Type": "application/json", "Idempotency-Key": group[0].changeset_id},
        ok=_REFUSAL_STATUSES)
    try:
        body = response.json()
    except ValueError:
        body = None
    results = body.get("results") if isinstance(body, dict) else None
    if not isinstance(results, list):
        refusal = refused(response)
        state = "quarantined" if refusal.error_code == "revoked" else "pending"
        return [Outcome(i, state, response.status_code, error=f"{refusal.error_code}: "
                        f"{refusal.message}") for i in group], refusal
    by_id = {r.get("changeset_id"): r for r in results if isinstance(r, dict)}
    outcomes = []
    for item in group:
        r = by_id.get(item.changeset_id)
        if r is None:
            outcomes.append(Outcome(item, item.state, None, error="no answer for this set"))
            continue
        outcomes.append(classify(ident, item, r))
    return outcomes, None
