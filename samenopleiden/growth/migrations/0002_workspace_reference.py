"""The seven growth variants and the joining process template, so that every installation has them. Only adds
missing rows (by code); the platform administrator edits them in /platformbeheer/."""

from django.db import migrations


def forwards(apps, schema_editor):
    from samenopleiden.growth.services.reference import load_reference_data

    load_reference_data(apps.get_model("growth", "GrowthVariant"), apps.get_model("growth", "OnboardingStepTemplate"))


def backwards(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("growth", "0001_workspace")]

    operations = [migrations.RunPython(forwards, backwards)]
