"""symbiosis:drawdiagram — the symbiosis diagram on the map: curved arrows and symbols."""

import math

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.diagram import diagram_tables
from ..i18n import tr
from .base import SymbiosisAlgorithm
from .layer_io import plain_value, qgis_value, require_fields, source_to_frame
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


def fields_of(spec):
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, kind))
    return fields


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
        require_fields(links_src, ["supply_ent", "demand_ent"], tr("Links"))
        require_fields(ents_src, ["ent_id"], tr("Enterprises"))
        ents, crs = self._enterprise_xy(ents_src, context)
        links = source_to_frame(links_src, feedback, progress_span=(0, 30))
        language = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        schematic = self.parameterAsEnum(parameters, self.MODE, context) == 1
        nodes_wanted = [
            n.strip()
            for n in self.parameterAsString(parameters, self.NODES, context).split(",")
            if n.strip()
        ]
        if nodes_wanted and "node" in ents.columns:
            inside = set(ents.loc[ents["node"].isin(nodes_wanted), "ent_id"])
            links = links[
                links["supply_ent"].astype(str).isin(inside)
                & links["demand_ent"].astype(str).isin(inside)
            ]
        arrows, nodes = diagram_tables(
            links,
            ents,
            language=language,
            schematic=schematic,
            min_separation=self.parameterAsDouble(parameters, self.SPACING, context),
        )
        feedback.setProgress(60)
        arrows_id = self._write(
            parameters,
            context,
            self.OUTPUT,
            ARROW_FIELDS,
            QgsWkbTypes.LineString,
            crs,
            arrows.to_dict("records"),
            lambda r: QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in r["coords"]]),
        )
        nodes_id = self._write(
            parameters,
            context,
            self.OUTPUT_NODES,
            NODE_FIELDS,
            QgsWkbTypes.Point,
            crs,
            nodes.to_dict("records"),
            lambda r: QgsGeometry.fromPointXY(QgsPointXY(r["x"], r["y"])),
        )
        apply_style_on_load(context, arrows_id, "diagram_arrows.qml")
        apply_style_on_load(context, nodes_id, "diagram_nodes.qml")
        feedback.pushInfo(tr("{0} arrows between {1} enterprises").format(len(arrows), len(nodes)))
        return {self.OUTPUT: arrows_id, self.OUTPUT_NODES: nodes_id}

    def _enterprise_xy(self, source, context):
        """Enterprise table with x, y in a metric CRS (the layer's, or a UTM zone)."""
        frame = source_to_frame(source)
        extent = source.sourceExtent()
        crs = metric_crs(source.sourceCrs(), extent.center().x())
        to_metric = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        xs, ys = {}, {}
        for feature in source.getFeatures():
            geom = feature.geometry()
            if geom.isNull() or geom.isEmpty():
                continue
            point = (
                geom.asPoint()
                if geom.type() == QgsWkbTypes.PointGeometry and not geom.isMultipart()
                else geom.pointOnSurface().asPoint()
            )
            point = to_metric.transform(point)
            key = str(plain_value(feature["ent_id"]))
            xs[key], ys[key] = point.x(), point.y()
        frame["ent_id"] = frame["ent_id"].astype(str)
        frame["x"] = frame["ent_id"].map(xs)
        frame["y"] = frame["ent_id"].map(ys)
        return frame, crs

    def _write(self, parameters, context, name, spec, wkb, crs, records, geometry):
        fields = fields_of(spec)
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        for record in records:
            feature = QgsFeature(fields)
            feature.setAttributes([qgis_value(record.get(n)) for n, _ in spec])
            feature.setGeometry(geometry(record))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id
