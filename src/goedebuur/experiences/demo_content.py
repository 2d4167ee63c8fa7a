# SPDX-License-Identifier: EUPL-1.2
"""Demo lessons, questions and answers: written for the demo of Goede Buur, about fictional
situations of the kinds described in the product brief. No real person is quoted; the
municipalities are real names attached to invented stories, every item is marked `is_demo` and shown
with a "demo" label. (title, municipality, date, phase, domains, form, visibility, cooperation, tags, body)"""

COOP_INKOOP = "demo-gezamenlijke-inkoop-werkplekken-foodvalley"
COOP_CISO = "demo-gedeelde-ciso-zwolle-en-omgeving"
COOP_ACHTERVANG = "demo-achtervang-utrechtse-heuvelrug-en-zeist"

LESSONS = [
    (
        "Migratie van het zaaksysteem kostte twee keer zo veel als begroot",
        "GM0345",
        "2025-03-12",
        "inrichten",
        ["applicaties"],
        "dvo",
        "openbaar",
        "",
        ["migratie", "kosten"],
        "We begrootten de migratie naar het gezamenlijke zaaksysteem op drie maanden. Het werden er zeven.\n\n"
        "- De **datakwaliteit** van de oude zaken viel tegen: dubbele dossiers, ontbrekende zaaktypen.\n"
        "- Elke gemeente had eigen koppelingen met het DMS die opnieuw gebouwd moesten worden.\n"
        "- Het oude contract liep nog een jaar door, dus betaalden we dubbel.\n\n"
        "Les: reken migratiekosten per koppeling en per zaaktype, en neem dubbele licenties tot de einddatum mee in de business case.",
    ),
    (
        "Onderschat de dubbele contracten tot de einddatum niet",
        "GM0340",
        "2024-10-02",
        "verkennen",
        ["applicaties", "inkoop"],
        "",
        "openbaar",
        "",
        ["kosten", "contracten"],
        "In de business case gingen we uit van besparing vanaf jaar één. Maar de lopende contracten van drie gemeenten "
        "liepen niet tegelijk af. Twee jaar lang betaalden we voor oude en nieuwe pakketten.\n\n"
        "Leg vóór het besluit alle einddatums en opzegtermijnen naast elkaar; Goede Buur laat ze zien in de inkoopkansen.",
    ),
    (
        "Bestuurlijke drukte: vier overleggen voor één besluit",
        "GM0228",
        "2024-05-21",
        "uitvoeren",
        ["bedrijfsvoering-breed"],
        "wgr-openbaar-lichaam",
        "openbaar",
        "",
        ["governance", "bestuur"],
        "Na de oprichting van het openbaar lichaam ging elk besluit langs het algemeen bestuur, het dagelijks bestuur, "
        "een ambtelijk opdrachtgeversoverleg en de raden. Een kleine wijziging in de dienstverlening duurde een half jaar.\n\n"
        "Wat hielp: een mandaatregeling voor de directeur en één jaarlijkse dienstverleningscatalogus in plaats van losse besluiten.",
    ),
    (
        "Uittreding bleek duurder dan de hele samenwerking",
        "GM0983",
        "2023-11-08",
        "uitvoeren",
        ["infrastructuur-beheer"],
        "wgr-bedrijfsvoeringsorganisatie",
        "openbaar",
        "",
        ["exit", "uittreding"],
        "Toen één gemeente uittrad, stond in de regeling alleen dat zij 'de frictiekosten' moest betalen. "
        "Over de hoogte ontstond een jarenlange discussie.\n\n"
        "Les: spreek bij de start een **uittredingsregeling** af met een rekenmethode (bijvoorbeeld drie jaar bijdrage "
        "minus wat de organisatie kan afbouwen) en wie de data en systemen meeneemt.",
    ),
    (
        "Exitstrategie vooraf in de DVO vastleggen",
        "GM0193",
        "2025-06-30",
        "overeenkomen",
        ["informatiebeveiliging-privacy"],
        "dvo",
        "openbaar",
        COOP_CISO,
        ["exit", "dvo"],
        "In onze dienstverleningsovereenkomst voor de gedeelde CISO staat nu een exitparagraaf: opzegtermijn van twaalf "
        "maanden, overdracht van dossiers en risicoregisters, en een overdrachtsgesprek met de opvolger.\n\n"
        "Dat voorkomt dat kennis verdwijnt als een gemeente er zelf een CISO bij neemt.",
    ),
    (
        "Kostenverdeelsleutel op inwoners werkte niet voor werkplekken",
        "GM0203",
        "2025-09-18",
        "overeenkomen",
        ["werkplek", "inkoop"],
        "gezamenlijke-aanbesteding",
        "leden",
        COOP_INKOOP,
        ["verdeelsleutel", "kosten"],
        "We verdeelden de kosten van de gezamenlijke werkplekaanbesteding naar inwonertal. Maar het aantal werkplekken "
        "per inwoner verschilt sterk: een gemeente met een eigen sociale dienst heeft er veel meer.\n\n"
        "We zijn overgestapt op een **verdeelsleutel** per afgenomen werkplek met een vaste voet voor het contractbeheer.",
    ),
    (
        "Gezamenlijke aanbesteding: neem de tijd voor het programma van eisen",
        "GM0289",
        "2025-11-04",
        "overeenkomen",
        ["werkplek", "inkoop"],
        "gezamenlijke-aanbesteding",
        "gemeenten",
        COOP_INKOOP,
        ["aanbesteding"],
        "Zes gemeenten, zes wensenlijstjes. Het programma van eisen kostte vier maanden in plaats van zes weken. "
        "Achteraf was dat goed besteed: tijdens de looptijd kwamen er bijna geen meerwerkverzoeken.",
    ),
    (
        "Harmonisatie van werkprocessen vóór de technische migratie",
        "GM0855",
        "2024-02-14",
        "inrichten",
        ["applicaties", "gegevensbeheer"],
        "ambtelijke-fusie",
        "openbaar",
        "",
        ["harmonisatie", "migratie"],
        "We migreerden eerst de systemen en wilden daarna de processen gelijktrekken. Dat ging mis: in één systeem "
        "draaiden drie varianten van hetzelfde proces, met drie sets zaaktypen.\n\n"
        "Les: harmoniseer eerst de werkprocessen en de gegevensdefinities, migreer daarna.",
    ),
    (
        "Personeel meenemen: frictie bij de overgang naar de werkorganisatie",
        "GM0074",
        "2023-06-19",
        "inrichten",
        ["bedrijfsvoering-breed"],
        "ambtelijke-fusie",
        "openbaar",
        "",
        ["personeel", "frictie"],
        "Medewerkers van de kleinste gemeente voelden zich 'overgenomen'. Twee ervaren beheerders vertrokken in het "
        "eerste jaar, precies de mensen die het oude netwerk kenden.\n\n"
        "Wat we anders zouden doen: per functie vroeg duidelijkheid geven, en kennisoverdracht plannen vóór de verhuizing.",
    ),
    (
        "Ambities eerst naast elkaar leggen",
        "GM0014",
        "2024-09-09",
        "intentie",
        ["bedrijfsvoering-breed"],
        "convenant-intentieverklaring",
        "openbaar",
        "",
        ["ambities", "intentie"],
        "De ene gemeente wilde vooral kosten besparen, de andere vooral de kwetsbaarheid van een kleine ICT-afdeling "
        "verlagen. Dat kwam pas na de intentieverklaring op tafel.\n\n"
        "Gebruik de vier K's (kwaliteit, kosten, kwetsbaarheid, kansen voor personeel) als gespreksstof vóór het tekenen.",
    ),
    (
        "Een intentieverklaring die te vaag was",
        "GM0687",
        "2025-01-27",
        "intentie",
        ["infrastructuur-beheer", "hosting-datacenter"],
        "convenant-intentieverklaring",
        "openbaar",
        "",
        ["intentie", "governance"],
        "Onze intentieverklaring zei dat we 'de mogelijkheden van samenwerking op ICT' zouden onderzoeken. Niemand wist "
        "wie wat moest doen, en na een jaar was er niets gebeurd.\n\nNoem in de intentie: het doel, de trekker, het budget "
        "voor de verkenning en een datum voor het go/no-go-besluit.",
    ),
    (
        "Uitwijktest pas na drie jaar voor het eerst gedaan",
        "GM1581",
        "2026-04-15",
        "uitvoeren",
        ["achtervang-uitwijk"],
        "convenant-intentieverklaring",
        "leden",
        COOP_ACHTERVANG,
        ["achtervang", "test"],
        "We spraken af elkaars achtervang te zijn, maar de eerste echte uitwijktest kwam pas na drie jaar. Toen bleek "
        "de verbinding tussen de locaties te traag om de back-ups binnen de RPO terug te zetten.\n\n"
        "Test de achtervang jaarlijks (BIO 5.30.01) en test ook het terugzetten van back-ups (BIO 8.13.04).",
    ),
    (
        "Capaciteit voor de achtervang reserveren kost ruimte en geld",
        "GM0355",
        "2026-05-02",
        "verkennen",
        ["achtervang-uitwijk", "hosting-datacenter"],
        "convenant-intentieverklaring",
        "gemeenten",
        COOP_ACHTERVANG,
        ["achtervang", "kosten"],
        "De gastgemeente moet rekken, stroom en koeling vrijhouden voor de kritieke systemen van de partner. "
        "Dat staat niet in een intentieverklaring, maar hoort wel in de kostenverdeling.",
    ),
    (
        "Een gedeelde CISO werkt, als de rol per gemeente helder is",
        "GM0148",
        "2024-03-05",
        "uitvoeren",
        ["informatiebeveiliging-privacy"],
        "dvo",
        "openbaar",
        COOP_CISO,
        ["ciso", "informatiebeveiliging"],
        "Onze gedeelde CISO werkt voor vier gemeenten. Het werkte pas toen per gemeente vastlag wie de contactpersoon "
        "is, hoe incidenten gemeld worden en hoeveel dagen per maand de CISO beschikbaar is.",
    ),
    (
        "Meten wat de samenwerking oplevert",
        "GM0166",
        "2025-02-11",
        "uitvoeren",
        ["informatiebeveiliging-privacy", "bedrijfsvoering-breed"],
        "dvo",
        "openbaar",
        COOP_CISO,
        ["evaluatie"],
        "We evalueren jaarlijks met dezelfde vijf indicatoren: beschikbaarheid, doorlooptijd van meldingen, kosten per "
        "werkplek, tevredenheid en kwetsbaarheid. Zonder nulmeting vooraf is elke besparing een schatting.",
    ),
    (
        "Datamigratie: begin met opschonen",
        "GM0344",
        "2024-12-03",
        "inrichten",
        ["gegevensbeheer"],
        "samenwerkingsovereenkomst",
        "openbaar",
        "",
        ["migratie", "data"],
        "Bij de migratie van de gegevens naar de gezamenlijke omgeving bleek een derde van de records verouderd. "
        "Opschonen vóór de migratie scheelde weken testwerk en verlaagde de licentiekosten.",
    ),
    (
        "Regeling zonder meer: licht begonnen, later toch een openbaar lichaam",
        "GM0279",
        "2023-09-26",
        "overeenkomen",
        ["infrastructuur-beheer"],
        "wgr-regeling-zonder-meer",
        "openbaar",
        "",
        ["governance", "vorm"],
        "We kozen een lichte vorm om snel te kunnen beginnen. Toen er personeel en contracten bij kwamen, moest toch "
        "een rechtspersoon worden opgericht. Denk bij de keuze van de vorm vijf jaar vooruit.",
    ),
    (
        "Centrumregeling: de gastgemeente draagt het risico",
        "GM0267",
        "2025-05-14",
        "overeenkomen",
        ["infrastructuur-beheer", "werkplek"],
        "wgr-centrumregeling",
        "openbaar",
        "",
        ["governance", "risico"],
        "In een centrumregeling neemt de centrumgemeente het personeel en de contracten. Spreek af hoe tegenvallers "
        "gedeeld worden; anders blijft de centrumgemeente met de kosten zitten.",
    ),
    (
        "Cloudmigratie: licentiekosten stegen, beheerkosten daalden minder dan gedacht",
        "GM0363",
        "2026-02-20",
        "uitvoeren",
        ["hosting-datacenter", "werkplek"],
        "samenwerkingsovereenkomst",
        "openbaar",
        "",
        ["cloud", "migratie", "kosten"],
        "Na de migratie naar de cloud stegen de licentiekosten met een kwart. De beheerkosten daalden, maar minder dan "
        "in de business case, omdat het oude datacenter nog twee jaar nodig was voor een paar applicaties.",
    ),
    (
        "Verkenning: begin met het applicatielandschap naast elkaar",
        "GM0599",
        "2026-06-08",
        "verkennen",
        ["applicaties"],
        "",
        "openbaar",
        "",
        ["verkenning", "landschap"],
        "Voordat we over een vorm praatten, legden we onze applicatielandschappen naast elkaar. Zo zagen we dat we "
        "zeven van de tien kernapplicaties al deelden, en welke contracten het eerst afliepen.",
    ),
    (
        "Voorbereiding van een business plan kost echt geld",
        "GM0228",
        "2023-04-17",
        "verkennen",
        ["bedrijfsvoering-breed"],
        "",
        "openbaar",
        "",
        ["business case", "kosten"],
        "Een gedegen business plan voor meerdere gemeenten vraagt externe ondersteuning, tijd van sleutelmensen en "
        "bestuurlijke afstemming. Reserveer er budget voor in de verkenning, niet pas daarna.",
    ),
    (
        "Werkplekbeheer samen: één servicedesk, twee werkwijzen",
        "GM0345",
        "2026-09-10",
        "inrichten",
        ["werkplek"],
        "gezamenlijke-aanbesteding",
        "leden",
        COOP_INKOOP,
        ["servicedesk", "harmonisatie"],
        "De nieuwe gezamenlijke servicedesk kreeg meldingen via twee verschillende portalen. Pas na het gelijktrekken "
        "van de meldcategorieën daalde de doorlooptijd.",
    ),
]

QUESTIONS = [
    (
        "Hoe hebben jullie de migratiekosten van een zaaksysteem begroot?",
        "GM0340",
        "2025-04-02",
        "inrichten",
        "applicaties",
        "",
        "gemeenten",
        ["migratie", "kosten"],
        "Wij staan voor de migratie naar een gedeeld zaaksysteem. Welke posten vielen bij jullie tegen?",
        [
            (
                "GM0345",
                "Reken per koppeling en per zaaktype, en neem dubbele licenties mee tot de einddatum.",
                True,
            ),
            (
                "GM0855",
                "Plan ook tijd voor het opschonen van oude dossiers; dat was bij ons de grootste post.",
                False,
            ),
        ],
    ),
    (
        "Wie heeft een uittredingsregeling met een rekenmethode?",
        "GM0344",
        "2025-08-19",
        "overeenkomen",
        "bedrijfsvoering-breed",
        "",
        "openbaar",
        ["exit", "uittreding"],
        "We stellen een gemeenschappelijke regeling op en zoeken voorbeelden van een uittredingsregeling.",
        [
            (
                "GM0983",
                "Wij gebruiken: drie jaar de jaarlijkse bijdrage, minus de kosten die de organisatie aantoonbaar "
                "kan afbouwen. Leg ook vast wie de data meeneemt.",
                True,
            )
        ],
    ),
    (
        "Welke verdeelsleutel gebruiken jullie voor gedeelde werkplekken?",
        "GM0289",
        "2025-10-01",
        "overeenkomen",
        "werkplek",
        COOP_INKOOP,
        "leden",
        ["verdeelsleutel"],
        "Inwoners, werkplekken of een mix?",
        [("GM0203", "Per afgenomen werkplek, met een vaste voet voor contractbeheer.", False)],
    ),
    (
        "Hoe vaak testen jullie de uitwijk naar de achtervanggemeente?",
        "GM0355",
        "2026-05-20",
        "uitvoeren",
        "achtervang-uitwijk",
        "",
        "gemeenten",
        ["achtervang", "test"],
        "",
        [("GM1581", "Jaarlijks een volledige test en elk kwartaal een hersteltest van een back-up.", False)],
    ),
    (
        "Hoeveel dagen per maand heeft een gedeelde CISO per gemeente nodig?",
        "GM1896",
        "2024-06-11",
        "verkennen",
        "informatiebeveiliging-privacy",
        "",
        "openbaar",
        ["ciso"],
        "",
        [
            ("GM0193", "Bij ons twee tot vier dagen per gemeente, afhankelijk van de grootte.", True),
            ("GM0148", "Spreek ook af wie de CISO vervangt bij vakantie.", False),
        ],
    ),
    (
        "Ervaring met een bestuurlijke mandaatregeling in een Wgr?",
        "GM0074",
        "2024-07-23",
        "uitvoeren",
        "bedrijfsvoering-breed",
        "",
        "openbaar",
        ["governance", "bestuur"],
        "Hoe voorkomen jullie dat kleine besluiten langs alle overleggen moeten?",
        [],
    ),
    (
        "Hoe hebben jullie ambities vooraf vergeleken?",
        "GM0687",
        "2025-02-03",
        "intentie",
        "bedrijfsvoering-breed",
        "",
        "openbaar",
        ["ambities"],
        "",
        [("GM0014", "Met de vier K's: elke gemeente gaf per K een gewicht en een toelichting.", True)],
    ),
    (
        "Welke indicatoren gebruiken jullie om de samenwerking te evalueren?",
        "GM0345",
        "2026-08-27",
        "uitvoeren",
        "",
        "",
        "gemeenten",
        ["evaluatie"],
        "",
        [],
    ),
]
