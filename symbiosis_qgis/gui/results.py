"""Analysis results from the explorer's task as styled layers in a project group."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsWkbTypes,
)

from ..core.diagram import diagram_tables
from ..i18n import tr
from ..processing.layer_io import source_to_frame
from ..processing.styling import style_layer
from .memory_layers import frame_layer


def _points(layer):
    out = {}
    for feature in layer.getFeatures():
        geom = feature.geometry()
        if not geom.isNull() and not geom.isEmpty():
            point = (
                geom.asPoint()
                if geom.type() == QgsWkbTypes.PointGeometry and not geom.isMultipart()
                else geom.pointOnSurface().asPoint()
            )
            out.setdefault(str(feature["ent_id"]), point)
    return out


def _straight(frame, points):
    return [
        QgsGeometry.fromPolylineXY([points[a], points[b]]) if a in points and b in points else None
        for a, b in zip(frame["supply_ent"].astype(str), frame["demand_ent"].astype(str))
    ]


def add_result_layers(task, enterprises_layer):
    """Candidates, routed links, exchanges and the diagram, in a group; returns the layers."""
    crs = enterprises_layer.crs()
    points = _points(enterprises_layer)
    to_layer = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), crs, QgsProject.instance()
    )
    route_of = {}
    if task.paths is not None:
        for cand_id, path in zip(task.links["cand_id"], task.paths):
            if path is not None:
                route_of[cand_id] = QgsGeometry.fromPolylineXY(
                    [to_layer.transform(QgsPointXY(x, y)) for x, y in path]
                )
    line = QgsWkbTypes.LineString
    layers = {
        "candidates": frame_layer(
            task.candidates,
            tr("Partner candidates"),
            crs,
            line,
            _straight(task.candidates, points),
        ),
        "links": frame_layer(
            task.links,
            tr("Routed links"),
            crs,
            line,
            [route_of.get(c) for c in task.links["cand_id"]]
            if route_of
            else _straight(task.links, points),
        ),
        "exchanges": frame_layer(
            task.exchanges,
            tr("Chosen exchanges"),
            crs,
            line,
            [route_of.get(c) for c in task.exchanges["cand_id"]]
            if route_of
            else _straight(task.exchanges, points),
        ),
    }
    ents = source_to_frame(enterprises_layer)
    ents["ent_id"] = ents["ent_id"].astype(str)
    ents["x"] = ents["ent_id"].map({k: p.x() for k, p in points.items()})
    ents["y"] = ents["ent_id"].map({k: p.y() for k, p in points.items()})
    if not crs.isGeographic():  # the diagram spaces enterprises in metres
        arrows, nodes = diagram_tables(task.exchanges, ents, language="ru")
        layers["arrows"] = frame_layer(
            arrows.drop(columns="coords"),
            tr("Symbiosis arrows"),
            crs,
            line,
            [QgsGeometry.fromPolylineXY([QgsPointXY(*xy) for xy in c]) for c in arrows["coords"]],
        )
        layers["nodes"] = frame_layer(
            nodes,
            tr("Symbiosis enterprises"),
            crs,
            QgsWkbTypes.Point,
            [QgsGeometry.fromPointXY(QgsPointXY(x, y)) for x, y in zip(nodes["x"], nodes["y"])],
        )
    styles = {
        "candidates": "candidates.qml",
        "links": "links.qml",
        "exchanges": "candidates.qml",
        "arrows": "diagram_arrows.qml",
        "nodes": "diagram_nodes.qml",
    }
    project = QgsProject.instance()
    group = project.layerTreeRoot().insertGroup(0, tr("Symbiosis analysis"))
    for key in ("nodes", "arrows", "exchanges", "links", "candidates"):
        if key in layers:
            style_layer(layers[key], styles[key])
            project.addMapLayer(layers[key], False)
            group.addLayer(layers[key])
    group.findLayer(layers["candidates"].id()).setItemVisibilityChecked(False)
    group.findLayer(layers["links"].id()).setItemVisibilityChecked(False)
    return layers
