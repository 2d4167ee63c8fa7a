# SPDX-License-Identifier: EUPL-1.2
"""Demo data for `goedebuur demo`: a mutual achtervang agreement between Rhenen (GM0340) and
Veenendaal (GM0345) over a 9 km dark-fibre link, with services taken from their demo application
landscapes (loaded by the profiles demo first), a test history with one overdue test and an open
action. The pair has common-mode findings to show (`common_mode`): both sites in the same (demo)
data centre and on the same network provider, several products both take as SaaS from the same
supplier (two of them in scope), the same safety region (Utrecht, real reference data) and only a
partial restore test as evidence. Everything else is fictional and labelled as demo; loading is
idempotent."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from goedebuur.cooperations.models import Cooperation
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services as profiles

from . import services, testplan
from .models import Agreement, FollowUpAction, Service, TestGrade, TestKind

SEED_COOPERATION = "ICT-samenwerking Rhenen-Veenendaal"
# Sites about 9 km apart: Veenendaal's town hall and Rhenen's town hall (WGS84, rounded).
SITES = {
    "GM0345": ("Stadhuis Veenendaal", 52.0257, 5.5556),
    "GM0340": ("Gemeentehuis Rhenen", 51.9480, 5.5800),
}
# product name -> (data GB, daily change GB, vCPU, RAM GB, workplaces, RTO h, RPO h, depends on)
# Sizes are Veenendaal's; Rhenen (about a third of the inhabitants) has a third of the data.
SIZES = {
    "Werkplek Online": (400, 8, 4, 16, 20, 4, 1, ()),
    "ZaakStroom": (1200, 40, 8, 32, 10, 12, 1, ("Werkplek Online",)),
    "DocuDijk": (3500, 60, 4, 16, 0, 20, 4, ()),
    "Burgerbalie": (300, 6, 2, 8, 6, 8, 1, ("Werkplek Online",)),
    "Kasboek Overheid": (250, 5, 2, 8, 4, 24, 4, ("Werkplek Online",)),
    "Heffingsmeester": (600, 10, 2, 8, 3, 72, 24, ("Kasboek Overheid",)),
    "Kluisback-up": (200, 1, 2, 4, 0, 48, 24, ()),
}
# Availability (B of BIV) per service, so that the naive order (by criticality) and the planner
# differ: the naive order starts the small back-up before the large, less critical archive.
AVAILABILITY = {"Werkplek Online": 3, "ZaakStroom": 3, "Burgerbalie": 3, "DocuDijk": 1, "Kluisback-up": 2}


def _size(name):
    return SIZES[name]


@transaction.atomic
def load_demo() -> str:
    if Agreement.objects.filter(is_demo=True).exists():
        return ""
    towns = Municipality.objects.in_bulk(list(SITES), field_name="code")
    if len(towns) < 2:
        return ""
    veenendaal, rhenen = towns["GM0345"], towns["GM0340"]
    start = timezone.localdate().replace(month=1, day=1) - dt.timedelta(days=2 * 365)
    agreement = Agreement(
        party_a=veenendaal,
        party_b=rhenen,
        mutual=True,
        cooperation=Cooperation.objects.filter(name=SEED_COOPERATION, deleted_at__isnull=True).first(),
        site_a_name=SITES["GM0345"][0],
        site_a_kind=Agreement.SiteKind.TOWN_HALL,
        site_a_lat=SITES["GM0345"][1],
        site_a_lon=SITES["GM0345"][2],
        site_b_name=SITES["GM0340"][0],
        site_b_kind=Agreement.SiteKind.TOWN_HALL,
        site_b_lat=SITES["GM0340"][1],
        site_b_lon=SITES["GM0340"][2],
        # The common-mode finding of the demo: both run their systems in one data centre.
        site_a_data_centre="Demo-datacenter Vallei (demo)",
        site_a_network_provider="Demo-glasvezel B.V. (demo)",
        site_b_data_centre="Demo-datacenter Vallei (demo)",
        site_b_network_provider="Demo-glasvezel B.V. (demo)",
        link_type=Agreement.LinkType.DARK_FIBRE,
        link_mbps=1000,
        restore_mbps=400,
        restore_slots=2,
        reserved_vcpu_a=32,
        reserved_ram_gb_a=128,
        reserved_storage_gb_a=6000,
        reserved_workplaces_a=25,
        reserved_vcpu_b=28,
        reserved_ram_gb_b=96,
        reserved_storage_gb_b=8000,
        reserved_workplaces_b=40,
        contacts_a="Demo-ICT-coördinator Veenendaal, 0318 000 000 (demo)",
        contacts_b="Demo-informatiebeveiliger Rhenen, 0317 000 000 (demo)",
        escalation="1. ICT-coördinatoren (binnen 1 uur)\n2. Gemeentesecretarissen (binnen 4 uur)\n3. Burgemeesters",
        start_date=start,
        review_date=start.replace(year=start.year + 3),
        is_demo=True,
    )
    services.save_agreement(agreement, None, note="demogegevens")
    for guest in (veenendaal, rhenen):
        _add_services(agreement, guest)
    _history(agreement, veenendaal, rhenen)
    return "Achtervang: demo-afspraak Rhenen - Veenendaal met diensten, tests en een openstaande actie."


def _add_services(agreement, guest):
    apps = {a.product.name: a for a in profiles.landscape(guest).filter(product__name__in=list(SIZES))}
    saved: dict[str, Service] = {}
    for name in SIZES:  # dependencies come before their dependents in SIZES
        data, change, vcpu, ram, workplaces, rto, rpo, deps = _size(name)
        application = apps.get(name)
        values = services.application_defaults(application) if application else {}
        service = Service(
            agreement=agreement,
            guest=guest,
            name=values.get("name", name),
            application=application,
            beschikbaarheid=AVAILABILITY.get(name, values.get("beschikbaarheid", 2)),
            integriteit=values.get("integriteit", 2),
            vertrouwelijkheid=values.get("vertrouwelijkheid", 2),
            rto_hours=rto,
            rpo_hours=rpo,
            data_gb=data if guest.code == "GM0345" else data // 3,
            daily_change_gb=Decimal(str(change if guest.code == "GM0345" else round(change / 3, 1))),
            vcpu=vcpu,
            ram_gb=ram,
            workplaces=workplaces if guest.code == "GM0345" else max(0, workplaces // 2),
        )
        saved[name] = services.save_service(
            service, None, depends_on=[saved[d] for d in deps if d in saved], note="demogegevens"
        )


def _history(agreement, veenendaal, rhenen):
    """Restore test last year (passed with one finding), continuity-plan test two years ago, so the
    continuity-plan test planned a year later is overdue; one open action from the restore test."""
    today = timezone.localdate()
    agreement.planned_tests.all().delete()
    plan_test_date = today - dt.timedelta(days=400)
    testplan.plan_test(agreement, TestKind.CONTINUITY_PLAN, plan_test_date, None)
    testplan.record_test(
        agreement,
        {
            "kind": TestKind.CONTINUITY_PLAN,
            "date": plan_test_date,
            "scenario": "Tabletop: brand in de serverruimte van Veenendaal op maandagochtend.",
            "passed": True,
            "grade": TestGrade.PAPER,
            "findings": "Escalatielijst was verouderd; bijgewerkt.",
        },
        [],
        None,
    )
    restore_date = today - dt.timedelta(days=60)
    zaak = agreement.services.get(guest=veenendaal, name="ZaakStroom")
    docs = agreement.services.get(guest=veenendaal, name="DocuDijk")
    record = testplan.record_test(
        agreement,
        {
            "kind": TestKind.RESTORE,
            "date": restore_date,
            "scenario": "Herstel van het zaaksysteem en de documenten van Veenendaal in Rhenen.",
            "passed": False,
            "grade": TestGrade.PARTIAL,
            "findings": "DocuDijk was na 27 uur terug, RTO is 20 uur: herstelslot te traag.",
        },
        [
            {"service": zaak, "restore_hours": Decimal("3.5"), "data_loss_hours": Decimal("0.5")},
            {"service": docs, "restore_hours": Decimal("27"), "data_loss_hours": Decimal("3")},
        ],
        None,
    )
    testplan.save_action(
        FollowUpAction(
            agreement=agreement,
            record=record,
            description="Tweede herstelslot voor documentbeheer inrichten",
            owner="Demo-teamleider ICT Rhenen",
            owner_municipality=rhenen,
            due_date=today + dt.timedelta(days=30),
        ),
        None,
    )
