#!/usr/bin/env python3
"""Write the QML styles of the park layers and store the sites style in the GeoPackage.

resources/styles/sites.qml (the sample candidate sites, by land status; hypothetical sites
hollow), resources/styles/parks.qml (siteparks' PARKS output: a star sized by net benefit).
The supply links reuse diagram_arrows.qml. Run by hand after build_sample_data.py:
/usr/bin/python3 tools/make_park_styles.py [--parks-only]
"""

import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont
from resource_io import NAME_IN_UI_LANGUAGE

ROOT = Path(__file__).resolve().parents[1]
GPKG = ROOT / "sample_layers" / "kuzbass.gpkg"
STYLES = ROOT / "resources" / "styles"

# land_status -> (legend label, colour, marker shape)
LAND_STATUS = {
    "mothballed mine": ("Mothballed mine", "#6d4c41", "hexagon"),
    "reclaimed mine": ("Reclaimed mine land", "#558b2f", "hexagon"),
    "planned park": ("Planned park (position approximate)", "#1565c0", "star"),
    "brownfield": ("Brownfield", "#757575", "square"),
}


def text_labels(expression, size=7.5):
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    fmt = QgsTextFormat()
    fmt.setFont(QFont("DejaVu Sans"))
    fmt.setSize(size)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("white"))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    settings.placement = QgsPalLayerSettings.OrderedPositionsAroundPoint
    settings.dist = 1.2
    return QgsVectorLayerSimpleLabeling(settings)


def site_symbol(colour, shape, hollow):
    return QgsMarkerSymbol.createSimple(
        {
            "name": shape,
            "color": "255,255,255,0" if hollow else colour,
            "size": "4.2",
            "outline_color": colour if hollow else "white",
            "outline_width": "0.6" if hollow else "0.4",
            "outline_style": "dash" if hollow else "solid",
        }
    )


def style_sites(layer):
    root = QgsRuleBasedRenderer.Rule(None)
    for status, (label, colour, shape) in LAND_STATUS.items():
        root.appendChild(
            QgsRuleBasedRenderer.Rule(
                site_symbol(colour, shape, False),
                filterExp=f'"land_status" = \'{status}\' AND NOT "hypothetical"',
                label=label,
            )
        )
    root.appendChild(
        QgsRuleBasedRenderer.Rule(
            site_symbol("#757575", "square", True),
            filterExp='"hypothetical"',
            label="Hypothetical brownfield",
        )
    )
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.setLabeling(text_labels(NAME_IN_UI_LANGUAGE))
    layer.setLabelsEnabled(True)


def style_parks(layer):
    star = QgsMarkerSymbol.createSimple(
        {"name": "star", "color": "#2e7d32", "outline_color": "white", "outline_width": "0.5"}
    )
    # 5 mm for 10 mln RUB a year, growing with the logarithm of the net benefit
    star.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.PropertySize,
        QgsProperty.fromExpression('5 + 2 * log10(max("net_benefit", 1e7) / 1e7)'),
    )
    layer.setRenderer(QgsSingleSymbolRenderer(star))
    layer.setLabeling(
        # siteparks writes "label" in the user's language; older outputs lack it
        text_labels(
            'coalesce("label", "name" || \'\\n\' || '
            "format_number(\"net_benefit\" / 1e6, 0) || ' mln RUB/yr')",
            size=7,
        )
    )
    layer.setLabelsEnabled(True)


def main():
    app = QgsApplication([], False)
    app.initQgis()
    parks_only = "--parks-only" in sys.argv  # leaves the GeoPackage and sites.qml alone
    sites = QgsVectorLayer(f"{GPKG}|layername=sites", "sites", "ogr")
    if not sites.isValid():
        sys.exit(f"cannot open sites in {GPKG}")
    style_sites(sites)
    parks = QgsVectorLayer(
        "Point?crs=EPSG:32645&field=name:string&field=tenants:string&field=net_benefit:double"
        "&field=label:string",
        "parks",
        "memory",
    )
    style_parks(parks)
    styled = (("parks", parks),) if parks_only else (("sites", sites), ("parks", parks))
    for name, layer in styled:
        qml = STYLES / f"{name}.qml"
        message, ok = layer.saveNamedStyle(str(qml))
        if not ok:
            sys.exit(f"cannot write {qml}: {message}")
        print(f"wrote {qml.relative_to(ROOT)}")
    if parks_only:
        app.exitQgis()
        return
    error = sites.saveStyleToDatabase("sites", "symbiosis_qgis default style", True, "")
    if error:
        sys.exit(f"cannot store the style of sites in the GeoPackage: {error}")
    app.exitQgis()


if __name__ == "__main__":
    main()
