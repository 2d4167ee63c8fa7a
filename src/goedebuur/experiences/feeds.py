# SPDX-License-Identifier: EUPL-1.2
"""Atom and RSS feeds of public lessons and questions (never anything else: the feed has no viewer)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from goedebuur.core.experiences.safe_markdown import plain_text

from . import permissions
from .models import Lesson, Question

FEED_SIZE = 30


class PublicItemsRss(Feed):
    title = _("Goede Buur: nieuwe ervaringen en vragen")
    link = reverse_lazy("experiences:lessons")
    description = _("Openbare ervaringen en vragen van gemeenten over ICT-samenwerking.")

    def items(self):
        rule = permissions.visible_items_q(None)
        lessons = (
            Lesson.objects.filter(rule).select_related("municipality").order_by("-created_at")[:FEED_SIZE]
        )
        questions = (
            Question.objects.filter(rule).select_related("municipality").order_by("-created_at")[:FEED_SIZE]
        )
        return sorted([*lessons, *questions], key=lambda item: item.created_at, reverse=True)[:FEED_SIZE]

    def item_title(self, item):
        prefix = _("Ervaring") if isinstance(item, Lesson) else _("Vraag")
        return f"{prefix}: {item.title}"

    def item_description(self, item):
        text = plain_text(item.body)
        return f"{item.municipality.name}. {text[:500]}"

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.municipality.name


class PublicItemsAtom(PublicItemsRss):
    feed_type = Atom1Feed
    subtitle = PublicItemsRss.description
