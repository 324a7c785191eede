"""symbiosis:drawdiagram — the symbiosis diagram on the map: curved arrows and symbols."""

import math

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.diagram import diagram_tables
from ..core.inputs import normalise_ids, numeric_column
from ..i18n import tr
from .base import SymbiosisAlgorithm
from .layer_io import core_errors, enterprise_lonlat, fields_of, require_fields, source_to_frame
from .styling import apply_style_on_load

LANGUAGES = ["ru", "en"]  # enum order: append only
ARROW_FIELDS = [
    ("supply_ent", QVariant.String),
    ("demand_ent", QVariant.String),
    ("material", QVariant.String),
    ("category", QVariant.String),
    ("quantity", QVariant.Double),
    ("qty_unit", QVariant.String),
    ("width_class", QVariant.Int),
    ("label", QVariant.String),
    ("supply_name", QVariant.String),
    ("demand_name", QVariant.String),
]
NODE_FIELDS = [
    ("ent_id", QVariant.String),
    ("label", QVariant.String),
    ("sector", QVariant.String),
    ("sector_group", QVariant.String),
    ("throughput", QVariant.Double),
    ("size_class", QVariant.Int),
]


def metric_crs(source_crs, lon):
    """The layer's own CRS when projected; else the UTM zone of the data (northern zones)."""
    if not source_crs.isGeographic():
        return source_crs
    zone = int(math.floor((lon + 180) / 6)) + 1
    return QgsCoordinateReferenceSystem(f"EPSG:{32600 + zone}")


class DrawDiagramAlgorithm(SymbiosisAlgorithm):
    ALG_ID = "drawdiagram"
    GROUP_ID = "maps"
    LINKS = "LINKS"
    ENTERPRISES = "ENTERPRISES"
    MODE = "MODE"
    LANGUAGE = "LANGUAGE"
    SPACING = "SPACING"
    NODES = "NODES"
    MATERIALS = "MATERIALS"
    OUTPUT = "OUTPUT"
    OUTPUT_NODES = "OUTPUT_NODES"

    def displayName(self):
        return tr("Draw symbiosis diagram")

    def help_text(self):
        return tr(
            "Draws the symbiosis network on the map: a curved arrow from each waste's source "
            "to its user (width by tonnage class, colour by material category, labelled with "
            "material and quantity) and a symbol for each enterprise (icon by sector, size by "
            "throughput, labelled with its name).\n\n"
            "Links: chosen exchanges, routed links or candidates (tonnage, else potential, "
            "gives the width). Geographic mode draws between the real positions; schematic "
            "mode spreads the enterprises of a dense node at least Spacing apart, each as near "
            "its real position as it can, so every arrow is readable. Flows between the same "
            "two enterprises bend apart; opposite flows bend to opposite sides. Labels in "
            "Russian or English. Industrial nodes, when given, keep the exchanges with both "
            "ends in those nodes. Both outputs load styled, also inside a model."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LINKS,
                tr("Links (exchanges, routed links or candidates)"),
                [QgsProcessing.TypeVector],
            )
        )
        self.add_enterprises_input()
        self.add_materials_input()
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MODE, tr("Mode"), options=[tr("Geographic"), tr("Schematic")], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LANGUAGE,
                tr("Label language"),
                options=[tr("Russian"), tr("English")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SPACING,
                tr("Schematic spacing between enterprises, m"),
                QgsProcessingParameterNumber.Double,
                2500.0,
                minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.NODES,
                tr("Only exchanges within these industrial nodes (comma-separated)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Symbiosis arrows"), QgsProcessing.TypeVectorLine
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_NODES, tr("Symbiosis enterprises"), QgsProcessing.TypeVectorPoint
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        links_src = self.source(parameters, self.LINKS, context)
        ents_src = self.source(parameters, self.ENTERPRISES, context)
        links_label = tr("Links")
        require_fields(links_src, ["supply_ent", "demand_ent"], links_label)
        ents, crs = self._enterprise_xy(ents_src, context, feedback)
        if ents is None:  # canceled while reading
            return {}
        links = source_to_frame(links_src, feedback, progress_span=(10, 30))
        if feedback.isCanceled():
            return {}
        with core_errors():
            for column in ("tonnage", "potential"):
                if column in links.columns:  # widths and labels need real, non-negative numbers
                    links[column] = numeric_column(links, column, links_label, minimum=0.0)
        materials = self.materials(parameters, context, feedback)
        language = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        schematic = self.parameterAsEnum(parameters, self.MODE, context) == 1
        nodes_wanted = [
            n.strip()
            for n in self.parameterAsString(parameters, self.NODES, context).split(",")
            if n.strip()
        ]
        if nodes_wanted and "node" in ents.columns:
            inside = set(ents.loc[ents["node"].isin(nodes_wanted), "ent_id"])
            links = normalise_ids(links, ("supply_ent", "demand_ent"))
            links = links[links["supply_ent"].isin(inside) & links["demand_ent"].isin(inside)]
        feedback.setProgressText(tr("Laying out the diagram"))
        arrows, nodes = diagram_tables(
            links,
            ents,
            language=language,
            schematic=schematic,
            min_separation=self.parameterAsDouble(parameters, self.SPACING, context),
            materials=materials,
            is_canceled=feedback.isCanceled,
        )
        if feedback.isCanceled():
            return {}
        feedback.setProgress(60)
        arrows_id = self.write_records(
            parameters,
            self.OUTPUT,
            context,
            fields_of(ARROW_FIELDS),
            arrows.to_dict("records"),
            QgsWkbTypes.LineString,
            crs,
            geometry=lambda r: QgsGeometry.fromPolylineXY(
                [QgsPointXY(x, y) for x, y in r["coords"]]
            ),
            feedback=feedback,
            progress_span=(60, 90),
        )
        nodes_id = self.write_records(
            parameters,
            self.OUTPUT_NODES,
            context,
            fields_of(NODE_FIELDS),
            nodes.to_dict("records"),
            QgsWkbTypes.Point,
            crs,
            geometry=lambda r: QgsGeometry.fromPointXY(QgsPointXY(r["x"], r["y"])),
            feedback=feedback,
            progress_span=(90, 100),
        )
        if feedback.isCanceled():
            return {}
        apply_style_on_load(context, arrows_id, "diagram_arrows.qml")
        apply_style_on_load(context, nodes_id, "diagram_nodes.qml")
        feedback.pushInfo(tr("{0} arrows between {1} enterprises").format(len(arrows), len(nodes)))
        return {self.OUTPUT: arrows_id, self.OUTPUT_NODES: nodes_id}

    def _enterprise_xy(self, source, context, feedback):
        """Enterprise table with x, y in a metric CRS (the layer's, or a UTM zone)."""
        label = tr("Enterprises")
        lonlat, points = enterprise_lonlat(source, context, feedback, (0, 10), layer_label=label)
        if feedback.isCanceled():
            return None, None
        frame = source_to_frame(source)
        frame["ent_id"] = lonlat["ent_id"].to_numpy()  # checked, ids as text
        crs = metric_crs(source.sourceCrs(), source.sourceExtent().center().x())
        to_metric = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        metric = {ent_id: to_metric.transform(point) for ent_id, point in points.items()}
        frame["x"] = frame["ent_id"].map({k: p.x() for k, p in metric.items()})
        frame["y"] = frame["ent_id"].map({k: p.y() for k, p in metric.items()})
        return frame, crs
