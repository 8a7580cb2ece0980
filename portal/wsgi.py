"""The web entry point (gunicorn portal.wsgi). Its queries have a time limit on
PostgreSQL, WEB_STATEMENT_TIMEOUT seconds: a query that runs away ends in an error page
instead of holding a worker thread. Commands and the task worker have none: a migration
or a rebuilt index may take longer.

Once the portal is loaded, what it loaded is set aside from garbage collection
(`gc.freeze`): it lives as long as the process, and a full collection walking it took
30 ms in the middle of a request."""

import gc
import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.db.backends.signals import connection_created

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
application = get_wsgi_application()
gc.freeze()


def limit_statements(sender, connection, **kwargs):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, false)",
                           [f"{settings.WEB_STATEMENT_TIMEOUT}s"])  # fmt: skip


connection_created.connect(limit_statements)
