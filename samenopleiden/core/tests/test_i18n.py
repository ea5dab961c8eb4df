"""Dutch for everyone; English for who chooses it; and every Dutch text has its English translation."""

import gettext
import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

BASE = Path(settings.BASE_DIR)
PO = BASE / "locale" / "en" / "LC_MESSAGES" / "django.po"
COMPILER = BASE / "scripts" / "compile_messages.py"
# The project's catalogue holds the texts of core, accounts, registry and the shared templates; each later module
# keeps its own (samenopleiden/<app>/locale/en/...), which `manage.py makemessages -l en` from the root fills.
CATALOGUES = [PO] + sorted((BASE / "samenopleiden").glob("*/locale/en/LC_MESSAGES/django.po"))


def catalogue(po: Path | None = None) -> dict[str, str]:
    """msgid -> msgstr (the first form for plurals), with wrapped lines joined; all catalogues when `po` is None."""
    if po is None:
        return {k: v for one in CATALOGUES for k, v in catalogue(one).items()}
    result = {}
    for block in po.read_text(encoding="utf-8").split("\n\n"):
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


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: str(po.relative_to(BASE)))
def test_the_english_catalogue_is_complete_and_in_step_with_the_code(po):
    """Run `manage.py makemessages -l en` after adding texts, and translate what it adds."""
    text = po.read_text(encoding="utf-8")
    entries = text.split("\n\n", 1)[1] if "\n\n" in text else ""  # the header may be marked fuzzy
    assert "#, fuzzy" not in entries, f"{po} has fuzzy entries: check and translate them"
    empty = [msgid for msgid, msgstr in catalogue(po).items() if not msgstr]
    assert not empty, f"untranslated in {po}: {empty[:5]}"
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} ontbreekt: compileer de vertalingen (make test doet dat)"
    if po == PO:
        assert mo.stat().st_size > 1000


def test_each_module_has_its_own_catalogue():
    modules = {po.parts[-5] for po in CATALOGUES[1:]}
    assert {"students", "placements", "quality", "conversations", "growth"} <= modules


def test_every_source_text_is_in_the_catalogue():
    """The catalogue covers the texts in the code (a new {% translate %} without an entry fails here)."""
    catalogued = set(catalogue())
    templates = Path(settings.BASE_DIR).glob("**/templates/**/*.html")
    missing = []
    for template in templates:
        if ".venv" in template.parts:
            continue
        for match in re.findall(r'{% translate "([^"]+)"', template.read_text(encoding="utf-8")):
            if match.replace("%", "%%") not in catalogued:  # {% translate %} doubles percent signs in its msgid
                missing.append(f"{template.name}: {match}")
    assert not missing, missing[:10]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [
        (
            "nl",
            ['<h1 class="utrecht-heading-1">Inloggen</h1>', "Gebruikersnaam of e-mailadres", "Wachtwoord vergeten?"],
            ["Sign in", "Password"],
        ),
        (
            "en",
            ['<h1 class="utrecht-heading-1">Sign in</h1>', "Username or email address", "Password"],
            ["Inloggen", "Wachtwoord"],
        ),
    ],
)
def test_the_sign_in_page_speaks_the_chosen_language(client, language, expected, absent):
    login = reverse("accounts:login")
    if language != settings.LANGUAGE_CODE:
        client.post(reverse("set_language"), {"language": language, "next": login})
    response = client.get(login)
    html = response.content.decode()
    assert response["Content-Language"] == language
    assert f'<html lang="{language}"' in html
    for text in expected:
        assert text in html, f"{text!r} ontbreekt op de inlogpagina ({language})"
    for text in absent:
        assert text not in html, f"{text!r} staat op de inlogpagina ({language})"


def test_the_python_compiler_gives_the_catalogue_msgfmt_gives(tmp_path):
    """scripts/compile_messages.py (for machines without GNU gettext) must match msgfmt entry for entry."""
    spec = importlib.util.spec_from_file_location("compile_messages", COMPILER)
    compiler = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(compiler)
    ours = tmp_path / "ours.mo"
    ours.write_bytes(compiler.mo_bytes(compiler.parse_po(PO.read_text(encoding="utf-8"))))
    with ours.open("rb") as f:
        catalogue = gettext.GNUTranslations(f)
    # the translations, plural forms by the header's rule, and escapes are found
    assert catalogue.gettext("Inloggen") == "Sign in"
    found = ("%(counter)s partnerschap gevonden", "%(counter)s partnerschappen gevonden")
    assert catalogue.ngettext(*found, 1) == "%(counter)s partnership found"
    assert catalogue.ngettext(*found, 3) == "%(counter)s partnerships found"
    assert len(catalogue._catalog) > 500
    # fuzzy, untranslated and obsolete entries are left out, as msgfmt does
    sample = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n#, fuzzy\nmsgid "Vaag"\nmsgstr "Vague"\n\n'
    )
    sample += (
        'msgid "Leeg"\nmsgstr ""\n\n#~ msgid "Oud"\n#~ msgstr "Old"\n\nmsgctxt "knop"\nmsgid "Open"\nmsgstr "Open up"\n'
    )
    assert set(compiler.parse_po(sample)) == {b"", b"knop\x04Open"}
    msgfmt = shutil.which("msgfmt")
    if msgfmt:  # where GNU gettext is present (make test installs it), the two agree on every entry
        theirs = tmp_path / "theirs.mo"
        subprocess.run([msgfmt, "-o", str(theirs), str(PO)], check=True)
        with theirs.open("rb") as a, ours.open("rb") as b:
            assert gettext.GNUTranslations(a)._catalog == gettext.GNUTranslations(b)._catalog
