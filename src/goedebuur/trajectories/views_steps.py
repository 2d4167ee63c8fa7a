# SPDX-License-Identifier: EUPL-1.2
"""Posts that change one part of a trajectory (invitation, checklist, decision, ambitions,
acknowledgement, step, register) and the document downloads.

One form pattern (docs/development.md, "Forms"): a post that is refused comes back on the trajectory
page (status 400) with what was typed, the error next to the field and the error summary above the
form, which the page scrolls to and focuses; nothing is saved. A post that succeeds redirects
(post/redirect/get) with a notice. Only an edit conflict redirects with a message, so that the editor
sees the current state."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.accounts import services as accounts
from goedebuur.common import add_to_form, refused
from goedebuur.core.trajectory.alignment import FOUR_KS
from goedebuur.history.services import EditConflict, conflict_message, expect_revision, revision_from
from goedebuur.municipalities.models import Municipality

from . import documents, services
from .forms import (
    ActionForm,
    AmbitionForm,
    BusinessCaseLinkForm,
    ChecklistForm,
    ContactInviteForm,
    DecisionForm,
    InviteForm,
    RespondForm,
)
from .models import Ambition, ChecklistItem
from .views import login_or_404, render_detail, report_reach, trajectory_or_404


def _editable(request, pk):
    trajectory = trajectory_or_404(request, pk)
    services.check_editable(request.user, trajectory)
    return trajectory


@require_POST
@login_or_404
@login_required
def respond(request, pk):
    """An answer that cannot be recorded comes back on the trajectory page with the summary in the
    invitation card (status 400); an answer other than the two buttons changes nothing."""
    trajectory = trajectory_or_404(request, pk)
    services.check_may_respond(request.user, trajectory)
    form = RespondForm(request.POST, auto_id="respond_%s")
    if form.is_valid():
        accept = form.cleaned_data["answer"] == "aannemen"
        try:
            services.respond(trajectory, request.user.municipality, accept, request.user)
        except EditConflict as conflict:
            messages.error(request, conflict_message(conflict))
            return redirect(trajectory)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            if accept:
                messages.success(request, _("U neemt deel aan dit traject."))
                return redirect(trajectory)
            messages.success(request, _("U hebt de uitnodiging afgewezen."))
            return redirect("trajectories:list")
    return render_detail(request, trajectory, respond_form=form, status=400)


@require_POST
@login_or_404
@login_required
def invite(request, pk):
    trajectory = _editable(request, pk)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            invited = services.invite(trajectory, list(form.cleaned_data["invitees"]), request.user)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            report_reach(request, trajectory, [p.municipality_id for p in invited])
            return redirect(trajectory)
    return render_detail(request, trajectory, invite_form=form, status=400)


def _invitation(request, pk, invitation_id):
    trajectory = _editable(request, pk)
    try:
        return trajectory, services.invitation_of(trajectory, invitation_id)
    except ValidationError:
        raise Http404(_("Deze uitnodiging hoort niet bij dit traject.")) from None


@require_POST
@login_or_404
@login_required
def invite_contact(request, pk):
    """An address that cannot be invited comes back in the card of its municipality under "Wie is
    bereikt?" with what was typed, the error next to the field and the summary (status 400)."""
    trajectory = _editable(request, pk)
    municipality_id = request.POST.get("municipality", "")
    municipality_id = int(municipality_id) if municipality_id.isdigit() else None
    form = ContactInviteForm(request.POST, auto_id=f"contact-{municipality_id or 'onbekend'}-%s")
    if form.is_valid():
        try:
            invitation = services.invite_contact(
                trajectory, form.cleaned_data["municipality"], form.cleaned_data["email"], request.user
            )
        except ValidationError as error:
            add_to_form(form, error, {"municipality": None})
        else:
            _report_invitation(request, invitation)
            return redirect(f"{trajectory.get_absolute_url()}#bereik")
    return render_detail(request, trajectory, reach_failure=(municipality_id, form), status=400)


def _report_invitation(request, invitation) -> None:
    """The honest outcome of sending or withdrawing one invitation (worded by accounts)."""
    level, text = accounts.invitation_outcome(invitation)
    getattr(messages, level)(request, text)


def _change_invitation(request, pk, invitation_id, how):
    """Send again or withdraw (accounts' one way, `services.change_invitation`). A refusal (the
    invitation was accepted or withdrawn meanwhile) comes back in the card of its municipality."""
    trajectory, invitation = _invitation(request, pk, invitation_id)
    try:
        invitation = services.change_invitation(trajectory, invitation, how, request.user)
    except ValidationError as error:
        return render_detail(
            request, trajectory, reach_failure=(invitation.municipality_id, refused(error)), status=400
        )
    _report_invitation(request, invitation)
    return redirect(f"{trajectory.get_absolute_url()}#bereik")


@require_POST
@login_or_404
@login_required
def invitation_resend(request, pk, invitation_id):
    return _change_invitation(request, pk, invitation_id, "resend")


@require_POST
@login_or_404
@login_required
def invitation_withdraw(request, pk, invitation_id):
    return _change_invitation(request, pk, invitation_id, "withdraw")


@require_POST
@login_or_404
@login_required
def checklist_item(request, pk, item_id):
    """A checklist row that cannot be saved comes back on the trajectory page with the status and
    note that were typed, the error next to the field and the summary above that row (status 400)."""
    trajectory = _editable(request, pk)
    item = get_object_or_404(ChecklistItem, pk=item_id)
    form = ChecklistForm(request.POST, auto_id=f"%s-{item.pk}")
    if form.is_valid():
        try:
            services.set_checklist_status(
                trajectory,
                item,
                form.cleaned_data["status"],
                form.cleaned_data["note"],
                request.user,
                revision=form.cleaned_data["revision"],
            )
        except EditConflict as conflict:
            messages.error(request, conflict_message(conflict))
            return redirect(f"{trajectory.get_absolute_url()}#checklist-{item.phase}")
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Checklistpunt '%(title)s' bijgewerkt.") % {"title": item.title})
            return redirect(f"{trajectory.get_absolute_url()}#checklist-{item.phase}")
    return render_detail(request, trajectory, checklist_form=form, checklist_item=item, status=400)


@require_POST
@login_or_404
@login_required
def decision(request, pk):
    """A decision that cannot be recorded comes back on the trajectory page with everything that
    was typed, the errors next to the fields and the summary above the form, which gets the focus."""
    trajectory = _editable(request, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.record_decision(trajectory, request.user, **form.cleaned_data)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Het besluit is vastgelegd."))
            return redirect(f"{trajectory.get_absolute_url()}#besluiten")
    return render_detail(request, trajectory, decision_form=form, status=400)


@login_or_404
@login_required
def ambitions(request, pk, code):
    trajectory = trajectory_or_404(request, pk)
    municipality = get_object_or_404(Municipality, code=code.upper())
    services.check_may_speak_for(request.user, trajectory, municipality)
    current = Ambition.objects.filter(trajectory=trajectory, municipality=municipality).first()
    from_profile = {} if current else services.ambition_defaults(municipality)
    initial = (
        {f: getattr(current, f) for f in ("motive", "must_haves", "deal_breakers", *[c for c, _l in FOUR_KS])}
        | {"revision": current.revision}
        if current
        else from_profile
    )
    form = AmbitionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        revision = values.pop("revision")
        try:
            services.save_ambition(trajectory, municipality, values, request.user, revision=revision)
        except EditConflict as conflict:
            form.add_error(None, conflict_message(conflict))
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(
                request, _("De ambities van %(name)s zijn opgeslagen.") % {"name": municipality.name}
            )
            return redirect(f"{trajectory.get_absolute_url()}#ambities")
    context = {
        "nav": "trajecten",
        "trajectory": trajectory,
        "municipality": municipality,
        "form": form,
        "from_profile": bool(from_profile),
    }
    return render(
        request, "trajectories/ambitions.html", context, status=400 if request.method == "POST" else 200
    )


@require_POST
@login_or_404
@login_required
def acknowledge(request, pk):
    """An acknowledgement that cannot be recorded comes back on the trajectory page with the reason
    in the error summary of the ambitions section (status 400)."""
    trajectory = trajectory_or_404(request, pk)
    municipality = request.user.municipality
    services.check_may_speak_for(request.user, trajectory, municipality, acknowledging=True)
    try:
        services.acknowledge(trajectory, municipality, request.user)
    except ValidationError as error:
        return render_detail(request, trajectory, acknowledge_form=refused(error), status=400)
    messages.success(
        request, _("U hebt de verschillen namens %(name)s bevestigd.") % {"name": municipality.name}
    )
    return redirect(f"{trajectory.get_absolute_url()}#ambities")


@require_POST
@login_or_404
@login_required
def action(request, pk):
    """A step that cannot be taken comes back on the trajectory page with the reason that was typed
    and the summary of what stands in the way above that action's form (status 400)."""
    trajectory = _editable(request, pk)
    code = request.POST.get("action", "")
    form = ActionForm(request.POST, auto_id=f"%s-{slugify(code)}")
    if form.is_valid():
        try:
            trajectory = services.take_action(
                trajectory,
                form.cleaned_data["action"],
                request.user,
                form.cleaned_data["reason"],
                revision=form.cleaned_data["revision"],
            )
        except EditConflict as conflict:
            messages.error(request, conflict_message(conflict))
            return redirect(trajectory)
        except ValidationError as error:
            add_to_form(form, error, {"action": None})
        else:
            messages.success(
                request,
                _("Het traject is nu in de fase %(phase)s (%(state)s).")
                % {"phase": trajectory.get_phase_display(), "state": trajectory.get_state_display()},
            )
            return redirect(trajectory)
    return render_detail(request, trajectory, action_form=form, status=400)


@require_POST
@login_or_404
@login_required
def promote(request, pk):
    """A trajectory that cannot enter the register comes back on the trajectory page with the
    reason in the error summary of the next step (status 400)."""
    trajectory = _editable(request, pk)
    expect_revision(trajectory, revision_from(request.POST))
    try:
        cooperation = services.promote_to_register(trajectory, request.user)
    except EditConflict as conflict:
        messages.error(request, conflict_message(conflict))
        return redirect(trajectory)
    except ValidationError as error:
        return render_detail(request, trajectory, promote_form=refused(error), status=400)
    messages.success(request, _("Het samenwerkingsverband staat nu in het register."))
    return redirect(cooperation)


@require_POST
@login_or_404
@login_required
def business_cases(request, pk):
    """Links that cannot be saved come back on the trajectory page with the choices that were
    ticked, the error next to the field and the summary above the form (status 400)."""
    trajectory = _editable(request, pk)
    form = BusinessCaseLinkForm(request.POST, cases=services.linkable_cases(trajectory, request.user))
    if form.is_valid():
        try:
            services.link_business_cases(trajectory, form.cleaned_data["business_cases"], request.user)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("De gekoppelde businesscases zijn bijgewerkt."))
            return redirect(f"{trajectory.get_absolute_url()}#businesscases")
    return render_detail(request, trajectory, case_form=form, status=400)


@login_or_404
def document(request, pk, kind, fmt):
    trajectory = trajectory_or_404(request, pk)
    if kind not in documents.KINDS or fmt not in documents.FORMATS:
        raise Http404(_("Dit document bestaat niet."))
    outline = documents.outline(trajectory, kind)
    filename = f"{kind}-{slugify(trajectory.name)}.{fmt}"
    if fmt == "md":
        response = HttpResponse(documents.to_markdown(outline), content_type="text/markdown; charset=utf-8")
    else:
        response = HttpResponse(
            documents.to_docx(outline),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
