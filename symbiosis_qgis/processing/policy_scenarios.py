"""symbiosis:policyscenarios — how policy instruments change the viable exchanges."""

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)
from qgis.PyQt.QtCore import QVariant

from ..core.allocation import Economics
from ..core.inputs import check_finite, check_flows
from ..core.scenarios import (
    RESULT_COLUMNS,
    UNLOCKED_COLUMNS,
    ScenarioError,
    compare_scenarios,
)
from ..core.validation import FLOW_REQUIRED
from ..i18n import local_number, tr
from .base import SymbiosisAlgorithm
from .layer_io import core_errors, require_fields, source_to_frame


def scenario_fields():
    fields = QgsFields()
    for name in RESULT_COLUMNS:
        kind = (
            QVariant.String
            if name in ("scenario_id", "name")
            else QVariant.Int
            if name in ("exchanges", "d_exchanges")
            else QVariant.Double
        )
        fields.append(QgsField(name, kind))
    return fields


def unlocked_fields():
    fields = QgsFields()
    for name in UNLOCKED_COLUMNS:
        kind = QVariant.Double if name in ("tonnage", "benefit") else QVariant.String
        fields.append(QgsField(name, kind))
    return fields


class PolicyScenariosAlgorithm(SymbiosisAlgorithm):
    ALG_ID = "policyscenarios"
    GROUP_ID = "analysis"
    LINKS = "LINKS"
    FLOWS = "FLOWS"
    SYNERGIES = "SYNERGIES"
    SCENARIOS = "SCENARIOS"
    DEFAULT_COST = "DEFAULT_COST"
    OUTPUT = "OUTPUT"
    UNLOCKED = "UNLOCKED"

    def displayName(self):
        return tr("Compare policy scenarios")

    def help_text(self):
        return tr(
            "Runs 'Optimise exchanges' once per scenario and compares each with the first "
            "(the baseline): viable exchanges, tonnes, net benefit, CO2 avoided, and the "
            "deltas.\n\n"
            "A scenario table (default: resources/policy_scenarios.csv; pass your own CSV with "
            "the same columns) describes the instruments: quota_share and quota_materials "
            "(green public procurement: a share of the demand for these materials must be "
            "secondary material, where supply allows); processing_cofinance (share of "
            "pre-processing facilities and pipelines paid by regional support); "
            "disposal_fee_delta (RUB per tonne added to the disposal fee); rail_discount "
            "(share off the rail part of route costs).\n\n"
            "Optional UNLOCKED output: per scenario, the exchanges it chooses on links the "
            "baseline leaves unused, with their tonnage."
        )

    def initAlgorithm(self, config=None):
        self.add_links_input()
        self.add_flows_input()
        self.add_synergies_input()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SCENARIOS,
                tr("Scenario table (default: bundled scenarios)"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        self.add_default_cost_input()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Scenario comparison"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.UNLOCKED,
                tr("Links each scenario unlocks (new exchanges)"),
                QgsProcessing.TypeVector,
                optional=True,
                createByDefault=False,
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        links_src = self.source(parameters, self.LINKS, context)
        flows_src = self.source(parameters, self.FLOWS, context)
        require_fields(links_src, ["supply_flow", "demand_flow", "rule_id"], tr("Links"))
        require_fields(flows_src, FLOW_REQUIRED, tr("Flows (supplies and demands)"))
        optional = {
            name: self.optional_table(parameters, name, context)
            for name in (self.SYNERGIES, self.SCENARIOS)
        }
        links = source_to_frame(links_src, feedback, progress_span=(0, 5))
        flows = source_to_frame(flows_src, feedback, progress_span=(5, 10))
        if feedback.isCanceled():
            return {}
        try:
            with core_errors():
                flows = check_flows(flows, tr("Flows (supplies and demands)"))
                base = Economics(
                    default_cost_per_unit_km=check_finite(
                        self.parameterAsDouble(parameters, self.DEFAULT_COST, context),
                        self.parameterDefinition(self.DEFAULT_COST).description(),
                    )
                )
                table, unlocked = compare_scenarios(
                    links,
                    flows,
                    optional.get(self.SYNERGIES),
                    optional.get(self.SCENARIOS),
                    base,
                    progress=lambda p: feedback.setProgress(10 + 0.85 * p),
                    is_canceled=feedback.isCanceled,
                )
        except ScenarioError as err:
            raise QgsProcessingException(err.message(tr)) from err
        if feedback.isCanceled():
            return {}
        records = table.to_dict("records")
        dest_id = self.write_records(parameters, self.OUTPUT, context, scenario_fields(), records)
        for record in records:
            feedback.pushInfo(
                tr("{0}: {1} exchanges, net benefit {2} RUB/yr ({3})").format(
                    record["name"],
                    record["exchanges"],
                    local_number(record["net_benefit"]),
                    ("+" if record["d_net_benefit"] >= 0 else "")
                    + local_number(record["d_net_benefit"]),
                )
            )
        outputs = {self.OUTPUT: dest_id}
        for scenario_id, group in unlocked.groupby("scenario_id", sort=False):
            feedback.pushInfo(
                tr("{0} unlocks {1} links: {2} (supply units) per year").format(
                    scenario_id, len(group), local_number(group["tonnage"].sum())
                )
            )
        if self.output_requested(parameters, self.UNLOCKED, context):
            outputs[self.UNLOCKED] = self.write_records(
                parameters, self.UNLOCKED, context, unlocked_fields(), unlocked.to_dict("records")
            )
        return outputs
