"""The hybrid logical clock orders edits even when a PC's wall clock is wrong."""

from __future__ import annotations

import pytest

from desktop_app.domain.clock import COUNTER_MASK, HybridLogicalClock, pack, unpack


class Wall:
    """A wall clock the test sets by hand (milliseconds)."""

    def __init__(self, millis: int) -> None:
        self.millis = millis

    def __call__(self) -> int:
        return self.millis


def test_now_follows_the_wall_clock_when_it_moves_forward() -> None:
    wall = Wall(1_000)
    clock = HybridLogicalClock(wall)
    assert unpack(clock.now()) == (1_000, 0)
    wall.millis = 2_500
    assert unpack(clock.now()) == (2_500, 0)
    assert clock.last == pack(2_500, 0)


def test_counter_increments_within_one_millisecond() -> None:
    clock = HybridLogicalClock(Wall(1_000))
    values = [clock.now() for _ in range(4)]
    assert [unpack(v) for v in values] == [(1_000, 0), (1_000, 1), (1_000, 2), (1_000, 3)]


def test_never_goes_backwards_when_the_wall_clock_is_set_back() -> None:
    wall = Wall(10_000)
    clock = HybridLogicalClock(wall)
    first = clock.now()
    wall.millis = 4_000  # someone set the PC's clock back
    second = clock.now()
    third = clock.now()
    assert first < second < third
    assert unpack(second) == (10_000, 1)
    wall.millis = 10_001  # the wall clock catches up
    assert unpack(clock.now()) == (10_001, 0)


def test_observe_of_a_later_remote_value_orders_our_next_edit_after_it() -> None:
    clock = HybridLogicalClock(Wall(1_000))
    clock.now()
    remote = pack(90_000, 7)  # another PC whose clock is ahead
    clock.observe(remote)
    assert clock.now() > remote


def test_observe_of_a_remote_value_behind_the_wall_clock() -> None:
    wall = Wall(1_000)
    clock = HybridLogicalClock(wall)
    clock.observe(pack(900, 3))
    wall.millis = 5_000
    assert unpack(clock.now()) == (5_000, 0)


def test_observe_of_an_older_value_does_not_move_the_clock_back() -> None:
    clock = HybridLogicalClock(Wall(5_000))
    mine = clock.now()
    clock.observe(pack(1_000, 0))
    assert clock.last == mine
    assert clock.now() > mine


def test_starts_after_the_last_value_it_is_given() -> None:
    last = pack(50_000, 9)  # read from the journal when the database opens
    clock = HybridLogicalClock(Wall(1_000), last=last)
    assert clock.now() > last


@pytest.mark.parametrize("millis", [1_000, 1_001])
def test_never_goes_backwards_when_the_counter_overflows(millis: int) -> None:
    # The wall clock stays behind (set back, or a remote PC ahead): every edit bumps the
    # counter. Past 65,535 edits on one millisecond the values must still increase.
    clock = HybridLogicalClock(Wall(millis - 500), last=pack(millis, COUNTER_MASK - 2))
    values = [clock.now() for _ in range(6)]
    assert values == sorted(values)
    assert len(set(values)) == len(values)
    assert values[0] > pack(millis, COUNTER_MASK - 2)


@pytest.mark.parametrize(
    ("millis", "counter"),
    [(0, 0), (1, 0), (0, 1), (1_763_800_000_000, 0), (1_763_800_000_000, COUNTER_MASK), (7, 42)],
)
def test_pack_unpack_round_trip(millis: int, counter: int) -> None:
    assert unpack(pack(millis, counter)) == (millis, counter)


def test_packed_values_sort_by_time_then_counter() -> None:
    ordered = [pack(5, 0), pack(5, 1), pack(5, COUNTER_MASK), pack(6, 0), pack(1_000, 3)]
    assert sorted(ordered) == ordered
