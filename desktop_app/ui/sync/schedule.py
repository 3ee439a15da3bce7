"""When the next automatic sync pass runs: within a minute, with jitter; backing off after
failures.

Plain Python (no Qt, no clock) so the rule is tested as logic. The jitter keeps the PCs of a
dealer group from all calling the hub in the same second after an outage; the back-off keeps a
PC that cannot reach the hub from retrying every minute for days.
"""

from __future__ import annotations

import random
from collections.abc import Callable

# The normal interval between automatic passes: 45 s ± 5 s, so that a change saved on another
# PC (sent 4 s after it settles, noticed within 5 s) shows here within a minute.
BASE_S = 45.0
JITTER_S = 5.0  # ± this much, at random, on every interval
CAP_S = 600.0  # the longest wait after failures in a row (before jitter)
FIRST_S = 5.0  # the first pass after start-up or registering this PC
DEBOUNCE_S = 4.0  # after local changes, once the typing and saving has settled
RECONNECT_S = 2.0  # after the network comes back while the hub was unreachable
MIN_S = 1.0


def next_delay(failures: int, jitter: float) -> float:
    """Seconds until the next automatic pass.

    ``failures``: passes in a row that failed (0 after a success); ``jitter`` in [-1, 1].
    0 failures → 45 s, then 90, 180, 360 and at most 600 s, each ± 5 s.
    """
    if not -1.0 <= jitter <= 1.0:
        raise ValueError(f"jitter {jitter} outside [-1, 1]")
    steps = min(max(failures, 0), 16)  # 2**16 minutes is far beyond the cap already
    base = min(CAP_S, BASE_S * 2.0**steps)
    return max(MIN_S, base + JITTER_S * jitter)


class SyncSchedule:
    """The failures in a row and the delay they give; a success resets the back-off."""

    def __init__(self, jitter: Callable[[], float] | None = None) -> None:
        rng = random.Random()
        self._jitter = jitter or (lambda: rng.uniform(-1.0, 1.0))
        self.failures = 0

    def succeeded(self) -> None:
        self.failures = 0

    def failed(self) -> None:
        self.failures += 1

    @property
    def backing_off(self) -> bool:
        return self.failures > 0

    def delay(self) -> float:
        return next_delay(self.failures, self._jitter())
