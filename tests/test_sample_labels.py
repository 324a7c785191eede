"""The sample layers label in the interface's language, never a mix (issue 20: a Russian
interface showed "Yurga", "Kaltan brownfield" beside Russian names)."""

import re

import pytest
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextScope,
    QgsExpressionContextUtils,
    QgsVectorLayer,
)

from symbiosis_qgis.processing.styling import style_layer

from .conftest import gpkg_layer

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def labels(layer, locale):
    """Every feature's label text as the layer's labelling computes it in ``locale``."""
    settings = layer.labeling().settings()
    expression = QgsExpression(settings.fieldName)
    context = QgsExpressionContext()
    context.appendScope(QgsExpressionContextUtils.layerScope(layer))
    scope = QgsExpressionContextScope()
    scope.setVariable("qgis_locale", locale)  # what a Russian or English interface sets
    context.appendScope(scope)
    texts = []
    for feature in layer.getFeatures():
        context.setFeature(feature)
        texts.append(str(expression.evaluate(context)))
    assert not expression.hasEvalError(), expression.evalErrorString()
    return texts


@pytest.mark.parametrize("name", ["enterprises", "terminals", "sites"])
@pytest.mark.parametrize("stored", [True, False], ids=["gpkg-default-style", "resources-qml"])
def test_sample_labels_follow_the_interface_language(sample_gpkg, name, stored):
    layer = gpkg_layer(sample_gpkg, name)  # loads the style stored in the GeoPackage
    if not stored:
        layer = QgsVectorLayer(layer.source(), name, "ogr")
        style_layer(layer, f"{name}.qml")  # what "Load Kuzbass sample data" applies
    assert layer.labelsEnabled()
    russian, english = labels(layer, "ru_RU"), labels(layer, "en_US")
    assert len(russian) == len(english) == layer.featureCount() > 0
    assert not [t for t in russian if LATIN_WORD.search(t)], name
    assert not [t for t in english if CYRILLIC.search(t)], name


@pytest.mark.parametrize("language", ["en", "ru"])
def test_legends_name_materials_and_modes_in_the_interface_language(language, monkeypatch):
    """candidates.qml lists materials by code and links.qml modes by code: the legend reads
    the catalogue's names and the modes in words, in the interface's language."""
    from symbiosis_qgis import i18n
    from symbiosis_qgis.core.catalogue import load_materials

    monkeypatch.setattr(i18n, "user_locale", lambda: language)
    candidates = QgsVectorLayer("LineString?crs=EPSG:4326&field=supply_mat:string", "c", "memory")
    style_layer(candidates, "candidates.qml")
    names = load_materials()["name_ru" if language == "ru" else "name_en"]
    categories = candidates.renderer().categories()
    assert len(categories) > 30
    for category in categories:
        if str(category.value()) in names.index:
            assert category.label() == names[str(category.value())]
    links = QgsVectorLayer(
        "LineString?crs=EPSG:4326&field=mode:string&field=reachable:boolean", "l", "memory"
    )
    style_layer(links, "links.qml")
    labels = [rule.label() for rule in links.renderer().rootRule().descendants()]
    assert "heat_main" not in labels and "road+rail" not in labels
    if language == "en":
        assert "By heat main" in labels
