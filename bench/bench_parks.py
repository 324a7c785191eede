"""Eco-industrial parks: the exact MILP (core.parks, HiGHS) against a greedy add-one-site
heuristic, on 200 candidate sites x 10 tenant types (the bundled catalogue) x 2,000 supply
flows from 400 enterprises spread over the Kuzbass basin (seeded random data).

Runs (1) the core alone: exact model to a MIP gap <= 1 %, then the greedy heuristic on the
same model; (2) symbiosis:siteparks through processing.run on GeoPackage layers of the same
data (the greedy heuristic has no Processing algorithm: it runs on the core only). Results in
bench/results/parks.json, with wall and CPU seconds: the machine may be shared.
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from symbiosis_qgis.core.parks import (  # noqa: E402
    ParkSettings,
    greedy_parks,
    prepare,
    read_solution,
    solve_model,
)

N_SITES, N_FLOWS, N_ENTS = 200, 2000, 400
MAX_PARKS = 10
TIME_LIMIT = 120.0
GAP = 0.01
# supply material -> (quantity range, disposal price range per unit)
MATERIALS = {
    "fly_ash": ((5e3, 1.5e5), (100, 400)),
    "ash_slag_mix": ((1e4, 3e5), (100, 400)),
    "bottom_slag": ((5e3, 1e5), (100, 300)),
    "bf_slag": ((5e4, 8e5), (50, 200)),
    "steel_slag": ((2e4, 3e5), (100, 250)),
    "overburden_rock": ((1e5, 2e6), (10, 40)),
    "host_rock": ((2e4, 5e5), (10, 40)),
    "coal_tailings": ((2e4, 5e5), (50, 150)),
    "coal_slurry": ((5e3, 1e5), (50, 150)),
    "low_grade_coal": ((5e3, 1e5), (0, 50)),
    "mine_methane": ((500, 1.5e4), (0, 0)),
    "waste_heat": ((5e4, 1e6), (0, 0)),
}
UNITS = {"mine_methane": "thousand m3/yr", "waste_heat": "GJ/yr"}


def generate(seed=14):
    rng = np.random.default_rng(seed)
    lon = lambda n: rng.uniform(85.6, 88.4, n)  # noqa: E731 (the Kuzbass basin, roughly)
    lat = lambda n: rng.uniform(53.2, 55.8, n)  # noqa: E731
    ents = pd.DataFrame({"ent_id": [f"E{k}" for k in range(N_ENTS)], "x": lon(N_ENTS),
                         "y": lat(N_ENTS)})  # fmt: skip
    names = list(MATERIALS)
    material = rng.choice(names, N_FLOWS)
    low = np.array([MATERIALS[m][0][0] for m in material])
    high = np.array([MATERIALS[m][0][1] for m in material])
    p_low = np.array([MATERIALS[m][1][0] for m in material])
    p_high = np.array([MATERIALS[m][1][1] for m in material])
    flows = pd.DataFrame(
        {
            "flow_id": [f"F{i}" for i in range(N_FLOWS)],
            "ent_id": rng.choice(ents["ent_id"], N_FLOWS),
            "direction": "supply",
            "material": material,
            "quantity": np.round(np.exp(rng.uniform(np.log(low), np.log(high)))),
            "unit": [UNITS.get(m, "t/yr") for m in material],
            "price": np.round(rng.uniform(p_low, p_high)),
        }
    )
    sites = pd.DataFrame(
        {
            "site_id": [f"S{j}" for j in range(N_SITES)],
            "name": [f"site {j}" for j in range(N_SITES)],
            "area_ha": rng.choice([10.0, 20.0, 40.0, 80.0], N_SITES),
            "land_status": rng.choice(["brownfield", "mothballed mine", "greenfield"], N_SITES),
            "fixed_cost": np.round(rng.uniform(20e6, 150e6, N_SITES), -5),
            "x": lon(N_SITES),
            "y": lat(N_SITES),
        }
    )
    return sites, flows, ents


def settings(max_parks=MAX_PARKS):
    return ParkSettings(max_parks=max_parks, time_limit=TIME_LIMIT, mip_gap=GAP)


def run_core(sites, flows, ents, max_parks=MAX_PARKS):
    start = time.perf_counter()
    prepared = prepare(sites, flows, ents, None, settings(max_parks))
    build_s = time.perf_counter() - start
    cpu = time.process_time()
    exact = solve_model(prepared.model, TIME_LIMIT, GAP)
    exact_cpu = time.process_time() - cpu
    exact_result = read_solution(prepared.model, exact)
    cpu = time.process_time()
    greedy, chosen = greedy_parks(prepared.model, max_parks, TIME_LIMIT, GAP)
    greedy_cpu = time.process_time() - cpu
    greedy_result = read_solution(prepared.model, greedy)
    model = prepared.model
    bound = exact.dual_bound
    return {
        "max_parks": max_parks,
        "variables": len(model.c),
        "integer_variables": int(model.integrality.sum()),
        "constraints": int(model.a.shape[0]),
        "supply_site_pairs": prepared.pairs,
        "build_s": round(build_s, 2),
        "exact_s": round(exact.seconds, 2),
        "exact_cpu_s": round(exact_cpu, 2),
        "exact_status": exact.status,
        "exact_mip_gap": exact.mip_gap,
        "exact_net_benefit": exact_result.totals["NET_BENEFIT"],
        "exact_dual_bound": exact.dual_bound,
        "exact_parks": exact_result.parks["site_id"].tolist(),
        "greedy_s": round(greedy.seconds, 2),
        "greedy_cpu_s": round(greedy_cpu, 2),
        "greedy_gap_to_exact_bound": (bound - greedy_result.totals["NET_BENEFIT"]) / bound,
        "greedy_status": greedy.status,
        "greedy_net_benefit": greedy_result.totals["NET_BENEFIT"],
        "greedy_parks": [model.sites["site_id"].iat[j] for j in chosen],
        "exact_over_greedy": exact_result.totals["NET_BENEFIT"]
        / greedy_result.totals["NET_BENEFIT"]
        - 1.0,
    }


def write_gpkg(path, sites, flows, ents):
    import geopandas as gpd

    gpd.GeoDataFrame(ents, geometry=gpd.points_from_xy(ents["x"], ents["y"]), crs=4326).drop(
        columns=["x", "y"]
    ).to_crs(32645).to_file(path, layer="enterprises", driver="GPKG")
    gpd.GeoDataFrame(sites, geometry=gpd.points_from_xy(sites["x"], sites["y"]), crs=4326).drop(
        columns=["x", "y"]
    ).to_crs(32645).to_file(path, layer="sites", driver="GPKG")
    gpd.GeoDataFrame(flows, geometry=[None] * len(flows)).to_file(
        path, layer="flows", driver="GPKG"
    )


def run_processing(sites, flows, ents):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    app = QgsApplication.instance()  # another bench of run_all may have started QGIS
    if app is None:
        app = QgsApplication([], False)
        app.initQgis()
    import processing
    from processing.core.Processing import Processing

    from symbiosis_qgis.processing.provider import SymbiosisProvider

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("symbiosis")
    if provider is None:
        provider = SymbiosisProvider(with_models=False)
        registry.addProvider(provider)
    with tempfile.TemporaryDirectory() as tmp:
        gpkg = Path(tmp) / "bench_parks.gpkg"
        write_gpkg(gpkg, sites, flows, ents)
        start = time.perf_counter()
        result = processing.run(
            "symbiosis:siteparks",
            {
                "SITES": f"{gpkg}|layername=sites",
                "ENTERPRISES": f"{gpkg}|layername=enterprises",
                "FLOWS": f"{gpkg}|layername=flows",
                "MAX_PARKS": MAX_PARKS,
                "TIME_LIMIT": TIME_LIMIT,
                "TARGET_GAP": GAP,
                "PARKS": str(Path(tmp) / "parks.gpkg"),
                "TENANT_ROWS": "TEMPORARY_OUTPUT",
                "SUPPLY_LINKS": "TEMPORARY_OUTPUT",
            },
        )
        seconds = time.perf_counter() - start
    return {
        "processing_s": round(seconds, 2),
        "processing_status": result["STATUS"],
        "processing_mip_gap": result["MIP_GAP"],
        "processing_net_benefit": result["NET_BENEFIT"],
        "processing_parks": result["PARKS_OPENED"],
    }


def main():
    sites, flows, ents = generate()
    summary = {
        "sites": N_SITES,
        "tenant_types": 10,
        "supply_flows": N_FLOWS,
        "target_gap": GAP,
        "time_limit_s": TIME_LIMIT,
        "cores": os.cpu_count(),
    }
    summary.update(run_core(sites, flows, ents))
    print(json.dumps(summary, indent=2))
    # few parks for many sites: where a greedy first pick could hurt most
    summary["few_parks"] = run_core(sites, flows, ents, max_parks=3)
    print(json.dumps(summary["few_parks"], indent=2))
    # scarce supply (every quantity / 5): parks compete for the same flows
    scarce = flows.assign(quantity=(flows["quantity"] / 5).round())
    summary["scarce_supply"] = run_core(sites, scarce, ents)
    print(json.dumps(summary["scarce_supply"], indent=2))
    if "--core-only" not in sys.argv:
        summary.update(run_processing(sites, flows, ents))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "parks.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))
    return summary


if __name__ == "__main__":
    main()
