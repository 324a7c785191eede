"""symbiosis:policyscenarios: the links each scenario unlocks, against separate optimisations."""

import processing

from .conftest import rows_of


def test_unlocked_links_are_the_new_exchanges_of_each_scenario(sample_links):
    _, links, flow_layer = sample_links
    result = processing.run(
        "symbiosis:policyscenarios",
        {
            "LINKS": links,
            "FLOWS": flow_layer,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "UNLOCKED": "TEMPORARY_OUTPUT",
        },
    )
    unlocked = rows_of(result["UNLOCKED"])
    assert unlocked, "the disposal fee unlocks exchanges on the sample"
    baseline = rows_of(
        processing.run(
            "symbiosis:optimizeexchanges",
            {"LINKS": links, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
        )["OUTPUT"]
    )
    chosen = {(r["supply_flow"], r["demand_flow"], r["rule_id"]) for r in baseline}
    for r in unlocked:
        assert (r["supply_flow"], r["demand_flow"], r["rule_id"]) not in chosen
        assert r["tonnage"] > 0 and r["scenario_id"] != "baseline"
    # the table's tonnes change is consistent with what is unlocked: every new exchange of a
    # scenario is listed once
    rows = {r["scenario_id"]: r for r in rows_of(result["OUTPUT"])}
    by_scenario = {}
    for r in unlocked:
        by_scenario[r["scenario_id"]] = by_scenario.get(r["scenario_id"], 0) + 1
    for scenario_id, count in by_scenario.items():
        assert count >= rows[scenario_id]["d_exchanges"]
    assert by_scenario.get("disposal_fee", 0) > 0


def test_unlocked_is_optional(sample_links):
    _, links, flow_layer = sample_links
    result = processing.run(
        "symbiosis:policyscenarios",
        {"LINKS": links, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    assert "UNLOCKED" not in result or not result["UNLOCKED"]
    assert rows_of(result["OUTPUT"])[0]["scenario_id"] == "baseline"
