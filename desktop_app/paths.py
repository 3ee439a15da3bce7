"""Where DealerDesk keeps its files on this PC (no Qt: the CLI uses it too).

Windows: ``%LOCALAPPDATA%\\DealerDesk``; elsewhere ``$XDG_DATA_HOME/dealerdesk`` (default
``~/.local/share/dealerdesk``). ``DEALERDESK_HOME`` overrides both (tests, portable installs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    override = os.environ.get("DEALERDESK_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "DealerDesk"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "dealerdesk"


def default_db_path() -> Path:
    return data_dir() / "dealerdesk.sqlite"


def log_path() -> Path:
    return data_dir() / "logs" / "dealerdesk.log"
