"""HTML report of an assessment: tables and inline SVG charts a planner can open and print.

No Qt here: headings are marked for translation and the caller passes its translate function.
"""

import html
from datetime import date

import numpy as np

from .assessment import MEASURES
from .text import QT_TRANSLATE_NOOP

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
table{border-collapse:collapse;font-size:11px;margin:8px 0}
th,td{border:1px solid #e0e0e0;padding:3px 6px}td.n{text-align:right}th{background:#f5f5f5}
.footer{color:#757575;font-size:10px;margin-top:24px}
@media print{h2{page-break-after:avoid}table{page-break-inside:auto}}
"""


def _is_number(value):
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_)
    )


def _fmt(value):
    if _is_number(value):
        return f"{float(value):,.0f}".replace(",", "\u202f")
    return html.escape(str(value))


def table_html(frame, translate):
    head = "".join(
        f"<th>{html.escape(translate(COLUMN_TITLES.get(c, c)))}</th>" for c in frame.columns
    )
    rows = []
    for record in frame.itertuples(index=False):
        cells = "".join(
            f'<td class="n">{_fmt(v)}</td>' if _is_number(v) else f"<td>{_fmt(v)}</td>"
            for v in record
        )
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def bar_chart_svg(labels, series, colours, width=640, bar=16, top=None, notes=None):
    """Horizontal stacked bars: series is a list of value lists aligned with labels.

    top: the value of a full bar (default: the largest total); notes: end-of-bar labels.
    """
    total = [sum(values) for values in zip(*series)] if series else []
    top = top or max(total + [1e-9])
    notes = notes or [_fmt(float(t)) for t in total]
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


def render_html(assessment, translate=lambda text: text, title=None, sections=()):
    """The benefits report as one self-contained HTML page (tables and SVG bar charts).

    ``assessment`` is what :func:`symbiosis_qgis.core.assessment.assess` returns;
    ``translate`` turns the English headings into the user's language (the plugin passes its
    ``tr``); ``title`` replaces the default heading; ``sections`` are HTML sections (an h2
    onwards, e.g. core.barriers.report_section) added before the enterprise table.
    """
    t = lambda key: html.escape(translate(T[key]))  # noqa: E731
    region = assessment.region
    region_rows = "".join(
        f"<tr><th>{html.escape(translate(COLUMN_TITLES.get(k, k)))}</th>"
        f'<td class="n">{_fmt(float(region[k]))}</td></tr>'
        for k in ("exchanges", "enterprises", *MEASURES)
    )
    nodes = assessment.nodes
    money_chart = bar_chart_svg(
        list(nodes["node"].astype(str)), [list(nodes["net_money_rub"] / 1e6)], ["#2e7d32"]
    )
    tonnes = (
        assessment.balance[assessment.balance["unit"] == "t/yr"]
        .groupby("material")[["exchanged", "left_for_disposal"]]
        .sum()
    )
    generated = tonnes.sum(axis=1).where(lambda v: v > 0, 1.0)
    material_chart = bar_chart_svg(
        list(tonnes.index),
        [
            list(100 * tonnes["exchanged"] / generated),
            list(100 * tonnes["left_for_disposal"] / generated),
        ],
        ["#1565c0", "#bdbdbd"],
        top=100.0,
        notes=[_fmt(float(v)) for v in tonnes.sum(axis=1) / 1e3],
    )
    legend = (
        f'<p><span style="color:#1565c0">&#9632;</span> {t("exchanged")} &nbsp; '
        f'<span style="color:#9e9e9e">&#9632;</span> {t("left")}</p>'
    )
    clusters = "".join(f"<li>{html.escape(', '.join(c))}</li>" for c in assessment.clusters)
    loops = (
        "".join(
            f"<li>{html.escape(' → '.join(loop + loop[:1]))}</li>" for loop in assessment.loops
        )
        or f"<li>{t('none')}</li>"
    )
    anchors = (
        table_html(assessment.anchors.head(10), translate)
        if len(assessment.anchors)
        else t("none")
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(title or translate(T["title"]))}</title>
<style>{STYLE}</style></head><body>
<h1>{html.escape(title or translate(T["title"]))}</h1>
<h2>{t("region")}</h2><table>{region_rows}</table>
<h2>{t("nodes")}</h2>{table_html(nodes, translate)}
<p>{t("money_by_node")}</p>{money_chart}
<h2>{t("balance")}</h2><p>{t("exchanged_by_material")}</p>{material_chart}{legend}
{table_html(assessment.balance, translate)}
<h2>{t("graph")}</h2>
<h3>{t("clusters")}</h3><ol>{clusters}</ol>
<h3>{t("loops")}</h3><ul>{loops}</ul>
<h3>{t("anchors")}</h3>{anchors}
{"".join(sections)}
<h2>{t("enterprises")}</h2>{table_html(assessment.enterprises, translate)}
<p class="footer">{html.escape(translate(T["generated_on"]).format(date=date.today()))}</p>
</body></html>
"""
