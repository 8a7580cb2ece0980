import subprocess
import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from practices.demo_files import add_demo_files
from practices.editors import ensure_editors_group
from practices.models import Practice, Recommendation
from trainings.models import TrainingProgramme

FIXTURES = [
    "fixtures/vocabulary.json",
    "fixtures/recommendations.json",
    "fixtures/practices_hasselt_lidkoping.json",
    "fixtures/practices_mechelen.json",
    "fixtures/trainings.json",
]
EDITOR_USERNAME = "editor"
EDITOR_PASSWORD = "demo-editor"
EDITOR_EMAIL = "editor@example.org"


def load_demo_catalogue():
    """Load the fixtures, then index them (loaddata saves rows without Practice.save()),
    and draw the demo's documents and images."""
    call_command("loaddata", *(settings.BASE_DIR / name for name in FIXTURES), verbosity=0)
    Practice.objects.all().refresh_search_index()
    Recommendation.objects.all().refresh_languages()
    TrainingProgramme.objects.all().refresh_languages()
    add_demo_files()


class Command(BaseCommand):
    help = (
        "Prepare the database, load the demo catalogue, ensure a demo editor account "
        "and serve the portal (default 127.0.0.1:8000), with a worker beside it that "
        "sends the e-mails (to this console). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--no-serve", action="store_true", help="Set everything up but do not serve."
        )

    def handle(self, addrport, no_serve, **options):
        if not settings.DEBUG:
            raise CommandError("The demo is for development only: it creates a known login.")
        call_command("migrate", interactive=False, verbosity=0)
        load_demo_catalogue()
        self.ensure_editor()
        self.stdout.write(
            self.style.SUCCESS("Demo catalogue loaded.")
            + f"\nEditor login at /admin/: {EDITOR_USERNAME} / {EDITOR_PASSWORD}"
        )
        if not no_serve:
            manage = settings.BASE_DIR / "manage.py"
            worker = subprocess.Popen([sys.executable, manage, "db_worker", "--interval", "1"])
            try:
                call_command("runserver", addrport, use_reloader=False)
            finally:
                worker.terminate()
                worker.wait(timeout=10)

    def ensure_editor(self):
        editor, _created = get_user_model().objects.get_or_create(username=EDITOR_USERNAME)
        editor.email = EDITOR_EMAIL  # so that the editors' e-mails can be seen
        editor.is_staff = True
        editor.is_superuser = False
        editor.set_password(EDITOR_PASSWORD)
        editor.save()
        editor.groups.add(ensure_editors_group())
