"""Reading Processing feature sources into pandas frames for core/, and writing rows back."""

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsProcessingException,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.validation import FID, GEOMETRY_STATE
from ..i18n import tr


def plain_value(value):
    """QGIS NULL (a null QVariant) becomes None; everything else passes through."""
    if isinstance(value, QVariant) and value.isNull():
        return None
    return value


def qgis_value(value):
    """numpy scalars -> Python values; NaN -> NULL, so QGIS can store them."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def transform_to_wgs84(source, context):
    return QgsCoordinateTransform(
        source.sourceCrs(), QgsCoordinateReferenceSystem("EPSG:4326"), context.transformContext()
    )


def features_with_progress(source, feedback=None, progress_span=(0, 100)):
    """The source's features; progress within ``progress_span``; stops when canceled."""
    total = max(source.featureCount(), 1)
    start, span = progress_span[0], progress_span[1] - progress_span[0]
    for i, feature in enumerate(source.getFeatures()):
        if feedback is not None:
            if feedback.isCanceled():
                return
            if i % 1000 == 0:
                feedback.setProgress(start + span * i / total)
        yield feature


def source_to_frame(source, feedback=None, with_geometry_state=False, progress_span=(0, 100)):
    """One row per feature: its attributes, ``fid`` and optionally the geometry state."""
    if source is None:
        raise QgsProcessingException(tr("Could not read the input layer"))
    names = source.fields().names()
    rows = []
    for feature in features_with_progress(source, feedback, progress_span):
        row = {name: plain_value(feature[name]) for name in names}
        row[FID] = feature.id()
        if with_geometry_state:
            geom = feature.geometry()
            row[GEOMETRY_STATE] = "null" if geom.isNull() else "empty" if geom.isEmpty() else "ok"
        rows.append(row)
    columns = names + [FID] + ([GEOMETRY_STATE] if with_geometry_state else [])
    return pd.DataFrame(rows, columns=columns)


def add_rows(sink, fields, rows, feedback=None):
    """Write dict rows (keys = field names) as geometry-less features."""
    for row in rows:
        if feedback is not None and feedback.isCanceled():
            return
        feature = QgsFeature(fields)
        feature.setAttributes([row.get(name) for name in fields.names()])
        sink.addFeature(feature)


def require_fields(source, names, layer_label):
    """Fail with a message naming the field and the layer when a required field is absent."""
    present = set(source.fields().names())
    missing = [name for name in names if name not in present]
    if missing:
        raise QgsProcessingException(
            tr("Layer '{layer}' lacks the required field(s): {fields}").format(
                layer=layer_label, fields=", ".join(missing)
            )
        )


def enterprise_lonlat(source, context, feedback=None, progress_span=(0, 100)):
    """Enterprises as (frame of ent_id, node, x=lon, y=lat; {ent_id: point in layer CRS}).

    Polygons stand for their point on surface; features without geometry get NaN coordinates
    so that core/ skips and counts them.
    """
    to_wgs84 = transform_to_wgs84(source, context)
    has_node = "node" in source.fields().names()
    rows, points = [], {}
    for feature in features_with_progress(source, feedback, progress_span):
        ent_id = plain_value(feature["ent_id"])
        ent_id = "" if ent_id is None else str(ent_id).strip()
        node = plain_value(feature["node"]) if has_node else None
        lon = lat = float("nan")
        geom = feature.geometry()
        if not geom.isNull() and not geom.isEmpty():
            point = (
                geom.asPoint()
                if geom.type() == QgsWkbTypes.PointGeometry and not geom.isMultipart()
                else geom.pointOnSurface().asPoint()
            )
            try:
                wgs = to_wgs84.transform(point)
                lon, lat = wgs.x(), wgs.y()
                points.setdefault(ent_id, point)
            except QgsCsException:
                pass
        rows.append({"ent_id": ent_id, "node": node, "x": lon, "y": lat})
    return pd.DataFrame(rows, columns=["ent_id", "node", "x", "y"]), points


def line_parts_lonlat(source, context, feedback=None, attribute=None, keep=None):
    """Every line part of a layer as an (n, 2) lon/lat array, with one attribute per part.

    keep(feature) -> bool filters features (OSM: highways for roads, railways for rails).
    """
    to_wgs84 = transform_to_wgs84(source, context)
    parts, values = [], []
    for feature in source.getFeatures():
        if feedback is not None and feedback.isCanceled():
            break
        if keep is not None and not keep(feature):
            continue
        geom = feature.geometry()
        if geom.isNull() or geom.isEmpty():
            continue
        geom.transform(to_wgs84)
        polylines = geom.asMultiPolyline() if geom.isMultipart() else [geom.asPolyline()]
        value = plain_value(feature[attribute]) if attribute else None
        for line in polylines:
            if len(line) >= 2:
                parts.append(np.array([(p.x(), p.y()) for p in line]))
                values.append(value)
    return parts, values


def points_lonlat(source, context):
    """(k, 2) lon/lat array of a point layer's features (multipoints: every point)."""
    to_wgs84 = transform_to_wgs84(source, context)
    out = []
    for feature in source.getFeatures():
        geom = feature.geometry()
        if geom.isNull() or geom.isEmpty():
            continue
        geom.transform(to_wgs84)
        for point in geom.asMultiPoint() if geom.isMultipart() else [geom.asPoint()]:
            out.append((point.x(), point.y()))
    return np.array(out, dtype=float).reshape(-1, 2)
