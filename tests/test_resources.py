"""The committed styles, layouts and model are exactly what tools/ generates (`make resources`),
and hold no path of the machine they were generated on."""

import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsSvgMarkerSymbolLayer, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"

# generator -> (folder under resources/, the files it writes). Other files in these folders
# (hand-written styles, other generators') are not checked here.
GENERATED = {
    "make_output_styles.py": (
        "styles",
        ["candidates.qml", "links.qml", "diagram_arrows.qml", "diagram_nodes.qml"],
    ),
    "style_sample_data.py": (
        "styles",
        ["enterprises.qml", "roads.qml", "rails.qml", "terminals.qml"],
    ),
    "make_layouts.py": ("layouts", ["symbiosis_a4.qpt", "symbiosis_a3.qpt"]),
    "make_model.py": ("models", ["symbiosis_full_analysis.model3"]),
    "make_park_model.py": ("models", ["eco_industrial_park_design.model3"]),
}
GENERATED_FILES = [f"{folder}/{name}" for folder, names in GENERATED.values() for name in names]
ABSOLUTE_PATH_MARKERS = ["/work/", "/home/", "/tmp/", "/root/", "C:\\", "file://"]


def run_generator(tool, out):
    """Run a generator as `make resources` does: its own process, headless."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / tool), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """Every generator's output, written into a temporary resources/ folder."""
    out = tmp_path_factory.mktemp("resources")
    for tool, (folder, _) in GENERATED.items():
        result = run_generator(tool, out / folder)
        assert result.returncode == 0, f"{tool} failed:\n{result.stdout}\n{result.stderr}"
    return out


def first_difference(committed, fresh, name):
    diff = difflib.unified_diff(
        committed.decode("utf-8", "replace").splitlines(),
        fresh.decode("utf-8", "replace").splitlines(),
        f"committed {name}",
        f"regenerated {name}",
        lineterm="",
    )
    return "\n".join(list(diff)[:30])


@pytest.mark.parametrize("relative", GENERATED_FILES)
def test_committed_resource_is_what_its_generator_writes(regenerated, relative):
    committed = (RESOURCES / relative).read_bytes()
    fresh = (regenerated / relative).read_bytes()
    assert fresh == committed, (
        f"resources/{relative} differs from what tools/ generates; run `make resources` and "
        "commit the result (or fix the generator):\n"
        + first_difference(committed, fresh, relative)
    )


def test_generators_write_exactly_the_listed_files(regenerated):
    written = {p.relative_to(regenerated).as_posix() for p in regenerated.rglob("*")}
    assert written == set(GENERATED_FILES) | {folder for folder, _ in GENERATED.values()}


@pytest.mark.parametrize("relative", GENERATED_FILES)
def test_committed_resource_holds_no_absolute_path(relative):
    text = (RESOURCES / relative).read_text(encoding="utf-8")
    found = [marker for marker in ABSOLUTE_PATH_MARKERS if marker in text]
    assert not found, f"resources/{relative} contains machine paths: {found}"


@pytest.mark.parametrize("relative", GENERATED_FILES)
def test_relative_icon_paths_name_shipped_files(relative):
    text = (RESOURCES / relative).read_text(encoding="utf-8")
    icons = set(re.findall(r"icons/[\w/.-]+\.svg", text))
    missing = sorted(icon for icon in icons if not (RESOURCES / icon).is_file())
    assert not missing, f"resources/{relative} names icons that are not shipped: {missing}"


def test_diagram_node_icons_resolve_to_installed_files():
    """The style's relative SVG paths must be re-rooted to this installation on load."""
    from symbiosis_qgis.processing.styling import style_layer

    layer = QgsVectorLayer(
        "Point?crs=EPSG:32645&field=sector_group:string&field=size_class:integer"
        "&field=label:string",
        "nodes",
        "memory",
    )
    style_layer(layer, "diagram_nodes.qml")
    categories = layer.renderer().categories()  # copies: keep them alive while reading
    assert len(categories) >= 2
    for category in categories:
        symbol = category.symbol()
        paths = [
            symbol_layer.path()
            for symbol_layer in symbol.symbolLayers()
            if isinstance(symbol_layer, QgsSvgMarkerSymbolLayer)
        ]
        assert paths, f"category {category.value()} has no SVG marker"
        for path in paths:
            assert Path(path).is_absolute() and Path(path).is_file(), (
                f"category {category.value()}: icon {path!r} does not resolve to a file"
            )


def test_generator_fails_loudly_on_an_unusable_output_folder(tmp_path):
    not_a_folder = tmp_path / "taken"
    not_a_folder.write_text("a file, not a folder")
    result = run_generator("make_layouts.py", not_a_folder)
    assert result.returncode != 0
    assert "output folder" in result.stderr
    assert not_a_folder.read_text() == "a file, not a folder"
