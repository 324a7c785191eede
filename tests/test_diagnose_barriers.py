"""symbiosis:diagnosebarriers through real QGIS Processing on the sample GeoPackage."""

import os

import processing
import pytest
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsProcessingException,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from symbiosis_qgis.core.barriers import BARRIERS

from .conftest import gpkg_layer, rows_of

ALG = "symbiosis:diagnosebarriers"


@pytest.fixture()
def diagnosed(sample_links, sample_gpkg, tmp_path):
    _, links, flow_layer = sample_links
    exchanges = processing.run(
        "symbiosis:optimizeexchanges",
        {"LINKS": links, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    report = tmp_path / "new folder" / "barriers.html"  # the folder does not exist yet
    result = processing.run(
        ALG,
        {
            "LINKS": links,
            "FLOWS": flow_layer,
            "EXCHANGES": exchanges["OUTPUT"],
            "TERMINALS": gpkg_layer(sample_gpkg, "terminals"),
            "OUTPUT": "TEMPORARY_OUTPUT",
            "SUMMARY": "TEMPORARY_OUTPUT",
            "REPORT": str(report),
        },
    )
    return result, links, exchanges, report


def test_every_link_diagnosed_and_the_summary_adds_up(diagnosed):
    result, links, exchanges, report = diagnosed
    rows = rows_of(result["OUTPUT"])
    assert len(rows) == links.featureCount()
    assert sum(bool(r["chosen"]) for r in rows) == exchanges["EXCHANGES"]
    assert all(not r["geometry"].isNull() for r in rows)  # drawn on the map
    summary = {r["barrier"]: r for r in rows_of(result["SUMMARY"])}
    assert list(summary) == [b.key for b in BARRIERS]
    for key, row in summary.items():
        binding = [r for r in rows if r["barrier"] == key]
        assert row["links_binding"] == len(binding)
        assert row["links_affected"] == sum(key in (r["barriers"] or "").split(";") for r in rows)
        assert row["tonnes_binding"] == pytest.approx(
            sum(r["max_qty"] for r in binding if r["qty_unit"] == "t/yr"), rel=1e-9
        )
    for r in rows:
        if r["barrier"]:
            assert r["binding"] and r["instrument"]
        if not r["chosen"] and r["net_benefit_t"] is not None and r["net_benefit_t"] < 0:
            assert r["barrier"] in ("loses_money", "unreachable", "quality")
            assert r["shortfall_t"] >= -r["net_benefit_t"] - 1e-6
    # chosen links are not held back by money
    assert not any(r["chosen"] and r["barrier"] in ("loses_money", "outcompeted") for r in rows)
    text = report.read_text(encoding="utf-8")
    assert "<table>" in text and "<svg" in text
    assert f"{summary['loses_money']['links_binding']}" in text


def test_style_gives_every_link_one_legend_entry(diagnosed):
    from qgis.core import QgsExpression, QgsExpressionContext, QgsRuleBasedRenderer

    from symbiosis_qgis.processing.styling import style_layer

    layer = diagnosed[0]["OUTPUT"]
    style_layer(layer, "barriers.qml")
    renderer = layer.renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    rules = renderer.rootRule().children()
    context = QgsExpressionContext()
    for feature in layer.getFeatures():
        context.setFeature(feature)
        matching = [r for r in rules if QgsExpression(r.filterExpression()).evaluate(context)]
        assert len(matching) == 1, feature["barrier"]


def test_ash_with_a_hazard_class_needs_a_licence(diagnosed):
    result, *_ = diagnosed
    ash = [r for r in rows_of(result["OUTPUT"]) if r["supply_mat"] == "fly_ash"]
    assert ash and all(r["hazard_class"] == 4 for r in ash)
    assert all("licence" in r["barriers"] for r in ash)
    assert all("IV" in r["institutional"] for r in ash)


def flows_with_quality(flow_layer, loi_of_fly_ash):
    """A memory copy of the flows with a q_loi_pct column set on fly-ash supplies only."""
    copy = QgsVectorLayer("None", "flows_q", "memory")
    provider = copy.dataProvider()
    provider.addAttributes(list(flow_layer.fields()) + [QgsField("q_loi_pct", QVariant.Double)])
    copy.updateFields()
    features = []
    for feature in flow_layer.getFeatures():
        attributes = feature.attributes()
        attributes.append(loi_of_fly_ash if feature["material"] == "fly_ash" else None)
        feature.setFields(copy.fields(), False)
        feature.setAttributes(attributes)
        features.append(feature)
    assert provider.addFeatures(features)
    return copy


def test_quality_outside_the_rule_is_flagged_and_unknown_is_not_checked(sample_links):
    _, links, flow_layer = sample_links
    flows = flows_with_quality(flow_layer, 8.0)  # R01 asks loss on ignition <= 5 %
    rows = rows_of(
        processing.run(
            ALG,
            {
                "LINKS": links,
                "FLOWS": flows,
                "OUTPUT": "TEMPORARY_OUTPUT",
                "SUMMARY": "TEMPORARY_OUTPUT",
            },
        )["OUTPUT"]
    )
    r01 = [r for r in rows if r["rule_id"] == "R01"]
    assert r01 and all(r["tech_status"] == "fails" and r["barrier"] == "quality" for r in r01)
    others = [r for r in rows if r["supply_mat"] != "fly_ash"]
    assert all(r["tech_status"] == "not checked" for r in others)
    good = flows_with_quality(flow_layer, 3.0)
    rows = rows_of(
        processing.run(
            ALG,
            {
                "LINKS": links,
                "FLOWS": good,
                "OUTPUT": "TEMPORARY_OUTPUT",
                "SUMMARY": "TEMPORARY_OUTPUT",
            },
        )["OUTPUT"]
    )
    assert all(r["barrier"] != "quality" for r in rows if r["rule_id"] == "R01")


def test_report_in_a_folder_that_cannot_be_written_is_refused(sample_links, tmp_path):
    _, links, flow_layer = sample_links
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o500)
    if os.access(locked, os.W_OK):  # root ignores permissions
        pytest.skip("running as a user who can write anywhere")
    with pytest.raises(QgsProcessingException, match="not writable|Cannot create"):
        processing.run(
            ALG,
            {
                "LINKS": links,
                "FLOWS": flow_layer,
                "OUTPUT": "TEMPORARY_OUTPUT",
                "SUMMARY": "TEMPORARY_OUTPUT",
                "REPORT": str(locked / "sub" / "r.html"),
            },
        )


def test_links_without_the_keys_fail_clearly(sample_links):
    _, _, flow_layer = sample_links
    bad = QgsVectorLayer("None?field=supply_flow:string", "bad", "memory")
    with pytest.raises(QgsProcessingException, match="demand_flow"):
        processing.run(
            ALG,
            {
                "LINKS": bad,
                "FLOWS": flow_layer,
                "OUTPUT": "TEMPORARY_OUTPUT",
                "SUMMARY": "TEMPORARY_OUTPUT",
            },
        )


def test_a_share_above_one_is_refused(sample_links):
    _, links, flow_layer = sample_links
    with pytest.raises(QgsProcessingException, match="between 0 and 1"):
        processing.run(
            ALG,
            {
                "LINKS": links,
                "FLOWS": flow_layer,
                "MAX_COFINANCE_SHARE": 1.5,
                "OUTPUT": "TEMPORARY_OUTPUT",
                "SUMMARY": "TEMPORARY_OUTPUT",
            },
        )


def test_exchanges_with_text_tonnage_are_refused(sample_links):
    _, links, flow_layer = sample_links
    bad = QgsVectorLayer(
        "None?field=supply_flow:string&field=demand_flow:string&field=rule_id:string"
        "&field=tonnage:string",
        "ex",
        "memory",
    )
    feature = QgsFeature(bad.fields())
    feature.setAttributes(["F0002", "F0247", "R02", "lots"])
    assert bad.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException, match="tonnage"):
        processing.run(
            ALG,
            {
                "LINKS": links,
                "FLOWS": flow_layer,
                "EXCHANGES": bad,
                "OUTPUT": "TEMPORARY_OUTPUT",
                "SUMMARY": "TEMPORARY_OUTPUT",
            },
        )


def test_the_benefits_report_carries_the_barrier_section(diagnosed, sample_gpkg, tmp_path):
    result, _, exchanges, _ = diagnosed
    report = tmp_path / "benefits.html"
    processing.run(
        "symbiosis:assessbenefits",
        {
            "EXCHANGES": exchanges["OUTPUT"],
            "ENTERPRISES": gpkg_layer(sample_gpkg, "enterprises"),
            "FLOWS": gpkg_layer(sample_gpkg, "flows"),
            "BARRIERS": result["OUTPUT"],
            "OUTPUT_ENTERPRISES": "TEMPORARY_OUTPUT",
            "OUTPUT_NODES": "TEMPORARY_OUTPUT",
            "OUTPUT_BALANCE": "TEMPORARY_OUTPUT",
            "REPORT": str(report),
        },
    )
    page = report.read_text(encoding="utf-8")
    summary = rows_of(result["SUMMARY"])
    held = [r for r in summary if r["links_binding"]]
    assert held, summary
    # the study's table sits before the enterprise table, with each barrier's own text
    for row in held:
        assert row["shows_as"] in page
        assert page.index(row["shows_as"]) < page.rindex("<h2>")


def test_the_report_reads_instrument_codes_not_their_labels(diagnosed, sample_gpkg, tmp_path):
    """A barrier layer written in another UI language (labels not ours) still reports its
    instruments: assessbenefits reads `instrument_code`, not the translated label."""
    from symbiosis_qgis.core.barriers import INSTRUMENTS

    result, _, exchanges, _ = diagnosed
    written = result["OUTPUT"]
    written = QgsVectorLayer(written) if isinstance(written, str) else written
    relabelled = written.materialize(QgsFeatureRequest())
    column = relabelled.fields().indexOf("instrument")
    relabelled.startEditing()
    for feature in relabelled.getFeatures():
        relabelled.changeAttributeValue(feature.id(), column, "инструмент на другом языке")
    assert relabelled.commitChanges()
    codes = {r["instrument_code"] for r in rows_of(written) if r["barrier"]}
    assert codes and codes <= set(INSTRUMENTS)
    report = tmp_path / "benefits.html"
    processing.run(
        "symbiosis:assessbenefits",
        {
            "EXCHANGES": exchanges["OUTPUT"],
            "ENTERPRISES": gpkg_layer(sample_gpkg, "enterprises"),
            "FLOWS": gpkg_layer(sample_gpkg, "flows"),
            "BARRIERS": relabelled,
            "OUTPUT_ENTERPRISES": "TEMPORARY_OUTPUT",
            "OUTPUT_NODES": "TEMPORARY_OUTPUT",
            "OUTPUT_BALANCE": "TEMPORARY_OUTPUT",
            "REPORT": str(report),
        },
    )
    page = report.read_text(encoding="utf-8")
    for code in codes:
        assert INSTRUMENTS[code] in page
    assert "инструмент на другом языке" not in page
