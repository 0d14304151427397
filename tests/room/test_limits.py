"""Rate limits: a client gets its burst, then its rate; another client is not affected."""

from hypothesis import given, strategies as st

from game.room.limits import RateLimiter


def test_a_client_gets_its_burst_then_waits_for_the_rate():
    limit = RateLimiter(rate=10, burst=5)
    assert [limit.allow("a", 0.0) for _ in range(7)] == [True] * 5 + [False] * 2
    assert limit.allow("b", 0.0)  # someone else
    assert not limit.allow("a", 0.05) and limit.allow("a", 0.11)


@given(st.lists(st.floats(min_value=0, max_value=0.5), min_size=1, max_size=300))
def test_over_any_stretch_of_time_a_client_never_gets_more_than_burst_plus_rate_times_time(gaps):
    limit = RateLimiter(rate=20, burst=10)
    now, allowed = 0.0, 0
    for gap in gaps:
        now += gap
        allowed += limit.allow("x", now)
    assert allowed <= 10 + 20 * now + 1e-9


def test_a_flood_of_new_keys_does_not_fill_the_memory():
    limit = RateLimiter(rate=1, burst=1, max_keys=100)
    for i in range(1000):
        limit.allow(i, float(i))
    assert len(limit.buckets) <= 100
