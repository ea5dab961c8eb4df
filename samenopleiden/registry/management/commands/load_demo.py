from django.core.management.base import BaseCommand
from django.db import transaction

from samenopleiden.registry.demo_data import DEMO_PASSWORD
from samenopleiden.registry.models import Partnership, Person, School
from samenopleiden.registry.services.demo import load_demo


class Command(BaseCommand):
    help = (
        "Laadt de demo: het po-partnerschap Groningen, zes vo-partnerschappen en twee onderwijsregio's, "
        "met demo-accounts. Veilig om vaker te draaien: een tweede keer verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Laat zien wat er zou komen, en bewaar niets.")

    def handle(self, *args, dry_run: bool = False, **options):
        with transaction.atomic():
            accounts = load_demo()
            counts = (Partnership.objects.count(), School.objects.count(), Person.objects.count())
            if dry_run:
                transaction.set_rollback(True)
        self.stdout.write(
            "Demo {}: {} partnerschappen, {} scholen, {} mensen.".format(
                "proefgedraaid (niets bewaard)" if dry_run else "geladen", *counts
            )
        )
        if dry_run:
            return
        self.stdout.write(f"Inloggen kan met deze accounts, elk met het wachtwoord {DEMO_PASSWORD}:")
        for account in accounts:
            self.stdout.write(f"  {account.username:<16} {account.description}")
