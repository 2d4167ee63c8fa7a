# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goedebuur.common import date as format_date
from goedebuur.history.services import Versioned


class IctDomain(models.Model):
    """A managed list of ICT domains (infrastructuur & beheer, werkplek, ...)."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    short_name = models.CharField(_("korte naam"), max_length=30)
    description = models.TextField(_("omschrijving"), blank=True, max_length=1000)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("ICT-domein")
        verbose_name_plural = _("ICT-domeinen")

    def __str__(self):
        return self.name


class PolicyDomain(models.Model):
    """A policy domain other than ICT (afval, belastingen, sociaal domein, ...): the context in which
    municipalities already work together, derived from the GR-register."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    short_name = models.CharField(_("korte naam"), max_length=30)
    description = models.TextField(_("omschrijving"), blank=True, max_length=1000)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("beleidsdomein")
        verbose_name_plural = _("beleidsdomeinen")

    def __str__(self):
        return self.name


class CooperationForm(models.Model):
    """Legal or organisational form of a cooperation (Wgr openbaar lichaam, DVO, ...)."""

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    family = models.CharField(_("soort"), max_length=60, blank=True)
    description = models.TextField(_("omschrijving"), blank=True, max_length=1000)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("samenwerkingsvorm")
        verbose_name_plural = _("samenwerkingsvormen")

    def __str__(self):
        return self.name


class Cooperation(Versioned):
    class Status(models.TextChoices):
        VERKENNING = "verkenning", _("verkenning")
        INTENTIE = "intentie", _("intentie")
        ACTIEF = "actief", _("actief")
        BEEINDIGD = "beeindigd", _("beëindigd")
        ONBEKEND = "onbekend", _("onbekend")

    ONGOING_STATUSES = (Status.VERKENNING, Status.INTENTIE, Status.ACTIEF, Status.ONBEKEND)

    class Origin(models.TextChoices):
        PLATFORM = "platform", _("toegevoegd op Goede Buur")
        REGISTER = "register", _("GR-register (ROO)")

    class Precision(models.TextChoices):
        DAY = "day", _("dag")
        YEAR = "year", _("jaar")

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    description = models.TextField(_("omschrijving"), blank=True, max_length=5000)
    domains = models.ManyToManyField(IctDomain, related_name="cooperations", verbose_name=_("ICT-domeinen"))
    form = models.ForeignKey(
        CooperationForm, on_delete=models.PROTECT, related_name="cooperations", verbose_name=_("vorm")
    )
    form_text = models.CharField(_("vorm volgens de bronnen"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ONBEKEND)
    start_date = models.DateField(_("startdatum"), null=True, blank=True)
    start_precision = models.CharField(max_length=4, choices=Precision.choices, default=Precision.DAY)
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    end_precision = models.CharField(max_length=4, choices=Precision.choices, default=Precision.DAY)
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    # What the members add to every entry, also to one from the register.
    policy_domains = models.ManyToManyField(
        PolicyDomain, blank=True, related_name="cooperations", verbose_name=_("beleidsdomeinen")
    )
    domains_confirmed = models.BooleanField(
        _("domeinen bevestigd"),
        default=True,
        help_text=_("Nee: afgeleid uit het GR-register, nog niet bevestigd."),
    )
    shared_services = models.TextField(_("gedeelde diensten"), blank=True, max_length=5000)
    contact = models.CharField(_("contact"), max_length=300, blank=True)
    # The official part: set only by the GR-register import, read-only in pages and API.
    origin = models.CharField(_("herkomst"), max_length=10, choices=Origin.choices, default=Origin.PLATFORM)
    roo_id = models.CharField(_("ROO-systeemId"), max_length=20, blank=True, db_index=True)
    tooi = models.CharField(_("TOOI-identificatie"), max_length=200, blank=True)
    official = models.JSONField(_("gegevens uit het GR-register"), default=dict, blank=True)
    register_date = models.DateField(_("peildatum GR-register"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    deleted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # An entry an editor adds is visible to its members at once and public once a platform
    # administrator approved it (issue 20); register entries and the platform's own loads are public.
    approved_at = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["roo_id"], condition=~models.Q(roo_id=""), name="unique_register_entry"
            ),
        ]
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cooperations:detail", args=[self.slug])

    @property
    def from_register(self) -> bool:
        return self.origin == self.Origin.REGISTER

    @property
    def is_public(self) -> bool:
        """Register entries always; an entry added on the platform once it is approved."""
        return self.from_register or self.approved_at is not None

    @property
    def members(self):
        """The memberships and the open invitations, by the name the services and the API give them
        (`member_status` tells them apart). Invitations are no memberships: only `memberships` count
        for rights and for the register's figures."""
        invited = [c for c in self.open_member_changes if c.kind == MemberChange.Kind.JOIN]
        returning = {c.municipality_id for c in invited}  # a former member invited back: once, invited
        members = [m for m in self._related("memberships") if m.municipality_id not in returning]
        return sorted([*members, *invited], key=lambda m: m.municipality.name)

    @property
    def open_member_changes(self) -> list:
        """Invitations and removals that wait for consent (works with or without a prefetch of
        `member_changes`)."""
        return [c for c in self._related("member_changes") if c.status == MemberChange.Status.OPEN]

    def _related(self, name):
        manager = getattr(self, name)
        if name in getattr(self, "_prefetched_objects_cache", {}):
            return manager.all()
        return manager.select_related("municipality")

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def start_display(self):
        return _format_date(self.start_date, self.start_precision)

    @property
    def end_display(self):
        return _format_date(self.end_date, self.end_precision)


def _format_date(value, precision):
    if value is None:
        return ""
    if precision == Cooperation.Precision.YEAR:
        return str(value.year)
    return format_date(value)


class Membership(models.Model):
    class Role(models.TextChoices):
        DEELNEMER = "deelnemer", _("deelnemer")
        GASTHEER = "gastheer", _("gastheer / centrumgemeente")
        TREKKER = "trekker", _("trekker")
        AFNEMER = "afnemer", _("afnemer van diensten")
        ACHTERVANG = "achtervang", _("achtervang")

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("gemeente"),
    )
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices, default=Role.DEELNEMER)
    joined_on = models.DateField(_("toegetreden op"), null=True, blank=True)
    left_on = models.DateField(_("uitgetreden op"), null=True, blank=True)
    official = models.BooleanField(_("volgens het GR-register"), default=False)
    # Former municipalities this membership stands for in the register ([{"code", "name"}]).
    former = models.JSONField(_("voormalige gemeenten"), default=list, blank=True)

    class Meta:
        ordering = ["municipality__name"]
        constraints = [
            models.UniqueConstraint(fields=["cooperation", "municipality"], name="unique_membership"),
        ]
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")

    def __str__(self):
        return f"{self.municipality} in {self.cooperation}"

    @property
    def is_current(self):
        return self.left_on is None

    member_status = "geaccepteerd"  # as the API lists members next to open invitations


class MemberChange(models.Model):
    """A change in who takes part in an entry added on the platform that waits for the consent of the
    municipalities concerned (its `consents`): an invitation to join, or the removal of a current
    member. Nothing about the memberships changes while it is open: an invited municipality is no
    member, a member proposed for removal still is. See docs/decisions.md ("Instemming")."""

    class Kind(models.TextChoices):
        JOIN = "toetreden", _("uitnodiging")
        LEAVE = "uittreden", _("verwijdering")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "aanvaard", _("aanvaard")
        DECLINED = "afgewezen", _("afgewezen")
        WITHDRAWN = "ingetrokken", _("ingetrokken")

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="member_changes")
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    # An invitation: the membership it becomes. A removal: the leave date (None: off the list).
    role = models.CharField(
        _("rol"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.DEELNEMER
    )
    joined_on = models.DateField(_("toegetreden op"), null=True, blank=True)
    left_on = models.DateField(_("uitgetreden op"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_for = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voorgesteld namens"),
    )
    proposed_at = models.DateTimeField(_("voorgesteld op"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)

    class Meta:
        ordering = ["proposed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cooperation", "municipality"],
                condition=models.Q(status="open"),
                name="one_open_member_change",
            ),
        ]
        verbose_name = _("wijziging van de deelnemers")
        verbose_name_plural = _("wijzigingen van de deelnemers")

    def __str__(self):
        return f"{self.get_kind_display()} {self.municipality} ({self.cooperation})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def member_status(self) -> str:
        """As the API lists an open invitation among the members."""
        return "uitgenodigd"

    # ... where it has the fields of a membership from the GR-register too (invitations never are)
    official = False
    former = ()


class MemberConsent(models.Model):
    """The answer of one municipality whose consent a member change needs."""

    class Answer(models.TextChoices):
        OPEN = "open", _("nog niet beantwoord")
        YES = "ja", _("stemt in")
        NO = "nee", _("wijst af")

    change = models.ForeignKey(MemberChange, on_delete=models.CASCADE, related_name="consents")
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    answer = models.CharField(_("antwoord"), max_length=4, choices=Answer.choices, default=Answer.OPEN)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        ordering = ["municipality__name"]
        constraints = [
            models.UniqueConstraint(fields=["change", "municipality"], name="one_consent_per_municipality"),
        ]
        verbose_name = _("instemming")
        verbose_name_plural = _("instemmingen")

    def __str__(self):
        return f"{self.municipality}: {self.get_answer_display()}"


class Source(models.Model):
    """A public source the register entry was read from: a URL, a description, or both."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="sources")
    url = models.URLField(max_length=500, blank=True)
    description = models.CharField(max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return self.url or self.description


class RegisterVersion(models.Model):
    """One version record of a regeling in the GR-register: the history of an official entry."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="register_versions")
    roo_id = models.CharField(_("ROO-systeemId"), max_length=20, unique=True)
    title = models.CharField(_("titel"), max_length=500)
    valid_from = models.DateField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    in_force_from = models.DateField(null=True, blank=True)
    in_force_until = models.DateField(null=True, blank=True)
    legal_form = models.CharField(max_length=10, blank=True)
    participants = models.JSONField(default=list)
    decisions = models.JSONField(default=list)
    roo_url = models.URLField(max_length=500, blank=True)

    class Meta:
        ordering = ["valid_from", "roo_id"]
        verbose_name = _("versie in het GR-register")
        verbose_name_plural = _("versies in het GR-register")

    def __str__(self):
        return f"{self.title} ({self.roo_id})"
