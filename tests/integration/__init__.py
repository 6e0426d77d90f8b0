"""Tests of Camera Doctor inside Home Assistant."""
