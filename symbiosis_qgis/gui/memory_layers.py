"""QGIS fields and features from pandas frames (analysis results shown in the project)."""

from pandas.api.types import is_bool_dtype, is_float_dtype, is_integer_dtype
from qgis.core import QgsFeature, QgsField, QgsFields, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtCore import QVariant

from ..processing.layer_io import qgis_value

WKB_NAMES = {
    QgsWkbTypes.LineString: "LineString",
    QgsWkbTypes.Point: "Point",
    QgsWkbTypes.NoGeometry: "None",
}


def _kind(series):
    if is_bool_dtype(series.dtype):
        return QVariant.Bool
    if is_integer_dtype(series.dtype):
        return QVariant.LongLong
    if is_float_dtype(series.dtype):
        return QVariant.Double
    return QVariant.String  # text, categoricals, mixed


def frame_fields(frame, columns=None):
    """QgsFields for the frame's columns (or those of ``columns`` it has)."""
    fields = QgsFields()
    for column in [c for c in (columns or frame.columns) if c in frame.columns]:
        fields.append(QgsField(column, _kind(frame[column])))
    return fields


def frame_features(frame, fields, geometries=None):
    """One QgsFeature per row with the ``fields`` columns and the given geometries."""
    names = fields.names()
    # whole columns to Python values at once (NaN -> NULL): a qgis_value call per cell
    # took most of the time writing a few hundred thousand rows
    values = frame[names].astype(object)
    rows = values.where(values.notna(), None).to_numpy().tolist()
    features = []
    for k, row in enumerate(rows):
        feature = QgsFeature(fields)
        feature.setAttributes([qgis_value(v) if hasattr(v, "item") else v for v in row])
        if geometries is not None and geometries[k] is not None:
            feature.setGeometry(geometries[k])
        features.append(feature)
    return features


def frame_layer(frame, name, crs, wkb=QgsWkbTypes.NoGeometry, geometries=None, columns=None):
    """A memory layer with the frame's columns (or ``columns``) and the given geometries."""
    uri = f"{WKB_NAMES[wkb]}?crs={crs.authid()}" if wkb != QgsWkbTypes.NoGeometry else "None"
    layer = QgsVectorLayer(uri, name, "memory")
    fields = frame_fields(frame, columns)
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    layer.dataProvider().addFeatures(frame_features(frame, layer.fields(), geometries))
    layer.updateExtents()
    return layer
