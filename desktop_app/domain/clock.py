"""Hybrid logical clock (HLC): the order of edits across PCs, never wall-clock time alone.

A value packs the physical time in milliseconds (upper bits) and a logical counter (lower 16
bits) into one integer, so values compare with ``<`` and sort in SQLite. ``now()`` never goes
backwards even if the PC's clock is set back; ``observe()`` folds in a value seen from another
PC so that our next edit orders after it. The device id breaks ties between equal values.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1


def pack(millis: int, counter: int) -> int:
    if not 0 <= counter <= COUNTER_MASK:
        raise ValueError(f"HLC counter {counter} out of range")
    return (millis << COUNTER_BITS) | counter


def unpack(value: int) -> tuple[int, int]:
    return value >> COUNTER_BITS, value & COUNTER_MASK


class HybridLogicalClock:
    def __init__(self, wall_millis: Callable[[], int], last: int = 0) -> None:
        self._wall = wall_millis
        self._last = last
        self._lock = threading.Lock()

    @property
    def last(self) -> int:
        return self._last

    def now(self) -> int:
        with self._lock:
            wall = self._wall()
            last_ms, counter = unpack(self._last)
            if wall > last_ms:
                self._last = pack(wall, 0)
            elif counter < COUNTER_MASK:
                self._last = pack(last_ms, counter + 1)
            else:  # 65,536 edits within one millisecond: borrow the next millisecond
                self._last = pack(last_ms + 1, 0)
            return self._last

    def observe(self, remote: int) -> None:
        with self._lock:
            if remote > self._last:
                self._last = remote
