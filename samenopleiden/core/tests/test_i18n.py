"""Dutch for everyone; English for who chooses it; and every Dutch text has its English translation."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


def catalogue() -> dict[str, str]:
    """msgid -> msgstr (the first form for plurals), with wrapped lines joined."""
    result = {}
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        parts: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgid_plural|msgstr|msgstr\[0\])\s+"(.*)"$', line)
            if match:
                key = match.group(1)
                parts[key] = match.group(2)
            elif line.startswith('"') and key:
                parts[key] += line[1:-1]
        if parts.get("msgid"):
            result[parts["msgid"].replace('\\"', '"')] = parts.get("msgstr", parts.get("msgstr[0]", ""))
    return result


@pytest.mark.django_db
def test_language_follows_the_choice_not_the_browser(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    url = reverse("registry:dashboard", args=[partnership.slug])
    assert '<h1 class="utrecht-heading-1">Overzicht</h1>' in client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": url})
    response = client.get(url)
    assert '<h1 class="utrecht-heading-1">Overview</h1>' in response.content.decode()
    assert response["Content-Language"] == "en"


def test_the_english_catalogue_is_complete_and_in_step_with_the_code():
    """Run `manage.py makemessages -l en` after adding texts, and translate what it adds."""
    text = PO.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text.split("\n\n", 1)[1]
    empty = [msgid for msgid, msgstr in catalogue().items() if not msgstr]
    assert not empty, f"untranslated: {empty[:5]}"
    mo = PO.with_suffix(".mo")
    assert mo.exists() and mo.stat().st_size > 1000


def test_every_source_text_is_in_the_catalogue():
    """The catalogue covers the texts in the code (a new {% translate %} without an entry fails here)."""
    catalogued = set(catalogue())
    templates = Path(settings.BASE_DIR).glob("**/templates/**/*.html")
    missing = []
    for template in templates:
        if ".venv" in template.parts:
            continue
        for match in re.findall(r'{% translate "([^"]+)"', template.read_text(encoding="utf-8")):
            if match not in catalogued:
                missing.append(f"{template.name}: {match}")
    assert not missing, missing[:10]
