# SPDX-License-Identifier: EUPL-1.2
"""Panels on other pages: on a cooperation's page, the trajectory it came from (for those who may
see that trajectory, or its public summary)."""

from django.template.loader import render_to_string

from . import permissions
from .models import Trajectory


def cooperation_panels(request, cooperation) -> list[str]:
    user, pk = getattr(request, "user", None), getattr(cooperation, "pk", None)
    if user is None or pk is None:
        return []
    trajectory = Trajectory.objects.filter(cooperation_id=pk).first()
    if trajectory is None or not permissions.can_view_summary(user, trajectory):
        return []
    return [render_to_string("trajectories/_origin_panel.html", {"trajectory": trajectory}, request=request)]
