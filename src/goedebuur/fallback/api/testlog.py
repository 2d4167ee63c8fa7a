# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/achtervangafspraken/{id}/tests: the test log of an agreement."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from goedebuur.api import refused

from .. import services
from ..models import TestGrade, TestKind
from .base import ID, TAGS, FallbackApiMixin


class ResultSerializer(serializers.Serializer):
    dienst = serializers.IntegerField(source="service_id")
    hersteltijdUren = serializers.DecimalField(
        source="restore_hours", max_digits=7, decimal_places=2, min_value=0
    )
    gegevensverliesUren = serializers.DecimalField(
        source="data_loss_hours", max_digits=7, decimal_places=2, min_value=0
    )
    binnenRto = serializers.BooleanField(source="met_rto", read_only=True)
    binnenRpo = serializers.BooleanField(source="met_rpo", read_only=True)

    class Meta:
        ref_name = "Achtervangtestresultaat"


class TestRecordSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    soort = serializers.ChoiceField(source="kind", choices=TestKind.values)
    datum = serializers.DateField(source="date")
    scenario = serializers.CharField(max_length=4000)
    geslaagd = serializers.BooleanField(source="passed")
    zwaarte = serializers.ChoiceField(
        source="grade",
        choices=TestGrade.values,
        allow_null=True,
        help_text="How strong the test is as evidence: `papier` (a walkthrough on paper), `gedeeltelijk` (a "
        "partial restore), `volledig` (a full restore at the partner's site with users). Read: empty for "
        "tests logged before grading. Only a partial or full restore counts as a current restore test; "
        "a test counts for 12 months.",
    )
    geldigTot = serializers.SerializerMethodField(help_text="The day the test stops counting (12 months).")
    bevindingen = serializers.CharField(source="findings", allow_blank=True, default="", max_length=4000)
    resultaten = ResultSerializer(source="results", many=True, required=False)

    class Meta:
        ref_name = "Achtervangtest"

    def get_geldigTot(self, record) -> str:
        return services.test_expires_on(record.date).isoformat()

    def to_representation(self, record):
        data = super().to_representation(record)
        data["zwaarte"] = record.grade or None
        return data


def _results(rows, agreement) -> list[dict]:
    """The validated results with the agreement's services in place of their ids."""
    by_id = {s.pk: s for s in agreement.services.all()}
    results = []
    for row in rows:
        row = dict(row)
        service = by_id.get(row.pop("service_id"))
        if service is None:
            raise serializers.ValidationError({"resultaten": ["Onbekende dienst in deze afspraak."]})
        results.append({"service": service, **row})
    return results


@extend_schema(tags=TAGS)
class TestListView(FallbackApiMixin, APIView):
    @extend_schema(summary="Test log", parameters=[ID], responses=TestRecordSerializer(many=True))
    def get(self, request, id):
        records = self.agreement().test_records.prefetch_related("results__service")
        return Response(TestRecordSerializer(records, many=True).data)

    @extend_schema(
        summary="Log a test",
        description="Closes the earliest open planned test of that kind and plans the next one a year after "
        "`datum`. `resultaten`: per tested service the achieved restore time and data loss in hours.",
        parameters=[ID],
        request=TestRecordSerializer,
        responses={201: TestRecordSerializer},
    )
    def post(self, request, id):
        agreement = self.editable()
        serializer = TestRecordSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        results = _results(values.pop("results", []), agreement)
        try:
            with transaction.atomic():
                record = services.record_test(agreement, values, results, request.user)
        except DjangoValidationError as error:
            raise refused(error, serializer) from None
        return Response(TestRecordSerializer(record).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path("achtervangafspraken/<int:id>/tests", TestListView.as_view(), name="achtervangtest-list"),
]
