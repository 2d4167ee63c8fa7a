# SPDX-License-Identifier: EUPL-1.2
"""Business cases linked to a trajectory (part of the app's public API, re-exported by services).

A partner links the cases of the partner municipalities that it may see (the business cases'
own rules); links to cases a user may not see are shown to that user only as a count and are left
alone when that user changes the links."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from goedebuur.businesscases.services import visible_cases
from goedebuur.history import services as history

from .models import Participant, Trajectory
from .rules import check_editable


def _partner_ids(trajectory: Trajectory) -> list[int]:
    return list(
        trajectory.participants.filter(status=Participant.Status.ACCEPTED).values_list(
            "municipality_id", flat=True
        )
    )


def linkable_cases(trajectory: Trajectory, user):
    """Cases `user` may see that belong to (or include) a partner of the trajectory."""
    partners = _partner_ids(trajectory)
    return (
        visible_cases(user)
        .filter(Q(owner_id__in=partners) | Q(partners__id__in=partners))
        .select_related("owner")
        .distinct()
        .order_by("name", "pk")
    )


def linked_cases(trajectory: Trajectory, user) -> tuple[list, int]:
    """The linked cases `user` may see, and how many linked cases are hidden from them."""
    linked = list(trajectory.business_cases.select_related("owner").order_by("name", "pk"))
    visible = set(visible_cases(user).filter(pk__in=[c.pk for c in linked]).values_list("pk", flat=True))
    return [c for c in linked if c.pk in visible], len(linked) - len(visible)


@transaction.atomic
def link_business_cases(trajectory: Trajectory, cases, user) -> None:
    check_editable(user, trajectory)
    allowed = set(linkable_cases(trajectory, user).values_list("pk", flat=True))
    chosen = {case.pk for case in cases}
    if chosen - allowed:
        raise ValidationError(
            {"business_cases": [_("U kunt alleen businesscases van de partners koppelen die u mag zien.")]}
        )
    seen = set(visible_cases(user).values_list("pk", flat=True))
    kept = set(trajectory.business_cases.exclude(pk__in=seen).values_list("pk", flat=True))
    trajectory.business_cases.set(kept | chosen)
    trajectory.touch()
    history.record(trajectory, "update", user, _("gekoppelde businesscases bijgewerkt"))
