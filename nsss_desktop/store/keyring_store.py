"""Everyday unlock through the OS keyring (Windows Credential Locker, macOS Keychain, Secret
Service), and a clean fallback when no keyring backend exists (servers, CI, locked-down PCs)."""

from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError

from nsss_desktop.store.keys import KEYRING_SERVICE

log = logging.getLogger(__name__)


def _username(db_id: str) -> str:
    return f"db:{db_id}"


def available() -> bool:
    """True when a usable keyring backend exists (the `fail` backend and chainers of none don't)."""
    backend = keyring.get_keyring()
    try:
        return backend.priority > 0  # type: ignore[operator]
    except Exception:  # noqa: BLE001 - some backends raise from the priority property
        return False


def store_key(db_id: str, key: bytes) -> bool:
    """Store the raw key; return False (and log why) when the keyring cannot take it."""
    if not available():
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, _username(db_id), key.hex())
        return True
    except (KeyringError, RuntimeError, OSError) as exc:
        log.warning("keyring unavailable, passphrase unlock only: %s", type(exc).__name__)
        return False


def load_key(db_id: str) -> bytes | None:
    if not available():
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, _username(db_id))
    except (KeyringError, RuntimeError, OSError) as exc:
        log.warning("keyring read failed, falling back to passphrase: %s", type(exc).__name__)
        return None
    if not value:
        return None
    try:
        key = bytes.fromhex(value)
    except ValueError:
        log.warning("keyring entry for this database is damaged; ignoring it")
        return None
    return key if len(key) == 32 else None


def forget_key(db_id: str) -> None:
    if not available():
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, _username(db_id))
    except (KeyringError, RuntimeError, OSError):
        pass
