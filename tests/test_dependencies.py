"""A missing Python package gives a message in QGIS, and the tools that do not need it stay."""

import os
import subprocess
import sys

from tests.conftest import ROOT

# Block one package for the whole interpreter, as if it were not installed, then load the
# provider the way QGIS does and report what it offers and what the plugin would say.
SCRIPT = """
import importlib.abc, json, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == {blocked!r} or name.startswith({blocked!r} + "."):
            raise ImportError("No module named " + repr(name))
sys.meta_path.insert(0, Block())
import importlib.util
real_find_spec = importlib.util.find_spec
def find_spec(name, *args):
    return None if name == {blocked!r} else real_find_spec(name, *args)
importlib.util.find_spec = find_spec
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
from symbiosis_qgis.processing import provider
ids = [cls.ALG_ID for cls in provider.algorithm_classes()]
from symbiosis_qgis.plugin import dependency_message
print(json.dumps({{"ids": ids, "unavailable": sorted(provider.UNAVAILABLE),
                  "message": dependency_message()}}))
"""


def run_without(package):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(blocked=package)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    import json

    return json.loads(out.stdout.strip().splitlines()[-1])


def test_without_networkx_the_graph_tool_goes_and_the_rest_stays():
    result = run_without("networkx")
    assert "assessbenefits" not in result["ids"]
    assert "assess_benefits" in result["unavailable"]  # it reads the symbiosis graph
    assert {"validatedata", "findcandidates", "optimizeexchanges"} <= set(result["ids"])
    message = result["message"]
    assert "networkx" in message and "python3-networkx" in message and "pip install" in message


def test_with_everything_installed_there_is_no_message():
    result = run_without("no_such_package_at_all")
    assert result["unavailable"] == [] and result["message"] == ""
    assert len(result["ids"]) >= 12
