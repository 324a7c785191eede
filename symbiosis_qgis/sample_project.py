"""Load the bundled Kuzbass sample layers into the current project, styled."""
from qgis.core import QgsProject, QgsVectorLayer

from .i18n import tr
from .paths import resource_path, sample_data_path

SAMPLE_LAYERS = ["enterprises", "flows", "terminals", "rails", "roads"]


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
        qml = resource_path("styles", f"{name}.qml")
        if qml.exists():
            layer.loadNamedStyle(str(qml))
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        layers.append(layer)
    return layers
