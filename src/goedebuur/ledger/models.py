# SPDX-License-Identifier: EUPL-1.2
"""The savings ledger of a cooperation: a baseline per municipality at the start, the realised
savings and costs per year per municipality with their source documents, and the forecast of the
business case it is measured against.

The forecast is a copy taken when the business case is linked (`forecast`, JSON written by
`services.take_forecast`): the promise is what was forecast at the start, so a later change of the
business case does not move the yardstick silently; the members take a new copy deliberately."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goedebuur.history.services import Versioned


class Ledger(Versioned):
    class Visibility(models.TextChoices):
        PRIVATE = "prive", _("privé: alleen de deelnemende gemeenten")
        MUNICIPAL = "gemeenten", _("gemeenten: iedereen die is ingelogd namens een gemeente")
        PUBLIC = "openbaar", _("openbaar: iedereen")

    cooperation = models.OneToOneField(
        "cooperations.Cooperation",
        on_delete=models.CASCADE,
        related_name="ledger",
        verbose_name=_("samenwerking"),
    )
    business_case = models.ForeignKey(
        "businesscases.BusinessCase",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ledgers",
        verbose_name=_("businesscase"),
    )
    visibility = models.CharField(
        _("zichtbaarheid"), max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    start_year = models.PositiveSmallIntegerField(_("startjaar"))
    # {code: {"eur": int, "source": str}}: the yearly ICT costs of each municipality before the start
    baselines = models.JSONField(_("basislijn per gemeente"), default=dict, blank=True)
    forecast = models.JSONField(_("prognose van de businesscase"), default=dict, blank=True)
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["cooperation__name"]
        verbose_name = _("besparingsregister")
        verbose_name_plural = _("besparingsregisters")

    def __str__(self):
        return str(self.cooperation)

    def get_absolute_url(self):
        return reverse("ledger:detail", args=[self.cooperation.slug])


class Entry(models.Model):
    """What one municipality realised in one calendar year, in whole euros."""

    class SourceKind(models.TextChoices):
        JAARREKENING = "jaarrekening", _("jaarrekening")
        EVALUATIE = "evaluatie", _("evaluatie")
        BEGROTING = "begroting", _("begroting of tussenrapportage")
        ANDERS = "anders", _("ander document")

    ledger = models.ForeignKey(Ledger, on_delete=models.CASCADE, related_name="entries")
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    savings = models.BigIntegerField(_("besparing (€)"), default=0)
    one_off_costs = models.BigIntegerField(_("eenmalige kosten (€)"), default=0)
    yearly_costs = models.BigIntegerField(_("jaarlijkse kosten (€)"), default=0)
    source_kind = models.CharField(
        _("soort bron"), max_length=20, choices=SourceKind.choices, default=SourceKind.JAARREKENING
    )
    source_title = models.CharField(_("bron"), max_length=300, blank=True)
    source_url = models.URLField(_("link naar de bron"), max_length=500, blank=True)
    note = models.TextField(_("toelichting"), blank=True, max_length=2000)

    class Meta:
        ordering = ["year", "municipality__name"]
        constraints = [
            models.UniqueConstraint(fields=["ledger", "municipality", "year"], name="unique_ledger_entry")
        ]
        verbose_name = _("gerealiseerd jaar")
        verbose_name_plural = _("gerealiseerde jaren")

    def __str__(self):
        return f"{self.municipality} {self.year}"

    @property
    def costs(self) -> int:
        return self.one_off_costs + self.yearly_costs

    @property
    def net(self) -> int:
        return self.savings - self.costs
