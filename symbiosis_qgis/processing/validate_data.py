"""symbiosis:validatedata — check enterprises and flows before any analysis."""

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.catalogue import CatalogueError
from ..core.validation import ERROR, WARNING, validate
from ..i18n import tr
from .base import SymbiosisAlgorithm
from .layer_io import add_rows, source_to_frame


def issue_fields():
    fields = QgsFields()
    for name, kind in [
        ("severity", QVariant.String),
        ("layer", QVariant.String),
        ("fid", QVariant.LongLong),
        ("record_id", QVariant.String),
        ("field", QVariant.String),
        ("code", QVariant.String),
        ("message", QVariant.String),
    ]:
        fields.append(QgsField(name, kind))
    return fields


class ValidateDataAlgorithm(SymbiosisAlgorithm):
    ALG_ID = "validatedata"
    GROUP_ID = "data"
    ENTERPRISES = "ENTERPRISES"
    FLOWS = "FLOWS"
    SYNERGIES = "SYNERGIES"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return tr("Validate symbiosis data")

    def help_text(self):
        return tr(
            "Checks an enterprise layer and a flow table against the symbiosis data model and "
            "the material and synergy catalogues before any analysis.\n\n"
            "Errors: missing required fields, empty or duplicate identifiers, flows of unknown "
            "enterprises, unknown materials or units, negative or non-numeric quantities, "
            "enterprises without geometry.\n"
            "Warnings: zero quantities, a geographic CRS, unknown sectors, supplies or demands "
            "that no catalogue rule can match with another enterprise in the data.\n\n"
            "The output table lists every finding (severity, layer, feature id, field, "
            "message); ERRORS and WARNINGS give their counts. Warnings never make the "
            "algorithm fail, and the inputs are not modified."
        )

    def initAlgorithm(self, config=None):
        self.add_enterprises_input()
        self.add_flows_input()
        self.add_synergies_input()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Validation report"), QgsProcessing.TypeVector
            )
        )
        self.addOutput(QgsProcessingOutputNumber("ERRORS", tr("Number of errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", tr("Number of warnings")))

    def processAlgorithm(self, parameters, context, feedback):
        ents_src = self.source(parameters, self.ENTERPRISES, context)
        flows_src = self.source(parameters, self.FLOWS, context)
        rules = self.optional_table(parameters, self.SYNERGIES, context)
        ents = source_to_frame(ents_src, feedback, with_geometry_state=True, progress_span=(0, 40))
        flows = source_to_frame(flows_src, feedback, progress_span=(40, 80))
        crs = ents_src.sourceCrs()
        geographic = crs.authid() or crs.description() if crs.isGeographic() else ""
        try:
            issues = validate(ents, flows, synergies=rules, geographic_crs=geographic)
        except CatalogueError as err:
            raise QgsProcessingException(
                tr("Synergy catalogue is unusable: {}").format(err)
            ) from err

        fields = issue_fields()
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.NoGeometry, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows = []
        for issue in issues:
            message = tr(issue.template).format(**issue.params)
            rows.append(
                {
                    "severity": issue.severity,
                    "layer": issue.layer,
                    "fid": issue.fid if issue.fid is not None else None,
                    "record_id": issue.record_id,
                    "field": issue.field,
                    "code": issue.code,
                    "message": message,
                }
            )
            report = feedback.reportError if issue.severity == ERROR else feedback.pushWarning
            report(f"{issue.layer} {issue.record_id or ''}: {message}")
        add_rows(sink, fields, rows, feedback)
        feedback.setProgress(100)
        errors = sum(1 for i in issues if i.severity == ERROR)
        warnings = sum(1 for i in issues if i.severity == WARNING)
        feedback.pushInfo(tr("{0} errors, {1} warnings").format(errors, warnings))
        return {self.OUTPUT: dest_id, "ERRORS": errors, "WARNINGS": warnings}
