"""symbiosis:assessbenefits — what the chosen exchanges bring, by enterprise, node and region."""

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.assessment import (
    BALANCE_COLUMNS,
    ENTERPRISE_COLUMNS,
    MEASURES,
    NODE_COLUMNS,
    assess,
)
from ..core.barriers import INSTRUMENTS, instrument_summary, report_section, summarise
from ..core.inputs import check_enterprises, check_flows, id_text, numeric_column
from ..core.report import COLUMN_TITLES, enterprise_names, render_html
from ..core.validation import FLOW_REQUIRED
from ..i18n import local_number, tr, user_locale
from .base import SymbiosisAlgorithm
from .layer_io import (
    ENTERPRISE_GEOMETRIES,
    core_errors,
    plain_value,
    prepare_output_file,
    require_crs,
    require_fields,
    require_geometry_type,
    source_to_frame,
)

EXCHANGE_REQUIRED = ["supply_ent", "demand_ent", "supply_mat", "tonnage"]
# money and CO2 columns of the exchanges, finite when present (empty cells count as 0)
EXCHANGE_NUMBERS = [
    "delivered",
    "net_km",
    "dist_km",
    "co2_avoided",
    "avoided_disposal",
    "processing_cost",
    "avoided_purchase",
    "transport_cost",
    "transport_co2",
]
TEXT_COLUMNS = {"ent_id", "name", "node", "sector", "material", "unit"}
INT_COLUMNS = {"exchanges", "cluster", "anchor_rank", "enterprises"}
REGION_OUTPUTS = MEASURES


def table_fields(columns):
    fields = QgsFields()
    for name in columns:
        kind = (
            QVariant.String
            if name in TEXT_COLUMNS
            else QVariant.Int
            if name in INT_COLUMNS
            else QVariant.Double
        )
        fields.append(QgsField(name, kind))
    return fields


class AssessBenefitsAlgorithm(SymbiosisAlgorithm):
    ALG_ID = "assessbenefits"
    GROUP_ID = "analysis"
    EXCHANGES = "EXCHANGES"
    ENTERPRISES = "ENTERPRISES"
    FLOWS = "FLOWS"
    OUTPUT_ENTERPRISES = "OUTPUT_ENTERPRISES"
    OUTPUT_NODES = "OUTPUT_NODES"
    OUTPUT_BALANCE = "OUTPUT_BALANCE"
    REPORT = "REPORT"
    BARRIERS = "BARRIERS"

    def displayName(self):
        return tr("Assess benefits")

    def help_text(self):
        return tr(
            "From the chosen exchanges (the output of 'Optimise exchanges'): per enterprise, "
            "per industrial node and for the region, tonnes diverted from dumps, primary raw "
            "material replaced, transport tonne-km, CO2 avoided net of transport CO2 and net "
            "money; a material balance per node (generated, exchanged, left for disposal); "
            "and the symbiosis network read as a graph: clusters of connected enterprises, "
            "closed loops, and the anchor tenants whose removal would break most exchanges.\n\n"
            "Money is attributed as it arises: the supplier keeps the avoided disposal less "
            "pre-processing; the consumer keeps the avoided purchase less transport. Tonnes "
            "count flows in t/yr only. The HTML report holds the tables and charts, ready to "
            "print."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.EXCHANGES, tr("Chosen exchanges"), [QgsProcessing.TypeVector]
            )
        )
        self.add_enterprises_input()
        self.add_flows_input()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BARRIERS,
                tr("Barriers of the links (output of 'Diagnose barriers'), for the report"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_ENTERPRISES,
                tr("Benefits by enterprise"),
                QgsProcessing.TypeVectorPoint,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_NODES, tr("Benefits by industrial node"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_BALANCE, tr("Material balance by node"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT, tr("Report"), tr("HTML files (*.html)")
            )
        )
        for name in REGION_OUTPUTS:
            self.addOutput(QgsProcessingOutputNumber(name.upper(), tr(COLUMN_TITLES[name])))
        self.addOutput(QgsProcessingOutputNumber("CLUSTERS", tr("Clusters")))

    def processAlgorithm(self, parameters, context, feedback):
        sources = {
            name: self.source(parameters, name, context)
            for name in (self.EXCHANGES, self.ENTERPRISES, self.FLOWS)
        }
        labels = {
            self.EXCHANGES: tr("Chosen exchanges"),
            self.ENTERPRISES: tr("Enterprises"),
            self.FLOWS: tr("Flows (supplies and demands)"),
        }
        require_fields(sources[self.EXCHANGES], EXCHANGE_REQUIRED, labels[self.EXCHANGES])
        require_fields(sources[self.ENTERPRISES], ["ent_id"], labels[self.ENTERPRISES])
        require_fields(sources[self.FLOWS], FLOW_REQUIRED, labels[self.FLOWS])
        require_geometry_type(
            sources[self.ENTERPRISES], ENTERPRISE_GEOMETRIES, labels[self.ENTERPRISES]
        )
        require_crs(sources[self.ENTERPRISES], labels[self.ENTERPRISES])
        # refuse an unwritable report before any work, not after it
        report = prepare_output_file(self.parameterAsFileOutput(parameters, self.REPORT, context))
        exchanges = source_to_frame(sources[self.EXCHANGES], feedback, progress_span=(0, 20))
        ents_src = sources[self.ENTERPRISES]
        ents = source_to_frame(ents_src, feedback, progress_span=(20, 30))
        flows = source_to_frame(sources[self.FLOWS], feedback, progress_span=(30, 40))
        if feedback.isCanceled():
            return {}
        with core_errors():
            ents = check_enterprises(ents, labels[self.ENTERPRISES])
            flows = check_flows(flows, labels[self.FLOWS])
            for column in ["tonnage"] + [c for c in EXCHANGE_NUMBERS if c in exchanges.columns]:
                exchanges[column] = numeric_column(
                    exchanges,
                    column,
                    labels[self.EXCHANGES],
                    minimum=0.0 if column == "tonnage" else None,
                    allow_empty=column != "tonnage",
                )
        feedback.setProgressText(tr("Assessing"))
        result = assess(exchanges, ents, flows)
        feedback.setProgress(60)

        geometry_of = {}
        for feature in ents_src.getFeatures():
            geom = feature.geometry()
            if not geom.isNull():
                point = geom if geom.type() == QgsWkbTypes.PointGeometry else geom.pointOnSurface()
                geometry_of.setdefault(id_text(plain_value(feature["ent_id"])), point)
        outputs = {
            self.OUTPUT_ENTERPRISES: self._write(
                parameters,
                context,
                self.OUTPUT_ENTERPRISES,
                result.enterprises,
                ENTERPRISE_COLUMNS,
                QgsWkbTypes.Point,
                ents_src.sourceCrs(),
                geometry_of,
            ),
            self.OUTPUT_NODES: self._write(
                parameters, context, self.OUTPUT_NODES, result.nodes, NODE_COLUMNS
            ),
            self.OUTPUT_BALANCE: self._write(
                parameters, context, self.OUTPUT_BALANCE, result.balance, BALANCE_COLUMNS
            ),
        }
        if feedback.isCanceled():
            return {}
        sections = self._barrier_sections(parameters, context)
        with open(report, "w", encoding="utf-8") as handle:
            language = user_locale()
            names = enterprise_names(ents, language)  # one language for every name
            handle.write(
                render_html(result, tr, sections=sections, language=language, enterprises=names)
            )
        feedback.setProgress(100)
        region = {name.upper(): result.region[name] for name in REGION_OUTPUTS}
        feedback.pushInfo(
            tr("Net money {0} RUB/yr, net CO2 avoided {1} t/yr, {2} clusters").format(
                local_number(result.region["net_money_rub"]),
                local_number(result.region["net_co2_t"]),
                len(result.clusters),
            )
        )
        return {**outputs, self.REPORT: report, "CLUSTERS": len(result.clusters), **region}

    def _barrier_sections(self, parameters, context):
        """The barrier diagnosis as a report section, when its links are given."""
        links = self.optional_table(parameters, self.BARRIERS, context)
        if links is None:
            return []
        require_fields(
            self.parameterAsSource(parameters, self.BARRIERS, context),
            ["barriers", "barrier", "instrument", "max_qty"],
            tr("Barriers of the links (output of 'Diagnose barriers'), for the report"),
        )
        if "instrument_code" in links.columns:
            links["instrument"] = links["instrument_code"]
        else:  # written before instrument_code existed: its labels are in the UI language
            code_of = {tr(label): code for code, label in INSTRUMENTS.items()}
            links["instrument"] = [code_of.get(i, i) for i in links["instrument"]]
        return [report_section(summarise(links), instrument_summary(links), translate=tr)]

    def _write(
        self,
        parameters,
        context,
        name,
        frame,
        columns,
        wkb=QgsWkbTypes.NoGeometry,
        crs=None,
        geometry_of=None,
    ):
        geometry_of = geometry_of or {}
        return self.write_records(
            parameters,
            name,
            context,
            table_fields(columns),
            frame.to_dict("records"),
            wkb,
            crs
            if crs is not None
            else self.parameterAsSource(parameters, self.ENTERPRISES, context).sourceCrs(),
            geometry=lambda record: geometry_of.get(record.get("ent_id")),
        )
