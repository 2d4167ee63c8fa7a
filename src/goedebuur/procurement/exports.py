# SPDX-License-Identifier: EUPL-1.2
"""The CSV export of joint-purchasing opportunities: one row per contract in a group."""

from __future__ import annotations

import csv
import io

from goedebuur.core.exports import safe_cell

CSV_COLUMNS = (
    "rang",
    "modus",
    "onderwerp",
    "gemma_ids",
    "aantal_gemeenten",
    "gezamenlijke_waarde_eur_per_jaar",
    "contracten_zonder_kosten",
    "contracten_niet_gedeeld",
    "gemiddelde_afstand_km",
    "venster_begin",
    "venster_eind",
    "gemeente_code",
    "gemeente",
    "leverancier",
    "product",
    "einddatum",
    "kosten_eur_per_jaar",
    "demogegevens",
)
NOT_SHARED = "niet gedeeld"


def csv_rows(result):
    """One row per contract in a group, the group's figures repeated; hidden details as "niet
    gedeeld"."""
    yield CSV_COLUMNS
    for g in result.groups:
        for c in g.contracts:
            yield (
                g.rank,
                g.mode,
                g.subject,
                " ".join(key for key, _name in g.keys) if g.mode == "component" else "",
                g.size,
                g.known_value,
                g.unknown_value,
                g.hidden,
                f"{g.mean_distance_km:.1f}",
                g.window_start.isoformat() if g.window_start else NOT_SHARED,
                g.window_end.isoformat() if g.window_end else NOT_SHARED,
                c.municipality_code,
                c.municipality_name,
                c.supplier,
                c.product,
                c.end_date.isoformat() if c.visible else NOT_SHARED,
                ("" if c.yearly_cost is None else c.yearly_cost) if c.visible else NOT_SHARED,
                "ja" if c.is_demo else "nee",
            )


def csv_text(result) -> str:
    """The CSV file of `csv_rows`; every cell through `safe_cell` (text is never a formula)."""
    out = io.StringIO()
    csv.writer(out).writerows([safe_cell(value) for value in row] for row in csv_rows(result))
    return out.getvalue()
