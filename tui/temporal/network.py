"""A Simple Temporal Network (Dechter, Meiri & Pearl, 1991), solved exactly by shortest paths.

Nodes are time points; a constraint ``lo ≤ v − u ≤ hi`` is the pair of edges ``u → v`` (weight ``hi``) and
``v → u`` (weight ``−lo``) of the distance graph. Node 0 is the origin: the tightest bounds of every point
are ``−d(x → 0) ≤ x ≤ d(0 → x)``, found by two single-source shortest-path runs (queue-based Bellman–Ford,
near-linear on the sparse networks reports make). The network is consistent iff the distance graph has no
negative cycle; a cycle is a contradiction between the constraints on it, reported with their evidence,
and set aside by dropping its weakest constraint so that everything else still resolves.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable
from functools import cached_property
from heapq import heappop, heappush
from itertools import compress
from operator import is_not, ne
from typing import Any, Generic, NamedTuple, TypeVar

from msgspec import Struct

INF = float("inf")
E = TypeVar("E")  # what a constraint carries as its evidence


class Constraint(NamedTuple, Generic[E]):
    """``lo ≤ target − source ≤ hi``; ``strength`` decides which constraint yields in a contradiction.

    A named tuple: networks of 100k events hold over half a million of them.
    """

    source: int
    target: int
    lo: float
    hi: float
    evidence: E
    strength: int = 0


# A constraint as the network stores it: (source, target, lo, hi, evidence, strength).
_Stored = tuple[int, int, float, float, E, int]


class Conflict(Struct, Generic[E], frozen=True):
    """Constraints that cannot all hold, and the one set aside to resolve the rest."""

    constraints: tuple[Constraint[E], ...]
    dropped: Constraint[E]


# The distance graph, one list per node of its edges out, flat: target node, weight, the constraint
# (its stored tuple: no new object per edge), then the next edge's three. Half the memory of a tuple per
# edge (100k events make two million edges), and as fast to read: ``it = iter(edges); for v, w, c in
# zip(it, it, it)``, whose tuple zip reuses.
_Graph = list[list[Any]]


class Network(Generic[E]):
    """Time points ``0 … size−1`` (0 is the origin) and the constraints between them."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a network has at least its origin")
        self.size = size
        # Plain tuples (source, target, lo, hi, evidence, strength): building half a million named
        # tuples costs more than the rest of the build; they are wrapped only when shown.
        self._constraints: list[_Stored[E]] = []

    def add(self, source: int, target: int, lo: float, hi: float, evidence: E, strength: int = 0) -> None:
        if lo > hi:
            raise ValueError(f"empty constraint: {lo} > {hi}")
        self._constraints.append((source, target, lo, hi, evidence, strength))

    @property
    def constraints(self) -> list[Constraint[E]]:
        return [Constraint._make(c) for c in self._constraints]

    def constraint(self, index: int) -> Constraint[E]:
        return Constraint._make(self._constraints[index])

    def extended(self) -> Network[E]:
        """A copy of this network to add constraints to; it keeps every constraint's index, so a solution of
        this network can warm-start the copy's (see :meth:`solve`)."""
        copy: Network[E] = Network(self.size)
        copy._constraints = list(self._constraints)
        return copy

    def solve(self, warm: Solution[E] | None = None) -> Solution[E]:
        """Tightest bounds of every point against the origin, after setting aside contradictions.

        ``warm`` is a solution of this network before constraints were added to it, or of the network this
        one was :meth:`extended` from. Adding constraints only
        tightens bounds, so its distances are a valid start: the search resumes from the points the added
        constraints leave, and costs about what the added constraints change, not a whole new solve. What
        ``warm`` set aside stays aside; a contradiction among the added constraints sets aside the weakest
        of them the same way, and the search resumes from ``warm`` again.
        """
        base = warm.count if warm is not None else 0
        dropped: frozenset[int] = warm._dropped if warm is not None else frozenset()
        conflicts: list[Conflict[E]] = list(warm.conflicts) if warm is not None else []
        while True:
            # One direction of the distance graph at a time: the graphs are the largest thing a solve builds. A
            # search resumed from a solution visits few points: it makes only their edges, as it asks for them.
            at = self._at_points(dropped) if warm is not None else None
            forward: _Graph | _Edges = self._graph(dropped, forward=True) if at is None else _Edges(at, forward=True)
            if warm is None:
                upper = _shortest_paths(self.size, forward)
            else:
                upper = _shortest_paths(self.size, forward, start=warm._upper, seeds=self._tails(dropped, base, True))
            if isinstance(upper, _Paths):
                # A cycle is reached from the origin whole or not at all: look among the points it missed.
                missed = [point for point, d in enumerate(upper.distance) if d == INF]
                unreached = _shortest_paths(self.size, forward, missed) if missed else upper
                upper = unreached if isinstance(unreached, _Cycle) else upper
            del forward
            if not isinstance(upper, _Paths):
                lower: _Paths | _Cycle = upper
            elif warm is None:
                lower = _shortest_paths(self.size, self._graph(dropped, forward=False))
            else:
                assert at is not None
                seeds = self._tails(dropped, base, False)
                lower = _shortest_paths(self.size, _Edges(at, forward=False), start=warm._lower, seeds=seeds)
            del at
            cycle = upper if isinstance(upper, _Cycle) else lower if isinstance(lower, _Cycle) else None
            if cycle is None:
                assert isinstance(upper, _Paths) and isinstance(lower, _Paths)
                return Solution(self, upper, lower, tuple(conflicts), dropped)
            involved = list(dict.fromkeys(self._indices(cycle.constraints)))
            weakest = min(involved, key=lambda i: (self._constraints[i][5], -i))
            conflicts.append(Conflict(tuple(self.constraint(i) for i in involved), self.constraint(weakest)))
            dropped = dropped | {weakest}
            if warm is not None and weakest < base:
                # The weakest is older than the warm solution, whose distances rest on it: they are no valid
                # start any more, so the search starts afresh (what was set aside stays aside).
                warm, base = None, 0

    def _indices(self, constraints: list[_Stored[E]]) -> list[int]:
        """The indices of stored constraints (of a cycle: rare, so a pass over the network is fine)."""
        index_of = {id(constraint): index for index, constraint in enumerate(self._constraints)}
        return [index_of[id(constraint)] for constraint in constraints]

    def _tails(self, dropped: frozenset[int], base: int, forward: bool) -> list[int]:
        """The points whose edges, among the constraints added since index ``base``, leave them in the
        distance graph (``forward``) or its reverse: where a warm-started search must resume."""
        tails: set[int] = set()
        constraints = self._constraints
        for index in range(base, len(constraints)):
            if index in dropped:
                continue
            source, target, lo, hi, _, _ = constraints[index]
            if hi != INF:
                tails.add(source if forward else target)
            if lo != -INF:
                tails.add(target if forward else source)
        return sorted(tails)

    def _at_points(self, dropped: frozenset[int]) -> list[list[_Stored[E]]]:
        """The constraints at each point (either end), in the order they were added, without those set aside:
        what :class:`_Edges` makes a point's edges from. A third of the work of one distance graph."""
        at: list[list[_Stored[E]]] = [[] for _ in range(self.size)]
        kept = self._constraints
        if dropped:
            kept = [constraint for index, constraint in enumerate(kept) if index not in dropped]
        for constraint in kept:
            source, target, _, _, _, _ = constraint
            at[source].append(constraint)
            if target != source:
                at[target].append(constraint)
        return at

    def _graph(self, dropped: frozenset[int], *, forward: bool) -> _Graph:
        """The distance graph (``forward``) or its reverse, without the constraints set aside."""
        graph: _Graph = [[] for _ in range(self.size)]
        kept = self._constraints
        if dropped:
            kept = [constraint for index, constraint in enumerate(kept) if index not in dropped]
        for constraint in kept:
            source, target, lo, hi, _, _ = constraint
            if not forward:
                source, target = target, source
            if hi != INF:
                edges = graph[source]
                edges.append(target)
                edges.append(hi)
                edges.append(constraint)
            if lo != -INF:
                edges = graph[target]
                edges.append(source)
                edges.append(-lo)
                edges.append(constraint)
        return graph


class _Edges:
    """The distance graph (``forward``) or its reverse as :meth:`Network._graph` makes it, point by point: each
    point's edges, in the same order, made from the constraints at it when a search first asks for them."""

    __slots__ = ("_at", "_forward", "_made")

    def __init__(self, at: list[list[_Stored[Any]]], *, forward: bool) -> None:
        self._at = at
        self._forward = forward
        self._made: list[list[Any] | None] = [None] * len(at)

    def __len__(self) -> int:
        return len(self._at)

    def __getitem__(self, point: int) -> list[Any]:
        made = self._made[point]
        if made is None:
            made = self._made[point] = []
            forward = self._forward
            for constraint in self._at[point]:
                source, target, lo, hi, _, _ = constraint
                if not forward:
                    source, target = target, source
                if source == point and hi != INF:  # as _graph: the upper bound's edge, then the lower's
                    made.append(target)
                    made.append(hi)
                    made.append(constraint)
                if target == point and lo != -INF:
                    made.append(source)
                    made.append(-lo)
                    made.append(constraint)
        return made


class _Paths(Struct, frozen=True):
    """Shortest paths from the origin, as machine arrays: a solution keeps two of these per layer, and a
    list holds a boxed number per point (32–36 bytes) where an array holds 8."""

    distance: array[float]
    via: list[_Stored[Any] | None]  # the constraint on the last edge of the shortest path
    parent: array[int]


class _Cycle(Struct, frozen=True):
    constraints: list[_Stored[Any]]


def _shortest_paths(
    size: int,
    graph: _Graph | _Edges,
    sources: list[int] | None = None,
    *,
    start: _Paths | None = None,
    seeds: list[int] | None = None,
) -> _Paths | _Cycle:
    """Shortest paths from node 0 (or from each of ``sources`` at distance 0), or a negative cycle.

    Queue-based Bellman–Ford: a point is searched again only when its distance improved. Without a
    negative cycle it stops by itself; with one it would run forever, so whenever the work done passes
    a budget that doubles each time, the parent pointers are checked for a cycle (in Bellman–Ford any
    cycle among them is negative). The checks cost O(size) each and add up to a constant factor.

    With ``start`` (shortest paths of a graph this one only adds edges to) the search resumes from those
    distances, from the ``seeds``: the points the added edges leave.
    """
    queued = bytearray(size)
    # The distances are read in the hot loop, so they are a list (an array would box each one read); the
    # parents too, while the search writes them (a list takes an int faster than an array), then an array.
    if start is not None:
        distance = list(start.distance)
        via, parent = list(start.via), start.parent.tolist()
        sources = [seed for seed in seeds or () if distance[seed] != INF]
    else:
        sources = [0] if sources is None else sources
        distance = [INF] * size
        via = [None] * size
        parent = [-1] * size
        for source in sources:
            distance[source] = 0
    for source in sources:
        queued[source] = True
    queue = deque(sources)
    popleft, append = queue.popleft, queue.append
    pops, budget = 0, 4 * size + 64
    while queue:
        u = popleft()
        queued[u] = False
        pops += 1
        if pops > budget:
            cycle = _parent_cycle(parent, via)
            if cycle is not None:
                return cycle
            budget *= 2
        du = distance[u]
        edges = iter(graph[u])
        # Triples by construction: zip's strict keyword would only be parsed again at every point popped.
        for v, weight, constraint in zip(edges, edges, edges):  # noqa: B905
            candidate = du + weight
            if candidate < distance[v]:
                distance[v] = candidate
                via[v] = constraint
                parent[v] = u
                if not queued[v]:
                    queued[v] = True
                    append(v)
    return _Paths(array("d", distance), via, array("q", parent))


def _parent_cycle(parent: list[int] | array[int], via: list[_Stored[Any] | None]) -> _Cycle | None:
    """A cycle among the parent pointers, as the constraints on its edges, if there is one."""
    state = [0] * len(parent)  # 0: not seen, 1: on the current walk, 2: known to lead to no cycle
    for start in range(len(parent)):
        node = start
        while node != -1 and state[node] == 0:
            state[node] = 1
            node = parent[node]
        if node != -1 and state[node] == 1:  # the walk came back onto itself
            cycle, first = [], node
            while True:
                cycle.append(via[node])
                node = parent[node]
                if node == first:
                    return _Cycle(cycle)
        node = start
        while node != -1 and state[node] == 1:
            state[node] = 2
            node = parent[node]
    return None


class Solution(Generic[E]):
    """The solved network: bounds of every point against the origin and the constraints behind them."""

    def __init__(
        self,
        network: Network[E],
        upper: _Paths,
        lower: _Paths,
        conflicts: tuple[Conflict[E], ...],
        dropped: frozenset[int],
    ) -> None:
        self.network = network
        self.count = len(network._constraints)  # how many constraints the network had when solved
        self._upper = upper
        self._lower = lower
        self.conflicts = conflicts
        self._dropped = dropped  # the indices of the constraints set aside
        self._from: dict[int, list[float]] = {}

    def upper(self, point: int) -> float:
        """The latest the point can be, against the origin (``inf`` when unbounded)."""
        return self._upper.distance[point]

    def lower(self, point: int) -> float:
        """The earliest the point can be, against the origin (``-inf`` when unbounded)."""
        return -self._lower.distance[point]

    def bounds(self) -> tuple[array[float], array[float]]:
        """Every point's upper bound, and the negated lower bounds (``-lower``), as lists by point."""
        return self._upper.distance, self._lower.distance

    def tree(self, lower: bool) -> tuple[list[_Stored[E] | None], array[int]]:
        """The shortest-path tree behind the lower bounds (or the upper ones): for every point, the stored
        constraint on the last edge of its chain (None where no constraint bounds it) and the point before."""
        paths = self._lower if lower else self._upper
        return paths.via, paths.parent

    def upper_reasons(self, point: int) -> list[Constraint[E]]:
        """The constraints whose chain yields the point's upper bound, from the origin outwards."""
        return self._chain(self._upper, point)[::-1]

    def lower_reasons(self, point: int) -> list[Constraint[E]]:
        """The constraints whose chain yields the point's lower bound, from the origin outwards."""
        return self._chain(self._lower, point)[::-1]

    def upper_evidence(self, point: int) -> list[E]:
        """The evidence of :meth:`upper_reasons`, in the same order (without building the constraints)."""
        return [stored[4] for stored in reversed(self._stored_chain(self._upper, point))]

    def lower_evidence(self, point: int) -> list[E]:
        """The evidence of :meth:`lower_reasons`, in the same order."""
        return [stored[4] for stored in reversed(self._stored_chain(self._lower, point))]

    def upper_links(self, point: int) -> list[tuple[int, float, E]]:
        """The chain of :meth:`upper_reasons` as the points it runs through, from the origin outwards: each
        point, its own upper bound, and the evidence of the constraint that sets it."""
        return self._links(self._upper, point, 1.0)

    def lower_links(self, point: int) -> list[tuple[int, float, E]]:
        """The same for the lower bound: each point with its own lower bound."""
        return self._links(self._lower, point, -1.0)

    @staticmethod
    def _links(paths: _Paths, point: int, sign: float) -> list[tuple[int, float, E]]:
        links = []
        node = point
        via, parent, distance = paths.via, paths.parent, paths.distance
        while node > 0:
            stored = via[node]
            if stored is None:
                break
            links.append((node, sign * distance[node], stored[4]))
            node = parent[node]
        return links[::-1]

    def _chain(self, paths: _Paths, point: int) -> list[Constraint[E]]:
        return [Constraint._make(stored) for stored in self._stored_chain(paths, point)]

    @staticmethod
    def _stored_chain(paths: _Paths, point: int) -> list[_Stored[E]]:
        chain = []
        node = point
        via, parent = paths.via, paths.parent
        while node > 0:
            stored = via[node]
            if stored is None:
                break
            chain.append(stored)
            node = parent[node]
        return chain

    @cached_property
    def _graph(self) -> _Graph:
        """The distance graph of the constraints kept, built once for every query."""
        return self.network._graph(self._dropped, forward=True)

    @cached_property
    def potential(self) -> array[float] | list[float]:
        """One solution of the network, finite at every point: a potential that makes every edge's reduced
        weight ``w + p(u) − p(v)`` non-negative, so queries can run Dijkstra (Johnson's reweighting).

        It is the latest-times solution (every point at its upper bound) where that is finite. The points it
        leaves unbounded have edges in only from each other (an edge from a bounded point would bound them),
        so they get a solution of their own part of the network, shifted late enough to respect their edges
        out to the bounded points.
        """
        upper = self._upper.distance
        unbounded = [point for point, d in enumerate(upper) if d == INF]
        if not unbounded:
            return upper
        graph = self._graph
        own = self._solution_among(unbounded, graph)
        shift = max(
            (upper[v] - weight - own[u] for u in unbounded for v, weight, _ in _edges(graph[u]) if upper[v] != INF),
            default=0.0,
        )
        potential = list(upper)
        for u in unbounded:
            potential[u] = own[u] + max(shift, 0.0)
        return potential

    @cached_property
    def early_potential(self) -> array[float] | list[float]:
        """The same from the earliest-times solution: the points it leaves unbounded below reach no bounded
        point, so their own solution is shifted early enough for the edges into them."""
        lower = [-d for d in self._lower.distance]
        unbounded = [point for point, d in enumerate(lower) if d == -INF]
        if not unbounded:
            return lower
        own = self._solution_among(unbounded, self._graph)
        open_points = set(unbounded)
        shift = min(
            (
                lower[u] + weight - own[v]
                for u, edges in enumerate(self._graph)
                if lower[u] != -INF
                for v, weight, _ in _edges(edges)
                if v in open_points
            ),
            default=0.0,
        )
        potential = list(lower)
        for u in unbounded:
            potential[u] = own[u] + min(shift, 0.0)
        return potential

    @staticmethod
    def _solution_among(points: list[int], graph: _Graph) -> array[float]:
        """A solution of the part of the network among ``points`` (Johnson's: every point a source at 0)."""
        inside = set(points)
        inner: _Graph = [[] for _ in graph]
        for u in points:
            inner[u] = [part for edge in _edges(graph[u]) if edge[0] in inside for part in edge]
        own = _shortest_paths(len(graph), inner, points)
        assert isinstance(own, _Paths), "a consistent network has no negative cycle"
        return own.distance

    def entails_at_most(self, source: int, target: int, bound: float) -> bool:
        """Whether ``target − source ≤ bound`` holds in every solution (exact).

        A Dijkstra search over reduced weights that stops as soon as a path to the target within the bound
        is found or every path left is longer than the bound allows: it visits only the points whose slack
        against the potential is below the bound's, a few for the orderings a report states, instead of the
        whole network. Each
        potential is itself a solution, so a query either refutes costs nothing.
        """
        if bound == INF:
            return True
        # Of the two solutions, the one closer to refuting the query leaves the least slack to search.
        late, early = self.potential, self.early_potential
        late_limit = bound + late[source] - late[target]
        early_limit = bound + early[source] - early[target]
        if late_limit < 0 or early_limit < 0:
            return False
        potential, limit = (late, late_limit) if late_limit <= early_limit else (early, early_limit)
        if source == target:
            return True
        graph = self._graph
        best = {source: 0.0}
        heap = [(0.0, source)]
        while heap:
            key, u = heappop(heap)
            if key > best[u]:
                continue
            base = key + potential[u]
            edges = iter(graph[u])
            for v, weight, _ in zip(edges, edges, edges, strict=False):
                candidate = base + weight - potential[v]
                if candidate <= limit and candidate < best.get(v, INF):
                    if v == target:
                        return True  # any path within the bound proves it, the shortest is not needed
                    best[v] = candidate
                    heappush(heap, (candidate, v))
        return False

    def distance(self, source: int, target: int) -> float:
        """The tightest upper bound on ``target − source`` the network entails (exact, one search per source)."""
        if source not in self._from:
            self._from.clear()  # one source at a time: a full table of distances is quadratic
            self._from[source] = self._distances_from(source)
        return self._from[source][target]

    def distances_to(self, target: int) -> list[float]:
        """For every point ``x``, the tightest upper bound on ``target − x`` the network entails (one search)."""
        return self._distances_from(target, self._reverse)

    @cached_property
    def _reverse(self) -> _Graph:
        return self.network._graph(self._dropped, forward=False)

    def _distances_from(self, source: int, graph: _Graph | None = None) -> list[float]:
        """Dijkstra over reduced weights; on the reverse graph an edge's reduced weight is the same with
        the potentials swapped, hence the sign that follows the direction."""
        potential = self.potential
        sign = 1.0 if graph is None else -1.0
        graph = self._graph if graph is None else graph
        reduced = [INF] * len(graph)
        reduced[source] = 0.0
        heap = [(0.0, source)]
        while heap:
            key, u = heappop(heap)
            if key > reduced[u]:
                continue
            base = key + sign * potential[u]
            edges = iter(graph[u])
            for v, weight, _ in zip(edges, edges, edges, strict=False):
                candidate = base + weight - sign * potential[v]
                if candidate < reduced[v]:
                    reduced[v] = candidate
                    heappush(heap, (candidate, v))
        return [d - sign * (potential[source] - potential[v]) if d != INF else INF for v, d in enumerate(reduced)]


class SameChains:
    """Which points' chains one solution has in common with another, on one side (the lower bounds or the
    upper). A point's chain is its path in the shortest-path tree behind its bound; it is in common where every
    point along it has the same last constraint (the very stored constraint, which names the point before it)
    and the same bound in both solutions. A solution warm-started from another (the likely layer from the certain
    one) keeps the chains of every point its search did not improve, which is most of them: whatever is
    worked out from a chain of one is then that of the other.

    Found for every point at once, without a walk of any chain: the points whose own last link or bound
    differs, compared a whole array at a time, then every point whose chain runs through one of those. In a
    warm-started search that second set adds nothing (improving a point improves every point its tree hangs
    below it, through links its bound is tight on), which one pass over the parents confirms."""

    __slots__ = ("_differ",)

    def __init__(self, mine: Solution[Any], theirs: Solution[Any], *, lower: bool) -> None:
        paths, other = (mine._lower, theirs._lower) if lower else (mine._upper, theirs._upper)
        parent = paths.parent
        points = range(len(parent))
        differ = set(compress(points, map(is_not, paths.via, other.via)))
        differ.update(compress(points, map(ne, paths.distance, other.distance)))
        if differ:
            below = set(compress(points, map(differ.__contains__, parent))) - differ
            if below:  # not warm-started from it, or bounds equal only by rounding: follow the tree down
                children: dict[int, list[int]] = {}
                for point, before in enumerate(parent):
                    children.setdefault(before, []).append(point)
                while below:
                    differ |= below
                    below = {child for point in below for child in children.get(point, ()) if child not in differ}
        self._differ = differ

    def __call__(self, point: int) -> bool:
        """Whether the chain that ends at ``point`` is the same in both solutions."""
        return point not in self._differ


def _edges(flat: list[float]) -> Iterable[tuple[int, float, int]]:
    """The edges of one node's flat list, as (target, weight, constraint) triples."""
    edges = iter(flat)
    return zip(edges, edges, edges, strict=False)  # type: ignore[arg-type]
