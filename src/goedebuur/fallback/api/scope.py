# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/achtervangafspraken/{id}/diensten: the services in scope of an agreement."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from goedebuur.api import check_if_match, refused, revision_field
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services as profiles

from .. import services
from ..models import Service
from .base import ID, SERVICE_ID, TAGS, FallbackApiMixin, with_etag

# Ids are BigAutoFields: a larger number cannot be looked up (SQLite and PostgreSQL fail on it).
MAX_ID = 2**63 - 1
# Taken from the application when it is given; otherwise required on create.
FROM_APPLICATION = ("naam", "rtoUren", "rpoUren", "beschikbaarheid", "integriteit", "vertrouwelijkheid")


class IdListField(serializers.ListField):
    """The ids of a to-many relation, sorted."""

    def to_representation(self, related):
        return sorted(item.pk for item in related.all())


class ServiceSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    gemeente = serializers.CharField(
        source="guest.code", help_text="CBS code of the guest whose service it is."
    )
    applicatie = serializers.IntegerField(
        source="application_id",
        min_value=1,
        max_value=MAX_ID,
        allow_null=True,
        required=False,
        help_text="Application id in the guest's landscape.",
    )
    naam = serializers.CharField(source="name", max_length=200, required=False)
    beschikbaarheid = serializers.IntegerField(min_value=1, max_value=3, required=False)
    integriteit = serializers.IntegerField(min_value=1, max_value=3, required=False)
    vertrouwelijkheid = serializers.IntegerField(min_value=1, max_value=3, required=False)
    rtoUren = serializers.IntegerField(source="rto_hours", min_value=0, required=False)
    rpoUren = serializers.IntegerField(source="rpo_hours", min_value=0, required=False)
    dataGb = serializers.IntegerField(source="data_gb", min_value=0)
    wijzigingenPerDagGb = serializers.DecimalField(
        source="daily_change_gb", max_digits=9, decimal_places=1, min_value=0
    )
    vcpu = serializers.IntegerField(min_value=0, default=0)
    ramGb = serializers.IntegerField(source="ram_gb", min_value=0, default=0)
    werkplekken = serializers.IntegerField(source="workplaces", min_value=0, default=0)
    hangtAfVan = IdListField(
        source="depends_on",
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        required=False,
        help_text="Ids of services that must be restored first.",
    )
    revisie = revision_field()

    class Meta:
        ref_name = "Achtervangdienst"


def _guest(agreement, code) -> Municipality:
    for guest in agreement.guests():
        if guest.code == str(code or "").upper():
            return guest
    raise serializers.ValidationError({"gemeente": ["Deze gemeente is in deze afspraak geen gast."]})


def _changes(serializer, agreement, guest, partial=False):
    """The validated changes as model values and the dependencies (None: unchanged). With an
    application from the guest's landscape, the values left out are taken from it."""
    values = dict(serializer.validated_data)
    values.pop("guest", None)
    ids = values.pop("depends_on", None)
    if "application_id" in values:
        app_id = values.pop("application_id")
        application = None
        if app_id is not None:
            application = profiles.landscape(guest).filter(pk=app_id).first()
            if application is None:
                raise serializers.ValidationError(
                    {"applicatie": ["Deze applicatie staat niet in het landschap van de gast."]}
                )
            for key, value in services.application_defaults(application).items():
                values.setdefault(key, value)
        values["application"] = application
    if not partial:
        fields = serializer.fields
        missing = [name for name in FROM_APPLICATION if fields[name].source not in values]
        if missing:
            raise serializers.ValidationError(
                {name: ["Dit veld is verplicht zonder applicatie."] for name in missing}
            )
    deps = None
    if ids is not None:
        deps = list(agreement.services.filter(pk__in=set(ids)))
        if len(deps) != len(set(ids)):
            raise serializers.ValidationError({"hangtAfVan": ["Onbekende dienst in deze afspraak."]})
    return values, deps


@extend_schema(tags=TAGS)
class ServiceListView(FallbackApiMixin, APIView):
    @extend_schema(summary="Services in scope", parameters=[ID], responses=ServiceSerializer(many=True))
    def get(self, request, id):
        agreement = self.agreement()
        rows = agreement.services.select_related("guest").prefetch_related("depends_on")
        return Response(ServiceSerializer(rows, many=True).data)

    @extend_schema(
        summary="Add a service",
        description="`gemeente` is the guest whose service it is. With `applicatie` (an id from the "
        "guest's landscape, /api/v1/gemeenten/{code}/applicaties) `naam`, B/I/V, RTO and RPO left out are "
        "taken from it. `hangtAfVan`: ids of services of the same guest; a cycle answers 400.",
        parameters=[ID],
        request=ServiceSerializer,
        responses={201: ServiceSerializer},
    )
    def post(self, request, id):
        agreement = self.editable()
        serializer = ServiceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        guest = _guest(agreement, serializer.validated_data.get("guest", {}).get("code"))
        values, deps = _changes(serializer, agreement, guest)
        try:
            with transaction.atomic():
                service = services.save_service(
                    Service(agreement=agreement, guest=guest, **values), request.user, deps
                )
        except DjangoValidationError as error:
            raise refused(error, serializer) from None
        return with_etag(Response(ServiceSerializer(service).data, status=status.HTTP_201_CREATED), service)


@extend_schema(tags=TAGS)
class ServiceDetailView(FallbackApiMixin, APIView):
    revision_checked = True

    def service(self, agreement) -> Service:
        return get_object_or_404(
            Service.objects.select_related("guest"), pk=self.kwargs["dienst_id"], agreement=agreement
        )

    @extend_schema(summary="One service", parameters=[ID, SERVICE_ID], responses=ServiceSerializer)
    def get(self, request, id, dienst_id):
        service = self.service(self.agreement())
        return with_etag(Response(ServiceSerializer(service).data), service)

    @extend_schema(
        summary="Change some fields of a service",
        description="Only the fields given change; the guest cannot change.",
        parameters=[ID, SERVICE_ID],
        request=ServiceSerializer,
        responses=ServiceSerializer,
    )
    def patch(self, request, id, dienst_id):
        agreement = self.editable()
        service = self.service(agreement)
        check_if_match(request, service)
        serializer = ServiceSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        values, deps = _changes(serializer, agreement, service.guest, partial=True)
        for key, value in values.items():
            setattr(service, key, value)
        try:
            with transaction.atomic():
                services.save_service(service, request.user, deps)
        except DjangoValidationError as error:
            raise refused(error, serializer) from None
        saved = Service.objects.get(pk=service.pk)
        return with_etag(Response(ServiceSerializer(saved).data), saved)

    @extend_schema(summary="Remove a service", parameters=[ID, SERVICE_ID], responses={204: None})
    def delete(self, request, id, dienst_id):
        agreement = self.editable()
        service = self.service(agreement)
        check_if_match(request, service)
        services.delete_service(service, request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


urlpatterns = [
    path("achtervangafspraken/<int:id>/diensten", ServiceListView.as_view(), name="achtervangdienst-list"),
    path(
        "achtervangafspraken/<int:id>/diensten/<int:dienst_id>",
        ServiceDetailView.as_view(),
        name="achtervangdienst-detail",
    ),
]
