"""The `symbiosis` Processing provider."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import resource_path
from .assess_benefits import AssessBenefitsAlgorithm
from .draw_diagram import DrawDiagramAlgorithm
from .export_map import ExportMapAlgorithm
from .find_candidates import FindCandidatesAlgorithm
from .network_links import NetworkLinksAlgorithm
from .optimize_exchanges import OptimizeExchangesAlgorithm
from .policy_scenarios import PolicyScenariosAlgorithm
from .validate_data import ValidateDataAlgorithm


def algorithm_classes():
    return [ValidateDataAlgorithm, FindCandidatesAlgorithm, NetworkLinksAlgorithm,
            OptimizeExchangesAlgorithm, AssessBenefitsAlgorithm, PolicyScenariosAlgorithm,
            DrawDiagramAlgorithm, ExportMapAlgorithm]


class SymbiosisProvider(QgsProcessingProvider):
    def id(self):
        return "symbiosis"

    def name(self):
        return tr("Industrial symbiosis")

    def longName(self):  # noqa: N802 (QGIS API)
        return self.name()

    def icon(self):
        return QIcon(str(resource_path("icons", "symbiosis.svg")))

    def svgIconPath(self):  # noqa: N802 (QGIS API)
        return str(resource_path("icons", "symbiosis.svg"))

    def loadAlgorithms(self):  # noqa: N802 (QGIS API)
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
