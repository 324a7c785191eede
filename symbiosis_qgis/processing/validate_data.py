"""symbiosis:validatedata — check enterprises and flows before any analysis."""

from qgis.core import (
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
)
from qgis.PyQt.QtCore import QVariant

from ..core.validation import ERROR, WARNING, validate
from ..i18n import tr
from .base import SymbiosisAlgorithm
from .layer_io import (
    ENTERPRISE_GEOMETRIES,
    core_errors,
    require_geometry_type,
    source_to_frame,
)


def issue_fields():
    fields = QgsFields()
    for name, kind in [
        ("severity", QVariant.String),
        ("layer", QVariant.String),
        # not "fid": a GeoPackage takes a field of that name as its primary key, and the
        # columns after it shifted when the table already existed
        ("feature_id", QVariant.LongLong),
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
    MATERIALS = "MATERIALS"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return tr("Validate symbiosis data")

    def help_text(self):
        return tr(
            "Checks an enterprise layer and a flow table against the symbiosis data model and "
            "the material and synergy catalogues before any analysis.\n\n"
            "Errors: missing required fields, empty or duplicate identifiers, flows of unknown "
            "enterprises, unknown materials or units, negative, non-numeric, NaN or infinite "
            "quantities, enterprises without geometry, a layer without CRS.\n"
            "Warnings: zero quantities, a geographic CRS, unknown sectors, invalid polygons, "
            "malformed FKKO codes or codes outside their material's block, supplies or "
            "demands that no catalogue rule can match with another enterprise in the data.\n\n"
            "Your own materials (a table with the catalogue's columns) are merged over the "
            "bundled catalogue, so a flow of your material is not an error; a row that "
            "changes a bundled material wins and is logged.\n\n"
            "The output table lists every finding (severity, layer, feature id, field, "
            "message); ERRORS and WARNINGS give their counts. Warnings never make the "
            "algorithm fail, and the inputs are not modified."
        )

    def initAlgorithm(self, config=None):
        self.add_enterprises_input()
        self.add_flows_input()
        self.add_synergies_input()
        self.add_materials_input()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Validation report"), QgsProcessing.TypeVector
            )
        )
        self.addOutput(QgsProcessingOutputNumber("ERRORS", tr("Number of errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", tr("Number of warnings")))

    def processAlgorithm(self, parameters, context, feedback):
        # invalid polygons are findings of this algorithm, not a reason to stop it: read the
        # enterprises without Processing's geometry check (3.22 has no algorithm flag for it)
        check = context.invalidGeometryCheck()
        context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
        try:
            ents_src = self.source(parameters, self.ENTERPRISES, context)
        finally:
            context.setInvalidGeometryCheck(check)
        require_geometry_type(ents_src, ENTERPRISE_GEOMETRIES, tr("Enterprises"))
        flows_src = self.source(parameters, self.FLOWS, context)
        rules = self.optional_table(parameters, self.SYNERGIES, context)
        materials = self.materials(parameters, context, feedback)
        ents = source_to_frame(ents_src, feedback, with_geometry_state=True, progress_span=(0, 40))
        flows = source_to_frame(flows_src, feedback, progress_span=(40, 70))
        if feedback.isCanceled():
            return {}
        crs = ents_src.sourceCrs()
        geographic = crs.authid() or crs.description() if crs.isGeographic() else ""
        feedback.setProgressText(tr("Checking"))
        with core_errors():
            issues = validate(
                ents,
                flows,
                synergies=rules,
                materials=materials,
                geographic_crs=geographic,
                missing_crs=not crs.isValid(),
            )
        if feedback.isCanceled():
            return {}
        feedback.setProgress(90)
        rows = []
        for issue in issues:
            message = tr(issue.template).format(**issue.params)
            rows.append(
                {
                    "severity": issue.severity,
                    "layer": issue.layer,
                    "feature_id": issue.fid,
                    "record_id": issue.record_id,
                    "field": issue.field,
                    "code": issue.code,
                    "message": message,
                }
            )
        self._log(issues, rows, feedback)
        dest_id = self.write_records(
            parameters,
            self.OUTPUT,
            context,
            issue_fields(),
            rows,
            feedback=feedback,
            progress_span=(90, 100),
        )
        if feedback.isCanceled():
            return {}
        errors = sum(1 for i in issues if i.severity == ERROR)
        warnings = sum(1 for i in issues if i.severity == WARNING)
        feedback.pushInfo(tr("{0} errors, {1} warnings").format(errors, warnings))
        return {self.OUTPUT: dest_id, "ERRORS": errors, "WARNINGS": warnings}

    @staticmethod
    def _log(issues, rows, feedback, shown=200):
        """The first findings in the log (the table has them all: a log of 100,000 lines
        would bury the counts and slow the dialog down)."""
        for issue, row in zip(issues[:shown], rows):
            report = feedback.reportError if issue.severity == ERROR else feedback.pushWarning
            report(f"{issue.layer} {issue.record_id or ''}: {row['message']}")
        if len(issues) > shown:
            feedback.pushInfo(
                tr("{0} more findings are in the output table").format(len(issues) - shown)
            )
