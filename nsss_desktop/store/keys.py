"""The database key: one random 256-bit key, wrapped by the OS keyring, a passphrase and a
recovery code.

The SQLCipher database is keyed with the raw 256-bit key, so SQLCipher's own PBKDF2 never runs
per connection. The slow step (scrypt) runs once per unlock, and only when the keyring cannot
give the key. The key file beside the database (`<db>.keys`, JSON) holds only wrapped copies:
AES-256-GCM under a scrypt-derived key, with the database id and wrap name as associated data,
so a wrap cannot be moved to another database or role. A wrong passphrase fails the GCM tag and
is reported as such before the database file is ever touched.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from nsss_desktop.errors import KeyFileMissing, NotAnNsssDatabase, WrongPassphrase

KEY_FILE_FORMAT = "nsss-keys/1"
KEYRING_SERVICE = "nsss-me-desktop"
DEFAULT_SCRYPT_N = 2**17  # ~0.4 s on an office PC; stored per wrap so it can be raised later
MIN_SCRYPT_N = 2**14
MIN_PASSPHRASE_LENGTH = 10
_RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud, typed back


def key_file_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def scrypt_n() -> int:
    """The scrypt cost for new wraps; tests and benchmarks may lower it via NSSS_SCRYPT_N."""
    value = int(os.environ.get("NSSS_SCRYPT_N", DEFAULT_SCRYPT_N))
    return max(value, MIN_SCRYPT_N)


def new_recovery_code() -> str:
    """Return 24 characters in 6 groups (about 119 bits), easy to print and type back."""
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(24))
    return "-".join(raw[i : i + 4] for i in range(0, 24, 4))


def normalise_recovery_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def normalise_passphrase(passphrase: str) -> str:
    """NFC-normalise, so a Bangla passphrase typed on another keyboard layout still matches."""
    return unicodedata.normalize("NFC", passphrase)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _kek(secret: str, salt: bytes, n: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(secret.encode("utf-8"))


def _aad(db_id: str, name: str) -> bytes:
    return f"nsss-db-key/v1|{db_id}|{name}".encode()


def wrap(db_key: bytes, secret: str, db_id: str, name: str, n: int | None = None) -> dict:
    n = n or scrypt_n()
    salt, nonce = os.urandom(16), os.urandom(12)
    ct = AESGCM(_kek(secret, salt, n)).encrypt(nonce, db_key, _aad(db_id, name))
    return {"kdf": "scrypt", "n": n, "r": 8, "p": 1, "salt": _b64(salt), "nonce": _b64(nonce),
            "ct": _b64(ct)}


def unwrap(entry: dict, secret: str, db_id: str, name: str) -> bytes:
    if entry.get("kdf") != "scrypt" or entry.get("r") != 8 or entry.get("p") != 1:
        raise NotAnNsssDatabase(f"The key file uses an unknown key format ({entry.get('kdf')}).")
    kek = _kek(secret, _unb64(entry["salt"]), int(entry["n"]))
    try:
        return AESGCM(kek).decrypt(_unb64(entry["nonce"]), _unb64(entry["ct"]), _aad(db_id, name))
    except InvalidTag:
        raise WrongPassphrase(
            "The passphrase is not correct." if name == "passphrase"
            else "The recovery code is not correct.",
            hint="Check the keyboard language and Caps Lock, then try again. Nothing was changed.",
        ) from None


def _check_wrap(entry: dict) -> None:
    """Raise ValueError/KeyError/TypeError unless `entry` has the shape `wrap` writes."""
    n = entry["n"]
    if not isinstance(n, int) or n < 2 or n & (n - 1):
        raise TypeError("malformed wrap")
    for part in ("salt", "nonce", "ct"):
        _unb64(entry[part])


@dataclass
class KeyFile:
    """The wrapped copies of one database's key, as stored in `<db>.keys`."""

    db_id: str
    wraps: dict[str, dict]
    created_at: str

    def to_json(self) -> str:
        return json.dumps({"format": KEY_FILE_FORMAT, "db_id": self.db_id,
                           "created_at": self.created_at, "wraps": self.wraps}, indent=2)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        if not path.exists():
            raise KeyFileMissing(
                f"The key file {path.name} is missing next to the database.",
                hint="Copy it back from the backup that holds the database (it is saved as "
                     "<backup>.keys), then try again.",
            )
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != KEY_FILE_FORMAT:
                raise ValueError("not an NSSS key file")
            for name in ("passphrase", "recovery"):
                _check_wrap(data["wraps"][name])
            return cls(db_id=data["db_id"], wraps=data["wraps"], created_at=data["created_at"])
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise NotAnNsssDatabase(
                f"The key file {path.name} is damaged or not an NSSS key file.",
                hint="Restore it from the backup that holds the database.",
            ) from exc

    def save(self, path: Path) -> None:
        """Write atomically: a crash leaves either the old or the new file, never half of one."""
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(self.to_json())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)


def new_db_key() -> bytes:
    return secrets.token_bytes(32)


def check_passphrase_strength(passphrase: str) -> None:
    """Refuse passphrases too short to resist guessing against a stolen laptop's key file."""
    if len(normalise_passphrase(passphrase)) < MIN_PASSPHRASE_LENGTH:
        raise WrongPassphrase(
            f"The passphrase must have at least {MIN_PASSPHRASE_LENGTH} characters.",
            hint="A short sentence in English or Bangla is easy to remember and hard to guess.",
        )
