"""The QGIS plugin: Processing provider, menu entries and translator."""
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from .i18n import load_translator, tr, user_locale
from .paths import resource_path
from .processing.provider import SymbiosisProvider
from .sample_project import load_sample_layers


class SymbiosisPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = None
        self.menu = None

    def initProcessing(self):  # noqa: N802 (QGIS API)
        # QGIS calls this on its own for hasProcessingProvider=yes plugins, before initGui.
        if self.provider is None:
            self.provider = SymbiosisProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS API)
        self.translator = load_translator(user_locale())
        self.initProcessing()
        self._create_menu()

    def _create_menu(self):
        # A top-level menu of our own (before Help), removed whole on unload.
        menubar = self.iface.mainWindow().menuBar()
        self.menu = QMenu(tr("&Industrial symbiosis"), menubar)
        self.menu.setObjectName("symbiosisMenu")
        icon = QIcon(str(resource_path("icons", "symbiosis.svg")))
        for text, slot in [(tr("Validate symbiosis data…"), self._open_validate_dialog),
                           (tr("Load Kuzbass sample data"), lambda: load_sample_layers())]:
            action = QAction(icon, text, self.menu)
            action.triggered.connect(slot)
            self.menu.addAction(action)
        existing = menubar.actions()
        if existing:
            menubar.insertMenu(existing[-1], self.menu)
        else:
            menubar.addMenu(self.menu)

    def _open_validate_dialog(self):
        import processing

        processing.execAlgorithmDialog("symbiosis:validatedata", {})

    def unload(self):
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
