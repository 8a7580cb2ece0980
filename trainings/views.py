from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from practices.browse import chips, facet_groups
from practices.filters import vocabulary
from practices.models import Practice

from .filters import TRAINING_VOCABULARY, TrainingFilter
from .models import TrainingModule, TrainingProgramme


def filtered(data, lang):
    """The published programmes under the filters of a query string, and their facets."""
    filterset = TrainingFilter(
        data,
        TrainingProgramme.objects.published(),
        lang=lang,
        vocabulary=vocabulary(lang, TRAINING_VOCABULARY),
    )
    trainings = (
        filterset.qs.for_cards().prefetch_related("formats").order_by("-published_at", "-pk")
    )
    return filterset, trainings, facet_groups(filterset, filterset.counts())


def training_list(request):
    filterset, trainings, facets = filtered(request.GET, get_language())
    page = Paginator(trainings, settings.PRACTICES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": filterset.form,
        "facets": facets,
        "chips": chips(request.GET, "", facets, ""),
        "ignored": filterset.ignored(),
        "page": page,
    }
    return render(request, "trainings/training_list.html", context)


def training_detail(request, slug):
    queryset = (
        TrainingProgramme.objects.published()
        .for_cards()
        .prefetch_related(
            "formats",
            "audience",
            "providers",
            "themes",
            Prefetch("modules", TrainingModule.objects.select_related("theme")),
            Prefetch("practices", Practice.objects.published().for_cards()),
        )
    )
    training = get_object_or_404(queryset, slug=slug)
    return render(request, "trainings/training_detail.html", {"training": training})
