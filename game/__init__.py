"""Breder Belang Boost: a career-guidance card game about personal fit (zin) and social fit (zinvol)."""

__version__ = "0.1.0"
