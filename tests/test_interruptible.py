"""A solve that holds the GIL still stops within a poll interval of a cancel."""

import time

import numpy as np
import pytest
from scipy.optimize import Bounds, LinearConstraint, milp

from symbiosis_qgis.core.interruptible import (
    SolveCanceledError,
    can_interrupt,
    run_interruptible,
)

pytestmark = pytest.mark.skipif(not can_interrupt(), reason="no fork on this platform")


def hard_milp(seed=0, n=2000, m=1500):
    """A knapsack-like MILP HiGHS cannot finish in a few seconds."""
    rng = np.random.default_rng(seed)
    a = rng.random((m, n)) * (rng.random((m, n)) < 0.01)
    return {
        "c": -rng.random(n),
        "constraints": LinearConstraint(a, -np.inf, rng.random(m) * n / 4),
        "integrality": np.ones(n),
        "bounds": Bounds(0, 3),
        "options": {"time_limit": 30.0},
    }


def test_result_comes_back_from_the_child():
    assert run_interruptible(sum, [1, 2, 3], is_canceled=lambda: False) == 6
    res = run_interruptible(
        milp, **{**hard_milp(), "options": {"time_limit": 0.5}}, is_canceled=lambda: False
    )
    assert res.x is not None and len(res.x) == 2000


def test_the_childs_exception_reaches_the_caller():
    with pytest.raises(ZeroDivisionError):
        run_interruptible(lambda: 1 / 0, is_canceled=lambda: False)


def test_cancel_stops_a_running_milp_well_before_its_time_limit():
    """No timing assert on speed: the point is that the 30 s solve does not run to its end,
    which an in-thread solve would (HiGHS holds the GIL)."""
    start = time.monotonic()
    with pytest.raises(SolveCanceledError):
        run_interruptible(milp, **hard_milp(), is_canceled=lambda: time.monotonic() - start > 0.3)
    assert time.monotonic() - start < 15.0
