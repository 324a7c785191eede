"""Label placement on the print layout of symbiosis:exportmap: enterprise names and arrow
labels placed clear of each other and of the symbols (core.map_labels does the geometry, here
in each map item's units), the inset map that enlarges a crowd of symbols, and what QGIS drew
in the end (its labelling results)."""

import numpy as np
from qgis.core import (
    QgsCircularString,
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutItemMap,
    QgsLayoutItemMapOverview,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPoint,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
)

from ..core.map_labels import inset_window, place_at_candidates, place_point_labels, touching
from . import map_print
from .map_layout import layout_item

INSET_SHARE = 0.42  # inset frame: this share of the map's width and height
MIN_GAP_MM = 7.0  # margin of the inset's window around its crowd (page mm)
MIN_ZOOM = 2.0  # the inset enlarges at least this much (a bigger crowd: its densest part)
MAX_ZOOM = 3.0  # a smaller crowd gets a wider window: the inset keeps some context
TOUCH_MM = 1.0  # symbols closer than this edge to edge crowd the page
CROWD_RINGS = 2  # a name that cannot sit within two rings of its symbol is crowded out


def map_units_per_mm(map_item):
    return map_item.extent().width() / max(map_item.rect().width(), 1e-9)


def item_rect_in_map(map_item, other, pad_mm=1.0):
    """The rectangle an item drawn over ``map_item`` covers, in map units."""
    scale = map_units_per_mm(map_item)
    extent = map_item.extent()
    left = other.pos().x() - map_item.pos().x() - pad_mm
    top = other.pos().y() - map_item.pos().y() - pad_mm
    width, height = other.rect().width() + 2 * pad_mm, other.rect().height() + 2 * pad_mm
    x0 = extent.xMinimum() + left * scale
    y1 = extent.yMaximum() - top * scale
    return (x0, y1 - height * scale, x0 + width * scale, y1)


def points_of(layer, crs):
    """{fid: (x, y)} of a point layer in ``crs``."""
    transform = None
    if layer.crs() != crs:
        transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    points = {}
    for feature in layer.getFeatures():
        point = feature.geometry().asPoint()
        if transform is not None:
            point = transform.transform(point)
        points[feature.id()] = (point.x(), point.y())
    return points


def within(xy, rect):
    return rect[0] <= xy[0] <= rect[2] and rect[1] <= xy[1] <= rect[3]


def node_table(layer, crs, font_scale=1.0):
    """Positions, label sizes (mm), symbol radii (mm) and importance of the enterprises."""
    fields = layer.fields().names()
    features = list(layer.getFeatures())
    points = points_of(layer, crs)

    def number(feature, name, default):
        value = feature[name] if name in fields else None
        return float(value) if value not in (None, "") and value == value else default

    return {
        "fids": [f.id() for f in features],
        "xy": np.array([points[f.id()] for f in features], float).reshape(-1, 2),
        "size_mm": np.array(
            [
                map_print.label_size_mm(f["map_label"], map_print.NODE_FONT_PT * font_scale)
                for f in features
            ],
            float,
        ).reshape(-1, 2),
        # the symbol's diameter in diagram_nodes.qml: 2.5 + 0.9 * size_class mm
        "radius_mm": np.array(
            [(2.5 + 0.9 * number(f, "size_class", 1.0)) / 2 + 0.3 for f in features], float
        ),
        "weight": np.array([number(f, "throughput", 0.0) for f in features], float),
    }


ARROW_STOPS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78]  # where along an arrow a label may sit


def arrow_table(layer, crs, font_scale=1.0):
    """Per arrow: points along the curve the arrow symbol draws (a circular arc through its
    three vertices), its middle, label size (mm) and width class."""
    transform = None
    if layer.crs() != crs:
        transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    fids, stops, middles, sizes, weights = [], [], [], [], []
    for feature in layer.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        if transform is not None:
            geometry.transform(transform)
        line = geometry.asPolyline() if not geometry.isMultipart() else []
        if len(line) == 3:
            geometry = QgsGeometry(QgsCircularString(*[QgsPoint(p) for p in line]))
        length = geometry.length()
        points = [geometry.interpolate(length * t).asPoint() for t in ARROW_STOPS]
        fids.append(feature.id())
        stops.append(np.array([(p.x(), p.y()) for p in points], float))
        middles.append(stops[-1][0])
        size_pt = map_print.ARROW_FONT_PT * font_scale
        sizes.append(map_print.label_size_mm(feature["map_label"], size_pt))
        weights.append(
            float(feature["quantity"] or 0.0) if "quantity" in layer.fields().names() else 0.0
        )
    return {
        "fids": fids,
        "stops": stops,
        "middle": np.array(middles, float).reshape(-1, 2),
        "size_mm": np.array(sizes, float).reshape(-1, 2),
        "weight": np.array(weights, float),
    }


class LabelView:
    """Label placement on one map item (the main map or the inset), in its map units."""

    def __init__(self, map_item, blocked):
        self.scale = map_units_per_mm(map_item)
        extent = map_item.extent()
        inner = self.scale  # 1 mm inside the frame
        self.bounds = (
            extent.xMinimum() + inner,
            extent.yMinimum() + inner,
            extent.xMaximum() - inner,
            extent.yMaximum() - inner,
        )
        self.blocked = list(blocked)

    def place_nodes(self, nodes, wanted, rings=8, further=True, over_symbols=False, taken=()):
        """Names of the ``wanted`` enterprises, biggest throughput first, clear of the
        ``taken`` rectangles (names placed before); NaN rows where no room was found.

        Within ``rings`` of the symbol; then, with ``further``, twice as far (a longer
        leader line); then, with ``over_symbols``, over other symbols (a last resort)."""
        order = [i for i in np.argsort(-nodes["weight"], kind="stable") if wanted[i]]
        rects = np.full((len(nodes["fids"]), 4), np.nan)
        passes = [(True, rings)] + [(True, 2 * rings)] * further + [(False, rings)] * over_symbols
        for avoid_symbols, pass_rings in passes:
            missing = np.asarray(wanted, bool) & np.isnan(rects[:, 0])
            if not missing.any():
                break
            blocked = [np.reshape(self.blocked, (-1, 4)), np.reshape(taken, (-1, 4))]
            blocked.append(rects[~np.isnan(rects[:, 0])])
            more, _ = place_point_labels(
                nodes["xy"],
                nodes["size_mm"] * self.scale,
                nodes["radius_mm"] * self.scale,
                [i for i in order if missing[i]],
                self.bounds,
                blocked=np.vstack(blocked),
                gap=0.4 * self.scale,
                step=2.5 * self.scale,
                rings=pass_rings,
                avoid_symbols=avoid_symbols,
            )
            rects[missing] = more[missing]
        return rects

    def place_arrows(self, arrows, wanted, nodes, node_rects):
        """Arrow labels, biggest flows first, clear of the symbols and the names."""
        radius = nodes["radius_mm"] * self.scale
        symbols = np.column_stack([nodes["xy"] - radius[:, None], nodes["xy"] + radius[:, None]])
        names = node_rects[~np.isnan(node_rects[:, 0])]
        blocked = np.vstack([symbols, names, np.asarray(self.blocked, float).reshape(-1, 4)])
        sizes = arrows["size_mm"] * self.scale
        candidates = []
        for stops, (_, h) in zip(arrows["stops"], sizes):
            shift = h / 2 + 0.5 * self.scale  # on the arrow, else just above or below it
            candidates.append(
                np.vstack([stops, stops + (0, shift), stops - (0, shift)]).reshape(-1, 2)
            )
        order = [i for i in np.argsort(-arrows["weight"], kind="stable") if wanted[i]]
        return place_at_candidates(candidates, sizes, order, self.bounds, blocked)

    def record(self, rects, fids, values, show, x, y, lower_left):
        """Placed rectangles into the print fields: the lower-left corner of the text for
        names (drawn left- and bottom-aligned), the centre for arrow labels."""
        halo = map_print.HALO_MM * self.scale
        for rect, fid in zip(rects, fids):
            if np.isnan(rect[0]):
                continue
            if lower_left:
                values[fid].update({show: 1, x: rect[0] + halo, y: rect[1] + halo})
            else:
                cx, cy = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
                values[fid].update({show: 1, x: cx, y: cy})


def place_labels(layout, print_nodes, print_arrows, crs, font_scale=1.0):
    """Enterprise names, then arrow labels, placed clear of each other and of the symbols
    (core.map_labels); the names that find no room send their crowd to an inset map.

    Returns (placement, scales): what was placed where (names on the map and in the inset,
    the inset's window) and the map units per mm of each map item."""
    map_item = layout_item(layout, "map", QgsLayoutItemMap)
    scale = map_units_per_mm(map_item)
    nodes = node_table(print_nodes, crs, font_scale)
    arrows = arrow_table(print_arrows, crs, font_scale)
    blocked_items = [layout.itemById(i) for i in ("north", "scalebar")]
    blocked_items = [b for b in blocked_items if b is not None]
    main_view = LabelView(map_item, [item_rect_in_map(map_item, b) for b in blocked_items])
    for blocker in blocked_items:
        map_item.addLabelBlockingItem(blocker)
    # a first pass on the main map finds the names with no room near their symbol
    # (two rings out): their crowd is enlarged; the inset covers part of the map, so the
    # names it crowds out in turn join the crowd (a few rounds)
    everyone = np.ones(len(nodes["fids"]), bool)
    first = main_view.place_nodes(nodes, everyone, rings=CROWD_RINGS, further=False)
    crowded = np.isnan(first[:, 0]) | touching(
        nodes["xy"], nodes["radius_mm"] * scale, TOUCH_MM * scale
    )
    frame = window = None
    for _ in range(3):
        found = inset_frame(map_item, nodes["xy"], crowded, scale, main_view.blocked)
        if found[0] is None:
            break
        frame, window = found
        view = LabelView(map_item, [*main_view.blocked, frame])
        outside = ~np.array([within(p, window) for p in nodes["xy"]], bool).reshape(-1)
        still = outside & np.isnan(view.place_nodes(nodes, outside)[:, 0])
        if not still.any() or ((crowded | still) == crowded).all():
            break
        crowded = crowded | still
    inset_item = None
    if frame is not None:
        inset_item = add_inset_map(layout, map_item, frame, window, scale)
        main_view.blocked.append(frame)
    in_window = np.array(
        [window is not None and within(p, window) for p in nodes["xy"]], bool
    ).reshape(-1)
    arrow_in_window = np.array(
        [window is not None and within(p, window) for p in arrows["middle"]], bool
    ).reshape(-1)
    node_rects = main_view.place_nodes(nodes, ~in_window)
    inset_rects = np.full_like(node_rects, np.nan)
    if inset_item is not None:
        inset_view = LabelView(inset_item, [])
        inset_rects = inset_view.place_nodes(nodes, in_window)
    # names with no room in the inset go on the main map, with a leader line; only
    # then, as a last resort, over another symbol
    for over_symbols in (False, True):
        left = np.isnan(node_rects[:, 0]) & np.isnan(inset_rects[:, 0])
        if not left.any():
            break
        placed = node_rects[~np.isnan(node_rects[:, 0])]
        more = main_view.place_nodes(nodes, left, over_symbols=over_symbols, taken=placed)
        node_rects[left] = more[left]
    arrow_rects = main_view.place_arrows(arrows, ~arrow_in_window, nodes, node_rects)
    node_values = {
        fid: {"m_show": 0, "i_show": 0, "mx": None, "my": None, "ix": None, "iy": None}
        for fid in nodes["fids"]
    }
    arrow_values = {
        fid: {"a_show": 0, "b_show": 0, "ax": None, "ay": None, "bx": None, "by": None}
        for fid in arrows["fids"]
    }
    main_view.record(node_rects, nodes["fids"], node_values, "m_show", "mx", "my", True)
    main_view.record(arrow_rects, arrows["fids"], arrow_values, "a_show", "ax", "ay", False)
    inset_nodes = inset_arrows = 0
    if inset_item is not None:
        inset_arrow_rects = inset_view.place_arrows(arrows, arrow_in_window, nodes, inset_rects)
        inset_view.record(inset_rects, nodes["fids"], node_values, "i_show", "ix", "iy", True)
        inset_view.record(
            inset_arrow_rects, arrows["fids"], arrow_values, "b_show", "bx", "by", False
        )
        inset_nodes = int(np.sum(~np.isnan(inset_rects[:, 0])))
        inset_arrows = int(np.sum(~np.isnan(inset_arrow_rects[:, 0])))
    map_print.set_values(print_nodes, node_values)
    map_print.set_values(print_arrows, arrow_values)
    scales = {"map": scale}  # map units per mm of each map item
    if inset_item is not None:
        scales["inset"] = map_units_per_mm(inset_item)
    placement = {
        "enterprises": len(nodes["fids"]),
        "names_on_map": int(np.sum(~np.isnan(node_rects[:, 0]))),
        "names_in_inset": inset_nodes,
        "arrows": len(arrows["fids"]),
        "arrow_labels_on_map": int(np.sum(~np.isnan(arrow_rects[:, 0]))),
        "arrow_labels_in_inset": inset_arrows,
        "inset": window,
        "unlabelled": [
            print_nodes.getFeature(fid)["map_label"]
            for fid, v in node_values.items()
            if not (v["m_show"] or v["i_show"])
        ],
    }
    return placement, scales


def inset_frame(map_item, xy, crowded, scale, blocked=()):
    """(frame, window) in map units: the inset map of the crowd of symbols whose names
    found no room, in the map corner that hides fewest symbols (never over the crowd
    itself); (None, None) when no name is crowded out or the inset would not enlarge
    enough."""
    width_mm = map_item.rect().width() * INSET_SHARE
    height_mm = map_item.rect().height() * INSET_SHARE
    window = inset_window(
        xy, crowded, MIN_GAP_MM * scale, width_mm / height_mm, width_mm * scale / MIN_ZOOM
    )
    if window is None:
        return None, None
    widest = width_mm * scale / MAX_ZOOM
    if window[2] - window[0] < widest:
        grow = widest / (window[2] - window[0])
        cx, cy = (window[0] + window[2]) / 2, (window[1] + window[3]) / 2
        half_w, half_h = (window[2] - window[0]) * grow / 2, (window[3] - window[1]) * grow / 2
        window = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
    extent = map_item.extent()
    w, h = width_mm * scale, height_mm * scale
    margin = 2 * scale
    corners = [  # lower-left corners of the frame in map units, top ones first
        (extent.xMinimum() + margin, extent.yMaximum() - margin - h),
        (extent.xMaximum() - margin - w, extent.yMaximum() - margin - h),
        (extent.xMinimum() + margin, extent.yMinimum() + margin),
        (extent.xMaximum() - margin - w, extent.yMinimum() + margin),
    ]
    for k, (x0, y0) in enumerate(corners):  # moved clear of the north arrow, scale bar
        for b in blocked:
            if x0 < b[2] and x0 + w > b[0] and y0 < b[3] and y0 + h > b[1]:
                y0 = b[1] - margin - h if k < 2 else b[3] + margin
        corners[k] = (x0, y0)
    best, best_hidden = None, None
    for x0, y0 in corners:
        frame = (x0, y0, x0 + w, y0 + h)
        if not (
            frame[2] < window[0]
            or frame[0] > window[2]
            or frame[3] < window[1]
            or frame[1] > window[3]
        ):
            continue  # it would hide what it enlarges
        hidden = sum(within(p, frame) for p in xy)
        if best is None or hidden < best_hidden:
            best, best_hidden = frame, hidden
    if best is None:
        return None, None
    pad = 0.5 * scale
    return (best[0] - pad, best[1] - pad, best[2] + pad, best[3] + pad), window


def add_inset_map(layout, map_item, frame, window, scale):
    """The inset map item at ``frame`` showing ``window``; the main map outlines the
    window."""
    extent = map_item.extent()
    pad = 0.5 * scale
    best = (frame[0] + pad, frame[1] + pad, frame[2] - pad, frame[3] - pad)
    width_mm, height_mm = (best[2] - best[0]) / scale, (best[3] - best[1]) / scale
    inset = QgsLayoutItemMap(layout)
    inset.setId("inset")
    layout.addLayoutItem(inset)
    left = map_item.pos().x() + (best[0] - extent.xMinimum()) / scale
    top = map_item.pos().y() + (extent.yMaximum() - best[3]) / scale
    inset.attemptMove(QgsLayoutPoint(left, top, QgsUnitTypes.LayoutMillimeters))
    inset.attemptResize(QgsLayoutSize(width_mm, height_mm, QgsUnitTypes.LayoutMillimeters))
    inset.setFrameEnabled(True)
    inset.setFrameStrokeWidth(QgsLayoutMeasurement(0.4))
    inset.setBackgroundEnabled(True)
    inset.setCrs(map_item.crs())
    inset.setLayers(map_item.layers())
    inset.setKeepLayerSet(True)
    inset.setExtent(QgsRectangle(*window))
    inset.setZValue(map_item.zValue() + 1)
    overview = QgsLayoutItemMapOverview("inset", map_item)
    overview.setLinkedMap(inset)
    overview.setFrameSymbol(
        QgsFillSymbol.createSimple(
            {
                "color": "0,0,0,0",
                "outline_color": "40,40,40,255",
                "outline_width": "0.35",
                "outline_style": "dash",
            }
        )
    )
    map_item.overviews().addOverview(overview)
    return inset


def labels_by_map(layout, exporter):
    """{map item id: [(text, (xmin, ymin, xmax, ymax), ent_id or None), ...]}: the labels
    drawn in the last export, from QGIS's labelling results (what the collision and
    language tests read); ent_id for enterprise names, None for arrow labels."""
    results = exporter.labelingResults()
    found = {}
    for map_item in (i for i in layout.items() if isinstance(i, QgsLayoutItemMap)):
        result = results.get(map_item.uuid())
        if result is None:
            continue
        layers = {layer.id(): layer for layer in map_item.layers()}
        labels = []
        for label in result.allLabels():
            if label.isUnplaced:
                continue
            layer = layers.get(label.layerID)
            ent_id = None
            if layer is not None and "ent_id" in layer.fields().names():
                ent_id = layer.getFeature(label.featureId)["ent_id"]
            rect = label.labelRect
            box = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
            labels.append((label.labelText, box, ent_id))
        found[map_item.id()] = labels
    return found
