"""Demo deliveries around today, one or more in every state: planned, PDI in progress, PDI
failed, ready, delivered (with follow-ups and an export file's worth of data)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from ..domain.deliveries import Handover, ItemResult, topics_for
from ..storage.db import Database
from .auth import AuthService
from .deliveries import DeliveryService


def create_deliveries(db: Database, today: dt.date, seed: int, photo_dir: Path) -> int:
    rng = random.Random(seed * 31 + 5)
    auth = AuthService(db)
    try:
        session = auth.session_for("delivery1")
        sales = [auth.session_for(u).staff.id for u in ("sales1", "sales2", "sales3", "sales4")]
    except Exception:  # a database without the demo staff: nothing to add
        return 0
    clock = [dt.datetime.combine(today, dt.time(9))]
    service = DeliveryService(db, session, photo_dir, now=lambda: clock[0])
    service.ensure_templates()
    cars = db.raw.execute(
        "SELECT v.customer_id, v.id FROM vehicle v WHERE v.plate != '' "
        "ORDER BY v.sale_date DESC, v.rowid LIMIT 40"
    ).fetchall()
    plan = [  # (day offset, hour, target state)
        (-2, 10, "delivered"),
        (-1, 10, "delivered"),
        (-1, 15, "delivered"),
        (0, 9, "delivered"),
        (0, 11, "ready"),
        (0, 14, "pdi_failed"),
        (0, 16, "pdi"),
        (1, 10, "pdi"),
        (1, 14, "planned"),
        (2, 10, "planned"),
        (3, 11, "planned"),
    ]
    made = 0
    for (offset, hour, state), (customer_id, vehicle_id) in zip(plan, cars, strict=False):
        day = today + dt.timedelta(days=offset)
        at = dt.datetime.combine(day, dt.time(hour))
        clock[0] = min(at, dt.datetime.combine(today, dt.time(8))) - dt.timedelta(days=2)
        d = service.plan(
            customer_id,
            vehicle_id,
            at,
            rng.choice(sales),
            session.staff.id,
            rng.choice(["", "客户要求上午交车", "赠送脚垫与行车记录仪"]),
        )
        did = d.id or ""
        made += 1
        if state == "planned":
            continue
        clock[0] = at - dt.timedelta(days=1, hours=2)
        service.record_call(did, "已电话确认交车时间，提醒携带身份证与购车合同")
        clock[0] = at - dt.timedelta(hours=3)
        sections = list(dict.fromkeys(i.section for i in d.items))
        upto = len(sections) if state != "pdi" else len(sections) // 2
        for section in sections[:upto]:
            service.all_pass(did, section, set())
        if state == "pdi_failed":
            service.set_item(did, d.items[1].code, ItemResult.FAIL, "右前门下沿有约 3 cm 划痕")
            continue
        if state == "pdi":
            continue
        service.sign_pdi(did)
        clock[0] = at
        service.set_invoice(did, d.vin, d.engine_no)
        for doc in d.documents:
            if doc.code == "registration_cert":
                service.set_document(did, doc.code, Handover.HELD_BY_LENDER, "按揭车辆")
            elif doc.code == "keys":
                service.set_document(did, doc.code, Handover.HANDED_OVER, "", 2)
            else:
                service.set_document(did, doc.code, Handover.HANDED_OVER)
        if state == "ready":
            continue
        service.start_explanation(did)
        clock[0] = at + dt.timedelta(minutes=rng.randrange(32, 48))
        service.stop_explanation(did)
        service.set_topics(did, [t[0] for t in topics_for(d.nev)])
        service.deliver(did)
    return made
