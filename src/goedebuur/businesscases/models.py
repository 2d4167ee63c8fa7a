# SPDX-License-Identifier: EUPL-1.2
"""A business case for ICT cooperation between two or more municipalities.

The structured inputs (baseline per partner, savings per domain, hidden costs, double contracts)
are JSON documents that are always validated through `goedebuur.core.businesscase.model` by
`services.py`; every input carries its source and the user who last set it. The figures of the
partners are copied into the case when it is made, so the same inputs and seed always give the
same report, whatever happens to the profiles afterwards."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goedebuur.core.businesscase.finance import DEFAULT_DISCOUNT_RATE
from goedebuur.core.businesscase.model import MAX_HORIZON
from goedebuur.history.services import Versioned


class BusinessCase(Versioned):
    class Status(models.TextChoices):
        DRAFT = "concept", _("concept")
        COMPLETE = "compleet", _("compleet")

    class Distribution(models.TextChoices):
        PERT = "pert", _("PERT-verdeling")
        DRIEHOEK = "driehoek", _("driehoeksverdeling")

    class AllocationKey(models.TextChoices):
        INWONERS = "inwoners", _("naar inwoners")
        ICT_UITGAVEN = "ict-uitgaven", _("naar eerdere ICT-uitgaven")
        WERKPLEKKEN = "werkplekken", _("naar werkplekken")
        GELIJK = "gelijk", _("gelijke delen")
        EIGEN = "eigen", _("eigen verdeling")

    owner = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="owned_business_cases",
        verbose_name=_("eigenaar"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opgesteld door"),
    )
    name = models.CharField(_("naam"), max_length=200)
    scenario = models.CharField(
        _("scenario"), max_length=60, blank=True, help_text=_("Bijvoorbeeld ‘licht’ of ‘zwaar’.")
    )
    partners = models.ManyToManyField(
        "municipalities.Municipality", related_name="business_cases", verbose_name=_("deelnemende gemeenten")
    )
    domains = models.ManyToManyField("cooperations.IctDomain", blank=True, verbose_name=_("ICT-domeinen"))
    horizon = models.PositiveSmallIntegerField(
        _("horizon (jaren)"), default=10, validators=[MinValueValidator(1), MaxValueValidator(MAX_HORIZON)]
    )
    start_year = models.PositiveSmallIntegerField(_("eerste jaar"), default=2027)
    go_live_year = models.PositiveSmallIntegerField(
        _("jaar van de overstap"),
        default=2,
        help_text=_("Het jaar van de horizon waarin de gezamenlijke applicaties in gebruik gaan."),
    )
    discount_rate = models.DecimalField(
        _("discontovoet"), max_digits=6, decimal_places=4, default=DEFAULT_DISCOUNT_RATE
    )
    distribution = models.CharField(
        _("kansverdeling"), max_length=10, choices=Distribution.choices, default=Distribution.PERT
    )
    baseline_uncertainty_pct = models.DecimalField(
        _("onzekerheid basislijn (%)"), max_digits=5, decimal_places=2, default=10
    )
    draws = models.PositiveIntegerField(_("aantal trekkingen"), default=10_000)
    seed = models.PositiveIntegerField(_("startgetal (seed)"), default=1)
    allocation_key = models.CharField(
        _("verdeelsleutel"), max_length=20, choices=AllocationKey.choices, default=AllocationKey.INWONERS
    )
    custom_weights = models.JSONField(_("eigen verdeling"), default=dict, blank=True)
    baselines = models.JSONField(_("basislijn per gemeente"), default=dict, blank=True)
    savings = models.JSONField(_("besparingen per domein"), default=list, blank=True)
    hidden_costs = models.JSONField(_("verborgen kosten"), default=list, blank=True)
    double_contracts = models.JSONField(_("dubbele contracten"), default=list, blank=True)
    double_contract_notes = models.JSONField(default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    step = models.CharField(_("stap"), max_length=20, default="partners")
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("businesscase")
        verbose_name_plural = _("businesscases")

    def __str__(self):
        return f"{self.name} ({self.scenario})" if self.scenario else self.name

    @property
    def partner_codes(self) -> list[str]:
        """The CBS codes of the partners, sorted (each partner has a baseline row)."""
        return sorted(self.baselines)

    @property
    def domain_slugs(self) -> list[str]:
        """The ICT domains of the case, in the order of its savings."""
        return [row["domain"] for row in self.savings]

    def get_absolute_url(self):
        return reverse("businesscases:detail", args=[self.pk])


class StoredResult(models.Model):
    """The computed result of a case (deterministic schedule, Monte Carlo, tornado) as the core gave
    it, in JSON, with the fingerprint of the inputs it belongs to (`stored.py`). Written when the
    inputs change (`services`); a view whose case has another fingerprint computes it anew once.
    Kept apart from the case so the case's history, revision and ETag stay those of its inputs."""

    case = models.OneToOneField(
        BusinessCase, on_delete=models.CASCADE, primary_key=True, related_name="stored_result"
    )
    fingerprint = models.CharField(max_length=64)
    data = models.JSONField()
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("berekende uitkomst")
        verbose_name_plural = _("berekende uitkomsten")

    def __str__(self):
        return f"{self.case} ({self.fingerprint[:12]})"
