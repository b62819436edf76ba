"""Is the GED server reachable right now? A cheap check before an automatic background sync,
so an office PC without a connection does not spend minutes in backoff every few minutes."""

from __future__ import annotations

import requests

PROBE_TIMEOUT_S = 3.0


def reachable(server_url: str, *, timeout: float = PROBE_TIMEOUT_S) -> bool:
    """True when `GET /v1/health` answers 200 within `timeout` seconds."""
    try:
        response = requests.get(f"{server_url.rstrip('/')}/v1/health", timeout=timeout)
    except requests.RequestException:
        return False
    return response.status_code == 200
