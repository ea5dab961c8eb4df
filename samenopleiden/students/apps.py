from django.apps import AppConfig


class StudentsConfig(AppConfig):
    name = "samenopleiden.students"
    label = "students"
    verbose_name = "Studenten"

    def ready(self) -> None:
        from samenopleiden.core import jobs

        from .services import imports

        jobs.register(imports.JOB_KIND, imports.run_import_job)
