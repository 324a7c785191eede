"""The Registry dock against a real registry, driven through its widgets with qtbot."""

import pytest
from qgis.core import QgsDataSourceUri, QgsProject
from qgis.PyQt.QtCore import Qt

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
        f"price::float8, visibility, quality FROM registry.listing WHERE ent_id = '{ENT_A}' "
        "ORDER BY listing_id"
    )


def pick(combo, code):
    combo.setCurrentIndex(combo.findData(code))


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
    )
    assert dock.selected_listing_id() == added[0]
    assert "added" in dock.message.text()

    dock.quantity_spin.setValue(9000)
    pick(dock.visibility_combo, "operator")
    qtbot.mouseClick(dock.save_button, Qt.LeftButton)
    edited = [row for row in my_rows(registry) if row[0] == added[0]][0]
    assert (edited[3], edited[8]) == (9000.0, "operator")
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
        ("6 11 100 01 40", "t/yr", "11 digits"),
        ("6 11 100 01 40 9", "t/yr", "hazard"),
        ("", "GJ/yr", "does not convert"),
    ],
)
def test_invalid_listing_is_not_written(dock, registry, qtbot, fkko, unit, expected):
    before = my_rows(registry)
    fill_form(dock, "offer", "fly_ash", 10, unit, fkko)
    qtbot.mouseClick(dock.add_button, Qt.LeftButton)
    assert expected in dock.message.text()
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
