# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/trajecten: cooperation trajectories, with the rules of the pages
(`trajectories.permissions`): partners and invitees see a trajectory in full, others only a public
summary when the partners switched it on; every write goes through `trajectories.services`.
The step plan (checklist, decisions, actions, invitations) is in views_steps.py, the ambitions in
views_alignment.py."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.reverse import reverse

from goedebuur.api import ApiViewMixin, ReadAnyoneWriteAuthenticated, check_if_match, refused
from goedebuur.history.services import etag

from .. import permissions, services
from ..models import Trajectory
from .serializers import SummarySerializer, TrajectorySerializer

ID_PARAMETER = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="`id` of the trajectory."
)


class TrajectoryApiMixin(ApiViewMixin):
    permission_classes = [ReadAnyoneWriteAuthenticated]
    queryset = Trajectory.objects.none()  # for the schema; views load through `trajectory()`

    def trajectory(self, *, summary_ok=False) -> Trajectory:
        trajectory = services.with_related(Trajectory.objects.all()).filter(pk=self.kwargs["id"]).first()
        if trajectory is None:
            raise Http404
        if permissions.can_view(self.request.user, trajectory):
            return trajectory
        if summary_ok and trajectory.public_summary:
            return trajectory
        raise Http404

    def get_object(self):
        """DRF's OPTIONS answer asks for the object to describe PUT: the trajectory, if the user may
        edit it (DRF's generic lookup by `pk` does not fit these views and failed with a 500)."""
        return self.editable()

    def editable(self) -> Trajectory:
        trajectory = self.trajectory()
        services.check_editable(self.request.user, trajectory)
        return trajectory

    def answer(self, trajectory, status_code=status.HTTP_200_OK, headers=None):
        fresh = services.with_related(Trajectory.objects.all()).get(pk=trajectory.pk)
        full = permissions.can_view(self.request.user, fresh)
        serializer_class = TrajectorySerializer if full else SummarySerializer
        data = serializer_class(fresh, context={"request": self.request}).data
        response = Response(data, status=status_code, headers=headers)
        if "revisie" in data:
            response["ETag"] = etag(fresh)  # the trajectory's own revision
        return response


@extend_schema(tags=["trajecten"])
class TrajectoryListView(TrajectoryApiMixin, GenericAPIView):
    serializer_class = TrajectorySerializer

    def get_queryset(self):
        return services.with_related(permissions.visible_or_public(self.request.user)).order_by(
            "-updated_at", "-id"
        )

    @extend_schema(
        summary="List trajectories",
        description="The trajectories the caller takes part in or is invited to (in full; administrators: "
        "all), and the public summaries of others. Paginated, most recently changed first.",
        responses=SummarySerializer(many=True),
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(
            SummarySerializer(page, many=True, context={"request": request}).data
        )

    @extend_schema(
        summary="Start a trajectory",
        description="For editors (their municipality initiates) and administrators (give "
        "`initiatiefnemerCode`). The invitees' editors get an e-mail. Answers 201 with `Location`.",
        request=TrajectorySerializer,
        responses={201: TrajectorySerializer},
    )
    def post(self, request):
        user = request.user
        services.check_may_create(user)
        serializer = TrajectorySerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        values = {"initiator": None, "invitees": []} | dict(serializer.validated_data)
        if not user.is_platform_admin:
            values["initiator"] = user.municipality  # editors always initiate for their own
        try:
            trajectory = services.create_trajectory(user, **values)
        except DjangoValidationError as error:
            raise refused(error, TrajectorySerializer) from None
        location = reverse("api:traject-detail", args=[trajectory.pk], request=request)
        return self.answer(trajectory, status.HTTP_201_CREATED, {"Location": location})


@extend_schema(tags=["trajecten"])
class TrajectoryDetailView(TrajectoryApiMixin, GenericAPIView):
    serializer_class = TrajectorySerializer
    revision_checked = True

    @extend_schema(
        summary="One trajectory",
        description="In full for partners, invitees and administrators (with `volgendeStap`); the public "
        "summary for others when switched on; 404 otherwise.",
        parameters=[ID_PARAMETER],
        responses=TrajectorySerializer,
    )
    def get(self, request, id):
        return self.answer(self.trajectory(summary_ok=True))

    def _update(self, request, partial):
        trajectory = self.editable()
        check_if_match(request, trajectory)
        serializer = TrajectorySerializer(
            trajectory, data=request.data, partial=partial, context={"request": request}
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        values = {name: data[name] for name in services.EDITABLE_FIELDS if name in data}
        if not partial:
            values = {"description": "", "intended_form": None, "public_summary": False} | values
        domains = list(data["domains"]) if "domains" in data else ([] if not partial else None)
        try:
            services.update_trajectory(trajectory, request.user, domains=domains, **values)
        except DjangoValidationError as error:
            raise refused(error, TrajectorySerializer) from None
        return self.answer(trajectory)

    @extend_schema(
        summary="Replace the details of a trajectory",
        description="`naam`, `omschrijving`, `domeinen`, `beoogdeVorm`, `openbareSamenvatting`; optional ones "
        "left out become empty. For editors of partners and administrators. Phase and state change "
        "through /acties.",
        parameters=[ID_PARAMETER],
        request=TrajectorySerializer,
        responses=TrajectorySerializer,
    )
    def put(self, request, id):
        return self._update(request, partial=False)

    @extend_schema(
        summary="Change some details of a trajectory",
        description="Only the fields given change. Same permissions as PUT.",
        parameters=[ID_PARAMETER],
        request=TrajectorySerializer,
        responses=TrajectorySerializer,
    )
    def patch(self, request, id):
        return self._update(request, partial=True)


urlpatterns = [
    path("trajecten", TrajectoryListView.as_view(), name="traject-list"),
    path("trajecten/<int:id>", TrajectoryDetailView.as_view(), name="traject-detail"),
]
