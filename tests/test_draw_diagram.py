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
    assert "Legend" in text and "Ash and slag" in text and "less than 10 thousand" in text
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
