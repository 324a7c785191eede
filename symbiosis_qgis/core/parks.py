"""Eco-industrial parks: which candidate sites to open, which closing productions (tenant
modules) to put in each, which supplies they take in, and what the region co-finances.

An exact mixed-integer programme solved with scipy.optimize.milp (HiGHS):

- y_j (binary): site j opens;
- n_jk (integer): modules of tenant type k at site j;
- x_ij (continuous, material units per year): supply flow i delivered to site j; only pairs
  within reach and whose material some tenant accepts exist;
- z_jkm (continuous): material m used by tenant k at site j. What reaches a site is split
  among its tenants (sum_i x_ij over flows of m = sum_k z_jkm). This is an exact aggregation
  of the per-tenant flows x_ijk: a tonne's transport and avoided disposal depend on (i, j),
  its product value and operating cost on (k), so nothing is lost and the model has
  pairs + sites x recipe entries columns instead of pairs x tenants;
- C (continuous, RUB): the region's co-financing, at most ``share`` of the capex of the open
  sites and modules and at most ``budget``. Capex and budget are one-off RUB; the objective
  counts them annualised with the capital recovery factor. Any split of C among parks gives
  the same optimum; the parks report it in proportion to their capex.

Annual net benefit = sum_z (value - opex) z + sum_x (avoided disposal - transport) x
- CRF (sum capex_k n_jk + sum site_cost_j y_j - C).
Constraints: supply, module capacity, recipe shares (z_jkm <= share_km x tenant input), site
area (land of modules <= area_ha y_j), at most ``max_parks`` sites, co-financing.
"""

import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix, diags
from scipy.spatial import cKDTree

from ..paths import resource_path
from .catalogue import conversion_factor, load_materials
from .geodesy import ecef, geodesic_m
from .interruptible import SolveCanceledError, run_interruptible
from .text import QT_TRANSLATE_NOOP

TENANT_NUMERIC = [
    "module_capacity",
    "module_land_ha",
    "module_capex_rub",
    "opex_rub_per_unit",
    "product_yield",
    "product_price_rub",
]
TENANT_REQUIRED = ["tenant_id", "name_en", "unit", "inputs"] + TENANT_NUMERIC
# what a candidate-site layer must carry (name, land_status and fixed_cost are optional)
SITE_REQUIRED = ["site_id", "area_ha"]
# what a unit of an off-road material costs to move a km (pipeline, heat main): estimates
OFF_NETWORK_COST_PER_UNIT_KM = {"thousand m3/yr": 3.0, "GJ/yr": 2.0}
AMOUNT_SCALE = 1e3  # the solver counts amounts in thousands (kt, million m3, TJ)
MONEY_SCALE = 1e6  # and money in millions of RUB

# pylupdate5 skips a QT_TRANSLATE_NOOP call with a trailing comma: keep the formatter out

# fmt: off
MSG = {
    "no_sites": QT_TRANSLATE_NOOP("@default", "No candidate site has a usable location"),
    "site_area": QT_TRANSLATE_NOOP(
        "@default", "Sites without a positive area_ha (features {features})"
    ),
    "site_id": QT_TRANSLATE_NOOP(
        "@default", "Sites with an empty or repeated site_id (features {features})"
    ),
    "site_cost": QT_TRANSLATE_NOOP(
        "@default", "Sites with a negative fixed_cost (features {features})"
    ),
    "max_parks": QT_TRANSLATE_NOOP("@default", "MAX_PARKS must be at least 1"),
    "tenant_missing": QT_TRANSLATE_NOOP(
        "@default", "The tenant catalogue lacks the column(s): {columns}"
    ),
    "tenant_number": QT_TRANSLATE_NOOP(
        "@default",
        "Tenant '{tenant}': {column} must be a number >= 0 (module_capacity > 0), got '{value}'"
    ),
    "tenant_recipe": QT_TRANSLATE_NOOP(
        "@default",
        "Tenant '{tenant}': the inputs '{text}' are not MATERIAL=SHARE items with shares in "
        "(0, 1]"
    ),
    "tenant_material": QT_TRANSLATE_NOOP(
        "@default", "Tenant '{tenant}' accepts unknown material(s): {materials}"
    ),
    "tenant_unit": QT_TRANSLATE_NOOP(
        "@default",
        "Tenant '{tenant}' works in {unit}, but its input {material} is measured in {other}"
    ),
    "no_supply": QT_TRANSLATE_NOOP(
        "@default",
        "No supply flow within {km:g} km of any site is a material a tenant accepts"
    ),
}
# fmt: on
STATUS_TEXT = {
    "optimal": QT_TRANSLATE_NOOP("@default", "optimal (within the MIP gap asked for)"),
    "time_limit": QT_TRANSLATE_NOOP(
        "@default", "time limit reached: the best solution found is written"
    ),
    "no_solution": QT_TRANSLATE_NOOP(
        "@default", "time limit reached before any solution was found: nothing chosen"
    ),
    "canceled": QT_TRANSLATE_NOOP("@default", "canceled"),
    "infeasible": QT_TRANSLATE_NOOP("@default", "infeasible"),
    "error": QT_TRANSLATE_NOOP("@default", "the solver failed"),
}


class ParkError(ValueError):
    """Bad input; ``code`` keys MSG, ``params`` fill it."""

    def __init__(self, code, **params):
        self.code, self.params = code, params
        super().__init__(MSG[code].format(**params))


@dataclass
class ParkSettings:
    """The planner's knobs. Money in RUB; capex and budget one-off, the rest per year."""

    max_parks: int = 3
    budget: float = 400e6  # one-off co-financing the region can spend, RUB
    cofinance_share: float = 0.3  # most of a site's or module's capex the region pays
    discount_rate: float = 0.1
    lifetime: int = 15  # years over which capex is annualised
    max_distance_km: float = 50.0
    detour: float = 1.3  # road km per straight km when no network is given
    road_cost: float = 6.0  # RUB per t-km
    default_site_cost: float = 50e6  # one-off preparation of a site without fixed_cost
    time_limit: float = 60.0  # s
    mip_gap: float = 1e-4


def capital_recovery_factor(rate: float, years: int) -> float:
    """Annual payment per RUB of capex.

    Parameters
    ----------
    rate : float
        Discount rate per year (0.1 = 10 %).
    years : int
        Lifetime over which the capex is repaid.

    Returns
    -------
    float
        r (1 + r)^n / ((1 + r)^n - 1), or 1 / n when r is 0.
    """
    if years <= 0:
        raise ValueError("lifetime must be at least one year")
    if rate == 0:
        return 1.0 / years
    growth = (1.0 + rate) ** years
    return rate * growth / (growth - 1.0)


# ---------------------------------------------------------------- catalogue
def parse_inputs(text):
    """'fly_ash=0.3; bf_slag=1' -> {'fly_ash': 0.3, 'bf_slag': 1.0}; ValueError when malformed."""
    recipe = {}
    for item in str(text or "").replace(",", ";").split(";"):
        if not item.strip():
            continue
        name, sep, value = item.partition("=")
        share = float(value) if sep else 1.0
        if not name.strip() or not 0 < share <= 1:
            raise ValueError(item)
        recipe[name.strip()] = share
    if not recipe:
        raise ValueError(text)
    return recipe


def load_tenants(source=None, materials=None) -> pd.DataFrame:
    """The tenant catalogue (resources/park_tenants.csv or a frame), checked.

    Adds ``recipe`` ({material: max share of the input}) and ``value_per_unit`` (product
    yield x product price, RUB per unit of input). Raises ParkError naming the tenant.
    """
    if source is None:
        source = resource_path("park_tenants.csv")
    frame = (
        source.copy()
        if isinstance(source, pd.DataFrame)
        else pd.read_csv(source, dtype=str, keep_default_na=False)
    )
    missing = [c for c in TENANT_REQUIRED if c not in frame.columns]
    if missing:
        raise ParkError("tenant_missing", columns=", ".join(missing))
    materials = load_materials() if materials is None else materials
    frame["tenant_id"] = frame["tenant_id"].astype(str).str.strip()
    if "max_modules" not in frame.columns:
        frame["max_modules"] = ""
    for column in TENANT_NUMERIC + ["max_modules"]:
        raw = frame[column]
        values = pd.to_numeric(raw, errors="coerce")
        if column == "max_modules":  # empty: no limit
            blank = raw.isna() | raw.astype(str).str.strip().isin(["", "None", "nan", "NULL"])
            values = values.where(~blank, np.inf)
        bad = ~np.isfinite(values.where(values != np.inf, 0)) | (values < 0)
        if column == "module_capacity":
            bad |= values <= 0
        if bad.any():
            k = int(np.flatnonzero(bad.to_numpy())[0])
            raise ParkError(
                "tenant_number", tenant=frame["tenant_id"].iat[k], column=column, value=raw.iat[k]
            )
        frame[column] = values.astype(float)
    recipes = []
    for tenant, text, unit in zip(frame["tenant_id"], frame["inputs"], frame["unit"]):
        try:
            recipe = parse_inputs(text)
        except ValueError:
            raise ParkError("tenant_recipe", tenant=tenant, text=text) from None
        unknown = [m for m in recipe if m not in materials.index]
        if unknown:
            raise ParkError("tenant_material", tenant=tenant, materials=", ".join(unknown))
        for material in recipe:
            other = materials.at[material, "unit"]
            if conversion_factor(other, unit) != 1.0:
                raise ParkError(
                    "tenant_unit", tenant=tenant, unit=unit, material=material, other=other
                )
        recipes.append(recipe)
    frame["recipe"] = recipes
    frame["value_per_unit"] = frame["product_yield"] * frame["product_price_rub"]
    return frame.reset_index(drop=True)


# ---------------------------------------------------------------- inputs
def check_sites(sites, settings):
    """Sites with x (lon), y (lat), area_ha, fixed_cost filled; ParkError on bad rows."""
    if settings.max_parks < 1:
        raise ParkError("max_parks")
    out = sites.reset_index(drop=True).copy()
    ids = out["_fid"] if "_fid" in out.columns else out["site_id"]
    area = pd.to_numeric(out.get("area_ha"), errors="coerce")
    bad = ~(area > 0)
    if bad.any():
        raise ParkError("site_area", features=_first(ids[bad]))
    out["area_ha"] = area
    cost = pd.to_numeric(out.get("fixed_cost", pd.Series(np.nan, out.index)), errors="coerce")
    if (cost < 0).any():
        raise ParkError("site_cost", features=_first(ids[cost < 0]))
    out["fixed_cost"] = cost.fillna(settings.default_site_cost)
    site_id = out["site_id"].astype(str).str.strip()
    bad = site_id.isin(["", "None", "nan"]) | site_id.duplicated(keep="first")
    if bad.any():
        raise ParkError("site_id", features=_first(ids[bad]))
    out = out[np.isfinite(out["x"].astype(float)) & np.isfinite(out["y"].astype(float))]
    if out.empty:
        raise ParkError("no_sites")
    out["site_id"] = out["site_id"].astype(str)
    return out.reset_index(drop=True)


def _first(values, n=5):
    return ", ".join(str(v) for v in list(values)[:n])


def usable_supplies(flows, enterprises, materials):
    """Supply flows with lon/lat and quantity in their material's catalogue unit.

    flows: flow_id, ent_id, direction, material, quantity, unit, price; enterprises: ent_id,
    x, y. Returns (frame, number of supply flows skipped: unknown material or unit, no
    location, no positive quantity).
    """
    supply = flows[flows["direction"].astype(str).str.strip() == "supply"].copy()
    total = len(supply)
    supply["ent_id"] = supply["ent_id"].astype(str).str.strip()
    supply["material"] = supply["material"].astype(str).str.strip()
    supply = supply[supply["material"].isin(materials.index)]
    factor = [
        conversion_factor(str(u), materials.at[m, "unit"])
        for u, m in zip(supply["unit"], supply["material"])
    ]
    supply["factor"] = pd.to_numeric(pd.Series(factor, index=supply.index, dtype=object))
    supply["quantity"] = pd.to_numeric(supply["quantity"], errors="coerce") * supply["factor"]
    price = pd.to_numeric(supply.get("price"), errors="coerce").fillna(0.0)
    supply["price"] = price / supply["factor"]  # RUB per catalogue unit
    located = enterprises.assign(ent_id=enterprises["ent_id"].astype(str).str.strip())
    located = located.dropna(subset=["x", "y"]).drop_duplicates("ent_id").set_index("ent_id")
    supply = supply[supply["ent_id"].isin(located.index) & (supply["quantity"] > 0)]
    supply["x"] = located.loc[supply["ent_id"], "x"].to_numpy(float)
    supply["y"] = located.loc[supply["ent_id"], "y"].to_numpy(float)
    supply["unit"] = materials.loc[supply["material"], "unit"].to_numpy()
    supply["flow_id"] = supply["flow_id"].astype(str)
    return supply.drop(columns="factor").reset_index(drop=True), total - len(supply)


def geodesic_router(settings):
    """Cost per tonne from straight distance x detour x road tariff."""

    def route(o_lon, o_lat, d_lon, d_lat):
        km = geodesic_m(o_lon, o_lat, d_lon, d_lat) / 1000.0 * settings.detour
        return km * settings.road_cost, km, np.ones(len(km), bool)

    return route


def supply_site_pairs(supplies, sites, tenants, materials, settings, router=None):
    """Every (supply flow, site) pair within reach whose material some tenant accepts.

    Reach: MAX_DISTANCE, and for materials that move by pipeline or heat main also the
    material's economic radius; those are costed per straight km (OFF_NETWORK_COST...).
    ``router(o_lon, o_lat, d_lon, d_lat) -> (cost per unit, km, reachable)`` costs road and
    rail materials; by default geodesic distance x detour x road tariff.
    """
    router = router or geodesic_router(settings)
    accepted = set().union(*tenants["recipe"]) if len(tenants) else set()
    supplies = supplies[supplies["material"].isin(accepted)]  # keeps the row labels: i
    empty = pd.DataFrame(columns=["i", "j", "km", "cost", "straight_km"])
    if supplies.empty:
        return empty
    site_tree = cKDTree(ecef(sites["x"], sites["y"]))
    ents = supplies.drop_duplicates("ent_id")[["ent_id", "x", "y"]].reset_index(drop=True)
    # a chord is never longer than the geodesic: the chord search misses no pair
    hits = site_tree.query_ball_point(ecef(ents["x"], ents["y"]), settings.max_distance_km * 1e3)
    e_idx = np.repeat(np.arange(len(ents)), [len(h) for h in hits])
    s_idx = np.concatenate([np.asarray(h, np.int64) for h in hits]) if len(hits) else []
    s_idx = np.asarray(s_idx, np.int64)
    straight = (
        geodesic_m(ents["x"].to_numpy()[e_idx], ents["y"].to_numpy()[e_idx],
                   sites["x"].to_numpy()[s_idx], sites["y"].to_numpy()[s_idx]) / 1000.0
    )  # fmt: skip
    near = straight <= settings.max_distance_km
    e_idx, s_idx, straight = e_idx[near], s_idx[near], straight[near]
    ent_pair = pd.DataFrame({"e": e_idx, "j": s_idx, "straight_km": straight})
    modes = materials.get("transport_modes", None)
    off = set()
    if modes is not None:
        off = {m for m, t in modes.items() if not {"road", "rail"} & set(str(t).split(";"))}
    road_pairs = ent_pair
    cost, km, ok = router(
        ents["x"].to_numpy()[road_pairs["e"]],
        ents["y"].to_numpy()[road_pairs["e"]],
        sites["x"].to_numpy()[road_pairs["j"]],
        sites["y"].to_numpy()[road_pairs["j"]],
    )
    ent_pair = ent_pair.assign(road_cost=cost, road_km=km, reachable=ok)
    ent_of = pd.Series(np.arange(len(ents)), index=ents["ent_id"])
    flow_rows = pd.DataFrame(
        {"i": supplies.index.to_numpy(), "e": ent_of.loc[supplies["ent_id"]].to_numpy()}
    )
    pairs = flow_rows.merge(ent_pair, on="e")
    material = supplies["material"].loc[pairs["i"]].to_numpy()
    piped = np.isin(material, list(off))
    radius = materials["radius_km"].reindex(material).to_numpy(float)
    unit = supplies["unit"].loc[pairs["i"]].to_numpy()
    pipe_rate = np.array([OFF_NETWORK_COST_PER_UNIT_KM.get(u, 0.0) for u in unit])
    pairs["km"] = np.where(piped, pairs["straight_km"], pairs["road_km"])
    pairs["cost"] = np.where(piped, pairs["straight_km"] * pipe_rate, pairs["road_cost"])
    keep = np.where(
        piped,
        ~(pairs["straight_km"].to_numpy() > np.nan_to_num(radius, nan=np.inf)),
        pairs["reachable"].to_numpy(bool) & (pairs["km"].to_numpy() <= settings.max_distance_km),
    )
    pairs = pairs[keep & np.isfinite(pairs["cost"].to_numpy(float))]
    return pairs[["i", "j", "km", "cost", "straight_km"]].reset_index(drop=True)


# ---------------------------------------------------------------- model
@dataclass
class ParkModel:
    """The MILP in matrix form and the meaning of its columns."""

    c: np.ndarray  # objective to MINIMISE (minus annual net benefit)
    a: object  # CSR constraint matrix
    lower: np.ndarray
    upper: np.ndarray
    integrality: np.ndarray
    var_lower: np.ndarray
    var_upper: np.ndarray
    y_cols: np.ndarray  # per site
    n_index: pd.DataFrame  # j, k, col, cap
    z_index: pd.DataFrame  # j, k, m, col
    x_index: pd.DataFrame  # pairs with col
    c_col: int
    site_of_col: np.ndarray  # site index of every column (-1: the co-financing column)
    crf: float
    sites: pd.DataFrame
    supplies: pd.DataFrame
    tenants: pd.DataFrame


def build_model(sites, supplies, tenants, pairs, settings, strong=True) -> ParkModel:
    """The MILP of the module docstring for checked inputs (see check_sites, load_tenants,
    usable_supplies, supply_site_pairs)."""
    crf = capital_recovery_factor(settings.discount_rate, settings.lifetime)
    n_sites = len(sites)
    mat_of_flow = supplies["material"].to_numpy()
    pairs = pairs.copy()
    pairs["m"] = mat_of_flow[pairs["i"].to_numpy(np.int64)] if len(pairs) else []
    # supply of each material within reach of each site, to bound the modules
    reach = pairs.assign(q=supplies["quantity"].to_numpy()[pairs["i"].to_numpy(np.int64)])
    reach = reach.groupby(["j", "m"])["q"].sum()
    recipe_rows = [
        (k, m, share) for k, recipe in enumerate(tenants["recipe"]) for m, share in recipe.items()
    ]
    recipe = pd.DataFrame(recipe_rows, columns=["k", "m", "share"])
    z = reach.reset_index().merge(recipe, on="m")  # j, m, q, k, share
    # modules: where some input is within reach, up to area, max_modules and supply
    n_idx = z.groupby(["j", "k"])["q"].sum().reset_index()
    t = tenants.iloc[n_idx["k"].to_numpy()]
    cap = t["module_capacity"].to_numpy(float)
    land = t["module_land_ha"].to_numpy(float)
    area = sites["area_ha"].to_numpy(float)[n_idx["j"].to_numpy()]
    by_land = np.where(land > 0, np.floor(area / np.where(land > 0, land, 1) + 1e-9), np.inf)
    by_supply = np.ceil(n_idx["q"].to_numpy() / cap - 1e-9)
    n_idx["ub"] = np.minimum.reduce([t["max_modules"].to_numpy(float), by_land, by_supply])
    n_idx = n_idx[n_idx["ub"] >= 1].reset_index(drop=True)
    # a module never takes more than the supply within reach: capping its capacity there is
    # exact and keeps huge "unlimited" capacities from wrecking the solver's scaling
    cap = np.minimum(
        tenants["module_capacity"].to_numpy(float)[n_idx["k"].to_numpy()], n_idx["q"].to_numpy()
    )
    land = tenants["module_land_ha"].to_numpy(float)[n_idx["k"].to_numpy()]
    z = z.merge(n_idx[["j", "k"]], on=["j", "k"]).reset_index(drop=True)
    used = set(zip(z["j"], z["m"]))
    pairs = pairs[[(j, m) in used for j, m in zip(pairs["j"], pairs["m"])]].reset_index(drop=True)

    n_n, n_z, n_x = len(n_idx), len(z), len(pairs)
    y0, nn0, z0, x0 = 0, n_sites, n_sites + n_n, n_sites + n_n + n_z
    c_col = x0 + n_x
    n_var = c_col + 1
    n_idx["col"] = nn0 + np.arange(n_n)
    z["col"] = z0 + np.arange(n_z)
    pairs["col"] = x0 + np.arange(n_x)
    site_cost = sites["fixed_cost"].to_numpy(float)
    capex = tenants["module_capex_rub"].to_numpy(float)[n_idx["k"].to_numpy()]
    margin = (tenants["value_per_unit"] - tenants["opex_rub_per_unit"]).to_numpy(float)
    disposal = supplies["price"].to_numpy(float)[pairs["i"].to_numpy(np.int64)]

    c = np.zeros(n_var)
    c[y0:nn0] = crf * site_cost
    c[nn0:z0] = crf * capex
    c[z0:x0] = -margin[z["k"].to_numpy()]
    c[x0:c_col] = -(disposal - pairs["cost"].to_numpy(float))
    c[c_col] = -crf

    rows, cols, vals, lo, hi = [], [], [], [], []
    row = 0

    def add(r, cc, v):
        rows.append(np.asarray(r, np.int64))
        cols.append(np.asarray(cc, np.int64))
        vals.append(np.asarray(v, float))

    # supply: sum_j x_ij <= q_i
    flows_used, i_row = np.unique(pairs["i"].to_numpy(np.int64), return_inverse=True)
    add(row + i_row, pairs["col"], np.ones(n_x))
    lo.append(np.full(len(flows_used), -np.inf))
    hi.append(supplies["quantity"].to_numpy(float)[flows_used])
    row += len(flows_used)
    # balance per (site, material): sum_i x_ij - sum_k z_jkm = 0
    jm = pd.MultiIndex.from_frame(z[["j", "m"]].drop_duplicates())
    bal_x = jm.get_indexer(pd.MultiIndex.from_arrays([pairs["j"], pairs["m"]]))
    bal_z = jm.get_indexer(pd.MultiIndex.from_arrays([z["j"], z["m"]]))
    add(row + bal_x, pairs["col"], np.ones(n_x))
    add(row + bal_z, z["col"], -np.ones(n_z))
    lo.append(np.zeros(len(jm)))
    hi.append(np.zeros(len(jm)))
    row += len(jm)
    # capacity per (site, tenant): sum_m z_jkm - cap_k n_jk <= 0
    jk = pd.MultiIndex.from_frame(n_idx[["j", "k"]])
    cap_z = jk.get_indexer(pd.MultiIndex.from_arrays([z["j"], z["k"]]))
    add(row + cap_z, z["col"], np.ones(n_z))
    add(row + np.arange(n_n), n_idx["col"], -cap)
    lo.append(np.full(n_n, -np.inf))
    hi.append(np.zeros(n_n))
    row += n_n
    # recipe: z_jkm - share sum_m' z_jkm' <= 0 where share < 1
    limited = np.flatnonzero(z["share"].to_numpy() < 1)
    members = pd.DataFrame({"g": cap_z, "member": np.arange(n_z)})
    grid = pd.DataFrame({"r": np.arange(len(limited)), "zi": limited, "g": cap_z[limited]})
    grid = grid.merge(members, on="g")
    share_of = z["share"].to_numpy()[grid["zi"].to_numpy()]
    add(
        row + grid["r"].to_numpy(),
        z["col"].to_numpy()[grid["member"].to_numpy()],
        np.where(grid["member"] == grid["zi"], 1 - share_of, -share_of),
    )
    lo.append(np.full(len(limited), -np.inf))
    hi.append(np.zeros(len(limited)))
    row += len(limited)
    # area per site: sum_k land_k n_jk - area_j y_j <= 0; linking n_jk - ub y_j <= 0
    j_of_n = n_idx["j"].to_numpy()
    add(row + j_of_n, n_idx["col"], land)
    add(row + np.arange(n_sites), y0 + np.arange(n_sites), -_site_areas(sites))
    lo.append(np.full(n_sites, -np.inf))
    hi.append(np.zeros(n_sites))
    row += n_sites
    add(row + np.arange(n_n), n_idx["col"], np.ones(n_n))
    add(row + np.arange(n_n), y0 + j_of_n, -n_idx["ub"].to_numpy(float))
    lo.append(np.full(n_n, -np.inf))
    hi.append(np.zeros(n_n))
    row += n_n
    # x_ij - q_i y_j <= 0: redundant for integers, but it tightens the LP relaxation (the
    # strong formulation of facility location), which is what lets HiGHS prune sites early
    if strong:
        q = supplies["quantity"].to_numpy(float)[pairs["i"].to_numpy(np.int64)]
        add(row + np.arange(n_x), pairs["col"], np.ones(n_x))
        add(row + np.arange(n_x), y0 + pairs["j"].to_numpy(np.int64), -q)
        lo.append(np.full(n_x, -np.inf))
        hi.append(np.zeros(n_x))
        row += n_x
    # at most max_parks sites
    add(np.full(n_sites, row), y0 + np.arange(n_sites), np.ones(n_sites))
    lo.append(np.array([-np.inf]))
    hi.append(np.array([float(settings.max_parks)]))
    row += 1
    # co-financing: C - share (sum capex n + sum site_cost y) <= 0
    share = settings.cofinance_share
    add(np.full(n_sites, row), y0 + np.arange(n_sites), -share * site_cost)
    add(np.full(n_n, row), n_idx["col"], -share * capex)
    add([row], [c_col], [1.0])
    lo.append(np.array([-np.inf]))
    hi.append(np.array([0.0]))
    row += 1

    a = coo_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(row, n_var)
    ).tocsr()
    integrality = np.zeros(n_var)
    integrality[:z0] = 1
    var_upper = np.full(n_var, np.inf)
    var_upper[:n_sites] = 1
    var_upper[nn0:z0] = n_idx["ub"].to_numpy(float)
    var_upper[c_col] = max(settings.budget, 0.0)
    site_of_col = np.concatenate(
        [np.arange(n_sites), j_of_n, z["j"].to_numpy(), pairs["j"].to_numpy(), [-1]]
    ).astype(np.int64)
    return ParkModel(
        c=c,
        a=a,
        lower=np.concatenate([np.asarray(v, float) for v in lo]),
        upper=np.concatenate([np.asarray(v, float) for v in hi]),
        integrality=integrality,
        var_lower=np.zeros(n_var),
        var_upper=var_upper,
        y_cols=y0 + np.arange(n_sites),
        n_index=n_idx,
        z_index=z,
        x_index=pairs,
        c_col=c_col,
        site_of_col=site_of_col,
        crf=crf,
        sites=sites,
        supplies=supplies,
        tenants=tenants,
    )


def _site_areas(sites):
    return sites["area_ha"].to_numpy(float)


# ---------------------------------------------------------------- solving
@dataclass
class SolveOutcome:
    status: str  # key of STATUS_TEXT
    x: object  # solution vector or None
    objective: float  # annual net benefit of x (NaN without x)
    mip_gap: float  # relative gap reported by HiGHS (NaN when not known)
    dual_bound: float  # best bound on the net benefit
    seconds: float
    message: str = ""


def solve_model(model, time_limit=60.0, mip_gap=1e-4, is_canceled=None, relax=False):
    """Solve with HiGHS. With ``is_canceled`` the solve can be stopped: HiGHS holds the GIL,
    so it runs in a forked child (core.interruptible) that a cancel terminates within
    0.1 s; status "canceled". ``relax``: the LP relaxation (integrality off)."""
    start = time.perf_counter()
    options = {"time_limit": float(time_limit), "mip_rel_gap": float(mip_gap), "disp": False}
    problem = scaled_problem(model, relax=relax)
    args = {**problem.args, "options": options}
    try:
        res = run_interruptible(milp, **args, is_canceled=is_canceled)
    except SolveCanceledError:
        return SolveOutcome("canceled", None, np.nan, np.nan, np.nan, _since(start))
    return problem.unscale(_outcome(res, start), len(model.c))


@dataclass
class ScaledProblem:
    """milp arguments in solver units, and the way back to the model's units."""

    args: dict
    columns: np.ndarray  # model columns kept
    column_scale: np.ndarray  # model units per solver unit of each kept column

    def unscale(self, outcome, n_columns):
        """The outcome in model units, on all the model's columns (dropped ones 0)."""
        if outcome.x is not None:
            x = np.zeros(n_columns)
            x[self.columns] = outcome.x * self.column_scale
            outcome.x = x
        outcome.objective *= MONEY_SCALE
        outcome.dual_bound *= MONEY_SCALE
        return outcome


def scaled_problem(model, columns=None, forced_open=(), relax=False):
    """The MILP in the units HiGHS handles well: amounts in thousands, money in millions
    of RUB, every row divided by its largest coefficient. Unscaled, the coefficients span
    about 12 orders of magnitude and the root LP alone can take minutes.

    columns: model columns to keep (default all); forced_open: sites whose y is fixed to 1.
    """
    columns = np.arange(len(model.c)) if columns is None else np.asarray(columns)
    scale = np.ones(len(model.c))
    scale[model.z_index["col"].to_numpy(np.int64)] = AMOUNT_SCALE
    scale[model.x_index["col"].to_numpy(np.int64)] = AMOUNT_SCALE
    scale[model.c_col] = MONEY_SCALE
    scale = scale[columns]
    a = model.a[:, columns] @ diags(scale)
    row_max = abs(a).max(axis=1).toarray().ravel()
    row_max[row_max == 0] = 1.0
    a = (diags(1.0 / row_max) @ a).tocsr()
    var_lower = model.var_lower[columns] / scale
    var_lower[np.isin(columns, model.y_cols[list(forced_open)])] = 1.0
    integrality = np.zeros(len(columns)) if relax else model.integrality[columns]
    args = {
        "c": model.c[columns] * scale / MONEY_SCALE,
        "constraints": LinearConstraint(a, model.lower / row_max, model.upper / row_max),
        "integrality": integrality,
        "bounds": Bounds(var_lower, model.var_upper[columns] / scale),
    }
    return ScaledProblem(args=args, columns=columns, column_scale=scale)


def _since(start):
    return time.perf_counter() - start


def _outcome(res, start):
    has_x = res.x is not None
    status = {0: "optimal", 1: "time_limit", 2: "infeasible"}.get(res.status, "error")
    if status == "time_limit" and not has_x:
        status = "no_solution"
    gap = getattr(res, "mip_gap", None)
    bound = getattr(res, "mip_dual_bound", None)
    return SolveOutcome(
        status=status,
        x=np.asarray(res.x) if has_x else None,
        objective=-float(res.fun) if has_x else np.nan,
        mip_gap=float(gap) if gap is not None else (0.0 if status == "optimal" else np.nan),
        dual_bound=-float(bound) if bound is not None else np.nan,
        seconds=_since(start),
        message=str(res.message),
    )


# ---------------------------------------------------------------- results
@dataclass
class ParkResult:
    parks: pd.DataFrame
    tenants: pd.DataFrame
    links: pd.DataFrame
    outcome: SolveOutcome
    totals: dict = field(default_factory=dict)
    variables: int = 0
    constraints: int = 0


def read_solution(model, outcome) -> ParkResult:
    """Parks, tenant rows and supply links of a solution (empty when there is none)."""
    x = outcome.x if outcome.x is not None else np.zeros(len(model.c))
    x = np.where(np.abs(x) < 1e-7, 0.0, x)
    sites, tenants, supplies = model.sites, model.tenants, model.supplies
    crf = model.crf
    opened = np.flatnonzero(np.round(x[model.y_cols]) >= 1)
    n_idx = model.n_index.assign(modules=np.round(x[model.n_index["col"]]).astype(int))
    z = model.z_index.assign(amount=x[model.z_index["col"]])
    links = model.x_index.assign(amount=x[model.x_index["col"]])
    links = links[links["amount"] > 1e-6]
    z = z[z["amount"] > 1e-6]
    n_idx = n_idx[n_idx["modules"] > 0]

    t = tenants
    z["unit"] = t["unit"].to_numpy()[z["k"]]
    z["value"] = z["amount"] * t["value_per_unit"].to_numpy()[z["k"]]
    z["opex"] = z["amount"] * t["opex_rub_per_unit"].to_numpy()[z["k"]]
    by_jk = z.groupby(["j", "k"]).agg(inp=("amount", "sum"), value=("value", "sum"),
                                      opex=("opex", "sum"))  # fmt: skip
    rows = []
    for r in n_idx.itertuples():
        got = by_jk.loc[(r.j, r.k)] if (r.j, r.k) in by_jk.index else None
        inp = float(got["inp"]) if got is not None else 0.0
        mats = z[(z["j"] == r.j) & (z["k"] == r.k)]
        capex = r.modules * t["module_capex_rub"].iat[r.k]
        rows.append(
            {
                "j": r.j,
                "site_id": sites["site_id"].iat[r.j],
                "tenant_id": t["tenant_id"].iat[r.k],
                "tenant": t["name_en"].iat[r.k],
                "tenant_ru": t.get("name_ru", t["name_en"]).iat[r.k],
                "modules": int(r.modules),
                "capacity": r.modules * t["module_capacity"].iat[r.k],
                "input": inp,
                "unit": t["unit"].iat[r.k],
                "utilisation": inp / (r.modules * t["module_capacity"].iat[r.k]),
                "inputs": "; ".join(f"{m}={a:.0f}" for m, a in zip(mats["m"], mats["amount"])),
                "product": t.get("product", pd.Series("", t.index)).iat[r.k],
                "product_amount": inp * t["product_yield"].iat[r.k],
                "land_ha": r.modules * t["module_land_ha"].iat[r.k],
                "capex": capex,
                "product_value": float(got["value"]) if got is not None else 0.0,
                "opex": float(got["opex"]) if got is not None else 0.0,
            }
        )
    tenant_rows = pd.DataFrame(rows, columns=TENANT_ROW_COLUMNS)
    s = supplies.iloc[links["i"].to_numpy(np.int64)]
    link_rows = pd.DataFrame(
        {
            "j": links["j"].to_numpy(),
            "flow_id": s["flow_id"].to_numpy(),
            "ent_id": s["ent_id"].to_numpy(),
            "site_id": sites["site_id"].to_numpy()[links["j"].to_numpy()],
            "material": s["material"].to_numpy(),
            "amount": links["amount"].to_numpy(),
            "unit": s["unit"].to_numpy(),
            "km": links["km"].to_numpy(float),
            "transport_cost": links["amount"].to_numpy() * links["cost"].to_numpy(float),
            "avoided_disposal": links["amount"].to_numpy() * s["price"].to_numpy(float),
            "x": s["x"].to_numpy(float),
            "y": s["y"].to_numpy(float),
        }
    )
    cof_total = float(x[model.c_col])
    park_rows = []
    park_capex = {}
    for j in opened:
        mine = tenant_rows[tenant_rows["j"] == j]
        park_capex[j] = float(sites["fixed_cost"].iat[j] + mine["capex"].sum())
    capex_sum = sum(park_capex.values())
    for j in opened:
        mine = tenant_rows[tenant_rows["j"] == j]
        into = link_rows[link_rows["j"] == j]
        cof = cof_total * park_capex[j] / capex_sum if capex_sum > 0 else 0.0
        benefit = (
            mine["product_value"].sum()
            - mine["opex"].sum()
            + into["avoided_disposal"].sum()
            - into["transport_cost"].sum()
            - crf * (park_capex[j] - cof)
        )
        park_rows.append(
            {
                "j": j,
                "site_id": sites["site_id"].iat[j],
                "name": sites["name"].iat[j] if "name" in sites else "",
                "land_status": sites["land_status"].iat[j] if "land_status" in sites else "",
                "tenants": ", ".join(
                    f"{a} x{b}" for a, b in zip(mine["tenant_id"], mine["modules"])
                ),
                "modules": int(mine["modules"].sum()),
                "tonnes": float(into.loc[into["unit"] == "t/yr", "amount"].sum()),
                "gas_th_m3": float(into.loc[into["unit"] == "thousand m3/yr", "amount"].sum()),
                "heat_gj": float(into.loc[into["unit"] == "GJ/yr", "amount"].sum()),
                "suppliers": int(into["flow_id"].nunique()),
                "land_used_ha": float(mine["land_ha"].sum()),
                "area_ha": float(sites["area_ha"].iat[j]),
                "capex": park_capex[j],
                "cofinancing": cof,
                "product_value": float(mine["product_value"].sum()),
                "avoided_disposal": float(into["avoided_disposal"].sum()),
                "transport_cost": float(into["transport_cost"].sum()),
                "opex": float(mine["opex"].sum()),
                "capex_annual": crf * (park_capex[j] - cof),
                "net_benefit": float(benefit),
            }
        )
    parks = pd.DataFrame(park_rows, columns=PARK_COLUMNS)
    totals = {
        "PARKS": len(parks),
        "MODULES": int(parks["modules"].sum()) if len(parks) else 0,
        "TONNES": float(parks["tonnes"].sum()) if len(parks) else 0.0,
        "NET_BENEFIT": float(parks["net_benefit"].sum()) if len(parks) else 0.0,
        "COFINANCING": cof_total,
        "MIP_GAP": outcome.mip_gap,
    }
    return ParkResult(
        parks=parks,
        tenants=tenant_rows,
        links=link_rows.reset_index(drop=True),
        outcome=outcome,
        totals=totals,
        variables=len(model.c),
        constraints=model.a.shape[0],
    )


PARK_COLUMNS = [
    "j", "site_id", "name", "land_status", "tenants", "modules", "tonnes", "gas_th_m3",
    "heat_gj", "suppliers", "land_used_ha", "area_ha", "capex", "cofinancing",
    "product_value", "avoided_disposal", "transport_cost", "opex", "capex_annual",
    "net_benefit",
]  # fmt: skip
TENANT_ROW_COLUMNS = [
    "j", "site_id", "tenant_id", "tenant", "tenant_ru", "modules", "capacity", "input", "unit",
    "utilisation", "inputs", "product", "product_amount", "land_ha", "capex",
    "product_value", "opex",
]  # fmt: skip


# ---------------------------------------------------------------- the whole run
@dataclass
class PreparedParks:
    model: ParkModel
    skipped_flows: int
    pairs: int


def prepare(sites, flows, enterprises, tenants=None, settings=None, router=None, materials=None):
    """Check the inputs and build the MILP. sites: site_id, name, area_ha, land_status,
    optional fixed_cost, x (lon), y (lat); flows and enterprises as in the data model
    (enterprises with x, y). Raises ParkError on bad input."""
    settings = settings or ParkSettings()
    materials = load_materials() if materials is None else materials
    tenants = load_tenants(tenants, materials)
    sites = check_sites(sites, settings)
    supplies, skipped = usable_supplies(flows, enterprises, materials)
    pairs = supply_site_pairs(supplies, sites, tenants, materials, settings, router)
    if pairs.empty:
        raise ParkError("no_supply", km=settings.max_distance_km)
    model = build_model(sites, supplies, tenants, pairs, settings)
    if len(model.n_index) == 0:
        raise ParkError("no_supply", km=settings.max_distance_km)
    return PreparedParks(model=model, skipped_flows=skipped, pairs=len(model.x_index))


def site_parks(
    sites: pd.DataFrame,
    flows: pd.DataFrame,
    enterprises: pd.DataFrame,
    tenants: "pd.DataFrame | str | None" = None,
    settings: "ParkSettings | None" = None,
    router=None,
    is_canceled=None,
) -> ParkResult:
    """Choose parks, their tenant modules, supplies and co-financing (one call).

    Parameters
    ----------
    sites : DataFrame
        Candidate sites: ``site_id``, ``name``, ``area_ha``, ``land_status``, optional
        ``fixed_cost`` (one-off RUB), ``x`` (lon) and ``y`` (lat) in WGS 84.
    flows : DataFrame
        Flows of the data model; the ``supply`` rows are used.
    enterprises : DataFrame
        ``ent_id``, ``x`` (lon), ``y`` (lat).
    tenants : DataFrame or path, optional
        Tenant catalogue; default ``resources/park_tenants.csv``.
    settings : ParkSettings, optional
        MAX_PARKS, budget, co-financing share, discount rate, lifetime, reach, tariffs,
        time limit and MIP gap.
    router : callable, optional
        ``router(o_lon, o_lat, d_lon, d_lat) -> (cost per unit, km, reachable)`` for road
        and rail materials; default geodesic distance x detour x road tariff.
    is_canceled : callable, optional
        Polled while HiGHS runs; True abandons the solve (status "canceled").

    Returns
    -------
    ParkResult
        ``parks``, ``tenants`` and ``links`` frames, the solver outcome (status, MIP gap,
        bound) and ``totals``.

    Raises
    ------
    ParkError
        On bad input (``code`` names the problem, ``params`` the offending rows).
    """
    settings = settings or ParkSettings()
    prepared = prepare(sites, flows, enterprises, tenants, settings, router)
    outcome = solve_model(
        prepared.model, settings.time_limit, settings.mip_gap, is_canceled=is_canceled
    )
    return read_solution(prepared.model, outcome)


# ---------------------------------------------------------------- greedy heuristic
def site_columns(model, site_set):
    """Model columns of the sites in ``site_set`` (and the co-financing column)."""
    return np.flatnonzero(np.isin(model.site_of_col, list(site_set)) | (model.site_of_col < 0))


def greedy_parks(
    model: ParkModel,
    max_parks: int,
    time_limit: float = 60.0,
    mip_gap: float = 1e-4,
    is_canceled=None,
) -> "tuple[SolveOutcome, list[int]]":
    """Greedy add-one-site, what location-allocation tools do: the reference of the bench.

    Start with no park; at each step add the site whose addition gives the largest net
    benefit, scored by the LP relaxation of the tenant mix; stop at ``max_parks`` or when no
    site adds benefit. The chosen sites' tenant mix is then solved exactly.

    Parameters
    ----------
    model : ParkModel
        From ``prepare(...).model``.
    max_parks : int
        Most sites to open.
    time_limit, mip_gap : float
        For each solve.
    is_canceled : callable, optional
        Checked before every trial.

    Returns
    -------
    tuple of (SolveOutcome, list of int)
        The outcome on the full model's columns (read it with ``read_solution``) and the
        chosen site indices in the order they were added.
    """
    start = time.perf_counter()
    chosen: list[int] = []
    best = 0.0
    candidates = sorted(set(model.site_of_col[model.n_index["col"]]))
    lp_options = {"disp": False, "time_limit": float(time_limit)}
    while len(chosen) < max_parks:
        step = None
        for j in candidates:
            if j in chosen:
                continue
            if is_canceled is not None and is_canceled():
                return SolveOutcome("canceled", None, np.nan, np.nan, np.nan, _since(start)), []
            trial = chosen + [j]
            problem = scaled_problem(model, site_columns(model, trial), trial, relax=True)
            res = milp(**problem.args, options=lp_options)
            value = -res.fun * MONEY_SCALE if res.x is not None else -np.inf
            if value > best + 1e-6 and (step is None or value > step[1]):
                step = (j, value)
        if step is None:
            break
        chosen.append(step[0])
        best = step[1]
    if not chosen:
        return SolveOutcome("optimal", np.zeros(len(model.c)), 0.0, 0.0, 0.0, _since(start)), []
    problem = scaled_problem(model, site_columns(model, chosen))
    res = milp(**problem.args, options={**lp_options, "mip_rel_gap": float(mip_gap)})
    return problem.unscale(_outcome(res, start), len(model.c)), chosen
