"""symbiosis:exportmap — a print layout of the symbiosis diagram, exported to PDF and PNG."""

from datetime import date

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsLayerTree,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
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
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtXml import QDomDocument

from ..i18n import tr
from ..paths import resource_path
from .base import SymbiosisAlgorithm
from .layer_io import prepare_output_file, require_crs, require_geometry_type
from .styling import style_layer

TEMPLATES = ["symbiosis_a4.qpt", "symbiosis_a3.qpt"]  # enum order: append only
TABLE_FIELDS = ["supply_name", "demand_name", "label"]
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


def sources_from_metadata(layers):
    """The layers' own statement of their sources: attribution, rights and licences from
    their metadata, each once; the layer names when none says anything."""
    found = []
    for layer in layers:
        metadata = layer.metadata()
        for text in [layer.attribution(), *metadata.rights(), *metadata.licenses()]:
            text = (text or "").strip()
            if text and text not in found:
                found.append(text)
    if found:
        return "; ".join(found)
    return tr("layers {names} (their metadata names no source)").format(
        names=", ".join(f"'{layer.name()}'" for layer in layers)
    )


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


class ExportMapAlgorithm(SymbiosisAlgorithm):
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

    def flags(self):
        # layouts and rendering belong to the main thread
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def displayName(self):
        return tr("Export symbiosis map")

    def help_text(self):
        return tr(
            "Builds a print layout of the symbiosis diagram from a template (A4 or A3 "
            "landscape): the map, a title, a legend (material colours and tonnage width "
            "classes), a scale bar, a north arrow, a table of the exchanges, the data sources "
            "and the date; exports it to PDF and PNG. Runs headless (qgis_process). The "
            "layout is also added to the project, so it can be edited before printing.\n\n"
            "Arrows and enterprises: the outputs of 'Draw symbiosis diagram' (styled for print "
            "if they are not already). Background layers (roads, rails...) are drawn "
            "beneath."
        )

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
            QgsProcessingParameterString(
                self.TITLE,
                tr("Title"),
                defaultValue=tr("Potential symbiosis links of the industrial node"),
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
        sources = self.parameterAsString(parameters, self.SOURCES, context).strip()
        sources = sources or sources_from_metadata([arrows, nodes, *background])
        # qgis_process runs without a project: lay out in the (empty) project instance
        project = context.project() or QgsProject.instance()
        # print copies: styled for print, never the user's own layers
        layers = [styled_copy(nodes), styled_copy(arrows)] + [print_copy(b) for b in background]
        template = TEMPLATES[self.parameterAsEnum(parameters, self.TEMPLATE, context)]
        title = self.parameterAsString(parameters, self.TITLE, context)
        layout = self._fill(load_template(project, template), layers, arrows, title, sources)
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
        results[self.OUTPUT_PDF] = pdf
        if feedback.isCanceled():
            return results
        if png:
            settings = QgsLayoutExporter.ImageExportSettings()
            settings.dpi = 150
            if exporter.exportToImage(png, settings) != QgsLayoutExporter.Success:
                raise QgsProcessingException(tr("Could not write the PNG {}").format(png))
            results[self.OUTPUT_PNG] = png
        if context.project() is not None and self.parameterAsBool(
            parameters, self.ADD_TO_PROJECT, context
        ):
            self._add_to_project(project, template, arrows, nodes, background, title, sources)
        feedback.setProgress(100)
        return results

    def _fill(self, layout, layers, arrows, title, sources, own_legend=True):
        map_item = item(layout, "map", QgsLayoutItemMap)
        map_item.setLayers(layers)
        map_item.setKeepLayerSet(True)  # else the map shows the project's layers
        map_item.setCrs(arrows.crs())
        # both extents in the map's CRS: the diagram's outputs may come in different CRSs
        extent = extent_in(layers[0], arrows.crs())
        extent.combineExtentWith(extent_in(layers[1], arrows.crs()))
        map_item.setExtent(
            fit_to_frame(
                extent.buffered(max(extent.width(), extent.height()) * 0.04), map_item.rect()
            )
        )
        item(layout, "title", QgsLayoutItemLabel).setText(title)
        legend = item(layout, "legend", QgsLayoutItemLegend)
        legend.setTitle(tr("Legend"))
        if own_legend:  # print copies: a legend tree of their own, kept alive with the layout
            legend.setAutoUpdateModel(False)
            root = QgsLayerTree()
            for layer in layers[:2]:
                root.addLayer(layer)
            legend.model().setRootGroup(root)
            layout._symbiosis_keep = (root, layers)
        else:
            legend.setAutoUpdateModel(True)
        north = item(layout, "north", QgsLayoutItemPicture)
        north.setPicturePath(str(resource_path("icons", "north.svg")))
        item(layout, "sources", QgsLayoutItemLabel).setText(
            tr("Data: {sources}. Exchanges computed by symbiosis_qgis. Date: {date}").format(
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
            fields = [f for f in TABLE_FIELDS if f in layers[1].fields().names()]
            table.setDisplayedFields(fields)
            headers = {
                "supply_name": tr("From"),
                "demand_name": tr("To"),
                "label": tr("Material and quantity"),
            }
            width = frame_size.width()
            columns = table.columns()
            for column in columns:
                column.setHeading(headers.get(column.attribute(), column.attribute()))
                column.setWidth(width / max(len(columns), 1) - 4)
            table.setColumns(columns)
            biggest = QgsLayoutTableColumn()
            biggest.setAttribute("quantity")
            biggest.setSortOrder(Qt.DescendingOrder)
            table.setSortColumns([biggest])
            table.setWrapBehavior(QgsLayoutTable.WrapText)
            table.refresh()
            frame.attemptResize(frame_size)
        layout.refresh()
        return layout

    def _add_to_project(self, project, template, arrows, nodes, background, title, sources):
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
        )
        name = title
        manager = project.layoutManager()
        k = 1
        while manager.layoutByName(name) is not None:
            k += 1
            name = f"{title} ({k})"
        layout.setName(name)
        manager.addLayout(layout)
