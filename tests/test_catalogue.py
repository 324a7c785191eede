"""The shipped material and synergy catalogues, user catalogues merged over them, and the reach
of each transport mode (no QGIS involved)."""

import math
import re

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from pyproj import Geod

from symbiosis_qgis.core.candidates import find_candidates, reach_by_mode
from symbiosis_qgis.core.catalogue import (
    KNOWN_UNITS,
    MODE_COLUMNS,
    CatalogueError,
    conversion_factor,
    load_materials,
    load_synergies,
    merge_materials,
    merge_synergies,
    transport_modes,
)
from symbiosis_qgis.paths import resource_path, sample_data_path

GEOD = Geod(ellps="WGS84")
CYRILLIC = re.compile("[А-Яа-яЁё]")
KNOWN_MODES = {"road", "rail", "water", "pipeline", "heat_main", "grid"}
REQ_COLUMNS = ["req_ash_class", "req_max_loi_pct", "req_max_particle_mm", "req_max_moisture_pct"]


@pytest.fixture(scope="module")
def materials():
    return load_materials()


@pytest.fixture(scope="module")
def rules():
    return load_synergies()


@pytest.fixture(scope="module")
def raw_rules():
    return pd.read_csv(resource_path("synergies.csv"), dtype=str, keep_default_na=False)


def test_catalogues_are_large_enough_and_keys_unique(materials, rules):
    assert len(materials) >= 60
    assert len(rules) >= 120
    assert materials["code"].is_unique
    assert rules["rule_id"].is_unique
    assert not rules.duplicated(["supply_material", "demand_material"]).any()


def test_every_rule_names_known_materials_and_a_source(materials, rules):
    for column in ("supply_material", "demand_material"):
        unknown = set(rules[column]) - set(materials.index)
        assert not unknown, f"{column}: {sorted(unknown)}"
    no_source = rules.loc[rules["source"].str.strip().str.len() < 10, "rule_id"]
    assert no_source.empty, list(no_source)


def test_rules_carry_units_that_parse_and_match_their_materials(materials, rules):
    assert set(materials["unit"]) <= set(KNOWN_UNITS)
    for rule in rules.itertuples():
        for unit, material in (
            (rule.supply_unit, rule.supply_material),
            (rule.demand_unit, rule.demand_material),
        ):
            assert unit in KNOWN_UNITS, (rule.rule_id, unit)
            assert conversion_factor(unit, materials.at[material, "unit"]) is not None, (
                rule.rule_id,
                unit,
            )


def test_ratios_costs_and_distances_are_plausible(rules):
    ratio = rules["substitution_ratio"]
    assert ratio.notna().all() and (ratio > 0).all()
    # tonne for tonne at most about 3 (sulphur -> acid); energy per unit of gas at most ~35 GJ
    same_kind = rules["supply_unit"] == rules["demand_unit"]
    assert (ratio[same_kind & (rules["supply_unit"] == "t/yr")] <= 3.1).all()
    assert (ratio <= 36).all()
    assert (rules["preprocessing_cost_rub"] >= 0).all()
    assert (rules["co2_avoided_kg"] >= 0).all()
    distance = rules["max_distance_km"].dropna()
    assert (distance > 0).all() and (distance <= 500).all()


def test_materials_have_names_category_role_and_co2_basis(materials):
    for row in materials.itertuples():
        assert row.name_en and row.short_en and row.category, row.code
        assert CYRILLIC.search(row.name_ru) and CYRILLIC.search(row.short_ru), row.code
        assert row.role in {"waste", "by-product", "primary"}, row.code
        assert math.isfinite(float(row.co2_kg_per_unit)) and float(row.co2_kg_per_unit) >= 0
        assert row.co2_basis.strip(), row.code
        if row.role != "primary" and not row.fkko:
            assert row.fkko_status.strip(), f"{row.code}: no FKKO code and no status saying so"


def test_supplied_materials_can_reach_their_partners(materials):
    offered = materials[materials["role"] != "primary"]
    for code, row in offered.iterrows():
        modes = transport_modes(row["transport_modes"])
        assert modes and set(modes) <= KNOWN_MODES, code
        assert row["radius_km"] > 0, code
        for mode, column in MODE_COLUMNS.items():
            # a mode radius is set exactly for the modes the material may use
            assert (mode in modes) == pd.notna(row[column]), (code, mode)
            if pd.notna(row[column]):
                assert 0 < row[column] <= 2000, (code, mode)
        assert row["reach_basis"].strip(), code


def test_new_rules_say_which_values_are_estimates(raw_rules):
    # the 29 rules shipped before the value_basis column are R01-R29
    later = raw_rules[~raw_rules["rule_id"].isin([f"R{k:02d}" for k in range(1, 30)])]
    assert len(later) >= 91
    assert (later["value_basis"].str.contains("estimate")).all()


def test_quality_requirements_are_numbers_from_a_named_standard(raw_rules):
    assert list(raw_rules.columns[-4:]) == REQ_COLUMNS
    filled = raw_rules[(raw_rules[REQ_COLUMNS[1:]] != "").any(axis=1)]
    assert len(filled) >= 1
    for _, rule in filled.iterrows():
        for column in REQ_COLUMNS[1:]:
            if rule[column]:
                assert 0 < float(rule[column]) <= 100, (rule["rule_id"], column)
                assert column in rule["value_basis"], (rule["rule_id"], column)


def test_sample_flows_use_catalogue_materials(materials):
    flows = gpd.read_file(sample_data_path("kuzbass.gpkg"), layer="flows")
    assert set(flows["material"]) <= set(materials.index)


# -- user catalogues ------------------------------------------------------------------------


def user_table(tmp_path):
    path = tmp_path / "my_materials.csv"
    path.write_text(
        "code,name_en,name_ru,category,unit,radius_km,transport_modes\n"
        "fly_ash,Fly ash (our survey),Зола-уноса (наше обследование),ash_slag,t/yr,80,road\n"
        "glass_cullet,Glass cullet,Стеклобой,glass,t/yr,70,road;rail\n",
        encoding="utf-8",
    )
    return path


def test_user_material_is_added_and_wins_a_conflict(tmp_path):
    shipped = load_materials()
    merged, conflicts = merge_materials(user_table(tmp_path))
    assert len(merged) == len(shipped) + 1
    assert merged.at["glass_cullet", "name_ru"] == "Стеклобой"
    assert merged.at["glass_cullet", "road_km"] == 70 == merged.at["glass_cullet", "rail_km"]
    assert pd.isna(merged.at["glass_cullet", "water_km"])
    # the user's fly ash row wins; columns it lacks keep the shipped values
    assert merged.at["fly_ash", "radius_km"] == 80
    assert merged.at["fly_ash", "road_km"] == 80 and pd.isna(merged.at["fly_ash", "rail_km"])
    assert merged.at["fly_ash", "fkko"] == shipped.at["fly_ash", "fkko"]
    assert [c.key for c in conflicts] == ["fly_ash"]
    assert {"name_en", "radius_km", "transport_modes", "rail_km"} <= set(conflicts[0].columns)
    assert "fly_ash" in conflicts[0].message()
    # the same through load_materials(source)
    loaded = load_materials(user_table(tmp_path))
    assert loaded.attrs["conflicts"] == conflicts
    assert loaded.at["fly_ash", "radius_km"] == 80
    assert load_materials().attrs["conflicts"] == []


def test_identical_user_row_is_no_conflict():
    shipped = pd.read_csv(resource_path("materials.csv"), dtype=str, keep_default_na=False)
    merged, conflicts = merge_materials(shipped.iloc[:3])
    assert conflicts == [] and len(merged) == len(shipped)


@pytest.mark.parametrize(
    "text, message",
    [
        ("code,name_en,unit\nnew_mat,New,\n", "no unit"),
        ("code,name_en,unit\nnew_mat,New,tonnes\n", "unknown unit"),
        ("code,unit\nx1,t/yr\nx1,t/yr\n", "repeated"),
        ("name_en,unit\nNew,t/yr\n", "code"),
    ],
)
def test_bad_user_materials_fail_clearly(tmp_path, text, message):
    path = tmp_path / "bad.csv"
    path.write_text(text)
    with pytest.raises(CatalogueError, match=message):
        merge_materials(path)


def test_user_rules_merge_over_the_shipped_ones():
    shipped = load_synergies()
    user = pd.DataFrame(
        {
            "rule_id": ["R01", "U1"],
            "supply_material": ["fly_ash", "glass_cullet"],
            "demand_material": ["cement_main_constituent", "concrete_aggregate"],
            "substitution_ratio": ["0.9", "0.7"],
            "max_distance_km": ["150", ""],
        }
    )
    merged, conflicts = merge_synergies(user)
    assert len(merged) == len(shipped) + 1
    r01 = merged.set_index("rule_id").loc["R01"]
    assert r01["substitution_ratio"] == 0.9 and r01["source"] == shipped.at[0, "source"]
    assert [(c.key, c.columns) for c in conflicts] == [("R01", ("substitution_ratio",))]
    with pytest.raises(CatalogueError, match="demand_material"):
        merge_synergies(pd.DataFrame({"rule_id": ["U2"], "supply_material": ["fly_ash"]}))


def test_find_candidates_uses_a_user_material_with_a_user_rule(tmp_path):
    materials = load_materials(user_table(tmp_path))
    rules = pd.DataFrame(
        {
            "rule_id": ["U1"],
            "supply_material": ["glass_cullet"],
            "demand_material": ["concrete_aggregate"],
            "substitution_ratio": [0.7],
            "max_distance_km": [np.nan],
        }
    )
    ents, flows = pair_case(50_000, "glass_cullet", "concrete_aggregate")
    candidates, _ = find_candidates(ents, flows, rules, materials)
    assert candidates["rule_id"].tolist() == ["U1"]
    assert candidates["radius_km"].tolist() == [70]
    assert candidates["reach_mode"].tolist() == ["road;rail"]
    assert candidates["potential"].tolist() == [pytest.approx(70.0)]


# -- reach per transport mode ---------------------------------------------------------------


def pair_case(distance_m, supply, demand, azimuth=60.0):
    x, y, _ = GEOD.fwd(87.0, 54.0, azimuth, distance_m)
    ents = pd.DataFrame({"ent_id": ["S", "D"], "x": [87.0, x], "y": [54.0, y]})
    flows = pd.DataFrame(
        [("s", "S", "supply", supply, 100.0, "t/yr"), ("d", "D", "demand", demand, 500.0, "t/yr")],
        columns=["flow_id", "ent_id", "direction", "material", "quantity", "unit"],
    )
    return ents, flows


def mode_materials():
    return pd.DataFrame(
        {
            "code": ["by_rail", "by_road", "piped", "product"],
            "name_en": ["Rail-allowed", "Road-only", "Piped", "Product"],
            "category": ["x", "x", "gas", "y"],
            "unit": ["t/yr"] * 4,
            "radius_km": [60, 60, 15, 0],
            "transport_modes": ["road;rail", "road", "pipeline", "road"],
            "road_km": [60, 60, np.nan, np.nan],
            "rail_km": [150, np.nan, np.nan, np.nan],
            "water_km": [np.nan] * 4,
        }
    ).set_index("code", drop=False)


def mode_rule(supply, **extra):
    row = {
        "rule_id": f"M_{supply}",
        "supply_material": supply,
        "demand_material": "product",
        "substitution_ratio": 1.0,
        "max_distance_km": np.nan,
    }
    row.update(extra)
    return pd.DataFrame([row])


def test_120_km_pair_is_a_candidate_by_rail_but_not_by_road_only():
    materials = mode_materials()
    ents, flows = pair_case(120_000, "by_rail", "product")
    rail, _ = find_candidates(ents, flows, mode_rule("by_rail"), materials)
    assert rail["reach_mode"].tolist() == ["rail"]
    assert rail["radius_km"].tolist() == [150]
    assert rail["dist_km"].tolist() == [pytest.approx(120.0)]
    ents, flows = pair_case(120_000, "by_road", "product")
    road, _ = find_candidates(ents, flows, mode_rule("by_road"), materials)
    assert road.empty


def test_near_pair_lists_every_mode_that_reaches_it():
    ents, flows = pair_case(40_000, "by_rail", "product")
    found, _ = find_candidates(ents, flows, mode_rule("by_rail"), mode_materials())
    assert found["reach_mode"].tolist() == ["road;rail"]


def test_rule_overrides_one_mode_or_all_of_them():
    materials = mode_materials()
    ents, flows = pair_case(120_000, "by_rail", "product")
    shorter_rail = mode_rule("by_rail", rail_km=100.0)
    assert find_candidates(ents, flows, shorter_rail, materials)[0].empty
    one_radius = mode_rule("by_rail", max_distance_km=130.0)
    found, _ = find_candidates(ents, flows, one_radius, materials)
    assert found["reach_mode"].tolist() == ["road;rail"] and found["radius_km"].tolist() == [130]
    # a rule may open a mode the material does not list
    ents, flows = pair_case(120_000, "by_road", "product")
    by_water = mode_rule("by_road", water_km=200.0)
    found, _ = find_candidates(ents, flows, by_water, materials)
    assert found["reach_mode"].tolist() == ["water"]


def test_distance_override_applies_to_every_allowed_mode():
    ents, flows = pair_case(120_000, "by_road", "product")
    found, _ = find_candidates(
        ents, flows, mode_rule("by_road"), mode_materials(), distance_m=125_000
    )
    assert found["reach_mode"].tolist() == ["road"] and found["radius_km"].tolist() == [125]


def test_piped_material_uses_its_radius_and_names_its_mode():
    materials = mode_materials()
    assert reach_by_mode(mode_rule("piped").iloc[0], materials) == {"pipeline": 15_000.0}
    ents, flows = pair_case(10_000, "piped", "product")
    found, _ = find_candidates(ents, flows, mode_rule("piped"), materials)
    assert found["reach_mode"].tolist() == ["pipeline"]
    ents, flows = pair_case(20_000, "piped", "product")
    assert find_candidates(ents, flows, mode_rule("piped"), materials)[0].empty


def test_material_outside_the_catalogue_keeps_the_rules_radius():
    rule = mode_rule("unknown_mat", max_distance_km=30.0).iloc[0]
    assert reach_by_mode(rule, mode_materials()) == {"": 30_000.0}
    assert reach_by_mode(mode_rule("unknown_mat").iloc[0], mode_materials()) == {}


def test_shipped_rail_reach_of_slag_applies_to_rules_without_a_radius(materials, rules):
    slag_rules = rules[(rules["supply_material"] == "bf_slag")]
    no_radius = slag_rules[slag_rules["max_distance_km"].isna()]
    assert len(no_radius) >= 2
    for _, rule in no_radius.iterrows():
        assert reach_by_mode(rule, materials) == {
            "road": materials.at["bf_slag", "road_km"] * 1000,
            "rail": materials.at["bf_slag", "rail_km"] * 1000,
        }
    assert materials.at["bf_slag", "rail_km"] > materials.at["bf_slag", "road_km"]


def test_catalogue_errors_translate_template_and_catalogue_name(tmp_path):
    """A Russian user reads the whole message in Russian, the catalogue's name included."""
    path = tmp_path / "bad.csv"
    path.write_text("name_en,unit\nNew,t/yr\n")
    with pytest.raises(CatalogueError) as caught:
        merge_materials(path)
    err = caught.value
    assert err.code == "catalogue_columns" and str(err).startswith("User material catalogue")
    words = {
        "{what} catalogue lacks column(s): {columns}": "В справочнике «{what}» нет: {columns}",
        "User material": "материалы пользователя",
    }
    assert err.message(lambda text: words.get(text, text)) == (
        "В справочнике «материалы пользователя» нет: code"
    )
