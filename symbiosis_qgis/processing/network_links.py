"""symbiosis:networklinks — cheapest road, rail or road+rail route for every candidate."""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
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

from ..core.definitions import ROUTING
from ..core.inputs import normalise_ids
from ..core.network import (
    LINK_COLUMNS,
    OSM_HIGHWAY_FACTORS,
    OSM_RAILWAYS,
    REASONS,
    CanceledError,
    Lines,
    build_network,
    estimated_links,
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
    points_lonlat,
    qgis_value,
    require_crs,
    require_fields,
    require_geometry_type,
    source_to_frame,
    write_features,
)
from .network_io import line_wkb, read_lines, transform_xy, whole_layer
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


def _osm_tags(values, key):
    """One OSM tag per feature, from its own field or from GDAL's other_tags
    ('"key"=>"value"'); values: {field: one value per feature} as read_lines gives."""
    if key in values:
        return values[key]
    marker = f'"{key}"=>"'
    return [
        tags.split(marker, 1)[1].split('"', 1)[0] if tags and marker in tags else None
        for tags in values.get("other_tags", [])
    ]


def _lines_kept(coords, sizes, feature_of_part, keep_feature):
    """The parts of the features kept, as Lines, and the feature of each."""
    keep = np.asarray(keep_feature, bool)[feature_of_part]
    return Lines(coords[np.repeat(keep, sizes)], sizes[keep]), feature_of_part[keep]


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
    DETOUR = "DETOUR"
    MATERIALS = "MATERIALS"
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
            "maximum distance). Flows moving by pipeline or heat main are not routed: "
            "'Optimise exchanges' prices them per unit-km of pipe, routed or not.\n\n"
            "Without a road layer (or with an empty one) every candidate is costed by the "
            "straight distance x Detour factor at the road tariff, mode 'estimated', so the "
            "chain still runs in a region without network data; the log says so."
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
        self.add_materials_input()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ROADS,
                tr("Roads (none: straight distance x detour factor)"),
                [QgsProcessing.TypeVectorLine],
                optional=True,
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
            (self.ROAD_COST, tr("Road tariff, RUB per t-km"), ROUTING.road_cost),
            (self.RAIL_COST, tr("Rail tariff, RUB per t-km"), ROUTING.rail_cost),
            (
                self.HANDLING_COST,
                tr("Handling at each road-rail transfer, RUB per t"),
                ROUTING.handling_cost,
            ),
            (
                self.DETOUR,
                tr("Detour factor of straight distances when there is no road layer"),
                ROUTING.detour,
            ),
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
                ROUTING.max_km,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SNAP_TOLERANCE,
                tr("Snap tolerance: enterprise to road, m"),
                QgsProcessingParameterNumber.Double,
                ROUTING.snap_tolerance_m,
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
        roads_src = self.source(parameters, self.ROADS, context, optional=True)
        rails_src = self.source(parameters, self.RAILS, context, optional=True)
        terms_src = self.source(parameters, self.TERMINALS, context, optional=True)
        require_fields(cands_src, ["supply_ent", "demand_ent"], tr("Candidates"))
        require_fields(ents_src, ["ent_id"], tr("Enterprises"))
        for source, kind, label in [
            (roads_src, QgsWkbTypes.LineGeometry, tr("Roads")),
            (rails_src, QgsWkbTypes.LineGeometry, tr("Railways")),
            (terms_src, QgsWkbTypes.PointGeometry, tr("Road-rail terminals")),
        ]:
            if source is not None:
                require_geometry_type(source, [kind], label)
                require_crs(source, label)
        require_crs(ents_src, tr("Enterprises"))
        road_cost = self.parameterAsDouble(parameters, self.ROAD_COST, context)
        rail_cost = self.parameterAsDouble(parameters, self.RAIL_COST, context)
        handling = self.parameterAsDouble(parameters, self.HANDLING_COST, context)
        try:
            class_costs = parse_class_costs(
                self.parameterAsString(parameters, self.CLASS_COSTS, context)
            )
        except ValueError as err:
            raise QgsProcessingException(tr("Road tariff per class: {}").format(err)) from err

        materials = self.materials(parameters, context, feedback)
        if roads_src is None or roads_src.featureCount() == 0:
            return self._estimate(parameters, context, feedback, cands_src, ents_src, materials)
        feedback.setProgressText(tr("Reading the network"))
        road_lines, classes = self._road_lines(parameters, context, roads_src, feedback)
        if not len(road_lines.sizes):
            raise QgsProcessingException(tr("The road layer has no usable lines"))
        rail_lines = Lines(np.zeros((0, 2)), np.zeros(0, np.int64))
        if rails_src is not None and not feedback.isCanceled():
            rail_lines = self._rail_lines(parameters, context, rails_src, feedback)
        if feedback.isCanceled():
            return {}
        terminals = points_lonlat(terms_src, context) if terms_src is not None else None
        feedback.setProgress(15)
        if feedback.isCanceled():
            return {}
        feedback.setProgressText(tr("Building the graph"))
        rates = road_rates(classes, road_cost, class_costs)
        try:
            network = build_network(
                road_lines,
                rates,
                rail_lines,
                rail_cost,
                terminals,
                handling,
                merge_tolerance_m=self.parameterAsDouble(
                    parameters, self.MERGE_TOLERANCE, context
                ),
                is_canceled=feedback.isCanceled,
            )
        except CanceledError:
            return {}
        feedback.pushInfo(
            tr("Graph: {0} nodes, {1} edges, {2} terminals linked").format(
                network.nodes, network.edges, network.terminals_linked
            )
        )
        feedback.setProgress(25)

        feedback.setProgressText(tr("Reading enterprises and candidates"))
        ents, points = enterprise_lonlat(ents_src, context, feedback, (25, 27))
        cands = normalise_ids(
            source_to_frame(cands_src, feedback, progress_span=(27, 30)),
            ("supply_ent", "demand_ent"),
        )
        if feedback.isCanceled():
            return {}
        feedback.setProgressText(tr("Routing"))
        if default_engine() == "numba":
            feedback.pushInfo(tr("Shortest paths: compiled engine (numba)"))
        else:
            feedback.pushInfo(
                tr(
                    "Shortest paths: scipy engine. Installing numba in QGIS's "
                    "Python makes routing about six times faster"
                )
            )
        links, paths = route_candidates(
            network,
            cands,
            ents,
            off_network=off_network_modes(materials),
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

    def _estimate(self, parameters, context, feedback, cands_src, ents_src, materials):
        """No road network: straight distance x detour at the road tariff, said in the log."""
        detour = self.parameterAsDouble(parameters, self.DETOUR, context)
        feedback.pushWarning(
            tr(
                "No road layer: links are costed by straight distance x {0:g} at the road "
                "tariff (mode 'estimated'), not routed"
            ).format(detour)
        )
        ents, points = enterprise_lonlat(ents_src, context, feedback, (0, 40))
        cands = source_to_frame(cands_src, feedback, progress_span=(40, 60))
        if feedback.isCanceled():
            return {}
        links, paths = estimated_links(
            cands,
            ents,
            off_network_modes(materials),
            road_rate=self.parameterAsDouble(parameters, self.ROAD_COST, context),
            detour=detour,
        )
        return self._write(
            parameters, context, feedback, cands_src, ents_src, links, paths, points
        )

    def _road_lines(self, parameters, context, roads_src, feedback):
        """Road parts as Lines and the class of each (OSM: highways only)."""
        names = roads_src.fields().names()
        class_field = self.parameterAsString(parameters, self.ROAD_CLASS_FIELD, context)
        osm = "highway" in names
        if not class_field and osm:
            class_field = "highway"
        coords, sizes, feature_of_part, values = read_lines(
            roads_src,
            context,
            feedback,
            fields=[name for name in (class_field, "highway" if osm else None) if name],
            layer_label=tr("Roads"),
            progress_span=(0, 12),
            whole_layer=whole_layer(self, parameters, self.ROADS, context),
        )
        lines = Lines(coords, sizes)
        if osm:
            keep = [tag in OSM_HIGHWAY_FACTORS for tag in values["highway"]]
            lines, feature_of_part = _lines_kept(coords, sizes, feature_of_part, keep)
        if not class_field:
            return lines, [None] * len(lines.sizes)
        classes = np.asarray(values[class_field], dtype=object)
        return lines, classes[feature_of_part]

    def _rail_lines(self, parameters, context, rails_src, feedback):
        """Rail parts as Lines (OSM: railway=rail, light_rail, narrow_gauge, industrial)."""
        names = rails_src.fields().names()
        osm = [name for name in ("railway", "other_tags") if name in names]
        coords, sizes, feature_of_part, values = read_lines(
            rails_src,
            context,
            feedback,
            fields=osm,
            layer_label=tr("Railways"),
            progress_span=(12, 14),
            whole_layer=whole_layer(self, parameters, self.RAILS, context),
        )
        if not osm:
            return Lines(coords, sizes)
        keep = [tag in OSM_RAILWAYS for tag in _osm_tags(values, "railway")]
        return _lines_kept(coords, sizes, feature_of_part, keep)[0]

    def _write(self, parameters, context, feedback, cands_src, ents_src, links, paths, points):
        feedback.setProgressText(tr("Writing the links"))
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
        layer_paths = _paths_in_layer_crs(paths, to_layer)
        names = fields.names()
        records = links.to_dict("records")

        def features():
            for k, record in enumerate(records):
                record["reason"] = tr(REASONS[record["reason"]]) if record["reason"] else ""
                feature = QgsFeature(fields)
                feature.setAttributes([qgis_value(record.get(n)) for n in names])
                if layer_paths[k] is not None:
                    geometry = QgsGeometry()
                    geometry.fromWkb(line_wkb(layer_paths[k]))
                    feature.setGeometry(geometry)
                elif record["supply_ent"] in points and record["demand_ent"] in points:
                    # unreachable: a straight line keeps it on the map (styled as unreachable)
                    feature.setGeometry(
                        QgsGeometry.fromPolylineXY(
                            [points[record["supply_ent"]], points[record["demand_ent"]]]
                        )
                    )
                yield feature

        if not write_features(
            sink, features(), tr("Routed links"), feedback, len(records), (90, 100)
        ):
            return {}
        routed = int(links["reachable"].sum())
        unreachable = len(links) - routed
        feedback.pushInfo(tr("{0} candidates routed, {1} unreachable").format(routed, unreachable))
        apply_style_on_load(context, dest_id, "links.qml")
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, "ROUTED": routed, "UNREACHABLE": unreachable}


def _paths_in_layer_crs(paths, to_layer):
    """The lon/lat paths in the output layer's CRS, all vertices in one transform."""
    routed = [k for k, path in enumerate(paths) if path is not None]
    out = [None] * len(paths)
    if not routed:
        return out
    xy = np.concatenate([paths[k] for k in routed])
    if not to_layer.isShortCircuited():
        xy = transform_xy(xy, to_layer, tr("Routed links"))
    ends = np.cumsum([len(paths[k]) for k in routed])
    for k, part in zip(routed, np.split(xy, ends[:-1])):
        out[k] = part
    return out
