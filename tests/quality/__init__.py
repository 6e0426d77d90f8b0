"""Checks of the package metadata, translations and code quality rules."""
