"""The backend benchmark (bench/search_backends.py) times its fast set-ups taking turns, query
by query, so that the machine's drift over a run does not land on one of them."""

from bench.search_backends import REPEATS, interleaved


def test_set_ups_take_turns_on_each_query_and_get_one_median_per_query():
    calls = []
    actions = {
        name: [lambda name=name, n=n: calls.append((name, n)) for n in range(2)]
        for name in ("raw", "ours")
    }

    times = interleaved(actions)

    warm_up = [("raw", 0), ("raw", 1), ("ours", 0), ("ours", 1)]
    timed = [(name, n) for n in range(2) for _ in range(REPEATS) for name in ("raw", "ours")]
    assert calls == warm_up + timed
    assert {name: len(values) for name, (values, _stopped) in times.items()} == {
        "raw": 2,
        "ours": 2,
    }
    assert all(t >= 0 for values, _stopped in times.values() for t in values)
