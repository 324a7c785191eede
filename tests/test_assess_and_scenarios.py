"""symbiosis:assessbenefits and symbiosis:policyscenarios through real QGIS Processing."""

import re

import processing
import pytest
from qgis.core import QgsProcessingException

from .conftest import gpkg_layer, rows_of

SUMMED = [
    "diverted_t",
    "replaced_t",
    "transport_tkm",
    "co2_avoided_t",
    "transport_co2_t",
    "net_co2_t",
    "net_money_rub",
]


@pytest.fixture()
def chosen(sample_links, sample_gpkg):
    _, links, flow_layer = sample_links
    exchanges = processing.run(
        "symbiosis:optimizeexchanges",
        {"LINKS": links, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    return exchanges, links, flow_layer, gpkg_layer(sample_gpkg, "enterprises")


def test_report_totals_equal_table_sums(chosen, tmp_path):
    exchanges, _, flow_layer, ents = chosen
    report = tmp_path / "report.html"
    result = processing.run(
        "symbiosis:assessbenefits",
        {
            "EXCHANGES": exchanges["OUTPUT"],
            "ENTERPRISES": ents,
            "FLOWS": flow_layer,
            "OUTPUT_ENTERPRISES": "TEMPORARY_OUTPUT",
            "OUTPUT_NODES": "TEMPORARY_OUTPUT",
            "OUTPUT_BALANCE": "TEMPORARY_OUTPUT",
            "REPORT": str(report),
        },
    )
    per_ent = rows_of(result["OUTPUT_ENTERPRISES"])
    per_node = rows_of(result["OUTPUT_NODES"])
    for column in SUMMED:
        total = result[column.upper()]
        assert sum(r[column] for r in per_ent) == pytest.approx(total, rel=1e-9)
        assert sum(r[column] for r in per_node) == pytest.approx(total, rel=1e-9)
    # the money of the region equals the benefit the optimisation reported
    assert result["NET_MONEY_RUB"] == pytest.approx(exchanges["NET_BENEFIT"], rel=1e-9)
    text = report.read_text(encoding="utf-8")
    from symbiosis_qgis.core.text import format_number
    from symbiosis_qgis.i18n import user_locale

    shown = format_number(result["NET_MONEY_RUB"], 0, user_locale())  # the report's language
    assert shown in text and "<svg" in text
    assert all(not r["geometry"].isNull() for r in per_ent)  # a layer, drawn on the map
    balance = rows_of(result["OUTPUT_BALANCE"])
    for r in balance:
        assert r["exchanged"] <= r["generated"] * (1 + 1e-9)
        assert r["left_for_disposal"] == pytest.approx(r["generated"] - r["exchanged"])
    anchors = re.findall(r"<td>(PP\d\d|ST01)</td>", text)
    assert anchors, "anchor tenants listed"


def test_policy_scenarios_against_baseline(chosen):
    _, links, flow_layer, _ = chosen
    result = processing.run(
        "symbiosis:policyscenarios",
        {"LINKS": links, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    rows = {r["scenario_id"]: r for r in rows_of(result["OUTPUT"])}
    assert list(rows)[0] == "baseline" and rows["baseline"]["d_net_benefit"] == 0
    assert rows["disposal_fee"]["tonnes"] >= rows["baseline"]["tonnes"]
    assert rows["disposal_fee"]["d_net_benefit"] > 0
    assert rows["infrastructure"]["d_net_benefit"] >= 0
    assert rows["green_procurement"]["quota_delivered"] > 0
    for row in rows.values():
        assert row["d_tonnes"] == pytest.approx(row["tonnes"] - rows["baseline"]["tonnes"])


def test_user_scenario_table_errors_name_the_problem(chosen, tmp_path):
    _, links, flow_layer, _ = chosen
    csv = tmp_path / "mine.csv"
    csv.write_text(
        "scenario_id,name,quota_share,quota_materials,processing_cofinance,"
        "disposal_fee_delta,rail_discount\nbase,Base,0,,0,lots,0\n"
    )
    with pytest.raises(QgsProcessingException, match="disposal_fee_delta"):
        processing.run(
            "symbiosis:policyscenarios",
            {
                "LINKS": links,
                "FLOWS": flow_layer,
                "SCENARIOS": str(csv),
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
