"""Files waiting to go up to the hub (``export_outbox``, kept on this PC): the manufacturer's
export files and the signed contracts' PDFs. The sync delivers each by its content hash, so a
file queued twice is sent and stored once."""

from __future__ import annotations

import hashlib

from .db import Database


def queue_for_hub(db: Database, kind: str, day: str, file_name: str, content: bytes) -> str:
    """Queue ``content`` (inside the caller's transaction); returns its SHA-256."""
    digest = hashlib.sha256(content).hexdigest()
    db.raw.execute(
        "INSERT INTO export_outbox (sha256, kind, day, file_name, content, created_at) "
        "VALUES (?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) "
        "ON CONFLICT (sha256) DO NOTHING",
        (digest, kind, day, file_name, content),
    )
    return digest
