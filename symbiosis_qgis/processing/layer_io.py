"""Reading Processing feature sources into pandas frames for core/, and writing rows back."""
import pandas as pd
from qgis.core import QgsFeature, QgsProcessingException
from qgis.PyQt.QtCore import QVariant

from ..core.validation import FID, GEOMETRY_STATE
from ..i18n import tr


def plain_value(value):
    """QGIS NULL (a null QVariant) becomes None; everything else passes through."""
    if isinstance(value, QVariant) and value.isNull():
        return None
    return value


def source_to_frame(source, feedback=None, with_geometry_state=False, progress_span=(0, 100)):
    """One row per feature: its attributes, ``fid`` and optionally the geometry state."""
    if source is None:
        raise QgsProcessingException(tr("Could not read the input layer"))
    names = source.fields().names()
    rows = []
    total = max(source.featureCount(), 1)
    start, span = progress_span[0], progress_span[1] - progress_span[0]
    for i, feature in enumerate(source.getFeatures()):
        if feedback is not None:
            if feedback.isCanceled():
                break
            if i % 1000 == 0:
                feedback.setProgress(start + span * i / total)
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
