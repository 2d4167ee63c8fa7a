# SPDX-License-Identifier: EUPL-1.2
"""ICT profile of a municipality and its application landscape (applications mapped to GEMMA
reference components, shared supplier and product records, one contract per application)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from goedebuur.history.services import Versioned

AMBITION_VALIDATORS = [MinValueValidator(0), MaxValueValidator(5)]
BIV_VALIDATORS = [MinValueValidator(1), MaxValueValidator(3)]
MOTIVATION_MAX = 2000  # characters of an ambition's motivation

# The four K's, in the order they are shown: (field prefix, Dutch label).
AMBITIONS = (
    ("kwaliteit", _("Kwaliteit")),
    ("kosten", _("minder meerKosten")),
    ("kwetsbaarheid", _("Kwetsbaarheid verlagen")),
    ("personeel", _("Kansen voor personeel")),
)


class Profile(Versioned):
    class HostingModel(models.TextChoices):
        EIGEN = "eigen-serverruimte", _("eigen serverruimte")
        GEDEELD = "gedeeld-datacenter", _("gedeeld datacenter")
        CLOUD = "cloud", _("cloud")
        MIX = "mix", _("mix")

    municipality = models.OneToOneField(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="ict_profile",
        verbose_name=_("gemeente"),
    )
    inhabitants = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    inhabitants_year = models.PositiveSmallIntegerField(_("peiljaar inwoners"), null=True, blank=True)
    ict_spend_eur = models.PositiveIntegerField(_("ICT-uitgaven per jaar (€)"), null=True, blank=True)
    ict_spend_year = models.PositiveSmallIntegerField(_("jaar van de ICT-uitgaven"), null=True, blank=True)
    ict_fte = models.DecimalField(
        _("ICT-personeel (fte)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    workplaces = models.PositiveIntegerField(_("werkplekken"), null=True, blank=True)
    hosting_model = models.CharField(
        _("hostingmodel"), max_length=20, choices=HostingModel.choices, blank=True
    )
    ambition_kwaliteit = models.PositiveSmallIntegerField(
        _("ambitie Kwaliteit"), null=True, blank=True, validators=AMBITION_VALIDATORS
    )
    ambition_kwaliteit_motivation = models.TextField(
        _("motivatie Kwaliteit"), blank=True, max_length=MOTIVATION_MAX
    )
    ambition_kosten = models.PositiveSmallIntegerField(
        _("ambitie minder meerKosten"), null=True, blank=True, validators=AMBITION_VALIDATORS
    )
    ambition_kosten_motivation = models.TextField(
        _("motivatie minder meerKosten"), blank=True, max_length=MOTIVATION_MAX
    )
    ambition_kwetsbaarheid = models.PositiveSmallIntegerField(
        _("ambitie Kwetsbaarheid verlagen"), null=True, blank=True, validators=AMBITION_VALIDATORS
    )
    ambition_kwetsbaarheid_motivation = models.TextField(
        _("motivatie Kwetsbaarheid verlagen"), blank=True, max_length=MOTIVATION_MAX
    )
    ambition_personeel = models.PositiveSmallIntegerField(
        _("ambitie Kansen voor personeel"), null=True, blank=True, validators=AMBITION_VALIDATORS
    )
    ambition_personeel_motivation = models.TextField(
        _("motivatie Kansen voor personeel"), blank=True, max_length=MOTIVATION_MAX
    )
    open_domains = models.ManyToManyField(
        "cooperations.IctDomain",
        blank=True,
        related_name="open_profiles",
        verbose_name=_("open voor samenwerking op"),
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mailadres contactpersoon"), blank=True)
    share_contracts_with = models.ManyToManyField(
        "cooperations.Cooperation",
        blank=True,
        related_name="shared_profiles",
        verbose_name=_("contracten en kosten delen met"),
        help_text=_("Huidige leden van deze samenwerkingsverbanden zien de contracten en kosten."),
    )
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("ICT-profiel")
        verbose_name_plural = _("ICT-profielen")

    def __str__(self):
        return str(self.municipality)


class Supplier(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    normalized_name = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("leverancier")
        verbose_name_plural = _("leveranciers")

    def __str__(self):
        return self.name


class Product(models.Model):
    supplier = models.ForeignKey(
        Supplier, on_delete=models.PROTECT, related_name="products", verbose_name=_("leverancier")
    )
    name = models.CharField(_("naam"), max_length=200)
    normalized_name = models.CharField(max_length=200, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["supplier", "normalized_name"], name="unique_product_per_supplier"
            )
        ]
        verbose_name = _("product")
        verbose_name_plural = _("producten")

    def __str__(self):
        return self.name


class Application(Versioned):
    class Hosting(models.TextChoices):
        ON_PREMISES = "on-premises", _("on-premises")
        SAAS = "saas", _("SaaS")
        GEDEELD = "gedeeld-datacenter", _("gedeeld datacenter")

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("gemeente"),
    )
    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="applications", verbose_name=_("product")
    )
    version = models.CharField(_("versie"), max_length=60, blank=True)
    components = models.ManyToManyField(
        "gemma.ReferenceComponent", related_name="applications", verbose_name=_("referentiecomponenten")
    )
    hosting = models.CharField(_("hosting"), max_length=20, choices=Hosting.choices)
    beschikbaarheid = models.PositiveSmallIntegerField(_("beschikbaarheid"), validators=BIV_VALIDATORS)
    integriteit = models.PositiveSmallIntegerField(_("integriteit"), validators=BIV_VALIDATORS)
    vertrouwelijkheid = models.PositiveSmallIntegerField(_("vertrouwelijkheid"), validators=BIV_VALIDATORS)
    rto_hours = models.PositiveIntegerField(_("RTO (uur)"))
    rpo_hours = models.PositiveIntegerField(_("RPO (uur)"))
    is_demo = models.BooleanField(_("demogegevens"), default=False)

    class Meta:
        ordering = ["product__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "product"], name="unique_application_per_municipality"
            )
        ]
        verbose_name = _("applicatie")
        verbose_name_plural = _("applicaties")

    def __str__(self):
        return f"{self.product} ({self.municipality})"

    @property
    def supplier(self) -> Supplier:
        return self.product.supplier

    @property
    def biv(self) -> str:
        return f"{self.beschikbaarheid}{self.integriteit}{self.vertrouwelijkheid}"


class Contract(models.Model):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="contract", verbose_name=_("applicatie")
    )
    start_date = models.DateField(_("startdatum"), null=True, blank=True)
    end_date = models.DateField(_("einddatum"), null=True, blank=True, db_index=True)
    notice_months = models.PositiveSmallIntegerField(_("opzegtermijn (maanden)"), null=True, blank=True)
    yearly_cost_eur = models.PositiveIntegerField(_("kosten per jaar (€)"), null=True, blank=True)
    extension_options = models.TextField(_("verlengingsopties"), blank=True, max_length=1000)

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracten")

    def __str__(self):
        return f"{self.application}"
