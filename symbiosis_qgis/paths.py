"""Where the plugin's files live, in the source tree and once installed.

Installed (the zip), resources/, i18n/ and sample_layers/ sit inside the package folder;
in the source tree they sit beside it. No qgis import: core/ uses this too.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def plugin_root() -> Path:
    if (PACKAGE_DIR / "resources").is_dir():
        return PACKAGE_DIR
    return PACKAGE_DIR.parent


def resource_path(*parts: str) -> Path:
    return plugin_root().joinpath("resources", *parts)


def i18n_path(*parts: str) -> Path:
    return plugin_root().joinpath("i18n", *parts)


def sample_data_path(*parts: str) -> Path:
    return plugin_root().joinpath("sample_layers", *parts)
