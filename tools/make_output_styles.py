#!/usr/bin/env python3
"""Write the QML styles of algorithm outputs into resources/styles/.

Run by hand when a style changes:  /usr/bin/python3 tools/make_output_styles.py
"""
import csv
import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerLineSymbolLayer,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

PEN_STYLES = {"solid": Qt.SolidLine, "dash": Qt.DashLine, "dot": Qt.DotLine}

ROOT = Path(__file__).resolve().parents[1]
STYLES = ROOT / "resources" / "styles"
CATEGORY_COLOURS = {"ash_slag": "#616161", "metallurgical_slag": "#6a1b9a",
                    "mining_rock": "#8d6e63", "coal_waste": "#212121", "fuel": "#37474f",
                    "gas": "#1565c0", "heat": "#e65100", "water": "#0097a7"}


def supply_materials():
    with open(ROOT / "resources" / "materials.csv", encoding="utf-8") as handle:
        return [(r["code"], r["name_en"], r["category"]) for r in csv.DictReader(handle)
                if r["role"] in ("waste", "by-product")]


def arrow_line(colour):
    symbol = QgsLineSymbol.createSimple({"color": colour, "width": "0.5"})
    head = QgsMarkerLineSymbolLayer()
    head.setPlacement(QgsMarkerLineSymbolLayer.LastVertex)
    head.setRotateMarker(True)
    head.setSubSymbol(QgsMarkerSymbol.createSimple({
        "name": "filled_arrowhead", "color": colour, "size": "2.6", "outline_style": "no"}))
    symbol.appendSymbolLayer(head)
    return symbol


def candidates_style():
    layer = QgsVectorLayer("LineString?crs=EPSG:32645&field=supply_mat:string", "c", "memory")
    categories = [QgsRendererCategory(code, arrow_line(CATEGORY_COLOURS[cat]), name)
                  for code, name, cat in supply_materials()]
    layer.setRenderer(QgsCategorizedSymbolRenderer("supply_mat", categories))
    layer.setOpacity(0.8)
    return layer


MODE_STYLES = {"road": ("#ef6c00", "solid"), "rail": ("#212121", "dash"),
               "road+rail": ("#6a1b9a", "solid"), "pipeline": ("#1565c0", "dot"),
               "heat_main": ("#c62828", "dot")}


def links_style():
    layer = QgsVectorLayer("LineString?crs=EPSG:32645&field=mode:string&field=reachable:boolean",
                           "l", "memory")
    root = QgsRuleBasedRenderer.Rule(None)
    for mode, (colour, style) in MODE_STYLES.items():
        symbol = arrow_line(colour)
        symbol.symbolLayer(0).setPenStyle(PEN_STYLES[style])
        symbol.setWidth(0.6)
        root.appendChild(QgsRuleBasedRenderer.Rule(
            symbol, filterExp=f"\"reachable\" AND \"mode\" = '{mode}'", label=mode))
    unreachable = QgsLineSymbol.createSimple({"color": "#9e9e9e", "width": "0.3",
                                              "line_style": "dash"})
    root.appendChild(QgsRuleBasedRenderer.Rule(unreachable, filterExp="NOT \"reachable\"",
                                               label="unreachable"))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def main():
    app = QgsApplication([], False)
    app.initQgis()
    for name, make in {"candidates": candidates_style, "links": links_style}.items():
        message, ok = make().saveNamedStyle(str(STYLES / f"{name}.qml"))
        if not ok:
            sys.exit(message)
        print(f"wrote resources/styles/{name}.qml")
    app.exitQgis()


if __name__ == "__main__":
    main()
