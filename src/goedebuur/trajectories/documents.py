# SPDX-License-Identifier: EUPL-1.2
"""Draft outlines in Dutch from a trajectory's data: letter of intent (intentieverklaring),
cooperation agreement (samenwerkingsovereenkomst) and DVO, as Markdown and DOCX.

They are outlines to start the conversation with, not legal advice; every document says so."""

from dataclasses import dataclass, field

from goedebuur.core.trajectory.alignment import FOUR_KS, MOTIVES
from goedebuur.documents import WordDocument

from .ambitions import picture
from .models import Trajectory

DISCLAIMER = (
    "Dit is een conceptopzet die Goede Buur uit de gegevens van het traject heeft gemaakt. Het is geen "
    "juridisch advies: laat de tekst toetsen door de juristen van de gemeenten voordat iemand tekent."
)
KINDS = {
    "intentieverklaring": "Intentieverklaring",
    "samenwerkingsovereenkomst": "Samenwerkingsovereenkomst (opzet)",
    "dvo": "Dienstverleningsovereenkomst (DVO, opzet)",
}
FORMATS = ("md", "docx")


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)  # paragraphs after the bullets


@dataclass
class Outline:
    title: str
    subtitle: str
    sections: list[Section]


def _parties(trajectory: Trajectory, partners) -> Section:
    return Section(
        "Partijen",
        ["De colleges van burgemeester en wethouders van de volgende gemeenten, hierna samen 'de partijen':"],
        [f"gemeente {p.municipality.name} (CBS-code {p.municipality.code})" for p in partners],
    )


def _scope(trajectory: Trajectory) -> Section:
    domains = [d.name for d in trajectory.domains.all()] or ["[nog te bepalen ICT-domeinen]"]
    paragraphs = [trajectory.description] if trajectory.description else []
    paragraphs.append("De samenwerking betreft de volgende ICT-domeinen:")
    return Section("Onderwerp en reikwijdte", paragraphs, domains)


def _goals(trajectory: Trajectory) -> Section:
    alignment = picture(trajectory)
    bullets = []
    for code, label in FOUR_KS:
        scores = [
            f"{p.municipality.name} {getattr(alignment.ambitions[p.municipality_id], code)}"
            for p in alignment.partners
            if p.municipality_id in alignment.ambitions
        ]
        if scores:
            bullets.append(f"{label}: {', '.join(scores)} (0-5)")
    paragraphs = []
    if not bullets:
        bullets = [f"{label}: [gewicht per partij invullen]" for _, label in FOUR_KS]
    for ambition in alignment.ambitions.values():
        if ambition.must_haves:
            paragraphs.append(
                f"Harde eisen van {ambition.municipality.name}: {'; '.join(ambition.must_haves.splitlines())}."
            )
    motives = {MOTIVES[a.motive] for a in alignment.ambitions.values()}
    if motives:
        paragraphs.append(f"Motief: {', '.join(sorted(motives))}.")
    intro = ["De partijen streven met de samenwerking de volgende doelen na (de vier K's):"]
    return Section("Doelen en ambities", intro, bullets, paragraphs)


def _form(trajectory: Trajectory) -> str:
    return trajectory.intended_form.name if trajectory.intended_form_id else "[vorm nog te kiezen]"


def letter_of_intent(trajectory: Trajectory, partners) -> list[Section]:
    return [
        _parties(trajectory, partners),
        Section(
            "Overwegingen",
            [
                "De partijen willen de kwaliteit en continuïteit van hun ICT verbeteren, kwetsbaarheid "
                "verlagen en waar mogelijk kosten besparen, met behoud van ieders zelfstandigheid."
            ],
        ),
        _scope(trajectory),
        _goals(trajectory),
        Section(
            "Intentie",
            [
                f"De partijen spreken de intentie uit om een samenwerking aan te gaan in de vorm van: "
                f"{_form(trajectory)}.",
                "Zij werken daartoe samen een businesscase met nulmeting en een opzet van de "
                "samenwerkingsovereenkomst uit, en leggen die voor aan de colleges en raden.",
            ],
        ),
        Section(
            "Kosten van de voorbereiding",
            [
                "De kosten van de voorbereiding worden gedeeld volgens [verdeelsleutel, bijvoorbeeld naar inwonertal]."
            ],
        ),
        Section(
            "Niet bindend",
            [
                "Deze intentieverklaring schept geen verplichtingen; elke partij kan de voorbereiding beëindigen."
            ],
        ),
        Section(
            "Ondertekening",
            [],
            [f"namens gemeente {p.municipality.name}: ____________  datum: ______" for p in partners],
        ),
    ]


def agreement(trajectory: Trajectory, partners) -> list[Section]:
    return [
        _parties(trajectory, partners),
        _scope(trajectory),
        _goals(trajectory),
        Section("Vorm", [f"Beoogde vorm: {_form(trajectory)}."]),
        Section(
            "Governance",
            ["Leg vast wie waarover beslist en hoe geschillen worden opgelost."],
            [
                "stuurgroep van portefeuillehouders",
                "regiegroep van ICT-managers",
                "escalatie naar de colleges",
            ],
        ),
        Section(
            "Kostenverdeling",
            ["Verdeelsleutel: [naar inwoners / eerdere uitgaven / gebruik / gelijke delen]."],
            [
                "eenmalige kosten (voorbereiding, migratie, harmonisatie)",
                "structurele kosten",
                "jaarlijkse afrekening",
            ],
        ),
        Section(
            "Looptijd en uittreding",
            ["Looptijd: [minimaal vijf jaar], daarna stilzwijgend verlengd met [termijn]."],
            [
                "opzegtermijn",
                "uittreedkosten",
                "teruggave van gegevens en voorzieningen",
                "personeel en contracten",
            ],
        ),
        Section(
            "Gegevensbescherming en informatiebeveiliging",
            ["Verwerkingsverantwoordelijkheid, verwerkersovereenkomsten (AVG) en toetsing aan de BIO."],
        ),
        Section(
            "Achtervang en uitwijk",
            [
                "De partijen zijn elkaars achtervang: zij regelen samen uitwijkvoorzieningen, leggen per "
                "kritieke dienst de maximale hersteltijd (RTO) en het maximale gegevensverlies (RPO) vast "
                "en testen de uitwijk ten minste jaarlijks (BIO 5.30.01, 8.13.02-8.13.04)."
            ],
        ),
        Section(
            "Evaluatie", ["De partijen evalueren de samenwerking na [één jaar] aan de hand van de nulmeting."]
        ),
        Section(
            "Ondertekening",
            [],
            [f"namens gemeente {p.municipality.name}: ____________  datum: ______" for p in partners],
        ),
    ]


def service_agreement(trajectory: Trajectory, partners) -> list[Section]:
    host = trajectory.initiator.name
    return [
        _parties(trajectory, partners),
        Section(
            "Dienstverlener en afnemers",
            [f"Dienstverlener: gemeente [{host}]. Afnemers: de overige partijen."],
        ),
        _scope(trajectory),
        Section(
            "Diensten en serviceniveaus",
            ["Per dienst: omschrijving, beschikbaarheid, openingstijden, reactie- en oplostijden."],
            ["beschikbaarheid [99,x %]", "RTO en RPO per kritieke dienst", "meld- en escalatieprocedure"],
        ),
        Section("Vergoeding", ["Tarieven en verdeelsleutel: [invullen]; jaarlijkse indexatie."]),
        Section(
            "Rapportage en overleg",
            ["Kwartaalrapportage over serviceniveaus; jaarlijks dienstverleningsoverleg."],
        ),
        Section(
            "Gegevensbescherming", ["Verwerkersovereenkomst volgens de AVG; beveiliging volgens de BIO."]
        ),
        Section(
            "Achtervang", ["Afspraken over uitwijk bij uitval van de dienstverlener en de jaarlijkse test."]
        ),
        Section(
            "Looptijd en beëindiging", ["Looptijd, opzegtermijn en exitplan met overdracht van gegevens."]
        ),
    ]


BUILDERS = {
    "intentieverklaring": letter_of_intent,
    "samenwerkingsovereenkomst": agreement,
    "dvo": service_agreement,
}


def outline(trajectory: Trajectory, kind: str) -> Outline:
    partners = [p for p in trajectory.participants.select_related("municipality") if p.status == "deelnemer"]
    sections = BUILDERS[kind](trajectory, partners)
    sections.append(Section("Let op", [DISCLAIMER]))
    names = " en ".join(p.municipality.name for p in partners)
    return Outline(KINDS[kind], f"{trajectory.name}: {names}", sections)


def to_markdown(document: Outline) -> str:
    lines = [f"# {document.title}", "", f"*{document.subtitle}*", "", f"> {DISCLAIMER}", ""]
    for number, section in enumerate(document.sections, start=1):
        lines += [f"## {number}. {section.heading}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
        if section.bullets:
            lines += [f"- {bullet}" for bullet in section.bullets] + [""]
        for paragraph in section.closing:
            lines += [paragraph, ""]
    return "\n".join(lines)


def to_docx(document: Outline) -> bytes:
    docx = WordDocument(document.title)
    docx.heading(document.title, level=0)
    docx.paragraph(document.subtitle, italic=True)
    docx.paragraph(DISCLAIMER)
    for number, section in enumerate(document.sections, start=1):
        docx.heading(f"{number}. {section.heading}", level=1)
        for paragraph in section.paragraphs:
            docx.paragraph(paragraph)
        for bullet in section.bullets:
            docx.paragraph(bullet, style="List Bullet")
        for paragraph in section.closing:
            docx.paragraph(paragraph)
    return docx.bytes()
