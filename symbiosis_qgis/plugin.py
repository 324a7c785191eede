"""The QGIS plugin: Processing provider, menu entries and translator."""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from .dependencies import install_hint, missing_packages
from .i18n import load_translator, tr, user_locale
from .paths import resource_path
from .processing.provider import UNAVAILABLE, SymbiosisProvider
from .sample_project import load_sample_layers


class SymbiosisPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = None
        self.menu = None
        self.docks = {}

    def initProcessing(self):
        # QGIS calls this on its own for hasProcessingProvider=yes plugins, before initGui;
        # qgis_process calls only this, so the translator must load here too
        if self.translator is None:
            self.translator = load_translator(user_locale())
        if self.provider is None:
            self.provider = SymbiosisProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):
        self.initProcessing()
        self._create_menu()
        message = dependency_message()
        if message:
            self.iface.messageBar().pushWarning(tr("Industrial symbiosis"), message)

    def _create_menu(self):
        # A top-level menu of our own (before Help), removed whole on unload.
        menubar = self.iface.mainWindow().menuBar()
        self.menu = QMenu(tr("&Industrial symbiosis"), menubar)
        self.menu.setObjectName("symbiosisMenu")
        icon = QIcon(str(resource_path("icons", "symbiosis.svg")))
        for text, slot in [
            (tr("Symbiosis explorer"), lambda: self.show_dock("explorer")),
            (tr("Flow balance"), lambda: self.show_dock("balance")),
            (tr("Eco-industrial parks"), lambda: self.show_dock("parks")),
            (tr("Resource registry"), lambda: self.show_dock("registry")),
            (tr("Validate symbiosis data…"), self._open_validate_dialog),
            (tr("Load Kuzbass sample data"), lambda: load_sample_layers()),
        ]:
            action = QAction(icon, text, self.menu)
            action.triggered.connect(slot)
            self.menu.addAction(action)
        existing = menubar.actions()
        if existing:
            menubar.insertMenu(existing[-1], self.menu)
        else:
            menubar.addMenu(self.menu)

    def show_dock(self, kind):
        """Create the dock on first use, then show it (docks are made lazily: GUI only)."""
        if kind not in self.docks:
            from qgis.PyQt.QtCore import Qt

            try:
                from .gui.balance_dock import FlowBalanceDock
                from .gui.explorer_dock import SymbiosisExplorerDock
                from .gui.parks_dock import ParksDock
                from .gui.registry_dock import RegistryDock
            except ImportError:  # a missing package: say which instead of a traceback
                self.iface.messageBar().pushCritical(
                    tr("Industrial symbiosis"), dependency_message()
                )
                return None
            if kind == "registry":
                dock = RegistryDock(self.iface, self.iface.mainWindow())
            elif kind == "parks":
                dock = ParksDock(self.iface, self.iface.mainWindow())
            else:
                dock = (
                    SymbiosisExplorerDock(self.iface, self.iface.mainWindow())
                    if kind == "explorer"
                    else FlowBalanceDock(self.iface.mainWindow())
                )
            self.iface.addDockWidget(Qt.RightDockWidgetArea, dock)
            # one tabbed column: stacked docks made the window taller than a 768-px screen
            window = self.iface.mainWindow()
            right = Qt.RightDockWidgetArea
            beside = [d for d in self.docks.values() if window.dockWidgetArea(d) == right]
            if beside:
                window.tabifyDockWidget(beside[-1], dock)
            self.docks[kind] = dock
        self.docks[kind].show()
        self.docks[kind].raise_()
        return self.docks[kind]

    def _open_validate_dialog(self):
        import processing

        processing.execAlgorithmDialog("symbiosis:validatedata", {})

    def unload(self):
        for dock in self.docks.values():
            if hasattr(dock, "cleanup"):
                dock.cleanup()
            self.iface.mainWindow().removeDockWidget(dock)
            dock.deleteLater()
        self.docks = {}
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        self.docks = {}
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None


def dependency_message():
    """What is missing and how to install it, in words; "" when nothing is."""
    missing = missing_packages()
    if not missing and not UNAVAILABLE:
        return ""
    hint = install_hint(missing)
    return tr(
        "Python package(s) missing: {names}. {count} tool(s) are unavailable until they are "
        "installed (Debian/Ubuntu: {apt}; OSGeo4W Shell or pip: {pip}), then QGIS restarted."
    ).format(
        names=", ".join(missing) or "?",
        count=len(UNAVAILABLE),
        apt=hint["apt"],
        pip=hint["pip"],
    )
