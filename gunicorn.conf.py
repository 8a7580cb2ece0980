"""gunicorn's settings, from the environment: `uv run gunicorn` in the project folder
serves the portal (see docs/deployment.md)."""

import os

from portal.env import env_int  # a number that is not one stops the start, named

wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = env_int("GUNICORN_WORKERS", 2)
threads = env_int("GUNICORN_THREADS", 2)
timeout = 30
graceful_timeout = 20
# A worker is replaced after this many requests: memory stays flat over weeks. Not too
# often: a new worker loads the portal and warms up while the other one waits.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = max_requests // 10
accesslog = "-"
errorlog = "-"
logger_class = "portal.logs.GunicornLogger"  # keeps private links out of the access log
# The proxy in front whose X-Forwarded-* headers gunicorn believes.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
