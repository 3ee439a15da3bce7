"""Delivery rules (domain.md §2 and §5): PDI templates, item results, what blocks delivery, the
PDI status, and the follow-up tasks a delivery creates. Pure functions, no database."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_app.domain.deliveries import (
    CALLBACK_DAYS,
    DOCUMENTS,
    MIN_EXPLANATION,
    TOPICS,
    Blocker,
    BlockerFinding,
    DeliveryStatus,
    DocumentLine,
    FollowUp,
    Handover,
    ItemResult,
    PdiItem,
    PdiTemplate,
    Task,
    TemplateItem,
    add_months,
    delivery_blockers,
    documents_for,
    export_due,
    follow_ups,
    make_delivery_number,
    parse_template,
    pdi_status,
    set_result,
    topics_for,
)
from desktop_app.domain.errors import ValidationError

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "resources" / "pdi" / "PDI-STD-v1.json"
NEV_CODES = {"NV01", "NV02", "NV03"}
VIN = "LSVAU2180N2183294"
ENGINE = "DKX123456"
D = dt.date


# -- templates ----------------------------------------------------------------------------


def template_text(items: list[object], **top: object) -> str:
    return json.dumps({"code": "T", "version": 1, "name": "测试", **top, "items": items})


def test_the_bundled_template_parses() -> None:
    t = parse_template(BUNDLED.read_text(encoding="utf-8"))
    assert (t.code, t.version) == ("PDI-STD", 1)
    assert len(t.items) == 37
    assert len({i.code for i in t.items}) == 37
    assert {i.code for i in t.items if i.nev_only} == NEV_CODES
    assert all(i.text_zh and i.text_en and i.section for i in t.items)
    assert t.items[0] == TemplateItem(
        "EX01",
        "EXT",
        "车身漆面与板件（去除运输膜、蜡、标签）",
        "Paint and panels under the transport film (film, wax, labels removed)",
    )


def test_for_vehicle_gives_34_ice_and_37_nev_items_in_template_order() -> None:
    t = parse_template(BUNDLED.read_text(encoding="utf-8"))
    ice, nev = t.for_vehicle(False), t.for_vehicle(True)
    assert len(ice) == 34
    assert len(nev) == 37
    assert not {i.code for i in ice} & NEV_CODES
    assert [i.code for i in nev] == [i.code for i in t.items]
    assert [i.code for i in nev[-3:]] == ["NV01", "NV02", "NV03"]


def test_a_template_round_trips_through_json() -> None:
    t = parse_template(BUNDLED.read_text(encoding="utf-8"))
    again = parse_template(t.to_json())
    assert again == t
    assert "车身漆面" in t.to_json()  # Chinese kept readable (ensure_ascii=False)


def test_invalid_json_is_refused_with_the_line() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_template('{\n  "code": "T",\n  "version": 1,\n  "items": [\n    {oops}\n  ]\n}')
    assert caught.value.field == "template"
    assert caught.value.params == {"line": "5"}
    assert "line 5" in caught.value.render()


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        '"just a string"',
        json.dumps({"code": "T", "version": 1}),
        json.dumps({"code": "T", "version": 1, "items": {"a": 1}}),
    ],
)
def test_a_file_without_a_list_of_items_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="no list of items"):
        parse_template(text)


@pytest.mark.parametrize(
    "top",
    [
        {"code": ""},
        {"code": "   "},
        {"version": 0},
        {"version": "2"},
        {"version": 1.5},
        {"version": None},
    ],
)
def test_a_template_needs_a_code_and_a_whole_version(top: dict[str, object]) -> None:
    with pytest.raises(ValidationError, match="code and a whole version"):
        parse_template(template_text([{"code": "A", "zh": "甲"}], **top))


def test_an_item_without_a_code_is_refused_with_its_number() -> None:
    items = [{"code": "A1", "zh": "甲"}, {"code": "A2", "zh": "乙"}, {"zh": "丙"}]
    with pytest.raises(ValidationError) as caught:
        parse_template(template_text(items))
    assert caught.value.params == {"number": "3"}
    assert "Item 3" in caught.value.render()


def test_an_item_that_is_not_an_object_is_refused_with_its_number() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_template(template_text([{"code": "A1", "zh": "甲"}, "A2"]))
    assert caught.value.params == {"number": "2"}


def test_a_duplicated_code_is_refused_naming_the_code() -> None:
    items = [{"code": "A1", "zh": "甲"}, {"code": "B1", "zh": "乙"}, {"code": " A1 ", "zh": "丙"}]
    with pytest.raises(ValidationError) as caught:
        parse_template(template_text(items))
    assert caught.value.params == {"code": "A1"}
    assert "A1 appears twice" in caught.value.render()


def test_an_item_without_text_is_refused_naming_the_code() -> None:
    items = [{"code": "A1", "zh": "甲"}, {"code": "B7", "zh": "  ", "en": ""}]
    with pytest.raises(ValidationError) as caught:
        parse_template(template_text(items))
    assert caught.value.params == {"code": "B7"}
    assert "B7 has no text" in caught.value.render()


def test_one_language_fills_the_other_and_defaults_apply() -> None:
    t = parse_template(
        template_text(
            [{"code": "A", "zh": " 甲 "}, {"code": "B", "en": "Bee", "nev_only": True}],
            name=None,
        ).replace('"name": null, ', "")
    )
    assert t.name == "T"  # the code when the name is missing
    assert t.items == (
        TemplateItem("A", "-", "甲", "甲"),
        TemplateItem("B", "-", "Bee", "Bee", nev_only=True),
    )
    assert PdiTemplate("T", 1, "T", t.items).for_vehicle(False) == [t.items[0]]


# -- item results -------------------------------------------------------------------------


def item(code: str = "EX01", result: ItemResult = ItemResult.OPEN) -> PdiItem:
    return PdiItem(code, "EXT", f"检查{code}", f"Check {code}", result)


def test_pass_from_open_is_not_a_reinspection() -> None:
    i = set_result(item(), ItemResult.PASS)
    assert (i.result, i.reinspected) == (ItemResult.PASS, False)


def test_fail_then_pass_marks_the_item_reinspected() -> None:
    i = item()
    set_result(i, ItemResult.FAIL, " 右前门划痕 ")
    assert (i.result, i.reinspected, i.note) == (ItemResult.FAIL, False, "右前门划痕")
    set_result(i, ItemResult.PASS)
    assert (i.result, i.reinspected) == (ItemResult.PASS, True)
    assert i.note == "右前门划痕"  # an empty note keeps the old one


@pytest.mark.parametrize("result", [ItemResult.NOT_APPLICABLE, ItemResult.OPEN, ItemResult.FAIL])
def test_fail_to_anything_but_pass_is_not_a_reinspection(result: ItemResult) -> None:
    i = set_result(item(result=ItemResult.FAIL), result)
    assert (i.result, i.reinspected) == (result, False)


def test_the_reinspected_flag_stays_once_set() -> None:
    i = set_result(set_result(item(result=ItemResult.FAIL), ItemResult.PASS), ItemResult.FAIL)
    assert i.reinspected
    set_result(i, ItemResult.PASS)
    assert i.reinspected


# -- documents and topics -----------------------------------------------------------------


def test_documents_for_ice_and_nev() -> None:
    ice, nev = documents_for(False), documents_for(True)
    assert [d.code for d in nev] == [d.code for d in DOCUMENTS]
    assert [d.code for d in ice] == [d.code for d in DOCUMENTS if d.code != "charging_cable"]
    assert all(d.state == Handover.OPEN for d in nev)
    assert {d.code: d.count for d in nev if d.count is not None} == {"keys": 2}
    optional = {d.code for d in nev if not d.required}
    assert optional == {"registration", "registration_cert", "accessories"}
    lender = {k.code for k in DOCUMENTS if k.lender_may_hold}
    assert lender == {"keys", "registration_cert"}


def test_topics_for_ice_and_nev() -> None:
    assert [t[0] for t in topics_for(True)] == [t[0] for t in TOPICS]
    assert [t[0] for t in topics_for(False)] == [
        "controls",
        "maintenance",
        "emergency",
        "after_sales",
    ]


# -- blockers -----------------------------------------------------------------------------


def done_items(nev: bool = False) -> list[PdiItem]:
    t = parse_template(BUNDLED.read_text(encoding="utf-8"))
    return [
        PdiItem(i.code, i.section, i.text_zh, i.text_en, ItemResult.PASS)
        for i in t.for_vehicle(nev)
    ]


def done_documents(nev: bool = False) -> list[DocumentLine]:
    docs = documents_for(nev)
    for d in docs:
        d.state = Handover.HANDED_OVER
    return docs


def blockers(**changes: object) -> list[BlockerFinding]:
    nev = bool(changes.pop("nev", False))
    args: dict[str, object] = {
        "items": done_items(nev),
        "pdi_signed": True,
        "documents": done_documents(nev),
        "car_vin": VIN,
        "car_engine": ENGINE,
        "invoice_vin": VIN,
        "invoice_engine": ENGINE,
        "topics_done": {t[0] for t in topics_for(nev)},
        "topics_needed": [t[0] for t in topics_for(nev)],
        "explanation": dt.timedelta(minutes=35),
        "short_explanation_accepted": False,
    }
    args.update(changes)
    return delivery_blockers(**args)  # type: ignore[arg-type]


@pytest.mark.parametrize("nev", [False, True])
def test_nothing_blocks_a_complete_record(nev: bool) -> None:
    assert blockers(nev=nev) == []


def test_optional_documents_left_open_do_not_block() -> None:
    docs = done_documents()
    for d in docs:
        if not d.required:
            d.state = Handover.OPEN
    assert blockers(documents=docs) == []


def test_lender_held_and_not_applicable_documents_do_not_block() -> None:
    docs = done_documents()
    for d in docs:
        if d.code in ("keys", "registration_cert"):
            d.state = Handover.HELD_BY_LENDER
        elif d.code == "tool_kit":
            d.state = Handover.NOT_APPLICABLE
    assert blockers(documents=docs) == []


def test_every_blocker_kind_with_its_params() -> None:
    items = done_items()
    items[0].result = ItemResult.OPEN
    items[3].result = ItemResult.FAIL
    items[5].result = ItemResult.NOT_APPLICABLE
    docs = done_documents()
    by_code = {d.code: d for d in docs}
    by_code["insurance"].state = Handover.OPEN
    by_code["keys"].count = 0
    found = blockers(
        items=items,
        pdi_signed=False,
        documents=docs,
        invoice_vin=" lsvau2180n2183295 ",
        invoice_engine="dkx000000",
        topics_done={"controls", "maintenance", "after_sales"},
        explanation=dt.timedelta(minutes=29, seconds=59),
    )
    assert found == [
        BlockerFinding(Blocker.PDI_OPEN, {"item": f"EX01 {items[0].text_zh}"}),
        BlockerFinding(Blocker.PDI_FAILED, {"item": f"EX04 {items[3].text_zh}"}),
        BlockerFinding(Blocker.PDI_NOT_SIGNED, {}),
        BlockerFinding(Blocker.DOCUMENT_MISSING, {"item": "保险单"}),
        BlockerFinding(Blocker.NO_KEYS, {}),
        BlockerFinding(Blocker.VIN_MISMATCH, {"invoice": "LSVAU2180N2183295", "car": VIN}),
        BlockerFinding(Blocker.ENGINE_MISMATCH, {"invoice": "DKX000000", "car": ENGINE}),
        BlockerFinding(Blocker.TOPIC_MISSING, {"item": "应急处理（故障灯、爆胎、道路救援）"}),
        BlockerFinding(Blocker.EXPLANATION_SHORT, {"minutes": "29"}),
    ]
    # NOT_STARTED is the one kind left: an explanation that was never timed
    assert blockers(explanation=None) == [BlockerFinding(Blocker.NOT_STARTED, {})]
    all_kinds = {f.blocker for f in found} | {Blocker.NOT_STARTED}
    assert all_kinds == set(Blocker)


def test_findings_render_with_their_params() -> None:
    from desktop_app.domain.deliveries import BLOCKER_MESSAGES

    assert set(BLOCKER_MESSAGES) == set(Blocker)
    for f in blockers(invoice_vin="X", explanation=dt.timedelta(minutes=3)):
        BLOCKER_MESSAGES[f.blocker].format(**f.params)  # every placeholder is filled


def test_each_open_required_document_is_listed_once() -> None:
    docs = documents_for(True)  # all open
    found = blockers(nev=True, documents=docs)
    missing = [f.params["item"] for f in found if f.blocker == Blocker.DOCUMENT_MISSING]
    assert missing == [d.text_zh for d in docs if d.required]
    assert "充电线" in missing
    assert Blocker.NO_KEYS not in {f.blocker for f in found}  # keys not handed over yet


@pytest.mark.parametrize(("count", "blocked"), [(0, True), (None, True), (1, False), (2, False)])
def test_keys_handed_over_with_no_count_block(count: int | None, blocked: bool) -> None:
    docs = done_documents()
    next(d for d in docs if d.code == "keys").count = count
    assert blockers(documents=docs) == ([BlockerFinding(Blocker.NO_KEYS, {})] if blocked else [])


def test_keys_held_by_lender_with_zero_count_do_not_block() -> None:
    docs = done_documents()
    keys = next(d for d in docs if d.code == "keys")
    keys.state, keys.count = Handover.HELD_BY_LENDER, 0
    assert blockers(documents=docs) == []


@pytest.mark.parametrize("typed", [VIN.lower(), f"  {VIN}  ", "lsvAU2180n2183294"])
def test_vin_comparison_ignores_case_and_spaces(typed: str) -> None:
    assert blockers(invoice_vin=typed) == []


def test_a_different_vin_blocks() -> None:
    assert blockers(invoice_vin="lsvau2180n2183290") == [
        BlockerFinding(Blocker.VIN_MISMATCH, {"invoice": "LSVAU2180N2183290", "car": VIN})
    ]


def test_engine_number_comparison_ignores_case() -> None:
    assert blockers(invoice_engine=" dkx123456 ") == []


def test_an_unknown_engine_number_on_the_car_is_not_compared() -> None:
    assert blockers(car_engine="", invoice_engine="ANY") == []


def test_a_missing_nev_topic_blocks_an_nev_only() -> None:
    ice_topics = {t[0] for t in topics_for(False)}
    assert blockers(topics_done=ice_topics) == []
    assert blockers(nev=True, topics_done=ice_topics) == [
        BlockerFinding(Blocker.TOPIC_MISSING, {"item": "充电方法与电池保养（新能源）"})
    ]


@pytest.mark.parametrize(
    ("length", "accepted", "expected"),
    [
        (
            dt.timedelta(minutes=29, seconds=59),
            False,
            [BlockerFinding(Blocker.EXPLANATION_SHORT, {"minutes": "29"})],
        ),
        (dt.timedelta(minutes=30), False, []),
        (dt.timedelta(minutes=30, seconds=1), False, []),
        (dt.timedelta(minutes=95), False, []),
        (dt.timedelta(0), False, [BlockerFinding(Blocker.EXPLANATION_SHORT, {"minutes": "0"})]),
        (dt.timedelta(minutes=12), True, []),
        (dt.timedelta(minutes=29, seconds=59), True, []),
        (None, True, [BlockerFinding(Blocker.NOT_STARTED, {})]),
    ],
)
def test_explanation_length(
    length: dt.timedelta | None, accepted: bool, expected: list[BlockerFinding]
) -> None:
    assert MIN_EXPLANATION == dt.timedelta(minutes=30)
    assert blockers(explanation=length, short_explanation_accepted=accepted) == expected


# -- PDI status ---------------------------------------------------------------------------


def test_pdi_status_transitions() -> None:
    items = [item("A"), item("B"), item("C")]
    assert pdi_status([], False) == DeliveryStatus.PLANNED
    assert pdi_status([], True) == DeliveryStatus.PLANNED
    assert pdi_status(items, False) == DeliveryStatus.PLANNED
    set_result(items[0], ItemResult.PASS)
    assert pdi_status(items, False) == DeliveryStatus.PDI_IN_PROGRESS
    set_result(items[1], ItemResult.FAIL)
    assert pdi_status(items, False) == DeliveryStatus.PDI_FAILED
    set_result(items[2], ItemResult.NOT_APPLICABLE)
    assert pdi_status(items, True) == DeliveryStatus.PDI_FAILED  # a failure wins
    set_result(items[1], ItemResult.PASS)
    assert pdi_status(items, False) == DeliveryStatus.PDI_IN_PROGRESS  # done, not signed
    assert pdi_status(items, True) == DeliveryStatus.READY
    set_result(items[0], ItemResult.OPEN)
    assert pdi_status(items, True) == DeliveryStatus.PDI_IN_PROGRESS


def test_all_not_applicable_and_signed_is_ready() -> None:
    items = [item("A", ItemResult.NOT_APPLICABLE), item("B", ItemResult.NOT_APPLICABLE)]
    assert pdi_status(items, True) == DeliveryStatus.READY


# -- follow-ups ---------------------------------------------------------------------------


def by_kind(tasks: list[Task]) -> dict[FollowUp, list[Task]]:
    out: dict[FollowUp, list[Task]] = {}
    for t in tasks:
        out.setdefault(t.kind, []).append(t)
    return out


def test_follow_ups_for_a_plain_date() -> None:
    tasks = follow_ups(D(2026, 11, 20), 3, 36, None)
    assert [(t.kind, t.opens, t.due, t.title) for t in tasks] == [
        (FollowUp.CALLBACK, D(2026, 11, 21), D(2026, 11, 21), "D+1"),
        (FollowUp.CALLBACK, D(2026, 11, 23), D(2026, 11, 23), "D+3"),
        (FollowUp.CALLBACK, D(2026, 11, 27), D(2026, 11, 27), "D+7"),
        (FollowUp.CALLBACK, D(2026, 12, 20), D(2026, 12, 20), "D+30"),
        (FollowUp.CALLBACK, D(2027, 2, 18), D(2027, 2, 18), "D+90"),
        (FollowUp.FIRST_MAINTENANCE, D(2027, 1, 20), D(2027, 2, 20), ""),
        (FollowUp.WARRANTY_EXPIRY, D(2029, 10, 20), D(2029, 10, 20), "2029-11-20"),
        (FollowUp.INSURANCE_RENEWAL, D(2027, 9, 20), D(2027, 11, 20), "2027-11-20"),
        (FollowUp.ANNUAL_INSPECTION, D(2032, 10, 21), D(2032, 11, 20), "2032-11-20"),
    ]


def test_follow_ups_on_31_january_of_a_leap_year() -> None:
    tasks = by_kind(follow_ups(D(2024, 1, 31), 3, 36, D(2024, 12, 31)))
    assert [t.due for t in tasks[FollowUp.CALLBACK]] == [
        D(2024, 2, 1),
        D(2024, 2, 3),
        D(2024, 2, 7),
        D(2024, 3, 1),  # 2024 has 29 February
        D(2024, 4, 30),
    ]
    (first,) = tasks[FollowUp.FIRST_MAINTENANCE]
    assert (first.opens, first.due) == (D(2024, 3, 31), D(2024, 4, 30))
    (warranty,) = tasks[FollowUp.WARRANTY_EXPIRY]
    assert (warranty.due, warranty.title) == (D(2026, 12, 31), "2027-01-31")
    (insurance,) = tasks[FollowUp.INSURANCE_RENEWAL]
    assert (insurance.opens, insurance.due) == (D(2024, 10, 31), D(2024, 12, 31))
    (inspection,) = tasks[FollowUp.ANNUAL_INSPECTION]
    assert (inspection.opens, inspection.due) == (D(2030, 1, 1), D(2030, 1, 31))


def test_follow_ups_on_new_years_eve() -> None:
    tasks = by_kind(follow_ups(D(2025, 12, 31), 3, 36, None))
    assert [t.due for t in tasks[FollowUp.CALLBACK]] == [
        D(2026, 1, 1),
        D(2026, 1, 3),
        D(2026, 1, 7),
        D(2026, 1, 30),
        D(2026, 3, 31),
    ]
    (first,) = tasks[FollowUp.FIRST_MAINTENANCE]
    assert (first.opens, first.due) == (D(2026, 2, 28), D(2026, 3, 31))
    (warranty,) = tasks[FollowUp.WARRANTY_EXPIRY]
    assert warranty.due == D(2028, 11, 30)
    (insurance,) = tasks[FollowUp.INSURANCE_RENEWAL]
    assert (insurance.opens, insurance.due) == (D(2026, 10, 31), D(2026, 12, 31))
    (inspection,) = tasks[FollowUp.ANNUAL_INSPECTION]
    assert (inspection.opens, inspection.due) == (D(2031, 12, 1), D(2031, 12, 31))


def test_follow_ups_on_29_february() -> None:
    tasks = by_kind(follow_ups(D(2028, 2, 29), 6, 72, None))
    assert tasks[FollowUp.CALLBACK][-1].due == D(2028, 5, 29)
    (first,) = tasks[FollowUp.FIRST_MAINTENANCE]
    assert (first.opens, first.due) == (D(2028, 4, 29), D(2028, 8, 29))
    (warranty,) = tasks[FollowUp.WARRANTY_EXPIRY]
    assert (warranty.due, warranty.title) == (D(2034, 1, 28), "2034-02-28")
    (insurance,) = tasks[FollowUp.INSURANCE_RENEWAL]
    assert (insurance.opens, insurance.due) == (D(2028, 12, 28), D(2029, 2, 28))
    (inspection,) = tasks[FollowUp.ANNUAL_INSPECTION]
    assert (inspection.opens, inspection.due) == (D(2034, 1, 29), D(2034, 2, 28))


def test_a_first_service_sooner_than_two_months_opens_on_its_due_date() -> None:
    (first,) = by_kind(follow_ups(D(2026, 11, 20), 1, 36, None))[FollowUp.FIRST_MAINTENANCE]
    assert (first.opens, first.due) == (D(2026, 12, 20), D(2026, 12, 20))


def test_zero_first_service_months_counts_as_one() -> None:
    (first,) = by_kind(follow_ups(D(2026, 11, 20), 0, 36, None))[FollowUp.FIRST_MAINTENANCE]
    assert first.due == D(2026, 12, 20)


def test_callback_days_and_export_due() -> None:
    assert CALLBACK_DAYS == (1, 3, 7, 30, 90)
    assert export_due(D(2026, 11, 20)) == dt.datetime(2026, 11, 21, 9, 30)
    assert export_due(D(2026, 12, 31)) == dt.datetime(2027, 1, 1, 9, 30)


def test_delivery_numbers() -> None:
    assert make_delivery_number(D(2026, 11, 20), 7) == "JC20261120-007"
    assert make_delivery_number(D(2026, 1, 2), 123) == "JC20260102-123"


# -- add_months ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2024, 1, 31), 3, D(2024, 4, 30)),
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2025, 12, 31), 2, D(2026, 2, 28)),
        (D(2025, 12, 15), 1, D(2026, 1, 15)),
        (D(2026, 1, 15), -1, D(2025, 12, 15)),
        (D(2026, 1, 15), -13, D(2024, 12, 15)),
        (D(2026, 5, 31), 0, D(2026, 5, 31)),
        (D(2000, 2, 29), 1200, D(2100, 2, 28)),  # 2100 is not a leap year
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(
    day: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(day, months) == expected
