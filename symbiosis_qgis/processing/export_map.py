"""symbiosis:exportmap — a print layout of the symbiosis diagram, exported to PDF and PNG."""

from datetime import date

import numpy as np
from qgis.core import (
    QgsCircularString,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayerTree,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapOverview,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsPoint,
    QgsPrintLayout,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRenderContext,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt, QVariant
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtXml import QDomDocument

from ..core.map_labels import (
    inset_window,
    name_in_language,
    place_at_candidates,
    place_point_labels,
    touching,
)
from ..core.text import QT_TRANSLATE_NOOP
from ..i18n import tr, user_locale
from ..paths import resource_path
from . import map_print
from .base import SymbiosisAlgorithm
from .layer_io import prepare_output_file, require_crs, require_fields, require_geometry_type
from .map_print import MapText
from .styling import style_layer

TEMPLATES = ["symbiosis_a4.qpt", "symbiosis_a3.qpt"]  # enum order: append only
FONT_SCALES = [1.0, 1.35]  # per template, as tools/make_layouts.py scales its fonts
LANGUAGES = ["", "en", "ru"]  # enum order: append only; "": the QGIS interface's
TABLE_FIELDS = ["supply_name", "demand_name", "label"]  # the project layout's table
PRINT_TABLE_FIELDS = ["tbl_from", "tbl_to", "tbl_material", "tbl_amount"]
# The page's strings, translated into the map's language (MapText), not the interface's.
# fmt: off
DEFAULT_TITLE = QT_TRANSLATE_NOOP("@default", "Potential symbiosis links of the industrial node")
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
INSET_SHARE = 0.42  # inset frame: this share of the map's width and height
MIN_GAP_MM = 7.0  # margin of the inset's window around its crowd (page mm)
MIN_ZOOM = 2.0  # the inset enlarges at least this much (a bigger crowd: its densest part)
MAX_ZOOM = 3.0  # a smaller crowd gets a wider window: the inset keeps some context
TOUCH_MM = 1.0  # symbols closer than this edge to edge crowd the page
CROWD_RINGS = 2  # a name that cannot sit within two rings of its symbol is crowded out
MIN_TABLE_PT = 4.5  # the table's smallest font on A4 (points)
DIAGRAM_STYLES = {"width_class": "diagram_arrows.qml", "sector_group": "diagram_nodes.qml"}


def diagram_layer_names():
    return {"width_class": tr("Symbiosis arrows"), "sector_group": tr("Symbiosis enterprises")}


def print_copy(layer):
    """A copy of the layer for the print (memory layers cannot be cloned: their features
    would not follow), so that nothing of the user's layer is changed."""
    if layer.providerType() == "memory":
        return layer.materialize(QgsFeatureRequest())
    return layer.clone()


def styled_copy(layer):
    """A print copy, styled for print when the layer is a diagram output."""
    copy = print_copy(layer)
    names = layer.fields().names()
    for field, qml in DIAGRAM_STYLES.items():
        if field in names:
            style_layer(copy, qml)
            copy.setName(diagram_layer_names()[field])  # the legend's group title
    return copy


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


def item(layout, item_id, kind):
    found = layout.itemById(item_id)
    if not isinstance(found, kind):
        raise QgsProcessingException(tr("The layout template has no item '{}'").format(item_id))
    return found


def map_units_per_mm(map_item):
    return map_item.extent().width() / max(map_item.rect().width(), 1e-9)


def item_rect_in_map(map_item, other, pad_mm=1.0):
    """The rectangle an item drawn over ``map_item`` covers, in map units."""
    scale = map_units_per_mm(map_item)
    extent = map_item.extent()
    left = other.pos().x() - map_item.pos().x() - pad_mm
    top = other.pos().y() - map_item.pos().y() - pad_mm
    width, height = other.rect().width() + 2 * pad_mm, other.rect().height() + 2 * pad_mm
    x0 = extent.xMinimum() + left * scale
    y1 = extent.yMaximum() - top * scale
    return (x0, y1 - height * scale, x0 + width * scale, y1)


def points_of(layer, crs):
    """{fid: (x, y)} of a point layer in ``crs``."""
    transform = None
    if layer.crs() != crs:
        transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    points = {}
    for feature in layer.getFeatures():
        point = feature.geometry().asPoint()
        if transform is not None:
            point = transform.transform(point)
        points[feature.id()] = (point.x(), point.y())
    return points


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


def within(xy, rect):
    return rect[0] <= xy[0] <= rect[2] and rect[1] <= xy[1] <= rect[3]


def node_table(layer, crs, font_scale=1.0):
    """Positions, label sizes (mm), symbol radii (mm) and importance of the enterprises."""
    fields = layer.fields().names()
    features = list(layer.getFeatures())
    points = points_of(layer, crs)

    def number(feature, name, default):
        value = feature[name] if name in fields else None
        return float(value) if value not in (None, "") and value == value else default

    return {
        "fids": [f.id() for f in features],
        "xy": np.array([points[f.id()] for f in features], float).reshape(-1, 2),
        "size_mm": np.array(
            [
                map_print.label_size_mm(f["map_label"], map_print.NODE_FONT_PT * font_scale)
                for f in features
            ],
            float,
        ).reshape(-1, 2),
        # the symbol's diameter in diagram_nodes.qml: 2.5 + 0.9 * size_class mm
        "radius_mm": np.array(
            [(2.5 + 0.9 * number(f, "size_class", 1.0)) / 2 + 0.3 for f in features], float
        ),
        "weight": np.array([number(f, "throughput", 0.0) for f in features], float),
    }


ARROW_STOPS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78]  # where along an arrow a label may sit


def arrow_table(layer, crs, font_scale=1.0):
    """Per arrow: points along the curve the arrow symbol draws (a circular arc through its
    three vertices), its middle, label size (mm) and width class."""
    transform = None
    if layer.crs() != crs:
        transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    fids, stops, middles, sizes, weights = [], [], [], [], []
    for feature in layer.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        if transform is not None:
            geometry.transform(transform)
        line = geometry.asPolyline() if not geometry.isMultipart() else []
        if len(line) == 3:
            geometry = QgsGeometry(QgsCircularString(*[QgsPoint(p) for p in line]))
        length = geometry.length()
        points = [geometry.interpolate(length * t).asPoint() for t in ARROW_STOPS]
        fids.append(feature.id())
        stops.append(np.array([(p.x(), p.y()) for p in points], float))
        middles.append(stops[-1][0])
        size_pt = map_print.ARROW_FONT_PT * font_scale
        sizes.append(map_print.label_size_mm(feature["map_label"], size_pt))
        weights.append(
            float(feature["quantity"] or 0.0) if "quantity" in layer.fields().names() else 0.0
        )
    return {
        "fids": fids,
        "stops": stops,
        "middle": np.array(middles, float).reshape(-1, 2),
        "size_mm": np.array(sizes, float).reshape(-1, 2),
        "weight": np.array(weights, float),
    }


class LabelView:
    """Label placement on one map item (the main map or the inset), in its map units."""

    def __init__(self, map_item, blocked):
        self.scale = map_units_per_mm(map_item)
        extent = map_item.extent()
        inner = self.scale  # 1 mm inside the frame
        self.bounds = (
            extent.xMinimum() + inner,
            extent.yMinimum() + inner,
            extent.xMaximum() - inner,
            extent.yMaximum() - inner,
        )
        self.blocked = list(blocked)

    def place_nodes(self, nodes, wanted, rings=8, further=True, over_symbols=False, taken=()):
        """Names of the ``wanted`` enterprises, biggest throughput first, clear of the
        ``taken`` rectangles (names placed before); NaN rows where no room was found.

        Within ``rings`` of the symbol; then, with ``further``, twice as far (a longer
        leader line); then, with ``over_symbols``, over other symbols (a last resort)."""
        order = [i for i in np.argsort(-nodes["weight"], kind="stable") if wanted[i]]
        rects = np.full((len(nodes["fids"]), 4), np.nan)
        passes = [(True, rings)] + [(True, 2 * rings)] * further + [(False, rings)] * over_symbols
        for avoid_symbols, pass_rings in passes:
            missing = np.asarray(wanted, bool) & np.isnan(rects[:, 0])
            if not missing.any():
                break
            blocked = [np.reshape(self.blocked, (-1, 4)), np.reshape(taken, (-1, 4))]
            blocked.append(rects[~np.isnan(rects[:, 0])])
            more, _ = place_point_labels(
                nodes["xy"],
                nodes["size_mm"] * self.scale,
                nodes["radius_mm"] * self.scale,
                [i for i in order if missing[i]],
                self.bounds,
                blocked=np.vstack(blocked),
                gap=0.4 * self.scale,
                step=2.5 * self.scale,
                rings=pass_rings,
                avoid_symbols=avoid_symbols,
            )
            rects[missing] = more[missing]
        return rects

    def place_arrows(self, arrows, wanted, nodes, node_rects):
        """Arrow labels, biggest flows first, clear of the symbols and the names."""
        radius = nodes["radius_mm"] * self.scale
        symbols = np.column_stack([nodes["xy"] - radius[:, None], nodes["xy"] + radius[:, None]])
        names = node_rects[~np.isnan(node_rects[:, 0])]
        blocked = np.vstack([symbols, names, np.asarray(self.blocked, float).reshape(-1, 4)])
        sizes = arrows["size_mm"] * self.scale
        candidates = []
        for stops, (_, h) in zip(arrows["stops"], sizes):
            shift = h / 2 + 0.5 * self.scale  # on the arrow, else just above or below it
            candidates.append(
                np.vstack([stops, stops + (0, shift), stops - (0, shift)]).reshape(-1, 2)
            )
        order = [i for i in np.argsort(-arrows["weight"], kind="stable") if wanted[i]]
        return place_at_candidates(candidates, sizes, order, self.bounds, blocked)

    def record(self, rects, fids, values, show, x, y, lower_left):
        """Placed rectangles into the print fields: the lower-left corner of the text for
        names (drawn left- and bottom-aligned), the centre for arrow labels."""
        halo = map_print.HALO_MM * self.scale
        for rect, fid in zip(rects, fids):
            if np.isnan(rect[0]):
                continue
            if lower_left:
                values[fid].update({show: 1, x: rect[0] + halo, y: rect[1] + halo})
            else:
                cx, cy = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
                values[fid].update({show: 1, x: cx, y: cy})


class ExportMapAlgorithm(SymbiosisAlgorithm):
    """After a run, the instance keeps what it drew, for tests and scripts: ``labelling``
    (labels per export and map item, from QGIS's labelling results), ``placement``
    (names on the map and in the inset, the inset's window), ``scales`` (map units per mm
    of each map item) and ``table_rows`` (rows listed, rows in all)."""

    ALG_ID = "exportmap"
    GROUP_ID = "maps"
    ARROWS = "ARROWS"
    NODES = "NODES"
    BACKGROUND = "BACKGROUND"
    TEMPLATE = "TEMPLATE"
    TITLE = "TITLE"
    ADD_TO_PROJECT = "ADD_TO_PROJECT"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_PNG = "OUTPUT_PNG"
    SOURCES = "SOURCES"
    LANGUAGE = "LANGUAGE"
    ENTERPRISES = "ENTERPRISES"

    def flags(self):
        # layouts and rendering belong to the main thread
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def displayName(self):
        return tr("Export symbiosis map")

    def help_text(self):
        general = tr(
            "Builds a print layout of the symbiosis diagram from a template (A4 or A3 "
            "landscape): the map, a title, a legend (material colours and tonnage width "
            "classes), a scale bar, a north arrow, a table of the exchanges, the data sources "
            "and the date; exports it to PDF and PNG. Runs headless (qgis_process). The "
            "layout is also added to the project, so it can be edited before printing.\n\n"
            "Arrows and enterprises: the outputs of 'Draw symbiosis diagram' (styled for print "
            "if they are not already). Background layers (roads, rails...) are drawn "
            "beneath."
        )
        labels = tr(
            "Language: every text on the page (title, legend, table, scale bar, sources, "
            "labels) in one language, the interface's by default. Enterprise names come "
            "from name_ru / name of the enterprise layer when it is given; a name that "
            "exists only in the other language is transliterated, never mixed in. "
            "Enterprise names never overlap: each is placed beside its symbol, moved out "
            "with a leader line where the symbols crowd; when the node is too dense for the "
            "page, an inset map enlarges its densest part. Arrow labels that find no room "
            "are left out; the table lists every arrow (tonnes before energy units)."
        )
        return f"{general}\n\n{labels}"

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.ARROWS, tr("Symbiosis arrows"), [QgsProcessing.TypeVectorLine]
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.NODES, tr("Symbiosis enterprises"), [QgsProcessing.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.BACKGROUND,
                tr("Background layers"),
                QgsProcessing.TypeVectorAnyGeometry,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.TEMPLATE,
                tr("Page"),
                options=[tr("A4 landscape"), tr("A3 landscape")],
                defaultValue=0,
            )
        )
        self.addParameter(
            # empty: the default title in the map's language
            QgsProcessingParameterString(
                self.TITLE, tr("Title"), defaultValue=tr(DEFAULT_TITLE), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ADD_TO_PROJECT, tr("Add the layout to the project"), defaultValue=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_PDF, tr("Map (PDF)"), tr("PDF files (*.pdf)")
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SOURCES,
                tr("Data sources printed on the map (default: from the layers' metadata)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_PNG, tr("Map (PNG)"), tr("PNG files (*.png)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LANGUAGE,
                tr("Language of the map"),
                # each language named in itself, as language menus do
                options=[tr("Language of the QGIS interface"), "English", "Русский"],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.ENTERPRISES,
                tr("Enterprises (their name_ru and name, for the labels)"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )

    def map_language(self, parameters, context):
        language = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        language = language or user_locale()
        return language if language in ("en", "ru") else "en"

    def processAlgorithm(self, parameters, context, feedback):
        arrows = self.parameterAsVectorLayer(parameters, self.ARROWS, context)
        nodes = self.parameterAsVectorLayer(parameters, self.NODES, context)
        if arrows is None or nodes is None:
            name = self.ARROWS if arrows is None else self.NODES
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        background = self.parameterAsLayerList(parameters, self.BACKGROUND, context)
        # the parameter and the layer, as the user chose it: "Symbiosis arrows (roads)"
        arrows_label = f"{self.parameterDefinition(self.ARROWS).description()} ({arrows.name()})"
        nodes_label = f"{self.parameterDefinition(self.NODES).description()} ({nodes.name()})"
        require_geometry_type(arrows, [QgsWkbTypes.LineGeometry], arrows_label)
        require_geometry_type(nodes, [QgsWkbTypes.PointGeometry], nodes_label)
        require_crs(arrows, arrows_label)
        require_crs(nodes, nodes_label)
        for layer in background:
            require_crs(layer, layer.name())
        pdf = prepare_output_file(self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context))
        png = self.parameterAsFileOutput(parameters, self.OUTPUT_PNG, context)
        if png:
            prepare_output_file(png)
        language = self.map_language(parameters, context)
        text = MapText(language)
        enterprises = self.parameterAsVectorLayer(parameters, self.ENTERPRISES, context)
        if enterprises is not None:  # names by ent_id: the id and at least one name
            label = f"{self.parameterDefinition(self.ENTERPRISES).description()} "
            label += f"({enterprises.name()})"
            require_fields(enterprises, ["ent_id"], label)
            if not {"name", "name_ru"} & set(enterprises.fields().names()):
                require_fields(enterprises, ["name_ru", "name"], label)
        sources = self.parameterAsString(parameters, self.SOURCES, context).strip()
        sources = sources or sources_from_metadata([arrows, nodes, *background], text)
        # qgis_process runs without a project: lay out in the (empty) project instance
        project = context.project() or QgsProject.instance()
        template = TEMPLATES[self.parameterAsEnum(parameters, self.TEMPLATE, context)]
        title = self.parameterAsString(parameters, self.TITLE, context)
        if title.strip() in ("", DEFAULT_TITLE, tr(DEFAULT_TITLE)):
            title = text(DEFAULT_TITLE)  # the default, in the map's language
        feedback.setProgressText(tr("Laying out the map ({})").format(language))
        # print copies: styled for print, never the user's own layers
        font_scale = FONT_SCALES[self.parameterAsEnum(parameters, self.TEMPLATE, context)]
        print_nodes, print_arrows = self._print_copies(
            nodes, arrows, language, text, names_from_enterprises(enterprises), font_scale
        )
        layers = [print_nodes, print_arrows] + [print_copy(b) for b in background]
        layout = load_template(project, template)
        self._fill(layout, layers, arrows, title, sources, text=text)
        self._place_labels(layout, print_nodes, print_arrows, arrows.crs(), font_scale)
        self._fit_table(layout, text, arrows.name())
        if feedback.isCanceled():
            return {}
        feedback.setProgress(40)
        results = {}
        exporter = QgsLayoutExporter(layout)
        pdf_settings = QgsLayoutExporter.PdfExportSettings()
        pdf_settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText  # searchable
        status = exporter.exportToPdf(pdf, pdf_settings)
        if status != QgsLayoutExporter.Success:
            raise QgsProcessingException(tr("Could not write the PDF {}").format(pdf))
        self.labelling = {"pdf": labels_by_map(layout, exporter)}
        results[self.OUTPUT_PDF] = pdf
        if feedback.isCanceled():
            return results
        feedback.setProgress(70)
        if png:
            settings = QgsLayoutExporter.ImageExportSettings()
            settings.dpi = 150
            if exporter.exportToImage(png, settings) != QgsLayoutExporter.Success:
                raise QgsProcessingException(tr("Could not write the PNG {}").format(png))
            self.labelling["png"] = labels_by_map(layout, exporter)
            results[self.OUTPUT_PNG] = png
        if context.project() is not None and self.parameterAsBool(
            parameters, self.ADD_TO_PROJECT, context
        ):
            self._add_to_project(
                project, template, arrows, nodes, background, title, sources, text
            )
        feedback.setProgress(100)
        return results

    def _print_copies(self, nodes, arrows, language, text, names_by_id, font_scale=1.0):
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

    def _place_labels(self, layout, print_nodes, print_arrows, crs, font_scale=1.0):
        """Enterprise names, then arrow labels, placed clear of each other and of the symbols
        (core.map_labels); the names that find no room send their crowd to an inset map."""
        map_item = item(layout, "map", QgsLayoutItemMap)
        scale = map_units_per_mm(map_item)
        nodes = node_table(print_nodes, crs, font_scale)
        arrows = arrow_table(print_arrows, crs, font_scale)
        blocked_items = [layout.itemById(i) for i in ("north", "scalebar")]
        blocked_items = [b for b in blocked_items if b is not None]
        main_view = LabelView(map_item, [item_rect_in_map(map_item, b) for b in blocked_items])
        for blocker in blocked_items:
            map_item.addLabelBlockingItem(blocker)
        # a first pass on the main map finds the names with no room near their symbol
        # (two rings out): their crowd is enlarged; the inset covers part of the map, so the
        # names it crowds out in turn join the crowd (a few rounds)
        everyone = np.ones(len(nodes["fids"]), bool)
        first = main_view.place_nodes(nodes, everyone, rings=CROWD_RINGS, further=False)
        crowded = np.isnan(first[:, 0]) | touching(
            nodes["xy"], nodes["radius_mm"] * scale, TOUCH_MM * scale
        )
        frame = window = None
        for _ in range(3):
            found = self._inset_frame(map_item, nodes["xy"], crowded, scale, main_view.blocked)
            if found[0] is None:
                break
            frame, window = found
            view = LabelView(map_item, [*main_view.blocked, frame])
            outside = ~np.array([within(p, window) for p in nodes["xy"]], bool).reshape(-1)
            still = outside & np.isnan(view.place_nodes(nodes, outside)[:, 0])
            if not still.any() or ((crowded | still) == crowded).all():
                break
            crowded = crowded | still
        inset_item = None
        if frame is not None:
            inset_item = self._add_inset(layout, map_item, frame, window, scale)
            main_view.blocked.append(frame)
        in_window = np.array(
            [window is not None and within(p, window) for p in nodes["xy"]], bool
        ).reshape(-1)
        arrow_in_window = np.array(
            [window is not None and within(p, window) for p in arrows["middle"]], bool
        ).reshape(-1)
        node_rects = main_view.place_nodes(nodes, ~in_window)
        inset_rects = np.full_like(node_rects, np.nan)
        if inset_item is not None:
            inset_view = LabelView(inset_item, [])
            inset_rects = inset_view.place_nodes(nodes, in_window)
        # names with no room in the inset go on the main map, with a leader line; only
        # then, as a last resort, over another symbol
        for over_symbols in (False, True):
            left = np.isnan(node_rects[:, 0]) & np.isnan(inset_rects[:, 0])
            if not left.any():
                break
            placed = node_rects[~np.isnan(node_rects[:, 0])]
            more = main_view.place_nodes(nodes, left, over_symbols=over_symbols, taken=placed)
            node_rects[left] = more[left]
        arrow_rects = main_view.place_arrows(arrows, ~arrow_in_window, nodes, node_rects)
        node_values = {
            fid: {"m_show": 0, "i_show": 0, "mx": None, "my": None, "ix": None, "iy": None}
            for fid in nodes["fids"]
        }
        arrow_values = {
            fid: {"a_show": 0, "b_show": 0, "ax": None, "ay": None, "bx": None, "by": None}
            for fid in arrows["fids"]
        }
        main_view.record(node_rects, nodes["fids"], node_values, "m_show", "mx", "my", True)
        main_view.record(arrow_rects, arrows["fids"], arrow_values, "a_show", "ax", "ay", False)
        inset_nodes = inset_arrows = 0
        if inset_item is not None:
            inset_arrow_rects = inset_view.place_arrows(
                arrows, arrow_in_window, nodes, inset_rects
            )
            inset_view.record(inset_rects, nodes["fids"], node_values, "i_show", "ix", "iy", True)
            inset_view.record(
                inset_arrow_rects, arrows["fids"], arrow_values, "b_show", "bx", "by", False
            )
            inset_nodes = int(np.sum(~np.isnan(inset_rects[:, 0])))
            inset_arrows = int(np.sum(~np.isnan(inset_arrow_rects[:, 0])))
        map_print.set_values(print_nodes, node_values)
        map_print.set_values(print_arrows, arrow_values)
        self.scales = {"map": scale}  # map units per mm of each map item
        if inset_item is not None:
            self.scales["inset"] = map_units_per_mm(inset_item)
        self.placement = {
            "enterprises": len(nodes["fids"]),
            "names_on_map": int(np.sum(~np.isnan(node_rects[:, 0]))),
            "names_in_inset": inset_nodes,
            "arrows": len(arrows["fids"]),
            "arrow_labels_on_map": int(np.sum(~np.isnan(arrow_rects[:, 0]))),
            "arrow_labels_in_inset": inset_arrows,
            "inset": window,
            "unlabelled": [
                print_nodes.getFeature(fid)["map_label"]
                for fid, v in node_values.items()
                if not (v["m_show"] or v["i_show"])
            ],
        }

    def _inset_frame(self, map_item, xy, crowded, scale, blocked=()):
        """(frame, window) in map units: the inset map of the crowd of symbols whose names
        found no room, in the map corner that hides fewest symbols (never over the crowd
        itself); (None, None) when no name is crowded out or the inset would not enlarge
        enough."""
        width_mm = map_item.rect().width() * INSET_SHARE
        height_mm = map_item.rect().height() * INSET_SHARE
        window = inset_window(
            xy, crowded, MIN_GAP_MM * scale, width_mm / height_mm, width_mm * scale / MIN_ZOOM
        )
        if window is None:
            return None, None
        widest = width_mm * scale / MAX_ZOOM
        if window[2] - window[0] < widest:
            grow = widest / (window[2] - window[0])
            cx, cy = (window[0] + window[2]) / 2, (window[1] + window[3]) / 2
            half_w, half_h = (window[2] - window[0]) * grow / 2, (window[3] - window[1]) * grow / 2
            window = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
        extent = map_item.extent()
        w, h = width_mm * scale, height_mm * scale
        margin = 2 * scale
        corners = [  # lower-left corners of the frame in map units, top ones first
            (extent.xMinimum() + margin, extent.yMaximum() - margin - h),
            (extent.xMaximum() - margin - w, extent.yMaximum() - margin - h),
            (extent.xMinimum() + margin, extent.yMinimum() + margin),
            (extent.xMaximum() - margin - w, extent.yMinimum() + margin),
        ]
        for k, (x0, y0) in enumerate(corners):  # moved clear of the north arrow, scale bar
            for b in blocked:
                if x0 < b[2] and x0 + w > b[0] and y0 < b[3] and y0 + h > b[1]:
                    y0 = b[1] - margin - h if k < 2 else b[3] + margin
            corners[k] = (x0, y0)
        best, best_hidden = None, None
        for x0, y0 in corners:
            frame = (x0, y0, x0 + w, y0 + h)
            if not (
                frame[2] < window[0]
                or frame[0] > window[2]
                or frame[3] < window[1]
                or frame[1] > window[3]
            ):
                continue  # it would hide what it enlarges
            hidden = sum(within(p, frame) for p in xy)
            if best is None or hidden < best_hidden:
                best, best_hidden = frame, hidden
        if best is None:
            return None, None
        pad = 0.5 * scale
        return (best[0] - pad, best[1] - pad, best[2] + pad, best[3] + pad), window

    def _add_inset(self, layout, map_item, frame, window, scale):
        """The inset map item at ``frame`` showing ``window``; the main map outlines the
        window."""
        extent = map_item.extent()
        pad = 0.5 * scale
        best = (frame[0] + pad, frame[1] + pad, frame[2] - pad, frame[3] - pad)
        width_mm, height_mm = (best[2] - best[0]) / scale, (best[3] - best[1]) / scale
        inset = QgsLayoutItemMap(layout)
        inset.setId("inset")
        layout.addLayoutItem(inset)
        left = map_item.pos().x() + (best[0] - extent.xMinimum()) / scale
        top = map_item.pos().y() + (extent.yMaximum() - best[3]) / scale
        inset.attemptMove(QgsLayoutPoint(left, top, QgsUnitTypes.LayoutMillimeters))
        inset.attemptResize(QgsLayoutSize(width_mm, height_mm, QgsUnitTypes.LayoutMillimeters))
        inset.setFrameEnabled(True)
        inset.setFrameStrokeWidth(QgsLayoutMeasurement(0.4))
        inset.setBackgroundEnabled(True)
        inset.setCrs(map_item.crs())
        inset.setLayers(map_item.layers())
        inset.setKeepLayerSet(True)
        inset.setExtent(QgsRectangle(*window))
        inset.setZValue(map_item.zValue() + 1)
        overview = QgsLayoutItemMapOverview("inset", map_item)
        overview.setLinkedMap(inset)
        overview.setFrameSymbol(
            QgsFillSymbol.createSimple(
                {
                    "color": "0,0,0,0",
                    "outline_color": "40,40,40,255",
                    "outline_width": "0.35",
                    "outline_style": "dash",
                }
            )
        )
        map_item.overviews().addOverview(overview)
        return inset

    def _fill(self, layout, layers, arrows, title, sources, own_legend=True, text=tr):
        map_item = item(layout, "map", QgsLayoutItemMap)
        map_item.setLayers(layers)
        map_item.setKeepLayerSet(True)  # else the map shows the project's layers
        map_item.setCrs(arrows.crs())
        # both extents in the map's CRS: the diagram's outputs may come in different CRSs
        extent = extent_in(layers[0], arrows.crs())
        extent.combineExtentWith(extent_in(layers[1], arrows.crs()))
        map_item.setExtent(
            fit_to_frame(
                extent.buffered(max(extent.width(), extent.height()) * 0.06), map_item.rect()
            )
        )
        item(layout, "title", QgsLayoutItemLabel).setText(title)
        legend = item(layout, "legend", QgsLayoutItemLegend)
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
        north = item(layout, "north", QgsLayoutItemPicture)
        north.setPicturePath(str(resource_path("icons", "north.svg")))
        item(layout, "sources", QgsLayoutItemLabel).setText(
            text(PAGE["sources"]).format(
                sources=sources.rstrip("."), date=date.today().isoformat()
            )
        )
        table = next(
            (f for f in layout.multiFrames() if isinstance(f, QgsLayoutItemAttributeTable)), None
        )
        if table is not None:
            frame = item(layout, "table", QgsLayoutFrame)
            # the table shares the legend's column in the templates (its own frame is sized
            # by its content here)
            frame_size = QgsLayoutSize(
                legend.sizeWithUnits().width(), frame.sizeWithUnits().height()
            )
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

    def _fit_table(self, layout, text, layer_name):
        """Legend as tall as its entries; the table below it, its font shrunk (down to a
        readable size) until every row fits; else the largest rows of each unit, and a line
        under the table saying how many and where the rest are."""
        legend = item(layout, "legend", QgsLayoutItemLegend)
        frame = item(layout, "table", QgsLayoutFrame)
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
        self.table_rows = (total, total)
        if fits():
            return
        note_height = 4.0 * size / 5.5
        frame.attemptResize(QgsLayoutSize(width, bottom - top - note_height, mm))
        shown = total
        table.setFilterFeatures(True)
        while shown > 1 and not fits():
            shown -= 1  # the largest of each unit in turn (row_rank), listed by unit
            table.setFeatureFilter(f'"row_rank" < {shown}')
            table.refresh()
        self.table_rows = (shown, total)
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

    def _add_to_project(
        self, project, template, arrows, nodes, background, title, sources, text=tr
    ):
        """A layout in the project on the project's own layers, for editing before print."""
        if project.mapLayer(arrows.id()) is None or project.mapLayer(nodes.id()) is None:
            return  # layers that are not in the project cannot stay in its layout
        layout = self._fill(
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


def labels_by_map(layout, exporter):
    """{map item id: [(text, (xmin, ymin, xmax, ymax), ent_id or None), ...]}: the labels
    drawn in the last export, from QGIS's labelling results (what the collision and
    language tests read); ent_id for enterprise names, None for arrow labels."""
    results = exporter.labelingResults()
    found = {}
    for map_item in (i for i in layout.items() if isinstance(i, QgsLayoutItemMap)):
        result = results.get(map_item.uuid())
        if result is None:
            continue
        layers = {layer.id(): layer for layer in map_item.layers()}
        labels = []
        for label in result.allLabels():
            if label.isUnplaced:
                continue
            layer = layers.get(label.layerID)
            ent_id = None
            if layer is not None and "ent_id" in layer.fields().names():
                ent_id = layer.getFeature(label.featureId)["ent_id"]
            rect = label.labelRect
            box = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
            labels.append((label.labelText, box, ent_id))
        found[map_item.id()] = labels
    return found
