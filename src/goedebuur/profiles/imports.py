# SPDX-License-Identifier: EUPL-1.2
"""Importing a municipality's application landscape from a CSV or XLSX file.

`read` parses and checks a file (pure rules in goedebuur.core.landscape.file_import) against the GEMMA
components in the database; `plan` says per row whether it creates or updates an application;
`commit` writes all rows in one transaction through `services.upsert_application` (upsert by
municipality + normalised supplier + normalised product), so the same file twice creates no
duplicates and one bad row saves nothing.

Between the preview and the confirmation the checked rows travel signed (and compressed) in the
form, not in process memory or a session: any web process can confirm, and a tampered or stale
payload (older than `MAX_AGE` seconds, or for another municipality or user) is refused."""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import connections, router, transaction
from django.db.models import F
from django.utils.translation import gettext

from goedebuur.core.history import diff_snapshots
from goedebuur.core.landscape import file_import as L
from goedebuur.core.landscape.rules import normalize_name
from goedebuur.gemma.models import ReferenceComponent
from goedebuur.history.models import ChangeRecord

from . import services
from .models import Application, Contract, Product, Supplier

MAX_AGE = 60 * 60  # seconds between preview and confirmation
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
SALT = "goedebuur.profiles.landscape-import"
NOTE = "import landschapsbestand"

# the names of the service's validation keys, as file columns (for messages per row)
SERVICE_FIELD_COLUMNS = {
    "supplier": "leverancier",
    "product": "product",
    "version": "versie",
    "components": "referentiecomponenten",
    "hosting": "hosting",
    "beschikbaarheid": "beschikbaarheid",
    "integriteit": "integriteit",
    "vertrouwelijkheid": "vertrouwelijkheid",
    "rto_hours": "rto_uren",
    "rpo_hours": "rpo_uren",
    "contract.start_date": "contract_start",
    "contract.end_date": "contract_einde",
    "contract.notice_months": "opzegtermijn_maanden",
    "contract.yearly_cost_eur": "jaarlijkse_kosten_eur",
    "contract.extension_options": "verlengingsopties",
}


class LandscapeImportError(Exception):
    """The rows could not be saved; nothing was. `errors` are RowErrors."""

    def __init__(self, errors: list[L.RowError]):
        super().__init__("; ".join(str(e) for e in errors))
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
        return L.ImportResult(
            file_errors=[
                gettext("Het bestand is te groot (meer dan %(mb)s MB).")
                % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
            ]
        )
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
    """The values for `services.upsert_application`. A row without contract cells leaves an
    existing contract alone; a row with contract cells replaces the contract."""
    values = {
        "supplier": row.supplier,
        "product": row.product,
        "version": row.version,
        "components": [components.get(c, c) for c in row.components],
        "hosting": row.hosting,
        "beschikbaarheid": row.beschikbaarheid,
        "integriteit": row.integriteit,
        "vertrouwelijkheid": row.vertrouwelijkheid,
        "rto_hours": row.rto_hours,
        "rpo_hours": row.rpo_hours,
    }
    if row.has_contract:
        values["contract"] = {
            "start_date": row.contract_start,
            "end_date": row.contract_end,
            "notice_months": row.notice_months,
            "yearly_cost_eur": row.yearly_cost_eur,
            "extension_options": row.extension_options,
        }
    return values


def commit(municipality, rows: list[L.LandscapeRow], user) -> Summary:
    """Write every row in one transaction, all or nothing. Raises LandscapeImportError (with the
    rows that the services refused) and then nothing is saved.

    Every row is checked and completed by `services.clean_application_values` (the same rules and
    defaults as `services.upsert_application`), then written in bulk: one query per table instead
    of ~15 per row, which makes 5,000 rows take seconds instead of half a minute. The result is the
    same as calling `upsert_application` per row (tests/profiles/test_import_service.py compares
    them): shared suppliers and products by normalised name, one application per product, the
    components, the contract (replaced when the row has contract cells), and a history record per
    application with the same snapshot."""
    if not rows:
        raise LandscapeImportError([L.RowError(1, "", gettext("Het bestand bevat geen applicaties."))])
    wanted = {c for row in rows for c in row.components}
    components = {c.gemma_id: c for c in ReferenceComponent.objects.filter(gemma_id__in=wanted)}
    cleaned_rows: list[tuple[L.LandscapeRow, dict]] = []
    errors: list[L.RowError] = []
    for row in rows:
        try:
            cleaned_rows.append((row, services.clean_application_values(row_values(row, components))))
        except ValidationError as error:
            errors.extend(_row_errors(row.row, error))
    if errors:
        raise LandscapeImportError(errors)
    with transaction.atomic():
        return _write_bulk(municipality, cleaned_rows, user)


def _write_bulk(municipality, cleaned_rows, user) -> Summary:
    suppliers = _suppliers({normalize_name(c["supplier"]): c["supplier"] for _row, c in cleaned_rows})
    products = _products(
        {
            (suppliers[normalize_name(c["supplier"])].pk, normalize_name(c["product"])): c["product"]
            for _row, c in cleaned_rows
        }
    )
    existing = {
        a.product_id: a
        for a in Application.objects.filter(municipality=municipality).select_related("contract")
    }
    fields = ("version", "hosting", *services.BIV_FIELDS, "rto_hours", "rpo_hours", "is_demo")
    new, updated, changed, plans = [], [], [], []
    for _row, cleaned in cleaned_rows:
        product = products[
            (suppliers[normalize_name(cleaned["supplier"])].pk, normalize_name(cleaned["product"]))
        ]
        application = existing.get(product.pk)
        created = application is None
        if created:
            application = Application(municipality=municipality, product=product)
            new.append(application)
        else:
            updated.append(application)
        before = None if created else [getattr(application, name) for name in fields]
        for name in fields:
            setattr(application, name, cleaned[name])
        if not created and before != [getattr(application, name) for name in fields]:
            changed.append(application)
        plans.append((application, cleaned, created))
    Application.objects.bulk_create(new, batch_size=BATCH)
    _update_many(Application, changed, fields)
    # Every existing application gets a new version (components, contract, history): raise its
    # revision so that an edit form opened before the import cannot overwrite it (history/locking.py).
    Application.objects.filter(pk__in=[a.pk for a in updated]).update(revision=F("revision") + 1)

    through = Application.components.through
    through.objects.filter(application_id__in=[a.pk for a in updated]).delete()
    through.objects.bulk_create(
        [
            through(application_id=application.pk, referencecomponent_id=component.pk)
            for application, cleaned, _created in plans
            for component in cleaned["components"]
        ],
        batch_size=BATCH,
    )

    contracts_new, contracts_changed, contracts_same, removed = [], [], [], []
    for application, cleaned, created in plans:
        if "contract" not in cleaned:
            continue
        current = None if created else getattr(application, "contract", None)
        values = cleaned["contract"]
        if values is None:
            if current is not None:
                removed.append(current.pk)
            continue
        if current is None:
            contracts_new.append(Contract(application=application, **values))
        else:
            if any(getattr(current, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(current, name, value)
                contracts_changed.append(current)
            else:
                contracts_same.append(current)
    Contract.objects.filter(pk__in=removed).delete()
    Contract.objects.bulk_create(contracts_new, batch_size=BATCH)
    _update_many(Contract, contracts_changed, services.CONTRACT_FIELDS)
    contract_of = {c.application_id: c for c in [*contracts_new, *contracts_changed, *contracts_same]}
    for application, _cleaned, created in plans:
        if not created and application.pk not in contract_of and application.pk not in removed:
            current = getattr(application, "contract", None)
            if current is not None and current.pk not in removed:
                contract_of[application.pk] = current

    _record_bulk(municipality, plans, contract_of, user)
    created_count = sum(1 for _a, _c, created in plans if created)
    return Summary(created_count, len(plans) - created_count)


BATCH = 500


def _update_many(model, objects, fields):
    """UPDATE ... WHERE id = ? for each object, as one executemany (Django's bulk_update builds a
    CASE expression per field and row, which takes seconds for a few thousand rows)."""
    if not objects:
        return
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        connection.ops.quote_name(meta.db_table),
        ", ".join(f"{connection.ops.quote_name(f.column)} = %s" for f in columns),
        connection.ops.quote_name(meta.pk.column),
    )
    params = [
        [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in columns] + [obj.pk]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _suppliers(names: dict[str, str]) -> dict[str, Supplier]:
    """Shared supplier records by normalised name; missing ones are created (first spelling wins)."""
    found = {s.normalized_name: s for s in Supplier.objects.filter(normalized_name__in=list(names))}
    missing = [Supplier(name=name, normalized_name=key) for key, name in names.items() if key not in found]
    if missing:
        Supplier.objects.bulk_create(missing, batch_size=BATCH, ignore_conflicts=True)
        found = {s.normalized_name: s for s in Supplier.objects.filter(normalized_name__in=list(names))}
    return found


def _products(names: dict[tuple[int, str], str]) -> dict[tuple[int, str], Product]:
    def load():
        supplier_ids = {s for s, _k in names}
        keys = {k for _s, k in names}
        return {
            (p.supplier_id, p.normalized_name): p
            for p in Product.objects.filter(supplier_id__in=supplier_ids, normalized_name__in=keys)
        }

    found = load()
    missing = [
        Product(supplier_id=s, name=name, normalized_name=k)
        for (s, k), name in names.items()
        if (s, k) not in found
    ]
    if missing:
        Product.objects.bulk_create(missing, batch_size=BATCH, ignore_conflicts=True)
        found = load()
    return found


def _record_bulk(municipality, plans, contract_of, user):
    """One history record per application, with the snapshot `services.application_snapshot`
    gives and the differences against the previous record."""
    ids = [str(application.pk) for application, _c, created in plans if not created]
    previous: dict[str, dict] = {}
    if ids:
        for record in (
            ChangeRecord.objects.filter(model=services.APPLICATION_HISTORY_MODEL, object_id__in=ids)
            .order_by("object_id", "-at", "-id")
            .only("object_id", "snapshot")
        ):
            previous.setdefault(record.object_id, record.snapshot)
    real_user = user if user is not None and user.is_authenticated else None
    user_repr = user.get_username() if real_user else "systeem"
    records = []
    for application, cleaned, created in plans:
        contract = contract_of.get(application.pk)
        snapshot = {
            "municipality": municipality.code,
            "supplier": application.product.supplier.name,
            "product": application.product.name,
            "version": application.version,
            "components": sorted(c.gemma_id for c in cleaned["components"]),
            "hosting": application.hosting,
            "beschikbaarheid": application.beschikbaarheid,
            "integriteit": application.integriteit,
            "vertrouwelijkheid": application.vertrouwelijkheid,
            "rto_hours": application.rto_hours,
            "rpo_hours": application.rpo_hours,
            "is_demo": application.is_demo,
            "contract": None
            if contract is None
            else {
                "start_date": _iso(contract.start_date),
                "end_date": _iso(contract.end_date),
                "notice_months": contract.notice_months,
                "yearly_cost_eur": contract.yearly_cost_eur,
                "extension_options": contract.extension_options,
            },
        }
        records.append(
            ChangeRecord(
                model=services.APPLICATION_HISTORY_MODEL,
                object_id=str(application.pk),
                object_repr=f"{application.product.name} ({municipality.code})"[:300],
                action="create" if created else "update",
                user=real_user,
                user_repr=user_repr,
                snapshot=snapshot,
                changes=diff_snapshots(previous.get(str(application.pk)), snapshot),
                note=NOTE,
            )
        )
    ChangeRecord.objects.bulk_create(records, batch_size=BATCH)


def _iso(value):
    return value.isoformat() if value else None


def _row_errors(number: int, error: ValidationError) -> list[L.RowError]:
    if not hasattr(error, "error_dict"):
        return [L.RowError(number, "", message) for message in error.messages]
    return [
        L.RowError(number, SERVICE_FIELD_COLUMNS.get(field, field), message)
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
