"""Regional policy instruments as scenarios of the allocation, compared with the baseline."""

from pathlib import Path

import pandas as pd

from ..paths import resource_path
from .allocation import Economics, optimise
from .errors import InputError
from .inputs import check_finite, check_share
from .interruptible import SolveCanceledError

SCENARIO_COLUMNS = [
    "scenario_id",
    "name",
    "quota_share",
    "quota_materials",
    "processing_cofinance",
    "disposal_fee_delta",
    "rail_discount",
]
RESULT_COLUMNS = [
    "scenario_id",
    "name",
    "exchanges",
    "tonnes",
    "net_benefit",
    "co2_avoided",
    "transport_co2",
    "quota_delivered",
    "d_exchanges",
    "d_tonnes",
    "d_net_benefit",
    "d_co2_avoided",
]
UNLOCKED_COLUMNS = [
    "scenario_id",
    "name",
    "cand_id",
    "supply_flow",
    "demand_flow",
    "rule_id",
    "supply_mat",
    "demand_mat",
    "tonnage",
    "unit",
    "benefit",
]
LINK_KEYS = ["supply_flow", "demand_flow", "rule_id"]
NUMERIC = ["quota_share", "processing_cofinance", "disposal_fee_delta", "rail_discount"]
SHARES = ["quota_share", "processing_cofinance", "rail_discount"]  # must lie in 0..1


class ScenarioError(InputError):
    """A scenario table that cannot be used (a code of core/errors.py)."""


def load_scenarios(source=None):
    """The policy scenarios: ``resources/policy_scenarios.csv``, or a CSV path or table of
    the same columns (one row per scenario; shares in 0..1). Raises ScenarioError naming
    the file, column or scenario that is unusable."""
    if isinstance(source, pd.DataFrame):
        frame = source.copy()
    else:
        path = Path(source) if source is not None else resource_path("policy_scenarios.csv")
        if not path.exists():
            raise ScenarioError("scenario_missing", path=str(path))
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in SCENARIO_COLUMNS if c not in frame.columns]
    if missing:
        raise ScenarioError("scenario_columns", columns=", ".join(missing))
    for column in NUMERIC:
        values = pd.to_numeric(frame[column].replace("", "0").fillna(0), errors="coerce")
        bad = frame.loc[values.isna(), "scenario_id"]
        if len(bad):
            raise ScenarioError("scenario_not_number", scenario=bad.iloc[0], column=column)
        for scenario_id, value in zip(frame["scenario_id"], values):
            name = f"{column} (scenario '{scenario_id}')"
            # a share outside 0..1 or an infinite fee would give a meaningless allocation
            if column in SHARES:
                check_share(value, name)
            else:
                check_finite(value, name)
        frame[column] = values
    if len(frame) == 0:
        raise ScenarioError("scenario_empty")
    return frame.reset_index(drop=True)


def economics_of(scenario, base=None):
    base = base or Economics()
    materials = [m.strip() for m in str(scenario["quota_materials"] or "").split(";") if m.strip()]
    share = float(scenario["quota_share"])
    return Economics(
        default_cost_per_unit_km=base.default_cost_per_unit_km,
        disposal_fee_delta=float(scenario["disposal_fee_delta"]),
        processing_subsidy=float(scenario["processing_cofinance"]),
        rail_discount=float(scenario["rail_discount"]),
        rail_cost_per_tkm=base.rail_cost_per_tkm,
        quotas=dict.fromkeys(materials, share) if share > 0 else {},
    )


def run_scenarios(
    links, flows, rules=None, scenarios=None, base=None, progress=None, is_canceled=None
):
    """One allocation per scenario; deltas against the first scenario (the baseline)."""
    table, _ = compare_scenarios(links, flows, rules, scenarios, base, progress, is_canceled)
    return table


def compare_scenarios(
    links, flows, rules=None, scenarios=None, base=None, progress=None, is_canceled=None
):
    """As run_scenarios, and the links each scenario unlocks.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        The comparison (RESULT_COLUMNS) and, per scenario after the first, the exchanges it
        chooses on links the baseline (the first scenario) leaves unused, with their tonnage
        (UNLOCKED_COLUMNS).
    """
    scenarios = load_scenarios(scenarios)
    rows, unlocked, baseline = [], [], None
    for k, scenario in scenarios.iterrows():
        if is_canceled is not None and is_canceled():
            break
        economics = economics_of(scenario, base)
        try:
            result = optimise(links, flows, rules, economics=economics, is_canceled=is_canceled)
        except SolveCanceledError:
            break
        quota_materials = set(economics.quotas)
        ex = result.exchanges
        keys = set(map(tuple, ex[LINK_KEYS].astype(str).to_numpy())) if len(ex) else set()
        if baseline is None:
            baseline = keys
        elif len(ex):
            new = ex[
                [key not in baseline for key in map(tuple, ex[LINK_KEYS].astype(str).to_numpy())]
            ]
            new = new.assign(scenario_id=scenario["scenario_id"], name=scenario["name"])
            unlocked.append(new.reindex(columns=UNLOCKED_COLUMNS))
        delivered = (
            float(ex.loc[ex["demand_mat"].isin(quota_materials), "delivered"].sum())
            if quota_materials and "demand_mat" in ex
            else 0.0
        )
        rows.append(
            {
                "scenario_id": scenario["scenario_id"],
                "name": scenario["name"],
                "exchanges": result.totals["EXCHANGES"],
                "tonnes": result.totals["TONNES"],
                "net_benefit": result.totals["NET_BENEFIT"],
                "co2_avoided": result.totals["CO2_AVOIDED"],
                "transport_co2": result.totals["TRANSPORT_CO2"],
                "quota_delivered": delivered,
            }
        )
        if progress is not None:
            progress(100.0 * (k + 1) / len(scenarios))
    new_links = (
        pd.concat(unlocked, ignore_index=True)
        if unlocked
        else pd.DataFrame(columns=UNLOCKED_COLUMNS)
    )
    out = pd.DataFrame(rows)
    if out.empty:
        return pd.DataFrame(columns=RESULT_COLUMNS), new_links
    for column in ("exchanges", "tonnes", "net_benefit", "co2_avoided"):
        out[f"d_{column}"] = out[column] - out[column].iloc[0]
    return out[RESULT_COLUMNS], new_links
