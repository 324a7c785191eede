"""Registry dock: my enterprise's listings in the regional registry, and others' on the map.

Works through a QGIS PostgreSQL connection (its login is the enterprise's own database
login). The database decides what may be written (row-level security); a refusal is shown
with its reason in words.
"""

from datetime import date

from qgis.core import QgsProject
from qgis.gui import QgsDockWidget, QgsProviderConnectionComboBox
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import i18n  # i18n.user_locale() through the module: tests switch it in one place
from ..core.catalogue import KNOWN_UNITS, load_materials, material_name_column
from ..i18n import tr
from ..registry.listings import (
    MSG,
    MY_ENTERPRISE_SQL,
    MY_LISTINGS_SQL,
    Listing,
    check_listing,
    delete_sql,
    insert_sql,
    listing_from_row,
    update_sql,
)
from ..registry.qgis_connection import QgisDatabase, RegistryError

LISTING_HEADERS = ("id", "kind", "material", "quantity", "unit", "FKKO", "visibility")


def kind_labels():
    return {"offer": tr("Offer (waste, by-product)"), "need": tr("Need (raw material, energy)")}


def status_labels():
    return {"waste": tr("Waste"), "by_product": tr("By-product")}


def visibility_labels():
    return {
        "public": tr("Public (also in anonymous totals)"),
        "members": tr("Registry members"),
        "operator": tr("Regional operator only"),
    }


def coded_combo(labels):
    combo = QComboBox()
    for code, label in labels.items():
        combo.addItem(label, code)
    return combo


def select_code(combo, code):
    index = combo.findData(code)
    if index >= 0:
        combo.setCurrentIndex(index)


class OptionalDateEdit(QWidget):
    """A date that may be left open: a check box turns the date field on."""

    def __init__(self, label, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(label)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)

    def date(self):
        """The date, or None when left open."""
        if not self.check.isChecked():
            return None
        day = self.edit.date()
        return date(day.year(), day.month(), day.day())

    def set_date(self, day):
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(QDate(day.year, day.month, day.day))


class RegistryDock(QgsDockWidget):
    def __init__(self, iface=None, parent=None):
        super().__init__(tr("Resource registry"), parent)
        self.setObjectName("SymbiosisRegistryDock")
        self.iface = iface
        self.materials = load_materials()
        self.db = None
        self.ent_id = None
        self.listings = {}  # listing_id -> Listing, as last read
        self._build()
        self.connection_combo.connectionChanged.connect(self.connect_registry)

    # ---------------------------------------------------------------- widgets
    def _build(self):
        body = QWidget()
        layout = QVBoxLayout(body)
        top = QHBoxLayout()
        self.connection_combo = QgsProviderConnectionComboBox("postgres")
        self.connection_combo.setAllowEmptyConnection(True)
        self.connection_combo.setConnection("")
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self.connect_registry)
        top.addWidget(QLabel(tr("Connection")))
        top.addWidget(self.connection_combo, 1)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.enterprise_label = QLabel(tr("Pick the PostgreSQL connection of your login."))
        self.enterprise_label.setWordWrap(True)
        layout.addWidget(self.enterprise_label)

        self.listings_table = QTableWidget(0, len(LISTING_HEADERS))
        self.listings_table.setHorizontalHeaderLabels(
            [tr("Id"), tr("Kind"), tr("Material"), tr("Quantity"), tr("Unit"), tr("FKKO")]
            + [tr("Visibility")]
        )
        self.listings_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.listings_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.listings_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.listings_table.horizontalHeader().setStretchLastSection(True)
        self.listings_table.verticalHeader().setVisible(False)
        self.listings_table.itemSelectionChanged.connect(self._show_selected)
        layout.addWidget(self.listings_table, 1)

        form = QFormLayout()
        self.kind_combo = coded_combo(kind_labels())
        self.material_combo = QComboBox()
        name_column = material_name_column(i18n.user_locale())
        for code, name in sorted(zip(self.materials["code"], self.materials[name_column])):
            self.material_combo.addItem(f"{name} ({code})", code)
        self.material_combo.currentIndexChanged.connect(self._default_unit)
        self.quantity_spin = QDoubleSpinBox()
        self.quantity_spin.setRange(0.0, 1e12)
        self.quantity_spin.setDecimals(1)
        self.quantity_spin.setGroupSeparatorShown(True)
        self.unit_combo = QComboBox()
        for unit in KNOWN_UNITS:
            self.unit_combo.addItem(unit, unit)
        self.fkko_edit = QLineEdit()
        self.fkko_edit.setPlaceholderText("6 11 100 01 40 4")
        self.status_combo = coded_combo(status_labels())
        self.price_edit = QLineEdit()
        self.price_edit.setPlaceholderText(tr("RUB per unit, empty if unknown"))
        self.visibility_combo = coded_combo(visibility_labels())
        select_code(self.visibility_combo, "members")
        self.quality_edit = QLineEdit()
        self.available_from_edit = OptionalDateEdit(tr("from"))
        self.available_to_edit = OptionalDateEdit(tr("to"))
        available = QWidget()
        available_layout = QHBoxLayout(available)
        available_layout.setContentsMargins(0, 0, 0, 0)
        available_layout.addWidget(self.available_from_edit)
        available_layout.addWidget(self.available_to_edit)
        self.contract_term_edit = QLineEdit()
        self.contract_term_edit.setPlaceholderText(tr("e.g. 3 years, renewed yearly"))
        for label, widget in [
            (tr("Kind"), self.kind_combo),
            (tr("Material"), self.material_combo),
            (tr("Quantity"), self.quantity_spin),
            (tr("Unit"), self.unit_combo),
            (tr("FKKO code"), self.fkko_edit),
            (tr("Legal status (offers)"), self.status_combo),
            (tr("Price"), self.price_edit),
            (tr("Visible to"), self.visibility_combo),
            (tr("Quality notes"), self.quality_edit),
            (tr("Available"), available),
            (tr("Contract term"), self.contract_term_edit),
        ]:
            form.addRow(label, widget)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add"))
        self.save_button = QPushButton(tr("Save changes"))
        self.delete_button = QPushButton(tr("Delete"))
        self.map_button = QPushButton(tr("Show listings on the map"))
        self.add_button.clicked.connect(self.add_listing)
        self.save_button.clicked.connect(self.save_listing)
        self.delete_button.clicked.connect(self.delete_listing)
        self.map_button.clicked.connect(self.show_on_map)
        for button in (self.add_button, self.save_button, self.delete_button, self.map_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.setWidget(body)
        self._enable_editing(False)

    def _enable_editing(self, enabled):
        for widget in (self.add_button, self.save_button, self.delete_button):
            widget.setEnabled(enabled)
        self.map_button.setEnabled(self.db is not None)

    def _default_unit(self):
        code = self.material_combo.currentData()
        if code in self.materials.index:
            select_code(self.unit_combo, self.materials.at[code, "unit"])

    # ---------------------------------------------------------------- messages
    def _say(self, text, error=False):
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def _refused(self, err):
        self._say(tr("Refused: {0}").format(err), error=True)

    # ---------------------------------------------------------------- reading
    def connect_registry(self):
        """Open the chosen connection; read my enterprise and my listings."""
        name = self.connection_combo.currentConnection()
        self.db, self.ent_id = None, None
        self.listings = {}
        self.listings_table.setRowCount(0)
        self._enable_editing(False)
        if not name:
            return
        try:
            self.db = QgisDatabase.named(name)
            login = self.db.login()
            enterprises = self.db.execute(MY_ENTERPRISE_SQL)
        except RegistryError as err:
            self.db = None
            self._enable_editing(False)
            self.enterprise_label.setText(tr("Cannot read the registry: {0}").format(err))
            return
        if not enterprises:
            self.enterprise_label.setText(
                tr("Login {0} owns no enterprise in the registry: it can browse only.").format(
                    login
                )
            )
            self._enable_editing(False)
            return
        self.ent_id, name_en, name_ru, node = enterprises[0]
        shown = name_ru if (i18n.user_locale() == "ru" and name_ru) else name_en
        self.enterprise_label.setText(
            tr("Login {login}: {name} ({ent_id}), {node} node").format(
                login=login, name=shown, ent_id=self.ent_id, node=node
            )
        )
        self._enable_editing(True)
        self.refresh_listings()

    def refresh_listings(self):
        try:
            rows = self.db.execute(MY_LISTINGS_SQL)
        except RegistryError as err:
            self._refused(err)
            return
        self.listings = dict(listing_from_row(row) for row in rows)
        self.listings_table.setRowCount(len(self.listings))
        for r, (listing_id, item) in enumerate(self.listings.items()):
            cells = [
                str(listing_id),
                kind_labels()[item.kind],
                item.material,
                f"{item.quantity:,.1f}",
                item.unit,
                item.fkko,
                visibility_labels()[item.visibility],
            ]
            for c, text in enumerate(cells):
                self.listings_table.setItem(r, c, QTableWidgetItem(text))
        self.listings_table.resizeColumnsToContents()

    def selected_listing_id(self):
        rows = self.listings_table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.listings_table.item(rows[0].row(), 0).text())

    def select_listing(self, listing_id):
        for r in range(self.listings_table.rowCount()):
            if self.listings_table.item(r, 0).text() == str(listing_id):
                self.listings_table.selectRow(r)
                return True
        return False

    def _show_selected(self):
        listing_id = self.selected_listing_id()
        if listing_id not in self.listings:
            return
        item = self.listings[listing_id]
        select_code(self.kind_combo, item.kind)
        select_code(self.material_combo, item.material)
        self.quantity_spin.setValue(item.quantity)
        select_code(self.unit_combo, item.unit)
        self.fkko_edit.setText(item.fkko)
        select_code(self.status_combo, item.legal_status or "waste")
        self.price_edit.setText("" if item.price is None else f"{item.price:g}")
        select_code(self.visibility_combo, item.visibility)
        self.quality_edit.setText(item.quality)
        self.available_from_edit.set_date(item.available_from)
        self.available_to_edit.set_date(item.available_to)
        self.contract_term_edit.setText(item.contract_term)

    # ---------------------------------------------------------------- writing
    def form_listing(self):
        """The listing in the form, or None after saying what is wrong with it."""
        price_text = self.price_edit.text().strip().replace(",", ".").replace(" ", "")
        try:
            price = float(price_text) if price_text else None
        except ValueError:
            price = float("nan")
        listing = Listing(
            kind=self.kind_combo.currentData(),
            material=self.material_combo.currentData(),
            quantity=self.quantity_spin.value(),
            unit=self.unit_combo.currentData(),
            fkko=self.fkko_edit.text().strip(),
            legal_status=self.status_combo.currentData(),
            price=price,
            visibility=self.visibility_combo.currentData(),
            quality=self.quality_edit.text(),
            available_from=self.available_from_edit.date(),
            available_to=self.available_to_edit.date(),
            contract_term=self.contract_term_edit.text().strip(),
        )
        problems = check_listing(listing, self.materials)
        if problems:
            self._say("\n".join(tr(MSG[code]).format(**params) for code, params in problems), True)
            return None
        return listing

    def _write(self, sql, done_text):
        try:
            rows = self.db.execute(sql)
        except RegistryError as err:
            self._refused(err)
            return None
        if not rows:
            self._say(tr("Refused: the listing is gone or is not yours."), error=True)
            self.refresh_listings()
            return None
        listing_id = int(rows[0][0])
        self._say(done_text.format(listing_id))
        self.refresh_listings()
        return listing_id

    def add_listing(self):
        listing = self.form_listing()
        if listing is None or self.ent_id is None:
            return None
        listing_id = self._write(insert_sql(self.ent_id, listing), tr("Listing {0} added."))
        if listing_id is not None:
            self.select_listing(listing_id)
        return listing_id

    def save_listing(self):
        listing_id = self.selected_listing_id()
        if listing_id is None:
            self._say(tr("Select the listing to change in the table."), error=True)
            return None
        listing = self.form_listing()
        if listing is None:
            return None
        written = self._write(update_sql(listing_id, listing), tr("Listing {0} saved."))
        if written is not None:
            self.select_listing(written)
        return written

    def delete_listing(self):
        listing_id = self.selected_listing_id()
        if listing_id is None:
            self._say(tr("Select the listing to delete in the table."), error=True)
            return None
        return self._write(delete_sql(listing_id), tr("Listing {0} deleted."))

    # ---------------------------------------------------------------- map
    def show_on_map(self):
        """Add the listings this login may see (mine and others') and the enterprises."""
        if self.db is None:
            return []
        layers = [
            self.db.layer("enterprises", tr("Registry enterprises")),
            self.db.layer("listings_map", tr("Registry listings")),
        ]
        usable = [layer for layer in layers if layer.isValid()]
        if len(usable) < len(layers):
            self._say(tr("QGIS could not open the registry views."), error=True)
        QgsProject.instance().addMapLayers(usable)
        return usable

    def cleanup(self):
        self.db = None
