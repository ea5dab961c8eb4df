"""The platform's conversation guides (`session_content.py`; only guides whose key is missing are added, so
running it again changes nothing and edits in the admin survive)."""

from django.db import migrations


def load(apps, schema_editor):
    from samenopleiden.conversations.session_content import load_into

    load_into(apps)


class Migration(migrations.Migration):
    dependencies = [("conversations", "0004_session_records")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
