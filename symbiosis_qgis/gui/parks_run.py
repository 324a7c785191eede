"""One background run of symbiosis:siteparks for the parks dock, and where its outputs go.

The outputs go first to a staging folder and are copied into one GeoPackage (next to the saved
project) only when a run succeeds: a canceled or failed re-run leaves the previous parks in
place. The layers read from that GeoPackage sit in one marked group, replaced by each run and
found again when the project is reopened.
"""

import shutil
import tempfile
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import pyqtSignal

from ..i18n import tr
from ..processing.styling import style_layer

ALGORITHM_ID = "symbiosis:siteparks"
GROUP_PROPERTY = "symbiosis_qgis/parks_group"  # marks the dock's group, found again on reopen
# output parameter -> (table in the GeoPackage, style or None)
OUTPUT_TABLES = {
    "PARKS": ("parks", "parks.qml"),
    "TENANT_ROWS": ("park_tenants", None),
    "SUPPLY_LINKS": ("park_supply_links", "diagram_arrows.qml"),
}


def layer_titles():
    return {
        "PARKS": tr("Eco-industrial parks"),
        "TENANT_ROWS": tr("Park tenants"),
        "SUPPLY_LINKS": tr("Park supply links"),
    }


def output_location(project):
    """Where the parks GeoPackage goes, and whether that is next to the saved project."""
    name = project.fileName()
    if name:
        path = Path(name)
        return path.with_name(f"{path.stem}_parks.gpkg"), True
    folder = Path(QgsApplication.qgisSettingsDirPath()) / "symbiosis_qgis"
    return folder / "unsaved_project_parks.gpkg", False


class RunFeedback(QgsProcessingFeedback):
    """Keeps the algorithm's errors in words and passes its stage texts to the dock."""

    stage = pyqtSignal(str)

    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N803 (Qt's names)
        self.errors.append(error)
        super().reportError(error, fatalError)

    def setProgressText(self, text):
        self.stage.emit(text)  # emitted in the task's thread, delivered on the main thread
        super().setProgressText(text)


class ParksRun:
    """One background run: the algorithm, its context and feedback live as long as the task."""

    def __init__(self, parameters, names):
        self.staging = Path(tempfile.mkdtemp(prefix="symbiosis_parks_"))
        self.parameters = dict(parameters)
        for output in OUTPUT_TABLES:
            self.parameters[output] = str(self.staging / f"{output.lower()}.gpkg")
        self.names = names  # {site_id: park name in the UI language}
        self.algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM_ID)
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = RunFeedback()
        self.task = QgsProcessingAlgRunnerTask(
            self.algorithm, self.parameters, self.context, self.feedback
        )

    def error_text(self):
        """The first error in words: a Python traceback is cut to its last line."""
        for text in self.feedback.errors:
            lines = [line for line in str(text).splitlines() if line.strip()]
            if lines:
                return lines[-1] if "Traceback" in text else "\n".join(lines)
        return tr("The run failed; the Processing log has the details")

    def discard(self):
        shutil.rmtree(self.staging, ignore_errors=True)


def publish_parks(project, results):
    """Replace the previous parks by a successful run's outputs: copied into the project's
    GeoPackage and added as one group. Returns (group, {output: layer}, GeoPackage path,
    whether it is next to the saved project). Raises OSError, in words, when a copy fails;
    the previous parks' layers have left the project by then."""
    gpkg, next_to_project = output_location(project)
    staged = {output: str(results[output]) for output in OUTPUT_TABLES}
    remove_previous_parks(project, gpkg)
    uris = copy_into_geopackage(staged, gpkg)
    group, layers = add_parks_group(project, uris)
    return group, layers, gpkg, next_to_project


def remove_previous_parks(project, gpkg):
    """Remove the dock's group(s) and every project layer read from its tables in ``gpkg``."""
    root = project.layerTreeRoot()
    for group in [g for g in root.findGroups(True) if g.customProperty(GROUP_PROPERTY)]:
        ids = [node.layerId() for node in group.findLayers()]
        group.parent().removeChildNode(group)
        project.removeMapLayers(ids)
    tables = {table for table, _ in OUTPUT_TABLES.values()}
    stale = [
        layer.id()
        for layer in project.mapLayers().values()
        if isinstance(layer, QgsVectorLayer)
        and layer.source().startswith(str(gpkg))
        and layer.source().rsplit("layername=", 1)[-1] in tables
    ]
    project.removeMapLayers(stale)


def copy_into_geopackage(staged, gpkg):
    """Copy the staged outputs into ``gpkg`` (tables replaced); {output: layer uri}."""
    gpkg.parent.mkdir(parents=True, exist_ok=True)
    uris = {}
    for output, (table, _) in OUTPUT_TABLES.items():
        source = QgsVectorLayer(staged[output], table, "ogr")
        if not source.isValid():
            raise OSError(tr("Could not read the result {}").format(staged[output]))
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        options.actionOnExistingFile = (
            QgsVectorFileWriter.CreateOrOverwriteLayer
            if gpkg.exists()
            else QgsVectorFileWriter.CreateOrOverwriteFile
        )
        error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
            source, str(gpkg), QgsProject.instance().transformContext(), options
        )
        if error != QgsVectorFileWriter.NoError:
            raise OSError(
                tr("Could not write table {table} of {path}: {error}").format(
                    table=table, path=gpkg, error=message
                )
            )
        uris[output] = f"{gpkg}|layername={table}"
    return uris


def add_parks_group(project, uris):
    """The result layers, styled, in one group "Eco-industrial parks" at the top."""
    group = project.layerTreeRoot().insertGroup(0, tr("Eco-industrial parks"))
    group.setCustomProperty(GROUP_PROPERTY, True)
    layers = {}
    titles = layer_titles()
    for output in ("PARKS", "SUPPLY_LINKS", "TENANT_ROWS"):
        layer = QgsVectorLayer(uris[output], titles[output], "ogr")
        style = OUTPUT_TABLES[output][1]
        if style:
            style_layer(layer, style)
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        layers[output] = layer
    # the tenant rows sit on their park's point: shown in the dock's table, not twice on the map
    group.findLayer(layers["TENANT_ROWS"].id()).setItemVisibilityChecked(False)
    return group, layers


def previous_parks(project):
    """The project's parks group and {output: layer} of an earlier run (a reopened project);
    (None, {}) unless the group holds a valid layer for every output."""
    groups = [g for g in project.layerTreeRoot().findGroups(True)
              if g.customProperty(GROUP_PROPERTY)]  # fmt: skip
    layers = {}
    for node in groups[0].findLayers() if groups else []:
        layer = node.layer()
        for output, (table, _) in OUTPUT_TABLES.items():
            if layer is not None and layer.source().endswith(f"layername={table}"):
                layers[output] = layer
    if len(layers) < len(OUTPUT_TABLES) or not all(x.isValid() for x in layers.values()):
        return None, {}
    return groups[0], layers
