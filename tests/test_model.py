"""The shipped model runs through processing.run and through qgis_process."""

import json
import sqlite3
import subprocess

import processing
import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingUtils

from .conftest import ROOT, qgis_process_profile

MODEL = "symbiosis:symbiosis_full_analysis"
OUTPUTS = [
    "validate:validation",
    "candidates:candidates",
    "links:links",
    "exchanges:exchanges",
    "benefits:benefits_enterprises",
    "benefits:benefits_nodes",
    "benefits:material_balance",
    "diagram:diagram_arrows",
    "diagram:diagram_enterprises",
]


def test_model_is_registered_with_sample_defaults(symbiosis_provider):
    model = QgsApplication.processingRegistry().algorithmById(MODEL)
    assert model is not None
    names = [d.name() for d in model.parameterDefinitions()]
    assert {"ENTERPRISES", "FLOWS", "ROADS", "NODE", "map:map_pdf"} <= set(names)
    assert (
        model.parameterDefinition("ROADS").defaultValue().endswith("kuzbass.gpkg|layername=roads")
    )


def test_model_runs_through_processing(symbiosis_provider, sample_gpkg, tmp_path):
    gpkg = str(sample_gpkg)
    params = {
        name.upper(): f"{gpkg}|layername={name}"
        for name in ("enterprises", "flows", "roads", "rails", "terminals")
    }
    params.update(
        {
            "NODE": "Novokuznetsk",
            "benefits:report": str(tmp_path / "r.html"),
            "map:map_pdf": str(tmp_path / "m.pdf"),
            "map:map_png": str(tmp_path / "m.png"),
        }
    )
    params.update(dict.fromkeys(OUTPUTS, "TEMPORARY_OUTPUT"))
    context = QgsProcessingContext()
    result = processing.run(MODEL, params, context=context)

    def layer_of(name):
        value = result[name]  # processing.run hands temporary outputs back as layers
        return (
            value
            if not isinstance(value, str)
            else QgsProcessingUtils.mapLayerFromString(value, context)
        )

    for name in OUTPUTS:
        layer = layer_of(name)
        assert layer is not None and layer.isValid(), name
        if name not in ("validate:validation",):
            assert layer.featureCount() > 0, name
    exchanges = layer_of("exchanges:exchanges")
    assert {"tonnage", "benefit", "co2_avoided"} <= set(exchanges.fields().names())
    assert (tmp_path / "m.pdf").stat().st_size > 20_000
    assert "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_model_runs_through_qgis_process(tmp_path):
    env = qgis_process_profile(tmp_path)
    gpkg = ROOT / "sample_layers" / "kuzbass.gpkg"
    out = tmp_path / "out.gpkg"
    args = [
        f"{n.upper()}={gpkg}|layername={n}"
        for n in ("enterprises", "flows", "roads", "rails", "terminals")
    ]
    args += [f"{name}=ogr:dbname='{out}' table={name.split(':')[1]} (geom)" for name in OUTPUTS]
    args += [
        "NODE=Novokuznetsk",
        f"benefits:report={tmp_path / 'r.html'}",
        f"map:map_pdf={tmp_path / 'm.pdf'}",
        f"map:map_png={tmp_path / 'm.png'}",
    ]
    proc = subprocess.run(
        ["qgis_process.bin", "--json", "run", MODEL, "--"] + args,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(proc.stdout)["results"]
    assert results["map:map_pdf"] == str(tmp_path / "m.pdf")
    with sqlite3.connect(out) as db:
        count = dict(db.execute("select table_name, 0 from gpkg_contents").fetchall())
        for table in count:
            count[table] = db.execute(f'select count(*) from "{table}"').fetchone()[0]
    assert count["exchanges"] > 20 and count["diagram_arrows"] > 10
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "Novokuznetsk" in text and "Legend" in text


@pytest.mark.slow
def test_every_algorithm_runs_from_qgis_process(tmp_path):
    """Each algorithm on its own, with its documented parameters, through qgis_process."""
    env = qgis_process_profile(tmp_path)
    gpkg = ROOT / "sample_layers" / "kuzbass.gpkg"
    out = tmp_path / "out.gpkg"

    def src(name):
        return f"{gpkg}|layername={name}"

    def dst(name):
        return f"ogr:dbname='{out}' table={name} (geom)"

    def mine(name):
        return f"{out}|layername={name}"

    steps = [
        (
            "symbiosis:validatedata",
            {
                "ENTERPRISES": src("enterprises"),
                "FLOWS": src("flows"),
                "OUTPUT": dst("validation"),
            },
            "WARNINGS",
        ),
        (
            "symbiosis:findcandidates",
            {
                "ENTERPRISES": src("enterprises"),
                "FLOWS": src("flows"),
                "DISTANCE": "40000",
                "CATEGORIES": "0",
                "OUTPUT": dst("candidates"),
                "BUFFERS": dst("reach"),
            },
            "CANDIDATES",
        ),
        (
            "symbiosis:networklinks",
            {
                "CANDIDATES": mine("candidates"),
                "ENTERPRISES": src("enterprises"),
                "ROADS": src("roads"),
                "RAILS": src("rails"),
                "TERMINALS": src("terminals"),
                "SNAP_TOLERANCE": "15000",
                "CLASS_COSTS": "trunk=5",
                "OUTPUT": dst("links"),
            },
            "ROUTED",
        ),
        (
            "symbiosis:optimizeexchanges",
            {"LINKS": mine("links"), "FLOWS": src("flows"), "OUTPUT": dst("exchanges")},
            "NET_BENEFIT",
        ),
        (
            "symbiosis:assessbenefits",
            {
                "EXCHANGES": mine("exchanges"),
                "ENTERPRISES": src("enterprises"),
                "FLOWS": src("flows"),
                "OUTPUT_ENTERPRISES": dst("benefits"),
                "OUTPUT_NODES": dst("nodes"),
                "OUTPUT_BALANCE": dst("balance"),
                "REPORT": str(tmp_path / "r.html"),
            },
            "NET_MONEY_RUB",
        ),
        (
            "symbiosis:policyscenarios",
            {"LINKS": mine("links"), "FLOWS": src("flows"), "OUTPUT": dst("scenarios")},
            "OUTPUT",
        ),
        (
            "symbiosis:drawdiagram",
            {
                "LINKS": mine("exchanges"),
                "ENTERPRISES": src("enterprises"),
                "MODE": "1",
                "LANGUAGE": "1",
                "NODES": "Novokuznetsk",
                "OUTPUT": dst("arrows"),
                "OUTPUT_NODES": dst("symbols"),
            },
            "OUTPUT",
        ),
        (
            "symbiosis:exportmap",
            {
                "ARROWS": mine("arrows"),
                "NODES": mine("symbols"),
                "TEMPLATE": "1",
                "TITLE": "A3 test",
                "OUTPUT_PDF": str(tmp_path / "a3.pdf"),
            },
            "OUTPUT_PDF",
        ),
    ]
    for alg, params, result_key in steps:
        args = [f"{k}={v}" for k, v in params.items()]
        proc = subprocess.run(
            ["qgis_process.bin", "--json", "run", alg, "--"] + args,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, (alg, proc.stderr[-1500:])
        results = json.loads(proc.stdout)["results"]
        assert result_key in results, (alg, results)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "a3.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "A3 test" in text and "Ash and slag" in text  # English labels, A3 template


# what a person reads about each shipped model: id -> (display name, inputs in dialog order)
SHIPPED = {
    "symbiosis:symbiosis_full_analysis": (
        "Full symbiosis analysis",
        ["ENTERPRISES", "FLOWS", "ROADS", "RAILS", "TERMINALS", "NODE", "SOURCES"],
    ),
    "symbiosis:eco_industrial_park_design": (
        "Eco-industrial park design",
        [
            "SITES",
            "ENTERPRISES",
            "FLOWS",
            "ROADS",
            "RAILS",
            "TERMINALS",
            "MAX_PARKS",
            "BUDGET",
            "COFINANCE_SHARE",
        ],
    ),
}


def shown_inputs(algorithm):
    """The inputs in the order the Processing dialog lays them out (parameterDefinitions)."""
    return [d.name() for d in algorithm.parameterDefinitions() if not d.isDestination()]


@pytest.mark.parametrize("model_id", SHIPPED)
def test_shipped_model_has_a_name_help_and_ordered_inputs(symbiosis_provider, model_id):
    """QGIS 3.22 shows a model by its name (the id): "symbiosis_full_analysis", no help,
    inputs in alphabetical order (Railways before Roads) when the file has no order."""
    title, order = SHIPPED[model_id]
    registry = QgsApplication.processingRegistry()
    # the toolbox's instance and the one a dialog or processing.run creates
    for model in (registry.algorithmById(model_id), registry.createAlgorithmById(model_id)):
        assert model.id() == model_id
        assert model.displayName() == title
        assert shown_inputs(model) == order
        help_html = model.shortHelpString()
        for name in order:  # every input is explained under its own label
            definition = model.parameterDefinition(name)
            assert definition.help(), name
            assert definition.description() in help_html and definition.help() in help_html
        assert model.shortDescription()
        assert model.group() == "Models"
        # outputs in the order the steps run, each still an output of the model
        outputs = [d.name() for d in model.destinationParameterDefinitions()]
        assert outputs[0] == "validate:validation" and outputs[-1].startswith("map:")
        assert [o.name() for o in model.outputDefinitions()] == outputs


def test_shipped_model_reads_in_the_ui_language(symbiosis_provider):
    """Display name, group, input labels, help and output labels all go through the
    translation (a stand-in translator marks every string it is asked for)."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from symbiosis_qgis.processing.provider import load_models

    class Marking(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return "RU " + source if context == "@default" else ""

        def isEmpty(self):
            return False

    translator = Marking()
    QCoreApplication.installTranslator(translator)
    try:
        models = {m.name(): m for m in load_models()}
        registered = QgsApplication.processingRegistry().algorithmById(MODEL)
        assert registered.displayName() == "RU Full symbiosis analysis"
        assert registered.group() == "RU Models"
        for model in (
            models["symbiosis_full_analysis"],
            models["symbiosis_full_analysis"].createInstance(),
        ):
            assert model.name() == "symbiosis_full_analysis"  # the id does not change
            assert model.parameterDefinition("ROADS").description() == "RU Roads"
            assert model.parameterDefinition("ROADS").help().startswith("RU ")
            assert model.parameterDefinition("map:map_pdf").description() == "RU Map (PDF)"
            assert "RU The whole analysis in one run" in model.shortHelpString()
        park = models["eco_industrial_park_design"]
        assert park.displayName() == "RU Eco-industrial park design"
        assert park.parameterDefinition("SITES").description() == "RU Candidate park sites"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert registered.displayName() == "Full symbiosis analysis"


def test_model_run_from_its_dialog_adds_the_layout_to_the_project(
    symbiosis_provider, qgis_iface, qtbot, monkeypatch
):
    """exportmap adds its layout only when the arrows and enterprises are project layers; in
    a model they are the diagram step's temporary outputs, so a run from the dialog added no
    layout although exportmap's help says it does."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsLayoutItemMap, QgsProject
    from qgis.gui import QgsBrowserGuiModel

    browser = QgsBrowserGuiModel()  # pytest-qgis's stand-in interface lacks it
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser, raising=False)
    project = QgsProject.instance()
    project.clear()
    model = QgsApplication.processingRegistry().createAlgorithmById(MODEL)
    dialog = AlgorithmDialog(model)
    qtbot.addWidget(dialog)
    dialog.runAlgorithm()  # a model runs in the main thread: returns when it has finished
    layouts = project.layoutManager().printLayouts()
    assert len(layouts) == 1
    maps = [item for item in layouts[0].items() if isinstance(item, QgsLayoutItemMap)]
    shown = {layer.id() for layer in maps[0].layers()}
    loaded = {layer.id() for layer in project.mapLayers().values()}
    assert shown and shown <= loaded  # drawn from the loaded results, which stay editable
    assert "Novokuznetsk" in layouts[0].name()
    project.clear()


def test_full_analysis_prints_bundled_arrows_in_the_interface_language(symbiosis_provider):
    """The print path of the shipped model: drawdiagram bundles parallel arrows, its labels
    and the map follow the QGIS interface's language (the map names enterprises from the
    enterprises layer)."""
    from qgis.core import (
        QgsExpression,
        QgsExpressionContext,
        QgsExpressionContextScope,
        QgsProcessingModelChildParameterSource,
    )

    model = QgsApplication.processingRegistry().algorithmById(MODEL)
    diagram = model.childAlgorithm("diagram").parameterSources()
    assert diagram["BUNDLE"][0].staticValue() is True
    language = diagram["LANGUAGE"][0]
    assert language.source() == QgsProcessingModelChildParameterSource.Expression
    labels = ["ru", "en"]  # drawdiagram's LANGUAGE options
    for locale, expected in (("ru_RU", "ru"), ("ru", "ru"), ("en_US", "en"), ("de", "en")):
        scope = QgsExpressionContextScope()
        scope.setVariable("qgis_locale", locale)
        context = QgsExpressionContext()
        context.appendScope(scope)
        assert labels[QgsExpression(language.expression()).evaluate(context)] == expected
    printing = model.childAlgorithm("map").parameterSources()
    assert printing["LANGUAGE"][0].staticValue() == 0  # "Language of the QGIS interface"
    assert printing["ENTERPRISES"][0].parameterName() == "ENTERPRISES"
    # the title names the node (English in the data); a Russian map gets exportmap's default
    # title, which exportmap prints in Russian, rather than an English title
    from symbiosis_qgis.processing.export_map import DEFAULT_TITLE

    title = QgsExpression(printing["TITLE"][0].expression())
    for locale, expected in (("ru_RU", DEFAULT_TITLE), ("en_US", "Novokuznetsk")):
        scope = QgsExpressionContextScope()
        scope.setVariable("qgis_locale", locale)
        scope.setVariable("NODE", "Novokuznetsk")
        context = QgsExpressionContext()
        context.appendScope(scope)
        assert expected in title.evaluate(context)


def test_toolbox_lists_the_models_by_their_names(symbiosis_provider):
    """What the Processing toolbox shows (its own model of the registry), not the ids."""
    from qgis.gui import QgsProcessingToolboxModel
    from qgis.PyQt.QtCore import QModelIndex, Qt

    toolbox = QgsProcessingToolboxModel(None, QgsApplication.processingRegistry())
    shown = {}

    def walk(parent):
        for row in range(toolbox.rowCount(parent)):
            index = toolbox.index(row, 0, parent)
            algorithm = toolbox.algorithmForIndex(index)
            if algorithm is not None:
                shown[algorithm.id()] = toolbox.data(index, Qt.DisplayRole)
            walk(index)

    walk(QModelIndex())
    for model_id, (title, _) in SHIPPED.items():
        assert shown[model_id] == title


def run_from_dialog(model_id, qgis_iface, qtbot, monkeypatch):
    """The print layouts the project holds after running ``model_id`` from its dialog."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsProject
    from qgis.gui import QgsBrowserGuiModel

    browser = QgsBrowserGuiModel()  # pytest-qgis's stand-in interface lacks it
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser, raising=False)
    project = QgsProject.instance()
    project.clear()
    dialog = AlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById(model_id))
    qtbot.addWidget(dialog)
    dialog.runAlgorithm()
    names = [layout.name() for layout in project.layoutManager().printLayouts()]
    project.clear()
    return names


def test_park_model_adds_a_layout_with_the_park_title(
    symbiosis_provider, qgis_iface, qtbot, monkeypatch
):
    """The park model's map step leaves TITLE empty: the layout is named with the park-map
    title, not with an empty name."""
    names = run_from_dialog("symbiosis:eco_industrial_park_design", qgis_iface, qtbot, monkeypatch)
    assert names == ["Eco-industrial parks: sites, tenants and supplies"]


def test_layout_title_follows_the_interface_language(
    symbiosis_provider, qgis_iface, qtbot, monkeypatch
):
    """In a Russian interface the model's title expression gives the default title (printed
    in the map's language), not the English title with the node's name: the layout's
    expression sees @qgis_locale."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "ru_RU")
    try:
        names = run_from_dialog(MODEL, qgis_iface, qtbot, monkeypatch)
    finally:
        settings.remove("locale/overrideFlag")
        settings.remove("locale/userLocale")
    assert QgsApplication.locale() != "ru"
    # no Russian .qm is installed in this test: the default title reads in English here
    assert names == ["Potential symbiosis links of the industrial node"]
