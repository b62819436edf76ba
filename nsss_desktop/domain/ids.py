"""Record identifiers.

Records are created offline on many desktops and merged on sync, so ids must be
globally unique without coordination. UUIDv7 is time-ordered, which keeps B-tree
inserts local and lets ids sort roughly by creation time.
"""

from __future__ import annotations

import sys
import threading
import uuid

# The one seam: Python 3.14 ships uuid.uuid7 in the stdlib; before that use uuid6.
if sys.version_info >= (3, 14):
    from uuid import uuid7 as _uuid7
else:
    from uuid6 import uuid7 as _uuid7

__all__ = ["is_uuid7", "new_id"]

# uuid6.uuid7 keeps its monotonic state in a module global without a lock.
_lock = threading.Lock()


def new_id() -> str:
    """A new UUIDv7 in lowercase canonical form, monotonic within this process."""
    with _lock:
        return str(_uuid7())


def is_uuid7(s: str) -> bool:
    """Whether ``s`` is a canonical lowercase RFC 9562 version-7 UUID string."""
    if not isinstance(s, str) or len(s) != 36:
        return False
    try:
        u = uuid.UUID(s)
    except ValueError:
        return False
    return str(u) == s and u.version == 7 and u.variant == uuid.RFC_4122
