"""Tests: fast hashing, mail kept in memory. DATABASE_URL chooses SQLite or PostgreSQL."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105 (tests only)
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Background jobs run at once, inside the test (core.jobs); one test runs the real database worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
