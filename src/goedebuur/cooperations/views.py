# SPDX-License-Identifier: EUPL-1.2
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.common import add_to_form, cache_anonymous_page, one_line
from goedebuur.history.services import (
    EditConflict,
    conflict_message,
    expect_revision,
    render_versions,
    revision_from,
)
from goedebuur.maps import services as maps
from goedebuur.pages.services import paginate

from . import permissions, register_display, services
from .forms import (
    CooperationEntryForm,
    CooperationFilterForm,
    EntryErrors,
    MemberFormSet,
    RegisterEntryForm,
    member_initial,
    to_input,
)
from .member_changes import member_changes_for
from .models import Cooperation

# How many member names a row of the list shows before "and N more".
LIST_MEMBER_NAMES = 8


@dataclass
class ListRow:
    cooperation: Cooperation
    names: list[str]
    more: int


@cache_anonymous_page(lambda request: services.register_version())
def cooperation_list(request):
    form = CooperationFilterForm(request.GET or None)
    qs = services.filter_cooperations(
        services.live_cooperations(request.user).prefetch_related("policy_domains"), **form.filters()
    ).order_by("name", "slug")
    page_obj, querystring = paginate(request, qs, per_page=25)
    rows = []
    for cooperation in page_obj:
        names = [m.municipality.name for m in cooperation.memberships.all() if m.left_on is None]
        rows.append(ListRow(cooperation, names[:LIST_MEMBER_NAMES], max(0, len(names) - LIST_MEMBER_NAMES)))
    counts = services.origin_counts(qs)
    context = {
        "nav": "samenwerkingen",
        "form": form,
        "page_obj": page_obj,
        "rows": rows,
        "querystring_without_page": querystring,
        "any_filter": form.any_filter(),
        "register_count": counts[Cooperation.Origin.REGISTER],
        "platform_count": counts[Cooperation.Origin.PLATFORM],
        "register_date": services.register_date(),
        "can_create": permissions.can_create(request.user),
    }
    return render(request, "cooperations/list.html", context)


def cooperation_detail(request, slug):
    cooperation = services.get_live(slug, request.user)
    if cooperation is None:
        raise Http404(_("Dit samenwerkingsverband bestaat niet (meer)."))
    return render_detail(request, cooperation)


def render_detail(request, cooperation, *, failure=None, status=200):
    """The cooperation page; `failure` (municipality id, form) shows a refused e-mail invitation in the
    card of that municipality under "Wachten op instemming". None when that card is not on the page."""
    member_changes = member_changes_for(request.user, cooperation, failure)
    if failure is not None and not any(item.failed is not None for item in member_changes):
        return None
    memberships = list(cooperation.memberships.all())
    context = {
        "nav": "samenwerkingen",
        "cooperation": cooperation,
        "official": register_display.official(cooperation),
        "register_history": services.register_history(cooperation),
        "current_members": [m for m in memberships if m.left_on is None],
        "former_members": [m for m in memberships if m.left_on is not None],
        "policy_domains": list(cooperation.policy_domains.all()),
        "can_edit": permissions.can_edit(request.user, cooperation),
        "can_delete": services.may_delete(request.user, cooperation),
        "members_map": maps.cooperation_members_map(cooperation),
        "last_change": services.versions(cooperation).first(),
        "member_changes": member_changes,
    }
    return render(request, "cooperations/detail.html", context, status=status)


@require_POST
@login_required
def cooperation_approve(request, slug):
    """A platform administrator makes an entry added on the platform public (the moderation queue on
    /ervaringen/moderatie)."""
    cooperation = services.get_live(slug, everyone=True)
    if cooperation is None:
        raise Http404(_("Dit samenwerkingsverband bestaat niet (meer)."))
    try:
        services.approve_cooperation(cooperation, request.user)
    except ValidationError as error:
        messages.error(request, one_line(error))
    else:
        messages.success(request, _("%(name)s is goedgekeurd en nu openbaar.") % {"name": cooperation.name})
    return redirect("experiences:moderation")


def _editable(request, slug, *, include_deleted=False) -> Cooperation:
    qs = Cooperation.objects.all() if include_deleted else Cooperation.objects.filter(deleted_at__isnull=True)
    cooperation = get_object_or_404(qs, slug=slug)
    if not permissions.can_edit(request.user, cooperation):
        if cooperation.deleted_at:  # deleted entries are invisible to those who cannot restore them
            raise Http404(_("Dit samenwerkingsverband bestaat niet (meer)."))
        raise PermissionDenied(_("U mag dit samenwerkingsverband niet wijzigen."))
    return cooperation


def _save(request, form, formset, instance=None):
    """Validate form, formset and register rules; on success save and return the entry. An entry
    from the GR-register has no member formset (`formset` None): its form gives the input."""
    if not (form.is_valid() and (formset is None or formset.is_valid())):
        return None
    if instance is not None:
        expect_revision(instance, form.cleaned_data["revision"])
    values = form.to_input() if formset is None else to_input(form, formset)
    try:
        with transaction.atomic():
            return services.save_cooperation(values, request.user, instance=instance)
    except EditConflict as conflict:
        form.add_error(None, conflict_message(conflict))
        return None
    except ValidationError as error:
        add_to_form(form if formset is None else EntryErrors(form, formset), error)
        return None


def _editor_page(request, form, formset, cooperation=None):
    if formset is None:
        return render(
            request,
            "cooperations/edit_register.html",
            {
                "nav": "samenwerkingen",
                "form": form,
                "cooperation": cooperation,
                "official": register_display.official(cooperation),
            },
            status=400 if request.method == "POST" else 200,
        )
    return render(
        request,
        "cooperations/edit.html",
        {"nav": "samenwerkingen", "form": form, "formset": formset, "cooperation": cooperation},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def cooperation_create(request):
    if not permissions.can_create(request.user):
        raise PermissionDenied(
            _("Alleen redacteuren van een gemeente en beheerders kunnen samenwerkingen toevoegen.")
        )
    if request.method == "POST":
        form = CooperationEntryForm(request.POST)
        formset = MemberFormSet(request.POST, prefix="leden")
        cooperation = _save(request, form, formset)
        if cooperation:
            messages.success(
                request, _("Samenwerkingsverband '%(name)s' is toegevoegd.") % {"name": cooperation.name}
            )
            if cooperation.open_member_changes:
                messages.info(
                    request,
                    _(
                        "De andere gemeenten zijn uitgenodigd; zij nemen deel zodra een redacteur de uitnodiging aanneemt."
                    ),
                )
            return redirect(cooperation)
    else:
        form = CooperationEntryForm()
        own = (
            [{"municipality": request.user.municipality, "role": "trekker"}]
            if request.user.municipality
            else []
        )
        formset = MemberFormSet(prefix="leden", initial=own)
    return _editor_page(request, form, formset)


@login_required
def cooperation_edit(request, slug):
    cooperation = _editable(request, slug)
    if cooperation.from_register:
        return _edit_register_entry(request, cooperation)
    if request.method == "POST":
        form = CooperationEntryForm(request.POST)
        formset = MemberFormSet(request.POST, prefix="leden")
        saved = _save(request, form, formset, instance=cooperation)
        if saved:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            if saved.open_member_changes:
                messages.info(
                    request, _("Wijzigingen in de deelnemers wachten op instemming (zie hieronder).")
                )
            return redirect(saved)
    else:
        form = CooperationEntryForm(initial=CooperationEntryForm.initial_for(cooperation))
        formset = MemberFormSet(prefix="leden", initial=member_initial(cooperation))
    return _editor_page(request, form, formset, cooperation)


def _edit_register_entry(request, cooperation):
    """An entry from the GR-register: only what members add can be changed."""
    if request.method == "POST":
        form = RegisterEntryForm(request.POST, cooperation=cooperation)
        saved = _save(request, form, None, instance=cooperation)
        if saved:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect(saved)
    else:
        form = RegisterEntryForm(initial=RegisterEntryForm.initial_for(cooperation), cooperation=cooperation)
    return _editor_page(request, form, None, cooperation)


@login_required
def cooperation_delete(request, slug):
    cooperation = _editable(request, slug)
    services.check_deletable(cooperation, request.user)
    if request.method == "POST":
        expect_revision(cooperation, revision_from(request.POST))
        try:
            services.delete_cooperation(cooperation, request.user)
        except EditConflict as conflict:
            messages.error(request, conflict_message(conflict))
            return redirect(cooperation)
        messages.success(
            request,
            _(
                "'%(name)s' is verwijderd uit het register. Een beheerder of redacteur van een deelnemer kan het "
                "herstellen via de geschiedenis."
            )
            % {"name": cooperation.name},
        )
        return redirect("cooperations:list")
    return render(request, "cooperations/delete.html", {"nav": "samenwerkingen", "cooperation": cooperation})


def cooperation_history(request, slug):
    cooperation = get_object_or_404(Cooperation, slug=slug)
    can_restore = permissions.can_restore(request.user, cooperation)
    if cooperation.deleted_at and not can_restore:
        raise Http404(_("Dit samenwerkingsverband bestaat niet (meer)."))
    return render_versions(
        request,
        services.versions(cooperation),
        title=cooperation.name,
        back_url=reverse("cooperations:list") if cooperation.deleted_at else cooperation.get_absolute_url(),
        back_label=_("Alle samenwerkingen") if cooperation.deleted_at else cooperation.name,
        restore_url=(lambda r: reverse("cooperations:restore", args=[slug, r.pk])) if can_restore else None,
        deleted_notice=_(
            "Dit samenwerkingsverband is verwijderd. Herstel een eerdere versie om het terug te zetten."
        )
        if cooperation.deleted_at
        else "",
        nav="samenwerkingen",
    )


@require_POST
@login_required
def cooperation_restore(request, slug, record_id):
    cooperation = _editable(request, slug, include_deleted=True)
    try:
        services.restore_version(cooperation, record_id, request.user)
    except ValidationError as error:
        messages.error(request, one_line(error))
        return redirect("cooperations:history", slug=slug)
    messages.success(request, _("De gekozen versie is hersteld."))
    return redirect("cooperations:history", slug=slug)
