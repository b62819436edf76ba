"""The GED server: FastAPI app that receives, verifies and applies ministries' change sets.

This package is a skeleton for now (health endpoint, CLI, logging); see
``../shared/design/sync-protocol.md`` for the protocol it will implement.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DIST_NAME = "nsss-me-desktop"


def package_version() -> str:
    """The installed version of the project distribution (the server ships in it)."""
    try:
        return version(DIST_NAME)
    except PackageNotFoundError:  # running from a source tree that was never pip-installed
        return "0+unknown"


__all__ = ["DIST_NAME", "package_version"]
