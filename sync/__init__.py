"""The GED server: FastAPI app that receives, verifies and applies ministries' change sets.

The contract is docs/sync.md. Modules, in the order a request meets them:

- `cli` (``nsss-server run|admin``), `app` (FastAPI app, error shapes), `routes` (endpoints);
- `auth` (nonces, enrolment, sessions, the bearer dependency), `codes` (enrolment codes);
- `ingest` (the §3.4 verification order and the apply), `merge` (authorisation, three-way merge);
- `pull` (pages, signed checkpoints, digest), `syncfile` (sync by file), `admin` (admin commands);
- `keys` (root and signing keys), `audit`, `context` (opening a database), `db` (engine, locks,
  migrations), `schema` (tables), `clock`, `logs`, `errors`, `api_models` (OpenAPI models),
  `wirefast` (the wire module's strict parse and RFC 8785 bytes at C speed);
- `blobs` (evidence blobs, resumable uploads).
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
