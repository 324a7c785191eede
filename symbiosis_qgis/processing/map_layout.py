"""The print layout of symbiosis:exportmap: the print copies of the diagram, the template's
items filled in (map, title, legend, scale bar, north arrow, sources, table of the exchanges),
the legend and table fitted to the page, and the editable layout added to the project.

Label placement and the inset map are in map_placement.py; texts, styles and labelling of the
print copies in map_print.py.
"""

from datetime import date

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsLayerTree,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt, QVariant
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtXml import QDomDocument

from ..core.map_labels import name_in_language
from ..core.text import QT_TRANSLATE_NOOP
from ..i18n import tr
from ..paths import resource_path
from . import map_print

TABLE_FIELDS = ["supply_name", "demand_name", "label"]  # the project layout's table
PRINT_TABLE_FIELDS = ["tbl_from", "tbl_to", "tbl_material", "tbl_amount"]
# The page's strings, translated into the map's language (MapText), not the interface's.
# fmt: off
NO_SOURCE = QT_TRANSLATE_NOOP("@default", "layers {names} (their metadata names no source)")
PAGE = {
    "enterprises": QT_TRANSLATE_NOOP("@default", "Symbiosis enterprises"),
    "arrows": QT_TRANSLATE_NOOP("@default", "Symbiosis arrows"),
    "legend": QT_TRANSLATE_NOOP("@default", "Legend"),
    "km": QT_TRANSLATE_NOOP("@default", "km"),
    "sources": QT_TRANSLATE_NOOP("@default", "Data: {sources}. Exchanges computed by symbiosis_qgis. Date: {date}"),  # noqa: E501
    "from": QT_TRANSLATE_NOOP("@default", "From"),
    "to": QT_TRANSLATE_NOOP("@default", "To"),
    "material_quantity": QT_TRANSLATE_NOOP("@default", "Material and quantity"),
    "material": QT_TRANSLATE_NOOP("@default", "Material"),
    "quantity": QT_TRANSLATE_NOOP("@default", "Quantity per year"),
    "table_note": QT_TRANSLATE_NOOP("@default", "{shown} of {total} exchanges listed, the largest first; all are in the layer '{layer}'"),  # noqa: E501
}
# fmt: on
MIN_TABLE_PT = 4.5  # the table's smallest font on A4 (points)


def print_copy(layer):
    """A copy of the layer for the print (memory layers cannot be cloned: their features
    would not follow), so that nothing of the user's layer is changed."""
    if layer.providerType() == "memory":
        return layer.materialize(QgsFeatureRequest())
    return layer.clone()


def fit_to_frame(extent, frame):
    """The extent grown to the frame's aspect ratio (zoomToExtent leaves it empty here)."""
    aspect = frame.width() / max(frame.height(), 1e-9)
    width, height = extent.width(), extent.height()
    if width / max(height, 1e-9) < aspect:
        width = height * aspect
    else:
        height = width / aspect
    centre = extent.center()
    return QgsRectangle(
        centre.x() - width / 2,
        centre.y() - height / 2,
        centre.x() + width / 2,
        centre.y() + height / 2,
    )


def extent_in(layer, crs):
    """The layer's extent in ``crs``."""
    if layer.crs() == crs:
        return layer.extent()
    transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    return transform.transformBoundingBox(layer.extent())


def sources_from_metadata(layers, text=tr):
    """The layers' own statement of their sources: attribution, rights and licences from
    their metadata, each once; the layer names when none says anything (in ``text``'s
    language)."""
    found = []
    for layer in layers:
        metadata = layer.metadata()
        for statement in [layer.attribution(), *metadata.rights(), *metadata.licenses()]:
            statement = (statement or "").strip()
            if statement and statement not in found:
                found.append(statement)
    if found:
        return "; ".join(found)
    return text(NO_SOURCE).format(names=", ".join(f"'{layer.name()}'" for layer in layers))


def load_template(project, template_name):
    layout = QgsPrintLayout(project)
    document = QDomDocument()
    with open(resource_path("layouts", template_name), encoding="utf-8") as handle:
        document.setContent(handle.read())
    layout.loadFromTemplate(document, QgsReadWriteContext())
    return layout


def layout_item(layout, item_id, kind):
    found = layout.itemById(item_id)
    if not isinstance(found, kind):
        raise QgsProcessingException(tr("The layout template has no item '{}'").format(item_id))
    return found


def names_from_enterprises(layer):
    """ent_id -> (name_ru, name) from an enterprise layer."""
    if layer is None:
        return {}
    fields = layer.fields().names()
    names = {}
    for feature in layer.getFeatures():
        ent_id = map_print.text_of(feature["ent_id"]) if "ent_id" in fields else ""
        if ent_id:
            names[ent_id] = tuple(
                map_print.text_of(feature[f]) if f in fields else "" for f in ("name_ru", "name")
            )
    return names


def print_copies(nodes, arrows, language, text, names_by_id, font_scale=1.0):
    """Memory copies of the diagram with labels, table columns and styles for print."""
    # both in the arrows' CRS: the map's, in which the label positions are computed
    print_nodes = map_print.materialized(nodes, arrows.crs())
    print_arrows = map_print.materialized(arrows, arrows.crs())
    names = map_print.node_names(print_nodes, language, names_by_id)
    map_print.add_fields(
        print_nodes,
        [("map_label", QVariant.String)]
        + [(f, QVariant.Double) for f in ("mx", "my", "ix", "iy")]
        + [("m_show", QVariant.Int), ("i_show", QVariant.Int)],
    )
    map_print.set_values(
        print_nodes, {fid: {"map_label": map_print.wrapped(n)} for fid, n in names.items()}
    )
    fields = print_nodes.fields().names()
    # every name the arrows may need, in the map's language: the enterprise layer's,
    # then the diagram's own (parks among them)
    by_ent = {
        ent_id: name_in_language(ru, en, language, fallback=ent_id)
        for ent_id, (ru, en) in names_by_id.items()
    }
    by_ent.update(
        {
            map_print.field_text(f, fields, "ent_id", "site_id"): names[f.id()]
            for f in print_nodes.getFeatures()
        }
    )
    map_print.add_fields(
        print_arrows,
        [(f, QVariant.String) for f in ["map_label", *PRINT_TABLE_FIELDS]]
        + [(f, QVariant.Double) for f in ("ax", "ay", "bx", "by", "tbl_quantity")]
        + [(f, QVariant.Int) for f in ("unit_rank", "row_rank", "a_show", "b_show")],
    )
    values = map_print.arrow_texts(print_arrows, language, by_ent)
    map_print.set_values(print_arrows, values)
    arrow_fields = print_arrows.fields().names()
    present = {
        "groups": {f["sector_group"] for f in print_nodes.getFeatures()}
        if "sector_group" in fields
        else set(),
        "categories": {f["category"] for f in print_arrows.getFeatures()}
        if "category" in arrow_fields
        else set(),
        "classes": {f["width_class"] for f in print_arrows.getFeatures()}
        if "width_class" in arrow_fields
        else set(),
        "units": sorted(
            {f["qty_unit"] for f in print_arrows.getFeatures()}
            if "qty_unit" in arrow_fields
            else set(),
            key=map_print.unit_rank,
        ),
    }
    if "sector_group" in fields:
        map_print.style_for_print(print_nodes, "diagram_nodes.qml", text, present["groups"])
        print_nodes.setName(text(PAGE["enterprises"]))  # the legend's group title
    else:
        map_print.translate_legend(print_nodes, text)
    if "width_class" in arrow_fields:
        map_print.style_for_print(
            print_arrows,
            "diagram_arrows.qml",
            text,
            present["categories"] | present["classes"],
            width_labels=map_print.width_class_labels(present["units"], language),
        )
        print_arrows.setName(text(PAGE["arrows"]))
    else:
        map_print.translate_legend(print_arrows, text)
    print_nodes.setLabeling(map_print.node_labeling(0.3, font_scale))
    print_nodes.setLabelsEnabled(True)
    print_arrows.setLabeling(map_print.arrow_labeling(font_scale))
    print_arrows.setLabelsEnabled(True)
    return print_nodes, print_arrows


def fill_layout(layout, layers, arrows, title, sources, own_legend=True, text=tr):
    """The template's items filled in: the map of ``layers`` (the diagram's nodes and
    arrows first), title, legend, scale bar, north arrow, sources line and the table of
    the exchanges."""
    map_item = layout_item(layout, "map", QgsLayoutItemMap)
    map_item.setLayers(layers)
    map_item.setKeepLayerSet(True)  # else the map shows the project's layers
    map_item.setCrs(arrows.crs())
    # both extents in the map's CRS: the diagram's outputs may come in different CRSs
    extent = extent_in(layers[0], arrows.crs())
    extent.combineExtentWith(extent_in(layers[1], arrows.crs()))
    map_item.setExtent(
        fit_to_frame(extent.buffered(max(extent.width(), extent.height()) * 0.06), map_item.rect())
    )
    layout_item(layout, "title", QgsLayoutItemLabel).setText(title)
    legend = layout_item(layout, "legend", QgsLayoutItemLegend)
    legend.setTitle(text(PAGE["legend"]))
    legend.setAutoUpdateModel(False)
    if own_legend:  # print copies: a legend tree of their own, kept alive with the layout
        root = QgsLayerTree()
        # the diagram only: background layers carry their own (untranslated) legends
        for layer in layers[:2]:
            root.addLayer(layer)
        legend.model().setRootGroup(root)
        legend.setWrapString(map_print.LEGEND_WRAP)
        layout._symbiosis_keep = (root, layers)
    else:  # the project's own layers: only those the map shows
        shown = {layer.id() for layer in layers}
        root = legend.model().rootGroup()
        for node in root.findLayers():
            if node.layerId() not in shown:
                node.parent().removeChildNode(node)
    bar = layout.itemById("scalebar")
    if isinstance(bar, QgsLayoutItemScaleBar):
        bar.setUnitLabel(text(PAGE["km"]))
    north = layout_item(layout, "north", QgsLayoutItemPicture)
    north.setPicturePath(str(resource_path("icons", "north.svg")))
    layout_item(layout, "sources", QgsLayoutItemLabel).setText(
        text(PAGE["sources"]).format(sources=sources.rstrip("."), date=date.today().isoformat())
    )
    table = next(
        (f for f in layout.multiFrames() if isinstance(f, QgsLayoutItemAttributeTable)), None
    )
    if table is not None:
        frame = layout_item(layout, "table", QgsLayoutFrame)
        # the table shares the legend's column in the templates (its own frame is sized
        # by its content here)
        frame_size = QgsLayoutSize(legend.sizeWithUnits().width(), frame.sizeWithUnits().height())
        table.setVectorLayer(layers[1])
        names = layers[1].fields().names()
        wanted = PRINT_TABLE_FIELDS if own_legend else TABLE_FIELDS
        table.setDisplayedFields([f for f in wanted if f in names])
        headers = {
            "supply_name": text(PAGE["from"]),
            "demand_name": text(PAGE["to"]),
            "label": text(PAGE["material_quantity"]),
            "tbl_from": text(PAGE["from"]),
            "tbl_to": text(PAGE["to"]),
            "tbl_material": text(PAGE["material"]),
            "tbl_amount": text(PAGE["quantity"]),
        }
        width = frame_size.width()
        shares = {"tbl_material": 0.7, "tbl_amount": 0.7}
        columns = table.columns()
        total = sum(shares.get(c.attribute(), 1.0) for c in columns) or 1.0
        for column in columns:
            column.setHeading(headers.get(column.attribute(), column.attribute()))
            share = shares.get(column.attribute(), 1.0) / total
            column.setWidth(width * share - 2 * table.cellMargin() - 0.5)
        table.setColumns(columns)
        sort = []
        if "unit_rank" in names:  # tonnes apart from energy units
            by_unit = QgsLayoutTableColumn()
            by_unit.setAttribute("unit_rank")
            by_unit.setSortOrder(Qt.AscendingOrder)
            sort.append(by_unit)
        biggest = QgsLayoutTableColumn()
        biggest.setAttribute("tbl_quantity" if "tbl_quantity" in names else "quantity")
        biggest.setSortOrder(Qt.DescendingOrder)
        sort.append(biggest)
        table.setSortColumns(sort)
        table.setWrapBehavior(QgsLayoutTable.WrapText)
        table.refresh()
        frame.attemptResize(frame_size)
    layout.refresh()
    return layout


def fit_legend_and_table(layout, text, layer_name):
    """Legend as tall as its entries; the table below it, its font shrunk (down to a
    readable size) until every row fits; else the largest rows of each unit, and a line
    under the table saying how many and where the rest are. Returns (rows listed, rows in
    all)."""
    legend = layout_item(layout, "legend", QgsLayoutItemLegend)
    frame = layout_item(layout, "table", QgsLayoutFrame)
    table = frame.multiFrame()
    bottom = frame.pos().y() + frame.rect().height()
    width = legend.rect().width()
    legend.setResizeToContents(True)
    legend.adjustBoxSize()
    legend.setResizeToContents(False)
    legend.attemptResize(
        QgsLayoutSize(width, legend.rect().height(), QgsUnitTypes.LayoutMillimeters)
    )
    top = legend.pos().y() + legend.rect().height() + 3
    mm = QgsUnitTypes.LayoutMillimeters
    frame.attemptMove(QgsLayoutPoint(frame.pos().x(), top, mm))
    frame.attemptResize(QgsLayoutSize(width, bottom - top, mm))
    content, header = table.contentTextFormat(), table.headerTextFormat()
    size = content.size()
    minimum = MIN_TABLE_PT * size / 5.5  # the A3 template's fonts are larger

    def fits():
        return table.totalSize().height() <= frame.rect().height() + 0.01

    while size > minimum and not fits():
        size = max(size - 0.25, minimum)
        content.setSize(size)
        header.setSize(size)
        table.setContentTextFormat(content)
        table.setHeaderTextFormat(header)
        table.refresh()
    total = table.vectorLayer().featureCount()
    if fits():
        return total, total
    note_height = 4.0 * size / 5.5
    frame.attemptResize(QgsLayoutSize(width, bottom - top - note_height, mm))
    shown = total
    table.setFilterFeatures(True)
    while shown > 1 and not fits():
        shown -= 1  # the largest of each unit in turn (row_rank), listed by unit
        table.setFeatureFilter(f'"row_rank" < {shown}')
        table.refresh()
    note = QgsLayoutItemLabel(layout)
    note.setId("table_note")
    note.setText(text(PAGE["table_note"]).format(shown=shown, total=total, layer=layer_name))
    font = QFont(map_print.FONT_FAMILY)
    font.setPointSizeF(size)
    font.setItalic(True)
    note.setFont(font)
    layout.addLayoutItem(note)
    note.attemptMove(QgsLayoutPoint(frame.pos().x(), bottom - note_height + 0.5, mm))
    note.attemptResize(QgsLayoutSize(width, note_height, mm))
    return shown, total


def add_layout_to_project(project, template, arrows, nodes, background, title, sources, text=tr):
    """A layout in the project on the project's own layers, for editing before print
    (exportmap's ADD_TO_PROJECT, and model_layout once a model's layers are loaded); nothing
    when the arrows or the enterprises are not project layers."""
    if project.mapLayer(arrows.id()) is None or project.mapLayer(nodes.id()) is None:
        return  # layers that are not in the project cannot stay in its layout
    layout = fill_layout(
        load_template(project, template),
        [nodes, arrows] + [b for b in background if project.mapLayer(b.id()) is not None],
        arrows,
        title,
        sources,
        own_legend=False,
        text=text,
    )
    name = title
    manager = project.layoutManager()
    k = 1
    while manager.layoutByName(name) is not None:
        k += 1
        name = f"{title} ({k})"
    layout.setName(name)
    manager.addLayout(layout)
