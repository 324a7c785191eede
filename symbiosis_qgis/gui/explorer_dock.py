"""Symbiosis explorer dock: one enterprise's flows, partners and exchanges, and the analysis."""

import pandas as pd
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMessageLog,
    QgsProject,
    QgsWkbTypes,
)
from qgis.gui import (
    QgsDockWidget,
    QgsMapToolIdentifyFeature,
    QgsRubberBand,
)
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..core.catalogue import load_materials
from ..i18n import local_number, tr
from ..processing.layer_io import LayerSnapshot
from .common import (
    LINES,
    POINTS,
    TABLES,
    ProjectSettings,
    category_label,
    compact_form,
    display_names,
    layer_combo,
    layer_frame,
    material_label,
    narrow,
    newest_result_layer,
    node_label,
    pick_role_layers,
    rows_where,
    scrolling,
    unit_label,
)
from .pipeline_task import PipelineInputs, PipelineTask
from .results import ResultWriteError, add_result_layers, results_destination, run_tag

FID_ROLE = Qt.UserRole + 1


def table(headers, stretch=(0, 2)):
    """A read-only table whose ``stretch`` columns (names) share the room left over and the
    others fit their contents, so numbers are never cut at a narrow dock width."""
    widget = QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QAbstractItemView.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SingleSelection)
    widget.setWordWrap(False)
    widget.setTextElideMode(Qt.ElideRight)
    header = widget.horizontalHeader()
    header.setMinimumSectionSize(40)
    for column in range(len(headers)):
        mode = QHeaderView.Stretch if column in stretch else QHeaderView.ResizeToContents
        header.setSectionResizeMode(column, mode)
    return widget


def fill(widget, rows, fids=None):
    """Rows of text and numbers; numbers right-aligned in the interface's format, every cell
    with its full text as tooltip (a stretched column may elide it)."""
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            is_number = isinstance(value, float)
            text = local_number(value) if is_number else str(value)
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if is_number:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            if fids is not None:
                item.setData(FID_ROLE, fids[r])
            widget.setItem(r, c, item)


class SymbiosisExplorerDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(tr("Symbiosis explorer"), parent)
        self.setObjectName("SymbiosisExplorerDock")
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.settings = ProjectSettings("explorer")
        self.materials = load_materials()
        self.task = None
        self.output_path = self.output_note = None
        self._enterprises, self._names = None, {}
        self._cleaned = False
        self.map_tool = None
        self.route_band = QgsRubberBand(self.canvas, QgsWkbTypes.LineGeometry)
        self.route_band.setColor(QColor(255, 0, 180, 200))
        self.route_band.setWidth(4)
        self.partner_band = QgsRubberBand(self.canvas, QgsWkbTypes.PointGeometry)
        self.partner_band.setColor(QColor(255, 0, 180, 220))
        self.partner_band.setIconSize(14)
        self.highlighted = None
        self._restoring = True  # no saving while the saved state is being read back
        self._build()
        self.restore()
        self._restoring = False
        self.refresh_enterprises()

    # ---------------------------------------------------------------- widgets
    def _build(self):
        body = QWidget()
        layout = QVBoxLayout(body)
        # the layer pickers stay in sight: a wrong default must be visible to be corrected
        self.layers_box = QGroupBox(tr("Layers"))
        form = compact_form(QFormLayout(self.layers_box))
        self.enterprises_combo = layer_combo(POINTS)
        self.flows_combo = layer_combo(TABLES)
        self.candidates_combo = layer_combo(LINES | TABLES, allow_empty=True)
        self.exchanges_combo = layer_combo(LINES | TABLES, allow_empty=True)
        self.roads_combo = layer_combo(LINES, allow_empty=True)
        self.rails_combo = layer_combo(LINES, allow_empty=True)
        self.terminals_combo = layer_combo(POINTS, allow_empty=True)
        for label, combo in [
            (tr("Enterprises"), self.enterprises_combo),
            (tr("Flows (supplies and demands)"), self.flows_combo),
            (tr("Partner candidates"), self.candidates_combo),
            (tr("Chosen exchanges"), self.exchanges_combo),
            (tr("Roads"), self.roads_combo),
            (tr("Railways"), self.rails_combo),
            (tr("Road-rail terminals"), self.terminals_combo),
        ]:
            form.addRow(label, combo)
        layout.addWidget(self.layers_box)

        picker = QHBoxLayout()
        self.enterprise_box = narrow(QComboBox())
        self.enterprise_box.setEditable(True)
        self.enterprise_box.setInsertPolicy(QComboBox.NoInsert)
        self.enterprise_box.completer().setFilterMode(Qt.MatchContains)
        self.enterprise_box.completer().setCompletionMode(QCompleter.PopupCompletion)
        self.pick_button = QPushButton(tr("Pick on map"))
        self.pick_button.setCheckable(True)
        self.enterprise_box.setToolTip(tr("Enterprise"))
        picker.addWidget(self.enterprise_box, 1)
        picker.addWidget(self.pick_button)
        layout.addLayout(picker)

        filters = QHBoxLayout()
        self.category_box = narrow(QComboBox())
        self.category_box.addItem(tr("All materials"), "")
        categories = {c: category_label(c) for c in self.materials["category"].unique()}
        for category, label in sorted(categories.items(), key=lambda item: item[1]):
            self.category_box.addItem(label, category)
        self.node_box = narrow(QComboBox(), 6)
        self.min_quantity = QDoubleSpinBox()
        self.min_quantity.setRange(0, 1e8)
        self.min_quantity.setDecimals(0)
        self.min_quantity.setSingleStep(1000)
        self.min_quantity.setToolTip(tr("Minimum quantity"))
        self.min_quantity.setGroupSeparatorShown(True)
        # materials on a row of their own, node and minimum below: one row of all three made
        # the dock 430 px wide at least
        layout.addWidget(self.category_box)
        self.min_quantity.setPrefix("≥ ")
        filters.addWidget(self.node_box, 1)
        filters.addWidget(self.min_quantity, 1)
        layout.addLayout(filters)

        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.tabs = QTabWidget()
        self.flows_table = table(
            [tr("Direction"), tr("Material"), tr("Quantity"), tr("Unit")], stretch=(1,)
        )
        # "Partner | Role" reads as a sentence: "Kuznetsk TPP | supplies" = the partner supplies
        self.candidates_table = table(
            [tr("Partner"), tr("Role"), tr("Material"), tr("Distance, km"), tr("Potential")]
        )
        self.exchanges_table = table(
            [tr("Partner"), tr("Role"), tr("Material"), tr("Quantity"), tr("Benefit, RUB/yr")]
        )
        self.tabs.addTab(self.flows_table, tr("Supplies and demands"))
        self.tabs.addTab(self.candidates_table, tr("Candidate partners"))
        self.tabs.addTab(self.exchanges_table, tr("Chosen exchanges"))
        layout.addWidget(self.tabs, 1)

        actions = QHBoxLayout()
        self.zoom_button = QPushButton(tr("Zoom to selection"))
        self.run_button = QPushButton(tr("Run analysis"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        # zoom acts on the table above it; the analysis buttons on a row of their own
        zoom = QHBoxLayout()
        zoom.addWidget(self.zoom_button)
        zoom.addStretch(1)
        layout.addLayout(zoom)
        actions.addWidget(self.run_button, 1)
        actions.addWidget(self.cancel_button)
        layout.addLayout(actions)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        layout.addWidget(self.progress)
        # scrolls rather than forcing the main window taller than a 768-px screen
        self.setWidget(scrolling(body, 540))

        self.enterprises_combo.layerChanged.connect(self.refresh_enterprises)
        for combo in (self.flows_combo, self.candidates_combo, self.exchanges_combo):
            combo.layerChanged.connect(self.refresh_tables)
        for combo in (self.roads_combo, self.rails_combo, self.terminals_combo):
            combo.layerChanged.connect(self.save)
        self.enterprise_box.currentIndexChanged.connect(self.refresh_tables)
        self.category_box.currentIndexChanged.connect(self.refresh_tables)
        self.node_box.currentIndexChanged.connect(self.refresh_enterprise_list)
        self.min_quantity.valueChanged.connect(self.refresh_tables)
        self.candidates_table.itemSelectionChanged.connect(
            lambda: self.highlight(self.candidates_table, self.candidates_combo)
        )
        self.exchanges_table.itemSelectionChanged.connect(
            lambda: self.highlight(self.exchanges_table, self.exchanges_combo)
        )
        self.zoom_button.clicked.connect(self.zoom_to_highlight)
        self.pick_button.toggled.connect(self.toggle_map_tool)
        self.run_button.clicked.connect(self.run_analysis)
        self.cancel_button.clicked.connect(self.cancel_analysis)
        # a removed layer may leave a combo on "no layer" without a layerChanged signal
        QgsProject.instance().layersRemoved.connect(self._layers_removed)
        QgsProject.instance().layersAdded.connect(self._layers_added)

    def _layers_added(self, _layers):
        # e.g. "Load Kuzbass sample data" after the dock was opened
        pick_role_layers({"enterprises": self.enterprises_combo, "flows": self.flows_combo})

    def _layers_removed(self, _ids):
        # let the layer pickers forget the removed layers first
        QTimer.singleShot(0, self.refresh_enterprises)

    # ---------------------------------------------------------------- settings
    def restore(self):
        saved = {
            key: self.settings.restore_layer(combo, key) for key, combo in self._combos().items()
        }
        # no saved choice, or one without the fields the role needs (projects saved before
        # the pickers went by fields hold the enterprises as flows): the layers that fit
        pick_role_layers({"enterprises": self.enterprises_combo, "flows": self.flows_combo})
        for kind, combo in (
            ("candidates", self.candidates_combo),
            ("exchanges", self.exchanges_combo),
        ):
            if not saved[kind] and newest_result_layer(kind) is not None:
                combo.setLayer(newest_result_layer(kind))
        self.min_quantity.setValue(float(self.settings.read("min_quantity", "0") or 0))
        index = self.category_box.findData(self.settings.read("category"))
        self.category_box.setCurrentIndex(max(index, 0))

    def _combos(self):
        return {
            "enterprises": self.enterprises_combo,
            "flows": self.flows_combo,
            "candidates": self.candidates_combo,
            "exchanges": self.exchanges_combo,
            "roads": self.roads_combo,
            "rails": self.rails_combo,
            "terminals": self.terminals_combo,
        }

    def save(self):
        if self._restoring:
            return
        for key, combo in self._combos().items():
            self.settings.write(key, combo.currentLayer().id() if combo.currentLayer() else "")
        self.settings.write("enterprise", self.current_enterprise() or "")
        self.settings.write("node", self.node_box.currentData() or "")
        self.settings.write("category", self.category_box.currentData() or "")
        self.settings.write("min_quantity", self.min_quantity.value())

    # ---------------------------------------------------------------- enterprises
    def enterprises(self):
        return self._enterprises

    def _read_enterprises(self):
        # read once per layer choice: every click on a row would otherwise re-read them all
        self._enterprises = layer_frame(self.enterprises_combo.currentLayer())
        usable = self._enterprises is not None and "ent_id" in self._enterprises.columns
        self._names = display_names(self._enterprises) if usable else {}

    def refresh_enterprises(self):
        self._read_enterprises()
        ents = self.enterprises()
        self.node_box.blockSignals(True)
        self.node_box.clear()
        self.node_box.addItem(tr("All nodes"), "")
        if ents is not None and "node" in ents.columns:
            nodes = {str(n): node_label(n) for n in ents["node"].dropna()}
            for node, label in sorted(nodes.items(), key=lambda item: item[1]):
                self.node_box.addItem(label, node)
        self.node_box.setCurrentIndex(max(self.node_box.findData(self.settings.read("node")), 0))
        self.node_box.blockSignals(False)
        self.refresh_enterprise_list()

    def refresh_enterprise_list(self):
        ents = self.enterprises()
        wanted = (
            self.settings.read("enterprise")
            if self._restoring
            else self.current_enterprise() or self.settings.read("enterprise")
        )
        self.enterprise_box.blockSignals(True)
        self.enterprise_box.clear()
        if ents is not None and "ent_id" in ents.columns:
            names = display_names(ents)
            node = self.node_box.currentData()
            if node and "node" in ents.columns:
                ents = ents[ents["node"].astype(str) == node]
            for ent_id in ents["ent_id"].astype(str):
                self.enterprise_box.addItem(f"{names[ent_id]} ({ent_id})", ent_id)
        index = self.enterprise_box.findData(wanted)
        self.enterprise_box.setCurrentIndex(max(index, 0))
        self.enterprise_box.blockSignals(False)
        self.refresh_tables()

    def current_enterprise(self):
        return self.enterprise_box.currentData()

    def select_enterprise(self, ent_id):
        index = self.enterprise_box.findData(str(ent_id))
        if index < 0 and self.node_box.currentIndex() != 0:
            self.node_box.setCurrentIndex(0)  # the enterprise may sit in another node
            index = self.enterprise_box.findData(str(ent_id))
        if index >= 0:
            self.enterprise_box.setCurrentIndex(index)

    def toggle_map_tool(self, on):
        layer = self.enterprises_combo.currentLayer()
        if on and layer is not None:
            self.map_tool = QgsMapToolIdentifyFeature(self.canvas, layer)
            self.map_tool.featureIdentified.connect(
                lambda feature: self.select_enterprise(feature["ent_id"])
            )
            self.canvas.setMapTool(self.map_tool)
        elif self.map_tool is not None:
            self.canvas.unsetMapTool(self.map_tool)
            self.map_tool = None
            self.pick_button.setChecked(False)

    # ---------------------------------------------------------------- tables
    def _material_ok(self, material):
        category = self.category_box.currentData()
        if not category:
            return True
        return (
            material in self.materials.index
            and self.materials.at[material, "category"] == category
        )

    def refresh_tables(self):
        self.clear_highlight()
        self.save()
        for widget in (self.flows_table, self.candidates_table, self.exchanges_table):
            widget.setRowCount(0)
        ents = self.enterprises()
        if ents is None:
            self.status.setText(tr("Choose an enterprise layer (it may have been removed)."))
            return
        if "ent_id" not in ents.columns:
            self.status.setText(tr("The enterprise layer has no ent_id field."))
            return
        ent_id = self.current_enterprise()
        if not ent_id:
            self.status.setText(tr("Choose an enterprise in the list or on the map."))
            return
        names = self._names
        minimum = self.min_quantity.value()
        mine = rows_where(
            self.flows_combo.currentLayer(),
            ["ent_id"],
            ent_id,
            ["ent_id", "direction", "material", "quantity", "unit"],
        )
        shown = []
        if mine is not None and {"ent_id", "direction", "material", "quantity"} <= set(
            mine.columns
        ):
            for row in mine.itertuples(index=False):
                qty = pd.to_numeric(row.quantity, errors="coerce")
                if self._material_ok(row.material) and (pd.isna(qty) or qty >= minimum):
                    direction = {"supply": tr("supply"), "demand": tr("demand")}.get(
                        row.direction, row.direction
                    )
                    shown.append(
                        (
                            direction,
                            material_label(row.material, self.materials),
                            float(qty),
                            unit_label(getattr(row, "unit", "")),
                        )
                    )
        fill(self.flows_table, shown)
        self._fill_partner_table(
            self.candidates_table, self.candidates_combo, ent_id, names, "potential", "dist_km"
        )
        self._fill_partner_table(
            self.exchanges_table, self.exchanges_combo, ent_id, names, "tonnage", "benefit"
        )
        self.status.setText(
            tr("{0}: {1} flows, {2} candidate partners, {3} exchanges").format(
                names.get(ent_id, ent_id),
                self.flows_table.rowCount(),
                self.candidates_table.rowCount(),
                self.exchanges_table.rowCount(),
            )
        )

    def _fill_partner_table(self, widget, combo, ent_id, names, qty_field, extra_field):
        columns = ["supply_ent", "demand_ent", "supply_mat", "unit", "supply_unit"]
        frame = rows_where(
            combo.currentLayer(),
            ["supply_ent", "demand_ent"],
            ent_id,
            columns + [qty_field, extra_field],
        )
        if frame is None or not {"supply_ent", "demand_ent"} <= set(frame.columns):
            return
        rows, fids = [], []
        for record in frame.to_dict("records"):
            gives = str(record["supply_ent"]) == ent_id
            partner = str(record["demand_ent"] if gives else record["supply_ent"])
            material = str(record.get("supply_mat", ""))
            unit = unit_label(record.get("unit", record.get("supply_unit", "t/yr")))
            qty = float(pd.to_numeric(record.get(qty_field), errors="coerce") or 0.0)
            if not self._material_ok(material) or qty < self.min_quantity.value():
                continue
            extra = float(pd.to_numeric(record.get(extra_field), errors="coerce") or 0.0)
            # the partner's role: it receives what this enterprise gives, or supplies it
            role = tr("receives") if gives else tr("supplies")
            name = names.get(partner, partner)
            material_text = material_label(material, self.materials)
            if widget is self.candidates_table:
                rows.append((name, role, material_text, extra, qty))
            else:
                rows.append((name, role, material_text, f"{local_number(qty)} {unit}", extra))
            fids.append((record["_fid"], partner))
        fill(widget, rows, fids)

    # ---------------------------------------------------------------- highlight
    def highlight(self, widget, combo):
        self.clear_highlight()
        items = widget.selectedItems()
        layer = combo.currentLayer()
        if not items or layer is None:
            return
        fid, partner = items[0].data(FID_ROLE)
        to_canvas = QgsCoordinateTransform(
            layer.crs(), self.canvas.mapSettings().destinationCrs(), QgsProject.instance()
        )
        feature = next(layer.getFeatures(QgsFeatureRequest(fid)), None)
        if feature is not None and feature.hasGeometry():
            route = QgsGeometry(feature.geometry())
            route.transform(to_canvas)
            self.route_band.setToGeometry(route, None)
            self.highlighted = route
        ents_layer = self.enterprises_combo.currentLayer()
        if ents_layer is not None:
            request = QgsFeatureRequest().setFilterExpression(f"\"ent_id\" = '{partner}'")
            found = next(ents_layer.getFeatures(request), None)
            if found is not None and found.hasGeometry():
                point = QgsGeometry(found.geometry())
                point.transform(
                    QgsCoordinateTransform(
                        ents_layer.crs(),
                        self.canvas.mapSettings().destinationCrs(),
                        QgsProject.instance(),
                    )
                )
                self.partner_band.setToGeometry(point, None)
                if self.highlighted is None:
                    self.highlighted = point

    def clear_highlight(self):
        self.route_band.reset(QgsWkbTypes.LineGeometry)
        self.partner_band.reset(QgsWkbTypes.PointGeometry)
        self.highlighted = None

    def zoom_to_highlight(self):
        if self.highlighted is not None:
            box = self.highlighted.boundingBox()
            self.canvas.setExtent(box.buffered(max(box.width(), box.height(), 2000) * 0.3))
            self.canvas.refresh()

    def closeEvent(self, event):
        self.clear_highlight()
        self.toggle_map_tool(False)
        super().closeEvent(event)

    def cleanup(self):
        """Remove what the dock put on the canvas (plugin unload); safe to call twice."""
        if self._cleaned:
            return
        self._cleaned = True
        QgsProject.instance().layersRemoved.disconnect(self._layers_removed)
        QgsProject.instance().layersAdded.disconnect(self._layers_added)
        self._restoring = True  # from now on nothing is written to the project
        for combo in self._combos().values():
            combo.blockSignals(True)
        self.clear_highlight()
        self.toggle_map_tool(False)
        for band in (self.route_band, self.partner_band):
            self.canvas.scene().removeItem(band)

    # ---------------------------------------------------------------- analysis
    def pipeline_inputs(self):
        """Snapshots of the chosen layers (cheap: the features are read in the task);
        None, and a message, when the choice is unusable."""
        ents_layer = self.enterprises_combo.currentLayer()
        flows_layer = self.flows_combo.currentLayer()
        if ents_layer is None or flows_layer is None:
            self.status.setText(tr("Choose an enterprise layer and a flow table first."))
            return None

        def snapshot(combo):
            layer = combo.currentLayer()
            return LayerSnapshot(layer) if layer is not None and layer.isValid() else None

        return PipelineInputs(
            LayerSnapshot(ents_layer),
            LayerSnapshot(flows_layer),
            snapshot(self.roads_combo),
            snapshot(self.rails_combo),
            snapshot(self.terminals_combo),
            transform_context=QgsProject.instance().transformContext(),
            output_path=self.output_path,
            run_tag=run_tag(),
            language=i18n.user_locale(),
        )

    def run_analysis(self):
        # the results go to the project's GeoPackage (a temporary one for an unsaved project)
        self.output_path, self.output_note = results_destination()
        inputs = self.pipeline_inputs()
        if inputs is None:
            return
        self.task = PipelineTask(inputs, on_done=self._analysis_done)
        # a bound slot of the dock: queued to the main thread whichever thread reports
        self.task.progressChanged.connect(self._task_progress)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(tr("Analysis running…"))
        QgsApplication.taskManager().addTask(self.task)

    def _task_progress(self, progress):
        self.progress.setValue(int(progress))

    def cancel_analysis(self):
        if self.task is not None:
            self.task.cancel()

    def _analysis_done(self, task, ok):
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.task = None
        if not ok:
            self.progress.setValue(0)
            self.status.setText(
                tr("Analysis failed: {}").format(task.error)
                if task.error
                else tr("Analysis canceled.")
            )
            return
        routed = task.paths is not None
        try:
            layers = add_result_layers(task.inputs.output_path, task.written, routed)
        except ResultWriteError as err:
            self.progress.setValue(0)
            self.status.setText(tr("Analysis failed: {}").format(err))
            return
        self.candidates_combo.setLayer(layers["candidates"])
        self.exchanges_combo.setLayer(layers["exchanges"])
        self.refresh_tables()
        lines = [
            tr("{0} candidates, {1} exchanges, net benefit {2} RUB/yr").format(
                local_number(len(task.candidates)),
                local_number(task.totals.get("EXCHANGES", 0)),
                local_number(task.totals.get("NET_BENEFIT", 0.0)),
            )
        ]
        if not routed:
            lines.append(
                tr(
                    "No road layer chosen: links and distances are straight-line estimates, "
                    "not routes."
                )
            )
        lines.append(
            self.output_note or tr("Results saved in {0}.").format(task.inputs.output_path)
        )
        self.status.setText("\n".join(lines))
        QgsMessageLog.logMessage(" ".join(lines), tr("Industrial symbiosis"), Qgis.Info)
