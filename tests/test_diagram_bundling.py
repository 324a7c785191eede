"""core.diagram: bundling, top N, parks and human labels, against independent computations."""

import numpy as np
import pandas as pd
import pytest

from symbiosis_qgis.core.diagram import (
    PARK_GROUP,
    PARK_ROLE,
    build_diagram,
    bundle_origins,
    human_quantity,
    russian_plural,
    suppliers_text,
)

MINES = [f"M{k}" for k in range(6)]


def enterprises():
    """Six mines in a ring around two consumers, with Russian and English names."""
    angles = np.linspace(0, 2 * np.pi, len(MINES), endpoint=False)
    rows = [
        (m, f"Mine {k}", f"Шахта {k}", "coal_underground", 20_000 * np.cos(a), 20_000 * np.sin(a))
        for k, (m, a) in enumerate(zip(MINES, angles))
    ]
    rows += [
        ("PP", "Power plant", "ТЭЦ", "coal_power_plant", 0.0, 0.0),
        ("BM", "Brickworks", "Кирпичный завод", "construction_materials", 5_000.0, 30_000.0),
    ]
    return pd.DataFrame(rows, columns=["ent_id", "name", "name_ru", "sector", "x", "y"])


def random_links(seed, n=40, with_benefit=True):
    rng = np.random.default_rng(seed)
    materials = [("coal_tailings", "t/yr"), ("mine_methane", "thousand m3/yr")]
    rows = []
    for _ in range(n):
        material, unit = materials[rng.integers(2)]
        rows.append(
            {
                "supply_ent": MINES[rng.integers(len(MINES))],
                "demand_ent": ["PP", "BM"][rng.integers(2)],
                "supply_mat": material,
                # a few links share a material but are measured in another unit
                "unit": unit if rng.random() > 0.15 else "GJ/yr",
                "tonnage": float(rng.integers(1, 50) * 10_000),
                "benefit": float(rng.integers(1, 1000) * 1e5),
            }
        )
    frame = pd.DataFrame(rows)
    return frame if with_benefit else frame.drop(columns="benefit")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_bundles_equal_a_groupby_by_hand(seed):
    links = random_links(seed)
    arrows = build_diagram(links, enterprises(), bundle=True).arrows
    expected = {}
    for row in links.itertuples():  # by hand: one bucket per consumer, material and unit
        bucket = expected.setdefault((row.demand_ent, row.supply_mat, row.unit), [0.0, set()])
        bucket[0] += row.tonnage
        bucket[1].add(row.supply_ent)
    got = {
        (a.demand_ent, a.material, a.qty_unit): (a.quantity, a.n_suppliers, a.supply_ent)
        for a in arrows.itertuples()
    }
    assert len(arrows) == len(got) == len(expected)
    for key, (total, suppliers) in expected.items():
        quantity, count, ids = got[key]
        assert quantity == pytest.approx(total)
        assert count == len(suppliers) and set(ids.split(",")) == suppliers


def test_mixed_units_are_never_summed():
    links = pd.DataFrame(
        {
            "supply_ent": ["M0", "M1", "M2"],
            "demand_ent": ["PP", "PP", "PP"],
            "supply_mat": ["mine_methane"] * 3,
            "unit": ["thousand m3/yr", "thousand m3/yr", "GJ/yr"],
            "tonnage": [100.0, 300.0, 5_000.0],
        }
    )
    arrows = build_diagram(links, enterprises(), bundle=True, language="en").arrows
    by_unit = arrows.set_index("qty_unit")
    assert by_unit.at["thousand m3/yr", "quantity"] == 400.0
    assert by_unit.at["thousand m3/yr", "n_suppliers"] == 2
    assert by_unit.at["GJ/yr", "quantity"] == 5_000.0
    assert by_unit.at["GJ/yr", "n_suppliers"] == 1


def test_a_single_supplier_arrow_stays_as_it_is():
    links = pd.DataFrame(
        {
            "supply_ent": ["M0", "M1"],
            "demand_ent": ["PP", "BM"],
            "supply_mat": ["coal_tailings", "coal_tailings"],
            "unit": ["t/yr", "t/yr"],
            "tonnage": [250_000.0, 40_000.0],
        }
    )
    plain = build_diagram(links, enterprises(), bundle=False)
    bundled = build_diagram(links, enterprises(), bundle=True)
    columns = ["supply_ent", "demand_ent", "quantity", "label", "supply_name", "n_suppliers"]
    pd.testing.assert_frame_equal(plain.arrows[columns], bundled.arrows[columns])
    for a, b in zip(plain.arrows["coords"], bundled.arrows["coords"]):
        np.testing.assert_allclose(a, b)


def test_two_flows_of_one_supplier_merge_without_a_count_in_the_label():
    links = pd.DataFrame(
        {
            "supply_ent": ["M0", "M0"],
            "demand_ent": ["PP", "PP"],
            "supply_mat": ["coal_tailings"] * 2,
            "unit": ["t/yr"] * 2,
            "tonnage": [250_000.0, 50_000.0],
        }
    )
    arrows = build_diagram(links, enterprises(), bundle=True, language="en").arrows
    assert len(arrows) == 1 and arrows.at[0, "n_suppliers"] == 1
    assert arrows.at[0, "label"] == "Coal tailings\n300 kt/yr"
    assert arrows.at[0, "supply_name"] == "Mine 0"


def test_bundle_label_names_the_suppliers_in_both_languages():
    links = pd.DataFrame(
        {
            "supply_ent": MINES[:5],
            "demand_ent": ["PP"] * 5,
            "supply_mat": ["coal_tailings"] * 5,
            "unit": ["t/yr"] * 5,
            "tonnage": [1_000_000.0, 900_000.0, 800_000.0, 400_000.0, 300_000.0],
        }
    )
    en = build_diagram(links, enterprises(), bundle=True, language="en").arrows.iloc[0]
    ru = build_diagram(links, enterprises(), bundle=True, language="ru").arrows.iloc[0]
    assert en["label"] == "Coal tailings\n5 mines: 3.4 Mt/yr"
    assert ru["label"].endswith("5 горных предприятий: 3,4 млн т/год")
    assert en["supply_name"] == "5 mines"
    # largest supplier first
    assert en["suppliers"] == "Mine 0; Mine 1; Mine 2; Mine 3; Mine 4"
    assert ru["suppliers"].startswith("Шахта 0; Шахта 1")
    assert en["supply_ent"] == "M0,M1,M2,M3,M4"
    assert en["width_class"] == 5


def test_bundle_starts_at_the_weighted_centre_of_its_suppliers():
    ents = enterprises()
    links = pd.DataFrame(
        {
            "supply_ent": ["M0", "M1"],
            "demand_ent": ["BM", "BM"],
            "supply_mat": ["coal_tailings"] * 2,
            "unit": ["t/yr"] * 2,
            "tonnage": [300_000.0, 100_000.0],
        }
    )
    arrow = build_diagram(links, ents, bundle=True, min_separation=1.0).arrows.iloc[0]
    where = ents.set_index("ent_id")
    centre = 0.75 * where.loc["M0", ["x", "y"]].to_numpy(float) + 0.25 * where.loc[
        "M1", ["x", "y"]
    ].to_numpy(float)
    start = arrow["coords"][0]
    # the start is trimmed by 0.6 * 0.3 * min_separation towards the control point
    assert np.hypot(*(start - centre)) < 1.0
    end = arrow["coords"][-1]
    assert np.hypot(*(end - where.loc["BM", ["x", "y"]].to_numpy(float))) < 1.0


def test_bundle_origin_is_pushed_out_when_suppliers_surround_the_consumer():
    angles = np.linspace(0, 2 * np.pi, 6, endpoint=False)
    sx, sy = 10_000 * np.cos(angles), 10_000 * np.sin(angles)
    weights = [5.0, 1, 1, 1, 1, 1]
    x, y = bundle_origins(sx, sy, weights, 0.0, 0.0)
    assert np.hypot(x, y) == pytest.approx(5_000.0)  # half the mean supplier distance
    assert x > 0 and abs(y) < 1e-6  # towards the heaviest supplier side (M0 at angle 0)
    x, y = bundle_origins(sx, sy, np.ones(6), 0.0, 0.0)  # centre exactly on the consumer
    assert np.hypot(x, y) == pytest.approx(5_000.0)


@pytest.mark.parametrize("seed", [3, 4])
@pytest.mark.parametrize("top_n", [1, 3, 5, 8])
def test_top_n_by_value_keeps_the_largest_by_brute_force(seed, top_n):
    links = random_links(seed)
    diagram = build_diagram(links, enterprises(), bundle=True, top_n=top_n)
    # by hand: the value of every bundle, the top_n largest
    values = links.groupby(["demand_ent", "supply_mat", "unit"])["benefit"].sum()
    quantities = links.groupby(["demand_ent", "supply_mat", "unit"])["tonnage"].sum()
    ranked = values.sort_values(ascending=False)
    kept = {(a.demand_ent, a.material, a.qty_unit) for a in diagram.arrows.itertuples()}
    assert len(kept) == min(top_n, len(values))
    assert min(values[k] for k in kept) >= ranked.iloc[len(kept) - 1]
    left = [k for k in values.index if k not in kept]
    assert diagram.omitted.arrows == len(left)
    assert diagram.omitted.value == pytest.approx(values[left].sum())
    assert diagram.omitted.ranked_by == ("value" if left else "")
    for unit, total in quantities[left].groupby(level=2).sum().items():
        assert diagram.omitted.quantity[unit] == pytest.approx(total)
    kept_links = links.set_index(["demand_ent", "supply_mat", "unit"]).index.isin(list(kept))
    assert diagram.omitted.links == int((~kept_links).sum())
    # nodes are exactly the ends of what is drawn
    drawn = {e for ids in diagram.arrows["supply_ent"] for e in ids.split(",")}
    drawn |= set(diagram.arrows["demand_ent"])
    assert set(diagram.nodes["ent_id"]) == drawn


@pytest.mark.parametrize("seed", [5, 8])
def test_top_n_without_value_takes_the_largest_of_each_unit_in_turn(seed):
    links = random_links(seed, with_benefit=False)
    top_n = 7
    arrows = build_diagram(links, enterprises(), top_n=top_n).arrows
    # by hand: each unit's links largest first; round r offers the r-th of every unit,
    # larger share of its unit's total first, until top_n are taken
    per_unit = {unit: sorted(g["tonnage"], reverse=True) for unit, g in links.groupby("unit")}
    totals = {unit: sum(qs) for unit, qs in per_unit.items()}
    assert len(per_unit) == 3  # t, thousand m3 and GJ all compete
    expected = []
    for r in range(max(map(len, per_unit.values()))):
        offered = [(qs[r] / totals[u], u, qs[r]) for u, qs in per_unit.items() if r < len(qs)]
        for _, unit, q in sorted(offered, reverse=True):
            expected.append((unit, q))
    expected = sorted(expected[:top_n])
    got = sorted(zip(arrows["qty_unit"], arrows["quantity"]))
    assert got == expected


def test_ties_at_n_keep_exactly_n_and_say_so():
    links = pd.DataFrame(
        {
            "supply_ent": MINES[:4],
            "demand_ent": ["PP", "BM", "PP", "BM"],
            "supply_mat": ["coal_tailings", "coal_tailings", "host_rock", "host_rock"],
            "unit": ["t/yr"] * 4,
            "tonnage": [100.0, 200.0, 300.0, 400.0],
            "benefit": [5e6, 7e6, 7e6, 9e6],
        }
    )
    diagram = build_diagram(links, enterprises(), top_n=2)
    assert len(diagram.arrows) == 2 and diagram.omitted.tie_cut
    assert list(diagram.arrows["supply_ent"]) == ["M1", "M3"]  # the earlier of the tied pair
    untied = build_diagram(links, enterprises(), top_n=3)
    assert not untied.omitted.tie_cut and len(untied.arrows) == 3
    assert build_diagram(links, enterprises(), top_n=0).omitted.arrows == 0
    assert len(build_diagram(links, enterprises(), top_n=10).arrows) == 4


def test_parks_join_as_nodes_with_their_supply_arrows():
    parks = pd.DataFrame(
        {
            "site_id": ["S1"],
            "name": ["Baidaevskaya"],
            "tonnes": [2_000_000.0],
            "gas_th_m3": [12_000.0],
            "heat_gj": [0.0],
            "tenants": ["slag_cement x2"],
            "x": [-5_000.0],
            "y": [-5_000.0],
        }
    )
    park_links = pd.DataFrame(
        {
            "ent_id": ["M0", "M1", "M2", "XX"],
            "site_id": ["S1"] * 4,
            "material": ["host_rock", "host_rock", "mine_methane", "host_rock"],
            "amount": [1_500_000.0, 500_000.0, 12_000.0, 1.0],
            "unit": ["t/yr", "t/yr", "thousand m3/yr", "t/yr"],
        }
    )
    links = random_links(6, n=10)
    diagram = build_diagram(
        links,
        enterprises(),
        language="en",
        bundle=True,
        top_n=2,
        parks=parks,
        park_links=park_links,
    )
    park = diagram.nodes.set_index("ent_id").loc["S1"]
    assert park["role"] == PARK_ROLE and park["sector_group"] == PARK_GROUP
    assert park["label"] == "Baidaevskaya\n2 Mt/yr · 12 million m3/yr"
    assert park["tenants"] == "slag_cement x2"
    to_park = diagram.arrows[diagram.arrows["kind"] == "park"].set_index("material")
    assert to_park.at["host_rock", "quantity"] == 2_000_000.0  # M0 + M1 bundled; XX unknown
    assert to_park.at["host_rock", "n_suppliers"] == 2
    assert to_park.at["host_rock", "demand_name"] == "Baidaevskaya"
    assert to_park.at["mine_methane", "category"] == "gas"
    assert diagram.unplaced_links == 1
    # top N is about exchanges: both park arrows stay beside the 2 exchange arrows
    assert (diagram.arrows["kind"] == "exchange").sum() == 2


def test_a_park_is_named_in_the_diagrams_language_with_its_tenants_in_words():
    parks = pd.DataFrame(
        {
            "site_id": ["S1", "S2"],
            "name": ["Baidaevskaya", "Brownfield"],
            "name_ru": ["Байдаевская", None],
            "tenants": ["slag_cement x2", "overburden_stone x1"],
            "tenant_names": ["Slag cement × 2", "Crushed stone × 1"],
            "tonnes": [0.0, 0.0],
            "x": [0.0, 1.0],
            "y": [0.0, 1.0],
        }
    )
    links = random_links(9, n=3)
    ru = build_diagram(links, enterprises(), language="ru", parks=parks).nodes.set_index("ent_id")
    en = build_diagram(links, enterprises(), language="en", parks=parks).nodes.set_index("ent_id")
    assert ru.at["S1", "label"] == "Байдаевская" and en.at["S1", "label"] == "Baidaevskaya"
    assert ru.at["S2", "label"] == "Brownfield"  # no Russian name: the other one, not the id
    assert en.at["S1", "tenants"] == "Slag cement × 2"


def test_enterprises_stay_unchanged_without_the_new_options():
    links = random_links(7, n=12)
    diagram = build_diagram(links, enterprises())
    assert len(diagram.arrows) == 12 and (diagram.arrows["n_suppliers"] == 1).all()
    assert (diagram.nodes["role"] == "enterprise").all()


@pytest.mark.parametrize(
    "quantity, unit, language, text",
    [
        (3_412_000, "t/yr", "en", "3.4 Mt/yr"),
        (3_412_000, "t/yr", "ru", "3,4 млн т/год"),
        (12_000_000, "t/yr", "en", "12 Mt/yr"),
        (82_400, "t/yr", "ru", "82 тыс. т/год"),
        (7_805, "t/yr", "en", "7.8 kt/yr"),
        (2_000, "t/yr", "en", "2 kt/yr"),
        (450, "t/yr", "ru", "450 т/год"),
        (1_234_567, "GJ/yr", "en", "1.2 PJ/yr"),
        (33_822, "GJ/yr", "ru", "34 тыс. ГДж/год"),
        (12_000, "thousand m3/yr", "en", "12 million m3/yr"),
        (1_100, "thousand m3/yr", "ru", "1,1 млн м³/год"),
        (1_500, "MWh/yr", "en", "1.5 GWh/yr"),
        (1_234_567, "pieces/yr", "ru", "1\u202f234\u202f567 pieces/yr"),
        (1_234_567, "pieces/yr", "en", "1,234,567 pieces/yr"),
    ],
)
def test_human_quantities(quantity, unit, language, text):
    assert human_quantity(quantity, unit, language) == text


@pytest.mark.parametrize(
    "count, form", [(1, 0), (2, 1), (4, 1), (5, 2), (11, 2), (12, 2), (21, 0), (22, 1), (111, 2)]
)
def test_russian_plurals(count, form):
    forms = ("шахта", "шахты", "шахт")
    assert russian_plural(count, forms) == forms[form]


def test_suppliers_text_falls_back_to_suppliers_for_mixed_groups():
    assert suppliers_text(12, "mine", "en") == "12 mines"
    assert suppliers_text(3, "", "ru") == "3 поставщика"
    assert suppliers_text(2, "power", "en") == "2 power plants"
