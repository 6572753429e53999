"""The STN solver: exact bounds, and contradictions always found and named."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.temporal.network import INF, Network

SIZE_LIMIT = 10  # every point lies within [0, SIZE_LIMIT] of the origin, so brute force is finite


@st.composite
def consistent_networks(draw, max_points: int = 4, max_constraints: int = 6):
    """A network built around a hidden solution, so it is consistent by construction."""
    points = draw(st.integers(1, max_points))
    truth = [0] + [draw(st.integers(0, SIZE_LIMIT)) for _ in range(points)]
    network: Network[str] = Network(points + 1)
    for point in range(1, points + 1):
        network.add(0, point, 0, SIZE_LIMIT, f"domain {point}")
    for index in range(draw(st.integers(0, max_constraints))):
        u, v = draw(st.tuples(st.integers(0, points), st.integers(0, points)).filter(lambda p: p[0] != p[1]))
        actual = truth[v] - truth[u]
        lo = actual - draw(st.integers(0, 4))
        hi = actual + draw(st.integers(0, 4))
        if draw(st.booleans()):
            hi = INF
        network.add(u, v, lo, hi, f"c{index}")
    return network, truth


def brute_force_bounds(network: Network[str]) -> list[tuple[int, int]]:
    """Min and max of every point over all integer solutions in the finite domain."""
    points = network.size - 1
    solutions = []
    for values in itertools.product(range(SIZE_LIMIT + 1), repeat=points):
        assignment = (0, *values)
        if all(c.lo <= assignment[c.target] - assignment[c.source] <= c.hi for c in network.constraints):
            solutions.append(assignment)
    return [(min(s[p] for s in solutions), max(s[p] for s in solutions)) for p in range(network.size)]


@settings(max_examples=150, deadline=None)
@given(consistent_networks())
def test_consistent_networks_solve_without_conflict_and_contain_the_truth(built):
    network, truth = built
    solution = network.solve()
    assert solution.conflicts == ()
    for point, value in enumerate(truth):
        assert solution.lower(point) <= value <= solution.upper(point)


@settings(max_examples=100, deadline=None)
@given(consistent_networks(max_points=3, max_constraints=5))
def test_bounds_equal_brute_force(built):
    network, _ = built
    solution = network.solve()
    expected = brute_force_bounds(network)
    assert [(solution.lower(p), solution.upper(p)) for p in range(network.size)] == expected


@settings(max_examples=100, deadline=None)
@given(consistent_networks(max_points=3, max_constraints=5))
def test_distance_is_the_tightest_entailed_difference(built):
    network, _ = built
    solution = network.solve()
    points = network.size - 1
    solutions = [
        (0, *values)
        for values in itertools.product(range(SIZE_LIMIT + 1), repeat=points)
        if all(c.lo <= (0, *values)[c.target] - (0, *values)[c.source] <= c.hi for c in network.constraints)
    ]
    for u, v in itertools.permutations(range(network.size), 2):
        assert solution.distance(u, v) == max(s[v] - s[u] for s in solutions)


@settings(max_examples=150, deadline=None)
@given(consistent_networks(), st.data())
def test_an_added_contradiction_is_always_detected_and_named(built, data):
    network, _ = built
    solution = network.solve()
    u, v = data.draw(
        st.tuples(st.integers(0, network.size - 1), st.integers(0, network.size - 1)).filter(lambda p: p[0] != p[1])
    )
    most = solution.distance(u, v)  # v − u can be at most this; demand more
    network.add(u, v, most + 1, INF, "the contradiction", strength=-1)
    solved = network.solve()
    assert len(solved.conflicts) == 1
    (conflict,) = solved.conflicts
    assert conflict.dropped.evidence == "the contradiction"
    assert "the contradiction" in [c.evidence for c in conflict.constraints]
    assert [(solved.lower(p), solved.upper(p)) for p in range(network.size)] == [
        (solution.lower(p), solution.upper(p)) for p in range(network.size)
    ]


def test_a_cycle_of_three_names_all_its_constraints_and_drops_the_weakest():
    network: Network[str] = Network(4)
    network.add(1, 2, 1, INF, "a before b", strength=40)
    network.add(2, 3, 1, INF, "b before c", strength=50)
    network.add(3, 1, 1, INF, "c before a", strength=30)
    solution = network.solve()
    (conflict,) = solution.conflicts
    assert {c.evidence for c in conflict.constraints} == {"a before b", "b before c", "c before a"}
    assert conflict.dropped.evidence == "c before a"


def test_reasons_follow_the_chain_of_the_tightest_bound():
    network: Network[str] = Network(3)
    network.add(0, 1, 100, 200, "a in [100, 200]")
    network.add(1, 2, 5, 10, "b 5 to 10 after a")
    solution = network.solve()
    assert (solution.lower(2), solution.upper(2)) == (105, 210)
    assert [c.evidence for c in solution.upper_reasons(2)] == ["a in [100, 200]", "b 5 to 10 after a"]
    assert [c.evidence for c in solution.lower_reasons(2)] == ["a in [100, 200]", "b 5 to 10 after a"]


@settings(max_examples=100, deadline=None)
@given(consistent_networks(max_points=3, max_constraints=5), st.integers(-6, 6))
def test_entailment_queries_agree_with_brute_force(built, bound):
    """The searches that answer "certainly before" (bounded, and all points at once) are exact."""
    network, _ = built
    solution = network.solve()
    points = network.size - 1
    solutions = [
        (0, *values)
        for values in itertools.product(range(SIZE_LIMIT + 1), repeat=points)
        if all(c.lo <= (0, *values)[c.target] - (0, *values)[c.source] <= c.hi for c in network.constraints)
    ]
    for v in range(network.size):
        upto = solution.distances_to(v)
        for u in range(network.size):
            most = max(s[v] - s[u] for s in solutions)
            assert upto[u] == most
            assert solution.entails_at_most(u, v, bound) == (most <= bound)


def test_points_left_unbounded_still_get_a_solution_as_potential():
    """The potential is a solution even for points nothing bounds from above (an event that may go on)."""
    network: Network[str] = Network(5)
    network.add(0, 1, 10, 20, "a")
    network.add(1, 2, 0, INF, "b after a, open")
    network.add(2, 3, 0, INF, "c after b, open")
    network.add(3, 1, -INF, 100, "a at most 100 after c")
    network.add(4, 2, 0, INF, "d before b, open")
    solution = network.solve()
    for potential in (solution.potential, solution.early_potential):
        assert all(abs(p) != INF for p in potential)
        assert all(c.lo <= potential[c.target] - potential[c.source] <= c.hi for c in network.constraints)
    assert solution.entails_at_most(1, 2, INF) and not solution.entails_at_most(1, 2, 1000)
    assert solution.entails_at_most(2, 1, 0)


@st.composite
def networks_with_open_points(draw):
    """Networks with negative bounds and points that only some constraints bound, on one side or none
    (consistent around a hidden solution): the potentials must shift their open points, early and late."""
    points = draw(st.integers(2, 5))
    truth = [0] + [draw(st.integers(-10, 10)) for _ in range(points)]
    network: Network[str] = Network(points + 1)
    for point in range(1, points + 1):
        if draw(st.booleans()):
            network.add(
                0,
                point,
                truth[point] - draw(st.integers(0, 3)),
                truth[point] + draw(st.integers(0, 3)),
                f"domain {point}",
            )
    for index in range(draw(st.integers(1, 7))):
        u, v = draw(st.tuples(st.integers(0, points), st.integers(0, points)).filter(lambda p: p[0] != p[1]))
        actual = truth[v] - truth[u]
        lo = -INF if draw(st.booleans()) else actual - draw(st.integers(0, 4))
        hi = INF if draw(st.booleans()) else actual + draw(st.integers(0, 4))
        if lo != -INF or hi != INF:
            network.add(u, v, lo, hi, f"c{index}")
    return network


def shortest_paths(network: Network[str]) -> list[list[float]]:
    """Floyd–Warshall over the distance graph: ``d[u][v]`` is the tightest entailed bound on ``v − u``."""
    size = network.size
    d = [[0.0 if u == v else INF for v in range(size)] for u in range(size)]
    for c in network.constraints:
        d[c.source][c.target] = min(d[c.source][c.target], c.hi)
        d[c.target][c.source] = min(d[c.target][c.source], -c.lo)
    for k, u, v in itertools.product(range(size), repeat=3):
        d[u][v] = min(d[u][v], d[u][k] + d[k][v])
    return d


@settings(max_examples=300, deadline=None)
@given(networks_with_open_points())
def test_entailment_is_exact_with_negative_bounds_and_open_points(network):
    """Both potentials are solutions even where a point is open below or above and bounds are negative, and
    every entailment query agrees with all-pairs shortest paths (``early_potential`` must shift its open
    points early enough: later, it is no solution and refutes true entailments)."""
    solution = network.solve()
    assert solution.conflicts == ()
    for potential in (solution.potential, solution.early_potential):
        assert all(abs(p) != INF for p in potential)
        assert all(c.lo <= potential[c.target] - potential[c.source] <= c.hi for c in network.constraints)
    d = shortest_paths(network)
    for u, v in itertools.permutations(range(network.size), 2):
        assert solution.distance(u, v) == d[u][v]
        most = d[u][v]
        for bound in (-12, -1, 0, 3) if most == INF else (most - 1, most, most + 1):
            assert solution.entails_at_most(u, v, bound) == (most <= bound), (u, v, bound)
    for v in range(network.size):
        assert solution.distances_to(v) == [d[u][v] for u in range(network.size)]


def test_an_open_point_before_a_bounded_one_by_a_negative_gap_is_entailed_before_it():
    """Point 2 is open below and at least 5 before point 1 (in [10, 20]); point 3 is open on both sides, at
    most 3 after point 2. The early potential must put 2 and 3 early enough for "3 ≤ 1 − 2"."""
    network: Network[str] = Network(4)
    network.add(0, 1, 10, 20, "a in [10, 20]")
    network.add(1, 2, -INF, -5, "b at least 5 before a")
    network.add(2, 3, 0, 3, "c at most 3 after b")
    solution = network.solve()
    assert solution.lower(2) == -INF and solution.upper(2) == 15
    early = solution.early_potential
    assert all(c.lo <= early[c.target] - early[c.source] <= c.hi for c in network.constraints)
    assert solution.entails_at_most(1, 3, -2) and not solution.entails_at_most(1, 3, -3)
    assert solution.entails_at_most(2, 1, INF) and not solution.entails_at_most(3, 1, 1000)


def test_a_point_no_constraint_bounds_has_no_chain_behind_its_open_bound():
    """An explanation's steps walk the chain of a bound; an open bound has none: no links, no reasons (not a
    missing answer), while the bound beside it keeps its chain."""
    network: Network[str] = Network(3)
    network.add(0, 1, 10, 20, "a in [10, 20]")
    network.add(1, 2, 0, INF, "b after a, open")
    solution = network.solve()
    assert solution.upper(2) == INF
    assert solution.upper_links(2) == [] and solution.upper_reasons(2) == [] and solution.upper_evidence(2) == []
    assert solution.lower_links(2) == [(1, 10, "a in [10, 20]"), (2, 10, "b after a, open")]
    assert solution.upper_links(1) == [(1, 20, "a in [10, 20]")]


def test_a_contradiction_the_origin_does_not_reach_is_found_past_a_point_that_leads_nowhere():
    """The search for a cycle walks each point's chain of parents: a chain that ends (at a point nothing
    reached, here the last point) is no cycle, even when it runs through the last point — the contradiction
    between 2 and 3, which nothing ties to the origin, is the one named and set aside."""
    network: Network[str] = Network(5)
    network.add(4, 1, -INF, -1, "a at least 1 before d")
    network.add(2, 3, 1, INF, "c after b")
    network.add(3, 2, 1, INF, "b after c", strength=1)
    solution = network.solve()
    (conflict,) = solution.conflicts
    assert {c.evidence for c in conflict.constraints} == {"c after b", "b after c"}
    assert conflict.dropped.evidence == "c after b"
    assert solution.upper(1) == INF and solution.lower(3) == -INF


def test_a_network_is_at_least_its_origin_and_a_constraint_is_never_empty():
    alone: Network[str] = Network(1)
    assert (alone.solve().lower(0), alone.solve().upper(0)) == (0, 0)
    with pytest.raises(ValueError, match=r"^a network has at least its origin$"):
        Network(0)
    with pytest.raises(ValueError, match=r"^empty constraint: 2 > 1$"):
        alone.add(0, 0, 2, 1, "nothing fits")


def test_a_constraint_given_no_strength_yields_to_one_given_any():
    """Strength 0 unless told: in a contradiction, such a constraint is set aside before one of strength 1,
    even one added after it (among equals the later yields: see the next test)."""
    network: Network[str] = Network(2)
    network.add(0, 1, 5, 5, "at 5, no strength said")
    network.add(0, 1, 7, 7, "at 7, strength 1", strength=1)
    solution = network.solve()
    assert solution.conflicts[0].dropped.evidence == "at 5, no strength said"
    assert (solution.lower(1), solution.upper(1)) == (7, 7)


def test_a_warm_start_resumes_from_the_points_the_added_constraints_leave():
    """Point 2 is bounded (at most 5) by a constraint that leaves only the origin; the constraint added later
    leaves point 2 (and 3): the search resumed from the warm solution must start there, or point 3 keeps
    no bound (and point 2 no lower one)."""
    network: Network[str] = Network(4)
    network.add(0, 2, -INF, 5, "b at most 5")
    network.add(3, 0, -INF, 0, "c at least 0")
    warm = network.solve()
    extended = network.extended()
    extended.add(2, 3, 1, 5, "c 1 to 5 after b")
    solution = extended.solve(warm=warm)
    cold = extended.solve()
    assert (solution.lower(3), solution.upper(3)) == (cold.lower(3), cold.upper(3)) == (0, 10)
    assert (solution.lower(2), solution.upper(2)) == (cold.lower(2), cold.upper(2)) == (-5, 5)


def test_among_equally_strong_contradicting_constraints_the_one_added_last_yields():
    """A report's words are added in its order: of two readings as firm as each other that contradict, the
    later one is set aside and the earlier one holds."""
    network: Network[str] = Network(2)
    network.add(0, 1, 5, 5, "at 5, said first", strength=3)
    network.add(0, 1, 7, 7, "at 7, said later", strength=3)
    solution = network.solve()
    assert solution.conflicts[0].dropped.evidence == "at 7, said later"
    assert (solution.lower(1), solution.upper(1)) == (5, 5)


@settings(max_examples=200, deadline=None)
@given(networks_with_open_points(), st.data())
def test_a_resumed_search_reads_each_points_edges_as_the_whole_graph_has_them(network, data):
    """A warm-started solve makes each point's edges only when its search asks for them: they are the whole
    distance graph's, in both directions, in the same order (the first of equally tight paths is the one
    kept), the very constraints, and without those set aside; a constraint from a point to itself too."""
    from tui.temporal.network import _Edges

    if data.draw(st.booleans()):
        point = data.draw(st.integers(0, network.size - 1))
        network.add(
            point, point, data.draw(st.sampled_from([-INF, 0, -2])), data.draw(st.sampled_from([INF, 0, 3])), "itself"
        )
    count = len(network.constraints)
    dropped = frozenset(data.draw(st.sets(st.integers(0, max(count - 1, 0)), max_size=count)))
    at = network._at_points(dropped)
    for forward in (True, False):
        whole, edges = network._graph(dropped, forward=forward), _Edges(at, forward=forward)
        assert len(edges) == len(whole)
        for point in range(network.size):
            made = edges[point]
            assert made == whole[point]
            assert all(a is b for a, b in zip(made[2::3], whole[point][2::3], strict=True))
            assert edges[point] is made  # made once


def extended_truly(network: Network[str], truth: list[int], data, *, least: int) -> Network[str]:
    """A copy of ``network`` with ``least`` to 4 constraints added, each true of its hidden solution and
    open on a side or not."""
    extended = network.extended()
    for index in range(data.draw(st.integers(least, 4))):
        u, v = data.draw(st.tuples(st.integers(0, network.size - 1), st.integers(0, network.size - 1)))
        actual = truth[v] - truth[u]
        lo = -INF if data.draw(st.booleans()) else actual - data.draw(st.integers(0, 3))
        hi = INF if data.draw(st.booleans()) else actual + data.draw(st.integers(0, 3))
        extended.add(u, v, lo, hi, f"added {index}")
    return extended


@settings(max_examples=200, deadline=None)
@given(consistent_networks(), st.data())
def test_a_warm_start_gives_the_bounds_of_a_fresh_solve(built, data):
    """Constraints added to a solved network (true of its hidden solution, open on a side or not): the solve
    resumed from the first solution, which makes only the edges its search asks for, finds the bounds a
    fresh solve finds."""
    network, truth = built
    warm = network.solve()
    extended = extended_truly(network, truth, data, least=1)
    resumed, fresh = extended.solve(warm=warm), extended.solve()
    assert not resumed.conflicts and not fresh.conflicts
    for point in range(network.size):
        assert (resumed.lower(point), resumed.upper(point)) == (fresh.lower(point), fresh.upper(point))


def _chain_nodes(solution, lower: bool, point: int) -> list[tuple[int, object, int, float]]:
    """Every point along the chain that ends at ``point``: its last constraint, the point before and its
    bound, walked one point at a time (the naive reading :class:`SameChains` must agree with)."""
    paths = solution._lower if lower else solution._upper
    nodes, seen = [], set()
    while point != -1 and point not in seen:
        seen.add(point)
        nodes.append((point, paths.via[point], paths.parent[point], paths.distance[point]))
        point = paths.parent[point]
    return nodes


def _same_walked(mine, theirs, lower: bool, point: int) -> bool:
    a, b = _chain_nodes(mine, lower, point), _chain_nodes(theirs, lower, point)
    return len(a) == len(b) and all(
        x[0] == y[0] and x[1] is y[1] and x[2] == y[2] and x[3] == y[3] for x, y in zip(a, b, strict=True)
    )


@settings(max_examples=200, deadline=None)
@given(consistent_networks(), st.data())
def test_same_chains_are_those_a_walk_of_both_chains_finds_equal(built, data):
    """Whether a point's chain is the same in a solution and another: the bulk reading agrees with walking
    both chains point by point, for a solve resumed from the other (most chains kept), for a fresh solve of
    the extended network (no constraint object shared where the warm one was not reused) and for a solution
    against itself."""
    from tui.temporal.network import SameChains

    network, truth = built
    warm = network.solve()
    extended = extended_truly(network, truth, data, least=0)
    for mine in (extended.solve(warm=warm), extended.solve(), warm):
        for lower in (True, False):
            same = SameChains(mine, warm, lower=lower)
            for point in range(network.size):
                assert same(point) == _same_walked(mine, warm, lower, point), (lower, point)


def test_a_chain_that_runs_through_a_changed_point_is_not_the_same():
    """A point whose own last link and bound are unchanged still has another chain when a point before it
    does: the bulk reading follows the tree down from the points that changed."""
    from tui.temporal.network import SameChains

    network: Network[str] = Network(3)
    network.add(0, 1, 0, 10, "a within 10")
    network.add(1, 2, 2, 2, "b 2 after a")
    warm = network.solve()
    extended = network.extended()
    extended.add(0, 1, 0, 4, "a within 4")
    resumed = extended.solve(warm=warm)
    upper = SameChains(resumed, warm, lower=False)
    assert not upper(1) and not upper(2)  # a's bound is tighter, and b's chain runs through a
    assert upper(0)
    lower = SameChains(resumed, warm, lower=True)
    assert lower(1) and lower(2)  # the lower bounds keep their chains


def test_chains_of_another_networks_solution_are_not_the_same_even_where_they_read_alike():
    """Two networks built alike have chains that read alike but are not the same constraints: only the
    origin's (no constraint) is in common."""
    from tui.temporal.network import SameChains

    def built() -> Network[str]:
        network: Network[str] = Network(3)
        network.add(0, 1, 0, 10, "a within 10")
        network.add(1, 2, 2, 2, "b 2 after a")
        return network

    mine, theirs = built().solve(), built().solve()
    for lower in (True, False):
        same = SameChains(mine, theirs, lower=lower)
        assert [same(point) for point in range(3)] == [True, False, False]


def test_a_chain_below_a_point_reached_another_way_as_tightly_is_not_the_same():
    """A fresh solve may reach a point as tightly by another constraint: the point after it keeps its own
    last link and bound, yet its chain runs through the other constraint, so it is not the same chain."""
    from tui.temporal.network import SameChains

    network: Network[str] = Network(4)
    network.add(0, 2, -INF, 3, "b at most 3")
    network.add(2, 1, -INF, 2, "a at most 2 after b")
    network.add(1, 3, -INF, 1, "c at most 1 after a")
    warm = network.solve()
    extended = network.extended()
    extended.add(0, 1, -INF, 5, "a at most 5")
    fresh = extended.solve()
    assert fresh.upper(1) == warm.upper(1) == 5 and fresh.upper(3) == warm.upper(3) == 6
    assert fresh.upper_evidence(1) != warm.upper_evidence(1)  # reached another way
    same = SameChains(fresh, warm, lower=False)
    assert [same(point) for point in range(4)] == [True, False, True, False]
