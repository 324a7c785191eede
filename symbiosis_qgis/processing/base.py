"""What every symbiosis algorithm shares: icon, group, help in the user's language."""
from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..paths import resource_path
from .layer_io import source_to_frame


class SymbiosisAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ALG_ID and implement displayName, group_name, help_text and the rest."""

    ALG_ID = ""

    def name(self):
        return self.ALG_ID

    def createInstance(self):  # noqa: N802 (QGIS API)
        return type(self)()

    def icon(self):
        return QIcon(str(resource_path("icons", "symbiosis.svg")))

    def group(self):
        return self.group_name()

    def groupId(self):  # noqa: N802 (QGIS API)
        return self.GROUP_ID

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.help_text()

    def helpUrl(self):  # noqa: N802 (QGIS API)
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
