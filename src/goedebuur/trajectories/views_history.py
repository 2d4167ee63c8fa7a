# SPDX-License-Identifier: EUPL-1.2
"""History and restore of a trajectory: partners, invitees and administrators see every recorded
version (who, when, what); editors of partners and administrators may restore one. The restore is
itself recorded (services.restore_version)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goedebuur.common import one_line
from goedebuur.history.services import EditConflict, conflict_message, render_versions

from . import permissions, services
from .views import login_or_404, trajectory_or_404


@login_or_404
@login_required
def history(request, pk):
    trajectory = trajectory_or_404(request, pk)
    may_restore = permissions.can_edit(request.user, trajectory)
    return render_versions(
        request,
        services.versions(trajectory),
        title=trajectory.name,
        back_url=trajectory.get_absolute_url(),
        back_label=trajectory.name,
        restore_url=(lambda r: reverse("trajectories:restore", args=[trajectory.pk, r.pk]))
        if may_restore
        else None,
        nav="trajecten",
    )


@require_POST
@login_or_404
@login_required
def restore(request, pk, record_id):
    trajectory = trajectory_or_404(request, pk)
    services.check_editable(request.user, trajectory)
    try:
        services.restore_version(trajectory, record_id, request.user)
    except EditConflict as conflict:
        messages.error(request, conflict_message(conflict))
    except ValidationError as error:
        messages.error(request, one_line(error))
    else:
        messages.success(request, _("De eerdere versie is hersteld."))
    return redirect("trajectories:history", pk=trajectory.pk)
