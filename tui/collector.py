"""Python's cyclic garbage collector, held off while newsline builds or writes a whole report.

Loading, resolving and writing a timeline make millions of small objects, none of them in a reference cycle
(reference counting frees each when its last user lets go of it). Yet every 700 allocations set off a
collection, and the older generations' collections scan everything still alive: at 100 000 events, writing
``timeline --json`` set off 1 400 collections, 10 of them over the whole heap, for a fifth of its time, and
freed nothing. So the collector is held off for such work (:func:`paused`) and turned back on after it.

No import beyond the standard library: the model's loader uses it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(*, freeze: bool = False) -> Iterator[None]:
    """Hold the collector off for the ``with`` block, then turn it back on if it was on (a block inside
    another leaves it off: the outer one turns it on). With ``freeze``, what exists by then is moved out of
    the collector's sight for good (``gc.freeze``): the first collection after a large build would otherwise
    rescan every object it made (0.4–2 s at 100 000 events)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()
