# SPDX-License-Identifier: EUPL-1.2
"""The continuity plan of an agreement as DOCX (python-docx) and PDF (fpdf2), and its iCalendar
feed. Both documents are rendered from one list of sections, so they always say the same."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from goedebuur.common import date as format_date
from goedebuur.documents import WordDocument, new_pdf, pdf_bytes

from . import services, testplan
from .models import Agreement
from .phrases import fmt, status_label, status_label_risk

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[tuple[list[str], list[list[str]]]] = field(default_factory=list)


def _date(day) -> str:
    return format_date(day) if day else "-"


def plan_sections(agreement: Agreement) -> list[Section]:
    results = services.assess(agreement)
    a, b = agreement.party_a, agreement.party_b
    kind = (
        _("wederzijds")
        if agreement.mutual
        else _("eenzijdig: %(b)s is achtervang voor %(a)s") % {"a": a.name, "b": b.name}
    )
    parties = Section(
        _("Partijen en contactpersonen"),
        [
            _(
                "Achtervangafspraak tussen %(a)s en %(b)s (%(kind)s), ingegaan op %(start)s, evaluatie op %(review)s."
            )
            % {
                "a": a.name,
                "b": b.name,
                "kind": kind,
                "start": _date(agreement.start_date),
                "review": _date(agreement.review_date),
            },
            _("Contactpersonen %(name)s: %(text)s") % {"name": a.name, "text": agreement.contacts_a or "-"},
            _("Contactpersonen %(name)s: %(text)s") % {"name": b.name, "text": agreement.contacts_b or "-"},
        ],
    )
    if agreement.cooperation:
        parties.paragraphs.append(_("Samenwerkingsverband: %(name)s") % {"name": agreement.cooperation.name})
    escalation = Section(_("Escalatie"), [agreement.escalation or _("Geen escalatieroute vastgelegd.")])
    link = Section(
        _("Locaties en verbinding"),
        [
            _("%(site_a)s (%(a)s) en %(site_b)s (%(b)s) liggen %(km)s km uit elkaar.")
            % {
                "site_a": agreement.site_a_name,
                "a": a.name,
                "site_b": agreement.site_b_name,
                "b": b.name,
                "km": fmt(services.distance_km(agreement)),
            },
            _("Verbinding: %(type)s, %(mbps)s Mbit/s. Herstel: %(slots)s slots van %(restore)s Mbit/s.")
            % {
                "type": agreement.get_link_type_display(),
                "mbps": fmt(agreement.link_mbps),
                "slots": agreement.restore_slots,
                "restore": fmt(agreement.restore_mbps),
            },
        ],
    )
    sections = [parties, escalation, link]
    for result in results:
        services_ = agreement.services.filter(guest=result.guest).prefetch_related("depends_on")
        section = Section(
            _("Diensten van %(guest)s bij %(host)s") % {"guest": result.guest.name, "host": result.host.name}
        )
        section.tables.append(
            (
                [_("Dienst"), _("BIV"), _("RTO (uur)"), _("RPO (uur)"), _("Data (GB)"), _("Hangt af van")],
                [
                    [
                        s.name,
                        s.biv,
                        str(s.rto_hours),
                        str(s.rpo_hours),
                        fmt(s.data_gb),
                        ", ".join(d.name for d in s.depends_on.all()) or "-",
                    ]
                    for s in services_
                ],
            )
        )
        if not section.tables[0][1]:
            section.paragraphs.append(_("Nog geen diensten vastgelegd."))
        order = sorted(result.best.entries, key=lambda e: (e.start, e.key))
        section.paragraphs.append(
            _(
                "Geplande herstelvolgorde: %(met)s van %(n)s diensten binnen de RTO (naïeve volgorde op kritikaliteit: %(naive)s)."
            )
            % {"met": result.best.met_count, "n": len(order), "naive": result.naive.met_count}
        )
        section.tables.append(
            (
                [_("Dienst"), _("Start (uur)"), _("Klaar (uur)"), _("RTO (uur)"), _("Binnen RTO")],
                [
                    [e.name, fmt(e.start), fmt(e.end), fmt(e.rto_hours), _("ja") if e.met else _("nee")]
                    for e in order
                ],
            )
        )
        section.tables.append(
            (
                [_("Toets"), _("Onderwerp"), _("Uitkomst"), _("Toelichting")],
                [[c.topic, c.subject, status_label(c.status), c.explanation] for c in result.checks],
            )
        )
        sections.append(section)
    risk = services.agreement_common_mode(agreement)
    shared = Section(
        _("Gedeeld risico: kunnen beide tegelijk uitvallen?"),
        [_("Uitkomst: %(level)s.") % {"level": status_label_risk(risk.level)}],
    )
    shared.tables.append(
        (
            [_("Toets"), _("Uitkomst"), _("Toelichting"), _("Wat helpt")],
            [
                [
                    f"{f.topic_label}: {f.subject}" if f.subject else f.topic_label,
                    status_label_risk(f.level),
                    f.explanation,
                    f.fix or "-",
                ]
                for f in risk.findings
            ],
        )
    )
    sections.append(shared)
    history = Section(_("Testhistorie en openstaande acties"))
    history.tables.append(
        (
            [_("Datum"), _("Soort"), _("Zwaarte"), _("Scenario"), _("Uitkomst"), _("Bevindingen")],
            [
                [
                    _date(r.date),
                    r.get_kind_display(),
                    r.get_grade_display() if r.grade else _("niet beoordeeld"),
                    r.scenario,
                    _("geslaagd") if r.passed else _("niet geslaagd"),
                    r.findings or "-",
                ]
                for r in agreement.test_records.all()
            ],
        )
    )
    history.tables.append(
        (
            [_("Actie"), _("Eigenaar"), _("Uiterlijk"), _("Status")],
            [
                [x.description, f"{x.owner} ({x.owner_municipality.name})", _date(x.due_date), _("open")]
                for x in testplan.open_actions([agreement])
            ],
        )
    )
    planned = agreement.planned_tests.filter(record__isnull=True)
    history.paragraphs.append(
        _("Geplande tests: %(list)s")
        % {"list": "; ".join(f"{p.get_kind_display()} {_date(p.planned_date)}" for p in planned) or "-"}
    )
    sections.append(history)
    return sections


def title(agreement: Agreement) -> str:
    return _("Continuïteitsplan achtervang %(a)s - %(b)s") % {
        "a": agreement.party_a.name,
        "b": agreement.party_b.name,
    }


def docx_bytes(agreement: Agreement) -> bytes:
    document = WordDocument(title(agreement))
    document.heading(title(agreement), level=0)
    document.paragraph(_("Opgesteld op %(date)s met Goede Buur.") % {"date": _date(testplan.today())})
    for section in plan_sections(agreement):
        document.heading(section.heading, level=1)
        for text in section.paragraphs:
            document.paragraph(text)
        for header, rows in section.tables:
            if not rows:
                continue
            document.table(header, rows)
            document.paragraph("")
    return document.bytes()


def pdf_document(agreement: Agreement) -> bytes:
    pdf = new_pdf(title(agreement))
    pdf.add_page()
    pdf.set_font(size=16, style="B")
    pdf.multi_cell(0, 8, title(agreement), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(size=9, style="")
    pdf.multi_cell(
        0,
        5,
        _("Opgesteld op %(date)s met Goede Buur.") % {"date": _date(testplan.today())},
        new_x="LMARGIN",
        new_y="NEXT",
    )
    for section in plan_sections(agreement):
        pdf.ln(3)
        pdf.set_font(size=12, style="B")
        pdf.multi_cell(0, 7, section.heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(size=9, style="")
        for text in section.paragraphs:
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        for header, rows in section.tables:
            if not rows:
                continue
            pdf.ln(1)
            pdf.set_font(size=8 if len(header) < 5 else 7)
            with pdf.table(text_align="LEFT") as table:
                for row in [header, *rows]:
                    cells = table.row()
                    for text in row:
                        cells.cell(text)
            pdf.set_font(size=9)
    return pdf_bytes(pdf)


def calendar_bytes(agreement: Agreement, base_url: str) -> bytes:
    """Open planned tests, open actions and the review date as all-day events. Titles name only
    the kind of test and the two municipalities: the feed is readable by anyone with its URL."""
    from icalendar import Calendar, Event  # imported by the first calendar, not with the application

    calendar = Calendar()
    calendar.add("prodid", "-//Goede Buur//achtervang//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", str(title(agreement)))
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    pair = f"{agreement.party_a.name} - {agreement.party_b.name}"
    url = base_url + agreement.get_absolute_url()

    def event(uid, day, summary):
        item = Event()
        item.add("uid", f"{uid}@goedebuur")
        item.add("dtstamp", stamp)
        item.add("dtstart", day)
        item.add("dtend", day + dt.timedelta(days=1))
        item.add("summary", summary)
        item.add("url", url)
        calendar.add_component(item)

    for planned in agreement.planned_tests.filter(record__isnull=True):
        event(
            f"achtervang-{agreement.pk}-test-{planned.pk}",
            planned.planned_date,
            f"{planned.get_kind_display()} achtervang {pair}",
        )
    for action in testplan.open_actions([agreement]):
        event(
            f"achtervang-{agreement.pk}-actie-{action.pk}",
            action.due_date,
            _("Actie uiterlijk klaar (achtervang %(pair)s)") % {"pair": pair},
        )
    if agreement.review_date:
        event(
            f"achtervang-{agreement.pk}-evaluatie",
            agreement.review_date,
            _("Evaluatie achtervangafspraak %(pair)s") % {"pair": pair},
        )
    return calendar.to_ical()
