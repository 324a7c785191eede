"""symbiosis:siteparks through Processing on GeoPackage layers."""

import time

import geopandas as gpd
import pytest
from osgeo import ogr, osr
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from symbiosis_qgis.core import parks as parks_core
from symbiosis_qgis.core.parks import ParkSettings, site_parks
from tests.conftest import gpkg_layer, rows_of

ALG = "symbiosis:siteparks"
# lon, lat: the two mothballed GEM mines, Baidaevskaya, a point in Novokuznetsk, one far away
SITES = [
    ("S1", "Karagailinsky", 86.59023, 54.14138, 60.0, "reclaimed mine", None),
    ("S2", "Trudarmeisky Yuzhny", 86.88493, 54.33978, 40.0, "reclaimed mine", 30e6),
    ("S3", "Baidaevskaya", 87.10, 53.80, 80.0, "reclaimed mine", None),
    ("S4", "Novokuznetsk", 87.15, 53.75, 25.0, "brownfield", 80e6),
    ("S5", "Far away", 80.0, 60.0, 10.0, "greenfield", None),
]


class LogFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.log = []

    def pushInfo(self, info):
        self.log.append(info)

    def pushWarning(self, warning):
        self.log.append(warning)


def write_sites(path, rows=SITES, epsg=4326, layer="sites"):
    """A point GeoPackage layer of sites (coordinates given in lon/lat, stored in ``epsg``)."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    wgs, target = osr.SpatialReference(), osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    target.ImportFromEPSG(epsg)
    for srs in (wgs, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(wgs, target)
    lyr = ds.CreateLayer(layer, target, ogr.wkbPoint)
    for name, kind in [
        ("site_id", ogr.OFTString),
        ("name", ogr.OFTString),
        ("area_ha", ogr.OFTReal),
        ("land_status", ogr.OFTString),
        ("fixed_cost", ogr.OFTReal),
    ]:
        lyr.CreateField(ogr.FieldDefn(name, kind))
    for site_id, name, lon, lat, area, status, cost in rows:
        feature = ogr.Feature(lyr.GetLayerDefn())
        for field, value in [
            ("site_id", site_id),
            ("name", name),
            ("area_ha", area),
            ("land_status", status),
            ("fixed_cost", cost),
        ]:
            if value is not None:
                feature.SetField(field, value)
        geom = ogr.Geometry(ogr.wkbPoint)
        geom.AddPoint_2D(lon, lat)
        geom.Transform(transform)
        feature.SetGeometry(geom)
        lyr.CreateFeature(feature)
    ds = None
    return path


def params(sample_gpkg, sites_path, **extra):
    out = {
        "SITES": gpkg_layer(sites_path, "sites"),
        "ENTERPRISES": gpkg_layer(sample_gpkg, "enterprises"),
        "FLOWS": gpkg_layer(sample_gpkg, "flows"),
        "MAX_PARKS": 2,
        "PARKS": "TEMPORARY_OUTPUT",
        "TENANT_ROWS": "TEMPORARY_OUTPUT",
        "SUPPLY_LINKS": "TEMPORARY_OUTPUT",
    }
    out.update(extra)
    return out


def core_reference(sample_gpkg, settings):
    """The same run through core alone, the inputs read with geopandas."""
    ents = gpd.read_file(sample_gpkg, layer="enterprises").to_crs(4326)
    ents["x"], ents["y"] = ents.geometry.x, ents.geometry.y
    flows = gpd.read_file(sample_gpkg, layer="flows").drop(columns="geometry")
    sites = gpd.GeoDataFrame(
        [
            dict(zip(["site_id", "name", "x", "y", "area_ha", "land_status", "fixed_cost"], r))
            for r in SITES
        ]  # fmt: skip
    )
    return site_parks(sites, flows, ents, None, settings)


def test_sample_run_matches_the_core_and_adds_up(symbiosis_provider, sample_gpkg, tmp_path):
    import processing

    sites = write_sites(tmp_path / "sites.gpkg", epsg=32645)
    feedback = LogFeedback()
    result = processing.run(ALG, params(sample_gpkg, sites), feedback=feedback)
    reference = core_reference(sample_gpkg, ParkSettings(max_parks=2))
    assert result["STATUS"] == "optimal"
    assert result["NET_BENEFIT"] == pytest.approx(reference.totals["NET_BENEFIT"], rel=1e-6)
    assert result["PARKS_OPENED"] == len(reference.parks) >= 1
    parks = rows_of(result["PARKS"])
    tenants = rows_of(result["TENANT_ROWS"])
    links = rows_of(result["SUPPLY_LINKS"])
    assert sorted(p["site_id"] for p in parks) == sorted(reference.parks["site_id"])
    assert sum(p["net_benefit"] for p in parks) == pytest.approx(result["NET_BENEFIT"], rel=1e-9)
    assert result["MODULES"] == sum(t["modules"] for t in tenants)
    for park in parks:
        into = [lk for lk in links if lk["site_id"] == park["site_id"]]
        used = [t for t in tenants if t["site_id"] == park["site_id"]]
        assert sum(lk["amount"] for lk in into) == pytest.approx(sum(t["input"] for t in used))
        for link in into:  # arrows end at the park
            end = link["geometry"].asPolyline()[-1]
            assert end.distance(park["geometry"].asPoint()) < 1e-6
            assert link["demand_name"] == park["name"]
            assert link["supply_name"] and link["supply_name"] != link["ent_id"]
    assert any("MIP gap" in line for line in feedback.log)
    assert {lk["category"] for lk in links} <= {
        "ash_slag",
        "metallurgical_slag",
        "mining_rock",
        "coal_waste",
        "gas",
        "heat",
    }


def test_result_does_not_depend_on_the_site_layer_crs(symbiosis_provider, sample_gpkg, tmp_path):
    import processing

    a = processing.run(ALG, params(sample_gpkg, write_sites(tmp_path / "a.gpkg", epsg=4326)))
    b = processing.run(ALG, params(sample_gpkg, write_sites(tmp_path / "b.gpkg", epsg=3857)))
    assert a["NET_BENEFIT"] == pytest.approx(b["NET_BENEFIT"], rel=1e-6)
    assert sorted(p["site_id"] for p in rows_of(a["PARKS"])) == sorted(
        p["site_id"] for p in rows_of(b["PARKS"])
    )


def test_roads_give_network_costs(symbiosis_provider, sample_gpkg, tmp_path):
    import processing

    sites = write_sites(tmp_path / "sites.gpkg")
    routed = processing.run(
        ALG,
        params(
            sample_gpkg,
            sites,
            ROADS=gpkg_layer(sample_gpkg, "roads"),
            RAILS=gpkg_layer(sample_gpkg, "rails"),
            TERMINALS=gpkg_layer(sample_gpkg, "terminals"),
            SNAP_TOLERANCE=15000,
        ),
    )
    assert routed["STATUS"] == "optimal"
    links = rows_of(routed["SUPPLY_LINKS"])
    assert links
    for link in links:
        if link["unit"] == "t/yr":  # routed: cost is the route's, at least the road tariff
            assert link["transport_cost"] > 0
            assert link["km"] <= 50.0 + 1e-9


def failing_run(sample_gpkg, tmp_path, sites_rows=SITES, **extra):
    import processing

    out = tmp_path / "out.gpkg"
    sites = write_sites(tmp_path / "bad_sites.gpkg", rows=sites_rows)
    args = params(sample_gpkg, sites, **extra)
    args.update(
        {
            "PARKS": f"ogr:dbname='{out}' table=parks (geom)",
            "TENANT_ROWS": f"ogr:dbname='{out}' table=tenants (geom)",
            "SUPPLY_LINKS": f"ogr:dbname='{out}' table=links (geom)",
        }
    )
    with pytest.raises(QgsProcessingException) as err:
        processing.run(ALG, args)
    assert not out.exists()  # nothing written half-way
    return str(err.value)


def tenant_csv(tmp_path, change):
    from symbiosis_qgis.paths import resource_path

    text = resource_path("park_tenants.csv").read_text(encoding="utf-8")
    path = tmp_path / "tenants.csv"
    path.write_text(change(text), encoding="utf-8")
    layer = QgsVectorLayer(f"file://{path}?delimiter=,&detectTypes=no", "tenants", "delimitedtext")
    assert layer.isValid()
    return layer


def test_site_without_area_is_named(symbiosis_provider, sample_gpkg, tmp_path):
    rows = [SITES[0], ("S2", "no area", 86.9, 54.3, None, "brownfield", None)]
    message = failing_run(sample_gpkg, tmp_path, rows)
    assert "area_ha" in message and "features 2" in message  # the field and the feature id


def test_repeated_site_id_is_named(symbiosis_provider, sample_gpkg, tmp_path):
    rows = [SITES[0], SITES[1], ("S1", "again", 86.9, 54.3, 10.0, "brownfield", None)]
    message = failing_run(sample_gpkg, tmp_path, rows)
    assert "site_id" in message and "features 3" in message


def test_time_limit_writes_the_best_solution_and_says_so(
    symbiosis_provider, sample_gpkg, tmp_path, monkeypatch
):
    import processing

    real_milp = parks_core.milp

    def stopped_by_time_limit(**kwargs):  # HiGHS's answer when the clock runs out
        res = real_milp(**kwargs)
        res.status, res.mip_gap = 1, 0.05
        return res

    monkeypatch.setattr(parks_core, "milp", stopped_by_time_limit)
    feedback = LogFeedback()
    result = processing.run(
        ALG, params(sample_gpkg, write_sites(tmp_path / "s.gpkg")), feedback=feedback
    )
    assert result["STATUS"] == "time_limit"
    assert result["MIP_GAP"] == pytest.approx(0.05)
    assert any("time limit reached" in line and "5 %" in line for line in feedback.log)
    assert len(rows_of(result["PARKS"])) == result["PARKS_OPENED"] >= 1


def test_unknown_recipe_material_is_named(symbiosis_provider, sample_gpkg, tmp_path):
    layer = tenant_csv(tmp_path, lambda t: t.replace("bf_slag=1; fly_ash=0.35", "slagg=1"))
    message = failing_run(sample_gpkg, tmp_path, TENANTS=layer)
    assert "slag_cement" in message and "slagg" in message


def test_negative_capacity_is_named(symbiosis_provider, sample_gpkg, tmp_path):
    layer = tenant_csv(tmp_path, lambda t: t.replace(",60000,", ",-60000,"))
    message = failing_run(sample_gpkg, tmp_path, TENANTS=layer)
    assert "ash_blocks" in message and "module_capacity" in message


def test_no_supply_in_reach_and_zero_parks(symbiosis_provider, sample_gpkg, tmp_path):
    far = [("F", "far", 80.0, 60.0, 10.0, "greenfield", None)]
    assert "No supply flow within" in failing_run(sample_gpkg, tmp_path, far)
    assert "MAX_PARKS" in failing_run(sample_gpkg, tmp_path, MAX_PARKS=0)


def test_cancel_stops_while_the_solver_runs(
    symbiosis_provider, sample_gpkg, tmp_path, monkeypatch
):
    def stuck_solver(**_):  # stands in for a long HiGHS run (in the forked child)
        time.sleep(600)

    monkeypatch.setattr(parks_core, "milp", stuck_solver)

    class CancelOnceSolving(LogFeedback):
        solving_since = None

        def setProgressText(self, text):
            if text.startswith("Solving"):
                self.solving_since = time.monotonic()
            super().setProgressText(text)

        def isCanceled(self):
            return self.solving_since is not None and time.monotonic() > self.solving_since + 1

    feedback = CancelOnceSolving()
    alg = QgsApplication.processingRegistry().createAlgorithmById(ALG)
    out = tmp_path / "out.gpkg"
    args = params(sample_gpkg, write_sites(tmp_path / "sites.gpkg"))
    args["PARKS"] = f"ogr:dbname='{out}' table=parks (geom)"
    start = time.monotonic()
    results, ok = alg.run(args, QgsProcessingContext(), feedback)
    assert feedback.solving_since is not None
    assert time.monotonic() - start < 300  # not the solver's ten minutes
    assert results == {} or ok is False
    assert any("Canceled" in line for line in feedback.log)
    assert not out.exists()


def test_sample_sites_are_flagged_and_the_sample_run_uses_them(symbiosis_provider, sample_gpkg):
    import processing

    sites = gpkg_layer(sample_gpkg, "sites")
    rows = rows_of(sites)
    assert all(r["area_ha"] > 0 for r in rows)
    for row in rows:
        if row["hypothetical"]:
            assert row["coord_quality"] == "hypothetical" and "HYPOTHETICAL" in row["source"]
        elif row["land_status"] == "mothballed mine":
            assert row["coord_quality"] == "gem" and "Global Energy Monitor" in row["source"]
    technopark = [r for r in rows if "eco-technopark" in r["name"]]
    assert len(technopark) == 1 and technopark[0]["coord_quality"] == "approx"
    result = processing.run(
        ALG,
        {
            "SITES": sites,
            "ENTERPRISES": gpkg_layer(sample_gpkg, "enterprises"),
            "FLOWS": gpkg_layer(sample_gpkg, "flows"),
            "ROADS": gpkg_layer(sample_gpkg, "roads"),
            "RAILS": gpkg_layer(sample_gpkg, "rails"),
            "TERMINALS": gpkg_layer(sample_gpkg, "terminals"),
            "SNAP_TOLERANCE": 15000,
            "PARKS": "TEMPORARY_OUTPUT",
            "TENANT_ROWS": "TEMPORARY_OUTPUT",
            "SUPPLY_LINKS": "TEMPORARY_OUTPUT",
        },
    )
    assert result["STATUS"] == "optimal"
    parks = rows_of(result["PARKS"])
    assert 1 <= len(parks) <= 3  # the default MAX_PARKS
    assert {p["site_id"] for p in parks} <= {r["site_id"] for r in rows}
    assert result["COFINANCING"] <= 400e6 + 1e-6  # the default budget


def test_park_design_model_runs(symbiosis_provider, sample_gpkg, tmp_path):
    import subprocess

    import processing

    model_id = "symbiosis:eco_industrial_park_design"
    model = QgsApplication.processingRegistry().algorithmById(model_id)
    if model is None:  # the provider was registered before the model file existed
        symbiosis_provider.refreshAlgorithms()
        model = QgsApplication.processingRegistry().algorithmById(model_id)
    assert model is not None
    assert model.parameterDefinition("SITES").defaultValue().endswith("layername=sites")
    pdf = tmp_path / "parks.pdf"
    result = processing.run(
        model_id,
        {
            **{
                name.upper(): f"{sample_gpkg}|layername={name}"
                for name in ("sites", "enterprises", "flows", "roads", "rails", "terminals")
            },
            "MAX_PARKS": 2,
            "validate:validation": "TEMPORARY_OUTPUT",
            "parks:parks": "TEMPORARY_OUTPUT",
            "parks:park_tenants": "TEMPORARY_OUTPUT",
            "parks:park_supply_links": "TEMPORARY_OUTPUT",
            "diagram:park_diagram_arrows": "TEMPORARY_OUTPUT",
            "diagram:park_diagram_nodes": "TEMPORARY_OUTPUT",
            "map:park_map_pdf": str(pdf),
        },
    )
    assert pdf.exists() and pdf.stat().st_size > 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Eco-industrial parks: sites, tenants and supplies" in " ".join(text.split())
    parks = rows_of(result["parks:parks"])
    assert len(parks) in (1, 2)
    # the diagram step draws the parks as nodes and bundles their supply arrows
    nodes = rows_of(result["diagram:park_diagram_nodes"])
    assert {n["ent_id"] for n in nodes if n["role"] == "park"} == {p["site_id"] for p in parks}
    arrows = rows_of(result["diagram:park_diagram_arrows"])
    assert arrows and all(a["kind"] == "park" for a in arrows)
    assert len(arrows) < len(rows_of(result["parks:park_supply_links"]))  # bundled
    flat = " ".join(text.split())
    for park in parks:  # named on the page by name only (its amounts are in the table)
        assert " ".join(park["name"].split()) in flat


def test_parks_carry_names_tenants_and_a_label_in_words(symbiosis_provider, sample_gpkg):
    """The map labels parks from `label` and people read `tenant_names`: words, not codes."""
    import processing

    from symbiosis_qgis.core.parks import load_tenants

    args = params(sample_gpkg, sample_gpkg)
    result = processing.run(ALG, args)
    names = load_tenants().set_index("tenant_id")["name_en"]
    parks = rows_of(result["PARKS"])
    assert parks
    for park in parks:
        assert park["name_ru"]  # the sample's sites have Cyrillic names
        for item, words in zip(park["tenants"].split(", "), park["tenant_names"].split("; ")):
            code, modules = item.rsplit(" x", 1)
            assert words == f"{names[code]} × {modules}"
        assert park["label"].startswith(park["name"] + "\n")
        assert park["label"].endswith(" mln RUB/yr")
