"""Loket for the benchmarks: the development set-up without rate limits (wrk would hit them),
word lists loaded. Works for older checkouts too (PYTHONPATH decides which code is measured)."""

from app import create_app
from app.config import DevelopmentConfig


class BenchConfig(DevelopmentConfig):
    RATELIMIT_ENABLED = False


app = create_app(BenchConfig)
try:
    from app.readability.data import warm_up

    warm_up()
except ImportError:  # an older checkout
    pass
