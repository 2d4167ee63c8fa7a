# SPDX-License-Identifier: EUPL-1.2
"""Attribution of every data source shipped with Goede Buur (shown on "Over de gegevens")."""

from django.utils.translation import gettext_lazy as _

SOURCES = [
    {
        "title": _("Gemeentegrenzen en regio-indelingen"),
        "attribution": _("Bron: CBS / Kadaster (PDOK), bewerkt door cartomap/nl"),
        "url": "https://cartomap.github.io/nl/",
        "detail": _(
            "CBS Gebiedsindelingen (gegeneraliseerde grenzen) van 2026 (gemeenten, provincies, COROP) en 2025 "
            "(veiligheidsregio, GGD-regio, arbeidsmarktregio, jeugdregio, RES-regio), cartomap/nl commit "
            "01e3b4ce. Grenzen vereenvoudigd voor kaarten op landelijke schaal; niet voor juridisch gebruik. "
            "Buren: gemeenten die een stuk grens delen; de vijf Waddeneilanden hebben geen buren in deze kaart."
        ),
        "licence": _("Open data (PDOK); CC BY 4.0 voor deze dataset niet bevestigd"),
    },
    {
        "title": _("Inwoners per gemeente"),
        "attribution": _("Bron: CBS, Kerncijfers wijken en buurten 2024"),
        "url": "https://service.pdok.nl/cbs/wijkenbuurten/2024/wfs/v1_0",
        "detail": _("Geregistreerde inwoners op 1 januari 2024 (StatLine 85984NED); totaal 17.942.942."),
        "licence": _("CBS-statistieken, open data"),
    },
    {
        "title": _("GEMMA-referentiecomponenten en buitengemeentelijke voorzieningen"),
        "attribution": "GEMMA, VNG Realisatie",
        "url": "https://github.com/VNG-Realisatie/GEMMA-Archi-repository",
        "detail": _(
            "Uit het GEMMA ArchiMate-model, commit 13846a57 (30 juni 2026): 171 referentiecomponenten en 56 "
            "buitengemeentelijke voorzieningen, met hun GEMMA-id, status en BBN/BIV-advies."
        ),
        "licence": "EUPL",
    },
    {
        "title": _("Register van gemeenschappelijke regelingen (GR-register)"),
        "attribution": _("Bron: Register van Overheidsorganisaties (KOOP), via polder"),
        "url": "https://organisaties.overheid.nl/archive/exportOO.xml",
        "detail": _(
            "Alle gemeenschappelijke regelingen (art. 136 Wgr) met hun versies, deelnemers en "
            "toetredingsdata, momentopname met peildatum 16 mei 2026 (polder, commit 82b2d3b). Opgeheven "
            "gemeenten zijn gekoppeld aan hun opvolger (CBS-gemeentelijke indeling). Beheerders werken het bij "
            "met goedebuur import-gr en de dagelijkse export van KOOP. Ook de samenstelling van elke gemeenteraad "
            "(zetels per partij) en het algemene web- en e-mailadres van elke gemeente komen uit deze bron."
        ),
        "licence": "CC0 1.0",
    },
    {
        "title": _("Echte ICT-samenwerkingen (startvulling van het register)"),
        "attribution": _("Openbare bronnen per samenwerking, zie elke samenwerkingspagina"),
        "url": "",
        "detail": _(
            "Negen bestaande samenwerkingsverbanden met hun bronnen. De status is die volgens de bronnen en "
            "kan inmiddels veranderd zijn; gemeenten kunnen hun gegevens zelf bijwerken."
        ),
        "licence": _("Feiten uit openbare bronnen"),
    },
    {
        "title": _("Kengetallen voor standaardwaarden"),
        "attribution": "M&I/Partners, ICT-benchmark gemeenten; COELO (Allers & De Greef, 2017); BIO2",
        "url": "",
        "detail": _(
            "ICT-kosten per inwoner: €71 (2004), €78 (2011), €74 (2013), €84 (2018), €86 (2019), €93 (2020), "
            "€96 (2021). Deze kengetallen worden gebruikt als standaardwaarde waar een gemeente zelf niets "
            "heeft ingevuld, en worden daar met bron en jaar getoond."
        ),
        "licence": _("Geciteerd met bronvermelding"),
    },
]
