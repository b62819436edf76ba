"""SQLAlchemy tables for both components, the change journal and its bookkeeping.

Every table that will sync has a client-generated UUIDv7 `id` (also link tables, so that each
row change has one stable address in the journal and on the wire). Money columns hold integer
poisha and count columns integer persons: no floating point anywhere on the money path. Fiscal
years are stored as their start year (2023 for 2023-24) with a period kind and number, exactly
as `nsss_desktop.domain.Period.key`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from nsss_desktop.domain.ids import new_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _id() -> Mapped[str]:
    return mapped_column(String(36), primary_key=True, default=new_id)


def _fk(target: str, nullable: bool = False) -> Mapped:
    return mapped_column(String(36), ForeignKey(target), nullable=nullable, index=True)


# --- provenance -------------------------------------------------------------------------------


class Source(Base):
    """A public document a figure or a row was read from (see resources/demo/SOURCES.md)."""

    __tablename__ = "source"
    id: Mapped[str] = _id()
    code: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    what_taken: Mapped[str] = mapped_column(Text, default="")


# --- shared reference data --------------------------------------------------------------------


class Ministry(Base):
    __tablename__ = "ministry"
    id: Mapped[str] = _id()
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name_en: Mapped[str] = mapped_column(Text)
    name_bn: Mapped[str | None] = mapped_column(Text)
    short_name: Mapped[str] = mapped_column(String(40), default="")
    source_id: Mapped[str | None] = _fk("source.id", nullable=True)


class Cluster(Base):
    """NSSS thematic cluster, with its coordinating ministry."""

    __tablename__ = "cluster"
    id: Mapped[str] = _id()
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name_en: Mapped[str] = mapped_column(Text)
    name_bn: Mapped[str | None] = mapped_column(Text)
    coordinator_ministry_id: Mapped[str | None] = _fk("ministry.id", nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    source_id: Mapped[str | None] = _fk("source.id", nullable=True)


class ClusterMember(Base):
    __tablename__ = "cluster_member"
    __table_args__ = (UniqueConstraint("cluster_id", "ministry_id"),)
    id: Mapped[str] = _id()
    cluster_id: Mapped[str] = _fk("cluster.id")
    ministry_id: Mapped[str] = _fk("ministry.id")
    source_id: Mapped[str | None] = _fk("source.id", nullable=True)


class LifeCycleStage(Base):
    __tablename__ = "life_cycle_stage"
    id: Mapped[str] = _id()
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name_en: Mapped[str] = mapped_column(Text)
    name_bn: Mapped[str | None] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


# --- component 2: programmes and figures ------------------------------------------------------


class Programme(Base):
    """A social protection programme; `part_of_id` points from a component to its aggregate.

    Totals count a component only in years its aggregate has no figure, so that (for example)
    the Bede allowance and the Bede programme as a whole are never added together.
    `is_budget_total` marks published national totals, which are never summed with programmes.
    """

    __tablename__ = "programme"
    id: Mapped[str] = _id()
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_en: Mapped[str] = mapped_column(Text)
    name_bn: Mapped[str | None] = mapped_column(Text)
    lead_ministry_id: Mapped[str | None] = _fk("ministry.id", nullable=True)
    cluster_id: Mapped[str | None] = _fk("cluster.id", nullable=True)
    cluster_synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    target_group: Mapped[str] = mapped_column(Text, default="")
    benefit_type: Mapped[str | None] = mapped_column(String(20))
    benefit_value: Mapped[str] = mapped_column(Text, default="")
    beneficiary_unit: Mapped[str] = mapped_column(String(10), default="persons")
    start_year: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    part_of_id: Mapped[str | None] = _fk("programme.id", nullable=True)
    is_budget_total: Mapped[bool] = mapped_column(Boolean, default=False)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)


class ProgrammeMinistry(Base):
    """An implementing ministry of a programme (the lead is also listed here, role 'lead')."""

    __tablename__ = "programme_ministry"
    __table_args__ = (UniqueConstraint("programme_id", "ministry_id"),)
    id: Mapped[str] = _id()
    programme_id: Mapped[str] = _fk("programme.id")
    ministry_id: Mapped[str] = _fk("ministry.id")
    role: Mapped[str] = mapped_column(String(12), default="implementing")
    source_id: Mapped[str | None] = _fk("source.id", nullable=True)


class ProgrammeLifeCycle(Base):
    __tablename__ = "programme_life_cycle"
    __table_args__ = (UniqueConstraint("programme_id", "life_cycle_stage_id"),)
    id: Mapped[str] = _id()
    programme_id: Mapped[str] = _fk("programme.id")
    life_cycle_stage_id: Mapped[str] = _fk("life_cycle_stage.id")
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)


class Figure(Base):
    """Figures of one programme (or one ministry's share of it) for one period, from one source.

    `ministry_id` NULL means a programme-level figure: shown in each implementing ministry's
    view marked *shared*, counted once in any total across ministries. Several sources and
    stages for the same programme-period are kept side by side; dashboards pick one per field
    by the stated rule in `services.figure_choice`.
    """

    __tablename__ = "figure"
    __table_args__ = (
        CheckConstraint("period_kind IN ('year','half','quarter','month')", name="period_kind"),
        CheckConstraint("stage IN ('proposed','revised','actual','reported')", name="stage"),
        CheckConstraint(
            "coalesce(active_beneficiaries, 0) >= 0 AND coalesce(cumulative_beneficiaries, 0) >= 0",
            name="counts_not_negative",
        ),
        Index("ix_figure_period", "fiscal_year", "period_kind", "period_no"),
        Index("ix_figure_programme_year", "programme_id", "fiscal_year"),
    )
    id: Mapped[str] = _id()
    programme_id: Mapped[str] = _fk("programme.id")
    ministry_id: Mapped[str | None] = _fk("ministry.id", nullable=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    period_kind: Mapped[str] = mapped_column(String(8), default="year")
    period_no: Mapped[int] = mapped_column(Integer, default=1)
    stage: Mapped[str] = mapped_column(String(10), default="reported")
    budget_original_poisha: Mapped[int | None] = mapped_column(BigInteger)
    budget_revised_poisha: Mapped[int | None] = mapped_column(BigInteger)
    expenditure_poisha: Mapped[int | None] = mapped_column(BigInteger)
    active_beneficiaries: Mapped[int | None] = mapped_column(BigInteger)
    cumulative_beneficiaries: Mapped[int | None] = mapped_column(BigInteger)
    benefit_value_poisha: Mapped[int | None] = mapped_column(BigInteger)
    amount_disbursed_poisha: Mapped[int | None] = mapped_column(BigInteger)
    source_id: Mapped[str | None] = _fk("source.id", nullable=True)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    approval_state: Mapped[str] = mapped_column(String(10), default="approved")
    note: Mapped[str] = mapped_column(Text, default="")
    # Measure keys reported as "not available" (comma-separated; migration 0005): distinct
    # from a blank (not reported) and from zero.
    na_measures: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Why expenditure exceeds the revised budget, or any other note the ministry must give.
    explanation: Mapped[str] = mapped_column(Text, default="", server_default="")


class FigureDisaggregation(Base):
    __tablename__ = "figure_disaggregation"
    __table_args__ = (
        UniqueConstraint("figure_id", "dimension", "category", "geo_code"),
        CheckConstraint("coalesce(beneficiaries, 0) >= 0", name="not_negative"),
    )
    id: Mapped[str] = _id()
    figure_id: Mapped[str] = _fk("figure.id")
    dimension: Mapped[str] = mapped_column(String(14))
    category: Mapped[str] = mapped_column(Text)
    geo_code: Mapped[str] = mapped_column(String(20), default="")
    beneficiaries: Mapped[int | None] = mapped_column(BigInteger)
    amount_poisha: Mapped[int | None] = mapped_column(BigInteger)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)


class ProgrammeTarget(Base):
    """An annual target for a programme (or one ministry's share): migration 0005.

    `value` is in the measure's base unit (poisha, persons, or hundredths of a percent for
    coverage); `not_available` records that no target was set, distinct from a zero target.
    """

    __tablename__ = "programme_target"
    __table_args__ = (
        CheckConstraint("coalesce(value, 0) >= 0", name="not_negative"),
        Index("ix_programme_target_year", "fiscal_year"),
    )
    id: Mapped[str] = _id()
    programme_id: Mapped[str] = _fk("programme.id")
    ministry_id: Mapped[str | None] = _fk("ministry.id", nullable=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    measure: Mapped[str] = mapped_column(String(24))
    value: Mapped[int | None] = mapped_column(BigInteger)
    not_available: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")


# --- derived, kept current on write (never synced, rebuilt when ROLLUP_VERSION changes) -------


class ProgrammeYearRollup(Base):
    """One chosen value per scope × programme × ministry share × fiscal year × measure.

    Written by `services.rollup` in the same transaction as the figures it summarises, so the
    dashboards read a few thousand rows instead of scanning millions. `ministry_id` is "" for
    the programme as a whole. `scope` is approved, submitted (approved + submitted) or working
    (every state, for a ministry's own view of its drafts).
    """

    __tablename__ = "programme_year_rollup"
    __table_args__ = (
        UniqueConstraint("scope", "programme_id", "ministry_id", "fiscal_year", "measure"),
        Index("ix_programme_year_rollup_scope_year", "scope", "fiscal_year"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(String(10))
    programme_id: Mapped[str] = mapped_column(String(36), index=True)
    ministry_id: Mapped[str] = mapped_column(String(36), default="")
    fiscal_year: Mapped[int] = mapped_column(Integer)
    measure: Mapped[str] = mapped_column(String(24))
    value: Mapped[int | None] = mapped_column(BigInteger)  # NULL with not_available
    not_available: Mapped[bool] = mapped_column(Boolean, default=False)
    stage: Mapped[str] = mapped_column(String(10), default="")
    source_code: Mapped[str] = mapped_column(Text, default="")
    period_kind: Mapped[str] = mapped_column(String(8), default="year")
    months: Mapped[int] = mapped_column(Integer, default=12)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)


class DisaggregationRollup(Base):
    """Breakdowns summed per scope × programme × fiscal year (see `services.rollup`)."""

    __tablename__ = "disaggregation_rollup"
    __table_args__ = (
        UniqueConstraint("scope", "programme_id", "fiscal_year", "dimension", "category",
                         "geo_code"),
        Index("ix_disaggregation_rollup_scope_year", "scope", "fiscal_year"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(String(10))
    programme_id: Mapped[str] = mapped_column(String(36), index=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    dimension: Mapped[str] = mapped_column(String(14))
    category: Mapped[str] = mapped_column(Text)
    geo_code: Mapped[str] = mapped_column(String(40), default="")
    beneficiaries: Mapped[int | None] = mapped_column(BigInteger)
    amount_poisha: Mapped[int | None] = mapped_column(BigInteger)


class DerivedState(Base):
    """Version of each derived table's build rule; a mismatch triggers a rebuild on open."""

    __tablename__ = "derived_state"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


# --- users ------------------------------------------------------------------------------------


class User(Base):
    __tablename__ = "app_user"
    id: Mapped[str] = _id()
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(14))
    ministry_id: Mapped[str | None] = _fk("ministry.id", nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Setting(Base):
    """Installation settings kept inside the encrypted database (language, home ministry...)."""

    __tablename__ = "setting"
    id: Mapped[str] = _id()
    key: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[str] = mapped_column(Text)


# --- component 1: NSSS Action Plan (migration 0002) -------------------------------------------


class ActionPlan(Base):
    __tablename__ = "action_plan"
    __table_args__ = (Index("uq_action_plan_code", "code", unique=True),)
    id: Mapped[str] = _id()
    code: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    phase: Mapped[str] = mapped_column(String(20), default="")
    first_year: Mapped[int | None] = mapped_column(Integer)
    last_year: Mapped[int | None] = mapped_column(Integer)


class Objective(Base):
    __tablename__ = "objective"
    id: Mapped[str] = _id()
    action_plan_id: Mapped[str] = _fk("action_plan.id")
    number: Mapped[str] = mapped_column(String(20), default="")
    text_en: Mapped[str] = mapped_column(Text)
    text_bn: Mapped[str | None] = mapped_column(Text)
    cluster_id: Mapped[str | None] = _fk("cluster.id", nullable=True)


class Activity(Base):
    """A reform: timeframe kept as written, plus a due date or recurrence where one parses."""

    __tablename__ = "activity"
    id: Mapped[str] = _id()
    objective_id: Mapped[str] = _fk("objective.id")
    number: Mapped[str] = mapped_column(String(20), default="")
    text_en: Mapped[str] = mapped_column(Text)
    text_bn: Mapped[str | None] = mapped_column(Text)
    timeframe_text: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    recurrence: Mapped[str | None] = mapped_column(String(20))
    responsible_ministry_id: Mapped[str | None] = _fk("ministry.id", nullable=True)
    source_id: Mapped[str | None] = _fk("source.id", nullable=True)


class ActivitySharedMinistry(Base):
    __tablename__ = "activity_shared_ministry"
    __table_args__ = (UniqueConstraint("activity_id", "ministry_id"),)
    id: Mapped[str] = _id()
    activity_id: Mapped[str] = _fk("activity.id")
    ministry_id: Mapped[str] = _fk("ministry.id")


class Indicator(Base):
    __tablename__ = "indicator"
    id: Mapped[str] = _id()
    activity_id: Mapped[str] = _fk("activity.id")
    text_en: Mapped[str] = mapped_column(Text)
    text_bn: Mapped[str | None] = mapped_column(Text)


class StatusEvent(Base):
    """Append-only: the database refuses UPDATE and DELETE (see store.journal)."""

    __tablename__ = "status_event"
    __table_args__ = (
        CheckConstraint(
            "status IN ('not_started','in_progress','completed','delayed','dropped')",
            name="status",
        ),
    )
    id: Mapped[str] = _id()
    activity_id: Mapped[str] = _fk("activity.id")
    event_date: Mapped[date] = mapped_column(Date)
    reporting_period: Mapped[str] = mapped_column(String(30), default="")
    status: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text, default="")
    reporter_id: Mapped[str | None] = _fk("app_user.id", nullable=True)
    approval_state: Mapped[str] = mapped_column(String(10), default="draft")


class Comment(Base):
    """Append-only and threaded; a correction is a new comment."""

    __tablename__ = "comment"
    id: Mapped[str] = _id()
    activity_id: Mapped[str] = _fk("activity.id")
    parent_id: Mapped[str | None] = _fk("comment.id", nullable=True)
    author_id: Mapped[str | None] = _fk("app_user.id", nullable=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))


class Evidence(Base):
    """Metadata of an evidence file; the encrypted bytes are content-addressed by `sha256`."""

    __tablename__ = "evidence"
    id: Mapped[str] = _id()
    activity_id: Mapped[str] = _fk("activity.id")
    status_event_id: Mapped[str | None] = _fk("status_event.id", nullable=True)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10))
    document_date: Mapped[date | None] = mapped_column(Date)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(80))
    original_name: Mapped[str] = mapped_column(Text, default="")


class EvidenceBlob(Base):
    """One stored file, content-addressed; its bytes live in `evidence_chunk` (migration 0003).

    Several evidence rows may share a blob (the same circular attached twice).
    """

    __tablename__ = "evidence_blob"
    id: Mapped[str] = _id()
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(80))
    chunk_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(32))


class EvidenceChunk(Base):
    """Bytes of a blob in 1 MiB pieces, inside the encrypted database.

    Not journaled (the journal keeps JSON, and the blob row already records the content hash);
    still guarded: written only inside a unit of work, and never changed afterwards.
    """

    __tablename__ = "evidence_chunk"
    __table_args__ = (UniqueConstraint("sha256", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(String(64), ForeignKey("evidence_blob.sha256"))
    seq: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


# --- the change journal (not itself journaled) -----------------------------------------------


class UowContext(Base):
    """The open unit of work; exists only inside a write transaction (see store.journal)."""

    __tablename__ = "uow_context"
    __table_args__ = (CheckConstraint("slot = 1", name="single_row"),)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    txn_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[str] = mapped_column(String(32))


class JournalTxn(Base):
    """One committed unit of work: who, when, on which device, why (the audit entry header)."""

    __tablename__ = "journal_txn"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    txn_id: Mapped[str] = mapped_column(String(36), unique=True)
    user_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text, default="")
    change_count: Mapped[int] = mapped_column(Integer, default=0)


class ChangeJournal(Base):
    """One row change: written by triggers, so no write path can skip it."""

    __tablename__ = "change_journal"
    __table_args__ = (
        CheckConstraint("op IN ('insert','update','delete')", name="op"),
        Index("ix_change_journal_row", "table_name", "row_id"),
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    txn_id: Mapped[str] = mapped_column(String(36), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(6))
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[str] = mapped_column(String(32))


JOURNALED_TABLES_0001 = (
    "source", "ministry", "cluster", "cluster_member", "life_cycle_stage", "programme",
    "programme_ministry", "programme_life_cycle", "figure", "figure_disaggregation",
    "app_user", "setting",
)
JOURNALED_TABLES_0002 = (
    "action_plan", "objective", "activity", "activity_shared_ministry", "indicator",
    "status_event", "comment", "evidence",
)
JOURNALED_TABLES_0003 = ("evidence_blob",)
JOURNALED_TABLES_0005 = ("programme_target",)
DERIVED_TABLES = ("programme_year_rollup", "disaggregation_rollup", "derived_state")
APPEND_ONLY_TABLES = ("status_event", "comment", "evidence_blob", "evidence_chunk")


# --- sync bookkeeping (migration 0006; not journaled, never synced) ---------------------------


class SyncIdentity(Base):
    """This installation's enrolment: device, Ed25519 key (private part never leaves the
    encrypted database), ministry, environment, server and the pinned root key with the
    server-keys document accepted so far (docs/sync.md §3.1, §3.2)."""

    __tablename__ = "sync_identity"
    __table_args__ = (CheckConstraint("slot = 1", name="single_row"),)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    key_id: Mapped[str] = mapped_column(String(32))
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    public_key: Mapped[str] = mapped_column(String(64))
    ministry_code: Mapped[str] = mapped_column(String(40))
    user_name: Mapped[str] = mapped_column(Text, default="")
    device_name: Mapped[str] = mapped_column(Text, default="")
    environment: Mapped[str] = mapped_column(String(40))
    server_url: Mapped[str] = mapped_column(Text)
    root_public_key: Mapped[str] = mapped_column(String(64))
    root_key_id: Mapped[str] = mapped_column(String(32))
    server_keys: Mapped[str] = mapped_column(Text)  # JSON {doc, signature, root_key_id}
    server_keys_version: Mapped[int] = mapped_column(Integer)
    enrolled_at: Mapped[str] = mapped_column(String(32))
    # 0007: the new key of a sealed, not yet acknowledged key rotation (R21)
    next_key_id: Mapped[str | None] = mapped_column(String(32))
    next_public_key: Mapped[str | None] = mapped_column(String(64))
    next_private_key: Mapped[bytes | None] = mapped_column(LargeBinary)


class Outbox(Base):
    """One sealed change set: canonical bytes and signature are never changed (a trigger
    refuses it), and a set without its ack is never deleted."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("device_id", "device_seq"),
        CheckConstraint("state IN ('pending','held','acked','rejected','quarantined')",
                        name="state"),
        Index("ix_outbox_state", "state"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36))
    device_seq: Mapped[int] = mapped_column(Integer)
    changeset_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(12), default="data")
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[str] = mapped_column(Text)
    payload_sha256: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    op_count: Mapped[int] = mapped_column(Integer, default=0)
    attachment_count: Mapped[int] = mapped_column(Integer, default=0)
    txn_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(12), default="pending")
    ack: Mapped[bytes | None] = mapped_column(LargeBinary)  # canonical bytes of the ack
    ack_signature: Mapped[str | None] = mapped_column(Text)
    server_seq: Mapped[int | None] = mapped_column(Integer)
    received_at: Mapped[str | None] = mapped_column(String(32))  # server clock, from the ack
    status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[str | None] = mapped_column(String(32))
    cosignature: Mapped[str | None] = mapped_column(Text)  # 0007: a key_rotate's, by the new key


class OutboxRow(Base):
    """Which row each op of a sealed set touches (pull protects such rows while unacked)."""

    __tablename__ = "outbox_row"
    __table_args__ = (
        UniqueConstraint("outbox_id", "op_index"),
        Index("ix_outbox_row_row", "table_name", "row_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    outbox_id: Mapped[int] = mapped_column(Integer, ForeignKey("outbox.id"))
    op_index: Mapped[int] = mapped_column(Integer)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(6))


class SyncRow(Base):
    """The server rev this installation last saw of a row (the `base_rev` of the next edit);
    plus a server version a pull skipped because the row had an unacked local op."""

    __tablename__ = "sync_row"
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer, default=0)
    skipped_seq: Mapped[int | None] = mapped_column(Integer)
    skipped_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    skipped_data: Mapped[str | None] = mapped_column(Text)  # wire values, JSON
    owner: Mapped[str | None] = mapped_column(String(40))  # 0007: as the server recorded it


class SyncState(Base):
    """Pull cursor, the server log head it was checked against, the newest checkpoint."""

    __tablename__ = "sync_state"
    __table_args__ = (CheckConstraint("slot = 1", name="single_row"),)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    cursor: Mapped[int] = mapped_column(Integer, default=0)
    log_head_hash: Mapped[str] = mapped_column(String(64))
    checkpoint: Mapped[str | None] = mapped_column(Text)  # JSON {checkpoint, signature}
    checkpoint_seq: Mapped[int] = mapped_column(Integer, default=0)
    checkpoint_head_hash: Mapped[str | None] = mapped_column(String(64))
    checkpoint_expires_at: Mapped[str | None] = mapped_column(String(32))
    last_push_at: Mapped[str | None] = mapped_column(String(32))
    last_pull_at: Mapped[str | None] = mapped_column(String(32))
    last_sync_at: Mapped[str | None] = mapped_column(String(32))
    last_error: Mapped[str] = mapped_column(Text, default="")
    imported_replies: Mapped[str] = mapped_column(Text, default="")  # sha256s, one a line


class SyncConflict(Base):
    """A conflict the server reported in an ack (R12), with both values, until resolved."""

    __tablename__ = "sync_conflict"
    __table_args__ = (
        CheckConstraint("kind IN ('hard','soft')", name="kind"),
        CheckConstraint("resolution IS NULL OR resolution IN ('mine','theirs','none')",
                        name="resolution"),
        Index("ix_sync_conflict_row", "table_name", "row_id"),
    )
    id: Mapped[str] = _id()
    changeset_id: Mapped[str] = mapped_column(String(36))
    op_index: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(4))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    fields: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of wire columns
    base_rev: Mapped[int] = mapped_column(Integer, default=0)
    server_rev: Mapped[int | None] = mapped_column(Integer)
    server_values: Mapped[str] = mapped_column(Text, default="{}")  # JSON, wire values
    your_values: Mapped[str] = mapped_column(Text, default="{}")
    detected_at: Mapped[str] = mapped_column(String(32))
    resolution: Mapped[str | None] = mapped_column(String(6))
    resolved_at: Mapped[str | None] = mapped_column(String(32))


SYNC_BOOKKEEPING_TABLES = ("sync_identity", "outbox", "outbox_row", "sync_row", "sync_state",
                           "sync_conflict")
