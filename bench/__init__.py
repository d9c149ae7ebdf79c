"""Benchmarks: scripts that print tables. Not part of the test run."""
