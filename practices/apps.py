from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def add_fold_function(sender, connection, **kwargs):
    """SQLite's search compares texts folded to lower case without accents."""
    if connection.vendor == "sqlite":
        from .search import fold

        connection.connection.create_function("portal_fold", -1, fold, deterministic=True)


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Inspiring practices")

    def ready(self):
        from portal import version

        from .models import PUBLIC_STATUSES, Practice

        connection_created.connect(add_fold_function)
        # Readers see published practices, and no longer see those just archived.
        version.register(Practice, public=Q(status__in=PUBLIC_STATUSES))
