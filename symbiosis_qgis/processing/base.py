"""What every symbiosis algorithm shares: icon, group, help in the user's language."""
from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import resource_path


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
