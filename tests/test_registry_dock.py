"""The Registry dock against a real registry, driven through its widgets with qtbot."""

from datetime import date

import psycopg2
import pytest
from qgis.core import QgsDataSourceUri, QgsProject
from qgis.PyQt.QtCore import QDate, Qt

from symbiosis_qgis.gui.registry_dock import RegistryDock
from symbiosis_qgis.registry.qgis_connection import postgres_metadata

from .registry_server import (
    ENT_A,
    ENT_B,
    LOGIN_A,
    LOGIN_B,
    login_database,
    password,
    sample_registry,
)

DB = "dock"
CONNECTION = "registry dock test (A)"


@pytest.fixture(scope="module")
def registry(registry_server):
    owner = sample_registry(registry_server, DB)
    b = login_database(registry_server, DB, LOGIN_B)
    b.execute(
        "INSERT INTO registry.listing (ent_id, kind, material, quantity, unit, legal_status, "
        f"visibility) VALUES ('{ENT_B}', 'offer', 'bf_slag', 5000, 't/yr', 'by_product', "
        "'operator')"
    )
    b.close()
    uri = QgsDataSourceUri()
    uri.setConnection("127.0.0.1", str(registry_server.port), DB, LOGIN_A, password(LOGIN_A))
    metadata = postgres_metadata()
    metadata.saveConnection(
        metadata.createConnection(uri.uri(False), {"saveUsername": True, "savePassword": True}),
        CONNECTION,
    )
    yield owner
    metadata.deleteConnection(CONNECTION)
    owner.close()


@pytest.fixture()
def dock(registry, qgis_iface, qtbot):
    QgsProject.instance().clear()
    widget = RegistryDock(qgis_iface)
    qtbot.addWidget(widget)
    widget.show()
    widget.connection_combo.setConnection(CONNECTION)
    yield widget
    widget.cleanup()
    QgsProject.instance().clear()


def my_rows(owner):
    return owner.execute(
        "SELECT listing_id, kind, material, quantity::float8, unit, fkko, legal_status, "
        "price::float8, visibility, quality, available_from, available_to, contract_term "
        f"FROM registry.listing WHERE ent_id = '{ENT_A}' ORDER BY listing_id"
    )


def pick(combo, code):
    combo.setCurrentIndex(combo.findData(code))


def set_date(optional_edit, day):
    """Through the widgets: tick the box and type the date (or untick it for no date)."""
    optional_edit.check.setChecked(day is not None)
    if day is not None:
        optional_edit.edit.setDate(QDate(day.year, day.month, day.day))


def fill_form(dock, kind, material, quantity, unit, fkko="", price="", visibility="members"):
    pick(dock.kind_combo, kind)
    pick(dock.material_combo, material)
    dock.quantity_spin.setValue(quantity)
    pick(dock.unit_combo, unit)
    dock.fkko_edit.setText(fkko)
    dock.price_edit.setText(price)
    pick(dock.visibility_combo, visibility)


def test_dock_shows_my_enterprise_and_listings(dock, registry):
    assert ENT_A in dock.enterprise_label.text() and LOGIN_A in dock.enterprise_label.text()
    rows = my_rows(registry)
    assert dock.listings_table.rowCount() == len(rows) > 0
    shown = {int(dock.listings_table.item(r, 0).text()) for r in range(len(rows))}
    assert shown == {row[0] for row in rows}
    assert dock.add_button.isEnabled()


def test_add_edit_delete_through_the_widgets(dock, registry, qtbot):
    before = my_rows(registry)
    fill_form(dock, "offer", "fly_ash", 12500, "t/yr", "6 11 100 01 40 4", "150", "public")
    pick(dock.status_combo, "by_product")
    dock.quality_edit.setText("dry, class F; «сухая» 'зола'")
    set_date(dock.available_from_edit, date(2027, 1, 1))
    set_date(dock.available_to_edit, date(2031, 12, 31))
    dock.contract_term_edit.setText("  5 years, renewed yearly; «5 лет»  ")
    qtbot.mouseClick(dock.add_button, Qt.LeftButton)
    after = my_rows(registry)
    assert len(after) == len(before) + 1
    added = after[-1]
    assert added[1:] == (
        "offer",
        "fly_ash",
        12500.0,
        "t/yr",
        "61110001404",
        "by_product",
        150.0,
        "public",
        "dry, class F; «сухая» 'зола'",
        date(2027, 1, 1),
        date(2031, 12, 31),
        "5 years, renewed yearly; «5 лет»",
    )
    assert dock.selected_listing_id() == added[0]
    assert "added" in dock.message.text()

    # the form is filled again from what the database returns when the listing is selected
    dock.listings_table.clearSelection()
    set_date(dock.available_from_edit, None)
    set_date(dock.available_to_edit, None)
    dock.contract_term_edit.clear()
    assert dock.select_listing(added[0])
    assert dock.available_from_edit.date() == date(2027, 1, 1)
    assert dock.available_to_edit.date() == date(2031, 12, 31)
    assert dock.contract_term_edit.text() == "5 years, renewed yearly; «5 лет»"

    dock.quantity_spin.setValue(9000)
    pick(dock.visibility_combo, "operator")
    set_date(dock.available_from_edit, None)  # open start: available now
    set_date(dock.available_to_edit, date(2029, 6, 30))
    dock.contract_term_edit.setText("spot deliveries")
    qtbot.mouseClick(dock.save_button, Qt.LeftButton)
    edited = [row for row in my_rows(registry) if row[0] == added[0]][0]
    assert (edited[3], edited[8]) == (9000.0, "operator")
    assert edited[10:] == (None, date(2029, 6, 30), "spot deliveries")
    assert dock.available_from_edit.date() is None
    assert dock.available_to_edit.date() == date(2029, 6, 30)
    assert registry.execute(
        f"SELECT updated_by FROM registry.listing WHERE listing_id = {added[0]}"
    ) == [(LOGIN_A,)]

    assert dock.select_listing(added[0])
    qtbot.mouseClick(dock.delete_button, Qt.LeftButton)
    assert my_rows(registry) == before
    assert dock.listings_table.rowCount() == len(before)


@pytest.mark.parametrize(
    ("fkko", "unit", "expected"),
    [
        ("6 11 100 01 40", "t/yr", "10 digits instead of 11"),
        ("6 11 100 01 40 9", "t/yr", "hazard class 1-5"),
        ("6 11 100 01 00 0", "t/yr", "code of a kind of waste"),
        ("5 11 100 01 40 4", "t/yr", "no such block"),
        ("6 11 1xx xx xx x", "t/yr", "pattern with unknown digits"),
        ("", "GJ/yr", "does not convert"),
    ],
)
def test_invalid_listing_is_not_written(dock, registry, qtbot, fkko, unit, expected):
    before = my_rows(registry)
    fill_form(dock, "offer", "fly_ash", 10, unit, fkko)
    qtbot.mouseClick(dock.add_button, Qt.LeftButton)
    assert expected in dock.message.text()
    assert my_rows(registry) == before


def test_available_to_before_from_is_not_written(dock, registry, qtbot):
    before = my_rows(registry)
    fill_form(dock, "offer", "fly_ash", 10, "t/yr")
    pick(dock.status_combo, "waste")
    set_date(dock.available_from_edit, date(2028, 3, 1))
    set_date(dock.available_to_edit, date(2028, 2, 29))
    qtbot.mouseClick(dock.add_button, Qt.LeftButton)
    assert "2028-03-01 is after available to 2028-02-29" in dock.message.text()
    assert my_rows(registry) == before
    # one day is a period: from == to is written
    set_date(dock.available_to_edit, date(2028, 3, 1))
    listing_id = dock.add_listing()
    assert listing_id is not None
    assert registry.execute(
        "SELECT available_from, available_to FROM registry.listing "
        f"WHERE listing_id = {listing_id}"
    ) == [(date(2028, 3, 1), date(2028, 3, 1))]
    assert dock.select_listing(listing_id)
    qtbot.mouseClick(dock.delete_button, Qt.LeftButton)
    assert my_rows(registry) == before


def test_the_database_refuses_a_reversed_period_too(registry_server, registry):
    """The dock's rule is the table's CHECK constraint, which holds for any client."""
    before = my_rows(registry)
    a = login_database(registry_server, DB, LOGIN_A)
    try:
        with pytest.raises(psycopg2.errors.CheckViolation, match="available_to_after_from"):
            a.execute(
                "INSERT INTO registry.listing (ent_id, kind, material, quantity, unit, "
                f"available_from, available_to) VALUES ('{ENT_A}', 'need', 'fly_ash', 10, "
                "'t/yr', '2028-03-01', '2028-02-29')"
            )
    finally:
        a.close()
    assert my_rows(registry) == before


def test_refused_write_shows_the_database_reason(dock, registry, qtbot):
    """Ownership moves to another login while the dock is open: the database refuses."""
    before = registry.execute("SELECT count(*) FROM registry.listing")
    registry.execute(
        f"UPDATE registry.enterprise SET owner_login = 'someone_else' WHERE ent_id = '{ENT_A}'"
    )
    try:
        fill_form(dock, "need", "fly_ash", 10, "t/yr")
        qtbot.mouseClick(dock.add_button, Qt.LeftButton)
        text = dock.message.text()
        assert "only write listings of its own enterprise" in text
        assert 'new row violates row-level security policy for table "listing"' in text
        assert registry.execute("SELECT count(*) FROM registry.listing") == before
        # editing what is no longer its own changes nothing either
        listing_id = int(dock.listings_table.item(0, 0).text())
        row_before = registry.execute(
            f"SELECT quantity, updated_at FROM registry.listing WHERE listing_id = {listing_id}"
        )
        assert dock.select_listing(listing_id)
        dock.quantity_spin.setValue(4321)
        qtbot.mouseClick(dock.save_button, Qt.LeftButton)
        assert "not yours" in dock.message.text()
        assert (
            registry.execute(
                "SELECT quantity, updated_at FROM registry.listing "
                f"WHERE listing_id = {listing_id}"
            )
            == row_before
        )
    finally:
        registry.execute(
            f"UPDATE registry.enterprise SET owner_login = '{LOGIN_A}' WHERE ent_id = '{ENT_A}'"
        )


def test_verbatim_text_through_the_dock(dock, registry, qtbot):
    text = "x'); DROP TABLE registry.listing; -- «Кузбасс» ⛏️🏭 " + "ж" * 10_000
    fill_form(dock, "need", "fly_ash", 5, "t/yr")
    dock.quality_edit.setText(text)
    qtbot.mouseClick(dock.add_button, Qt.LeftButton)
    listing_id = dock.selected_listing_id()
    assert registry.execute(
        f"SELECT quality FROM registry.listing WHERE listing_id = {listing_id}"
    ) == [(text,)]


def test_browse_listings_on_the_map(dock, registry):
    layers = dock.show_on_map()
    assert [layer.providerType() for layer in layers] == ["postgres", "postgres"]
    listings = {layer.name(): layer for layer in layers}["Registry listings"]
    hidden = registry.execute(
        "SELECT count(*) FROM registry.listing WHERE visibility = 'operator' "
        f"AND ent_id <> '{ENT_A}'"
    )[0][0]
    total = registry.execute("SELECT count(*) FROM registry.listing")[0][0]
    assert listings.featureCount() == total - hidden
    assert hidden > 0  # B's operator-only listing is not on A's map
    assert all(QgsProject.instance().mapLayer(layer.id()) for layer in layers)
    assert any(f["ent_id"] != ENT_A for f in listings.getFeatures())
