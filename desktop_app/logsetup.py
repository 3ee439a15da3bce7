"""A rotating log file in the user data folder (5 files of 2 MB)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from .paths import log_path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(path: Path | None = None, level: int = logging.INFO) -> Path:
    path = path or log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.setLevel(level)
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        root.addHandler(handler)
    return path
