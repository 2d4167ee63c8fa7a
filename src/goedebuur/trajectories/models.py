# SPDX-License-Identifier: EUPL-1.2
"""A cooperation trajectory: partners (invited, accepted, declined), the phase it is in, checklist
state, decisions, each partner's ambitions and the acknowledgement of divergences.

The phases, states and default checklist come from `goedebuur.core.trajectory.workflow`; the checklist items
live in the database (seeded from the core) so that platform administrators can edit the text."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goedebuur.core.trajectory import workflow as flow
from goedebuur.history.services import Versioned

PHASE_CHOICES = [
    ("verkennen", _("Verkennen")),
    ("intentie", _("Ambities delen / intentie")),
    ("overeenkomen", _("Overeenkomen")),
    ("inrichten", _("Inrichten")),
    ("uitvoeren", _("Uitvoeren & evalueren")),
]
ACTION_LABELS = {
    flow.ADVANCE: _("Naar de volgende fase"),
    flow.BACK: _("Terug naar de vorige fase"),
    flow.PAUSE: _("Pauzeren"),
    flow.RESUME: _("Hervatten"),
    flow.STOP: _("Stoppen"),
}
SCORE_VALIDATORS = [MinValueValidator(0), MaxValueValidator(5)]


class ChecklistItem(models.Model):
    """A checklist item of a phase, with a tip. Defaults from the core; editable in the admin."""

    code = models.SlugField(max_length=60, unique=True)
    phase = models.CharField(_("fase"), max_length=20, choices=PHASE_CHOICES)
    title = models.CharField(_("titel"), max_length=200)
    tip = models.TextField(_("tip"), blank=True, max_length=2000)
    required = models.BooleanField(
        _("verplicht"),
        default=False,
        help_text=_("Moet afgerond (of niet van toepassing) zijn vóór de volgende fase."),
    )
    active = models.BooleanField(_("in gebruik"), default=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("checklistpunt")
        verbose_name_plural = _("checklistpunten")

    def __str__(self):
        return self.title


class Trajectory(Versioned):
    class State(models.TextChoices):
        ACTIVE = flow.ACTIVE, _("actief")
        PAUSED = flow.PAUSED, _("gepauzeerd")
        STOPPED = flow.STOPPED, _("gestopt")

    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True, max_length=4000)
    initiator = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        related_name="initiated_trajectories",
        verbose_name=_("initiatiefnemer"),
    )
    domains = models.ManyToManyField(
        "cooperations.IctDomain", blank=True, related_name="trajectories", verbose_name=_("ICT-domeinen")
    )
    intended_form = models.ForeignKey(
        "cooperations.CooperationForm",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trajectories",
        verbose_name=_("beoogde vorm"),
    )
    phase = models.CharField(_("fase"), max_length=20, choices=PHASE_CHOICES, default=flow.PHASE_CODES[0])
    phase_entered_at = models.DateTimeField(_("fase begonnen op"), auto_now_add=True)
    state = models.CharField(_("toestand"), max_length=12, choices=State.choices, default=State.ACTIVE)
    state_reason = models.TextField(_("reden"), blank=True, max_length=2000)
    public_summary = models.BooleanField(
        _("openbare samenvatting"),
        default=False,
        help_text=_("Iedereen ziet dan naam, deelnemers, domeinen, vorm en fase; niets anders."),
    )
    cooperation = models.OneToOneField(
        "cooperations.Cooperation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trajectory",
        verbose_name=_("registervermelding"),
    )
    business_cases = models.ManyToManyField(
        "businesscases.BusinessCase", blank=True, related_name="trajectories", verbose_name=_("businesscases")
    )
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("samenwerkingstraject")
        verbose_name_plural = _("samenwerkingstrajecten")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("trajectories:detail", args=[self.pk])

    @property
    def phase_name(self):
        return self.get_phase_display()

    def touch(self) -> None:
        """Mark the trajectory as changed when one of its parts (checklist, ambition, decision, answer,
        link) changed: `updated_at` only, without raising its revision, so that an editor of the
        trajectory's own details is not refused because someone ticked a checklist item meanwhile."""
        Trajectory.objects.filter(pk=self.pk).update(updated_at=timezone.now())


class Participant(Versioned):
    class Status(models.TextChoices):
        INVITED = "uitgenodigd", _("uitgenodigd")
        ACCEPTED = "deelnemer", _("neemt deel")
        DECLINED = "afgewezen", _("afgewezen")

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="participants")
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        related_name="trajectory_participations",
        verbose_name=_("gemeente"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.INVITED)
    invited_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["trajectory", "municipality"], name="unique_trajectory_participant"
            )
        ]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")

    def __str__(self):
        return f"{self.municipality} in {self.trajectory}"


class ChecklistState(Versioned):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "gedaan", _("gedaan")
        NOT_APPLICABLE = "nvt", _("niet van toepassing")

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="checklist")
    item = models.ForeignKey(ChecklistItem, on_delete=models.CASCADE, related_name="states")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    note = models.TextField(_("notitie"), blank=True, max_length=2000)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["trajectory", "item"], name="unique_checklist_state")]
        verbose_name = _("checklisttoestand")
        verbose_name_plural = _("checklisttoestanden")

    def __str__(self):
        return f"{self.item} ({self.get_status_display()})"


class Decision(models.Model):
    class Outcome(models.TextChoices):
        GO = "go", _("go")
        NO_GO = "no-go", _("no-go")

    class Body(models.TextChoices):
        STUURGROEP = "stuurgroep", _("stuurgroep")
        COLLEGES = "colleges", _("colleges van B&W")
        RADEN = "raden", _("gemeenteraden")
        SECRETARISSEN = "secretarissen", _("gemeentesecretarissen")
        ANDERS = "anders", _("anders")

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="decisions")
    phase = models.CharField(_("fase"), max_length=20, choices=PHASE_CHOICES)
    outcome = models.CharField(_("besluit"), max_length=6, choices=Outcome.choices)
    date = models.DateField(_("datum"))
    body = models.CharField(_("genomen door"), max_length=20, choices=Body.choices)
    minutes_url = models.URLField(_("link naar besluitenlijst of notulen"), max_length=500, blank=True)
    note = models.TextField(_("toelichting"), blank=True, max_length=2000)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self):
        return f"{self.outcome} {self.phase} {self.date}"


class Ambition(Versioned):
    class Motive(models.TextChoices):
        IMPROVE = "verbeteren", _("beter worden (verbeteren)")
        AVOID = "vermijden", _("problemen voorkomen (vermijden)")

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="ambitions")
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    kwaliteit = models.PositiveSmallIntegerField(_("Kwaliteit"), validators=SCORE_VALIDATORS)
    kosten = models.PositiveSmallIntegerField(_("minder meerKosten"), validators=SCORE_VALIDATORS)
    kwetsbaarheid = models.PositiveSmallIntegerField(_("Kwetsbaarheid verlagen"), validators=SCORE_VALIDATORS)
    personeel = models.PositiveSmallIntegerField(_("Kansen voor personeel"), validators=SCORE_VALIDATORS)
    motive = models.CharField(_("motief"), max_length=12, choices=Motive.choices)
    must_haves = models.TextField(_("harde eisen"), blank=True, max_length=4000)
    deal_breakers = models.TextField(_("breekpunten"), blank=True, max_length=4000)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["trajectory", "municipality"], name="unique_trajectory_ambition")
        ]
        verbose_name = _("ambitie")
        verbose_name_plural = _("ambities")

    def __str__(self):
        return f"{self.municipality} in {self.trajectory}"


class Acknowledgement(models.Model):
    """A partner has seen and discussed the divergences identified by `fingerprint`."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="acknowledgements")
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    fingerprint = models.CharField(max_length=32)
    at = models.DateTimeField(auto_now=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["trajectory", "municipality"], name="unique_trajectory_acknowledgement"
            )
        ]

    def __str__(self):
        return f"{self.municipality} in {self.trajectory}"
