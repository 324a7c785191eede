"""Pure-Python core of symbiosis_qgis: no qgis (or PyQt) import anywhere below this package.

The same computations the Processing algorithms run, for a notebook or a script::

    import geopandas as gpd
    from symbiosis_qgis.core import enterprise_points, find_candidates, optimise

    ents = gpd.read_file("sample_layers/kuzbass.gpkg", layer="enterprises")
    flows = gpd.read_file("sample_layers/kuzbass.gpkg", layer="flows")
    candidates, stats = find_candidates(enterprise_points(ents), flows)
    result = optimise(candidates, flows)  # straight-line transport costs
    print(result.totals["NET_BENEFIT"])

Names are imported on first use (PEP 562), so importing one module does not pull in
scipy's optimiser or numba.
"""

from importlib import import_module

# public name -> the module that defines it
_EXPORTS = {
    # data checks
    "validate": "validation",
    "check_flows": "inputs",
    "check_enterprises": "inputs",
    "id_text": "inputs",
    "InputError": "errors",
    # catalogues and vocabulary
    "load_materials": "catalogue",
    "load_synergies": "catalogue",
    "merge_materials": "catalogue",
    "merge_synergies": "catalogue",
    "reach_by_mode": "candidates",
    "conversion_factor": "catalogue",
    "CatalogueError": "catalogue",
    "SECTORS": "definitions",
    "MATERIAL_CATEGORIES": "definitions",
    "ROUTING": "definitions",
    "parse_fkko": "fkko",
    # partners, routes, allocation
    "enterprise_points": "candidates",
    "find_candidates": "candidates",
    "build_network": "network",
    "route_candidates": "network",
    "geodesic_m": "geodesy",
    "Economics": "allocation",
    "optimise": "allocation",
    "AllocationError": "allocation",
    # eco-industrial parks and barriers
    "site_parks": "parks",
    "load_tenants": "parks",
    "greedy_parks": "parks",
    "diagnose": "barriers",
    # what the exchanges bring, and what policy changes
    "assess": "assessment",
    "material_balance": "assessment",
    "render_html": "report",
    "load_scenarios": "scenarios",
    "run_scenarios": "scenarios",
    "flow_balance": "sankey",
    "diagram_tables": "diagram",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__():
    return __all__
