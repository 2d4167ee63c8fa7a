# SPDX-License-Identifier: EUPL-1.2
"""Experience sharing: lessons learned (ervaringen) with attachments, questions and answers, follows,
reports for moderation, and the search index both search backends read.

Nothing is hard-deleted by a user action: items are soft-deleted (`deleted_at`) or hidden by an
administrator (`hidden_at` + reason); every change is recorded in the history."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from goedebuur.core.trajectory.workflow import PHASES
from goedebuur.history.services import Versioned

PHASE_CHOICES = list(PHASES)


BODY_MAX = 20_000  # characters of the Markdown of a lesson, question or answer (about eight pages)


class Visibility(models.TextChoices):
    PUBLIC = "openbaar", _("openbaar")
    MUNICIPAL = "gemeenten", _("ingelogde gemeentemedewerkers")
    MEMBERS = "leden", _("leden van het samenwerkingsverband")


class Tag(models.Model):
    name = models.CharField(_("naam"), max_length=60)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("trefwoord")
        verbose_name_plural = _("trefwoorden")

    def __str__(self):
        return self.name


def tags_named(names: list[str]) -> list[Tag]:
    """The tags with these names (by slug), created where missing."""
    tags = []
    for name in names:
        tag, _created = Tag.objects.get_or_create(
            slug=slugify(name)[:60], defaults={"name": name.strip()[:60]}
        )
        tags.append(tag)
    return tags


class Moderated(Versioned):
    """What lessons, questions and answers share: author, municipality, moderation, soft delete."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("auteur"),
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    created_at = models.DateTimeField(_("datum"), db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(_("reden van verbergen"), max_length=300, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    is_demo = models.BooleanField(_("demogegevens"), default=False)

    class Meta:
        abstract = True

    @property
    def is_hidden(self):
        return self.hidden_at is not None


class Lesson(Moderated):
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("tekst (Markdown)"), max_length=BODY_MAX)
    cooperation = models.ForeignKey(
        "cooperations.Cooperation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("samenwerkingsverband"),
    )
    trajectory = models.ForeignKey(
        "trajectories.Trajectory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("samenwerkingstraject"),
    )
    domains = models.ManyToManyField(
        "cooperations.IctDomain", blank=True, related_name="lessons", verbose_name=_("ICT-domeinen")
    )
    phase = models.CharField(_("fase"), max_length=20, choices=PHASE_CHOICES, blank=True)
    form = models.ForeignKey(
        "cooperations.CooperationForm",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("samenwerkingsvorm"),
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="lessons", verbose_name=_("trefwoorden"))
    visibility = models.CharField(
        _("zichtbaar voor"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("ervaring")
        verbose_name_plural = _("ervaringen")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("experiences:lesson", args=[self.pk])


class Attachment(models.Model):
    """A PDF, DOCX or XLSX file, kept in the database (the web processes stay stateless)."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("bestandsnaam"), max_length=160)
    kind = models.CharField(max_length=4)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    data = models.BinaryField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self):
        return self.filename


class Question(Moderated):
    title = models.CharField(_("vraag"), max_length=200)
    body = models.TextField(_("toelichting (Markdown)"), blank=True, max_length=BODY_MAX)
    domain = models.ForeignKey(
        "cooperations.IctDomain",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("gericht aan ICT-domein"),
    )
    cooperation = models.ForeignKey(
        "cooperations.Cooperation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("gericht aan samenwerkingsverband"),
    )
    phase = models.CharField(_("fase"), max_length=20, choices=PHASE_CHOICES, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="questions", verbose_name=_("trefwoorden"))
    visibility = models.CharField(
        _("zichtbaar voor"), max_length=12, choices=Visibility.choices, default=Visibility.MUNICIPAL
    )
    accepted_answer = models.OneToOneField(
        "Answer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("experiences:question", args=[self.pk])


class Answer(Moderated):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    body = models.TextField(_("antwoord (Markdown)"), max_length=BODY_MAX)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")

    def __str__(self):
        return f"{_('Antwoord op')} {self.question}"

    def get_absolute_url(self):
        return reverse("experiences:question", args=[self.question_id]) + f"#antwoord-{self.pk}"


class UsefulMark(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="useful_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["answer", "user"], name="one_useful_mark_per_user")]

    def __str__(self):
        return f"{self.user} → {self.answer_id}"


class Follow(models.Model):
    class Kind(models.TextChoices):
        DOMAIN = "domein", _("ICT-domein")
        TAG = "trefwoord", _("trefwoord")
        COOPERATION = "samenwerking", _("samenwerkingsverband")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="experience_follows"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    domain = models.ForeignKey("cooperations.IctDomain", on_delete=models.CASCADE, null=True, blank=True)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, null=True, blank=True)
    cooperation = models.ForeignKey(
        "cooperations.Cooperation", on_delete=models.CASCADE, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "domain", "tag", "cooperation"], name="unique_follow"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.target}"

    @property
    def target(self):
        return self.domain or self.tag or self.cooperation


class Report(models.Model):
    """A user reports a lesson, question or answer; an administrator hides it or dismisses the report."""

    class Kind(models.TextChoices):
        LESSON = "ervaring", _("ervaring")
        QUESTION = "vraag", _("vraag")
        ANSWER = "antwoord", _("antwoord")

    item_kind = models.CharField(max_length=10, choices=Kind.choices)
    item_id = models.PositiveIntegerField()
    reason = models.TextField(_("reden"), max_length=2000)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolution = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")

    def __str__(self):
        return f"{self.get_item_kind_display()} {self.item_id}: {self.reason[:60]}"


class SearchEntry(models.Model):
    """One searchable item as both backends see it: the text plus everything needed to decide who
    may see it and to count facets, so that a search is one query over one table. Kept in step
    with the items by `search.index_*` on every save; `goedebuur ervaringen-index` rebuilds it.

    SQLite: the stemmed text lives in the FTS5 table `experiences_fts` (rowid = id).
    PostgreSQL: `vector` holds the 'dutch' tsvector (title weight A, body B), GIN-indexed."""

    kind = models.CharField(max_length=10, choices=Report.Kind.choices)
    object_id = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField()  # a copy of the item's text (each bounded), not typed here
    url = models.CharField(max_length=300)
    visibility = models.CharField(max_length=12, choices=Visibility.choices)
    cooperation = models.ForeignKey(
        "cooperations.Cooperation", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    province = models.ForeignKey("municipalities.Region", on_delete=models.CASCADE, related_name="+")
    phase = models.CharField(max_length=20, choices=PHASE_CHOICES, blank=True)
    form = models.ForeignKey(
        "cooperations.CooperationForm", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The ids of its ICT domains, comma-separated: read with the other facet columns in one query
    # instead of a join (see search/service.py).
    domain_ids = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField()
    is_demo = models.BooleanField(default=False)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_entry_per_item")]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.title}"
