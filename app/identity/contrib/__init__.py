"""Implementations of the login broker, each registered under a name."""
