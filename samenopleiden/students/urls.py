"""All URLs of the students module. Each views module keeps its own list; this joins them."""

from .views import counts, coverage, imports, students, subsidy

app_name = "students"

urlpatterns = (
    students.urlpatterns + imports.urlpatterns + counts.urlpatterns + subsidy.urlpatterns + coverage.urlpatterns
)
