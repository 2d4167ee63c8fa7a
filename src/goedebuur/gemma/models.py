# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferenceComponent(models.Model):
    """A GEMMA referentiecomponent, with GEMMA's own Object ID and status."""

    gemma_id = models.CharField(_("GEMMA Object ID"), max_length=64, unique=True)
    archi_id = models.CharField(max_length=80, blank=True)
    name = models.CharField(_("naam"), max_length=200)
    group = models.CharField(_("groep"), max_length=200, blank=True)
    status = models.CharField(_("GEMMA-status"), max_length=50, blank=True)
    bbn = models.CharField(_("BBN-advies"), max_length=200, blank=True)
    beschikbaarheid = models.PositiveSmallIntegerField(null=True, blank=True)
    integriteit = models.PositiveSmallIntegerField(null=True, blank=True)
    vertrouwelijkheid = models.PositiveSmallIntegerField(null=True, blank=True)
    definition = models.TextField(_("definitie"), blank=True)
    toelichting = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("GEMMA-referentiecomponent")
        verbose_name_plural = _("GEMMA-referentiecomponenten")

    def __str__(self):
        return self.name


class NationalFacility(models.Model):
    """A GEMMA buitengemeentelijke voorziening (national facility such as DigiD)."""

    gemma_id = models.CharField(_("GEMMA Object ID"), max_length=64, unique=True)
    archi_id = models.CharField(max_length=80, blank=True)
    name = models.CharField(_("naam"), max_length=200)
    group = models.CharField(_("groep"), max_length=200, blank=True)
    status = models.CharField(_("GEMMA-status"), max_length=50, blank=True)
    definition = models.TextField(_("definitie"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("buitengemeentelijke voorziening")
        verbose_name_plural = _("buitengemeentelijke voorzieningen")

    def __str__(self):
        return self.name
