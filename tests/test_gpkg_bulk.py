"""processing/gpkg_bulk.py: rows and a bulk-loaded R*Tree written straight into a GeoPackage.

The index is checked against SQLite itself (rtreecheck, and the R*Tree SQLite builds from the
same boxes inserted one by one), spatial queries through OGR and QGIS against brute force,
and the GeoPackage triggers against later edits by QGIS.
"""

import sqlite3
import subprocess

import numpy as np
import pandas as pd
import processing
import pytest
from osgeo import ogr, osr
from qgis.core import QgsFeature, QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsRectangle

from symbiosis_qgis.processing import find_candidates
from symbiosis_qgis.processing.gpkg_bulk import append_lines, envelopes
from symbiosis_qgis.processing.gpkg_rtree import packed_rtree

from .conftest import enterprises, flows, gpkg_layer


def empty_line_layer(path, epsg=32645, fresh=True):
    """A fresh GeoPackage line table made by OGR as a Processing sink makes it; not
    ``fresh``: the file holds another table too (its rows then go in by SQL)."""
    data = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = data.CreateLayer("lines", srs, ogr.wkbLineString)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("size", ogr.OFTReal))
    data = None
    if not fresh:
        data = ogr.Open(str(path), 1)
        data.CreateLayer("other", None, ogr.wkbNone)
        data = None


def random_lines(n, seed=0, origin=(500_000.0, 6_000_000.0), extent=50_000.0, reach=5_000.0):
    rng = np.random.default_rng(seed)
    starts = np.asarray(origin) + rng.random((n, 2)) * extent
    ends = starts + rng.normal(0, reach, (n, 2))
    ends[::17] = starts[::17]  # zero-length lines
    ends[::13, 0] = starts[::13, 0]  # vertical ones
    return starts, ends


def write(path, starts, ends, shared=()):
    n = len(starts)
    columns = {"name": pd.Series([f"L{i}" for i in range(n)]), "size": pd.Series(np.arange(n) / 7)}
    return append_lines(str(path), None, columns, starts, ends, shared)


def sqlite_rtree(boxes, first_id=1):
    """The R*Tree SQLite builds from the same boxes inserted one by one."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
    db.executemany(
        "INSERT INTO r VALUES (?, ?, ?, ?, ?)",
        zip(range(first_id, first_id + len(boxes)), *boxes.T.tolist()),
    )
    return db


def in_rect(db, table, rect):
    xmin, ymin, xmax, ymax = rect
    return sorted(
        r[0]
        for r in db.execute(
            f"SELECT id FROM {table} WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?",
            (xmax, xmin, ymax, ymin),
        )
    )


def crossing_rect(starts, ends, rect):
    """Brute force: which segments meet the rectangle (Liang-Barsky clipping, vectorised)."""
    xmin, ymin, xmax, ymax = rect
    d = ends - starts
    low, high = np.zeros(len(d)), np.ones(len(d))
    inside = np.ones(len(d), bool)
    for p, q in [
        (-d[:, 0], starts[:, 0] - xmin),
        (d[:, 0], xmax - starts[:, 0]),
        (-d[:, 1], starts[:, 1] - ymin),
        (d[:, 1], ymax - starts[:, 1]),
    ]:
        parallel = p == 0
        inside &= ~(parallel & (q < 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            r = q / p
        low = np.where(~parallel & (p < 0), np.maximum(low, r), low)
        high = np.where(~parallel & (p > 0), np.minimum(high, r), high)
    return sorted((np.flatnonzero(inside & (low <= high)) + 1).tolist())


def random_rects(count, origin, extent, seed=1):
    rng = np.random.default_rng(seed)
    rects = []
    for _ in range(count):
        x, y = np.asarray(origin) + rng.random(2) * extent
        w, h = rng.random(2) * extent / 8
        rects.append((x, y, x + w, y + h))
    return rects


@pytest.mark.parametrize(
    "n, origin, epsg",
    [
        (1, (500_000.0, 6_000_000.0), 32645),
        (40, (500_000.0, 6_000_000.0), 32645),  # the root is a leaf
        (3_000, (500_000.0, 6_000_000.0), 32645),
        (20_000, (500_000.0, 6_000_000.0), 32645),
        (5_000, (-70.0, -40.0), 4326),  # negative coordinates: other float32 rounding
    ],
)
def test_packed_index_holds_what_sqlite_would_store(tmp_path, n, origin, epsg):
    path = tmp_path / "out.gpkg"
    empty_line_layer(path, epsg)
    extent = 50_000.0 if epsg != 4326 else 5.0
    starts, ends = random_lines(n, origin=origin, extent=extent, reach=extent / 10)
    assert write(path, starts, ends) == n
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT rtreecheck('rtree_lines_geom')").fetchone() == ("ok",)
        ours = db.execute("SELECT * FROM rtree_lines_geom ORDER BY id").fetchall()
        (depth,) = db.execute("SELECT data FROM rtree_lines_geom_node WHERE nodeno = 1")
    reference = sqlite_rtree(envelopes(starts, ends))
    assert ours == reference.execute("SELECT * FROM r ORDER BY id").fetchall()
    assert len(ours) == n
    assert int.from_bytes(depth[0][:2], "big") == {1: 0, 40: 0, 3_000: 2, 20_000: 2, 5_000: 2}[n]


def test_nodes_are_full_and_every_box_is_inside_its_parent():
    starts, ends = random_lines(10_000)
    boxes = envelopes(starts, ends)
    nodes, leaf_of, parent_of = packed_rtree(np.arange(1, 10_001), boxes, 1228)
    counts = {number: int.from_bytes(blob[2:4], "big") for number, blob in nodes}
    leaves = np.bincount(leaf_of)[np.unique(leaf_of)]
    assert leaves.sum() == 10_000 and leaves.max() <= 51
    assert leaves.min() >= 51 * 0.75  # packed, not split half-full as one-by-one inserts leave
    assert sum(counts.values()) == 10_000 + len(parent_of)  # every row and node once
    assert set(parent_of.tolist()) | set(leaf_of.tolist()) <= set(counts)


def test_spatial_queries_through_ogr_and_qgis_match_brute_force(tmp_path):
    path = tmp_path / "out.gpkg"
    empty_line_layer(path)
    starts, ends = random_lines(20_000)
    write(path, starts, ends)
    reference = sqlite_rtree(envelopes(starts, ends))
    layer = gpkg_layer(path, "lines")
    data = ogr.Open(str(path))
    ogr_layer = data.GetLayer(0)
    with sqlite3.connect(path) as db:
        for rect in random_rects(40, (500_000.0, 6_000_000.0), 50_000.0):
            by_index = in_rect(db, "rtree_lines_geom", rect)
            assert by_index == in_rect(reference, "r", rect)
            brute = crossing_rect(starts, ends, rect)
            assert set(brute) <= set(by_index)
            request = QgsFeatureRequest().setFilterRect(QgsRectangle(*rect))
            request.setFlags(QgsFeatureRequest.ExactIntersect | QgsFeatureRequest.NoGeometry)
            assert sorted(f.id() for f in layer.getFeatures(request)) == brute
            ogr_layer.SetSpatialFilterRect(rect[0], rect[1], rect[2], rect[3])
            assert sorted(f.GetFID() for f in ogr_layer) == brute
    assert len(brute) > 0


def test_the_file_is_a_geopackage_qgis_and_ogr_read(tmp_path):
    path = tmp_path / "out.gpkg"
    empty_line_layer(path)
    starts, ends = random_lines(12_000)
    write(path, starts, ends)
    info = subprocess.run(
        ["ogrinfo", "-ro", "-so", str(path), "lines"], capture_output=True, text=True, check=True
    ).stdout
    assert "Feature Count: 12000" in info
    box = envelopes(starts, ends)
    layer = gpkg_layer(path, "lines")
    assert layer.featureCount() == 12_000
    assert layer.fields().names() == ["fid", "name", "size"]
    extent = layer.extent()  # OGR rounds the stored extent in its last digit
    assert [extent.xMinimum(), extent.xMaximum(), extent.yMinimum(), extent.yMaximum()] == (
        pytest.approx([box[:, 0].min(), box[:, 1].max(), box[:, 2].min(), box[:, 3].max()])
    )
    feature = layer.getFeature(12_000)
    assert feature["name"] == "L11999" and feature["size"] == 11999 / 7
    assert feature.geometry().asPolyline() == [QgsPointXY(*starts[-1]), QgsPointXY(*ends[-1])]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert db.execute("SELECT feature_count FROM gpkg_ogr_contents").fetchone() == (12_000,)
        triggers = {
            r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    assert {"rtree_lines_geom_insert", "rtree_lines_geom_delete"} <= triggers


def test_shared_columns_are_written_as_given(tmp_path):
    """Groups of repeating fields go through lookup tables: same rows, NULLs kept."""
    rng = np.random.default_rng(3)
    n = 4_000
    kinds = pd.Categorical(rng.choice(["ash", "slag", None], n))
    columns = {
        "name": pd.Series(kinds),
        "size": pd.Series(np.where(rng.random(n) < 0.1, np.nan, rng.integers(0, 5, n) / 3)),
    }
    starts, ends = random_lines(n)
    written = {}
    for shared in [(), (("name", "size"),), (("name",), ("size",))]:
        path = tmp_path / f"out{len(shared)}_{len(shared[0]) if shared else 0}.gpkg"
        empty_line_layer(path)
        append_lines(str(path), None, columns, starts, ends, shared)
        with sqlite3.connect(path) as db:
            written[shared] = db.execute("SELECT * FROM lines ORDER BY fid").fetchall()
    plain = written.pop(())
    assert len(plain) == n and plain[0][0] == 1
    assert {row[2] for row in plain} == {"ash", "slag", None}
    assert sum(row[3] is None for row in plain) > 100
    assert all(rows == plain for rows in written.values())


def test_codes_that_do_not_fit_one_integer_get_their_own_column(tmp_path):
    """Six groups of 3,000 distinct values need 72 bits: the last ones are staged apart."""
    n = 3_000
    path = tmp_path / "wide.gpkg"
    data = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    layer = data.CreateLayer("lines", srs, ogr.wkbLineString)
    names = [f"c{k}" for k in range(6)]
    for name in names:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTInteger64))
    data = None
    rng = np.random.default_rng(4)
    columns = {name: pd.Series(rng.permutation(n)) for name in names}
    starts, ends = random_lines(n)
    assert append_lines(str(path), None, columns, starts, ends, [(c,) for c in names]) == n
    with sqlite3.connect(path) as db:
        rows = db.execute(f"SELECT fid, {', '.join(names)} FROM lines ORDER BY fid").fetchall()
    assert [row[0] for row in rows] == list(range(1, n + 1))
    assert [list(row[1:]) for row in rows] == np.column_stack(
        [columns[name] for name in names]
    ).tolist()


def test_qgis_edits_keep_the_bulk_loaded_index_right(tmp_path):
    path = tmp_path / "out.gpkg"
    empty_line_layer(path)
    starts, ends = random_lines(5_000)
    write(path, starts, ends)
    layer = gpkg_layer(path, "lines")
    far = QgsGeometry.fromPolylineXY(
        [QgsPointXY(600_000, 6_100_000), QgsPointXY(600_010, 6_100_020)]
    )
    moved = QgsGeometry.fromPolylineXY(
        [QgsPointXY(400_000, 5_900_000), QgsPointXY(400_005, 5_900_005)]
    )
    assert layer.startEditing()
    added = QgsFeature(layer.fields())
    added.setAttributes([None, "new", 1.0])
    added.setGeometry(far)
    assert layer.addFeature(added)
    assert layer.changeGeometry(5, moved)
    assert layer.deleteFeature(7)
    assert layer.commitChanges(), layer.commitErrors()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT rtreecheck('rtree_lines_geom')").fetchone() == ("ok",)
        assert db.execute("SELECT COUNT(*) FROM rtree_lines_geom").fetchone() == (5_000,)
        assert db.execute("SELECT 1 FROM rtree_lines_geom WHERE id = 7").fetchone() is None
        (box,) = db.execute("SELECT minx, maxx, miny, maxy FROM rtree_lines_geom WHERE id = 5")
        assert box[0] <= 400_000 and box[1] >= 400_005 and box[2] <= 5_900_000
    for geometry, expected in [(far, "new"), (moved, "L4")]:
        request = QgsFeatureRequest().setFilterRect(geometry.boundingBox().buffered(1))
        assert [f["name"] for f in gpkg_layer(path, "lines").getFeatures(request)] == [expected]


def test_appending_to_an_indexed_table_lets_sqlite_insert(tmp_path):
    path = tmp_path / "out.gpkg"
    empty_line_layer(path)
    starts, ends = random_lines(3_000)
    write(path, starts[:2_000], ends[:2_000])
    write(path, starts[2_000:], ends[2_000:])
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT rtreecheck('rtree_lines_geom')").fetchone() == ("ok",)
        ours = db.execute("SELECT * FROM rtree_lines_geom ORDER BY id").fetchall()
        assert db.execute("SELECT MAX(fid), COUNT(*) FROM lines").fetchone() == (3_000, 3_000)
    reference = sqlite_rtree(envelopes(starts, ends))
    assert ours == reference.execute("SELECT * FROM r ORDER BY id").fetchall()


def test_many_candidates_in_bulk_equal_the_sink_output(symbiosis_provider, tmp_path, monkeypatch):
    """Over 10,000 candidates: the bulk writer and the Processing sink give the same layer."""
    rng = np.random.default_rng(7)
    rows, geoms, flow_rows = [], [], []
    for i in range(260):
        x, y = 500_000 + rng.random() * 8_000, 6_000_000 + rng.random() * 8_000
        rows.append((f"E{i}", f"e{i}", "", "concrete", "N1" if i % 2 else "N2"))
        geoms.append(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        supply = i < 50
        flow_rows.append(
            (
                f"F{i}",
                f"E{i}",
                "supply" if supply else "demand",
                "fly_ash" if supply else "concrete_addition",
                str(100 + i),
                "t/yr",
                "",
            )
        )
    ents, flow_layer = enterprises(rows, geoms=geoms), flows(flow_rows)
    layers = {}
    for name, bulk_rows in [("sink", 10**9), ("bulk", 10_000)]:
        monkeypatch.setattr(find_candidates, "BULK_ROWS", bulk_rows)
        path = tmp_path / f"{name}.gpkg"
        result = processing.run(
            "symbiosis:findcandidates",
            {"ENTERPRISES": ents, "FLOWS": flow_layer, "OUTPUT": str(path)},
        )
        assert result["CANDIDATES"] == 50 * 210
        layers[name] = gpkg_layer(path, name)
        with sqlite3.connect(path) as db:
            assert db.execute(f"SELECT rtreecheck('rtree_{name}_geom')").fetchone() == ("ok",)
            layers[name + "_index"] = db.execute(
                f"SELECT * FROM rtree_{name}_geom ORDER BY id"
            ).fetchall()
    sink, bulk = layers["sink"], layers["bulk"]
    assert layers["sink_index"] == layers["bulk_index"]
    assert bulk.featureCount() == sink.featureCount() == 10_500
    assert bulk.fields().names() == sink.fields().names()
    assert bulk.extent() == sink.extent()
    assert [(f.attributes(), f.geometry().asWkb()) for f in bulk.getFeatures()] == [
        (f.attributes(), f.geometry().asWkb()) for f in sink.getFeatures()
    ]
    for rect in random_rects(10, (500_000.0, 6_000_000.0), 8_000.0):
        request = QgsFeatureRequest().setFilterRect(QgsRectangle(*rect))
        found = sorted(f.id() for f in bulk.getFeatures(request))  # in index order
        assert found == sorted(f.id() for f in sink.getFeatures(request))
        assert found


@pytest.mark.parametrize("shared", [(), (("name",),)])
@pytest.mark.parametrize("fresh", [True, False])
def test_cancel_stops_the_writing_and_says_so(tmp_path, shared, fresh):
    """A fresh file's rows go in as pages (cancel asked between batches and before they are
    made visible), another file's through SQLite (asked while it works): canceled, the
    table stays empty and the file whole."""
    starts, ends = random_lines(20_000)
    columns = {
        "name": pd.Series([f"L{i}" for i in range(20_000)]),
        "size": pd.Series(np.full(20_000, 0.5)),
    }
    for cancel_at in (None, 2):  # never; on the second question, while the rows go in
        path = tmp_path / f"out_{cancel_at}.gpkg"
        empty_line_layer(path, fresh=fresh)
        size_before = path.stat().st_size
        asked, steps = [], []

        def is_canceled(asked=asked, cancel_at=cancel_at):
            asked.append(1)
            return cancel_at is not None and len(asked) >= cancel_at

        written = append_lines(
            str(path), "lines", columns, starts, ends, shared, steps.append, is_canceled
        )
        assert steps == sorted(steps) and len(asked) >= 2
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            (rows,) = db.execute("SELECT COUNT(*) FROM lines").fetchone()
        if cancel_at is None:
            assert written == 20_000 == rows and steps[-1] == 0.95
        else:
            assert written is None and steps[-1] < 0.95 and rows == 0
            if fresh:  # the pages written so far were cut off again
                assert path.stat().st_size == size_before


@pytest.mark.parametrize("engine", ["numba", "numpy"])
def test_rows_in_many_batches_on_two_workers_equal_sqlites_own(tmp_path, monkeypatch, engine):
    """Batches written by two workers at once (page numbers handed out as each finishes)
    still make one table in rowid order: every row as SQLite's own INSERTs store it."""
    from symbiosis_qgis.processing import sqlite_pages

    if engine == "numpy":
        monkeypatch.setattr(sqlite_pages, "_compiled_leaves", None)
    elif sqlite_pages._compiled_leaves is None:
        pytest.skip("numba is not installed")
    monkeypatch.setattr(sqlite_pages, "_CHUNK_ROWS", 700)  # 18 batches
    n = 12_345
    rng = np.random.default_rng(11)
    starts, ends = random_lines(n, seed=5)
    columns = {
        "name": pd.Series(rng.choice(["ash", "шлак", "x" * 40, None], n)),
        "size": pd.Series(np.where(rng.random(n) < 0.1, np.nan, rng.random(n) * 1e4)),
    }
    tables = {}
    for fresh in (True, False):  # pages; SQL (the file holds another table)
        path = tmp_path / f"fresh_{fresh}.gpkg"
        empty_line_layer(path, fresh=fresh)
        assert append_lines(str(path), "lines", columns, starts, ends) == n
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert db.execute("SELECT rtreecheck('rtree_lines_geom')").fetchone() == ("ok",)
            tables[fresh] = db.execute("SELECT * FROM lines ORDER BY fid").fetchall()
    assert [row[0] for row in tables[True]] == list(range(1, n + 1))
    assert tables[True] == tables[False]
