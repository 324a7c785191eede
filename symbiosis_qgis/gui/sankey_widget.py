"""A Sankey diagram drawn with QPainter: bands from generating to using sectors.

Sectors take their colour from core.definitions.SECTORS and bands the colour of their
material category (MATERIAL_CATEGORIES), so a colour means the same in every view and every
export. Labels wrap within their column; in the dock a label that still does not fit is
elided and shows its full name on hover; an export is drawn at the size asked for, with a
title, units, a legend and labels wrapped but never cut.
"""

from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath
from qgis.PyQt.QtSvg import QSvgGenerator
from qgis.PyQt.QtWidgets import QToolTip, QWidget

from ..core.definitions import SECTORS
from ..core.sankey import DISPOSAL, category_colour, layout_columns
from ..i18n import local_number, tr
from .common import category_label

GAP = 8.0
BOX = 14.0
TARGET_COLOUR = "#455a64"
DISPOSAL_COLOUR = "#9e9e9e"
EXPORT_SIZE = QSize(1600, 1000)


def tonnes_text(value):
    return tr("{0} thousand t/yr").format(local_number(value / 1000))


def sector_colour(key):
    found = SECTORS.get(key)
    return QColor(found.colour if found else DISPOSAL_COLOUR)


class SankeyWidget(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.sankey = None
        self.labels = {}
        self.title = ""
        self.bands = []  # (QPainterPath, tooltip text)
        self.label_areas = []  # (QRectF, full label): hover shows what an elided label hides
        self.setMouseTracking(True)
        self.setMinimumSize(240, 160)  # small enough for a 1366 x 768 screen with two docks

    def sizeHint(self):
        return QSize(440, 320)

    def set_sankey(self, sankey, labels=None, title=""):
        self.sankey = sankey
        self.labels = labels or {}
        self.title = title
        self.update()

    def label(self, key):
        if key == DISPOSAL:
            return tr("Left for disposal")
        return self.labels.get(key, key)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self.draw(painter, QRectF(self.rect()))
        painter.end()

    # ---------------------------------------------------------------- drawing
    def draw(self, painter, rect, export=False):
        """Draw into ``rect``. ``export``: add title, units and legend; never elide labels."""
        self.bands, self.label_areas = [], []
        if export:
            rect = self._draw_frame(painter, rect)
        if self.sankey is None or self.sankey.links.empty:
            painter.setPen(QColor("#757575"))
            painter.drawText(rect, Qt.AlignCenter, tr("No flows to show"))
            return
        s = self.sankey
        metrics = QFontMetricsF(painter.font())
        top, height = rect.top() + GAP, rect.height() - 2 * GAP
        out_totals = [s.links.loc[s.links["source"] == k, "tonnes"].sum() for k in s.sources]
        in_totals = [s.links.loc[s.links["target"] == k, "tonnes"].sum() for k in s.targets]
        left_text = {k: self._label_text(k, t, export) for k, t in zip(s.sources, out_totals)}
        right_text = {k: self._label_text(k, t, export) for k, t in zip(s.targets, in_totals)}
        # label columns as wide as their longest line, within a share of the width each
        room = rect.width() * (0.3 if export else 0.27)

        def column_width(texts):
            widest = max(metrics.horizontalAdvance(part) for t in texts for part in t.split("\n"))
            return min(widest + 12, room)

        left_margin = column_width(left_text.values())
        right_margin = column_width(right_text.values()) + BOX
        left_x, right_x = rect.left() + left_margin, rect.right() - right_margin
        left = dict(zip(s.sources, layout_columns(out_totals, height, GAP)))
        right = dict(zip(s.targets, layout_columns(in_totals, height, GAP)))
        scale_left = {k: left[k][1] / max(t, 1e-9) for k, t in zip(s.sources, out_totals)}
        scale_right = {k: right[k][1] / max(t, 1e-9) for k, t in zip(s.targets, in_totals)}
        offset_left = dict.fromkeys(s.sources, 0.0)
        offset_right = dict.fromkeys(s.targets, 0.0)
        order = {k: i for i, k in enumerate(s.targets)}
        links = s.links.assign(rank=s.links["target"].map(order))
        for link in links.sort_values(["source", "rank", "category"]).itertuples(index=False):
            h1 = link.tonnes * scale_left[link.source]
            h2 = link.tonnes * scale_right[link.target]
            y1 = top + left[link.source][0] + offset_left[link.source]
            y2 = top + right[link.target][0] + offset_right[link.target]
            offset_left[link.source] += h1
            offset_right[link.target] += h2
            path = band_path(left_x + BOX, y1, h1, right_x, y2, h2)
            band = QColor(category_colour(link.category))
            band.setAlpha(150 if link.target != DISPOSAL else 55)
            painter.fillPath(path, QBrush(band))
            self.bands.append(
                (
                    path,
                    f"{self.label(link.source)} → {self.label(link.target)}, "
                    f"{category_label(link.category)}: {tonnes_text(link.tonnes)}",
                )
            )
        painter.setPen(QColor("#212121"))
        left_labels, right_labels = [], []
        for key, (y, size) in left.items():
            painter.fillRect(QRectF(left_x, top + y, BOX, max(size, 1.0)), sector_colour(key))
            area = QRectF(rect.left(), top + y, left_margin - 6, size)
            left_labels.append((area, left_text[key]))
        for key, (y, size) in right.items():
            colour = QColor(DISPOSAL_COLOUR if key == DISPOSAL else TARGET_COLOUR)
            painter.fillRect(QRectF(right_x, top + y, BOX, max(size, 1.0)), colour)
            area = QRectF(right_x + BOX + 6, top + y, right_margin - BOX - 6, size)
            right_labels.append((area, right_text[key]))
        self._draw_labels(painter, left_labels, Qt.AlignRight, rect, export)
        self._draw_labels(painter, right_labels, Qt.AlignLeft, rect, export)

    def _label_text(self, key, tonnes, export):
        name = self.label(key)
        return f"{name}\n{tonnes_text(tonnes)}" if export else name

    def _draw_labels(self, painter, labels, align, rect, export):
        """Labels of one column, each wrapped beside its box and kept off its neighbours.
        In the dock a label gets its box's height (one line at least) and is elided beyond;
        hovering it shows the full text. An export wraps and never elides."""
        metrics = QFontMetricsF(painter.font())
        line = metrics.height()
        flags = align | Qt.AlignVCenter | Qt.TextWordWrap
        placed = []
        for area, text in labels:
            width = max(area.width(), 10.0)
            needed = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()
            shown = text
            if not export:
                room = max(area.height() + GAP / 2, line)
                lines = max(int(room // line), 1)
                if needed > lines * line + 0.5:
                    shown = self._elided(metrics, text, width, lines)
                needed = min(needed, lines * line)
            box = QRectF(area.left(), area.center().y() - needed / 2, width, needed)
            placed.append([box, shown, text])
        # push overlapping labels down, then back up from the bottom edge
        for previous, current in zip(placed, placed[1:]):
            if current[0].top() < previous[0].bottom():
                current[0].moveTop(previous[0].bottom())
        bottom = rect.bottom()
        for current in reversed(placed):
            if current[0].bottom() > bottom:
                current[0].moveBottom(bottom)
            bottom = current[0].top()
        for box, shown, text in placed:
            painter.drawText(box, flags, shown)
            self.label_areas.append((box, text.split("\n")[0]))

    @staticmethod
    def _elided(metrics, text, width, lines):
        """``text`` wrapped in ``lines`` lines of ``width``, the last one elided."""
        words, out = text.split(), []
        while words and len(out) < lines - 1:
            current = words.pop(0)
            while words and metrics.horizontalAdvance(f"{current} {words[0]}") <= width:
                current = f"{current} {words.pop(0)}"
            out.append(current)
        if words:
            out.append(metrics.elidedText(" ".join(words), Qt.ElideRight, width))
        return "\n".join(out)

    def _draw_frame(self, painter, rect):
        """Title, units line and category legend of an export; returns the room left."""
        base = painter.font()
        title_font = QFont(base)
        title_font.setPixelSize(max(int(rect.height() / 32), 14))
        title_font.setBold(True)
        body_font = QFont(base)
        body_font.setPixelSize(max(int(rect.height() / 56), 11))
        margin = rect.width() * 0.02
        inner = rect.adjusted(margin, margin, -margin, -margin)
        painter.setPen(QColor("#212121"))
        painter.setFont(title_font)
        title_height = QFontMetricsF(title_font).height()
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), title_height),
            Qt.AlignLeft | Qt.AlignVCenter,
            self.title or tr("Flow balance"),
        )
        painter.setFont(body_font)
        metrics = QFontMetricsF(body_font)
        units = tr(
            "Supplies measured in t/yr, in thousand t/yr; band widths in proportion to tonnes. "
            "Colours: material categories."
        )
        y = inner.top() + title_height + 4
        painter.drawText(QRectF(inner.left(), y, inner.width(), metrics.height()), 0, units)
        # legend: one swatch per category shown, in rows along the bottom
        entries = (
            [(category_colour(c), category_label(c)) for c in self.sankey.categories]
            if (self.sankey is not None)
            else []
        )
        swatch, x, rows = metrics.height() * 0.8, inner.left(), 1
        for _, text in entries:
            step = swatch + 6 + metrics.horizontalAdvance(text) + 18
            if x + step > inner.right():
                rows, x = rows + 1, inner.left()
            x += step
        legend_top = inner.bottom() - rows * metrics.height() * 1.3
        x, y_row = inner.left(), legend_top
        for colour, text in entries:
            step = swatch + 6 + metrics.horizontalAdvance(text) + 18
            if x + step > inner.right():
                x, y_row = inner.left(), y_row + metrics.height() * 1.3
            painter.fillRect(QRectF(x, y_row + 2, swatch, swatch), QColor(colour))
            painter.drawText(QPointF(x + swatch + 6, y_row + metrics.ascent()), text)
            x += step
        top = y + metrics.height() * 1.8
        return QRectF(inner.left(), top, inner.width(), legend_top - top - metrics.height() * 0.5)

    # ---------------------------------------------------------------- hover
    def mouseMoveEvent(self, event):
        text = self.tooltip_at(event.pos())
        if text:
            QToolTip.showText(event.globalPos(), text, self)
        else:
            QToolTip.hideText()

    def tooltip_at(self, point):
        """The text a hover at ``point`` shows: a band's tonnage or a label's full name."""
        for area, text in self.label_areas:
            if area.contains(QPointF(point)):
                return text
        for path, text in self.bands:
            if path.contains(QPointF(point)):
                return text
        return None

    # ---------------------------------------------------------------- export
    def export_png(self, path, size=EXPORT_SIZE):
        """Draw the diagram at ``size`` (pixels) with title, units and legend into a PNG."""
        image = QImage(size, QImage.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setRenderHint(QPainter.TextAntialiasing)
        self._export_font(painter, size)
        self.draw(painter, QRectF(0, 0, size.width(), size.height()), export=True)
        painter.end()
        self.update()  # the next paint lays out the dock's own view again
        return image.save(str(path), "PNG")

    def export_svg(self, path, size=EXPORT_SIZE):
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(self.title or tr("Flow balance"))
        painter = QPainter(generator)
        self._export_font(painter, size)
        self.draw(painter, QRectF(0, 0, size.width(), size.height()), export=True)
        painter.end()
        self.update()
        return True

    def _export_font(self, painter, size):
        font = QFont(self.font())
        font.setPixelSize(max(int(size.height() / 60), 10))
        painter.setFont(font)


def band_path(x1, y1, h1, x2, y2, h2):
    """A band from (x1, y1..y1+h1) to (x2, y2..y2+h2) with S-shaped edges."""
    mid = (x1 + x2) / 2
    path = QPainterPath(QPointF(x1, y1))
    path.cubicTo(QPointF(mid, y1), QPointF(mid, y2), QPointF(x2, y2))
    path.lineTo(QPointF(x2, y2 + h2))
    path.cubicTo(QPointF(mid, y2 + h2), QPointF(mid, y1 + h1), QPointF(x1, y1 + h1))
    path.closeSubpath()
    return path
