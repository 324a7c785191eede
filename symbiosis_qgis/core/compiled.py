"""numba's ``njit`` when numba is installed, else None: an optional accelerator.

SYMBIOSIS_NO_NUMBA=1 hides it, so benchmarks and tests can run the path a QGIS Python without
numba takes (Debian's and OSGeo4W's have none)."""

import os

try:
    if os.environ.get("SYMBIOSIS_NO_NUMBA"):
        raise ImportError
    from numba import njit
except ImportError:  # pragma: no cover - depends on the machine
    njit = None
