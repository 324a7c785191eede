"""symbiosis:drawdiagram: geometry, widths, schematic spacing, and a reviewed render."""

import os
import shutil
from pathlib import Path

import processing
import pytest
from qgis.core import QgsRenderChecker
from scipy.spatial.distance import pdist

from symbiosis_qgis.processing.styling import style_layer

from .conftest import gpkg_layer, rows_of
from .rendering import map_settings, render

ALG = "symbiosis:drawdiagram"
CONTROL_DIR = Path(__file__).parent / "control_images"


@pytest.fixture()
def exchanges(sample_links, sample_gpkg):
    _, links, flow_layer = sample_links
    chosen = processing.run(
        "symbiosis:optimizeexchanges",
        {"LINKS": links, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
    )["OUTPUT"]
    return chosen, gpkg_layer(sample_gpkg, "enterprises")


def draw(exchanges_layer, ents, **params):
    result = processing.run(
        ALG,
        {
            "LINKS": exchanges_layer,
            "ENTERPRISES": ents,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "OUTPUT_NODES": "TEMPORARY_OUTPUT",
            **params,
        },
    )
    return result["OUTPUT"], result["OUTPUT_NODES"]


def test_arrows_curve_from_supplier_to_consumer_and_widen_with_tonnage(exchanges):
    chosen, ents = exchanges
    arrows, nodes = draw(chosen, ents)
    where = {f["ent_id"]: f.geometry().asPoint() for f in nodes.getFeatures()}
    rows = rows_of(arrows)
    assert len(rows) == chosen.featureCount()
    for row in rows:
        line = row["geometry"].asPolyline()
        assert len(line) >= 3
        start, end = where[row["supply_ent"]], where[row["demand_ent"]]
        # starts near the supplier, ends near the consumer (trimmed to clear the symbols)
        assert line[0].distance(start) < line[0].distance(end)
        assert line[-1].distance(end) < line[-1].distance(start)
        assert line[-1].distance(end) <= 0.3 * 2500 + 1e-6
    by_qty = sorted(rows, key=lambda r: r["quantity"])
    classes = [r["width_class"] for r in by_qty]
    assert classes == sorted(classes) and classes[0] < classes[-1]
    assert any("тыс. т/год" in r["label"] for r in rows)


def test_parallel_and_opposite_flows_do_not_overlap(symbiosis_provider):
    from .conftest import enterprises, memory_layer

    ents = enterprises([("A", "a", "", "coal_power_plant", "N"), ("B", "b", "", "cement", "N")])
    links = memory_layer(
        "None?field=supply_ent:string&field=demand_ent:string"
        "&field=supply_mat:string&field=tonnage:double",
        [
            ("A", "B", "fly_ash", 10.0),
            ("A", "B", "ash_slag_mix", 20.0),
            ("B", "A", "waste_heat", 30.0),
        ],
    )
    arrows, _ = draw(links, ents, LANGUAGE=1)
    mids = [f.geometry().asPolyline()[1] for f in arrows.getFeatures()]
    assert len({(round(p.x()), round(p.y())) for p in mids}) == 3
    ys = [p.y() for p in mids]
    # A -> B bends to its left (north, as B is east of A), twice as far the second time;
    # B -> A bends to its own left, the other side
    assert ys[0] > 6_000_000 and ys[1] > ys[0] and ys[2] < 6_000_000


def test_schematic_mode_leaves_no_symbols_overlapping(exchanges):
    chosen, ents = exchanges
    _, geographic = draw(chosen, ents)
    _, schematic = draw(chosen, ents, MODE=1, SPACING=2500)
    geo = [f.geometry().asPoint() for f in geographic.getFeatures()]
    sch = [f.geometry().asPoint() for f in schematic.getFeatures()]
    assert min(pdist([(p.x(), p.y()) for p in geo])) < 2500  # the real node is crowded
    assert min(pdist([(p.x(), p.y()) for p in sch])) >= 2500
    moved = [a.distance(b) for a, b in zip(geo, sch)]
    assert max(moved) < 15_000  # anchored near the real positions


@pytest.mark.parametrize("mode, name", [(0, "diagram_geographic"), (1, "diagram_schematic")])
def test_render_matches_reviewed_control_image(exchanges, sample_gpkg, artifacts_dir, mode, name):
    chosen, ents = exchanges
    arrows, nodes = draw(chosen, ents, MODE=mode)
    style_layer(arrows, "diagram_arrows.qml")
    style_layer(nodes, "diagram_nodes.qml")
    roads = gpkg_layer(sample_gpkg, "roads")
    settings = map_settings([nodes, arrows, roads])
    rendered = artifacts_dir / f"{name}.png"
    render(settings, rendered)
    if os.environ.get("SYMBIOSIS_UPDATE_CONTROL"):  # then look at it before committing
        (CONTROL_DIR / name).mkdir(parents=True, exist_ok=True)
        shutil.copy(rendered, CONTROL_DIR / name / f"{name}.png")
    checker = QgsRenderChecker()
    checker.setControlImagePath(str(CONTROL_DIR) + "/")
    checker.setControlName(name)
    checker.setColorTolerance(8)
    # pixels allowed to differ: antialiasing and text hinting, not a moved arrow or label
    ok = checker.compareImages(name, 2500, str(rendered))
    assert ok, checker.report()


def test_export_map_pdf_has_title_and_legend(exchanges, sample_gpkg, tmp_path, artifacts_dir):
    import subprocess

    from qgis.core import QgsProject

    chosen, ents = exchanges
    arrows, nodes = draw(chosen, ents, MODE=1, NODES="Novokuznetsk")
    assert {f["ent_id"] for f in nodes.getFeatures()} >= {"ST01", "PP04", "PP05"}
    inside = {f["ent_id"] for f in ents.getFeatures() if f["node"] == "Novokuznetsk"}
    assert {f["ent_id"] for f in nodes.getFeatures()} <= inside
    pdf, png = tmp_path / "map.pdf", artifacts_dir / "symbiosis_map_a4.png"
    layouts_before = len(QgsProject.instance().layoutManager().layouts())
    renderer_before = arrows.renderer().type()
    result = processing.run(
        "symbiosis:exportmap",
        {
            "ARROWS": arrows,
            "NODES": nodes,
            "BACKGROUND": [gpkg_layer(sample_gpkg, "roads")],
            "TITLE": "Novokuznetsk node test map",
            "OUTPUT_PDF": str(pdf),
            "OUTPUT_PNG": str(png),
        },
    )
    assert result["OUTPUT_PDF"] == str(pdf) and pdf.stat().st_size > 20_000
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Novokuznetsk node test map" in text
    # width classes with their unit
    assert "Legend" in text and "Ash and slag" in text and "< 10 kt/yr" in text
    # no SOURCES given and the layers' metadata names none: the map says so, never a
    # fixed credit that may not be true of the data
    assert "metadata names no source" in text and "Global Energy Monitor" not in text
    assert "km" in text
    assert png.stat().st_size > 50_000
    processing.run(
        "symbiosis:exportmap",
        {
            "ARROWS": arrows,
            "NODES": nodes,
            "TITLE": "Novokuznetsk node test map",
            "SOURCES": "Global Energy Monitor trackers (CC BY 4.0)",
            "OUTPUT_PDF": str(pdf),
        },
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Global Energy Monitor trackers (CC BY 4.0)" in text
    # the arrows were not in the project, so no layout was left pointing at them
    assert len(QgsProject.instance().layoutManager().layouts()) == layouts_before
    assert arrows.renderer().type() == renderer_before  # the input layer was not restyled


# bundling, top N and parks (issues 19 and 14) ------------------------------------------------


def node_members(ents, node):
    return {f["ent_id"] for f in ents.getFeatures() if f["node"] == node}


def test_bundle_collapses_the_fan_of_mines_into_one_arrow(exchanges):
    chosen, ents = exchanges
    inside = node_members(ents, "Novokuznetsk")
    links = [r for r in rows_of(chosen) if r["supply_ent"] in inside and r["demand_ent"] in inside]
    # by hand: the fan of coal tailings into the West Siberian TPP
    fan = [r for r in links if r["demand_ent"] == "PP04" and r["supply_mat"] == "coal_tailings"]
    suppliers = {r["supply_ent"] for r in fan}
    assert len(suppliers) >= 5  # the sample has such a fan
    groups = {(r["demand_ent"], r["supply_mat"], r["unit"]) for r in links}

    plain, _ = draw(chosen, ents, NODES="Novokuznetsk")
    arrows, nodes = draw(chosen, ents, NODES="Novokuznetsk", BUNDLE=True, LANGUAGE=1)
    assert plain.featureCount() == len(links)
    rows = rows_of(arrows)
    assert len(rows) == len(groups)
    (bundle,) = [r for r in rows if r["demand_ent"] == "PP04" and r["material"] == "coal_tailings"]
    assert bundle["n_suppliers"] == len(suppliers)
    assert set(bundle["supply_ent"].split(",")) == suppliers
    assert bundle["quantity"] == pytest.approx(sum(r["tonnage"] for r in fan))
    assert bundle["label"].startswith(f"Coal tailings\n{len(suppliers)} mines: ")
    assert bundle["label"].endswith(" Mt/yr") and bundle["width_class"] == 5
    assert bundle["supply_name"] == f"{len(suppliers)} mines"
    assert len(bundle["suppliers"].split("; ")) == len(suppliers)
    # the suppliers are still drawn: the arrow starts among them, not at one of them
    where = {f["ent_id"]: f.geometry().asPoint() for f in nodes.getFeatures()}
    assert suppliers <= set(where)
    start = bundle["geometry"].asPolyline()[0]
    assert min(start.distance(where[s]) for s in suppliers) > 1.0
    assert all(r["n_suppliers"] == 1 for r in rows if "," not in r["supply_ent"])


def test_top_n_keeps_the_largest_by_benefit_and_says_what_it_left_out(exchanges):
    from .conftest import LogFeedback

    chosen, ents = exchanges
    by_benefit = sorted(rows_of(chosen), key=lambda r: -r["benefit"])
    feedback = LogFeedback()
    result = processing.run(
        ALG,
        {
            "LINKS": chosen,
            "ENTERPRISES": ents,
            "TOP_N": 5,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "OUTPUT_NODES": "TEMPORARY_OUTPUT",
        },
        feedback=feedback,
    )
    rows = rows_of(result["OUTPUT"])
    assert len(rows) == 5
    expected = {(r["supply_ent"], r["demand_ent"], r["supply_mat"]) for r in by_benefit[:5]}
    assert {(r["supply_ent"], r["demand_ent"], r["material"]) for r in rows} == expected
    drawn = {r["supply_ent"] for r in rows} | {r["demand_ent"] for r in rows}
    assert {f["ent_id"] for f in result["OUTPUT_NODES"].getFeatures()} == drawn
    left = len(by_benefit) - 5
    (message,) = [m for m in feedback.messages if "left out" in m]
    assert f"{left} arrows ({left} links)" in message and "benefit" in message


@pytest.fixture()
def sample_parks(symbiosis_provider, sample_gpkg):
    result = processing.run(
        "symbiosis:siteparks",
        {
            "SITES": gpkg_layer(sample_gpkg, "sites"),
            "ENTERPRISES": gpkg_layer(sample_gpkg, "enterprises"),
            "FLOWS": gpkg_layer(sample_gpkg, "flows"),
            "PARKS": "TEMPORARY_OUTPUT",
            "TENANT_ROWS": "TEMPORARY_OUTPUT",
            "SUPPLY_LINKS": "TEMPORARY_OUTPUT",
        },
    )
    assert result["PARKS_OPENED"] >= 1
    return result["PARKS"], result["SUPPLY_LINKS"]


def test_parks_and_their_supply_links_join_the_diagram(exchanges, sample_parks):
    chosen, ents = exchanges
    parks, supply = sample_parks
    arrows, nodes = draw(chosen, ents, PARKS=parks, SUPPLY_LINKS=supply, LANGUAGE=1)
    park_rows = rows_of(parks)
    node_rows = {r["ent_id"]: r for r in rows_of(nodes)}
    for park in park_rows:
        node = node_rows[park["site_id"]]
        assert node["role"] == "park" and node["sector_group"] == "park"
        assert node["label"].startswith(park["name"] + "\n")
        assert "Mt/yr" in node["label"] or "kt/yr" in node["label"]
        assert node["tenants"] == park.get("tenant_names", park["tenants"])
        # drawn where siteparks put it (same CRS here)
        assert node["geometry"].asPoint().distance(park["geometry"].asPoint()) < 1.0
    to_parks = [r for r in rows_of(arrows) if r["kind"] == "park"]
    links = rows_of(supply)
    assert len(to_parks) == len(links)
    assert sorted(r["quantity"] for r in to_parks) == pytest.approx(
        sorted(r["amount"] for r in links)
    )
    assert {r["demand_ent"] for r in to_parks} == {p["site_id"] for p in park_rows}
    assert all(r["category"] and 1 <= r["width_class"] <= 5 for r in to_parks)
    assert len([r for r in rows_of(arrows) if r["kind"] == "exchange"]) == chosen.featureCount()


def test_supply_links_without_parks_are_refused(exchanges, sample_parks):
    from qgis.core import QgsProcessingException

    chosen, ents = exchanges
    _, supply = sample_parks
    with pytest.raises(QgsProcessingException, match="Parks output"):
        draw(chosen, ents, SUPPLY_LINKS=supply)


@pytest.mark.parametrize("language, name", [(0, "diagram_bundled_ru"), (1, "diagram_bundled_en")])
def test_bundled_diagram_with_parks_matches_reviewed_control_image(
    exchanges, sample_parks, sample_gpkg, artifacts_dir, language, name
):
    """The print settings: the Novokuznetsk node, bundled, 12 largest links, the parks."""
    chosen, ents = exchanges
    parks, supply = sample_parks
    arrows, nodes = draw(
        chosen,
        ents,
        NODES="Novokuznetsk",
        BUNDLE=True,
        TOP_N=12,
        PARKS=parks,
        SUPPLY_LINKS=supply,
        LANGUAGE=language,
    )
    style_layer(arrows, "diagram_arrows.qml")
    style_layer(nodes, "diagram_nodes.qml")
    extent = nodes.extent()
    extent.grow(max(extent.width(), extent.height()) * 0.06)
    settings = map_settings([nodes, arrows, gpkg_layer(sample_gpkg, "roads")], extent=extent)
    rendered = artifacts_dir / f"{name}.png"
    render(settings, rendered)
    if os.environ.get("SYMBIOSIS_UPDATE_CONTROL"):  # then look at it before committing
        (CONTROL_DIR / name).mkdir(parents=True, exist_ok=True)
        shutil.copy(rendered, CONTROL_DIR / name / f"{name}.png")
    checker = QgsRenderChecker()
    checker.setControlImagePath(str(CONTROL_DIR) + "/")
    checker.setControlName(name)
    checker.setColorTolerance(8)
    assert checker.compareImages(name, 2500, str(rendered)), checker.report()


def small_park_inputs(site_ids, link_sites, crs="EPSG:4326"):
    from qgis.core import QgsGeometry, QgsPointXY

    from .conftest import enterprises, memory_layer

    ents = enterprises([("A", "a", "", "coal_underground", "N"), ("B", "b", "", "cement", "N")])
    links = memory_layer(
        "None?field=supply_ent:string&field=demand_ent:string"
        "&field=supply_mat:string&field=tonnage:double",
        [("A", "B", "host_rock", 1000.0)],
    )
    parks = memory_layer(
        f"Point?crs={crs}&field=site_id:string&field=name:string&field=tonnes:double",
        [(sid, f"park {sid}", 5000.0) for sid in site_ids],
        [QgsGeometry.fromPointXY(QgsPointXY(87.0, 54.1 + 0.01 * k)) for k in range(len(site_ids))],
    )
    supply = memory_layer(
        "None?field=ent_id:string&field=site_id:string&field=material:string"
        "&field=amount:double&field=unit:string",
        [("A", sid, "host_rock", 5000.0, "t/yr") for sid in link_sites],
    )
    return links, ents, parks, supply


def test_parks_in_another_crs_land_where_they_are(symbiosis_provider):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    links, ents, parks, supply = small_park_inputs(["S1"], ["S1"])
    arrows, nodes = draw(links, ents, PARKS=parks, SUPPLY_LINKS=supply, LANGUAGE=1)
    park = [r for r in rows_of(nodes) if r["role"] == "park"][0]
    expected = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), nodes.crs(), QgsProject.instance()
    ).transform(87.0, 54.1)
    assert park["geometry"].asPoint().distance(expected) < 0.01
    assert park["label"] == "park S1\n5 kt/yr"
    to_park = [r for r in rows_of(arrows) if r["kind"] == "park"]
    assert len(to_park) == 1 and to_park[0]["demand_name"] == "park S1"


@pytest.mark.parametrize(
    "site_ids, link_sites, words",
    [
        (["A"], ["A"], ["site_id A", "ent_id"]),  # a park sharing an enterprise's id
        (["S1"], ["S1", "S9"], ["Park supply links", "site_id"]),  # a link to no park
    ],
)
def test_park_inputs_that_cannot_be_drawn_are_refused(
    symbiosis_provider, site_ids, link_sites, words
):
    from qgis.core import QgsProcessingException

    links, ents, parks, supply = small_park_inputs(site_ids, link_sites)
    with pytest.raises(QgsProcessingException) as err:
        draw(links, ents, PARKS=parks, SUPPLY_LINKS=supply)
    assert all(word in str(err.value) for word in words), str(err.value)


def test_a_park_map_needs_no_links_but_something_to_draw(sample_gpkg, sample_parks):
    from qgis.core import QgsProcessingException

    ents = gpkg_layer(sample_gpkg, "enterprises")
    parks, supply = sample_parks
    result = processing.run(
        ALG,
        {
            "ENTERPRISES": ents,
            "PARKS": parks,
            "SUPPLY_LINKS": supply,
            "BUNDLE": True,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "OUTPUT_NODES": "TEMPORARY_OUTPUT",
        },
    )
    arrows = rows_of(result["OUTPUT"])
    links = rows_of(supply)
    assert arrows and all(r["kind"] == "park" for r in arrows)
    # bundled by park, material and unit, as counted by hand
    assert len(arrows) == len({(r["site_id"], r["material"], r["unit"]) for r in links})
    assert sum(r["quantity"] for r in arrows) == pytest.approx(sum(r["amount"] for r in links))
    roles = {r["ent_id"]: r["role"] for r in rows_of(result["OUTPUT_NODES"])}
    assert {p["site_id"] for p in rows_of(parks)} == {k for k, v in roles.items() if v == "park"}
    assert {r["ent_id"] for r in links} == {k for k, v in roles.items() if v == "enterprise"}
    with pytest.raises(QgsProcessingException, match="links to draw"):
        draw(None, ents)
