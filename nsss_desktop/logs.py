"""Logging to a rotating file under the user log folder; never logs keys or passphrases.

The format follows Mu's (`time name:line level message`), and the first lines of each run say
which version, OS and Python produced the log, so an exported log zip explains itself.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import re
from pathlib import Path

from nsss_desktop import __version__, paths

FORMAT = "%(asctime)s %(name)s:%(lineno)d %(levelname)s %(message)s"
_SECRET = re.compile(r"(x'[0-9a-fA-F]{32,}'|\b[0-9a-fA-F]{64}\b)")


class RedactSecrets(logging.Filter):
    """Blank anything that looks like a raw key, in case a library logs a PRAGMA."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _SECRET.search(message):
            record.msg, record.args = _SECRET.sub("[redacted]", message), None
        return True


def configure(log_dir: Path | None = None, level: int = logging.INFO) -> Path:
    log_dir = log_dir or paths.user_log_dir()
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "nsss-desktop.log"
    root = logging.getLogger()
    if not any(getattr(h, "_nsss", False) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=2_000_000,
                                                       backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(RedactSecrets())
        handler._nsss = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        root.setLevel(level)
        logging.getLogger(__name__).info(
            "NSSS M&E Desktop %s on %s %s, Python %s", __version__, platform.system(),
            platform.release(), platform.python_version())
    return log_file
