"""The current schema in one place: which tables sync and their columns.

The released migrations each freeze their own tables; this module puts them together for the
code of today (sync, tests). The trigger SQL itself lives in :mod:`.triggers`.
"""

from __future__ import annotations

from .migrations.m0001_initial import SYNCED_V1
from .migrations.m0002_appointments import SYNCED_V2
from .migrations.m0003_deliveries import SYNCED_V3
from .migrations.m0004_quotes import SYNCED_V4
from .migrations.m0005_care import SYNCED_V5
from .migrations.m0006_sync import SYNCED_V6
from .triggers import REBUILD_SEARCH_SQL

SYNC_COLUMNS = ("id", "created_at", "updated_at", "updated_by", "deleted_at")

# Every synced table of the current schema and its own columns, in dependency order.
SYNCED_TABLES: dict[str, tuple[str, ...]] = {
    **SYNCED_V1,
    **SYNCED_V2,
    **SYNCED_V3,
    **SYNCED_V4,
    **SYNCED_V5,
    **SYNCED_V6,
}

__all__ = ["REBUILD_SEARCH_SQL", "SYNCED_TABLES", "SYNC_COLUMNS"]
