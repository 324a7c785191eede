"""`make bench`: run every benchmark in bench/ and leave JSON results in bench/results/."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PROJ_LIB", "/usr/share/proj")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_candidates  # noqa: E402

if __name__ == "__main__":
    print("== partner candidates (issue 3)")
    bench_candidates.main()
