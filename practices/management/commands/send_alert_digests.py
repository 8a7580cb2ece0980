from django.core.management.base import BaseCommand

from practices import alerts
from practices.models import Frequency


class Command(BaseCommand):
    help = (
        "Queue the weekly e-mail alerts that are due (run it from a weekly timer; run twice, "
        "it sends nothing twice). The task worker sends them."
    )

    def handle(self, **options):
        count = alerts.send_due(Frequency.WEEKLY)
        self.stdout.write(f"{count} weekly alert(s) queued.")
