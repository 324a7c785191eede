"""The whole analysis as a QgsTask: read layers -> candidates -> routes -> exchanges ->
result tables in a GeoPackage.

Only cheap snapshots of the layers are taken on the main thread (their fields, CRS and a
thread-safe feature source); reading the features and writing the results, which froze the
window for minutes on a large region, happen in the task's thread with the rest. Every
failure ends as words in ``task.error``, never as an exception escaping the task.
"""

from qgis.core import QgsProcessingException, QgsTask

from ..core.allocation import optimise
from ..core.candidates import LONLAT, find_candidates
from ..core.catalogue import CatalogueError, load_materials
from ..core.definitions import ROUTING
from ..core.errors import InputError
from ..core.inputs import check_flows
from ..core.network import build_network, off_network_modes, road_rates, route_candidates
from ..i18n import tr
from ..processing.layer_io import (
    enterprise_lonlat,
    line_parts_lonlat,
    points_lonlat,
    source_to_frame,
)
from .results import ResultWriteError, ResultWriter


class PipelineInputs:
    """Layer snapshots (processing.layer_io.LayerSnapshot, or None) and the settings."""

    def __init__(
        self,
        enterprises,
        flows,
        roads=None,
        rails=None,
        terminals=None,
        transform_context=None,
        road_cost=ROUTING.road_cost,
        rail_cost=ROUTING.rail_cost,
        handling_cost=ROUTING.handling_cost,
        snap_tolerance_m=ROUTING.snap_tolerance_m,
        max_km=ROUTING.max_km,
        output_path=None,
        run_tag="",
        language="en",
    ):
        self.enterprises, self.flows = enterprises, flows
        self.roads, self.rails, self.terminals = roads, rails, terminals
        self.transform_context = transform_context
        self.road_cost, self.rail_cost, self.handling_cost = road_cost, rail_cost, handling_cost
        self.snap_tolerance_m, self.max_km = snap_tolerance_m, max_km
        # where the task writes its result tables (None: keep them in memory only)
        self.output_path, self.run_tag, self.language = output_path, run_tag, language


class _Context:
    """What layer_io asks of a processing context, usable in the task's thread."""

    def __init__(self, transform_context):
        self._transform_context = transform_context

    def transformContext(self):
        return self._transform_context


class _Data:
    """The layers read into frames and arrays (in the task's thread)."""


class PipelineTask(QgsTask):
    def __init__(self, inputs, on_done=None):
        super().__init__(tr("Industrial symbiosis analysis"), QgsTask.CanCancel)
        self.inputs = inputs
        self.on_done = on_done
        self.candidates = self.links = self.paths = self.exchanges = None
        self.totals = {}
        self.written = []  # results.WrittenTable of each table written
        self.error = None

    def _stage(self, start, span):
        return lambda p: self.setProgress(start + span * p / 100.0)

    def run(self):
        try:
            data = self.read_layers()
            if data is None:
                return False
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
            self.setProgress(72)
            result = optimise(self.links, data.flows)
            self.exchanges, self.totals = result.exchanges, result.totals
            self.setProgress(80)
            if self.inputs.output_path is not None and not self.isCanceled():
                writer = ResultWriter(
                    self.inputs.output_path,
                    self.inputs.run_tag,
                    self.inputs.enterprises.sourceCrs(),
                    self.inputs.transform_context,
                    data.points,
                    self.isCanceled,
                    self.setProgress,
                )
                self.written = writer.write_all(
                    self.candidates,
                    self.links,
                    self.paths,
                    self.exchanges,
                    data.enterprise_attributes,
                    self.inputs.language,
                )
            if self.isCanceled():
                return False
            self.setProgress(100)
            return True
        except ResultWriteError as err:
            self.error = str(err)
            return False
        except (InputError, CatalogueError) as err:
            self.error = err.message(tr) if isinstance(err, InputError) else str(err)
            return False
        except QgsProcessingException as err:  # layer_io's checks, already in words
            self.error = err.args[0] if err.args else str(err)
            return False
        except Exception as err:  # a task must not raise: say what happened, in words
            self.error = tr("unexpected {kind}: {detail}").format(
                kind=type(err).__name__, detail=err
            )
            return False

    def read_layers(self):
        """Frames and arrays of the snapshots, with the same checks as the algorithms."""
        inputs, data = self.inputs, _Data()
        context = _Context(inputs.transform_context)
        data.enterprises, data.points = enterprise_lonlat(inputs.enterprises, context)
        # names and sectors for the diagram tables
        data.enterprise_attributes = source_to_frame(inputs.enterprises)
        data.flows = check_flows(source_to_frame(inputs.flows), tr("Flows (supplies and demands)"))
        self.setProgress(5)
        data.roads = data.road_classes = data.rails = data.terminals = None
        if inputs.roads is not None:
            names = inputs.roads.fields().names()
            attribute = "highway" if "highway" in names else "class" if "class" in names else None
            data.roads, data.road_classes = line_parts_lonlat(
                inputs.roads, context, attribute=attribute, layer_label=tr("Roads")
            )
        if inputs.rails is not None:
            data.rails, _ = line_parts_lonlat(inputs.rails, context, layer_label=tr("Railways"))
        if inputs.terminals is not None:
            data.terminals = points_lonlat(inputs.terminals, context)
        for name in ("road_cost", "rail_cost", "handling_cost", "snap_tolerance_m", "max_km"):
            setattr(data, name, getattr(inputs, name))
        return None if self.isCanceled() else data

    def finished(self, ok):
        if self.on_done is not None:
            self.on_done(self, ok)
