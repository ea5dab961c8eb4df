"""The platform's content of the equal-collaboration self-assessment: success factors in seven groups (written as
statements a participant rates), the barriers (a checklist) and the six dilemmas.

Source: the research on equal collaboration between schools and teacher education institutes (AO Consult for the
Platform Samen Opleiden & Professionaliseren, 2020), rewritten in our own words. The data migration and the demo
call `load_into(apps)`; it only adds what is missing (by key), so what a platform administrator changed in the
Django admin stays as it is.
"""

from __future__ import annotations

from typing import Any

# (key, title, [(key, statement)])
GROUPS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "belang",
        "Gedeeld belang",
        [
            ("belang-meerwaarde", "Alle partners, op elk niveau, merken wat de samenwerking hun oplevert."),
            ("belang-visie", "Onze visie en ambities hebben we samen opgesteld en we stellen ze samen bij."),
            (
                "belang-verantwoordelijkheid",
                "We dragen samen verantwoordelijkheid voor wat het partnerschap wil bereiken.",
            ),
            ("belang-flexibel", "Partners durven van gebaande paden af te wijken als de ambities daarom vragen."),
            ("belang-leren", "We leren van elkaar en zetten elkaars deskundigheid bewust in."),
            ("belang-bestuur", "De besturen van alle partners staan zichtbaar achter de samenwerking."),
        ],
    ),
    (
        "structuur",
        "Structuur van het partnerschap",
        [
            (
                "structuur-vertegenwoordiging",
                "Alle partners zijn op elk niveau, van bestuur tot uitvoering, vertegenwoordigd.",
            ),
            ("structuur-dwarsverbanden", "Overleggen en lagen binnen het partnerschap zijn goed met elkaar verbonden."),
            ("structuur-mandaat", "Wie in de stuurgroep zit, kan namens de eigen organisatie beslissen."),
            ("structuur-coordinator", "De programmaleider heeft gezag en verbindt de partners."),
            (
                "structuur-verankering",
                "Samen opleiden leeft in onze organisaties, ook bij middenmanagement en vakdocenten.",
            ),
        ],
    ),
    (
        "inrichting",
        "Inrichting van de organisatie",
        [
            ("inrichting-monitoring", "We volgen of onze ambities en afspraken ook echt worden waargemaakt."),
            ("inrichting-menskracht", "Er zijn genoeg mensen en uren om de afgesproken rollen en taken in te vullen."),
            ("inrichting-planning", "De planning komt op tijd en houdt rekening met de jaarcycli van alle partners."),
            (
                "inrichting-efficientie",
                "We organiseren het slim, bijvoorbeeld doordat opleidingen elkaar in overleggen vertegenwoordigen.",
            ),
        ],
    ),
    (
        "afspraken",
        "Afspraken",
        [
            ("afspraken-rollen", "Rollen, verantwoordelijkheden en besluitvorming zijn duidelijk vastgelegd."),
            (
                "afspraken-verleggen",
                "Partners zijn bereid taken en verantwoordelijkheid naar het partnerschap te verleggen.",
            ),
            ("afspraken-uitbreiding", "Er zijn heldere afspraken over het toelaten van nieuwe scholen of opleidingen."),
            (
                "afspraken-financien",
                "De financiering is transparant en alle partners hebben zeggenschap over de begroting.",
            ),
            ("afspraken-werk", "Praktische werkafspraken, zoals vrij roosteren voor overleg, worden nagekomen."),
        ],
    ),
    (
        "communicatie",
        "Communicatie en verwachtingen",
        [
            (
                "communicatie-verwachtingen",
                "We zijn eerlijk tegen elkaar over wat wel en niet kan vanuit elke organisatie.",
            ),
            ("communicatie-expertise", "We weten welke deskundigheid bij de verschillende partners aanwezig is."),
            (
                "communicatie-besluitvorming",
                "Het is duidelijk hoe en door wie bij elke partner besluiten worden genomen.",
            ),
            ("communicatie-niveau", "Gesprekken worden op het juiste niveau gevoerd, met de mensen die erover gaan."),
            ("communicatie-instituten", "De opleidingen binnen het partnerschap stemmen goed met elkaar af."),
            (
                "communicatie-consensus",
                "We accepteren dat partners op sommige punten anders denken, zonder dat dit de samenwerking schaadt.",
            ),
        ],
    ),
    (
        "vertrouwen",
        "Vertrouwen en openheid",
        [
            ("vertrouwen-basis", "Partners vertrouwen elkaar en de samenwerking."),
            ("vertrouwen-open", "We staan open voor elkaars beeld en durven elkaar aan te spreken."),
            (
                "vertrouwen-reflectie",
                "We bespreken regelmatig of wat we doen bijdraagt aan onze gezamenlijke ambities.",
            ),
            ("vertrouwen-contact", "Er is veel en laagdrempelig contact, in wisselende samenstellingen."),
            ("vertrouwen-opleiders", "School- en instituutsopleiders werken goed en prettig samen."),
            ("vertrouwen-continuiteit", "Wisselingen van personen brengen de samenwerking niet uit balans."),
        ],
    ),
    (
        "stelsel",
        "Stelselniveau",
        [
            (
                "stelsel-middelen",
                "Er zijn voldoende structurele middelen om de samenwerking op alle terreinen te dragen.",
            ),
            ("stelsel-eindverantwoordelijkheid", "Het is formeel helder wie waarvoor eindverantwoordelijk is."),
            (
                "stelsel-maatwerk",
                "Landelijke regels laten ruimte voor maatwerk, zoals een tweede bevoegdheid in een verwant vak.",
            ),
        ],
    ),
]

# (key, text)
BARRIERS: list[tuple[str, str]] = [
    ("omvang", "Het partnerschap is zo groot dat het moeilijk te overzien en te sturen is."),
    (
        "veel-partnerschappen",
        "Partners (vooral opleidingen) zitten in zoveel partnerschappen dat ze niet overal bij kunnen zijn.",
    ),
    ("discontinuiteit", "Mensen vallen uit of vertrekken, waardoor kennis en contacten verloren gaan."),
    ("afhankelijkheid", "De samenwerking hangt te veel af van enkele personen of van tijdelijke subsidie."),
    ("dalende-aantallen", "Het aantal studenten daalt."),
    (
        "vraag-aanbod",
        "Vraag en aanbod van studenten sluiten niet aan (tekortvakken, krimpregio, te veel studenten in "
        "sommige vakken).",
    ),
    ("aanstelling", "Studenten krijgen een aanstelling en vallen daardoor buiten de begeleiding van het partnerschap."),
    ("langstudeerders", "Meer langstudeerders zetten de financiering van de opleidingen onder druk."),
    ("concurrentie-scholen", "Opleidingsscholen concurreren met elkaar, bijvoorbeeld om studenten."),
    (
        "concurrentie-instituten",
        "Opleidingen binnen het partnerschap concurreren met elkaar, bijvoorbeeld op tarieven.",
    ),
    (
        "verbreding",
        "De opdracht van het partnerschap wordt breder (ook samen professionaliseren) zonder heldere afspraken.",
    ),
    ("kwaliteitskader", "Het is onduidelijk wat het landelijke kwaliteitskader betekent voor onze samenwerking."),
]

# (key, title, description)
DILEMMAS: list[tuple[str, str, str]] = [
    (
        "curriculum",
        "Samen het curriculum en de beoordeling vormgeven",
        (
            "De opleiding is eindverantwoordelijk voor curriculum en beoordeling. Hoe ver gaan scholen en opleidingen "
            "samen in het ontwerpen en uitvoeren daarvan, zeker als een opleiding in veel partnerschappen zit?"
        ),
    ),
    (
        "professionaliseren",
        "Van samen opleiden naar samen professionaliseren",
        (
            "Voor inductie en professionalisering zijn de scholen eindverantwoordelijk. Hoeveel daarvan leggen we bij "
            "het partnerschap neer, wie betaalt wat, en hoe voorkomen we gedwongen winkelnering?"
        ),
    ),
    (
        "vraag-aanbod",
        "Vraag en aanbod van studenten",
        (
            "Scholen willen vooral studenten in tekortvakken; opleidingen willen al hun studenten samen opleiden. Hoe "
            "vinden we balans zonder in te leveren op kwaliteit?"
        ),
    ),
    (
        "wo-hbo",
        "Verschil tussen wo- en hbo-opleidingen",
        (
            "Wo-trajecten zijn korter en brengen minder studenten, maar vragen wel tijd van de universiteit. "
            "Welke plek "
            "en welke bijdrage past bij elk type opleiding?"
        ),
    ),
    (
        "sturing",
        "Sturen en ruimte geven",
        (
            "Partners verleggen verantwoordelijkheid naar het partnerschap. Hoeveel sturing is nodig en hoeveel ruimte "
            "laten we, gegeven de structuur en cultuur van alle organisaties?"
        ),
    ),
    (
        "schaal",
        "Schaalgrootte en eigenaarschap",
        (
            "Elke nieuwe partner maakt het geheel complexer en raakt aan draagvlak, visie en kwaliteit. "
            "Breiden we uit, "
            "werken we met een kern en een schil, of blijven we klein?"
        ),
    ),
]


def load_into(apps: Any) -> dict[str, int]:
    """Add every group, statement, barrier and dilemma that is not there yet (by key). Works with the app
    registry of a migration and with `django.apps.apps`. Returns how many rows were added per kind."""
    group_model = apps.get_model("conversations", "FactorGroup")
    statement_model = apps.get_model("conversations", "Statement")
    barrier_model = apps.get_model("conversations", "Barrier")
    dilemma_model = apps.get_model("conversations", "Dilemma")
    added = {"groups": 0, "statements": 0, "barriers": 0, "dilemmas": 0}
    for g_pos, (g_key, g_title, statements) in enumerate(GROUPS, start=1):
        group, made = group_model.objects.get_or_create(key=g_key, defaults={"title": g_title, "position": g_pos})
        added["groups"] += made
        for s_pos, (s_key, text) in enumerate(statements, start=1):
            _row, made = statement_model.objects.get_or_create(
                key=s_key, defaults={"group": group, "text": text, "position": s_pos}
            )
            added["statements"] += made
    for pos, (key, text) in enumerate(BARRIERS, start=1):
        _row, made = barrier_model.objects.get_or_create(key=key, defaults={"text": text, "position": pos})
        added["barriers"] += made
    for pos, (key, title, description) in enumerate(DILEMMAS, start=1):
        _row, made = dilemma_model.objects.get_or_create(
            key=key, defaults={"title": title, "description": description, "position": pos}
        )
        added["dilemmas"] += made
    return added


def load() -> dict[str, int]:
    from django.apps import apps

    return load_into(apps)
