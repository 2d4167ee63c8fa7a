# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Shortlist(models.Model):
    """A named list of candidate partners saved from the partner finder; private to its owner."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_shortlists"
    )
    name = models.CharField(_("naam"), max_length=100)
    origin = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    members = models.ManyToManyField(
        "municipalities.Municipality", related_name="+", verbose_name=_("kandidaat-partners")
    )
    query = models.CharField(_("zoekopdracht"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "name"]
        verbose_name = _("shortlist")
        verbose_name_plural = _("shortlists")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """The partner finder with the query the shortlist was saved from."""
        return reverse("partners:finder") + "?" + (self.query or f"gemeente={self.origin.code}")
