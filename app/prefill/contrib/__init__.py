"""Implementations of the register sources, each registered under a name (demo, http)."""
