"""Demo sales desk: head office's price list imported from its CSV file, cars in stock, quotes
in every status (one with two versions, one with a manager-approved discount), contracts as
drafts, signed, amended and void."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from ..domain.quotes import Extra, TradeIn
from ..domain.vin import with_check_digit
from ..storage.db import Database, new_row
from ..storage.models import VehicleRow
from .auth import AuthService
from .contracts import ContractService
from .quotes import QuoteService

PRICE_LIST = Path(__file__).resolve().parent.parent.parent / "resources" / "pricelist"
DEMO_PRICE_LIST = PRICE_LIST / "price-list-2026-11.csv"
STOCK_COLOURS = ["珍珠白", "曜石黑", "星空灰", "冰川银", "宝石蓝"]


def create_sales(db: Database, today: dt.date, seed: int, contract_dir: Path) -> int:
    """Returns the number of quotes made (0 when the demo staff are missing)."""
    rng = random.Random(seed * 17 + 3)
    auth = AuthService(db)
    try:
        manager = auth.session_for("manager")
        consultants = [auth.session_for(u) for u in ("sales1", "sales2", "sales3")]
    except Exception:  # a database without the demo staff: nothing to add
        return 0
    clock = [today - dt.timedelta(days=20)]
    admin = QuoteService(db, manager, today=lambda: clock[0])
    admin.import_price_list(DEMO_PRICE_LIST)
    models = admin.models()
    _stock(db, models, rng, manager.staff.id)
    customers = [
        str(r[0])
        for r in db.raw.execute(
            "SELECT id FROM customer WHERE deleted_at IS NULL AND id_number != '' "
            "AND address != '' ORDER BY rowid LIMIT 60"
        )
    ]
    if not customers:
        return 0
    # (days ago, consultant, model index, target)
    plan = [
        (20, 0, 1, "signed"),
        (16, 1, 9, "signed_amended"),
        (12, 2, 5, "void"),
        (9, 0, 10, "expired"),
        (8, 1, 3, "lost"),
        (6, 2, 7, "contract_draft"),
        (4, 0, 0, "sent_v2"),
        (3, 1, 12, "approved"),
        (2, 2, 14, "sent"),
        (1, 0, 18, "accepted"),
        (0, 1, 8, "draft"),
        (0, 2, 2, "draft_over_cap"),
    ]
    made = 0
    for index, (days_ago, who, model_index, target) in enumerate(plan):
        clock[0] = today - dt.timedelta(days=days_ago)
        session = consultants[who]
        quotes = QuoteService(db, session, today=lambda: clock[0])
        contracts = ContractService(db, session, today=lambda: clock[0], signed_dir=contract_dir)
        choice = models[model_index % len(models)]
        stock = quotes.stock(choice.model.id)
        vin = stock[0].vin if stock and target.startswith(("signed", "contract")) else ""
        q = quotes.new_input(str(choice.model.id), vin=vin, colour=rng.choice(STOCK_COLOURS))
        promos = quotes.items(_kind("promotion"), choice.model.id)
        options = quotes.items(_kind("option"), choice.model.id)
        accessories = quotes.items(_kind("accessory"), choice.model.id)
        q = replace(
            q,
            promotion_code=promos[0].code if promos else "",
            promotion_name=promos[0].name_zh if promos else "",
            promotion=promos[0].price if promos else Decimal(0),
            extra_discount=Decimal(rng.choice([0, 1000, 2000, 3000])),
            options=tuple(_extra(o) for o in options[: rng.randint(0, len(options))]),
            accessories=tuple(_extra(a) for a in rng.sample(accessories, 2)),
        )
        if target == "draft_over_cap":
            q = replace(q, extra_discount=Decimal(8000))
        if target == "approved":
            q = replace(q, extra_discount=Decimal(6000))
        if index % 3 == 0:
            q = replace(
                q, trade_in=TradeIn("2016 款 大众 宝来 沪C·3K721", Decimal(42000), Decimal(3000))
            )
        plans = (
            quotes.default_plan(q, 36, "0.0399"),
            replace(quotes.default_plan(q, 24, "0"), lender="厂家金融 0 息"),
            replace(quotes.default_plan(q, 60, "0.0499"), lender="招商银行"),
        )
        plans = (replace(plans[0], lender="上汽通用金融"), plans[1], plans[2])
        q = replace(q, plans=plans[: 1 + index % 3])
        quote = quotes.create(customers[index % len(customers)], q)
        made += 1
        if target == "approved":
            quotes.approve_discount(
                str(quote.id), "manager", "dealerdesk", "老客户转介绍，经理同意"
            )
        if target in ("draft", "draft_over_cap"):
            continue
        if target == "lost":
            quotes.mark_sent(str(quote.id))
            quotes.mark_lost(str(quote.id), "客户选择了其他品牌")
            continue
        if target == "expired":
            quotes.mark_sent(str(quote.id))
            continue  # valid for 7 days: nine days on it reads as expired
        if target == "sent_v2":
            quotes.mark_sent(str(quote.id))
            clock[0] += dt.timedelta(days=1)
            revised = quotes.revise(str(quote.id))
            quotes.update(
                str(revised.id),
                replace(
                    revised.input,
                    extra_discount=min(Decimal(3000), revised.input.extra_discount + 500),
                ),
            )
            quotes.mark_sent(str(revised.id))
            continue
        if target in ("sent", "approved"):
            quotes.mark_sent(str(quote.id))
            continue
        plan_index = 0 if index % 2 == 0 else None
        contract = contracts.accept_quote(str(quote.id), plan_index)
        if target == "accepted":
            continue
        if target == "contract_draft":
            continue
        contracts.sign(str(contract.id))
        if target == "void":
            contracts.void(str(contract.id), "客户家庭原因退订，定金按约定处理")
        if target == "signed_amended":
            amended = contracts.amend(str(contract.id))
            terms = replace(
                amended.terms,
                delivery_date=amended.terms.delivery_date + dt.timedelta(days=7),
                remarks="应客户要求交车日期顺延 7 天",
            )
            contracts.save_terms(str(amended.id), terms)
    return made


def _kind(name: str):  # type: ignore[no-untyped-def]
    from ..domain.price_list import ItemKind

    return ItemKind(name)


def _extra(item) -> Extra:  # type: ignore[no-untyped-def]
    return Extra(item.code, item.name_zh, item.name_en, item.price)


def _stock(db: Database, models: list, rng: random.Random, actor: str) -> None:  # type: ignore[type-arg]
    """Two cars in stock for every other trim (no owner yet)."""
    wmi = {"大众": "LSV", "丰田": "LVG", "别克": "LSG", "比亚迪": "LGX", "理想": "LW4"}
    with db.write():
        for n, choice in enumerate(models):
            if n % 2:
                continue
            for k in range(2):
                prefix = wmi.get(choice.model.brand, "LFV")
                body = (
                    f"{prefix}{rng.choice('ABCDEFGH')}{rng.choice('ABCDEFGH')}3{n:02d}0TS{k}{n:05d}"
                )
                vin = with_check_digit(body)
                VehicleRow.insert(
                    customer_id=None,
                    vin=vin,
                    model_id=choice.model.id,
                    colour=STOCK_COLOURS[(n + k) % len(STOCK_COLOURS)],
                    engine_no=f"E{n:03d}{k}{rng.randint(100000, 999999)}",
                    **new_row(actor),
                ).execute()
