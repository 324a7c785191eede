"""core.barriers: break-even values re-checked by re-optimising, and every category's checks."""

import dataclasses

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from symbiosis_qgis.core.allocation import Economics, optimise
from symbiosis_qgis.core.barriers import (
    FAILS,
    NOT_CHECKED,
    PASSES,
    DiagnosisParameters,
    diagnose,
    instrument_summary,
    render,
)
from symbiosis_qgis.core.candidates import enterprise_points, find_candidates
from symbiosis_qgis.paths import sample_data_path

RULES = pd.DataFrame(
    {
        "rule_id": ["R"],
        "supply_material": ["fly_ash"],
        "demand_material": ["road_base"],
        "supply_unit": ["t/yr"],
        "demand_unit": ["t/yr"],
        "substitution_ratio": [0.8],
        "max_distance_km": [100.0],
        "preprocessing": ["screening"],
        "preprocessing_cost_rub": [120.0],
        "co2_avoided_kg": [5.0],
    }
)


def flow(fid, ent, direction, qty, price, material=None):
    material = material or ("fly_ash" if direction == "supply" else "road_base")
    return {
        "flow_id": fid,
        "ent_id": ent,
        "direction": direction,
        "material": material,
        "quantity": qty,
        "unit": "t/yr",
        "price": price,
    }


def random_case(seed, n_s=6, n_d=5, density=0.5, disjoint=False):
    """Random supplies, demands and links with route costs and rail parts."""
    rng = np.random.default_rng(seed)
    if disjoint:  # every link its own supply and demand: a link's fate is its own
        n = n_s
        flows = [
            flow(f"S{i}", f"ES{i}", "supply", rng.integers(10, 100), rng.integers(0, 400))
            for i in range(n)
        ]
        flows += [
            flow(f"D{i}", f"ED{i}", "demand", rng.integers(10, 100), rng.integers(100, 900))
            for i in range(n)
        ]
        pairs = [(i, i) for i in range(n)]
    else:
        flows = [
            flow(f"S{i}", f"ES{i}", "supply", rng.integers(10, 100), rng.integers(0, 400))
            for i in range(n_s)
        ]
        flows += [
            flow(f"D{j}", f"ED{j}", "demand", rng.integers(10, 100), rng.integers(100, 900))
            for j in range(n_d)
        ]
        pairs = [(i, j) for i in range(n_s) for j in range(n_d) if rng.random() < density]
    links = pd.DataFrame(
        {
            "cand_id": range(len(pairs)),
            "supply_flow": [f"S{i}" for i, _ in pairs],
            "demand_flow": [f"D{j}" for _, j in pairs],
            "supply_ent": [f"ES{i}" for i, _ in pairs],
            "demand_ent": [f"ED{j}" for _, j in pairs],
            "rule_id": "R",
            "supply_mat": "fly_ash",
            "demand_mat": "road_base",
            "cost_t": rng.uniform(50, 700, len(pairs)).round(2),
            "rail_km": rng.choice([0.0, 40.0, 120.0], len(pairs)),
            "net_km": rng.uniform(5, 150, len(pairs)),
            "reachable": True,
        }
    )
    return links, pd.DataFrame(flows)


def chosen_link(links, flows, k, economics=None):
    ex = optimise(links, flows, RULES, economics=economics).exchanges
    return bool((ex["cand_id"] == links.at[k, "cand_id"]).any())


def with_benefit_shift(links, k, shift):
    """Links where link k's benefit moves by ``shift`` RUB per unit (its route cost drops)."""
    moved = links.copy()
    moved.at[k, "cost_t"] = moved.at[k, "cost_t"] - shift
    return moved


@pytest.mark.parametrize("seed", range(6))
def test_opportunity_is_the_exact_threshold_of_the_optimiser(seed):
    links, flows = random_case(seed)
    d = diagnose(links, flows, RULES).links
    checked = 0
    for k in np.flatnonzero(~d["chosen"].to_numpy()):
        gap = d.at[k, "shortfall_t"]
        if not np.isfinite(gap):
            continue
        assert chosen_link(with_benefit_shift(links, k, gap + 1.0), flows, k)
        if gap > 1.0:
            assert not chosen_link(with_benefit_shift(links, k, gap - 1.0), flows, k)
        checked += 1
    assert checked > 0


def _at(links, flows, lever, value, k):
    """Apply a lever literally (flow prices, Economics knobs) and re-optimise."""
    flows = flows.copy()
    economics = Economics()
    if lever == "be_price":
        flows.loc[flows["flow_id"] == links.at[k, "demand_flow"], "price"] = value
    elif lever == "be_fee":
        economics = Economics(disposal_fee_delta=value)
    elif lever == "be_cofin":
        economics = Economics(processing_subsidy=value)
    elif lever == "be_rail":
        economics = Economics(rail_discount=value)
    return chosen_link(links, flows, k, economics)


def _one_rouble(lever, links, k):
    """The lever step that moves link k's benefit by 1 RUB per unit."""
    if lever == "be_price":
        return 1.0 / RULES.at[0, "substitution_ratio"]
    if lever == "be_fee":
        return 1.0
    if lever == "be_cofin":
        return 1.0 / RULES.at[0, "preprocessing_cost_rub"]
    return 1.0 / (links.at[k, "rail_km"] * Economics().rail_cost_per_tkm)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("lever", ["be_price", "be_fee", "be_cofin", "be_rail"])
def test_break_even_levers_applied_literally(seed, lever):
    links, flows = random_case(seed, n_s=8, disjoint=True)
    d = diagnose(links, flows, RULES).links
    checked = 0
    for k in np.flatnonzero(~d["chosen"].to_numpy()):
        value = d.at[k, lever]
        if not np.isfinite(value):
            continue
        step = _one_rouble(lever, links, k)
        assert _at(links, flows, lever, value + step, k), (lever, k, value)
        assert not _at(links, flows, lever, value - step, k), (lever, k, value)
        checked += 1
    if lever != "be_rail":  # every seed has unchosen links; not all of them use rail
        assert checked > 0


@pytest.fixture(scope="module")
def sample():
    gpkg = sample_data_path("kuzbass.gpkg")
    ents = gpd.read_file(gpkg, layer="enterprises")
    flows = pd.DataFrame(gpd.read_file(gpkg, layer="flows").drop(columns="geometry"))
    cands, _ = find_candidates(enterprise_points(ents), flows)
    cands = cands.copy()
    cands["cost_t"] = cands["dist_km"] * Economics().default_cost_per_unit_km
    return cands.reset_index(drop=True), flows


def test_sample_break_even_by_re_optimising(sample):
    links, flows = sample
    d = diagnose(links, flows).links
    # links with a route cost, which the shift below moves (gas and heat have none: they
    # are priced per pipe km inside the allocation)
    routed = np.isfinite(pd.to_numeric(links["cost_t"], errors="coerce").to_numpy())
    unchosen = np.flatnonzero(~d["chosen"].to_numpy() & np.isfinite(d["shortfall_t"]) & routed)
    assert len(unchosen) > 20
    rng = np.random.default_rng(0)
    for k in rng.choice(unchosen, 12, replace=False):
        gap = d.at[k, "shortfall_t"]

        def chosen(shift, k=k):
            ex = optimise(with_benefit_shift(links, k, shift), flows).exchanges
            return bool((ex["cand_id"] == links.at[k, "cand_id"]).any())

        assert chosen(gap + 1.0), k
        if gap > 1.0:
            assert not chosen(gap - 1.0), k


def test_sample_primary_price_break_even_literally_on_a_link_alone(sample):
    links, flows = sample
    d = diagnose(links, flows).links
    losing = np.flatnonzero(d["net_benefit_t"].to_numpy() < -1)
    assert len(losing) > 0
    for k in losing[:8]:
        alone = links.iloc[[k]].reset_index(drop=True)
        solo = diagnose(alone, flows).links.iloc[0]
        assert solo["shortfall_t"] == pytest.approx(-d.at[k, "net_benefit_t"], abs=1e-6)
        factor = solo["shortfall_t"] / (
            solo["be_price"] - _price(flows, alone.at[0, "demand_flow"])
        )
        for sign, expected in ((1, True), (-1, False)):
            moved = flows.copy()
            moved.loc[moved["flow_id"] == alone.at[0, "demand_flow"], "price"] = (
                solo["be_price"] + sign / factor
            )
            assert (optimise(alone, moved).totals["EXCHANGES"] == 1) is expected


def test_sample_primary_price_break_even_literally_in_the_whole_allocation(sample):
    """Where a consumer has one candidate link, its price moves that link alone: the
    break-even price is then applied to the flow itself and the whole sample re-optimised."""
    links, flows = sample
    d = diagnose(links, flows).links
    only = d["demand_flow"].map(d["demand_flow"].value_counts()).eq(1)
    picked = np.flatnonzero(
        only & ~d["chosen"] & np.isfinite(d["be_price"]) & (d["shortfall_t"] > 1)
    )
    assert len(picked) > 0
    for k in picked[:6]:
        step = d.at[k, "shortfall_t"] / (
            d.at[k, "be_price"] - _price(flows, links.at[k, "demand_flow"])
        )
        for sign, expected in ((1, True), (-1, False)):
            moved = flows.copy()
            moved.loc[moved["flow_id"] == links.at[k, "demand_flow"], "price"] = (
                d.at[k, "be_price"] + sign / step
            )
            ex = optimise(links, moved).exchanges
            assert bool((ex["cand_id"] == links.at[k, "cand_id"]).any()) is expected, k


def _price(flows, flow_id):
    return float(flows.loc[flows["flow_id"] == flow_id, "price"].iloc[0])


def test_sample_summary_accounts_for_every_link(sample):
    links, flows = sample
    result = diagnose(links, flows)
    d, summary = result.links, result.summary
    assert summary["links_binding"].sum() == (d["barrier"] != "").sum()
    assert (summary["links_affected"] >= summary["links_binding"]).all()
    by_instrument = instrument_summary(d)
    assert by_instrument["links"].sum() == (d["barrier"] != "").sum()
    chosen = optimise(links, flows).totals["EXCHANGES"]
    assert int(d["chosen"].sum()) == chosen
    assert result.objective == pytest.approx(
        optimise(links, flows).totals["NET_BENEFIT"], rel=1e-7
    )


# --- the other categories ----------------------------------------------------------------

QUALITY_RULES = RULES.assign(
    req_ash_class="I;II", req_max_loi_pct="5", req_max_particle_mm="", req_max_moisture_pct=40
)


def one_link(supply_extra=None, demand_extra=None, **link):
    flows = pd.DataFrame(
        [
            {**flow("S", "ES", "supply", 100, 300), **(supply_extra or {})},
            {**flow("D", "ED", "demand", 100, 800), **(demand_extra or {})},
        ]
    )
    links = pd.DataFrame(
        [
            {
                "cand_id": 1,
                "supply_flow": "S",
                "demand_flow": "D",
                "supply_ent": "ES",
                "demand_ent": "ED",
                "rule_id": "R",
                "demand_mat": "road_base",
                "cost_t": 100.0,
                "dist_km": 20.0,
                **link,
            }
        ]
    )
    return links, flows


def test_quality_outside_the_requirement_is_flagged():
    links, flows = one_link({"q_ash_class": "III", "q_loi_pct": 8.0, "q_particle_mm": 1.0})
    row = diagnose(links, flows, QUALITY_RULES).links.iloc[0]
    assert row["tech_status"] == FAILS and row["barrier"] == "quality"
    text = render(row["technological"])
    assert "q_ash_class III" in text and "q_loi_pct 8.0" in text
    assert "q_particle_mm" in text  # its requirement is empty: not checked, never "passes"


def test_quality_without_data_is_not_checked_and_within_requirement_passes():
    links, flows = one_link()
    row = diagnose(links, flows, QUALITY_RULES).links.iloc[0]
    assert row["tech_status"] == NOT_CHECKED and "quality" not in row["barriers"]
    rules = QUALITY_RULES.assign(req_max_particle_mm=2.0)
    links, flows = one_link(
        {"q_ash_class": "ii", "q_loi_pct": 4.0, "q_particle_mm": 1.0, "q_moisture_pct": 30}
    )
    row = diagnose(links, flows, rules).links.iloc[0]
    assert row["tech_status"] == PASSES
    # the bundled catalogue, without requirement columns, never says "passes"
    row = diagnose(links, flows, RULES).links.iloc[0]
    assert row["tech_status"] == NOT_CHECKED


def test_hazard_class_and_waste_status():
    links, flows = one_link({"fkko": "6 11 100 01 40 4"})
    row = diagnose(links, flows, RULES).links.iloc[0]
    assert row["hazard_class"] == 4 and "licence" in row["barriers"].split(";")
    assert "waste_status" in row["barriers"]  # fly ash is waste in the catalogue
    links, flows = one_link({"fkko": "6 11 400 01 20 5", "legal_status": "by_product"})
    row = diagnose(links, flows, RULES).links.iloc[0]
    assert row["hazard_class"] == 5
    assert not {"licence", "waste_status"} & set(row["barriers"].split(";"))
    links, flows = one_link({"fkko": "6 11 100 01 40"})  # malformed: a warning, no crash
    row = diagnose(links, flows, RULES).links.iloc[0]
    assert np.isnan(row["hazard_class"]) and "11" in render(row["institutional"])


def test_pipeline_capex_unreachable_and_rail_access():
    params = DiagnosisParameters(pipeline_rub_per_km=10e6, pipe_detour=1.5)
    links, flows = one_link(mode="pipeline", dist_km=4.0)
    row = diagnose(links, flows, RULES, params=params).links.iloc[0]
    assert row["pipe_km"] == pytest.approx(6.0) and row["pipe_capex"] == pytest.approx(60e6)
    links, flows = one_link(reachable=False, reason="no road within the snap tolerance")
    row = diagnose(links, flows, RULES).links.iloc[0]
    assert row["barrier"] == "unreachable" and row["binding"] == "infrastructure"
    links, flows = one_link(net_km=180.0, rail_km=0.0)
    far = diagnose(links, flows, RULES, terminal_km=pd.Series([12.0])).links.iloc[0]
    near = diagnose(links, flows, RULES, terminal_km=pd.Series([2.0])).links.iloc[0]
    unknown = diagnose(links, flows, RULES).links.iloc[0]
    assert "no_rail" in far["barriers"] and "no_rail" not in near["barriers"]
    assert "no_rail" not in unknown["barriers"]


def test_supply_guarantee():
    links, flows = one_link({"qty_basis": "estimated"}, {"qty_basis": "reported"})
    row = diagnose(links, flows, RULES).links.iloc[0]
    assert "estimated_quantity" in row["barriers"] and "S" in render(row["supply"])
    # 100 t x 0.8 covers 80% of a 100 t need, from the consumer's only supplier
    assert row["supplier_share"] == pytest.approx(0.8) and "single_supplier" in row["barriers"]
    loose = dataclasses.replace(DiagnosisParameters(), dependence_share=0.9)
    row = diagnose(links, flows, RULES, params=loose).links.iloc[0]
    assert "single_supplier" not in row["barriers"]


def test_given_exchanges_mark_the_chosen_links():
    links, flows = random_case(3)
    ex = optimise(links, flows, RULES).exchanges
    d = diagnose(links, flows, RULES, chosen=ex.iloc[:1]).links
    assert int(d["chosen"].sum()) == 1


@pytest.mark.parametrize("seed", range(8))
def test_pinned_prices_shortcut_matches_the_face_lp_for_every_link(seed):
    from symbiosis_qgis.core.allocation import link_economics
    from symbiosis_qgis.core.barriers import opportunity_values

    # integer data make ties and degenerate optima common
    links, flows = random_case(seed, n_s=10, n_d=8, density=0.4)
    links["cost_t"] = links["cost_t"].round(-1)
    lk, unit, capacity, _, _ = link_economics(links, flows, RULES)
    fast, best = opportunity_values(unit, lk, capacity)
    slow, best_slow = opportunity_values(unit, lk, capacity, shortcut=False)
    assert best == pytest.approx(best_slow, rel=1e-9)
    # the face LP allows its objective a tolerance of ~1e-9 relative: prices within 1e-3 RUB
    np.testing.assert_allclose(fast, slow, rtol=1e-7, atol=1e-3)


def test_report_section_shows_the_summary(sample):
    from symbiosis_qgis.core.barriers import BARRIERS, report_section

    links, flows = sample
    result = diagnose(links, flows)
    section = report_section(result.summary, instrument_summary(result.links))
    assert section.startswith("<h2>") and "<svg" in section
    for barrier in BARRIERS:
        assert barrier.shows_as.replace("'", "&#x27;") in section
    binding = int(
        result.summary.loc[result.summary["barrier"] == "loses_money", "links_binding"].iloc[0]
    )
    assert f'<td class="n">{binding}</td>' in section


@pytest.mark.parametrize(
    ("material", "waste"),
    [("waste_heat", False), ("mine_water", False), ("sewage_sludge", True), ("fgd_gypsum", False)],
)
def test_waste_law_applies_to_wastes_not_to_heat_gas_or_water(material, waste):
    links, flows = one_link({"material": material})
    row = diagnose(links, flows, RULES).links.iloc[0]
    assert ("waste_status" in row["barriers"]) is waste
    text = render(row["institutional"])
    if material in ("waste_heat", "mine_water"):
        assert text == ""  # not checked at all: no waste law, no FKKO
    else:  # a solid residue without a code: its class is not checked, and says so
        assert "not checked" in text
