"""Label text and placement for the printed symbiosis map (pure numpy, no Qt).

- One language per page: a name that exists only in the other script is transliterated, so
  a Russian map never shows Latin enterprise names and an English one no Cyrillic.
- Enterprise labels are placed here, not by QGIS's engine, so that the PDF and the PNG carry
  the same labels and a label that must move away from a crowded symbol is known (and gets a
  leader line): candidate positions in rings around each symbol, most important label first,
  never over another label, a symbol or a blocked rectangle (north arrow, inset map...).
- The inset map's window is the crowd of symbols whose names found no room on the page.

Rectangles are (xmin, ymin, xmax, ymax) arrays in map units.
"""

import re

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

CYRILLIC = re.compile("[\u0400-\u04ff]")
LATIN = re.compile("[A-Za-z]")

# BGN/PCGN-style romanisation, without diacritics (what English maps of Russia print)
_RU_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "«": '"', "»": '"', "№": "No.",
}  # fmt: skip
# the reverse for Latin names on a Russian map: longest Latin spelling first
_LATIN_TO_RU = {
    "shch": "щ", "zh": "ж", "kh": "х", "ts": "ц", "ch": "ч", "sh": "ш", "yu": "ю",
    "ya": "я", "ye": "е", "yo": "ё", "iy": "ий", "a": "а", "b": "б", "c": "к", "d": "д",
    "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "дж", "k": "к", "l": "л",
    "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с", "t": "т",
    "u": "у", "v": "в", "w": "в", "x": "кс", "y": "й", "z": "з",
}  # fmt: skip
_LATIN_PATTERN = re.compile(
    "|".join(sorted(_LATIN_TO_RU, key=len, reverse=True)), flags=re.IGNORECASE
)


def script_of(text: str) -> str:
    """'cyrillic', 'latin', 'mixed' or '' (digits and signs only)."""
    cyr, lat = bool(CYRILLIC.search(text)), bool(LATIN.search(text))
    return "mixed" if cyr and lat else "cyrillic" if cyr else "latin" if lat else ""


def _match_case(source: str, target: str) -> str:
    if source[:1].isupper():
        return target[:1].upper() + target[1:]
    return target


def transliterate(text: str, language: str) -> str:
    """``text`` in the script of ``language`` ('ru': Cyrillic, else Latin).

    >>> transliterate("шахта «Первомайская»", "en")
    'shakhta "Pervomayskaya"'
    >>> transliterate("Kaltansky", "ru")
    'Калтанский'
    """
    if language == "ru":

        def to_cyrillic(match):
            found = match.group(0)
            return _match_case(found, _LATIN_TO_RU[found.lower()])

        # -sky/-skiy endings are the Russian adjective -ский
        text = re.sub(r"(?<=[a-z])sk(y|iy)\b", "skiy", text)
        return _LATIN_PATTERN.sub(to_cyrillic, text)
    return "".join(
        _match_case(char, _RU_TO_LATIN.get(char.lower(), char))
        if char.lower() in _RU_TO_LATIN
        else char
        for char in text
    )


def name_in_language(name_ru: str, name_en: str, language: str, fallback: str = "") -> str:
    """The name in the map's language; else the other name transliterated (never a mix).

    Transliteration, not a numbered key, because the key would still have to print the
    name in some script, and a reader can say a transliterated name aloud.
    """
    own, other = (name_ru, name_en) if language == "ru" else (name_en, name_ru)
    wanted = "cyrillic" if language == "ru" else "latin"
    for candidate in (own, other, fallback):
        candidate = (candidate or "").strip()
        if not candidate:
            continue
        if script_of(candidate) in (wanted, ""):
            return candidate
        return transliterate(candidate, language)
    return ""


def wrap_text(text: str, width: int = 26) -> str:
    """Break a long name into lines of at most about ``width`` characters, at spaces."""
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return "\n".join(lines)


def overlapping_pairs(rects, tolerance: float = 0.0) -> list:
    """Index pairs (i, j), i < j, of rectangles that overlap by more than ``tolerance`` in
    both directions (touching edges do not count)."""
    r = np.asarray(rects, float).reshape(-1, 4)
    dx = np.minimum(r[:, None, 2], r[None, :, 2]) - np.maximum(r[:, None, 0], r[None, :, 0])
    dy = np.minimum(r[:, None, 3], r[None, :, 3]) - np.maximum(r[:, None, 1], r[None, :, 1])
    hit = (dx > tolerance) & (dy > tolerance)
    i, j = np.nonzero(np.triu(hit, k=1))
    return list(zip(i.tolist(), j.tolist()))


# preferred directions: right-above first, as cartographers place point names; then the
# eight between them for labels moved further out
_ANGLES = [
    45,
    135,
    315,
    225,
    0,
    180,
    90,
    270,
    22.5,
    157.5,
    337.5,
    202.5,
    67.5,
    112.5,
    292.5,
    247.5,
]
DIRECTIONS = np.column_stack([np.cos(np.radians(_ANGLES)), np.sin(np.radians(_ANGLES))])


def _candidate(point, size, direction, reach):
    """Rectangle of ``size`` whose nearest corner or edge is ``reach`` from ``point`` along
    ``direction`` (a unit vector)."""
    (w, h), (ux, uy) = size, direction
    ax, ay = point[0] + ux * reach, point[1] + uy * reach
    cx = ax + np.sign(ux) * w / 2 if abs(ux) > 0.3 else ax
    cy = ay + np.sign(uy) * h / 2 if abs(uy) > 0.3 else ay
    return np.array([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2])


def place_point_labels(
    points,
    sizes,
    radii,
    order,
    bounds,
    blocked=(),
    gap: float = 0.0,
    step: float = 0.0,
    rings: int = 4,
    avoid_symbols: bool = True,
):
    """Greedy collision-free placement of point labels.

    Parameters
    ----------
    points : (n, 2) symbol centres; sizes : (n, 2) label width and height; radii : (n,)
        symbol radii, all in map units.
    order : indices, most important first (it gets the nearest free position).
    bounds : rectangle every label must lie inside (the map frame).
    blocked : rectangles no label may touch (items drawn over the map).
    gap : distance from the symbol's edge of the first ring; step : added per ring.
    avoid_symbols : False lets a label cover other symbols (a last resort: better a name
        over a neighbour's symbol than no name).

    Returns
    -------
    rects : (n, 4) placed rectangles (NaN where unplaced); ring : (n,) ring used, -1 when
        the label found no free place. A label beyond ring 0 needs a leader line.
    """
    points = np.asarray(points, float).reshape(-1, 2)
    sizes = np.asarray(sizes, float).reshape(-1, 2)
    radii = np.asarray(radii, float).reshape(-1)
    n = len(points)
    symbols = np.column_stack([points - radii[:, None], points + radii[:, None]])
    obstacles = [np.asarray(blocked, float).reshape(-1, 4)]
    if avoid_symbols:
        obstacles.append(symbols)
    rects = np.full((n, 4), np.nan)
    ring_used = np.full(n, -1)
    step = step or gap or 1.0
    xmin, ymin, xmax, ymax = bounds
    for index in order:
        for ring in range(rings + 1):
            found = None
            reach = radii[index] + gap + ring * step
            directions = DIRECTIONS[:8] if ring == 0 else DIRECTIONS
            for direction in directions:
                rect = _candidate(points[index], sizes[index], direction, reach)
                inside = (
                    rect[0] >= xmin and rect[1] >= ymin and rect[2] <= xmax and rect[3] <= ymax
                )
                if inside and not _hits(rect, [*obstacles, rects[ring_used >= 0]]):
                    found = rect
                    break
            if found is not None:
                rects[index], ring_used[index] = found, ring
                break
    return rects, ring_used


def _hits(rect, groups) -> bool:
    for group in groups:
        if len(group) and np.any(
            (np.minimum(rect[2], group[:, 2]) > np.maximum(rect[0], group[:, 0]))
            & (np.minimum(rect[3], group[:, 3]) > np.maximum(rect[1], group[:, 1]))
        ):
            return True
    return False


def place_at_candidates(candidates, sizes, order, bounds, blocked=()):
    """Greedy collision-free placement of labels centred on candidate points (arrow labels:
    points along each arrow, best first).

    Parameters
    ----------
    candidates : list of (k, 2) arrays, per label its candidate centres in preference order.
    sizes : (n, 2) label width and height; order : indices, most important first.
    bounds : rectangle every label must lie inside; blocked : (m, 4) rectangles to avoid
        (symbols, labels placed before).

    Returns
    -------
    rects : (n, 4) placed rectangles, NaN where no candidate was free.
    """
    sizes = np.asarray(sizes, float).reshape(-1, 2)
    rects = np.full((len(sizes), 4), np.nan)
    blocked = np.asarray(blocked, float).reshape(-1, 4)
    xmin, ymin, xmax, ymax = bounds
    for index in order:
        half = sizes[index] / 2
        for cx, cy in np.asarray(candidates[index], float).reshape(-1, 2):
            rect = np.array([cx - half[0], cy - half[1], cx + half[0], cy + half[1]])
            inside = rect[0] >= xmin and rect[1] >= ymin and rect[2] <= xmax and rect[3] <= ymax
            placed = rects[~np.isnan(rects[:, 0])]
            if inside and not _hits(rect, [blocked, placed]):
                rects[index] = rect
                break
    return rects


def touching(points, radii, gap: float):
    """Symbols that touch or overlap another (closer than ``gap`` edge to edge): where the
    page is too small for the node."""
    points = np.asarray(points, float).reshape(-1, 2)
    radii = np.asarray(radii, float).reshape(-1)
    distance = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    clearance = distance - radii[:, None] - radii[None, :]
    np.fill_diagonal(clearance, np.inf)
    return (clearance < gap).any(axis=1)


def inset_window(points, crowded, margin: float, aspect: float, max_width: float = np.inf):
    """The window an inset map enlarges: the largest group of ``crowded`` symbols (a group
    links symbols less than six margins apart), with ``margin`` (map units) around it, at
    the inset frame's ``aspect`` (width / height); at most ``max_width`` wide, then centred
    on the crowded symbol with most crowded neighbours within it. None when nothing is
    crowded.

    Returns (xmin, ymin, xmax, ymax).
    """
    points = np.asarray(points, float).reshape(-1, 2)
    crowded = np.asarray(crowded, bool).reshape(-1)
    if not crowded.any():
        return None
    candidates = points[crowded]
    near = np.hypot(*(candidates[:, None, :] - candidates[None, :, :]).transpose(2, 0, 1))
    _, group = connected_components(csr_matrix(near < 6 * margin), directed=False)
    largest = group == np.bincount(group).argmax()
    chosen = candidates[largest]
    lo, hi = chosen.min(axis=0) - margin, chosen.max(axis=0) + margin
    width, height = hi - lo
    if width / height < aspect:
        width = height * aspect
    else:
        height = width / aspect
    cx, cy = (lo + hi) / 2
    if width > max_width:  # the densest part of the crowd
        width, height = max_width, max_width / aspect
        inside = (np.abs(chosen[:, None, 0] - chosen[None, :, 0]) < width / 2 - margin) & (
            np.abs(chosen[:, None, 1] - chosen[None, :, 1]) < height / 2 - margin
        )
        cx, cy = chosen[int(np.argmax(inside.sum(axis=1)))]
    return (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
