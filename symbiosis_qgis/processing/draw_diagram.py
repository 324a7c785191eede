"""symbiosis:drawdiagram — the symbiosis diagram on the map: curved arrows and symbols."""

import math

import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.diagram import QUANTITY_SCALES, build_diagram, human_quantity
from ..core.inputs import id_text, normalise_ids, numeric_column, require_unique_ids
from ..core.text import format_number
from ..i18n import tr, user_locale
from .base import SymbiosisAlgorithm
from .layer_io import (
    ENTERPRISE_GEOMETRIES,
    core_errors,
    enterprise_lonlat,
    features_with_progress,
    fields_of,
    plain_value,
    require_crs,
    require_fields,
    require_geometry_type,
    source_to_frame,
)
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
    # added with bundling and parks (exportmap reads the fields above; never rename them)
    ("n_suppliers", QVariant.Int),
    ("suppliers", QVariant.String),
    ("kind", QVariant.String),
]
NODE_FIELDS = [
    ("ent_id", QVariant.String),
    ("label", QVariant.String),
    ("sector", QVariant.String),
    ("sector_group", QVariant.String),
    ("throughput", QVariant.Double),
    ("size_class", QVariant.Int),
    ("role", QVariant.String),
    ("tenants", QVariant.String),
]
PARK_LINK_FIELDS = ["ent_id", "site_id", "material", "amount", "unit"]
PARK_AMOUNT_FIELDS = ["tonnes", "gas_th_m3", "heat_gj"]
UNIT_ORDER = list(QUANTITY_SCALES)


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
    BUNDLE = "BUNDLE"
    TOP_N = "TOP_N"
    PARKS = "PARKS"
    SUPPLY_LINKS = "SUPPLY_LINKS"
    OUTPUT = "OUTPUT"
    OUTPUT_NODES = "OUTPUT_NODES"

    def displayName(self):
        return tr("Draw symbiosis diagram")

    def help_text(self):
        return tr(
            "Draws the symbiosis network on the map: a curved arrow from each waste's source "
            "to its user (width by quantity class, colour by material category, labelled with "
            "material and quantity) and a symbol for each enterprise (icon by sector, size by "
            "throughput, labelled with its name).\n\n"
            "Links: chosen exchanges, routed links or candidates (tonnage, else potential, "
            "gives the width). Geographic mode draws between the real positions; schematic "
            "mode spreads the enterprises of a dense node at least Spacing apart, each as near "
            "its real position as it can, so every arrow is readable. Flows between the same "
            "two enterprises bend apart; opposite flows bend to opposite sides. Labels in "
            "Russian or English. Industrial nodes, when given, keep the exchanges with both "
            "ends in those nodes. Both outputs load styled, also inside a model.\n\n"
            "Bundle parallel arrows: the arrows of one material into one consumer become one "
            "arrow with the summed quantity, the number of suppliers and their names "
            '("12 mines: 3.4 Mt/yr"), drawn from the suppliers\' quantity-weighted centre '
            "(moved out to half their mean distance when it falls near the consumer); "
            "quantities in different units are never added up, and a single supplier's arrow "
            "stays as it is. Off by default so that saved models keep their picture; the "
            "print model turns it on.\n\n"
            "Largest links only: keeps that many arrows (after bundling), the largest by "
            "annual benefit (RUB per year, the benefit field of optimised exchanges) when "
            "every link has one, else the largest of each unit in turn, so tonnes are never "
            "compared with cubic metres or gigajoules; the log says what was left out. 0 "
            "keeps all. The outputs hold exactly what the map shows.\n\n"
            "Eco-industrial parks: the Parks and Supply links outputs of Site eco-industrial "
            "parks draw each park as a node of its own (labelled with its name and what it "
            "takes in) with its supply arrows, coloured and sized like the exchanges. Park "
            "arrows are always all drawn. With parks, Links may be left empty: a park map."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LINKS,
                tr("Links (exchanges, routed links or candidates)"),
                [QgsProcessing.TypeVector],
                optional=True,  # a park map needs none; without parks a run refuses to start
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
            QgsProcessingParameterBoolean(
                self.BUNDLE,
                tr("Bundle parallel arrows of one material into one consumer"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TOP_N,
                tr("Largest links only (0 = all)"),
                QgsProcessingParameterNumber.Integer,
                0,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PARKS,
                tr("Eco-industrial parks (Parks output of Site eco-industrial parks)"),
                [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SUPPLY_LINKS,
                tr("Park supply links (Supply links output of Site eco-industrial parks)"),
                [QgsProcessing.TypeVector],
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
        links_src = self.source(parameters, self.LINKS, context, optional=True)
        ents_src = self.source(parameters, self.ENTERPRISES, context)
        links_label = tr("Links")
        if links_src is None and not parameters.get(self.PARKS):
            raise QgsProcessingException(
                tr("Give the links to draw (exchanges, routed links or candidates), or parks")
            )
        if links_src is not None:
            require_fields(links_src, ["supply_ent", "demand_ent"], links_label)
        ents, crs = self._enterprise_xy(ents_src, context, feedback)
        if ents is None:  # canceled while reading
            return {}
        links = (
            source_to_frame(links_src, feedback, progress_span=(10, 30))
            if links_src is not None
            else pd.DataFrame(columns=["supply_ent", "demand_ent", "supply_mat", "tonnage"])
        )
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
        parks, park_links = self._parks(parameters, context, feedback, crs, ents)
        if feedback.isCanceled():
            return {}
        if nodes_wanted and "node" in ents.columns:
            inside = set(ents.loc[ents["node"].isin(nodes_wanted), "ent_id"])
            links = normalise_ids(links, ("supply_ent", "demand_ent"))
            links = links[links["supply_ent"].isin(inside) & links["demand_ent"].isin(inside)]
            if park_links is not None:  # a park stays when a supplier inside feeds it
                park_links = park_links[park_links["ent_id"].isin(inside)]
                parks = parks[parks["site_id"].isin(set(park_links["site_id"]))]
        feedback.setProgressText(tr("Laying out the diagram"))
        diagram = build_diagram(
            links,
            ents,
            language=language,
            schematic=schematic,
            min_separation=self.parameterAsDouble(parameters, self.SPACING, context),
            materials=materials,
            is_canceled=feedback.isCanceled,
            bundle=self.parameterAsBoolean(parameters, self.BUNDLE, context),
            top_n=self.parameterAsInt(parameters, self.TOP_N, context),
            parks=parks,
            park_links=park_links,
        )
        arrows, nodes = diagram.arrows, diagram.nodes
        self._report(diagram, feedback)
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

    def _report(self, diagram, feedback):
        """Say in words what the diagram leaves out: links without positions, and top N."""
        language = user_locale()
        if diagram.unplaced_links:
            feedback.pushWarning(
                tr(
                    "{0} links left off the diagram: their supplier or consumer is not in the "
                    "enterprises (or parks) layer or has no geometry"
                ).format(format_number(diagram.unplaced_links, language=language))
            )
        omitted = diagram.omitted
        if not omitted.arrows:
            return
        amounts = ", ".join(
            human_quantity(quantity, unit, language)
            # tonnes first, then the catalogue's other units, then any unit of the data
            for unit, quantity in sorted(
                omitted.quantity.items(),
                key=lambda item: (
                    UNIT_ORDER.index(item[0]) if item[0] in UNIT_ORDER else 9,
                    item[0],
                ),
            )
        )
        if omitted.ranked_by == "value":
            feedback.pushInfo(
                tr(
                    "Largest links only: {arrows} arrows ({links} links) left out, ranked by "
                    "annual benefit; together {amounts}, benefit {value} million RUB per year"
                ).format(
                    arrows=format_number(omitted.arrows, language=language),
                    links=format_number(omitted.links, language=language),
                    amounts=amounts,
                    value=format_number(omitted.value / 1e6, 1, language),
                )
            )
        else:
            feedback.pushInfo(
                tr(
                    "Largest links only: {arrows} arrows ({links} links) left out, the largest "
                    "of each unit kept in turn; together {amounts}"
                ).format(
                    arrows=format_number(omitted.arrows, language=language),
                    links=format_number(omitted.links, language=language),
                    amounts=amounts,
                )
            )
        if omitted.tie_cut:
            feedback.pushInfo(
                tr(
                    "An arrow left out is as large as the last one kept: the tie was broken by "
                    "the order of the links"
                )
            )

    def _parks(self, parameters, context, feedback, crs, ents):
        """siteparks' PARKS (site_id, name, amounts, tenants, x, y in ``crs``) and
        SUPPLY_LINKS as frames, or (None, None) when no parks are given."""
        parks_src = self.source(parameters, self.PARKS, context, optional=True)
        links_src = self.source(parameters, self.SUPPLY_LINKS, context, optional=True)
        parks_label, links_label = tr("Eco-industrial parks"), tr("Park supply links")
        if parks_src is None:
            if links_src is not None:
                raise QgsProcessingException(
                    tr(
                        "Park supply links were given without the parks they lead to: give "
                        "the Parks output of Site eco-industrial parks too"
                    )
                )
            return None, None
        require_fields(parks_src, ["site_id"], parks_label)
        require_geometry_type(parks_src, ENTERPRISE_GEOMETRIES, parks_label)
        require_crs(parks_src, parks_label)
        to_metric = QgsCoordinateTransform(parks_src.sourceCrs(), crs, context.transformContext())
        names = parks_src.fields().names()
        rows = []
        for feature in features_with_progress(parks_src, feedback, (30, 35)):
            row = {name: plain_value(feature[name]) for name in names}
            row["site_id"] = id_text(row["site_id"])
            row["_fid"] = feature.id()
            row["x"] = row["y"] = float("nan")
            geom = feature.geometry()
            if not geom.isNull() and not geom.isEmpty():
                point = geom.pointOnSurface().asPoint()
                try:
                    metric = to_metric.transform(point)
                except QgsCsException as err:
                    raise QgsProcessingException(
                        tr("Layer '{layer}': feature {fid} cannot be transformed to {crs}").format(
                            layer=parks_label, fid=feature.id(), crs=crs.authid()
                        )
                    ) from err
                row["x"], row["y"] = metric.x(), metric.y()
            rows.append(row)
        parks = pd.DataFrame(rows, columns=names + ["_fid", "x", "y"])
        with core_errors():
            require_unique_ids(parks, "site_id", parks_label)
            for column in PARK_AMOUNT_FIELDS:
                if column in parks.columns:
                    parks[column] = numeric_column(parks, column, parks_label, minimum=0.0)
        clash = sorted(set(parks["site_id"]) & set(ents["ent_id"]))
        if clash:
            raise QgsProcessingException(
                tr(
                    "Layer '{layer}': site_id {ids} is also an enterprise's ent_id; a park and "
                    "an enterprise cannot share an id on one diagram"
                ).format(layer=parks_label, ids=", ".join(clash[:5]))
            )
        if links_src is None:
            return parks, None
        require_fields(links_src, PARK_LINK_FIELDS, links_label)
        # attributes only: a supplier standing on its park gives a zero-length line, which
        # the geometry check would refuse, and the diagram draws its own arrows anyway
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        rows = []
        for feature in links_src.getFeatures(
            request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks
        ):
            if feedback.isCanceled():
                return None, None
            rows.append([plain_value(feature[name]) for name in PARK_LINK_FIELDS] + [feature.id()])
        park_links = pd.DataFrame(rows, columns=PARK_LINK_FIELDS + ["_fid"])
        park_links = normalise_ids(park_links, ("ent_id", "site_id"))
        with core_errors():
            park_links["amount"] = numeric_column(park_links, "amount", links_label, minimum=0.0)
        unknown = ~park_links["site_id"].isin(set(parks["site_id"]))
        if unknown.any():
            raise QgsProcessingException(
                tr(
                    "Layer '{layer}', field site_id: features {fids} lead to parks that are not "
                    "in the parks layer; give the Parks output of the same run"
                ).format(
                    layer=links_label,
                    fids=", ".join(map(str, park_links.loc[unknown, "_fid"].head(5))),
                )
            )
        return parks, park_links

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
