"""Implementations of the case system, each registered under a name (demo, http)."""
