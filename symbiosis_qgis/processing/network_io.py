"""Line layers in bulk for networklinks: geometries as WKB in one pass, coordinates in numpy.

Reading a million road segments feature by feature (a QgsPointXY per vertex and one
coordinate transform per feature) took longer than routing. Here the feature loop only
collects each geometry's WKB (and the few attributes asked for); the WKB is parsed with numpy
and the vertices are transformed in one batch per chunk, as a single linestring, by QGIS's own
QgsCoordinateTransform (so the project's datum transformations apply).
"""

import os
import struct

import numpy as np
from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..i18n import tr
from .layer_io import plain_value

CHUNK = 50_000  # features parsed and transformed at once
CHECK_EVERY = 2_000  # features between two cancel checks (a few ms)
LINESTRING, MULTILINESTRING = 2, 5
GDAL_READ_DRIVERS = {"GPKG", "ESRI Shapefile", "FlatGeobuf"}  # read directly when unfiltered


def read_lines(
    source,
    context,
    feedback=None,
    fields=(),
    layer_label="",
    progress_span=(0, 100),
    whole_layer=None,
):
    """Every line part of ``source`` in lon/lat (WGS 84).

    Returns (coords (V, 2), sizes (P,) vertices per part, feature (P,) the index of each
    part's feature, values {field: list of one value per feature}). Parts with fewer than two
    vertices and features without geometry are skipped; curves are segmentized.
    whole_layer: the layer behind ``source`` when the source is all of it (no selection,
    limit or filter); a file layer is then read with GDAL's columnar reader.
    """
    names = source.fields().names()
    fields = [name for name in dict.fromkeys(fields) if name in names]
    path = _plain_ogr_file(whole_layer, context, [source.fields().field(f) for f in fields])
    if path is not None:
        return _read_with_gdal(
            *path, fields, source, context, feedback, layer_label, progress_span
        )
    request = QgsFeatureRequest().setSubsetOfAttributes([names.index(f) for f in fields])
    to_wgs84 = QgsCoordinateTransform(
        source.sourceCrs(), QgsCoordinateReferenceSystem("EPSG:4326"), context.transformContext()
    )
    total = max(source.featureCount(), 1)
    start, span = progress_span[0], progress_span[1] - progress_span[0]
    values = {name: [] for name in fields}
    chunks, wkbs, first = [], [], 0
    for i, feature in enumerate(source.getFeatures(request)):
        if i % CHECK_EVERY == 0 and feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(start + span * i / total)
        wkbs.append(feature.geometry().asWkb())
        for name in fields:
            values[name].append(feature[name])
        if len(wkbs) == CHUNK:
            chunks.append(_chunk_lines(wkbs, first, to_wgs84, layer_label))
            first += len(wkbs)
            wkbs = []
    if wkbs:
        chunks.append(_chunk_lines(wkbs, first, to_wgs84, layer_label))
    values = {name: [plain_value(v) for v in column] for name, column in values.items()}
    if not chunks:
        return np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros(0, np.int64), values
    coords, sizes, feature_of_part = (np.concatenate(parts) for parts in zip(*chunks))
    return coords, sizes, feature_of_part, values


def _plain_ogr_file(layer, context, fields):
    """(path, layer name) when ``layer`` is an unfiltered OGR file layer that GDAL can read
    as it is, with text fields only among ``fields``; else None (QGIS reads it)."""
    if layer is None or layer.providerType() != "ogr" or layer.subsetString():
        return None
    if layer.isModified():
        return None  # unsaved edits
    if any(field.type() != QVariant.String for field in fields):
        return None  # GDAL's arrays give no NULL for numbers: let QGIS read them
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, name = parts.get("path"), parts.get("layerName")
    if not path or not os.path.isfile(path) or parts.get("layerId") not in (None, 0):
        return None
    data = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    if data is None or data.GetDriver().ShortName not in GDAL_READ_DRIVERS:
        return None  # e.g. OSM files, whose layers GDAL must read in step
    return path, name if isinstance(name, str) and name else None


def _read_with_gdal(path, name, fields, source, context, feedback, layer_label, progress_span):
    """read_lines through GDAL's Arrow reader: geometries arrive as arrays of WKB."""
    data = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    table = data.GetLayerByName(name) if name else data.GetLayer(0)
    definition = table.GetLayerDefn()
    table.SetIgnoredFields(
        [
            definition.GetFieldDefn(k).GetName()
            for k in range(definition.GetFieldCount())
            if definition.GetFieldDefn(k).GetName() not in fields
        ]
    )
    geometry = definition.GetGeomFieldDefn(0).GetName() if definition.GetGeomFieldCount() else ""
    to_wgs84 = QgsCoordinateTransform(
        source.sourceCrs(), QgsCoordinateReferenceSystem("EPSG:4326"), context.transformContext()
    )
    total = max(source.featureCount(), 1)
    start, span = progress_span[0], progress_span[1] - progress_span[0]
    check = context.invalidGeometryCheck()
    fid_column = table.GetFIDColumn() or "OGC_FID"
    chunks, values, first = [], {name: [] for name in fields}, 0
    for batch in table.GetArrowStreamAsNumPy():
        if feedback is not None and feedback.isCanceled():
            break
        wkbs = [b"" if w is None else w for w in batch[geometry].tolist()]
        invalid = [] if check != QgsFeatureRequest.GeometryNoCheck else None
        coords, sizes, feature_of_part = parse_line_wkb(wkbs, invalid)
        if invalid and check == QgsFeatureRequest.GeometryAbortOnInvalid:
            raise QgsProcessingException(
                tr(
                    "Layer '{0}': feature {1} has an invalid geometry (a line of a single "
                    "point). Fix it, or set Processing to skip invalid features."
                ).format(layer_label, int(batch[fid_column][invalid[0]]))
            )
        if invalid:  # skipped as QGIS skips them
            keep = ~np.isin(feature_of_part, invalid)
            coords, sizes = coords[np.repeat(keep, sizes)], sizes[keep]
            feature_of_part = feature_of_part[keep]
        if len(coords) and not to_wgs84.isShortCircuited():
            coords = transform_xy(coords, to_wgs84, layer_label)
        chunks.append((coords, sizes, feature_of_part + first))
        for field in fields:
            values[field].extend(_texts(batch[field]))
        first += len(wkbs)
        if feedback is not None:
            feedback.setProgress(start + span * min(first / total, 1.0))
    if not chunks:
        return np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros(0, np.int64), values
    coords, sizes, feature_of_part = (np.concatenate(parts) for parts in zip(*chunks))
    return coords, sizes, feature_of_part, values


def _texts(column):
    """Text values from a GDAL array (bytes in UTF-8; masked: NULL, as None)."""
    missing = np.ma.getmaskarray(column).tolist()
    return [
        None if gone else v.decode("utf-8") if isinstance(v, bytes) else str(v)
        for v, gone in zip(np.ma.getdata(column).tolist(), missing)
    ]


def _chunk_lines(wkbs, first, to_wgs84, layer_label):
    coords, sizes, feature_of_part = parse_line_wkb(wkbs)
    if len(coords) and not to_wgs84.isShortCircuited():
        coords = transform_xy(coords, to_wgs84, layer_label)
    return coords, sizes, feature_of_part + first


def _u32(buf, at):
    """Little-endian uint32 at the byte offsets ``at``."""
    b = buf[at[:, None] + np.arange(4)].astype(np.uint32)
    return b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16) | (b[:, 3] << 24)


def _xy(buf, at):
    """(n, 2) little-endian double pairs at the (unaligned) byte offsets ``at``: their 16
    bytes gathered in one fancy index, then read as doubles."""
    if len(at) == 0:
        return np.zeros((0, 2))
    return buf[at[:, None] + np.arange(16)].view("<f8").reshape(-1, 2)


def _dimensions(wkb_type):
    """Coordinates per vertex of ISO (1000s) and 2.5D (high bit) WKB types."""
    extended_z = (wkb_type & 0x80000000) > 0
    iso = (wkb_type & 0x7FFFFFFF) // 1000
    return 2 + ((iso == 1) | (iso == 3) | extended_z) + ((iso == 2) | (iso == 3))


def _base_type(wkb_type):
    return (wkb_type & 0x7FFFFFFF) % 1000


def parse_line_wkb(wkbs, invalid=None):
    """(coords (V, 2), sizes (P,), feature (P,)) of WKB linestrings and multilinestrings.

    wkbs: one WKB (bytes or QByteArray) per feature, empty for none. Other types (curves)
    are segmentized by QGIS first; points and polygons have no line parts. invalid: a list
    that receives the features GEOS finds invalid (a part of one vertex, or of one point
    repeated, or a coordinate that is not finite), as QGIS's invalid-geometry check does.
    """
    wkbs = list(wkbs)
    lengths = np.array(list(map(len, wkbs)), np.int64)
    starts = np.cumsum(lengths) - lengths
    present = np.flatnonzero(lengths >= 9)
    buf = np.frombuffer(b"".join(wkbs), np.uint8)
    if len(present) and (buf[starts[present]] != 1).any():
        # QGIS writes little-endian WKB; anything else goes through QGIS once more
        return parse_line_wkb(_through_qgis(wkbs, present[buf[starts[present]] != 1]), invalid)
    kind = np.zeros(len(wkbs), np.uint32)
    kind[present] = _u32(buf, starts[present] + 1)
    base = _base_type(kind)
    odd = present[(base[present] != LINESTRING) & (base[present] != MULTILINESTRING)]
    if len(odd):
        return parse_line_wkb(_through_qgis(wkbs, odd), invalid)
    width = _dimensions(kind).astype(np.int64)
    single, multi = base == LINESTRING, base == MULTILINESTRING
    count = np.zeros(len(wkbs), np.int64)
    count[single] = 1
    count[multi] = _u32(buf, starts[multi] + 5)
    cursor = starts + np.where(multi, 9, 0)
    part_start, part_n, part_feature, part_rank = [], [], [], []
    for rank in range(int(count.max()) if len(count) else 0):
        active = np.flatnonzero(count > rank)  # features with a part number ``rank``
        n = _u32(buf, cursor[active] + 5).astype(np.int64)
        part_start.append(cursor[active] + 9)
        part_n.append(n)
        part_feature.append(active)
        part_rank.append(np.full(len(active), rank))
        cursor[active] += 9 + 8 * width[active] * n
    if not part_start:
        return np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros(0, np.int64)
    part_start, part_n, part_feature, part_rank = map(
        np.concatenate, (part_start, part_n, part_feature, part_rank)
    )
    order = np.lexsort((part_rank, part_feature))  # feature by feature, parts in order
    keep = order[part_n[order] >= 2]
    one_vertex = part_feature[part_n == 1]
    part_start, part_n, part_feature = part_start[keep], part_n[keep], part_feature[keep]
    step = 8 * width[part_feature]
    vertex = np.arange(int(part_n.sum())) - np.repeat(np.cumsum(part_n) - part_n, part_n)
    at = np.repeat(part_start, part_n) + np.repeat(step, part_n) * vertex
    coords = _xy(buf, at)
    if invalid is not None and len(part_n):
        first = np.cumsum(part_n) - part_n
        moves = (coords != np.repeat(coords[first], part_n, axis=0)).any(axis=1)
        still = ~np.logical_or.reduceat(moves, first)  # every vertex on the first one
        broken = ~np.isfinite(coords).all(axis=1)
        broken = np.logical_or.reduceat(broken, first)
        invalid.extend(np.unique(np.r_[one_vertex, part_feature[still | broken]]).tolist())
    return coords, part_n, part_feature


def _through_qgis(wkbs, which):
    """The WKB of features ``which`` rewritten by QGIS: little-endian, curves segmentized,
    and empty unless it is a (multi)linestring then."""
    out = list(wkbs)
    for k in which:
        geometry = QgsGeometry()
        geometry.fromWkb(bytes(wkbs[k]))
        if not geometry.isNull() and geometry.constGet().hasCurvedSegments():
            geometry = QgsGeometry(geometry.constGet().segmentize())
        linear = QgsWkbTypes.flatType(geometry.wkbType()) in (
            QgsWkbTypes.LineString,
            QgsWkbTypes.MultiLineString,
        )
        out[k] = bytes(geometry.asWkb()) if linear and not geometry.isNull() else b""
    return out


def transform_xy(coords, transform, layer_label=""):
    """(n, 2) coordinates through ``transform`` in one call (one linestring of all of them)."""
    geometry = QgsGeometry()
    geometry.fromWkb(line_wkb(coords))
    try:
        geometry.transform(transform)
    except QgsCsException as err:
        raise QgsProcessingException(
            tr("Layer '{0}': coordinates could not be transformed ({1})").format(
                layer_label, str(err)
            )
        ) from err
    out = np.frombuffer(bytes(geometry.asWkb()), "<f8", offset=9)
    return out.reshape(-1, 2).copy()


def line_wkb(coords):
    """WKB of a 2D linestring through ``coords`` (n, 2)."""
    return (
        struct.pack("<BII", 1, LINESTRING, len(coords))
        + np.ascontiguousarray(coords, "<f8").tobytes()
    )


def whole_layer(algorithm, parameters, name, context):
    """The layer of a source parameter when the algorithm reads all of it as it is (not
    selected features only, no feature limit, no geometry check of its own), else None."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        own_check = (
            value.flags & QgsProcessingFeatureSourceDefinition.FlagOverrideDefaultGeometryCheck
        )
        if value.selectedFeaturesOnly or value.featureLimit != -1 or own_check:
            return None
    return algorithm.parameterAsVectorLayer(parameters, name, context)
