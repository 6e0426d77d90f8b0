"""Reliability: bad input, outages, restarts, reloads, flapping, clock, privacy."""
