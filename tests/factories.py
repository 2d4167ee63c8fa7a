# SPDX-License-Identifier: EUPL-1.2
"""Factories for tests: plain functions that build records through the services."""

import itertools

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


def make_cooperation(user=None, *, invited_accept=True, **kwargs) -> Cooperation:
    """An entry created by `user`; the municipalities it invites accept at once (`invited_accept`),
    so that every listed municipality is a member, unless a test is about the invitations."""
    cooperation = services.save_cooperation(cooperation_input(**kwargs), user=user)
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
