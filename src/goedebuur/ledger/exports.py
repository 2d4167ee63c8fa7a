# SPDX-License-Identifier: EUPL-1.2
"""CSV and XLSX of a ledger (one row per municipality and year, then the all-members total per
year, each against the forecast band) and of the platform-wide view (one row per shared ledger).
Column names are stable Dutch snake_case; every cell goes through `safe_cell`."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from goedebuur.core.exports import safe_cell

from . import services
from .models import Ledger

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LEDGER_COLUMNS = (
    "samenwerking",
    "gemeente_code",
    "gemeente",
    "jaar",
    "besparing_eur",
    "eenmalige_kosten_eur",
    "jaarlijkse_kosten_eur",
    "netto_eur",
    "cumulatief_netto_eur",
    "prognose_jaar_p10_eur",
    "prognose_jaar_p50_eur",
    "prognose_jaar_p90_eur",
    "positie_jaar",
    "prognose_cumulatief_p10_eur",
    "prognose_cumulatief_p50_eur",
    "prognose_cumulatief_p90_eur",
    "positie_cumulatief",
    "soort_bron",
    "bron",
    "bron_link",
    "demogegevens",
)
OVERVIEW_COLUMNS = (
    "samenwerking",
    "slug",
    "vorm",
    "ict_domeinen",
    "zichtbaarheid",
    "oordeel",
    "oordeel_jaar",
    "vergeleken_jaren",
    "gerealiseerde_besparing_eur",
    "gerealiseerde_kosten_eur",
    "prognose_besparing_p50_eur",
    "prognose_kosten_p50_eur",
    "demogegevens",
)


def _band(year_verdict, attribute):
    if year_verdict.forecast is None:
        return ("", "", "")
    band = getattr(year_verdict.forecast, attribute)
    return (band.p10, band.p50, band.p90)


def ledger_rows(ledger: Ledger):
    yield LEDGER_COLUMNS
    comparison = services.comparison(ledger)
    sources = {(e.municipality.code, e.year): e for e in services.entries(ledger)}
    demo = "ja" if ledger.is_demo else "nee"
    groups = [(code, comparison.names[code], c) for code, c in comparison.municipalities.items()]
    groups.append((services.TOTAL, _("Alle gemeenten samen"), comparison.total))
    for code, name, result in groups:
        for v in result.years:
            entry = sources.get((code, v.year))
            yield (
                ledger.cooperation.name,
                code,
                name,
                v.year,
                v.realised.savings,
                v.realised.one_off_costs,
                v.realised.yearly_costs,
                v.realised.net,
                v.cumulative_net,
                *_band(v, "net"),
                v.code,
                *_band(v, "cumulative"),
                v.cumulative_code,
                entry.source_kind if entry else "",
                entry.source_title if entry else "",
                entry.source_url if entry else "",
                demo,
            )


def overview_rows(overview: services.Overview):
    yield OVERVIEW_COLUMNS
    for row in overview.rows:
        c = row.comparison
        yield (
            row.name,
            row.slug,
            row.form,
            " ".join(row.domains),
            row.visibility,
            c.code,
            c.year or "",
            c.compared,
            c.realised_savings,
            c.realised_costs,
            c.forecast_savings_p50,
            c.forecast_costs_p50,
            "ja" if row.is_demo else "nee",
        )


def csv_text(rows) -> str:
    out = io.StringIO()
    csv.writer(out).writerows([safe_cell(value) for value in row] for row in rows)
    return out.getvalue()


def xlsx_bytes(rows, title: str) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    for row in rows:
        sheet.append([safe_cell(value, sheet) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
