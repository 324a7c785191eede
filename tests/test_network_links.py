"""symbiosis:networklinks through real QGIS Processing, checked against QGIS's own graph."""

import itertools
import subprocess
from pathlib import Path

import numpy as np
import processing
import pytest
from qgis.analysis import (
    QgsGraphAnalyzer,
    QgsGraphBuilder,
    QgsNetworkDistanceStrategy,
    QgsVectorLayerDirector,
)
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

from .conftest import (
    ROOT,
    LogFeedback,
    enterprises,
    gpkg_layer,
    memory_layer,
    qgis_process_profile,
    rows_of,
)

ALG = "symbiosis:networklinks"
OSM_FIXTURE = Path(__file__).parent / "data" / "mini.osm"
X0, Y0 = 500_000, 6_000_000


def line_layer(lines, crs="EPSG:32645", fields="field=class:string"):
    layer = QgsVectorLayer(f"LineString?crs={crs}&{fields}", "lines", "memory")
    for coords, attrs in lines:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(attrs))
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in coords]))
        layer.dataProvider().addFeature(feature)
    return layer


def point_layer(points, crs="EPSG:32645"):
    layer = QgsVectorLayer(f"Point?crs={crs}&field=name:string", "points", "memory")
    for x, y in points:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        layer.dataProvider().addFeature(feature)
    return layer


def candidates_table(pairs):
    return memory_layer(
        "None?field=cand_id:integer&field=supply_ent:string"
        "&field=demand_ent:string&field=potential:double",
        [(k + 1, a, b, 100.0) for k, (a, b) in enumerate(pairs)],
    )


def grid_roads(n=6, step=1000):
    lines = []
    for i in range(n):
        lines.append(([(X0 + step * k, Y0 + step * i) for k in range(n)], ["primary"]))
        lines.append(([(X0 + step * i, Y0 + step * k) for k in range(n)], ["primary"]))
    lines.append(([(X0 + step * k, Y0 + step * k) for k in range(n)], ["primary"]))
    lines.append(
        ([(X0 + step * 2, Y0 + step * 5), (X0 + step * 5, Y0 + step * 2)], ["primary"])
    )  # a short cut that does not share the grid's vertices
    return line_layer(lines)


def run(**params):
    params.setdefault("OUTPUT", "TEMPORARY_OUTPUT")
    feedback = params.pop("feedback", None)
    result = processing.run(ALG, params, feedback=feedback)
    layer = result["OUTPUT"]
    names = layer.fields().names()
    rows = [dict(zip(names, f.attributes()), geometry=f.geometry()) for f in layer.getFeatures()]
    return result, rows


def qgis_distances_km(roads, points):
    """Shortest distances between tie points with QGIS's own graph (as QNEAT3 does)."""
    director = QgsVectorLayerDirector(roads, -1, "", "", "", QgsVectorLayerDirector.DirectionBoth)
    director.addStrategy(QgsNetworkDistanceStrategy())
    builder = QgsGraphBuilder(roads.crs(), True, 0.0, "WGS84")
    tied = director.makeGraph(builder, [QgsPointXY(x, y) for x, y in points])
    graph = builder.graph()
    out = {}
    for i, j in itertools.permutations(range(len(points)), 2):
        _, cost = QgsGraphAnalyzer.dijkstra(graph, graph.findVertex(tied[i]), 0)
        out[(i, j)] = cost[graph.findVertex(tied[j])] / 1000.0
    return out


def test_distances_equal_qgis_network_analysis(symbiosis_provider):
    roads = grid_roads()
    spots = [
        (X0, Y0),
        (X0 + 5000, Y0 + 5000),
        (X0 + 3000, Y0),
        (X0 + 1000, Y0 + 4000),
        (X0 + 4000, Y0 + 2000),
        (X0 + 2000, Y0 + 5000),
    ]
    geoms = [QgsGeometry.fromPointXY(QgsPointXY(x, y)) for x, y in spots]
    ents = enterprises(
        [(f"E{k}", f"e{k}", "", "concrete", "N") for k in range(len(spots))], geoms=geoms
    )
    pairs = [(f"E{i}", f"E{j}") for i, j in itertools.permutations(range(len(spots)), 2)]
    _, rows = run(CANDIDATES=candidates_table(pairs), ENTERPRISES=ents, ROADS=roads, ROAD_COST=1.0)
    expected = qgis_distances_km(roads, spots)
    assert len(rows) == len(pairs)
    for row in rows:
        i, j = int(row["supply_ent"][1:]), int(row["demand_ent"][1:])
        assert row["reachable"] and row["mode"] == "road"
        assert row["net_km"] == pytest.approx(expected[(i, j)], rel=1e-3)
        assert row["cost_t"] == pytest.approx(row["net_km"], rel=1e-6)  # 1 RUB per t-km
        line = row["geometry"].asPolyline()
        assert line[0] == QgsPointXY(*spots[i]) and line[-1] == QgsPointXY(*spots[j])


def corridor(rail_length_km):
    """A 150 km road; rail along it for ``rail_length_km`` with terminals at its ends."""
    roads = line_layer([([(X0, Y0), (X0 + 150_000, Y0)], ["trunk"])])
    start = X0 + (150_000 - rail_length_km * 1000) / 2
    rail = [(start, Y0 + 300), (start + rail_length_km * 1000, Y0 + 300)]
    rails = line_layer([(rail, ["main"])])
    terminals = point_layer(rail)
    geoms = [
        QgsGeometry.fromPointXY(QgsPointXY(X0, Y0)),
        QgsGeometry.fromPointXY(QgsPointXY(X0 + 150_000, Y0)),
    ]
    ents = enterprises(
        [("A", "a", "", "coal_power_plant", "N"), ("B", "b", "", "cement", "N")], geoms=geoms
    )
    return {
        "CANDIDATES": candidates_table([("A", "B")]),
        "ENTERPRISES": ents,
        "ROADS": roads,
        "RAILS": rails,
        "TERMINALS": terminals,
        "ROAD_CLASS_FIELD": "class",
        "CLASS_COSTS": "trunk=6",
    }


def test_road_rail_beats_road_when_the_rail_leg_is_long(symbiosis_provider):
    _, [long_rail] = run(**corridor(140))
    assert long_rail["mode"] == "road+rail" and long_rail["transfers"] == 2
    assert long_rail["rail_km"] == pytest.approx(140, rel=0.01)
    assert long_rail["cost_t"] < 6 * 150
    assert long_rail["cost_total"] == pytest.approx(100 * long_rail["cost_t"])
    _, [short_rail] = run(**corridor(20))
    assert short_rail["mode"] == "road" and short_rail["transfers"] == 0
    assert short_rail["cost_t"] == pytest.approx(6 * 150, rel=0.01)


def test_unreachable_candidates_stay_with_a_reason(symbiosis_provider):
    roads = line_layer(
        [
            ([(X0, Y0), (X0 + 10_000, Y0)], ["primary"]),
            ([(X0 + 50_000, Y0), (X0 + 60_000, Y0)], ["primary"]),
        ]
    )
    geoms = [
        QgsGeometry.fromPointXY(QgsPointXY(X0, Y0 + 100)),
        QgsGeometry.fromPointXY(QgsPointXY(X0 + 10_000, Y0)),
        QgsGeometry.fromPointXY(QgsPointXY(X0 + 55_000, Y0)),
        QgsGeometry.fromPointXY(QgsPointXY(X0 + 5_000, Y0 + 40_000)),
    ]
    ents = enterprises([(e, e, "", "concrete", "N") for e in "ABCD"], geoms=geoms)
    cands = candidates_table([("A", "B"), ("A", "C"), ("A", "D"), ("A", "Z")])
    result, rows = run(
        CANDIDATES=cands, ENTERPRISES=ents, ROADS=roads, SNAP_TOLERANCE=1000, MAX_DISTANCE=200
    )
    reasons = {r["demand_ent"]: (r["reachable"], r["reason"]) for r in rows}
    assert reasons == {
        "B": (True, ""),
        "C": (False, "disconnected part of the network"),
        "D": (False, "too far from the network"),
        "Z": (False, "enterprise unknown or without location"),
    }
    assert (result["ROUTED"], result["UNREACHABLE"]) == (1, 3)
    _, rows = run(
        CANDIDATES=cands, ENTERPRISES=ents, ROADS=roads, SNAP_TOLERANCE=1000, MAX_DISTANCE=5
    )
    assert rows[0]["reason"] == "beyond MAX_DISTANCE"


def test_osm_file_loads_and_routes(symbiosis_provider):
    lines = QgsVectorLayer(f"{OSM_FIXTURE}|layername=lines", "osm", "ogr")
    assert lines.isValid() and len(list(lines.getFeatures())) == 4  # OSM: count unknown
    QgsProject.instance().addMapLayer(lines, False)
    ents = enterprises(
        [
            ("A", "a", "", "coal_power_plant", "N"),
            ("B", "b", "", "cement", "N"),
            ("C", "c", "", "cement", "N"),
        ],
        crs="EPSG:4326",
        geoms=[
            QgsGeometry.fromPointXY(QgsPointXY(87.10, 53.75)),
            QgsGeometry.fromPointXY(QgsPointXY(87.30, 53.80)),
            QgsGeometry.fromPointXY(QgsPointXY(87.15, 53.76)),
        ],
    )
    feedback = LogFeedback()
    _, rows = run(
        CANDIDATES=candidates_table([("A", "B"), ("A", "C")]),
        ENTERPRISES=ents,
        ROADS=lines,
        RAILS=lines,
        ROAD_COST=6.0,
        SNAP_TOLERANCE=2000,
        feedback=feedback,
    )
    by_dest = {r["demand_ent"]: r for r in rows}
    ab = by_dest["B"]
    assert ab["reachable"] and ab["mode"] == "road"
    # 13.2 km of primary road (factor 1.0) then 5.6 km of track (factor 1.8)
    assert ab["net_km"] == pytest.approx(13.2 + 5.56, rel=0.01)
    assert ab["cost_t"] == pytest.approx(6.0 * 13.2 + 6.0 * 1.8 * 5.56, rel=0.01)
    # C stands on the footway, which is not a road (nor joined to one): were it kept, C would
    # snap to it and be cut off; instead C reaches the primary road 1.1 km away
    assert by_dest["C"]["reachable"] and by_dest["C"]["mode"] == "road"
    assert "terminals linked" in "\n".join(feedback.messages)


def test_sample_data_routes_every_candidate(symbiosis_provider, sample_gpkg):
    ents = gpkg_layer(sample_gpkg, "enterprises")
    flow_layer = gpkg_layer(sample_gpkg, "flows")
    cands = processing.run(
        "symbiosis:findcandidates",
        {"ENTERPRISES": ents, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
    )["OUTPUT"]
    result, rows = run(
        CANDIDATES=cands,
        ENTERPRISES=ents,
        ROADS=gpkg_layer(sample_gpkg, "roads"),
        RAILS=gpkg_layer(sample_gpkg, "rails"),
        TERMINALS=gpkg_layer(sample_gpkg, "terminals"),
        SNAP_TOLERANCE=15000,
    )
    assert len(rows) == cands.featureCount()
    # the only pairs not routed are those of mines beyond the snap tolerance of the schematic
    # network (the wider catalogue pairs a remote mine's host rock with road builders)
    unreachable = [r for r in rows if not r["reachable"]]
    assert result["UNREACHABLE"] == len(unreachable) <= 3
    assert all("network" in r["reason"] for r in unreachable), unreachable
    remote = {r["supply_ent"] for r in unreachable} | {r["demand_ent"] for r in unreachable}
    roads = gpkg_layer(sample_gpkg, "roads")
    for ent in ents.getFeatures():
        if ent["ent_id"] in remote and ent["ent_id"].startswith("M"):
            nearest = min(ent.geometry().distance(road.geometry()) for road in roads.getFeatures())
            assert nearest > 15000 * 0.999, (ent["ent_id"], nearest)  # layer CRS in metres
    modes = {r["mode"] for r in rows}
    assert {"road", "road+rail", "pipeline", "heat_main"} <= modes
    for r in rows:
        if r["mode"] in ("road", "rail", "road+rail"):
            assert r["detour"] >= 0.999 and r["cost_t"] > 0
            assert r["net_km"] == pytest.approx(r["road_km"] + r["rail_km"], rel=1e-9)
    assert all(r["supply_mat"] for r in rows)  # candidate fields carried over


@pytest.mark.slow
def test_both_engines_route_alike_inside_qgis_process(tmp_path):
    """In QGIS's own Python (no numba on Debian) the scipy engine runs; with numba on its
    path the compiled one does. Both must write the same links."""
    numba = pytest.importorskip("numba")
    env = qgis_process_profile(tmp_path)
    plain_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
    gpkg = ROOT / "sample_layers" / "kuzbass.gpkg"
    cands = tmp_path / "candidates.gpkg"
    subprocess.run(
        [
            "qgis_process.bin",
            "run",
            "symbiosis:findcandidates",
            "--",
            f"ENTERPRISES={gpkg}|layername=enterprises",
            f"FLOWS={gpkg}|layername=flows",
            f"OUTPUT={cands}",
        ],
        env=plain_env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    layers = {}
    for engine, extra in (
        ("scipy", {}),
        ("numba", {"PYTHONPATH": str(Path(numba.__file__).parents[1])}),
    ):
        out = tmp_path / f"links_{engine}.gpkg"
        proc = subprocess.run(
            [
                "qgis_process.bin",
                "run",
                ALG,
                "--",
                f"CANDIDATES={cands}",
                *[
                    f"{key}={gpkg}|layername={name}"
                    for key, name in (
                        ("ENTERPRISES", "enterprises"),
                        ("ROADS", "roads"),
                        ("RAILS", "rails"),
                        ("TERMINALS", "terminals"),
                    )
                ],
                f"OUTPUT={out}",
            ],
            env={**plain_env, **extra},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr[-1500:]
        if engine == "scipy" and "numba" in proc.stdout.split("Shortest paths:")[1][:30]:
            pytest.skip("QGIS's own Python has numba: the scipy engine cannot be forced")
        assert (
            f"Shortest paths: {'compiled' if engine == 'numba' else 'scipy'} engine" in proc.stdout
        )
        layers[engine] = QgsVectorLayer(str(out), engine, "ogr")
        assert layers[engine].isValid()
    scipy_rows, numba_rows = (
        sorted(rows_of(layers[e]), key=lambda r: r["cand_id"]) for e in ("scipy", "numba")
    )
    assert len(scipy_rows) == len(numba_rows) > 100
    assert sum(r["reachable"] for r in numba_rows) > 100
    for a, b in zip(scipy_rows, numba_rows):
        geometry_a, geometry_b = a.pop("geometry"), b.pop("geometry")
        assert a == b
        assert geometry_a.equals(geometry_b)


def test_bulk_line_reading_equals_reading_feature_by_feature(symbiosis_provider):
    """network_io.read_lines against layer_io.line_parts_lonlat (one QGIS transform per
    feature): multi parts, Z, a part of one vertex, no geometry, a curve, in UTM."""
    from qgis.core import QgsProcessingContext

    from symbiosis_qgis.processing.layer_io import line_parts_lonlat
    from symbiosis_qgis.processing.network_io import read_lines

    wkts = [
        "MultiLineStringZ((500000 6000000 1, 501000 6001000 2),"
        "(502000 6002000 0, 503000 6002500 0, 504000 6003000 5))",
        None,
        "MultiLineStringZ((500000 6000000 1))",
        "LineStringZ(500500 6000000 0, 500600 6000100 0)",
        "CompoundCurveZ(CircularStringZ(510000 6000000 0, 511000 6001000 0, 512000 6000000 0),"
        "(512000 6000000 0, 513000 6000000 0))",
    ]
    layer = QgsVectorLayer("MultiCurveZ?crs=EPSG:32645&field=class:string", "l", "memory")
    for k, wkt in enumerate(wkts):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"c{k}"])
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        assert layer.dataProvider().addFeature(feature)
    context = QgsProcessingContext()
    coords, sizes, feature_of_part, values = read_lines(layer, context, fields=["class"])
    parts, classes = line_parts_lonlat(layer, context, attribute="class")
    # the curve is segmentized in the layer CRS here, in lon/lat there: compare its ends only
    assert sizes[:3].tolist() == [len(p) for p in parts[:3]] == [2, 3, 2]
    assert [values["class"][k] for k in feature_of_part] == classes
    assert abs(coords[:7] - np.concatenate(parts[:3])).max() < 1e-9
    assert sizes[3] > 20 and abs(coords[[7, -1]] - parts[3][[0, -1]]).max() < 1e-9


@pytest.mark.parametrize(
    "roads, message",
    [
        (lambda: point_layer([(X0, Y0)]), "Roads' has Point geometry"),
        (lambda: "no_prj", "Roads' has no coordinate reference system"),
    ],
)
def test_roads_of_the_wrong_kind_are_refused_in_words(
    symbiosis_provider, tmp_path, roads, message
):
    roads = roads()
    if roads == "no_prj":  # a shapefile without .prj
        from osgeo import ogr

        path = str(tmp_path / "roads.shp")
        data = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
        lines = data.CreateLayer("roads", None, ogr.wkbLineString)
        feature = ogr.Feature(lines.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"LINESTRING({X0} {Y0},{X0 + 9} {Y0})"))
        lines.CreateFeature(feature)
        data = lines = feature = None  # closes the file
        roads = QgsVectorLayer(path, "roads", "ogr")
        assert roads.isValid() and not roads.crs().isValid()
    ents = enterprises([("A", "a", "", "concrete", "N")])
    with pytest.raises(QgsProcessingException, match=message):
        run(CANDIDATES=candidates_table([("A", "A")]), ENTERPRISES=ents, ROADS=roads)


@pytest.mark.parametrize("costs", ["primary=nan", "primary=-2", "primary=inf"])
def test_class_tariffs_that_are_not_numbers_at_least_zero_are_refused(symbiosis_provider, costs):
    params = {**corridor(20), "CLASS_COSTS": costs}
    with pytest.raises(QgsProcessingException, match=f"{costs}': a tariff is a number >= 0"):
        run(**params)


def test_a_value_the_output_refuses_stops_the_run_naming_it(symbiosis_provider):
    """cand_id is Integer64 in the output: a text id cannot be stored and must not vanish."""
    params = corridor(20)
    params["CANDIDATES"] = memory_layer(
        "None?field=cand_id:string&field=supply_ent:string&field=demand_ent:string",
        [("first-pair", "A", "B")],
    )
    with pytest.raises(QgsProcessingException, match="first-pair"):
        run(**params)


CANCEL_AT = 5


def test_cancel_stops_the_run_without_an_output(symbiosis_provider):
    calls = itertools.count()

    class CancelLater(LogFeedback):
        def isCanceled(self):  # canceled from the 20th question on, whoever asks
            return next(calls) >= CANCEL_AT

    roads = grid_roads()
    spots = [(X0 + 1000 * (k % 6), Y0 + 1000 * (k // 6)) for k in range(36)]
    geoms = [QgsGeometry.fromPointXY(QgsPointXY(x, y)) for x, y in spots]
    ents = enterprises([(f"E{k}", "e", "", "concrete", "N") for k in range(36)], geoms=geoms)
    pairs = [(f"E{i}", f"E{j}") for i, j in itertools.permutations(range(36), 2)]
    feedback = CancelLater()
    alg = QgsApplication.processingRegistry().createAlgorithmById(ALG)
    context = QgsProcessingContext()
    params = {
        "CANDIDATES": candidates_table(pairs),
        "ENTERPRISES": ents,
        "ROADS": roads,
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    results, ok = alg.run(params, context, feedback)
    assert next(calls) > CANCEL_AT  # it did ask
    assert results == {} or ok is False


@pytest.mark.parametrize(
    "check", ["GeometryNoCheck", "GeometrySkipInvalid", "GeometryAbortOnInvalid"]
)
def test_file_layers_read_with_gdal_as_qgis_reads_them(symbiosis_provider, tmp_path, check):
    """A GeoPackage roads layer read by GDAL's columnar reader gives the parts and classes
    QGIS's feature iterator gives, NULL and '' kept apart, invalid lines (one point
    repeated) kept, skipped or refused as the Processing setting says."""
    from osgeo import ogr, osr
    from qgis.core import QgsFeatureRequest, QgsProcessingFeatureSource

    from symbiosis_qgis.processing.network_io import read_lines

    path = str(tmp_path / "roads.gpkg")
    data = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    table = data.CreateLayer("roads", srs, ogr.wkbMultiLineString)
    table.CreateField(ogr.FieldDefn("highway", ogr.OFTString))
    rows = [
        (f"(({X0} {Y0},{X0 + 1000} {Y0 + 900}),({X0 + 2000} {Y0},{X0 + 3000} {Y0 + 50}))", "x"),
        (None, None),
        (f"(({X0 + 500} {Y0},{X0 + 600} {Y0 + 100}))", "тропа"),
        (f"(({X0 + 500} {Y0},{X0 + 500} {Y0}))", ""),  # invalid for GEOS
        (f"(({X0 + 700} {Y0},{X0 + 800} {Y0}))", None),
    ]
    for wkt, highway in rows:
        feature = ogr.Feature(table.GetLayerDefn())
        feature.SetField("highway", highway)
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTILINESTRING" + wkt))
        table.CreateFeature(feature)
    data = table = feature = None
    layer = gpkg_layer(path, "roads")
    context = QgsProcessingContext()
    context.setInvalidGeometryCheck(getattr(QgsFeatureRequest, check))
    source = QgsProcessingFeatureSource(layer, context)
    if check == "GeometryAbortOnInvalid":  # (QGIS's own iterator aborts the process here)
        with pytest.raises(QgsProcessingException, match="feature 4 has an invalid geometry"):
            read_lines(source, context, fields=["highway"], whole_layer=layer)
        return
    found = {}
    for name, whole in [("qgis", None), ("gdal", layer)]:
        coords, sizes, feature_of_part, values = read_lines(
            source, context, fields=["highway"], whole_layer=whole
        )
        found[name] = (
            coords.tolist(),
            sizes.tolist(),
            [values["highway"][k] for k in feature_of_part],
        )
    assert found["gdal"] == found["qgis"]
    assert found["gdal"][2] == ["x", "x", "тропа"] + [""] * (check == "GeometryNoCheck") + [None]


def test_without_roads_links_are_estimated_and_said_so(symbiosis_provider, sample_gpkg):
    """A region without network data: straight km x detour at the road tariff."""
    ents = gpkg_layer(sample_gpkg, "enterprises")
    cands = processing.run(
        "symbiosis:findcandidates",
        {
            "ENTERPRISES": ents,
            "FLOWS": gpkg_layer(sample_gpkg, "flows"),
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    feedback = LogFeedback()
    result = processing.run(
        "symbiosis:networklinks",
        {"CANDIDATES": cands, "ENTERPRISES": ents, "DETOUR": 1.25, "OUTPUT": "TEMPORARY_OUTPUT"},
        feedback=feedback,
    )
    rows = rows_of(result["OUTPUT"])
    assert len(rows) == cands.featureCount() and result["UNREACHABLE"] == 0
    assert any("No road layer" in m for m in feedback.messages)
    estimated = [r for r in rows if r["mode"] == "estimated"]
    piped = [r for r in rows if r["mode"] in ("pipeline", "heat_main")]
    assert estimated and piped and len(estimated) + len(piped) == len(rows)
    for r in estimated:  # dist_km: findcandidates' geodesic distance, carried over
        assert r["net_km"] == pytest.approx(1.25 * r["dist_km"], rel=1e-6)
        assert r["cost_t"] == pytest.approx(6.0 * r["net_km"], rel=1e-9)


def test_heat_and_gas_cost_the_same_routed_or_straight(sample_links):
    """Gas, heat and water never pay the road tariff or truck CO2: the same pipe cost per
    unit-km whether the allocation reads candidates or routed links."""
    cands, links, flow_layer = sample_links
    chosen = {}
    for name, layer in (("straight", cands), ("routed", links)):
        out = processing.run(
            "symbiosis:optimizeexchanges",
            {"LINKS": layer, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
        )["OUTPUT"]
        chosen[name] = {
            (r["supply_flow"], r["demand_flow"]): r
            for r in rows_of(out)
            if r["supply_mat"] in ("waste_heat", "coke_oven_gas", "mine_methane")
        }
    common = set(chosen["straight"]) & set(chosen["routed"])
    assert common, chosen
    for key in common:
        a, b = chosen["straight"][key], chosen["routed"][key]
        assert a["transport_co2"] == 0 and b["transport_co2"] == 0
        assert a["transport_cost"] / a["tonnage"] == pytest.approx(
            b["transport_cost"] / b["tonnage"], rel=1e-9
        )
