"""core.allocation: the LP optimum against networkx min-cost flow, and its guarantees."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from symbiosis_qgis.core.allocation import Economics, optimise

RULES = pd.DataFrame(
    {
        "rule_id": ["R"],
        "supply_material": ["fly_ash"],
        "demand_material": ["road_base"],
        "supply_unit": ["t/yr"],
        "demand_unit": ["t/yr"],
        "substitution_ratio": [1.0],
        "max_distance_km": [100.0],
        "preprocessing_cost_rub": [0.0],
        "co2_avoided_kg": [5.0],
    }
)


def integer_case(seed, n_s=15, n_d=12, density=0.4):
    rng = np.random.default_rng(seed)
    flows = [
        (
            f"S{i}",
            f"ES{i}",
            "supply",
            "fly_ash",
            int(rng.integers(10, 100)),
            "t/yr",
            int(rng.integers(0, 50)),
        )
        for i in range(n_s)
    ]
    flows += [
        (
            f"D{j}",
            f"ED{j}",
            "demand",
            "road_base",
            int(rng.integers(10, 100)),
            "t/yr",
            int(rng.integers(0, 80)),
        )
        for j in range(n_d)
    ]
    flows = pd.DataFrame(
        flows, columns=["flow_id", "ent_id", "direction", "material", "quantity", "unit", "price"]
    )
    links = [
        (i, j, int(rng.integers(1, 120)))
        for i in range(n_s)
        for j in range(n_d)
        if rng.random() < density
    ]
    links = pd.DataFrame(
        {
            "supply_flow": [f"S{i}" for i, _, _ in links],
            "demand_flow": [f"D{j}" for _, j, _ in links],
            "rule_id": "R",
            "cost_t": [c for _, _, c in links],
            "supply_unit": "t/yr",
            "reachable": True,
        }
    )
    return links, flows


def min_cost_flow_optimum(links, flows):
    """Max net benefit as a min-cost flow: source -> supplies -> demands -> sink, and a
    free bypass so that moving nothing is always possible."""
    qty = dict(zip(flows.flow_id, flows.quantity))
    price = dict(zip(flows.flow_id, flows.price))
    g = nx.DiGraph()
    total = int(flows[flows.direction == "supply"].quantity.sum())
    g.add_node("src", demand=-total)
    g.add_node("sink", demand=total)
    g.add_edge("src", "sink", capacity=total, weight=0)
    for f in flows.itertuples():
        if f.direction == "supply":
            g.add_edge("src", f.flow_id, capacity=int(f.quantity), weight=0)
        else:
            g.add_edge(f.flow_id, "sink", capacity=int(f.quantity), weight=0)
    for link in links.itertuples():
        benefit = price[link.supply_flow] + price[link.demand_flow] - link.cost_t
        g.add_edge(
            link.supply_flow, link.demand_flow, capacity=qty[link.supply_flow], weight=-benefit
        )
    flow = nx.min_cost_flow(g)
    return -nx.cost_of_flow(g, flow)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_lp_optimum_equals_min_cost_flow(seed):
    links, flows = integer_case(seed)
    result = optimise(links, flows, RULES)
    assert result.status == "optimal"
    assert result.totals["NET_BENEFIT"] == pytest.approx(
        min_cost_flow_optimum(links, flows), abs=1e-6
    )


def test_capacities_hold_and_losing_links_are_never_chosen():
    links, flows = integer_case(5, density=0.7)
    result = optimise(links, flows, RULES)
    ex = result.exchanges
    qty = dict(zip(flows.flow_id, flows.quantity))
    for flow_id, moved in ex.groupby("supply_flow").tonnage.sum().items():
        assert moved <= qty[flow_id] + 1e-6
    for flow_id, got in ex.groupby("demand_flow").delivered.sum().items():
        assert got <= qty[flow_id] + 1e-6
    assert (ex.benefit > 0).all()
    price = dict(zip(flows.flow_id, flows.price))
    losing = {
        (link.supply_flow, link.demand_flow)
        for link in links.itertuples()
        if price[link.supply_flow] + price[link.demand_flow] - link.cost_t < 0
    }
    assert losing and not losing & set(zip(ex.supply_flow, ex.demand_flow))
    assert ex.co2_avoided.sum() == pytest.approx(0.005 * ex.tonnage.sum())


def test_unreachable_links_are_ignored():
    links, flows = integer_case(6)
    links["reachable"] = False
    assert optimise(links, flows, RULES).totals["EXCHANGES"] == 0


def test_green_procurement_quota_raises_secondary_use_where_supply_allows():
    flows = pd.DataFrame(
        [
            ("S1", "A", "supply", "fly_ash", 100, "t/yr", 0),
            ("D1", "B", "demand", "road_base", 80, "t/yr", 10),  # too cheap to pay transport
            ("D2", "C", "demand", "road_base", 500, "t/yr", 10),
        ],  # quota cannot be met in full
        columns=["flow_id", "ent_id", "direction", "material", "quantity", "unit", "price"],
    )
    links = pd.DataFrame(
        {
            "supply_flow": ["S1", "S1"],
            "demand_flow": ["D1", "D2"],
            "rule_id": "R",
            "cost_t": [50.0, 50.0],
            "reachable": True,
        }
    )
    assert optimise(links, flows, RULES).totals["EXCHANGES"] == 0
    quota = optimise(links, flows, RULES, economics=Economics(quotas={"road_base": 0.5}))
    got = dict(zip(quota.exchanges.demand_flow, quota.exchanges.delivered))
    assert got["D1"] == pytest.approx(40.0)  # 50% of 80: met
    assert got["D2"] == pytest.approx(60.0)  # the rest of the supply: all there is
    assert quota.totals["NET_BENEFIT"] < 0  # the quota costs money, as it should


def test_policy_knobs_move_the_optimum():
    links, flows = integer_case(7)
    base = optimise(links, flows, RULES).totals
    fee = optimise(links, flows, RULES, economics=Economics(disposal_fee_delta=100)).totals
    assert fee["TONNES"] >= base["TONNES"] and fee["NET_BENEFIT"] > base["NET_BENEFIT"]


def test_bad_quantity_names_the_flow():
    links, flows = integer_case(8)
    broken = links.supply_flow.iloc[0]  # a supply that has a link, whatever the draw
    flows.loc[flows.flow_id == broken, "quantity"] = None
    with pytest.raises(ValueError, match=broken):
        optimise(links[links.supply_flow == broken], flows, RULES)


def test_optimise_gives_the_same_result_through_a_child_process(monkeypatch):
    """The LP solved in a forked child (so that a cancel can stop it) equals the solve in
    this process."""
    import symbiosis_qgis.core.allocation as allocation
    from symbiosis_qgis.core.interruptible import can_interrupt

    if not can_interrupt():
        pytest.skip("no fork on this platform")
    links, flows = integer_case(3)
    inline = optimise(links, flows, RULES)
    monkeypatch.setattr(allocation, "INTERRUPTIBLE_FROM", 0)
    forked = optimise(links, flows, RULES, is_canceled=lambda: False)
    assert forked.totals == pytest.approx(inline.totals)
    assert forked.exchanges["tonnage"].tolist() == pytest.approx(
        inline.exchanges["tonnage"].tolist()
    )
