"""Eco-industrial parks dock: run symbiosis:siteparks in the background, show the parks.

The dock is a thin front of the algorithm: its knobs (MAX_PARKS, co-financing share, budget)
take their defaults and limits from the algorithm's own parameter definitions, which read
core.parks.ParkSettings; the run is a QgsProcessingAlgRunnerTask, so the window stays
responsive and Cancel reaches the solver (siteparks runs HiGHS in a forked child that a
cancel terminates). parks_run.py runs the task and puts the outputs into the project's
GeoPackage and layer group; parks_tables.py writes the tables and the status in words.
"""

import contextlib
import json

from qgis.core import QgsApplication, QgsProject
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import i18n  # i18n.user_locale() through the module: tests switch it in one place
from ..i18n import tr
from ..processing.layer_roles import select_role_layer
from .common import LINES, POINTS, TABLES, ProjectSettings, layer_combo
from .parks_run import ALGORITHM_ID, ParksRun, previous_parks, publish_parks
from .parks_tables import (
    MILLION,
    fill_table,
    fit_columns,
    layer_rows,
    park_headers,
    park_rows,
    parks_by_benefit,
    plain,
    product_names,
    result_table,
    summary_text,
    tenant_headers,
    tenant_rows,
)


def _totals(results):
    """The result values worth keeping in the project (no layer paths)."""
    keys = ("STATUS", "MIP_GAP", "PARKS_OPENED", "TONNES", "NET_BENEFIT", "COFINANCING")
    return {key: plain(results.get(key)) for key in keys}


class ParksDock(QgsDockWidget):
    """Choose the layers and knobs, run siteparks in the background, read the parks."""

    def __init__(self, iface=None, parent=None):
        super().__init__(tr("Eco-industrial parks"), parent)
        self.setObjectName("SymbiosisParksDock")
        self.iface = iface
        self.settings = ProjectSettings("parks")
        self.run = None  # the ParksRun under way
        self.outcome = ""  # of the last run: "written", "canceled" or "failed"
        self.last_results = {}
        self.parks = []  # rows of the parks layer, as shown
        self.tenants = []
        self.layers = {}
        self.group = None
        self.definitions = self._definitions()
        self._restoring = True
        self._build()
        self.restore()
        self._restoring = False
        self.pick_layers()
        self.layers_box.setCollapsed(self._required_chosen())
        self.show_previous()
        QgsProject.instance().layersAdded.connect(self.pick_layers)
        QgsProject.instance().readProject.connect(self.show_previous)
        QgsProject.instance().layersWillBeRemoved.connect(self.forget_removed)

    # ---------------------------------------------------------------- widgets
    @staticmethod
    def _definitions():
        """The knobs' parameter definitions; None when siteparks is not registered (scipy
        missing, say: the plugin's message bar says which package)."""
        algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM_ID)
        if algorithm is None:
            return None
        return {
            name: algorithm.parameterDefinition(name)
            for name in ("MAX_PARKS", "COFINANCE_SHARE", "BUDGET")
        }

    def _build(self):
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.layers_box = QgsCollapsibleGroupBox(tr("Layers"))
        form = QFormLayout(self.layers_box)
        self.sites_combo = layer_combo(POINTS)
        self.enterprises_combo = layer_combo(POINTS)
        self.flows_combo = layer_combo(TABLES)
        self.tenants_combo = layer_combo(TABLES, allow_empty=True)
        self.roads_combo = layer_combo(LINES, allow_empty=True)
        self.rails_combo = layer_combo(LINES, allow_empty=True)
        self.terminals_combo = layer_combo(POINTS, allow_empty=True)
        self.tenants_combo.setToolTip(tr("Empty: the bundled catalogue of closing productions"))
        self.roads_combo.setToolTip(tr("Empty: straight distance x detour factor"))
        for label, combo in [
            (tr("Candidate park sites"), self.sites_combo),
            (tr("Enterprises"), self.enterprises_combo),
            (tr("Flows (supplies and demands)"), self.flows_combo),
            (tr("Tenant catalogue"), self.tenants_combo),
            (tr("Roads"), self.roads_combo),
            (tr("Railways"), self.rails_combo),
            (tr("Road-rail terminals"), self.terminals_combo),
        ]:
            form.addRow(label, combo)
        layout.addWidget(self.layers_box)

        knobs = QGridLayout()  # two rows: narrow enough for a dock beside a 1366 px map
        self.max_parks = QSpinBox()
        self.cofinance = QDoubleSpinBox()
        self.budget = QDoubleSpinBox()
        self._limit_knobs()
        for row, col, span, label, widget in [
            (0, 0, 1, tr("Parks at most"), self.max_parks),
            (0, 2, 1, tr("Co-financed"), self.cofinance),
            (1, 0, 3, tr("Budget"), self.budget),
        ]:
            caption = QLabel(label)
            caption.setBuddy(widget)
            knobs.addWidget(caption, row, col)
            knobs.addWidget(widget, row, col + 1, 1, span)
        knobs.setColumnStretch(1, 1)
        knobs.setColumnStretch(3, 1)
        layout.addLayout(knobs)

        actions = QHBoxLayout()
        self.run_button = QPushButton(tr("Run"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumHeight(18)
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.run_button)
        actions.addWidget(self.cancel_button)
        layout.addLayout(actions)

        self.status = QLabel(tr("Choose the layers and press Run."))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.status)

        self.parks_table = result_table(park_headers())
        self.tenants_table = result_table(tenant_headers())
        self.tenants_caption = QLabel()
        tenants_box = QWidget()
        tenants_layout = QVBoxLayout(tenants_box)
        tenants_layout.setContentsMargins(0, 0, 0, 0)
        tenants_layout.addWidget(self.tenants_caption)
        tenants_layout.addWidget(self.tenants_table, 1)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.parks_table)
        splitter.addWidget(tenants_box)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.setWidget(body)

        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.parks_table.itemSelectionChanged.connect(self.show_tenants)
        for combo in self._combos().values():
            combo.layerChanged.connect(self.save)
        for box in (self.max_parks, self.cofinance, self.budget):
            box.valueChanged.connect(self.save)

    def _limit_knobs(self):
        """Defaults and limits of the algorithm's parameters (themselves from ParkSettings)."""
        if self.definitions is None:
            for widget in (self.max_parks, self.cofinance, self.budget):
                widget.setEnabled(False)
            return
        parks = self.definitions["MAX_PARKS"]
        self.max_parks.setRange(int(parks.minimum()), int(min(parks.maximum(), 999)))
        self.max_parks.setValue(int(parks.defaultValue()))
        self.max_parks.setToolTip(parks.description())
        share = self.definitions["COFINANCE_SHARE"]  # shown in per cent
        self.cofinance.setRange(100 * share.minimum(), 100 * share.maximum())
        self.cofinance.setDecimals(0)
        self.cofinance.setSingleStep(5)
        self.cofinance.setSuffix(" %")
        self.cofinance.setValue(100 * share.defaultValue())
        self.cofinance.setToolTip(share.description())
        budget = self.definitions["BUDGET"]  # shown in million RUB
        self.budget.setRange(budget.minimum() / MILLION, min(budget.maximum() / MILLION, 1e6))
        self.budget.setDecimals(0)
        self.budget.setSingleStep(50)
        self.budget.setSuffix(tr(" mln RUB"))
        self.budget.setValue(budget.defaultValue() / MILLION)
        self.budget.setToolTip(budget.description())

    def _combos(self):
        return {
            "sites": self.sites_combo,
            "enterprises": self.enterprises_combo,
            "flows": self.flows_combo,
            "tenants": self.tenants_combo,
            "roads": self.roads_combo,
            "rails": self.rails_combo,
            "terminals": self.terminals_combo,
        }

    def _required_chosen(self):
        return all(
            combo.currentLayer() is not None
            for combo in (self.sites_combo, self.enterprises_combo, self.flows_combo)
        )

    # ---------------------------------------------------------------- settings
    def pick_layers(self, *_):
        """Each picker on the layer that plays its role, unless it already shows one."""
        for role in ("sites", "enterprises", "flows", "tenants"):
            select_role_layer(self._combos()[role], role)

    def restore(self):
        for key, combo in self._combos().items():
            self.settings.restore_layer(combo, key)
        for key, box in [
            ("max_parks", self.max_parks),
            ("cofinance_pct", self.cofinance),
            ("budget_mln", self.budget),
        ]:
            with contextlib.suppress(ValueError):  # nothing stored: the default stays
                box.setValue(type(box.value())(float(self.settings.read(key))))

    def save(self, *_):
        if self._restoring:  # a restored value must not overwrite one not yet read
            return
        for key, combo in self._combos().items():
            layer = combo.currentLayer()
            self.settings.write(key, layer.id() if layer is not None else "")
        self.settings.write("max_parks", self.max_parks.value())
        self.settings.write("cofinance_pct", self.cofinance.value())
        self.settings.write("budget_mln", self.budget.value())

    # ---------------------------------------------------------------- running
    def parameters(self):
        """siteparks parameters of the current choices (outputs are added by ParksRun).
        Layers go by id: the task finds them in the project, and one removed meanwhile is
        an error in words rather than a dangling pointer in the task's thread."""
        values = {
            "MAX_PARKS": self.max_parks.value(),
            "COFINANCE_SHARE": self.cofinance.value() / 100.0,
            "BUDGET": self.budget.value() * MILLION,
        }
        for name, combo in [
            ("SITES", self.sites_combo),
            ("ENTERPRISES", self.enterprises_combo),
            ("FLOWS", self.flows_combo),
            ("TENANTS", self.tenants_combo),
            ("ROADS", self.roads_combo),
            ("RAILS", self.rails_combo),
            ("TERMINALS", self.terminals_combo),
        ]:
            if combo.currentLayer() is not None:
                values[name] = combo.currentLayer().id()
        return values

    def start(self):
        """Queue a siteparks run; the dock is updated when the task ends."""
        if self.run is not None:
            return None
        if self.definitions is None:
            self.status.setText(
                tr("Site eco-industrial parks is unavailable: a Python package is missing.")
            )
            return None
        if not self._required_chosen():
            self.status.setText(
                tr("Choose the candidate sites, the enterprises and the flows first.")
            )
            return None
        self.run = ParksRun(self.parameters(), self._park_names())
        self.run.task.executed.connect(self._finished)
        self.run.task.progressChanged.connect(lambda p: self.progress.setValue(int(p)))
        self.run.feedback.stage.connect(self.status.setText)
        self.progress.setValue(0)
        self.status.setText(tr("Running in the background…"))
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        QgsApplication.taskManager().addTask(self.run.task)
        return self.run.task

    def cancel(self):
        if self.run is not None:
            self.status.setText(tr("Canceling…"))
            self.run.task.cancel()

    def _finished(self, ok, results):
        run, self.run = self.run, None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        try:
            if run.feedback.isCanceled():
                self.outcome = "canceled"
                self.status.setText(tr("Canceled: nothing was added; the previous parks stay."))
                return
            if not ok or "STATUS" not in results:
                self.outcome = "failed"
                self.status.setText(run.error_text())
                return
            self.outcome = "written" if self._publish(run, results) else "failed"
        finally:
            run.discard()
            self.progress.setValue(100 if ok else 0)

    def _publish(self, run, results):
        try:
            self.group, self.layers, gpkg, next_to_project = publish_parks(
                QgsProject.instance(), results
            )
        except OSError as err:
            self.status.setText(str(err))
            return False
        self.last_results = dict(results)
        self.settings.write("results", json.dumps(_totals(results)))
        self.settings.write("names", json.dumps(run.names))
        self.show_results(run.names)
        lines = [self.status.text()]
        if not next_to_project:
            lines.append(
                tr(
                    "The project is not saved, so the parks are written to {}. Save the project "
                    "and run again to keep them next to it."
                ).format(gpkg)
            )
        self.status.setText("\n".join(lines))
        return True

    def _park_names(self):
        """{site_id: name in the UI language} from the sites layer (names fall back to ids)."""
        layer = self.sites_combo.currentLayer()
        if layer is None or "site_id" not in layer.fields().names():
            return {}
        fields = layer.fields().names()
        localized = f"name_{i18n.user_locale()}"
        names = {}
        for feature in layer.getFeatures():
            site_id = plain(feature["site_id"])
            if site_id is None:
                continue
            text = plain(feature[localized]) if localized in fields else None
            text = text or (plain(feature["name"]) if "name" in fields else None)
            names[str(site_id).strip()] = text or str(site_id)
        return names

    def show_previous(self, *_):
        """The parks of the project's group, when it has one (a reopened project), with
        the status and totals of the run that wrote them."""
        group, layers = previous_parks(QgsProject.instance())
        if group is None:
            return False
        try:
            self.last_results = json.loads(self.settings.read("results") or "{}")
            names = json.loads(self.settings.read("names") or "{}")
        except ValueError:
            self.last_results, names = {}, {}
        self.group, self.layers = group, layers
        self.show_results(names)
        return True

    def forget_removed(self, layer_ids):
        """Empty the tables when the layers they show leave the project."""
        if not set(layer_ids) & {layer.id() for layer in self.layers.values()}:
            return
        self.layers, self.group, self.parks, self.tenants = {}, None, [], []
        fill_table(self.parks_table, [])
        self.show_tenants()
        self.status.setText(tr("The parks layers were removed from the project."))

    def cleanup(self):
        """Stop a run and let go of the project's signals (plugin unload, tests)."""
        if self.run is not None:
            self.run.task.cancel()
        project = QgsProject.instance()
        for signal, slot in [
            (project.layersAdded, self.pick_layers),
            (project.readProject, self.show_previous),
            (project.layersWillBeRemoved, self.forget_removed),
        ]:
            with contextlib.suppress(TypeError):
                signal.disconnect(slot)

    def closeEvent(self, event):
        self.cancel()
        super().closeEvent(event)

    # ---------------------------------------------------------------- results
    def show_results(self, names):
        """Fill the parks table from the parks layer just written; status and gap in words."""
        language = i18n.user_locale()
        self.parks = parks_by_benefit(self.layers["PARKS"])
        self.tenants = layer_rows(self.layers["TENANT_ROWS"])
        self.product_names = product_names(self.tenants_combo.currentLayer(), language)
        rows = park_rows(self.parks, self.tenants, names, language)
        fill_table(self.parks_table, rows)
        fit_columns(self.parks_table)
        self.status.setText(summary_text(self.last_results, language))
        self.parks_table.clearSelection()
        if rows:
            self.parks_table.selectRow(0)  # the best park's modules below
        self.show_tenants()

    def selected_park(self):
        rows = self.parks_table.selectionModel().selectedRows()
        return self.parks[rows[0].row()] if rows else None

    def show_tenants(self):
        """The tenant modules of the selected park."""
        park = self.selected_park()
        if park is None:
            self.tenants_caption.setText(tr("Select a park to see its tenant modules."))
            fill_table(self.tenants_table, [])
            return
        self.tenants_caption.setText(tr("Tenant modules of {}").format(park["label"]))
        rows = tenant_rows(park, self.tenants, self.product_names, i18n.user_locale())
        fill_table(self.tenants_table, rows)
        fit_columns(self.tenants_table)
