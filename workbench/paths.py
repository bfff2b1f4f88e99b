"""Where things live: the data dir (platformdirs), overridable for tests and second shops."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "workbench"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """WORKBENCH_HOME when set, else the user data dir of this platform."""
    home = os.environ.get("WORKBENCH_HOME")
    return Path(home) if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db() -> Path:
    return data_dir() / "workbench.sqlite3"


def images_dir(db_path: Path) -> Path:
    """Image messages are stored as files beside the store they belong to."""
    return db_path.parent / "images"
