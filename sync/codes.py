"""Single-use enrolment codes (R20): issued by an administrator, stored only as a hash.

Kept apart from `sync.auth` (which needs FastAPI) so the admin command line starts fast.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from datetime import timedelta

from sqlalchemy import Connection, insert

from sync import clock
from sync.audit import audit
from sync.schema import enrol_code

CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"  # RFC 4648 base32: no 0/1/8/9 to misread
CODE_PATTERN = re.compile(r"[A-Z2-7]{16}")
_MINISTRY = re.compile(r"[A-Za-z0-9_.-]{1,40}")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def issue_enrol_code(conn: Connection, ministry_code: str, user_name: str, hours: float,
                     actor: str) -> dict[str, str]:
    """A single-use code bound to a ministry and a user, valid `hours`; stored hashed."""
    if not _MINISTRY.fullmatch(ministry_code):
        raise ValueError(f"{ministry_code!r} is not a ministry code")
    user_name = unicodedata.normalize("NFC", user_name.strip())
    if not user_name or len(user_name) > 200:
        raise ValueError("the user name must be 1 to 200 characters")
    code = new_code()
    start = clock.now()
    expires = clock.iso_in(timedelta(hours=hours), start)
    conn.execute(insert(enrol_code).values(
        code_hash=sha256_text(normalise_code(code)), ministry_code=ministry_code,
        user_name=user_name, created_at=clock.iso(start), expires_at=expires))
    audit(conn, actor, "enrol_code_issued", details={"ministry_code": ministry_code,
                                                     "user_name": user_name,
                                                     "expires_at": expires})
    return {"code": code, "ministry_code": ministry_code, "user_name": user_name,
            "expires_at": expires}
