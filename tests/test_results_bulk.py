"""The explorer's big result tables written in bulk through SQLite (gui/results.py): read back
by QGIS, they hold the same fields, values and geometries, feature by feature, as the tables
the QgsFeature path writes; routed and irregular tables keep that path; a cancel adds
nothing."""

import sqlite3

import numpy as np
import pandas as pd
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt

from symbiosis_qgis.gui import results
from symbiosis_qgis.gui.explorer_dock import SymbiosisExplorerDock
from symbiosis_qgis.gui.pipeline_task import PipelineInputs, PipelineTask
from symbiosis_qgis.processing.layer_io import LayerSnapshot
from symbiosis_qgis.sample_project import load_sample_layers

from .conftest import SAMPLE_GPKG

REGION_ENTERPRISES = 1200  # enough scattered copies of the sample for > 10,000 candidates
NO_BULK = 10**12  # BULK_ROWS that sends every table through the QgsFeature path


def sample_layer(name):
    layer = QgsVectorLayer(f"{SAMPLE_GPKG}|layername={name}", name, "ogr")
    assert layer.isValid(), name
    return layer


def save_gpkg(layer, path, table):
    """The memory layer written to a GeoPackage table, opened as a file-backed layer."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", table
    options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    if not path.exists():
        options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteFile
    error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsCoordinateTransformContext(), options
    )
    assert error == QgsVectorFileWriter.NoError, message
    saved = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
    assert saved.isValid()
    QgsProject.instance().addMapLayer(saved, False)  # the project owns file-backed layers
    return saved


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    """(enterprises, flows): copies of the sample's enterprises with their flows, scattered
    over the sample's extent, in a GeoPackage."""
    ents, flows = sample_layer("enterprises"), sample_layer("flows")
    templates = list(ents.getFeatures())
    flows_of = {}
    for flow in flows.getFeatures():
        flows_of.setdefault(flow["ent_id"], []).append(flow)
    extent = ents.extent()
    rng = np.random.default_rng(7)
    ent_copy = ents.materialize(QgsFeatureRequest().setFilterFid(-1))
    flow_copy = flows.materialize(QgsFeatureRequest().setFilterFid(-1))
    new_ents, new_flows = [], []
    for k in range(REGION_ENTERPRISES):
        template = templates[rng.integers(len(templates))]
        ent_id = f"R{k:04d}"
        feature = QgsFeature(ent_copy.fields())
        feature.setAttributes(template.attributes())
        feature["fid"], feature["ent_id"] = k + 1, ent_id  # a fresh fid, not the template's
        x = extent.xMinimum() + rng.random() * extent.width()
        y = extent.yMinimum() + rng.random() * extent.height()
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        new_ents.append(feature)
        for j, flow in enumerate(flows_of.get(template["ent_id"], [])):
            copy = QgsFeature(flow_copy.fields())
            copy.setAttributes(flow.attributes())
            copy["fid"] = len(new_flows) + 1
            copy["ent_id"], copy["flow_id"] = ent_id, f"{ent_id}_{j}"
            new_flows.append(copy)
    assert ent_copy.dataProvider().addFeatures(new_ents)
    assert flow_copy.dataProvider().addFeatures(new_flows)
    gpkg = tmp_path_factory.mktemp("region") / "region.gpkg"
    return save_gpkg(ent_copy, gpkg, "enterprises"), save_gpkg(flow_copy, gpkg, "flows")


def run_task(path, tag, enterprises, flows, roads=None):
    """The explorer's task run in this thread; returns it once it has written its tables."""
    inputs = PipelineInputs(
        LayerSnapshot(enterprises),
        LayerSnapshot(flows),
        roads=LayerSnapshot(roads) if roads is not None else None,
        transform_context=QgsProject.instance().transformContext(),
        output_path=str(path),
        run_tag=tag,
    )
    task = PipelineTask(inputs)
    assert task.run(), task.error
    return task


def bulk_spy(tables):
    """append_lines, noting each table it is called for in ``tables``."""
    append = results.append_lines

    def spy(path, table, *args, **kwargs):
        tables.append(table)
        return append(path, table, *args, **kwargs)

    return spy


@pytest.fixture()
def bulk_tables(monkeypatch):
    """The tables append_lines wrote, in order (it still writes them)."""
    tables = []
    monkeypatch.setattr(results, "append_lines", bulk_spy(tables))
    return tables


def opened(path, table):
    layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
    assert layer.isValid(), f"{table} in {path}"
    return layer


def assert_same_table(path_a, table_a, path_b, table_b):
    """Fields (names, types), CRS, extent, count, and every feature's fid, attributes and
    geometry (WKB) equal; a spatial query (through the R-tree) finds the same features."""
    a, b = opened(path_a, table_a), opened(path_b, table_b)
    assert [(f.name(), f.type(), f.typeName()) for f in a.fields()] == [
        (f.name(), f.type(), f.typeName()) for f in b.fields()
    ]
    assert a.crs() == b.crs() and a.wkbType() == b.wkbType()
    assert a.featureCount() == b.featureCount() > 0
    assert a.extent() == b.extent()
    order = QgsFeatureRequest().addOrderBy("fid")
    compared = 0
    for fa, fb in zip(a.getFeatures(order), b.getFeatures(order)):
        assert fa.id() == fb.id()
        assert fa.attributes() == fb.attributes(), (table_a, fa.id())
        assert fa.geometry().asWkb() == fb.geometry().asWkb(), (table_a, fa.id())
        compared += 1
    assert compared == a.featureCount()
    extent = a.extent()
    quarter = QgsRectangle(
        extent.xMinimum(),
        extent.yMinimum(),
        extent.center().x(),
        extent.center().y(),
    )
    in_a = {f.id() for f in a.getFeatures(QgsFeatureRequest(quarter))}
    in_b = {f.id() for f in b.getFeatures(QgsFeatureRequest(quarter))}
    assert in_a == in_b and 0 < len(in_a) < a.featureCount()


def assert_same_run(task_a, task_b):
    tables_a = {w.kind: w for w in task_a.written}
    tables_b = {w.kind: w for w in task_b.written}
    assert tables_a.keys() == tables_b.keys()
    for kind in tables_a:
        assert tables_a[kind].count == tables_b[kind].count
        assert_same_table(
            task_a.inputs.output_path,
            tables_a[kind].table,
            task_b.inputs.output_path,
            tables_b[kind].table,
        )


def test_over_10000_candidates_in_bulk_equal_the_feature_path(
    region, tmp_path, monkeypatch, bulk_tables
):
    enterprises, flows = region
    shipped = results.BULK_ROWS
    monkeypatch.setattr(results, "BULK_ROWS", NO_BULK)
    by_features = run_task(tmp_path / "features.gpkg", "old", enterprises, flows)
    assert bulk_tables == []
    monkeypatch.setattr(results, "BULK_ROWS", shipped)
    in_bulk = run_task(tmp_path / "bulk.gpkg", "new", enterprises, flows)
    assert len(in_bulk.candidates) > 10_000
    assert len(in_bulk.exchanges) < results.BULK_ROWS
    # the candidates after the other tables: append_lines' path for a shared GeoPackage
    assert bulk_tables == ["candidates_new"]
    assert_same_run(by_features, in_bulk)


@pytest.mark.parametrize("with_roads", [False, True])
def test_every_straight_table_in_bulk_and_routed_ones_by_feature(
    tmp_path, monkeypatch, bulk_tables, with_roads
):
    """On the sample with the threshold at one row: without roads the exchanges and the
    candidates go in bulk; with roads the routed links and exchanges keep the feature path.
    Either way the tables equal those of the feature path."""
    enterprises, flows = sample_layer("enterprises"), sample_layer("flows")
    roads = sample_layer("roads") if with_roads else None
    for layer in (enterprises, flows, roads):
        if layer is not None:
            QgsProject.instance().addMapLayer(layer, False)
    monkeypatch.setattr(results, "BULK_ROWS", NO_BULK)
    by_features = run_task(tmp_path / "features.gpkg", "old", enterprises, flows, roads)
    monkeypatch.setattr(results, "BULK_ROWS", 1)
    in_bulk = run_task(tmp_path / "bulk.gpkg", "new", enterprises, flows, roads)
    if with_roads:
        assert in_bulk.paths is not None and any(p is not None for p in in_bulk.paths)
        assert bulk_tables == ["candidates_new"]
        assert {w.kind for w in in_bulk.written} >= {"links", "exchanges", "candidates"}
    else:
        assert bulk_tables == ["exchanges_new", "candidates_new"]
    assert_same_run(by_features, in_bulk)


def writer_for(path, tag, points, is_canceled=lambda: False, crs=None):
    return results.ResultWriter(
        str(path),
        tag,
        crs or sample_layer("enterprises").crs(),
        QgsProject.instance().transformContext(),
        points,
        is_canceled,
        lambda progress: None,
    )


def small_frame():
    return pd.DataFrame(
        {
            "cand_id": np.arange(4, dtype=np.int64),
            "supply_ent": ["A", "A", "B", "C"],
            "demand_ent": ["B", "C", "C", "A"],
            "supply_mat": pd.Categorical(["fly_ash", "fly_ash", None, "heat"]),
            "dist_km": [1.5, np.nan, 3.0, 4.25],
            "reachable": [True, False, True, True],
            "note": ["x", None, "", "ü"],
        }
    )


POINTS = {  # in the sample's CRS, UTM 45N
    "A": QgsPointXY(600_000.0, 6_000_000.0),
    "B": QgsPointXY(601_000.5, 6_002_000.25),
    "C": QgsPointXY(599_000.0, 6_001_000.0),
}


@pytest.mark.parametrize(
    "case, bulk",
    [
        ("plain", True),
        ("lon/lat enterprises", True),
        ("a column named fid", True),
        ("a missing point", False),  # a NULL geometry: append_lines writes none
        ("a nullable integer and flag", True),
        ("an infinite distance", True),
        ("a number among the text", False),  # QGIS writes 5.0 as "5", SQLite as "5.0"
        ("a flag among the text", False),  # "true" for QGIS, 1 for SQLite
    ],
)
def test_bulk_only_where_sqlite_stores_what_qgis_would(tmp_path, monkeypatch, case, bulk):
    frame, points, crs = small_frame(), dict(POINTS), None
    if case == "lon/lat enterprises":
        crs = QgsCoordinateReferenceSystem("EPSG:4326")
        points = {k: QgsPointXY(86.0 + p.x() / 1e6, 54.0 + p.y() / 1e7) for k, p in points.items()}
    elif case == "a column named fid":
        frame["FID"] = frame["cand_id"] * 10
    elif case == "a missing point":
        del points["C"]
    elif case == "a nullable integer and flag":
        frame["transfers"] = pd.array([1, None, 2, 3], dtype="Int64")
        frame["reachable"] = pd.array([True, None, False, True], dtype="boolean")
    elif case == "a number among the text":
        frame["note"] = pd.Series(["x", 5.0, 2.5, None], dtype=object)
    elif case == "a flag among the text":
        frame["note"] = pd.Series(["x", True, np.int64(3), None], dtype=object)
    elif case == "an infinite distance":
        frame.loc[2, "dist_km"] = np.inf
    path = tmp_path / "results.gpkg"
    tables = []
    monkeypatch.setattr(results, "BULK_ROWS", NO_BULK)
    old = writer_for(path, "old", points, crs=crs)
    old.write("candidates", frame, QgsWkbTypes.LineString, old.straight, old.straight_ends)
    monkeypatch.setattr(results, "BULK_ROWS", 1)
    monkeypatch.setattr(results, "append_lines", bulk_spy(tables))
    new = writer_for(path, "new", points, crs=crs)
    new.write("candidates", frame, QgsWkbTypes.LineString, new.straight, new.straight_ends)
    assert tables == (["candidates_new"] if bulk else [])
    assert [w.count for w in new.written] == [4]
    assert_same_rows(path, "candidates_old", "candidates_new")


def assert_same_rows(path, table_a, table_b):
    """Every feature equal (too few features for assert_same_table's spatial query)."""
    a, b = opened(path, table_a), opened(path, table_b)
    assert [(f.name(), f.type()) for f in a.fields()] == [(f.name(), f.type()) for f in b.fields()]
    assert a.crs() == b.crs()
    rows_a = [(f.id(), f.attributes(), f.geometry().asWkb()) for f in a.getFeatures()]
    rows_b = [(f.id(), f.attributes(), f.geometry().asWkb()) for f in b.getFeatures()]
    assert rows_a == rows_b and len(rows_a) == 4
    assert a.extent() == b.extent()


def test_a_locked_geopackage_is_said_in_words(tmp_path, monkeypatch):
    """Another program holds the GeoPackage locked while the rows go in: the writer raises
    ResultWriteError naming the table, the file and SQLite's reason (the task shows it)."""
    path = tmp_path / "locked.gpkg"
    append = results.append_lines
    holders = []

    def lock_then_append(gpkg, *args, **kwargs):
        holder = sqlite3.connect(gpkg, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        holders.append(holder)
        return append(gpkg, *args, **kwargs)

    monkeypatch.setattr(results, "BULK_ROWS", 1)
    monkeypatch.setattr(results, "append_lines", lock_then_append)
    monkeypatch.setattr(sqlite3, "connect", timeout_of(sqlite3.connect, 0.2))
    writer = writer_for(path, "x", dict(POINTS))
    line = QgsWkbTypes.LineString
    writer.write("exchanges", small_frame(), line, writer.straight)  # by feature: a table first
    try:
        with pytest.raises(results.ResultWriteError) as raised:
            writer.write("candidates", small_frame(), line, writer.straight, writer.straight_ends)
    finally:
        for holder in holders:
            holder.close()
    message = str(raised.value)
    assert "candidates_x" in message and str(path) in message and "locked" in message
    assert "Traceback" not in message and [w.kind for w in writer.written] == ["exchanges"]


def timeout_of(connect, seconds):
    """sqlite3.connect waiting ``seconds`` for a lock instead of its default 5 s."""

    def connect_briefly(*args, **kwargs):
        kwargs.setdefault("timeout", seconds)
        return connect(*args, **kwargs)

    return connect_briefly


def test_a_cancel_during_the_bulk_write_leaves_the_table_empty(region, tmp_path, monkeypatch):
    """Cancel once append_lines runs: SQLite is interrupted, the transaction rolled back, no
    table is reported written, and the GeoPackage still opens with its other tables."""
    enterprises, flows = region
    task = run_task(tmp_path / "first.gpkg", "first", enterprises, flows)
    points = {
        f["ent_id"]: f.geometry().asPoint() for f in enterprises.getFeatures() if f.hasGeometry()
    }
    canceled = []
    append = results.append_lines

    def cancel_then_append(*args, **kwargs):
        canceled.append(True)
        return append(*args, **kwargs)

    monkeypatch.setattr(results, "append_lines", cancel_then_append)
    path = tmp_path / "canceled.gpkg"
    writer = writer_for(path, "run", points, is_canceled=lambda: bool(canceled))
    written = writer.write_all(
        task.candidates,
        task.links,
        None,
        task.exchanges,
        task.read_layers().enterprise_attributes,
        "en",
    )
    assert canceled and written == []
    with sqlite3.connect(path) as db:
        (rows,) = db.execute('SELECT COUNT(*) FROM "candidates_run"').fetchone()
        (indexed,) = db.execute('SELECT COUNT(*) FROM "rtree_candidates_run_geom"').fetchone()
    assert rows == 0 and indexed == 0
    assert opened(path, "exchanges_run").featureCount() == len(task.exchanges)


def test_a_cancel_while_writing_candidates_adds_nothing_to_the_project(
    qgis_iface, qtbot, monkeypatch, bulk_tables
):
    """The progress moves on while SQLite writes the candidates (92 % to 100 %); Cancel
    pressed there ends the run as canceled, with no layer or group added."""
    project = QgsProject.instance()
    project.clear()
    try:
        load_sample_layers()
        before = set(project.mapLayers())
        monkeypatch.setattr(results, "BULK_ROWS", 1)  # the sample's candidates in bulk
        dock = SymbiosisExplorerDock(qgis_iface)
        qtbot.addWidget(dock)
        try:
            dock.run_analysis()
            task, seen = dock.task, []

            def cancel_in_bulk(progress):  # in the task's thread
                seen.append(progress)
                if 92 < progress < 100:
                    task.cancel()

            task.progressChanged.connect(cancel_in_bulk, Qt.DirectConnection)
            qtbot.waitUntil(lambda: dock.task is None, timeout=180_000)
            assert any(t.startswith("candidates") for t in bulk_tables), bulk_tables
            assert any(92 < p < 100 for p in seen) and max(seen) < 100, seen
            assert dock.status.text() == "Analysis canceled."
            assert set(project.mapLayers()) == before
            assert results.result_groups() == []
        finally:
            dock.cleanup()
    finally:
        project.clear()
