"""Recommendations record the languages they are complete in, as practices and training
programmes do: the "translation" filter and the editors' desk count them."""

import django.utils.timezone
from django.db import migrations, models

LANGUAGES = ["nl", "fr", "de", "en", "sv"]
TEXTS = ["title", "summary", "actions"]


def record_languages(apps, schema_editor):
    """Each recommendation's `languages` as portal.tracking counts them: its original,
    and each language with every text the original has, made by a person and current
    (or written before translations were recorded)."""
    Recommendation = apps.get_model("practices", "Recommendation")
    Translation = apps.get_model("portal", "Translation")
    kind = apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label="practices", model="recommendation"
    )
    made = {
        (translation.object_id, translation.language): translation
        for translation in Translation.objects.filter(content_type__in=kind)
    }
    for advice in Recommendation.objects.all():

        def text(field, lang, advice=advice):
            return getattr(advice, f"{field}_{lang}") or ""

        def checked(lang, advice=advice):
            if lang == advice.language:
                return True
            complete = all(text(field, lang) or not text(field, advice.language) for field in TEXTS)
            translation = made.get((advice.pk, lang))
            return complete and (
                translation is None or (translation.is_current and not translation.by_machine)
            )

        advice.languages = " ".join(lang for lang in LANGUAGES if checked(lang))
        advice.save(update_fields=["languages"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal", "0007_translatorprofile"),
        ("practices", "0026_moderate_and_translators"),
    ]

    operations = [
        migrations.AddField(
            model_name="recommendation",
            name="languages",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="The languages it is complete in, kept current on save.",
                max_length=14,
                verbose_name="available in",
            ),
        ),
        migrations.AddField(
            model_name="recommendation",
            name="updated_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, editable=False, verbose_name="updated at"
            ),
        ),
        migrations.RunPython(record_languages, migrations.RunPython.noop),
    ]
