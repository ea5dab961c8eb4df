from django.core.management.base import BaseCommand

from samenopleiden.registry.demo_data import DEMO_PASSWORD
from samenopleiden.registry.services.demo import load_demo


class Command(BaseCommand):
    help = "Laadt de demo (Groningen, zes vo-partnerschappen, twee onderwijsregio's). Veilig om vaker te draaien."

    def handle(self, *args, **options):
        accounts = load_demo()
        self.stdout.write(f"Demo geladen. Inloggen kan met deze accounts (wachtwoord: {DEMO_PASSWORD}):")
        for account in accounts:
            self.stdout.write(f"  {account.username:<16} {account.description}")
