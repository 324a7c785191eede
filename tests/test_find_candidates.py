"""symbiosis:findcandidates through real QGIS Processing."""

import processing
import pytest
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)

from .conftest import LogFeedback, enterprises, flows, gpkg_layer, memory_layer

ALG = "symbiosis:findcandidates"
CONSTRUCTION_USES = {
    "concrete_addition",
    "concrete_aggregate",
    "road_base",
    "embankment_fill",
    "brick_raw_material",
    "reclamation_fill",
    "cement_main_constituent",
    "clinker_raw_material",
}


def run(ents, flow_layer, feedback=None, **extra):
    params = {"ENTERPRISES": ents, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT", **extra}
    result = processing.run(ALG, params, feedback=feedback)
    layer = result["OUTPUT"]
    names = layer.fields().names()
    rows = [dict(zip(names, f.attributes()), geometry=f.geometry()) for f in layer.getFeatures()]
    return result, rows


def keyset(rows):
    return {(r["supply_flow"], r["demand_flow"], r["rule_id"]) for r in rows}


@pytest.fixture()
def sample(symbiosis_provider, sample_gpkg):
    return gpkg_layer(sample_gpkg, "enterprises"), gpkg_layer(sample_gpkg, "flows")


def test_novokuznetsk_ash_reaches_construction_consumers(sample):
    ents, flow_layer = sample
    result, rows = run(ents, flow_layer)
    assert result["CANDIDATES"] == len(rows) > 100
    ash = [
        r
        for r in rows
        if r["supply_ent"] in ("PP02", "PP03", "PP04", "PP05")
        and r["supply_mat"] in ("fly_ash", "ash_slag_mix")
    ]
    consumers = {r["demand_ent"] for r in ash if r["demand_mat"] in CONSTRUCTION_USES}
    # concrete plant, road contractor, brick plant, Baidaevskaya reclamation, all Novokuznetsk
    assert {"HN01", "HN04", "HN05", "HN06"} <= consumers
    assert all(r["dist_km"] <= r["radius_km"] + 1e-9 for r in rows)
    zsmk_slag = {
        r["demand_ent"] for r in rows if r["supply_ent"] == "ST01" and r["supply_mat"] == "bf_slag"
    }
    assert "HN07" in zsmk_slag  # crushed stone for the building-materials yard


def test_lines_run_from_supplier_to_consumer(sample):
    ents, flow_layer = sample
    points = {f["ent_id"]: f.geometry().asPoint() for f in ents.getFeatures()}
    _, rows = run(ents, flow_layer)
    for row in rows[:50]:
        line = row["geometry"].asPolyline()
        assert len(line) == 2
        assert line[0] == points[row["supply_ent"]] and line[1] == points[row["demand_ent"]]


def test_geographic_crs_gives_the_same_pairs(sample):
    ents, flow_layer = sample
    _, metric = run(ents, flow_layer)
    wgs84 = processing.run(
        "native:reprojectlayer",
        {"INPUT": ents, "TARGET_CRS": "EPSG:4326", "OUTPUT": "TEMPORARY_OUTPUT"},
    )["OUTPUT"]
    _, geographic = run(wgs84, flow_layer)
    assert keyset(geographic) == keyset(metric)
    by_key = {(r["supply_flow"], r["demand_flow"], r["rule_id"]): r["dist_km"] for r in metric}
    for r in geographic:
        assert r["dist_km"] == pytest.approx(
            by_key[(r["supply_flow"], r["demand_flow"], r["rule_id"])], abs=1e-6
        )
    assert geographic[0]["geometry"].asPolyline()[0].x() < 180  # drawn in the input CRS


def test_distance_overrides_rule_radius(sample):
    ents, flow_layer = sample
    _, default = run(ents, flow_layer)
    _, near = run(ents, flow_layer, DISTANCE=5000)  # metres: the layer is in UTM
    assert 0 < len(near) < len(default)
    assert max(r["dist_km"] for r in near) <= 5.0
    assert {r["radius_km"] for r in near} == {5.0}


def test_category_and_node_filters(sample):
    ents, flow_layer = sample
    _, heat = run(ents, flow_layer, CATEGORIES=[6])  # Heat
    assert heat and {r["supply_mat"] for r in heat} == {"waste_heat"}
    _, kemerovo = run(ents, flow_layer, NODES="Kemerovo")
    assert kemerovo
    assert all("Kemerovo" in (r["supply_node"], r["demand_node"]) for r in kemerovo)


def test_reach_polygons_contain_their_supplier(sample):
    ents, flow_layer = sample
    result = processing.run(
        ALG,
        {
            "ENTERPRISES": ents,
            "FLOWS": flow_layer,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "BUFFERS": "TEMPORARY_OUTPUT",
        },
    )
    reach = list(result["BUFFERS"].getFeatures())
    points = {f["ent_id"]: f.geometry() for f in ents.getFeatures()}
    assert reach
    for feature in reach:
        assert feature.geometry().contains(points[feature["supply_ent"]])
        # area of a 72-gon of radius r is close to pi r^2 (UTM scale error < 0.1%)
        r_m = feature["radius_km"] * 1000
        assert feature.geometry().area() == pytest.approx(3.14159 * r_m**2, rel=0.01)


def test_polygon_enterprises_use_a_point_on_surface(symbiosis_provider):
    square = "POLYGON(({x} 6000000, {x2} 6000000, {x2} 6001000, {x} 6001000, {x} 6000000))"
    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:32645&field=ent_id:string&field=node:string", "p", "memory"
    )
    for ent_id, x in [("A", 500000), ("B", 503000)]:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([ent_id, "N"])
        feature.setGeometry(QgsGeometry.fromWkt(square.format(x=x, x2=x + 1000)))
        layer.dataProvider().addFeature(feature)
    flow_layer = flows(
        [
            ("s", "A", "supply", "fly_ash", "100", "t/yr", ""),
            ("d", "B", "demand", "concrete_addition", "50", "t/yr", ""),
        ]
    )
    _, rows = run(layer, flow_layer)
    assert len(rows) == 1 and rows[0]["dist_km"] == pytest.approx(3.0, abs=0.01)


def test_missing_field_names_field_and_layer(symbiosis_provider):
    ents = enterprises([("E1", "A", "", "cement", "N")])
    bad_flows = memory_layer("None?field=flow_id:string&field=ent_id:string", [("F1", "E1")])
    with pytest.raises(QgsProcessingException) as err:
        run(ents, bad_flows)
    assert "direction" in str(err.value) and "Flows" in str(err.value)
    no_id = enterprises([("A", "cement")], fields="field=name:string&field=sector:string")
    with pytest.raises(QgsProcessingException, match="ent_id.*|.*Enterprises"):
        run(no_id, flows([]))


def test_empty_layers_give_empty_output(symbiosis_provider):
    result, rows = run(enterprises([]), flows([]))
    assert result["CANDIDATES"] == 0 and rows == []


def test_null_geometry_and_unknown_enterprise_are_skipped_and_logged(symbiosis_provider):
    geoms = [
        QgsGeometry.fromPointXY(QgsPointXY(500000, 6000000)),
        None,
        QgsGeometry.fromPointXY(QgsPointXY(501000, 6000000)),
    ]
    ents = enterprises(
        [
            ("A", "a", "", "coal_power_plant", "N"),
            ("B", "b", "", "concrete", "N"),
            ("C", "c", "", "concrete", "N"),
        ],
        geoms=geoms,
    )
    flow_layer = flows(
        [
            ("s", "A", "supply", "fly_ash", "100", "t/yr", ""),
            ("b", "B", "demand", "concrete_addition", "10", "t/yr", ""),
            ("c", "C", "demand", "concrete_addition", "10", "t/yr", ""),
            ("z", "Z", "demand", "concrete_addition", "10", "t/yr", ""),
        ]
    )
    feedback = LogFeedback()
    _, rows = run(ents, flow_layer, feedback=feedback)
    assert [r["demand_flow"] for r in rows] == ["c"]
    log = "\n".join(feedback.messages)
    assert "1 enterprises without geometry were skipped" in log
    assert "2 flows of unknown enterprises were skipped" in log


def test_internal_reuse_option(symbiosis_provider):
    ents = enterprises([("A", "a", "", "coal_power_plant", "N")])
    flow_layer = flows(
        [
            ("s", "A", "supply", "fly_ash", "100", "t/yr", ""),
            ("d", "A", "demand", "concrete_addition", "10", "t/yr", ""),
        ]
    )
    assert run(ents, flow_layer)[1] == []
    _, rows = run(ents, flow_layer, ALLOW_INTERNAL=True)
    assert len(rows) == 1 and rows[0]["dist_km"] == 0


def test_output_is_styled_when_loaded(sample):
    from qgis.core import QgsProject

    ents, flow_layer = sample
    params = {"ENTERPRISES": ents, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"}
    result = processing.runAndLoadResults(ALG, params)
    layer = QgsProject.instance().mapLayer(result["OUTPUT"])
    try:
        assert layer.renderer().type() == "categorizedSymbol"
        assert layer.renderer().classAttribute() == "supply_mat"
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def symbiosis_alg():
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().algorithmById(ALG)


def test_skipped_reach_output_as_the_batch_dialog_sends_it(sample):
    """The batch dialog and Model Builder pass an empty output definition for "skip"."""
    from qgis.core import QgsProcessingOutputLayerDefinition

    ents, flow_layer = sample
    result = processing.run(
        ALG,
        {
            "ENTERPRISES": ents,
            "FLOWS": flow_layer,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "BUFFERS": QgsProcessingOutputLayerDefinition(""),
        },
    )
    assert result["CANDIDATES"] > 0 and "BUFFERS" not in result


def test_bulk_geopackage_output_equals_the_sink_output(sample, tmp_path, monkeypatch):
    """Many candidates go to a GeoPackage in bulk (SQLite); the layer must be what the
    Processing sink writes: same rows, geometries, extent, count and spatial index."""
    import sqlite3

    from symbiosis_qgis.processing import find_candidates

    ents, flow_layer = sample
    layers = {}
    for name, bulk_rows in [("sink", 10**9), ("bulk", 0)]:
        monkeypatch.setattr(find_candidates, "BULK_ROWS", bulk_rows)
        path = tmp_path / f"{name}.gpkg"
        processing.run(ALG, {"ENTERPRISES": ents, "FLOWS": flow_layer, "OUTPUT": str(path)})
        layers[name] = gpkg_layer(path, name)
        with sqlite3.connect(path) as db:
            assert db.execute(f"SELECT COUNT(*) FROM rtree_{name}_geom").fetchone()[0] > 100
    sink, bulk = layers["sink"], layers["bulk"]
    assert bulk.featureCount() == sink.featureCount() > 100
    assert bulk.extent() == sink.extent()
    assert [(f.attributes(), f.geometry().asWkt(17)) for f in bulk.getFeatures()] == [
        (f.attributes(), f.geometry().asWkt(17)) for f in sink.getFeatures()
    ]
    box = sink.extent()
    box.scale(0.3)
    request = QgsFeatureRequest().setFilterRect(box)
    in_box = sorted(f.id() for f in sink.getFeatures(request))  # in each index's own order
    assert 0 < len(in_box) < sink.featureCount()
    assert sorted(f.id() for f in bulk.getFeatures(request)) == in_box


def test_geopackage_enterprises_read_in_bulk_give_what_qgis_reads(
    symbiosis_provider, tmp_path, monkeypatch
):
    """A whole GeoPackage point layer is read through SQLite; the result must be the one of
    the same layer read feature by feature by QGIS (here: a memory copy of it)."""
    from osgeo import ogr, osr

    path = tmp_path / "ents.gpkg"
    data = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    table = data.CreateLayer("ents", srs, ogr.wkbPoint)
    table.CreateField(ogr.FieldDefn("ent_id", ogr.OFTString))
    table.CreateField(ogr.FieldDefn("node", ogr.OFTString))
    flow_table = data.CreateLayer("flows", None, ogr.wkbNone)
    for name, kind in [
        ("flow_id", ogr.OFTString),
        ("ent_id", ogr.OFTString),
        ("direction", ogr.OFTString),
        ("material", ogr.OFTString),
        ("quantity", ogr.OFTReal),
        ("unit", ogr.OFTString),
        ("price", ogr.OFTReal),
        ("year", ogr.OFTInteger64),
    ]:
        flow_table.CreateField(ogr.FieldDefn(name, kind))
    for i in range(40):
        feature = ogr.Feature(table.GetLayerDefn())
        feature.SetField("ent_id", f" E{i} " if i % 7 == 0 else f"E{i}")
        if i % 5:
            feature.SetField("node", f"N{i % 3}")
        if i != 11:  # one enterprise without geometry
            x, y = 500_000 + 731.3 * i, 6_000_000 + 517.9 * (i % 9)
            feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        table.CreateFeature(feature)
        supply = i % 3 == 0
        material = "fly_ash" if supply else "concrete_addition"
        direction = "supply" if supply else "demand"
        row = (f"F{i}", f"E{i}", direction, material, 10.5 + i, "t/yr", None if i % 4 else 7.25)
        flow = ogr.Feature(flow_table.GetLayerDefn())
        for k, value in enumerate(row):
            if value is not None:
                flow.SetField(k, value)
        flow.SetField("year", 2020 + i % 3)
        flow_table.CreateFeature(flow)
    data = None
    ents_gpkg, flows_gpkg = gpkg_layer(path, "ents"), gpkg_layer(path, "flows")
    ents_memory = ents_gpkg.materialize(QgsFeatureRequest())
    flows_memory = flows_gpkg.materialize(QgsFeatureRequest())
    from symbiosis_qgis.processing import find_candidates

    bulk_reads = []
    for name in ("read_points", "read_table"):
        read = getattr(find_candidates, name)
        monkeypatch.setattr(
            find_candidates, name, lambda *a, read=read: bulk_reads.append(a[1]) or read(*a)
        )
    outputs = []
    for ents, flow_layer in [(ents_gpkg, flows_gpkg), (ents_memory, flows_memory)]:
        feedback = LogFeedback()
        result, rows = run(ents, flow_layer, feedback=feedback, NODES="N1,N2")
        log = [m for m in feedback.messages if not m.startswith("Results:")]
        outputs.append(([(r.pop("geometry").asWkt(17), r) for r in rows], log))
    assert bulk_reads == ["ents", "flows"]  # the GeoPackage layers only
    assert outputs[0] == outputs[1]
    assert len(outputs[0][0]) > 20
    assert any("1 enterprises without geometry" in m for m in outputs[0][1])
