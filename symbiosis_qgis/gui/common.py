"""What both docks share: layer pickers chosen by role, project-stored settings, and the
readable names, units and numbers every dock shows."""

import pandas as pd
from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsMapLayerProxyModel,
    QgsProcessingContext,
    QgsProject,
)
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QFrame, QScrollArea

from .. import i18n  # i18n.user_locale() read through the module: tests switch it in one place
from ..core.catalogue import material_name_column
from ..core.definitions import MATERIAL_CATEGORIES, SECTORS, UNIT_LABELS
from ..core.text import QT_TRANSLATE_NOOP
from ..core.validation import FID
from ..i18n import tr
from ..processing.layer_io import plain_value, source_to_frame
from ..processing.layer_roles import plays_role, select_role_layer

SCOPE = "symbiosis_qgis"
# custom property the explorer puts on the layers it writes ("candidates", "exchanges"...),
# so other docks find a run's results without looking at layer names
RESULT_PROPERTY = "symbiosis_qgis/result"


# the sample's industrial nodes, marked for translation: a node name is data, but a Russian
# interface should not list "Novokuznetsk" beside "Кузнецкая ТЭЦ"
SAMPLE_NODES = [
    QT_TRANSLATE_NOOP("@default", "Belovo"),
    QT_TRANSLATE_NOOP("@default", "Kemerovo"),
    QT_TRANSLATE_NOOP("@default", "Novokuznetsk"),
    QT_TRANSLATE_NOOP("@default", "Tashtagol"),
    QT_TRANSLATE_NOOP("@default", "Topki"),
    QT_TRANSLATE_NOOP("@default", "Yurga"),
]


def node_label(node):
    """An industrial node's name in the interface language, where a translation exists."""
    return tr(str(node))


def sector_labels():
    return {code: tr(sector.label) for code, sector in SECTORS.items()}


def category_label(code):
    """The readable name of a material category (the code itself when unknown)."""
    found = MATERIAL_CATEGORIES.get(code)
    return tr(found[0]) if found else str(code)


def unit_label(unit):
    """A flow unit as a reader writes it in the interface language ("т/год" in Russian)."""
    return tr(UNIT_LABELS[unit]) if unit in UNIT_LABELS else str(unit or "")


def material_label(code, materials):
    """The catalogue name of a material in the interface language (its code when unknown)."""
    column = material_name_column(i18n.user_locale())
    if code in materials.index and column in materials.columns:
        name = str(materials.at[code, column] or "").strip()
        if name:
            return name
    return str(code)


def display_names(ents):
    """ent_id -> the name to show. Russian names only when the interface is Russian and every
    enterprise has one: a view never mixes Russian and English names."""
    ids = ents["ent_id"].astype(str)
    names = ents["name"].fillna("").astype(str).str.strip() if "name" in ents else ids
    names = names.where(names != "", ids)
    if i18n.user_locale() == "ru" and "name_ru" in ents.columns:
        russian = ents["name_ru"].fillna("").astype(str).str.strip()
        if len(russian) and (russian != "").all():
            names = russian
    return dict(zip(ids, names))


def scrolling(body, width):
    """``body`` in a scroll area that asks for ``width`` px when there is room but can
    shrink to the body's minimum (or below, scrolling) when the window is small."""
    scroll = _HintedScrollArea(width)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.NoFrame)
    scroll.setWidget(body)
    return scroll


class _HintedScrollArea(QScrollArea):
    def __init__(self, width):
        super().__init__()
        self._width = width

    def sizeHint(self):
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._width), hint.height())


def narrow(combo, characters=10):
    """Let a combo box shrink to a narrow dock instead of widening the dock to its longest
    item (QGIS gives a right-hand dock about 270 px at first)."""
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def compact_form(form):
    """A form whose labels go above their fields when the dock is too narrow for both."""
    form.setRowWrapPolicy(QFormLayout.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
    return form


def layer_combo(filters, allow_empty=False):
    combo = narrow(QgsMapLayerComboBox())
    combo.setFilters(filters)
    combo.setAllowEmptyLayer(allow_empty)
    if allow_empty:
        combo.setLayer(None)
    return combo


POINTS = QgsMapLayerProxyModel.PointLayer | QgsMapLayerProxyModel.PolygonLayer
TABLES = QgsMapLayerProxyModel.VectorLayer
LINES = QgsMapLayerProxyModel.LineLayer


def pick_role_layers(combos):
    """Point each {role: combo} at the project layer playing that role, by its fields, unless
    the combo already shows such a layer (a choice made by the user or the project stays)."""
    for role, combo in combos.items():
        if not plays_role(combo.currentLayer(), role):
            select_role_layer(combo, role)


def newest_result_layer(kind):
    """The last added project layer the explorer wrote as ``kind`` (None when there is none)."""
    layers = [
        node.layer()
        for node in QgsProject.instance().layerTreeRoot().findLayers()
        if node.layer() is not None and node.layer().customProperty(RESULT_PROPERTY) == kind
    ]
    return layers[0] if layers else None


def rows_where(layer, fields, value, columns):
    """The layer's features whose ``fields`` (any of them) equal ``value``, as a frame of
    ``columns`` (those it has) and the feature id; None when the layer is unusable.

    The filter is handed to the provider (SQL for a GeoPackage), so a dock showing one
    enterprise never pulls a few hundred thousand candidate lines into Python."""
    if layer is None or not layer.isValid():
        return None
    names = layer.fields().names()
    if not all(field in names for field in fields):
        return pd.DataFrame(columns=[c for c in columns if c in names] + [FID])
    wanted = [c for c in columns if c in names]
    expression = " OR ".join(
        QgsExpression.createFieldEqualityExpression(field, value) for field in fields
    )
    request = (
        QgsFeatureRequest()
        .setFilterExpression(expression)
        .setFlags(QgsFeatureRequest.NoGeometry)
        .setSubsetOfAttributes(wanted, layer.fields())
    )
    rows = [
        [plain_value(feature[c]) for c in wanted] + [feature.id()]
        for feature in layer.getFeatures(request)
    ]
    return pd.DataFrame(rows, columns=wanted + [FID])


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
        """Show the layer saved under ``key``; True when there was one to show."""
        layer = QgsProject.instance().mapLayer(self.read(key))
        if layer is not None:
            combo.setLayer(layer)
        return layer is not None
