"""The HTML benefits report (core.report) and the node figures it shows (core.assessment), on
the sample data: heading levels, exchanges per node, names instead of codes, numbers as the
report's language writes them."""

import re
from html.parser import HTMLParser

import geopandas as gpd
import processing
import pytest

from symbiosis_qgis.core.assessment import assess
from symbiosis_qgis.core.catalogue import load_materials
from symbiosis_qgis.core.definitions import SECTORS
from symbiosis_qgis.core.report import render_html
from symbiosis_qgis.core.text import format_number


@pytest.fixture()
def sample(sample_links, sample_gpkg, tmp_path):
    _, links, flow_layer = sample_links
    out = tmp_path / "exchanges.gpkg"
    processing.run(
        "symbiosis:optimizeexchanges",
        {"LINKS": links, "FLOWS": flow_layer, "OUTPUT": str(out)},
    )
    exchanges = gpd.read_file(out)
    enterprises = gpd.read_file(sample_gpkg, layer="enterprises")
    flows = gpd.read_file(sample_gpkg, layer="flows")
    return assess(exchanges, enterprises, flows), exchanges, enterprises


class VisibleText(HTMLParser):
    """The text a reader sees (tables, lists, chart labels), and the headings in order."""

    def __init__(self):
        super().__init__()
        self.parts, self.cells, self.headings, self._skip, self._tag = [], [], [], 0, None

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "title"):
            self._skip += 1
        self._tag = tag
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(tag)

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)
            if self._tag in ("td", "text"):  # a table cell or a chart label
                self.cells.append(data.strip())


def read(page):
    parser = VisibleText()
    parser.feed(page)
    return " ".join(parser.parts), parser.headings


def cells(page):
    parser = VisibleText()
    parser.feed(page)
    return set(parser.cells)


def test_every_exchange_counts_in_the_nodes_it_joins(sample):
    """A node that only receives (Topki's cement plant in the sample) showed 0 exchanges
    beside 1.16 bn RUB: exchanges were counted at the supplier's node only."""
    assessment, exchanges, enterprises = sample
    node_of = dict(zip(enterprises["ent_id"].astype(str), enterprises["node"]))
    for row in assessment.nodes.itertuples():
        joined = sum(
            row.node in (node_of[str(s)], node_of[str(d)])
            for s, d in zip(exchanges["supply_ent"], exchanges["demand_ent"])
        )
        assert row.exchanges == joined, row.node
        if row.net_money_rub != 0 or row.replaced_t != 0 or row.diverted_t != 0:
            assert row.exchanges > 0, row.node


def test_headings_nest_and_shrink_with_their_level(sample):
    """Sub-headings (h3) printed larger than the sections (h2) they belong to."""
    page = render_html(sample[0])
    _, headings = read(page)
    assert headings[0] == "h1" and headings.count("h1") == 1
    for before, after in zip(headings, headings[1:]):
        assert int(after[1]) <= int(before[1]) + 1, (before, after)  # no level skipped
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    size = {
        level: float(re.search(rf"h{level}\{{[^}}]*font-size:(\d+)px", style).group(1))
        for level in (1, 2, 3)
    }
    assert size[1] > size[2] > size[3]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_report_reads_names_and_units_not_codes(sample, language):
    assessment, _, _ = sample
    marked = (lambda text: "RU " + text) if language == "ru" else (lambda text: text)
    page = render_html(assessment, translate=marked, language=language)
    shown = cells(page)
    materials = load_materials()
    for code in set(assessment.balance["material"]):
        assert code not in shown, f"material code {code} shown"
        assert materials.at[code, "name_ru" if language == "ru" else "name_en"] in shown
    for code in set(assessment.enterprises["sector"]) & set(SECTORS):
        assert code not in shown, f"sector code {code} shown"
        assert marked(SECTORS[code].label) in shown
    if language == "ru":  # units through the translation, not the code
        assert {"RU t/yr", "RU thousand m3/yr"} <= shown and "t/yr" not in shown
    # clusters and anchors list enterprises by name
    first_cluster = re.search(r"<ol><li>(.*?)</li>", render_html(assessment)).group(1)
    assert not re.search(r"\b(PP|ST|HB|HN|M)\d+\b", first_cluster)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_numbers_are_written_as_the_language_writes_them(sample, language):
    assessment, _, _ = sample
    text, _ = read(render_html(assessment, language=language))
    money = assessment.region["net_money_rub"]
    assert format_number(money, 0, language) in text
    other = "ru" if language == "en" else "en"
    assert format_number(money, 0, other) not in text


def test_enterprise_names_are_in_one_language(sample):
    """A Russian report names enterprises in Russian when every one has a Russian name, and
    in English otherwise: never a mix on one page."""
    from symbiosis_qgis.core.report import enterprise_names

    assessment, _, enterprises = sample
    assert (enterprises["name_ru"].fillna("").str.strip() != "").all()  # the sample has all
    russian = enterprise_names(enterprises, "ru")
    english = enterprise_names(enterprises, "en")
    assert russian == dict(zip(enterprises["ent_id"].astype(str), enterprises["name_ru"]))
    assert english == dict(zip(enterprises["ent_id"].astype(str), enterprises["name"]))
    one_missing = enterprises.copy()
    one_missing.loc[one_missing.index[0], "name_ru"] = " "
    assert enterprise_names(one_missing, "ru") == english
    page = render_html(assessment, language="ru", enterprises=russian)
    shown = cells(page)
    top = assessment.enterprises["ent_id"].astype(str).iloc[0]
    assert russian[top] in shown and english[top] not in shown
