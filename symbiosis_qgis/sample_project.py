"""Load the bundled Kuzbass sample layers into the current project, styled."""

from qgis.core import QgsProject, QgsVectorLayer

from .core.text import QT_TRANSLATE_NOOP
from .i18n import tr
from .paths import sample_data_path
from .processing.styling import style_layer

SAMPLE_LAYERS = ["enterprises", "sites", "flows", "terminals", "rails", "roads"]
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
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        if not layer.isValid():
            continue
        if name != "flows":  # a table: nothing to draw
            style_layer(layer, f"{name}.qml")
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        layers.append(layer)
    return layers
