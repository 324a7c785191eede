"""Styling outputs through Processing's post-processing, so styles apply inside models too."""

from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRuleBasedRenderer,
    QgsSvgMarkerSymbolLayer,
)

from ..i18n import tr
from ..paths import resource_path

# Post-processors must outlive processAlgorithm; QGIS does not take ownership of them.
_ALIVE = []


def style_layer(layer, qml_name):
    """Load resources/styles/``qml_name`` into ``layer``; re-root its SVG icons to this
    installation and translate its legend labels."""
    layer.loadNamedStyle(str(resource_path("styles", qml_name)))
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            renderer.updateCategoryLabel(index, tr(category.label()))
            # categories() returns copies: re-root a clone and set it back
            symbol = category.symbol().clone()
            _reroot_svg(symbol)
            renderer.updateCategorySymbol(index, symbol)
    elif isinstance(renderer, QgsRuleBasedRenderer):
        for rule in renderer.rootRule().descendants():
            rule.setLabel(tr(rule.label()))
            if rule.symbol() is not None:
                _reroot_svg(rule.symbol())
    layer.triggerRepaint()


def _reroot_svg(symbol):
    for symbol_layer in symbol.symbolLayers():
        if isinstance(symbol_layer, QgsSvgMarkerSymbolLayer):
            name = Path(symbol_layer.path()).name
            symbol_layer.setPath(str(resource_path("icons", "sectors", name)))


class QmlStyler(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, qml_name):
        super().__init__()
        self.qml_name = qml_name

    def postProcessLayer(self, layer, context, feedback):
        if layer is not None and layer.isValid():
            style_layer(layer, self.qml_name)


def apply_style_on_load(context, dest_id, qml_name):
    """Style ``dest_id`` with resources/styles/``qml_name`` when QGIS loads it."""
    if not context.willLoadLayerOnCompletion(dest_id):
        return
    if not resource_path("styles", qml_name).exists():
        return
    styler = QmlStyler(qml_name)
    _ALIVE.append(styler)
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(styler)
