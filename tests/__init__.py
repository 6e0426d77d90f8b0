"""Tests of the Camera Doctor integration."""
