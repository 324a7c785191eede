"""symbiosis:networklinks — cheapest road, rail or road+rail route for every candidate."""

import numpy as np
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
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.catalogue import load_materials
from ..core.network import (
    LINK_COLUMNS,
    OSM_HIGHWAY_FACTORS,
    OSM_RAILWAYS,
    REASONS,
    build_network,
    off_network_modes,
    parse_class_costs,
    road_rates,
    route_candidates,
)
from ..core.shortest_paths import default_engine
from ..i18n import tr
from .base import SymbiosisAlgorithm
from .layer_io import (
    enterprise_lonlat,
    line_parts_lonlat,
    plain_value,
    points_lonlat,
    qgis_value,
    require_fields,
    source_to_frame,
)
from .styling import apply_style_on_load

LINK_TYPES = {
    "cand_id": QVariant.LongLong,
    "transfers": QVariant.Int,
    "reachable": QVariant.Bool,
    "supply_ent": QVariant.String,
    "demand_ent": QVariant.String,
    "mode": QVariant.String,
    "reason": QVariant.String,
}


def link_fields(candidate_fields):
    """The link columns first, then the candidate's own fields (kept for later steps)."""
    fields = QgsFields()
    for name in LINK_COLUMNS:
        fields.append(QgsField(name, LINK_TYPES.get(name, QVariant.Double)))
    for field in candidate_fields:
        if field.name() not in LINK_COLUMNS and field.name() != "fid":
            fields.append(QgsField(field))
    return fields


def _osm_value(feature, key):
    """An OSM tag from its own field or from GDAL's other_tags ('"key"=>"value"')."""
    names = feature.fields().names()
    if key in names:
        return plain_value(feature[key])
    if "other_tags" in names:
        tags = plain_value(feature["other_tags"]) or ""
        marker = f'"{key}"=>"'
        if marker in tags:
            return tags.split(marker, 1)[1].split('"', 1)[0]
    return None


class NetworkLinksAlgorithm(SymbiosisAlgorithm):
    ALG_ID = "networklinks"
    GROUP_ID = "analysis"
    CANDIDATES = "CANDIDATES"
    ENTERPRISES = "ENTERPRISES"
    ROADS = "ROADS"
    RAILS = "RAILS"
    TERMINALS = "TERMINALS"
    ROAD_COST = "ROAD_COST"
    RAIL_COST = "RAIL_COST"
    HANDLING_COST = "HANDLING_COST"
    ROAD_CLASS_FIELD = "ROAD_CLASS_FIELD"
    CLASS_COSTS = "CLASS_COSTS"
    MAX_DISTANCE = "MAX_DISTANCE"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    MERGE_TOLERANCE = "MERGE_TOLERANCE"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return tr("Route candidates over road and rail")

    def help_text(self):
        return tr(
            "Finds the cheapest route of every candidate exchange over the road network, the "
            "rail network, or road to a terminal, rail and road again, and draws it.\n\n"
            "Cost per tonne = road km x road tariff (per class when a class field or OSM "
            "highway tags are present) + rail km x rail tariff + handling at each road-rail "
            "transfer. Lines are joined where they share a vertex; Merge tolerance also joins "
            "vertices closer than it. Enterprises attach to their nearest road vertex within "
            "the snap tolerance (the access leg counts as road). OSM data: pass the 'lines' "
            "layer of a .osm/.osm.pbf file as roads (highway tags) and as rails (railway "
            "tags). Distances are geodesic on WGS 84 whatever the layer CRS.\n\n"
            "Every candidate stays in the output: unreachable ones with reachable = false and "
            "a reason (too far from the network, disconnected part of the network, beyond the "
            "maximum distance). Flows moving by pipeline or heat main are not routed."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CANDIDATES,
                tr("Candidates (supply_ent, demand_ent)"),
                [QgsProcessing.TypeVector],
            )
        )
        self.add_enterprises_input()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ROADS, tr("Roads"), [QgsProcessing.TypeVectorLine]
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.RAILS, tr("Railways"), [QgsProcessing.TypeVectorLine], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.TERMINALS,
                tr("Road-rail terminals"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        for name, label, default in [
            (self.ROAD_COST, tr("Road tariff, RUB per t-km"), 6.0),
            (self.RAIL_COST, tr("Rail tariff, RUB per t-km"), 1.5),
            (self.HANDLING_COST, tr("Handling at each road-rail transfer, RUB per t"), 150.0),
        ]:
            self.addParameter(
                QgsProcessingParameterNumber(
                    name, label, QgsProcessingParameterNumber.Double, default, minValue=0.0
                )
            )
        self.addParameter(
            QgsProcessingParameterField(
                self.ROAD_CLASS_FIELD,
                tr("Road class field (OSM 'highway' is used when present)"),
                parentLayerParameterName=self.ROADS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CLASS_COSTS,
                tr("Road tariff per class, e.g. trunk=5.4, track=11"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_DISTANCE,
                tr("Maximum network distance, km"),
                QgsProcessingParameterNumber.Double,
                300.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SNAP_TOLERANCE,
                tr("Snap tolerance: enterprise to road, m"),
                QgsProcessingParameterNumber.Double,
                5000.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MERGE_TOLERANCE,
                tr("Merge vertices closer than, m (0: shared vertices only)"),
                QgsProcessingParameterNumber.Double,
                0.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Routed links"), QgsProcessing.TypeVectorLine
            )
        )
        self.addOutput(QgsProcessingOutputNumber("ROUTED", tr("Candidates routed")))
        self.addOutput(QgsProcessingOutputNumber("UNREACHABLE", tr("Candidates unreachable")))

    def processAlgorithm(self, parameters, context, feedback):
        cands_src = self.source(parameters, self.CANDIDATES, context)
        ents_src = self.source(parameters, self.ENTERPRISES, context)
        roads_src = self.source(parameters, self.ROADS, context)
        rails_src = self.source(parameters, self.RAILS, context, optional=True)
        terms_src = self.source(parameters, self.TERMINALS, context, optional=True)
        require_fields(cands_src, ["supply_ent", "demand_ent"], tr("Candidates"))
        require_fields(ents_src, ["ent_id"], tr("Enterprises"))
        road_cost = self.parameterAsDouble(parameters, self.ROAD_COST, context)
        rail_cost = self.parameterAsDouble(parameters, self.RAIL_COST, context)
        handling = self.parameterAsDouble(parameters, self.HANDLING_COST, context)
        try:
            class_costs = parse_class_costs(
                self.parameterAsString(parameters, self.CLASS_COSTS, context)
            )
        except ValueError as err:
            raise QgsProcessingException(tr("Road tariff per class: {}").format(err)) from err

        feedback.setProgressText(tr("Reading the network"))
        road_parts, classes = self._road_parts(parameters, context, roads_src, feedback)
        if not road_parts:
            raise QgsProcessingException(tr("The road layer has no usable lines"))
        rail_parts = []
        if rails_src is not None:
            rail_parts, _ = line_parts_lonlat(
                rails_src,
                context,
                feedback,
                keep=lambda f: (
                    _osm_value(f, "railway") in OSM_RAILWAYS
                    if "railway" in f.fields().names() or "other_tags" in f.fields().names()
                    else True
                ),
            )
        terminals = points_lonlat(terms_src, context) if terms_src is not None else None
        feedback.setProgress(15)
        if feedback.isCanceled():
            return {}
        feedback.setProgressText(tr("Building the graph"))
        rates = road_rates(classes, road_cost, class_costs)
        network = build_network(
            road_parts,
            rates,
            rail_parts,
            rail_cost,
            terminals,
            handling,
            merge_tolerance_m=self.parameterAsDouble(parameters, self.MERGE_TOLERANCE, context),
        )
        feedback.pushInfo(
            tr("Graph: {0} nodes, {1} edges, {2} terminals linked").format(
                network.nodes, network.edges, network.terminals_linked
            )
        )
        feedback.setProgress(25)

        ents, points = enterprise_lonlat(ents_src, context)
        cands = source_to_frame(cands_src)
        feedback.setProgressText(tr("Routing"))
        if default_engine() == "numba":
            feedback.pushInfo(tr("Shortest paths: compiled engine (numba)"))
        else:
            feedback.pushInfo(
                tr(
                    "Shortest paths: scipy engine. Installing numba in QGIS's "
                    "Python makes routing about three times faster"
                )
            )
        links, paths = route_candidates(
            network,
            cands,
            ents,
            off_network=off_network_modes(load_materials()),
            road_rate=road_cost,
            max_km=self.parameterAsDouble(parameters, self.MAX_DISTANCE, context),
            snap_tolerance_m=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            max_rate=max(float(np.max(rates)), rail_cost),
            handling_cost=handling,
            progress=lambda p: feedback.setProgress(25 + 0.65 * p),
            is_canceled=feedback.isCanceled,
        )
        if feedback.isCanceled():
            return {}
        return self._write(
            parameters, context, feedback, cands_src, ents_src, links, paths, points
        )

    def _road_parts(self, parameters, context, roads_src, feedback):
        names = roads_src.fields().names()
        class_field = self.parameterAsString(parameters, self.ROAD_CLASS_FIELD, context)
        osm = "highway" in names
        if not class_field and osm:
            class_field = "highway"
        keep = (lambda f: _osm_value(f, "highway") in OSM_HIGHWAY_FACTORS) if osm else None
        return line_parts_lonlat(
            roads_src, context, feedback, attribute=class_field or None, keep=keep
        )

    def _write(self, parameters, context, feedback, cands_src, ents_src, links, paths, points):
        fields = link_fields(cands_src.fields())
        crs = ents_src.sourceCrs()
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.LineString, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        to_layer = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4326"), crs, context.transformContext()
        )
        names = fields.names()
        for _k, (record, path) in enumerate(zip(links.to_dict("records"), paths)):
            if feedback.isCanceled():
                break
            record["reason"] = tr(REASONS[record["reason"]]) if record["reason"] else ""
            feature = QgsFeature(fields)
            feature.setAttributes([qgis_value(record.get(n)) for n in names])
            if path is not None:
                feature.setGeometry(
                    QgsGeometry.fromPolylineXY(
                        [to_layer.transform(QgsPointXY(x, y)) for x, y in path]
                    )
                )
            elif record["supply_ent"] in points and record["demand_ent"] in points:
                # unreachable: a straight line keeps it on the map (styled as unreachable)
                feature.setGeometry(
                    QgsGeometry.fromPolylineXY(
                        [points[record["supply_ent"]], points[record["demand_ent"]]]
                    )
                )
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        routed = int(links["reachable"].sum())
        unreachable = len(links) - routed
        feedback.pushInfo(tr("{0} candidates routed, {1} unreachable").format(routed, unreachable))
        apply_style_on_load(context, dest_id, "links.qml")
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, "ROUTED": routed, "UNREACHABLE": unreachable}
