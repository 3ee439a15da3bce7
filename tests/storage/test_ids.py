"""Record ids: UUID version 7, time-ordered and unique."""

from __future__ import annotations

import time
import uuid

from desktop_app.storage.ids import uuid7, uuid7_at


def test_uuid7_is_a_valid_version_7_uuid() -> None:
    text = uuid7()
    parsed = uuid.UUID(text)
    assert str(parsed) == text  # canonical lower-case text form
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122


def test_uuid7_sorts_in_creation_order() -> None:
    made = [uuid7() for _ in range(10_000)]
    assert made == sorted(made)
    assert [uuid.UUID(u).int for u in made] == sorted(uuid.UUID(u).int for u in made)


def test_uuid7_is_unique() -> None:
    made = [uuid7() for _ in range(10_000)]
    assert len(set(made)) == len(made)


def test_uuid7_carries_the_current_time() -> None:
    before = time.time_ns() // 1_000_000
    millis = uuid.UUID(uuid7()).int >> 80
    # monotonic within the process: never earlier than now, at most a little ahead of it
    assert millis >= before - 1


def test_uuid7_at_is_deterministic_and_valid() -> None:
    millis = 1_763_800_000_000
    a = uuid7_at(millis, 0x1234_5678_9ABC_DEF0_1234)
    assert a == uuid7_at(millis, 0x1234_5678_9ABC_DEF0_1234)
    parsed = uuid.UUID(a)
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122
    assert parsed.int >> 80 == millis


def test_uuid7_at_orders_by_time() -> None:
    rand = (1 << 80) - 1
    assert uuid7_at(1_000, rand) < uuid7_at(1_001, 0)
