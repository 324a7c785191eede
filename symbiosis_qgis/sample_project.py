"""Load the bundled Kuzbass sample layers into the current project, styled."""

from qgis.core import QgsProject, QgsVectorLayer

from .core.text import QT_TRANSLATE_NOOP
from .i18n import tr
from .paths import sample_data_path
from .processing.styling import style_layer

SAMPLE_LAYERS = ["enterprises", "sites", "flows", "terminals", "rails", "roads"]
# what a person reads in the layer tree and the pickers (the table names are the data model's)
LAYER_TITLES = {
    "enterprises": QT_TRANSLATE_NOOP("@default", "Enterprises"),
    "sites": QT_TRANSLATE_NOOP("@default", "Candidate park sites"),
    "flows": QT_TRANSLATE_NOOP("@default", "Flows (supplies and demands)"),
    "terminals": QT_TRANSLATE_NOOP("@default", "Road-rail terminals"),
    "rails": QT_TRANSLATE_NOOP("@default", "Railways"),
    "roads": QT_TRANSLATE_NOOP("@default", "Roads"),
}
# the sample table a layer shows, kept on the layer (its name is translated)
TABLE_PROPERTY = "symbiosis_qgis/sample_table"
# legend labels of resources/styles/enterprises.qml and roads.qml (translated on load)
LEGEND_LABELS = [
    QT_TRANSLATE_NOOP("@default", "Coal mine, open pit"),
    QT_TRANSLATE_NOOP("@default", "Coal mine, underground"),
    QT_TRANSLATE_NOOP("@default", "Coal power plant"),
    QT_TRANSLATE_NOOP("@default", "Iron and steel works"),
    QT_TRANSLATE_NOOP("@default", "Iron ore mine"),
    QT_TRANSLATE_NOOP("@default", "Cement plant"),
    QT_TRANSLATE_NOOP("@default", "Chemical plant"),
    QT_TRANSLATE_NOOP("@default", "Concrete plant"),
    QT_TRANSLATE_NOOP("@default", "Construction materials"),
    QT_TRANSLATE_NOOP("@default", "Brick and ceramics plant"),
    QT_TRANSLATE_NOOP("@default", "Road construction"),
    QT_TRANSLATE_NOOP("@default", "Land reclamation site"),
    QT_TRANSLATE_NOOP("@default", "Greenhouse complex"),
    QT_TRANSLATE_NOOP("@default", "District heating"),
    QT_TRANSLATE_NOOP("@default", "Boiler house"),
    QT_TRANSLATE_NOOP("@default", "Other"),
    QT_TRANSLATE_NOOP("@default", "trunk"),
    QT_TRANSLATE_NOOP("@default", "primary"),
    QT_TRANSLATE_NOOP("@default", "secondary"),
]


def load_sample_layers(project=None):
    """Add the sample layers under one group; returns the layers added."""
    project = project or QgsProject.instance()
    gpkg = sample_data_path("kuzbass.gpkg")
    group = project.layerTreeRoot().insertGroup(0, tr("Kuzbass sample data"))
    layers = []
    for name in SAMPLE_LAYERS:
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", tr(LAYER_TITLES[name]), "ogr")
        if not layer.isValid():
            continue
        if name != "flows":  # a table: nothing to draw
            style_layer(layer, f"{name}.qml")
        layer.setCustomProperty(TABLE_PROPERTY, name)  # after the style, which resets them
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        layers.append(layer)
    return layers


def by_table(layers):
    """{sample table name: layer} of layers added by :func:`load_sample_layers`."""
    return {layer.customProperty(TABLE_PROPERTY): layer for layer in layers}
