"""Running a solver so that a cancel stops it within a poll interval.

scipy's HiGHS wrappers (linprog, milp) hold the GIL for the whole solve: a thread that
watches a cancel flag does not run until the solver returns (measured: no poll for 3.0 s
of a 3.0 s MILP). Where the OS can fork, the solve therefore runs in a forked child
process that the parent terminates on cancel; the child shares the problem's arrays
copy-on-write and sends back only the result. Where it cannot (Windows), the solve runs in
place and a cancel waits for it.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
from collections.abc import Iterator
from typing import Any, Callable, cast

POLL_S = 0.1  # how often the parent looks at the cancel flag


class SolveCanceledError(Exception):
    """The user canceled while the solver was running; nothing was computed."""


def can_interrupt() -> bool:
    """Whether a running solve can be stopped on this platform (fork is available)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _run_in_child(connection, function, args, kwargs):
    try:
        connection.send((True, function(*args, **kwargs)))
    except BaseException as err:  # sent to the parent, which raises it there
        connection.send((False, err))
    finally:
        connection.close()


def run_interruptible(
    function: Callable[..., Any],
    *args,
    is_canceled: Callable[[], bool] | None = None,
    poll_s: float = POLL_S,
    **kwargs,
) -> Any:
    """``function(*args, **kwargs)``, stoppable by ``is_canceled()``.

    Raises :class:`SolveCanceledError` when ``is_canceled()`` turns true before the result is in,
    and re-raises the function's own exception. Without ``is_canceled``, or where fork is
    unavailable, the function runs in this process.

    >>> run_interruptible(sum, [1, 2, 3], is_canceled=lambda: False)
    6
    """
    if is_canceled is None or not can_interrupt():
        return function(*args, **kwargs)
    if is_canceled():
        raise SolveCanceledError()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_run_in_child, args=(sender, function, args, kwargs), daemon=True
    )
    child.start()
    sender.close()  # the parent's copy: recv() then sees EOF if the child dies
    try:
        while not receiver.poll(poll_s):
            if is_canceled():
                child.terminate()
                raise SolveCanceledError()
            if not child.is_alive() and not receiver.poll(0):
                raise RuntimeError(f"the solver process ended with code {child.exitcode}")
        finished, value = receiver.recv()
    finally:
        child.join(1.0)
        receiver.close()
    if not finished:
        raise value
    return value


def map_in_processes(
    function: Callable[[int], Any],
    count: int,
    *,
    workers: int = 1,
    is_canceled: Callable[[], bool] | None = None,
    poll_s: float = POLL_S,
) -> Iterator[tuple[int, Any]]:
    """Yield ``(k, function(k))`` for k in range(count), in the order they finish.

    For work that holds the GIL (scipy's csgraph): ``workers`` forked processes each take the
    next k as they become free, sharing the parent's arrays copy-on-write and sending back
    only the results. Iteration stops, and the processes are terminated, when
    ``is_canceled()`` turns true (seen within ``poll_s``) or the caller stops iterating; a
    worker's exception is raised here. With one worker, or where fork is unavailable
    (Windows), the calls run in this process and ``is_canceled`` is checked between them.
    """
    if workers <= 1 or count <= 1 or not can_interrupt():
        for k in range(count):
            if is_canceled is not None and is_canceled():
                return
            yield k, function(k)
        return
    context = multiprocessing.get_context("fork")
    next_k = context.Value("q", 0)
    receivers, children = [], []
    try:
        for _ in range(min(workers, count)):
            receiver, sender = context.Pipe(duplex=False)
            child = context.Process(
                target=_serve, args=(sender, function, count, next_k), daemon=True
            )
            child.start()
            sender.close()  # the parent's copy: recv() then sees EOF if the child dies
            receivers.append(receiver)
            children.append(child)
        running = list(receivers)
        while running:
            for ready in multiprocessing.connection.wait(running, timeout=poll_s):
                receiver = cast(multiprocessing.connection.Connection, ready)  # one of ours
                try:
                    message = receiver.recv()
                except EOFError:
                    raise RuntimeError("a worker process ended before its results") from None
                if message is None:  # that worker found nothing left to do
                    running.remove(receiver)
                    continue
                finished, k, value = message
                if not finished:
                    raise value
                yield k, value
            if is_canceled is not None and is_canceled():
                return
    finally:
        for child in children:
            if child.is_alive():
                child.terminate()
        for child in children:
            child.join(1.0)
        for receiver in receivers:
            receiver.close()


def _serve(connection, function, count, next_k):
    """A worker of map_in_processes: takes the next k until none is left."""
    try:
        while True:
            with next_k.get_lock():
                k = next_k.value
                next_k.value += 1
            if k >= count:
                break
            try:
                connection.send((True, k, function(k)))
            except BaseException as err:  # sent to the parent, which raises it there
                connection.send((False, k, err))
                break
        connection.send(None)
    finally:
        connection.close()
