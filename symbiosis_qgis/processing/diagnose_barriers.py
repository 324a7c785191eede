"""symbiosis:diagnosebarriers — why a candidate exchange does not happen, what would unlock it."""

import numpy as np
import pandas as pd
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QVariant

from ..core.allocation import Economics
from ..core.barriers import (
    BARRIER_BY_KEY,
    CATEGORIES,
    CATEGORY_TEXT,
    DIAGNOSIS_COLUMNS,
    INSTRUMENTS,
    NUMERIC_COLUMNS,
    PARAMETERS,
    SUMMARY_COLUMNS,
    DiagnosisParameters,
    diagnose,
    instrument_summary,
    render,
    report_page,
)
from ..core.geodesy import geodesic_m
from ..core.inputs import check_finite, check_flows, check_share, numeric_column
from ..core.scenarios import load_scenarios
from ..core.validation import FLOW_REQUIRED
from ..i18n import local_number, tr, user_locale
from .base import SymbiosisAlgorithm
from .layer_io import (
    core_errors,
    points_lonlat,
    prepare_output_file,
    require_fields,
    source_to_frame,
    transform_to_wgs84,
)
from .styling import apply_style_on_load

KEYS = ["supply_flow", "demand_flow", "rule_id"]
SHARE_PARAMETERS = {"dependence_share", "max_cofinance_share", "max_rail_discount"}
TEXT = {
    "tech_status",
    "binding",
    "barrier",
    "instrument",
    "instrument_code",
    "barriers",
    "qty_unit",
    *CATEGORY_TEXT,
}
SUMMARY_TEXT = {"category", "barrier", "shows_as", "instrument"}


def diagnosis_fields(link_fields):
    fields = QgsFields()
    for field in link_fields:
        if field.name() not in DIAGNOSIS_COLUMNS and field.name() != "fid":
            fields.append(QgsField(field))
    for name in DIAGNOSIS_COLUMNS:
        kind = (
            QVariant.String
            if name in TEXT
            else QVariant.Bool
            if name == "chosen"
            else QVariant.Int
            if name == "hazard_class"
            else QVariant.Double
        )
        fields.append(QgsField(name, kind))
    return fields


def summary_fields():
    fields = QgsFields()
    for name in SUMMARY_COLUMNS:
        kind = (
            QVariant.String
            if name in SUMMARY_TEXT
            else QVariant.Int
            if name.startswith("links")
            else QVariant.Double
        )
        fields.append(QgsField(name, kind))
    return fields


def parameter_name(field_name):
    return field_name.upper()


class DiagnoseBarriersAlgorithm(SymbiosisAlgorithm):
    ALG_ID = "diagnosebarriers"
    GROUP_ID = "analysis"
    LINKS = "LINKS"
    FLOWS = "FLOWS"
    EXCHANGES = "EXCHANGES"
    SYNERGIES = "SYNERGIES"
    TERMINALS = "TERMINALS"
    DEFAULT_COST = "DEFAULT_COST"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"
    REPORT = "REPORT"

    def displayName(self):
        return tr("Diagnose barriers to exchanges")

    def help_text(self):
        lines = [
            tr(
                "For every link (the output of 'Route candidates over road and rail' or of "
                "'Find partner candidates'): the barriers of each category, with their measure; "
                "the binding barrier (the first, in this order: unreachable, quality, loses "
                "money, better use elsewhere, licence, waste status, pipeline, rail access, "
                "estimated quantity, single supplier) and the instrument that addresses it."
            ),
            tr(
                "Economic: net benefit per unit as 'Optimise exchanges' counts it; the "
                "opportunity value (what the same supply or demand earns in the other "
                "exchanges, from the optimal dual prices); the shortfall; the break-even "
                "primary price, disposal fee rise, co-financed share of pre-processing and rail "
                "discount at which the optimiser would choose this link (for this link alone, "
                "all else equal). Technological: flow columns q_ash_class, q_loi_pct, "
                "q_particle_mm, q_moisture_pct against rule columns req_ash_class, "
                "req_max_loi_pct, req_max_particle_mm, req_max_moisture_pct; a missing value is "
                "'not checked', never 'passes'. Infrastructure: unreachable links, the pipeline "
                "or heat main to build (length and capital cost), no rail terminal near a "
                "partner on a long haul (needs TERMINALS). Institutional: FKKO hazard class "
                "I-IV (licence), waste or by-product (flow field legal_status, else the "
                "material catalogue). Supply guarantee: the supplier's share of the consumer's "
                "need, the consumer's only supplier, quantities marked qty_basis = estimated."
            ),
            tr(
                "EXCHANGES (optional): the output of 'Optimise exchanges' marks the chosen "
                "links; without it the links are optimised here. Outputs: the links with one "
                "field per category, styled by binding barrier; a summary per barrier (links "
                "affected, links it binds, their tonnes and net benefit, the money needed); "
                "an optional HTML report."
            ),
        ]
        defaults = DiagnosisParameters()
        for name, (unit, what, source) in PARAMETERS.items():
            lines.append(
                f"{parameter_name(name)} = {getattr(defaults, name):g} {unit}: {tr(what)} "
                f"({tr(source)})"
            )
        return "\n\n".join(lines[:3]) + "\n\n" + "\n".join(lines[3:])

    def initAlgorithm(self, config=None):
        self.add_links_input()
        self.add_flows_input()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.EXCHANGES,
                tr("Chosen exchanges (optional: otherwise optimised here)"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        self.add_synergies_input()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.TERMINALS,
                tr("Rail terminals (optional: for the rail-access check)"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        self.add_default_cost_input()
        defaults = DiagnosisParameters()
        for name, (unit, what, _) in PARAMETERS.items():
            label = f"{tr(what)}, {unit}" if unit else tr(what)
            self.addParameter(
                QgsProcessingParameterNumber(
                    parameter_name(name),
                    label,
                    QgsProcessingParameterNumber.Double,
                    getattr(defaults, name),
                    minValue=0.0,
                )
            )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Links with their barriers"), QgsProcessing.TypeVectorAnyGeometry
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY, tr("Barrier summary"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT, tr("Report"), tr("HTML files (*.html)"), optional=True
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        links_src = self.source(parameters, self.LINKS, context)
        flows_src = self.source(parameters, self.FLOWS, context)
        links_label, flows_label = tr("Links"), tr("Flows (supplies and demands)")
        require_fields(links_src, KEYS, links_label)
        require_fields(flows_src, FLOW_REQUIRED, flows_label)
        exchanges_src = self.source(parameters, self.EXCHANGES, context, optional=True)
        if exchanges_src is not None:
            require_fields(exchanges_src, KEYS + ["tonnage"], tr("Chosen exchanges"))
        report = None
        if self.output_requested(parameters, self.REPORT, context):
            report = prepare_output_file(
                self.parameterAsFileOutput(parameters, self.REPORT, context)
            )
        rules = self.optional_table(parameters, self.SYNERGIES, context)
        links = source_to_frame(links_src, feedback, progress_span=(0, 10))
        flows = source_to_frame(flows_src, feedback, progress_span=(10, 15))
        chosen = None if exchanges_src is None else source_to_frame(exchanges_src)
        terminals_src = self.source(parameters, self.TERMINALS, context, optional=True)
        terminal_km = (
            None
            if terminals_src is None
            else self._terminal_km(links_src, terminals_src, context, feedback)
        )
        if feedback.isCanceled():
            return {}
        with core_errors():
            flows = check_flows(flows, flows_label)
            if chosen is not None:
                chosen["tonnage"] = numeric_column(
                    chosen, "tonnage", tr("Chosen exchanges"), minimum=0.0
                )
            values = {}
            for name in PARAMETERS:
                label = self.parameterDefinition(parameter_name(name)).description()
                value = self.parameterAsDouble(parameters, parameter_name(name), context)
                check = check_share if name in SHARE_PARAMETERS else check_finite
                values[name] = check(value, label)
            params = DiagnosisParameters(**values)
            economics = Economics(
                default_cost_per_unit_km=check_finite(
                    self.parameterAsDouble(parameters, self.DEFAULT_COST, context),
                    self.parameterDefinition(self.DEFAULT_COST).description(),
                )
            )
            feedback.setProgressText(tr("Diagnosing the links"))
            result = diagnose(
                links,
                flows,
                rules,
                economics=economics,
                params=params,
                chosen=chosen,
                terminal_km=terminal_km,
                quota_materials=_quota_materials(),
                progress=lambda p: feedback.setProgress(15 + 0.6 * p),
                is_canceled=feedback.isCanceled,
            )
        if feedback.isCanceled():
            return {}
        diagnosed = result.links
        records = diagnosed.to_dict("records")
        language = user_locale()
        for record in records:
            for column in CATEGORY_TEXT:
                record[column] = render(record[column], tr, language)
            record["binding"] = tr(CATEGORIES[record["binding"]]) if record["binding"] else ""
            record["instrument"] = tr(INSTRUMENTS[record["instrument"]])
            for column in NUMERIC_COLUMNS:  # "never chosen" (inf) is stored as NULL
                if isinstance(record[column], float) and np.isinf(record[column]):
                    record[column] = None
        dest_id = self.write_records_with_source_geometry(
            parameters,
            self.OUTPUT,
            context,
            diagnosis_fields(links_src.fields()),
            records,
            links_src,
            feedback,
            (75, 95),
        )
        apply_style_on_load(context, dest_id, "barriers.qml")
        summary = self._translated_summary(result.summary)
        summary_id = self.write_records(
            parameters, self.SUMMARY, context, summary_fields(), summary.to_dict("records")
        )
        by_instrument = instrument_summary(diagnosed)
        self._log(feedback, summary, by_instrument, int(diagnosed["chosen"].sum()), len(records))
        if report:
            with open(report, "w", encoding="utf-8") as out:
                out.write(report_page(result.summary, by_instrument, tr))
        outputs = {self.OUTPUT: dest_id, self.SUMMARY: summary_id}
        if report:
            outputs[self.REPORT] = report
        return outputs

    def _terminal_km(self, links_src, terminals_src, context, feedback):
        """Per link, km from its farther end to the nearest terminal (NaN without geometry)."""
        terminals = points_lonlat(terminals_src, context)
        to_wgs84 = transform_to_wgs84(links_src, context)
        values = []
        for feature in links_src.getFeatures():
            if feedback.isCanceled():
                break
            geom = feature.geometry()
            if geom.isNull() or geom.isEmpty() or not len(terminals):
                values.append(np.nan)
                continue
            geom.transform(to_wgs84)
            vertices = list(geom.vertices())
            ends = [vertices[0], vertices[-1]]
            far = 0.0
            for end in ends:
                km = geodesic_m(
                    np.full(len(terminals), end.x()),
                    np.full(len(terminals), end.y()),
                    terminals[:, 0],
                    terminals[:, 1],
                )
                far = max(far, float(km.min()) / 1000.0)
            values.append(far)
        return pd.Series(values, dtype=float)

    def _translated_summary(self, summary):
        table = summary.copy()
        table["category"] = [tr(CATEGORIES[c]) for c in table["category"]]
        table["shows_as"] = [tr(BARRIER_BY_KEY[b].shows_as) for b in table["barrier"]]
        table["instrument"] = [
            tr(INSTRUMENTS[i]) if i in INSTRUMENTS else tr("decided per link")
            for i in table["instrument"]
        ]
        return table

    def _log(self, feedback, summary, by_instrument, chosen, total):
        feedback.pushInfo(tr("{0} links, {1} chosen by the optimisation").format(total, chosen))
        for row in summary.itertuples():
            if row.links_affected:
                feedback.pushInfo(
                    tr("{0}: {1} links affected, {2} held back, {3} t/yr, {4} RUB/yr").format(
                        row.shows_as,
                        row.links_affected,
                        row.links_binding,
                        local_number(row.tonnes_binding),
                        local_number(row.benefit_held),
                    )
                )
        if len(by_instrument):
            top = by_instrument.iloc[0]
            feedback.pushInfo(
                tr("Instrument addressing the most tonnes: {0} ({1} links, {2} t/yr)").format(
                    tr(INSTRUMENTS[top["instrument"]]),
                    int(top["links"]),
                    local_number(top["tonnes"]),
                )
            )


def _quota_materials():
    """Materials any bundled scenario puts under a green procurement quota."""
    try:
        scenarios = load_scenarios()
    except ValueError:
        return set()
    materials = set()
    for cell in scenarios.loc[scenarios["quota_share"] > 0, "quota_materials"]:
        materials.update(m.strip() for m in str(cell).split(";") if m.strip())
    return materials
