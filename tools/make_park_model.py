#!/usr/bin/env python3
"""Write resources/models/eco_industrial_park_design.model3: validate -> site parks -> map,
for Model Builder and qgis_process.

By hand:  QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_park_model.py
The provider fills the layer inputs' defaults with the installed sample data when it loads
the model (SITES, ENTERPRISES, FLOWS, ROADS, RAILS, TERMINALS), so the file holds no path.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.append("/usr/share/qgis/python/plugins")
os.environ.setdefault("PROJ_LIB", "/usr/share/proj")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QPointF  # noqa: E402

OUT = ROOT / "resources" / "models" / "eco_industrial_park_design.model3"
LAYER_INPUTS = [
    ("SITES", "Candidate park sites", [0, 2]),
    ("ENTERPRISES", "Enterprises", [0, 2]),
    ("FLOWS", "Flows", [-1]),
    ("ROADS", "Roads", [1]),
    ("RAILS", "Railways", [1]),
    ("TERMINALS", "Road-rail terminals", [0]),
]
NUMBER_INPUTS = [
    ("MAX_PARKS", "Largest number of parks", QgsProcessingParameterNumber.Integer, 3),
    ("BUDGET", "Co-financing budget, RUB (one-off)", QgsProcessingParameterNumber.Double, 400e6),
    (
        "COFINANCE_SHARE",
        "Largest co-financed share of capex (0-1)",
        QgsProcessingParameterNumber.Double,
        0.3,
    ),
]


def model_input(name):
    return QgsProcessingModelChildParameterSource.fromModelParameter(name)


def child_output(child, output):
    return QgsProcessingModelChildParameterSource.fromChildOutput(child, output)


def static(value):
    return QgsProcessingModelChildParameterSource.fromStaticValue(value)


def add_child(model, child_id, alg_id, sources, outputs, step):
    child = QgsProcessingModelChildAlgorithm(alg_id)
    child.setChildId(child_id)
    child.setDescription(child_id.replace("_", " "))
    position = QPointF(200 + 320 * step, 340)
    child.setPosition(position)
    for name, source in sources.items():
        child.addParameterSources(name, [source])
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
        out.setPosition(position + QPointF(40, 200 + 45 * len(model_outputs)))
        out.setChildOutputName(output_name)
        model_outputs[model_name] = out
    child.setModelOutputs(model_outputs)
    model.addChildAlgorithm(child)


def build():
    model = QgsProcessingModelAlgorithm("eco_industrial_park_design", "Models")
    model.setHelpContent(
        {
            "ALG_DESC": (
                "Eco-industrial park design in one run: validate the data, choose the parks, "
                "their tenants, supplies and co-financing (exact MILP), and export the map of "
                "the parks with their supply arrows (PDF)."
            )
        }
    )
    k = 0
    for name, label, types in LAYER_INPUTS:
        model.addModelParameter(
            QgsProcessingParameterFeatureSource(
                name, label, types, optional=name in ("ROADS", "RAILS", "TERMINALS")
            ),
            QgsProcessingModelParameter(name),
        )
        model.parameterComponent(name).setPosition(QPointF(120 + 200 * k, 80))
        k += 1
    for name, label, kind, default in NUMBER_INPUTS:
        model.addModelParameter(
            QgsProcessingParameterNumber(name, label, kind, default, minValue=0),
            QgsProcessingModelParameter(name),
        )
        model.parameterComponent(name).setPosition(QPointF(120 + 200 * k, 80))
        k += 1
    add_child(
        model,
        "validate",
        "symbiosis:validatedata",
        {"ENTERPRISES": model_input("ENTERPRISES"), "FLOWS": model_input("FLOWS")},
        {"OUTPUT": ("validation", "Validation report")},
        0,
    )
    add_child(
        model,
        "parks",
        "symbiosis:siteparks",
        {
            "SITES": model_input("SITES"),
            "ENTERPRISES": model_input("ENTERPRISES"),
            "FLOWS": model_input("FLOWS"),
            "ROADS": model_input("ROADS"),
            "RAILS": model_input("RAILS"),
            "TERMINALS": model_input("TERMINALS"),
            "MAX_PARKS": model_input("MAX_PARKS"),
            "BUDGET": model_input("BUDGET"),
            "COFINANCE_SHARE": model_input("COFINANCE_SHARE"),
            "SNAP_TOLERANCE": static(15000.0),
        },
        {
            "PARKS": ("parks", "Eco-industrial parks"),
            "TENANT_ROWS": ("park_tenants", "Park tenants"),
            "SUPPLY_LINKS": ("park_supply_links", "Park supply links"),
        },
        1,
    )
    add_child(
        model,
        "map",
        "symbiosis:exportmap",
        {
            "ARROWS": child_output("parks", "SUPPLY_LINKS"),
            "NODES": child_output("parks", "PARKS"),
            "BACKGROUND": QgsProcessingModelChildParameterSource.fromModelParameter("SITES"),
            "TITLE": static("Eco-industrial parks: sites, tenants and supplies"),
        },
        {"OUTPUT_PDF": ("park_map_pdf", "Park map (PDF)")},
        2,
    )
    model.updateDestinationParameters()
    return model


def main():
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from symbiosis_qgis.processing.provider import SymbiosisProvider

    provider = SymbiosisProvider(with_models=False)
    if not QgsApplication.processingRegistry().addProvider(provider):
        sys.exit("cannot register the symbiosis provider")
    model = build()
    ok, errors = model.validate()
    if not ok:
        sys.exit("model does not validate: " + "; ".join(errors))
    if not model.toFile(str(OUT)):
        sys.exit(f"cannot write {OUT}")
    print(f"wrote {OUT.relative_to(ROOT)}")
    app.exitQgis()


if __name__ == "__main__":
    main()
