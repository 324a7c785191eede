"""symbiosis:exportmap as a planner prints it: one language, no label over another, every
enterprise named, the same labels in the PDF and the PNG, against reviewed renders."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import processing
import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRenderChecker,
)

from symbiosis_qgis.core.map_labels import (
    inset_window,
    name_in_language,
    overlapping_pairs,
    place_at_candidates,
    place_point_labels,
    script_of,
    transliterate,
)
from symbiosis_qgis.i18n import tr

from .conftest import SAMPLE_GPKG, gpkg_layer

CONTROL_DIR = Path(__file__).parent / "control_images"
CYRILLIC = re.compile("[\u0400-\u04ff]")
LATIN = re.compile("[A-Za-z]")


# ------------------------------------------------------------------ core: placement
def _overlap(a, b):
    """Brute force, written apart from the core's vectorised test."""
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


@pytest.mark.parametrize("seed", range(6))
def test_point_labels_never_overlap_labels_or_symbols(seed):
    rng = np.random.default_rng(seed)
    n = 40
    points = rng.uniform(0, 100, (n, 2))
    sizes = np.column_stack([rng.uniform(5, 20, n), rng.uniform(2, 5, n)])
    radii = rng.uniform(0.5, 2, n)
    blocked = [(80, 80, 100, 100)]
    rects, ring = place_point_labels(
        points, sizes, radii, range(n), (0, 0, 100, 100), blocked, gap=0.3, step=2, rings=5
    )
    placed = [i for i in range(n) if ring[i] >= 0]
    assert len(placed) > n // 2  # a crowded page, yet most find room
    symbols = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(points, radii)]
    for i in placed:
        assert np.allclose(rects[i, 2:] - rects[i, :2], sizes[i])
        assert rects[i, 0] >= 0 and rects[i, 2] <= 100 and rects[i, 1] >= 0 and rects[i, 3] <= 100
        assert not _overlap(rects[i], blocked[0])
        assert not any(_overlap(rects[i], s) for s in symbols)
        assert not any(_overlap(rects[i], rects[j]) for j in placed if j != i)
    assert all(np.isnan(rects[i]).all() for i in range(n) if ring[i] < 0)
    assert sorted(overlapping_pairs(rects[placed])) == []


def test_an_isolated_label_sits_beside_its_symbol_first_to_the_upper_right():
    rects, ring = place_point_labels([(10, 10)], [(6, 2)], [1], [0], (0, 0, 50, 50), gap=0.5)
    assert ring[0] == 0
    corner = 1 + 0.5
    assert rects[0][0] == pytest.approx(10 + corner / np.sqrt(2))
    assert rects[0][1] == pytest.approx(10 + corner / np.sqrt(2))


def test_a_label_with_no_room_near_its_symbol_moves_out_or_is_left_unplaced():
    # a symbol boxed in by four others: ring 0 is taken, a later ring finds room
    points = [(50, 50), (44, 50), (56, 50), (50, 53), (50, 47)]
    sizes = [(4, 2)] * 5
    rects, ring = place_point_labels(
        points, sizes, [1] * 5, [1, 2, 3, 4, 0], (0, 0, 100, 100), gap=0.2, step=2, rings=6
    )
    assert ring[0] > 0 and not np.isnan(rects[0]).any()
    rects, ring = place_point_labels(
        points, sizes, [1] * 5, [1, 2, 3, 4, 0], (0, 0, 100, 100), gap=0.2, step=2, rings=0
    )
    assert ring[0] == -1 and np.isnan(rects[0]).all()


def test_candidate_labels_take_the_first_free_place_and_avoid_what_is_blocked():
    candidates = [np.array([(10, 10), (30, 30)]), np.array([(10, 10), (50, 50)])]
    rects = place_at_candidates(candidates, [(4, 2), (4, 2)], [0, 1], (0, 0, 100, 100))
    assert tuple(rects[0]) == (8, 9, 12, 11) and tuple(rects[1]) == (48, 49, 52, 51)
    rects = place_at_candidates(
        candidates, [(4, 2), (4, 2)], [0, 1], (0, 0, 100, 100), blocked=[(0, 0, 20, 20)]
    )
    assert tuple(rects[0]) == (28, 29, 32, 31) and tuple(rects[1]) == (48, 49, 52, 51)


def test_inset_window_covers_the_largest_crowd_at_the_frame_aspect():
    points = np.array([(0, 0), (1, 0), (0, 1), (100, 100), (101, 100), (300, 0)], float)
    crowded = np.array([True, True, True, True, True, False])
    window = inset_window(points, crowded, margin=2.0, aspect=1.5)
    xmin, ymin, xmax, ymax = window
    assert (xmax - xmin) / (ymax - ymin) == pytest.approx(1.5)
    inside = [xmin <= x <= xmax and ymin <= y <= ymax for x, y in points]
    assert inside == [True, True, True, False, False, False]  # 3 beat 2; never the lone one
    assert inset_window(points, np.zeros(6, bool), 2.0, 1.5) is None


# ------------------------------------------------------------------ core: one language
def test_names_stay_in_the_map_language_transliterated_when_missing():
    assert name_in_language("шахта «Первомайская»", "Pervomaisky Coal Mine", "ru") == (
        "шахта «Первомайская»"
    )
    assert name_in_language("шахта «Первомайская»", "", "en") == 'shakhta "Pervomayskaya"'
    assert name_in_language("", "Kaltansky Coal Mine", "ru") == "Калтанский Коал Мине"
    assert name_in_language("", "", "en", fallback="PP04") == "PP04"
    for text, language in [("Ёлкино-Щучье", "en"), ("Yerunakovskaya-8 (Shakhta)", "ru")]:
        assert script_of(transliterate(text, language)) == (
            "latin" if language == "en" else "cyrillic"
        )


# ------------------------------------------------------------------ through Processing
@pytest.fixture()
def diagram(sample_links, sample_gpkg):
    """The Novokuznetsk diagram as the shipped model draws it (schematic, 5 km spacing)."""
    _, links, flow_layer = sample_links
    chosen = processing.run(
        "symbiosis:optimizeexchanges",
        {"LINKS": links, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
    )["OUTPUT"]
    ents = gpkg_layer(sample_gpkg, "enterprises")
    result = processing.run(
        "symbiosis:drawdiagram",
        {
            "LINKS": chosen,
            "ENTERPRISES": ents,
            "MODE": 1,
            "SPACING": 5000.0,
            "NODES": "Novokuznetsk",
            "BUNDLE": False,  # one arrow per exchange, as the control images were drawn
            "OUTPUT": "TEMPORARY_OUTPUT",
            "OUTPUT_NODES": "TEMPORARY_OUTPUT",
        },
    )
    return result["OUTPUT"], result["OUTPUT_NODES"], ents, gpkg_layer(sample_gpkg, "roads")


def export(diagram, folder, language, template=0, name="map"):
    """Run exportmap through the Processing registry; the algorithm instance keeps the
    labelling results of its PDF and PNG exports."""
    arrows, nodes, ents, roads = diagram
    alg = QgsApplication.processingRegistry().createAlgorithmById("symbiosis:exportmap")
    params = {
        "ARROWS": arrows,
        "NODES": nodes,
        "ENTERPRISES": ents,
        "BACKGROUND": [roads],
        "TEMPLATE": template,
        "LANGUAGE": language,
        "SOURCES": "Global Energy Monitor (CC BY 4.0); symbiosis_qgis sample data",
        "OUTPUT_PDF": str(folder / f"{name}.pdf"),
        "OUTPUT_PNG": str(folder / f"{name}.png"),
    }
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    # prepare + runPrepared (what run() does on a copy), so this instance keeps its results
    assert alg.prepare(params, context, feedback)
    results = alg.runPrepared(params, context, feedback)
    assert set(results) == {"OUTPUT_PDF", "OUTPUT_PNG"}
    return alg, folder / f"{name}.pdf", folder / f"{name}.png"


def pdf_text(pdf, crop=()):
    return subprocess.run(
        ["pdftotext", "-layout", *crop, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def symbol_rects(nodes, map_id, alg):
    """Enterprise symbols as drawn (diameter 2.5 + 0.9 * size_class mm), in map units."""
    scale = alg.scales[map_id]
    rects = {}
    for feature in nodes.getFeatures():
        point = feature.geometry().asPoint()
        radius = (2.5 + 0.9 * feature["size_class"]) / 2 * scale
        rects[feature["ent_id"]] = (
            point.x() - radius,
            point.y() - radius,
            point.x() + radius,
            point.y() + radius,
        )
    return rects


def collisions(labels, symbols):
    """(labels over labels, labels over another enterprise's symbol), from QGIS's
    labelling results: rectangles compared pairwise. An arrow label (own None) may cover
    no symbol at all."""
    over_labels = [
        (labels[i][0], labels[j][0]) for i, j in overlapping_pairs([r for _, r, _ in labels])
    ]
    over_symbols = [
        (text, ent_id)
        for text, rect, own in labels
        for ent_id, symbol in symbols.items()
        if ent_id != own and _overlap(rect, symbol)
    ]
    return over_labels, over_symbols


@pytest.mark.parametrize("language, template", [(1, 0), (2, 0), (2, 1)])
def test_no_label_overlaps_another_and_every_enterprise_is_named(
    diagram, tmp_path, language, template
):
    alg, _, _ = export(diagram, tmp_path, language, template)
    nodes = diagram[1]
    named = set()
    for kind in ("pdf", "png"):
        for map_id, labels in alg.labelling[kind].items():
            over_labels, over_symbols = collisions(labels, symbol_rects(nodes, map_id, alg))
            assert over_labels == [] and over_symbols == [], (kind, map_id)
            named |= {ent_id for _, _, ent_id in labels if ent_id}
    # issue 20: 13 of the 34 enterprises had no name on the map
    assert named == {f["ent_id"] for f in nodes.getFeatures()}
    # the PNG carries exactly the PDF's labels (one layout, labels at fixed places)
    for map_id, labels in alg.labelling["pdf"].items():
        texts = sorted(text for text, _, _ in labels)
        assert texts == sorted(text for text, _, _ in alg.labelling["png"][map_id])


def test_a_russian_map_is_russian_and_an_english_map_english(diagram, tmp_path):
    """Even with the interface in English (the tests run in English)."""
    latin_names = {f["name"] for f in diagram[2].getFeatures()}
    russian, pdf_ru, _ = export(diagram, tmp_path, 2, name="ru")
    english, pdf_en, _ = export(diagram, tmp_path, 1, name="en")
    for alg, foreign in ((russian, LATIN), (english, CYRILLIC)):
        texts = [text for labels in alg.labelling["pdf"].values() for text, _, _ in labels]
        assert texts and not [t for t in texts if foreign.search(t)]
    text_ru, text_en = pdf_text(pdf_ru), pdf_text(pdf_en)
    assert "Потенциальные связи симбиоза" in text_ru and "Легенда" in text_ru
    assert "Potential symbiosis links" in text_en and "Legend" in text_en
    assert not [n for n in latin_names if n and n in text_ru]
    assert not CYRILLIC.search(text_en)
    # nothing of the page in English but what the user gave: the sources and a layer name
    page_ru = [
        line
        for line in text_ru.splitlines()
        if not line.strip().startswith("Данные:") and "Symbiosis arrows" not in line
    ]
    assert not [line for line in page_ru if LATIN.search(line)]
    assert tr("Legend") == "Legend"  # the interface's language was left alone


def test_an_english_map_stays_english_under_a_russian_interface(diagram, tmp_path):
    from qgis.PyQt.QtCore import QCoreApplication

    from symbiosis_qgis.i18n import load_translator

    translator = load_translator("ru")  # the interface in Russian, as in `qgis --lang ru`
    assert translator is not None and tr("Legend") == "Легенда"
    try:
        arrows, nodes, ents, roads = diagram
        params = {
            "ARROWS": arrows,
            "NODES": nodes,
            "ENTERPRISES": ents,
            "LANGUAGE": 1,
            "OUTPUT_PDF": str(tmp_path / "en.pdf"),
        }
        processing.run("symbiosis:exportmap", params)  # no SOURCES: from the metadata
    finally:
        QCoreApplication.removeTranslator(translator)
    text = pdf_text(tmp_path / "en.pdf")
    assert "Legend" in text and "metadata names no source" in text
    assert not CYRILLIC.search(text)


def test_legend_lists_what_the_map_shows_and_the_table_groups_units(diagram, tmp_path):
    alg, pdf, _ = export(diagram, tmp_path, 1)
    text = pdf_text(pdf)
    arrows = diagram[0]
    shown = {f["category"] for f in arrows.getFeatures()}
    assert "coal_waste" in shown and "gypsum" not in shown
    assert "Coal waste" in text and "Gypsum" not in text  # categories on the map only
    assert "trunk" not in text  # the background roads' own legend is left out
    assert "< 10 kt/yr" in text  # width classes carry their unit
    # tonnes, then energy, then volumes: never sorted together
    # the right-hand column of the A4 page (842 x 595 pt): legend and table, no map labels
    column = pdf_text(pdf, ["-x", "540", "-y", "0", "-W", "302", "-H", "595"])
    table = column[column.index("Quantity per year") :]
    units = [m.group(1) for m in re.finditer(r"\d (kt/yr|Mt/yr|TJ/yr|million m3/yr)", table)]
    order = [{"kt/yr": 0, "Mt/yr": 0, "TJ/yr": 1, "million m3/yr": 2}[u] for u in units]
    assert len(units) > 5 and order == sorted(order)
    shown_rows, total = alg.table_rows
    assert total == arrows.featureCount()
    if shown_rows < total:  # the rest is said, not silently cut
        assert f"{shown_rows} of {total} exchanges listed" in text


@pytest.mark.parametrize("language, name", [(1, "map_a4_en"), (2, "map_a4_ru")])
def test_render_matches_reviewed_control_image(diagram, artifacts_dir, language, name):
    _, _, png = export(diagram, artifacts_dir, language, name=name)
    if os.environ.get("SYMBIOSIS_UPDATE_CONTROL"):  # then look at it before committing
        (CONTROL_DIR / name).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, CONTROL_DIR / name / f"{name}.png")
    checker = QgsRenderChecker()
    checker.setControlImagePath(str(CONTROL_DIR) + "/")
    checker.setControlName(name)
    checker.setColorTolerance(8)
    # pixels allowed to differ: antialiasing, text hinting and the date in the sources line,
    # not a moved label or arrow
    assert checker.compareImages(name, 6000, str(png)), checker.report()


def test_sample_enterprises_all_have_a_russian_name():
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{SAMPLE_GPKG}|layername=enterprises", "e", "ogr")
    missing = [f["ent_id"] for f in layer.getFeatures() if not CYRILLIC.search(f["name_ru"] or "")]
    assert missing == []
    # GEM's mines (ids M...): English transliterations, their Cyrillic restored and said so
    mines = [f for f in layer.getFeatures() if f["ent_id"].startswith("M")]
    assert len(mines) == 80 and all("name_ru restored" in f["source"] for f in mines)


def label_centres(alg, map_id="map"):
    return {
        ent_id: ((r[0] + r[2]) / 2, (r[1] + r[3]) / 2)
        for _, r, ent_id in alg.labelling["pdf"][map_id]
        if ent_id
    }


def test_enterprises_in_another_crs_get_their_labels_at_the_same_places(diagram, tmp_path):
    arrows, nodes, ents, roads = diagram
    lonlat = processing.run(
        "native:reprojectlayer",
        {"INPUT": nodes, "TARGET_CRS": "EPSG:4326", "OUTPUT": "TEMPORARY_OUTPUT"},
    )["OUTPUT"]
    same, _, _ = export(diagram, tmp_path, 1, name="utm")
    other, _, _ = export((arrows, lonlat, ents, roads), tmp_path, 1, name="lonlat")
    a, b = label_centres(same), label_centres(other)
    assert a.keys() == b.keys() and len(a) > 10
    assert max(np.hypot(a[k][0] - b[k][0], a[k][1] - b[k][1]) for k in a) < 50  # metres


def test_an_enterprise_layer_without_ids_is_refused_by_name(diagram, tmp_path):
    from qgis.core import QgsProcessingException

    from .conftest import memory_layer

    arrows, nodes, _, _ = diagram
    nameless = memory_layer("Point?crs=EPSG:32645&field=name:string", [("A",)])
    with pytest.raises(QgsProcessingException, match="ent_id"):
        processing.run(
            "symbiosis:exportmap",
            {
                "ARROWS": arrows,
                "NODES": nodes,
                "ENTERPRISES": nameless,
                "OUTPUT_PDF": str(tmp_path / "map.pdf"),
            },
        )


def test_the_project_layout_lists_only_the_map_layers_in_its_legend(diagram, tmp_path):
    from qgis.core import QgsLayoutItemLegend

    arrows, nodes, ents, roads = diagram
    project = QgsProject.instance()
    project.addMapLayers([arrows, nodes])
    manager = project.layoutManager()
    before = {layout.name() for layout in manager.layouts()}
    try:
        processing.run(
            "symbiosis:exportmap",
            {
                "ARROWS": arrows,
                "NODES": nodes,
                "TITLE": "Legend test map",
                "OUTPUT_PDF": str(tmp_path / "map.pdf"),
            },
        )
        added = [layout for layout in manager.layouts() if layout.name() not in before]
        assert len(added) == 1
        legend = next(i for i in added[0].items() if isinstance(i, QgsLayoutItemLegend))
        shown = {node.layerId() for node in legend.model().rootGroup().findLayers()}
        # the project also holds the sample's enterprises and roads: not in this legend
        assert project.mapLayer(ents.id()) is not None
        assert shown == {arrows.id(), nodes.id()}
    finally:
        for layout in manager.layouts():
            if layout.name() not in before:
                manager.removeLayout(layout)
        project.removeMapLayers([arrows.id(), nodes.id()])


def test_the_park_map_prints_parks_and_their_supplies_in_one_language(
    symbiosis_provider, sample_gpkg, tmp_path
):
    """make demo's park map: siteparks' PARKS and SUPPLY_LINKS, no diagram fields."""
    ents = gpkg_layer(sample_gpkg, "enterprises")
    result = processing.run(
        "symbiosis:siteparks",
        {
            "SITES": gpkg_layer(sample_gpkg, "sites"),
            "ENTERPRISES": ents,
            "FLOWS": gpkg_layer(sample_gpkg, "flows"),
            "PARKS": "TEMPORARY_OUTPUT",
            "TENANT_ROWS": "TEMPORARY_OUTPUT",
            "SUPPLY_LINKS": "TEMPORARY_OUTPUT",
        },
    )
    parks, supply = result["PARKS"], result["SUPPLY_LINKS"]
    alg = QgsApplication.processingRegistry().createAlgorithmById("symbiosis:exportmap")
    params = {
        "ARROWS": supply,
        "NODES": parks,
        "ENTERPRISES": ents,
        "LANGUAGE": 2,
        "OUTPUT_PDF": str(tmp_path / "parks.pdf"),
    }
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    assert alg.prepare(params, context, feedback)
    alg.runPrepared(params, context, feedback)
    labels = alg.labelling["pdf"]["map"]
    park_names = {f["name_ru"] or f["name"] for f in parks.getFeatures()}
    assert park_names <= {text.replace("\n", " ") for text, _, _ in labels}  # wrapped
    assert collisions(labels, {})[0] == []
    assert not [text for text, _, _ in labels if LATIN.search(text)]
    supplier_names = {f["name_ru"] for f in ents.getFeatures()}
    table = pdf_text(tmp_path / "parks.pdf")
    assert any(name in table for name in supplier_names)  # suppliers named, in Russian
