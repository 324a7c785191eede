#!/usr/bin/env python3
"""Write the print-layout templates resources/layouts/symbiosis_a4.qpt and symbiosis_a3.qpt.

Items carry ids the export algorithm fills in: map, title, legend, scalebar, north, table,
sources. `make resources` runs it; by hand:  .venv/bin/python tools/make_layouts.py [--out DIR]
(default DIR: resources/layouts). The north arrow's file is written as icons/north.svg
(relative to resources/); processing/map_layout.fill_layout sets the installed one at run
time.
Item uuids are uuid5 of the template name and the item id, so regenerating changes nothing.
"""

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtGui import QFont
from resource_io import RESOURCES, GeneratorError, finish, output_folder, qgis_session, run

MM = QgsUnitTypes.LayoutMillimeters


def text_format(size, bold=False):
    fmt = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    return fmt


def place(item, x, y, w, h):
    item.attemptMove(QgsLayoutPoint(x, y, MM))
    item.attemptResize(QgsLayoutSize(w, h, MM))


def label(layout, item_id, text, x, y, w, h, size, bold=False):
    item = QgsLayoutItemLabel(layout)
    item.setId(item_id)
    item.setText(text)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)  # QGIS 3.22: labels take a QFont (setTextFormat came in 3.24)
    layout.addLayoutItem(item)
    place(item, x, y, w, h)
    return item


def legend_font(size, bold=False):
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def build(width, height, f):
    """Map on the left; legend (two columns) and the exchange table on the right."""
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(width, height, MM))
    margin = 8 * f
    side = width * 0.34
    label(
        layout,
        "title",
        "Potential symbiosis links",
        margin,
        margin * 0.6,
        width - 2 * margin,
        12 * f,
        15 * f,
        bold=True,
    )
    top = margin + 11 * f
    map_w = width - 3 * margin - side
    map_h = height - top - margin - 9 * f
    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setFrameEnabled(True)
    layout.addLayoutItem(map_item)
    place(map_item, margin, top, map_w, map_h)
    right = width - margin - side
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("Legend")
    legend.setLinkedMap(map_item)
    legend.setColumnCount(2)
    legend.setSplitLayer(True)
    legend.setSymbolWidth(7 * f)
    legend.setSymbolHeight(3.2 * f)
    # tighter rows than QGIS's 2.5 mm: 10 sector groups, 15 material categories and 5 width
    # classes must fit the legend's frame (it does not grow: the table sits below it)
    legend.setStyleMargin(QgsLegendStyle.Symbol, QgsLegendStyle.Top, 1.5 * f)
    legend.setResizeToContents(False)
    for style, size, bold in [
        (QgsLegendStyle.Title, 9, True),
        (QgsLegendStyle.Group, 7.5, True),
        (QgsLegendStyle.Subgroup, 7.5, True),
        (QgsLegendStyle.SymbolLabel, 6.0, False),
    ]:
        legend.setStyleFont(style, legend_font(size * f, bold))
    layout.addLayoutItem(legend)
    legend_h = map_h * 0.56
    place(legend, right, top, side, legend_h)
    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("table")
    place(frame, right, top + legend_h + 3 * f, side, map_h - legend_h - 3 * f)
    table.addFrame(frame)
    table.setContentTextFormat(text_format(5.5 * f))
    table.setHeaderTextFormat(text_format(5.5 * f, bold=True))
    table.setCellMargin(0.8 * f)
    bar = QgsLayoutItemScaleBar(layout)
    bar.setId("scalebar")
    bar.setStyle("Single Box")
    bar.setLinkedMap(map_item)
    bar.setUnits(QgsUnitTypes.DistanceKilometers)
    bar.setUnitLabel("km")
    bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    bar.setMinimumBarWidth(12 * f)
    bar.setMaximumBarWidth(25 * f)
    bar.setNumberOfSegments(3)
    bar.setNumberOfSegmentsLeft(0)
    bar.setHeight(2 * f)
    bar.setTextFormat(text_format(7 * f))
    layout.addLayoutItem(bar)
    place(bar, margin + 3 * f, top + map_h - 13 * f, 90 * f, 10 * f)
    north = QgsLayoutItemPicture(layout)
    north.setId("north")
    north.setPicturePath(str(RESOURCES / "icons" / "north.svg"))
    layout.addLayoutItem(north)
    place(north, margin + map_w - 12 * f, top + 3 * f, 8 * f, 13 * f)
    label(
        layout,
        "sources",
        "Sources",
        margin,
        height - margin - 7 * f,
        width - 2 * margin,
        8 * f,
        6 * f,
    )
    return layout


TEMPLATES = {  # name: page width, height (mm), scale of fonts and margins
    "symbiosis_a4": (297, 210, 1.0),
    "symbiosis_a3": (420, 297, 1.35),
}


def main():
    out = output_folder(__doc__.splitlines()[0], RESOURCES / "layouts")
    with qgis_session():
        for name, (width, height, scale) in TEMPLATES.items():
            qpt = out / f"{name}.qpt"
            layout = build(width, height, scale)
            if not layout.saveAsTemplate(str(qpt), QgsReadWriteContext()):
                raise GeneratorError(f"cannot write {qpt}")
            finish(qpt)
            print(f"wrote {qpt}")


if __name__ == "__main__":
    run(main)
