# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/achtervangafspraken/{id}/haalbaarheid and /simulatie: the feasibility check and the
restore simulation, presented by `goedebuur.fallback.presenters` (as the command line's --json)."""

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import presenters, services
from ..presenters import FeasibilitySerializer, SimulationSerializer
from .base import ID, TAGS, FallbackApiMixin


@extend_schema(tags=TAGS)
class FeasibilityView(FallbackApiMixin, APIView):
    @extend_schema(
        summary="Feasibility check",
        description="Per direction (guest fails, host takes over): capacity, replication per RPO, initial "
        "seeding, distance band and RTO per service, each with the numbers, a traffic light "
        "(`groen`, `oranje`, `rood`) and a Dutch explanation. `nodig`/`beschikbaar` are null when unknown.",
        parameters=[ID],
        responses=FeasibilitySerializer,
    )
    def get(self, request, id):
        return Response(presenters.feasibility(services.report(self.agreement())))


@extend_schema(tags=TAGS)
class SimulationView(FallbackApiMixin, APIView):
    @extend_schema(
        summary="Restore simulation",
        description="Per direction: the planner's restore order (`gepland`: the most RTOs met, then the least "
        "lateness, then the earliest end; exact with CP-SAT up to 40 services, above that an EDD "
        "list-scheduling heuristic, with `optimaliteit` and the upper bound `maxBinnenRto`) and the naive "
        "order by criticality (`naief`), with start and end in hours after the failure.",
        parameters=[ID],
        responses=SimulationSerializer,
    )
    def get(self, request, id):
        return Response(presenters.simulation(services.report(self.agreement())))


urlpatterns = [
    path(
        "achtervangafspraken/<int:id>/haalbaarheid", FeasibilityView.as_view(), name="achtervang-haalbaarheid"
    ),
    path("achtervangafspraken/<int:id>/simulatie", SimulationView.as_view(), name="achtervang-simulatie"),
]
