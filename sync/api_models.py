"""Pydantic models of the API, for the OpenAPI document (and schemathesis, T22).

Request bodies are **not** parsed by these models: the server reads raw bytes and parses them
strictly (duplicate keys, floats and NaN must be refused, and Pydantic would hide them). The
input models only describe the bodies, through `inline_schema` and ``openapi_extra``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Scalar = str | int | bool | None


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable reason, e.g. `bad_signature`.")
    message: str
    path: str | None = Field(None, description="JSON path of the offending field.")
    op_index: int | None = Field(None, description="Index of the refused operation.")


class ErrorBody(BaseModel):
    error: ErrorDetail
    quarantined: bool | None = None


class NonceOut(BaseModel):
    nonce: str
    expires_at: str


class KeyEntry(BaseModel):
    key_id: str
    public_key: str


class ServerKeysDoc(BaseModel):
    version: int
    environment: str
    keys: list[KeyEntry]
    issued_at: str


class ServerKeysOut(BaseModel):
    doc: ServerKeysDoc
    signature: str = Field(description="Root signature over SERVER_KEYS + JCS(doc).")
    root_key_id: str


class EnrolOut(BaseModel):
    device_id: str
    key_id: str
    ministry_code: str
    user_name: str
    environment: str
    server_keys: ServerKeysOut


class SessionOut(BaseModel):
    token: str
    expires_at: str


class Conflict(BaseModel):
    kind: Literal["hard", "soft"]
    op_index: int
    table: str
    pk: str
    op: Literal["upsert", "delete"]
    fields: list[str]
    base_rev: int
    server_rev: int
    server_values: dict[str, Scalar]
    your_values: dict[str, Scalar]
    server_deleted: bool


class AckDoc(BaseModel):
    changeset_id: str
    device_id: str
    device_seq: int
    payload_sha256: str
    status: Literal["applied", "duplicate", "held", "rejected"]
    conflicts: list[Conflict]
    server_seq: int | None
    received_at: str
    log_head_hash: str
    server_key_id: str


class SignedAck(BaseModel):
    ack: AckDoc
    signature: str = Field(description="Server signature over ACK + JCS(ack).")


class SetResult(BaseModel):
    changeset_id: str | None
    status_code: int
    duplicate: bool
    ack: SignedAck | None
    error: ErrorDetail | None
    awaiting_seq: int | None = Field(None, description="Held: the device_seq needed first.")
    awaiting_blobs: list[str] | None = Field(None, description="Held: blobs not complete yet.")
    quarantined: bool | None = None


class UploadOut(BaseModel):
    results: list[SetResult]
    error: ErrorDetail | None = Field(None, description="With one refused set: its error.")


class PullRow(BaseModel):
    server_seq: int
    op_index: int
    table: str
    pk: str
    owner: str
    deleted: bool
    data: dict[str, Scalar]


class LogEntry(BaseModel):
    server_seq: int
    prev_entry_hash: str
    entry_hash: str
    changeset_id: str
    payload_sha256: str


class CheckpointDoc(BaseModel):
    server_seq: int
    head_hash: str
    issued_at: str
    expires_at: str
    environment: str
    revoked_key_ids: list[str]
    server_keys_version: int
    server_key_id: str


class SignedCheckpoint(BaseModel):
    checkpoint: CheckpointDoc
    signature: str


class PullOut(BaseModel):
    rows: list[PullRow]
    log: list[LogEntry]
    next_since: int
    more: bool
    checkpoint: SignedCheckpoint


class TableCount(BaseModel):
    rows: int
    deleted: int


class DigestOut(BaseModel):
    scope: Literal["ministry", "all"]
    ministry_code: str
    server_seq: int
    tables: dict[str, TableCount]
    row_count: int
    sha256: str


# -- request bodies (documentation only) -------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EnrolIn(_Strict):
    code: str = Field(description="XXXX-XXXX-XXXX-XXXX from `nsss-server admin enrol-code`.")
    public_key: str = Field(description="Raw Ed25519 public key, base64url without padding.")
    nonce: str
    device_name: str
    signature: str = Field(description="ENROL + JCS({code, nonce, public_key, device_name}).")


class SessionIn(_Strict):
    device_id: str
    key_id: str
    nonce: str
    signature: str = Field(description="SESSION + JCS({device_id, key_id, nonce, environment}).")


class OpIn(_Strict):
    table: str
    pk: str
    op: Literal["upsert", "delete"]
    base_rev: int = Field(ge=0)
    owner: str
    set: dict[str, Scalar]
    was: dict[str, Scalar]


class AttachmentIn(_Strict):
    sha256: str = Field(pattern="^[0-9a-f]{64}$")
    size: int = Field(ge=0)
    media_type: str
    display_name: str


class NewKeyIn(_Strict):
    public_key: str
    key_id: str


class EnvelopeIn(_Strict):
    format: Literal["nsss-cs/1"]
    changeset_id: str
    device_id: str
    key_id: str = Field(pattern="^[0-9a-f]{32}$")
    ministry_code: str
    device_seq: int = Field(ge=1)
    prev_hash: str = Field(pattern="^[0-9a-f]{64}$")
    schema_version: str
    base_server_seq: int = Field(ge=0)
    created_at: str
    environment: str
    kind: Literal["data", "key_rotate"]
    ops: list[OpIn]
    attachments: list[AttachmentIn]
    new_key: NewKeyIn | None = None


class SealedIn(_Strict):
    changeset: EnvelopeIn
    signature: str
    cosignature: str | None = None


class UploadIn(_Strict):
    changesets: list[SealedIn] = Field(min_length=1, max_length=100)


def inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema with every ``$ref`` inlined (for ``openapi_extra``, where a
    ``#/$defs/...`` reference would point into the OpenAPI document instead)."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return resolve(defs[ref.split("/")[-1]])
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    return resolve(schema)


def json_body(model: type[BaseModel], description: str) -> dict[str, Any]:
    return {"requestBody": {"required": True, "description": description,
                            "content": {"application/json": {"schema": inline_schema(model)}}}}
