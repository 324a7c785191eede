"""core.parks against independent references: brute-force enumeration of every site subset
and tenant mix (the flows then an LP per combination, written per tenant x_ijk with linprog),
and a brute-force p-median."""

import itertools
import time

import numpy as np
import pandas as pd
import pytest
from pyproj import Geod
from scipy.optimize import linprog

from symbiosis_qgis.core import parks
from symbiosis_qgis.core.parks import (
    ParkError,
    ParkSettings,
    capital_recovery_factor,
    greedy_parks,
    load_tenants,
    parse_inputs,
    prepare,
    read_solution,
    site_parks,
    solve_model,
)

GEOD = Geod(ellps="WGS84")
# coal_slurry: a material no test tenant accepts, so that pruning is exercised
MATERIALS = ["fly_ash", "bf_slag", "ash_slag_mix", "overburden_rock", "coal_slurry"]


def tenant_frame(rows):
    columns = [
        "tenant_id",
        "name_en",
        "unit",
        "inputs",
        "module_capacity",
        "module_land_ha",
        "module_capex_rub",
        "opex_rub_per_unit",
        "product_yield",
        "product_price_rub",
        "max_modules",
    ]
    return pd.DataFrame(rows, columns=columns).astype(str)


def random_instance(seed, n_sites=8, n_flows=20, max_modules=(1, 1, 1)):
    rng = np.random.default_rng(seed)
    lon0, lat0 = 87.0, 54.0
    sites = pd.DataFrame(
        {
            "site_id": [f"S{j}" for j in range(n_sites)],
            "name": [f"site {j}" for j in range(n_sites)],
            "land_status": "brownfield",
            "area_ha": rng.choice([4.0, 8.0, 20.0], n_sites),
            "fixed_cost": rng.uniform(10e6, 60e6, n_sites),
            "x": lon0 + rng.uniform(0, 0.6, n_sites),
            "y": lat0 + rng.uniform(0, 0.4, n_sites),
        }
    )
    n_ents = 12
    ents = pd.DataFrame(
        {
            "ent_id": [f"E{e}" for e in range(n_ents)],
            "x": lon0 + rng.uniform(0, 0.6, n_ents),
            "y": lat0 + rng.uniform(0, 0.4, n_ents),
        }
    )
    flows = pd.DataFrame(
        {
            "flow_id": [f"F{i}" for i in range(n_flows)],
            "ent_id": rng.choice(ents["ent_id"], n_flows),
            "direction": "supply",
            "material": rng.choice(MATERIALS, n_flows),
            "quantity": rng.integers(5_000, 120_000, n_flows).astype(float),
            "unit": "t/yr",
            "price": rng.choice([0.0, 50.0, 150.0, 300.0], n_flows),
        }
    )
    tenants = tenant_frame(
        [
            ["T0", "blocks", "t/yr", "fly_ash=0.6; ash_slag_mix=1", 60_000, 3, 60e6, 150, 1.0,
             rng.uniform(200, 500), max_modules[0]],
            ["T1", "slag cement", "t/yr", "bf_slag=1; fly_ash=0.3", 100_000, 5, 150e6, 300, 1.0,
             rng.uniform(400, 900), max_modules[1]],
            ["T2", "crushed stone", "t/yr", "overburden_rock=1; bf_slag=0.5", 150_000, 6, 40e6,
             120, 0.8, rng.uniform(150, 400), max_modules[2]],
        ]
    )  # fmt: skip
    settings = ParkSettings(
        max_parks=2,
        budget=rng.uniform(10e6, 80e6),
        cofinance_share=0.3,
        max_distance_km=35.0,
        time_limit=60,
        mip_gap=1e-9,
    )
    return sites, flows, ents, tenants, settings


def brute_force(sites, flows, ents, tenants_raw, settings):
    """Best annual net benefit over every site subset and module mix; for each, an LP over
    x_ijk (flow i -> tenant k at site j) solved with linprog."""
    tenants = load_tenants(tenants_raw)
    crf = capital_recovery_factor(settings.discount_rate, settings.lifetime)
    loc = ents.set_index("ent_id")
    fx = loc.loc[flows["ent_id"], "x"].to_numpy()
    fy = loc.loc[flows["ent_id"], "y"].to_numpy()
    n_f, n_s, _n_t = len(flows), len(sites), len(tenants)
    km = np.zeros((n_f, n_s))
    for j in range(n_s):
        _, _, d = GEOD.inv(fx, fy, np.full(n_f, sites["x"][j]), np.full(n_f, sites["y"][j]))
        km[:, j] = np.asarray(d) / 1000 * settings.detour
    best = (0.0, (), ())
    mix_range = [range(int(m) + 1) for m in tenants["max_modules"]]
    for size in range(1, settings.max_parks + 1):
        for subset in itertools.combinations(range(n_s), size):
            per_site = []
            for j in subset:
                options = []
                for mix in itertools.product(*mix_range):
                    land = sum(m * tenants["module_land_ha"][k] for k, m in enumerate(mix))
                    if land <= sites["area_ha"][j] + 1e-9:
                        options.append(mix)
                per_site.append(options)
            for mixes in itertools.product(*per_site):
                value = _combination_value(subset, mixes, sites, flows, tenants, km, settings, crf)
                if value > best[0] + 1e-6:
                    best = (value, subset, mixes)
    return best


def _combination_value(subset, mixes, sites, flows, tenants, km, settings, crf):
    triples = []  # (i, j, k) variables
    for j, mix in zip(subset, mixes):
        for k in range(len(tenants)):
            if mix[k] == 0:
                continue
            for i in range(len(flows)):
                if (
                    km[i, j] <= settings.max_distance_km
                    and flows["material"][i] in (tenants["recipe"][k])
                ):
                    triples.append((i, j, k))
    capex = sum(sites["fixed_cost"][j] for j in subset) + sum(
        m * tenants["module_capex_rub"][k] for mix in mixes for k, m in enumerate(mix)
    )
    cofinance = min(settings.budget, settings.cofinance_share * capex)
    fixed = -crf * (capex - cofinance)
    if not triples:
        return fixed
    n = len(triples)
    gain = np.array(
        [
            tenants["value_per_unit"][k]
            - tenants["opex_rub_per_unit"][k]
            + flows["price"][i]
            - km[i, j] * settings.road_cost
            for i, j, k in triples
        ]
    )
    a, b = [], []
    for i in range(len(flows)):
        a.append([1.0 if t[0] == i else 0.0 for t in triples])
        b.append(flows["quantity"][i])
    for j, mix in zip(subset, mixes):
        for k in range(len(tenants)):
            if mix[k] == 0:
                continue
            members = [1.0 if (t[1], t[2]) == (j, k) else 0.0 for t in triples]
            a.append(members)
            b.append(mix[k] * tenants["module_capacity"][k])
            for material, share in tenants["recipe"][k].items():
                if share < 1:
                    a.append(
                        [
                            m * ((1.0 if flows["material"][t[0]] == material else 0.0) - share)
                            for m, t in zip(members, triples)
                        ]
                    )
                    b.append(0.0)
    res = linprog(-gain, A_ub=np.array(a), b_ub=np.array(b), bounds=(0, None), method="highs")
    assert res.status == 0
    return fixed - res.fun if n else fixed


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_optimum_equals_brute_force_on_random_instances(seed):
    sites, flows, ents, tenants, settings = random_instance(seed)
    result = site_parks(sites, flows, ents, tenants, settings)
    expected, subset, mixes = brute_force(sites, flows, ents, tenants, settings)
    assert result.outcome.status == "optimal"
    assert result.totals["NET_BENEFIT"] == pytest.approx(expected, rel=1e-6, abs=1.0)
    assert result.outcome.objective == pytest.approx(expected, rel=1e-6, abs=1.0)
    if expected > 0:
        assert sorted(result.parks["site_id"]) == sorted(sites["site_id"][list(subset)])


def test_optimum_equals_brute_force_with_several_modules():
    sites, flows, ents, tenants, settings = random_instance(
        7, n_sites=4, n_flows=20, max_modules=(2, 2, 1)
    )
    flows["quantity"] *= 3  # enough supply for a second module
    result = site_parks(sites, flows, ents, tenants, settings)
    expected, _, _ = brute_force(sites, flows, ents, tenants, settings)
    assert result.outcome.status == "optimal"
    assert result.totals["NET_BENEFIT"] == pytest.approx(expected, rel=1e-6, abs=1.0)


def test_results_add_up_and_respect_the_constraints():
    sites, flows, ents, tenants, settings = random_instance(2)
    result = site_parks(sites, flows, ents, tenants, settings)
    assert len(result.parks) >= 1
    assert len(result.parks) <= settings.max_parks
    taken = result.links.groupby("flow_id")["amount"].sum()
    supply = flows.set_index("flow_id")["quantity"]
    assert (taken <= supply.loc[taken.index] + 1e-6).all()
    cats = load_tenants(tenants).set_index("tenant_id")
    for row in result.tenants.itertuples():
        assert row.input <= row.modules * cats.at[row.tenant_id, "module_capacity"] + 1e-6
        shares = parse_inputs(cats.at[row.tenant_id, "inputs"])
        for item in row.inputs.split("; "):
            material, amount = item.split("=")
            assert float(amount) <= shares[material] * row.input + 1.0
    area = sites.set_index("site_id")["area_ha"]
    for park in result.parks.itertuples():
        assert park.land_used_ha <= area[park.site_id] + 1e-9
        delivered = result.links.loc[result.links["site_id"] == park.site_id, "amount"].sum()
        used = result.tenants.loc[result.tenants["site_id"] == park.site_id, "input"].sum()
        assert delivered == pytest.approx(used, rel=1e-6)
    assert result.totals["COFINANCING"] <= settings.budget + 1e-6
    assert result.parks["cofinancing"].sum() == pytest.approx(result.totals["COFINANCING"])


def test_one_tenant_unit_modules_no_capacity_is_a_p_median():
    rng = np.random.default_rng(11)
    sites, flows, ents, _, _ = random_instance(11)
    sites["fixed_cost"] = 0.0
    flows["material"] = "fly_ash"
    flows["price"] = 0.0
    tenants = tenant_frame([["P", "any", "t/yr", "fly_ash=1", 1e12, 0, 0, 0, 1.0, 1e5, 1]])
    for p in (1, 2, 3):
        settings = ParkSettings(max_parks=p, budget=0, max_distance_km=1000, mip_gap=1e-9)
        result = site_parks(sites, flows, ents, tenants, settings)
        loc = ents.set_index("ent_id")
        fx = loc.loc[flows["ent_id"], "x"].to_numpy()
        fy = loc.loc[flows["ent_id"], "y"].to_numpy()
        dist = np.column_stack(
            [
                np.asarray(GEOD.inv(fx, fy, np.full(len(fx), sx), np.full(len(fx), sy))[2])
                for sx, sy in zip(sites["x"], sites["y"])
            ]
        )
        weights = flows["quantity"].to_numpy()
        costs = {
            subset: float(weights @ dist[:, list(subset)].min(axis=1))
            for subset in itertools.combinations(range(len(sites)), p)
        }
        best = min(costs, key=costs.get)
        assert sorted(result.parks["site_id"]) == sorted(sites["site_id"][list(best)])
        rate = settings.detour * settings.road_cost / 1000.0  # RUB per t-m
        expected = weights.sum() * 1e5 - rate * costs[best]
        assert result.totals["NET_BENEFIT"] == pytest.approx(expected, rel=1e-9)
        assert rng is not None


def test_greedy_is_never_better_than_the_exact_model():
    sites, flows, ents, tenants, settings = random_instance(3)
    prepared = prepare(sites, flows, ents, tenants, settings)
    exact = solve_model(prepared.model, 60, 1e-9)
    greedy, chosen = greedy_parks(prepared.model, settings.max_parks)
    assert len(chosen) <= settings.max_parks
    assert greedy.objective <= exact.objective + 1e-6
    greedy_result = read_solution(prepared.model, greedy)
    assert greedy_result.totals["NET_BENEFIT"] == pytest.approx(greedy.objective, rel=1e-6)


def test_cancel_returns_without_waiting_for_the_solver(monkeypatch):
    """HiGHS holds the GIL, so the solve runs in a forked child that a cancel terminates;
    a solver that would run for ten minutes must not be waited for."""
    sites, flows, ents, tenants, settings = random_instance(4)
    prepared = prepare(sites, flows, ents, tenants, settings)

    def stuck_solver(**_):  # runs in the child; only a terminate ends it early
        time.sleep(600)

    monkeypatch.setattr(parks, "milp", stuck_solver)
    polls = []

    def cancel_on_third_poll():
        polls.append(1)
        return len(polls) >= 3

    start = time.monotonic()
    outcome = solve_model(prepared.model, 60, 1e-9, is_canceled=cancel_on_third_poll)
    assert time.monotonic() - start < 300  # not the solver's ten minutes
    assert outcome.status == "canceled"
    assert outcome.x is None
    assert len(polls) == 3
    assert read_solution(prepared.model, outcome).parks.empty


def test_capital_recovery_factor():
    assert capital_recovery_factor(0.0, 10) == pytest.approx(0.1)
    # annuity of 1 over 15 years at 10 %: 0.131474 (standard annuity tables)
    assert capital_recovery_factor(0.1, 15) == pytest.approx(0.131474, abs=1e-6)


@pytest.mark.parametrize(
    "change, code",
    [
        (lambda s, f, t, o: s.__setitem__("area_ha", [np.nan] + [5.0] * 7), "site_area"),
        (lambda s, f, t, o: t.__setitem__("inputs", ["unobtainium=1"] * 3), "tenant_material"),
        (lambda s, f, t, o: t.__setitem__("module_capacity", ["-5"] * len(t)), "tenant_number"),
        (lambda s, f, t, o: t.__setitem__("inputs", ["fly_ash=1.5"] * len(t)), "tenant_recipe"),
        (lambda s, f, t, o: setattr(o, "max_parks", 0), "max_parks"),
        (lambda s, f, t, o: f.__setitem__("material", ["coal_slurry"] * len(f)), "no_supply"),
        (lambda s, f, t, o: setattr(o, "max_distance_km", 0.001), "no_supply"),
    ],
)  # fmt: skip
def test_bad_input_is_named(change, code):
    sites, flows, ents, tenants, settings = random_instance(5)
    change(sites, flows, tenants, settings)
    with pytest.raises(ParkError) as err:
        prepare(sites, flows, ents, tenants, settings)
    assert err.value.code == code


def test_bundled_tenant_catalogue_loads_and_every_figure_has_a_source():
    tenants = load_tenants()
    assert len(tenants) >= 10
    raw = pd.read_csv(
        __import__("symbiosis_qgis.paths", fromlist=["x"]).resource_path("park_tenants.csv"),
        dtype=str,
        keep_default_na=False,
    )
    for column in raw.columns:
        if column.endswith("_source"):
            assert raw[column].str.strip().ne("").all(), column
    for figure in ["module_capacity", "module_capex_rub", "opex_rub_per_unit",
                   "product_price_rub", "module_land_ha", "inputs"]:  # fmt: skip
        assert f"{figure}_source" in raw.columns or figure == "inputs"
    assert "inputs_source" in raw.columns
