"""The core as an analyst uses it: importable without QGIS, documented, the README example runs."""

import os
import pkgutil
import subprocess
import sys

import symbiosis_qgis.core as core
from tests.conftest import ROOT, SAMPLE_GPKG

CORE_MODULES = sorted(m.name for m in pkgutil.iter_modules(core.__path__))


def test_no_core_module_loads_qgis_or_qt():
    """Import every core module in a fresh interpreter (none of pytest-qgis's imports), then
    list what got loaded: a qgis or PyQt import anywhere below core/ would show here."""
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module('symbiosis_qgis.core.' + name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('qgis', 'PyQt5', 'PyQt6', 'sip', 'processing'))\n"
        "print(len(sys.modules)); print(','.join(bad))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    loaded, bad = int(lines[0]), lines[1] if len(lines) > 1 else ""
    assert loaded > 100  # the imports really ran
    assert bad == "", f"core imported {bad}"


def test_every_exported_name_resolves_and_is_documented():
    assert len(core.__all__) >= 20
    for name in core.__all__:
        value = getattr(core, name)
        if callable(value):
            assert (value.__doc__ or "").strip(), f"{name} has no docstring"


def test_unknown_name_is_an_attribute_error():
    try:
        core.no_such_function  # noqa: B018 (the access is the test)
    except AttributeError as err:
        assert "no_such_function" in str(err)
    else:
        raise AssertionError("an unknown name resolved")


def test_module_docstring_example_runs_on_the_sample():
    import geopandas as gpd

    ents = gpd.read_file(SAMPLE_GPKG, layer="enterprises")
    flows = gpd.read_file(SAMPLE_GPKG, layer="flows")
    candidates, stats = core.find_candidates(core.enterprise_points(ents), flows)
    result = core.optimise(candidates, flows)
    assert len(candidates) > 100
    assert result.totals["EXCHANGES"] > 10
    assert result.totals["NET_BENEFIT"] > 0
    assert stats.flows_of_unknown_enterprises == 0
