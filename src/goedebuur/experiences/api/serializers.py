# SPDX-License-Identifier: EUPL-1.2
"""Serializers of /api/v1/ervaringen, /vragen, /vragen/{id}/antwoorden and /zoeken: Dutch
lowerCamelCase names, `source=` pointing at the English model attributes."""

from rest_framework import serializers

from goedebuur.api import PageLinkField, revision_field
from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain
from goedebuur.core.experiences.safe_markdown import render
from goedebuur.core.trajectory.workflow import PHASE_CODES
from goedebuur.trajectories import services as trajectories

from ..models import BODY_MAX, Visibility

VISIBILITY_HELP = (
    "`openbaar` (everyone), `gemeenten` (logged-in municipal users) or `leden` (members of the linked "
    "cooperation and the author's municipality; needs `samenwerking`)."
)


class SlugOrNull(serializers.SlugRelatedField):
    def __init__(self, model, slug_field, **kwargs):
        queryset = model.objects.all()
        if model is Cooperation:
            queryset = queryset.filter(deleted_at__isnull=True)
        super().__init__(slug_field=slug_field, queryset=queryset, **kwargs)


class ItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    url = PageLinkField(help_text="The web page of the item.")
    gemeente = serializers.CharField(source="municipality.code", read_only=True)
    gemeenteNaam = serializers.CharField(source="municipality.name", read_only=True)
    aangemaaktOp = serializers.DateTimeField(source="created_at", read_only=True)
    zichtbaarheid = serializers.ChoiceField(
        source="visibility", choices=Visibility.values, default=Visibility.PUBLIC, help_text=VISIBILITY_HELP
    )
    samenwerking = SlugOrNull(
        Cooperation, "slug", source="cooperation", required=False, allow_null=True, default=None,
        help_text="Slug of the cooperation the item concerns.",
    )  # fmt: skip
    fase = serializers.ChoiceField(
        source="phase",
        choices=["", *PHASE_CODES],
        required=False,
        default="",
        help_text="Trajectory phase code.",
    )
    trefwoorden = serializers.SerializerMethodField()
    isDemo = serializers.BooleanField(source="is_demo", read_only=True)
    revisie = revision_field()

    def get_trefwoorden(self, item) -> list[str]:
        return [tag.name for tag in item.tags.all()]


class TagsInput(serializers.ListField):
    """The tags to set, as the services' `tags`."""

    def __init__(self, **kwargs):
        super().__init__(
            child=serializers.CharField(max_length=60), required=False, default=list, source="tags", **kwargs
        )


class TrajectoryField(serializers.PrimaryKeyRelatedField):
    """A trajectory by `id`; shown as null to a caller who may not see it (whether one may link it is
    the service's rule)."""

    def __init__(self, **kwargs):
        super().__init__(queryset=trajectories.all_trajectories(), **kwargs)

    def to_representation(self, value):
        request = self.context.get("request")
        if not trajectories.visible_to(request.user if request else None).filter(pk=value.pk).exists():
            return None
        return super().to_representation(value)


class LessonSerializer(ItemSerializer):
    titel = serializers.CharField(source="title", max_length=200)
    tekst = serializers.CharField(source="body", max_length=BODY_MAX, help_text="Markdown.")
    tekstHtml = serializers.SerializerMethodField(help_text="The Markdown rendered as sanitised HTML.")
    domeinen = SlugOrNull(IctDomain, "slug", source="domains", many=True, required=False, default=list)
    vorm = SlugOrNull(CooperationForm, "code", source="form", required=False, allow_null=True, default=None)
    trefwoordenInvoer = TagsInput(write_only=True, help_text="Tags to set (write only; read `trefwoorden`).")
    traject = TrajectoryField(
        source="trajectory",
        required=False,
        allow_null=True,
        default=None,
        help_text="`id` of the trajectory the lesson is about; null when there is none or you may not see it.",
    )
    bijlagen = serializers.SerializerMethodField()

    def get_tekstHtml(self, lesson) -> str:
        return render(lesson.body)

    def get_bijlagen(self, lesson) -> list[str]:
        return [a.filename for a in lesson.attachments.all() if a.deleted_at is None]


class AnswerSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    url = PageLinkField()
    gemeente = serializers.CharField(source="municipality.code", read_only=True)
    aangemaaktOp = serializers.DateTimeField(source="created_at", read_only=True)
    tekst = serializers.CharField(source="body", max_length=BODY_MAX, help_text="Markdown.")
    geaccepteerd = serializers.SerializerMethodField()
    nuttig = serializers.IntegerField(
        source="useful_count", read_only=True, help_text="Users who marked it useful."
    )
    revisie = revision_field()

    def get_geaccepteerd(self, answer) -> bool:
        return answer.question.accepted_answer_id == answer.pk


class QuestionSerializer(ItemSerializer):
    zichtbaarheid = serializers.ChoiceField(
        source="visibility",
        choices=Visibility.values,
        default=Visibility.MUNICIPAL,
        help_text=VISIBILITY_HELP,
    )
    titel = serializers.CharField(source="title", max_length=200)
    tekst = serializers.CharField(
        source="body", required=False, allow_blank=True, default="", max_length=BODY_MAX
    )
    domein = SlugOrNull(IctDomain, "slug", source="domain", required=False, allow_null=True, default=None)
    trefwoordenInvoer = TagsInput(write_only=True)
    aantalAntwoorden = serializers.IntegerField(source="answer_count", read_only=True)
    geaccepteerdAntwoord = serializers.IntegerField(
        source="accepted_answer_id", read_only=True, allow_null=True
    )


class FacetValueSerializer(serializers.Serializer):
    waarde = serializers.CharField(source="value")
    naam = serializers.CharField(source="label")
    aantal = serializers.IntegerField(source="count")
    gekozen = serializers.BooleanField(source="selected")


class FacetsSerializer(serializers.Serializer):
    soort = FacetValueSerializer(source="kind", many=True)
    domein = FacetValueSerializer(source="domain", many=True)
    fase = FacetValueSerializer(source="phase", many=True)
    vorm = FacetValueSerializer(source="form", many=True)
    provincie = FacetValueSerializer(source="province", many=True)
    jaar = FacetValueSerializer(source="year", many=True)


class HitSerializer(serializers.Serializer):
    soort = serializers.CharField(source="entry.kind")
    id = serializers.IntegerField(source="entry.object_id")
    titel = serializers.CharField(source="entry.title")
    fragment = serializers.CharField(source="snippet", help_text="HTML: escaped text, matches in <mark>.")
    url = serializers.SerializerMethodField()
    gemeente = serializers.CharField(source="entry.municipality.code")
    fase = serializers.CharField(source="entry.phase")
    aangemaaktOp = serializers.DateTimeField(source="entry.created_at")

    def get_url(self, hit) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(hit.entry.url) if request else hit.entry.url


class SearchResultSerializer(serializers.Serializer):
    count = serializers.IntegerField(source="total")
    page = serializers.IntegerField(source="page.number")
    pages = serializers.IntegerField(source="page.paginator.num_pages")
    results = HitSerializer(source="hits", many=True)
    facetten = FacetsSerializer(source="facets")
    backend = serializers.CharField()

    class Meta:
        ref_name = "ZoekResultaat"


class SearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(required=False, default="", allow_blank=True, help_text="Search words (Dutch).")
    soort = serializers.ChoiceField(choices=["ervaring", "vraag", "antwoord"], required=False)
    domein = serializers.SlugField(required=False, help_text="ICT domain slug.")
    fase = serializers.ChoiceField(choices=list(PHASE_CODES), required=False)
    vorm = serializers.SlugField(required=False, help_text="Cooperation form code.")
    provincie = serializers.CharField(required=False, help_text="Province code, e.g. `PV26`.")
    jaar = serializers.IntegerField(required=False, min_value=1990, max_value=2100)
    page = serializers.IntegerField(required=False, default=1, min_value=1)
    pageSize = serializers.IntegerField(required=False, default=20, min_value=1, max_value=100)
