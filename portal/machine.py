"""Machine translation, where configured: a LibreTranslate-compatible server
(MACHINE_TRANSLATION_URL, which a municipality can run itself) or DeepL (DEEPL_API_KEY).

Editors and translators ask it in admin (portal.translating): `ask` queues one task a
text (django.tasks), the worker fills the empty texts of its missing languages from the
original, and saves them as *machine-translated*: readers see them with a notice, and
they count as checked only once a person confirms or edits them (portal.tracking).
Without configuration nothing of this is offered."""

import json
import logging
import urllib.request

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.tasks import task
from modeltranslation.utils import build_localized_fieldname

from . import tracking

logger = logging.getLogger(__name__)
DEEPL_TARGETS = {"en": "EN-GB"}  # DeepL asks which English; the others are their code


class Unavailable(Exception):
    """The translation service did not answer, or not as its API says."""


def configured():
    return bool(settings.MACHINE_TRANSLATION_URL or settings.DEEPL_API_KEY)


def translate(texts, source, target):
    """`texts` from the language `source` into `target`, in order."""
    if settings.DEEPL_API_KEY:
        answer = post(
            f"{deepl_url()}/v2/translate",
            {
                "text": texts,
                "source_lang": source.upper(),
                "target_lang": DEEPL_TARGETS.get(target, target.upper()),
            },
            {"Authorization": f"DeepL-Auth-Key {settings.DEEPL_API_KEY}"},
        )
        translated = [item.get("text") for item in answer.get("translations", [])]
    else:
        question = {"q": texts, "source": source, "target": target, "format": "text"}
        if settings.MACHINE_TRANSLATION_KEY:
            question["api_key"] = settings.MACHINE_TRANSLATION_KEY
        url = f"{settings.MACHINE_TRANSLATION_URL.rstrip('/')}/translate"
        translated = post(url, question).get("translatedText")
    if not isinstance(translated, list) or len(translated) != len(texts):
        raise Unavailable("the answer does not hold one translation a text")
    if not all(isinstance(text, str) for text in translated):
        raise Unavailable("the answer holds a translation that is not a text")
    return translated


def deepl_url():
    """DeepL's free API for a free key (ending in ":fx"), else its paid one."""
    if settings.DEEPL_URL:
        return settings.DEEPL_URL.rstrip("/")
    free = settings.DEEPL_API_KEY.endswith(":fx")
    return "https://api-free.deepl.com" if free else "https://api.deepl.com"


def post(url, question, headers=None):
    request = urllib.request.Request(
        url,
        data=json.dumps(question).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
        method="POST",
    )
    timeout = settings.MACHINE_TRANSLATION_TIMEOUT
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 - configured
            return json.loads(answer.read())
    except (OSError, ValueError) as error:
        raise Unavailable(f"{type(error).__name__}: {error}") from error


def missing(content, languages):
    """Those of `languages` whose translation of `content` is missing."""
    return [lang for lang in languages if content.state_in(lang) == tracking.State.MISSING]


def ask(contents, languages):
    """Queue the machine translation of the missing `languages` of each of `contents`;
    how many texts it was asked for."""
    asked = 0
    for content in contents:
        if wanted := missing(content, languages):
            kind = ContentType.objects.get_for_model(content)
            fill.enqueue(kind.pk, content.pk, wanted)
            asked += 1
    return asked


def empty_fields(content, lang):
    original = content.original_language
    return [
        name
        for name in tracking.fields(content)
        if content.text_in(name, original) and not content.text_in(name, lang)
    ]


@task
def fill(content_type_id, object_id, languages):
    """Fill the empty texts of `languages` of one content from its original. The service
    is asked outside any transaction; then, with the content locked, only the texts still
    empty are written (a person may have written some meanwhile), as machine-made."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    content = model._base_manager.filter(pk=object_id).first()
    if content is None:
        return
    original = content.original_language
    made = {}
    for lang in languages:
        if lang != original and (names := empty_fields(content, lang)):
            texts = [content.text_in(name, original) for name in names]
            try:
                made[lang] = dict(zip(names, translate(texts, original, lang), strict=True))
            except Unavailable as error:
                logger.error("Machine translation of %s into %s failed: %s", content, lang, error)
    if not made:
        return
    with transaction.atomic():
        content = model._base_manager.select_for_update().get(pk=object_id)
        if content.original_language != original:
            return
        written = set()
        for lang, texts in made.items():
            for name, text in texts.items():
                if not content.text_in(name, lang):
                    setattr(content, build_localized_fieldname(name, lang), text)
                    written.add(lang)
        if written:
            content.save(machine=sorted(written))
