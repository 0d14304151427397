"""Rate limits per client: a token bucket per key, refilled with the clock that is passed in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Bucket:
    tokens: float
    stamp: float


class RateLimiter:
    """`allow(key, now)` is True while `key` stays within `rate` requests a second, with bursts up to
    `burst`. Old keys are forgotten, so a flood of new keys cannot fill the memory."""

    def __init__(self, rate: float, burst: float, max_keys: int = 10_000) -> None:
        self.rate, self.burst, self.max_keys = float(rate), float(burst), max_keys
        self.buckets: dict[object, Bucket] = {}

    def allow(self, key, now: float, cost: float = 1.0) -> bool:
        bucket = self.buckets.get(key)
        if bucket is None:
            if len(self.buckets) >= self.max_keys:
                self._forget(now)
            bucket = self.buckets[key] = Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
        bucket.stamp = now
        if bucket.tokens >= cost:
            bucket.tokens -= cost
            return True
        return False

    def retry_after(self, key, cost: float = 1.0) -> float:
        bucket = self.buckets.get(key)
        if bucket is None or bucket.tokens >= cost:
            return 0.0
        return (cost - bucket.tokens) / self.rate

    def _forget(self, now: float) -> None:
        full = [k for k, b in self.buckets.items() if b.tokens + (now - b.stamp) * self.rate >= self.burst]
        for k in full:
            del self.buckets[k]
        if len(self.buckets) >= self.max_keys:  # still full: drop the oldest half
            for k in sorted(self.buckets, key=lambda k: self.buckets[k].stamp)[: self.max_keys // 2]:
                del self.buckets[k]
