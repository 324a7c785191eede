"""Processing dialogs open on the layers that play each role (enterprises, flows, sites),
told by their fields; scripts that pass their parameters behave exactly as before."""

import processing
import pytest
from processing.gui.AlgorithmDialog import AlgorithmDialog
from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

from symbiosis_qgis.sample_project import TABLE_PROPERTY, by_table, load_sample_layers


@pytest.fixture(autouse=True)
def desktop_iface(qgis_iface, monkeypatch):
    """pytest-qgis's stand-in interface lacks the browser model the dialog asks for."""
    from qgis.gui import QgsBrowserGuiModel

    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)
    return qgis_iface


@pytest.fixture()
def project_with_outputs(symbiosis_provider, sample_links):
    """The sample layers loaded as the plugin loads them, plus outputs of earlier runs named as
    the issue found them: "Chosen exchanges" and "validation" sort before "flows", and the
    exchanges carry flow columns along."""
    project = QgsProject.instance()
    project.clear()
    layers = by_table(load_sample_layers(project))
    _, links, _ = sample_links
    exchanges = processing.run(
        "symbiosis:optimizeexchanges",
        {"LINKS": links, "FLOWS": layers["flows"], "OUTPUT": "TEMPORARY_OUTPUT"},
    )["OUTPUT"]
    validation = processing.run(
        "symbiosis:validatedata",
        {
            "ENTERPRISES": layers["enterprises"],
            "FLOWS": layers["flows"],
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    exchanges.setName("Chosen exchanges")
    validation.setName("validation")
    project.addMapLayers([exchanges, validation])  # on top of the layer tree
    yield layers
    project.clear()


def dialog_layer(qtbot, algorithm_id, parameter):
    """The layer a freshly opened dialog shows for ``parameter``, as the toolbox opens it."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    dialog = AlgorithmDialog(algorithm)
    qtbot.addWidget(dialog)
    value = dialog.mainWidget().wrappers[parameter].parameterValue()
    layer = QgsProject.instance().mapLayer(str(value))  # the combo gives the layer's id
    return (layer.customProperty(TABLE_PROPERTY) or layer.name()) if layer is not None else value


@pytest.mark.parametrize(
    "algorithm_id, parameter, expected",
    [
        ("symbiosis:findcandidates", "FLOWS", "flows"),
        ("symbiosis:findcandidates", "ENTERPRISES", "enterprises"),
        ("symbiosis:validatedata", "FLOWS", "flows"),
        ("symbiosis:optimizeexchanges", "FLOWS", "flows"),
        ("symbiosis:siteparks", "SITES", "sites"),
        ("symbiosis:siteparks", "ENTERPRISES", "enterprises"),
    ],
)
def test_dialog_opens_on_the_layer_playing_the_role(
    qtbot, project_with_outputs, algorithm_id, parameter, expected
):
    assert dialog_layer(qtbot, algorithm_id, parameter) == expected


@pytest.mark.parametrize(
    "model_id, parameter",
    [
        ("symbiosis:symbiosis_full_analysis", "FLOWS"),
        ("symbiosis:symbiosis_full_analysis", "ENTERPRISES"),
        ("symbiosis:eco_industrial_park_design", "SITES"),
    ],
)
def test_model_dialog_opens_on_the_projects_own_layers(
    qtbot, symbiosis_provider, sample_gpkg, model_id, parameter
):
    """The models default to the shipped sample GeoPackage (for qgis_process); in a project
    holding one's own data (here a copy), the dialog shows the project's layer instead."""
    project = QgsProject.instance()
    project.clear()
    for name in ("enterprises", "flows", "sites"):
        layer = QgsVectorLayer(f"{sample_gpkg}|layername={name}", f"my {name}", "ogr")
        assert project.addMapLayer(layer) is not None  # owned by the project, in its tree
    try:
        assert dialog_layer(qtbot, model_id, parameter) == f"my {parameter.lower()}"
        model = QgsApplication.processingRegistry().algorithmById(model_id)
        assert "kuzbass.gpkg" in model.parameterDefinition(parameter).defaultValue()
    finally:
        project.clear()


def test_validate_from_the_plugin_menu_opens_on_flows(qtbot, project_with_outputs):
    """The menu entry opens the dialog through processing.createAlgorithmDialog."""
    dialog = processing.createAlgorithmDialog("symbiosis:validatedata", {})
    qtbot.addWidget(dialog)
    value = dialog.mainWidget().wrappers["FLOWS"].parameterValue()
    assert QgsProject.instance().mapLayer(str(value)).customProperty(TABLE_PROPERTY) == "flows"


def test_scripts_still_need_their_parameters(project_with_outputs):
    """The dialog's choice is a GUI default only: processing.run without FLOWS still fails,
    even with a project whose flows layer the dialog would pick."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("symbiosis:findcandidates")
    assert algorithm.parameterDefinition("FLOWS").defaultValue() is None
    with pytest.raises(QgsProcessingException):
        processing.run(
            "symbiosis:findcandidates",
            {"ENTERPRISES": project_with_outputs["enterprises"], "OUTPUT": "TEMPORARY_OUTPUT"},
        )


def test_an_empty_project_leaves_the_dialog_as_qgis_makes_it(qtbot, symbiosis_provider):
    QgsProject.instance().clear()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("symbiosis:findcandidates")
    assert algorithm.parameterDefinition("FLOWS").guiDefaultValueOverride() is None
    dialog = AlgorithmDialog(algorithm)
    qtbot.addWidget(dialog)
    assert not dialog.mainWidget().wrappers["FLOWS"].parameterValue()


def test_algorithms_made_in_a_worker_thread_do_not_read_the_project(project_with_outputs):
    """Tasks create algorithms off the main thread, where the layer tree must not be read."""
    import threading

    made = {}

    def create():
        registry = QgsApplication.processingRegistry()
        made["alg"] = registry.createAlgorithmById("symbiosis:findcandidates")

    worker = threading.Thread(target=create)
    worker.start()
    worker.join()
    assert made["alg"].parameterDefinition("FLOWS").guiDefaultValueOverride() is None
    in_main = QgsApplication.processingRegistry().createAlgorithmById("symbiosis:findcandidates")
    assert in_main.parameterDefinition("FLOWS").guiDefaultValueOverride() is not None
