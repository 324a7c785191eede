"""Allocation: core.allocation.optimise (linprog, HiGHS) against networkx min-cost flow.

2,000 suppliers x 2,000 consumers, 100,000 links with integer quantities, prices and transport
costs (so that the network-simplex optimum is exact), in one run; the optima must agree.
"""

import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_allocation_core import RULES, min_cost_flow_optimum  # noqa: E402

from symbiosis_qgis.core.allocation import optimise  # noqa: E402


def generate(n_s=2000, n_d=2000, n_links=100_000, seed=4):
    import pandas as pd

    rng = np.random.default_rng(seed)
    flows = pd.DataFrame(
        {
            "flow_id": [f"S{i}" for i in range(n_s)] + [f"D{j}" for j in range(n_d)],
            "ent_id": [f"ES{i}" for i in range(n_s)] + [f"ED{j}" for j in range(n_d)],
            "direction": ["supply"] * n_s + ["demand"] * n_d,
            "material": ["fly_ash"] * n_s + ["road_base"] * n_d,
            "quantity": rng.integers(100, 10_000, n_s + n_d),
            "unit": "t/yr",
            "price": rng.integers(0, 600, n_s + n_d),
        }
    )
    pairs = rng.choice(n_s * n_d, n_links, replace=False)
    links = pd.DataFrame(
        {
            "supply_flow": [f"S{k // n_d}" for k in pairs],
            "demand_flow": [f"D{k % n_d}" for k in pairs],
            "rule_id": "R",
            "cost_t": rng.integers(50, 900, n_links),
            "supply_unit": "t/yr",
            "reachable": True,
        }
    )
    return links, flows


def main():
    links, flows = generate()
    start = time.perf_counter()
    result = optimise(links, flows, RULES)
    lp_s = time.perf_counter() - start
    start = time.perf_counter()
    nx_value = min_cost_flow_optimum(links, flows)
    nx_s = time.perf_counter() - start
    summary = {
        "links": len(links),
        "lp_s": round(lp_s, 2),
        "networkx_s": round(nx_s, 2),
        "ratio": round(nx_s / lp_s, 1),
        "lp_benefit": result.totals["NET_BENEFIT"],
        "networkx_benefit": nx_value,
        "relative_gap": abs(result.totals["NET_BENEFIT"] - nx_value) / abs(nx_value),
        "exchanges": result.totals["EXCHANGES"],
    }
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "allocation.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))
    return summary


if __name__ == "__main__":
    main()
