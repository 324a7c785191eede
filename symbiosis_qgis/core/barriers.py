"""Why a candidate exchange does not happen, and which instrument would unlock it.

For every link (candidate or routed) the barriers of each category of the study — economic,
technological, infrastructure, institutional, supply guarantee — with their measure, the
instrument that addresses each, and the *binding* barrier: the first of them, in the order of
BARRIERS, that stands in the way (a link nobody can reach or whose material fails the
consumer's requirement is held back by that first, whatever its money).

Money comes from allocation.link_economics, so a link's net benefit here is the optimiser's.
Links with a positive net benefit that the optimiser still leaves out lose to a better use of
the same supply or demand ("competition", not a barrier); what it would take for the
optimiser to choose a link is its *opportunity* value: the largest u_s + f v_d over the
optimal dual prices of the allocation LP (u of the supply, v of the demand, f the delivered
units per unit moved). Above it the link is in every optimum, below it in none (strict
complementary slackness), so the break-even values are exact for the optimiser, not only
"worth doing on its own". Each break-even (primary price, disposal fee rise, co-financed share
of pre-processing, rail discount) moves one lever for this link alone, all else equal; a
region-wide change moves every link at once (compare policy scenarios for that).

Every threshold and unit cost is a field of DiagnosisParameters, documented in PARAMETERS with
its source; BARRIERS and INSTRUMENTS are the one table of categories and instruments.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from .allocation import Economics, link_economics, optimise
from .catalogue import load_materials, load_synergies
from .fkko import HAZARD_CLASS_ROMAN, LICENSED_CLASSES, expected_prefixes, parse_fkko
from .report import STYLE, bar_chart_svg, table_html
from .text import QT_TRANSLATE_NOOP, format_localised, format_number

# --- the one table of categories, barriers and instruments --------------------------------

CATEGORIES = {
    "economic": QT_TRANSLATE_NOOP("@default", "Economic"),
    "technological": QT_TRANSLATE_NOOP("@default", "Technological"),
    "infrastructure": QT_TRANSLATE_NOOP("@default", "Infrastructure"),
    "institutional": QT_TRANSLATE_NOOP("@default", "Institutional and regulatory"),
    "supply": QT_TRANSLATE_NOOP("@default", "Supply guarantee"),
    "competition": QT_TRANSLATE_NOOP("@default", "Better use elsewhere (not a barrier)"),
}
NO_BARRIER = QT_TRANSLATE_NOOP("@default", "No barrier found")  # legend of the style

INSTRUMENTS = {
    "green_procurement": QT_TRANSLATE_NOOP("@default", "Green procurement quota"),
    "co_financing": QT_TRANSLATE_NOOP("@default", "Co-financing of processing and infrastructure"),
    "disposal_fee": QT_TRANSLATE_NOOP("@default", "Higher disposal fee"),
    "rail_discount": QT_TRANSLATE_NOOP("@default", "Rail tariff discount"),
    "by_product": QT_TRANSLATE_NOOP("@default", "Recognition as a by-product"),
    "registry": QT_TRANSLATE_NOOP("@default", "Regional registry and cluster (contracts)"),
    "none": QT_TRANSLATE_NOOP("@default", "None needed"),
}


@dataclass(frozen=True)
class Barrier:
    key: str
    category: str
    instrument: str  # "economic" decides per link (see economic_instrument)
    shows_as: str  # "how it shows here", the summary's second column


# In binding order: the first present on a link is its binding barrier.
# pylupdate5 skips a QT_TRANSLATE_NOOP call with a trailing comma: keep the formatter out
# fmt: off
BARRIERS = [
    Barrier(
        "unreachable",
        "infrastructure",
        "co_financing",
        QT_TRANSLATE_NOOP(
            "@default", "no route between the partners on the road and rail network"
        ),
    ),
    Barrier(
        "quality",
        "technological",
        "co_financing",
        QT_TRANSLATE_NOOP("@default", "the flow's quality is outside the consumer's requirement"),
    ),
    Barrier(
        "unpriced",
        "economic",
        "registry",
        QT_TRANSLATE_NOOP(
            "@default",
            "not priced: its flows or rule are missing, or the units do not convert"
        ),
    ),
    Barrier(
        "loses_money",
        "economic",
        "economic",
        QT_TRANSLATE_NOOP(
            "@default",
            "net benefit per unit below zero: primary material too cheap, transport or "
            "pre-processing too dear"
        ),
    ),
    Barrier(
        "outcompeted",
        "competition",
        "none",
        QT_TRANSLATE_NOOP(
            "@default",
            "worth doing, but the supply or the demand earns more in other exchanges"
        ),
    ),
    Barrier(
        "licence",
        "institutional",
        "by_product",
        QT_TRANSLATE_NOOP(
            "@default", "FKKO hazard class I-IV: a licence is needed to transport and use it"
        ),
    ),
    Barrier(
        "waste_status",
        "institutional",
        "by_product",
        QT_TRANSLATE_NOOP("@default", "handled as waste, not as a recognised by-product"),
    ),
    Barrier(
        "pipeline",
        "infrastructure",
        "co_financing",
        QT_TRANSLATE_NOOP("@default", "a pipeline or heat main has to be built"),
    ),
    Barrier(
        "no_rail",
        "infrastructure",
        "co_financing",
        QT_TRANSLATE_NOOP("@default", "long haul, no rail terminal near a partner"),
    ),
    Barrier(
        "estimated_quantity",
        "supply",
        "registry",
        QT_TRANSLATE_NOOP("@default", "quantity estimated, not reported by the enterprise"),
    ),
    Barrier(
        "single_supplier",
        "supply",
        "registry",
        QT_TRANSLATE_NOOP(
            "@default", "the consumer would depend on one supplier for much of its need"
        ),
    ),
]
# fmt: on
BARRIER_BY_KEY = {b.key: b for b in BARRIERS}


@dataclass
class DiagnosisParameters:
    """Thresholds and unit costs of the diagnosis; PARAMETERS documents each one."""

    heat_main_rub_per_km: float = 40e6
    pipeline_rub_per_km: float = 15e6
    pipe_detour: float = 1.2
    rail_haul_km: float = 100.0
    rail_access_km: float = 5.0
    dependence_share: float = 0.5
    remedy_ash_class_rub: float = 150.0
    remedy_loi_rub: float = 300.0
    remedy_particle_rub: float = 120.0
    remedy_moisture_rub: float = 100.0
    max_disposal_fee_delta: float = 300.0
    max_cofinance_share: float = 0.5
    max_rail_discount: float = 0.2


# name -> (unit, what it is, source). Estimates say so: they are parameters to be replaced.
# pylupdate5 skips a QT_TRANSLATE_NOOP call with a trailing comma: keep the formatter out
# fmt: off
PARAMETERS = {
    "heat_main_rub_per_km": (
        "RUB/km",
        QT_TRANSLATE_NOOP("@default", "Capital cost of a heat main"),
        QT_TRANSLATE_NOOP(
            "@default",
            "estimate (two-pipe DN 300-500, 2024 prices); check the state cost norms "
            "NCS 81-02-13 'External heat networks' for the region"
        ),
    ),
    "pipeline_rub_per_km": (
        "RUB/km",
        QT_TRANSLATE_NOOP("@default", "Capital cost of a gas or water pipeline"),
        QT_TRANSLATE_NOOP(
            "@default",
            "estimate (steel DN 200-300, 2024 prices); check NCS 81-02-12 'External gas "
            "networks' and NCS 81-02-14 'External water and sewer networks'"
        ),
    ),
    "pipe_detour": (
        "",
        QT_TRANSLATE_NOOP("@default", "Pipeline length per km of straight distance"),
        QT_TRANSLATE_NOOP("@default", "estimate; a pipe follows roads and property lines"),
    ),
    "rail_haul_km": (
        "km",
        QT_TRANSLATE_NOOP("@default", "Haul beyond which rail access matters"),
        QT_TRANSLATE_NOOP(
            "@default",
            "rail rarely beats road under about 100-150 km (freight estimates in the project's "
            "reference notes)"
        ),
    ),
    "rail_access_km": (
        "km",
        QT_TRANSLATE_NOOP("@default", "Largest distance from a partner to a rail terminal"),
        QT_TRANSLATE_NOOP("@default", "estimate: a short road leg to a siding or terminal"),
    ),
    "dependence_share": (
        "",
        QT_TRANSLATE_NOOP(
            "@default",
            "Share of a consumer's need from its only supplier that makes it depend on it"
        ),
        QT_TRANSLATE_NOOP("@default", "estimate (a definition: more than half)"),
    ),
    "remedy_ash_class_rub": (
        "RUB/t",
        QT_TRANSLATE_NOOP("@default", "Classification or selective collection of ash"),
        QT_TRANSLATE_NOOP(
            "@default",
            "estimate, order of the catalogue's classification cost (synergies.csv R01-R02)"
        ),
    ),
    "remedy_loi_rub": (
        "RUB/t",
        QT_TRANSLATE_NOOP("@default", "Removal of unburnt carbon (loss on ignition)"),
        QT_TRANSLATE_NOOP("@default", "estimate (electrostatic separation or flotation)"),
    ),
    "remedy_particle_rub": (
        "RUB/t",
        QT_TRANSLATE_NOOP("@default", "Crushing, grinding and screening"),
        QT_TRANSLATE_NOOP(
            "@default", "estimate, order of the catalogue's crushing cost (synergies.csv R09, R12)"
        ),
    ),
    "remedy_moisture_rub": (
        "RUB/t",
        QT_TRANSLATE_NOOP("@default", "Dewatering and drying"),
        QT_TRANSLATE_NOOP(
            "@default",
            "estimate, order of the catalogue's dewatering cost (synergies.csv R05-R07)"
        ),
    ),
    "max_disposal_fee_delta": (
        "RUB/t",
        QT_TRANSLATE_NOOP("@default", "Largest disposal fee rise considered"),
        QT_TRANSLATE_NOOP(
            "@default", "level of the disposal_fee scenario in resources/policy_scenarios.csv"
        ),
    ),
    "max_cofinance_share": (
        "",
        QT_TRANSLATE_NOOP("@default", "Largest co-financed share of pre-processing considered"),
        QT_TRANSLATE_NOOP(
            "@default", "level of the infrastructure scenario in resources/policy_scenarios.csv"
        ),
    ),
    "max_rail_discount": (
        "",
        QT_TRANSLATE_NOOP("@default", "Largest rail tariff discount considered"),
        QT_TRANSLATE_NOOP(
            "@default", "level of the rail_discount scenario in resources/policy_scenarios.csv"
        ),
    ),
}
# fmt: on

# quality attribute of a flow -> (requirement column of a rule, comparison, remedy parameter,
# remedy). Comparisons: "in" = the flow's value is one of the listed (";"-separated), "max" =
# the flow's value must not exceed the requirement.
QUALITY_CHECKS = {
    "q_ash_class": (
        "req_ash_class",
        "in",
        "remedy_ash_class_rub",
        QT_TRANSLATE_NOOP("@default", "classification or selective collection"),
    ),
    "q_loi_pct": (
        "req_max_loi_pct",
        "max",
        "remedy_loi_rub",
        QT_TRANSLATE_NOOP("@default", "carbon removal"),
    ),
    "q_particle_mm": (
        "req_max_particle_mm",
        "max",
        "remedy_particle_rub",
        QT_TRANSLATE_NOOP("@default", "crushing and screening"),
    ),
    "q_moisture_pct": (
        "req_max_moisture_pct",
        "max",
        "remedy_moisture_rub",
        QT_TRANSLATE_NOOP("@default", "drying"),
    ),
}
NO_REQUIREMENT = {"none", "-", "n/a", "any"}  # req_ash_class saying "no requirement": passes
PASSES, FAILS, NOT_CHECKED = "passes", "fails", "not checked"
PIPE_MODES = {"pipeline", "heat_main"}

# message templates of the per-category texts (the adapters translate them)
# pylupdate5 skips a QT_TRANSLATE_NOOP call with a trailing comma: keep the formatter out
# fmt: off
T = {
    "unpriced": QT_TRANSLATE_NOOP("@default", "not priced: flow, rule or unit conversion missing"),
    "loses": QT_TRANSLATE_NOOP("@default", "loses {shortfall:,.0f} RUB per {unit}"),
    "outcompeted": QT_TRANSLATE_NOOP(
        "@default", "earns {benefit:,.0f} RUB per {unit}, needs {opportunity:,.0f} to be chosen"
    ),
    "quality_fail": QT_TRANSLATE_NOOP(
        "@default", "{attribute} {value} outside the requirement {requirement}: {remedy}"
    ),
    "not_checked": QT_TRANSLATE_NOOP("@default", "quality not checked: {attributes}"),
    "preprocessing": QT_TRANSLATE_NOOP(
        "@default", "pre-processing: {what}, {cost:,.0f} RUB per unit"
    ),
    "unreachable": QT_TRANSLATE_NOOP("@default", "unreachable on the network: {reason}"),
    "pipeline": QT_TRANSLATE_NOOP(
        "@default", "{what}: {km:,.1f} km, about {capex:,.0f} million RUB"
    ),
    "heat_main": QT_TRANSLATE_NOOP("@default", "heat main"),
    "pipe": QT_TRANSLATE_NOOP("@default", "pipeline"),
    "no_rail": QT_TRANSLATE_NOOP(
        "@default", "{km:,.0f} km haul, nearest rail terminal {terminal_km:,.1f} km away"
    ),
    "licence": QT_TRANSLATE_NOOP(
        "@default", "FKKO {code}: hazard class {roman}, licence needed to transport and use it"
    ),
    "class_v": QT_TRANSLATE_NOOP("@default", "FKKO {code}: hazard class V, no licence needed"),
    "class_unknown": QT_TRANSLATE_NOOP(
        "@default", "hazard class not checked: no valid FKKO code ({detail})"
    ),
    "waste": QT_TRANSLATE_NOOP(
        "@default",
        "handled as waste{assumed}; recognised as a by-product it would need no licence, no "
        "waste passport and no disposal payment, and could be sold under a specification"
    ),
    "assumed": QT_TRANSLATE_NOOP("@default", " (assumed from the material catalogue)"),
    "estimated": QT_TRANSLATE_NOOP("@default", "quantity estimated: {flows}"),
    "share": QT_TRANSLATE_NOOP(
        "@default", "the supplier could cover {share:.0%} of the consumer's need"
    ),
    "single": QT_TRANSLATE_NOOP("@default", "the only candidate supplier of this consumer"),
    "basis_not_checked": QT_TRANSLATE_NOOP(
        "@default", "quantity basis not checked (no qty_basis)"
    ),
}
# fmt: on

NUMERIC_COLUMNS = [
    "net_benefit_t",
    "opportunity_t",
    "shortfall_t",
    "be_price",
    "be_fee",
    "be_cofin",
    "be_rail",
    "max_qty",
    "held_benefit",
    "chosen_qty",
    "pipe_km",
    "pipe_capex",
    "terminal_km",
    "supplier_share",
]
TEXT_COLUMNS = [
    "economic",
    "technological",
    "infrastructure",
    "institutional",
    "supply",
    "tech_status",
    "binding",
    "barrier",
    "instrument",
    "instrument_code",  # the code behind the (translatable) instrument label, for tools
    "barriers",
    "qty_unit",
]
DIAGNOSIS_COLUMNS = (
    ["chosen"] + NUMERIC_COLUMNS[:4] + ["hazard_class"] + NUMERIC_COLUMNS[4:] + TEXT_COLUMNS
)
SUMMARY_COLUMNS = [
    "category",
    "barrier",
    "shows_as",
    "instrument",
    "links_affected",
    "links_binding",
    "tonnes_binding",
    "benefit_held",
    "gap_rub",
]


@dataclass
class Diagnosis:
    links: pd.DataFrame  # input links + DIAGNOSIS_COLUMNS; texts as (template, params) lists
    summary: pd.DataFrame  # SUMMARY_COLUMNS
    objective: float  # the allocation's net benefit
    status: str


# --- exact thresholds from the allocation's dual ------------------------------------------


def opportunity_values(unit, lk, capacity, links_index=None, is_canceled=None, shortcut=True):
    """u_s + f v_d at its largest over the optimal duals of the allocation LP, per link.

    The optimal duals are the dual-feasible prices in complementary slackness with the
    optimal tonnages: a slack capacity has price 0, a used link has u_s + f v_d = b. Where
    these pin both ends of a link (a slack capacity, a chain of used links from one, or a
    cycle whose gains differ from 1) the one optimal dual gives the value; the prices left
    free move in the null space of the used links' equations, and a small LP in that space
    finds the largest price of each free node (and of each link with both ends free).

    Parameters
    ----------
    unit, lk, capacity : as returned by allocation.link_economics
    links_index : array of int, optional
        Positions in ``lk`` to compute (default: all).
    shortcut : bool
        False maximises over the whole optimal face for every link, one LP each (the
        reference the tests compare with; slow).

    Returns
    -------
    (numpy.ndarray, float)
        The values (NaN where not computed, inf where no finite price makes the link
        chosen, e.g. a supply or demand of zero) and the LP's optimal net benefit.
    """
    n = len(lk)
    values = np.full(n, np.nan)
    if n == 0:
        return values, 0.0
    s_idx, s_keys = pd.factorize(lk["supply_flow"])
    d_idx, d_keys = pd.factorize(lk["demand_flow"])
    n_s, n_d = len(s_keys), len(d_keys)
    node_s, node_d = s_idx, n_s + d_idx
    factor = unit["factor"].to_numpy(float)
    benefit = unit["benefit"].to_numpy(float)
    rows = np.arange(n)
    # dual feasibility: u_s + f v_d >= b  <=>  -u_s - f v_d <= -b
    a_dual = coo_matrix(
        (np.concatenate([-np.ones(n), -factor]), (np.r_[rows, rows], np.r_[node_s, node_d])),
        shape=(n, n_s + n_d),
    ).tocsr()
    cap = np.concatenate(
        [capacity.loc[s_keys].to_numpy(float), capacity.loc[d_keys].to_numpy(float)]
    )
    res = linprog(cap, A_ub=a_dual, b_ub=-benefit, bounds=(0, None), method="highs")
    if res.status != 0:
        raise ValueError(f"dual of the allocation not solved: {res.message}")
    best, prices = float(res.fun), res.x
    todo = np.arange(n) if links_index is None else np.asarray(links_index, int)
    if not shortcut:
        _face_values(
            values, todo, a_dual, benefit, cap, prices, best, node_s, node_d, factor, is_canceled
        )
        return values, best
    tonnage = np.maximum(-res.ineqlin.marginals, 0.0)  # the primal, from the dual's marginals
    pinned, moving = _pinned_nodes(node_s, node_d, factor, tonnage, cap)
    values[todo] = prices[node_s[todo]] + factor[todo] * prices[node_d[todo]]
    free = np.flatnonzero(~pinned)
    loose = todo[~(pinned[node_s[todo]] & pinned[node_d[todo]])]
    if len(loose) == 0:
        return values, best
    _free_values(values, loose, free, prices, benefit, node_s, node_d, factor, moving, is_canceled)
    return values, best


def _free_values(
    values, loose, free, prices, benefit, node_s, node_d, factor, moving, is_canceled
):
    """Largest u_s + f v_d of links with a free end: prices of free nodes y0 + N t, N the
    null space of the used links' equations among them; t bounded by y >= 0 and the
    feasibility of every unused link touching a free node."""
    from scipy.linalg import null_space

    position = np.full(len(prices), -1)
    position[free] = np.arange(len(free))
    inner = moving & (position[node_s] >= 0)  # used links among free nodes (both ends free)
    equations = np.zeros((int(inner.sum()), len(free)))
    for row, e in enumerate(np.flatnonzero(inner)):
        equations[row, position[node_s[e]]] = 1.0
        equations[row, position[node_d[e]]] = factor[e]
    basis = null_space(equations) if len(equations) else np.eye(len(free))
    touching = ~moving & ((position[node_s] >= 0) | (position[node_d] >= 0))
    # y0 + N t >= 0  and, per unused link touching a free node, a_l . y >= b_l
    direction = np.zeros((int(touching.sum()), basis.shape[1]))
    links_touching = np.flatnonzero(touching)
    for row, e in enumerate(links_touching):
        if position[node_s[e]] >= 0:
            direction[row] += basis[position[node_s[e]]]
        if position[node_d[e]] >= 0:
            direction[row] += factor[e] * basis[position[node_d[e]]]
    slack_now = (
        prices[node_s[links_touching]]
        + factor[links_touching] * prices[node_d[links_touching]]
        - benefit[links_touching]
    )
    a_ub = np.vstack([-basis, -direction])
    b_ub = np.concatenate([prices[free], np.maximum(slack_now, 0.0)])
    cache = {}
    for k in loose:
        if is_canceled is not None and is_canceled():
            return
        ends = [
            (node, weight)
            for node, weight in ((node_s[k], 1.0), (node_d[k], factor[k]))
            if position[node] >= 0
        ]
        if len(ends) == 1:  # one free end: its largest price, whatever the link
            (node, scale), key = ends[0], (ends[0][0],)
            objective = basis[position[node]]
        else:
            scale, key = 1.0, (node_s[k], node_d[k], factor[k])
            objective = basis[position[node_s[k]]] + factor[k] * basis[position[node_d[k]]]
        if key not in cache:
            cache[key] = _largest(objective, a_ub, b_ub)
        if scale > 0:
            values[k] += scale * cache[key]


def _largest(objective, a_ub, b_ub):
    """max objective . t subject to a_ub t <= b_ub (inf when unbounded)."""
    if not np.any(objective):
        return 0.0
    r = linprog(-objective, A_ub=a_ub, b_ub=b_ub, bounds=(None, None), method="highs")
    return np.inf if r.status == 3 else -r.fun if r.status == 0 else np.nan


def _face_values(
    values, todo, a_dual, benefit, cap, prices, best, node_s, node_d, factor, is_canceled
):
    """The reference: one LP per link over the whole optimal face of the dual."""
    a_face = _vstack_row(a_dual, cap)
    b_face = np.concatenate([-benefit, [best + 1e-9 * max(1.0, abs(best)) + 1e-7]])
    for k in todo:
        if is_canceled is not None and is_canceled():
            return
        c = np.zeros(a_dual.shape[1])
        c[node_s[k]] -= 1.0
        c[node_d[k]] -= factor[k]
        r = linprog(c, A_ub=a_face, b_ub=b_face, bounds=(0, None), method="highs")
        values[k] = np.inf if r.status == 3 else -r.fun if r.status == 0 else np.nan


def _pinned_nodes(node_s, node_d, factor, tonnage, cap, max_rank_size=400):
    """Nodes whose dual price every optimal dual shares: complementary slackness with the
    optimal tonnages fixes a slack capacity's price at 0 and ties the two prices of a used
    link (u_s + f v_d = b); a part of the used-link graph is pinned when it holds a slack
    node or its equations have full rank."""
    from scipy.sparse.csgraph import connected_components

    n_nodes = len(cap)
    used = np.bincount(node_s, weights=tonnage, minlength=n_nodes) + np.bincount(
        node_d, weights=tonnage * factor, minlength=n_nodes
    )
    slack = cap - used > 1e-7 * np.maximum(1.0, cap)
    moving = tonnage > 1e-7 * np.maximum(1.0, cap[node_s])
    graph = coo_matrix(
        (np.ones(moving.sum()), (node_s[moving], node_d[moving])), shape=(n_nodes, n_nodes)
    )
    _, part = connected_components(graph, directed=False)
    pinned = np.zeros(n_nodes, bool)
    for label in np.unique(part):
        nodes = np.flatnonzero(part == label)
        if slack[nodes].any():
            pinned[nodes] = True
            continue
        edges = np.flatnonzero(moving & (part[node_s] == label))
        if len(edges) < len(nodes) or len(nodes) > max_rank_size:
            continue
        position = {node: k for k, node in enumerate(nodes)}
        matrix = np.zeros((len(edges), len(nodes)))
        for row, e in enumerate(edges):
            matrix[row, position[node_s[e]]] = 1.0
            matrix[row, position[node_d[e]]] = factor[e]
        pinned[nodes] = np.linalg.matrix_rank(matrix) == len(nodes)
    return pinned, moving


def _vstack_row(matrix, row):
    from scipy.sparse import csr_matrix, vstack

    return vstack([matrix, csr_matrix(np.asarray(row, float).reshape(1, -1))]).tocsr()


# --- the diagnosis ------------------------------------------------------------------------


def _numeric(frame, column):
    if column not in frame.columns:
        return pd.Series(np.nan, index=frame.index, dtype=float)
    return pd.to_numeric(frame[column], errors="coerce")


def _text(value):
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _flow_key(value):
    """A flow id as allocation compares them: text, integer-valued numbers without '.0'."""
    if isinstance(value, float) and value == value and value.is_integer():
        return str(int(value))
    return _text(value)


def diagnose(
    links: pd.DataFrame,
    flows: pd.DataFrame,
    rules=None,
    materials=None,
    economics: Economics | None = None,
    params: DiagnosisParameters | None = None,
    chosen: pd.DataFrame | None = None,
    terminal_km: pd.Series | None = None,
    quota_materials=(),
    progress=None,
    is_canceled=None,
) -> Diagnosis:
    """Barriers of every link, the binding one, its instrument and the break-even values.

    Parameters
    ----------
    links : pandas.DataFrame
        Candidates (findcandidates) or routed links (networklinks): supply_flow, demand_flow,
        rule_id; optionally reachable, reason, mode, net_km, dist_km, rail_km, cost_t,
        supply_ent, demand_ent.
    flows : pandas.DataFrame
        The flows; optional q_* quality columns, legal_status (waste / by_product),
        qty_basis (reported / estimated), fkko.
    rules, materials : catalogues (None: the bundled ones); rules may hold req_* columns.
    economics : allocation.Economics
        Prices and knobs, as for optimise (quotas are ignored: the diagnosis is about links).
    params : DiagnosisParameters
    chosen : pandas.DataFrame, optional
        Exchanges of optimizeexchanges (supply_flow, demand_flow, rule_id, tonnage) to mark
        chosen links; default: the links are optimised here.
    terminal_km : pandas.Series, optional
        Per link (aligned with ``links``), km from the farther partner to its nearest rail
        terminal; the rail-access check is "not checked" without it.
    quota_materials : iterable of str
        Demand materials a green procurement quota may cover.

    Returns
    -------
    Diagnosis
    """
    economics = replace(economics or Economics(), quotas={})
    params = params or DiagnosisParameters()
    materials = load_materials() if materials is None else materials
    rule_table = load_synergies(rules).copy()
    rule_table["rule_id"] = rule_table["rule_id"].astype(str)
    rule_table = rule_table.drop_duplicates("rule_id").set_index("rule_id")
    out = links.reset_index(drop=True).copy()
    out["_row"] = np.arange(len(out))
    lk, unit, capacity, _, fl = link_economics(
        out, flows, rule_table.reset_index(), materials, economics
    )
    if progress:
        progress(10.0)
    result = optimise(out, flows, rule_table.reset_index(), materials, economics)
    chosen_qty = _chosen_quantities(lk, result.exchanges, chosen)
    pending = np.flatnonzero(chosen_qty <= 0)
    opportunity, objective = opportunity_values(
        unit, lk, capacity, pending, is_canceled=is_canceled
    )
    if progress:
        progress(70.0)
    econ = _economic_table(lk, unit, capacity, rule_table, economics, opportunity, chosen_qty)
    frame = _assemble(out, lk, econ, flows, fl, rule_table, materials, params, terminal_km)
    frame = _decide(frame, params, set(quota_materials))
    kept = [c for c in out.columns if c != "_row" and c not in DIAGNOSIS_COLUMNS]
    out = pd.concat([out[kept], frame[DIAGNOSIS_COLUMNS]], axis=1)
    if progress:
        progress(90.0)
    return Diagnosis(out, summarise(out), objective, result.status)


def _chosen_quantities(lk, exchanges, chosen):
    """Quantity moved on each link of ``lk`` by the given or the computed exchanges."""
    source = exchanges if chosen is None else chosen
    if source is None or len(source) == 0 or "tonnage" not in source.columns:
        return np.zeros(len(lk))
    keys = ["supply_flow", "demand_flow", "rule_id"]
    if any(k not in source.columns for k in keys):
        return np.zeros(len(lk))
    moved = (
        pd.DataFrame({k: source[k].map(_flow_key) for k in keys})
        .assign(q=pd.to_numeric(source["tonnage"], errors="coerce").fillna(0.0))
        .groupby(keys)["q"]
        .sum()
    )
    index = pd.MultiIndex.from_frame(lk[keys].astype(str))
    return moved.reindex(index).fillna(0.0).to_numpy()


def _economic_table(lk, unit, capacity, rules, economics, opportunity, chosen_qty):
    benefit = unit["benefit"].to_numpy(float)
    factor = unit["factor"].to_numpy(float)
    opp = np.where(chosen_qty > 0, benefit, opportunity)
    gap = np.where(chosen_qty > 0, 0.0, np.maximum(opp - benefit, 0.0))
    processing_full = rules.loc[lk["rule_id"], "preprocessing_cost_rub"].fillna(0.0).to_numpy()
    rail_km = _numeric(lk, "rail_km").fillna(0.0).to_numpy()
    t_yr = lk["supply_unit"].astype(str).eq("t/yr").to_numpy()
    price = _numeric(unit.assign(p=unit["purchase"] / np.where(factor > 0, factor, np.nan)), "p")
    with np.errstate(divide="ignore", invalid="ignore"):
        be_price = price.to_numpy() + gap / factor
        be_fee = np.where(t_yr, economics.disposal_fee_delta + gap, np.nan)
        be_cofin = np.where(
            processing_full > 0, economics.processing_subsidy + gap / processing_full, np.nan
        )
        rail_unit = rail_km * economics.rail_cost_per_tkm
        be_rail = np.where(rail_unit > 0, economics.rail_discount + gap / rail_unit, np.nan)
    unchosen = chosen_qty <= 0
    cap_s = capacity.loc[lk["supply_flow"]].to_numpy(float)
    cap_d = capacity.loc[lk["demand_flow"]].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        max_qty = np.minimum(cap_s, np.where(factor > 0, cap_d / factor, 0.0))
        share = np.where(cap_d > 0, np.minimum(1.0, cap_s * factor / cap_d), np.nan)
    return pd.DataFrame(
        {
            "_row": lk["_row"].to_numpy(),
            "chosen": chosen_qty > 0,
            "chosen_qty": chosen_qty,
            "net_benefit_t": benefit,
            "opportunity_t": opp,
            "shortfall_t": gap,
            "be_price": np.where(unchosen, be_price, np.nan),
            "be_fee": np.where(unchosen, be_fee, np.nan),
            "be_cofin": np.where(unchosen, be_cofin, np.nan),
            "be_rail": np.where(unchosen, be_rail, np.nan),
            "max_qty": max_qty,
            "held_benefit": np.maximum(benefit, 0.0) * max_qty,
            "supplier_share": share,
            "qty_unit": lk["supply_unit"].astype(str).to_numpy(),
        }
    )


def _assemble(out, lk, econ, flows, fl, rules, materials, params, terminal_km):
    """One row per input link: economics where the allocation could price it, every other
    category from the flows, the rule and the route."""
    frame = pd.DataFrame({"_row": out["_row"]}).merge(econ, on="_row", how="left")
    frame["chosen"] = frame["chosen"].fillna(False).astype(bool)
    flow_table = fl
    s_id = (
        out["supply_flow"].map(_flow_key)
        if "supply_flow" in out
        else pd.Series("", index=out.index)
    )
    d_id = (
        out["demand_flow"].map(_flow_key)
        if "demand_flow" in out
        else pd.Series("", index=out.index)
    )
    rule_id = out["rule_id"].map(_text)
    s_flow = flow_table.reindex(s_id)
    d_flow = flow_table.reindex(d_id)
    rule = rules.reindex(rule_id)
    texts = {c: [[] for _ in range(len(out))] for c in CATEGORY_TEXT}
    present = {b.key: np.zeros(len(out), bool) for b in BARRIERS}
    frame["hazard_class"] = np.nan
    frame["tech_status"] = NOT_CHECKED
    frame["pipe_km"] = np.nan
    frame["pipe_capex"] = np.nan
    frame["terminal_km"] = (
        np.nan if terminal_km is None else pd.Series(terminal_km).reset_index(drop=True).to_numpy()
    )
    _economic_texts(frame, texts, present)
    _technological(frame, s_flow, rule, params, texts, present)
    _infrastructure(frame, out, s_flow, materials, params, texts, present)
    _institutional(frame, s_flow, materials, texts, present)
    _supply(frame, out, s_flow, d_flow, s_id, d_id, params, texts, present)
    unpriced = ~np.isfinite(frame["net_benefit_t"].to_numpy(float)) & ~present["unreachable"]
    present["unpriced"] = unpriced
    for i in np.flatnonzero(unpriced):
        texts["economic"][i].append(("unpriced", {}))
    for column in CATEGORY_TEXT:
        frame[column] = texts[column]
    frame["_present"] = [[b.key for b in BARRIERS if present[b.key][i]] for i in range(len(out))]
    return frame


CATEGORY_TEXT = ["economic", "technological", "infrastructure", "institutional", "supply"]


def _economic_texts(frame, texts, present):
    benefit = frame["net_benefit_t"].to_numpy(float)
    opp = frame["opportunity_t"].to_numpy(float)
    chosen = frame["chosen"].to_numpy(bool)
    for i in range(len(frame)):
        if chosen[i] or not np.isfinite(benefit[i]):
            continue
        unit = str(frame.at[i, "qty_unit"]).split("/")[0]
        if benefit[i] < 0:
            present["loses_money"][i] = True
            texts["economic"][i].append(("loses", {"shortfall": -benefit[i], "unit": unit}))
        else:  # worth doing, yet left out: other exchanges use the capacity as well or better
            present["outcompeted"][i] = True
            texts["economic"][i].append(
                ("outcompeted", {"benefit": benefit[i], "opportunity": opp[i], "unit": unit})
            )


def _texts_of(frame, column):
    """A column as a list of stripped texts ('' for missing); '' for every row if absent."""
    if column not in frame.columns:
        return [""] * len(frame)
    return [_text(v) for v in frame[column].tolist()]


def _technological(frame, s_flow, rule, params, texts, present):
    checks = [
        (attribute, _texts_of(rule, req_col), _texts_of(s_flow, attribute), how, param, remedy)
        for attribute, (req_col, how, param, remedy) in QUALITY_CHECKS.items()
    ]
    what_of = _texts_of(rule, "preprocessing")
    cost_of = pd.to_numeric(rule["preprocessing_cost_rub"], errors="coerce").tolist()
    status = []
    for i in range(len(frame)):
        failed, unchecked = [], []
        for attribute, requirements, values, how, param, remedy in checks:
            requirement, value = requirements[i], values[i]
            if requirement.lower() in NO_REQUIREMENT:
                continue
            if not requirement or not value:
                unchecked.append(attribute)
                continue
            if not _meets(value, requirement, how):
                failed.append(attribute)
                texts["technological"][i].append(
                    (
                        "quality_fail",
                        {
                            "attribute": attribute,
                            "value": value,
                            "requirement": ("<= " if how == "max" else "") + requirement,
                            "remedy": (remedy, getattr(params, param)),
                        },
                    )
                )
        if failed:
            present["quality"][i] = True
        status.append(FAILS if failed else NOT_CHECKED if unchecked else PASSES)
        if unchecked:
            texts["technological"][i].append(("not_checked", {"attributes": ", ".join(unchecked)}))
        what, cost = what_of[i], cost_of[i]
        if what and what.lower() not in ("none", "loading only") and cost == cost and cost > 0:
            texts["technological"][i].append(("preprocessing", {"what": what, "cost": cost}))
    frame["tech_status"] = status


def _meets(value, requirement, how):
    if how == "in":
        allowed = {p.strip().lower() for p in requirement.replace(",", ";").split(";")}
        return value.strip().lower() in allowed
    v, r = pd.to_numeric(value, errors="coerce"), pd.to_numeric(requirement, errors="coerce")
    if v != v or r != r:
        return True  # unreadable numbers are not a proven mismatch (reported as not checked)
    return v <= r


def _infrastructure(frame, out, s_flow, materials, params, texts, present):
    reachable = (
        [v if isinstance(v, bool) else _text(v).lower() in ("1", "true") for v in out["reachable"]]
        if "reachable" in out.columns
        else [True] * len(out)
    )
    mode = _texts_of(out, "mode")
    reason = _texts_of(out, "reason")
    dist = _numeric(out, "dist_km").to_numpy()
    net = _numeric(out, "net_km").to_numpy()
    rail = _numeric(out, "rail_km").fillna(0.0).to_numpy()
    haul = np.where(np.isnan(net), dist, net)
    terminal = frame["terminal_km"].to_numpy(float)
    modes_of = {}
    if "transport_modes" in materials.columns:
        modes_of = {
            code: set(_text(v).split(";")) - {""}
            for code, v in zip(materials.index, materials["transport_modes"])
        }
    pipe_km, pipe_capex = np.full(len(out), np.nan), np.full(len(out), np.nan)
    for i, material in enumerate(_texts_of(s_flow, "material")):
        modes = modes_of.get(material, set())
        if not reachable[i]:
            present["unreachable"][i] = True
            texts["infrastructure"][i].append(("unreachable", {"reason": reason[i] or "-"}))
            continue
        if mode[i] in PIPE_MODES or (modes and modes <= PIPE_MODES):
            heat = mode[i] == "heat_main" or "heat_main" in modes
            km = (dist[i] if dist[i] == dist[i] else net[i]) * params.pipe_detour
            per_km = params.heat_main_rub_per_km if heat else params.pipeline_rub_per_km
            pipe_km[i], pipe_capex[i] = km, km * per_km
            present["pipeline"][i] = True
            texts["infrastructure"][i].append(
                (
                    "pipeline",
                    {
                        "what": ("heat_main" if heat else "pipe",),
                        "km": km,
                        "capex": km * per_km / 1e6,
                    },
                )
            )
            continue
        if (
            "rail" in modes
            and rail[i] <= 0
            and haul[i] >= params.rail_haul_km
            and terminal[i] == terminal[i]
            and terminal[i] > params.rail_access_km
        ):
            present["no_rail"][i] = True
            texts["infrastructure"][i].append(
                ("no_rail", {"km": haul[i], "terminal_km": terminal[i]})
            )
    frame["pipe_km"], frame["pipe_capex"] = pipe_km, pipe_capex


# Gases, heat and water are governed by air, energy and water law, not by the waste law
# (Federal Law 89-FZ art. 2 excludes emissions to air and discharges to water bodies).
NOT_WASTE_CATEGORIES = {"gas", "heat", "water"}


def _may_be_waste(material, materials):
    """A waste or by-product of a category the waste law covers, or one the FKKO has a
    block for."""
    if not material or material not in materials.index:
        return False
    if expected_prefixes(material, materials):
        return True
    role = _text(materials.at[material, "role"]) if "role" in materials.columns else ""
    category = _text(materials.at[material, "category"])
    return role in ("waste", "by-product") and category not in NOT_WASTE_CATEGORIES


def _institutional(frame, s_flow, materials, texts, present):
    statuses = [t.lower() for t in _texts_of(s_flow, "legal_status")]
    role_of = (
        {code: _text(v) for code, v in zip(materials.index, materials["role"])}
        if "role" in materials.columns
        else {}
    )
    parsed_of, waste_of = {}, {}
    hazard = np.full(len(frame), np.nan)
    materials_of, codes = _texts_of(s_flow, "material"), _texts_of(s_flow, "fkko")
    for i, (material, code) in enumerate(zip(materials_of, codes)):
        if code not in parsed_of:
            parsed_of[code] = parse_fkko(code)
        if material not in waste_of:
            waste_of[material] = _may_be_waste(material, materials)
        parsed = parsed_of[code]
        if not parsed.valid and not waste_of[material]:
            continue  # energy, gas, water, primary materials: not waste under the law
        cls = parsed.hazard_class
        if cls is not None:
            hazard[i] = cls
        if cls in LICENSED_CLASSES:
            present["licence"][i] = True
            texts["institutional"][i].append(
                ("licence", {"code": parsed.formatted(), "roman": HAZARD_CLASS_ROMAN[cls]})
            )
        elif cls == 5:
            texts["institutional"][i].append(("class_v", {"code": parsed.formatted()}))
        else:
            detail = parsed.message if code else "-"
            texts["institutional"][i].append(("class_unknown", {"detail": detail}))
        status, assumed = statuses[i], False
        if not status:
            role = role_of.get(material, "")
            status, assumed = ("waste" if role == "waste" else "by_product" if role else ""), True
        if status == "waste":
            present["waste_status"][i] = True
            texts["institutional"][i].append(
                ("waste", {"assumed": ("assumed",) if assumed else ""})
            )
    frame["hazard_class"] = hazard


def _supply(frame, out, s_flow, d_flow, s_id, d_id, params, texts, present):
    has_basis = "qty_basis" in s_flow.columns
    supplier = (
        out["supply_ent"].map(_text)
        if "supply_ent" in out.columns
        else out["supply_flow"].map(_flow_key)
    )
    suppliers_of = supplier.groupby(d_id.to_numpy()).nunique()
    share = frame["supplier_share"].to_numpy(float)
    for i in range(len(frame)):
        if has_basis:
            estimated = [
                ids.iloc[i]
                for table, ids in ((s_flow, s_id), (d_flow, d_id))
                if _text(table["qty_basis"].iloc[i]).lower() == "estimated"
            ]
            if estimated:
                present["estimated_quantity"][i] = True
                texts["supply"][i].append(("estimated", {"flows": ", ".join(estimated)}))
        else:
            texts["supply"][i].append(("basis_not_checked", {}))
        if share[i] == share[i]:
            texts["supply"][i].append(("share", {"share": share[i]}))
            if suppliers_of.get(d_id.iloc[i], 0) == 1 and share[i] >= params.dependence_share:
                present["single_supplier"][i] = True
                texts["supply"][i].append(("single", {}))


def economic_instrument(row, params, quota_materials):
    """For a link that loses money: the instrument whose break-even needs the smallest share
    of its policy range (params.max_*); a green procurement quota when none is within its
    range and the consumer's material may fall under a quota."""
    ranges = (
        ("be_fee", params.max_disposal_fee_delta, "disposal_fee"),
        ("be_cofin", params.max_cofinance_share, "co_financing"),
        ("be_rail", params.max_rail_discount, "rail_discount"),
    )
    options = sorted(
        (row[column] / max(limit, 1e-9), name)
        for column, limit, name in ranges
        if row[column] == row[column] and np.isfinite(row[column])
    )
    if options and options[0][0] <= 1.0:
        return options[0][1]
    if _text(row.get("demand_mat")) in quota_materials:
        return "green_procurement"
    return options[0][1] if options else "green_procurement"


def _decide(frame, params, quota_materials):
    binding, barrier, instrument, listed = [], [], [], []
    for row in frame.to_dict("records"):
        keys = row["_present"]
        listed.append(";".join(keys))
        if not keys:
            binding.append("")
            barrier.append("")
            instrument.append("none")
            continue
        first = BARRIER_BY_KEY[keys[0]]
        binding.append(first.category)
        barrier.append(first.key)
        instrument.append(
            economic_instrument(row, params, quota_materials)
            if first.instrument == "economic"
            else first.instrument
        )
    frame["binding"], frame["barrier"] = binding, barrier
    frame["instrument"], frame["barriers"] = instrument, listed
    frame["instrument_code"] = instrument  # the adapter translates "instrument", not this
    return frame


def summarise(links: pd.DataFrame) -> pd.DataFrame:
    """The study's table: per barrier, how it shows here, links where it is present, links it
    binds, their tonnes (t/yr supplies; links sharing a supply overlap) and net benefit."""
    rows = []
    present = links["barriers"].fillna("").str.split(";")
    t_yr = links["qty_unit"].eq("t/yr") if "qty_unit" in links.columns else None
    for b in BARRIERS:
        affected = present.map(lambda keys, key=b.key: key in keys)
        binds = links["barrier"].eq(b.key)
        instrument = b.instrument
        if instrument == "economic":  # decided per link: the one that serves most links
            chosen = links.loc[binds, "instrument"]
            instrument = chosen.mode().iloc[0] if len(chosen) else "disposal_fee"
        tonnes = links.loc[binds, "max_qty"]
        if t_yr is not None:
            tonnes = tonnes[t_yr[binds]]
        rows.append(
            {
                "category": b.category,
                "barrier": b.key,
                "shows_as": b.shows_as,
                "instrument": instrument,
                "links_affected": int(affected.sum()),
                "links_binding": int(binds.sum()),
                "tonnes_binding": float(np.nansum(tonnes)),
                "benefit_held": float(np.nansum(links.loc[binds, "held_benefit"])),
                "gap_rub": float(
                    np.nansum(links.loc[binds, "shortfall_t"] * links.loc[binds, "max_qty"])
                ),
            }
        )
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


INSTRUMENT_COLUMNS = ["instrument", "links", "tonnes", "benefit_held", "gap_rub"]


def instrument_summary(links: pd.DataFrame) -> pd.DataFrame:
    """Per instrument, the links whose binding barrier it addresses, their tonnes (t/yr
    supplies), the net benefit they hold and the money (shortfall x potential) to bridge;
    largest tonnes first."""
    bound = links[links["barrier"].fillna("").ne("")]
    tonnes = bound["max_qty"].where(bound["qty_unit"].eq("t/yr"), 0.0)
    table = (
        bound.assign(
            tonnes=tonnes.fillna(0.0),
            gap_rub=(bound["shortfall_t"] * bound["max_qty"]).fillna(0.0),
            benefit_held=bound["held_benefit"].fillna(0.0),
            links=1,
        )
        .groupby("instrument")[["links", "tonnes", "benefit_held", "gap_rub"]]
        .sum()
        .reset_index()
        .sort_values(["tonnes", "benefit_held"], ascending=False)
    )
    return table[INSTRUMENT_COLUMNS].reset_index(drop=True)


def render(findings, translate=lambda text: text, language="en") -> str:
    """A category's findings (a list of (template key, params)) as one translated text, its
    numbers written as ``language`` writes them."""
    parts = []
    for key, values in findings or []:
        shown = {}
        for name, value in values.items():
            if isinstance(value, tuple):  # a nested template key (and a cost)
                text = translate(T.get(value[0], value[0]))
                shown[name] = (
                    text
                    if len(value) == 1
                    else f"{text} ~{format_number(value[1], 0, language)} RUB/t"
                )
            else:
                shown[name] = value
        parts.append(format_localised(translate(T[key]), language, **shown))
    return "; ".join(parts)


# --- the report section -------------------------------------------------------------------

# pylupdate5 skips a QT_TRANSLATE_NOOP call with a trailing comma: keep the formatter out

# fmt: off
REPORT_TEXT = {
    "title": QT_TRANSLATE_NOOP(
        "@default", "Barriers to exchanges and the instruments that address them"
    ),
    "barriers": QT_TRANSLATE_NOOP("@default", "Barriers"),
    "instruments": QT_TRANSLATE_NOOP("@default", "Instruments"),
    "chart": QT_TRANSLATE_NOOP(
        "@default", "Tonnes held back by the barriers each instrument addresses, kt/yr"
    ),
    "footer": QT_TRANSLATE_NOOP(
        "@default",
        "Tonnes: t/yr supplies; links that share a supply overlap. Competition is not a "
        "barrier: the supply or demand earns more in another exchange."
    ),
}
# fmt: on
REPORT_HEADINGS = {
    "category": QT_TRANSLATE_NOOP("@default", "Category"),
    "shows_as": QT_TRANSLATE_NOOP("@default", "How it shows here"),
    "instrument": QT_TRANSLATE_NOOP("@default", "Instrument"),
    "links_affected": QT_TRANSLATE_NOOP("@default", "Links affected"),
    "links_binding": QT_TRANSLATE_NOOP("@default", "Links held back"),
    "tonnes_binding": QT_TRANSLATE_NOOP("@default", "Tonnes held back, t/yr"),
    "benefit_held": QT_TRANSLATE_NOOP("@default", "Net benefit held back, RUB/yr"),
    "gap_rub": QT_TRANSLATE_NOOP("@default", "Money to bridge, RUB/yr"),
    "links": QT_TRANSLATE_NOOP("@default", "Links"),
    "tonnes": QT_TRANSLATE_NOOP("@default", "Tonnes, t/yr"),
}


def report_section(summary, by_instrument, translate=lambda text: text) -> str:
    """An HTML section (h2 onwards) for a report: the study's table (SUMMARY_COLUMNS rows)
    and the instruments by the tonnes their barriers hold back (instrument_summary)."""
    import html

    t = lambda key: html.escape(translate(REPORT_TEXT[key]))  # noqa: E731
    heading = lambda column: translate(REPORT_HEADINGS.get(column, column))  # noqa: E731
    table = summary.assign(
        category=[translate(CATEGORIES[c]) for c in summary["category"]],
        shows_as=[translate(BARRIER_BY_KEY[b].shows_as) for b in summary["barrier"]],
        instrument=[translate(INSTRUMENTS.get(i, i)) for i in summary["instrument"]],
    )[[c for c in SUMMARY_COLUMNS if c != "barrier"]]
    instruments = by_instrument.assign(
        instrument=[translate(INSTRUMENTS[i]) for i in by_instrument["instrument"]]
    )[INSTRUMENT_COLUMNS]
    chart = bar_chart_svg(
        list(instruments["instrument"]), [list(instruments["tonnes"] / 1e3)], ["#6a1b9a"]
    )
    return (
        f"<h2>{t('barriers')}</h2>{table_html(table, heading)}"
        f"<h2>{t('instruments')}</h2><p>{t('chart')}</p>{chart}"
        f'{table_html(instruments, heading)}<p class="footer">{t("footer")}</p>'
    )


def report_page(summary, by_instrument, translate=lambda text: text) -> str:
    """A whole HTML page holding report_section."""
    import html

    title = html.escape(translate(REPORT_TEXT["title"]))
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{STYLE}</style></head><body><h1>{title}</h1>"
        f"{report_section(summary, by_instrument, translate)}</body></html>\n"
    )
