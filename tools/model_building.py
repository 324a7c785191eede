"""What the model generators (make_model.py, make_park_model.py) share: inputs, steps and
outputs added as Model Builder adds them, the texts of symbiosis_qgis.processing.shipped_models
(the plugin translates the same texts at run time), the input order, and the byte-stable write.
"""

from __future__ import annotations

import sys

from qgis.core import (
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
)
from qgis.PyQt.QtCore import QPointF
from resource_io import ROOT, GeneratorError, finish, qgis_session

sys.path.insert(0, str(ROOT))
sys.path.append("/usr/share/qgis/python/plugins")


def model_input(name):
    return QgsProcessingModelChildParameterSource.fromModelParameter(name)


def child_output(child, output):
    return QgsProcessingModelChildParameterSource.fromChildOutput(child, output)


def static(value):
    return QgsProcessingModelChildParameterSource.fromStaticValue(value)


# drawdiagram's label language (0 Russian, 1 English) following the QGIS interface, as the map
# step's does: the layers a dialog run loads read in the same language as the printed map
LABELS_IN_UI_LANGUAGE = "if(left(@qgis_locale, 2) = 'ru', 0, 1)"


def expression(text):
    return QgsProcessingModelChildParameterSource.fromExpression(text)


def new_model(name):
    """An empty model ``name`` (its id after ``symbiosis:``) with the shipped help."""
    from symbiosis_qgis.processing.shipped_models import (
        MODELS_GROUP_ID,
        help_content,
        model_text,
    )

    model = QgsProcessingModelAlgorithm(name, MODELS_GROUP_ID)
    model.setHelpContent(help_content(model_text(name)))
    return model


def add_inputs(model, definitions, y=80.0, step=220.0):
    """Add the model inputs in the order of the model's texts (the order the dialog shows);
    labels come from the texts. ``definitions``: name -> parameter definition."""
    from symbiosis_qgis.processing.shipped_models import model_text

    order = list(model_text(model.name()).inputs)
    if set(order) != set(definitions):
        raise GeneratorError(
            f"{model.name()}: inputs {sorted(definitions)} differ from its texts {sorted(order)}"
        )
    for k, name in enumerate(order):
        definition = definitions[name]
        definition.setDescription(model_text(model.name()).inputs[name][0])
        model.addModelParameter(definition, QgsProcessingModelParameter(name))
        model.parameterComponent(name).setPosition(QPointF(150 + step * k, y))
    model.setParameterOrder(order)


def add_step(model, child_id, alg_id, sources, outputs, position):
    """Add step ``child_id`` running ``alg_id``; ``sources``: parameter -> source; ``outputs``:
    the algorithm's output -> model output name (labelled from the model's texts). The
    algorithm's own defaults of the other parameters are written out, as Model Builder does."""
    from symbiosis_qgis.processing.shipped_models import model_text

    labels = model_text(model.name()).outputs
    child = QgsProcessingModelChildAlgorithm(alg_id)
    child.setChildId(child_id)
    child.setDescription(child_id.replace("_", " "))
    child.setPosition(position)
    for name, source in sources.items():
        child.addParameterSources(name, [source])
    algorithm = QgsApplication.processingRegistry().algorithmById(alg_id)
    if algorithm is None:
        raise GeneratorError(f"{model.name()}: no algorithm {alg_id}")
    for definition in algorithm.parameterDefinitions():
        if (
            definition.name() not in sources
            and not definition.isDestination()
            and definition.defaultValue() is not None
        ):
            child.addParameterSources(definition.name(), [static(definition.defaultValue())])
    model_outputs = {}
    for output_name, model_name in outputs.items():
        out = QgsProcessingModelOutput(model_name, labels[model_name])
        out.setChildId(child_id)
        out.setPosition(position + QPointF(40, 200 + 45 * len(model_outputs)))
        out.setChildOutputName(output_name)
        model_outputs[model_name] = out
    child.setModelOutputs(model_outputs)
    model.addChildAlgorithm(child)
    return child_id


def write_model(build, out_folder):
    """Register the provider's algorithms (without its models), build the model with
    ``build()``, validate it and write it byte-stably into ``out_folder``."""
    with qgis_session():
        from processing.core.Processing import Processing

        Processing.initialize()
        from symbiosis_qgis.processing.provider import SymbiosisProvider

        provider = SymbiosisProvider(with_models=False)
        if not QgsApplication.processingRegistry().addProvider(provider):
            raise GeneratorError("cannot register the symbiosis provider")
        model = build()
        model.updateDestinationParameters()  # model outputs become destination parameters
        ok, errors = model.validate()
        if not ok:
            raise GeneratorError(f"{model.name()} does not validate: " + "; ".join(errors))
        path = out_folder / f"{model.name()}.model3"
        if not model.toFile(str(path)):
            raise GeneratorError(f"cannot write {path}")
        finish(path)
        print(f"wrote {path}")
