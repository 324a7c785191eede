"""Flow balance dock: a Sankey of a node's (or the region's) waste flows."""

from qgis.core import QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QSize, QTimer
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.catalogue import load_materials
from ..core.sankey import flow_balance
from ..i18n import local_number, tr
from .common import (
    LINES,
    POINTS,
    RESULT_PROPERTY,
    TABLES,
    ProjectSettings,
    category_label,
    compact_form,
    layer_combo,
    layer_frame,
    narrow,
    newest_result_layer,
    node_label,
    pick_role_layers,
    scrolling,
    sector_labels,
)
from .sankey_widget import EXPORT_SIZE, SankeyWidget


class FlowBalanceDock(QgsDockWidget):
    def __init__(self, parent=None):
        super().__init__(tr("Flow balance"), parent)
        self.setObjectName("SymbiosisFlowBalanceDock")
        self.settings = ProjectSettings("balance")
        self.materials = load_materials()
        body = QWidget()
        layout = QVBoxLayout(body)
        form = compact_form(QFormLayout())
        self.enterprises_combo = layer_combo(POINTS)
        self.flows_combo = layer_combo(TABLES)
        self.exchanges_combo = layer_combo(LINES | TABLES, allow_empty=True)
        self.node_combo = narrow(QComboBox())
        self.category_combo = narrow(QComboBox())
        # overburden outweighs every other flow by a thousand times: left out by default
        self.category_combo.addItem(tr("All but mining rock"), "-mining_rock")
        self.category_combo.addItem(tr("All materials"), "")
        categories = {c: category_label(c) for c in self.materials["category"].unique()}
        for category, label in sorted(categories.items(), key=lambda item: item[1]):
            self.category_combo.addItem(label, category)
        form.addRow(tr("Enterprises"), self.enterprises_combo)
        form.addRow(tr("Flows (supplies and demands)"), self.flows_combo)
        form.addRow(tr("Chosen exchanges"), self.exchanges_combo)
        form.addRow(tr("Industrial node"), self.node_combo)
        form.addRow(tr("Materials"), self.category_combo)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.sankey_widget = SankeyWidget()
        layout.addWidget(self.sankey_widget, 1)
        buttons = QHBoxLayout()
        self.png_button = QPushButton(tr("Export PNG…"))
        self.svg_button = QPushButton(tr("Export SVG…"))
        # the export's size in pixels: a figure for a report, not the dock's screen grab
        self.export_width, self.export_height = QSpinBox(), QSpinBox()
        for box, value in (
            (self.export_width, EXPORT_SIZE.width()),
            (self.export_height, EXPORT_SIZE.height()),
        ):
            box.setRange(400, 8000)
            box.setSingleStep(100)
            box.setValue(value)
        self.export_width.setToolTip(tr("Width of the exported image, pixels"))
        self.export_height.setToolTip(tr("Height of the exported image, pixels"))
        size = QHBoxLayout()  # its own row: one row of all five would widen a narrow dock
        size.addWidget(QLabel(tr("Image size, px")))
        size.addWidget(self.export_width)
        size.addWidget(QLabel("×"))
        size.addWidget(self.export_height)
        size.addStretch(1)
        layout.addLayout(size)
        buttons.addWidget(self.png_button)
        buttons.addWidget(self.svg_button)
        layout.addLayout(buttons)
        # scrolls rather than forcing the main window taller than a 768-px screen
        self.setWidget(scrolling(body, 500))
        self.sankey = None
        self._cleaned = False
        self.restore()
        for combo in (self.enterprises_combo, self.flows_combo, self.exchanges_combo):
            combo.layerChanged.connect(self.refresh_nodes)
        self.node_combo.currentIndexChanged.connect(self.refresh)
        self.category_combo.currentIndexChanged.connect(self.refresh)
        QgsProject.instance().layersRemoved.connect(self._layers_removed)
        QgsProject.instance().layersAdded.connect(self._layers_added)
        self.png_button.clicked.connect(lambda: self._export("png"))
        self.svg_button.clicked.connect(lambda: self._export("svg"))
        self.refresh_nodes()

    def _layers_removed(self, _ids):
        QTimer.singleShot(0, self.refresh_nodes)  # after the pickers forget the layers

    def _layers_added(self, layers):
        # the sample loaded after the dock opened, or a run of the explorer: its exchanges
        pick_role_layers({"enterprises": self.enterprises_combo, "flows": self.flows_combo})
        for layer in layers:
            if layer.customProperty(RESULT_PROPERTY) == "exchanges":
                self.exchanges_combo.setLayer(layer)

    def cleanup(self):
        """Stop listening to the project (plugin unload); safe to call twice."""
        if self._cleaned:
            return
        self._cleaned = True
        QgsProject.instance().layersRemoved.disconnect(self._layers_removed)
        QgsProject.instance().layersAdded.disconnect(self._layers_added)
        for combo in (self.enterprises_combo, self.flows_combo, self.exchanges_combo):
            combo.blockSignals(True)  # a closed dock writes nothing to the project

    def restore(self):
        saved = {
            key: self.settings.restore_layer(combo, key)
            for key, combo in (
                ("enterprises", self.enterprises_combo),
                ("flows", self.flows_combo),
                ("exchanges", self.exchanges_combo),
            )
        }
        # no saved choice, or one without the fields the role needs (projects saved before
        # the pickers went by fields hold the enterprises as flows): the layers that fit
        pick_role_layers({"enterprises": self.enterprises_combo, "flows": self.flows_combo})
        if not saved["exchanges"] and newest_result_layer("exchanges") is not None:
            self.exchanges_combo.setLayer(newest_result_layer("exchanges"))

    def refresh_nodes(self):
        ents = layer_frame(self.enterprises_combo.currentLayer())
        current = self.node_combo.currentData()
        self.node_combo.blockSignals(True)
        self.node_combo.clear()
        self.node_combo.addItem(tr("Whole region"), "")
        if ents is not None and "node" in ents.columns:
            nodes = {str(n): node_label(n) for n in ents["node"].dropna()}
            for node, label in sorted(nodes.items(), key=lambda item: item[1]):
                self.node_combo.addItem(label, node)
        wanted = current if current is not None else self.settings.read("node")
        index = self.node_combo.findData(wanted)
        self.node_combo.setCurrentIndex(max(index, 0))
        self.node_combo.blockSignals(False)
        self.refresh()

    def refresh(self):
        ents_layer = self.enterprises_combo.currentLayer()
        flows_layer = self.flows_combo.currentLayer()
        for key, combo in (
            ("enterprises", self.enterprises_combo),
            ("flows", self.flows_combo),
            ("exchanges", self.exchanges_combo),
        ):
            self.settings.write(key, combo.currentLayer().id() if combo.currentLayer() else "")
        self.settings.write("node", self.node_combo.currentData() or "")
        if ents_layer is None or flows_layer is None:
            self.sankey = None
            self.sankey_widget.set_sankey(None)
            self.status.setText(
                tr("Choose an enterprise layer and a flow table (a layer may have been removed).")
            )
            return
        ents, flows = layer_frame(ents_layer), layer_frame(flows_layer)
        needed = {"ent_id", "sector"} - set(ents.columns) | (
            {"ent_id", "direction", "quantity", "unit", "flow_id"} - set(flows.columns)
        )
        if needed:
            self.sankey = None
            self.sankey_widget.set_sankey(None)
            self.status.setText(
                tr("The layers lack the field(s): {}").format(", ".join(sorted(needed)))
            )
            return
        exchanges = layer_frame(self.exchanges_combo.currentLayer())
        if exchanges is not None and not {
            "supply_ent",
            "demand_ent",
            "supply_flow",
            "tonnage",
        } <= set(exchanges.columns):
            exchanges = None
        self.sankey = flow_balance(
            ents, flows, exchanges, self.node_combo.currentData() or None, self.material_codes()
        )
        self.sankey_widget.set_sankey(self.sankey, sector_labels(), self.title())
        self.status.setText(
            tr("{0} thousand t/yr generated; hover a band for its tonnage.").format(
                local_number(self.sankey.total / 1000)
            )
        )

    def title(self):
        """The export's title: where and which materials."""
        place = (
            self.node_combo.currentText() if self.node_combo.currentData() else tr("Whole region")
        )
        return tr("Flow balance: {place}, {materials}").format(
            place=place, materials=self.category_combo.currentText()
        )

    def material_codes(self):
        """The materials the category filter keeps (None: all)."""
        choice = self.category_combo.currentData() or ""
        if not choice:
            return None
        category = self.materials["category"]
        if choice.startswith("-"):
            return list(category.index[category != choice[1:]])
        return list(category.index[category == choice])

    def _export(self, kind):
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export the flow balance"), "", f"{kind.upper()} (*.{kind})"
        )
        if path:
            self.export(path, kind, QSize(self.export_width.value(), self.export_height.value()))

    def export(self, path, kind, size=EXPORT_SIZE):
        """Write the diagram at ``size`` pixels, with title, units and legend."""
        if kind == "svg":
            return self.sankey_widget.export_svg(path, size)
        return self.sankey_widget.export_png(path, size)
