from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path


def directory(request: HttpRequest) -> HttpResponse:
    return render(request, "registry/public/directory.html", {})


urlpatterns: list[URLPattern] = [path("partnerschappen/", directory, name="directory")]
