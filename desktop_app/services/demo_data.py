"""Deterministic, realistic demo data: a Shanghai 4S store, its staff, catalogue and customers.

The same seed and the same ``today`` give the same data (ids included). Used by ``make run`` on
first start, by the screenshots, and by the benchmarks at 200,000 customers.

Demo accounts (all with the password ``dealerdesk``): admin, manager, advisor1-3, tech1-6,
sales1-4, delivery1-2, care1-2.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..domain.customers import FuelType, Locality, Tier
from ..domain.identifiers import id_check_char
from ..domain.roles import Role
from ..domain.vin import TRANSLITERATION, check_digit
from ..storage.db import Database
from ..storage.ids import uuid7_at
from ..storage.repositories import SiteRepository
from .auth import hash_password

DEMO_PASSWORD = "dealerdesk"

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
    "许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红春梅海燕雪松文博宇浩然子涵"
    "欣怡晨阳佳琪思远雨萱俊杰梓轩一鸣晓东立新永刚丹丹婷婷亮辉鹏飞凯琳慧颖"
)
DISTRICTS = [
    "浦东新区",
    "闵行区",
    "徐汇区",
    "长宁区",
    "静安区",
    "普陀区",
    "杨浦区",
    "宝山区",
    "嘉定区",
    "松江区",
    "青浦区",
    "奉贤区",
]
ROADS = [
    "世纪大道",
    "张杨路",
    "虹梅路",
    "漕溪北路",
    "延安西路",
    "南京西路",
    "中山北路",
    "四平路",
    "共和新路",
    "沪太路",
    "嘉松北路",
    "人民北路",
    "淮海中路",
    "长寿路",
]
OTHER_CITIES = [
    ("苏州市", "苏E", "320505"),
    ("杭州市", "浙A", "330106"),
    ("南京市", "苏A", "320102"),
    ("无锡市", "苏B", "320211"),
    ("宁波市", "浙B", "330203"),
    ("合肥市", "皖A", "340104"),
]
SH_AREA_CODES = ["310115", "310112", "310104", "310105", "310106", "310107", "310110"]
COLOURS = ["珍珠白", "曜石黑", "星空灰", "冰川银", "宝石蓝", "烈焰红", "香槟金", "松石绿"]
PREFIXES = [
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "158",
    "159",
    "177",
    "180",
    "181",
    "186",
    "187",
    "188",
    "189",
    "199",
]
YEAR_CODES = {
    2016: "G",
    2017: "H",
    2018: "J",
    2019: "K",
    2020: "L",
    2021: "M",
    2022: "N",
    2023: "P",
    2024: "R",
    2025: "S",
    2026: "T",
    2027: "V",
}
PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"  # 34: no I, no O
PLANTS = "ABCDEFGHJKLMNPRSTUVWXYZ123456789"
SCRAMBLE = 2_654_435_761  # odd and not a multiple of 5 or 17: a bijection for our moduli
BATCH = 10_000
Row = tuple[Any, ...]
VIN_CHARS = "".join(TRANSLITERATION)

# brand, series, trim, guide price (yuan), fuel, seats, engine cc, WMI, warranty (months, km)
CATALOGUE: list[tuple[str, str, str, int, FuelType, int, int | None, str, int, int]] = [
    ("大众", "朗逸", "1.5L 自动舒适版", 119_900, FuelType.PETROL, 5, 1498, "LSV", 36, 100_000),
    ("大众", "帕萨特", "330TSI 精英版", 209_900, FuelType.PETROL, 5, 1984, "LSV", 36, 100_000),
    ("大众", "途观L", "330TSI 两驱智享版", 226_800, FuelType.PETROL, 5, 1984, "LSV", 36, 100_000),
    ("大众", "ID.4 X", "纯净智享长续航版", 199_900, FuelType.BEV, 5, None, "LSV", 36, 100_000),
    ("丰田", "卡罗拉", "1.2T 先锋版", 119_800, FuelType.PETROL, 5, 1197, "LVG", 36, 100_000),
    ("丰田", "凯美瑞", "2.0E 精英版", 179_800, FuelType.PETROL, 5, 1987, "LVG", 36, 100_000),
    ("丰田", "凯美瑞", "双擎 2.5HG 豪华版", 219_800, FuelType.HEV, 5, 2487, "LVG", 36, 100_000),
    (
        "丰田",
        "汉兰达",
        "2.0T 四驱至尊版 7座",
        319_800,
        FuelType.PETROL,
        7,
        1998,
        "LVG",
        36,
        100_000,
    ),
    ("别克", "GL8", "ES陆尊 653T 豪华型", 329_900, FuelType.PETROL, 7, 1998, "LSG", 36, 100_000),
    ("比亚迪", "秦PLUS", "DM-i 55KM 领先型", 99_800, FuelType.PHEV, 5, 1498, "LGX", 72, 150_000),
    ("比亚迪", "汉", "EV 605KM 尊贵型", 219_800, FuelType.BEV, 5, None, "LGX", 72, 150_000),
    ("比亚迪", "唐", "DM-p 四驱旗舰型", 289_800, FuelType.PHEV, 7, 1497, "LGX", 72, 150_000),
    ("理想", "L7", "Pro 增程版", 319_800, FuelType.EREV, 5, 1496, "LW4", 60, 100_000),
    ("宝马", "3系", "325Li M运动套装", 349_900, FuelType.PETROL, 5, 1998, "LBV", 36, 1_000_000),
    ("宝马", "X3", "xDrive30i 领先型", 419_900, FuelType.PETROL, 5, 1998, "LBV", 36, 1_000_000),
    ("奔驰", "C级", "C 260 L 运动版", 339_900, FuelType.PETROL, 5, 1496, "LE4", 36, 1_000_000),
    ("奔驰", "GLC", "GLC 300 L 4MATIC", 439_800, FuelType.PETROL, 5, 1999, "LE4", 36, 1_000_000),
    ("奥迪", "A6L", "45 TFSI 臻选动感型", 459_800, FuelType.PETROL, 5, 1984, "LFV", 36, 100_000),
    ("本田", "雅阁", "260TURBO 精英版", 179_800, FuelType.PETROL, 5, 1498, "LHG", 36, 100_000),
    ("日产", "轩逸", "1.6L XL CVT 悦享版", 109_900, FuelType.PETROL, 5, 1598, "LGB", 36, 100_000),
]

STAFF: list[tuple[str, str, tuple[Role, ...]]] = [
    ("admin", "系统管理员", (Role.ADMIN,)),
    ("manager", "王建国", (Role.MANAGER,)),
    ("advisor1", "李静", (Role.SERVICE_ADVISOR,)),
    ("advisor2", "陈浩然", (Role.SERVICE_ADVISOR,)),
    ("advisor3", "赵敏", (Role.SERVICE_ADVISOR,)),
    ("tech1", "刘强", (Role.TECHNICIAN,)),
    ("tech2", "孙立新", (Role.TECHNICIAN,)),
    ("tech3", "周鹏飞", (Role.TECHNICIAN,)),
    ("tech4", "吴刚", (Role.TECHNICIAN,)),
    ("tech5", "郑亮", (Role.TECHNICIAN,)),
    ("tech6", "马永刚", (Role.TECHNICIAN,)),
    ("sales1", "杨欣怡", (Role.SALES_CONSULTANT,)),
    ("sales2", "黄俊杰", (Role.SALES_CONSULTANT,)),
    ("sales3", "林晓东", (Role.SALES_CONSULTANT,)),
    ("sales4", "何雨萱", (Role.SALES_CONSULTANT,)),
    ("delivery1", "徐婷婷", (Role.DELIVERY_SPECIALIST,)),
    ("delivery2", "高凯", (Role.DELIVERY_SPECIALIST, Role.SALES_CONSULTANT)),
    ("care1", "罗丹丹", (Role.CUSTOMER_CARE,)),
    ("care2", "谢慧颖", (Role.CUSTOMER_CARE,)),
]

BAYS = [
    ("B01", "机修工位 1", "general"),
    ("B02", "机修工位 2", "general"),
    ("B03", "机修工位 3", "general"),
    ("B04", "机修工位 4", "general"),
    ("Q01", "快保工位", "quick"),
    ("S01", "钣喷工位", "body"),
    ("P01", "PDI 检测工位", "pdi"),
    ("W01", "洗车工位", "wash"),
]


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    vehicles: int
    staff: int
    created_site: bool
    appointments: int = 0


class _Ids:
    """Deterministic UUIDv7 ids: the time part from the record's date, the rest from the seed."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def at(self, when: dt.datetime) -> str:
        return uuid7_at(int(when.timestamp() * 1000), self.rng.getrandbits(80))

    def on(self, day: dt.date) -> str:
        return uuid7_at((day.toordinal() - 719163) * 86_400_000, self.rng.getrandbits(80))


def _ts(when: dt.datetime) -> str:
    """UTC timestamp text as the triggers write it (``when`` is already UTC)."""
    return (
        f"{when.year:04d}-{when.month:02d}-{when.day:02d}T{when.hour:02d}:"
        f"{when.minute:02d}:{when.second:02d}.000Z"
    )


def generate(
    db: Database,
    customers: int = 2_000,
    seed: int = 1,
    today: dt.date | None = None,
    workers: int | None = None,
) -> DemoSummary:
    """Create the demo store if the database has none, then add ``customers`` customers.

    Batches are generated in a worker process while this one writes the previous batch, so
    the two cores work together. Uniqueness (phones, VINs, plates) comes from the record's
    index, not from shared sets, and each batch has its own seeded random generator: the
    same seed gives the same data however the work is split.
    """
    today = today or dt.date.today()
    start = dt.datetime.combine(today - dt.timedelta(days=3650), dt.time(9), tzinfo=dt.UTC)
    created_site = SiteRepository(db).current() is None
    if created_site:
        _create_store(db, _Ids(random.Random(seed)), start)
    site_id = db.meta("site_id") or ""
    actor = db.raw.execute("SELECT id FROM staff WHERE username = 'advisor1'").fetchone()
    first = int(db.raw.execute("SELECT count(*) FROM customer").fetchone()[0])
    context = _Context(
        seed=seed,
        today=today,
        start=start,
        site_id=site_id,
        actor_id=actor[0] if actor else None,
        models=[
            tuple(r)
            for r in db.raw.execute(
                "SELECT id, brand, fuel_type, warranty_months, first_service_km FROM vehicle_model "
                "ORDER BY brand, series, trim"
            )
        ],
        wmi_of={c[0]: c[7] for c in CATALOGUE},
    )
    jobs = [
        (context, first + offset, min(BATCH, customers - offset))
        for offset in range(0, customers, BATCH)
    ]
    n_vehicles = 0
    with db.bulk_load():
        if workers == 0 or len(jobs) <= 1:
            batches: Iterable[tuple[list[Row], list[Row]]] = map(_batch, jobs)
            n_vehicles = _write_batches(db, batches)
        else:
            ctx = multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork")
            with ctx.Pool(workers or 1) as pool:
                n_vehicles = _write_batches(db, pool.imap(_batch, jobs))
    appointments = 0
    if created_site:
        from .demo_workshop import create_workshop

        appointments = create_workshop(db, site_id, today, seed)
        from ..paths import data_dir
        from .demo_deliveries import create_deliveries

        create_deliveries(db, today, seed, data_dir() / "photos")
        from .demo_sales import create_sales

        create_sales(db, today, seed, data_dir() / "contracts")
        from .demo_care import create_care

        create_care(db, today, seed)
        stock = db.raw.execute("SELECT count(*) FROM vehicle WHERE customer_id IS NULL")
        n_vehicles += int(stock.fetchone()[0])  # the cars in the showroom's stock
    return DemoSummary(
        customers, n_vehicles, len(STAFF) if created_site else 0, created_site, appointments
    )


def _write_batches(db: Database, batches: Iterable[tuple[list[Row], list[Row]]]) -> int:
    n_vehicles = 0
    for cust_rows, veh_rows in batches:
        with db.write():
            db.raw.executemany(
                "INSERT INTO customer (id, created_at, updated_at, updated_by, site_id, name,"
                " mobile, phone2, id_number, birthday, address, city, locality, tier, tags,"
                " notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                cust_rows,
            )
            db.raw.executemany(
                "INSERT INTO vehicle (id, created_at, updated_at, updated_by, customer_id,"
                " vin, plate, model_id, colour, engine_no, mileage_km, sale_date,"
                " warranty_end, insurance_expiry, last_visit)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                veh_rows,
            )
        n_vehicles += len(veh_rows)
    return n_vehicles


@dataclass(frozen=True)
class _Context:
    seed: int
    today: dt.date
    start: dt.datetime
    site_id: str
    actor_id: str | None
    models: list[tuple[Any, ...]]
    wmi_of: dict[str, str]


def _batch(job: tuple[_Context, int, int]) -> tuple[list[Row], list[Row]]:
    """Customers ``first`` … ``first + size - 1`` and their vehicles (runs in a worker)."""
    ctx, first, size = job
    rng = random.Random(ctx.seed * 1_000_003 + first)
    ids = _Ids(rng)
    cust_rows: list[Row] = []
    veh_rows: list[Row] = []
    for index in range(first, first + size):
        c, vs = _customer(rng, ids, ctx, index)
        cust_rows.append(c)
        veh_rows.extend(vs)
    cust_rows.sort(key=lambda r: str(r[0]))  # id order: appends to the b-tree, not splits
    veh_rows.sort(key=lambda r: str(r[0]))
    return cust_rows, veh_rows


def _create_store(db: Database, ids: _Ids, start: dt.datetime) -> None:
    when = _ts(start)
    site_id = ids.at(start)
    password_hash = hash_password(DEMO_PASSWORD)  # one hash for all demo accounts: seconds saved
    with db.write():
        db.raw.execute(
            "INSERT INTO site (id, created_at, updated_at, code, name, licence_no, address, "
            "phone, city) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                site_id,
                when,
                when,
                "SH01",
                "上海浦东德诚汽车销售服务有限公司",
                "91310115MA1K4XXXXX",
                "上海市浦东新区川沙路 1888 号",
                "021-58881234",
                "上海市",
            ),
        )
        db.raw.execute(
            "INSERT INTO local_meta (key, value) VALUES ('site_id', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (site_id,),
        )
        for username, name, roles in STAFF:
            db.raw.execute(
                "INSERT INTO staff (id, created_at, updated_at, site_id, username, full_name, "
                "roles, password_hash, phone) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    ids.at(start),
                    when,
                    when,
                    site_id,
                    username,
                    name,
                    ",".join(sorted(r.value for r in roles)),
                    password_hash,
                    "",
                ),
            )
        for brand, series, trim, price, fuel, seats, cc, _wmi, w_months, w_km in CATALOGUE:
            db.raw.execute(
                "INSERT INTO vehicle_model (id, created_at, updated_at, brand, series, trim, "
                "model_year, guide_price_fen, fuel_type, seats, engine_cc, warranty_months, "
                "warranty_km, first_service_months, first_service_km) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    ids.at(start),
                    when,
                    when,
                    brand,
                    series,
                    trim,
                    start.year + 10,
                    int(Decimal(price) * 100),
                    fuel.value,
                    seats,
                    cc,
                    w_months,
                    w_km,
                    3,
                    5_000 if fuel in (FuelType.PETROL, FuelType.DIESEL, FuelType.HEV) else 10_000,
                ),
            )
        for code, name, kind in BAYS:
            db.raw.execute(
                "INSERT INTO service_bay (id, created_at, updated_at, site_id, code, name, kind)"
                " VALUES (?,?,?,?,?,?,?)",
                (ids.at(start), when, when, site_id, code, name, kind),
            )


def _scramble(n: int, modulus: int) -> int:
    """A bijection on range(modulus): distinct indexes give distinct values, well spread."""
    return (n * SCRAMBLE) % modulus


def _base(n: int, alphabet: str, width: int) -> str:
    out = []
    for _ in range(width):
        n, r = divmod(n, len(alphabet))
        out.append(alphabet[r])
    return "".join(reversed(out))


def _customer(rng: random.Random, ids: _Ids, ctx: _Context, index: int) -> tuple[Row, list[Row]]:
    created = ctx.start + dt.timedelta(minutes=rng.randrange(0, 3650 * 24 * 60))
    created_text = _ts(created)
    name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))
    # 8 digits unique per index; the operator prefix varies freely on top
    mobile = rng.choice(PREFIXES) + f"{_scramble(index, 10**8):08d}"
    local = rng.random() < 0.85
    if local:
        city, plate_prefix = "上海市", "沪" + rng.choice("ABCDEFGHJKLMN")
        area = rng.choice(SH_AREA_CODES)
        address = f"上海市{rng.choice(DISTRICTS)}{rng.choice(ROADS)}{rng.randrange(1, 2000)}号"
    else:
        city, plate_prefix, area = rng.choice(OTHER_CITIES)
        address = f"{city}{rng.choice(ROADS)}{rng.randrange(1, 2000)}号"
    birthday = dt.date(rng.randrange(1958, 2004), rng.randrange(1, 13), rng.randrange(1, 29))
    id_number = ""
    if rng.random() < 0.7:
        first17 = f"{area}{birthday:%Y%m%d}{rng.randrange(1000):03d}"
        id_number = first17 + id_check_char(first17)
    roll = rng.random()
    tier = (
        Tier.POTENTIAL
        if roll < 0.12
        else Tier.INTENTION
        if roll < 0.2
        else Tier.OWNER
        if roll < 0.7
        else Tier.LOYAL
    )
    tags = rng.choice(["", "", "", "老客户推荐", "车队客户", "VIP", "网约车"])
    customer_id = ids.at(created)
    customer = (
        customer_id,
        created_text,
        created_text,
        ctx.actor_id,
        ctx.site_id,
        name,
        mobile,
        "",
        id_number,
        birthday.isoformat() if rng.random() < 0.9 else None,
        address,
        city,
        (Locality.LOCAL if local else Locality.OUT_OF_TOWN).value,
        tier.value,
        tags,
        "",
    )
    vehicles: list[Row] = []
    if tier in (Tier.OWNER, Tier.LOYAL):
        for j in range(1 + (rng.random() < 0.5625)):
            vehicles.append(
                _vehicle(rng, ids, ctx, created, customer_id, index * 2 + j, plate_prefix)
            )
    return customer, vehicles


def _vehicle(
    rng: random.Random,
    ids: _Ids,
    ctx: _Context,
    created: dt.datetime,
    customer_id: str,
    index: int,
    plate_prefix: str,
) -> Row:
    model_id, brand, fuel, warranty_months, _first_km = rng.choice(ctx.models)
    sale = min(created.date() + dt.timedelta(days=rng.randrange(0, 60)), ctx.today)
    year = min(max(sale.year, 2016), 2027)
    # VIN: WMI, 5 random descriptor characters, check digit, year, plant, serial; the plant
    # and serial come from the index so no two demo vehicles share a VIN.
    plant, serial = divmod(index, 10**6)
    body = (
        ctx.wmi_of[brand]
        + "".join(rng.choices(VIN_CHARS, k=5))
        + "0"
        + YEAR_CODES[year]
        + PLANTS[plant % len(PLANTS)]
        + f"{_scramble(serial, 10**6):06d}"
    )
    vin = body[:8] + check_digit(body) + body[9:]
    if FuelType(fuel).is_nev:  # green plate: D/F, a character, 4 digits
        x = _scramble(index, 2 * 34 * 10**4)
        plate = plate_prefix + "DF"[x % 2] + PLATE_CHARS[(x // 2) % 34] + f"{x // 68:04d}"
    else:  # blue plate: 4 characters and a digit
        x = _scramble(index, 34**4 * 10)
        plate = plate_prefix + _base(x // 10, PLATE_CHARS, 4) + str(x % 10)
    age_days = max((ctx.today - sale).days, 0)
    mileage = int(age_days * rng.uniform(15, 60))
    warranty_end = _add_months(sale, warranty_months)
    insurance = _next_anniversary(sale, ctx.today)
    last_visit = (ctx.today - dt.timedelta(days=rng.randrange(5, 400))) if age_days > 60 else None
    if last_visit and last_visit < sale:
        last_visit = None
    engine = "".join(rng.choices("0123456789ABCDEFGHJKLMNPRSTUVWXYZ", k=8))
    when = f"{sale.isoformat()}T02:00:00.000Z"
    return (
        ids.on(sale),
        when,
        when,
        ctx.actor_id,
        customer_id,
        vin,
        plate,
        model_id,
        rng.choice(COLOURS),
        engine,
        mileage,
        sale.isoformat(),
        warranty_end.isoformat(),
        insurance.isoformat(),
        last_visit.isoformat() if last_visit else None,
    )


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    return dt.date(year, month % 12 + 1, min(day.day, 28))


def _next_anniversary(sale: dt.date, today: dt.date) -> dt.date:
    candidate = dt.date(today.year, sale.month, min(sale.day, 28))
    return (
        candidate if candidate >= today else dt.date(today.year + 1, sale.month, min(sale.day, 28))
    )
