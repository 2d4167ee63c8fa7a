# SPDX-License-Identifier: EUPL-1.2
"""Public API of the trajectories app: cooperation trajectories with partners, the step plan,
decisions, ambitions and the move into the register.

Every change goes through a function here (or in `plan` / `ambitions` / `links`, re-exported
below), which checks who may make it (PermissionDenied; `user=None` is the platform itself: demo
data, commands), validates (ValidationError with Dutch messages; nothing saved on error), writes
and records a full snapshot in the history (`history.py`). The rules of the step plan are
`goedebuur.core.trajectory.workflow`; who may do what is `permissions`."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from goedebuur.accounts import services as accounts
from goedebuur.cooperations import services as register
from goedebuur.cooperations.models import Cooperation
from goedebuur.core.trajectory import workflow as flow
from goedebuur.history import services as history
from goedebuur.history.services import expect_revision

from . import permissions
from .ambitions import (  # noqa: F401 - public API
    AlignmentPicture,
    acknowledge,
    ambition_defaults,
    picture,
    save_ambition,
)
from .links import link_business_cases, linkable_cases, linked_cases  # noqa: F401 - public API
from .models import ACTION_LABELS, PHASE_CHOICES, Participant, Trajectory
from .plan import (  # noqa: F401 - public API
    checklist,
    ensure_checklist,
    latest_decision,
    open_required_items,
    record_decision,
    set_checklist_status,
)
from .reasons import Reason, decision_question, phrase  # noqa: F401 - public API
from .rules import (  # noqa: F401 - public API
    check_editable,
    check_may_create,
    check_may_respond,
    check_may_speak_for,
)

EDITABLE_FIELDS = ("name", "description", "intended_form", "public_summary")


def versions(trajectory: Trajectory):
    return history.versions(trajectory)


def restore_version(trajectory: Trajectory, record_id: int, user) -> Trajectory:
    """Bring back the details, domains, checklist and ambitions of an earlier version (history.py)."""
    check_editable(user, trajectory)
    return history.restore(trajectory, record_id, user)


# --- for other apps: which trajectories a user may see and link ------------------------------

visible_to = permissions.visible_to


def phases() -> list[tuple[str, str]]:
    """(code, name) of the phases in order, the names in the active language."""
    return list(PHASE_CHOICES)


def all_trajectories():
    return Trajectory.objects.all()


def get_trajectory(pk) -> Trajectory | None:
    return Trajectory.objects.filter(pk=pk).first() if pk else None


def with_related(queryset):
    return queryset.select_related("initiator", "intended_form", "cooperation").prefetch_related(
        "domains", "participants__municipality"
    )


def trajectories_of(municipality):
    """Trajectories the municipality takes part in or is invited to."""
    return Trajectory.objects.filter(
        participants__municipality=municipality,
        participants__status__in=(Participant.Status.INVITED, Participant.Status.ACCEPTED),
    ).distinct()


def accepted(trajectory: Trajectory) -> list[Participant]:
    return [p for p in trajectory.participants.all() if p.status == Participant.Status.ACCEPTED]


# --- creating and inviting -------------------------------------------------------------------


def _real(user):
    return user if user is not None and user.is_authenticated else None


# --- invitations by e-mail (one mechanism: accounts' invitations) ------------------------------

INVITATION_KIND = "trajectory"


def _invitation_accepted(invitation, user) -> None:
    """The person who followed the link (now an editor of the municipality) accepts for it."""
    trajectory = Trajectory.objects.get(pk=invitation.subject_id)
    respond(trajectory, invitation.municipality, True, user)


def _invitation_open(invitation) -> bool:
    return Participant.objects.filter(
        trajectory_id=invitation.subject_id,
        municipality_id=invitation.municipality_id,
        status=Participant.Status.INVITED,
    ).exists()


def invitation_kind():
    """Registered with accounts by the app config."""
    return accounts.InvitationKind(
        code=INVITATION_KIND,
        what=lambda: _("het samenwerkingstraject"),
        accept=_invitation_accepted,
        landing=lambda invitation: reverse("trajectories:detail", args=[invitation.subject_id]),
        is_open=_invitation_open,
    )


def _inviter_name(trajectory: Trajectory, user) -> str:
    user = _real(user)
    if user is not None and user.municipality_id:
        return user.municipality.name
    return trajectory.initiator.name


def _notify(trajectory: Trajectory, municipalities, user) -> None:
    """Invite the editors of each invited municipality by e-mail (their addresses are the
    municipality's, so the mail goes at once). A municipality without editors is reached only when
    someone invites a contact (`invite_contact`); `reach` tells the inviter which."""
    for municipality in municipalities:
        for email in accounts.editor_emails(municipality):
            try:
                accounts.invite_by_email(
                    email=email,
                    municipality=municipality,
                    kind=INVITATION_KIND,
                    subject_id=trajectory.pk,
                    subject_name=trajectory.name,
                    inviter_name=_inviter_name(trajectory, user),
                    user=None,  # the platform: an editor's own address needs no approval
                )
            except ValidationError:
                continue  # this editor's earlier invitation is still under way


@transaction.atomic
def invite_contact(trajectory: Trajectory, municipality, email: str, user):
    """Invite a person at an invited municipality by e-mail: the way to reach a municipality that has
    no editor on the platform yet. Who may change the trajectory may do this."""
    check_editable(user, trajectory)
    if (
        municipality is None
        or not trajectory.participants.filter(
            municipality=municipality, status=Participant.Status.INVITED
        ).exists()
    ):
        raise ValidationError(
            {
                "municipality": [
                    _("Alleen een gemeente met een openstaande uitnodiging kan per e-mail worden bereikt.")
                ]
            }
        )
    invitation = accounts.invite_by_email(
        email=email,
        municipality=municipality,
        kind=INVITATION_KIND,
        subject_id=trajectory.pk,
        subject_name=trajectory.name,
        inviter_name=_inviter_name(trajectory, user),
        user=user,
    )
    trajectory.touch()
    return invitation


def invitation_of(trajectory: Trajectory, invitation_id):
    """An e-mail invitation of this trajectory, or a ValidationError (code `not_found`)."""
    return accounts.invitation_of_subject(INVITATION_KIND, trajectory.pk, invitation_id)


def change_invitation(trajectory: Trajectory, invitation, how: str, user):
    """Send again (`how` "resend") or withdraw ("withdraw") an e-mail invitation of the trajectory
    (accounts' one way of doing it, for who may change the trajectory)."""
    check_editable(user, trajectory)
    return accounts.change_invitation(INVITATION_KIND, trajectory.pk, invitation.pk, how)


def resend_invitation(trajectory: Trajectory, invitation, user):
    return change_invitation(trajectory, invitation, "resend", user)


def withdraw_invitation(trajectory: Trajectory, invitation, user):
    return change_invitation(trajectory, invitation, "withdraw", user)


def email_invitations(trajectory: Trajectory, user):
    """Every e-mail invitation of the trajectory, newest first; the addresses are for who may change it."""
    check_editable(user, trajectory)
    return list(accounts.invitations_of(INVITATION_KIND, trajectory.pk))


@dataclass
class Reach:
    """How an invited municipality was reached: its invitations by e-mail, newest first, and in one
    word (`accounts.services.reach_state`: reached, logged, awaiting, failed, nobody)."""

    participant: Participant
    invitations: list
    state: str

    @property
    def municipality(self):
        return self.participant.municipality


def reach(trajectory: Trajectory) -> list[Reach]:
    """Per municipality that is invited and has not answered yet: who was reached."""
    all_invitations = list(accounts.invitations_of(INVITATION_KIND, trajectory.pk))
    result = []
    for participant in trajectory.participants.all():
        if participant.status != Participant.Status.INVITED:
            continue
        own = [i for i in all_invitations if i.municipality_id == participant.municipality_id]
        state = accounts.reach_state(own)
        accounts.annotate_invitations(own)
        result.append(Reach(participant, own, state))
    return result


@transaction.atomic
def create_trajectory(
    user,
    *,
    name: str,
    initiator,
    invitees,
    domains=(),
    intended_form=None,
    description="",
    public_summary=False,
    is_demo=False,
    notify=True,
) -> Trajectory:
    """Start a trajectory: editors for their own municipality, administrators for any (`initiator`)."""
    check_may_create(user)
    if initiator is None:
        raise ValidationError({"initiator": [_("Kies de gemeente die het initiatief neemt.")]})
    if _real(user) and not user.is_platform_admin and initiator.pk != user.municipality_id:
        raise PermissionDenied(_("Alleen redacteuren van een gemeente en beheerders starten een traject."))
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = [_("Geef het traject een naam.")]
    invitees = [m for m in invitees if m.pk != initiator.pk]
    if not invitees:
        errors["invitees"] = [_("Nodig ten minste één andere gemeente uit.")]
    if errors:
        raise ValidationError(errors)
    trajectory = Trajectory.objects.create(
        name=name.strip(),
        description=description.strip(),
        initiator=initiator,
        intended_form=intended_form,
        public_summary=public_summary,
        is_demo=is_demo,
        created_by=_real(user),
    )
    trajectory.domains.set(domains)
    now = timezone.now()
    Participant.objects.create(
        trajectory=trajectory, municipality=initiator, status=Participant.Status.ACCEPTED, responded_at=now
    )
    Participant.objects.bulk_create(
        Participant(trajectory=trajectory, municipality=m, invited_by=_real(user))
        for m in dict.fromkeys(invitees)
    )
    ensure_checklist()
    history.record(trajectory, "create", user)
    if notify:
        transaction.on_commit(lambda: _notify(trajectory, list(dict.fromkeys(invitees)), user))
    return trajectory


@transaction.atomic
def invite(trajectory: Trajectory, municipalities, user) -> list[Participant]:
    """Invite more municipalities; one that declined earlier is invited again."""
    check_editable(user, trajectory)
    if trajectory.state == Trajectory.State.STOPPED:
        raise ValidationError(_("Het traject is gestopt."))
    invited = []
    for municipality in municipalities:
        participant, created = Participant.objects.get_or_create(
            trajectory=trajectory, municipality=municipality, defaults={"invited_by": _real(user)}
        )
        if not created and participant.status != Participant.Status.DECLINED:
            continue
        if not created:
            participant.status = Participant.Status.INVITED
            participant.responded_at = None
            participant.invited_by = _real(user)
            participant.save()
        invited.append(participant)
    if not invited:
        raise ValidationError({"invitees": [_("Deze gemeenten doen al mee of zijn al uitgenodigd.")]})
    history.record(trajectory, "update", user, _("uitgenodigd: %(names)s") % {"names": _names(invited)})
    transaction.on_commit(lambda: _notify(trajectory, [p.municipality for p in invited], user))
    return invited


def _names(participants) -> str:
    return ", ".join(p.municipality.name for p in participants)


@transaction.atomic
def respond(trajectory: Trajectory, municipality, accept: bool, user) -> Participant:
    check_may_respond(user, trajectory)
    participant = trajectory.participants.filter(municipality=municipality).first()
    if participant is None or participant.status != Participant.Status.INVITED:
        raise ValidationError(
            _("Er is geen openstaande uitnodiging voor %(name)s.") % {"name": municipality.name}
        )
    participant.status = Participant.Status.ACCEPTED if accept else Participant.Status.DECLINED
    participant.responded_at = timezone.now()
    participant.save()
    trajectory.touch()
    note = _("%(name)s neemt deel") if accept else _("%(name)s wijst de uitnodiging af")
    history.record(trajectory, "update", user, note % {"name": municipality.name})
    return participant


@transaction.atomic
def update_trajectory(trajectory: Trajectory, user, *, domains=None, **values) -> Trajectory:
    check_editable(user, trajectory)
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    if "name" in values and not values["name"].strip():
        raise ValidationError({"name": [_("Geef het traject een naam.")]})
    for name, value in values.items():
        setattr(trajectory, name, value.strip() if isinstance(value, str) else value)
    trajectory.save()
    if domains is not None:
        trajectory.domains.set(domains)
    history.record(trajectory, "update", user)
    return trajectory


# --- the step plan ---------------------------------------------------------------------------


@dataclass
class StepStatus:
    facts: flow.TrajectoryFacts
    allowed: tuple[str, ...]
    advance_blockers: list[Reason]  # what blocks the next phase, in words
    pending_invitations: list[Participant]
    may_enter_register: bool


def facts(trajectory: Trajectory, alignment: AlignmentPicture | None = None) -> flow.TrajectoryFacts:
    decision = latest_decision(trajectory)
    needs_alignment = flow.next_phase(trajectory.phase) == flow.AGREEMENT_PHASE
    if needs_alignment and alignment is None:
        alignment = picture(trajectory)
    return flow.TrajectoryFacts(
        phase=trajectory.phase,
        state=trajectory.state,
        accepted_partners=len(accepted(trajectory)),
        open_required_items=tuple(item.title for item in open_required_items(trajectory)),
        decision=decision.outcome if decision else "",
        alignment_blockers=tuple(alignment.blockers) if needs_alignment else (),
    )


def step_status(trajectory: Trajectory, alignment: AlignmentPicture | None = None) -> StepStatus:
    current = facts(trajectory, alignment)
    return StepStatus(
        facts=current,
        allowed=flow.allowed_actions(current),
        advance_blockers=[phrase(b) for b in flow.blockers(current, flow.ADVANCE)],
        pending_invitations=[
            p for p in trajectory.participants.all() if p.status == Participant.Status.INVITED
        ],
        may_enter_register=flow.may_enter_register(trajectory.phase, trajectory.state)
        and trajectory.cooperation_id is None,
    )


@transaction.atomic
def take_action(
    trajectory: Trajectory, action: str, user, reason: str = "", revision: int | None = None
) -> Trajectory:
    """Advance, go back, pause, resume or stop; a ValidationError lists every blocker. The step is
    refused with EditConflict when the trajectory changed after `revision` (default: the revision
    `trajectory` was loaded with)."""
    check_editable(user, trajectory)
    if action not in flow.ACTIONS:
        raise ValidationError({"action": [_("Onbekende actie.")]})
    seen = trajectory.revision if revision is None else revision
    trajectory = Trajectory.objects.select_for_update().get(pk=trajectory.pk)
    expect_revision(trajectory, seen)
    try:
        phase, state = flow.apply(facts(trajectory), action, reason)
    except flow.TransitionError as error:
        raise ValidationError({"action": [phrase(b).reason for b in error.blockers]}) from None
    if phase != trajectory.phase:
        trajectory.phase_entered_at = timezone.now()
    trajectory.phase, trajectory.state = phase, state
    if action in (flow.PAUSE, flow.STOP):
        trajectory.state_reason = reason.strip()
    elif action == flow.RESUME:
        trajectory.state_reason = ""
    trajectory.save()
    history.record(
        trajectory,
        "update",
        user,
        f"{ACTION_LABELS[action]}{': ' + reason.strip() if reason.strip() else ''}",
    )
    return trajectory


@transaction.atomic
def promote_to_register(trajectory: Trajectory, user) -> Cooperation:
    """Create the register entry of a trajectory that has passed the agreement phase."""
    check_editable(user, trajectory)
    if trajectory.cooperation_id is not None:
        raise ValidationError(_("Dit traject staat al in het register."))
    if not flow.may_enter_register(trajectory.phase, trajectory.state):
        raise ValidationError(_("Een traject komt pas in het register als de fase Overeenkomen is afgerond."))
    if trajectory.intended_form_id is None:
        raise ValidationError({"intended_form": [_("Kies eerst de beoogde samenwerkingsvorm.")]})
    values = register.CooperationInput(
        name=trajectory.name,
        description=trajectory.description,
        form=trajectory.intended_form,
        domains=list(trajectory.domains.all()),
        members=[register.MemberInput(p.municipality) for p in accepted(trajectory)],
        status=Cooperation.Status.ACTIEF,  # the agreement is signed
        is_demo=trajectory.is_demo,
    )
    partners = [p.municipality for p in accepted(trajectory)]
    cooperation = register.save_cooperation(
        values,
        user,
        note=_("uit het samenwerkingstraject '%(name)s'") % {"name": trajectory.name},
        consented=partners,  # each accepted the trajectory through its own editor
    )
    trajectory.cooperation = cooperation
    trajectory.save(update_fields=["cooperation", "updated_at"])
    history.record(trajectory, "update", user, _("opgenomen in het register"))
    return cooperation
