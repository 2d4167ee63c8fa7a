# SPDX-License-Identifier: EUPL-1.2
"""Factories for tests: plain functions that build records through the services."""

import itertools

from django.utils import timezone

from goedebuur.accounts.models import User
from goedebuur.cooperations import services
from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain, MemberChange, Membership
from goedebuur.municipalities.models import Municipality

_counter = itertools.count(1)

VEENENDAAL, RHENEN, RENSWOUDE, UTRECHT = "GM0345", "GM0340", "GM0339", "GM0344"


def make_user(
    municipality_code=None, role=User.Role.EDITOR, admin=False, username=None, password="test-wachtwoord-1"
):
    user = User.objects.create_user(
        username=username or f"user{next(_counter)}",
        password=password,
        municipality=Municipality.objects.get(code=municipality_code) if municipality_code else None,
        role=role,
        is_staff=admin,
        is_superuser=admin,
    )
    return user


def cooperation_input(
    members=(VEENENDAAL, RHENEN),
    domains=("infrastructuur-beheer",),
    form="samenwerkingsovereenkomst",
    name=None,
    **extra,
):
    return services.CooperationInput(
        name=name or f"Testsamenwerking {next(_counter)}",
        form=CooperationForm.objects.get(code=form),
        domains=list(IctDomain.objects.filter(slug__in=domains)),
        members=[services.MemberInput(Municipality.objects.get(code=c)) for c in members],
        **extra,
    )


def make_cooperation(user=None, *, invited_accept=True, approved=True, **kwargs) -> Cooperation:
    """An entry created by `user`; the municipalities it invites accept at once (`invited_accept`),
    so that every listed municipality is a member, unless a test is about the invitations; and an
    administrator approved it (`approved`: public), unless a test is about the moderation queue."""
    cooperation = services.save_cooperation(cooperation_input(**kwargs), user=user)
    if approved and cooperation.approved_at is None:
        Cooperation.objects.filter(pk=cooperation.pk).update(approved_at=timezone.now())
        cooperation.refresh_from_db()
    changes = list(services.open_member_changes(cooperation))
    if invited_accept and changes:
        # as if everyone had been a member from the start: no record of each acceptance, and the
        # creation's snapshot lists them all
        for change in changes:
            Membership.objects.create(
                cooperation=cooperation, municipality=change.municipality, role=change.role
            )
            change.status = MemberChange.Status.ACCEPTED
            change.save(update_fields=["status"])
        created = services.versions(cooperation).get()
        created.snapshot, created.note = services.snapshot(cooperation), ""
        created.save(update_fields=["snapshot", "note"])
    return cooperation


# --- GR-register records (polder's JSON format of the ROO) ---------------------------------------

TOOI_MUNICIPALITY = "https://identifier.overheid.nl/tooi/id/gemeente/"


def gr_participant(code_or_name, joined="2015-01-01", **extra):
    """A participant: a CBS code (GM0345) is a municipality, anything else another organisation."""
    if code_or_name.upper().startswith("GM"):
        raw = {"naam": f"Gemeente {code_or_name}", "tooi": TOOI_MUNICIPALITY + code_or_name.lower()}
    else:
        raw = {"naam": code_or_name, "tooi": "https://identifier.overheid.nl/tooi/id/provincie/pv26"}
    raw |= {"roo_id": str(abs(hash(code_or_name)) % 10**7), "toetredings_datum": joined}
    return raw | extra


def gr_record(
    roo_id,
    title,
    participants,
    *,
    valid_from="2015-01-01",
    valid_until=None,
    previous=None,
    next_id=None,
    form="BVO",
    purpose="Uitvoering van taken op het gebied van ICT en bedrijfsvoering.",
    policy_areas=("organisatie en bedrijfsvoering | informatievoorziening en ICT",),
):
    meta = {
        "doel": purpose,
        "samenwerkingsvorm": {"afkorting": form, "value": form},
        "deelnemende_organisaties": list(participants),
        "datum_inwerkingtreding": valid_from,
        "instellingsbesluiten": [f"https://zoek.officielebekendmakingen.nl/gmb-{roo_id}.html"],
    }
    if valid_until:
        meta["datum_uitwerkingtreding"] = valid_until
    if previous:
        meta["previous_version"] = {"roo_id": previous, "naam": title}
    if next_id:
        meta["next_version"] = {"roo_id": next_id, "naam": title}
    return {
        "id": f"org:gr-{roo_id}",
        "type": "gemeenschappelijke-regeling",
        "identifiers": {"roo_id": roo_id},
        "names": [{"value": title, "valid_from": valid_from}],
        "valid_from": valid_from,
        "valid_until": valid_until,
        "policy_areas": [{"naam": a} for a in policy_areas],
        "gr_meta": meta,
        "sources": [{"id": "roo", "url": f"https://organisaties.overheid.nl/{roo_id}/x"}],
    }


def write_gr_file(directory, records, name="regelingen.jsonl"):
    """The records as a polder JSONL file in `directory`; returns its path."""
    import json

    path = directory / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


REGISTER_DAY = "2026-05-16"


def vallei_records():
    """A small GR-register: "ICT Vallei" in two versions (the second renames it, Rhenen leaves,
    Renswoude joins; Brielle and Westvoorne stand for Voorne aan Zee; the province takes part) and an
    ended belastingsamenwerking of Utrecht and Stichtse Vecht."""
    first = [
        gr_participant(VEENENDAAL),
        gr_participant(RHENEN),
        gr_participant("GM0501"),
        gr_participant("GM0614"),
        gr_participant("Provincie Utrecht"),
    ]
    second = [p for p in first if p["naam"] != f"Gemeente {RHENEN}"] + [
        gr_participant(RENSWOUDE, "2024-07-01")
    ]
    return [
        gr_record(
            "100", "Gemeenschappelijke regeling ICT Vallei", first, valid_until="2024-07-01", next_id="101"
        ),
        gr_record(
            "101",
            "Gemeenschappelijke regeling ICT Vallei 2024",
            second,
            valid_from="2024-07-01",
            previous="100",
        ),
        gr_record(
            "300",
            "Belastingsamenwerking Utrecht-Vecht",
            [gr_participant(UTRECHT, "2010-01-01"), gr_participant("GM1904", "2010-01-01")],
            valid_from="2010-01-01",
            valid_until="2020-01-01",
            form="OL",
            purpose="Heffing en invordering van gemeentelijke belastingen.",
            policy_areas=("financiën | belasting",),
        ),
    ]


def load_register(directory, records=None, register_date=REGISTER_DAY):
    """Import `records` (default: `vallei_records()`) as a GR-register file; returns the summary."""
    import datetime as dt

    path = write_gr_file(directory, records if records is not None else vallei_records())
    return services.import_register(path, register_date=dt.date.fromisoformat(register_date))
