# SPDX-License-Identifier: EUPL-1.2
"""Achtervang agreements between two municipalities, the services in scope, the yearly BIO test
plan, the test log and follow-up actions.

Sides: a mutual agreement has every party host the other; a one-way agreement has party B host
party A (A is the guest). The reservation fields of a side say what that side keeps free as host."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goedebuur.common import date as format_date
from goedebuur.history.services import Versioned

BIV_VALIDATORS = [MinValueValidator(1), MaxValueValidator(3)]


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class Agreement(Versioned):
    class LinkType(models.TextChoices):
        DARK_FIBRE = "donkere-vezel", _("donkere glasvezel")
        LEASED_LINE = "huurlijn", _("huurlijn")
        VPN = "vpn-internet", _("VPN over internet")

    class SiteKind(models.TextChoices):
        TOWN_HALL = "gemeentehuis", _("gemeentehuis")
        DATACENTER = "datacenter", _("datacenter")

    party_a = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        related_name="fallback_agreements_a",
        verbose_name=_("gemeente A"),
    )
    party_b = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        related_name="fallback_agreements_b",
        verbose_name=_("gemeente B"),
    )
    mutual = models.BooleanField(
        _("wederzijds"), default=True, help_text=_("Uit: alleen gemeente B is achtervang voor gemeente A.")
    )
    cooperation = models.ForeignKey(
        "cooperations.Cooperation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fallback_agreements",
        verbose_name=_("samenwerkingsverband"),
    )
    site_a_name = models.CharField(_("locatie A"), max_length=150)
    site_a_kind = models.CharField(_("soort locatie A"), max_length=20, choices=SiteKind.choices)
    site_a_lat = models.FloatField(
        _("breedtegraad locatie A"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    site_a_lon = models.FloatField(
        _("lengtegraad locatie A"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    site_b_name = models.CharField(_("locatie B"), max_length=150)
    site_b_kind = models.CharField(_("soort locatie B"), max_length=20, choices=SiteKind.choices)
    site_b_lat = models.FloatField(
        _("breedtegraad locatie B"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    site_b_lon = models.FloatField(
        _("lengtegraad locatie B"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    # Common-mode risk (`goedebuur.core.fallback.common_mode`): optional, compared without case.
    site_a_data_centre = models.CharField(
        _("datacenter locatie A"),
        max_length=150,
        blank=True,
        help_text=_("Het datacenter waar de systemen van deze locatie draaien (bijv. 'NorthC Utrecht')."),
    )
    site_a_network_provider = models.CharField(_("netwerkleverancier locatie A"), max_length=150, blank=True)
    site_a_flood_area = models.CharField(
        _("overstromingsgebied locatie A"),
        max_length=150,
        blank=True,
        help_text=_(
            "Bijvoorbeeld het dijkringgebied; zie de overstromingskaarten van LIWO of de Atlas Leefomgeving."
        ),
    )
    site_a_flood_source = models.CharField(
        _("bron overstromingsgebied locatie A"),
        max_length=300,
        blank=True,
        help_text=_("Waar het overstromingsgebied vandaan komt (kaart, datum)."),
    )
    # Common-mode risk (`goedebuur.core.fallback.common_mode`): optional, compared without case.
    site_b_data_centre = models.CharField(
        _("datacenter locatie B"),
        max_length=150,
        blank=True,
        help_text=_("Het datacenter waar de systemen van deze locatie draaien (bijv. 'NorthC Utrecht')."),
    )
    site_b_network_provider = models.CharField(_("netwerkleverancier locatie B"), max_length=150, blank=True)
    site_b_flood_area = models.CharField(
        _("overstromingsgebied locatie B"),
        max_length=150,
        blank=True,
        help_text=_(
            "Bijvoorbeeld het dijkringgebied; zie de overstromingskaarten van LIWO of de Atlas Leefomgeving."
        ),
    )
    site_b_flood_source = models.CharField(
        _("bron overstromingsgebied locatie B"),
        max_length=300,
        blank=True,
        help_text=_("Waar het overstromingsgebied vandaan komt (kaart, datum)."),
    )
    link_type = models.CharField(_("soort verbinding"), max_length=20, choices=LinkType.choices)
    link_mbps = models.PositiveIntegerField(_("bandbreedte (Mbit/s)"), validators=[MinValueValidator(1)])
    restore_mbps = models.PositiveIntegerField(
        _("hersteldoorvoer per slot (Mbit/s)"),
        default=1000,
        validators=[MinValueValidator(1)],
        help_text=_("Hoe snel de back-upomgeving van de gastheer per herstelproces terugzet."),
    )
    restore_slots = models.PositiveSmallIntegerField(
        _("parallelle herstelslots"), default=2, validators=[MinValueValidator(1), MaxValueValidator(32)]
    )
    peak_factor = models.DecimalField(
        _("piekfactor wijzigingen"),
        max_digits=4,
        decimal_places=1,
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_("Standaard 3: de wijzigingen van een dag vallen grotendeels in ongeveer 8 kantooruren."),
    )
    min_km = models.DecimalField(_("minimale afstand (km)"), max_digits=6, decimal_places=1, default=5)
    max_km = models.DecimalField(_("maximale afstand (km)"), max_digits=6, decimal_places=1, default=40)
    reserved_vcpu_a = models.PositiveIntegerField(_("vCPU gereserveerd door A"), default=0)
    reserved_ram_gb_a = models.PositiveIntegerField(_("RAM (GB) gereserveerd door A"), default=0)
    reserved_storage_gb_a = models.PositiveIntegerField(_("opslag (GB) gereserveerd door A"), default=0)
    reserved_workplaces_a = models.PositiveIntegerField(_("noodwerkplekken gereserveerd door A"), default=0)
    reserved_vcpu_b = models.PositiveIntegerField(_("vCPU gereserveerd door B"), default=0)
    reserved_ram_gb_b = models.PositiveIntegerField(_("RAM (GB) gereserveerd door B"), default=0)
    reserved_storage_gb_b = models.PositiveIntegerField(_("opslag (GB) gereserveerd door B"), default=0)
    reserved_workplaces_b = models.PositiveIntegerField(_("noodwerkplekken gereserveerd door B"), default=0)
    contacts_a = models.TextField(_("contactpersonen A"), blank=True, max_length=2000)
    contacts_b = models.TextField(_("contactpersonen B"), blank=True, max_length=2000)
    escalation = models.TextField(_("escalatie"), blank=True, max_length=2000)
    start_date = models.DateField(_("ingangsdatum"))
    review_date = models.DateField(_("evaluatiedatum"), null=True, blank=True)
    # Secret part of the iCalendar feed URL: calendar apps subscribe without a login. Rotating it
    # (a new token) revokes every subscription made with the old URL.
    calendar_token = models.CharField(max_length=64, default=new_calendar_token, editable=False)
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["party_a__name", "party_b__name", "pk"]
        verbose_name = _("achtervangafspraak")
        verbose_name_plural = _("achtervangafspraken")

    def __str__(self):
        arrow = "⇄" if self.mutual else "←"
        return f"{self.party_a.name} {arrow} {self.party_b.name}"

    def get_absolute_url(self):
        return reverse("fallback:detail", args=[self.pk])

    @property
    def site_a(self) -> dict:
        return {
            "name": self.site_a_name,
            "kind": self.site_a_kind,
            "lat": self.site_a_lat,
            "lon": self.site_a_lon,
            "data_centre": self.site_a_data_centre,
            "network_provider": self.site_a_network_provider,
            "flood_area": self.site_a_flood_area,
            "flood_source": self.site_a_flood_source,
        }

    @site_a.setter
    def site_a(self, values: dict) -> None:
        """Set the given parts (name, kind, lat, lon, data_centre, network_provider, flood_area, flood_source)."""
        for key, value in values.items():
            setattr(self, f"site_a_{key}", value)

    @property
    def site_b(self) -> dict:
        return {
            "name": self.site_b_name,
            "kind": self.site_b_kind,
            "lat": self.site_b_lat,
            "lon": self.site_b_lon,
            "data_centre": self.site_b_data_centre,
            "network_provider": self.site_b_network_provider,
            "flood_area": self.site_b_flood_area,
            "flood_source": self.site_b_flood_source,
        }

    @site_b.setter
    def site_b(self, values: dict) -> None:
        """Set the given parts (name, kind, lat, lon, data_centre, network_provider, flood_area, flood_source)."""
        for key, value in values.items():
            setattr(self, f"site_b_{key}", value)

    @property
    def party_ids(self) -> set[int]:
        return {self.party_a_id, self.party_b_id}

    def guests(self):
        """The parties whose services the other side takes over."""
        return [self.party_a, self.party_b] if self.mutual else [self.party_a]

    def other(self, municipality):
        return self.party_b if municipality.pk == self.party_a_id else self.party_a


class Service(Versioned):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="services", verbose_name=_("afspraak")
    )
    guest = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    application = models.ForeignKey(
        "profiles.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fallback_services",
        verbose_name=_("applicatie uit het landschap"),
    )
    name = models.CharField(_("naam"), max_length=200)
    beschikbaarheid = models.PositiveSmallIntegerField(_("beschikbaarheid"), validators=BIV_VALIDATORS)
    integriteit = models.PositiveSmallIntegerField(_("integriteit"), validators=BIV_VALIDATORS)
    vertrouwelijkheid = models.PositiveSmallIntegerField(_("vertrouwelijkheid"), validators=BIV_VALIDATORS)
    rto_hours = models.PositiveIntegerField(_("RTO (uur)"))
    rpo_hours = models.PositiveIntegerField(_("RPO (uur)"))
    data_gb = models.PositiveIntegerField(_("datavolume (GB)"))
    daily_change_gb = models.DecimalField(
        _("wijzigingen per dag (GB)"), max_digits=9, decimal_places=1, validators=[MinValueValidator(0)]
    )
    vcpu = models.PositiveIntegerField(_("vCPU"), default=0)
    ram_gb = models.PositiveIntegerField(_("RAM (GB)"), default=0)
    workplaces = models.PositiveIntegerField(_("werkplekken"), default=0)
    depends_on = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="needed_by", verbose_name=_("hangt af van")
    )

    class Meta:
        ordering = ["guest__name", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "guest", "name"], name="unique_fallback_service_name"
            )
        ]
        verbose_name = _("dienst")
        verbose_name_plural = _("diensten")

    def __str__(self):
        return self.name

    @property
    def biv(self) -> str:
        return f"{self.beschikbaarheid}{self.integriteit}{self.vertrouwelijkheid}"


class TestKind(models.TextChoices):
    __test__ = False  # not a pytest class
    CONTINUITY_PLAN = "continuiteitsplan", _("test van het continuïteitsplan")
    RESTORE = "hersteltest", _("hersteltest")


class PlannedTest(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="planned_tests")
    kind = models.CharField(_("soort test"), max_length=20, choices=TestKind.choices)
    planned_date = models.DateField(_("geplande datum"))
    record = models.OneToOneField(
        "TestRecord", on_delete=models.SET_NULL, null=True, blank=True, related_name="planned"
    )

    class Meta:
        ordering = ["planned_date", "kind", "pk"]
        verbose_name = _("geplande test")
        verbose_name_plural = _("geplande tests")

    def __str__(self):
        return f"{self.get_kind_display()} {format_date(self.planned_date)}"


class TestGrade(models.TextChoices):
    """How strong a test is as evidence (`goedebuur.core.fallback.common_mode`); weakest first."""

    __test__ = False  # not a pytest class
    PAPER = "papier", _("papieren doorloop")
    PARTIAL = "gedeeltelijk", _("gedeeltelijk herstel")
    FULL = "volledig", _("volledig herstel bij de partner, met gebruikers")


class TestRecord(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="test_records")
    kind = models.CharField(_("soort test"), max_length=20, choices=TestKind.choices)
    date = models.DateField(_("datum"))
    scenario = models.TextField(_("scenario"), max_length=4000)
    passed = models.BooleanField(_("geslaagd"))
    # Empty only for tests logged before grading existed ("niet beoordeeld").
    grade = models.CharField(_("zwaarte van de test"), max_length=20, choices=TestGrade.choices, blank=True)
    findings = models.TextField(_("bevindingen"), blank=True, max_length=4000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("testverslag")
        verbose_name_plural = _("testverslagen")

    def __str__(self):
        return f"{self.get_kind_display()} {format_date(self.date)}"


class ServiceResult(models.Model):
    record = models.ForeignKey(TestRecord, on_delete=models.CASCADE, related_name="results")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="test_results")
    restore_hours = models.DecimalField(
        _("bereikte hersteltijd (uur)"), max_digits=7, decimal_places=2, validators=[MinValueValidator(0)]
    )
    data_loss_hours = models.DecimalField(
        _("gegevensverlies (uur)"), max_digits=7, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["service__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["record", "service"], name="unique_result_per_service")
        ]

    def __str__(self):
        return f"{self.service} ({self.record})"

    @property
    def met_rto(self) -> bool:
        return self.restore_hours <= self.service.rto_hours

    @property
    def met_rpo(self) -> bool:
        return self.data_loss_hours <= self.service.rpo_hours


class FollowUpAction(Versioned):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="actions")
    record = models.ForeignKey(
        TestRecord,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("uit test"),
    )
    description = models.CharField(_("actie"), max_length=300)
    owner = models.CharField(_("eigenaar"), max_length=150)
    owner_municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gemeente van de eigenaar"),
    )
    due_date = models.DateField(_("uiterlijk klaar op"))
    done_on = models.DateField(_("afgerond op"), null=True, blank=True)

    class Meta:
        ordering = ["done_on", "due_date", "pk"]
        verbose_name = _("vervolgactie")
        verbose_name_plural = _("vervolgacties")

    def __str__(self):
        return self.description
