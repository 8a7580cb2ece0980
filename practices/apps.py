from django.apps import AppConfig
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models import Q
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def add_fold_function(sender, connection, **kwargs):
    """SQLite's search compares texts folded to lower case without accents."""
    if connection.vendor == "sqlite":
        from .search import fold

        connection.connection.create_function("portal_fold", -1, fold, deterministic=True)


def analyze_sqlite(sender, using, **kwargs):
    """SQLite plans queries with the statistics only ANALYZE gathers: without them it
    finds the newest change of the catalogue (portal.version, every cached page) by
    reading every practice, 100 ms at 10,000, instead of its partial index. Each
    migrate (each deployment) gathers them afresh."""
    if connections[using].vendor == "sqlite":
        with connections[using].cursor() as cursor:
            cursor.execute("ANALYZE")


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Inspiring practices")

    def ready(self):
        from portal import desk, version

        from . import desk as practices_desk
        from .models import PUBLIC_STATUSES, Practice

        desk.register(practices_desk.items)
        connection_created.connect(add_fold_function)
        post_migrate.connect(analyze_sqlite, sender=self)
        # Readers see published practices, and no longer see those just archived.
        version.register(Practice, public=Q(status__in=PUBLIC_STATUSES))
