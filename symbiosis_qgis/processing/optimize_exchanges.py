"""symbiosis:optimizeexchanges — tonnages on links that maximise the region's net benefit."""

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
)
from qgis.PyQt.QtCore import QVariant

from ..core.allocation import EXCHANGE_COLUMNS, Economics, optimise, unmatched_links
from ..core.inputs import check_finite, check_flows, numeric_column
from ..core.interruptible import SolveCanceledError
from ..core.validation import FLOW_REQUIRED
from ..i18n import local_number, tr
from .base import SymbiosisAlgorithm
from .layer_io import core_errors, require_fields, source_to_frame
from .styling import apply_style_on_load

TOTALS = ["EXCHANGES", "TONNES", "NET_BENEFIT", "CO2_AVOIDED", "TRANSPORT_CO2"]
TEXT_EXCHANGE_COLUMNS = {"unit", "demand_unit"}
# the link columns the allocation prices with: finite numbers when given
LINK_NUMBERS = ["cost_t", "net_km", "dist_km", "road_km", "rail_km"]


def exchange_fields(link_fields):
    fields = QgsFields()
    for field in link_fields:
        if field.name() not in EXCHANGE_COLUMNS and field.name() != "fid":
            fields.append(QgsField(field))
    for name in EXCHANGE_COLUMNS:
        kind = QVariant.String if name in TEXT_EXCHANGE_COLUMNS else QVariant.Double
        fields.append(QgsField(name, kind))
    return fields


def total_labels():
    return {
        "EXCHANGES": tr("Number of exchanges chosen"),
        "TONNES": tr("Tonnes per year exchanged (flows in t/yr)"),
        "NET_BENEFIT": tr("Net benefit, RUB per year"),
        "CO2_AVOIDED": tr("CO2 avoided, t per year (before transport)"),
        "TRANSPORT_CO2": tr("CO2 of transport, t per year"),
    }


class OptimizeExchangesAlgorithm(SymbiosisAlgorithm):
    ALG_ID = "optimizeexchanges"
    GROUP_ID = "analysis"
    LINKS = "LINKS"
    FLOWS = "FLOWS"
    SYNERGIES = "SYNERGIES"
    MATERIALS = "MATERIALS"
    DEFAULT_COST = "DEFAULT_COST"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return tr("Optimise exchanges")

    def help_text(self):
        return tr(
            "Chooses how much to move on each link so that the region's net benefit is "
            "largest: avoided disposal cost at the supplier + avoided purchase of primary "
            "material at the consumer (times the substitution ratio) - transport cost - "
            "pre-processing cost, without exceeding any supply or any demand. Solved as a "
            "linear programme (HiGHS).\n\n"
            "Links: the output of 'Route candidates over road and rail' (route cost cost_t "
            "per unit) or of 'Find partner candidates' (then transport costs the straight "
            "distance times the default cost). Unreachable links are ignored; links that lose "
            "money are never chosen. Prices come from the flows' price field (disposal cost "
            "of a supply, purchase price of a demand).\n\n"
            "Output: the chosen links with their geometry, tonnage (in the supply's unit), "
            "delivered quantity (in the demand's unit), benefit, transport and processing "
            "costs, avoided disposal and purchase, CO2 avoided and CO2 of transport; result "
            "values give the totals."
        )

    def initAlgorithm(self, config=None):
        self.add_links_input()
        self.add_flows_input()
        self.add_synergies_input()
        self.add_materials_input()
        self.add_default_cost_input()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Chosen exchanges"), QgsProcessing.TypeVectorAnyGeometry
            )
        )
        for name, label in total_labels().items():
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(self, parameters, context, feedback):
        links_src = self.source(parameters, self.LINKS, context)
        flows_src = self.source(parameters, self.FLOWS, context)
        links_label, flows_label = tr("Links"), tr("Flows (supplies and demands)")
        require_fields(links_src, ["supply_flow", "demand_flow", "rule_id"], links_label)
        require_fields(flows_src, FLOW_REQUIRED, flows_label)
        rules = self.optional_table(parameters, self.SYNERGIES, context)
        materials = self.materials(parameters, context, feedback)
        links = source_to_frame(links_src, feedback, progress_span=(0, 30))
        flows = source_to_frame(flows_src, feedback, progress_span=(30, 40))
        if feedback.isCanceled():
            return {}
        with core_errors():
            flows = check_flows(flows, flows_label)
            for column in LINK_NUMBERS:
                if column in links.columns:  # empty: not routed, costed by distance
                    links[column] = numeric_column(links, column, links_label, allow_empty=True)
            economics = Economics(
                default_cost_per_unit_km=check_finite(
                    self.parameterAsDouble(parameters, self.DEFAULT_COST, context),
                    self.parameterDefinition(self.DEFAULT_COST).description(),
                )
            )
            unmatched = unmatched_links(links, flows)
            feedback.setProgressText(tr("Solving the allocation"))
            try:
                result = optimise(
                    links,
                    flows,
                    rules,
                    materials=materials,
                    economics=economics,
                    is_canceled=feedback.isCanceled,
                )
            except SolveCanceledError:
                return {}
        if unmatched:
            feedback.pushWarning(
                tr(
                    "{0} links refer to flows missing from the flow table and were left out"
                ).format(unmatched)
            )
        feedback.setProgress(80)
        dest_id = self._write(parameters, context, feedback, links_src, result.exchanges)
        if feedback.isCanceled():
            return {}
        for name in TOTALS:
            feedback.pushInfo(f"{total_labels()[name]}: {local_number(result.totals[name])}")
        return {self.OUTPUT: dest_id, **result.totals}

    def _write(self, parameters, context, feedback, links_src, exchanges):
        dest_id = self.write_records_with_source_geometry(
            parameters,
            self.OUTPUT,
            context,
            exchange_fields(links_src.fields()),
            exchanges.to_dict("records"),
            links_src,
            feedback,
            (80, 100),
        )
        apply_style_on_load(context, dest_id, "candidates.qml")  # arrows by supply material
        return dest_id
