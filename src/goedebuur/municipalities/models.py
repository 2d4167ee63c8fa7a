# SPDX-License-Identifier: EUPL-1.2
from urllib.parse import urlsplit

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class RegionType(models.Model):
    """A regional division (province, COROP, safety region, ...). Data, not a column:
    a new division is a new row plus its regions, without a migration."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    year = models.PositiveSmallIntegerField(_("jaar van de indeling"), null=True, blank=True)
    source = models.CharField(_("bron"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("regio-indeling")
        verbose_name_plural = _("regio-indelingen")

    def __str__(self):
        return self.name


class Region(models.Model):
    region_type = models.ForeignKey(RegionType, on_delete=models.CASCADE, related_name="regions")
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("naam"), max_length=150)

    class Meta:
        ordering = ["region_type__order", "name"]
        constraints = [models.UniqueConstraint(fields=["region_type", "code"], name="unique_region_code")]
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")

    def __str__(self):
        return self.name


# Large columns that list pages never need; maps ask for them explicitly.
HEAVY_FIELDS = ("boundary", "svg_path")
HEAVY_MEMBER_FIELDS = tuple(f"municipality__{name}" for name in HEAVY_FIELDS)


class MunicipalityManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().defer(*HEAVY_FIELDS)


# Where a municipality is when the platform gives a distance between two municipalities: its
# centroid (issue 20: one distance everywhere; phrased by `goedebuur.common.distances`).
DISTANCE_POINT = ("centroid_lat", "centroid_lon")


class Municipality(models.Model):
    code = models.CharField(_("CBS-code"), max_length=6, unique=True)
    name = models.CharField(_("naam"), max_length=100, db_index=True)
    province = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="province_municipalities", verbose_name=_("provincie")
    )
    regions = models.ManyToManyField(Region, related_name="municipalities", verbose_name=_("regio's"))
    neighbours = models.ManyToManyField("self", symmetrical=True, blank=True, verbose_name=_("buren"))
    point_contacts = models.ManyToManyField(
        "self", symmetrical=True, blank=True, verbose_name=_("raken elkaar alleen in een punt")
    )
    centroid_lat = models.FloatField()
    centroid_lon = models.FloatField()
    point_lat = models.FloatField()
    point_lon = models.FloatField()
    area_km2 = models.DecimalField(_("oppervlakte (km²)"), max_digits=8, decimal_places=2)
    population = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("peiljaar inwoners"), null=True, blank=True)
    boundary = models.JSONField(_("vereenvoudigde grens (GeoJSON-geometrie, WGS84)"))
    svg_path = models.TextField(_("SVG-pad van de grens"), editable=False)
    # Institutional contact data from the Register van Overheidsorganisaties (no personal data).
    website = models.URLField(_("website"), max_length=300, blank=True)
    email = models.EmailField(_("algemeen e-mailadres"), blank=True)
    mail_domain = models.CharField(
        _("maildomein"),
        max_length=253,
        blank=True,
        help_text=_("Het domein van het algemene e-mailadres, anders de host van de website zonder www."),
    )
    visiting_address = models.CharField(_("bezoekadres"), max_length=300, blank=True)

    objects = MunicipalityManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("municipalities:detail", args=[self.code])

    @property
    def mail_domains(self) -> set[str]:
        """The municipality's own domains, lower case: that of its general e-mail address and its
        website's host without "www." (empty when neither is known). An address at one of these
        domains belongs to the municipality (on the kernel model, so that any app may ask)."""
        host = (urlsplit(self.website).hostname or "").lower().removeprefix("www.")
        return {domain for domain in (self.mail_domain, host) if domain}


class Council(models.Model):
    """A municipality's council (gemeenteraad) as the source publishes it: the total number of seats
    and, in `seats`, the seats per party. The parties' seats may add up to less than the total when
    the source does not name every seat."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="council", verbose_name=_("gemeente")
    )
    total_seats = models.PositiveSmallIntegerField(_("aantal zetels"))
    source = models.CharField(_("bron"), max_length=300)
    reference_date = models.DateField(_("peildatum"))

    class Meta:
        ordering = ["municipality__name"]
        verbose_name = _("gemeenteraad")
        verbose_name_plural = _("gemeenteraden")

    def __str__(self):
        return str(self.municipality)

    @property
    def unassigned_seats(self) -> int:
        """Seats the source names no party for (uses prefetched `seats` when there)."""
        return self.total_seats - sum(seat.seats for seat in self.seats.all())


class CouncilSeat(models.Model):
    """The seats of one party (as named in the source) in one council."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="seats")
    party = models.CharField(_("partij"), max_length=200)
    seats = models.PositiveSmallIntegerField(_("zetels"))

    class Meta:
        ordering = ["-seats", "party"]
        constraints = [models.UniqueConstraint(fields=["council", "party"], name="unique_council_party")]
        verbose_name = _("zetels van een partij")
        verbose_name_plural = _("zetels per partij")

    def __str__(self):
        return f"{self.party}: {self.seats}"
