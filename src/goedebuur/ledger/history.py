# SPDX-License-Identifier: EUPL-1.2
"""How a savings ledger enters the history: a full snapshot (settings, baselines, the forecast
copy and every realised year) after each change, and how such a snapshot is written back."""

from goedebuur.history import services as history
from goedebuur.municipalities.models import Municipality

from .models import Entry, Ledger

ENTRY_FIELDS = (
    "savings",
    "one_off_costs",
    "yearly_costs",
    "source_kind",
    "source_title",
    "source_url",
    "note",
)


@history.register
class LedgerTracker(history.Tracker):
    model = Ledger
    label = "ledger.ledger"

    def describe(self, ledger):
        return str(ledger.cooperation)

    def snapshot(self, ledger):
        return {
            "cooperation": ledger.cooperation.slug,
            "business_case": ledger.business_case_id,
            "visibility": ledger.visibility,
            "start_year": ledger.start_year,
            "baselines": ledger.baselines,
            "forecast": ledger.forecast,
            "entries": [
                {
                    "municipality": e.municipality.code,
                    "year": e.year,
                    **{f: getattr(e, f) for f in ENTRY_FIELDS},
                }
                for e in ledger.entries.select_related("municipality").order_by("year", "municipality__code")
            ],
        }

    def apply(self, ledger, state, *, user, object_id):
        ledger.visibility = state["visibility"]
        ledger.start_year = state["start_year"]
        ledger.baselines = state["baselines"]
        ledger.forecast = state["forecast"]
        # the business case may have been deleted since: then the ledger keeps its copy of the forecast
        case_id = state.get("business_case")
        ledger.business_case_id = case_id if case_id and _case_exists(case_id) else None
        ledger.save()
        wanted = {(row["municipality"], row["year"]): row for row in state["entries"]}
        municipalities = Municipality.objects.in_bulk({code for code, _year in wanted}, field_name="code")
        for entry in ledger.entries.select_related("municipality"):
            if (entry.municipality.code, entry.year) not in wanted:
                entry.delete()
        for (code, year), row in wanted.items():
            if code not in municipalities:
                continue
            entry = Entry.objects.filter(ledger=ledger, municipality=municipalities[code], year=year).first()
            entry = entry or Entry(ledger=ledger, municipality=municipalities[code], year=year)
            for name in ENTRY_FIELDS:
                setattr(entry, name, row[name])
            entry.save()
        return ledger


def _case_exists(case_id) -> bool:
    return Ledger._meta.get_field("business_case").related_model.objects.filter(pk=case_id).exists()
