"""The whole analysis as a QgsTask: candidates -> routes -> exchanges, in the background.

The layers are read into plain frames and arrays on the main thread; the task's thread runs
only core/ (no QGIS objects), reports progress to the task manager and stops when canceled.
"""

from qgis.core import QgsTask

from ..core.allocation import optimise
from ..core.candidates import LONLAT, find_candidates
from ..core.catalogue import load_materials
from ..core.definitions import ROUTING
from ..core.network import build_network, off_network_modes, road_rates, route_candidates
from ..i18n import tr


class PipelineInputs:
    """Everything the task needs, read on the main thread."""

    def __init__(
        self,
        enterprises,
        flows,
        roads=None,
        road_classes=None,
        rails=None,
        terminals=None,
        road_cost=ROUTING.road_cost,
        rail_cost=ROUTING.rail_cost,
        handling_cost=ROUTING.handling_cost,
        snap_tolerance_m=ROUTING.snap_tolerance_m,
        max_km=ROUTING.max_km,
    ):
        self.enterprises, self.flows = enterprises, flows
        self.roads, self.road_classes, self.rails, self.terminals = (
            roads,
            road_classes,
            rails,
            terminals,
        )
        self.road_cost, self.rail_cost, self.handling_cost = road_cost, rail_cost, handling_cost
        self.snap_tolerance_m, self.max_km = snap_tolerance_m, max_km


class PipelineTask(QgsTask):
    def __init__(self, inputs, on_done=None):
        super().__init__(tr("Industrial symbiosis analysis"), QgsTask.CanCancel)
        self.inputs = inputs
        self.on_done = on_done
        self.candidates = self.links = self.paths = self.exchanges = None
        self.totals = {}
        self.error = None

    def _stage(self, start, span):
        return lambda p: self.setProgress(start + span * p / 100.0)

    def run(self):
        try:
            data = self.inputs
            self.candidates, _ = find_candidates(
                data.enterprises,
                data.flows,
                coords=LONLAT,
                progress=self._stage(0, 20),
                is_canceled=self.isCanceled,
            )
            if self.isCanceled():
                return False
            if data.roads:
                rates = road_rates(data.road_classes or [None] * len(data.roads), data.road_cost)
                network = build_network(
                    data.roads,
                    rates,
                    data.rails or [],
                    data.rail_cost,
                    data.terminals,
                    data.handling_cost,
                )
                self.links, self.paths = route_candidates(
                    network,
                    self.candidates,
                    data.enterprises,
                    off_network=off_network_modes(load_materials()),
                    road_rate=data.road_cost,
                    max_km=data.max_km,
                    snap_tolerance_m=data.snap_tolerance_m,
                    max_rate=max(float(rates.max()), data.rail_cost),
                    handling_cost=data.handling_cost,
                    progress=self._stage(20, 50),
                    is_canceled=self.isCanceled,
                )
            else:
                self.links, self.paths = self.candidates, None
            if self.isCanceled():
                return False
            self.setProgress(75)
            result = optimise(self.links, data.flows)
            self.exchanges, self.totals = result.exchanges, result.totals
            self.setProgress(100)
            return not self.isCanceled()
        except Exception as err:  # shown in the dock; the task manager marks the task failed
            self.error = err
            return False

    def finished(self, ok):
        if self.on_done is not None:
            self.on_done(self, ok)
