"""Customer search: names, phone fragments, plates and VINs through the trigram index."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from desktop_app.domain.customers import Customer, Vehicle
from desktop_app.domain.identifiers import format_plate
from desktop_app.domain.staff import Session
from desktop_app.storage.db import Database, utc_now_text
from desktop_app.storage.models import VehicleRow
from desktop_app.storage.repositories import (
    SEARCH_LIMIT,
    CustomerRepository,
    SiteRepository,
    VehicleRepository,
)


@dataclass(frozen=True)
class Owner:
    """A demo customer with a three-character name and at least one vehicle."""

    id: str
    name: str
    mobile: str
    vehicle_id: str
    plate: str
    vin: str


@pytest.fixture
def owner(db: Database) -> Owner:
    row = db.raw.execute(
        "SELECT c.id, c.name, c.mobile, v.id, v.plate, v.vin FROM customer c "
        "JOIN vehicle v ON v.customer_id = c.id "
        "WHERE length(c.name) = 3 AND v.plate != '' AND c.deleted_at IS NULL "
        "ORDER BY c.id LIMIT 1"
    ).fetchone()
    assert row is not None
    return Owner(*row)


@pytest.fixture
def repo(db: Database) -> CustomerRepository:
    return CustomerRepository(db)


def ids(hits: list) -> set[str]:  # type: ignore[type-arg]
    return {h.id for h in hits}


# Finding a customer ------------------------------------------------------------------------


def test_full_name(repo: CustomerRepository, owner: Owner) -> None:
    hits = repo.search(owner.name)
    assert owner.id in ids(hits)
    assert all(owner.name in h.name for h in hits)


def test_full_two_character_name(db: Database, repo: CustomerRepository) -> None:
    cid, name = db.raw.execute(
        "SELECT id, name FROM customer WHERE length(name) = 2 ORDER BY id LIMIT 1"
    ).fetchone()
    assert cid in ids(repo.search(name))


def test_two_character_name_prefix(repo: CustomerRepository, owner: Owner) -> None:
    prefix = owner.name[:2]
    hits = repo.search(prefix)
    assert owner.id in ids(hits)
    assert all(h.name.startswith(prefix) or h.name.endswith(prefix) for h in hits)


def test_two_character_name_suffix(repo: CustomerRepository, owner: Owner) -> None:
    suffix = owner.name[-2:]
    hits = repo.search(suffix)
    assert owner.id in ids(hits)
    assert all(h.name.startswith(suffix) or h.name.endswith(suffix) for h in hits)


def test_one_character_surname(db: Database, repo: CustomerRepository, owner: Owner) -> None:
    surname = owner.name[0]
    expected = {
        r[0]
        for r in db.raw.execute(
            "SELECT id FROM customer WHERE substr(name, 1, 1) = ? AND deleted_at IS NULL",
            (surname,),
        )
    }
    assert 0 < len(expected) < SEARCH_LIMIT
    hits = repo.search(surname)
    assert ids(hits) == expected
    assert [h.name for h in hits] == sorted(h.name for h in hits)


@pytest.mark.parametrize("part", ["first7", "last4", "whole", "dashed"])
def test_phone_fragments(repo: CustomerRepository, owner: Owner, part: str) -> None:
    m = owner.mobile
    query = {
        "first7": m[:7],
        "last4": m[-4:],
        "whole": m,
        "dashed": f"{m[:3]}-{m[3:7]}-{m[7:]}",
    }[part]
    hits = repo.search(query)
    assert owner.id in ids(hits)
    assert next(h for h in hits if h.id == owner.id).mobile == m


@pytest.mark.parametrize("typed", ["plain", "dotted", "spaced", "lower"])
def test_plate_with_and_without_separator(repo: CustomerRepository, owner: Owner, typed: str):
    query = {
        "plain": owner.plate,
        "dotted": format_plate(owner.plate),
        "spaced": f"{owner.plate[:2]} {owner.plate[2:]}",
        "lower": owner.plate.lower(),
    }[typed]
    hits = repo.search(query)
    assert ids(hits) == {owner.id}
    assert owner.plate in hits[0].vehicles


@pytest.mark.parametrize("part", ["whole", "last6", "last8", "lowercase", "lower_last6"])
def test_vin(repo: CustomerRepository, owner: Owner, part: str) -> None:
    query = {
        "whole": owner.vin,
        "last6": owner.vin[-6:],
        "last8": owner.vin[-8:],
        "lowercase": owner.vin.lower(),
        "lower_last6": owner.vin[-6:].lower(),
    }[part]
    assert owner.id in ids(repo.search(query))


def test_whole_vin_finds_only_its_owner(repo: CustomerRepository, owner: Owner) -> None:
    assert ids(repo.search(owner.vin)) == {owner.id}


def test_results_are_capped(db: Database, repo: CustomerRepository) -> None:
    matching = db.raw.execute(
        "SELECT count(DISTINCT customer_id) FROM vehicle WHERE vin LIKE 'LSV%'"
    ).fetchone()[0]
    assert matching > SEARCH_LIMIT == 50
    hits = repo.search("LSV")
    assert len(hits) == SEARCH_LIMIT
    assert len(ids(hits)) == SEARCH_LIMIT


def test_nothing_found(repo: CustomerRepository) -> None:
    assert repo.search("不存在的人") == []
    assert repo.search("ZZZZZZZZ") == []


# The index follows edits -------------------------------------------------------------------


def test_changed_phone_is_found_and_the_old_one_is_not(
    repo: CustomerRepository, owner: Owner, advisor: Session
) -> None:
    c = repo.get(owner.id)
    assert c is not None
    c.mobile = "16612340987"
    repo.save(c, advisor.site.id, advisor.staff.id)
    assert owner.id not in ids(repo.search(owner.mobile))
    assert owner.id in ids(repo.search("16612340987"))
    assert owner.id in ids(repo.search("1661234"))
    # the vehicles are still in the customer's search document
    assert owner.id in ids(repo.search(owner.vin))


def test_changed_name_is_found(repo: CustomerRepository, owner: Owner, advisor: Session) -> None:
    c = repo.get(owner.id)
    assert c is not None
    c.name = "欧阳娜娜"
    repo.save(c, advisor.site.id, advisor.staff.id)
    assert owner.id in ids(repo.search("欧阳"))
    assert owner.id in ids(repo.search("娜娜"))
    assert owner.id not in ids(repo.search(owner.name))


def test_changed_plate_is_found_and_the_old_one_is_not(
    db: Database, repo: CustomerRepository, owner: Owner, advisor: Session
) -> None:
    vehicles = VehicleRepository(db)
    v = vehicles.get(owner.vehicle_id)
    assert v is not None
    v.plate = "沪Z9X8Y7"
    vehicles.save(v, advisor.staff.id)
    assert owner.id not in ids(repo.search(owner.plate))
    assert ids(repo.search("沪Z·9X8Y7")) == {owner.id}


def test_soft_deleted_customer_disappears(
    repo: CustomerRepository, owner: Owner, advisor: Session
) -> None:
    repo.soft_delete(owner.id, advisor.staff.id)
    for query in (owner.name, owner.name[:2], owner.name[0], owner.mobile, owner.vin, ""):
        assert owner.id not in ids(repo.search(query)), query


def test_soft_deleted_vehicle_no_longer_finds_its_owner(
    db: Database, repo: CustomerRepository, owner: Owner
) -> None:
    now = utc_now_text()
    with db.write():
        VehicleRow.update(deleted_at=now, updated_at=now).where(
            VehicleRow.id == owner.vehicle_id
        ).execute()
    assert repo.search(owner.vin) == []
    assert owner.id in ids(repo.search(owner.mobile))


def test_vehicle_moved_to_another_customer_moves_with_the_search(
    db: Database, repo: CustomerRepository, owner: Owner, advisor: Session
) -> None:
    new_owner = db.raw.execute(
        "SELECT id FROM customer WHERE id != ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
        (owner.id,),
    ).fetchone()[0]
    vehicles = VehicleRepository(db)
    v = vehicles.get(owner.vehicle_id)
    assert v is not None
    v.customer_id = new_owner
    vehicles.save(v, advisor.staff.id)
    assert ids(repo.search(owner.vin)) == {new_owner}
    assert ids(repo.search(owner.plate)) == {new_owner}
    assert owner.id in ids(repo.search(owner.mobile))  # the old owner is still there


def test_new_vehicle_is_found_through_its_owner(
    db: Database, repo: CustomerRepository, owner: Owner, advisor: Session
) -> None:
    vin = "LSVAB2BM9MN123456"
    VehicleRepository(db).save(
        Vehicle(vin=vin, customer_id=owner.id, plate="沪Z12345"), advisor.staff.id
    )
    assert ids(repo.search(vin[-6:])) == {owner.id}
    assert ids(repo.search("沪Z12345")) == {owner.id}
    assert owner.id in ids(repo.search(owner.vin))  # the first vehicle is still indexed


# Odd input ---------------------------------------------------------------------------------


@pytest.fixture
def small(empty_db: Database) -> tuple[CustomerRepository, dict[str, str]]:
    site = SiteRepository(empty_db).create("SH01", "测试店")
    repo = CustomerRepository(empty_db)
    people = {
        "王小明": "13800000001",
        "王大明": "13900000002",
        "李娜": "13700000003",
    }
    by_name = {
        name: repo.save(Customer(name=name, mobile=mobile), site.id, None)
        for name, mobile in people.items()
    }
    return repo, by_name


@pytest.mark.parametrize("query", ["王%明", "王_明", "%明", "_明", "138%01", "1_8", "%%%8"])
def test_like_wildcards_are_not_wildcards(
    small: tuple[CustomerRepository, dict[str, str]], query: str
) -> None:
    repo, _ = small
    assert repo.search(query) == []


def test_wildcards_around_a_real_fragment(
    small: tuple[CustomerRepository, dict[str, str]],
) -> None:
    repo, by_name = small
    assert ids(repo.search("%13800%")) == {by_name["王小明"]}
    assert ids(repo.search("小明_")) == {by_name["王小明"]}


def test_empty_query_returns_recent_customers(
    empty_db: Database, small: tuple[CustomerRepository, dict[str, str]]
) -> None:
    repo, by_name = small
    stamps = {"王小明": "2026-01-01T00:00:00.000Z", "王大明": "2026-03-01T00:00:00.000Z"}
    stamps["李娜"] = "2026-02-01T00:00:00.000Z"
    with empty_db.write():
        for name, stamp in stamps.items():
            empty_db.raw.execute(
                "UPDATE customer SET updated_at = ? WHERE id = ?", (stamp, by_name[name])
            )
    expected = [by_name["王大明"], by_name["李娜"], by_name["王小明"]]
    assert [h.id for h in repo.search("")] == expected
    assert [h.id for h in repo.search("   ")] == expected
    assert [h.id for h in repo.recent()] == expected


def test_empty_query_on_the_demo_store_is_capped_and_newest_first(
    db: Database, repo: CustomerRepository
) -> None:
    expected = [
        r[0]
        for r in db.raw.execute(
            "SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT ?",
            (SEARCH_LIMIT,),
        )
    ]
    hits = repo.search("")
    assert len(hits) == SEARCH_LIMIT
    assert [h.id for h in hits] == expected
