"""What the PC and the hub agree on: limits, headers, and the errors a sync pass can end in."""

from __future__ import annotations

from enum import StrEnum

MAX_SKEW_MS = 5 * 60 * 1000  # a PC more than 5 minutes off the hub's clock does not sync
PUSH_BATCH = 2000  # journal entries per push request
MAX_PULL_PAGE = 5000  # rows per pull page (the hub caps what a PC asks for)
PULL_PAGE = 2000
# a pull this far behind the hub (a new PC) skips the search-index upkeep and rebuilds it once
BULK_PULL_ROWS = 5000
# the window's background passes: smaller requests keep each JSON step short, since the pass
# shares the interpreter with the window (frames stay under 50 ms)
BACKGROUND_BATCH = 500
TIMEOUT_S = 30.0


class SyncErrorKind(StrEnum):
    NOT_CONFIGURED = "not_configured"  # no hub address or token on this PC
    OFFLINE = "offline"  # no connection, time-out
    CLOCK_SKEW = "clock_skew"  # this PC's clock is off the hub's
    UNAUTHORIZED = "unauthorized"  # token unknown, revoked, or another PC's
    SCHEMA = "schema"  # this DealerDesk is too old or too new for the hub
    SERVER = "server"  # the hub failed (5xx) or answered nonsense
    BUSY = "busy"  # another sync pass is running


class SyncError(Exception):
    """A sync pass that could not complete. Nothing is lost: what was not acknowledged is sent
    again next time, and a pull page is applied whole or not at all."""

    def __init__(self, kind: SyncErrorKind, detail: str = "") -> None:
        super().__init__(f"{kind.value}: {detail}" if detail else kind.value)
        self.kind = kind
        self.detail = detail
