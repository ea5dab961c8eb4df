from samenopleiden.core.management.daily import DailyCommand
from samenopleiden.students.services.retention import purge


class Command(DailyCommand):
    help = (
        "Verwijdert studentgegevens, vastgelegde verantwoordingen en het logboek van exports waarvan de "
        "bewaartermijn (Platformbeheer > Bewaartermijnen) voorbij is. Veilig om dagelijks te draaien."
    )

    dry_run_help = "Alleen tellen wat weg zou gaan."

    def run(self, day, *, dry_run: bool) -> None:
        result = purge(today=day, dry_run=dry_run)
        verb = "zou verwijderen" if dry_run else "verwijderd"
        self.stdout.write(
            f"{verb}: {result.students} studenten, {result.statements} verantwoordingen, "
            f"{result.export_log} regels uit het exportlogboek, {result.student_history} wijzigingen van studenten."
        )
