"""The platform's starting content for the variant matrix and the joining process, in the project's own words.

Plain data, no Django: the data migration and the demo load it through `services.workspace.load_reference_data`,
which only adds what is missing, so changes the platform administrator makes in the admin are kept. Lists are one
item per line. Texts are Dutch content (stored rows the administrator edits), not interface texts.
"""

from __future__ import annotations

VARIANTS: list[dict[str, object]] = [
    {
        "code": "capaciteit-huidige-partners",
        "order": 10,
        "name": "Meer opleidingsplaatsen bij de huidige partners",
        "summary": "De besturen en scholen die al meedoen nemen meer studenten op, bijvoorbeeld door een extra "
        "opleidingscluster of meer plaatsen per cluster.",
        "governance": "Verdeelsleutel voor de extra plaatsen tussen de partners\n"
        "Afspraken over facilitering van mentoren en schoolopleiders\n"
        "Blijven de studentcategorieën binnen de eisen van de regeling (aandeel praktijk)?\n"
        "Bij een forse groei: opnieuw kijken naar de verhoudingen en de manier van sturen",
        "finance": "Hoe wordt de groei betaald zolang de subsidie een jaar achterloopt (t-1)?\n"
        "Willen partners of andere betrokkenen voorfinancieren?",
        "organisation": "Afspraken over hoe en wanneer de groei wordt gerealiseerd\n"
        "Kan de bestaande organisatie (plaatsing, administratie, overleg) het aan?\n"
        "Welke extra inzet vraagt het van het partnerschap en van elke partner?\n"
        "Past het gezamenlijke opleidingsprogramma nog bij de grotere groep?",
        "support": "Weten wat elke partner wil en waarom\n"
        "Het gesprek over visie en beroepsbeeld opnieuw voeren met groei als onderwerp\n"
        "Oog voor tekort- en overschotvakken, en voor gelijkwaardigheid tussen partners",
        "quality": "Groei in stappen die haalbaar zijn\n"
        "Scholing van nieuwe mentoren en schoolopleiders\n"
        "Het kwaliteitskader blijft de maat",
        "advantages": "Meer studenten worden samen opgeleid\n"
        "Bouwt voort op wat er al staat\n"
        "Vraagt relatief weinig investering",
        "disadvantages": "Te snelle groei kan draagvlak kosten, vooral bij overschotvakken\n"
        "Risico dat het een stageplaatsenmodel wordt in plaats van samen opleiden\n"
        "Een grote organisatie is lastiger te besturen\n"
        "Beperkte groei betekent dat de regio het 100%-doel op een andere manier moet halen",
        "questions": "Hoeveel extra plaatsen kan elke partner echt bieden, en in welk tempo?\n"
        "Is er genoeg draagvlak bij directeuren en teams?\n"
        "Wat betekent de groei voor het plaatsingsbeleid en voor de peer review?",
    },
    {
        "code": "nieuwe-partners",
        "order": 20,
        "name": "Groeien met nieuwe partners",
        "summary": "Nieuwe besturen, scholen of lerarenopleidingen treden toe, zodat het partnerschap meer "
        "studenten kan opleiden.",
        "governance": "Toetreding formeel regelen: intentieverklaring, aangepaste samenwerkingsovereenkomst\n"
        "Afspraken over het meetellen van studenten bij de nieuwe partners\n"
        "Verdeelsleutel en facilitering opnieuw vaststellen\n"
        "Hoe wordt er besloten als de kring groter is?",
        "finance": "Hoe wordt de groei betaald in de jaren vóór de subsidie meegroeit (t-1)?\n"
        "Wat brengen nieuwe partners zelf in?",
        "organisation": "Plaats en mandaat van nieuwe partners in stuurgroep en overleggen\n"
        "Moet de structuur anders, bijvoorbeeld in clusters?\n"
        "Plaatsing, administratie en het gezamenlijke programma aanpassen",
        "support": "Nieuwe partners verbinden zich aan de afspraken en de basiskwaliteit\n"
        "Gedeeld eigenaarschap van oude en nieuwe partners\n"
        "Visie en beroepsbeeld eventueel samen opnieuw vaststellen",
        "quality": "Vooraf helder wat toetreden vraagt\n"
        "Goede begeleiding, bijvoorbeeld met een buddyschool\n"
        "Groei in haalbare stappen, met scholing van mentoren en schoolopleiders",
        "advantages": "Meer studenten worden samen opgeleid\n"
        "Het partnerschap wordt steviger en diverser in expertise en leeromgevingen\n"
        "Bij flinke groei: een sterkere stem in de regio",
        "disadvantages": "Nieuwe partners voelen zich mogelijk minder eigenaar, wat de kwaliteit raakt\n"
        "Er is een investering nodig\n"
        "Het geld wordt over meer partners verdeeld\n"
        "Hoe meer partijen, hoe moeilijker draagvlak en één gedeelde visie te houden zijn",
        "questions": "Welke partners passen bij onze visie, en waarom willen zij aansluiten?\n"
        "Waar ligt voor ons de grens aan het aantal partners?\n"
        "Wat vraagt de toetreding van de huidige partners?",
    },
    {
        "code": "diversiteit-nieuwe-partners",
        "order": 30,
        "name": "Meer diversiteit met nieuwe partners, even veel studenten",
        "summary": "Nieuwe partners doen mee zonder dat het aantal studenten stijgt: de studenten zien meer soorten "
        "scholen (denominatie, concept, speciaal onderwijs) en de druk op de huidige scholen daalt.",
        "governance": "Toetreding formeel regelen\n"
        "De bestaande plaatsen opnieuw verdelen over oude en nieuwe partners\n"
        "Afspraken over facilitering en meetellen van studenten",
        "finance": "Dezelfde subsidie over meer partners: wat krijgt ieder nog?\n"
        "Wie betaalt de instap van de nieuwe partners?",
        "organisation": "Vertegenwoordiging van nieuwe partners in de overleggen\n"
        "Plaatsing en administratie aanpassen aan meer scholen met minder studenten per school",
        "support": "Nieuwe partners verbinden zich aan afspraken en basiskwaliteit\n"
        "Het gesprek over visie en beroepsbeeld samen voeren\n"
        "Gelijkwaardigheid tussen oude en nieuwe partners bewaken",
        "quality": "Vooraf helder wat meedoen vraagt\n"
        "Begeleiding met een buddyschool\n"
        "De verschillen tussen scholen bewust inzetten als leeromgeving",
        "advantages": "Rijkere en gevarieerdere leeromgeving voor studenten\n"
        "Lagere opleidingsdruk bij de huidige partners\n"
        "Een steviger partnerschap",
        "disadvantages": "Minder studenten per partner, wat het opleiden per school minder vanzelfsprekend maakt\n"
        "Het geld wordt verdund\n"
        "Nieuwe partners zijn mogelijk minder betrokken",
        "questions": "Welke soort scholen missen we nu (bijvoorbeeld openbaar onderwijs of speciaal onderwijs)?\n"
        "Hoeveel studenten per school zijn nodig om goed te kunnen opleiden?",
    },
    {
        "code": "satellietscholen",
        "order": 40,
        "name": "Satellietscholen in een schil rond de kern",
        "summary": "Scholen buiten het partnerschap nemen studenten op en volgen de afspraken, zonder volwaardige "
        "plek in het bestuur van het partnerschap (kern-schil).",
        "governance": "Welke plek hebben satellietscholen in de samenwerkingsovereenkomst en het reglement?\n"
        "Spreken zij mee in overleg en besluiten, en hoe?\n"
        "Tellen hun studenten mee, en hoe worden de plaatsen verdeeld?\n"
        "Hoe verhoudt de schoolopleider zich tot de leidinggevende in de satellietschool?",
        "finance": "Welk deel van het geld gaat naar satellietscholen?\nWat investeren zij zelf?",
        "organisation": "Hoe blijven satellietscholen verbonden zonder formele plek in de overleggen?\n"
        "Hoe passen zij in de begeleidingsstructuur, en wat vraagt dat van de kernscholen?",
        "support": "Satellietscholen verbinden zich aan de afspraken, de basiskwaliteit, de visie en het beroepsbeeld",
        "quality": "Vooraf helder wat van een satellietschool verwacht wordt\n"
        "Scholing voor mentoren in satellietscholen\n"
        "Een ervaren schoolopleider uit de kern als steun",
        "advantages": "Meer plaatsen zonder grote voorinvestering\n"
        "Snel te realiseren\n"
        "Het geld van de kernpartners wordt niet verdund",
        "disadvantages": "De samenwerking is niet gelijkwaardig\n"
        "Minder draagvlak en betrokkenheid bij satellietscholen\n"
        "Kwaliteit bewaken kost meer moeite",
        "questions": "Hoe ver betrekken we satellietscholen: blijft het een schil of worden het gewone partners?\n"
        "Wanneer is een satellietschool klaar om partner te worden?",
    },
    {
        "code": "nieuw-partnerschap",
        "order": 50,
        "name": "Een nieuw partnerschap naast het huidige",
        "summary": "In plaats van het huidige partnerschap verder te vergroten, start een tweede partnerschap in de "
        "regio, eventueel met hulp van het huidige.",
        "governance": "Wie neemt het initiatief, en welke partners gaan over?\n"
        "Afspraken tussen de twee partnerschappen over scholen, studenten en de regio\n"
        "Een eigen aanvraag en erkenning voor het nieuwe partnerschap",
        "finance": "Een eigen subsidie voor het nieuwe partnerschap, na een aanloopperiode\nWie betaalt de opbouw?",
        "organisation": "Een eigen programmaleiding en structuur opbouwen\n"
        "Kennis en materialen delen in plaats van alles opnieuw te maken\n"
        "Lerarenopleidingen moeten in nog een partnerschap meedoen: hebben zij die ruimte?",
        "support": "Draagvlak bij de besturen die het nieuwe partnerschap vormen\n"
        "Een eigen visie, eventueel voortbouwend op de visie van het huidige partnerschap",
        "quality": "Het nieuwe partnerschap moet zelf aan het kwaliteitskader voldoen en een peer review doorlopen\n"
        "Begeleiding door het huidige partnerschap in de opbouw",
        "advantages": "Het huidige partnerschap blijft overzichtelijk\n"
        "Een nieuw partnerschap kan dichter bij de eigen scholen en regio staan\n"
        "Eigen eigenaarschap bij de nieuwe partners",
        "disadvantages": "Veel werk om op te bouwen, en het duurt jaren\n"
        "Lerarenopleidingen raken verdeeld over nog meer tafels\n"
        "Risico van versnippering in de regio",
        "questions": "Is er in de regio een groep besturen die samen een partnerschap wil en kan dragen?\n"
        "Wat delen de partnerschappen, en wat houden zij apart?",
    },
    {
        "code": "sectoroverstijgend",
        "order": 60,
        "name": "Samenwerken over de sectoren heen (bijvoorbeeld met het mbo)",
        "summary": "Het partnerschap werkt samen met een andere sector, bijvoorbeeld het mbo (onderwijsassistenten) "
        "of het voortgezet onderwijs, en leidt samen op.",
        "governance": "Past de samenwerking in de eisen van de regeling opleidingsscholen?\n"
        "Nieuwe partners toelaten of samenwerken met een partnerschap uit de andere sector?\n"
        "Afspraken over bekostigde en niet-bekostigde studenten",
        "finance": "Welke studenten tellen mee voor de subsidie, en welke niet?\n"
        "Facilitering voor begeleiders van studenten uit een andere sector",
        "organisation": "Het werkplekcurriculum en de begeleiding op elkaar afstemmen\n"
        "In- en doorstroom van studenten tussen sectoren\n"
        "Scholing van begeleiders over de andere sector",
        "support": "Draagvlak en mandaat bij besturen, scholen en opleidingen in beide sectoren\n"
        "Een gedeeld beeld van waarom dit de studenten en de regio helpt",
        "quality": "Een opleidingsdidactiek die bij beide sectoren past\nDuidelijke verwachtingen naar studenten",
        "advantages": "Een rijkere leeromgeving, bijvoorbeeld interprofessioneel opleiden van leraren en "
        "onderwijsassistenten\n"
        "Beter gebruik van de bestaande begeleidingsstructuur\n"
        "Betere doorstroom tussen opleidingen",
        "disadvantages": "Verschillende regels, ritmes en culturen per sector\n"
        "Niet elke student telt mee voor de subsidie\n"
        "Meer afstemming nodig",
        "questions": "Met welke sector en welke opleidingen willen we samenwerken, en wat willen we ermee bereiken?\n"
        "Hoe staan de betrokken besturen en opleidingen in de andere sector tegenover samenwerking?",
    },
    {
        "code": "bredere-opdracht",
        "order": 70,
        "name": "Een bredere opdracht: inductie en professionalisering",
        "summary": "Het partnerschap groeit in wat het doet in plaats van in aantallen: het begeleidt ook startende "
        "leraren en werkt aan de professionalisering van zittende leraren.",
        "governance": "Hoe ver reikt de opdracht, en is het partnerschap sturend of ondersteunend?\n"
        "Hoe verhoudt de opdracht zich tot de werkgeversrol van scholen en besturen?\n"
        "Afspraken met andere regionale spelers (RAL/RAP, academies, netwerken)",
        "finance": "Welke geldstromen in de regio zijn er voor inductie en professionalisering, en zijn ze "
        "structureel of tijdelijk?\n"
        "Komt het geld voor het opleiden van studenten niet in de knel?",
        "organisation": "Volstaat de huidige structuur, of zijn nieuwe rollen en overleggen nodig?\n"
        "Een doorgaande lijn van student naar startende leraar",
        "support": "Willen alle partners deze bredere rol, en waarom?\n"
        "Wanneer zijn de partners tevreden over het resultaat?",
        "quality": "Blijven voldoen aan het landelijke kwaliteitskader voor samen opleiden en inductie\n"
        "Wat betekent de bredere opdracht voor de peer review?",
        "advantages": "Studenten en starters krijgen één doorlopende begeleiding\n"
        "Het partnerschap wordt belangrijker voor de regionale arbeidsmarkt\n"
        "Scholen houden leraren beter vast",
        "disadvantages": "Minder aandacht voor de kern: samen opleiden\n"
        "Is het partnerschap toegerust voor een grotere opdracht?\n"
        "Overlap met wat andere regionale partijen al doen",
        "questions": "Welke thema's willen we erbij nemen (starters, professionalisering, onderzoek), en welke niet?\n"
        "Kunnen we dit met de huidige partners, of zijn anderen nodig?",
    },
]

# The joining process of a new board or school (after the Groningen partnership's practice): the first three steps
# follow the first contact, the school decides before 1 April, and everything is in place before the summer.
ONBOARDING_STEPS: list[dict[str, object]] = [
    {
        "code": "gesprek-bestuurder",
        "order": 10,
        "title": "Kennismakingsgesprek met de bestuurder",
        "description": "Met de bestuurder, vaak samen met de HR-adviseur: wat samen opleiden is en wat het van het "
        "bestuur vraagt.",
        "rule": "na-start-gesprek",
        "days": 21,
    },
    {
        "code": "presentatie-directeuren",
        "order": 20,
        "title": "Presentatie in het directeurenoverleg van het bestuur",
        "description": "De programmaleiding vertelt de directeuren hoe het partnerschap werkt.",
        "rule": "na-start-gesprek",
        "days": 49,
    },
    {
        "code": "gesprek-schooldirecteuren",
        "order": 30,
        "title": "Gesprek met geïnteresseerde schooldirecteuren",
        "description": "Wat het in de praktijk betekent om partnerschool te zijn: mentoren, schoolopleider, ruimte "
        "voor studenten.",
        "rule": "na-start-gesprek",
        "days": 77,
    },
    {
        "code": "besluit-school",
        "order": 40,
        "title": "Besluit van de school doorgegeven",
        "description": "Directeur en team staan erachter; de school meldt vóór 1 april dat zij volgend schooljaar "
        "aansluit.",
        "rule": "vaste-datum",
        "month": 3,
        "day": 31,
    },
    {
        "code": "convenant",
        "order": 50,
        "title": "Convenant getekend",
        "description": "Het bestuur tekent de basisafspraken: wat bij aansluiting geregeld is en waar nog "
        "ontwikkeling nodig is.",
        "rule": "vaste-datum",
        "month": 6,
        "day": 1,
    },
    {
        "code": "schoolopleider",
        "order": 60,
        "title": "Schoolopleider aangesteld",
        "description": "Eén school van het cluster regelt de schoolopleider, vóór de zomervakantie.",
        "rule": "vaste-datum",
        "month": 7,
        "day": 1,
    },
    {
        "code": "buddyschool",
        "order": 70,
        "title": "Buddyschool toegewezen",
        "description": "Een ervaren partnerschool helpt de nieuwe school in het eerste jaar.",
        "rule": "vaste-datum",
        "month": 7,
        "day": 1,
    },
    {
        "code": "mentortraining",
        "order": 80,
        "title": "Mentoren ingeschreven voor de scholing begeleidingsvaardigheden",
        "description": "Wie studenten gaat begeleiden volgt de scholing; de inschrijving staat vóór de start.",
        "rule": "voor-aansluiting",
        "days": 0,
    },
]
