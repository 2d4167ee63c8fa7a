# SPDX-License-Identifier: EUPL-1.2
"""The step plan in words: why a step cannot be taken (the core's blocker codes) and the decision
that closes each phase, phrased with gettext so that they translate (re-exported by services)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goedebuur.core.trajectory import workflow as flow

REASONS = {
    flow.IS_STOPPED: gettext_lazy("Het traject is gestopt; een gestopt traject kan niet verder."),
    flow.IS_PAUSED: gettext_lazy("Het traject is gepauzeerd; hervat het eerst."),
    flow.NOT_PAUSED: gettext_lazy("Het traject is niet gepauzeerd."),
    flow.LAST_PHASE: gettext_lazy(
        "Dit is de laatste fase; evalueer en vernieuw de samenwerking binnen deze fase."
    ),
    flow.FIRST_PHASE: gettext_lazy("Dit is de eerste fase; er is geen vorige fase."),
    flow.TOO_FEW_PARTNERS: gettext_lazy(
        "Er zijn nog geen twee gemeenten die deelnemen; een uitgenodigde gemeente moet de uitnodiging "
        "eerst aannemen."
    ),
    flow.NO_GO: gettext_lazy(
        "Het laatste besluit in deze fase is no-go; leg een nieuw go-besluit vast of stop het traject."
    ),
    flow.ALREADY_STOPPED: gettext_lazy("Het traject is al gestopt."),
    flow.REASON_NEEDED: gettext_lazy("Geef een reden om te stoppen."),
    flow.AMBITIONS_MISSING: gettext_lazy("Nog niet elke partner heeft de ambities ingevuld."),
    flow.UNACKNOWLEDGED: gettext_lazy(
        "De verschillen in ambities zijn nog niet door elke partner bevestigd."
    ),
}
QUESTIONS = {
    "verkennen": gettext_lazy("Gaan we samen ambities delen en een intentie uitspreken?"),
    "intentie": gettext_lazy("Tekenen we de intentieverklaring en werken we een overeenkomst uit?"),
    "overeenkomen": gettext_lazy("Gaan we de samenwerking aan zoals afgesproken?"),
    "inrichten": gettext_lazy("Is alles ingericht om te starten?"),
    "uitvoeren": gettext_lazy("Zetten we de samenwerking na de evaluatie voort?"),
}
USUAL_BODIES = {
    flow.COLLEGES: gettext_lazy("colleges"),
    flow.COLLEGES_AND_COUNCILS: gettext_lazy("colleges en raden"),
    flow.STEERING_GROUP: gettext_lazy("stuurgroep"),
}


@dataclass(frozen=True)
class Reason:
    """A blocker in words: `reason`, and who must act (names; empty: all partners)."""

    reason: str
    who: tuple[str, ...] = ()


@dataclass(frozen=True)
class DecisionQuestion:
    question: str
    usual_body: str


def phrase(blocker: flow.Blocker) -> Reason:
    if blocker.code == flow.OPEN_ITEM:
        text = _("Checklistpunt '%(title)s' is nog niet afgerond.") % {"title": blocker.subject}
    elif blocker.code == flow.NO_DECISION:
        text = _("Er is nog geen go-besluit vastgelegd: %(question)s") % {
            "question": QUESTIONS[blocker.subject]
        }
    else:
        text = str(REASONS[blocker.code])
    return Reason(text, blocker.who)


def decision_question(phase: str) -> DecisionQuestion:
    """The decision that closes `phase`, and who usually takes it."""
    return DecisionQuestion(str(QUESTIONS[phase]), str(USUAL_BODIES[flow.DECISIONS[phase]]))
