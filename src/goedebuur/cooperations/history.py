# SPDX-License-Identifier: EUPL-1.2
"""How a register entry enters the history: its full state (members, domains, sources included) as
plain JSON data, and how such a snapshot is written back on restore."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from goedebuur.common import bump
from goedebuur.history import services as history
from goedebuur.municipalities.models import HEAVY_MEMBER_FIELDS, Municipality

from .consent import apply_members
from .models import Cooperation, CooperationForm, IctDomain, Membership, PolicyDomain, Source


def _iso(value):
    return value.isoformat() if value else None


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def replace_sources(cooperation: Cooperation, sources) -> None:
    """Replace the sources by `sources` (objects or dicts with url and description), in order."""
    cooperation.sources.all().delete()
    rows = [(s["url"], s["description"]) if isinstance(s, dict) else (s.url, s.description) for s in sources]
    Source.objects.bulk_create(
        Source(cooperation=cooperation, url=url, description=description, order=i)
        for i, (url, description) in enumerate(rows)
        if url or description
    )
    bump("cooperations")  # bulk writes send no signals (goedebuur.common.cache)


@history.register
class CooperationTracker(history.Tracker):
    model = Cooperation
    label = "cooperations.cooperation"

    def describe(self, cooperation):
        return cooperation.name

    def snapshot(self, cooperation):
        return {
            "name": cooperation.name,
            "description": cooperation.description,
            "form": cooperation.form.code,
            "form_text": cooperation.form_text,
            "status": cooperation.status,
            "start_date": _iso(cooperation.start_date),
            "start_precision": cooperation.start_precision,
            "end_date": _iso(cooperation.end_date),
            "end_precision": cooperation.end_precision,
            "domains": sorted(cooperation.domains.values_list("slug", flat=True)),
            "policy_domains": sorted(cooperation.policy_domains.values_list("slug", flat=True)),
            "domains_confirmed": cooperation.domains_confirmed,
            "shared_services": cooperation.shared_services,
            "contact": cooperation.contact,
            "origin": cooperation.origin,
            "roo_id": cooperation.roo_id,
            "members": [
                {
                    "municipality": m.municipality.code,
                    "role": m.role,
                    "joined_on": _iso(m.joined_on),
                    "left_on": _iso(m.left_on),
                }
                for m in cooperation.memberships.select_related("municipality")
                .defer(*HEAVY_MEMBER_FIELDS)
                .order_by("municipality__code")
            ],
            "sources": [{"url": s.url, "description": s.description} for s in cooperation.sources.all()],
            "deleted": cooperation.deleted_at is not None,
        }

    def apply(self, cooperation, state, *, user, object_id):
        if cooperation.from_register:
            return self._apply_member_fields(cooperation, state, user)
        forms_by_code = {f.code: f for f in CooperationForm.objects.all()}
        if state["form"] not in forms_by_code:
            raise ValidationError(_("De vorm van deze versie bestaat niet meer."))
        cooperation.name = state["name"]
        cooperation.description = state["description"]
        cooperation.form = forms_by_code[state["form"]]
        cooperation.form_text = state["form_text"]
        cooperation.status = state["status"]
        cooperation.start_date = _date(state["start_date"])
        cooperation.start_precision = state["start_precision"]
        cooperation.end_date = _date(state["end_date"])
        cooperation.end_precision = state["end_precision"]
        cooperation.deleted_at = (
            None if not state.get("deleted") else (cooperation.deleted_at or timezone.now())
        )
        cooperation.shared_services = state.get("shared_services", "")
        cooperation.contact = state.get("contact", "")
        cooperation.updated_by = user if user is not None and user.is_authenticated else None
        cooperation.save()
        cooperation.domains.set(IctDomain.objects.filter(slug__in=state["domains"]))
        cooperation.policy_domains.set(PolicyDomain.objects.filter(slug__in=state.get("policy_domains", [])))
        by_code = Municipality.objects.in_bulk(
            [m["municipality"] for m in state["members"]], field_name="code"
        )
        # who takes part follows the same consent as an edit: a restore cannot add or remove
        # another municipality behind its back
        apply_members(
            cooperation,
            [
                Membership(
                    municipality=by_code[m["municipality"]],
                    role=m["role"],
                    joined_on=_date(m["joined_on"]),
                    left_on=_date(m["left_on"]),
                )
                for m in state["members"]
                if m["municipality"] in by_code
            ],
            user,
        )
        replace_sources(cooperation, state["sources"])
        return cooperation

    def _apply_member_fields(self, cooperation, state, user):
        """An entry from the GR-register keeps what the register says; a restore brings back only
        what members added (domains, roles, services, contact, description, sources)."""
        cooperation.description = state["description"]
        cooperation.shared_services = state.get("shared_services", "")
        cooperation.contact = state.get("contact", "")
        cooperation.domains_confirmed = state.get("domains_confirmed", True)
        cooperation.deleted_at = (
            None if not state.get("deleted") else (cooperation.deleted_at or timezone.now())
        )
        cooperation.updated_by = user if user is not None and user.is_authenticated else None
        cooperation.save()
        cooperation.domains.set(IctDomain.objects.filter(slug__in=state["domains"]))
        cooperation.policy_domains.set(PolicyDomain.objects.filter(slug__in=state.get("policy_domains", [])))
        roles = {m["municipality"]: m["role"] for m in state["members"]}
        for membership in cooperation.memberships.select_related("municipality"):
            role = roles.get(membership.municipality.code)
            if role and role != membership.role:
                membership.role = role
                membership.save(update_fields=["role"])
        replace_sources(cooperation, state["sources"])
        return cooperation
