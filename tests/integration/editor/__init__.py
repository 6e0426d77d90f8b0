"""Triggers and condition of the target-first automation editor (newest releases)."""
