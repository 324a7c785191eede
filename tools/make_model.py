#!/usr/bin/env python3
"""Write resources/models/symbiosis_full_analysis.model3: validate -> candidates -> network
links -> optimise -> assess -> diagram -> export map, for Model Builder and qgis_process.

`make resources` runs it; by hand:  .venv/bin/python tools/make_model.py [--out DIR]
(default DIR: resources/models). The provider fills the layer inputs' defaults with the
installed sample data when it loads the model, so the file holds no path. Labels, help and the
order of the inputs come from symbiosis_qgis/processing/shipped_models.py.
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
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QPointF
from resource_io import RESOURCES, output_folder, run

POINTS_OR_POLYGONS = [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]
LINES = [QgsProcessing.TypeVectorLine]
# the map's title names the node; node names are English in the data, so a Russian map gets
# exportmap's own default title instead (which exportmap prints in the map's language)
TITLE = (
    "if(left(@qgis_locale, 2) = 'ru', 'Potential symbiosis links of the industrial node', "
    "'Potential symbiosis links of the ' || @NODE || ' industrial node')"
)


def step_position(step):
    """The steps run left to right, alternately higher and lower; outputs hang below."""
    return QPointF(150 + 260 * step, 320 + 110 * (step % 2))


def build():
    model = new_model("symbiosis_full_analysis")
    source = QgsProcessingParameterFeatureSource
    add_inputs(
        model,
        {
            "ENTERPRISES": source("ENTERPRISES", "", POINTS_OR_POLYGONS),
            "FLOWS": source("FLOWS", "", [QgsProcessing.TypeVector]),
            "ROADS": source("ROADS", "", LINES),
            "RAILS": source("RAILS", "", LINES, optional=True),
            "TERMINALS": source("TERMINALS", "", [QgsProcessing.TypeVectorPoint], optional=True),
            "NODE": QgsProcessingParameterString("NODE", "", defaultValue="Novokuznetsk"),
            "SOURCES": QgsProcessingParameterString("SOURCES", "", optional=True),
        },
        step=260.0,
    )
    both = {"ENTERPRISES": model_input("ENTERPRISES"), "FLOWS": model_input("FLOWS")}
    add_step(
        model,
        "validate",
        "symbiosis:validatedata",
        both,
        {"OUTPUT": "validation"},
        step_position(0),
    )
    add_step(
        model,
        "candidates",
        "symbiosis:findcandidates",
        both,
        {"OUTPUT": "candidates"},
        step_position(1),
    )
    add_step(
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
        {"OUTPUT": "links"},
        step_position(2),
    )
    add_step(
        model,
        "exchanges",
        "symbiosis:optimizeexchanges",
        {"LINKS": child_output("links", "OUTPUT"), "FLOWS": model_input("FLOWS")},
        {"OUTPUT": "exchanges"},
        step_position(3),
    )
    add_step(
        model,
        "benefits",
        "symbiosis:assessbenefits",
        {"EXCHANGES": child_output("exchanges", "OUTPUT"), **both},
        {
            "OUTPUT_ENTERPRISES": "benefits_enterprises",
            "OUTPUT_NODES": "benefits_nodes",
            "OUTPUT_BALANCE": "material_balance",
            "REPORT": "report",
        },
        step_position(4),
    )
    add_step(
        model,
        "diagram",
        "symbiosis:drawdiagram",
        {
            "LINKS": child_output("exchanges", "OUTPUT"),
            "ENTERPRISES": model_input("ENTERPRISES"),
            "MODE": static(1),
            "SPACING": static(5000.0),
            "NODES": model_input("NODE"),
            "BUNDLE": static(True),  # one arrow per material into a consumer: a readable print
            "LANGUAGE": expression(LABELS_IN_UI_LANGUAGE),
        },
        {"OUTPUT": "diagram_arrows", "OUTPUT_NODES": "diagram_enterprises"},
        step_position(5),
    )
    add_step(
        model,
        "map",
        "symbiosis:exportmap",
        {
            "ARROWS": child_output("diagram", "OUTPUT"),
            "NODES": child_output("diagram", "OUTPUT_NODES"),
            "TITLE": expression(TITLE),
            "SOURCES": model_input("SOURCES"),
            "LANGUAGE": static(0),  # the language of the QGIS interface
            "ENTERPRISES": model_input("ENTERPRISES"),  # name_ru and name for the labels
        },
        {"OUTPUT_PDF": "map_pdf", "OUTPUT_PNG": "map_png"},
        step_position(6),
    )
    return model


def main():
    write_model(build, output_folder(__doc__.splitlines()[0], RESOURCES / "models"))


if __name__ == "__main__":
    run(main)
