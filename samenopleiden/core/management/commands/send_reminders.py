from samenopleiden.core.management.daily import DailyCommand
from samenopleiden.core.reminders import send_due


class Command(DailyCommand):
    help = (
        "Verstuurt de herinneringen die vandaag aan de beurt zijn (acties over de deadline, certificeringen die "
        "verlopen, ...). Elke herinnering gaat één keer weg; dagelijks draaien is veilig."
    )

    dry_run_help = "Alleen tonen wat er weg zou gaan."

    def run(self, day, *, dry_run: bool) -> None:
        sent, skipped = send_due(day, dry_run=dry_run)
        for reminder in sent:
            self.stdout.write(
                f"{'zou versturen' if dry_run else 'verstuurd'}: {reminder.subject} -> {', '.join(reminder.recipients)}"
            )
        self.stdout.write(
            f"{len(sent)} herinnering(en) {'te versturen' if dry_run else 'verstuurd'}, "
            f"{len(skipped)} al eerder verstuurd of zonder ontvanger."
        )
