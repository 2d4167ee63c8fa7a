# SPDX-License-Identifier: EUPL-1.2
"""Importing a municipality's application landscape from a CSV or XLSX file.

`read` parses and checks a file (pure rules in goedebuur.core.landscape.file_import) against the GEMMA
components in the database; `plan` says per row whether it creates or updates an application;
`commit` checks every row with the rules of `landscape.upsert_application` and writes them all in
one transaction (`bulk.py`; upsert by municipality + normalised supplier + normalised product), so
the same file twice creates no duplicates and one bad row saves nothing.

Between the preview and the confirmation the checked rows travel signed (and compressed) in the
form, not in process memory or a session: any web process can confirm, and a tampered or stale
payload (older than `MAX_AGE` seconds, or for another municipality or user) is refused."""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction

from goedebuur.core.landscape import file_import as L
from goedebuur.gemma.services import ReferenceComponent

from . import bulk, file_messages, landscape
from .models import Application

MAX_AGE = 60 * 60  # seconds between preview and confirmation
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
SALT = "goedebuur.profiles.landscape-import"
NOTE = "import landschapsbestand"

# The import's one field map: service value -> (attribute of the checked row, file column). The
# contract's values sit under "contract" (service messages: "contract.<name>").
FIELDS = {
    "supplier": ("supplier", "leverancier"),
    "product": ("product", "product"),
    "version": ("version", "versie"),
    "components": ("components", "referentiecomponenten"),
    "hosting": ("hosting", "hosting"),
    "beschikbaarheid": ("beschikbaarheid", "beschikbaarheid"),
    "integriteit": ("integriteit", "integriteit"),
    "vertrouwelijkheid": ("vertrouwelijkheid", "vertrouwelijkheid"),
    "rto_hours": ("rto_hours", "rto_uren"),
    "rpo_hours": ("rpo_hours", "rpo_uren"),
}
CONTRACT_FIELDS = {
    "start_date": ("contract_start", "contract_start"),
    "end_date": ("contract_end", "contract_einde"),
    "notice_months": ("notice_months", "opzegtermijn_maanden"),
    "yearly_cost_eur": ("yearly_cost_eur", "jaarlijkse_kosten_eur"),
    "extension_options": ("extension_options", "verlengingsopties"),
}
COLUMNS = {
    **{name: column for name, (_attr, column) in FIELDS.items()},
    **{f"contract.{name}": column for name, (_attr, column) in CONTRACT_FIELDS.items()},
}


class LandscapeImportError(Exception):
    """The rows could not be saved; nothing was. `errors` are RowErrors."""

    def __init__(self, errors: list[L.RowError]):
        super().__init__("; ".join(file_messages.row_line(e) for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class RowPlan:
    row: L.LandscapeRow
    creates: bool


@dataclass(frozen=True)
class Summary:
    created: int
    updated: int

    @property
    def total(self) -> int:
        return self.created + self.updated


def component_index() -> L.ComponentIndex:
    return L.ComponentIndex(ReferenceComponent.objects.values_list("gemma_id", "name"))


def component_names() -> dict[str, str]:
    return dict(ReferenceComponent.objects.values_list("gemma_id", "name"))


def read(content: bytes) -> L.ImportResult:
    """Parse and check a file; nothing is saved."""
    if len(content) > MAX_UPLOAD_BYTES:
        return L.ImportResult(file_errors=[L.FileError("too_large", mb=MAX_UPLOAD_BYTES // (1024 * 1024))])
    return L.parse(content, component_index())


def existing_keys(municipality) -> set[tuple[str, str]]:
    return set(
        Application.objects.filter(municipality=municipality).values_list(
            "product__supplier__normalized_name", "product__normalized_name"
        )
    )


def plan(municipality, rows: list[L.LandscapeRow]) -> list[RowPlan]:
    """Per row: does it add a new application or update the one the municipality already has?"""
    existing = existing_keys(municipality)
    return [RowPlan(row, row.key not in existing) for row in rows]


def row_values(row: L.LandscapeRow, components: dict[str, ReferenceComponent]) -> dict:
    """The values for `landscape.upsert_application`. A row without contract cells leaves an
    existing contract alone; a row with contract cells replaces the contract."""
    values = {name: getattr(row, attr) for name, (attr, _column) in FIELDS.items()}
    values["components"] = [components.get(c, c) for c in row.components]
    if row.has_contract:
        values["contract"] = {name: getattr(row, attr) for name, (attr, _column) in CONTRACT_FIELDS.items()}
    return values


def commit(municipality, rows: list[L.LandscapeRow], user) -> Summary:
    """Write every row in one transaction, all or nothing. Raises LandscapeImportError (with the
    rows that the services refused) and then nothing is saved.

    Every row is checked and completed by `landscape.clean_application_values` (the same rules and
    defaults as `landscape.upsert_application`), then all are written in bulk (`bulk.py`) with the
    same result as `upsert_application` per row."""
    if not rows:
        raise LandscapeImportError([L.RowError(1, "", "no_applications")])
    wanted = {c for row in rows for c in row.components}
    components = {c.gemma_id: c for c in ReferenceComponent.objects.filter(gemma_id__in=wanted)}
    cleaned_values: list[dict] = []
    errors: list[L.RowError] = []
    for row in rows:
        try:
            cleaned_values.append(landscape.clean_application_values(row_values(row, components)))
        except ValidationError as error:
            errors.extend(_row_errors(row.row, error))
    if errors:
        raise LandscapeImportError(errors)
    with transaction.atomic():
        created, updated = bulk.write_applications(municipality, cleaned_values, user, NOTE)
    return Summary(created, updated)


def _row_errors(number: int, error: ValidationError) -> list[L.RowError]:
    if not hasattr(error, "error_dict"):
        return [L.RowError(number, "", "service", {"message": message}) for message in error.messages]
    return [
        L.RowError(number, COLUMNS.get(field, field), "service", {"message": message})
        for field, messages in error.message_dict.items()
        for message in messages
    ]


def import_file(
    municipality, content: bytes, user, *, dry_run=False
) -> tuple[L.ImportResult, Summary | None]:
    """Read, check and (unless dry_run or there are errors) commit a file. When the services refuse
    a row the errors are added to the result and nothing is saved."""
    result = read(content)
    if not result.ok:
        return result, None
    if dry_run:
        plans = plan(municipality, result.rows)
        creates = sum(p.creates for p in plans)
        return result, Summary(creates, len(plans) - creates)
    try:
        return result, commit(municipality, result.rows, user)
    except LandscapeImportError as error:
        result.errors.extend(error.errors)
        return result, None


# --- carrying the checked rows from the preview to the confirmation --------------------------------


def sign_rows(municipality, user, rows: list[L.LandscapeRow], filename: str = "") -> str:
    payload = {
        "m": municipality.code,
        "u": user.pk,
        "f": filename[:200],
        "rows": [row.to_json() for row in rows],
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def unsign_rows(token: str, municipality, user) -> tuple[list[L.LandscapeRow], str]:
    """(rows, filename); raises signing.BadSignature (also for an expired or foreign payload)."""
    payload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    if payload.get("m") != municipality.code or payload.get("u") != user.pk:
        raise signing.BadSignature("payload for another municipality or user")
    return [L.LandscapeRow.from_json(r) for r in payload["rows"]], payload.get("f", "")
