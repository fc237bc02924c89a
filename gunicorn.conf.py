"""gunicorn in production: `gunicorn -c gunicorn.conf.py app.wsgi:app`, behind a buffering
proxy (deploy/nginx.conf): gunicorn's sync workers must not talk to slow clients themselves."""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
worker_class = "sync"
# Load the app (content, search index, word lists) once in the master; workers share it.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") == "1"  # 0 only to measure the difference
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 5000  # a slow leak cannot grow without end
max_requests_jitter = 500
limit_request_line = 8190
limit_request_fields = 100
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
access_log_format = "%(m)s %(U)s %(s)s %(b)s %(M)sms"
