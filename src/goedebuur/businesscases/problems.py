# SPDX-License-Identifier: EUPL-1.2
"""The sentences for the problems the business-case core reports (`core.businesscase.model.Problem`:
the input, a code and values), in the user's language: services, pages, API and the command line
show a case's problems through `phrase` and `validation_error`."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goedebuur.common import number

MESSAGES = {
    # the case as a whole
    "name_missing": gettext_lazy("Geef de businesscase een naam."),
    "horizon_range": gettext_lazy("De horizon moet 1 tot en met %(max)s jaar zijn."),
    "discount_rate_range": gettext_lazy("De discontovoet moet tussen %(low)s %% en %(high)s %% liggen."),
    "distribution_unknown": gettext_lazy("Kies als verdeling 'driehoek' of 'pert'."),
    "baseline_uncertainty_range": gettext_lazy(
        "De onzekerheid van de basislijn moet 0 tot en met 100 %% zijn."
    ),
    # partners and the allocation key
    "partners_too_few": gettext_lazy("Kies ten minste twee verschillende gemeenten."),
    "partner_twice": gettext_lazy("Elke gemeente mag maar één keer meedoen."),
    "inhabitants_negative": gettext_lazy("Het aantal inwoners van %(name)s kan niet negatief zijn."),
    "baseline_eur_negative": gettext_lazy("De ICT-kosten (basislijn) van %(name)s kan niet negatief zijn."),
    "ict_spend_eur_negative": gettext_lazy("De eerdere ICT-uitgaven van %(name)s kan niet negatief zijn."),
    "workplaces_negative": gettext_lazy("Het aantal werkplekken van %(name)s kan niet negatief zijn."),
    "inhabitants_too_large": gettext_lazy("Het aantal inwoners van %(name)s is onwaarschijnlijk groot."),
    "baseline_eur_too_large": gettext_lazy(
        "De ICT-kosten (basislijn) van %(name)s is onwaarschijnlijk groot."
    ),
    "ict_spend_eur_too_large": gettext_lazy(
        "De eerdere ICT-uitgaven van %(name)s is onwaarschijnlijk groot."
    ),
    "workplaces_too_large": gettext_lazy("Het aantal werkplekken van %(name)s is onwaarschijnlijk groot."),
    "allocation_key_unknown": gettext_lazy("Onbekende verdeelsleutel. Kies uit: %(choices)s."),
    "custom_weight_negative": gettext_lazy("Een aandeel in de eigen verdeling kan niet negatief zijn."),
    "allocation_key_all_zero": gettext_lazy("De verdeelsleutel is voor alle gemeenten 0: kies een andere."),
    "allocation_unknown_key": gettext_lazy("Onbekende verdeelsleutel '%(key)s'. Kies uit: %(choices)s."),
    "allocation_custom_share_missing": gettext_lazy(
        "Vul bij de eigen verdeling een aandeel in voor: %(names)s."
    ),
    "allocation_inhabitants_missing": gettext_lazy(
        "Voor de verdeling naar inwoners ontbreekt het aantal inwoners van: %(names)s."
    ),
    "allocation_ict_spend_eur_missing": gettext_lazy(
        "Voor de verdeling naar eerdere ICT-uitgaven ontbreekt de eerdere ICT-uitgaven van: %(names)s."
    ),
    "allocation_workplaces_missing": gettext_lazy(
        "Voor de verdeling naar werkplekken ontbreekt het aantal werkplekken van: %(names)s."
    ),
    "allocation_no_partners": gettext_lazy("Er is geen enkele gemeente om de kosten over te verdelen."),
    "allocation_negative_weight": gettext_lazy("Een verdeelsleutel kan geen negatief gewicht hebben."),
    "allocation_all_zero": gettext_lazy("De verdeelsleutel is overal 0: er valt niets naar te verdelen."),
    "allocation_invalid_weights": gettext_lazy(
        "De verdeelsleutel is ongeldig: gewichten moeten 0 of meer zijn, samen meer dan 0."
    ),
    # ranges (a saving's percentages, a hidden cost's amounts)
    "range_negative": gettext_lazy("%(label)s: de laagste waarde kan niet negatief zijn."),
    "range_order": gettext_lazy("%(label)s: de laagste waarde is hoger dan de hoogste."),
    "range_likely_outside": gettext_lazy(
        "%(label)s: de meest waarschijnlijke waarde moet tussen de laagste en de hoogste liggen."
    ),
    "range_too_high": gettext_lazy("%(label)s: de hoogste waarde is te groot (hooguit %(upper)s)."),
    # savings
    "saving_share_range": gettext_lazy("Het aandeel van %(label)s in de ICT-kosten moet 0-100 %% zijn."),
    "saving_start_outside_horizon": gettext_lazy(
        "Het startjaar van de besparing op %(label)s valt buiten de horizon."
    ),
    "saving_ramp_too_short": gettext_lazy("De ingroei van de besparing op %(label)s is minstens 1 jaar."),
    "saving_shares_above_whole": gettext_lazy(
        "De domeinen beslaan samen %(total)s %% van de ICT-kosten: meer dan 100 %%."
    ),
    # hidden costs and double contracts
    "hidden_cost_twice": gettext_lazy("Elke verborgen kostenpost mag maar één keer voorkomen."),
    "hidden_cost_kind": gettext_lazy("%(label)s: kies 'eenmalig' of 'jaarlijks'."),
    "hidden_cost_year_outside_horizon": gettext_lazy("%(label)s: het jaar valt buiten de horizon."),
    "double_contract_amounts": gettext_lazy("Dubbel contract %(label)s: ongeldige bedragen."),
    # the TOML file of the command line
    "toml_invalid": gettext_lazy("Het bestand is geen geldige TOML: %(error)s."),
    "toml_not_utf8": gettext_lazy(
        "Het bestand is niet opgeslagen als UTF-8 (regel %(line)s). Sla het op als UTF-8, bijvoorbeeld "
        "met 'Opslaan als' en codering UTF-8."
    ),
    "toml_unknown_keys": gettext_lazy("%(where)s: onbekende sleutel(s) %(keys)s. Bekend zijn: %(choices)s."),
    "not_a_number": gettext_lazy("%(where)s: '%(key)s' moet een getal zijn."),
    "not_a_whole_number": gettext_lazy("%(where)s: '%(key)s' moet een geheel getal zijn."),
    "toml_partners_not_tables": gettext_lazy("Geef de gemeenten als [[gemeente]]-tabellen."),
    "toml_municipality_unknown": gettext_lazy(
        "%(where)s: onbekende gemeente '%(code)s'; geef een CBS-code (GM....) of een naam."
    ),
    "toml_domain_missing": gettext_lazy("%(where)s: geef het ICT-domein ('domein')."),
    "toml_costs_not_tables": gettext_lazy(
        "Geef de verborgen kosten als [verborgen_kosten.<sleutel>]-tabellen."
    ),
    "toml_cost_unknown": gettext_lazy("Onbekende verborgen kostenpost: %(keys)s. Kies uit: %(choices)s."),
    "toml_double_contract_incomplete": gettext_lazy(
        "%(where)s: geef 'kosten_per_jaar' (hele euro's) en 'einddatum' (jjjj-mm-dd)."
    ),
}


def _percent(value: float) -> str:
    """A percentage with the decimals it has: 105 or 100,5."""
    return number(value, len(f"{value:g}".partition(".")[2]))


def phrase(problem) -> str:
    """One problem as a sentence in the active language."""
    values = dict(problem.values)
    if values.pop("saving", False):
        values["label"] = _("besparing %(label)s") % {"label": values["label"]}
    for name, value in values.items():
        if isinstance(value, tuple | list):
            values[name] = ", ".join(str(item) for item in value)
    if "upper" in values:
        values["upper"] = number(values["upper"])
    if "total" in values:
        values["total"] = _percent(values["total"])
    if problem.code == "discount_rate_range":
        values.update(low=_percent(values["low"] * 100), high=_percent(values["high"] * 100))
    message = MESSAGES.get(problem.code)
    if message is None:  # a code added to the core without a sentence here
        return f"{problem.field}: {problem.code}"
    return str(message) % values


def messages_by_field(problems) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in problems:
        found.setdefault(problem.field, []).append(phrase(problem))
    return found


def validation_error(problems) -> ValidationError:
    return ValidationError(messages_by_field(problems))
