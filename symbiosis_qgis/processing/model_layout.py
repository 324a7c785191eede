"""A shipped model's map layout added to the project when a dialog run loads its layers.

exportmap adds its layout only when its arrows and enterprises are project layers; in a model
they are an earlier step's outputs, which the dialog loads only after the whole run, so a model
run from its dialog added no layout. The hook below waits for those layers to be loaded.
"""

from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextScope,
    QgsExpressionContextUtils,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingModelChildParameterSource,
    QgsProcessingUtils,
)

from ..i18n import tr

# post-processors handed to QGIS: Python must keep them (and their state) alive
_ALIVE = []


def _source(step, name):
    sources = step.parameterSources().get(name) or []
    return sources[0] if sources else None


def _model_output_of(model, source):
    """The model output name ("diagram:diagram_arrows") a child-output source is exposed as."""
    if source is None or source.source() != QgsProcessingModelChildParameterSource.ChildOutput:
        return None
    producer = model.childAlgorithm(source.outputChildId())
    for name, output in producer.modelOutputs().items():
        if output.childOutputName() == source.outputName():
            return f"{source.outputChildId()}:{name}"
    return None


def _value(source, parameters):
    """A static, model-input or expression source's value (expressions see the model inputs
    as variables, @NODE, as in the model)."""
    if source is None:
        return None
    kind = source.source()
    if kind == QgsProcessingModelChildParameterSource.StaticValue:
        return source.staticValue()
    if kind == QgsProcessingModelChildParameterSource.ModelParameter:
        return parameters.get(source.parameterName())
    if kind == QgsProcessingModelChildParameterSource.Expression:
        scope = QgsExpressionContextScope()
        for name, value in parameters.items():
            if isinstance(value, (str, int, float, bool)):
                scope.setVariable(name, value)
        # the global scope too: the title expression reads @qgis_locale
        context = QgsExpressionContext()
        context.appendScope(QgsExpressionContextUtils.globalScope())
        context.appendScope(scope)
        return QgsExpression(source.expression()).evaluate(context)
    return None


def add_layout_on_load(model, step, parameters, results, context):
    """Have the layout of exportmap step ``step`` added to the project once the dialog has
    loaded the layers it draws.

    exportmap adds its layout only when its arrows and enterprises are project layers; in a
    model they are an earlier step's outputs, which the dialog loads only after the whole run,
    so a model run added no layout. The layout is built (by exportmap's own code) when both
    layers have been loaded, on those layers, so it stays editable as after exportmap alone.
    """
    if not _value(_source(step, "ADD_TO_PROJECT"), parameters):
        return
    wanted = {}
    for role in ("ARROWS", "NODES"):
        output = _model_output_of(model, _source(step, role))
        destination = results.get(output) if output else None
        if not isinstance(destination, str) or not context.willLoadLayerOnCompletion(destination):
            return  # a temporary step output, or not loaded: nothing stays in the project
        wanted[role] = destination
    pending = PendingLayout(step, parameters, wanted)
    for role, destination in wanted.items():
        details = context.layerToLoadOnCompletionDetails(destination)
        hook = LayoutWhenLoaded(pending, role, details.postProcessor())
        _ALIVE.append(hook)
        details.setPostProcessor(hook)


class PendingLayout:
    """A layout waiting for its arrows and enterprises to be loaded into the project."""

    def __init__(self, step, parameters, wanted):
        self.step, self.parameters, self.wanted = step, parameters, wanted
        self.loaded = {}

    def layer_loaded(self, role, layer, context, feedback):
        self.loaded[role] = layer
        if set(self.loaded) != set(self.wanted):
            return
        from .export_map import TEMPLATES, map_title
        from .map_layout import add_layout_to_project, sources_from_metadata

        project = context.project()
        arrows, nodes = self.loaded["ARROWS"], self.loaded["NODES"]
        background = []
        for value in _value(_source(self.step, "BACKGROUND"), self.parameters) or []:
            layer = QgsProcessingUtils.mapLayerFromString(str(value), context)
            if layer is not None and project.mapLayer(layer.id()) is not None:
                background.append(layer)
        template = TEMPLATES[int(_value(_source(self.step, "TEMPLATE"), self.parameters) or 0)]
        title = map_title(
            str(_value(_source(self.step, "TITLE"), self.parameters) or ""), arrows, tr
        )
        sources = str(_value(_source(self.step, "SOURCES"), self.parameters) or "").strip()
        sources = sources or sources_from_metadata([arrows, nodes, *background])
        before = len(project.layoutManager().printLayouts())
        add_layout_to_project(project, template, arrows, nodes, background, title, sources)
        if feedback is not None and len(project.layoutManager().printLayouts()) > before:
            feedback.pushInfo(tr("Added the layout '{}' to the project").format(title))


class LayoutWhenLoaded(QgsProcessingLayerPostProcessorInterface):
    """Runs the post-processor the layer already had (its style), then tells the pending
    layout that the layer is in the project."""

    def __init__(self, pending, role, previous):
        super().__init__()
        self.pending, self.role, self.previous = pending, role, previous

    def postProcessLayer(self, layer, context, feedback):
        if self.previous is not None:
            self.previous.postProcessLayer(layer, context, feedback)
        if layer is not None and layer.isValid():
            self.pending.layer_loaded(self.role, layer, context, feedback)
