"""symbiosis:exportmap — a print layout of the symbiosis diagram, exported to PDF and PNG.

The algorithm only: its parameters, their checks and the exports. The layout is built in
map_layout.py (print copies, page, table, the project's layout) and map_placement.py (labels,
inset map).
"""

from qgis.core import (
    QgsFeatureRequest,
    QgsLayoutExporter,
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
    QgsRenderContext,
    QgsWkbTypes,
)

from ..core.text import QT_TRANSLATE_NOOP
from ..i18n import tr, user_locale
from .base import SymbiosisAlgorithm
from .layer_io import prepare_output_file, require_crs, require_fields, require_geometry_type
from .map_layout import (
    add_layout_to_project,
    fill_layout,
    fit_legend_and_table,
    load_template,
    names_from_enterprises,
    print_copies,
    print_copy,
    sources_from_metadata,
)
from .map_placement import labels_by_map, place_labels
from .map_print import MapText

TEMPLATES = ["symbiosis_a4.qpt", "symbiosis_a3.qpt"]  # enum order: append only
FONT_SCALES = [1.0, 1.35]  # per template, as tools/make_layouts.py scales its fonts
LANGUAGES = ["", "en", "ru"]  # enum order: append only; "": the QGIS interface's
# the default title, translated into the map's language (MapText), not the interface's
DEFAULT_TITLE = QT_TRANSLATE_NOOP("@default", "Potential symbiosis links of the industrial node")
PARK_TITLE = QT_TRANSLATE_NOOP("@default", "Eco-industrial parks: sites, tenants and supplies")


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
            "and the date; exports it to PDF and PNG. Runs headless (qgis_process). When the "
            "arrows and enterprises are layers of the open project, the layout is also added "
            "to the project (Add the layout to the project), so it can be edited before "
            "printing.\n\n"
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
            "are left out; the table lists the arrows largest first, tonnes before energy "
            "and volumes, and says how many did not fit."
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
                [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
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
        title = map_title(self.parameterAsString(parameters, self.TITLE, context), arrows, text)
        feedback.setProgressText(tr("Laying out the map ({})").format(language))
        # print copies: styled for print, never the user's own layers
        font_scale = FONT_SCALES[self.parameterAsEnum(parameters, self.TEMPLATE, context)]
        print_nodes, print_arrows = print_copies(
            nodes, arrows, language, text, names_from_enterprises(enterprises), font_scale
        )
        layers = [print_nodes, print_arrows] + [print_copy(b) for b in background]
        layout = load_template(project, template)
        fill_layout(layout, layers, arrows, title, sources, text=text)
        self.placement, self.scales = place_labels(
            layout, print_nodes, print_arrows, arrows.crs(), font_scale
        )
        self.table_rows = fit_legend_and_table(layout, text, arrows.name())
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
            add_layout_to_project(
                project, template, arrows, nodes, background, title, sources, text
            )
        feedback.setProgress(100)
        return results


def only_park_arrows(arrows):
    """True when every arrow feeds a park: drawdiagram's park arrows (kind "park") or
    siteparks' supply links (they carry site_id)."""
    names = arrows.fields().names()
    if "kind" not in names:
        return "site_id" in names
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    kinds = {
        feature["kind"]
        for feature in arrows.getFeatures(request.setSubsetOfAttributes(["kind"], arrows.fields()))
    }
    return kinds == {"park"}


def map_title(title, arrows, text):
    """The page title: the user's, or (empty or the untranslated default) the default in the
    map's language, which for a map of parks only is the park-map title."""
    if title.strip() in ("", DEFAULT_TITLE, tr(DEFAULT_TITLE)):
        return text(PARK_TITLE if only_park_arrows(arrows) else DEFAULT_TITLE)
    return title
