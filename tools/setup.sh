#!/usr/bin/env bash
# Install what the plugin, its tests and its demo need on Debian 12. Idempotent: when all is
# present it only checks (about a second).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(qgis python3-qgis qgis-providers xvfb xauth python3-geopandas python3-networkx
  python3-scipy python3-rtree python3-pytest python3-pytestqt pyqt5-dev-tools
  qttools5-dev-tools poppler-utils python3-venv python3-pip zip unzip fonts-dejavu-core
  python3-psycopg2 postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting)
# numba: the compiled shortest-path engine (optional for the plugin; 0.58 matches numpy 1.24)
# ruff and mypy: `make lint` / `make format`, pinned so CI and developers see the same findings
PIP_PACKAGES=("pytest-qgis==2.1.0" "numba==0.58.1" "ruff==0.17.6" "mypy==2.4.1")
VENV=.venv

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's QGIS binds to the system Python: the venv must be made from it and see its packages.
if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV from /usr/bin/python3 with system site packages"
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
for req in "${PIP_PACKAGES[@]}"; do
  name=${req%%==*}
  want=${req##*==}
  have=$("$VENV/bin/python" -m pip show "$name" 2>/dev/null | awk '/^Version:/{print $2}' || true)
  if [ "$have" != "$want" ]; then
    echo "setup: pip install $req"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check "$req"
  fi
done
