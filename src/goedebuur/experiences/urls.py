# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import feeds, views_history, views_lessons, views_moderation, views_questions, views_search

app_name = "experiences"
urlpatterns = [
    path("ervaringen", views_lessons.lesson_list, name="lessons"),
    path("ervaringen/nieuw", views_lessons.lesson_create, name="lesson_create"),
    path("ervaringen/feed.atom", feeds.PublicItemsAtom(), name="feed_atom"),
    path("ervaringen/feed.rss", feeds.PublicItemsRss(), name="feed_rss"),
    path("ervaringen/volgen", views_search.follows, name="follows"),
    path("ervaringen/volgen/wissel", views_search.follow_toggle, name="follow_toggle"),
    path("ervaringen/moderatie", views_moderation.moderation, name="moderation"),
    path("ervaringen/moderatie/<str:kind>/<int:pk>", views_moderation.moderate, name="moderate"),
    path(
        "ervaringen/moderatie/meldingen/<int:report_id>/afhandelen", views_moderation.dismiss, name="dismiss"
    ),
    path("ervaringen/<int:pk>", views_lessons.lesson_detail, name="lesson"),
    path("ervaringen/<int:pk>/bewerken", views_lessons.lesson_edit, name="lesson_edit"),
    path("ervaringen/<int:pk>/geschiedenis", views_history.lesson_history, name="lesson_history"),
    path(
        "ervaringen/<int:pk>/geschiedenis/<int:record_id>/herstellen",
        views_history.lesson_restore,
        name="lesson_restore",
    ),
    path("ervaringen/<int:pk>/verwijderen", views_lessons.lesson_delete, name="lesson_delete"),
    path(
        "ervaringen/<int:pk>/bijlagen/<int:attachment_id>",
        views_lessons.attachment_download,
        name="attachment",
    ),
    path(
        "ervaringen/<int:pk>/bijlagen/<int:attachment_id>/verwijderen",
        views_lessons.attachment_delete,
        name="attachment_delete",
    ),
    path("ervaringen/<int:pk>/melden", views_moderation.report, {"kind": "ervaring"}, name="lesson_report"),
    path("vragen/<int:pk>/melden", views_moderation.report, {"kind": "vraag"}, name="question_report"),
    path("antwoorden/<int:pk>/melden", views_moderation.report, {"kind": "antwoord"}, name="answer_report"),
    path("vragen", views_questions.question_list, name="questions"),
    path("vragen/nieuw", views_questions.question_create, name="question_create"),
    path("vragen/<int:pk>", views_questions.question_detail, name="question"),
    path("vragen/<int:pk>/accepteren", views_questions.accept, name="accept"),
    path("vragen/<int:pk>/geschiedenis", views_history.question_history, name="question_history"),
    path(
        "vragen/<int:pk>/geschiedenis/<int:record_id>/herstellen",
        views_history.question_restore,
        name="question_restore",
    ),
    path("vragen/<int:pk>/verwijderen", views_questions.question_delete, name="question_delete"),
    path("antwoorden/<int:answer_id>/nuttig", views_questions.mark_useful, name="useful"),
    path("antwoorden/<int:pk>/geschiedenis", views_history.answer_history, name="answer_history"),
    path(
        "antwoorden/<int:pk>/geschiedenis/<int:record_id>/herstellen",
        views_history.answer_restore,
        name="answer_restore",
    ),
    path("antwoorden/<int:answer_id>/verwijderen", views_questions.answer_delete, name="answer_delete"),
    path("zoeken", views_search.search_page, name="search"),
]
