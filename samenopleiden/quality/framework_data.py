"""The national quality framework as data: the four safeguards, their eleven elements, the guiding questions and
writing tips for each, the minimum that must be visible, and general tips for the working method and the writing.

Written in the project's own words after the handreiking for the core document (seed 004). `services_document.
framework_load()` loads these rows once (by code) through a data migration; afterwards the platform administrator
edits them in the Django admin, and loading again never overwrites an edited row.

Questions and tips are one per line. Plain Python, no Django.
"""

from __future__ import annotations


def _(s: str) -> str:
    """Marks a text for translation (makemessages); the templates translate it when shown."""
    return s


SAFEGUARDS: list[dict] = [
    {
        "code": "lerende-leraar",
        "number": 1,
        "name": "De lerende leraar",
        "description": (
            "Scholen en opleidingen delen één beeld van het beroep van leraar en hebben dat omgezet in een visie "
            "op hoe leraren leren en hoe zij samen worden opgeleid. Die visie is het vertrekpunt van het hele "
            "kerndocument en hoort bij de samenwerkingsovereenkomst."
        ),
        "questions": (
            "Welke opdracht heeft het partnerschap in de eigen regio?\n"
            "Welke leraren wil het partnerschap opleiden voor de regio, en hoe kunnen zij zich verder ontwikkelen?\n"
            "Wat maakt het partnerschap tot het partnerschap dat het wil zijn, en wat bindt de partners?\n"
            "Waarmee wil het partnerschap zich onderscheiden?\n"
            "Wat betekent de visie voor elke rol in het partnerschap?\n"
            "Hoe krijgt het beroepsbeeld een plaats in het samen opleiden van nieuwe leraren?\n"
            "Welke eigen ambities en doelen stelt het partnerschap boven op de basiskwaliteit?\n"
            "Hoe breed worden beroepsbeeld en visie gedragen, en wat is nodig om dat draagvlak te vergroten?\n"
            "Zijn de ambities haalbaar en uitvoerbaar?\n"
            "Kijken alle partners naar hetzelfde toekomstbeeld?"
        ),
        "tips": (
            "Laat je inspireren door de landelijke publicaties over het beroepsbeeld van de leraar.\n"
            "Betrek partners van elk niveau bij het formuleren van beroepsbeeld en visie.\n"
            "Lees de visies van andere partnerschappen, bijvoorbeeld via de landelijke lijst van partnerschappen."
        ),
        "suggested_words": 800,
    },
    {
        "code": "leeromgeving",
        "number": 2,
        "name": "De leeromgeving",
        "description": (
            "Vanuit de visie hebben de partners een samenhangende leeromgeving ingericht die (aankomende) leraren "
            "helpt zich als professional te ontwikkelen: met gedeelde verantwoordelijkheid, een verbinding tussen "
            "theorie en praktijk en tussen leren op het instituut en leren op de werkplek."
        ),
        "questions": "",
        "tips": "",
        "suggested_words": 0,
    },
    {
        "code": "organisatie",
        "number": 3,
        "name": "De organisatie",
        "description": (
            "Het partnerschap heeft vastgelegd wie welke verantwoordelijkheid draagt en welke bekwaamheden daarbij "
            "horen, en dat ingebed in de organisatiestructuur en het personeelsbeleid van de partners, zodat de "
            "organisatie de visie en de leeromgeving kan dragen."
        ),
        "questions": "",
        "tips": (
            "Een organogram maakt de structuur in één oogopslag duidelijk.\n"
            "Verwijs naar de plek waar regelingen en afspraken staan in plaats van ze over te nemen."
        ),
        "suggested_words": 0,
    },
    {
        "code": "kwaliteitscultuur",
        "number": 4,
        "name": "Kwaliteitscultuur",
        "description": (
            "Vanuit de gedeelde visie voeren alle betrokkenen een open gesprek over kwaliteit en verbetering: doen "
            "we wat we bij de eerste drie waarborgen hebben afgesproken, en doen we het goed?"
        ),
        "questions": "",
        "tips": "",
        "suggested_words": 0,
    },
]

ELEMENTS: list[dict] = [
    {
        "code": "in-en-doorstroom",
        "safeguard": "leeromgeving",
        "order": 1,
        "name": "In- en doorstroom",
        "description": (
            "Hoeveel opleidingsplaatsen het partnerschap heeft, welke categorieën studenten er een traject volgen, "
            "welke opleidingsvarianten er zijn (voltijd, deeltijd, flexibel, maatwerk), hoe studenten worden "
            "geworven en geplaatst, en welk aanstellingsbeleid en welke vergoedingen gelden."
        ),
        "questions": (
            "Hoeveel opleidingsplaatsen heeft het partnerschap, en zijn er afspraken over quota of over het "
            "aantal plaatsen per leerling?\n"
            "Welke categorieën studenten (a tot en met h van de regeling) leidt het partnerschap op?\n"
            "Welke verdeelsleutel hanteren de scholen en instituten onderling?\n"
            "Op welke momenten stromen de verschillende categorieën en varianten in en door, en wat vraagt dat "
            "van planning en organisatie?\n"
            "Welke procedures gelden, zoals het inventariseren van plaatsen, matching, warme overdracht, "
            "vrijstellingen en erkenning van eerder verworven competenties?\n"
            "Hoe komen studenten binnen, en is werving nodig?\n"
            "Hoe worden studenten en scholen aan elkaar gekoppeld bij de start en bij de overstap naar een "
            "volgende fase?\n"
            "Welke afspraken gelden over aanstelling (bijvoorbeeld de maximale omvang) en vergoedingen?"
        ),
        "tips": (
            "Zet de capaciteit en de categorieën in een tabel; het platform vult die met [[gegevens:capaciteit]] en "
            "[[gegevens:categorieen]].\n"
            "Noem ook de samenwerking met andere partnerschappen bij het plaatsen van studenten."
        ),
        "suggested_words": 700,
    },
    {
        "code": "ontwerp",
        "safeguard": "leeromgeving",
        "order": 2,
        "name": "Ontwerp",
        "description": (
            "De opleidingsdoelen, het didactisch ontwerp en de curriculuminhoud: de doelen van het samen opleiden "
            "vanuit beroepsbeeld en visie, hoe die zich verhouden tot de curricula van de opleidingen, de "
            "afgesproken ontwerpprincipes, de leeractiviteiten (werkplekleren, intervisie, leerteams, praktijkdagen, "
            "modules, opdrachten, projecten) en de verbinding tussen opleiding en werkplek."
        ),
        "questions": (
            "Hoe betrekken we partners en belanghebbenden, ook studenten, bij het ontwerpen?\n"
            "Wat verstaan we in dit partnerschap onder opleiden en onder begeleiden?\n"
            "Welke doelen en ontwerpprincipes volgen uit beroepsbeeld en visie?\n"
            "Wat betekenen die principes voor de inrichting van de leeromgeving?\n"
            "Hoe zorgen we dat elke student zich zo goed mogelijk kan ontwikkelen, en wat vraagt dat van opleiding "
            "en begeleiding?\n"
            "Hoe werken scholen en instituten samen bij opleiden en begeleiden, en welke rol hebben begeleiders, "
            "opleiders en studenten?\n"
            "Is er genoeg afwisseling in leeractiviteiten en leerroutes?\n"
            "Hoe sluiten leren op het instituut en leren op de werkplek aan in inhoud, timing en studeerbaarheid?\n"
            "Leiden doelen en principes tot programma's die haalbaar zijn en logisch zijn opgebouwd?\n"
            "Hoe is geborgd dat studenten verschillende vormen van onderwijs, scholen met verschillende visies, "
            "de rollen in het beroep, praktijkonderzoek en ontwikkelopdrachten leren kennen?"
        ),
        "tips": (
            "Neem de tijd voor het ontwerp: het is de basis van de rest van het document.\n"
            "Laat per leeractiviteit zien hoe die past bij beroepsbeeld en visie.\n"
            "Zorg voor draagvlak voor het ontwerp bij alle scholen en instituten.\n"
            "Kijk naar voorbeelden van andere partnerschappen en naar de publicaties van het landelijk platform."
        ),
        "suggested_words": 900,
    },
    {
        "code": "programmas",
        "safeguard": "leeromgeving",
        "order": 3,
        "name": "Opleidings- en begeleidingsprogramma's",
        "description": (
            "Het ontwerp uitgewerkt in programma's per opleidingsvariant: het programma dat scholen en instituten "
            "samen aanbieden (niet de curricula van de opleidingen zelf), met ruimte voor maatwerk en flexibele "
            "routes, aandacht voor leervaardigheden en aansluiting bij de school als lerende organisatie."
        ),
        "questions": (
            "Welke begeleiding, leeractiviteiten en leerroutes bieden we, en wie is waarvoor verantwoordelijk?\n"
            "Welke plaats heeft onderzoek in de programma's?\n"
            "Hoe helpt het programma studenten hun leeruitkomsten te halen, en hoe zijn maatwerk en flexibele "
            "routes ingericht?\n"
            "Krijgen studenten genoeg gelegenheid voor gevarieerde leerervaringen?\n"
            "Hoe komen leervaardigheden aan bod, zoals het benoemen van leervragen en van de eigen behoefte aan "
            "begeleiding?\n"
            "Hoe verbinden de programma's de opleiding met de werkplek?\n"
            "Zijn de programma's haalbaar in studeerbaarheid en timing?\n"
            "Zijn de programma's duidelijk voor studenten, begeleiders en opleiders, bijvoorbeeld in een "
            "programmaboekje of op de website?\n"
            "Hoe dragen de programma's bij aan de school als professionele en lerende organisatie?\n"
            "Hoe is geborgd dat de werkplek een professionele leeromgeving is voor aankomende en startende "
            "leraren?\n"
            "Wat doen we voor studenten die vertraging oplopen of dreigen uit te vallen?\n"
            "Hoe doen studenten ervaring op met verschillende vormen van onderwijs, verschillende scholen, de "
            "rollen in het beroep, praktijkonderzoek en opdrachten die bijdragen aan de schoolontwikkeling?"
        ),
        "tips": (
            "Beschrijf per opleidingsvariant wat anders is; herhaal niet wat voor alle varianten geldt.\n"
            "Leg uit hoe het gezamenlijke programma zich verhoudt tot de curricula van de opleidingen, zonder die "
            "curricula over te schrijven."
        ),
        "suggested_words": 1000,
    },
    {
        "code": "feedback-en-beoordeling",
        "safeguard": "leeromgeving",
        "order": 4,
        "name": "Feedback en beoordeling",
        "description": (
            "Het samenhangende systeem van feedback en beoordeling dat past bij het ontwerp: de vormen, de "
            "instrumenten, wie erbij betrokken is en wie waarvoor verantwoordelijk is. Scholen en opleidingen "
            "beoordelen samen; de opleiding houdt de eindverantwoordelijkheid."
        ),
        "questions": (
            "Hoe beoordelen de verschillende opleidingen, waar verschillen ze en waar is afstemming nodig?\n"
            "Is er een beoordelingsplan of -protocol dat het partnerschap samen heeft gemaakt?\n"
            "Dekken de beoordelingen samen alle eindkwalificaties?\n"
            "Welke vormen en instrumenten van feedback en beoordeling gebruiken we?\n"
            "Beoordelen we verschillende categorieën studenten op verschillende manieren?\n"
            "Hoe past de beoordeling bij de opleidingsdoelen, het didactisch ontwerp en de inhoud?\n"
            "Hoe zijn feedback en beoordeling ingebed in de programma's?\n"
            "Hoe zorgen we dat beoordelaars onderling tot hetzelfde oordeel komen, en dat beoordelingen valide "
            "zijn?\n"
            "Kalibreren de betrokkenen regelmatig met elkaar?\n"
            "Welke afspraken gelden over de rollen en verantwoordelijkheden bij toetsen en beoordelen, en zijn die "
            "voor iedereen duidelijk?\n"
            "Weten student, begeleider en opleider wat er van hen wordt verwacht: hoe feedback te geven, hoeveel "
            "lesbezoeken, welke kijkwijzers, rubrics en formulieren?"
        ),
        "tips": "Een overzicht per opleidingsjaar van wie wat beoordeelt, met welk instrument, maakt veel duidelijk.",
        "suggested_words": 800,
    },
    {
        "code": "ondersteuning",
        "safeguard": "leeromgeving",
        "order": 5,
        "name": "Ondersteuning",
        "description": (
            "Welke middelen, ruimte, facilitering en ondersteuning studenten krijgen bij het leren, en hoe zij "
            "weten wat er is en hoe zij het krijgen."
        ),
        "questions": (
            "Welke ondersteuning biedt het partnerschap studenten in de leeromgeving?\n"
            "Welke aanvullende ondersteuning bieden scholen, besturen en opleidingen elk?\n"
            "Hoe is de ondersteuning ingebed in de programma's, en wanneer en hoe kunnen studenten er gebruik van "
            "maken?\n"
            "Hoe horen studenten welke ondersteuning er is?\n"
            "Weten studenten echt wat er is en hoe zij het krijgen?"
        ),
        "tips": "Vraag studenten of zij de ondersteuning kennen; hun antwoord is een goede toets voor deze tekst.",
        "suggested_words": 400,
    },
    {
        "code": "breed-perspectief",
        "safeguard": "leeromgeving",
        "order": 6,
        "name": "Ruimte voor een breed perspectief",
        "description": (
            "Hoe studenten kennismaken met verschillende vormen van onderwijs en scholen met verschillende "
            "onderwijsvisies, de rollen in het beroep leren kennen, praktijkonderzoek doen en opdrachten of "
            "projecten uitvoeren die bijdragen aan hun eigen ontwikkeling, het programma of de school."
        ),
        "questions": (
            "Hoe maken studenten kennis met verschillende vormen van onderwijs?\n"
            "Hoe leren zij scholen met verschillende onderwijsvisies kennen?\n"
            "Hoe ontwikkelen zij zich in de verschillende rollen van het beroep?\n"
            "Welke ruimte hebben zij voor systematisch praktijkonderzoek?\n"
            "Welke opdrachten of projecten dragen bij aan hun eigen ontwikkeling, het programma of de "
            "schoolontwikkeling?"
        ),
        "tips": (
            "Maak dit zichtbaar in de beschrijving van in- en doorstroom, ontwerp en programma's, en vat het hier "
            "samen."
        ),
        "suggested_words": 400,
    },
    {
        "code": "organisatiestructuur",
        "safeguard": "organisatie",
        "order": 7,
        "name": "Organisatiestructuur",
        "description": (
            "De structuur van overleg en afspraken: vaak een stuur- of regiegroep van directies en bestuurders die "
            "besluit, een programmaleider of coördinator die de dagelijkse leiding heeft en de verbindingen legt, "
            "en een werkgroep van school- en instituutscoördinatoren die beleid naar de praktijk vertaalt."
        ),
        "questions": (
            "Hoe is de organisatiestructuur ingericht, met de overleg- en afsprakenstructuur?\n"
            "Hoe zijn gezamenlijkheid en gedeelde verantwoordelijkheid zichtbaar in die structuur?\n"
            "Hoe bewaken we dat afspraken worden nagekomen, en wat gebeurt er als dat niet zo is?\n"
            "Welke rol hebben leidinggevenden van alle partners: in beleid, facilitering en inhoud?\n"
            "Hoe worden draagvlak en betrokkenheid van medewerkers op alle niveaus georganiseerd?\n"
            "Aan welke externe overleggen en regionale samenwerkingen neemt het partnerschap deel?"
        ),
        "tips": "Het platform tekent het organogram uit de gremia met [[gegevens:organisatie]].",
        "suggested_words": 600,
    },
    {
        "code": "rollen",
        "safeguard": "organisatie",
        "order": 8,
        "name": "Rollen, competenties en verantwoordelijkheden",
        "description": (
            "Welke rollen er zijn bij het samen opleiden en welke bekwaamheden en verantwoordelijkheden daarbij "
            "horen: in de school de werkplekbegeleider, de schoolopleider, de schoolcoördinator en de assessor; "
            "in de opleiding de instituutsopleider en de instituutscoördinator. Elk partnerschap kiest eigen namen."
        ),
        "questions": (
            "Zijn de benodigde bekwaamheden en verantwoordelijkheden per rol actueel beschreven?\n"
            "Zijn die rollen ingebed in de organisatie van het partnerschap en in het personeelsbeleid van de "
            "partners?\n"
            "Welke eisen stellen we aan de medewerkers in elke rol?\n"
            "Wie is verantwoordelijk voor de kwaliteit van begeleiding, beoordeling en werkplek?\n"
            "Wie mag beoordelen, en hoe zijn assessoren gecertificeerd?"
        ),
        "tips": (
            "Gebruik een landelijk rollenportfolio als kapstok en noem de eigen benaming van elke rol.\n"
            "Het platform zet rollen en uren per student in een tabel met [[gegevens:rollen]]."
        ),
        "suggested_words": 700,
    },
    {
        "code": "facilitering",
        "safeguard": "organisatie",
        "order": 9,
        "name": "Facilitering",
        "description": (
            "De afspraken over uren per rol: hoeveel tijd werkplekbegeleiders, school- en instituutsopleiders ten "
            "minste per student krijgen, hoeveel uren er zijn voor coördinerende taken, en welke rol de "
            "leidinggevende daarin heeft."
        ),
        "questions": (
            "Hoeveel uur krijgt elke begeleidings- en opleidersrol ten minste per student?\n"
            "Verschilt dat per categorie student?\n"
            "Hoeveel uren zijn er voor overkoepelende en coördinerende taken?\n"
            "Welke rol speelt de leidinggevende bij het toekennen van die uren?"
        ),
        "tips": "Zet de normen in een tabel en verwijs naar het convenant voor de bedragen.",
        "suggested_words": 400,
    },
    {
        "code": "professionele-ontwikkeling",
        "safeguard": "organisatie",
        "order": 10,
        "name": "Professionele ontwikkeling",
        "description": (
            "Hoe de betrokkenen deskundig worden, hun deskundigheid aantonen en deskundig blijven, passend bij de "
            "visie; hoe dat systematisch aandacht krijgt en is ingebed in het personeelsbeleid van de partners, "
            "met de rol van leidinggevenden en de gesprekscyclus."
        ),
        "questions": (
            "Hoe kijken we naar de professionalisering van iedereen die bij het samen opleiden betrokken is?\n"
            "Welke mogelijkheden zijn er om deskundig te worden, bijvoorbeeld scholing?\n"
            "Hoe tonen mensen hun deskundigheid aan, bijvoorbeeld met het beroepsregister lerarenopleiders of "
            "een certificaat?\n"
            "Hoe blijven zij deskundig, bijvoorbeeld met bijscholing, kennisdeling en intervisie?\n"
            "Hoe wordt deelname gefaciliteerd in budget en uren, en wat is daarover afgesproken op het niveau van "
            "het partnerschap en van elke partner?\n"
            "Hoe bewaken we de kwaliteit van de professionalisering?\n"
            "Krijgt de ontwikkeling van de betrokkenen systematisch aandacht, en hoort die bij de "
            "gesprekscyclus?\n"
            "Hoe is het samen opleiden ingebed in het personeelsbeleid: functiebouwwerk, loopbanen, "
            "deskundigheidsbevordering?"
        ),
        "tips": "Het platform laat met [[gegevens:bekwaamheden]] zien hoeveel begeleiders geschoold zijn.",
        "suggested_words": 700,
    },
    {
        "code": "basiskwaliteit-ambities-systematiek",
        "safeguard": "kwaliteitscultuur",
        "order": 11,
        "name": "Basiskwaliteit, ambities en systematiek",
        "description": (
            "De basiskwaliteit als vertrekpunt, de eigen ambities en ontwikkel- en kwaliteitsdoelen daarboven, en "
            "de systematiek waarmee het partnerschap kwaliteit bewaakt en verbetert: welke cyclus, welke gegevens "
            "en onderzoek, hoe de peer review daarin past, en hoe het gesprek over kwaliteit wordt gevoerd (doen "
            "we het goede, hoe weten we dat, vinden anderen dat ook, wat doen we ermee?)."
        ),
        "questions": (
            "Wat wil het partnerschap op korte en lange termijn bereiken vanuit de eigen visie, en hoe verhoudt "
            "dat zich tot de vier waarborgen?\n"
            "Wanneer zijn we tevreden, en welke concrete resultaten willen we halen?\n"
            "Zijn de ontwikkel- en kwaliteitsdoelen SMART, en zijn ze een goede basis voor het gesprek over "
            "kwaliteit?\n"
            "Wat is afgesproken over hoe die doelen worden gehaald?\n"
            "Welke kwaliteitscyclus volgt het partnerschap, en hoe is de landelijke peer review daarin ingebed?\n"
            "Hoe vult het partnerschap elke fase van die cyclus in?\n"
            "Welke onderzoeksuitkomsten gebruiken we in het gesprek over kwaliteit, en is aanvullend onderzoek "
            "nodig?\n"
            "Hoe voeren we het open gesprek over kwaliteit met alle betrokkenen, ook studenten?\n"
            "Hoe is geborgd dat het partnerschap blijft evalueren en zich blijft ontwikkelen?"
        ),
        "tips": (
            "Stel de vier vragen van het kwaliteitskader: doen we het goede, hoe weten we dat, vinden anderen dat "
            "ook, en wat doen we daarmee?\n"
            "Koppel elke ambitie aan een waarborg en aan een meetbaar doel."
        ),
        "suggested_words": 900,
    },
]

# What must at least be visible of the learning environment (safeguard 2).
MINIMUM_ITEMS: list[dict] = [
    {
        "code": "gezamenlijk-programma",
        "order": 1,
        "text": "Er is één gezamenlijk opleidingsprogramma voor de verschillende groepen (aankomende) leraren.",
    },
    {
        "code": "uitvoering-transparant",
        "order": 2,
        "text": "Het is duidelijk hoe scholen en opleidingen dat programma samen in de praktijk uitvoeren.",
    },
    {
        "code": "vastgelegd",
        "order": 3,
        "text": "Doelen, programma's en manieren van beoordelen zijn vastgelegd.",
    },
    {
        "code": "werkplek-leeromgeving",
        "order": 4,
        "text": (
            "De werkplek is een professionele leeromgeving waarin aankomende en startende leraren zich goed kunnen "
            "ontwikkelen."
        ),
    },
]

# Starting points, working method and writing tips for the whole document (shown on the framework page and beside
# every editor).
WORKING_METHOD = [
    _("Betrek vertegenwoordigers van alle partners op alle niveaus bij het schrijven."),
    _("Maak van het kerndocument een project met een omschreven resultaat en een einddatum."),
    _("Plan realistisch, zodat het document vóór de peer review klaar en vastgesteld is."),
    _("Wijs één projectleider aan die het project coördineert en bewaakt."),
    _("Vorm een of meer schrijfgroepen en geef één persoon de regie over de tekst, voor één samenhangend verhaal."),
    _("Organiseer genoeg feedbackrondes met vertegenwoordigers van alle partijen en bespreek concepten geregeld."),
    _(
        "Zorg dat werkplekbegeleiders, schoolopleiders, instituutsopleiders, schoolleiders, directies en "
        "bestuurders het hele schrijfproces betrokken blijven."
    ),
    _("Schrijven en overleggen kost tijd: faciliteer de betrokkenen en structureer de overleggen."),
    _("Laat steeds zien hoe elk onderdeel voortkomt uit visie en beroepsbeeld."),
    _("Laat het document vaststellen in een bestuurlijk overleg van alle partners."),
    _("Laat collega's van andere partnerschappen meelezen en verwerk hun feedback."),
    _("Toets regelmatig of het document nog past bij de praktijk, en stel het bij waar nodig."),
    _("Maak duidelijk hoe scholen en opleidingen het samen opleiden opnemen in hun eigen beleidsplannen."),
]

WRITING_TIPS = [
    _("Orden de hoofdstukken logisch en gebruik tussenkopjes."),
    _(
        "Begin met een korte schets van het partnerschap: partners, missie, ontstaan; verwijs naar de "
        "profielpagina en de website."
    ),
    _("Schrijf helder en concreet; vermijd vage containerbegrippen."),
    _("Gebruik af en toe beeld om de visie kracht bij te zetten."),
    _("Houd het kort: beschrijf de hoofdzaken en conclusies en verwijs voor de rest naar bijlagen."),
    _("Zorg voor een duidelijke opbouw."),
    _("Lees alleen de eerste zin van elke alinea: vormen die samen een samenvatting, dan is de rode draad helder."),
    _("Sluit af met, of begin met, een krachtige samenvatting."),
]

# The sections a new core document starts with: one for the first safeguard, one per element.
START_SECTIONS = [
    {"safeguard": "lerende-leraar", "element": "", "title": "Visie en beroepsbeeld"},
    *({"safeguard": row["safeguard"], "element": row["code"], "title": row["name"]} for row in ELEMENTS),
]
