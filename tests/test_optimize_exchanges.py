"""symbiosis:optimizeexchanges through real QGIS Processing."""

import processing
import pytest
from qgis.core import QgsProcessingException

from .conftest import flows, memory_layer, rows_of

ALG = "symbiosis:optimizeexchanges"


def test_sample_exchanges_respect_capacities(sample_links):
    _, links, flow_layer = sample_links
    result = processing.run(
        ALG, {"LINKS": links, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    chosen = rows_of(result["OUTPUT"])
    assert result["EXCHANGES"] == len(chosen) > 20
    assert result["NET_BENEFIT"] == pytest.approx(sum(r["benefit"] for r in chosen), rel=1e-9)
    qty = {f["flow_id"]: f["quantity"] for f in flow_layer.getFeatures()}
    moved, got = {}, {}
    for r in chosen:
        moved[r["supply_flow"]] = moved.get(r["supply_flow"], 0) + r["tonnage"]
        got[r["demand_flow"]] = got.get(r["demand_flow"], 0) + r["delivered"]
        assert r["benefit"] > 0 and r["reachable"]
        assert r["benefit"] == pytest.approx(
            r["avoided_disposal"]
            + r["avoided_purchase"]
            - r["transport_cost"]
            - r["processing_cost"],
            rel=1e-9,
        )
        assert not r["geometry"].isNull()  # the route travels with the exchange
    assert all(moved[k] <= qty[k] * (1 + 1e-9) for k in moved)
    assert all(got[k] <= qty[k] * (1 + 1e-9) for k in got)
    # Novokuznetsk: EVRAZ slag finds a use
    assert any(r["supply_ent"] == "ST01" for r in chosen)


def test_candidates_work_with_straight_line_costs(sample_links):
    cands, links, flow_layer = sample_links
    straight = processing.run(
        ALG,
        {"LINKS": cands, "FLOWS": flow_layer, "DEFAULT_COST": 6.0, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    routed = processing.run(
        ALG, {"LINKS": links, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    # roads are longer than straight lines, so routed exchanges earn less
    assert 0 < routed["NET_BENEFIT"] < straight["NET_BENEFIT"]


def test_links_without_required_fields_fail_clearly(symbiosis_provider):
    bad = memory_layer("None?field=supply_ent:string", [("A",)])
    with pytest.raises(QgsProcessingException, match="supply_flow"):
        processing.run(ALG, {"LINKS": bad, "FLOWS": flows([]), "OUTPUT": "TEMPORARY_OUTPUT"})


def test_a_forked_solve_inside_qgis_gives_the_same_exchanges(sample_links, monkeypatch):
    """Inside a QGIS process (threads, Qt) the LP solved in a forked child, the way large
    allocations run so that Cancel stops them, gives the same exchanges."""
    import symbiosis_qgis.core.allocation as allocation

    _, links, flow_layer = sample_links
    params = {"LINKS": links, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"}
    inline = processing.run(ALG, params)
    monkeypatch.setattr(allocation, "INTERRUPTIBLE_FROM", 0)
    forked = processing.run(ALG, params)
    assert forked["EXCHANGES"] == inline["EXCHANGES"] > 20
    assert forked["NET_BENEFIT"] == pytest.approx(inline["NET_BENEFIT"], rel=1e-9)


def test_log_numbers_follow_the_interface_language(sample_links, monkeypatch):
    """A Russian reader reads "9,305" as 9.3: the log groups digits as the UI language does."""
    from symbiosis_qgis import i18n
    from symbiosis_qgis.core.text import format_number

    from .conftest import LogFeedback

    _, links, flow_layer = sample_links
    logs = {}
    for language in ("en", "ru"):
        monkeypatch.setattr(i18n, "user_locale", lambda language=language: language)
        feedback = LogFeedback()
        result = processing.run(
            ALG,
            {"LINKS": links, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
            feedback=feedback,
        )
        logs[language] = "\n".join(feedback.messages)
        assert format_number(result["NET_BENEFIT"], 0, language) in logs[language]
    assert "\u202f" in logs["ru"] and "\u202f" not in logs["en"]
