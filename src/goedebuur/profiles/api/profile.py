# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/gemeenten/{code}/profiel: the ICT profile of a municipality. Cost fields only for those
who may see the municipality's contracts (`permissions.can_view_contracts`)."""

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from goedebuur.api import check_if_match, revision_field
from goedebuur.cooperations.models import Cooperation, IctDomain
from goedebuur.core.landscape.rules import per_unit
from goedebuur.history.services import etag

from .. import permissions, services
from ..models import MOTIVATION_MAX, Profile
from .access import CODE_PARAMETER, ProfileApiMixin


def _ambition(key):
    return serializers.IntegerField(
        source=f"ambition_{key}",
        min_value=0,
        max_value=5,
        allow_null=True,
        default=None,
        help_text="Weight 0-5; null when not given.",
    )


def _motivation(key):
    return serializers.CharField(
        source=f"ambition_{key}_motivation", allow_blank=True, default="", max_length=MOTIVATION_MAX
    )


class _SlugsBySlug(serializers.ManyRelatedField):
    """Answered in slug order."""

    def get_attribute(self, instance):
        related = super().get_attribute(instance)
        return related.order_by("slug") if hasattr(related, "order_by") else related


class SlugsField(serializers.SlugRelatedField):
    """A SlugRelatedField whose `many=True` list is answered sorted by slug."""

    @classmethod
    def many_init(cls, *args, **kwargs):
        return _SlugsBySlug(**super().many_init(*args, **kwargs)._kwargs)


class ProfileSerializer(serializers.Serializer):
    gemeente = serializers.CharField(source="municipality.code", read_only=True)
    gemeenteNaam = serializers.CharField(source="municipality.name", read_only=True)
    inwoners = serializers.IntegerField(
        source="inhabitants",
        min_value=0,
        allow_null=True,
        default=None,
        help_text="Pre-filled from the reference data (CBS) until the municipality enters its own.",
    )
    inwonersPeiljaar = serializers.IntegerField(
        source="inhabitants_year", min_value=1990, max_value=2100, allow_null=True, default=None
    )
    ictUitgavenEur = serializers.IntegerField(
        source="ict_spend_eur",
        min_value=0,
        allow_null=True,
        default=None,
        help_text="ICT spend per year in euro. Only for those who may see the costs (left out otherwise).",
    )
    ictUitgavenJaar = serializers.IntegerField(
        source="ict_spend_year", min_value=1990, max_value=2100, allow_null=True, default=None
    )
    ictUitgavenPerInwonerEur = serializers.SerializerMethodField(
        help_text="Derived; compare with the M&I/Partners benchmark (EUR 96 per inhabitant, 2021)."
    )
    ictFte = serializers.DecimalField(
        source="ict_fte", max_digits=6, decimal_places=2, min_value=0, allow_null=True, default=None
    )
    werkplekken = serializers.IntegerField(source="workplaces", min_value=0, allow_null=True, default=None)
    hostingmodel = serializers.ChoiceField(
        source="hosting_model", choices=Profile.HostingModel.values, allow_blank=True, default=""
    )
    ambitieKwaliteit = _ambition("kwaliteit")
    ambitieKwaliteitMotivatie = _motivation("kwaliteit")
    ambitieKosten = _ambition("kosten")
    ambitieKostenMotivatie = _motivation("kosten")
    ambitieKwetsbaarheid = _ambition("kwetsbaarheid")
    ambitieKwetsbaarheidMotivatie = _motivation("kwetsbaarheid")
    ambitiePersoneel = _ambition("personeel")
    ambitiePersoneelMotivatie = _motivation("personeel")
    openDomeinen = SlugsField(
        source="open_domains",
        many=True,
        slug_field="slug",
        queryset=IctDomain.objects.all(),
        default=list,
        help_text="Slugs of the ICT domains the municipality is open to cooperate on.",
    )
    contactNaam = serializers.CharField(source="contact_name", max_length=150, allow_blank=True, default="")
    contactEmail = serializers.EmailField(
        source="contact_email", allow_blank=True, default="", max_length=254
    )
    contractenDelenMet = SlugsField(
        source="share_contracts_with",
        many=True,
        slug_field="slug",
        queryset=Cooperation.objects.filter(deleted_at__isnull=True),
        default=list,
        help_text="Slugs of cooperations whose current members may see the contracts and costs; "
        "only cooperations the municipality is a current member of.",
    )
    demogegevens = serializers.BooleanField(source="is_demo", read_only=True)
    gewijzigdOp = serializers.DateTimeField(source="updated_at", read_only=True, allow_null=True)
    revisie = revision_field()

    class Meta:
        ref_name = "IctProfiel"
        # Left out of the answer for those who may not see the municipality's contracts and costs, so
        # never `required` in the description (ApiAutoSchema).
        conditional_fields = (
            "ictUitgavenEur",
            "ictUitgavenJaar",
            "ictUitgavenPerInwonerEur",
            "contractenDelenMet",
        )

    def get_ictUitgavenPerInwonerEur(self, profile) -> float | None:
        value = per_unit(profile.ict_spend_eur, profile.inhabitants)
        return None if value is None else round(value, 2)

    def to_representation(self, profile):
        data = super().to_representation(profile)
        if not self.context.get("may_see_costs"):
            for name in self.Meta.conditional_fields:
                data.pop(name, None)
        return data


@extend_schema(tags=["profielen"])
class ProfileView(ProfileApiMixin, APIView):
    serializer_class = ProfileSerializer
    revision_checked = True  # the schema adds ETag, If-Match, 409 and 412

    @extend_schema(
        summary="ICT profile of a municipality",
        description="For logged-in municipal users and administrators. Cost fields (`ictUitgavenEur`, "
        "`ictUitgavenJaar`, `ictUitgavenPerInwonerEur`, `contractenDelenMet`) only for those who may see "
        "the municipality's contracts; left out otherwise.",
        parameters=[CODE_PARAMETER],
        responses=ProfileSerializer,
    )
    def get(self, request, code):
        municipality = self.municipality()
        return self._answer(services.profile_for(municipality))

    @extend_schema(
        summary="Replace the ICT profile of a municipality",
        description="All fields; optional ones left out become empty. For the municipality's editors "
        "and administrators. The change is recorded in the history. Send the `ETag` of your GET in "
        "`If-Match`: a profile changed since answers 412, a change that loses a race 409.",
        parameters=[CODE_PARAMETER],
        request=ProfileSerializer,
        responses=ProfileSerializer,
    )
    def put(self, request, code):
        municipality = self.municipality()
        self.check_edit(municipality)
        serializer = ProfileSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        profile = Profile.objects.filter(municipality=municipality).first() or Profile(
            municipality=municipality
        )
        check_if_match(request, profile)
        services.update_profile(profile, serializer.validated_data, request.user)
        return self._answer(Profile.objects.get(pk=profile.pk))

    def _answer(self, profile):
        may_see_costs = permissions.can_view_contracts(self.request.user, profile.municipality)
        response = Response(ProfileSerializer(profile, context={"may_see_costs": may_see_costs}).data)
        response["ETag"] = etag(profile)
        return response


urlpatterns = [
    path("gemeenten/<str:code>/profiel", ProfileView.as_view(), name="profiel"),
]
