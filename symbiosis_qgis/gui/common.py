"""What both docks share: layer pickers, project-stored settings, readable sector names."""

from qgis.core import QgsMapLayerProxyModel, QgsProcessingContext, QgsProject
from qgis.gui import QgsMapLayerComboBox

from ..core.definitions import SECTORS
from ..i18n import tr
from ..processing.layer_io import source_to_frame

SCOPE = "symbiosis_qgis"


def sector_labels():
    return {code: tr(sector.label) for code, sector in SECTORS.items()}


def layer_combo(filters, allow_empty=False):
    combo = QgsMapLayerComboBox()
    combo.setFilters(filters)
    combo.setAllowEmptyLayer(allow_empty)
    if allow_empty:
        combo.setLayer(None)
    return combo


POINTS = QgsMapLayerProxyModel.PointLayer | QgsMapLayerProxyModel.PolygonLayer
TABLES = QgsMapLayerProxyModel.VectorLayer
LINES = QgsMapLayerProxyModel.LineLayer


def layer_frame(layer):
    """A layer's attributes as a frame (None when there is no usable layer)."""
    if layer is None or not layer.isValid():
        return None
    return source_to_frame(layer)


def processing_context():
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return context


class ProjectSettings:
    """Dock settings kept in the project file, under this plugin's scope."""

    def __init__(self, prefix):
        self.prefix = prefix

    def write(self, key, value):
        QgsProject.instance().writeEntry(SCOPE, f"{self.prefix}/{key}", str(value))

    def read(self, key, default=""):
        value, ok = QgsProject.instance().readEntry(SCOPE, f"{self.prefix}/{key}", default)
        return value if ok else default

    def restore_layer(self, combo, key):
        layer = QgsProject.instance().mapLayer(self.read(key))
        if layer is not None:
            combo.setLayer(layer)
