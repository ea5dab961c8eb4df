"""The platform's self-assessment content: success factors in seven groups, barriers and the six dilemmas
(`assessment_content.py`; only what is missing is added, so running it again changes nothing)."""

from django.db import migrations


def load(apps, schema_editor):
    from samenopleiden.conversations.assessment_content import load_into

    load_into(apps)


class Migration(migrations.Migration):
    dependencies = [("conversations", "0002_assessment")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
