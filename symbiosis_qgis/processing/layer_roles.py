"""Which project layer plays which role (enterprises, flows, sites...), told by its fields.

Docks and dialogs used to take the first layer of the right geometry type, so after loading
the sample the flow picker showed `enterprises` and runs failed on a missing `flow_id`. A
role is recognised by the fields the core needs from it, never by the layer's name or its
position in the layer tree; among layers that have them all, the one with the fewest other
fields wins (an output table that merely carries those columns along loses to the input).
"""

from qgis.core import QgsProject, QgsVectorLayer, QgsWkbTypes

from ..core.parks import SITE_REQUIRED, TENANT_REQUIRED
from ..core.validation import ENTERPRISE_REQUIRED, FLOW_REQUIRED

POINTS_OR_POLYGONS = (QgsWkbTypes.PointGeometry, QgsWkbTypes.PolygonGeometry)

# role -> (fields the core requires, geometry types allowed; None = any, tables included)
ROLES = {
    "enterprises": (ENTERPRISE_REQUIRED, POINTS_OR_POLYGONS),
    "flows": (FLOW_REQUIRED, None),
    "sites": (SITE_REQUIRED, POINTS_OR_POLYGONS),
    "tenants": (TENANT_REQUIRED, None),
}


def plays_role(layer, role):
    """True when a vector layer has every field the role needs and a geometry it accepts."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return False
    required, geometries = ROLES[role]
    if geometries is not None and layer.geometryType() not in geometries:
        return False
    names = set(layer.fields().names())
    return all(name in names for name in required)


def layers_for_role(role, project=None):
    """Project layers playing the role, the closest match (fewest extra fields) first,
    then in layer-tree order."""
    project = project or QgsProject.instance()
    tree_order = [node.layer() for node in project.layerTreeRoot().findLayers()]
    candidates = [layer for layer in tree_order if plays_role(layer, role)]
    required = len(ROLES[role][0])
    return sorted(candidates, key=lambda layer: len(layer.fields()) - required)


def best_layer_for_role(role, project=None):
    """The project layer that best plays the role, or None."""
    found = layers_for_role(role, project)
    return found[0] if found else None


def select_role_layer(combo, role, project=None):
    """Point a QgsMapLayerComboBox at the role's best layer unless it already shows a layer
    playing that role (a choice the user or the project made is kept)."""
    if plays_role(combo.currentLayer(), role):
        return combo.currentLayer()
    layer = best_layer_for_role(role, project)
    if layer is not None:
        combo.setLayer(layer)
    return layer
