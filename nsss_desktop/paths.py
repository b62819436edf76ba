"""Where things live: bundled resources, and the per-user data folder (via platformdirs)."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "nsss-me-desktop"
APP_AUTHOR = "GED"
DB_FILE_NAME = "nsss.nsssdb"


def resources_dir() -> Path:
    """`resources/` beside the packages, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return base / "resources"


def demo_data_dir() -> Path:
    return resources_dir() / "demo"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    return user_data_dir() / DB_FILE_NAME


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
