#!/usr/bin/env python3
"""Write the QML styles of algorithm outputs (candidates, links, diagram arrows and nodes).

`make resources` runs it; by hand:  .venv/bin/python tools/make_output_styles.py [--out DIR]
(default DIR: resources/styles). SVG paths are written relative to resources/
(icons/sectors/mine.svg); processing/styling.py points them at the installed icons.
"""

import csv
import sys

from qgis.core import (
    QgsArrowSymbolLayer,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerLineSymbolLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSvgMarkerSymbolLayer,
    QgsSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from resource_io import (
    RESOURCES,
    ROOT,
    GeneratorError,
    finish,
    output_folder,
    qgis_session,
    run,
)

PEN_STYLES = {"solid": Qt.SolidLine, "dash": Qt.DashLine, "dot": Qt.DotLine}

sys.path.insert(0, str(ROOT))
from symbiosis_qgis.core.definitions import (  # noqa: E402 (after the path is set)
    MATERIAL_CATEGORIES,
    OTHER_CATEGORY_COLOUR,
    SECTOR_GROUPS,
    WIDTH_LEGEND,
    WIDTH_MM,
)
from symbiosis_qgis.core.diagram import PARK_GROUP, PARK_LEGEND  # noqa: E402

CATEGORY_COLOURS = {code: colour for code, (_, colour) in MATERIAL_CATEGORIES.items()}


def supply_materials():
    with open(RESOURCES / "materials.csv", encoding="utf-8") as handle:
        return [
            (r["code"], r["name_en"], r["category"])
            for r in csv.DictReader(handle)
            if r["role"] in ("waste", "by-product")
        ]


def arrow_line(colour):
    symbol = QgsLineSymbol.createSimple({"color": colour, "width": "0.5"})
    head = QgsMarkerLineSymbolLayer()
    head.setPlacement(QgsMarkerLineSymbolLayer.LastVertex)
    head.setRotateSymbols(True)
    head.setSubSymbol(
        QgsMarkerSymbol.createSimple(
            {"name": "filled_arrowhead", "color": colour, "size": "2.6", "outline_style": "no"}
        )
    )
    symbol.appendSymbolLayer(head)
    return symbol


def candidates_style():
    layer = QgsVectorLayer("LineString?crs=EPSG:32645&field=supply_mat:string", "c", "memory")
    categories = [
        # catalogue categories without a colour of their own share the "other" grey
        QgsRendererCategory(
            code, arrow_line(CATEGORY_COLOURS.get(cat, OTHER_CATEGORY_COLOUR)), name
        )
        for code, name, cat in supply_materials()
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("supply_mat", categories))
    layer.setOpacity(0.8)
    return layer


MODE_STYLES = {
    "road": ("#ef6c00", "solid"),
    "rail": ("#212121", "dash"),
    "road+rail": ("#6a1b9a", "solid"),
    "pipeline": ("#1565c0", "dot"),
    "heat_main": ("#c62828", "dot"),
}


def links_style():
    layer = QgsVectorLayer(
        "LineString?crs=EPSG:32645&field=mode:string&field=reachable:boolean", "l", "memory"
    )
    root = QgsRuleBasedRenderer.Rule(None)
    for mode, (colour, style) in MODE_STYLES.items():
        symbol = arrow_line(colour)
        symbol.symbolLayer(0).setPenStyle(PEN_STYLES[style])
        symbol.setWidth(0.6)
        root.appendChild(
            QgsRuleBasedRenderer.Rule(
                symbol, filterExp=f'"reachable" AND "mode" = \'{mode}\'', label=mode
            )
        )
    unreachable = QgsLineSymbol.createSimple(
        {"color": "#9e9e9e", "width": "0.3", "line_style": "dash"}
    )
    root.appendChild(
        QgsRuleBasedRenderer.Rule(unreachable, filterExp='NOT "reachable"', label="unreachable")
    )
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


CATEGORY_LABELS = {code: label for code, (label, _) in MATERIAL_CATEGORIES.items()}
WIDTH_EXPR = (
    'CASE "width_class" '
    + " ".join(f"WHEN {k} THEN {mm}" for k, mm in enumerate(WIDTH_MM[:-1], start=1))
    + f" ELSE {WIDTH_MM[-1]} END"
)
WIDTHS = WIDTH_MM


def curved_arrow(colour, width=None):
    arrow = QgsArrowSymbolLayer()
    arrow.setIsCurved(True)
    arrow.setIsRepeated(False)
    arrow.setHeadType(QgsArrowSymbolLayer.HeadSingle)
    arrow.setArrowType(QgsArrowSymbolLayer.ArrowPlain)
    arrow.setSubSymbol(
        QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "white", "outline_width": "0.15"}
        )
    )
    if width is None:
        arrow.setDataDefinedProperty(
            QgsSymbolLayer.PropertyArrowWidth, QgsProperty.fromExpression(WIDTH_EXPR)
        )
        arrow.setDataDefinedProperty(
            QgsSymbolLayer.PropertyArrowStartWidth, QgsProperty.fromExpression(WIDTH_EXPR)
        )
        arrow.setDataDefinedProperty(
            QgsSymbolLayer.PropertyArrowHeadLength,
            QgsProperty.fromExpression(f"1.8 + 1.2 * ({WIDTH_EXPR})"),
        )
        arrow.setDataDefinedProperty(
            QgsSymbolLayer.PropertyArrowHeadThickness,
            QgsProperty.fromExpression(f"1.0 + 0.7 * ({WIDTH_EXPR})"),
        )
    else:
        arrow.setArrowWidth(width)
        arrow.setArrowStartWidth(width)
        arrow.setHeadLength(1.8 + 1.2 * width)
        arrow.setHeadThickness(1.0 + 0.7 * width)
    symbol = QgsLineSymbol()
    symbol.changeSymbolLayer(0, arrow)
    return symbol


def text_labels(field, size, placement):
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    fmt = QgsTextFormat()
    fmt.setFont(QFont("DejaVu Sans"))
    fmt.setSize(size)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.7)
    buffer.setColor(QColor("white"))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    settings.placement = placement
    return QgsVectorLayerSimpleLabeling(settings)


def diagram_arrows_style():
    layer = QgsVectorLayer(
        "LineString?crs=EPSG:32645&field=category:string"
        "&field=width_class:integer&field=label:string",
        "a",
        "memory",
    )
    root = QgsRuleBasedRenderer.Rule(None)
    for code, label in CATEGORY_LABELS.items():
        root.appendChild(
            QgsRuleBasedRenderer.Rule(
                curved_arrow(CATEGORY_COLOURS[code]),
                filterExp=f"\"category\" = '{code}'",
                label=label,
            )
        )
    # legend-only rules: the width classes a reader decodes tonnage from
    for width, label in zip(WIDTHS, WIDTH_LEGEND):
        root.appendChild(
            QgsRuleBasedRenderer.Rule(
                curved_arrow("#9e9e9e", width), filterExp="FALSE", label=label
            )
        )
    layer.setRenderer(QgsRuleBasedRenderer(root))
    labels = text_labels("label", 6.5, QgsPalLayerSettings.Horizontal)
    settings = labels.settings()
    # the smallest flows stay unlabelled: their labels would crowd the node's centre
    settings.dataDefinedProperties().setProperty(
        QgsPalLayerSettings.Show, QgsProperty.fromExpression('"width_class" >= 2')
    )
    labels.setSettings(QgsPalLayerSettings(settings))
    layer.setLabeling(labels)
    layer.setLabelsEnabled(True)
    return layer


def diagram_nodes_style():
    layer = QgsVectorLayer(
        "Point?crs=EPSG:32645&field=sector_group:string"
        "&field=size_class:integer&field=label:string",
        "n",
        "memory",
    )
    categories = []
    for group, label in SECTOR_GROUPS.items():
        icon = RESOURCES / "icons" / "sectors" / f"{group}.svg"
        if not icon.is_file():
            raise GeneratorError(f"sector group {group!r} has no icon {icon.relative_to(ROOT)}")
        marker = QgsSvgMarkerSymbolLayer(str(icon))  # read for its size; written relative
        marker.setDataDefinedProperty(
            QgsSymbolLayer.PropertySize, QgsProperty.fromExpression('2.5 + 0.9 * "size_class"')
        )
        symbol = QgsMarkerSymbol()
        symbol.changeSymbolLayer(0, marker)
        categories.append(QgsRendererCategory(group, symbol, label))
    # eco-industrial parks (drawdiagram's PARKS): a green star, a size step above enterprises
    park = QgsSvgMarkerSymbolLayer(str(RESOURCES / "icons" / "sectors" / f"{PARK_GROUP}.svg"))
    park.setDataDefinedProperty(
        QgsSymbolLayer.PropertySize, QgsProperty.fromExpression('3.4 + 0.9 * "size_class"')
    )
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, park)
    categories.append(QgsRendererCategory(PARK_GROUP, symbol, PARK_LEGEND))
    layer.setRenderer(QgsCategorizedSymbolRenderer("sector_group", categories))
    labels = text_labels("label", 7.5, QgsPalLayerSettings.OrderedPositionsAroundPoint)
    settings = labels.settings()
    settings.dist = 1.0
    # small mines stay unlabelled: the many mine names would bury the exchanges
    settings.dataDefinedProperties().setProperty(
        QgsPalLayerSettings.Show,
        QgsProperty.fromExpression('"sector_group" <> \'mine\' OR "size_class" >= 4'),
    )
    # a park's name and intake win a crowded place over the enterprises' names
    settings.dataDefinedProperties().setProperty(
        QgsPalLayerSettings.Priority,
        QgsProperty.fromExpression(
            f"CASE WHEN \"sector_group\" = '{PARK_GROUP}' THEN 8 ELSE 5 END"
        ),
    )
    labels.setSettings(QgsPalLayerSettings(settings))
    layer.setLabeling(labels)
    layer.setLabelsEnabled(True)
    return layer


STYLE_MAKERS = {
    "candidates": candidates_style,
    "links": links_style,
    "diagram_arrows": diagram_arrows_style,
    "diagram_nodes": diagram_nodes_style,
}


def main():
    out = output_folder(__doc__.splitlines()[0], RESOURCES / "styles")
    with qgis_session():
        for name, make in STYLE_MAKERS.items():
            qml = out / f"{name}.qml"
            message, ok = make().saveNamedStyle(str(qml))
            if not ok:
                raise GeneratorError(f"cannot write {qml}: {message}")
            finish(qml)
            print(f"wrote {qml}")


if __name__ == "__main__":
    run(main)
