# SPDX-License-Identifier: EUPL-1.2
"""Pages of cooperation trajectories: the list, a new trajectory, the trajectory page and its
settings. The posts that change one part of a trajectory are in views_steps.py.

Visibility (permissions.py): partners and invitees see everything; others only a public summary
when the partners switched it on; anonymous visitors are sent to the login page otherwise."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goedebuur.common import add_to_form, terms_in
from goedebuur.core.trajectory import workflow as flow
from goedebuur.history.services import EditConflict, conflict_message, expect_revision
from goedebuur.pages.services import paginate

from . import documents, permissions, services
from .forms import (
    ActionForm,
    BusinessCaseLinkForm,
    ChecklistForm,
    CreateForm,
    DecisionForm,
    InviteForm,
    SettingsForm,
)
from .models import ACTION_LABELS, PHASE_CHOICES, Participant, Trajectory


def trajectory_or_404(request, pk, *, summary_ok=False) -> Trajectory:
    """The trajectory when the user may see it (in full, or as summary when `summary_ok`)."""
    trajectory = get_object_or_404(services.with_related(Trajectory.objects.all()), pk=pk)
    if permissions.can_view(request.user, trajectory):
        return trajectory
    if summary_ok and trajectory.public_summary:
        return trajectory
    if not request.user.is_authenticated:
        raise _LoginNeeded
    raise Http404(_("Dit traject bestaat niet of u mag het niet zien."))


class _LoginNeeded(Exception):
    pass


def login_or_404(view):
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginNeeded:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def trajectory_list(request):
    user = request.user
    qs = (
        permissions.visible_or_public(user)
        .select_related("initiator")
        .prefetch_related("participants__municipality")
    )
    page_obj, querystring = paginate(request, qs, per_page=25)
    invitations = []
    if user.is_authenticated and user.municipality_id:
        invitations = list(
            services.with_related(
                Trajectory.objects.filter(
                    participants__municipality_id=user.municipality_id,
                    participants__status=Participant.Status.INVITED,
                )
            )
        )
    context = {
        "nav": "trajecten",
        "page_obj": page_obj,
        "querystring_without_page": querystring,
        "invitations": invitations,
        "can_create": permissions.can_create(user),
        "visible_ids": set(permissions.visible_to(user).values_list("pk", flat=True)),
    }
    return render(request, "trajectories/list.html", context)


@login_required
def trajectory_create(request):
    user = request.user
    services.check_may_create(user)
    form = CreateForm(request.POST or None, admin=user.is_platform_admin)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            trajectory = services.create_trajectory(
                user,
                name=data["name"],
                initiator=data.get("initiator") or user.municipality,
                invitees=list(data["invitees"]),
                domains=list(data["domains"]),
                intended_form=data["intended_form"],
                description=data["description"],
                public_summary=data["public_summary"],
            )
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Het traject is aangemaakt."))
            report_reach(request, trajectory)
            return redirect(trajectory)
    status = 400 if request.method == "POST" else 200
    return render(request, "trajectories/create.html", {"nav": "trajecten", "form": form}, status=status)


REACH_PHRASES = {
    "reached": gettext_lazy("Per e-mail bereikt: %(names)s."),
    "logged": gettext_lazy(
        "Niet verstuurd, alleen in het maillogboek geschreven (er is geen mailserver ingesteld): %(names)s."
    ),
    "awaiting": gettext_lazy("De e-mail wacht op goedkeuring van een beheerder: %(names)s."),
    "failed": gettext_lazy(
        "Versturen mislukt: %(names)s. Verstuur de uitnodiging opnieuw of nodig iemand anders uit."
    ),
    "nobody": gettext_lazy(
        "Niemand bereikt: %(names)s heeft nog geen redacteur op Goede Buur. Nodig een contactpersoon uit "
        "met het e-mailadres, bij 'Wie is bereikt?'."
    ),
}


def report_reach(request, trajectory, municipality_ids=None) -> None:
    """Tell honestly who the invitation reached (never "verstuurd" for a municipality nobody got)."""
    groups: dict[str, list[str]] = {}
    for row in services.reach(trajectory):
        if municipality_ids is None or row.participant.municipality_id in municipality_ids:
            groups.setdefault(row.state, []).append(row.municipality.name)
    for state, phrase in REACH_PHRASES.items():
        if state in groups:
            level = messages.success if state == "reached" else messages.warning
            level(request, phrase % {"names": ", ".join(groups[state])})


def _timeline(trajectory):
    current = flow.phase_index(trajectory.phase)
    return [
        {
            "code": code,
            "name": name,
            "number": i + 1,
            "status": "done" if i < current else ("current" if i == current else "todo"),
            "x": 10 + i * 190,
        }
        for i, (code, name) in enumerate(PHASE_CHOICES)
    ]


@login_or_404
def trajectory_detail(request, pk):
    trajectory = trajectory_or_404(request, pk, summary_ok=True)
    if not permissions.can_view(request.user, trajectory):
        context = {
            "nav": "trajecten",
            "trajectory": trajectory,
            "timeline": _timeline(trajectory),
            "form_terms": _form_terms(trajectory),
        }
        return render(request, "trajectories/summary.html", context)
    return render_detail(request, trajectory)


def _form_terms(trajectory) -> list[str]:
    """The glossary terms in the name and description of the intended form (Wgr, DVO, ...)."""
    form = trajectory.intended_form
    return terms_in(form.name, form.description) if form is not None else []


def _with_terms(checklist) -> list[dict]:
    """Each phase of the checklist with the glossary terms its titles and tips use."""
    for phase in checklist:
        phase["terms"] = terms_in(*(f"{row['item'].title}\n{row['item'].tip}" for row in phase["rows"]))
    return checklist


def render_detail(
    request,
    trajectory,
    *,
    decision_form=None,
    invite_form=None,
    checklist_form=None,
    checklist_item=None,
    action_form=None,
    case_form=None,
    respond_form=None,
    reach_failure=None,
    acknowledge_form=None,
    promote_form=None,
    status=200,
):
    """The trajectory page; a post that failed passes its bound form, which comes back with what
    was typed, the errors next to the fields and a summary at the top of the form (status 400).
    A failed checklist post names its item: only that row shows the bound form; a failed step
    comes back on the form of the action that was chosen. `reach_failure` is (municipality id, form)
    of a refused contact invitation, resend or withdrawal: it comes back in that municipality's card
    under "Wie is bereikt?", or at the top of that section when the municipality has no card (it
    answered meanwhile). A refused acknowledgement or promotion passes a form without fields whose
    errors show in the summary beside its button."""
    user = request.user
    alignment = services.picture(trajectory)
    step = services.step_status(trajectory, alignment)
    may_edit = permissions.can_edit(user, trajectory)
    own = None
    if user.municipality_id:
        own = next((p for p in alignment.partners if p.municipality_id == user.municipality_id), None)
    linked, hidden_cases = services.linked_cases(trajectory, user)
    linkable = services.linkable_cases(trajectory, user) if may_edit else None
    reach = services.reach(trajectory) if may_edit else None
    reach_refusal = _place_in_reach(reach, reach_failure)
    question = services.decision_question(trajectory.phase)
    context = {
        "nav": "trajecten",
        "trajectory": trajectory,
        "participants": list(trajectory.participants.all()),
        "linked_cases": linked,
        "hidden_cases": hidden_cases,
        "case_form": case_form
        or (
            BusinessCaseLinkForm(initial={"business_cases": linked}, cases=linkable)
            if linkable is not None and linkable.exists()
            else None
        ),
        "timeline": _timeline(trajectory),
        "status": step,
        "actions": [(code, label) for code, label in ACTION_LABELS.items() if code in step.allowed],
        "decision_question": question,
        "decision_terms": terms_in("go/no-go", question.question),
        "step_terms": terms_in(*(b.reason for b in step.advance_blockers)),
        "form_terms": _form_terms(trajectory),
        "document_terms": terms_in(*documents.KINDS.values()),
        "latest_decision": services.latest_decision(trajectory),
        "checklist": _with_terms(services.checklist(trajectory)),
        "decisions": trajectory.decisions.select_related("recorded_by"),
        "alignment": alignment,
        "own_partner": own,
        "own_acknowledged": own is not None and alignment.acknowledged.get(own.municipality_id),
        "may_edit": may_edit,
        "may_respond": permissions.can_respond(user, trajectory),
        "may_speak_for_own": own is not None
        and permissions.can_speak_for(user, trajectory, own.municipality),
        "decision_form": decision_form or DecisionForm(),
        "checklist_statuses": ChecklistForm.base_fields["status"].choices,
        "checklist_form": checklist_form,
        "checklist_item": checklist_item,
        "action_form": ActionForm(),
        "failed_action": action_form,
        "respond_form": respond_form,
        "reach": reach,
        "reach_refusal": reach_refusal,
        "acknowledge_form": acknowledge_form,
        "promote_form": promote_form,
        "invite_form": (invite_form or InviteForm(trajectory=trajectory))
        if may_edit and trajectory.state != "gestopt"
        else None,
        "document_kinds": documents.KINDS.items(),
        "history": services.versions(trajectory)[:5],
    }
    return render(request, "trajectories/detail.html", context, status=status)


def _place_in_reach(reach, failure):
    """Put a refused contact invitation, resend or withdrawal (`failure`: municipality id, form) on the
    card of its municipality as `row.failed`; return the form when no card is its."""
    if failure is None:
        return None
    municipality_id, form = failure
    for row in reach or ():
        if row.municipality.pk == municipality_id:
            row.failed = form
            return None
    return form


@login_or_404
@login_required
def trajectory_settings(request, pk):
    trajectory = trajectory_or_404(request, pk)
    services.check_editable(request.user, trajectory)
    initial = {
        "revision": trajectory.revision,
        "name": trajectory.name,
        "description": trajectory.description,
        "domains": list(trajectory.domains.all()),
        "intended_form": trajectory.intended_form,
        "public_summary": trajectory.public_summary,
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        domains = data.pop("domains")
        expect_revision(trajectory, data.pop("revision"))
        try:
            with transaction.atomic():
                services.update_trajectory(trajectory, request.user, domains=list(domains), **data)
        except EditConflict as conflict:
            form.add_error(None, conflict_message(conflict))
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("De gegevens van het traject zijn opgeslagen."))
            return redirect(trajectory)
    status = 400 if request.method == "POST" else 200
    context = {"nav": "trajecten", "trajectory": trajectory, "form": form}
    return render(request, "trajectories/settings.html", context, status=status)
