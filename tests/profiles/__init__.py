"""Tests of the brand profiles (plain values, no Home Assistant)."""
