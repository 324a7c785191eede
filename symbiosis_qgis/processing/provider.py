"""The `symbiosis` Processing provider."""

from importlib import import_module

from qgis.core import QgsApplication, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import resource_path, sample_data_path
from ..sample_project import SAMPLE_LAYERS
from .shipped_models import ShippedModel

# module -> algorithm class, in toolbox order. Imported one by one so that a missing Python
# package disables only the algorithms that need it (plugin.py says which, and why).
ALGORITHM_MODULES = [
    ("validate_data", "ValidateDataAlgorithm"),
    ("find_candidates", "FindCandidatesAlgorithm"),
    ("network_links", "NetworkLinksAlgorithm"),
    ("optimize_exchanges", "OptimizeExchangesAlgorithm"),
    ("assess_benefits", "AssessBenefitsAlgorithm"),
    ("policy_scenarios", "PolicyScenariosAlgorithm"),
    ("diagnose_barriers", "DiagnoseBarriersAlgorithm"),
    ("site_parks", "SiteParksAlgorithm"),
    ("draw_diagram", "DrawDiagramAlgorithm"),
    ("export_map", "ExportMapAlgorithm"),
    ("registry_init", "RegistryInitAlgorithm"),
    ("publish_matches", "PublishMatchesAlgorithm"),
]
UNAVAILABLE = {}  # module -> the ImportError that kept its algorithm out


def algorithm_classes():
    """The algorithm classes whose modules import; the failures are kept in UNAVAILABLE."""
    classes = []
    for module_name, class_name in ALGORITHM_MODULES:
        try:
            module = import_module(f"{__package__}.{module_name}")
        except ImportError as err:
            UNAVAILABLE[module_name] = err
            continue
        classes.append(getattr(module, class_name))
    return classes


class SymbiosisProvider(QgsProcessingProvider):
    def __init__(self, with_models=True):
        super().__init__()
        self.with_models = with_models

    def id(self):
        return "symbiosis"

    def name(self):
        return tr("Industrial symbiosis")

    def longName(self):
        return self.name()

    def icon(self):
        return QIcon(str(resource_path("icons", "symbiosis.svg")))

    def svgIconPath(self):
        return str(resource_path("icons", "symbiosis.svg"))

    def loadAlgorithms(self):
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
        if not self.with_models:
            return
        registry = QgsApplication.processingRegistry()
        if registry.providerById(self.id()) is None:
            # a model resolves its steps through the registry, which does not know this
            # provider until addProvider() returns: load the models once it does
            registry.providerAdded.connect(self._load_models_when_added)
            return
        for model in load_models():
            self.addAlgorithm(model)

    def _load_models_when_added(self, provider_id):
        if provider_id == self.id():
            QgsApplication.processingRegistry().providerAdded.disconnect(
                self._load_models_when_added
            )
            self.refreshAlgorithms()


def load_models():
    """The shipped Model Builder models, their layer inputs defaulting to the sample data,
    with display names and help in the UI language."""
    models = []
    for path in sorted(resource_path("models").glob("*.model3")):
        model = ShippedModel()
        if not model.fromFile(str(path)):
            continue
        model.translate()
        gpkg = sample_data_path("kuzbass.gpkg")
        for definition in model.parameterDefinitions():
            layer = definition.name().lower()
            if layer in SAMPLE_LAYERS:
                definition.setDefaultValue(f"{gpkg}|layername={layer}")
        models.append(model)
    return models
