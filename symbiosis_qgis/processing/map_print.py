"""The print copies of the diagram for symbiosis:exportmap: texts in the map's language,
styles with only what the map shows, and the labelling (enterprise names placed by
core.map_labels, arrow labels by QGIS's engine below them)."""

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsField,
    QgsGraduatedSymbolRenderer,
    QgsPalLayerSettings,
    QgsProcessingException,
    QgsProject,
    QgsProperty,
    QgsPropertyCollection,
    QgsRuleBasedRenderer,
    QgsSimpleLineCallout,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QTranslator, QVariant
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF

from ..core.catalogue import load_materials
from ..core.definitions import WIDTH_BREAKS
from ..core.diagram import human_quantity, suppliers_text
from ..core.map_labels import name_in_language, script_of, wrap_text
from ..i18n import CONTEXT, tr
from ..paths import i18n_path, resource_path
from .styling import _reroot_svg

FONT_FAMILY = "DejaVu Sans"
NODE_FONT_PT = 6.5
ARROW_FONT_PT = 5.5
HALO_MM = 0.5
PT_TO_MM = 25.4 / 72
LEGEND_WRAP = "|"  # where the print legend breaks a line
# units in the order the table groups them (tonnes first, then energy, then volumes)
UNIT_ORDER = ["t/yr", "GJ/yr", "MWh/yr", "thousand m3/yr"]


class MapText:
    """Translates the map's strings into the map's language, whatever the interface's:
    a translator of its own, never installed (the UI language stays as it is)."""

    def __init__(self, language: str):
        self.language = language
        self._translator = None
        if language != "en":
            translator = QTranslator()
            qm_file = i18n_path(f"symbiosis_qgis_{language}.qm")
            if qm_file.exists() and translator.load(str(qm_file)):
                self._translator = translator

    def __call__(self, text: str) -> str:
        if self._translator is None:
            return text
        return self._translator.translate(CONTEXT, text) or text


def materialized(layer, crs):
    """A memory copy of ``layer`` (any provider) in ``crs``: print fields can be added to
    it without touching the user's data."""
    request = QgsFeatureRequest()
    if layer.crs() != crs:
        request.setDestinationCrs(crs, QgsProject.instance().transformContext())
    copy = layer.materialize(request)
    copy.setName(layer.name())
    return copy


def add_fields(layer, fields):
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(name, kind) for name, kind in fields])
    layer.updateFields()


def set_values(layer, values_by_fid):
    """{fid: {field name: value}} written into the memory copy."""
    index = {name: layer.fields().indexOf(name) for name in layer.fields().names()}
    changes = {
        fid: {
            index[name]: float(value) if isinstance(value, np.floating) else value
            for name, value in values.items()
        }
        for fid, values in values_by_fid.items()
    }
    if not layer.dataProvider().changeAttributeValues(changes):
        raise QgsProcessingException(
            tr("Could not write the print fields of the layer '{}'").format(layer.name())
        )


def text_of(value) -> str:
    return "" if value is None or (isinstance(value, QVariant) and value.isNull()) else str(value)


def field_text(feature, fields, *names):
    """The first of ``names`` the layer has, as text: the diagram's fields, else those of
    siteparks' outputs (site_id; ent_id/site_id, amount and unit of a supply link)."""
    name = next((n for n in names if n in fields), None)
    return text_of(feature[name]) if name else ""


def field_number(feature, fields, *names) -> float:
    text = field_text(feature, fields, *names)
    try:
        return float(text) if text else 0.0
    except ValueError:
        return 0.0


def node_names(nodes, language, names_by_id):
    """{fid: name in the map's language} for the diagram enterprises.

    Names come from the enterprise table (``names_by_id``: ent_id -> (name_ru, name)) or the
    nodes' own name_ru/name fields; else from their label, whose script says its language.
    """
    fields = nodes.fields().names()
    names = {}
    for feature in nodes.getFeatures():
        ent_id = field_text(feature, fields, "ent_id", "site_id")
        name_ru = text_of(feature["name_ru"]) if "name_ru" in fields else ""
        name_en = text_of(feature["name"]) if "name" in fields else ""
        if ent_id in names_by_id:
            name_ru, name_en = names_by_id[ent_id]
        # a diagram label is the name, then (parks) what it takes in: the name is line one
        label = text_of(feature["label"]).split("\n")[0] if "label" in fields else ""
        if not (name_ru or name_en) and label:
            if script_of(label) == "cyrillic":
                name_ru = label
            else:
                name_en = label
        names[feature.id()] = name_in_language(name_ru, name_en, language, fallback=ent_id)
    return names


def material_name(code, language, materials):
    column = "short_ru" if language == "ru" else "short_en"
    if code in materials.index:
        return str(materials.at[code, column])
    return code


def unit_rank(unit):
    return UNIT_ORDER.index(unit) if unit in UNIT_ORDER else len(UNIT_ORDER)


def _suppliers(feature, fields, names_by_ent, language):
    """Supplier names of an arrow, in the map's language: a bundle lists its suppliers' ids
    in supply_ent (comma-separated, largest first); else its ``suppliers`` field."""
    ids = [t.strip() for t in field_text(feature, fields, "supply_ent", "ent_id").split(",")]
    ids = [t for t in ids if t]
    if ids and all(t in names_by_ent for t in ids):
        return [names_by_ent[t] for t in ids]
    raw = text_of(feature["suppliers"]) if "suppliers" in fields else ""
    tokens = [t.strip() for t in raw.replace(";", ",").split(",") if t.strip()]
    return [names_by_ent.get(t) or name_in_language(t, t, language) for t in tokens]


def arrow_texts(arrows, language, names_by_ent, materials=None):
    """{fid: print fields} for the arrows: map label, table columns and the sort key."""
    materials = load_materials() if materials is None else materials
    fields = arrows.fields().names()
    values, quantities = {}, {}
    for feature in arrows.getFeatures():
        quantity = field_number(feature, fields, "quantity", "amount")
        unit = field_text(feature, fields, "qty_unit", "unit") or "t/yr"
        material = material_name(field_text(feature, fields, "material"), language, materials)
        amount = human_quantity(quantity, unit, language)
        consumer = names_by_ent.get(field_text(feature, fields, "demand_ent", "site_id"), "")
        suppliers = _suppliers(feature, fields, names_by_ent, language)
        count = int(field_number(feature, fields, "n_suppliers") or 1)
        label = f"{material}\n{amount}"
        if count > 1:  # a bundle: 'Coal tailings\n8 suppliers: 4 Mt/yr'
            label = f"{material}\n{suppliers_text(count, '', language)}: {amount}"
        values[feature.id()] = {
            "map_label": label,
            "tbl_from": ", ".join(suppliers),
            "tbl_to": consumer,
            "tbl_material": material,
            "tbl_amount": amount,
            "unit_rank": unit_rank(unit),
            "tbl_quantity": quantity,
        }
        quantities[feature.id()] = quantity
    for fid, rank in row_ranks(values, quantities).items():
        values[fid]["row_rank"] = rank
    return values


def row_ranks(values, quantities):
    """{fid: rank}: the largest arrow of each unit in turn (tonnes are never compared with
    gigajoules), so a table cut to its first rows keeps every unit's biggest."""
    by_unit = {}
    for fid, row in values.items():
        by_unit.setdefault(row["unit_rank"], []).append(fid)
    keyed = []
    for unit, fids in by_unit.items():
        fids.sort(key=lambda f: -quantities[f])
        keyed += [((position, unit), fid) for position, fid in enumerate(fids)]
    return {fid: rank for rank, (_, fid) in enumerate(sorted(keyed))}


def width_class_labels(units, language):
    """Legend labels of the five width classes with their unit: '< 10 kt/yr',
    '10-50 kt/yr'... in the first unit the map shows; the others' units in brackets (the
    classes take the quantity as it is, whatever its unit)."""
    units = list(units) or ["t/yr"]

    def amount(value, unit):
        return human_quantity(value, unit, language)

    def split(value, unit):
        number, _, name = amount(value, unit).partition(" ")
        return number, name

    first = units[0]
    labels = [f"< {amount(WIDTH_BREAKS[0], first)}"]
    for low, high in zip(WIDTH_BREAKS[:3], WIDTH_BREAKS[1:4]):
        (low_n, low_u), (high_n, high_u) = split(low, first), split(high, first)
        if low_u == high_u:
            labels.append(f"{low_n}–{high_n} {high_u}")
        else:
            labels.append(f"{low_n} {low_u} – {high_n} {high_u}")
    labels.append(f"> {amount(WIDTH_BREAKS[3], first)}")
    others = [split(WIDTH_BREAKS[0], u)[1] for u in units[1:]]
    if others:  # on a line of its own (the legend breaks lines at LEGEND_WRAP)
        labels = [f"{label}{LEGEND_WRAP}({', '.join(others)})" for label in labels]
    return labels


def style_for_print(layer, qml_name, text, present, width_labels=()):
    """Load ``qml_name`` into the print copy with legend labels in the map's language, and
    keep only the legend entries of what the map shows: ``present`` holds the categories
    (arrows) or sector groups (enterprises) and the width classes on the map."""
    layer.loadNamedStyle(str(resource_path("styles", qml_name)))
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index in reversed(range(len(renderer.categories()))):
            category = renderer.categories()[index]
            if category.value() not in present:
                renderer.deleteCategory(index)
                continue
            renderer.updateCategoryLabel(index, text(category.label()))
            symbol = category.symbol().clone()
            _reroot_svg(symbol)
            renderer.updateCategorySymbol(index, symbol)
    elif isinstance(renderer, QgsRuleBasedRenderer):
        root = renderer.rootRule()
        width_class = 0
        for rule in list(root.children()):
            if rule.filterExpression() == "FALSE":  # the width classes' legend entries
                width_class += 1
                keep = width_class in present
                label = text(rule.label())
                if len(width_labels) >= width_class:
                    label = width_labels[width_class - 1]
            else:
                value = rule.filterExpression().split("=")[-1].strip().strip("'")
                keep = value in present
                label = text(rule.label())
            if not keep:
                root.removeChild(rule)
                continue
            rule.setLabel(label)
            if rule.symbol() is not None:
                _reroot_svg(rule.symbol())
    layer.triggerRepaint()


def translate_legend(layer, text):
    """The legend labels of a layer keeping its own style, in the map's language (those
    the plugin's styles and outputs use are in the translation)."""
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            renderer.updateCategoryLabel(index, text(category.label()))
    elif isinstance(renderer, QgsGraduatedSymbolRenderer):
        for index, class_range in enumerate(renderer.ranges()):
            renderer.updateRangeLabel(index, text(class_range.label()))
    elif isinstance(renderer, QgsRuleBasedRenderer):
        for rule in renderer.rootRule().descendants():
            rule.setLabel(text(rule.label()))


def text_format(size_pt, bold=False):
    fmt = QgsTextFormat()
    font = QFont(FONT_FAMILY)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size_pt)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(HALO_MM)
    buffer.setSizeUnit(QgsUnitTypes.RenderMillimeters)
    buffer.setColor(QColor("white"))
    fmt.setBuffer(buffer)
    return fmt


def label_size_mm(label, size_pt=NODE_FONT_PT, bold=False):
    """Width and height (mm) of a label as QGIS draws it, halo included."""
    font = QFont(FONT_FAMILY)
    font.setBold(bold)
    font.setPixelSize(1000)  # metrics at 1000 px per em, scaled to the point size
    metrics = QFontMetricsF(font)
    em_mm = size_pt * PT_TO_MM
    lines = label.split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines) / 1000 * em_mm
    height = (metrics.height() * len(lines)) / 1000 * em_mm
    return width + 2 * HALO_MM, height + 2 * HALO_MM


def wrapped(name):
    return wrap_text(name, 26)


def _positioned(settings, x_fields, y_fields, show_fields, hali, vali):
    """Labels at the positions core.map_labels chose for each map item (the main map's
    fields, or the inset's when @map_id is 'inset'), shown always: they were placed clear of
    each other, and QGIS's engine would drop some, differently in the PDF and the PNG."""
    inset = "@map_id = 'inset'"
    properties = QgsPropertyCollection()
    for prop, (main, other) in (
        (QgsPalLayerSettings.PositionX, x_fields),
        (QgsPalLayerSettings.PositionY, y_fields),
        (QgsPalLayerSettings.Show, show_fields),
    ):
        properties.setProperty(
            prop, QgsProperty.fromExpression(f'CASE WHEN {inset} THEN "{other}" ELSE "{main}" END')
        )
    properties.setProperty(QgsPalLayerSettings.Hali, QgsProperty.fromValue(hali))
    properties.setProperty(QgsPalLayerSettings.Vali, QgsProperty.fromValue(vali))
    settings.setDataDefinedProperties(properties)
    settings.displayAll = True
    obstacle = settings.obstacleSettings()
    obstacle.setIsObstacle(False)
    settings.setObstacleSettings(obstacle)
    return settings


def node_labeling(symbol_offset_mm, font_scale=1.0):
    """Enterprise names beside their symbols, with a leader line when moved away."""
    settings = QgsPalLayerSettings()
    settings.fieldName = "map_label"
    settings.setFormat(text_format(NODE_FONT_PT * font_scale))
    settings.placement = QgsPalLayerSettings.OverPoint
    settings.zIndex = 2
    settings.multilineAlign = QgsPalLayerSettings.MultiLeft
    _positioned(settings, ("mx", "ix"), ("my", "iy"), ("m_show", "i_show"), "Left", "Bottom")
    callout = QgsSimpleLineCallout()
    callout.setEnabled(True)
    callout.setMinimumLength(1.5)
    callout.setMinimumLengthUnit(QgsUnitTypes.RenderMillimeters)
    callout.setOffsetFromAnchor(symbol_offset_mm)
    callout.setOffsetFromAnchorUnit(QgsUnitTypes.RenderMillimeters)
    line = callout.lineSymbol()
    line.setWidth(0.2)
    line.setColor(QColor(60, 60, 60))
    settings.setCallout(callout)
    return QgsVectorLayerSimpleLabeling(settings)


def arrow_labeling(font_scale=1.0):
    """Material and quantity on the arrows, horizontal, centred where core.map_labels put
    them (biggest flows first; a label with no room is left out, the table lists it)."""
    settings = QgsPalLayerSettings()
    settings.fieldName = "map_label"
    settings.setFormat(text_format(ARROW_FONT_PT * font_scale))
    settings.placement = QgsPalLayerSettings.Horizontal
    settings.zIndex = 1
    settings.multilineAlign = QgsPalLayerSettings.MultiCenter
    _positioned(settings, ("ax", "bx"), ("ay", "by"), ("a_show", "b_show"), "Center", "Half")
    return QgsVectorLayerSimpleLabeling(settings)
