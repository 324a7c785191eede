#!/usr/bin/env python3
"""Write the QML styles of the sample layers and store them in the GeoPackage as each
layer's default style, so the layers look right however they are opened.

`make resources` runs it after build_sample_data.py; by hand:
    .venv/bin/python tools/style_sample_data.py [--out DIR]
With the default DIR (resources/styles) the styles also go into sample_layers/kuzbass.gpkg;
with any other DIR the GeoPackage is only read, from a private copy, and left untouched.
"""

import shutil
import sys
import tempfile
from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRendererCategory,
    QgsSimpleLineSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from resource_io import (
    NAME_IN_UI_LANGUAGE,
    RESOURCES,
    ROOT,
    GeneratorError,
    finish,
    output_folder,
    qgis_session,
    run,
)

sys.path.insert(0, str(ROOT))
from symbiosis_qgis.core.definitions import SECTORS

GPKG = ROOT / "sample_layers" / "kuzbass.gpkg"
DEFAULT_OUT = RESOURCES / "styles"

ROAD_CLASSES = {
    "trunk": ("#e65100", 1.3),
    "primary": ("#fb8c00", 0.9),
    "secondary": ("#fdd835", 0.6),
}


def text_format(size=8):
    fmt = QgsTextFormat()
    fmt.setFont(QFont("DejaVu Sans"))
    fmt.setSize(size)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("white"))
    fmt.setBuffer(buffer)
    return fmt


def labels(expression, show_expression=None, size=8):
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    settings.setFormat(text_format(size))
    settings.placement = QgsPalLayerSettings.OrderedPositionsAroundPoint
    settings.dist = 1.0
    if show_expression:
        settings.dataDefinedProperties().setProperty(
            QgsPalLayerSettings.Show, QgsProperty.fromExpression(show_expression)
        )
    return QgsVectorLayerSimpleLabeling(settings)


def style_enterprises(layer):
    categories = []
    for code, sector in SECTORS.items():
        symbol = QgsMarkerSymbol.createSimple(
            {
                "name": sector.shape,
                "color": sector.colour,
                "size": str(sector.size_mm),
                "outline_color": "white",
                "outline_width": "0.3",
            }
        )
        categories.append(QgsRendererCategory(code, symbol, sector.label))
    other = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#9e9e9e", "size": "2.4"})
    categories.append(QgsRendererCategory(None, other, "Other"))
    layer.setRenderer(QgsCategorizedSymbolRenderer("sector", categories))
    # Mines are many: name them only when zoomed in.
    layer.setLabeling(
        labels(
            NAME_IN_UI_LANGUAGE,
            "\"sector\" NOT LIKE 'coal_%' OR @map_scale < 300000",
        )
    )
    layer.setLabelsEnabled(True)


def style_roads(layer):
    categories = []
    for cls, (colour, width) in ROAD_CLASSES.items():
        symbol = QgsLineSymbol.createSimple({"color": "#757575", "width": str(width + 0.4)})
        fill = QgsSimpleLineSymbolLayer(QColor(colour), width)
        symbol.appendSymbolLayer(fill)
        categories.append(QgsRendererCategory(cls, symbol, cls))
    categories.append(
        QgsRendererCategory(
            None, QgsLineSymbol.createSimple({"color": "#bdbdbd", "width": "0.4"}), "Other"
        )
    )
    layer.setRenderer(QgsCategorizedSymbolRenderer("class", categories))


def style_rails(layer):
    symbol = QgsLineSymbol.createSimple({"color": "#212121", "width": "0.9"})
    ties = QgsSimpleLineSymbolLayer(QColor("white"), 0.5)
    ties.setPenStyle(Qt.CustomDashLine)
    ties.setUseCustomDashPattern(True)
    ties.setCustomDashVector([3.0, 3.0])
    symbol.appendSymbolLayer(ties)
    layer.renderer().setSymbol(symbol)


def style_terminals(layer):
    symbol = QgsMarkerSymbol.createSimple(
        {
            "name": "square",
            "color": "#1565c0",
            "size": "2.6",
            "outline_color": "white",
            "outline_width": "0.4",
        }
    )
    layer.renderer().setSymbol(symbol)
    layer.setLabeling(labels(NAME_IN_UI_LANGUAGE, size=7))
    layer.setLabelsEnabled(True)


STYLERS = {
    "enterprises": style_enterprises,
    "roads": style_roads,
    "rails": style_rails,
    "terminals": style_terminals,
}


def open_layer(gpkg, name):
    """The layer without its stored default style: the QML depends on this script only."""
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr", options)
    if not layer.isValid():
        raise GeneratorError(f"cannot open {name} in {gpkg}")
    return layer


def write_styles(gpkg, out, store_in_gpkg):
    for name, styler in STYLERS.items():
        layer = open_layer(gpkg, name)
        styler(layer)
        qml = out / f"{name}.qml"
        message, ok = layer.saveNamedStyle(str(qml))
        if not ok:
            raise GeneratorError(f"cannot write {qml}: {message}")
        finish(qml)
        if store_in_gpkg:
            error = layer.saveStyleToDatabase(name, "symbiosis_qgis default style", True, "")
            if error:
                raise GeneratorError(f"cannot store the style of {name} in {gpkg}: {error}")
        print(
            f"wrote {qml}" + (" and the default style in the GeoPackage" if store_in_gpkg else "")
        )


def main():
    out = output_folder(__doc__.splitlines()[0], DEFAULT_OUT)
    if not GPKG.is_file():
        raise GeneratorError(f"{GPKG.relative_to(ROOT)} is missing: run build_sample_data.py")
    with qgis_session():
        if out == DEFAULT_OUT.resolve():
            write_styles(GPKG, out, store_in_gpkg=True)
            return
        # somewhere else (a test, a check): read a copy, so the shipped file is never opened
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / GPKG.name
            shutil.copyfile(GPKG, copy)
            write_styles(copy, out, store_in_gpkg=False)


if __name__ == "__main__":
    run(main)
