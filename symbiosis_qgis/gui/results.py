"""The explorer's results: written to a GeoPackage in the analysis task, then shown in one
project group that the next run replaces.

Scratch layers were empty after saving and reopening the project, and building them in the
main thread froze QGIS for minutes on a large region. Now the task (a worker thread) builds
the geometries and writes every table; the main thread only opens the written tables.
Tables carry a run tag (``exchanges_20261128_101500``) so a run never overwrites a table that
the project still shows; the previous run's tables are dropped once its layers are removed.

The big tables of straight two-point lines (candidates; links and exchanges when nothing is
routed) are written in bulk: QgsVectorFileWriter creates the empty table (fields, CRS, spatial
index) and is closed, then processing.gpkg_bulk.append_lines inserts the rows through SQLite.
290,000 candidates took 12 s as a QgsFeature per row, 2 s so (bench/bench_docks.py).
"""

import os
import sqlite3
import struct
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.types import is_bool_dtype, is_float_dtype, is_integer_dtype
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsMessageLog,
    QgsPointXY,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.diagram import diagram_tables
from ..i18n import tr
from ..processing.find_candidates import SHARED_COLUMNS
from ..processing.gpkg_bulk import append_lines
from ..processing.styling import style_layer
from .common import RESULT_PROPERTY
from .memory_layers import frame_features, frame_fields

GROUP_PROPERTY = "symbiosis_qgis/result_group"
BATCH = 5000  # features per addFeatures call; cancel is checked between batches
BULK_ROWS = 10_000  # from this many straight lines a table is written in bulk through SQLite
STYLES = {
    "candidates": "candidates.qml",
    "links": "links.qml",
    "exchanges": "candidates.qml",
    "arrows": "diagram_arrows.qml",
    "nodes": "diagram_nodes.qml",
}
TREE_ORDER = ("nodes", "arrows", "exchanges", "links", "candidates")  # top to bottom
HIDDEN = ("candidates", "links")  # many lines: there to query, not to look at first


class ResultWriteError(Exception):
    """A result table could not be written; the message says which and why, in words."""


@dataclass
class WrittenTable:
    kind: str  # candidates, links, exchanges, arrows, nodes
    table: str  # GeoPackage table name
    count: int


def layer_title(kind, routed):
    """The name a result layer shows in the layer tree."""
    titles = {
        "candidates": tr("Partner candidates"),
        "links": tr("Routed links") if routed else tr("Straight-line links"),
        "exchanges": tr("Chosen exchanges"),
        "arrows": tr("Symbiosis arrows"),
        "nodes": tr("Symbiosis enterprises"),
    }
    return titles[kind]


def results_destination(project=None):
    """(GeoPackage path, message or None): next to the saved project, otherwise a temporary
    file and a message saying the results will not outlive the session."""
    project = project or QgsProject.instance()
    if project.fileName():
        stem = Path(project.fileName()).stem
        return str(Path(project.absolutePath()) / f"{stem}_symbiosis.gpkg"), None
    folder = Path(tempfile.gettempdir()) / "symbiosis_qgis"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d_%H%M%S_%f")
    path = str(folder / f"analysis_{stamp}.gpkg")
    return path, tr(
        "The project is not saved yet: results are in a temporary GeoPackage ({0}). Save the "
        "project and run again to keep them next to it."
    ).format(path)


def run_tag():
    return datetime.now(timezone.utc).strftime("%Y%m%d_%H%M%S_%f")


# ---------------------------------------------------------------- in the task's thread
class ResultWriter:
    """Builds result geometries and writes the tables (runs in the task's thread)."""

    def __init__(self, path, tag, crs, transform_context, points, is_canceled, progress):
        self.path, self.tag, self.crs = path, tag, crs
        self.transform_context = transform_context
        self.points = points  # ent_id -> QgsPointXY in the enterprises' CRS
        self.is_canceled, self.progress = is_canceled, progress
        self.written = []

    def straight_ends(self, frame):
        """(starts, ends): (n, 2) supplier and consumer points in the enterprises' CRS, NaN
        where either has no geometry."""
        xy = {k: (p.x(), p.y()) for k, p in self.points.items()}
        missing = (np.nan, np.nan)
        starts = np.array([xy.get(a, missing) for a in frame["supply_ent"].astype(str)], float)
        ends = np.array([xy.get(b, missing) for b in frame["demand_ent"].astype(str)], float)
        return starts.reshape(-1, 2), ends.reshape(-1, 2)

    def straight(self, frame):
        """Two-point lines supplier -> consumer in the enterprises' CRS (None where either
        has no geometry), built from WKB: a QgsPointXY per vertex cost seconds per 100k."""
        coords = np.hstack(self.straight_ends(frame)).astype("<f8")
        ok = np.isfinite(coords).all(axis=1)
        head = struct.pack("<BII", 1, QgsWkbTypes.LineString, 2)
        out = []
        for row, good in zip(coords, ok):
            if good:
                geometry = QgsGeometry()
                geometry.fromWkb(head + row.tobytes())
                out.append(geometry)
            else:
                out.append(None)
        return out

    def route(self, path, to_layer):
        """A lon/lat path (n, 2) as a line in the enterprises' CRS."""
        coords = np.ascontiguousarray(np.asarray(path, dtype="<f8").reshape(-1, 2))
        geometry = QgsGeometry()
        geometry.fromWkb(
            struct.pack("<BII", 1, QgsWkbTypes.LineString, len(coords)) + coords.tobytes()
        )
        geometry.transform(to_layer)  # in C++, every vertex at once
        return geometry

    def write_all(self, candidates, links, paths, exchanges, enterprises, language):
        """Every result table; returns the WrittenTable list (empty when canceled)."""
        routed = paths is not None
        path_of = dict(zip(links["cand_id"], paths)) if routed else {}
        to_layer = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4326"), self.crs, self.transform_context
        )

        def lines(frame):
            straight = self.straight(frame)
            if not routed:
                return straight
            return [
                self.route(path_of[c], to_layer) if path_of.get(c) is not None else line
                for c, line in zip(frame["cand_id"], straight)
            ]

        def straight_ends(frame):  # None when some row of the frame has a route
            if routed and any(path_of.get(c) is not None for c in frame["cand_id"]):
                return None
            return self.straight_ends(frame)

        line = QgsWkbTypes.LineString
        self.write("exchanges", exchanges, line, lines, straight_ends)
        self.progress(82)
        if not self.crs.isGeographic():  # the diagram spaces enterprises in metres
            ents = enterprises.copy()
            ents["ent_id"] = ents["ent_id"].astype(str)
            ents["x"] = ents["ent_id"].map({k: p.x() for k, p in self.points.items()})
            ents["y"] = ents["ent_id"].map({k: p.y() for k, p in self.points.items()})
            arrows, nodes = diagram_tables(exchanges, ents, language=language)
            coords = arrows.pop("coords")

            def arrow_lines(rows):
                return [
                    QgsGeometry.fromPolylineXY([QgsPointXY(*xy) for xy in c])
                    for c in coords.loc[rows.index]
                ]

            def node_points(rows):
                return [
                    QgsGeometry.fromPointXY(QgsPointXY(x, y)) for x, y in zip(rows["x"], rows["y"])
                ]

            self.write("arrows", arrows, line, arrow_lines)
            self.write("nodes", nodes, QgsWkbTypes.Point, node_points)
        self.progress(86)
        if routed:  # without a network the links are the candidates: not written twice
            self.write("links", links, line, lines, straight_ends)
        self.progress(92)
        self.write("candidates", candidates, line, self.straight, self.straight_ends, (92, 100))
        return [] if self.is_canceled() else self.written

    def write(self, kind, frame, wkb, geometries, ends=None, span=None):
        """Write ``frame`` as the table ``kind``; ``geometries(rows)`` gives the geometries of
        a batch of its rows, so a cancel waits for one batch, not for every row's geometry.
        ``ends(frame)``: (starts, ends) of straight two-point lines, or None; with it a big
        table whose every row has both points and plain values is written in bulk, the
        task's progress moving through ``span`` (start, end) meanwhile."""
        if self.is_canceled():
            return
        table = f"{kind}_{self.tag}"
        frame = frame.rename(columns={c: f"{c}_src" for c in frame.columns if c.lower() == "fid"})
        fields = frame_fields(frame)
        bulk = self._bulk_rows(frame, fields, ends) if len(frame) >= BULK_ROWS else None
        writer = self._create_table(table, fields, wkb)
        try:
            for start in range(0, len(frame) if bulk is None else 0, BATCH):
                if self.is_canceled():
                    return
                rows = frame.iloc[start : start + BATCH]
                batch = frame_features(rows, fields, geometries(rows))
                if not writer.addFeatures(batch):
                    raise ResultWriteError(self._failed(table, writer.errorMessage()))
        finally:
            del writer  # closes the table
        if bulk is not None and not self._append(table, *bulk, span):
            return
        self.written.append(WrittenTable(kind, table, len(frame)))

    def _create_table(self, table, fields, wkb):
        """An open QgsVectorFileWriter on the new, empty ``table``."""
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        options.actionOnExistingFile = (
            QgsVectorFileWriter.CreateOrOverwriteLayer
            if os.path.exists(self.path)
            else QgsVectorFileWriter.CreateOrOverwriteFile
        )
        writer = QgsVectorFileWriter.create(
            self.path, fields, wkb, self.crs, self.transform_context, options
        )
        if writer.hasError() != QgsVectorFileWriter.NoError:
            raise ResultWriteError(self._failed(table, writer.errorMessage()))
        return writer

    def _bulk_rows(self, frame, fields, ends):
        """(columns, starts, ends) for append_lines, or None when the rows are not all
        straight lines with both points or a column's values are not plain."""
        if ends is None:
            return None
        points = ends(frame)
        if points is None or not all(np.isfinite(p).all() for p in points):
            return None  # a route or a missing point: QGIS writes the geometries
        columns = {name: frame[name] for name in fields.names()}
        if not all(_stored_as_qgis_does(column) for column in columns.values()):
            return None
        return (columns, *points)

    def _append(self, table, columns, starts, ends, span=None):
        """Rows into the empty ``table``; False when canceled."""
        shared = [[n for n in group if n in columns] for group in SHARED_COLUMNS]
        start, end = span or (0, 0)
        try:
            written = append_lines(
                self.path,
                table,
                columns,
                starts,
                ends,
                shared,
                progress=(lambda f: self.progress(start + (end - start) * f)) if span else None,
                is_canceled=self.is_canceled,
            )
        except sqlite3.Error as err:
            raise ResultWriteError(self._failed(table, str(err))) from err
        return written is not None

    def _failed(self, table, error):
        return tr("Could not write the table {table} to {path}: {error}").format(
            table=table, path=self.path, error=error
        )


def _stored_as_qgis_does(column):
    """True when SQLite stores the column's values as QGIS writes them in the field
    frame_fields gives it: numbers and booleans (pandas' nullable ones too) and text columns
    of strings only. QGIS writes any other object as its own text (5.0 as "5", True as
    "true"), which SQLite does not reproduce ("5.0", 1; a numpy integer even as a blob)."""
    dtype = column.dtype
    if is_bool_dtype(dtype) or is_integer_dtype(dtype) or is_float_dtype(dtype):
        return True
    if isinstance(dtype, pd.CategoricalDtype):
        column = pd.Series(dtype.categories)
    return pd.api.types.infer_dtype(column, skipna=True) in ("string", "empty")


# ---------------------------------------------------------------- in the main thread
def result_groups(project=None):
    project = project or QgsProject.instance()
    return [
        group
        for group in project.layerTreeRoot().findGroups(True)
        if group.customProperty(GROUP_PROPERTY)
    ]


def remove_previous_results(project=None):
    """Remove the groups and layers of earlier runs; returns {path: [tables]} they used."""
    project = project or QgsProject.instance()
    tables = {}
    for group in result_groups(project):
        ids = []
        for node in group.findLayers():
            layer = node.layer()
            if layer is not None:
                ids.append(layer.id())
                path, _, options = layer.source().partition("|layername=")
                if options:
                    tables.setdefault(path, []).append(options.split("|")[0])
        project.removeMapLayers(ids)
        group.parent().removeChildNode(group)
    return tables


def drop_tables(tables):
    """Drop the given {path: [tables]}; what cannot be dropped stays and is logged."""
    from osgeo import ogr

    for path, names in tables.items():
        source = ogr.Open(path, 1) if os.path.exists(path) else None
        if source is None:
            continue
        for name in names:
            for index in range(source.GetLayerCount()):
                if source.GetLayerByIndex(index).GetName() == name:
                    if source.DeleteLayer(index) != 0:
                        QgsMessageLog.logMessage(
                            tr("Could not drop the old table {0} from {1}").format(name, path),
                            tr("Industrial symbiosis"),
                        )
                    break
        source = None  # closes the file


def add_result_layers(path, written, routed, project=None):
    """Open the written tables in one group at the top of the layer tree, styled; the
    previous run's group, layers and tables go. Returns {kind: layer}."""
    project = project or QgsProject.instance()
    drop_tables(remove_previous_results(project))
    group = project.layerTreeRoot().insertGroup(0, tr("Symbiosis analysis"))
    group.setCustomProperty(GROUP_PROPERTY, "1")
    by_kind = {w.kind: w for w in written}
    layers = {}
    for kind in TREE_ORDER:
        if kind not in by_kind:
            continue
        layer = QgsVectorLayer(
            f"{path}|layername={by_kind[kind].table}", layer_title(kind, routed), "ogr"
        )
        if not layer.isValid():
            raise ResultWriteError(
                tr("Could not open the table {table} of {path}").format(
                    table=by_kind[kind].table, path=path
                )
            )
        style_layer(layer, STYLES[kind])
        layer.setCustomProperty(RESULT_PROPERTY, kind)
        project.addMapLayer(layer, False)
        node = group.addLayer(layer)
        node.setItemVisibilityChecked(kind not in HIDDEN)
        layers[kind] = layer
    return layers
