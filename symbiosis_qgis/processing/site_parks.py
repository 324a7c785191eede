"""symbiosis:siteparks — where to form eco-industrial parks, what they host, what they cost."""

import time

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.catalogue import CatalogueError, load_materials
from ..core.definitions import MATERIAL_CATEGORIES
from ..core.diagram import human_quantity, width_class
from ..core.network import build_network, road_rates, route_pairs
from ..core.parks import (
    MSG,
    STATUS_TEXT,
    ParkError,
    ParkSettings,
    prepare,
    read_solution,
    solve_model,
)
from ..core.text import QT_TRANSLATE_NOOP, format_number
from ..core.validation import FID, FLOW_REQUIRED
from ..i18n import local_number, tr, user_locale
from .base import SymbiosisAlgorithm
from .layer_io import (
    enterprise_lonlat,
    features_with_progress,
    fields_of,
    line_parts_lonlat,
    plain_value,
    points_lonlat,
    require_fields,
    source_to_frame,
    transform_to_wgs84,
)
from .styling import apply_style_on_load

PARK_FIELDS = [
    ("site_id", QVariant.String),
    ("name", QVariant.String),
    ("land_status", QVariant.String),
    ("tenants", QVariant.String),
    ("modules", QVariant.Int),
    ("tonnes", QVariant.Double),
    ("gas_th_m3", QVariant.Double),
    ("heat_gj", QVariant.Double),
    ("suppliers", QVariant.Int),
    ("land_used_ha", QVariant.Double),
    ("area_ha", QVariant.Double),
    ("capex", QVariant.Double),
    ("cofinancing", QVariant.Double),
    ("product_value", QVariant.Double),
    ("avoided_disposal", QVariant.Double),
    ("transport_cost", QVariant.Double),
    ("opex", QVariant.Double),
    ("capex_annual", QVariant.Double),
    ("net_benefit", QVariant.Double),
    # for people and the map's labels, in the language the run was made in (added in 0.3)
    ("name_ru", QVariant.String),
    ("tenant_names", QVariant.String),
    ("label", QVariant.String),
]
TENANT_FIELDS = [
    ("site_id", QVariant.String),
    ("tenant_id", QVariant.String),
    ("tenant", QVariant.String),
    ("tenant_ru", QVariant.String),
    ("modules", QVariant.Int),
    ("capacity", QVariant.Double),
    ("input", QVariant.Double),
    ("unit", QVariant.String),
    ("utilisation", QVariant.Double),
    ("inputs", QVariant.String),
    ("product", QVariant.String),
    ("product_amount", QVariant.Double),
    ("land_ha", QVariant.Double),
    ("capex", QVariant.Double),
    ("product_value", QVariant.Double),
    ("opex", QVariant.Double),
]
LINK_FIELDS = [
    ("flow_id", QVariant.String),
    ("ent_id", QVariant.String),
    ("site_id", QVariant.String),
    ("material", QVariant.String),
    ("amount", QVariant.Double),
    ("unit", QVariant.String),
    ("km", QVariant.Double),
    ("transport_cost", QVariant.Double),
    ("avoided_disposal", QVariant.Double),
    # what the diagram-arrow style and the exported map's table read
    ("supply_name", QVariant.String),
    ("demand_name", QVariant.String),
    ("category", QVariant.String),
    ("width_class", QVariant.Int),
    ("label", QVariant.String),
]
# legend labels of resources/styles/sites.qml (the sample sites layer; translated on load)
SITE_LEGEND_LABELS = [
    QT_TRANSLATE_NOOP("@default", "Mothballed mine"),
    QT_TRANSLATE_NOOP("@default", "Reclaimed mine land"),
    QT_TRANSLATE_NOOP("@default", "Planned park (position approximate)"),
    QT_TRANSLATE_NOOP("@default", "Brownfield"),
    QT_TRANSLATE_NOOP("@default", "Hypothetical brownfield"),
]
NUMBER_OUTPUTS = ["PARKS_OPENED", "MODULES", "TONNES", "NET_BENEFIT", "COFINANCING", "MIP_GAP"]


def number_labels():
    return {
        "PARKS_OPENED": tr("Parks opened"),
        "MODULES": tr("Tenant modules placed"),
        "TONNES": tr("Tonnes per year taken in by the parks"),
        "NET_BENEFIT": tr("Annual net benefit of the parks, RUB"),
        "COFINANCING": tr("Regional co-financing, RUB (one-off)"),
        "MIP_GAP": tr("MIP gap of the solution (relative)"),
    }


class SiteParksAlgorithm(SymbiosisAlgorithm):
    ALG_ID = "siteparks"
    GROUP_ID = "analysis"
    SITES = "SITES"
    ENTERPRISES = "ENTERPRISES"
    FLOWS = "FLOWS"
    TENANTS = "TENANTS"
    ROADS = "ROADS"
    RAILS = "RAILS"
    TERMINALS = "TERMINALS"
    PARKS = "PARKS"
    TENANT_ROWS = "TENANT_ROWS"
    SUPPLY_LINKS = "SUPPLY_LINKS"

    def displayName(self):
        return tr("Site eco-industrial parks")

    def help_text(self):
        return tr(
            "Chooses which candidate sites become eco-industrial parks, how many modules of "
            "which closing production (tenant) each park hosts, which supply flows feed them "
            "and how much the region co-finances, so that the annual net benefit is largest: "
            "product value (or avoided primary purchase) + avoided disposal - transport - "
            "operating cost - annualised capex not co-financed - annualised site cost. An "
            "exact mixed-integer programme solved with HiGHS.\n\n"
            "Constraints: supplies available, module capacity, each tenant's recipe (the "
            "materials it accepts and the largest share of each in its input), site area, at "
            "most MAX_PARKS parks, co-financing at most the share of capex and within the "
            "budget. Capex, site cost and budget are one-off RUB, annualised with the capital "
            "recovery factor of the discount rate and lifetime.\n\n"
            "Sites: site_id and area_ha; optional name, name_ru, land_status and fixed_cost "
            "(one-off RUB to prepare the site; the default site cost where empty). Tenants: "
            "the bundled "
            "resources/park_tenants.csv unless a table with the same columns is given. "
            "Transport: over the road and rail network when roads are given (the routing of "
            "'Route candidates over road and rail'), else straight distance x detour factor x "
            "road tariff; gas and heat are costed per straight km within their economic "
            "radius.\n\n"
            "Outputs: parks (the chosen sites with tenants, tonnes, capex, co-financing and net "
            "benefit), tenant rows (one per site and tenant type, with the number of modules), "
            "supply links (supplier -> park arrows). The solver status and MIP gap are in the "
            "log and in the result values; a run stopped by the time limit writes the best "
            "solution found and says so."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SITES,
                tr("Candidate park sites"),
                [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
            )
        )
        self.add_enterprises_input()
        self.add_flows_input()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.TENANTS,
                tr("Tenant catalogue (default: bundled park_tenants.csv)"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        for name, label, kind in [
            (self.ROADS, tr("Roads (optional: else straight distance x detour)"), "line"),
            (self.RAILS, tr("Railways"), "line"),
            (self.TERMINALS, tr("Road-rail terminals"), "point"),
        ]:
            types = [
                QgsProcessing.TypeVectorLine if kind == "line" else QgsProcessing.TypeVectorPoint
            ]
            self.addParameter(
                QgsProcessingParameterFeatureSource(name, label, types, optional=True)
            )
        defaults = ParkSettings()
        integer, double = QgsProcessingParameterNumber.Integer, QgsProcessingParameterNumber.Double
        for name, label, kind, default, low, high in [
            ("MAX_PARKS", tr("Largest number of parks"), integer, defaults.max_parks, 0, None),
            ("BUDGET", tr("Co-financing budget, RUB (one-off)"), double, defaults.budget, 0, None),
            (
                "COFINANCE_SHARE",
                tr("Largest co-financed share of capex (0-1)"),
                double,
                defaults.cofinance_share,
                0,
                1,
            ),
            ("DISCOUNT_RATE", tr("Discount rate (0-1)"), double, defaults.discount_rate, 0, 1),
            ("LIFETIME", tr("Lifetime of capex, years"), integer, defaults.lifetime, 1, 100),
            (
                "MAX_DISTANCE",
                tr("Maximum supply distance, km"),
                double,
                defaults.max_distance_km,
                0,
                None,
            ),
            ("DETOUR", tr("Detour factor (no roads given)"), double, defaults.detour, 1, 5),
            ("ROAD_COST", tr("Road tariff, RUB per t-km"), double, defaults.road_cost, 0, None),
            ("RAIL_COST", tr("Rail tariff, RUB per t-km"), double, 1.5, 0, None),
            ("HANDLING_COST", tr("Handling at each road-rail transfer, RUB per t"), double, 150.0, 0, None),  # noqa: E501
            ("SNAP_TOLERANCE", tr("Snap tolerance: site or enterprise to road, m"), double, 5000.0, 0, None),  # noqa: E501
            (
                "SITE_COST",
                tr("Site cost where fixed_cost is empty, RUB (one-off)"),
                double,
                defaults.default_site_cost,
                0,
                None,
            ),
            ("TIME_LIMIT", tr("Solver time limit, s"), double, defaults.time_limit, 1, None),
            ("TARGET_GAP", tr("Stop at a relative MIP gap of"), double, defaults.mip_gap, 0, 1),
        ]:  # fmt: skip
            self.addParameter(
                QgsProcessingParameterNumber(
                    name,
                    label,
                    kind,
                    default,
                    minValue=low,
                    **({} if high is None else {"maxValue": high}),
                )
            )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.PARKS, tr("Eco-industrial parks"), QgsProcessing.TypeVectorAnyGeometry
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.TENANT_ROWS, tr("Park tenants"), QgsProcessing.TypeVectorPoint
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUPPLY_LINKS, tr("Park supply links"), QgsProcessing.TypeVectorLine
            )
        )
        self.addOutput(QgsProcessingOutputString("STATUS", tr("Solver status")))
        for name, label in number_labels().items():
            self.addOutput(QgsProcessingOutputNumber(name, label))

    # ------------------------------------------------------------ run
    def processAlgorithm(self, parameters, context, feedback):
        sites_src = self.source(parameters, self.SITES, context)
        ents_src = self.source(parameters, self.ENTERPRISES, context)
        flows_src = self.source(parameters, self.FLOWS, context)
        require_fields(sites_src, ["site_id", "area_ha"], tr("Candidate park sites"))
        require_fields(ents_src, ["ent_id"], tr("Enterprises"))
        require_fields(flows_src, FLOW_REQUIRED, tr("Flows (supplies and demands)"))
        settings = self._settings(parameters, context)
        tenants = self.optional_table(parameters, self.TENANTS, context)

        feedback.setProgressText(tr("Reading the inputs"))
        sites, site_geoms = self._sites(sites_src, context, feedback)
        ents, _ = enterprise_lonlat(ents_src, context, feedback, progress_span=(10, 15))
        self._ent_names = self._names(ents_src)
        flows = source_to_frame(flows_src, feedback, progress_span=(15, 20))
        if feedback.isCanceled():
            return {}
        router = self._router(parameters, context, feedback, settings)
        feedback.setProgressText(tr("Building the model"))
        try:
            prepared = prepare(sites, flows, ents, tenants, settings, router)
        except ParkError as err:
            raise QgsProcessingException(self._message(err)) from err
        except CatalogueError as err:
            raise QgsProcessingException(err.message(tr)) from err
        model = prepared.model
        if prepared.skipped_flows:
            feedback.pushWarning(
                tr(
                    "{} supply flows skipped: unknown material or unit, enterprise without "
                    "location, or no positive quantity"
                ).format(prepared.skipped_flows)
            )
        feedback.pushInfo(
            tr("Model: {0} sites, {1} supply-site pairs, {2} variables, {3} constraints").format(
                len(model.sites), prepared.pairs, len(model.c), model.a.shape[0]
            )
        )
        if feedback.isCanceled():
            return {}
        feedback.setProgressText(tr("Solving (HiGHS)"))
        feedback.setProgress(45)
        start = time.perf_counter()

        def canceled():  # polled while the solver runs: progress by elapsed time
            elapsed = time.perf_counter() - start
            feedback.setProgress(45 + 45 * min(elapsed / settings.time_limit, 1.0))
            return feedback.isCanceled()

        outcome = solve_model(model, settings.time_limit, settings.mip_gap, canceled)
        if outcome.status == "canceled":
            feedback.pushWarning(tr("Canceled: the solver was stopped and nothing is written"))
            return {}
        self._log_status(feedback, outcome)
        result = read_solution(model, outcome)
        outputs = self._write(
            parameters, context, feedback, sites_src, site_geoms, model.sites, result
        )
        totals = result.totals
        for name, label in number_labels().items():
            value = totals["PARKS" if name == "PARKS_OPENED" else name]
            shown = f"{value:.4g}" if name == "MIP_GAP" else local_number(value)
            feedback.pushInfo(f"{label}: {shown}")
        numbers = {name: totals["PARKS" if name == "PARKS_OPENED" else name]
                   for name in NUMBER_OUTPUTS}  # fmt: skip
        return {**outputs, "STATUS": outcome.status, **numbers}

    def _settings(self, parameters, context):
        def number(name):
            return self.parameterAsDouble(parameters, name, context)

        return ParkSettings(
            max_parks=self.parameterAsInt(parameters, "MAX_PARKS", context),
            budget=number("BUDGET"),
            cofinance_share=number("COFINANCE_SHARE"),
            discount_rate=number("DISCOUNT_RATE"),
            lifetime=self.parameterAsInt(parameters, "LIFETIME", context),
            max_distance_km=number("MAX_DISTANCE"),
            detour=number("DETOUR"),
            road_cost=number("ROAD_COST"),
            default_site_cost=number("SITE_COST"),
            time_limit=number("TIME_LIMIT"),
            mip_gap=number("TARGET_GAP"),
        )

    def _message(self, err):
        layer_field = {
            "site_area": (tr("Candidate park sites"), "area_ha"),
            "site_cost": (tr("Candidate park sites"), "fixed_cost"),
            "site_id": (tr("Candidate park sites"), "site_id"),
            "no_sites": (tr("Candidate park sites"), tr("geometry")),
        }
        text = tr(MSG[err.code]).format(**err.params)
        if err.code in layer_field:
            layer, field = layer_field[err.code]
            return tr("Layer '{layer}', field {field}: {text}").format(
                layer=layer, field=field, text=text
            )
        if err.code.startswith("tenant"):
            return tr("Tenant catalogue: {}").format(text)
        return text

    def _sites(self, source, context, feedback):
        """Sites as a frame (site_id, name, area_ha, land_status, fixed_cost, x, y, fid) and
        {row: point geometry in the layer CRS} (polygons: their point on surface)."""
        names = source.fields().names()
        to_wgs84 = transform_to_wgs84(source, context)
        rows, geoms = [], {}
        for feature in features_with_progress(source, feedback, (0, 10)):
            row = {c: plain_value(feature[c]) if c in names else None for c in SITE_COLUMNS}
            row[FID] = feature.id()
            row["x"] = row["y"] = float("nan")
            geom = feature.geometry()
            if not geom.isNull() and not geom.isEmpty():
                point = geom if geom.type() == QgsWkbTypes.PointGeometry else geom.pointOnSurface()
                xy = point.asMultiPoint()[0] if point.isMultipart() else point.asPoint()
                try:
                    wgs = to_wgs84.transform(xy)
                    row["x"], row["y"] = wgs.x(), wgs.y()
                    geoms[len(rows)] = QgsGeometry(geom)
                except QgsCsException:
                    pass
            rows.append(row)
        frame = pd.DataFrame(rows, columns=SITE_COLUMNS + [FID, "x", "y"])
        frame["site_id"] = frame["site_id"].astype(str).str.strip()
        frame["_row"] = np.arange(len(frame))
        return frame, geoms

    def _names(self, ents_src):
        """{ent_id: name} of the enterprises (the map's table shows names)."""
        if "name" not in ents_src.fields().names():
            return {}
        names = {}
        for feature in ents_src.getFeatures():
            ent_id = plain_value(feature["ent_id"])
            if ent_id is not None:
                names[str(ent_id).strip()] = plain_value(feature["name"]) or str(ent_id)
        return names

    def _router(self, parameters, context, feedback, settings):
        """Network costs when roads are given (None: straight distance x detour)."""
        roads = self.source(parameters, self.ROADS, context, optional=True)
        if roads is None:
            feedback.pushInfo(
                tr("No roads: transport costs straight distance x {:g} x road tariff").format(
                    settings.detour
                )
            )
            return None
        rails = self.source(parameters, self.RAILS, context, optional=True)
        terms = self.source(parameters, self.TERMINALS, context, optional=True)
        feedback.setProgressText(tr("Building the road and rail graph"))
        road_parts, _ = line_parts_lonlat(roads, context, feedback)
        if not road_parts:
            raise QgsProcessingException(tr("The road layer has no usable lines"))
        rail_parts = line_parts_lonlat(rails, context, feedback)[0] if rails else []
        terminals = points_lonlat(terms, context) if terms is not None else None
        rail_cost = self.parameterAsDouble(parameters, "RAIL_COST", context)
        handling = self.parameterAsDouble(parameters, "HANDLING_COST", context)
        snap_m = self.parameterAsDouble(parameters, "SNAP_TOLERANCE", context)
        rates = road_rates([None] * len(road_parts), settings.road_cost)
        network = build_network(road_parts, rates, rail_parts, rail_cost, terminals, handling)
        feedback.pushInfo(
            tr("Graph: {0} nodes, {1} edges, {2} terminals linked").format(
                network.nodes, network.edges, network.terminals_linked
            )
        )

        def route(o_lon, o_lat, d_lon, d_lat):
            feedback.setProgressText(tr("Routing {} supplier-site pairs").format(len(o_lon)))
            table, _ = route_pairs(
                network,
                o_lon,
                o_lat,
                d_lon,
                d_lat,
                road_rate=settings.road_cost,
                max_km=settings.max_distance_km,
                snap_tolerance_m=snap_m,
                max_rate=max(settings.road_cost, rail_cost),
                handling_cost=handling,
                progress=lambda p: feedback.setProgress(20 + 0.2 * p),
                is_canceled=feedback.isCanceled,
            )
            return (
                table["cost_t"].to_numpy(float),
                table["net_km"].to_numpy(float),
                table["reachable"].to_numpy(bool),
            )

        return route

    def _log_status(self, feedback, outcome):
        text = tr(STATUS_TEXT[outcome.status])
        gap = "-" if np.isnan(outcome.mip_gap) else f"{100 * outcome.mip_gap:.3g} %"
        line = tr("Solver: {status}; MIP gap {gap}; {seconds:.1f} s").format(
            status=text, gap=gap, seconds=outcome.seconds
        )
        if outcome.status == "optimal":
            feedback.pushInfo(line)
        else:
            feedback.pushWarning(line)

    # ------------------------------------------------------------ writing
    def _write(self, parameters, context, feedback, sites_src, site_geoms, sites, result):
        crs = sites_src.sourceCrs()
        from_wgs84 = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4326"), crs, context.transformContext()
        )
        rows = sites["_row"].to_numpy()
        geom_of = {j: site_geoms.get(int(rows[j])) for j in range(len(rows))}

        def supply_line(record):
            site_point = _point(geom_of.get(record["j"]))
            if site_point is None:
                return None
            try:
                start = from_wgs84.transform(QgsPointXY(record["x"], record["y"]))
            except QgsCsException:
                return None
            return QgsGeometry.fromPolylineXY([start, site_point.asPoint()])

        outputs = {
            self.PARKS: self.write_records(
                parameters, self.PARKS, context, fields_of(PARK_FIELDS),
                self._park_records(result, sites), sites_src.wkbType(), crs,
                geometry=lambda record: geom_of.get(record["j"]), feedback=feedback,
            ),
            self.TENANT_ROWS: self.write_records(
                parameters, self.TENANT_ROWS, context, fields_of(TENANT_FIELDS),
                result.tenants.to_dict("records"), QgsWkbTypes.Point, crs,
                geometry=lambda record: _point(geom_of.get(record["j"])), feedback=feedback,
            ),
            self.SUPPLY_LINKS: self.write_records(
                parameters, self.SUPPLY_LINKS, context, fields_of(LINK_FIELDS),
                self._link_records(result), QgsWkbTypes.LineString, crs,
                geometry=supply_line, feedback=feedback, progress_span=(90, 100),
            ),
        }  # fmt: skip
        apply_style_on_load(context, outputs[self.PARKS], "parks.qml")
        apply_style_on_load(context, outputs[self.SUPPLY_LINKS], "diagram_arrows.qml")
        feedback.setProgress(100)
        return outputs

    def _park_records(self, result, sites):
        """Parks with their names, tenants and a map label in the user's language (the
        `tenants` field keeps the catalogue codes for tools)."""
        russian = user_locale() == "ru"
        records = result.parks.to_dict("records")
        for record in records:
            name_ru = plain_text(sites["name_ru"].iat[record["j"]]) if "name_ru" in sites else ""
            record["name_ru"] = name_ru or None
            name = (name_ru if russian else "") or record["name"] or record["site_id"]
            mine = result.tenants[result.tenants["j"] == record["j"]]
            tenant_names = [
                (plain_text(ru) if russian else "") or en
                for en, ru in zip(mine["tenant"], mine["tenant_ru"])
            ]
            record["tenant_names"] = "; ".join(
                f"{tenant} × {modules}" for tenant, modules in zip(tenant_names, mine["modules"])
            )
            record["label"] = tr("{name}\n{benefit} mln RUB/yr").format(
                name=name,
                benefit=format_number(record["net_benefit"] / 1e6, 0, user_locale()),
            )
        return records

    def _link_records(self, result):
        """Supply links with what the diagram style and the map's table read: material
        category, supplier and park names, width class, a label."""
        categories = load_materials()["category"]
        park_names = {
            j: name or sid
            for j, name, sid in zip(
                result.parks["j"], result.parks["name"], result.parks["site_id"]
            )
        }
        records = result.links.to_dict("records")
        classes = width_class([record["amount"] for record in records]) if records else []
        for record, width in zip(records, classes):
            record["category"] = categories.get(record["material"], "")
            record["supply_name"] = self._ent_names.get(record["ent_id"], record["ent_id"])
            record["demand_name"] = park_names.get(record["j"], record["site_id"])
            record["width_class"] = int(width)
            record["label"] = "{} {}".format(
                tr(_material_label(record["category"])),
                human_quantity(record["amount"], record["unit"], user_locale()),
            )
        return records


SITE_COLUMNS = ["site_id", "name", "name_ru", "area_ha", "land_status", "fixed_cost"]


def plain_text(value):
    """Text of a cell, '' for empty, NULL or NaN."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _point(geometry):
    if geometry is None:
        return None
    if geometry.type() == QgsWkbTypes.PointGeometry:
        return QgsGeometry.fromPointXY(
            geometry.asMultiPoint()[0] if geometry.isMultipart() else geometry.asPoint()
        )
    return geometry.pointOnSurface()


def _material_label(category):
    return MATERIAL_CATEGORIES.get(category, (category, ""))[0]
