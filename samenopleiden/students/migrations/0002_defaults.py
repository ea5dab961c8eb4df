"""Default retention periods and the one rate the sources give (2021/22: EUR 100,000 per partnership and EUR 955 per
student, a minimum of 60 students). The platform administrator keeps both up to date in /platformbeheer/."""

import datetime as dt
from decimal import Decimal

from django.db import migrations

RETENTION = [
    ("students", 24, "Twee jaar na het einde van het studiejaar: lang genoeg voor de verantwoording van t-1 en "
     "vragen daarover, niet langer."),
    ("statements", 84, "Zeven jaar: de bewaarplicht voor stukken van een subsidieverantwoording. De bijlage bevat "
     "alleen pseudoniemen."),
    ("export_log", 24, "Twee jaar: wie persoonsgegevens exporteerde blijft zo lang na te gaan."),
]


def forwards(apps, schema_editor):
    RetentionRule = apps.get_model("students", "RetentionRule")
    FundingRate = apps.get_model("students", "FundingRate")
    for record_type, months, basis in RETENTION:
        RetentionRule.objects.get_or_create(record_type=record_type, defaults={"months": months, "basis": basis})
    FundingRate.objects.get_or_create(
        school_year="2021-2022",
        defaults={
            "count_date": dt.date(2021, 10, 1),
            "fixed_amount": Decimal("100000"),
            "per_student_amount": Decimal("955"),
            "minimum_students": 60,
            "note": "Bedragen uit de regeling voor 2021/22.",
        },
    )


def backwards(apps, schema_editor):
    apps.get_model("students", "RetentionRule").objects.filter(record_type__in=[r[0] for r in RETENTION]).delete()
    apps.get_model("students", "FundingRate").objects.filter(school_year="2021-2022").delete()


class Migration(migrations.Migration):
    dependencies = [("students", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
