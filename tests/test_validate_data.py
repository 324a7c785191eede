"""symbiosis:validatedata through real QGIS Processing."""

import processing
import pytest
from qgis.core import (
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
)

from .conftest import FLOW_FIELDS, enterprises, file_digest, flows, gpkg_layer

GOOD_ENTS = [
    ("E1", "Power plant", "ГРЭС", "coal_power_plant", "N"),
    ("E2", "Cement plant", "Цемзавод", "cement", "N"),
]
GOOD_FLOWS = [
    ("F1", "E1", "supply", "fly_ash", "1000", "t/yr", "300"),
    ("F2", "E2", "demand", "cement_main_constituent", "500", "t/yr", "4000"),
]


def run(ents, flow_layer, **extra):
    params = {"ENTERPRISES": ents, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT", **extra}
    result = processing.run("symbiosis:validatedata", params)
    rows = [f.attributes() for f in result["OUTPUT"].getFeatures()]
    names = result["OUTPUT"].fields().names()
    return result, [dict(zip(names, r)) for r in rows]


def findings(rows, code):
    return [r for r in rows if r["code"] == code]


def test_sample_data_has_no_errors(symbiosis_provider, sample_gpkg):
    before = file_digest(sample_gpkg)
    ents = gpkg_layer(sample_gpkg, "enterprises")
    result, rows = run(ents, gpkg_layer(sample_gpkg, "flows"))
    assert result["ERRORS"] == 0, [r["message"] for r in rows if r["severity"] == "error"]
    assert result["WARNINGS"] == len(rows)
    del ents
    assert file_digest(sample_gpkg) == before, "validation modified its input"


def test_clean_fixture_reports_nothing(symbiosis_provider):
    result, rows = run(enterprises(GOOD_ENTS), flows(GOOD_FLOWS))
    assert (result["ERRORS"], result["WARNINGS"], rows) == (0, 0, [])


BROKEN_FLOWS = [
    # (flow row, expected code, severity, field)
    (
        ("F9", "E404", "supply", "fly_ash", "10", "t/yr", ""),
        "unknown_enterprise",
        "error",
        "ent_id",
    ),
    (("F9", "E1", "sideways", "fly_ash", "10", "t/yr", ""), "bad_direction", "error", "direction"),
    (
        ("F9", "E1", "supply", "unobtainium", "10", "t/yr", ""),
        "unknown_material",
        "error",
        "material",
    ),
    (("F9", "E1", "supply", "fly_ash", "10", "buckets", ""), "unknown_unit", "error", "unit"),
    (("F9", "E1", "supply", "fly_ash", "10", "GJ/yr", ""), "unit_mismatch", "error", "unit"),
    (("F9", "E1", "supply", "fly_ash", "ten", "t/yr", ""), "non_numeric", "error", "quantity"),
    (("F9", "E1", "supply", "fly_ash", None, "t/yr", ""), "non_numeric", "error", "quantity"),
    (
        ("F9", "E1", "supply", "fly_ash", "-5", "t/yr", ""),
        "negative_quantity",
        "error",
        "quantity",
    ),
    (("F9", "E1", "supply", "fly_ash", "0", "t/yr", ""), "zero_quantity", "warning", "quantity"),
    (
        ("F9", "E1", "supply", "fly_ash", "10", "t/yr", "cheap"),
        "non_numeric_price",
        "warning",
        "price",
    ),
    (
        ("F9", "E1", "supply", "mine_water", "10", "thousand m3/yr", ""),
        "supply_unmatched",
        "warning",
        "material",
    ),
    (("F9", "E2", "demand", "heat", "10", "GJ/yr", ""), "demand_unmatched", "warning", "material"),
    (("F9", "E1", "supply", "fly_ash", "inf", "t/yr", ""), "non_finite", "error", "quantity"),
    (("F9", "E1", "supply", "fly_ash", "nan", "t/yr", ""), "non_finite", "error", "quantity"),
    (("F9", "E1", "supply", "fly_ash", "10", "t/yr", "-inf"), "non_finite", "error", "price"),
    (("", "E1", "supply", "fly_ash", "10", "t/yr", ""), "empty_id", "error", "flow_id"),
    (("F1", "E1", "supply", "fly_ash", "10", "t/yr", ""), "duplicate_id", "error", "flow_id"),
]


@pytest.mark.parametrize(
    "row, code, severity, field",
    BROKEN_FLOWS,
    ids=[f"{b[1]}-{i}" for i, b in enumerate(BROKEN_FLOWS)],
)
def test_each_flow_defect_is_reported(symbiosis_provider, row, code, severity, field):
    flow_layer = flows(GOOD_FLOWS + [row])
    bad_fid = max(f.id() for f in flow_layer.getFeatures())
    result, rows = run(enterprises(GOOD_ENTS), flow_layer)
    hits = findings(rows, code)
    assert hits, rows
    assert any(h["feature_id"] == bad_fid for h in hits), hits
    assert {h["severity"] for h in hits} == {severity}
    assert {h["layer"] for h in hits} == {"flows"}
    assert {h["field"] for h in hits} == {field}
    others = [r for r in rows if r["code"] != code and r["severity"] == "error"]
    assert others == [] or code in ("unknown_enterprise",), others
    assert result["ERRORS"] == sum(r["severity"] == "error" for r in rows)


def test_enterprise_defects(symbiosis_provider):
    rows_in = GOOD_ENTS + [
        ("E2", "Twin", "Двойник", "cement", "N"),
        ("", "No id", "", "cement", "N"),
        ("E5", "No geometry", "", "cement", "N"),
        ("E6", "Empty geometry", "", "cement", "N"),
        ("E7", "Odd sector", "", "alchemy", "N"),
    ]
    geoms = [QgsGeometry.fromPointXY(QgsPointXY(500000 + i, 6000000)) for i in range(4)]
    geoms += [None, QgsGeometry.fromWkt("Point EMPTY"), QgsGeometry.fromPointXY(QgsPointXY(1, 1))]
    ents = enterprises(rows_in, geoms=geoms)
    fid_of = {f["name"]: f.id() for f in ents.getFeatures()}
    result, rows = run(ents, flows(GOOD_FLOWS))

    def hit(code):
        found = findings(rows, code)
        assert found, (code, rows)
        return found

    assert {h["feature_id"] for h in hit("duplicate_id")} == {
        fid_of["Cement plant"],
        fid_of["Twin"],
    }
    assert [h["feature_id"] for h in hit("empty_id")] == [fid_of["No id"]]
    assert [h["feature_id"] for h in hit("null_geometry")] == [fid_of["No geometry"]]
    assert [h["feature_id"] for h in hit("empty_geometry")] == [fid_of["Empty geometry"]]
    assert [(h["feature_id"], h["severity"]) for h in hit("unknown_sector")] == [
        (fid_of["Odd sector"], "warning")
    ]
    assert result["ERRORS"] == 5  # 2 duplicates, 1 empty id, 1 null, 1 empty geometry


def test_missing_required_fields(symbiosis_provider):
    ents = enterprises(
        [("E1", "A", "coal_power_plant")],
        fields="field=ent_id:string&field=name:string&field=sector:string",
    )
    flow_layer = flows(
        [("F1", "E1", "supply")],
        fields="field=flow_id:string&field=ent_id:string&field=direction:string",
    )
    result, rows = run(ents, flow_layer)
    missing = {(r["layer"], r["field"], r["severity"]) for r in findings(rows, "missing_field")}
    assert missing == {
        ("enterprises", "node", "error"),
        ("flows", "material", "error"),
        ("flows", "quantity", "error"),
        ("flows", "unit", "error"),
    }
    assert {(r["layer"], r["field"]) for r in findings(rows, "missing_recommended")} == {
        ("enterprises", "name_ru")
    }


def test_geographic_crs_is_a_warning_not_a_failure(symbiosis_provider):
    geoms = [
        QgsGeometry.fromPointXY(QgsPointXY(87.1, 53.7)),
        QgsGeometry.fromPointXY(QgsPointXY(87.2, 53.8)),
    ]
    result, rows = run(enterprises(GOOD_ENTS, crs="EPSG:4326", geoms=geoms), flows(GOOD_FLOWS))
    geo = findings(rows, "geographic_crs")
    assert len(geo) == 1 and geo[0]["severity"] == "warning"
    assert "EPSG:4326" in geo[0]["message"]
    assert result["ERRORS"] == 0 and result["WARNINGS"] == 1


def test_user_synergy_catalogue(symbiosis_provider, tmp_path):
    csv = tmp_path / "my_rules.csv"
    csv.write_text(
        "rule_id,supply_material,demand_material,substitution_ratio,max_distance_km\n"
        "X1,fly_ash,road_base,0,50\n"
    )
    result, rows = run(enterprises(GOOD_ENTS), flows(GOOD_FLOWS), SYNERGIES=str(csv))
    assert [r["record_id"] for r in findings(rows, "rule_bad_ratio")] == ["X1"]
    # with only a fly_ash -> road_base rule, the cement plant's demand cannot be served
    assert {r["record_id"] for r in findings(rows, "supply_unmatched")} == {"F1"}
    assert {r["record_id"] for r in findings(rows, "demand_unmatched")} == {"F2"}


def test_catalogue_without_required_columns_fails_clearly(symbiosis_provider, tmp_path):
    csv = tmp_path / "rules.csv"
    csv.write_text("rule_id,supply_material\nX1,fly_ash\n")
    with pytest.raises(QgsProcessingException, match="demand_material"):
        run(enterprises(GOOD_ENTS), flows(GOOD_FLOWS), SYNERGIES=str(csv))


def test_unreadable_input_names_the_problem(symbiosis_provider, tmp_path):
    missing = tmp_path / "no_such.gpkg"
    with pytest.raises(QgsProcessingException, match="ENTERPRISES|no_such"):
        run(str(missing), flows(GOOD_FLOWS))


def test_user_materials_are_not_errors_and_conflicts_are_logged(symbiosis_provider, tmp_path):
    """A planner's own material (and a changed bundled one) in a MATERIALS table."""
    csv = tmp_path / "my_materials.csv"
    csv.write_text(
        "code,name_en,name_ru,category,role,unit,radius_km,transport_modes\n"
        "spent_foundry_sand,Spent foundry sand,Отработанная формовочная смесь,"
        "mining_rock,waste,t/yr,40,road\n"
        "fly_ash,Fly ash,Зола-унос,ash_slag,waste,t/yr,99,road;rail\n"
    )
    mine = GOOD_FLOWS + [("F3", "E1", "supply", "spent_foundry_sand", "10", "t/yr", "")]
    _, without = run(enterprises(GOOD_ENTS), flows(mine))
    assert [r["record_id"] for r in findings(without, "unknown_material")] == ["F3"]

    feedback = MessageLog()
    params = {
        "ENTERPRISES": enterprises(GOOD_ENTS),
        "FLOWS": flows(mine),
        "MATERIALS": str(csv),
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    result = processing.run("symbiosis:validatedata", params, feedback=feedback)
    codes = [f["code"] for f in result["OUTPUT"].getFeatures()]
    assert "unknown_material" not in codes and result["ERRORS"] == 0
    assert any("fly_ash" in m and "radius_km" in m for m in feedback.warnings), feedback.warnings


def test_fkko_codes_are_checked(symbiosis_provider):
    fields = FLOW_FIELDS + "&field=fkko:string"
    rows = [
        ("F1", "E1", "supply", "fly_ash", "1000", "t/yr", "300", "6 11 100 01 40 4"),
        ("F2", "E2", "demand", "cement_main_constituent", "500", "t/yr", "4000", ""),
        ("F3", "E1", "supply", "fly_ash", "10", "t/yr", "", "6 11 100"),
        ("F4", "E1", "supply", "fly_ash", "10", "t/yr", "", "2 00 110 01 20 5"),
    ]
    _, found = run(enterprises(GOOD_ENTS), flows(rows, fields=fields))
    by_flow = {r["record_id"]: r for r in found if r["field"] == "fkko"}
    assert set(by_flow) == {"F3", "F4"}  # F1's code is right for fly ash
    assert by_flow["F3"]["code"] == "fkko_length" and by_flow["F3"]["severity"] == "warning"
    assert by_flow["F4"]["code"] == "fkko_block_mismatch" and "6" in by_flow["F4"]["message"]


class MessageLog(QgsProcessingFeedback):
    """Keeps the warnings an algorithm logs."""

    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, text):
        self.warnings.append(text)
        super().pushWarning(text)
