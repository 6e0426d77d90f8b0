"""Tests of the pure diagnosis engine (no Home Assistant needed)."""
