"""A Sankey diagram drawn with QPainter: bands from generating to using sectors."""

from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from qgis.PyQt.QtSvg import QSvgGenerator
from qgis.PyQt.QtWidgets import QToolTip, QWidget

from ..core.sankey import DISPOSAL, layout_columns
from ..i18n import tr

PALETTE = [
    "#c62828",
    "#6a1b9a",
    "#5d4037",
    "#37474f",
    "#00838f",
    "#2e7d32",
    "#ef6c00",
    "#1565c0",
    "#8d6e63",
    "#546e7a",
]
GAP = 8.0
BOX = 14.0


def tonnes_text(value):
    return tr("{0} thousand t/yr").format(f"{value / 1000:,.0f}".replace(",", "\u202f"))


class SankeyWidget(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.sankey = None
        self.labels = {}
        self.bands = []  # (QPainterPath, tooltip text)
        self.setMouseTracking(True)
        self.setMinimumSize(420, 260)

    def sizeHint(self):
        return QSize(620, 380)

    def set_sankey(self, sankey, labels=None):
        self.sankey = sankey
        self.labels = labels or {}
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

    def draw(self, painter, rect):
        self.bands = []
        if self.sankey is None or self.sankey.links.empty:
            painter.setPen(QColor("#757575"))
            painter.drawText(rect, Qt.AlignCenter, tr("No flows to show"))
            return
        s = self.sankey
        height = rect.height() - 2 * GAP
        # label columns as wide as their longest label, within a third of the width each
        metrics = painter.fontMetrics()
        room = rect.width() / 3
        left_margin = min(
            max(metrics.horizontalAdvance(self.label(k)) for k in s.sources) + 10, room
        )
        right_margin = min(
            max(metrics.horizontalAdvance(self.label(k)) for k in s.targets) + BOX + 10, room
        )
        left_x, right_x = rect.left() + left_margin, rect.right() - right_margin
        out_totals = [s.links.loc[s.links["source"] == k, "tonnes"].sum() for k in s.sources]
        in_totals = [s.links.loc[s.links["target"] == k, "tonnes"].sum() for k in s.targets]
        left = dict(zip(s.sources, layout_columns(out_totals, height, GAP)))
        right = dict(zip(s.targets, layout_columns(in_totals, height, GAP)))
        scale_left = {
            k: size / max(t, 1e-9) for k, (_, size), t in zip(s.sources, left.values(), out_totals)
        }
        scale_right = {
            k: size / max(t, 1e-9) for k, (_, size), t in zip(s.targets, right.values(), in_totals)
        }
        colour = {k: QColor(PALETTE[i % len(PALETTE)]) for i, k in enumerate(s.sources)}
        offset_left = dict.fromkeys(s.sources, 0.0)
        offset_right = dict.fromkeys(s.targets, 0.0)
        top = rect.top() + GAP
        for link in s.links.sort_values(["source", "target"]).itertuples(index=False):
            h1 = link.tonnes * scale_left[link.source]
            h2 = link.tonnes * scale_right[link.target]
            y1 = top + left[link.source][0] + offset_left[link.source]
            y2 = top + right[link.target][0] + offset_right[link.target]
            offset_left[link.source] += h1
            offset_right[link.target] += h2
            path = band_path(left_x + BOX, y1, h1, right_x, y2, h2)
            band = QColor(colour[link.source])
            band.setAlpha(110 if link.target != DISPOSAL else 45)
            painter.fillPath(path, QBrush(band))
            self.bands.append(
                (
                    path,
                    f"{self.label(link.source)} → {self.label(link.target)}: "
                    f"{tonnes_text(link.tonnes)}",
                )
            )
        painter.setPen(QPen(QColor("#212121")))
        for key, (y, size) in left.items():
            painter.fillRect(QRectF(left_x, top + y, BOX, size), colour[key])
            text = metrics.elidedText(self.label(key), Qt.ElideRight, int(left_margin - 6))
            painter.drawText(
                QRectF(rect.left(), top + y, left_margin - 6, max(size, 14)),
                Qt.AlignRight | Qt.AlignVCenter,
                text,
            )
        for key, (y, size) in right.items():
            fill = QColor("#9e9e9e") if key == DISPOSAL else QColor("#455a64")
            painter.fillRect(QRectF(right_x, top + y, BOX, size), fill)
            text = metrics.elidedText(self.label(key), Qt.ElideRight, int(right_margin - BOX - 6))
            painter.drawText(
                QRectF(right_x + BOX + 6, top + y, right_margin - BOX - 6, max(size, 14)),
                Qt.AlignLeft | Qt.AlignVCenter,
                text,
            )

    def mouseMoveEvent(self, event):
        for path, text in self.bands:
            if path.contains(QPointF(event.pos())):
                QToolTip.showText(event.globalPos(), text, self)
                return
        QToolTip.hideText()

    def tooltip_at(self, point):
        """The text a hover at ``point`` shows (for tests)."""
        for path, text in self.bands:
            if path.contains(QPointF(point)):
                return text
        return None

    def export_png(self, path):
        return self.grab().save(str(path), "PNG")

    def export_svg(self, path):
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(self.size())
        generator.setViewBox(QRectF(self.rect()))
        generator.setTitle(tr("Flow balance"))
        painter = QPainter(generator)
        self.draw(painter, QRectF(self.rect()))
        painter.end()
        return True


def band_path(x1, y1, h1, x2, y2, h2):
    """A band from (x1, y1..y1+h1) to (x2, y2..y2+h2) with S-shaped edges."""
    mid = (x1 + x2) / 2
    path = QPainterPath(QPointF(x1, y1))
    path.cubicTo(QPointF(mid, y1), QPointF(mid, y2), QPointF(x2, y2))
    path.lineTo(QPointF(x2, y2 + h2))
    path.cubicTo(QPointF(mid, y2 + h2), QPointF(mid, y1 + h1), QPointF(x1, y1 + h1))
    path.closeSubpath()
    return path
