"""Choosing the exchanges: tonnages on links that maximise the region's net benefit.

Variables: x_l, the supply quantity (in the supply flow's unit) moved on link l.
Net benefit per unit on l = avoided disposal (supply price) + avoided purchase (substitution
ratio x demand price) - transport (RUB per unit over the route) - pre-processing (rule cost).
Constraints: what leaves a supply flow <= its quantity; what a demand flow receives (x times
ratio, in its unit) <= its quantity; optional green-procurement quotas ask a demand to receive
at least a share of its quantity, as a soft constraint (a shortfall costs QUOTA_PENALTY per
unit) so that they bind "where supply allows". Solved with scipy.optimize.linprog (HiGHS).
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from .catalogue import conversion_factor, load_materials, load_synergies
from .errors import MESSAGES, InputError
from .inputs import normalise_ids
from .interruptible import run_interruptible
from .network import off_network_modes, piped_mask

QUOTA_PENALTY = 1e6  # RUB per unit of demand left below its quota
ROAD_CO2_KG_PER_TKM = 0.1  # heavy truck, order of magnitude (GLEC framework range 0.06-0.12)
RAIL_CO2_KG_PER_TKM = 0.02  # electric freight rail in Russia, order of magnitude

EXCHANGE_COLUMNS = [
    "tonnage",
    "unit",
    "delivered",
    "demand_unit",
    "benefit",
    "transport_cost",
    "processing_cost",
    "avoided_disposal",
    "avoided_purchase",
    "co2_avoided",
    "transport_co2",
]

MSG = MESSAGES  # message templates by code (kept under this name for callers)


class AllocationError(InputError):
    """The allocation cannot be set up or solved; ``code`` keys core/errors.MESSAGES."""


@dataclass
class Economics:
    """Knobs of the allocation; the policy scenarios change them."""

    default_cost_per_unit_km: float = 6.0  # links without a route cost (straight candidates)
    # gas and heat move by pipeline or heat main, never by truck: their running cost per
    # unit-km (pumping, losses; an estimate) and no transport CO2, routed or not
    pipe_cost_per_unit_km: float = 0.05
    disposal_fee_delta: float = 0.0  # RUB per t added to the disposal cost of t/yr supplies
    processing_subsidy: float = 0.0  # share of pre-processing cost co-financed (0-1)
    rail_discount: float = 0.0  # share off the rail part of route costs (0-1)
    rail_cost_per_tkm: float = 1.5  # to price the rail part for the discount
    quotas: dict = field(default_factory=dict)  # demand material -> share of demand (0-1)


@dataclass
class AllocationResult:
    exchanges: pd.DataFrame  # the chosen links (tonnage > 0) with money and CO2 columns
    totals: dict
    status: str


def _numeric(frame, column, default=np.nan):
    if column not in frame.columns:
        return pd.Series(default, index=frame.index, dtype=float)
    return pd.to_numeric(frame[column], errors="coerce")


def link_economics(links, flows, rules=None, materials=None, economics=None):
    """Per-link unit values (RUB per supply unit) and the data the constraints need."""
    economics = economics or Economics()
    materials = load_materials() if materials is None else materials
    rules = load_synergies(rules).set_index("rule_id")
    needed = [c for c in ("supply_flow", "demand_flow", "rule_id") if c not in links.columns]
    if needed:
        raise AllocationError("missing_column", columns=", ".join(needed))
    lk = normalise_ids(links.reset_index(drop=True), ("supply_flow", "demand_flow", "rule_id"))
    if "reachable" in lk.columns:
        lk = lk[lk["reachable"].astype(bool)].reset_index(drop=True)
    fl = normalise_ids(flows, ("flow_id",))
    fl = fl.drop_duplicates("flow_id").set_index("flow_id")
    if len(lk) and not (lk["supply_flow"].isin(fl.index) | lk["demand_flow"].isin(fl.index)).any():
        # every link would be dropped below: say why instead of choosing nothing
        raise AllocationError("unknown_flows", count=len(lk), example=lk["supply_flow"].iloc[0])
    lk = lk[
        lk["supply_flow"].isin(fl.index)
        & lk["demand_flow"].isin(fl.index)
        & lk["rule_id"].isin(rules.index)
    ].reset_index(drop=True)
    s, d = fl.loc[lk["supply_flow"]], fl.loc[lk["demand_flow"]]
    rule = rules.loc[lk["rule_id"]]
    ratio = rule["substitution_ratio"].to_numpy(float)
    s_unit, d_unit = s["unit"].astype(str).to_numpy(), d["unit"].astype(str).to_numpy()
    lk["supply_unit"] = s_unit
    r_s_unit = _rule_units(rule, "supply", materials)
    r_d_unit = _rule_units(rule, "demand", materials)
    # demand units received per supply unit moved
    combos = pd.Series(list(zip(s_unit, r_s_unit, r_d_unit, d_unit)), dtype=object)
    code, uniq = pd.factorize(combos)
    per_combo = np.array([_factor(a, b) * _factor(c, e) for a, b, c, e in uniq] or [1.0])
    factor = per_combo[code] * ratio if len(code) else np.zeros(0)
    km = _numeric(lk, "net_km").fillna(_numeric(lk, "dist_km")).fillna(0.0).to_numpy()
    piped = piped_mask(lk, off_network_modes(materials))
    cost_t = _numeric(lk, "cost_t").to_numpy()
    # links without a route cost: by pipe for gas and heat, else at the road default
    unrouted = np.where(
        piped, km * economics.pipe_cost_per_unit_km, km * economics.default_cost_per_unit_km
    )
    cost_t = np.where(np.isnan(cost_t), unrouted, cost_t)
    rail_km = _numeric(lk, "rail_km", 0.0).fillna(0.0).to_numpy()
    cost_t = cost_t - economics.rail_discount * rail_km * economics.rail_cost_per_tkm
    road_km = _numeric(lk, "road_km").to_numpy()
    road_km = np.where(np.isnan(road_km), km, road_km)
    road_km = np.where(piped, 0.0, road_km)  # no truck, no truck CO2
    unit = pd.DataFrame(
        {
            "disposal": _numeric(s, "price", 0.0).fillna(0.0).to_numpy()
            + economics.disposal_fee_delta * (s_unit == "t/yr"),  # fees are charged per tonne
            "purchase": factor * _numeric(d, "price", 0.0).fillna(0.0).to_numpy(),
            "transport": cost_t,
            "processing": rule["preprocessing_cost_rub"].fillna(0.0).to_numpy()
            * (1.0 - economics.processing_subsidy),
            "co2": rule["co2_avoided_kg"].fillna(0.0).to_numpy() / 1000.0,
            "transport_co2": (road_km * ROAD_CO2_KG_PER_TKM + rail_km * RAIL_CO2_KG_PER_TKM)
            / 1000,
            "factor": factor,
        }
    )
    unit["benefit"] = unit["disposal"] + unit["purchase"] - unit["transport"] - unit["processing"]
    valid = np.isfinite(factor) & np.isfinite(unit["benefit"].to_numpy())
    lk, unit = lk[valid].reset_index(drop=True), unit[valid].reset_index(drop=True)
    capacity_s = fl["quantity"].pipe(pd.to_numeric, errors="coerce")
    for kind, column in (("supply", "supply_flow"), ("demand", "demand_flow")):
        bad = capacity_s.reindex(lk[column].unique())
        bad = bad[~np.isfinite(bad) | (bad < 0)]
        if len(bad):
            raise AllocationError("bad_quantity", flow=bad.index[0], kind=kind)
    return lk, unit, capacity_s, d_unit[valid], fl


def unmatched_links(links: pd.DataFrame, flows: pd.DataFrame) -> int:
    """How many links name a supply or demand flow that the flow table lacks (they are left
    out of the allocation)."""
    known = set(normalise_ids(flows, ("flow_id",))["flow_id"])
    lk = normalise_ids(links, ("supply_flow", "demand_flow"))
    return int((~(lk["supply_flow"].isin(known) & lk["demand_flow"].isin(known))).sum())


def _rule_units(rule, key, materials):
    if f"{key}_unit" in rule.columns:
        units = rule[f"{key}_unit"].astype(str).to_numpy()
    else:
        units = np.full(len(rule), "")
    mats = rule[f"{key}_material"].astype(str).to_numpy()
    return [
        u if u and u != "nan" else materials.at[m, "unit"] if m in materials.index else ""
        for u, m in zip(units, mats)
    ]


def _factor(unit, to_unit):
    if not unit or not to_unit:
        return 1.0
    f = conversion_factor(unit, to_unit)
    return np.nan if f is None else f


# below this many links the LP solves in well under a second: no child process for it
INTERRUPTIBLE_FROM = 20_000


def optimise(links, flows, rules=None, materials=None, economics=None, is_canceled=None):
    """Solve the allocation; returns an AllocationResult (raises AllocationError).

    With ``is_canceled`` a large LP runs so that a cancel stops it within 0.1 s
    (core.interruptible; raises SolveCanceledError)."""
    economics = economics or Economics()
    lk, unit, capacity, d_unit, fl = link_economics(links, flows, rules, materials, economics)
    n = len(lk)
    if n == 0:
        return AllocationResult(
            _exchanges(lk, unit, np.zeros(0), d_unit), _totals(lk, unit, np.zeros(0)), "empty"
        )
    s_idx, s_keys = pd.factorize(lk["supply_flow"])
    d_idx, d_keys = pd.factorize(lk["demand_flow"])
    rows = np.arange(n)
    a_supply = coo_matrix((np.ones(n), (s_idx, rows)), shape=(len(s_keys), n))
    a_demand = coo_matrix((unit["factor"].to_numpy(), (d_idx, rows)), shape=(len(d_keys), n))
    cost = -unit["benefit"].to_numpy()
    blocks = [a_supply, a_demand]
    bounds_ub = [capacity.loc[s_keys].to_numpy(float), capacity.loc[d_keys].to_numpy(float)]
    quota_rows = _quota_rows(d_keys, fl, economics.quotas, capacity)
    n_slack = len(quota_rows)
    if n_slack:
        # received + slack >= share x demand  <=>  -received - slack <= -share x demand
        q_demand, q_target = zip(*quota_rows)
        sel = np.isin(d_idx, q_demand)
        q_pos = {d: k for k, d in enumerate(q_demand)}
        a_quota = coo_matrix(
            (-unit["factor"].to_numpy()[sel], ([q_pos[d] for d in d_idx[sel]], rows[sel])),
            shape=(n_slack, n),
        )
        blocks = [_pad(b, n_slack) for b in blocks]
        blocks.append(_hstack(a_quota, -np.eye(n_slack)))
        bounds_ub.append(-np.array(q_target))
        cost = np.concatenate([cost, np.full(n_slack, QUOTA_PENALTY)])
    from scipy.sparse import vstack

    res = run_interruptible(
        linprog,
        cost,
        A_ub=vstack(blocks).tocsr(),
        b_ub=np.concatenate(bounds_ub),
        bounds=(0, None),
        method="highs",
        is_canceled=is_canceled if n >= INTERRUPTIBLE_FROM else None,
    )
    if res.status == 2:
        raise AllocationError("infeasible", detail=res.message)
    if res.status != 0:
        raise AllocationError("solver", detail=res.message)
    x = np.where(res.x[:n] > 1e-9, res.x[:n], 0.0)
    return AllocationResult(_exchanges(lk, unit, x, d_unit), _totals(lk, unit, x), "optimal")


def _quota_rows(d_keys, flows, quotas, capacity):
    rows = []
    for k, flow_id in enumerate(d_keys):
        share = quotas.get(str(flows.at[flow_id, "material"]), 0.0) if quotas else 0.0
        if share > 0:
            rows.append((k, share * float(capacity.loc[flow_id])))
    return rows


def _pad(block, extra_columns):
    from scipy.sparse import hstack

    return hstack([block, coo_matrix((block.shape[0], extra_columns))])


def _hstack(left, right_dense):
    from scipy.sparse import hstack

    return hstack([left, coo_matrix(right_dense)])


def _exchanges(lk, unit, x, d_unit):
    chosen = x > 0
    out = lk[chosen].copy()
    u = unit[chosen]
    xs = x[chosen]
    out["tonnage"] = xs
    out["unit"] = out["supply_unit"]
    out["delivered"] = xs * u["factor"].to_numpy()
    out["demand_unit"] = np.asarray(d_unit)[chosen]
    out["benefit"] = xs * u["benefit"].to_numpy()
    out["transport_cost"] = xs * u["transport"].to_numpy()
    out["processing_cost"] = xs * u["processing"].to_numpy()
    out["avoided_disposal"] = xs * u["disposal"].to_numpy()
    out["avoided_purchase"] = xs * u["purchase"].to_numpy()
    out["co2_avoided"] = xs * u["co2"].to_numpy()
    out["transport_co2"] = xs * u["transport_co2"].to_numpy()
    return out.reset_index(drop=True)


def _totals(lk, unit, x):
    tonnes = lk["supply_unit"].astype(str).eq("t/yr").to_numpy()
    return {
        "EXCHANGES": int((x > 0).sum()),
        "TONNES": float(x[tonnes].sum()) if len(x) else 0.0,
        "NET_BENEFIT": float(x @ unit["benefit"].to_numpy()) if len(x) else 0.0,
        "CO2_AVOIDED": float(x @ unit["co2"].to_numpy()) if len(x) else 0.0,
        "TRANSPORT_CO2": float(x @ unit["transport_co2"].to_numpy()) if len(x) else 0.0,
    }
