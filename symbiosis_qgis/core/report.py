"""HTML report of an assessment: tables and inline SVG charts a planner can open and print.

No Qt here: headings are marked for translation and the caller passes its translate function
and the report's language (numbers are written as that language writes them; materials,
sectors and units by their names, never their codes).
"""

import html
from datetime import date

import numpy as np

from .assessment import MEASURES
from .catalogue import load_materials, material_name_column
from .definitions import SECTORS, UNIT_LABELS
from .text import QT_TRANSLATE_NOOP, format_number

# pylupdate5 skips a QT_TRANSLATE_NOOP call with a trailing comma: keep the formatter out

# fmt: off
T = {
    "title": QT_TRANSLATE_NOOP(
        "@default", "Industrial symbiosis: benefits of the chosen exchanges"
    ),
    "region": QT_TRANSLATE_NOOP("@default", "Region"),
    "nodes": QT_TRANSLATE_NOOP("@default", "Industrial nodes"),
    "enterprises": QT_TRANSLATE_NOOP("@default", "Enterprises"),
    "balance": QT_TRANSLATE_NOOP("@default", "Material balance by node"),
    "graph": QT_TRANSLATE_NOOP("@default", "Symbiosis network"),
    "money_by_node": QT_TRANSLATE_NOOP("@default", "Net money by node, million RUB per year"),
    "exchanged_by_material": QT_TRANSLATE_NOOP(
        "@default",
        "Share exchanged and left for disposal by material (t/yr flows), %; "
        "labels: generated, kt per year"
    ),
    "clusters": QT_TRANSLATE_NOOP("@default", "Clusters (connected groups of enterprises)"),
    "loops": QT_TRANSLATE_NOOP("@default", "Closed loops"),
    "anchors": QT_TRANSLATE_NOOP("@default", "Anchor tenants (exchanges broken if removed)"),
    "none": QT_TRANSLATE_NOOP("@default", "none"),
    "generated_on": QT_TRANSLATE_NOOP("@default", "Generated on {date} by symbiosis_qgis"),
    "exchanged": QT_TRANSLATE_NOOP("@default", "exchanged"),
    "left": QT_TRANSLATE_NOOP("@default", "left for disposal"),
    "node_exchanges": QT_TRANSLATE_NOOP(
        "@default",
        "An exchange between two nodes counts in the supplier's node and in the consumer's."
    ),
}
# fmt: on
# column -> heading
COLUMN_TITLES = {
    "ent_id": QT_TRANSLATE_NOOP("@default", "Id"),
    "name": QT_TRANSLATE_NOOP("@default", "Name"),
    "node": QT_TRANSLATE_NOOP("@default", "Node"),
    "sector": QT_TRANSLATE_NOOP("@default", "Sector"),
    "enterprises": QT_TRANSLATE_NOOP("@default", "Enterprises"),
    "exchanges": QT_TRANSLATE_NOOP("@default", "Exchanges"),
    "diverted_t": QT_TRANSLATE_NOOP("@default", "Diverted from dumps, t/yr"),
    "replaced_t": QT_TRANSLATE_NOOP("@default", "Primary material replaced, t/yr"),
    "transport_tkm": QT_TRANSLATE_NOOP("@default", "Transport, t-km/yr"),
    "co2_avoided_t": QT_TRANSLATE_NOOP("@default", "CO2 avoided, t/yr"),
    "transport_co2_t": QT_TRANSLATE_NOOP("@default", "CO2 of transport, t/yr"),
    "net_co2_t": QT_TRANSLATE_NOOP("@default", "Net CO2 avoided, t/yr"),
    "net_money_rub": QT_TRANSLATE_NOOP("@default", "Net money, RUB/yr"),
    "cluster": QT_TRANSLATE_NOOP("@default", "Cluster"),
    "anchor_rank": QT_TRANSLATE_NOOP("@default", "Anchor rank"),
    "exchanges_broken": QT_TRANSLATE_NOOP("@default", "Exchanges broken"),
    "material": QT_TRANSLATE_NOOP("@default", "Material"),
    "unit": QT_TRANSLATE_NOOP("@default", "Unit"),
    "generated": QT_TRANSLATE_NOOP("@default", "Generated"),
    "exchanged": QT_TRANSLATE_NOOP("@default", "Exchanged"),
    "left_for_disposal": QT_TRANSLATE_NOOP("@default", "Left for disposal"),
}
STYLE = """
body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px;color:#212121}
h1{font-size:20px}h2{font-size:16px;margin-top:28px;border-bottom:1px solid #bdbdbd}
h3{font-size:13px;margin:16px 0 4px}
table{border-collapse:collapse;font-size:11px;margin:8px 0}
th,td{border:1px solid #e0e0e0;padding:3px 6px}td.n{text-align:right}th{background:#f5f5f5}
.footer{color:#757575;font-size:10px;margin-top:24px}
@media print{h2{page-break-after:avoid}table{page-break-inside:auto}}
"""


def _is_number(value):
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_)
    )


def _fmt(value, language="en"):
    """A cell's text: numbers rounded and grouped as ``language`` writes them, empty for a
    missing value (NaN), other values escaped."""
    if _is_number(value):
        return "" if np.isnan(float(value)) else format_number(value, 0, language)
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return html.escape(str(value))


def table_html(frame, translate, language="en"):
    head = "".join(
        f"<th>{html.escape(translate(COLUMN_TITLES.get(c, c)))}</th>" for c in frame.columns
    )
    rows = []
    for record in frame.itertuples(index=False):
        cells = "".join(
            f'<td class="n">{_fmt(v, language)}</td>' if _is_number(v) else f"<td>{_fmt(v)}</td>"
            for v in record
        )
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def enterprise_names(enterprises, language="en"):
    """ent_id -> the name a reader sees. Russian names (name_ru) only when the language is
    Russian and every enterprise has one, so a page never mixes Russian and English names;
    else ``name``, else the id.

    Parameters
    ----------
    enterprises : pandas.DataFrame
        With ``ent_id`` and optionally ``name`` and ``name_ru``.
    language : str
        "ru", "en"...

    Returns
    -------
    dict
        Id (as text) to name.
    """
    ids = enterprises["ent_id"].astype(str)
    names = ids
    if "name" in enterprises.columns:
        english = enterprises["name"].fillna("").astype(str).str.strip()
        names = english.where(english != "", ids)
    if language == "ru" and "name_ru" in enterprises.columns:
        russian = enterprises["name_ru"].fillna("").astype(str).str.strip()
        if len(russian) and (russian != "").all():
            names = russian
    return dict(zip(ids, names))


class Names:
    """Readable names for what the tables hold as codes, in the report's language."""

    def __init__(self, assessment, translate, language, materials=None, enterprises=None):
        self.translate, self.language = translate, language
        self.materials = load_materials() if materials is None else materials
        self.enterprise_names = enterprises or enterprise_names(assessment.enterprises)

    def enterprise(self, ent_id):
        return self.enterprise_names.get(str(ent_id), str(ent_id))

    def material(self, code):
        column = material_name_column(self.language)
        if code in self.materials.index and column in self.materials.columns:
            name = self.materials.at[code, column]
            if isinstance(name, str) and name.strip():
                return name.strip()
        return str(code)

    def sector(self, code):
        found = SECTORS.get(code)
        return self.translate(found.label) if found else str(code)

    def unit(self, code):
        return self.translate(UNIT_LABELS[code]) if code in UNIT_LABELS else str(code)


def bar_chart_svg(labels, series, colours, width=640, bar=16, top=None, notes=None, language="en"):
    """Horizontal stacked bars: series is a list of value lists aligned with labels.

    top: the value of a full bar (default: the largest total); notes: end-of-bar labels
    (default: the totals, written as ``language`` writes numbers).
    """
    total = [sum(values) for values in zip(*series)] if series else []
    top = top or max(total + [1e-9])
    notes = notes or [_fmt(float(t), language) for t in total]
    left, height = 190, (bar + 6) * len(labels) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-size="11" font-family="DejaVu Sans, Arial">'
    ]
    for k, label in enumerate(labels):
        y = 5 + k * (bar + 6)
        parts.append(
            f'<text x="{left - 6}" y="{y + bar - 4}" text-anchor="end">'
            f"{html.escape(str(label))}</text>"
        )
        x = left
        for values, colour in zip(series, colours):
            w = (width - left - 70) * max(values[k], 0) / top
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour}"/>'
            )
            x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + bar - 4}">{notes[k]}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(
    assessment,
    translate=lambda text: text,
    title=None,
    sections=(),
    language="en",
    materials=None,
    enterprises=None,
):
    """The benefits report as one self-contained HTML page (tables and SVG bar charts).

    Parameters
    ----------
    assessment : Assessment
        What :func:`symbiosis_qgis.core.assessment.assess` returns.
    translate : callable
        Turns the English texts into the user's language (the plugin passes its ``tr``).
    title : str, optional
        Replaces the default heading.
    sections : sequence of str
        HTML sections (an h2 onwards, e.g. core.barriers.report_section) added before the
        enterprise table.
    language : str
        The report's language ("en", "ru"): how numbers are written and which catalogue
        names of the materials are shown.
    materials : pandas.DataFrame, optional
        The material catalogue indexed by code (default: the shipped one) for the names.
    enterprises : dict, optional
        Enterprise id -> name to show (see :func:`enterprise_names`; default: the
        assessment's ``name`` column).

    Returns
    -------
    str
        The page.
    """
    t = lambda key: html.escape(translate(T[key]))  # noqa: E731
    names = Names(assessment, translate, language, materials, enterprises)
    region = assessment.region
    region_rows = "".join(
        f"<tr><th>{html.escape(translate(COLUMN_TITLES.get(k, k)))}</th>"
        f'<td class="n">{_fmt(float(region[k]), language)}</td></tr>'
        for k in ("exchanges", "enterprises", *MEASURES)
    )
    nodes = assessment.nodes
    money_chart = bar_chart_svg(
        list(nodes["node"].astype(str)),
        [list(nodes["net_money_rub"] / 1e6)],
        ["#2e7d32"],
        language=language,
    )
    tonnes = (
        assessment.balance[assessment.balance["unit"] == "t/yr"]
        .groupby("material")[["exchanged", "left_for_disposal"]]
        .sum()
    )
    generated = tonnes.sum(axis=1).where(lambda v: v > 0, 1.0)
    material_chart = bar_chart_svg(
        [names.material(code) for code in tonnes.index],
        [
            list(100 * tonnes["exchanged"] / generated),
            list(100 * tonnes["left_for_disposal"] / generated),
        ],
        ["#1565c0", "#bdbdbd"],
        top=100.0,
        notes=[_fmt(float(v), language) for v in tonnes.sum(axis=1) / 1e3],
    )
    legend = (
        f'<p><span style="color:#1565c0">&#9632;</span> {t("exchanged")} &nbsp; '
        f'<span style="color:#9e9e9e">&#9632;</span> {t("left")}</p>'
    )
    balance = assessment.balance.assign(
        material=[names.material(code) for code in assessment.balance["material"]],
        unit=[names.unit(code) for code in assessment.balance["unit"]],
    )
    clusters = "".join(
        f"<li>{html.escape(', '.join(sorted(names.enterprise(e) for e in members)))}</li>"
        for members in assessment.clusters
    )
    loops = (
        "".join(
            f"<li>{html.escape(' → '.join(names.enterprise(e) for e in loop + loop[:1]))}</li>"
            for loop in assessment.loops
        )
        or f"<li>{t('none')}</li>"
    )
    anchors = (
        table_html(
            assessment.anchors.head(10).assign(
                name=[names.enterprise(e) for e in assessment.anchors.head(10)["ent_id"]]
            )[["name", "exchanges_broken", "anchor_rank"]],
            translate,
            language,
        )
        if len(assessment.anchors)
        else t("none")
    )
    enterprise_table = assessment.enterprises.assign(
        name=[names.enterprise(e) for e in assessment.enterprises["ent_id"]],
        sector=[names.sector(code) for code in assessment.enterprises["sector"]],
        cluster=assessment.enterprises["cluster"].replace(0, np.nan),
    )
    heading = html.escape(title or translate(T["title"]))
    return f"""<!DOCTYPE html>
<html lang="{html.escape(language)}"><head><meta charset="utf-8"><title>{heading}</title>
<style>{STYLE}</style></head><body>
<h1>{heading}</h1>
<h2>{t("region")}</h2><table>{region_rows}</table>
<h2>{t("nodes")}</h2>{table_html(nodes, translate, language)}<p>{t("node_exchanges")}</p>
<p>{t("money_by_node")}</p>{money_chart}
<h2>{t("balance")}</h2><p>{t("exchanged_by_material")}</p>{material_chart}{legend}
{table_html(balance, translate, language)}
<h2>{t("graph")}</h2>
<h3>{t("clusters")}</h3><ol>{clusters}</ol>
<h3>{t("loops")}</h3><ul>{loops}</ul>
<h3>{t("anchors")}</h3>{anchors}
{"".join(sections)}
<h2>{t("enterprises")}</h2>{table_html(enterprise_table, translate, language)}
<p class="footer">{html.escape(translate(T["generated_on"]).format(date=date.today()))}</p>
</body></html>
"""
