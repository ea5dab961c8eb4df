"""The platform's conversation guides as data, in our own words.

Four guides: the growth strategy toward 100% joint training (seed 001), the conversation on equal collaboration
(seed 002, appendix 1), the deepening session on the dilemmas (seed 002, appendix 2) and a regional conversation at
three levels (seed 000). `load_into(apps)` is the idempotent loader used by the data migration and the demo: a guide
whose key exists is left alone, so edits in the admin survive.

No Django imports at module level: the texts are Dutch source strings; the catalogue does not translate guide
content (it is data the platform administrator edits), so it is stored as written here.
"""

from __future__ import annotations

from typing import Any

# data_key -> what the platform fills in on the preparation page (see selectors_session.figures)
DATA_KEYS = ("students_per_institute", "students_trained", "places_per_cluster", "places_per_school", "partners")

GUIDES: list[dict[str, Any]] = [
    {
        "key": "groeistrategie",
        "title": "Groeistrategie: op weg naar 100% samen opleiden",
        "purpose": (
            "Een gesprek in het partnerschap en in de regio over groei: in aantallen studenten en in de breedte van "
            "de opdracht. Voor programmaleiders, voorzitters en penvoerders die het gesprek leiden of voorbereiden."
        ),
        "source": "Gespreksleidraad uitbreidingsstrategie (ambitie 100% samen opleiden)",
        "checklist": [
            (
                "Aantallen studenten per lerarenopleiding, en hoeveel daarvan bij ons partnerschap opleiden",
                "students_per_institute",
            ),
            ("Totaal aantal studenten dat het partnerschap nu opleidt", "students_trained"),
            ("Opleidingsplaatsen per cluster: aangeboden en wat het cluster kan opnemen", "places_per_cluster"),
            ("Opleidingsplaatsen per school", "places_per_school"),
            ("De partners: besturen, scholen (ook satellietscholen) en lerarenopleidingen", "partners"),
            ("Verwachte vraag naar opleidingsplaatsen op korte en langere termijn (partnerschap, regio, buren)", ""),
            ("Hoe wij ons voedingsgebied omschrijven", ""),
            ("Hoe wij de educatieve regio omschrijven: arbeidsmarkt, samen opleiden en kennisinfrastructuur", ""),
            (
                "Overzicht van de regionale infrastructuur: partnerschappen, academies, "
                "netwerken, regionale allianties",
                "",
            ),
            ("De educatieve agenda('s) van de regio", ""),
            ("Landelijke en regionale ontwikkelingen in opleiden, professionaliseren en de onderwijsarbeidsmarkt", ""),
        ],
        "themes": [
            {
                "title": "De educatieve regio en onze plek daarin",
                "core": "Wat verstaan wij onder onze educatieve regio, en waar staat ons partnerschap daarin?",
                "questions": [
                    (
                        "Hoe bakenen wij de educatieve regio af, waarom zo, en welke regio's grenzen eraan?",
                        ["Welke andere afbakening is denkbaar, en met welke argumenten?"],
                    ),
                    (
                        "Is er in de regio een gedeelde agenda voor opleiden, professionaliseren en arbeidsmarkt?",
                        ["Zo niet: willen we die, en wat is daarvoor nodig?"],
                    ),
                    (
                        "Met wie praten we in de regio, aan welke tafels, en spreken we dezelfde taal?",
                        [
                            "Welke tafels doen er voor ons toe, en welke vraagstukken leggen we daar neer?",
                            "Waar zijn we niet vertegenwoordigd, en waarom niet?",
                        ],
                    ),
                    (
                        "Wie vertegenwoordigt ons aan die tafels, met welk mandaat en welke voorbereiding?",
                        ["Welke rol heeft de programmaleider nu, en welke zou die moeten hebben?"],
                    ),
                    ("Nemen we zelf het initiatief voor een nieuwe tafel? Met wie en met welk doel?", []),
                    (
                        "Welke geldstromen zijn er in de regio, structureel of tijdelijk, en waar wordt "
                        "erover besloten?",
                        [],
                    ),
                ],
            },
            {
                "title": "Stand van zaken: opleiden, professionaliseren en arbeidsmarkt",
                "core": "Hoe is de regionale infrastructuur ingericht, en welke plek hebben en willen wij daarin?",
                "questions": [
                    (
                        "Wie zijn onze partners, wie niet, en waarom? Welke sectoren, en doet het "
                        "speciaal onderwijs mee?",
                        [],
                    ),
                    ("Hoe omschrijven we ons voedingsgebied, en wat is ons plaatsingsbeleid?", []),
                    (
                        "Welke andere partnerschappen werken in onze omgeving, en wat kenmerkt ze?",
                        ["Visie, omvang, sectoren, ontwikkelfase, groeiplannen"],
                    ),
                    ("Hoe is de regionale infrastructuur georganiseerd, en wie zitten erin?", []),
                    ("Waar praten we mee, waarover, en hoeveel invloed hebben we?", []),
                    (
                        "Welke plek willen we innemen, en wat vraagt dat van de samenwerking met anderen?",
                        ["Met welke partnerschappen werken we samen, en met welke (nog) niet?"],
                    ),
                    (
                        "Welke partners willen we in de toekomst betrekken, en in welke vorm?",
                        ["Als formele partner, als samenwerkingspartner of anders"],
                    ),
                ],
            },
            {
                "title": "Waar staan we met 100% samen opleiden?",
                "core": "Hoe ver is de regio met de ambitie dat alle studenten in een partnerschap opleiden, en wat "
                "kunnen wij bijdragen?",
                "questions": [
                    ("Halen we in de regio de ambitie nu, en in de komende jaren?", []),
                    (
                        "Welke partners onderschrijven de ambitie, welke niet, en wie voelt zich verantwoordelijk?",
                        ["Voor welke groepen studenten?"],
                    ),
                    (
                        "Zien wij de ambitie als onze opdracht, en hoe breed?",
                        ["Voedingsgebied, instituten buiten het partnerschap, meer categorieën studenten"],
                    ),
                    ("Hoe besluiten we hierover, en hoe houden we draagvlak?", []),
                    (
                        "Willen en kunnen we meer studenten opleiden? Voor welke opleidingen, categorieën en sectoren?",
                        ["Voltijd, deeltijd, zij-instroom", "Speciaal onderwijs"],
                    ),
                    (
                        "Wat is nodig om de capaciteit te vergroten, en wat zijn de gevolgen?",
                        [
                            "Met de huidige partners of met nieuwe?",
                            "Financieel, organisatorisch, kwaliteit, plaatsingsbeleid, peer review",
                        ],
                    ),
                ],
            },
            {
                "title": "Behoefte aan groei",
                "core": "Willen we groeien, waarom, en hoeveel?",
                "questions": [
                    (
                        "Wat willen wij bereiken, en wat wil de regio van ons?",
                        ["Hoe verhoudt die vraag zich tot wat de regio van anderen vraagt?"],
                    ),
                    ("Past groei bij onze missie en visie?", []),
                    ("Welke belangen, kansen en risico's zien besturen, scholen en opleidingen bij groei?", []),
                    ("Hoeveel groei willen we, in welk tempo, gezien de peer review en onze ontwikkelfase?", []),
                    ("Wat levert de groei op voor de personeelsbehoefte in de regio?", []),
                    (
                        "Wat zijn kansen en risico's voor studenten, leerlingen, leraren en de kwaliteit "
                        "van het onderwijs?",
                        ["En voor financiën, organisatie, onderlinge verhoudingen en peer review?"],
                    ),
                    ("Wat betekent onze groei voor andere partnerschappen in het voedingsgebied?", []),
                    ("Welke middelen zijn er, en welke kunnen we inzetten voor de ambitie?", []),
                ],
            },
            {
                "title": "Hoe willen we groeien?",
                "core": "Langs welke wegen geven we groei vorm?",
                "questions": [
                    (
                        "Op welke punten willen we groeien, en op welke niet?",
                        [
                            "Aantal studenten",
                            "Sectoren",
                            "Categorieën studenten (voltijd, deeltijd, zij-instroom, PDG)",
                            "Opleidingen en vakken",
                            "Besturen en scholen, ook eenpitters",
                            "Lerarenopleidingen",
                            "Voedingsgebied",
                            "Diversiteit: denominaties, onderwijsconcepten, speciaal onderwijs",
                        ],
                    ),
                    (
                        "Welke scenario's zien we, met huidige of nieuwe partners, en wat zijn de voor- en nadelen?",
                        ["Gebruik de groeivarianten van de groeiwerkruimte"],
                    ),
                ],
            },
            {
                "title": "Groei met de huidige partners",
                "core": "Kunnen we de groei met de huidige partners realiseren, en wat vraagt dat?",
                "questions": [
                    ("Welk belang hebben de partners bij groei, en is er genoeg draagvlak?", []),
                    (
                        "Welke varianten zijn er?",
                        ["Nieuwe opleidingslocaties, nieuwe categorieën studenten, nieuwe lerarenopleidingen"],
                    ),
                    ("Wat betekenen de varianten voor de verhoudingen? Groeit iedereen naar verhouding mee?", []),
                    ("Welke variant past het best, voor elke partner en voor het partnerschap?", []),
                    (
                        "Hoe borgen we kwaliteit en eigenaarschap als we groeien?",
                        ["Visie, beroepsbeeld, kwaliteitskader"],
                    ),
                    (
                        "Wat zijn de gevolgen?",
                        [
                            "Voldoen we nog aan de regeling (categorieën, deel in de praktijk, basiskwaliteit)?",
                            "Hoe financieren we de groei voor, gezien de bekostiging op het jaar ervoor (t-1)?",
                            "Past het in het programma, de facilitering en de professionalisering van begeleiders?",
                            "Moet het plaatsingsbeleid anders? Hoe past het in de peer review?",
                        ],
                    ),
                    ("Welke afspraken maken we?", ["Verdeelsleutel, fasering, organisatie, kwaliteit, financiën"]),
                ],
            },
            {
                "title": "Groei met nieuwe partners",
                "core": "Willen we groeien met nieuwe partners, en wat betekent dat voor iedereen?",
                "questions": [
                    (
                        "Welk belang hebben wij en de nieuwe partners, en is er draagvlak?",
                        ["Besturen, scholen of lerarenopleidingen, uit welke sectoren?"],
                    ),
                    ("Welke vorm kiezen we?", ["Volwaardige toetreding", "Kern en schil", "Satellietscholen"]),
                    ("Wat zijn per vorm de voor- en nadelen, ook voor de nieuwe partner?", []),
                    (
                        "Wat verandert er in de organisatie?",
                        [
                            "Overleg en mandaat",
                            "Samenwerkingsovereenkomst en besluitvorming",
                            "Coördinerende taken, plaatsingsbeleid, opleidingsprogramma",
                            "Verdeling van de middelen",
                            "Peer review",
                        ],
                    ),
                    (
                        "Wat als er een lerarenopleiding bij komt?",
                        [
                            "Voldoet zij aan de regeling?",
                            "Sluit haar curriculum aan op ons programma?",
                            "Gelden onze faciliteringsafspraken ook voor haar?",
                        ],
                    ),
                    ("Hoe borgen we kwaliteit en eigenaarschap met nieuwe partners erbij?", []),
                    (
                        "Welke afspraken maken we, met het partnerschap en met de nieuwe partner?",
                        ["Fasering, voorfinanciering (t-1), facilitering, infrastructuur, kwaliteit"],
                    ),
                ],
            },
            {
                "title": "Samenwerken over sectoren heen",
                "core": "Waar staan we in de samenwerking met andere sectoren, en wat willen we ermee?",
                "questions": [
                    ("Welke sectoren zijn vertegenwoordigd, welke niet, en waarom?", []),
                    ("Werken we al samen met partnerschappen of partijen uit andere sectoren? Hoe en waarom?", []),
                    (
                        "Hoe past sectoroverstijgend werken bij onze visie, de 100%-ambitie, onze maatschappelijke "
                        "opdracht en de regionale arbeidsmarkt?",
                        [],
                    ),
                    ("Welke belangen hebben de partners, en wat willen we bereiken?", []),
                    ("Met welke sectoren en partijen willen we samenwerken, en hoe staan zij ertegenover?", []),
                    (
                        "Welke vorm kiezen we?",
                        [
                            "Nieuwe partners",
                            "Nieuwe trajecten met de huidige partners",
                            "Samenwerking met partnerschappen of partijen buiten ons partnerschap",
                        ],
                    ),
                    (
                        "Wat betekent het binnen ons partnerschap?",
                        [
                            "Kansen en risico's voor bekostigde en niet-bekostigde studenten",
                            "Regeling, opleidingsdidactiek, werkplekcurriculum, facilitering",
                            "Professionalisering van de rollen, draagvlak en mandaat in de organisaties",
                            "In- en doorstroom tussen sectoren, communicatie met studenten",
                        ],
                    ),
                ],
            },
            {
                "title": "De bredere maatschappelijke opdracht: waar staan we?",
                "core": "Welke bredere opdracht ligt er in de regio (samen professionaliseren, inductie), en wat "
                "draagt ons partnerschap bij?",
                "questions": [
                    ("Wie doet wat in het regionale arbeidsmarktbeleid?", []),
                    (
                        "Wordt er van ons meer gevraagd dan opleiden, bijvoorbeeld begeleiding van starters of "
                        "professionalisering?",
                        [],
                    ),
                    (
                        "Met wie werken we daarin samen?",
                        [
                            "Partnerschappen in en buiten de regio",
                            "Regionale allianties, academies, netwerken, gemeenten, provincie",
                        ],
                    ),
                ],
            },
            {
                "title": "Behoefte aan een bredere opdracht",
                "core": "Willen we onze opdracht verbreden, en wat kunnen we daarin bijdragen?",
                "questions": [
                    ("Welke ambities hebben we, en helpt een bredere opdracht die te bereiken?", []),
                    ("Willen we de komende jaren verbreden? Waarom wel of niet?", []),
                    (
                        "Wat levert het op, en wat zijn de risico's?",
                        ["Voor studenten, starters, leraren, leerlingen, werkgevers en andere betrokkenen"],
                    ),
                    (
                        "Kunnen we het aan?",
                        [
                            "Kwaliteit, financiën, organisatie en infrastructuur",
                            "Verliezen we de kern, samen opleiden, uit het oog?",
                            "Hoe verhoudt het zich tot de werkgeversrol van scholen en besturen, en tot de "
                            "peer review?",
                        ],
                    ),
                    ("Wat betekent het voor andere partnerschappen en partijen in de regio?", []),
                ],
            },
            {
                "title": "Aanpak van de bredere opdracht",
                "core": "Hoe geven we een bredere opdracht vorm, en wat betekent dat voor onze plek in de regio?",
                "questions": [
                    (
                        "Hoe ver reikt onze opdracht? Ondersteunen we of geven we richting?",
                        [
                            "Wanneer zijn scholen, besturen en opleidingen tevreden?",
                            "Op welke thema's breiden we wel of niet uit: starters, professionalisering, onderzoek?",
                        ],
                    ),
                    ("Kan het met de huidige partners, of hebben we anderen nodig?", []),
                    ("Welke resultaten willen de partners bereiken, en hoe?", []),
                    ("Hoe blijven we voldoen aan het landelijk kwaliteitskader, ook in de peer review?", []),
                ],
            },
        ],
    },
    {
        "key": "gelijkwaardige-samenwerking",
        "title": "Gesprek over gelijkwaardige samenwerking",
        "purpose": (
            "Een gesprek op het niveau van bestuurders en directeuren van scholen en lerarenopleidingen over hoe "
            "gelijkwaardig de samenwerking is. Voer het gesprek geregeld, bij voorkeur met een onafhankelijke "
            "gespreksleider: zo komen kansen, risico's en blinde vlekken boven. Minder geschikt voor de uitvoering."
        ),
        "source": "Onderzoek gelijkwaardige samenwerking (2020), bijlage 1",
        "checklist": [
            ("Zoek een onafhankelijke gespreksleider, iemand buiten het partnerschap", ""),
            ("Nodig bestuurders en directeuren uit van scholen én lerarenopleidingen", ""),
            ("Leg associatiekaarten klaar (foto's die gevoelens over samenwerking oproepen)", ""),
            ("Post-its in drie kleuren en pennen, of open het live bord", ""),
            ("De partners: besturen, scholen en lerarenopleidingen", "partners"),
            ("Zet desgewenst vooraf een zelfevaluatie uit, zodat de uitkomsten per perspectief klaarliggen", ""),
        ],
        "themes": [
            {
                "title": "Kennismaken",
                "core": "Wie zitten er aan tafel, en hoe kijken zij naar de samenwerking?",
                "questions": [
                    (
                        "Stel je kort voor.",
                        [
                            "Naam, functie en organisatie",
                            "Rol in het partnerschap, en sinds wanneer",
                            "Voor lerarenopleidingen: in welke andere partnerschappen zit je?",
                        ],
                    ),
                    ("Kies een associatiekaart: hoe zie jij de samenwerking tussen scholen en opleidingen hier?", []),
                ],
            },
            {
                "title": "Gelijkwaardigheid: ieders beeld",
                "core": "Wat verstaan we onder gelijkwaardig samenwerken, en wat gaat goed en minder goed?",
                "questions": [
                    (
                        "Schrijf op post-its: je eigen omschrijving (geel), wat goed gaat (groen) en wat "
                        "beter kan (rood). "
                        "Licht ze kort toe.",
                        [],
                    ),
                    (
                        "Wat valt op aan elkaars antwoorden? Waar lijken ze op elkaar, waar verschillen ze?",
                        ["In de omschrijving", "In wat goed gaat", "In wat beter kan"],
                    ),
                    ("Wat is kenmerkend voor hoe wij samenwerken, in relaties, omgang en gedrag?", []),
                    ("Klopt wat op papier staat met hoe het dagelijks gaat?", []),
                    ("Wat helpt volgens jullie om gelijkwaardig samen te werken?", []),
                ],
            },
            {
                "title": "Taken, verantwoordelijkheden en besluiten",
                "core": "Hoe hebben we het werk verdeeld, en hoe nemen we besluiten?",
                "questions": [
                    (
                        "Hoe zijn taken en verantwoordelijkheden verdeeld?",
                        [
                            "Samen opleiden",
                            "Samen professionaliseren",
                            "Organisatie en penvoerderschap",
                            "Kwaliteitszorg",
                            "Financiën: kennen we elkaars begroting, wie beslist?",
                        ],
                    ),
                    ("Waarom deze verdeling, hoe tevreden zijn we erover, en verandert ze weleens?", []),
                    (
                        "Waar voelt de samenwerking het meest gelijkwaardig, en waar het minst? Waar "
                        "willen we naartoe?",
                        [],
                    ),
                    (
                        "Hoe stemmen we af, wie heeft inspraak, en hoe besluiten we?",
                        [
                            "Over omvang, werkterreinen en de verdeling van verantwoordelijkheden",
                            "Waarom deze structuur, en hoe bevalt die?",
                        ],
                    ),
                    ("Hoe borgen we de continuïteit?", []),
                    (
                        "Wat doet de omvang van het partnerschap met de verdeling? Is er een grens waarboven "
                        "gelijkwaardigheid lastig wordt?",
                        [],
                    ),
                ],
            },
            {
                "title": "Samen opleiden",
                "core": "Hoe werken scholen en opleidingen samen in het opleiden van studenten?",
                "questions": [
                    (
                        "Hoe werken we samen, en wie doet wat?",
                        [
                            "Visie en pedagogisch-didactisch concept",
                            "Plaatsingsbeleid",
                            "Gezamenlijk curriculum",
                            "Opleiden van studenten",
                            "Beoordelen van studenten",
                        ],
                    ),
                    ("Wie is eindverantwoordelijk voor elk daarvan, en waarom zo?", []),
                    ("Hoe is de financiering van het samen opleiden geregeld, en waarom?", []),
                    ("Wat gaat goed, en wat kan beter?", []),
                ],
            },
            {
                "title": "Samen professionaliseren",
                "core": "Hoe werken scholen en opleidingen samen in professionalisering en inductie?",
                "questions": [
                    (
                        "Hoe werken we samen, en wie doet wat?",
                        [
                            "Inductie van startende leraren",
                            "Professionalisering van werkplekbegeleiders, school- en instituutsopleiders, assessoren",
                            "Professionalisering van directies en besturen in samen opleiden",
                        ],
                    ),
                    ("Wie is eindverantwoordelijk, en waarom zo?", []),
                    ("Hoe is de financiering geregeld, en waarom?", []),
                    ("Wat gaat goed, en wat kan beter?", []),
                ],
            },
            {
                "title": "Succesfactoren en randvoorwaarden",
                "core": "Wat is nodig om gelijkwaardig samen te werken, en hebben we dat al?",
                "questions": [
                    ("Wat zijn de belangrijkste succes- en faalfactoren?", []),
                    ("Wat zijn de belangrijkste randvoorwaarden?", []),
                    ("In hoeverre is daaraan voldaan?", ["In ons partnerschap", "In de regio", "Landelijk"]),
                    ("Wat is nodig om eraan te voldoen?", []),
                    (
                        "Voor lerarenopleidingen in meer partnerschappen: zie je verschillen in gelijkwaardigheid? "
                        "Hoe komt dat?",
                        [],
                    ),
                ],
            },
            {
                "title": "Afsluiting",
                "core": "Wat nemen we mee?",
                "questions": [
                    ("Is er iets belangrijks dat nog niet aan bod kwam?", []),
                    ("Wanneer voeren we dit gesprek opnieuw, en wie leidt het dan?", []),
                ],
            },
        ],
    },
    {
        "key": "verdiepende-sessie",
        "title": "Verdiepende sessie: dilemma's van gelijkwaardige samenwerking",
        "purpose": (
            "Een sessie van anderhalf tot twee uur om de dilemma's van gelijkwaardige samenwerking te herkennen, "
            "de twee belangrijkste te kiezen en in subgroepen uit te diepen: kansen, uitdagingen en wat ervoor nodig "
            "is, van wie en op welk niveau. Gebruik het live bord voor de stemming en de placemat."
        ),
        "source": "Onderzoek gelijkwaardige samenwerking (2020), bijlage 2",
        "checklist": [
            (
                "Stuur de deelnemers vooraf een korte notitie met de bevindingen of de uitkomsten van de zelfevaluatie",
                "",
            ),
            ("Zet de zes dilemma's op een flap of in het live bord", ""),
            ("Zorg voor twee gespreksleiders, één per subgroep", ""),
            ("Leg per tafel een placemat met zes vragen klaar, of open de placemat in het live bord", ""),
            ("Twee stemstickers per deelnemer, of stel in het live bord twee stemmen in", ""),
        ],
        "themes": [
            {
                "title": "Opening",
                "core": "Waarom zijn we hier, en wat weten we al?",
                "questions": [
                    ("Korte kennismaking (5 minuten).", []),
                    (
                        "Presentatie (10 minuten): aanleiding, wat we tot nu toe zien en het doel van deze sessie.",
                        [
                            "Randvoorwaarden, succesfactoren en belemmeringen",
                            "De dilemma's die uit de gesprekken naar voren komen",
                        ],
                    ),
                ],
            },
            {
                "title": "De dilemma's herkennen en kiezen",
                "core": "Welke dilemma's herkennen we, en met welke twee gaan we verder?",
                "questions": [
                    (
                        "Herkennen jullie de dilemma's? Ontbreekt er een? (10 minuten)",
                        [
                            "Vertrouwen of controle, in relatie tot eindverantwoordelijkheid",
                            "Verbreding van de opdracht naar samen professionaliseren",
                            "Vraag en aanbod van opleidingsplaatsen (tekortvakken, krimp- en tekortregio's)",
                            "Gezamenlijk curriculum, programma en beoordeling",
                            "Verschil tussen wo- en hbo-trajecten en hun plek in de samenwerking",
                            "Schaalgrootte en eigenaarschap",
                        ],
                    ),
                    (
                        "Stem: ieder heeft twee stemmen. De twee dilemma's met de meeste stemmen gaan "
                        "door; nummer drie "
                        "en vier zijn reserve. (5 minuten)",
                        [],
                    ),
                ],
            },
            {
                "title": "Ronde 1: de placemat",
                "core": "Wat betekent het gekozen dilemma voor partnerschappen? (35 minuten per subgroep)",
                "questions": [
                    ("Hoe wordt dit dilemma zichtbaar in partnerschappen?", []),
                    ("In welk soort partnerschap speelt het vooral?", ["Regio, omvang, diversiteit, ontwikkelfase"]),
                    ("Welke kansen biedt het?", []),
                    ("Wat is nodig om die kansen te benutten?", ["Wat vraagt het?", "Van wie?", "Op welk niveau?"]),
                    ("Welke uitdagingen brengt het in de samenwerking?", []),
                    (
                        "Wat is nodig om die uitdagingen aan te pakken?",
                        ["Wat vraagt het?", "Van wie?", "Op welk niveau?"],
                    ),
                ],
            },
            {
                "title": "Tafelwissel en ronde 2",
                "core": "Wat voegt de andere groep toe? (35 minuten)",
                "questions": [
                    ("De gespreksleider vat de eerste ronde samen; de nieuwe groep scherpt aan en vult aan.", []),
                ],
            },
            {
                "title": "Plenaire afsluiting",
                "core": "Wat hebben we gevonden, en wat doen we ermee? (20 minuten)",
                "questions": [
                    ("Korte terugkoppeling per subgroep.", []),
                    ("Wat willen we nog meegeven? Welke afspraken en acties volgen hieruit?", []),
                ],
            },
        ],
    },
    {
        "key": "regio-drie-niveaus",
        "title": "Regionaal gesprek op drie niveaus",
        "purpose": (
            "Een gesprek tussen partnerschappen in een onderwijsregio, op drie niveaus: de regio, het partnerschap en "
            "de uitvoering. Leidraad bij elke keuze: verbetert het de leeromgeving en helpt het de student te leren?"
        ),
        "source": "Bevindingen en adviezen uit gesprekken in twee onderwijsregio's",
        "checklist": [
            ("De plannen van aanpak van de onderwijsregio('s): waar staat samen opleiden erin?", ""),
            ("Nodig bestuurders, programmaleiders en opleiders uit van alle betrokken partnerschappen", ""),
            ("De partners van ons partnerschap", "partners"),
            (
                "Een overzicht van verschillen tussen de partnerschappen: rollen, beoordelen, certificering, kwaliteit",
                "",
            ),
            ("Spreek af of het gesprek vanuit samen opleiden of vanuit de arbeidsmarkt wordt gevoerd", ""),
        ],
        "themes": [
            {
                "title": "Vooraf: uitgangspunten",
                "core": "Vanuit welk perspectief voeren we dit gesprek, en wat willen we zeker behouden?",
                "questions": [
                    (
                        "Praten we vanuit samen opleiden of vanuit de arbeidsmarkt? Zijn de opleidingen in beide "
                        "gevallen gelijkwaardige partners?",
                        [],
                    ),
                    (
                        "Wat gaat goed en houden we, zonder te veranderen om het veranderen, en zonder vast te houden "
                        "omdat het altijd zo ging?",
                        [],
                    ),
                    ("Moeten studenten en partnerscholen iets te kiezen hebben tussen partnerschappen?", []),
                    ("Hoe weten we genoeg van de onderwijsregio, en hoe houden we iedereen aangehaakt?", []),
                ],
            },
            {
                "title": "Niveau van de onderwijsregio",
                "core": "Welke gezamenlijke ambitie en governance hebben we in de regio voor samen opleiden?",
                "questions": [
                    (
                        "Hoe staat samen opleiden in de plannen van de regio, en hoe hangt het samen met "
                        "de andere vier "
                        "functies?",
                        [],
                    ),
                    ("Volgt de regio de partnerschappen, of geeft zij richting?", []),
                    (
                        "Formuleren we een gedeelde ambitie en visie?",
                        [
                            "Op samen opleiden",
                            "Op de verbinding met de andere functies",
                            "Op kwaliteitscultuur, monitoring en borging",
                            "Voor beide regio's samen of per regio?",
                        ],
                    ),
                    ("Welke governance past, wie beslist waarover, en wat spreken we af over geld?", []),
                    ("Hoe houden we alle besturen aangehaakt, zonder informatieachterstand?", []),
                    (
                        "Hoe dragen bestuurders samen de verantwoording, zodat programmaleiders hun werk kunnen doen?",
                        [],
                    ),
                ],
            },
            {
                "title": "Niveau van het partnerschap",
                "core": "Waarop stemmen we af, waarop werken we samen en wat harmoniseren we?",
                "questions": [
                    ("Waar leiden verschillen in inrichting (beoordelen, certificering, kwaliteit) tot wrijving?", []),
                    (
                        "Welke verschillen zijn verrijkend, en welke staan kwaliteit en transparantie in de weg?",
                        ["Waar helpt harmoniseren de student echt?", "Waar willen we bewust verschillend blijven?"],
                    ),
                    (
                        "Zijn taken, verantwoordelijkheden, mandaat en financiering helder, ook over "
                        "partnerschappen heen?",
                        [],
                    ),
                    ("Wordt de opleidingsinfrastructuur goed benut, ook voor zij-instromers en naar inductie?", []),
                    (
                        "Waar liggen kansen om samen te werken?",
                        [
                            "Professionalisering",
                            "Rollen, taken en benamingen",
                            "Stageplaatsing",
                            "Opleiden van zij-instromers",
                        ],
                    ),
                    (
                        "Maken we gezamenlijk beleid voor het aansluiten van nieuwe partnerscholen en criteria voor "
                        "kwaliteit en hercertificering?",
                        [],
                    ),
                    ("Hoe nemen we bestuurders en schoolleiders mee in een gedeelde taal?", []),
                    ("Zetten we de keuzes in een tijdpad met resultaatafspraken?", []),
                ],
            },
            {
                "title": "Niveau van de uitvoering",
                "core": "Wat pakken programmaleiders en opleiders samen op, op korte en langere termijn?",
                "questions": [
                    ("Waar werken we in de uitvoering al samen, en wat leren we daarvan?", []),
                    (
                        "Wat doen we op korte termijn samen?",
                        [
                            "Rollen, taken en benamingen gelijk trekken",
                            "Professionalisering en scholing",
                            "Stageplaatsing",
                            "Opleiden van zij-instromers",
                        ],
                    ),
                    ("Wat pakken we op langere termijn op, zoals de beoordeling?", []),
                    ("Welke innovatieve projecten doen we samen, en wat leren we van elkaars projecten?", []),
                    ("Hoe informeren we opleiders en studenten helder over verschillen tussen partnerschappen?", []),
                    ("Verbetert elke verandering de leeromgeving, en dient zij het leren van de student?", []),
                ],
            },
        ],
    },
]


def load_into(apps: Any) -> int:
    """Add the platform guides that are missing (by key); return how many were added. Safe to run twice."""
    Guide = apps.get_model("conversations", "Guide")
    GuideTheme = apps.get_model("conversations", "GuideTheme")
    GuideQuestion = apps.get_model("conversations", "GuideQuestion")
    ChecklistItem = apps.get_model("conversations", "ChecklistItem")
    added = 0
    for data in GUIDES:
        if Guide.objects.filter(partnership=None, key=data["key"]).exists():
            continue
        guide = Guide.objects.create(
            key=data["key"], title=data["title"], purpose=data["purpose"], source=data["source"]
        )
        for position, (text, data_key) in enumerate(data["checklist"], start=1):
            ChecklistItem.objects.create(guide=guide, position=position, text=text, data_key=data_key)
        for t_position, theme_data in enumerate(data["themes"], start=1):
            theme = GuideTheme.objects.create(
                guide=guide, position=t_position, title=theme_data["title"], core_question=theme_data["core"]
            )
            for q_position, (text, subs) in enumerate(theme_data["questions"], start=1):
                GuideQuestion.objects.create(theme=theme, position=q_position, text=text, sub_questions="\n".join(subs))
        added += 1
    return added


def load() -> int:
    from django.apps import apps

    return load_into(apps)
