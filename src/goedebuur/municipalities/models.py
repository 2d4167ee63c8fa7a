# SPDX-License-Identifier: EUPL-1.2
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

    objects = MunicipalityManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("municipalities:detail", args=[self.code])
