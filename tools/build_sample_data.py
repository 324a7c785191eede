#!/usr/bin/env python3
"""Build sample_layers/kuzbass.gpkg from the sourced facts in ../shared/reference.

Run by hand when the facts or the derivation change (the GeoPackage is committed, so a user
never needs ../shared):  /usr/bin/python3 tools/build_sample_data.py [REFERENCE_DIR]
(`--sites-only` rewrites only the candidate park sites layer; `--names-only` only the
enterprises' and sites' name_ru and source, keeping the stored layer styles.)

Every derived quantity states its ratio in the flow's `source`; prices are estimates.
The road and rail layers are SCHEMATIC: straight segments between real towns along the real
corridors, digitised by hand because no network data can be fetched offline.
"""

import csv
import sys
from pathlib import Path

from osgeo import ogr, osr

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "sample_layers" / "kuzbass.gpkg"
TARGET_EPSG = 32645  # WGS 84 / UTM zone 45N: metric, covers 84-90 E
YEAR = 2024
GEM = "Global Energy Monitor (CC BY 4.0)"

NODES = {  # industrial node centres (town centres, approximate)
    "Novokuznetsk": (53.757, 87.136),
    "Kemerovo": (55.355, 86.087),
    "Belovo": (54.417, 86.298),
}

# ---- hypothetical and approximately placed consumers (no real location in reference/) ----
# (ent_id, name, name_ru, sector, node, lat, lon, coord_quality, hypothetical, operator, note)
EXTRA_ENTERPRISES = [
    (
        "HN01",
        "Concrete plant (Novokuznetsk)",
        "Бетонный завод (Новокузнецк)",
        "concrete",
        "Novokuznetsk",
        53.795,
        87.185,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
    (
        "HN02",
        "Greenhouse complex (Novokuznetsk)",
        "Тепличный комбинат (Новокузнецк)",
        "agriculture_greenhouse",
        "Novokuznetsk",
        53.870,
        87.205,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
    (
        "HN03",
        "District heating network (Novokuznetsk)",
        "Тепловые сети (Новокузнецк)",
        "district_heating",
        "Novokuznetsk",
        53.760,
        87.150,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis; point stands for the network",
    ),
    (
        "HN04",
        "Road construction contractor (Novokuznetsk)",
        "Дорожно-строительное предприятие (Новокузнецк)",
        "road_construction",
        "Novokuznetsk",
        53.735,
        87.090,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
    (
        "HN05",
        "Brick plant (Novokuznetsk)",
        "Кирпичный завод (Новокузнецк)",
        "ceramics",
        "Novokuznetsk",
        53.820,
        87.110,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
    (
        "HN06",
        "Baidaevskaya mine reclamation site",
        "Рекультивация бывшей шахты «Байдаевская»",
        "land_reclamation",
        "Novokuznetsk",
        53.845,
        87.205,
        "approx",
        0,
        "",
        "real project (press 2024: reclamation with ash-slag); location approximate",
    ),
    (
        "HN07",
        "Building materials yard (Novokuznetsk)",
        "Склад стройматериалов (Новокузнецк)",
        "construction_materials",
        "Novokuznetsk",
        53.775,
        87.060,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
    (
        "HN08",
        "Gas-fired boiler house (Novokuznetsk)",
        "Газовая котельная (Новокузнецк)",
        "boiler_house",
        "Novokuznetsk",
        53.740,
        87.180,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
    (
        "HK01",
        "Concrete plant (Kemerovo)",
        "Бетонный завод (Кемерово)",
        "concrete",
        "Kemerovo",
        55.330,
        86.120,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
    (
        "HK02",
        "Greenhouse complex (Kemerovo)",
        "Тепличный комбинат (Кемерово)",
        "agriculture_greenhouse",
        "Kemerovo",
        55.385,
        86.030,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
    (
        "HK03",
        "District heating network (Kemerovo)",
        "Тепловые сети (Кемерово)",
        "district_heating",
        "Kemerovo",
        55.355,
        86.100,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis; point stands for the network",
    ),
    (
        "HK04",
        "Road construction contractor (Kemerovo)",
        "Дорожно-строительное предприятие (Кемерово)",
        "road_construction",
        "Kemerovo",
        55.320,
        86.050,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
    (
        "HK05",
        "Brick plant (Kemerovo)",
        "Кирпичный завод (Кемерово)",
        "ceramics",
        "Kemerovo",
        55.300,
        86.140,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
    (
        "HB01",
        "Concrete plant (Belovo)",
        "Бетонный завод (Белово)",
        "concrete",
        "Belovo",
        54.425,
        86.270,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
    (
        "HB02",
        "Greenhouse complex (Belovo)",
        "Тепличный комбинат (Белово)",
        "agriculture_greenhouse",
        "Belovo",
        54.440,
        86.400,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
    (
        "HB03",
        "District heating network (Belovo)",
        "Тепловые сети (Белово)",
        "district_heating",
        "Belovo",
        54.418,
        86.310,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis; point stands for the network",
    ),
    (
        "HB04",
        "Road construction contractor (Belovo)",
        "Дорожно-строительное предприятие (Белово)",
        "road_construction",
        "Belovo",
        54.400,
        86.250,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
    (
        "HB05",
        "Coal-fired boiler house (Belovo)",
        "Угольная котельная (Белово)",
        "boiler_house",
        "Belovo",
        54.410,
        86.330,
        "hypothetical",
        1,
        "",
        "consumer added for the analysis",
    ),
]

# ---- prices, RUB per unit: ESTIMATES (reference/README gives ranges without sources) ----
DISPOSAL_PRICE = {
    "fly_ash": 300,
    "ash_slag_mix": 300,
    "bottom_slag": 250,
    "bf_slag": 100,
    "steel_slag": 150,
    "overburden_rock": 20,
    "host_rock": 30,
    "coal_tailings": 100,
    "coal_slurry": 120,
    "low_grade_coal": 0,
    "mine_methane": 0,
    "coke_oven_gas": 0,
    "waste_heat": 0,
    "mine_water": 10000,
}
PURCHASE_PRICE = {
    "clinker_raw_material": 300,
    "cement_main_constituent": 4000,
    "concrete_addition": 7500,
    "concrete_aggregate": 600,
    "crushed_stone": 1600,
    "road_base": 600,
    "embankment_fill": 200,
    "brick_raw_material": 300,
    "reclamation_fill": 150,
    "boiler_coal": 2500,
    "fuel_gas": 6000,
    "heat": 500,
    "process_water": 20000,
    "chemical_feedstock_gas": 6000,
}
FKKO = {
    "fly_ash": "6 11 100 01 40 4",
    "bottom_slag": "6 11 200 01 21 4",
    "ash_slag_mix": "6 11 400 02 20 4",
}
UNIT = {
    "mine_methane": "thousand m3/yr",
    "coke_oven_gas": "thousand m3/yr",
    "mine_water": "thousand m3/yr",
    "process_water": "thousand m3/yr",
    "fuel_gas": "thousand m3/yr",
    "chemical_feedstock_gas": "thousand m3/yr",
    "waste_heat": "GJ/yr",
    "heat": "GJ/yr",
}
PRICE_NOTE = "price: estimate"

# hypothetical demands: (ent_id, material, quantity)
HYPOTHETICAL_DEMANDS = [
    ("HN01", "concrete_addition", 30_000),
    ("HN01", "concrete_aggregate", 300_000),
    ("HN02", "heat", 400_000),
    ("HN03", "heat", 5_000_000),
    ("HN04", "road_base", 400_000),
    ("HN04", "embankment_fill", 1_000_000),
    ("HN05", "brick_raw_material", 150_000),
    ("HN06", "reclamation_fill", 2_000_000),
    ("HN07", "crushed_stone", 500_000),
    ("HN08", "fuel_gas", 50_000),
    ("HK01", "concrete_addition", 40_000),
    ("HK01", "concrete_aggregate", 400_000),
    ("HK02", "heat", 500_000),
    ("HK03", "heat", 6_000_000),
    ("HK04", "road_base", 300_000),
    ("HK04", "embankment_fill", 800_000),
    ("HK05", "brick_raw_material", 120_000),
    ("HB01", "concrete_addition", 20_000),
    ("HB01", "concrete_aggregate", 200_000),
    ("HB02", "heat", 200_000),
    ("HB03", "heat", 2_000_000),
    ("HB04", "road_base", 200_000),
    ("HB04", "embankment_fill", 600_000),
    ("HB05", "boiler_coal", 150_000),
]

# ---- schematic road and rail network along the real corridors ----
TOWNS = {
    "Yurga": (55.717, 84.886),
    "Topki": (55.276, 85.615),
    "Kemerovo": (55.355, 86.087),
    "Berezovsky": (55.667, 86.250),
    "Leninsk-Kuznetsky": (54.663, 86.162),
    "Polysayevo": (54.605, 86.280),
    "Belovo": (54.417, 86.298),
    "Gurievsk": (54.287, 85.947),
    "Kiselyovsk": (54.000, 86.637),
    "Prokopyevsk": (53.884, 86.719),
    "Novokuznetsk": (53.757, 87.136),
    "Novokuznetsk-North (ZSMK)": (53.886, 87.257),
    "Osinniki": (53.619, 87.336),
    "Kaltan": (53.521, 87.277),
    "Myski": (53.709, 87.805),
    "Mezhdurechensk": (53.686, 88.058),
    "Kaz": (53.118, 87.590),
    "Sheregesh": (52.920, 87.990),
    "Tashtagol": (52.760, 87.890),
    "Erunakovo": (54.120, 87.300),
    "Krasnobrodsky": (54.160, 86.450),
    "Yurga-Kemerovo bend": (55.540, 85.400),
    "Kemerovo-Leninsk midpoint": (54.980, 86.150),
    "Leninsk-Novokuznetsk bend": (54.250, 86.620),
    "Prokopyevsk bypass": (53.950, 86.870),
    # schematic points near mine clusters, for their access roads
    "Karakan mines": (54.360, 86.800),
    "Pervomaisky mines": (54.260, 86.930),
    "Kiyzas mines": (53.570, 87.640),
    "Raspadsky mines": (53.820, 88.170),
    "Sosnovka mines": (53.600, 86.920),
    "Uvalnaya mines": (54.100, 87.550),
}
# (line_id, name, class, speed_kmh, [towns])
ROADS = [
    ("RD01", "Yurga - Kemerovo", "trunk", 90, ["Yurga", "Yurga-Kemerovo bend", "Kemerovo"]),
    ("RD02", "Topki - Kemerovo", "primary", 80, ["Topki", "Kemerovo"]),
    ("RD03", "Kemerovo - Berezovsky", "primary", 80, ["Kemerovo", "Berezovsky"]),
    (
        "RD04",
        "Kemerovo - Leninsk-Kuznetsky",
        "trunk",
        90,
        ["Kemerovo", "Kemerovo-Leninsk midpoint", "Leninsk-Kuznetsky"],
    ),
    (
        "RD05",
        "Leninsk-Kuznetsky - Polysayevo - Belovo",
        "primary",
        80,
        ["Leninsk-Kuznetsky", "Polysayevo", "Belovo"],
    ),
    (
        "RD06",
        "Leninsk-Kuznetsky - Novokuznetsk highway",
        "trunk",
        90,
        [
            "Leninsk-Kuznetsky",
            "Leninsk-Novokuznetsk bend",
            "Prokopyevsk bypass",
            "Novokuznetsk-North (ZSMK)",
            "Novokuznetsk",
        ],
    ),
    (
        "RD07",
        "Belovo - Kiselyovsk - Prokopyevsk",
        "primary",
        70,
        ["Belovo", "Krasnobrodsky", "Kiselyovsk", "Prokopyevsk"],
    ),
    ("RD08", "Prokopyevsk - Novokuznetsk", "primary", 70, ["Prokopyevsk", "Novokuznetsk"]),
    ("RD09", "Belovo - Gurievsk", "secondary", 60, ["Belovo", "Gurievsk"]),
    (
        "RD10",
        "Novokuznetsk - Osinniki - Kaltan",
        "primary",
        70,
        ["Novokuznetsk", "Osinniki", "Kaltan"],
    ),
    (
        "RD11",
        "Novokuznetsk - Myski - Mezhdurechensk",
        "primary",
        80,
        ["Novokuznetsk", "Myski", "Mezhdurechensk"],
    ),
    (
        "RD12",
        "Kaltan - Kaz - Sheregesh - Tashtagol",
        "secondary",
        60,
        ["Kaltan", "Kaz", "Sheregesh", "Tashtagol"],
    ),
    (
        "RD13",
        "Prokopyevsk bypass - Erunakovo - Uvalnaya",
        "secondary",
        60,
        ["Prokopyevsk bypass", "Erunakovo", "Uvalnaya mines"],
    ),
    (
        "RD14",
        "Belovo - Leninsk-Kuznetsky - Novokuznetsk highway link",
        "primary",
        70,
        ["Belovo", "Leninsk-Novokuznetsk bend"],
    ),
    (
        "RD15",
        "Belovo - Karakan - Pervomaisky - Erunakovo",
        "secondary",
        60,
        ["Belovo", "Karakan mines", "Pervomaisky mines", "Erunakovo"],
    ),
    ("RD16", "Osinniki - Kiyzas - Myski", "secondary", 60, ["Osinniki", "Kiyzas mines", "Myski"]),
    ("RD17", "Mezhdurechensk - Raspadsky", "secondary", 60, ["Mezhdurechensk", "Raspadsky mines"]),
    ("RD18", "Novokuznetsk - Sosnovka", "secondary", 60, ["Novokuznetsk", "Sosnovka mines"]),
]
RAILS = [
    ("RL01", "Yurga - Topki", "main", 60, ["Yurga", "Topki"]),
    ("RL02", "Topki - Kemerovo", "main", 60, ["Topki", "Kemerovo"]),
    (
        "RL03",
        "Topki - Leninsk-Kuznetsky - Belovo",
        "main",
        60,
        ["Topki", "Leninsk-Kuznetsky", "Polysayevo", "Belovo"],
    ),
    (
        "RL04",
        "Belovo - Kiselyovsk - Prokopyevsk - Novokuznetsk",
        "main",
        60,
        ["Belovo", "Krasnobrodsky", "Kiselyovsk", "Prokopyevsk", "Novokuznetsk"],
    ),
    (
        "RL05",
        "Novokuznetsk - ZSMK",
        "industrial",
        40,
        ["Novokuznetsk", "Novokuznetsk-North (ZSMK)"],
    ),
    (
        "RL06",
        "Novokuznetsk - Myski - Mezhdurechensk",
        "main",
        60,
        ["Novokuznetsk", "Myski", "Mezhdurechensk"],
    ),
    (
        "RL07",
        "Novokuznetsk - Osinniki - Kaltan - Tashtagol",
        "branch",
        50,
        ["Novokuznetsk", "Osinniki", "Kaltan", "Kaz", "Sheregesh", "Tashtagol"],
    ),
    ("RL08", "Belovo - Gurievsk", "branch", 50, ["Belovo", "Gurievsk"]),
    (
        "RL09",
        "Novokuznetsk-North - Erunakovo",
        "branch",
        50,
        ["Novokuznetsk-North (ZSMK)", "Erunakovo"],
    ),
]
TERMINALS = [
    "Yurga",
    "Topki",
    "Kemerovo",
    "Leninsk-Kuznetsky",
    "Belovo",
    "Prokopyevsk",
    "Novokuznetsk",
    "Novokuznetsk-North (ZSMK)",
    "Mezhdurechensk",
    "Kaltan",
    "Tashtagol",
    "Erunakovo",
]
# the towns' names in Russian, for a Russian map (the stations of the schematic terminals)
TERMINALS_RU = {
    "Yurga": "Юрга",
    "Topki": "Топки",
    "Kemerovo": "Кемерово",
    "Leninsk-Kuznetsky": "Ленинск-Кузнецкий",
    "Belovo": "Белово",
    "Prokopyevsk": "Прокопьевск",
    "Novokuznetsk": "Новокузнецк",
    "Novokuznetsk-North (ZSMK)": "Новокузнецк-Северный (ЗСМК)",
    "Mezhdurechensk": "Междуреченск",
    "Kaltan": "Калтан",
    "Tashtagol": "Таштагол",
    "Erunakovo": "Ерунаково",
}
NETWORK_NOTE = (
    "SCHEMATIC network: straight segments between real towns along the real road "
    "and rail corridors, digitised by hand for the sample data (no network data "
    "could be fetched offline). Not for real routing; load OSM data for that."
)


# GEM gives the Kuzbass mines' names transliterated into English ("Pervomaisky Coal Mine"):
# the Cyrillic restored by hand from the transliteration (not from GEM), with the type word
# (шахта: underground, разрез: open pit) of the sector inferred from the name.
GEM_NAMES_RU = {
    "M0767": "Алардинская", "M0772": "Бачатский", "M0773": "Барзасское товарищество",
    "M0775": "Байкаимская", "M0778": "Березовский", "M0779": "Большевик",
    "M0786": "Черемшанский", "M0787": "Черниговец", "M0800": "Камышанский",
    "M0803": "Караканская-Южная", "M0804": "Караканский-Западный", "M0805": "Кедровский",
    "M0809": "имени Кирова", "M0810": "Кийзасский", "M0812": "Краснобродский",
    "M0813": "Красногорская", "M0818": "Листвяжная", "M0821": "Моховский",
    "M0823": "Ольжерасская-Новая", "M0825": "Новоказанский-2", "M0828": "Осинниковская",
    "M0831": "Пермяковский", "M0832": "Первомайский", "M0833": "Первомайская",
    "M0834": "Поляны", "M0836": "Распадская", "M0837": "Распадская-Коксовая",
    "M0838": "Распадский", "M0840": "Рубан", "M0844": "Шестаки",
    "M0846": "Сибиргинский", "M0852": "Талдинская-Западная-1",
    "M0853": "Талдинская-Западная-2", "M0854": "Талдинский", "M0856": "имени Тихова",
    "M0859": "Коксовый Киселёвский", "M0864": "Усковская", "M0865": "Верхнетешский",
    "M0866": "Виноградовский", "M0870": "Восточный (Салек)", "M0876": "Ялевский",
    "M0877": "Ерунаковская-8", "M0878": "Есаульская", "M0880": "Заречный",
    "M1096": "Томусинский", "M1267": "Калтанский", "M1270": "Листвяничный",
    "M1271": "Междуреченский", "M1291": "Кыргайская", "M1294": "Южная",
    "M1342": "Юбилейная", "M1343": "Костромовская", "M1348": "Киселёвский",
    "M1379": "Талдинская-Южная", "M1381": "Сибэнергоуголь", "M1424": "Береговой",
    "M1518": "Полосухинская", "M1520": "Увальная", "M1560": "Антоновская",
    "M1561": "Анжерская-Южная", "M1565": "Чертинская-Коксовая", "M1568": "Грамотеинская",
    "M2341": "Луговое", "M2342": "Прокопьевский", "M2343": "№ 12 (Кемерово)",
    "M2344": "имени В. И. Ленина", "M3322": "Сибиргинская", "M4243": "Березовская",
    "M4255": "Карагайлинский", "M4258": "Корчакольский", "M4271": "Октябринский",
    "M4273": "Ольжерасский", "M4278": "Распадский Коксовый", "M4281": "Степановский",
    "M4283": "Тайбинский", "M4284": "Тайлепский", "M4285": "ТалТЭК",
    "M4286": "Трудармейский Южный", "M4292": "Заречная", "M4347": "Чернокалтанский",
}  # fmt: skip
NAME_RU_NOTE = (
    "name_ru restored by hand from GEM's transliterated English name (not from GEM); "
    "шахта/разрез from the sector inferred from the name"
)


def gem_name_ru(gem_id, sector):
    """'шахта «Первомайская»' / 'разрез «Бачатский»' for a GEM mine."""
    kind = "разрез" if sector == "coal_open_pit" else "шахта"
    return f"{kind} «{GEM_NAMES_RU[gem_id]}»"


def nearest_node(lat, lon):
    return min(NODES, key=lambda n: (NODES[n][0] - lat) ** 2 + (NODES[n][1] - lon) ** 2)


def read_csv(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def mine_sector(name):
    """Russian names: razrez (open pit) is masculine (-sky), shakhta (underground) feminine."""
    if "Underground" in name:
        return "coal_underground"
    base = name.replace(" Coal Mine", "").split()[0].rstrip("-0123456789")
    if (
        name.startswith("Razrez")
        or "Surface" in name
        or base.endswith(("sky", "skiy", "ny", "ye", "oy", "dy", "vy"))
    ):
        return "coal_open_pit"
    return "coal_underground"


class FlowTable:
    def __init__(self):
        self.rows = []

    def add(self, ent_id, direction, material, quantity, source):
        unit = UNIT.get(material, "t/yr")
        price = (DISPOSAL_PRICE if direction == "supply" else PURCHASE_PRICE)[material]
        self.rows.append(
            {
                "flow_id": f"F{len(self.rows) + 1:04d}",
                "ent_id": ent_id,
                "direction": direction,
                "material": material,
                "quantity": round(quantity),
                "unit": unit,
                "fkko": FKKO.get(material, ""),
                "price": price,
                "source": f"{source}; {PRICE_NOTE}",
                "year": YEAR,
            }
        )


def power_plant_flows(flows, ent):
    mw = float(ent["capacity"])
    # 55% load and 0.45 t of Kuznetsk steam coal per MWh (about 340 gce/kWh): derived
    coal = mw * 8760 * 0.55 * 0.45
    ash = coal * 0.15  # ash content 15% of coal burned (reference range 10-25%)
    base = f"derived: {mw:g} MW x 8760 h x 0.55 load x 0.45 t coal/MWh = {coal / 1e3:,.0f} kt coal"
    flows.add(ent["ref_id"], "demand", "boiler_coal", coal, base)
    flows.add(
        ent["ref_id"],
        "supply",
        "fly_ash",
        ash * 0.2,
        base + "; ash 15% of coal, 20% of it collectable dry",
    )
    flows.add(
        ent["ref_id"],
        "supply",
        "ash_slag_mix",
        ash * 0.8,
        base + "; ash 15% of coal, 80% hydraulically removed as ash-slag mix",
    )
    heat = mw * 8760 * 0.55 * 1.3 * 3.6 * 0.05
    flows.add(
        ent["ref_id"],
        "supply",
        "waste_heat",
        heat,
        "derived: condenser heat 1.3 MWh per MWh generated, 5% usable at 30-40 C",
    )


def steel_flows(flows, ent):
    iron = float(ent["capacity"]) * 1e3 * 0.85
    base = f"derived: {ent['capacity']} kt/yr iron capacity (GEM) x 0.85 utilisation"
    flows.add(ent["ref_id"], "supply", "bf_slag", iron * 0.3, base + "; 0.30 t slag per t iron")
    steel = iron * 0.9
    flows.add(
        ent["ref_id"],
        "supply",
        "steel_slag",
        steel * 0.12,
        base + "; steel 0.9 t per t iron; 0.12 t slag per t steel",
    )
    coke = iron * 0.4
    flows.add(
        ent["ref_id"],
        "supply",
        "coke_oven_gas",
        coke * 430 / 1000 * 0.1,
        base + "; 0.4 t coke per t iron, 430 m3 gas per t coke, 10% surplus to own use",
    )
    flows.add(
        ent["ref_id"],
        "supply",
        "waste_heat",
        3_000_000,
        "assumed: low-grade heat of cooling water available for export (order of magnitude)",
    )
    flows.add(
        ent["ref_id"],
        "demand",
        "process_water",
        20_000,
        "assumed: make-up water demand (order of magnitude)",
    )


def mine_flows(flows, mine_id, sector, capacity_mt, methane_mt):
    coal = capacity_mt * 1e6
    base = f"derived: {capacity_mt:g} Mt/yr capacity (GEM)"
    if sector == "coal_open_pit":
        flows.add(
            mine_id,
            "supply",
            "overburden_rock",
            coal * 15,
            base + "; 15 t overburden per t coal (Kuzbass: >4 bn t waste / 190 Mt coal)",
        )
    else:
        flows.add(
            mine_id, "supply", "host_rock", coal * 0.2, base + "; 0.2 t host rock per t coal"
        )
        if methane_mt > 0:
            drained = methane_mt * 1e9 / 0.717 / 1000 * 0.3
            flows.add(
                mine_id,
                "supply",
                "mine_methane",
                drained,
                f"derived: GEM estimate {methane_mt:g} Mt CH4/yr / 0.717 kg/m3, "
                "30% drained and capturable",
            )
        flows.add(
            mine_id, "supply", "mine_water", coal * 2 / 1000, base + "; 2 m3 mine water per t coal"
        )
    if capacity_mt >= 3:
        flows.add(
            mine_id,
            "supply",
            "coal_tailings",
            coal * 0.08,
            base + "; preparation rejects 8% of coal (assumed plant at the mine)",
        )


def build_enterprises(ref_dir):
    ents, flows = [], FlowTable()
    for row in read_csv(ref_dir / "kuzbass_enterprises.csv"):
        quality = row["coord_quality"].split()[0]
        source = row["source"] + (f"; {GEM}" if quality == "gem" else "")
        ents.append(
            {
                "ent_id": row["ref_id"],
                "name": row["name_en"],
                "name_ru": row["name_ru"],
                "sector": row["sector"],
                "node": row["node"],
                "operator": "",
                "lat": float(row["lat"]),
                "lon": float(row["lon"]),
                "coord_quality": row["coord_quality"],
                "hypothetical": 0,
                "capacity": row["capacity"],
                "capacity_unit": row["capacity_unit"],
                "source": source,
            }
        )
        if row["sector"] == "coal_power_plant":
            power_plant_flows(flows, row)
        elif row["sector"] == "iron_and_steel":
            steel_flows(flows, row)
        elif row["sector"] == "iron_ore_mining" and row["capacity"]:
            flows.add(
                row["ref_id"],
                "supply",
                "host_rock",
                float(row["capacity"]) * 1e3 * 0.3,
                f"derived: {row['capacity']} kt/yr ore x 0.3 t waste rock per t ore",
            )
        elif row["sector"] == "cement":
            flows.add(
                row["ref_id"],
                "demand",
                "clinker_raw_material",
                450_000,
                "derived: 1.7 Mt cement x 0.85 t clinker x 1.55 t raw meal x 20% clay",
            )
            flows.add(
                row["ref_id"],
                "demand",
                "cement_main_constituent",
                340_000,
                "derived: 1.7 Mt cement x 20% mineral constituents (GOST 31108-2020)",
            )
        elif row["sector"] == "chemicals":
            flows.add(
                row["ref_id"],
                "demand",
                "chemical_feedstock_gas",
                1_000_000,
                "assumed: about 1 Mt ammonia x 1000 m3 natural gas per t (textbook)",
            )
            flows.add(
                row["ref_id"],
                "demand",
                "process_water",
                15_000,
                "assumed: make-up water demand (order of magnitude)",
            )
    for row in read_csv(ref_dir / "kuzbass_coal_mines_gem.csv"):
        lat, lon = float(row["lat"]), float(row["lon"])
        sector = mine_sector(row["name"])
        ents.append(
            {
                "ent_id": row["gem_id"],
                "name": row["name"],
                "name_ru": gem_name_ru(row["gem_id"], sector),
                "sector": sector,
                "node": nearest_node(lat, lon),
                "operator": row["owners"],
                "lat": lat,
                "lon": lon,
                "coord_quality": "gem",
                "hypothetical": 0,
                "capacity": row["capacity_mt_per_yr"],
                "capacity_unit": "Mt coal/yr",
                "source": f"GEM Global Coal Mine Tracker ({row['wiki_url']}); {GEM}; "
                f"mine type inferred from the name (razrez/shakhta): unverified; {NAME_RU_NOTE}",
            }
        )
        methane = float(row["methane_mt_ch4_per_yr"] or 0)
        if row["capacity_mt_per_yr"]:
            mine_flows(flows, row["gem_id"], sector, float(row["capacity_mt_per_yr"]), methane)
    for (
        ent_id,
        name,
        name_ru,
        sector,
        node,
        lat,
        lon,
        quality,
        hyp,
        operator,
        note,
    ) in EXTRA_ENTERPRISES:
        ents.append(
            {
                "ent_id": ent_id,
                "name": name,
                "name_ru": name_ru,
                "sector": sector,
                "node": node,
                "operator": operator,
                "lat": lat,
                "lon": lon,
                "coord_quality": quality,
                "hypothetical": hyp,
                "capacity": "",
                "capacity_unit": "",
                "source": note,
            }
        )
    for ent_id, material, quantity in HYPOTHETICAL_DEMANDS:
        flows.add(
            ent_id,
            "demand",
            material,
            quantity,
            "assumed demand of a hypothetical consumer (order of magnitude)",
        )
    flows.add(
        "HB05",
        "supply",
        "ash_slag_mix",
        150_000 * 0.15,
        "derived: 150 kt coal burned x 15% ash (hypothetical boiler house)",
    )
    return ents, flows.rows


# ---------------------------------------------------------------- candidate park sites
SITE_AREA_NOTE = "area_ha an estimate (no published site plan)"
# (site_id, name, name_ru, land_status, node, lat, lon, coord_quality, hypothetical, area_ha,
#  source)
PARK_SITES = [
    (
        "PS03",
        "Baidaevskaya mine reclamation site",
        "Рекультивируемая площадка бывшей шахты «Байдаевская»",
        "reclaimed mine",
        "Novokuznetsk",
        53.845,
        87.205,
        "approx",
        0,
        40.0,
        "real reclamation project with ash-slag (press 2024); location approximate; "
        + SITE_AREA_NOTE,
    ),
    (
        "PS04",
        "Novokuznetsk eco-technopark (announced 2019)",
        "Экотехнопарк Новокузнецка (объявлен в 2019 г.)",
        "planned park",
        "Novokuznetsk",
        53.800,
        87.250,
        "approx",
        0,
        30.0,
        "announced April 2019, 400 mln RUB federal funds, national project Ecology "
        "(kemdetki.ru news 6242, 24 Apr 2019); no site published: POSITION APPROXIMATE, "
        "placed by hand in the Zavodskoy industrial zone; " + SITE_AREA_NOTE,
    ),
]
# hypothetical brownfields near the power plants and mine clusters: (id, name, name_ru, node,
# lat, lon, area_ha, what is near)
HYPOTHETICAL_SITES = [
    ("PS05", "Kemerovo industrial zone", "Промзона Кемерово", "Kemerovo", 55.370, 86.130,
     30.0, "Kemerovo power plants and chemical works"),
    ("PS06", "Belovo brownfield", "Промплощадка Белово", "Belovo", 54.430, 86.330, 25.0,
     "Belovo power plant and open pits"),
    ("PS07", "Leninsk-Kuznetsky brownfield", "Промплощадка Ленинск-Кузнецкого", "Belovo",
     54.640, 86.200, 20.0, "underground mines of the Leninsk field"),
    ("PS08", "Prokopyevsk-Kiselyovsk brownfield", "Промплощадка Прокопьевск-Киселёвск",
     "Novokuznetsk", 53.930, 86.700, 35.0, "open pits and mines of Prokopyevsk and Kiselyovsk"),
    ("PS09", "Kaltan brownfield", "Промплощадка Калтан", "Novokuznetsk", 53.530, 87.280, 25.0,
     "Yuzhno-Kuzbasskaya power plant and Osinniki mines"),
    ("PS10", "Myski brownfield", "Промплощадка Мыски", "Novokuznetsk", 53.720, 87.820, 25.0,
     "Tom-Usinskaya power plant"),
    ("PS11", "Mezhdurechensk brownfield", "Промплощадка Междуреченск", "Novokuznetsk",
     53.690, 88.020, 30.0, "Raspadsky and Tomusinsky mines"),
]  # fmt: skip


def build_sites(ref_dir):
    """Candidate eco-industrial park sites: mothballed GEM mines, named sites, and
    hypothetical brownfields flagged as such. fixed_cost stays empty (the algorithm's
    default site cost applies)."""
    sites = []
    for row in read_csv(ref_dir / "kuzbass_coal_mines_gem.csv"):
        if row["status"] != "mothballed":
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        sites.append(
            {
                "site_id": f"PS{len(sites) + 1:02d}",
                "name": f"{row['name']} (mothballed)",
                "name_ru": gem_name_ru(row["gem_id"], mine_sector(row["name"]))
                + " (на консервации)",
                "area_ha": 50.0,
                "land_status": "mothballed mine",
                "node": nearest_node(lat, lon),
                "lat": lat,
                "lon": lon,
                "coord_quality": "gem",
                "hypothetical": 0,
                "source": f"GEM Global Coal Mine Tracker ({row['wiki_url']}), status "
                f"mothballed; {GEM}; " + SITE_AREA_NOTE + f"; {NAME_RU_NOTE}",
            }
        )
    for sid, name, name_ru, status, node, lat, lon, quality, hyp, area, note in PARK_SITES:
        sites.append(
            {
                "site_id": sid,
                "name": name,
                "name_ru": name_ru,
                "area_ha": area,
                "land_status": status,
                "node": node,
                "lat": lat,
                "lon": lon,
                "coord_quality": quality,
                "hypothetical": hyp,
                "source": note,
            }
        )
    for sid, name, name_ru, node, lat, lon, area, near in HYPOTHETICAL_SITES:
        sites.append(
            {
                "site_id": sid,
                "name": name,
                "name_ru": name_ru,
                "area_ha": area,
                "land_status": "brownfield",
                "node": node,
                "lat": lat,
                "lon": lon,
                "coord_quality": "hypothetical",
                "hypothetical": 1,
                "source": f"HYPOTHETICAL brownfield placed by hand near {near}; " + SITE_AREA_NOTE,
            }
        )
    return sites


SITES_DESCRIPTION = (
    "Candidate eco-industrial park sites: mothballed coal mines (Global Energy Monitor, "
    "CC BY 4.0), the Baidaevskaya reclamation site and the Novokuznetsk eco-technopark "
    "(positions approximate), and hypothetical brownfields (hypothetical = 1). Areas are "
    "estimates."
)


def write_sites(ds, sites, srs, transform):
    write_layer(
        ds,
        "sites",
        sites,
        ogr.wkbPoint,
        srs,
        SITES_DESCRIPTION,
        lambda r: point(transform, r["lat"], r["lon"]),
    )


def replace_sites_layer(ref_dir):
    """Rewrite only the sites layer of the existing GeoPackage (other layers untouched)."""
    srs, transform = _transform()
    ds = ogr.Open(str(OUT), update=1)
    for k in range(ds.GetLayerCount()):
        if ds.GetLayerByIndex(k).GetName() == "sites":
            ds.DeleteLayer(k)
            break
    sites = build_sites(ref_dir)
    write_sites(ds, sites, srs, transform)
    ds = None
    print(f"{OUT}: sites layer rewritten, {len(sites)} candidate park sites")


def update_names(ref_dir):
    """Rewrite only name_ru and source of the enterprises and sites, and the terminals'
    name_ru, in the existing GeoPackage (every other column, the geometries and the stored
    layer styles untouched)."""
    ents, _ = build_enterprises(ref_dir)
    wanted = {
        "enterprises": ("ent_id", ents),
        "sites": ("site_id", build_sites(ref_dir)),
    }
    ds = ogr.Open(str(OUT), update=1)
    changed = 0
    for name, (key, rows) in wanted.items():
        by_id = {row[key]: row for row in rows}
        layer = ds.GetLayerByName(name)
        for feature in layer:
            row = by_id[feature.GetField(key)]
            if any(feature.GetField(c) != row[c] for c in ("name_ru", "source")):
                feature.SetField("name_ru", row["name_ru"])
                feature.SetField("source", row["source"])
                if layer.SetFeature(feature) != 0:
                    raise RuntimeError(f"cannot update {name} {row[key]}")
                changed += 1
    layer = ds.GetLayerByName("terminals")
    if layer.GetLayerDefn().GetFieldIndex("name_ru") < 0:
        layer.CreateField(ogr.FieldDefn("name_ru", ogr.OFTString))
    for feature in layer:
        name_ru = TERMINALS_RU[feature.GetField("name")]
        if feature.GetField("name_ru") != name_ru:
            feature.SetField("name_ru", name_ru)
            if layer.SetFeature(feature) != 0:
                raise RuntimeError(f"cannot update terminal {feature.GetField('term_id')}")
            changed += 1
    ds = None
    print(f"{OUT}: name_ru and source updated in {changed} rows")


# ---------------------------------------------------------------- writing
def _transform():
    wgs, utm = osr.SpatialReference(), osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    utm.ImportFromEPSG(TARGET_EPSG)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    utm.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return utm, osr.CoordinateTransformation(wgs, utm)


FIELD_TYPES = {int: ogr.OFTInteger64, float: ogr.OFTReal, str: ogr.OFTString}


def write_layer(ds, name, rows, geom_type, srs, description, geometry_of=None):
    layer = ds.CreateLayer(
        name,
        srs if geom_type != ogr.wkbNone else None,
        geom_type,
        options=[f"DESCRIPTION={description}", "FID=fid"],
    )
    columns = [k for k in rows[0] if k != "_geom"]
    for column in columns:
        sample = next((r[column] for r in rows if r[column] not in ("", None)), "")
        layer.CreateField(ogr.FieldDefn(column, FIELD_TYPES[type(sample)]))
    for row in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for column in columns:
            if row[column] not in ("", None):
                feature.SetField(column, row[column])
        if geometry_of is not None:
            feature.SetGeometry(geometry_of(row))
        layer.CreateFeature(feature)


def point(transform, lat, lon):
    geom = ogr.Geometry(ogr.wkbPoint)
    geom.AddPoint_2D(lon, lat)
    geom.Transform(transform)
    return geom


def line(transform, towns):
    geom = ogr.Geometry(ogr.wkbLineString)
    for town in towns:
        lat, lon = TOWNS[town]
        geom.AddPoint_2D(lon, lat)
    geom.Transform(transform)
    return geom


def network_rows(lines):
    return [
        {
            "line_id": lid,
            "name": name,
            "class": cls,
            "speed_kmh": speed,
            "source": NETWORK_NOTE,
            "_geom": towns,
        }
        for lid, name, cls, speed, towns in lines
    ]


def main():
    args = [a for a in sys.argv[1:] if a not in ("--sites-only", "--names-only")]
    ref_dir = Path(args[0]) if args else ROOT.parent / "shared" / "reference"
    if "--sites-only" in sys.argv:
        replace_sites_layer(ref_dir)
        return
    if "--names-only" in sys.argv:
        update_names(ref_dir)
        return
    ents, flows = build_enterprises(ref_dir)
    srs, transform = _transform()
    OUT.parent.mkdir(exist_ok=True)
    if OUT.exists():
        OUT.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(OUT))
    write_layer(
        ds,
        "enterprises",
        ents,
        ogr.wkbPoint,
        srs,
        "Enterprises of the Novokuznetsk, Kemerovo and Belovo industrial nodes. "
        "Locations from Global Energy Monitor (CC BY 4.0) where coord_quality=gem; "
        "approx = placed by hand; hypothetical = consumer added for the analysis.",
        lambda r: point(transform, r["lat"], r["lon"]),
    )
    write_layer(
        ds,
        "flows",
        flows,
        ogr.wkbNone,
        None,
        "Supplies (waste, by-products) and demands (raw materials, energy), derived "
        "from published capacities with the ratios given in each row's source. "
        "Prices are estimates.",
    )
    write_layer(
        ds,
        "roads",
        network_rows(ROADS),
        ogr.wkbLineString,
        srs,
        NETWORK_NOTE,
        lambda r: line(transform, r["_geom"]),
    )
    write_layer(
        ds,
        "rails",
        network_rows(RAILS),
        ogr.wkbLineString,
        srs,
        NETWORK_NOTE,
        lambda r: line(transform, r["_geom"]),
    )
    terminals = [
        {
            "term_id": f"T{i + 1:02d}",
            "name": t,
            "name_ru": TERMINALS_RU[t],
            "handling_rub_t": 150,
            "source": "SCHEMATIC road-rail transfer at the town's station; handling "
            "cost an estimate",
        }
        for i, t in enumerate(TERMINALS)
    ]
    write_layer(
        ds,
        "terminals",
        terminals,
        ogr.wkbPoint,
        srs,
        NETWORK_NOTE,
        lambda r: point(transform, *TOWNS[r["name"]]),
    )
    write_sites(ds, build_sites(ref_dir), srs, transform)
    ds = None
    print(
        f"{OUT}: {len(ents)} enterprises, {len(flows)} flows, {len(ROADS)} roads, "
        f"{len(RAILS)} rails, {len(TERMINALS)} terminals"
    )


if __name__ == "__main__":
    main()
