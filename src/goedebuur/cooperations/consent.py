# SPDX-License-Identifier: EUPL-1.2
"""Consent for changes in who takes part in an entry added on the platform (docs/decisions.md,
"Instemming met wijzigingen in de deelnemers"). Reached through `services`.

A `Membership` row is always an accepted member: every right that follows membership (editing the
entry, contracts and costs shared with it, members-only lessons) and every figure of the register reads
the memberships and nothing else. A change an editor makes to someone else's membership becomes a
`MemberChange` that waits for the municipalities concerned:

- adding a municipality invites it; it joins when the invited municipality and every current member
  except the proposer's own municipality agree;
- removing a current member (off the list, or a leave date) applies when every current member except
  the proposer's own municipality agrees (the member concerned included).

Whose consent is needed is fixed when the change is proposed (one `MemberConsent` per municipality);
an answer from a municipality that has since stopped being a member no longer counts. One "no"
declines the change; the proposer's municipality may withdraw it. Without consent: roles, join dates,
former members (they have no rights), withdrawing an invitation, and a municipality taking itself off.
A platform administrator and the system itself (data loads; `user` None) change memberships at once
and may decide any open change at once."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goedebuur.common import bump
from goedebuur.history import services as history

from .models import Cooperation, MemberChange, MemberConsent, Membership

JOIN, LEAVE = MemberChange.Kind.JOIN, MemberChange.Kind.LEAVE
OPEN = MemberChange.Status.OPEN


def decides_at_once(user) -> bool:
    """The system itself and platform administrators change memberships without asking anyone."""
    return user is None or user.is_platform_admin


def open_changes(cooperation: Cooperation):
    return (
        cooperation.member_changes.filter(status=OPEN)
        .select_related("municipality", "proposed_for")
        .prefetch_related("consents__municipality")
    )


def accepted_member_ids(cooperation: Cooperation) -> set[int]:
    """Ids of the municipalities that are current (accepted) members."""
    return set(cooperation.memberships.filter(left_on__isnull=True).values_list("municipality_id", flat=True))


def apply_members(cooperation: Cooperation, members, user, consented=frozenset()) -> list[MemberChange]:
    """Bring the memberships of a platform entry to `members` (objects with municipality, role,
    joined_on, left_on), as far as `user` may at once; the rest becomes open changes (returned).
    `consented`: ids of municipalities whose yes another part of the platform already holds (the
    partners that accepted a trajectory, when it enters the register); never from a page or the API."""
    at_once = decides_at_once(user)
    own = None if at_once else user.municipality_id
    existing = {m.municipality_id: m for m in cooperation.memberships.select_related("municipality")}
    pending = {c.municipality_id: c for c in cooperation.member_changes.filter(status=OPEN)}
    given = {m.municipality.pk: m for m in members}
    proposals: list[MemberChange] = []

    def propose(municipality, kind, member=None, left_on=None):
        if municipality.pk in pending:  # one open change per municipality: the first one stands
            return
        change = MemberChange(
            cooperation=cooperation,
            municipality=municipality,
            kind=kind,
            role=member.role if member else Membership.Role.DEELNEMER,
            joined_on=member.joined_on if member else None,
            left_on=left_on,
            proposed_by=user,
            proposed_for_id=own,
        )
        proposals.append(change)
        pending[municipality.pk] = change

    for pk, membership in existing.items():
        if pk in given:
            continue
        if at_once or pk == own or membership.left_on is not None:
            membership.delete()  # a former member has no rights left to protect
        else:
            propose(membership.municipality, LEAVE)
    for pk, change in list(pending.items()):
        if pk not in given and change.kind == JOIN and change.pk:
            _close(change, MemberChange.Status.WITHDRAWN, user)
            del pending[pk]
    for pk, member in given.items():
        membership = existing.get(pk)
        if membership is None:
            change = pending.get(pk)
            if change is not None and change.kind == JOIN and change.pk:
                # still listed, the open invitation stays open (also when an administrator saves: it
                # decides an invitation with its answer); its details are no membership yet
                change.role, change.joined_on, change.left_on = member.role, member.joined_on, member.left_on
                change.save(update_fields=["role", "joined_on", "left_on"])
            elif at_once or pk == own:
                Membership.objects.create(
                    cooperation=cooperation,
                    municipality=member.municipality,
                    role=member.role,
                    joined_on=member.joined_on,
                    left_on=member.left_on,
                )
            else:
                propose(member.municipality, JOIN, member, member.left_on)
            continue
        membership.role, membership.joined_on = member.role, member.joined_on
        leaving = membership.left_on is None and member.left_on is not None
        returning = membership.left_on is not None and member.left_on is None
        if leaving and not (at_once or pk == own):
            propose(membership.municipality, LEAVE, left_on=member.left_on)
        elif returning and not at_once:
            propose(membership.municipality, JOIN, member)
        else:
            membership.left_on = member.left_on
            change = pending.get(pk)
            if member.left_on is not None and change is not None and change.kind == JOIN and change.pk:
                _close(change, MemberChange.Status.WITHDRAWN, user)  # no longer asked to return
        membership.save(update_fields=["role", "joined_on", "left_on"])

    members_now = accepted_member_ids(cooperation)
    for change in proposals:
        change.save()
        asked = (members_now - {own}) | ({change.municipality_id} if change.kind == JOIN else set())
        MemberConsent.objects.bulk_create(
            MemberConsent(change=change, municipality_id=pk, **_given(pk in consented, user))
            for pk in sorted(asked)
        )
        bump("cooperations")  # bulk writes send no signals (goedebuur.common.cache)
    _close_moot(cooperation, user)
    _settle(cooperation, user)
    for change in proposals:
        change.refresh_from_db(fields=["status"])
    return [c for c in proposals if c.status == OPEN]


def answer(cooperation: Cooperation, municipality, user, agree: bool) -> MemberChange:
    """`user` answers the open change about `municipality` in `cooperation` for its own municipality
    (an administrator, or the system, decides it at once). The proposer's municipality can withdraw
    it by saying no. Raises ValidationError when nothing is open, PermissionDenied when the user's
    municipality has no say."""
    with transaction.atomic():
        change = (
            # lock the change row only: PostgreSQL refuses FOR UPDATE on the nullable side of the join
            cooperation.member_changes.select_for_update(of=("self",))
            .filter(status=OPEN, municipality=municipality)
            .select_related("municipality")
            .first()
        )
        if change is None:
            raise ValidationError(
                _("Voor %(name)s staat bij dit samenwerkingsverband geen uitnodiging of voorstel open.")
                % {"name": municipality.name},
                code="nothing_open",
            )
        if user is not None and not user.is_authenticated:
            raise PermissionDenied(_("Log in om te antwoorden."))
        subject = describe(change)
        if decides_at_once(user):
            if agree:
                _apply(change, user)
                note = _("%(subject)s: besloten door een beheerder") % {"subject": subject}
            else:
                _close(change, MemberChange.Status.DECLINED, user)
                note = _("%(subject)s: afgewezen door een beheerder") % {"subject": subject}
        else:
            note = _answer_as_member(change, user, agree, subject)
        _settle(cooperation, user)
        cooperation.updated_by = user
        cooperation.save(update_fields=["updated_at", "updated_by"])
        history.record(cooperation, "update", user, note)
    change.refresh_from_db()
    return change


def _answer_as_member(change: MemberChange, user, agree: bool, subject: str) -> str:
    if not user.is_editor:
        raise PermissionDenied(
            _("Alleen een redacteur van een betrokken gemeente of een beheerder kan hierover beslissen.")
        )
    consent = change.consents.filter(municipality_id=user.municipality_id).first()
    if consent is None or consent.answer != MemberConsent.Answer.OPEN:
        if not agree and change.proposed_for_id == user.municipality_id:
            _close(change, MemberChange.Status.WITHDRAWN, user)
            return _("%(subject)s: ingetrokken door %(name)s") % {
                "subject": subject,
                "name": user.municipality.name,
            }
        if consent is not None:
            raise ValidationError(_("Uw gemeente heeft hierop al geantwoord."), code="answered")
        raise PermissionDenied(_("Uw gemeente hoeft over deze wijziging niet te beslissen."))
    consent.answer = MemberConsent.Answer.YES if agree else MemberConsent.Answer.NO
    consent.answered_by = user
    consent.answered_at = timezone.now()
    consent.save(update_fields=["answer", "answered_by", "answered_at"])
    if not agree:
        _close(change, MemberChange.Status.DECLINED, user)
        return _("%(subject)s: afgewezen door %(name)s") % {
            "subject": subject,
            "name": user.municipality.name,
        }
    return _("%(subject)s: %(name)s stemt in") % {"subject": subject, "name": user.municipality.name}


def describe(change: MemberChange) -> str:
    if change.kind == JOIN:
        return _("Uitnodiging van %(name)s") % {"name": change.municipality.name}
    return _("Verwijdering van %(name)s") % {"name": change.municipality.name}


def waiting_for(change: MemberChange) -> list:
    """The municipalities whose answer the change still needs (in name order)."""
    counted = _counted(change, accepted_member_ids(change.cooperation))
    return [c.municipality for c in counted if c.answer == MemberConsent.Answer.OPEN]


def pending_for(municipality):
    """Open changes of live entries that wait for `municipality`'s answer."""
    return (
        MemberChange.objects.filter(
            status=OPEN,
            cooperation__deleted_at__isnull=True,
            consents__municipality=municipality,
            consents__answer=MemberConsent.Answer.OPEN,
        )
        .select_related("cooperation", "municipality", "proposed_for")
        .order_by("proposed_at", "pk")
        .distinct()
    )


# --- internals -------------------------------------------------------------------------------


def _counted(change: MemberChange, members_now: set[int]) -> list[MemberConsent]:
    """The answers that count: the invited municipality's, and those of municipalities that are
    still current members."""
    return [
        c
        for c in change.consents.select_related("municipality")
        if c.municipality_id in members_now
        or (change.kind == JOIN and c.municipality_id == change.municipality_id)
    ]


def _given(yes: bool, user) -> dict:
    if not yes:
        return {}
    return {"answer": MemberConsent.Answer.YES, "answered_by": user, "answered_at": timezone.now()}


def _close(change: MemberChange, status: str, user) -> None:
    change.status = status
    change.decided_by = user if user is not None and user.is_authenticated else None
    change.decided_at = timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at"])


def _apply(change: MemberChange, user) -> None:
    cooperation = change.cooperation
    if change.kind == JOIN:
        Membership.objects.update_or_create(
            cooperation=cooperation,
            municipality=change.municipality,
            defaults={"role": change.role, "joined_on": change.joined_on, "left_on": change.left_on},
        )
    else:
        membership = cooperation.memberships.filter(municipality=change.municipality).first()
        if membership is not None and change.left_on:
            membership.left_on = change.left_on
            membership.save(update_fields=["left_on"])
        elif membership is not None:
            membership.delete()
    _close(change, MemberChange.Status.ACCEPTED, user)


def _close_moot(cooperation: Cooperation, user) -> None:
    """Changes that no longer change anything (an administrator did it already) are closed."""
    members_now = accepted_member_ids(cooperation)
    for change in cooperation.member_changes.filter(status=OPEN):
        if (change.kind == JOIN) == (change.municipality_id in members_now):
            _close(change, MemberChange.Status.ACCEPTED, user)


def _settle(cooperation: Cooperation, user) -> None:
    """Apply every open change that has all the answers it needs (one applied may complete another:
    a member that leaves no longer counts)."""
    progress = True
    while progress:
        progress = False
        members_now = accepted_member_ids(cooperation)
        for change in cooperation.member_changes.filter(status=OPEN).select_related("municipality"):
            counted = _counted(change, members_now)
            if counted and all(c.answer == MemberConsent.Answer.YES for c in counted):
                _apply(change, user)
                progress = True
                break
