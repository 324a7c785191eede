#!/usr/bin/env python3
"""Write resources/models/eco_industrial_park_design.model3: validate -> site parks ->
diagram (parks and their bundled supply arrows) -> map,
for Model Builder and qgis_process.

`make resources` runs it; by hand:  .venv/bin/python tools/make_park_model.py [--out DIR]
(default DIR: resources/models). The provider fills the layer inputs' defaults with the
installed sample data when it loads the model (SITES, ENTERPRISES, FLOWS, ROADS, RAILS,
TERMINALS), so the file holds no path. Labels, help and the order of the inputs come from
symbiosis_qgis/processing/shipped_models.py.
"""

from model_building import (
    LABELS_IN_UI_LANGUAGE,
    add_inputs,
    add_step,
    child_output,
    expression,
    model_input,
    new_model,
    static,
    write_model,
)
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QPointF
from resource_io import RESOURCES, output_folder, run

POINTS_OR_POLYGONS = [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]
LINES = [QgsProcessing.TypeVectorLine]
INTEGER = QgsProcessingParameterNumber.Integer
DOUBLE = QgsProcessingParameterNumber.Double


def step_position(step):
    return QPointF(200 + 320 * step, 340)


def build():
    model = new_model("eco_industrial_park_design")
    source = QgsProcessingParameterFeatureSource
    number = QgsProcessingParameterNumber
    add_inputs(
        model,
        {
            "SITES": source("SITES", "", POINTS_OR_POLYGONS),
            "ENTERPRISES": source("ENTERPRISES", "", POINTS_OR_POLYGONS),
            "FLOWS": source("FLOWS", "", [QgsProcessing.TypeVector]),
            "ROADS": source("ROADS", "", LINES, optional=True),
            "RAILS": source("RAILS", "", LINES, optional=True),
            "TERMINALS": source("TERMINALS", "", [QgsProcessing.TypeVectorPoint], optional=True),
            "MAX_PARKS": number("MAX_PARKS", "", INTEGER, 3, minValue=0),
            "BUDGET": number("BUDGET", "", DOUBLE, 400e6, minValue=0),
            "COFINANCE_SHARE": number("COFINANCE_SHARE", "", DOUBLE, 0.3, minValue=0),
        },
        step=200.0,
    )
    add_step(
        model,
        "validate",
        "symbiosis:validatedata",
        {"ENTERPRISES": model_input("ENTERPRISES"), "FLOWS": model_input("FLOWS")},
        {"OUTPUT": "validation"},
        step_position(0),
    )
    add_step(
        model,
        "parks",
        "symbiosis:siteparks",
        {
            **{
                name: model_input(name)
                for name in (
                    "SITES",
                    "ENTERPRISES",
                    "FLOWS",
                    "ROADS",
                    "RAILS",
                    "TERMINALS",
                    "MAX_PARKS",
                    "BUDGET",
                    "COFINANCE_SHARE",
                )
            },
            "SNAP_TOLERANCE": static(15000.0),
        },
        {
            "PARKS": "parks",
            "TENANT_ROWS": "park_tenants",
            "SUPPLY_LINKS": "park_supply_links",
        },
        step_position(1),
    )
    add_step(
        model,
        "diagram",
        "symbiosis:drawdiagram",
        {
            "ENTERPRISES": model_input("ENTERPRISES"),
            "PARKS": child_output("parks", "PARKS"),
            "SUPPLY_LINKS": child_output("parks", "SUPPLY_LINKS"),
            "MODE": static(0),  # geographic: a park's catchment is about real distances
            "BUNDLE": static(True),
            "LANGUAGE": expression(LABELS_IN_UI_LANGUAGE),
        },
        {"OUTPUT": "park_diagram_arrows", "OUTPUT_NODES": "park_diagram_nodes"},
        step_position(2),
    )
    add_step(
        model,
        "map",
        "symbiosis:exportmap",
        {
            "ARROWS": child_output("diagram", "OUTPUT"),
            "NODES": child_output("diagram", "OUTPUT_NODES"),
            "BACKGROUND": model_input("SITES"),
            "ENTERPRISES": model_input("ENTERPRISES"),  # name_ru and name for the labels
            "LANGUAGE": static(0),  # the language of the QGIS interface
            # empty: exportmap's own park-map title, in the map's language
            "TITLE": static(""),
        },
        {"OUTPUT_PDF": "park_map_pdf"},
        step_position(3),
    )
    return model


def main():
    write_model(build, output_folder(__doc__.splitlines()[0], RESOURCES / "models"))


if __name__ == "__main__":
    run(main)
