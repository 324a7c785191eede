"""Styling outputs through Processing's post-processing, so styles apply inside models too."""

from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRuleBasedRenderer,
    QgsSvgMarkerSymbolLayer,
)

from .. import i18n  # i18n.user_locale() read through the module: tests switch it in one place
from ..core.catalogue import load_materials, material_name_column
from ..core.definitions import TRANSPORT_MODE_LABELS
from ..core.errors import InputError
from ..i18n import tr
from ..paths import resource_path

# fields whose categories are material codes (candidates.qml styles supply_mat)
MATERIAL_FIELDS = {"supply_mat", "demand_mat", "material"}
# Post-processors must outlive processAlgorithm; QGIS does not take ownership of them.
_ALIVE = []


def style_layer(layer, qml_name):
    """Load resources/styles/``qml_name`` into ``layer``; re-root its SVG icons to this
    installation and translate its legend labels."""
    layer.loadNamedStyle(str(resource_path("styles", qml_name)))
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        names = material_names() if renderer.classAttribute() in MATERIAL_FIELDS else {}
        for index, category in enumerate(renderer.categories()):
            label = names.get(str(category.value())) or tr(category.label())
            renderer.updateCategoryLabel(index, label)
            # categories() returns copies: re-root a clone and set it back
            symbol = category.symbol().clone()
            _reroot_svg(symbol)
            renderer.updateCategorySymbol(index, symbol)
    elif isinstance(renderer, QgsRuleBasedRenderer):
        for rule in renderer.rootRule().descendants():
            rule.setLabel(tr(TRANSPORT_MODE_LABELS.get(rule.label(), rule.label())))
            if rule.symbol() is not None:
                _reroot_svg(rule.symbol())
    layer.triggerRepaint()


def material_names():
    """{material code: its name in the interface's language} from the catalogue (a legend of
    materials reads Russian names in a Russian QGIS)."""
    column = material_name_column(i18n.user_locale())
    try:
        names = load_materials()[column]
    except (InputError, KeyError):  # no usable catalogue: the style's own labels stay
        return {}
    return {code: str(name) for code, name in names.items() if str(name).strip()}


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
