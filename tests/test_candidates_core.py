"""core.candidates against a brute-force reference (no QGIS involved)."""

import numpy as np
import pandas as pd
import pytest
from pyproj import Geod

from symbiosis_qgis.core.candidates import (
    PLANAR,
    TOLERANCE_M,
    enterprise_points,
    find_candidates,
)

GEOD = Geod(ellps="WGS84")
RULES = pd.DataFrame(
    {
        "rule_id": ["A", "B", "C"],
        "supply_material": ["fly_ash", "fly_ash", "bf_slag"],
        "demand_material": ["concrete_addition", "road_base", "road_base"],
        "supply_unit": ["t/yr"] * 3,
        "demand_unit": ["t/yr"] * 3,
        "substitution_ratio": [1.0, 0.9, 1.0],
        "max_distance_km": [12.0, 7.5, 20.0],
    }
)


def random_case(n_ents, seed, lon0=86.0, lat0=54.0, span=2.0):
    rng = np.random.default_rng(seed)
    ents = pd.DataFrame(
        {
            "ent_id": [f"E{i}" for i in range(n_ents)],
            "node": rng.choice(["N1", "N2"], n_ents),
            "x": lon0 + rng.random(n_ents) * span,
            "y": lat0 + rng.random(n_ents) * span * 0.6,
        }
    )
    materials = [
        ("supply", "fly_ash"),
        ("supply", "bf_slag"),
        ("demand", "concrete_addition"),
        ("demand", "road_base"),
    ]
    rows = []
    for i in range(n_ents):
        for direction, material in materials:
            if rng.random() < 0.35:
                rows.append(
                    {
                        "flow_id": f"F{len(rows)}",
                        "ent_id": f"E{i}",
                        "direction": direction,
                        "material": material,
                        "quantity": float(rng.integers(1, 1000)),
                        "unit": "t/yr",
                    }
                )
    return ents, pd.DataFrame(rows)


def brute_force(ents, flows, rules, planar=False, allow_internal=False):
    """Every supply flow against every demand flow, exact distance, no index."""
    pos = ents.set_index("ent_id")
    found = set()
    for rule in rules.itertuples():
        s = flows[(flows.direction == "supply") & (flows.material == rule.supply_material)]
        d = flows[(flows.direction == "demand") & (flows.material == rule.demand_material)]
        si, di = np.meshgrid(np.arange(len(s)), np.arange(len(d)), indexing="ij")
        si, di = si.ravel(), di.ravel()
        a = pos.loc[s.ent_id.to_numpy()[si]]
        b = pos.loc[d.ent_id.to_numpy()[di]]
        if planar:
            dist = np.hypot(a.x.to_numpy() - b.x.to_numpy(), a.y.to_numpy() - b.y.to_numpy())
        else:
            _, _, dist = GEOD.inv(a.x.to_numpy(), a.y.to_numpy(), b.x.to_numpy(), b.y.to_numpy())
        keep = dist <= rule.max_distance_km * 1000 + TOLERANCE_M
        if not allow_internal:
            keep &= s.ent_id.to_numpy()[si] != d.ent_id.to_numpy()[di]
        for k in np.flatnonzero(keep):
            found.add((s.flow_id.iloc[si[k]], d.flow_id.iloc[di[k]], rule.rule_id))
    return found


def pair_set(candidates):
    return set(zip(candidates.supply_flow, candidates.demand_flow, candidates.rule_id))


@pytest.mark.parametrize("seed", [1, 2])
def test_same_pairs_as_brute_force_on_the_ellipsoid(seed):
    ents, flows = random_case(3000, seed)
    candidates, stats = find_candidates(ents, flows, RULES)
    expected = brute_force(ents, flows, RULES)
    assert len(expected) > 1000
    assert pair_set(candidates) == expected
    assert (candidates.dist_km <= candidates.radius_km + 1e-6).all()


def test_same_pairs_as_brute_force_in_planar_metres():
    ents, flows = random_case(2500, 7, lon0=400_000, lat0=5_900_000, span=150_000)
    candidates, _ = find_candidates(ents, flows, RULES, coords=PLANAR)
    expected = brute_force(ents, flows, RULES, planar=True)
    assert len(expected) > 1000
    assert pair_set(candidates) == expected


def test_pairs_exactly_at_the_radius_are_in_and_just_beyond_are_out():
    radius = 12_000.0  # rule A
    lon, lat = 87.1, 53.8
    rows, ents = [], [("S", lon, lat)]
    for k, (azimuth, extra) in enumerate(
        [(0, 0.0), (77, 0.0), (200, 0.0), (45, 0.01), (300, 0.5)]
    ):
        x, y, _ = GEOD.fwd(lon, lat, azimuth, radius + extra)
        ents.append((f"D{k}", x, y))
        rows.append(
            {
                "flow_id": f"d{k}",
                "ent_id": f"D{k}",
                "direction": "demand",
                "material": "concrete_addition",
                "quantity": 10.0,
                "unit": "t/yr",
            }
        )
    rows.append(
        {
            "flow_id": "s",
            "ent_id": "S",
            "direction": "supply",
            "material": "fly_ash",
            "quantity": 10.0,
            "unit": "t/yr",
        }
    )
    ents = pd.DataFrame(ents, columns=["ent_id", "x", "y"])
    candidates, _ = find_candidates(ents, pd.DataFrame(rows), RULES.iloc[:1])
    assert sorted(candidates.demand_flow) == ["d0", "d1", "d2"]
    assert np.allclose(candidates.dist_km, 12.0, atol=1e-9)


def test_potential_is_min_of_supply_times_ratio_and_demand():
    ents = pd.DataFrame(
        {"ent_id": ["S", "D1", "D2"], "x": [87.0, 87.01, 87.02], "y": [54.0, 54.0, 54.0]}
    )
    flows = pd.DataFrame(
        [
            ("s", "S", "supply", "fly_ash", 100.0, "t/yr"),
            ("d1", "D1", "demand", "road_base", 50.0, "t/yr"),
            ("d2", "D2", "demand", "road_base", 500.0, "t/yr"),
        ],
        columns=["flow_id", "ent_id", "direction", "material", "quantity", "unit"],
    )
    candidates, _ = find_candidates(ents, flows, RULES)
    got = dict(zip(candidates.demand_flow, candidates.potential))
    assert got == {"d1": 50.0, "d2": pytest.approx(90.0)}  # ratio 0.9 for rule B


def test_units_are_converted_mwh_to_gj():
    ents = pd.DataFrame({"ent_id": ["S", "D"], "x": [87.0, 87.01], "y": [54.0, 54.0]})
    flows = pd.DataFrame(
        [
            ("s", "S", "supply", "waste_heat", 100.0, "MWh/yr"),
            ("d", "D", "demand", "heat", 1000.0, "GJ/yr"),
        ],
        columns=["flow_id", "ent_id", "direction", "material", "quantity", "unit"],
    )
    candidates, _ = find_candidates(ents, flows)  # bundled rule R28: ratio 0.9, GJ -> GJ
    assert candidates.potential.tolist() == [pytest.approx(100 * 3.6 * 0.9)]


def test_internal_reuse_only_when_asked():
    ents = pd.DataFrame({"ent_id": ["A"], "x": [87.0], "y": [54.0]})
    flows = pd.DataFrame(
        [
            ("s", "A", "supply", "fly_ash", 10.0, "t/yr"),
            ("d", "A", "demand", "road_base", 10.0, "t/yr"),
        ],
        columns=["flow_id", "ent_id", "direction", "material", "quantity", "unit"],
    )
    assert find_candidates(ents, flows, RULES)[0].empty
    assert len(find_candidates(ents, flows, RULES, allow_internal=True)[0]) == 1


def test_skips_are_counted_and_empty_inputs_give_empty_output():
    ents = pd.DataFrame({"ent_id": ["A", "B"], "x": [87.0, np.nan], "y": [54.0, np.nan]})
    flows = pd.DataFrame(
        [
            ("s", "A", "supply", "fly_ash", 10.0, "t/yr"),
            ("d", "B", "demand", "road_base", 10.0, "t/yr"),
            ("x", "Z", "demand", "road_base", 10.0, "t/yr"),
            ("q", "A", "supply", "fly_ash", "lots", "t/yr"),
        ],
        columns=["flow_id", "ent_id", "direction", "material", "quantity", "unit"],
    )
    candidates, stats = find_candidates(ents, flows, RULES)
    assert candidates.empty
    assert stats.enterprises_without_geometry == 1
    assert stats.flows_of_unknown_enterprises == 2  # B has no geometry, Z does not exist
    assert stats.flows_with_bad_quantity == 1
    empty, _ = find_candidates(ents.iloc[:0], flows.iloc[:0], RULES)
    assert empty.empty and "potential" in empty.columns


def test_cancel_stops_early():
    ents, flows = random_case(500, 3)
    _, stats = find_candidates(ents, flows, RULES, is_canceled=lambda: True)
    assert stats.canceled


def test_geodataframe_in_any_crs_gives_the_same_pairs():
    import geopandas as gpd

    ents, flows = random_case(800, 5)
    gdf = gpd.GeoDataFrame(ents, geometry=gpd.points_from_xy(ents.x, ents.y), crs=4326)
    from_utm = enterprise_points(gdf.to_crs(32645))
    from_3857 = enterprise_points(gdf.to_crs(3857))
    a = pair_set(find_candidates(from_utm, flows, RULES)[0])
    b = pair_set(find_candidates(from_3857, flows, RULES)[0])
    assert a == b == brute_force(ents, flows, RULES)


MODE_MATERIALS = pd.DataFrame(
    {
        "code": ["fly_ash", "bf_slag", "concrete_addition", "road_base"],
        "category": ["ash_slag", "metallurgical_slag", "concrete", "road_construction"],
        "unit": ["t/yr"] * 4,
        "radius_km": [8.0, 12.0, 0.0, 0.0],
        "transport_modes": ["road;rail", "road;water", "road", "road"],
        "road_km": [8.0, 12.0, np.nan, np.nan],
        "rail_km": [20.0, np.nan, np.nan, np.nan],
        "water_km": [np.nan, 25.0, np.nan, np.nan],
    }
).set_index("code", drop=False)
RULES_BY_MODE = RULES.assign(max_distance_km=np.nan, rail_km=[np.nan, 15.0, np.nan])
# the reach each rule should get, written out by hand: (mode, km) in road, rail, water order
EXPECTED_REACH = {
    "A": [("road", 8.0), ("rail", 20.0)],
    "B": [("road", 8.0), ("rail", 15.0)],  # the rule shortens the material's rail reach
    "C": [("road", 12.0), ("water", 25.0)],
}


def test_mode_reach_matches_brute_force():
    ents, flows = random_case(2500, 11)
    candidates, _ = find_candidates(ents, flows, RULES_BY_MODE, MODE_MATERIALS)
    pos = ents.set_index("ent_id")
    expected = {}
    for rule in RULES.itertuples():
        s = flows[(flows.direction == "supply") & (flows.material == rule.supply_material)]
        d = flows[(flows.direction == "demand") & (flows.material == rule.demand_material)]
        si, di = np.meshgrid(np.arange(len(s)), np.arange(len(d)), indexing="ij")
        si, di = si.ravel(), di.ravel()
        a, b = pos.loc[s.ent_id.to_numpy()[si]], pos.loc[d.ent_id.to_numpy()[di]]
        _, _, dist = GEOD.inv(a.x.to_numpy(), a.y.to_numpy(), b.x.to_numpy(), b.y.to_numpy())
        other = s.ent_id.to_numpy()[si] != d.ent_id.to_numpy()[di]
        for k in np.flatnonzero(other):
            modes = [m for m, km in EXPECTED_REACH[rule.rule_id] if dist[k] <= km * 1000]
            if modes:
                key = (s.flow_id.iloc[si[k]], d.flow_id.iloc[di[k]], rule.rule_id)
                expected[key] = ";".join(modes)
    got = dict(zip(pair_set_list(candidates), candidates.reach_mode.astype(str)))
    assert len(expected) > 1000
    assert got == expected
    assert {"road;rail", "rail", "road;water", "water"} <= set(got.values())
    largest = {rule: max(km for _, km in reach) for rule, reach in EXPECTED_REACH.items()}
    assert (candidates.radius_km == candidates.rule_id.astype(str).map(largest)).all()


def pair_set_list(candidates):
    return list(zip(candidates.supply_flow, candidates.demand_flow, candidates.rule_id))


def test_rule_radius_keeps_one_reach_for_every_mode():
    ents, flows = random_case(800, 12)
    with_radius, _ = find_candidates(ents, flows, RULES, MODE_MATERIALS)
    assert pair_set(with_radius) == brute_force(ents, flows, RULES)
    assert set(with_radius.reach_mode.astype(str)) <= {"road;rail", "road;water"}
