"""Implementations of the `adressen` connector: `demo` and `pdok`."""
