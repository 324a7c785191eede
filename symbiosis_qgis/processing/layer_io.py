"""Reading Processing feature sources into pandas frames for core/, and writing rows back."""

import os
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayerFeatureSource,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.errors import InputError
from ..core.inputs import id_text, require_unique_ids
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


class LayerSnapshot:
    """A layer's features readable from a worker thread, with the facts layer_io asks of a
    source (fields, CRS, geometry type, count), all taken on the main thread at creation."""

    def __init__(self, layer):
        self._features = QgsVectorLayerFeatureSource(layer)
        self._fields = QgsFields(layer.fields())
        self._crs = QgsCoordinateReferenceSystem(layer.crs())
        self._wkb_type = layer.wkbType()
        self._count = layer.featureCount()

    def fields(self):
        return self._fields

    def sourceCrs(self):
        return self._crs

    def wkbType(self):
        return self._wkb_type

    def featureCount(self):
        return self._count

    def getFeatures(self, request=None):
        return self._features.getFeatures(request or QgsFeatureRequest())


ENTERPRISE_GEOMETRIES = (QgsWkbTypes.PointGeometry, QgsWkbTypes.PolygonGeometry)


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
        row = [plain_value(value) for value in feature.attributes()]
        row.append(feature.id())
        if with_geometry_state:
            row.append(geometry_state(feature.geometry()))
        rows.append(row)
    columns = names + [FID] + ([GEOMETRY_STATE] if with_geometry_state else [])
    return pd.DataFrame(rows, columns=columns)


def geometry_state(geom):
    """ "null", "empty", "invalid: <GEOS reason>" (polygons only) or "ok"."""
    if geom.isNull():
        return "null"
    if geom.isEmpty():
        return "empty"
    if geom.type() == QgsWkbTypes.PolygonGeometry and not geom.isGeosValid():
        errors = geom.validateGeometry(QgsGeometry.ValidatorGeos)
        return "invalid: " + (errors[0].what() if errors else "")
    return "ok"


WRITE_BATCH = 2000  # features per addFeatures call: cancel is checked between batches


def fields_of(spec):
    """QgsFields from (name, QVariant type) pairs."""
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, kind))
    return fields


def write_features(sink, features, layer_label, feedback=None, total=None, progress_span=None):
    """Write ``features`` (any iterable) to ``sink`` in batches; True when all were written.

    A feature the sink refuses (a value that does not fit its field, say) stops the run with
    the sink's reason, never a silent drop; a cancel stops between batches (returns False).
    """
    batch, written = [], 0
    for feature in features:
        batch.append(feature)
        if len(batch) < WRITE_BATCH:
            continue
        if not _flush(sink, batch, layer_label, feedback):
            return False
        written += len(batch)
        batch = []
        if feedback is not None and total and progress_span:
            start, end = progress_span
            feedback.setProgress(start + (end - start) * written / total)
    return _flush(sink, batch, layer_label, feedback)


def _flush(sink, batch, layer_label, feedback):
    if feedback is not None and feedback.isCanceled():
        return False
    if batch and not sink.addFeatures(batch, QgsFeatureSink.FastInsert):
        # the sink's error names the field and the value it could not store
        reason = sink.lastError() or tr("a value does not fit its field")
        raise QgsProcessingException(
            tr("Could not write to '{layer}': {reason}").format(layer=layer_label, reason=reason)
        )
    return True


def add_rows(sink, fields, rows, layer_label, feedback=None):
    """Write dict rows (keys = field names) as geometry-less features, checked."""

    def features():
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([qgis_value(row.get(name)) for name in fields.names()])
            yield feature

    return write_features(sink, features(), layer_label, feedback)


def require_crs(source, layer_label):
    """Fail when a layer with geometry has no CRS (a shapefile without .prj, say): distances
    and reprojection would be meaningless."""
    if source.wkbType() == QgsWkbTypes.NoGeometry:
        return
    if not source.sourceCrs().isValid():
        raise QgsProcessingException(
            tr(
                "Layer '{layer}' has no coordinate reference system. Set its CRS (Layer "
                "Properties > Source) or add the .prj file, then run again."
            ).format(layer=layer_label)
        )


def require_geometry_type(source, geometry_types, layer_label):
    """Fail unless the layer's geometry type is one of ``geometry_types``
    (QgsWkbTypes.PointGeometry, LineGeometry, PolygonGeometry)."""
    found = QgsWkbTypes.geometryType(source.wkbType())
    if found not in geometry_types:
        wanted = ", ".join(QgsWkbTypes.geometryDisplayString(t) for t in geometry_types)
        raise QgsProcessingException(
            tr("Layer '{layer}' has {found} geometry; it must be {wanted}").format(
                layer=layer_label, found=QgsWkbTypes.geometryDisplayString(found), wanted=wanted
            )
        )


def prepare_output_file(path):
    """Create the folder of an output file, or fail before any work when it cannot be
    written there."""
    folder = Path(path).expanduser().resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise QgsProcessingException(
            tr("Cannot create the folder '{folder}': {reason}").format(
                folder=folder, reason=err.strerror
            )
        ) from err
    if not os.access(folder, os.W_OK):
        raise QgsProcessingException(
            tr("The folder '{folder}' is not writable").format(folder=folder)
        )
    return str(path)


@contextmanager
def core_errors():
    """Turn a core InputError (catalogue and scenario errors are InputErrors too) into a
    QgsProcessingException in the user's language."""
    try:
        yield
    except InputError as err:
        raise QgsProcessingException(err.message(tr)) from err


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


def enterprise_lonlat(source, context, feedback=None, progress_span=(0, 100), layer_label=None):
    """Enterprises as (frame of ent_id, node, x=lon, y=lat; {ent_id: point in layer CRS}).

    Polygons stand for their point on surface; features without geometry get NaN coordinates
    so that core/ skips and counts them. Fails, naming the features, on a layer without CRS,
    empty or repeated ent_id, or geometries that do not transform to WGS 84.
    """
    label = layer_label or tr("Enterprises")
    require_fields(source, ["ent_id"], label)
    require_geometry_type(source, ENTERPRISE_GEOMETRIES, label)
    require_crs(source, label)
    to_wgs84 = transform_to_wgs84(source, context)
    has_node = "node" in source.fields().names()
    rows, points, untransformable = [], {}, []
    for feature in features_with_progress(source, feedback, progress_span):
        ent_id = id_text(plain_value(feature["ent_id"]))
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
                untransformable.append(feature.id())
        rows.append({"ent_id": ent_id, "node": node, "x": lon, "y": lat, FID: feature.id()})
    if untransformable:
        raise QgsProcessingException(
            tr(
                "Layer '{layer}': feature(s) {fids} cannot be transformed from {crs} to WGS 84; "
                "is the layer's CRS right?"
            ).format(
                layer=label,
                fids=", ".join(map(str, untransformable[:5])),
                crs=source.sourceCrs().authid(),
            )
        )
    frame = pd.DataFrame(rows, columns=["ent_id", "node", "x", "y", FID])
    with core_errors():
        require_unique_ids(frame, "ent_id", label)
    return frame.drop(columns=FID), points


def line_parts_lonlat(source, context, feedback=None, attribute=None, keep=None, layer_label=None):
    """Every line part of a layer as an (n, 2) lon/lat array, with one attribute per part.

    keep(feature) -> bool filters features (OSM: highways for roads, railways for rails).
    """
    label = layer_label or tr("Network layer")
    require_geometry_type(source, [QgsWkbTypes.LineGeometry], label)
    require_crs(source, label)
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


def points_lonlat(source, context, layer_label=None):
    """(k, 2) lon/lat array of a point layer's features (multipoints: every point)."""
    label = layer_label or tr("Road-rail terminals")
    require_geometry_type(source, [QgsWkbTypes.PointGeometry], label)
    require_crs(source, label)
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
