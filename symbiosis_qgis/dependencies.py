"""The Python packages the plugin needs, checked before anything imports them.

No qgis import: the check must run even where the plugin's own imports would fail.
"""

from __future__ import annotations

from importlib.util import find_spec

# import name -> Debian/Ubuntu package (OSGeo4W and pip use the import name)
REQUIRED = {
    "numpy": "python3-numpy",
    "pandas": "python3-pandas",
    "scipy": "python3-scipy",
    "networkx": "python3-networkx",
    "pyproj": "python3-pyproj",
}


def missing_packages() -> list[str]:
    """Import names of the required packages that this Python cannot find."""
    return [name for name in REQUIRED if find_spec(name) is None]


def install_hint(names: list[str]) -> dict[str, str]:
    """The commands that install ``names``: apt on Debian/Ubuntu, pip elsewhere."""
    return {
        "apt": "sudo apt install " + " ".join(REQUIRED[n] for n in names),
        "pip": "python -m pip install " + " ".join(names),
    }
