#!/usr/bin/env python3
"""Write resources/models/symbiosis_full_analysis.model3: validate -> candidates -> network
links -> optimise -> assess -> diagram -> export map, for Model Builder and qgis_process.

`make resources` runs it; by hand:  .venv/bin/python tools/make_model.py [--out DIR]
(default DIR: resources/models). The provider fills the layer inputs' defaults with the
installed sample data when it loads the model, so the file holds no path.
"""

import sys

from qgis.core import (
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QPointF
from resource_io import RESOURCES, ROOT, GeneratorError, finish, output_folder, qgis_session, run

sys.path.insert(0, str(ROOT))
sys.path.append("/usr/share/qgis/python/plugins")

LAYER_INPUTS = [
    ("ENTERPRISES", "Enterprises", [0, 2]),
    ("FLOWS", "Flows", [-1]),
    ("ROADS", "Roads", [1]),
    ("RAILS", "Railways", [1]),
    ("TERMINALS", "Road-rail terminals", [0]),
]


def model_input(name):
    return QgsProcessingModelChildParameterSource.fromModelParameter(name)


def child_output(child, output):
    return QgsProcessingModelChildParameterSource.fromChildOutput(child, output)


def static(value):
    return QgsProcessingModelChildParameterSource.fromStaticValue(value)


def add_child(model, child_id, alg_id, sources, outputs, x):
    child = QgsProcessingModelChildAlgorithm(alg_id)
    child.setChildId(child_id)
    child.setDescription(child_id.replace("_", " "))
    step = (x - 100) // 200  # the steps run left to right, outputs hang below each one
    position = QPointF(150 + 260 * step, 320 + 110 * (step % 2))
    child.setPosition(position)
    for name, source in sources.items():
        child.addParameterSources(name, [source])
    # the algorithm's own defaults, written out as Model Builder does
    for definition in (
        QgsApplication.processingRegistry().algorithmById(alg_id).parameterDefinitions()
    ):
        if (
            definition.name() not in sources
            and not definition.isDestination()
            and definition.defaultValue() is not None
        ):
            child.addParameterSources(definition.name(), [static(definition.defaultValue())])
    model_outputs = {}
    for output_name, (model_name, description) in outputs.items():
        out = QgsProcessingModelOutput(model_name, description)
        out.setChildId(child_id)
        out.setPosition(position + QPointF(40, 230 + 45 * len(model_outputs)))
        out.setChildOutputName(output_name)
        model_outputs[model_name] = out
    child.setModelOutputs(model_outputs)
    model.addChildAlgorithm(child)
    return child_id


def build():
    model = QgsProcessingModelAlgorithm("symbiosis_full_analysis", "Models")
    model.setHelpContent(
        {
            "ALG_DESC": (
                "The whole analysis in one run: validate the data, find partner candidates, route "
                "them over road and rail, choose the exchanges, assess their benefits, draw the "
                "symbiosis diagram of one industrial node and export it as a map (PDF and PNG)."
            )
        }
    )
    for k, (name, label, types) in enumerate(LAYER_INPUTS):
        model.addModelParameter(
            QgsProcessingParameterFeatureSource(
                name, label, types, optional=name in ("RAILS", "TERMINALS")
            ),
            QgsProcessingModelParameter(name),
        )
        model.parameterComponent(name).setPosition(QPointF(150 + 260 * k, 80))
    model.addModelParameter(
        QgsProcessingParameterString(
            "NODE", "Industrial node of the map", defaultValue="Novokuznetsk"
        ),
        QgsProcessingModelParameter("NODE"),
    )
    model.parameterComponent("NODE").setPosition(QPointF(150 + 260 * 5, 80))
    model.addModelParameter(
        QgsProcessingParameterString(
            "SOURCES",
            "Data sources printed on the map (default: from the layers' metadata)",
            optional=True,
        ),
        QgsProcessingModelParameter("SOURCES"),
    )
    model.parameterComponent("SOURCES").setPosition(QPointF(150 + 260 * 6, 80))
    add_child(
        model,
        "validate",
        "symbiosis:validatedata",
        {"ENTERPRISES": model_input("ENTERPRISES"), "FLOWS": model_input("FLOWS")},
        {"OUTPUT": ("validation", "Validation report")},
        100,
    )
    add_child(
        model,
        "candidates",
        "symbiosis:findcandidates",
        {"ENTERPRISES": model_input("ENTERPRISES"), "FLOWS": model_input("FLOWS")},
        {"OUTPUT": ("candidates", "Partner candidates")},
        300,
    )
    add_child(
        model,
        "links",
        "symbiosis:networklinks",
        {
            "CANDIDATES": child_output("candidates", "OUTPUT"),
            "ENTERPRISES": model_input("ENTERPRISES"),
            "ROADS": model_input("ROADS"),
            "RAILS": model_input("RAILS"),
            "TERMINALS": model_input("TERMINALS"),
            "SNAP_TOLERANCE": static(15000.0),
        },
        {"OUTPUT": ("links", "Routed links")},
        500,
    )
    add_child(
        model,
        "exchanges",
        "symbiosis:optimizeexchanges",
        {"LINKS": child_output("links", "OUTPUT"), "FLOWS": model_input("FLOWS")},
        {"OUTPUT": ("exchanges", "Chosen exchanges")},
        700,
    )
    add_child(
        model,
        "benefits",
        "symbiosis:assessbenefits",
        {
            "EXCHANGES": child_output("exchanges", "OUTPUT"),
            "ENTERPRISES": model_input("ENTERPRISES"),
            "FLOWS": model_input("FLOWS"),
        },
        {
            "OUTPUT_ENTERPRISES": ("benefits_enterprises", "Benefits by enterprise"),
            "OUTPUT_NODES": ("benefits_nodes", "Benefits by industrial node"),
            "OUTPUT_BALANCE": ("material_balance", "Material balance by node"),
            "REPORT": ("report", "Report"),
        },
        900,
    )
    add_child(
        model,
        "diagram",
        "symbiosis:drawdiagram",
        {
            "LINKS": child_output("exchanges", "OUTPUT"),
            "ENTERPRISES": model_input("ENTERPRISES"),
            "MODE": static(1),
            "SPACING": static(5000.0),
            "NODES": model_input("NODE"),
        },
        {
            "OUTPUT": ("diagram_arrows", "Symbiosis arrows"),
            "OUTPUT_NODES": ("diagram_enterprises", "Symbiosis enterprises"),
        },
        1100,
    )
    add_child(
        model,
        "map",
        "symbiosis:exportmap",
        {
            "ARROWS": child_output("diagram", "OUTPUT"),
            "NODES": child_output("diagram", "OUTPUT_NODES"),
            "TITLE": QgsProcessingModelChildParameterSource.fromExpression(
                "'Potential symbiosis links of the ' || @NODE || ' industrial node'"
            ),
            "SOURCES": model_input("SOURCES"),
        },
        {"OUTPUT_PDF": ("map_pdf", "Map (PDF)"), "OUTPUT_PNG": ("map_png", "Map (PNG)")},
        1300,
    )
    model.updateDestinationParameters()  # model outputs become destination parameters
    return model


def main():
    out = output_folder(__doc__.splitlines()[0], RESOURCES / "models")
    with qgis_session():
        from processing.core.Processing import Processing

        Processing.initialize()
        from symbiosis_qgis.processing.provider import SymbiosisProvider

        provider = SymbiosisProvider(with_models=False)
        if not QgsApplication.processingRegistry().addProvider(provider):
            raise GeneratorError("cannot register the symbiosis provider")
        model = build()
        ok, errors = model.validate()
        if not ok:
            raise GeneratorError("model does not validate: " + "; ".join(errors))
        path = out / "symbiosis_full_analysis.model3"
        if not model.toFile(str(path)):
            raise GeneratorError(f"cannot write {path}")
        finish(path)
        print(f"wrote {path}")


if __name__ == "__main__":
    run(main)
