"""Styling outputs through Processing's post-processing, so styles apply inside models too."""
from qgis.core import QgsProcessingLayerPostProcessorInterface

from ..paths import resource_path

# Post-processors must outlive processAlgorithm; QGIS does not take ownership of them.
_ALIVE = []


class QmlStyler(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, qml_path):
        super().__init__()
        self.qml_path = qml_path

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if layer is not None and layer.isValid():
            layer.loadNamedStyle(self.qml_path)
            layer.triggerRepaint()


def apply_style_on_load(context, dest_id, qml_name):
    """Style ``dest_id`` with resources/styles/``qml_name`` when QGIS loads it."""
    if not context.willLoadLayerOnCompletion(dest_id):
        return
    qml = resource_path("styles", qml_name)
    if not qml.exists():
        return
    details = context.layerToLoadOnCompletionDetails(dest_id)
    styler = QmlStyler(str(qml))
    _ALIVE.append(styler)
    details.setPostProcessor(styler)
