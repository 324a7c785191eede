"""What a person reads in the docks: names instead of codes, units through the translation,
numbers in the interface language's format, never Russian and English names in one view."""

import re

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from symbiosis_qgis import i18n
from symbiosis_qgis.core.catalogue import load_materials
from symbiosis_qgis.core.definitions import MATERIAL_CATEGORIES
from symbiosis_qgis.gui.balance_dock import FlowBalanceDock
from symbiosis_qgis.gui.explorer_dock import SymbiosisExplorerDock
from symbiosis_qgis.sample_project import by_table, load_sample_layers

CYRILLIC = re.compile("[А-Яа-яЁё]")
# a stand-in for the translator's work on strings it may not have reached yet
RUSSIAN = {"t/yr": "т/год", "supply": "поставка", "Novokuznetsk": "Новокузнецк"}


class StandInTranslator(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        return RUSSIAN.get(source)  # None: not translated here, ask the next translator


@pytest.fixture()
def sample():
    QgsProject.instance().clear()
    layers = by_table(load_sample_layers())
    yield layers
    QgsProject.instance().clear()


@pytest.fixture()
def russian(monkeypatch):
    # the one seam: every dock reads the language as i18n.user_locale()
    monkeypatch.setattr(i18n, "user_locale", lambda: "ru")
    translator = StandInTranslator()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture()
def explorer(qgis_iface, qtbot, sample):
    dock = SymbiosisExplorerDock(qgis_iface)
    qtbot.addWidget(dock)
    yield dock
    dock.cleanup()


def column(table, index):
    return [table.item(r, index).text() for r in range(table.rowCount())]


def test_english_flow_table_has_names_units_and_grouped_numbers(explorer, sample):
    explorer.select_enterprise("PP04")
    materials = load_materials()
    flows = [f for f in sample["flows"].getFeatures() if f["ent_id"] == "PP04"]
    assert sorted(column(explorer.flows_table, 1)) == sorted(
        materials.at[f["material"], "name_en"] for f in flows
    )
    assert set(column(explorer.flows_table, 3)) <= {"t/yr", "GJ/yr", "MWh/yr", "thousand m3/yr"}
    big = max(flows, key=lambda f: f["quantity"])
    assert big["quantity"] >= 1000
    assert f"{big['quantity']:,.0f}" in column(explorer.flows_table, 2)
    codes = set(MATERIAL_CATEGORIES)
    categories = [explorer.category_box.itemText(i) for i in range(explorer.category_box.count())]
    assert not codes & set(categories), categories


def test_russian_interface_reads_russian_throughout(russian, qgis_iface, qtbot, sample):
    explorer = SymbiosisExplorerDock(qgis_iface)
    qtbot.addWidget(explorer)
    balance = FlowBalanceDock()
    qtbot.addWidget(balance)
    try:
        explorer.select_enterprise("PP04")
        materials = load_materials()
        assert set(column(explorer.flows_table, 1)) <= set(materials["name_ru"])
        assert "т/год" in column(explorer.flows_table, 3)
        assert "поставка" in column(explorer.flows_table, 0)
        quantities = column(explorer.flows_table, 2)
        assert any("\u202f" in q for q in quantities) and not any("," in q for q in quantities)
        # enterprise names: every sample enterprise has a name_ru, so all of them Russian
        # (never Russian and English in one list)
        names = [
            explorer.enterprise_box.itemText(i) for i in range(explorer.enterprise_box.count())
        ]
        assert names and all(CYRILLIC.search(n) for n in names), names
        nodes = [explorer.node_box.itemText(i) for i in range(explorer.node_box.count())]
        assert "Новокузнецк" in nodes and "Novokuznetsk" not in nodes
        # Flow balance: status and tooltips with Russian digit groups
        balance.category_combo.setCurrentIndex(balance.category_combo.findData(""))
        status = balance.status.text()
        assert re.search(r"\d\u202f\d{3}", status) and not re.search(r"\d,\d{3}", status), status
        balance.sankey_widget.resize(600, 400)
        balance.sankey_widget.grab()
        tips = [text for _, text in balance.sankey_widget.bands]
        assert any("\u202f" in t for t in tips) and not any(
            re.search(r"\d,\d{3}", t) for t in tips
        )
    finally:
        explorer.cleanup()
        balance.cleanup()
