"""symbiosis:findcandidates — partners within reach whose demand a catalogue rule can serve."""

import os
import sqlite3

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsProviderRegistry,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.candidates import CANDIDATE_COLUMNS, LONLAT, find_candidates
from ..core.catalogue import CatalogueError, load_synergies
from ..core.definitions import MATERIAL_CATEGORIES
from ..core.geodesy import geodesic_circle
from ..core.inputs import check_flows, id_texts, require_unique_ids
from ..core.validation import FID, FLOW_REQUIRED
from ..i18n import tr
from .base import SymbiosisAlgorithm
from .gpkg_bulk import append_lines, gpkg_destination, python_values
from .gpkg_read import read_points, read_table
from .layer_io import (
    ENTERPRISE_GEOMETRIES,
    core_errors,
    enterprise_lonlat,
    require_crs,
    require_fields,
    require_geometry_type,
    source_to_frame,
    transform_to_wgs84,
    write_features,
)
from .network_io import transform_xy, whole_layer
from .styling import apply_style_on_load

# Supply material categories offered as a filter, in core.definitions' order (append only
# there: saved models store indices).
CATEGORY_CODES = list(MATERIAL_CATEGORIES)

BULK_ROWS = 10_000  # from this many candidates a GeoPackage output is written in bulk
# field types SQLite returns as QGIS does (text, real, integer); others are read by QGIS
PLAIN_TYPES = (QVariant.String, QVariant.Double, QVariant.Int, QVariant.LongLong)
SHARED_COLUMNS = (  # fields whose values repeat together: written once per combination
    ("supply_ent", "supply_flow", "supply_mat", "supply_qty", "supply_unit", "supply_node"),
    ("demand_ent", "demand_flow", "demand_mat", "demand_qty", "demand_node"),
    ("rule_id", "radius_km", "unit", "reach_mode"),
)

TEXT_COLUMNS = {
    "supply_ent",
    "demand_ent",
    "supply_flow",
    "demand_flow",
    "supply_mat",
    "demand_mat",
    "rule_id",
    "supply_unit",
    "unit",
    "supply_node",
    "demand_node",
    "reach_mode",
}


def candidate_fields():
    fields = QgsFields()
    for name in CANDIDATE_COLUMNS:
        if name == "cand_id":
            kind = QVariant.LongLong
        elif name in TEXT_COLUMNS:
            kind = QVariant.String
        else:
            kind = QVariant.Double
        fields.append(QgsField(name, kind))
    return fields


def category_labels():
    return [tr(label) for label, _ in MATERIAL_CATEGORIES.values()]


class FindCandidatesAlgorithm(SymbiosisAlgorithm):
    ALG_ID = "findcandidates"
    GROUP_ID = "analysis"
    ENTERPRISES = "ENTERPRISES"
    FLOWS = "FLOWS"
    SYNERGIES = "SYNERGIES"
    DISTANCE = "DISTANCE"
    CATEGORIES = "CATEGORIES"
    MATERIALS = "MATERIALS"
    NODES = "NODES"
    ALLOW_INTERNAL = "ALLOW_INTERNAL"
    OUTPUT = "OUTPUT"
    BUFFERS = "BUFFERS"

    def displayName(self):
        return tr("Find partner candidates")

    def help_text(self):
        return tr(
            "For every supply flow (waste or by-product), finds the enterprises within reach "
            "whose demand a catalogue rule says it can serve, and draws a line from supplier "
            "to consumer for each candidate.\n\n"
            "Reach: per transport mode the material may use (road_km, rail_km, water_km of the "
            "material catalogue; pipelines and heat mains use radius_km), a rule's own "
            "max_distance_km or mode radii, or Distance when set. A pair is a candidate when "
            "the geodesic distance on the WGS 84 ellipsoid between the two enterprises is at "
            "most the longest reach of an allowed mode, whatever the layer CRS (a pair exactly "
            "at the radius is included); reach_mode says which modes cover it. Distance is "
            "in the units of the enterprise layer's CRS; for a "
            "geographic CRS, degrees are converted as QGIS does (111.3 km per degree), so "
            "prefer a projected layer or the catalogue radii.\n\n"
            "potential = min(supply x substitution ratio, demand), in the demand's unit.\n"
            "Filters: supply material categories; industrial nodes (comma-separated: pairs "
            "with either end in these nodes). An enterprise is not its own partner unless "
            "internal reuse is allowed. Enterprises without geometry and flows of unknown "
            "enterprises are skipped and counted in the log. The optional reach layer shows "
            "each supplier's radius (for display only).\n\n"
            "Flows are checked first: unique flow_id, direction supply or demand, finite "
            "non-negative quantities and prices; a failure names the field and features. "
            "Your own materials (MATERIALS) are merged over the bundled catalogue."
        )

    def initAlgorithm(self, config=None):
        self.add_enterprises_input()
        self.add_flows_input()
        self.add_synergies_input()
        self.add_materials_input()
        distance = QgsProcessingParameterDistance(
            self.DISTANCE,
            tr("Distance (overrides every rule's radius)"),
            parentParameterName=self.ENTERPRISES,
            optional=True,
            minValue=0.0,
        )
        distance.setDefaultUnit(QgsUnitTypes.DistanceMeters)
        self.addParameter(distance)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.CATEGORIES,
                tr("Supply material categories (all when none chosen)"),
                options=category_labels(),
                allowMultiple=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.NODES, tr("Industrial nodes, comma-separated (all when empty)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ALLOW_INTERNAL,
                tr("Allow internal reuse (an enterprise as its own partner)"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Partner candidates"), QgsProcessing.TypeVectorLine
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.BUFFERS,
                tr("Reach of suppliers"),
                QgsProcessing.TypeVectorPolygon,
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("CANDIDATES", tr("Number of candidates")))

    def _distance_m(self, parameters, context, crs, feedback):
        if parameters.get(self.DISTANCE) in (None, ""):
            return None
        value = self.parameterAsDouble(parameters, self.DISTANCE, context)
        units = crs.mapUnits()
        if crs.isGeographic():
            feedback.pushWarning(
                tr(
                    "The enterprise layer has a geographic CRS: Distance is read in degrees. "
                    "Use a projected layer to give it in metres."
                )
            )
        return value * QgsUnitTypes.fromUnitToUnitFactor(units, QgsUnitTypes.DistanceMeters)

    def processAlgorithm(self, parameters, context, feedback):
        ents_src = self.source(parameters, self.ENTERPRISES, context)
        flows_src = self.source(parameters, self.FLOWS, context)
        layer_name = tr("Enterprises")
        require_fields(ents_src, ["ent_id"], layer_name)
        flows_label = tr("Flows (supplies and demands)")
        require_fields(flows_src, FLOW_REQUIRED, flows_label)
        materials = self.materials(parameters, context, feedback)
        try:
            rules = load_synergies(self.optional_table(parameters, self.SYNERGIES, context))
        except CatalogueError as err:
            raise QgsProcessingException(err.message(tr)) from err

        crs = ents_src.sourceCrs()
        distance_m = self._distance_m(parameters, context, crs, feedback)
        categories = []
        if parameters.get(self.CATEGORIES) not in (None, "", []):  # else QGIS answers [0]
            categories = [
                CATEGORY_CODES[i]
                for i in self.parameterAsEnums(parameters, self.CATEGORIES, context)
            ]
        nodes = [
            n.strip()
            for n in self.parameterAsString(parameters, self.NODES, context).split(",")
            if n.strip()
        ]
        allow_internal = self.parameterAsBool(parameters, self.ALLOW_INTERNAL, context)

        feedback.setProgressText(tr("Reading enterprises and flows"))
        ents, points = self._enterprises(parameters, ents_src, context, feedback)
        flows = self._flows(parameters, flows_src, context, feedback)
        if feedback.isCanceled():
            return {}
        with core_errors():
            flows = check_flows(flows, flows_label)
        feedback.setProgressText(tr("Searching partners within reach"))
        candidates, stats = find_candidates(
            ents,
            flows,
            rules,
            materials=materials,
            coords=LONLAT,
            distance_m=distance_m,
            allow_internal=allow_internal,
            categories=categories,
            nodes=nodes,
            progress=lambda p: feedback.setProgress(30 + 0.5 * p),
            is_canceled=feedback.isCanceled,
        )
        self._log_stats(stats, feedback)

        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, candidate_fields(), QgsWkbTypes.LineString, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        feedback.setProgressText(tr("Writing candidates"))
        bulk = gpkg_destination(dest_id) if len(candidates) >= BULK_ROWS else None
        if bulk is not None:  # a fresh GeoPackage table: rows in bulk, the sink only made it
            del sink
            if not self._append_candidates(bulk, candidates, points, feedback):
                return {}
        elif not self._write_candidates(sink, candidates, points, feedback):
            return {}
        results = {self.OUTPUT: dest_id, "CANDIDATES": len(candidates)}
        apply_style_on_load(context, dest_id, "candidates.qml")
        if self.output_requested(parameters, self.BUFFERS, context):
            results[self.BUFFERS] = self._write_reach(
                parameters, context, candidates, ents, crs, feedback
            )
        feedback.setProgress(100)
        feedback.pushInfo(tr("{0} partner candidates").format(len(candidates)))
        return results

    def _enterprises(self, parameters, source, context, feedback):
        """(frame of ent_id, node, x = lon, y = lat; (ids, (n, 2) layer xy) of those placed).

        A whole GeoPackage point layer is read through SQLite and transformed in one batch
        (0.1 s instead of 2 s for 100,000 enterprises); anything else, or a layer whose
        points do not transform, is read feature by feature by QGIS (which names the
        features at fault)."""
        label = tr("Enterprises")
        require_geometry_type(source, ENTERPRISE_GEOMETRIES, label)
        require_crs(source, label)
        read = _gpkg_points(whole_layer(self, parameters, self.ENTERPRISES, context), source)
        if read is not None:
            fids, values, xy = read
            placed = ~np.isnan(xy[:, 0])
            lonlat = xy.copy()
            to_wgs84 = transform_to_wgs84(source, context)
            try:
                if placed.any() and not to_wgs84.isShortCircuited():
                    lonlat[placed] = transform_xy(xy[placed], to_wgs84, label)
            except QgsProcessingException:
                read = None
        if read is None:
            ents, points = enterprise_lonlat(source, context, feedback, progress_span=(0, 20))
            where = np.array([(p.x(), p.y()) for p in points.values()], float)
            return ents, (pd.Index(list(points)), where.reshape(-1, 2))
        frame = pd.DataFrame(
            {
                "ent_id": id_texts(values["ent_id"]),
                "node": values.get("node", [None] * len(fids)),
                "x": lonlat[:, 0],
                "y": lonlat[:, 1],
                FID: fids,
            }
        )
        with core_errors():
            require_unique_ids(frame, "ent_id", label)
        feedback.setProgress(20)
        return frame.drop(columns=FID), (pd.Index(frame["ent_id"][placed]), xy[placed])

    def _flows(self, parameters, source, context, feedback):
        """The flow table as a frame (fields, then FID): a whole GeoPackage table of plain
        text and number fields through SQLite, anything else feature by feature by QGIS."""
        layer = whole_layer(self, parameters, self.FLOWS, context)
        names = source.fields().names()
        path = _gpkg_table(layer)
        plain = all(field.type() in PLAIN_TYPES for field in source.fields())
        if path is not None and plain:
            try:
                fids, values = read_table(*path, names)
            except sqlite3.Error:
                fids = None
            if fids is not None:
                feedback.setProgress(30)
                return pd.DataFrame({**values, FID: fids}, columns=[*names, FID])
        return source_to_frame(source, feedback, progress_span=(20, 30))

    def _log_stats(self, stats, feedback):
        if stats.enterprises_without_geometry:
            feedback.pushWarning(
                tr("{0} enterprises without geometry were skipped").format(
                    stats.enterprises_without_geometry
                )
            )
        if stats.flows_of_unknown_enterprises:
            feedback.pushWarning(
                tr("{0} flows of unknown enterprises were skipped").format(
                    stats.flows_of_unknown_enterprises
                )
            )
        if stats.flows_with_bad_quantity:
            feedback.pushWarning(
                tr("{0} flows with a missing, zero or negative quantity were skipped").format(
                    stats.flows_with_bad_quantity
                )
            )
        if stats.pairs_with_unconvertible_units:
            feedback.pushWarning(
                tr("{0} pairs were skipped: their units do not convert to the rule's").format(
                    stats.pairs_with_unconvertible_units
                )
            )

    def _write_candidates(self, sink, candidates, points, feedback):
        """One line feature per candidate, from whole columns: no per-row pandas access.

        Returns False when canceled; a value the sink refuses stops the run naming it.
        """
        fields = candidate_fields()
        columns = [python_values(candidates[name]) for name in fields.names()]
        starts, ends = _layer_xy(points, candidates["supply_ent"], candidates["demand_ent"])
        geometries = two_point_lines_wkb(starts, ends)

        def features():
            for values, wkb in zip(zip(*columns), geometries):
                feature = QgsFeature(fields)
                feature.setAttributes(list(values))
                geometry = QgsGeometry()
                geometry.fromWkb(wkb)
                feature.setGeometry(geometry)
                yield feature

        return write_features(
            sink, features(), tr("Partner candidates"), feedback, len(candidates), (80, 100)
        )

    def _append_candidates(self, destination, candidates, points, feedback):
        """Candidates into a fresh GeoPackage table in bulk; False when canceled."""
        starts, ends = _layer_xy(points, candidates["supply_ent"], candidates["demand_ent"])
        names = candidate_fields().names()
        written = append_lines(
            *destination,
            {name: candidates[name] for name in names},
            starts,
            ends,
            shared=SHARED_COLUMNS,
            progress=lambda fraction: feedback.setProgress(80 + 20 * fraction),
            is_canceled=feedback.isCanceled,
        )
        return written is not None

    def _write_reach(self, parameters, context, candidates, ents, crs, feedback):
        fields = QgsFields()
        for name, kind in [
            ("supply_ent", QVariant.String),
            ("supply_mat", QVariant.String),
            ("radius_km", QVariant.Double),
        ]:
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(
            parameters, self.BUFFERS, context, fields, QgsWkbTypes.Polygon, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.BUFFERS))
        to_layer = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4326"), crs, context.transformContext()
        )
        lonlat = ents.drop_duplicates("ent_id").set_index("ent_id")
        reach = candidates[["supply_ent", "supply_mat", "radius_km"]].drop_duplicates()

        def features():
            for row in reach.itertuples(index=False):
                lon, lat = lonlat.at[row.supply_ent, "x"], lonlat.at[row.supply_ent, "y"]
                xs, ys = geodesic_circle(lon, lat, row.radius_km * 1000.0)
                ring = [to_layer.transform(QgsPointXY(x, y)) for x, y in zip(xs, ys)]
                feature = QgsFeature(fields)
                feature.setAttributes([row.supply_ent, row.supply_mat, float(row.radius_km)])
                feature.setGeometry(QgsGeometry.fromPolygonXY([ring]))
                yield feature

        write_features(sink, features(), tr("Reach of suppliers"), feedback)
        return dest_id


def _layer_xy(where, *ent_ids):
    """(n, 2) layer-CRS coordinates of each list of enterprise ids; where: (ids, xy)."""
    ids, xy = where
    return [xy[ids.get_indexer(column)] for column in ent_ids]


def _gpkg_table(layer):
    """(path, table) of a whole, unfiltered, unedited GeoPackage layer, else None."""
    if layer is None or layer.providerType() != "ogr" or layer.subsetString():
        return None
    if layer.isModified():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, table = parts.get("path") or "", parts.get("layerName")
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path) or not table:
        return None
    return path, table


def _gpkg_points(layer, source):
    """read_points of a whole GeoPackage layer of single points, else None."""
    path = _gpkg_table(layer)
    if path is None or not QgsWkbTypes.isSingleType(layer.wkbType()):
        return None
    if QgsWkbTypes.geometryType(layer.wkbType()) != QgsWkbTypes.PointGeometry:
        return None
    names = source.fields().names()
    try:
        return read_points(*path, [n for n in ("ent_id", "node") if n in names])
    except sqlite3.Error:
        return None


def two_point_lines_wkb(starts, ends):
    """WKB of a 2D linestring from each start (n, 2) to each end (n, 2), as bytes objects."""
    record = np.dtype([("order", "u1"), ("kind", "<u4"), ("count", "<u4"), ("xy", "<f8", (4,))])
    lines = np.zeros(len(starts), record)  # packed: 41 bytes each
    lines["order"], lines["kind"], lines["count"] = 1, 2, 2
    lines["xy"] = np.hstack([starts, ends])
    return lines.view(np.dtype((np.void, record.itemsize))).tolist()
