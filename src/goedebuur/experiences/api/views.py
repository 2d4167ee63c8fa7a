# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/ervaringen, /vragen, /vragen/{id}/antwoorden and /zoeken: experience sharing with the
rules of the pages (`goedebuur.experiences.permissions`): items are listed and found only where the
caller may see them (anonymous callers: public items only; a hidden or invisible item is 404);
writes go through `goedebuur.experiences.services` (validation, history, search index)."""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from goedebuur.api import ApiViewMixin, ReadOnlyApiViewMixin, refused
from goedebuur.core.trajectory.workflow import PHASE_CODES
from goedebuur.history.services import etag

from .. import permissions, search, services
from ..models import Answer, Lesson, Question
from .serializers import (
    AnswerSerializer,
    LessonSerializer,
    QuestionSerializer,
    SearchQuerySerializer,
    SearchResultSerializer,
)


class LessonFilter(django_filters.FilterSet):
    """`?fase=`: one of the phases, anything else answers 400 (django-filter, DjangoFilterBackend)."""

    fase = django_filters.ChoiceFilter(
        field_name="phase", choices=[(code, code) for code in PHASE_CODES], help_text="Only this phase."
    )


def _lessons(user):
    return (
        Lesson.objects.filter(permissions.visible_items_q(user))
        .select_related("municipality", "cooperation", "form")
        .prefetch_related("domains", "tags", "attachments")
        .order_by("-created_at", "-pk")
    )


def _questions(user):
    live_answers = Q(answers__deleted_at__isnull=True, answers__hidden_at__isnull=True)
    return (
        Question.objects.filter(permissions.visible_items_q(user))
        .select_related("municipality", "cooperation", "domain")
        .prefetch_related("tags")
        .annotate(answer_count=Count("answers", filter=live_answers))
        .order_by("-created_at", "-pk")
    )


@extend_schema(tags=["ervaringen"])
class LessonListView(ApiViewMixin, generics.ListCreateAPIView):
    serializer_class = LessonSerializer
    filterset_class = LessonFilter

    def get_queryset(self):
        return _lessons(self.request.user)

    @extend_schema(
        summary="Lessons learned",
        description="The lessons the caller may see, newest first.",
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Share a lesson", description="For editors of a municipality; recorded in the history."
    )
    def post(self, request, *args, **kwargs):
        services.check_may_share_lesson(request.user)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            lesson = services.save_lesson(services.LessonInput(**serializer.validated_data), request.user)
        except DjangoValidationError as error:
            raise refused(error, serializer) from None
        return Response(self.get_serializer(lesson).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["ervaringen"])
class LessonDetailView(ReadOnlyApiViewMixin, generics.RetrieveAPIView):
    serializer_class = LessonSerializer
    lookup_url_kwarg = "id"
    revision_checked = True  # documents the ETag; changes go through the pages

    def get_queryset(self):
        return _lessons(self.request.user)

    @extend_schema(
        summary="One lesson", description="404 when it does not exist or the caller may not see it."
    )
    def get(self, request, *args, **kwargs):
        item = self.get_object()
        return Response(self.get_serializer(item).data, headers={"ETag": etag(item)})


@extend_schema(tags=["ervaringen"])
class QuestionListView(ApiViewMixin, generics.ListCreateAPIView):
    serializer_class = QuestionSerializer

    def get_queryset(self):
        return _questions(self.request.user)

    @extend_schema(summary="Questions", description="The questions the caller may see, newest first.")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="Ask a question", description="For users of a municipality.")
    def post(self, request, *args, **kwargs):
        services.check_may_ask(request.user)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            question = services.ask_question(
                services.QuestionInput(**serializer.validated_data), request.user
            )
        except DjangoValidationError as error:
            raise refused(error, serializer) from None
        return Response(self.get_serializer(_questions(request.user).get(pk=question.pk)).data, status=201)


@extend_schema(tags=["ervaringen"])
class QuestionDetailView(ReadOnlyApiViewMixin, generics.RetrieveAPIView):
    serializer_class = QuestionSerializer
    lookup_url_kwarg = "id"
    revision_checked = True  # documents the ETag; changes go through the pages

    def get_queryset(self):
        return _questions(self.request.user)

    @extend_schema(
        summary="One question", description="404 when it does not exist or the caller may not see it."
    )
    def get(self, request, *args, **kwargs):
        item = self.get_object()
        return Response(self.get_serializer(item).data, headers={"ETag": etag(item)})


@extend_schema(tags=["ervaringen"])
class AnswerListView(ApiViewMixin, generics.ListCreateAPIView):
    serializer_class = AnswerSerializer

    def question(self) -> Question:
        question = _questions(self.request.user).filter(pk=self.kwargs["id"]).first()
        if question is None:
            raise Http404
        return question

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no question to look up
            return Answer.objects.none()
        return (
            Answer.objects.filter(permissions.visible_answers_q(self.request.user), question=self.question())
            .select_related("municipality", "question")
            .annotate(useful_count=Count("useful_marks"))
            .order_by("created_at", "pk")
        )

    @extend_schema(
        summary="Answers to a question", description="Oldest first; `geaccepteerd` marks the accepted one."
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Answer a question", description="For users of a municipality who may see the question."
    )
    def post(self, request, *args, **kwargs):
        question = self.question()
        services.check_may_answer(request.user)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            answer = services.answer_question(question, request.user, serializer.validated_data["body"])
        except DjangoValidationError as error:
            raise refused(error, serializer) from None
        answer.useful_count = 0
        return Response(self.get_serializer(answer).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["ervaringen"])
class SearchView(ReadOnlyApiViewMixin, APIView):
    query_serializer = SearchQuerySerializer

    @extend_schema(
        summary="Search lessons, questions and answers",
        description=(
            "Full-text search with Dutch stemming ('migraties' finds 'migratie'), ranked, with highlighted "
            "fragments (escaped HTML, matches in `<mark>`) and facet counts over the items the caller may "
            "see. Without `q`: everything visible, newest first."
        ),
        parameters=[SearchQuerySerializer],
        responses=SearchResultSerializer,
    )
    def get(self, request):
        query = SearchQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        filters = search.Filters(
            domain=params.get("domein", ""),
            phase=params.get("fase", ""),
            form=params.get("vorm", ""),
            province=params.get("provincie", ""),
            year=params.get("jaar"),
            kind=params.get("soort", ""),
        )
        results = search.search(request.user, params["q"], filters, params["page"], params["pageSize"])
        return Response(SearchResultSerializer(results, context={"request": request}).data)


urlpatterns = [
    path("ervaringen", LessonListView.as_view(), name="ervaring-list"),
    path("ervaringen/<int:id>", LessonDetailView.as_view(), name="ervaring-detail"),
    path("vragen", QuestionListView.as_view(), name="vraag-list"),
    path("vragen/<int:id>", QuestionDetailView.as_view(), name="vraag-detail"),
    path("vragen/<int:id>/antwoorden", AnswerListView.as_view(), name="antwoord-list"),
    path("zoeken", SearchView.as_view(), name="zoeken"),
]
