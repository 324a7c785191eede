"""The plugin's vocabulary, defined once: sectors, sector groups, material categories, arrow
width classes and their labels.

Core, gui, processing and tools/ (which generates the styles) import these; nothing else keeps
its own copy. Labels are English and marked for translation; the adapters pass them through
the plugin's ``tr()``, a notebook reads them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .text import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Sector:
    """An enterprise sector: its readable name, diagram group and sample-map symbol."""

    label: str
    group: str
    colour: str
    shape: str = "circle"
    size_mm: float = 3.4


# sector code (the enterprises' `sector` field) -> Sector. Groups name the icons in
# resources/icons/sectors/<group>.svg; a sector whose group has no icon of its own uses "other".
SECTORS: dict[str, Sector] = {
    "coal_open_pit": Sector(
        QT_TRANSLATE_NOOP("@default", "Open-pit coal mines"), "mine", "#6d4c41", "triangle", 2.6
    ),
    "coal_underground": Sector(
        QT_TRANSLATE_NOOP("@default", "Underground coal mines"), "mine", "#212121", "triangle", 2.6
    ),
    "coal_preparation": Sector(
        QT_TRANSLATE_NOOP("@default", "Coal preparation plants"), "mine", "#424242", "triangle"
    ),
    "iron_ore_mining": Sector(
        QT_TRANSLATE_NOOP("@default", "Iron ore mines"), "mine", "#78909c", "triangle", 3.2
    ),
    "coal_power_plant": Sector(
        QT_TRANSLATE_NOOP("@default", "Coal power plants"), "power", "#c62828", "square", 4.2
    ),
    "gas_power_plant": Sector(
        QT_TRANSLATE_NOOP("@default", "Gas power plants"), "power", "#e53935", "square", 4.2
    ),
    "boiler_house": Sector(
        QT_TRANSLATE_NOOP("@default", "Boiler houses"), "power", "#f57c00", "square", 3.0
    ),
    "iron_and_steel": Sector(
        QT_TRANSLATE_NOOP("@default", "Iron and steel"), "metallurgy", "#6a1b9a", "star", 6.0
    ),
    "ferroalloys": Sector(
        QT_TRANSLATE_NOOP("@default", "Ferroalloys"), "metallurgy", "#7b1fa2", "star", 4.2
    ),
    "aluminium": Sector(
        QT_TRANSLATE_NOOP("@default", "Aluminium"), "metallurgy", "#8e24aa", "star", 4.2
    ),
    "coke_chemistry": Sector(
        QT_TRANSLATE_NOOP("@default", "Coke and coke chemicals"),
        "chemistry",
        "#00695c",
        "pentagon",
        4.2,
    ),
    "chemicals": Sector(
        QT_TRANSLATE_NOOP("@default", "Chemicals"), "chemistry", "#00838f", "pentagon", 4.2
    ),
    "refinery": Sector(
        QT_TRANSLATE_NOOP("@default", "Oil refineries"), "chemistry", "#004d40", "pentagon", 4.2
    ),
    "pharmaceuticals": Sector(
        QT_TRANSLATE_NOOP("@default", "Pharmaceuticals"), "chemistry", "#26a69a", "pentagon"
    ),
    "fertilisers": Sector(
        QT_TRANSLATE_NOOP("@default", "Fertiliser plants"), "chemistry", "#00897b", "pentagon"
    ),
    "cement": Sector(
        QT_TRANSLATE_NOOP("@default", "Cement"), "building", "#546e7a", "diamond", 4.2
    ),
    "concrete": Sector(
        QT_TRANSLATE_NOOP("@default", "Concrete"), "building", "#8d6e63", "diamond"
    ),
    "construction_materials": Sector(
        QT_TRANSLATE_NOOP("@default", "Construction materials"), "building", "#a1887f", "diamond"
    ),
    "ceramics": Sector(
        QT_TRANSLATE_NOOP("@default", "Bricks and ceramics"), "building", "#d84315", "diamond"
    ),
    "plasterboard": Sector(
        QT_TRANSLATE_NOOP("@default", "Plasterboard and gypsum products"),
        "building",
        "#bcaaa4",
        "diamond",
    ),
    "road_construction": Sector(
        QT_TRANSLATE_NOOP("@default", "Road construction"), "road", "#455a64", "hexagon"
    ),
    "land_reclamation": Sector(
        QT_TRANSLATE_NOOP("@default", "Land reclamation"), "land", "#558b2f", "hexagon"
    ),
    "agriculture_greenhouse": Sector(
        QT_TRANSLATE_NOOP("@default", "Greenhouses"), "greenhouse", "#2e7d32", "circle"
    ),
    "agriculture": Sector(
        QT_TRANSLATE_NOOP("@default", "Agriculture"), "greenhouse", "#689f38", "circle"
    ),
    "aquaculture": Sector(
        QT_TRANSLATE_NOOP("@default", "Fish farms"), "greenhouse", "#0288d1", "circle"
    ),
    "food_processing": Sector(
        QT_TRANSLATE_NOOP("@default", "Food processing"), "other", "#f9a825", "circle"
    ),
    "pulp_and_paper": Sector(
        QT_TRANSLATE_NOOP("@default", "Pulp and paper"), "other", "#9e9d24", "circle"
    ),
    "district_heating": Sector(
        QT_TRANSLATE_NOOP("@default", "District heating"), "heat", "#ef6c00", "circle"
    ),
    "water_treatment": Sector(
        QT_TRANSLATE_NOOP("@default", "Water and wastewater treatment"),
        "other",
        "#0097a7",
        "circle",
    ),
    "waste_management": Sector(
        QT_TRANSLATE_NOOP("@default", "Waste management"), "other", "#757575", "circle"
    ),
}

# diagram group -> legend label, in legend order (resources/styles/diagram_nodes.qml)
SECTOR_GROUPS: dict[str, str] = {
    "mine": QT_TRANSLATE_NOOP("@default", "Mines"),
    "power": QT_TRANSLATE_NOOP("@default", "Power and heat plants"),
    "metallurgy": QT_TRANSLATE_NOOP("@default", "Iron and steel"),
    "chemistry": QT_TRANSLATE_NOOP("@default", "Chemicals and coke"),
    "building": QT_TRANSLATE_NOOP("@default", "Building materials"),
    "road": QT_TRANSLATE_NOOP("@default", "Road construction"),
    "land": QT_TRANSLATE_NOOP("@default", "Land reclamation"),
    "greenhouse": QT_TRANSLATE_NOOP("@default", "Greenhouses"),
    "heat": QT_TRANSLATE_NOOP("@default", "District heating"),
    "other": QT_TRANSLATE_NOOP("@default", "Other"),
}
OTHER_GROUP = "other"

# material category (materials.csv `category`) -> (label, arrow colour). The order is the
# order of findcandidates' CATEGORIES enum, which saved models store as indices: append only.
MATERIAL_CATEGORIES: dict[str, tuple[str, str]] = {
    "ash_slag": (QT_TRANSLATE_NOOP("@default", "Ash and slag"), "#616161"),
    "metallurgical_slag": (QT_TRANSLATE_NOOP("@default", "Metallurgical slag"), "#6a1b9a"),
    "mining_rock": (QT_TRANSLATE_NOOP("@default", "Mining rock"), "#8d6e63"),
    "coal_waste": (QT_TRANSLATE_NOOP("@default", "Coal waste"), "#212121"),
    "fuel": (QT_TRANSLATE_NOOP("@default", "Fuel"), "#37474f"),
    "gas": (QT_TRANSLATE_NOOP("@default", "Gas"), "#1565c0"),
    "heat": (QT_TRANSLATE_NOOP("@default", "Heat"), "#e65100"),
    "water": (QT_TRANSLATE_NOOP("@default", "Water"), "#0097a7"),
    "gypsum": (QT_TRANSLATE_NOOP("@default", "Gypsum"), "#bcaaa4"),
    "chemical_byproduct": (QT_TRANSLATE_NOOP("@default", "Chemical by-products"), "#00838f"),
    "organic_residue": (QT_TRANSLATE_NOOP("@default", "Organic residues and sludges"), "#558b2f"),
    "metallurgical_residue": (
        QT_TRANSLATE_NOOP("@default", "Scrap and metallurgical residues"),
        "#4527a0",
    ),
    "agriculture": (QT_TRANSLATE_NOOP("@default", "Agricultural inputs"), "#9e9d24"),
    "electricity": (QT_TRANSLATE_NOOP("@default", "Electricity"), "#fbc02d"),
    "metallurgical_raw": (QT_TRANSLATE_NOOP("@default", "Metallurgical raw materials"), "#5d4037"),
}
OTHER_CATEGORY_COLOUR = "#9e9e9e"

# Arrow width classes by quantity (units per year): upper bounds, widths in mm, legend labels.
WIDTH_BREAKS = [10_000, 50_000, 200_000, 1_000_000, np.inf]
WIDTH_MM = [0.5, 0.9, 1.5, 2.3, 3.3]
WIDTH_LEGEND = [
    QT_TRANSLATE_NOOP("@default", "less than 10 thousand per year"),
    QT_TRANSLATE_NOOP("@default", "10 to 50 thousand per year"),
    QT_TRANSLATE_NOOP("@default", "50 to 200 thousand per year"),
    QT_TRANSLATE_NOOP("@default", "200 thousand to 1 million per year"),
    QT_TRANSLATE_NOOP("@default", "over 1 million per year"),
]


@dataclass(frozen=True)
class RoutingDefaults:
    """Routing defaults shared by networklinks and the explorer dock, so both give the same
    answer on the same data (tariffs are estimates: ../shared/reference/README.md)."""

    road_cost: float = 6.0  # RUB per t-km, bulk road haulage (estimate: 4-8)
    rail_cost: float = 1.5  # RUB per t-km, tariff + wagon (estimate: 1-2)
    handling_cost: float = 150.0  # RUB per t at each road-rail transfer (estimate)
    max_km: float = 300.0  # network distance beyond which a link is unreachable
    snap_tolerance_m: float = 5000.0  # enterprise to road
    # road km per straight km where there is no network: circuity factors of road travel
    # are about 1.2-1.4 (Ballou, Rahardja and Sakai 2002, Transportation Research Part A 36)
    detour: float = 1.3


ROUTING = RoutingDefaults()


def sector_group(sector: str | None) -> str:
    """The diagram group of a sector code; unknown or empty sectors are "other".

    >>> sector_group("cement"), sector_group("space_port")
    ('building', 'other')
    """
    found = SECTORS.get(sector or "")
    return found.group if found else OTHER_GROUP


# The `mode` of a routed link, as a legend reads it (links.qml keeps the codes as labels).
# fmt: off
TRANSPORT_MODE_LABELS: dict[str, str] = {
    "road": QT_TRANSLATE_NOOP("@default", "By road"),
    "rail": QT_TRANSLATE_NOOP("@default", "By rail"),
    "road+rail": QT_TRANSLATE_NOOP("@default", "By road and rail"),
    "pipeline": QT_TRANSLATE_NOOP("@default", "By pipeline"),
    "heat_main": QT_TRANSLATE_NOOP("@default", "By heat main"),
    "unreachable": QT_TRANSLATE_NOOP("@default", "Unreachable"),
    "estimated": QT_TRANSLATE_NOOP("@default", "Straight-line estimate"),
}
# fmt: on


# flow units as a reader writes them (translated by the report, the docks and the legends)
# fmt: off
UNIT_LABELS: dict[str, str] = {
    "t/yr": QT_TRANSLATE_NOOP("@default", "t/yr"),
    "GJ/yr": QT_TRANSLATE_NOOP("@default", "GJ/yr"),
    "MWh/yr": QT_TRANSLATE_NOOP("@default", "MWh/yr"),
    "thousand m3/yr": QT_TRANSLATE_NOOP("@default", "thousand m3/yr"),
}
# fmt: on
