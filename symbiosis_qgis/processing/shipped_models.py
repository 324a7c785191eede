"""The Model Builder models the plugin ships: what a person reads about them, and their class.

QGIS 3.22 gives a model one name for both its id and its display name
(QgsProcessingModelAlgorithm::name() and displayName() both return the model name), so a
model loaded from a .model3 file shows as ``symbiosis_full_analysis``. The ids are public API,
so the name stays and :class:`ShippedModel` overrides ``displayName``; the texts below are
read through ``tr()`` each time, so the toolbox, the dialog and its help follow the UI
language. tools/model_building.py writes the same (English) texts into the .model3 files, so
Model Builder shows them too.
"""

from dataclasses import dataclass, field

from qgis.core import QgsProcessingModelAlgorithm

from ..i18n import tr
from .base import preselect_role_layer
from .model_layout import add_layout_on_load

MODELS_GROUP_ID = "Models"


@dataclass(frozen=True)
class ModelText:
    """What a person reads about one shipped model, already in the UI language.

    ``inputs`` lists the model inputs in the order the dialog shows them: name ->
    (label, help). ``outputs`` maps a model output name (``map_pdf``) to its label.
    """

    title: str
    summary: str
    description: str
    inputs: dict = field(default_factory=dict)
    outputs: dict = field(default_factory=dict)


def _enterprises_and_flows():
    """The two inputs both models share, with one label and help each."""
    return {
        "ENTERPRISES": (
            tr("Enterprises"),
            tr(
                "Points or polygons with ent_id, name, name_ru, sector, node and operator "
                "(the data model of the README)."
            ),
        ),
        "FLOWS": (
            tr("Flows (supplies and demands)"),
            tr(
                "Table with flow_id, ent_id, direction (supply or demand), material, "
                "quantity and unit."
            ),
        ),
    }


def _terminals():
    return (
        tr("Road-rail terminals"),
        tr("Points where loads change between road and rail; optional."),
    )


def _full_analysis():
    return ModelText(
        title=tr("Full symbiosis analysis"),
        summary=tr(
            "Validate, find partners, route, choose exchanges, assess benefits and print the "
            "map of one industrial node, in one run."
        ),
        description=tr(
            "The whole analysis in one run: validate the data, find partner candidates, route "
            "them over road and rail, choose the exchanges (linear programme), assess their "
            "benefits (HTML report), draw the symbiosis diagram of one industrial node and "
            "export it as a map (PDF and PNG). The layer inputs default to the Kuzbass sample "
            "data; run the steps one by one from the toolbox to change their settings."
        ),
        inputs={
            **_enterprises_and_flows(),
            "ROADS": (
                tr("Roads"),
                tr("Road lines the candidates are routed over (an OpenStreetMap extract works)."),
            ),
            "RAILS": (
                tr("Railways"),
                tr("Railway lines; optional: without them every route goes by road."),
            ),
            "TERMINALS": _terminals(),
            "NODE": (
                tr("Industrial node of the map"),
                tr(
                    "The node (the enterprises' node field, e.g. Novokuznetsk) whose diagram "
                    "the map shows."
                ),
            ),
            "SOURCES": (
                tr("Data sources printed on the map (default: from the layers' metadata)"),
                tr("Text of the sources line at the foot of the map."),
            ),
        },
        outputs={
            "validation": tr("Validation report"),
            "candidates": tr("Partner candidates"),
            "links": tr("Routed links"),
            "exchanges": tr("Chosen exchanges"),
            "benefits_enterprises": tr("Benefits by enterprise"),
            "benefits_nodes": tr("Benefits by industrial node"),
            "material_balance": tr("Material balance by node"),
            "report": tr("Report"),
            "diagram_arrows": tr("Symbiosis arrows"),
            "diagram_enterprises": tr("Symbiosis enterprises"),
            "map_pdf": tr("Map (PDF)"),
            "map_png": tr("Map (PNG)"),
        },
    )


def _park_design():
    return ModelText(
        title=tr("Eco-industrial park design"),
        summary=tr(
            "Validate the data, choose parks, tenants, supplies and co-financing (exact MILP) "
            "and print the park map, in one run."
        ),
        description=tr(
            "Eco-industrial park design in one run: validate the data, choose the parks, "
            "their tenants, supplies and co-financing (exact MILP), draw the parks with their "
            "bundled supply arrows and export the map (PDF) in the interface's language. The "
            "layer inputs default to the Kuzbass sample data."
        ),
        inputs={
            "SITES": (
                tr("Candidate park sites"),
                tr(
                    "Points or polygons with site_id and area_ha (optional name, name_ru, "
                    "land_status, fixed_cost)."
                ),
            ),
            **_enterprises_and_flows(),
            "ROADS": (
                tr("Roads"),
                tr(
                    "Road lines supplies travel over; optional: without them, straight km x "
                    "the detour factor of Site eco-industrial parks."
                ),
            ),
            "RAILS": (tr("Railways"), tr("Railway lines; optional.")),
            "TERMINALS": _terminals(),
            "MAX_PARKS": (
                tr("Largest number of parks"),
                tr("At most this many sites become parks."),
            ),
            "BUDGET": (
                tr("Co-financing budget, RUB (one-off)"),
                tr("What the region can co-finance in total, once."),
            ),
            "COFINANCE_SHARE": (
                tr("Largest co-financed share of capex (0-1)"),
                tr("0.3: the region pays at most 30 % of a park's capital cost."),
            ),
        },
        outputs={
            "validation": tr("Validation report"),
            "parks": tr("Eco-industrial parks"),
            "park_tenants": tr("Park tenants"),
            "park_supply_links": tr("Park supply links"),
            "park_diagram_arrows": tr("Park supply arrows (diagram)"),
            "park_diagram_nodes": tr("Parks and suppliers (diagram)"),
            "park_map_pdf": tr("Park map (PDF)"),
        },
    )


# model name (the id after "symbiosis:", public API) -> its texts, built on each call
TEXTS = {
    "symbiosis_full_analysis": _full_analysis,
    "eco_industrial_park_design": _park_design,
}


def model_text(name):
    """The texts of shipped model ``name`` in the current UI language, or None."""
    build = TEXTS.get(name)
    return build() if build else None


def help_content(text):
    """The help map QGIS formats for a model: description, short description, inputs."""
    content = {"ALG_DESC": text.description, "SHORT_DESCRIPTION": text.summary}
    content.update({name: helptext for name, (_, helptext) in text.inputs.items()})
    return content


class ShippedModel(QgsProcessingModelAlgorithm):
    """A shipped model: its id as in the .model3 file, a display name and help a person
    reads, in the UI language."""

    def displayName(self):
        text = model_text(self.name())
        return text.title if text else super().displayName()

    def group(self):
        return tr("Models")

    def groupId(self):
        return MODELS_GROUP_ID

    def processAlgorithm(self, parameters, context, feedback):
        results = super().processAlgorithm(parameters, context, feedback)
        self._last_run = (dict(parameters), dict(results))  # for postProcessAlgorithm
        return results

    def postProcessAlgorithm(self, context, feedback):
        # runs in the main thread once the steps are done, before the dialog loads the results
        parameters, results = getattr(self, "_last_run", ({}, {}))
        if context.project() is not None:
            for step in self.childAlgorithms().values():
                if step.algorithmId() == "symbiosis:exportmap" and step.isActive():
                    add_layout_on_load(self, step, parameters, results, context)
        return {}

    def createInstance(self):
        # QGIS's own createInstance makes a plain model (losing the name and help above)
        copy = ShippedModel()
        copy.loadVariant(self.toVariant())
        copy.setSourceFilePath(self.sourceFilePath())
        copy.translate()
        for definition in copy.parameterDefinitions():  # the dialog opens on project layers
            preselect_role_layer(definition, over_default=True)
        return copy

    def translate(self):
        """Labels and help of the inputs and outputs in the UI language. The .model3 file
        holds them in English; a loaded model rebuilds its outputs from the file."""
        text = model_text(self.name())
        if text is None:
            return
        self.setHelpContent(help_content(text))
        for definition in self.parameterDefinitions():
            name = definition.name()
            if name in text.inputs:
                label, helptext = text.inputs[name]
                definition.setDescription(label)
                definition.setHelp(helptext)
            elif ":" in name and name.split(":", 1)[1] in text.outputs:
                definition.setDescription(text.outputs[name.split(":", 1)[1]])
        self.order_outputs(list(text.outputs))

    def order_outputs(self, order):
        """Outputs in the order the steps run (``order``: model output names), not QGIS
        3.22's alphabetical order of step ids (it has no output order of its own). A
        destination parameter is taken out and added back at the end, with its output."""
        rank = {name: k for k, name in enumerate(order)}
        destinations = sorted(
            (d.name() for d in self.destinationParameterDefinitions()),
            key=lambda name: rank.get(name.split(":", 1)[-1], len(rank)),
        )
        for name in destinations:
            definition = self.parameterDefinition(name).clone()
            self.removeParameter(name)  # its output goes with it...
            self.addParameter(definition)  # ...and comes back with it
