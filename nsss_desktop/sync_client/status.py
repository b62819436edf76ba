"""What the sync screen and `nsss-desktop sync status` show: enrolment, counts by outbox state,
open conflicts, freshness, and the receipts (the server-signed acks) of delivered sets."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Outbox, SyncConflict, SyncRow, SyncState
from nsss_desktop.sync_client.identity import parse_time
from nsss_desktop.sync_client.seal import current_identity

STATES = ("pending", "held", "acked", "rejected", "quarantined")


@dataclass
class Receipt:
    device_seq: int
    changeset_id: str
    state: str
    server_seq: int | None
    received_at: str | None
    ops: int
    payload_sha256: str
    server_key_id: str | None = None
    error: str = ""


@dataclass
class SyncStatus:
    enrolled: bool
    # not enrolled, never synced, stale, problem (the last sync stopped), pending, conflicts,
    # synced
    state: str = "not enrolled"
    device_id: str | None = None
    ministry_code: str | None = None
    environment: str | None = None
    server_url: str | None = None
    user_name: str | None = None
    last_sync_at: str | None = None
    last_push_at: str | None = None
    last_pull_at: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    open_conflicts: int = 0
    waiting_rows: int = 0
    stale: bool = True
    cursor: int = 0
    checkpoint_seq: int = 0
    checkpoint_expires_at: str | None = None
    last_error: str = ""
    receipts: list[Receipt] = field(default_factory=list)

    @property
    def unacked(self) -> int:
        return self.counts["pending"] + self.counts["held"] + self.counts["quarantined"]

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["unacked"] = self.unacked
        return out

    def lines(self) -> list[str]:
        if not self.enrolled:
            return ["Sync: not enrolled (nsss-desktop sync enrol --server URL --code CODE "
                    "--root-key KEY)."]
        c = self.counts
        return [
            f"Sync: {self.state}",
            f"  device {self.device_id} of {self.ministry_code}, environment "
            f"{self.environment}, server {self.server_url}",
            f"  last sync {self.last_sync_at or 'never'}; server log seen up to "
            f"{self.cursor}" + (f", checkpoint valid until {self.checkpoint_expires_at}"
                                if self.checkpoint_expires_at else ""),
            f"  change sets: {c['pending']} pending, {c['held']} held, {c['acked']} delivered, "
            f"{c['rejected']} refused, {c['quarantined']} quarantined",
            f"  open conflicts: {self.open_conflicts}"
            + (f"; {self.waiting_rows} server change(s) wait behind local edits"
               if self.waiting_rows else ""),
        ] + ([f"  last problem: {self.last_error}"] if self.last_error else [])


def receipts(db: Database, *, limit: int | None = None,
             states: tuple[str, ...] = ("acked", "rejected")) -> list[Receipt]:
    """Delivered (and refused) sets with their server-signed receipts, newest first."""
    import json

    with db.reader() as s:
        q = select(Outbox).where(Outbox.state.in_(states)).order_by(Outbox.id.desc())
        if limit:
            q = q.limit(limit)
        out = []
        for o in s.scalars(q):
            key_id = None
            if o.ack:
                try:
                    key_id = json.loads(bytes(o.ack)).get("server_key_id")
                except ValueError:
                    key_id = None
            out.append(Receipt(o.device_seq, o.changeset_id, o.state, o.server_seq,
                               o.received_at, o.op_count, o.payload_sha256, key_id,
                               o.last_error))
        return out


def status(db: Database, *, now: datetime | None = None, receipt_limit: int = 20) -> SyncStatus:
    with db.engine.connect() as conn:
        ident = current_identity(conn)
    if ident is None:
        return SyncStatus(enrolled=False)
    out = SyncStatus(enrolled=True, device_id=ident.device_id, ministry_code=ident.ministry_code,
                     environment=ident.environment, server_url=ident.server_url,
                     user_name=ident.user_name)
    with db.reader() as s:
        for state, count in s.execute(select(Outbox.state, func.count()).group_by(Outbox.state)):
            out.counts[state] = int(count)
        out.open_conflicts = s.scalar(select(func.count()).select_from(SyncConflict)
                                      .where(SyncConflict.resolution.is_(None))) or 0
        out.waiting_rows = s.scalar(select(func.count()).select_from(SyncRow)
                                    .where(SyncRow.skipped_seq.is_not(None))) or 0
        st = s.get(SyncState, 1)
    if st is not None:
        out.cursor, out.checkpoint_seq = st.cursor, st.checkpoint_seq
        out.checkpoint_expires_at = st.checkpoint_expires_at
        out.last_sync_at, out.last_push_at, out.last_pull_at = \
            st.last_sync_at, st.last_push_at, st.last_pull_at
        out.last_error = st.last_error
    if out.checkpoint_expires_at:
        try:
            out.stale = parse_time(out.checkpoint_expires_at) <= (now or datetime.now(UTC))
        except ValueError:
            out.stale = True
    out.receipts = receipts(db, limit=receipt_limit)
    if st is None or st.checkpoint is None:
        out.state = "never synced"
    elif out.stale:
        out.state = "stale"
    elif out.last_error:
        out.state = "problem"  # e.g. a refused rollback: never call that "synced"
    elif out.open_conflicts:
        out.state = "conflicts"
    elif out.unacked or out.counts["pending"]:
        out.state = "pending"
    else:
        out.state = "synced"
    return out
