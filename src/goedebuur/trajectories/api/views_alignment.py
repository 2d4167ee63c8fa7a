# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/trajecten/{id}/ambities: each partner's ambitions (the four K's, motive, must-haves and
deal-breakers), the divergences largest gap first, and their acknowledgement per partner."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from goedebuur.api import check_if_match, refused
from goedebuur.history.services import etag
from goedebuur.municipalities.models import Municipality

from .. import services
from ..models import Ambition
from .serializers import AlignmentSerializer, AmbitionSerializer
from .views import ID_PARAMETER, TrajectoryApiMixin

MUNICIPALITY_PARAMETER = OpenApiParameter(
    "gemeente", OpenApiTypes.STR, OpenApiParameter.PATH, description="CBS code of a partner, e.g. `GM0345`."
)


def alignment_data(trajectory):
    picture = services.picture(trajectory)
    codes = {p.municipality_id: p.municipality.code for p in picture.partners}
    return AlignmentSerializer(
        {
            "ambities": list(picture.ambitions.values()),
            "verschillen": picture.divergences,
            "bevestigdDoor": sorted(codes[m] for m, ok in picture.acknowledged.items() if ok),
            "blokkades": [
                {"reden": reason.reason, "aanZet": list(reason.who)}
                for reason in map(services.phrase, picture.blockers)
            ],
        }
    ).data


@extend_schema(tags=["trajecten"])
class AlignmentView(TrajectoryApiMixin, GenericAPIView):
    serializer_class = AlignmentSerializer

    @extend_schema(
        summary="Ambitions and divergences",
        description="Each partner's four K's (0-5), motive, must-haves and deal-breakers; the divergences, "
        "largest gap first; who acknowledged them; what still blocks the move to Overeenkomen.",
        parameters=[ID_PARAMETER],
        responses=AlignmentSerializer,
    )
    def get(self, request, id):
        return Response(alignment_data(self.trajectory()))


class PartnerMixin(TrajectoryApiMixin):
    def partner(self, trajectory):
        municipality = get_object_or_404(Municipality, code=self.kwargs["gemeente"].upper())
        services.check_may_speak_for(self.request.user, trajectory, municipality)
        return municipality


@extend_schema(tags=["trajecten"])
class AmbitionView(PartnerMixin, GenericAPIView):
    serializer_class = AmbitionSerializer
    revision_checked = True

    @extend_schema(
        summary="Set a partner's ambitions",
        description="For the partner's editors and administrators. Changing ambitions can change the "
        "divergences; earlier acknowledgements then lapse.",
        parameters=[ID_PARAMETER, MUNICIPALITY_PARAMETER],
        request=AmbitionSerializer,
        responses=AlignmentSerializer,
    )
    def put(self, request, id, gemeente):
        trajectory = self.trajectory()
        municipality = self.partner(trajectory)
        current = Ambition.objects.filter(trajectory=trajectory, municipality=municipality).first()
        if current is not None:
            check_if_match(request, current)
        serializer = AmbitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            ambition = services.save_ambition(
                trajectory,
                municipality,
                dict(serializer.validated_data),
                request.user,
                revision=current.revision if current is not None else None,
            )
        except DjangoValidationError as error:
            raise refused(error, AmbitionSerializer) from None
        return Response(alignment_data(trajectory), headers={"ETag": etag(ambition)})


@extend_schema(tags=["trajecten"])
class AcknowledgeView(PartnerMixin, GenericAPIView):
    serializer_class = AlignmentSerializer

    @extend_schema(
        summary="Acknowledge the divergences",
        description="The partner has discussed the divergences as they are now. For its editors and administrators.",
        operation_id="trajecten_verschillen_bevestigen",
        parameters=[ID_PARAMETER, MUNICIPALITY_PARAMETER],
        request=None,
        responses=AlignmentSerializer,
    )
    def post(self, request, id, gemeente):
        trajectory = self.trajectory()
        municipality = self.partner(trajectory)
        try:
            services.acknowledge(trajectory, municipality, request.user)
        except DjangoValidationError as error:
            raise refused(error, AlignmentSerializer) from None
        return Response(alignment_data(trajectory))


urlpatterns = [
    path("trajecten/<int:id>/ambities", AlignmentView.as_view(), name="traject-ambities"),
    path("trajecten/<int:id>/ambities/<str:gemeente>", AmbitionView.as_view(), name="traject-ambitie"),
    path(
        "trajecten/<int:id>/ambities/<str:gemeente>/bevestiging",
        AcknowledgeView.as_view(),
        name="traject-bevestiging",
    ),
]
