"""`make bench`: run every benchmark in bench/ and leave JSON results in bench/results/.

`make bench` runs them all (about 10 minutes: the QGIS graph side of the network benchmark
is the slow part); `make bench BENCH=candidates` runs one.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PROJ_LIB", "/usr/share/proj")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_allocation
import bench_candidates
import bench_network
import bench_parks

BENCHES = {
    "candidates": ("partner candidates (issue 3)", bench_candidates.main),
    "network": ("network routing (issue 4)", bench_network.main),
    "allocation": ("allocation (issue 5)", bench_allocation.main),
    "parks": ("eco-industrial parks, exact MILP vs greedy (issue 14)", bench_parks.main),
}

if __name__ == "__main__":
    chosen = sys.argv[1:] or list(BENCHES)
    for name in chosen:
        title, run = BENCHES[name]
        print(f"== {title}")
        run()
