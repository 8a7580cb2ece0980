from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "trainings"
    verbose_name = _("Trainings")

    def ready(self):
        from portal import desk, version

        from . import desk as trainings_desk
        from .models import TrainingProgramme

        version.register(TrainingProgramme)
        desk.register(trainings_desk.items)
