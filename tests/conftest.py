import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

# QGIS's own Python plugins (the `processing` package) live outside site-packages.
_QGIS_PLUGINS = Path("/usr/share/qgis/python/plugins")  # Debian; pkgDataPath() is unset here
if str(_QGIS_PLUGINS) not in sys.path:
    sys.path.append(str(_QGIS_PLUGINS))

os.environ.setdefault("PROJ_LIB", "/usr/share/proj")  # pyproj in a venv misses it

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_GPKG = ROOT / "sample_layers" / "kuzbass.gpkg"
ARTIFACTS = ROOT / "tests" / "artifacts"


def file_digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture()
def symbiosis_provider(qgis_processing):
    """Our provider in the Processing registry (the plugin tests may have removed it)."""
    from symbiosis_qgis.processing.provider import SymbiosisProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("symbiosis")
    if provider is None:
        provider = SymbiosisProvider()
        assert registry.addProvider(provider)
        _KEEP_ALIVE.append(provider)  # a Python subclass dies with its last Python reference
    return provider


_KEEP_ALIVE = []


@pytest.fixture()
def sample_gpkg(tmp_path):
    """A private copy of the sample GeoPackage, so no test can alter the shipped one."""
    copy = tmp_path / "kuzbass.gpkg"
    shutil.copy(SAMPLE_GPKG, copy)
    return copy


def gpkg_layer(gpkg, name):
    """A file-backed layer owned by the project: QGIS may crash deleting such a layer itself
    once Processing has used it (pytest-qgis notes the same)."""
    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    assert layer.isValid(), f"{name} in {gpkg}"
    QgsProject.instance().addMapLayer(layer, False)
    return layer


def rows_of(layer):
    names = layer.fields().names()
    return [dict(zip(names, f.attributes()), geometry=f.geometry()) for f in layer.getFeatures()]


@pytest.fixture()
def sample_links(symbiosis_provider, sample_gpkg):
    """Candidates, routed links and the flows of the sample data, through Processing."""
    import processing

    ents = gpkg_layer(sample_gpkg, "enterprises")
    flow_layer = gpkg_layer(sample_gpkg, "flows")
    cands = processing.run(
        "symbiosis:findcandidates",
        {"ENTERPRISES": ents, "FLOWS": flow_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
    )["OUTPUT"]
    links = processing.run(
        "symbiosis:networklinks",
        {
            "CANDIDATES": cands,
            "ENTERPRISES": ents,
            "ROADS": gpkg_layer(sample_gpkg, "roads"),
            "RAILS": gpkg_layer(sample_gpkg, "rails"),
            "TERMINALS": gpkg_layer(sample_gpkg, "terminals"),
            "SNAP_TOLERANCE": 15000,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    return cands, links, flow_layer


def qgis_process_profile(tmp_path):
    """Environment for qgis_process.bin with the packaged plugin enabled in a fresh profile."""
    subprocess.run(["make", "-s", "package"], cwd=ROOT, check=True, capture_output=True)
    plugins = tmp_path / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    shutil.copytree(ROOT / "build" / "symbiosis_qgis", plugins / "symbiosis_qgis")
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        ["qgis_process.bin", "plugins", "enable", "symbiosis_qgis"],
        env=env,
        check=True,
        capture_output=True,
    )
    return env


@pytest.fixture()
def artifacts_dir():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


# QGIS objects still referenced after QgsApplication.exitQgis() (by failure reports, say)
# crash the interpreter as it finalises, turning a clean run's exit status into 139. Leave
# once pytest has reported everything, with pytest's own status.
_EXIT_STATUS = {}


def pytest_sessionfinish(session, exitstatus):
    _EXIT_STATUS["status"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    if "status" in _EXIT_STATUS:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS["status"])


# the registry tests' throw-away PostgreSQL server (session fixture `registry_server`)
from .registry_server import registry_server  # noqa: E402, F401

# layers and a feedback that several test modules build their cases from
ENT_FIELDS = (
    "field=ent_id:string&field=name:string&field=name_ru:string&field=sector:string"
    "&field=node:string"
)
FLOW_FIELDS = (
    "field=flow_id:string&field=ent_id:string&field=direction:string"
    "&field=material:string&field=quantity:string&field=unit:string&field=price:string"
)


def memory_layer(uri, rows, geoms=None):
    layer = QgsVectorLayer(uri, "memory", "memory")
    assert layer.isValid()
    features = []
    for i, row in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(row))
        if geoms is not None and geoms[i] is not None:
            feature.setGeometry(geoms[i])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def enterprises(rows, crs="EPSG:32645", geoms=None, fields=ENT_FIELDS):
    if geoms is None:
        geoms = [
            QgsGeometry.fromPointXY(QgsPointXY(500000 + 1000 * i, 6000000))
            for i in range(len(rows))
        ]
    return memory_layer(f"Point?crs={crs}&{fields}", rows, geoms)


def flows(rows, fields=FLOW_FIELDS):
    return memory_layer(f"None?{fields}", rows)


class LogFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.messages = []

    def pushWarning(self, text):
        self.messages.append(text)
        super().pushWarning(text)

    def pushInfo(self, text):
        self.messages.append(text)
        super().pushInfo(text)
