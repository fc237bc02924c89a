"""Implementations of the payment provider, each registered under a name."""
