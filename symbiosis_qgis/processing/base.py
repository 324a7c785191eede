"""What every symbiosis algorithm shares: icon, group, help in the user's language."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread
from qgis.PyQt.QtGui import QIcon

from ..core.catalogue import MSG as CATALOGUE_MSG
from ..core.catalogue import load_materials
from ..core.inputs import FID
from ..i18n import tr
from ..paths import resource_path
from .layer_io import core_errors, qgis_value, source_to_frame, write_features
from .layer_roles import best_layer_for_role


def group_labels():
    """Toolbox groups by GROUP_ID (translated when asked, after the translator loads)."""
    return {"data": tr("Data"), "analysis": tr("Analysis"), "maps": tr("Maps")}


# input parameter -> the role (processing/layer_roles.py) of the layer it takes
ROLE_OF_INPUT = {
    "ENTERPRISES": "enterprises",
    "FLOWS": "flows",
    "SITES": "sites",
    "TENANTS": "tenants",
}


def preselect_role_layer(definition, over_default=False):
    """Let a dialog open on the project layer that plays the input's role (told by its
    fields), not on the first layer of the right geometry in alphabetical order.

    Only the GUI default is set (``setGuiDefaultValueOverride``: QGIS's widgets read it,
    running the algorithm never does), so processing.run and qgis_process behave as before
    and a missing required input stays an error. Only in the main thread: algorithms are also
    created in tasks, where the project's layer tree must not be read. ``over_default``: also
    for an input with a stored default (the shipped models default to the sample data, but in
    a project the layer playing the role is the one meant).
    """
    role = ROLE_OF_INPUT.get(definition.name())
    app = QCoreApplication.instance()
    if (
        role is None
        or not isinstance(definition, QgsProcessingParameterFeatureSource)
        or (definition.defaultValue() is not None and not over_default)
        or app is None
        or QThread.currentThread() is not app.thread()
    ):
        return
    layer = best_layer_for_role(role)
    if layer is not None:
        definition.setGuiDefaultValueOverride(layer.id())


class SymbiosisAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ALG_ID and GROUP_ID and implement displayName, help_text and the rest."""

    ALG_ID = ""

    def name(self):
        return self.ALG_ID

    def addParameter(self, definition, createOutput=True):  # noqa: N803 (QGIS's name)
        preselect_role_layer(definition)
        return super().addParameter(definition, createOutput)

    def createInstance(self):
        return type(self)()

    def icon(self):
        return QIcon(str(resource_path("icons", "symbiosis.svg")))

    def group(self):
        return group_labels()[self.GROUP_ID]

    def groupId(self):
        return self.GROUP_ID

    def shortHelpString(self):
        return self.help_text()

    def helpUrl(self):
        return "https://github.com/kuzbass-symbiosis/symbiosis_qgis#algorithms"

    def source(self, parameters, name, context, optional=False):
        """A parameter's feature source; None when an optional one is not given; a message
        naming the parameter when it cannot be read."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None and (not optional or parameters.get(name)):
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def optional_table(self, parameters, name, context):
        """An optional table parameter (a user catalogue, say) as a frame, else None."""
        source = self.source(parameters, name, context, optional=True)
        return None if source is None else source_to_frame(source).drop(columns="_fid")

    def output_requested(self, parameters, name, context):
        """Whether an optional output was asked for. The batch dialog and Model Builder pass
        an output definition with an empty sink for "skip"; only a real destination counts."""
        value = parameters.get(name)
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink.valueAsString(context.expressionContext())[0]
        return bool(value)

    def create_sink(self, parameters, name, context, fields, wkb, crs):
        """A feature sink for output ``name``; a clear message when it cannot be created."""
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        return sink, dest_id

    def write_records(
        self,
        parameters,
        name,
        context,
        fields,
        records,
        wkb=QgsWkbTypes.NoGeometry,
        crs=None,
        geometry=None,
        feedback=None,
        progress_span=None,
    ):
        """Write dict ``records`` to output ``name``: one feature each, attributes by field
        name, ``geometry(record)`` (a QgsGeometry or None) when given. Every write is checked;
        a cancel stops between batches. Returns the destination id."""
        sink, dest_id = self.create_sink(
            parameters, name, context, fields, wkb, crs or QgsCoordinateReferenceSystem()
        )
        names = fields.names()

        def features():
            for record in records:
                feature = QgsFeature(fields)
                feature.setAttributes([qgis_value(record.get(n)) for n in names])
                if geometry is not None:
                    shape = geometry(record)
                    if shape is not None:
                        feature.setGeometry(shape)
                yield feature

        label = self.parameterDefinition(name).description()
        total = len(records) if hasattr(records, "__len__") else None
        write_features(sink, features(), label, feedback, total, progress_span)
        return dest_id

    def write_records_with_source_geometry(
        self, parameters, name, context, fields, records, source, feedback=None, span=None
    ):
        """Write ``records`` (rows of a frame read from ``source``, with its FID column),
        each with the geometry of the feature it came from, in the source's type and CRS."""
        geometry_of = (
            {
                f.id(): f.geometry()
                for f in source.getFeatures(QgsFeatureRequest().setNoAttributes())
            }
            if source.wkbType() != QgsWkbTypes.NoGeometry
            else {}
        )
        return self.write_records(
            parameters,
            name,
            context,
            fields,
            records,
            source.wkbType(),
            source.sourceCrs(),
            geometry=lambda record: geometry_of.get(record.get(FID)),
            feedback=feedback,
            progress_span=span,
        )

    # the inputs several algorithms share, defined once so labels and types stay alike
    def add_enterprises_input(self, name="ENTERPRISES"):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                name,
                tr("Enterprises"),
                [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
            )
        )

    def add_flows_input(self, name="FLOWS"):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                name, tr("Flows (supplies and demands)"), [QgsProcessing.TypeVector]
            )
        )

    def add_synergies_input(self, name="SYNERGIES"):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                name,
                tr("Synergy rules (default: bundled catalogue)"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )

    def add_materials_input(self, name="MATERIALS"):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                name,
                tr("Your own materials (merged over the bundled catalogue; yours win)"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )

    def materials(self, parameters, context, feedback, name="MATERIALS"):
        """The material catalogue: the bundled one, with the user's table merged over it when
        given; every shipped material a user row changes is logged."""
        table = self.optional_table(parameters, name, context)
        with core_errors():
            materials = load_materials(table)
        for conflict in materials.attrs.get("conflicts", []):
            feedback.pushWarning(tr(CATALOGUE_MSG[conflict.msg_code]).format(**conflict.params))
        return materials

    def add_links_input(self, name="LINKS"):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                name, tr("Links (routed links or candidates)"), [QgsProcessing.TypeVector]
            )
        )

    def add_default_cost_input(self, name="DEFAULT_COST"):
        self.addParameter(
            QgsProcessingParameterNumber(
                name,
                tr("Transport cost of links without a route cost, RUB per unit-km"),
                QgsProcessingParameterNumber.Double,
                6.0,
                minValue=0.0,
            )
        )
