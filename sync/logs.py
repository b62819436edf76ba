"""Structured logs: one JSON object per line, one named event per decision.

Every decision the server takes (a change set applied, held, refused; a key suspended; a session
opened) is logged with an ``event`` name and its ids, so an operator can follow one change set
or one device through the log with ``jq``.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

log = logging.getLogger("nsss.server")

# Attributes every LogRecord has; anything else on a record came from ``extra=`` and is logged
# as a field of its own.
_RECORD_ATTRS = frozenset(vars(logging.makeLogRecord({}))) | {
    "message",
    "asctime",
    "color_message",  # uvicorn's ANSI-coloured duplicate of the message
    "taskName",
}


class JsonLinesFormatter(logging.Formatter):
    """Formats a record as one line of JSON: ts, level, logger, msg, then any ``extra`` fields."""

    def format(self, record: logging.LogRecord) -> str:
        ts = datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")
        out: dict[str, Any] = {
            "ts": ts.replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _RECORD_ATTRS and not key.startswith("_") and key not in out:
                out[key] = value
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        if record.stack_info:
            out["stack"] = self.formatStack(record.stack_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def logging_config(level: str = "info") -> dict[str, Any]:
    """A ``logging.config.dictConfig`` dict sending everything (ours, uvicorn's, warnings) to
    stderr as JSON lines. Pass it to ``uvicorn.run(log_config=...)``."""
    lvl = level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonLinesFormatter"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": lvl, "propagate": False},
            "uvicorn.error": {"level": lvl},
            "uvicorn.access": {"handlers": ["stderr"], "level": lvl, "propagate": False},
            "nsss": {"handlers": ["stderr"], "level": lvl, "propagate": False},
        },
        "root": {"handlers": ["stderr"], "level": "WARNING"},
    }


def log_event(msg: str, event: str, *, level: int = logging.INFO, **fields: Any) -> None:
    """Log one decision: `event` is the stable name, `fields` its ids and numbers."""
    # A field named like a LogRecord attribute ("created", "name"...) would be refused.
    safe = {(f"{k}_" if k in _RECORD_ATTRS else k): v for k, v in fields.items()}
    log.log(level, msg, extra={"event": event, **safe})
