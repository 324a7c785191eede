"""The parks dock's tables and status text: the parks of a run and the tenant modules of the
selected park, in the words and number format of the interface language.

The functions take ``language`` rather than reading it themselves: the dock reads it once per
fill, so one fill never mixes two languages.
"""

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ..core.parks import load_tenants
from ..core.text import format_number
from ..i18n import tr
from .common import unit_label

MILLION = 1e6


def plain(value):
    """A QVariant NULL as None."""
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


def layer_rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, feature.attributes())) for feature in layer.getFeatures()]


def parks_by_benefit(layer):
    """The parks layer's rows, the highest net benefit first."""
    return sorted(layer_rows(layer), key=lambda row: -(plain(row["net_benefit"]) or 0))


def land_status_words():
    """land_status codes of the data model in words (the labels of resources/styles/sites.qml)."""
    return {
        "mothballed mine": tr("Mothballed mine"),
        "reclaimed mine": tr("Reclaimed mine land"),
        "planned park": tr("Planned park"),
        "brownfield": tr("Brownfield"),
        "greenfield": tr("Greenfield"),
        "existing park": tr("Existing park"),
    }


def status_words(status, gap, language):
    """The solver's outcome as a planner reads it (gap: relative, NaN when unknown)."""
    gap_text = "" if gap is None or gap != gap else format_number(100 * gap, 2, language)
    if status == "optimal":
        return tr("Solution: optimal")
    if status == "time_limit":
        return tr(
            "Solution: time limit reached, gap {} %; the best solution found is shown"
        ).format(gap_text or "?")
    if status == "no_solution":
        return tr("The time limit was reached before any solution was found: no park is chosen")
    if status == "infeasible":
        return tr("Infeasible: no set of parks meets these settings; no park is chosen")
    return tr("The solver failed: no park is chosen")


def summary_text(results, language):
    """The solver's outcome and the run's totals, on two lines."""
    status = status_words(results.get("STATUS"), plain(results.get("MIP_GAP")), language)
    return "{}\n{}".format(
        status,
        tr(
            "{parks} parks, {tonnes} t/yr taken in, net benefit {benefit} mln RUB/yr, "
            "regional co-financing {cofinancing} mln RUB"
        ).format(
            parks=format_number(results.get("PARKS_OPENED") or 0, 0, language),
            tonnes=format_number(results.get("TONNES") or 0, 0, language),
            benefit=format_number((results.get("NET_BENEFIT") or 0) / MILLION, 1, language),
            cofinancing=format_number((results.get("COFINANCING") or 0) / MILLION, 0, language),
        ),
    )


def tenant_name(row, language):
    if language == "ru" and plain(row.get("tenant_ru")):
        return row["tenant_ru"]
    return plain(row.get("tenant")) or str(row["tenant_id"])


def tenants_in_words(tenants, site_id, language):
    return "; ".join(
        f"{tenant_name(row, language)} × {row['modules']}"
        for row in tenants
        if str(row["site_id"]) == site_id
    )


def product_names(tenants_layer, language):
    """{tenant_id: product in the UI language} where the catalogue names it (the tenants
    layer, or the bundled catalogue when there is none)."""
    column = f"product_{language}"
    try:
        if tenants_layer is not None:
            rows = layer_rows(tenants_layer)
        else:
            rows = load_tenants().to_dict("records")
    except (ValueError, OSError):
        return {}
    return {
        str(row["tenant_id"]).strip(): row[column]
        for row in rows
        if plain(row.get(column)) and str(row[column]).strip()
    }


def park_headers():
    return [
        tr("Park"),
        tr("Net benefit, mln RUB/yr"),
        tr("Taken in, t/yr"),
        tr("Capex, mln RUB"),
        tr("Co-financing, mln RUB"),
        tr("Land"),
        tr("Tenants"),
    ]


def park_rows(parks, tenants, names, language):
    """The parks table's texts. Also gives each park its ``label`` (the name shown), which
    the tenants caption repeats."""
    status = land_status_words()
    rows = []
    for park in parks:
        site_id = str(park["site_id"])
        park["label"] = names.get(site_id) or plain(park["name"]) or site_id
        rows.append(
            [
                park["label"],
                format_number((park["net_benefit"] or 0) / MILLION, 1, language),
                format_number(park["tonnes"] or 0, 0, language),
                format_number((park["capex"] or 0) / MILLION, 0, language),
                format_number((park["cofinancing"] or 0) / MILLION, 0, language),
                status.get(plain(park["land_status"]) or "", park["land_status"] or ""),
                tenants_in_words(tenants, site_id, language),
            ]
        )
    return rows


def tenant_headers():
    return [
        tr("Tenant module"),
        tr("Modules"),
        tr("Input per year"),
        tr("Utilisation, %"),
        tr("Product per year"),
        tr("Capex, mln RUB"),
    ]


def tenant_rows(park, tenants, products, language):
    """The tenants table's texts: the modules of ``park`` (``products``: from product_names)."""
    rows = []
    for row in tenants:
        if str(row["site_id"]) != str(park["site_id"]):
            continue
        unit = unit_label(row["unit"])
        product = products.get(str(row["tenant_id"]), plain(row["product"]) or "")
        amount = format_number(row["product_amount"] or 0, 0, language)
        if row["unit"] == "t/yr":  # other products name their unit ("electricity, MWh")
            amount = tr("{} t").format(amount)
        rows.append(
            [
                tenant_name(row, language),
                format_number(row["modules"] or 0, 0, language),
                f"{format_number(row['input'] or 0, 0, language)} {unit}",
                format_number(100 * (row["utilisation"] or 0), 0, language),
                f"{product}: {amount}" if product else amount,
                format_number((row["capex"] or 0) / MILLION, 0, language),
            ]
        )
    return rows


def result_table(headers):
    """A read-only table that selects whole rows, one at a time."""
    widget = QTableWidget(0, len(headers))
    for index, title in enumerate(headers):
        # the unit on a line of its own: a header wider than its column is cut at both ends
        item = QTableWidgetItem(title.replace(", ", ",\n", 1))
        item.setToolTip(title)
        widget.setHorizontalHeaderItem(index, item)
    widget.setEditTriggers(QAbstractItemView.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SingleSelection)
    widget.verticalHeader().setVisible(False)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    widget.horizontalHeader().setStretchLastSection(True)
    widget.setMinimumHeight(60)  # never taller than the main window allows
    widget.setWordWrap(False)
    return widget


def fill_table(widget, rows):
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c > 0 and (text[:1].isdigit() or text[:1] == "-"):
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            widget.setItem(r, c, item)


def fit_columns(widget, widest=200):
    """Columns as wide as their text but no wider than ``widest`` px (long names elide, the
    tooltip has them whole), so the numbers stay in view in a narrow dock."""
    widget.resizeColumnsToContents()
    for index in range(widget.columnCount() - 1):
        widget.setColumnWidth(index, min(widget.columnWidth(index), widest))
