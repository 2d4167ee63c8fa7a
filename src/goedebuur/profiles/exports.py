# SPDX-License-Identifier: EUPL-1.2
"""Exporting a municipality's application landscape as CSV or XLSX, and the import template (the
JSON export is the API's serializer: `api.landscape_file.export_document`).

The CSV and XLSX use the import columns (goedebuur.core.landscape.file_import), so an export can be edited
and imported again. Contract and cost columns are only included when the caller passes
`include_contracts=True`; pages and API decide that with `permissions.can_view_contracts`."""

from __future__ import annotations

from goedebuur.core.landscape import file_import as L

from . import file_messages, landscape

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def landscape_rows(municipality) -> list[tuple[L.LandscapeRow, object]]:
    """(row record, application) per application, components ordered by name."""
    out = []
    for number, application in enumerate(landscape.landscape(municipality), start=2):
        contract = getattr(application, "contract", None)
        row = L.LandscapeRow(
            row=number,
            components=tuple(c.gemma_id for c in application.components.all()),
            product=application.product.name,
            supplier=application.product.supplier.name,
            hosting=application.hosting,
            version=application.version,
            beschikbaarheid=application.beschikbaarheid,
            integriteit=application.integriteit,
            vertrouwelijkheid=application.vertrouwelijkheid,
            rto_hours=application.rto_hours,
            rpo_hours=application.rpo_hours,
            contract_start=contract.start_date if contract else None,
            contract_end=contract.end_date if contract else None,
            notice_months=contract.notice_months if contract else None,
            yearly_cost_eur=contract.yearly_cost_eur if contract else None,
            extension_options=contract.extension_options if contract else "",
        )
        out.append((row, application))
    return out


def _names(pairs) -> dict[str, str]:
    return {c.gemma_id: c.name for _row, application in pairs for c in application.components.all()}


def export_table(municipality, include_contracts: bool, fmt: str) -> bytes:
    """CSV (UTF-8 with BOM, `;`) or XLSX bytes with the import columns."""
    pairs = landscape_rows(municipality)
    names = _names(pairs)
    records = [L.row_cells(row, names) for row, _application in pairs]
    columns = L.columns(include_contracts)
    if fmt == "xlsx":
        return L.write_xlsx(records, columns)
    return L.write_csv(records, columns)


def template(fmt: str) -> bytes:
    """The import template: every column and one example row (XLSX adds a sheet 'toelichting')."""
    if fmt == "xlsx":
        return L.write_xlsx(L.template_records(), L.COLUMN_NAMES, notes=file_messages.column_notes())
    return L.write_csv(L.template_records(), L.COLUMN_NAMES)


def filename(municipality, fmt: str) -> str:
    return f"landschap-{municipality.code}.{fmt}"
