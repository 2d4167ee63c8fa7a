# SPDX-License-Identifier: EUPL-1.2
"""The step plan of a cooperation trajectory (issue 7): phases, checklist items with tips, the
decision that closes each phase, and the table of allowed transitions.

Other apps (experiences) refer to phases by `PHASE_CODES`. The module is pure: the app gathers the
facts of one trajectory into `TrajectoryFacts`, and `blockers`, `allowed_actions` and `apply` decide.
A `Blocker` is a code (with the checklist item or the names it concerns); the app phrases it with
gettext, as it names actions, states and the decision that closes each phase. The checklist below
is reference content (seeded into the database, where administrators edit it), not interface text."""

from dataclasses import dataclass

PHASES: tuple[tuple[str, str], ...] = (
    ("verkennen", "Verkennen"),
    ("intentie", "Ambities delen / intentie"),
    ("overeenkomen", "Overeenkomen"),
    ("inrichten", "Inrichten"),
    ("uitvoeren", "Uitvoeren & evalueren"),
)
PHASE_CODES: tuple[str, ...] = tuple(code for code, _ in PHASES)
PHASE_NAMES: dict[str, str] = dict(PHASES)

# The phase whose entry needs aligned ambitions, and after which a trajectory may enter the register.
AGREEMENT_PHASE = "overeenkomen"

ACTIVE, PAUSED, STOPPED = "actief", "gepauzeerd", "gestopt"
STATES: tuple[str, ...] = (ACTIVE, PAUSED, STOPPED)

ADVANCE, BACK, PAUSE, RESUME, STOP = "volgende-fase", "vorige-fase", "pauzeren", "hervatten", "stoppen"
ACTIONS: tuple[str, ...] = (ADVANCE, BACK, PAUSE, RESUME, STOP)
MIN_PARTNERS = 2

# Why an action cannot be taken (Blocker.code).
IS_STOPPED = "stopped"  # a stopped trajectory goes no further
IS_PAUSED = "paused"  # resume first
NOT_PAUSED = "not-paused"  # only a paused trajectory resumes
LAST_PHASE = "last-phase"
FIRST_PHASE = "first-phase"
TOO_FEW_PARTNERS = "too-few-partners"
OPEN_ITEM = "open-item"  # subject: the title of the required checklist item
NO_GO = "no-go"  # the latest decision in the phase
NO_DECISION = "no-decision"  # subject: the phase whose closing decision is missing
ALREADY_STOPPED = "already-stopped"
REASON_NEEDED = "reason-needed"  # to stop
AMBITIONS_MISSING = "ambitions-missing"  # who: the partners that did not fill them in (alignment.gate)
UNACKNOWLEDGED = "unacknowledged"  # who: the partners that did not acknowledge the divergences


@dataclass(frozen=True)
class ChecklistTemplate:
    code: str
    phase: str
    title: str
    tip: str
    required: bool = False  # must be done (or not applicable) before the phase can be left


# Our own text: the defaults platform administrators can edit (the app seeds them into the database).
CHECKLIST: tuple[ChecklistTemplate, ...] = (
    ChecklistTemplate(
        "gedeeld-belang",
        "verkennen",
        "Gedeeld belang en motief per partner benoemen",
        "Schrijf per gemeente op waarom zij wil samenwerken. 'Beter worden' houdt langer stand dan "
        "'problemen ontlopen'; een vermijdend motief is een waarschuwing, geen reden.",
        True,
    ),
    ChecklistTemplate(
        "nulmeting",
        "verkennen",
        "Nulmeting en benchmark van de ICT-kosten",
        "Leg de huidige ICT-kosten per inwoner naast de benchmark (M&I/Partners: € 96 per inwoner in "
        "2021). Zonder nulmeting is later niet te zeggen of de samenwerking iets opleverde.",
    ),
    ChecklistTemplate(
        "landschap-vergelijken",
        "verkennen",
        "Applicatielandschappen en contracteinddata vergelijken",
        "Gelijke pakketten en contracten die rond dezelfde tijd aflopen maken samenwerken goedkoper; "
        "zie de vergelijking van landschappen en de inkoopkansen.",
    ),
    ChecklistTemplate(
        "ambities",
        "intentie",
        "Ambities en doelen afstemmen (de vier K's)",
        "Elke partner vult de vier K's, het motief, harde eisen en breekpunten in. Bespreek de grootste "
        "verschillen voordat u iets tekent, hoe goed de verhouding ook is.",
        True,
    ),
    ChecklistTemplate(
        "businesscase",
        "intentie",
        "Businesscase met verborgen kosten",
        "Reken ook de kosten van het samenwerken zelf mee: voorbereiding, migratie, harmonisatie, dubbele "
        "contracten tot de einddata en extra sturing. Een businessplan voor negen gemeenten (Regio "
        "Nijmegen) kostte € 190.000.",
    ),
    ChecklistTemplate(
        "vorm-kiezen",
        "intentie",
        "Vorm kiezen: licht vóór zwaar",
        "Begin met de lichtste vorm die het doel haalt (convenant, samenwerkingsovereenkomst, DVO) en kies "
        "pas een gemeenschappelijke regeling als die echt nodig is.",
    ),
    ChecklistTemplate(
        "intentieverklaring",
        "intentie",
        "Intentieverklaring opstellen en laten tekenen",
        "Een korte intentieverklaring legt doel, scope en de volgende stap vast; gebruik het concept "
        "onder Documenten als begin.",
    ),
    ChecklistTemplate(
        "governance",
        "overeenkomen",
        "Governance en kostenverdeling afspreken",
        "Leg vast wie beslist (stuurgroep, colleges), hoe geschillen worden opgelost en met welke "
        "verdeelsleutel de kosten worden gedeeld (inwoners, eerdere uitgaven, gebruik of gelijke delen).",
        True,
    ),
    ChecklistTemplate(
        "uittreding",
        "overeenkomen",
        "Exit- en uittredingsvoorwaarden regelen",
        "Spreek vooraf af hoe een gemeente uittreedt: opzegtermijn, uittreedkosten, wat er met gegevens, "
        "personeel en gezamenlijke contracten gebeurt.",
        True,
    ),
    ChecklistTemplate(
        "raad",
        "overeenkomen",
        "Gemeenteraad betrekken",
        "Betrek de raad op tijd (informeren, wensen en bedenkingen, of toestemming bij een "
        "gemeenschappelijke regeling). Een late raad is een veelgenoemde oorzaak van vertraging.",
    ),
    ChecklistTemplate(
        "gegevensbescherming",
        "overeenkomen",
        "Gegevensbescherming en verwerkersafspraken",
        "Regel wie verwerkingsverantwoordelijke is en sluit waar nodig verwerkersovereenkomsten (AVG); "
        "toets de afspraken aan de BIO.",
    ),
    ChecklistTemplate(
        "migratieplan",
        "inrichten",
        "Migratieplan opstellen",
        "Plan de overgang per applicatie en voorziening, met terugvalopties en rekening houdend met "
        "contracteinddata.",
        True,
    ),
    ChecklistTemplate(
        "achtervang",
        "inrichten",
        "Achtervang en uitwijk inrichten en testen",
        "Leg per kritieke dienst RTO en RPO vast en test de uitwijk jaarlijks (BIO 5.30.01, 8.13.02-04).",
    ),
    ChecklistTemplate(
        "personeel",
        "inrichten",
        "Medewerkers meenemen",
        "Informeer en betrek de ICT-medewerkers vroeg; frictie bij personeel is een verborgen kostenpost.",
    ),
    ChecklistTemplate(
        "evaluatiemoment",
        "uitvoeren",
        "Evaluatiemoment vastleggen",
        "Spreek af wanneer en waarop u evalueert (de vier K's en de nulmeting), bijvoorbeeld na een jaar "
        "en daarna elke twee jaar.",
        True,
    ),
    ChecklistTemplate(
        "lessen-delen",
        "uitvoeren",
        "Lessen delen",
        "Deel wat goed en wat fout ging met andere gemeenten via Goede Buur.",
    ),
)

# Who usually takes the decision that closes each phase (a code the app names).
COLLEGES, COLLEGES_AND_COUNCILS, STEERING_GROUP = "colleges", "colleges-en-raden", "stuurgroep"
DECISIONS: dict[str, str] = {
    "verkennen": COLLEGES,
    "intentie": COLLEGES,
    "overeenkomen": COLLEGES_AND_COUNCILS,
    "inrichten": STEERING_GROUP,
    "uitvoeren": COLLEGES,
}


@dataclass(frozen=True)
class Blocker:
    """Why an action cannot be taken now (`code`, about `subject`), and who must act (names; empty:
    all partners)."""

    code: str
    who: tuple[str, ...] = ()
    subject: str = ""


@dataclass(frozen=True)
class TrajectoryFacts:
    phase: str
    state: str
    accepted_partners: int = MIN_PARTNERS
    open_required_items: tuple[str, ...] = ()  # titles of required checklist items still open
    decision: str = ""  # outcome of the latest decision in the current phase: "go", "no-go" or ""
    alignment_blockers: tuple[Blocker, ...] = ()  # from goedebuur.core.trajectory.alignment.gate


class TransitionError(ValueError):
    def __init__(self, action: str, blockers: list[Blocker]):
        self.action = action
        self.blockers = blockers
        super().__init__("; ".join(b.code for b in blockers))


def phase_index(phase: str) -> int:
    return PHASE_CODES.index(phase)


def next_phase(phase: str) -> str | None:
    index = phase_index(phase)
    return PHASE_CODES[index + 1] if index + 1 < len(PHASE_CODES) else None


def previous_phase(phase: str) -> str | None:
    index = phase_index(phase)
    return PHASE_CODES[index - 1] if index > 0 else None


def checklist_for(phase: str) -> tuple[ChecklistTemplate, ...]:
    return tuple(item for item in CHECKLIST if item.phase == phase)


def _state_blockers(state: str, needs: str) -> list[Blocker]:
    if state == needs:
        return []
    if state == STOPPED:
        return [Blocker(IS_STOPPED)]
    if state == PAUSED:
        return [Blocker(IS_PAUSED)]
    return [Blocker(NOT_PAUSED)]


def _advance_blockers(facts: TrajectoryFacts) -> list[Blocker]:
    target = next_phase(facts.phase)
    if target is None:
        return [Blocker(LAST_PHASE)]
    found = []
    if facts.accepted_partners < MIN_PARTNERS:
        found.append(Blocker(TOO_FEW_PARTNERS))
    for title in facts.open_required_items:
        found.append(Blocker(OPEN_ITEM, subject=title))
    if target == AGREEMENT_PHASE:
        found.extend(facts.alignment_blockers)
    if facts.decision == "no-go":
        found.append(Blocker(NO_GO))
    elif facts.decision != "go":
        found.append(Blocker(NO_DECISION, subject=facts.phase))
    return found


def blockers(facts: TrajectoryFacts, action: str) -> list[Blocker]:
    """Every reason why `action` is not allowed now (empty: allowed)."""
    if facts.phase not in PHASE_CODES or facts.state not in STATES:
        raise ValueError(f"Onbekende fase of toestand: {facts.phase!r}, {facts.state!r}")
    if action == ADVANCE:
        return _state_blockers(facts.state, ACTIVE) or _advance_blockers(facts)
    if action == BACK:
        found = _state_blockers(facts.state, ACTIVE)
        if not found and previous_phase(facts.phase) is None:
            found = [Blocker(FIRST_PHASE)]
        return found
    if action == PAUSE:
        return _state_blockers(facts.state, ACTIVE)
    if action == RESUME:
        return _state_blockers(facts.state, PAUSED)
    if action == STOP:
        return [Blocker(ALREADY_STOPPED)] if facts.state == STOPPED else []
    raise ValueError(f"Onbekende actie: {action!r}")


def allowed_actions(facts: TrajectoryFacts) -> tuple[str, ...]:
    return tuple(action for action in ACTIONS if not blockers(facts, action))


def apply(facts: TrajectoryFacts, action: str, reason: str = "") -> tuple[str, str]:
    """The (phase, state) after `action`; raises TransitionError with every blocker when it is not
    allowed. Stopping needs a reason."""
    found = blockers(facts, action)
    if action == STOP and not reason.strip():
        found = [*found, Blocker(REASON_NEEDED)]
    if found:
        raise TransitionError(action, found)
    if action == ADVANCE:
        return next_phase(facts.phase), ACTIVE
    if action == BACK:
        return previous_phase(facts.phase), ACTIVE
    if action == PAUSE:
        return facts.phase, PAUSED
    if action == RESUME:
        return facts.phase, ACTIVE
    return facts.phase, STOPPED


def may_enter_register(phase: str, state: str) -> bool:
    """A trajectory becomes a register entry once the agreement phase is passed."""
    return state != STOPPED and phase_index(phase) > phase_index(AGREEMENT_PHASE)
