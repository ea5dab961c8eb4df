from django.contrib import admin
from django.urls import include, path

from samenopleiden.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("samenopleiden.accounts.urls")),
    path("", include("samenopleiden.core.urls")),
    path("", include("samenopleiden.registry.urls")),
    path("", include("samenopleiden.actions.urls")),
    path("", include("samenopleiden.students.urls")),
    path("", include("samenopleiden.placements.urls")),
    path("", include("samenopleiden.quality.urls")),
    path("", include("samenopleiden.conversations.urls")),
    path("", include("samenopleiden.growth.urls")),
    path("platformbeheer/", admin.site.urls),
]

handler400 = "samenopleiden.core.views.bad_request"
handler403 = "samenopleiden.core.views.permission_denied"
handler404 = "samenopleiden.core.views.page_not_found"
handler500 = "samenopleiden.core.views.server_error"
