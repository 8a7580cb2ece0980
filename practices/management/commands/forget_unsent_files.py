"""Delete the files attached on share forms that were never sent (practices.drafts)."""

from django.core.management.base import BaseCommand

from practices.drafts import forget_unsent


class Command(BaseCommand):
    help = "Delete the files of share forms never sent, once their session has expired."

    def handle(self, *args, **options):
        self.stdout.write(f"{forget_unsent()} files deleted.")
