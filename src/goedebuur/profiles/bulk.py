# SPDX-License-Identifier: EUPL-1.2
"""Writing many applications of one municipality at once (the landscape import): one query per
table instead of ~15 per application, which makes 5,000 rows take seconds instead of half a
minute. The result is the same as `landscape.upsert_application` per row
(tests/profiles/test_import_service.py compares them): shared suppliers and products by normalised
name, one application per product, the components, the contract (replaced when the values have
one), and a history record per application with the tracker's snapshot."""

from __future__ import annotations

from django.db import connections, router
from django.db.models import F

from goedebuur.common import bump
from goedebuur.core.landscape.rules import normalize_name
from goedebuur.history import services as history

from . import landscape
from .history import ApplicationTracker
from .models import Application, Contract, Product, Supplier

BATCH = 500


def write_applications(municipality, cleaned_values: list[dict], user, note: str) -> tuple[int, int]:
    """Write checked values (`landscape.clean_application_values`) of many applications of one
    municipality; returns (created, updated). Call inside a transaction."""
    suppliers = _suppliers({normalize_name(c["supplier"]): c["supplier"] for c in cleaned_values})
    products = _products(
        {
            (suppliers[normalize_name(c["supplier"])].pk, normalize_name(c["product"])): c["product"]
            for c in cleaned_values
        }
    )
    existing = {
        a.product_id: a
        for a in Application.objects.filter(municipality=municipality).select_related("contract")
    }
    fields = ("version", "hosting", *landscape.BIV_FIELDS, "rto_hours", "rpo_hours", "is_demo")
    new, updated, changed, plans = [], [], [], []
    for cleaned in cleaned_values:
        supplier = suppliers[normalize_name(cleaned["supplier"])]
        product = products[(supplier.pk, normalize_name(cleaned["product"]))]
        product.supplier = supplier  # loaded already: the history snapshot reads its name
        application = existing.get(product.pk)
        created = application is None
        if created:
            application = Application(municipality=municipality, product=product)
            new.append(application)
        else:
            application.product, application.municipality = product, municipality
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
    _update_many(Contract, contracts_changed, landscape.CONTRACT_FIELDS)
    contract_of = {c.application_id: c for c in [*contracts_new, *contracts_changed, *contracts_same]}
    for application, _cleaned, created in plans:
        if not created and application.pk not in contract_of and application.pk not in removed:
            current = getattr(application, "contract", None)
            if current is not None and current.pk not in removed:
                contract_of[application.pk] = current

    tracker = ApplicationTracker()
    history.record_many(
        tracker,
        (
            (
                application,
                history.Action.CREATE if created else history.Action.UPDATE,
                tracker.state(
                    application, [c.gemma_id for c in cleaned["components"]], contract_of.get(application.pk)
                ),
            )
            for application, cleaned, created in plans
        ),
        user,
        note,
    )
    created_count = sum(1 for _a, _c, created in plans if created)
    bump("profiles")  # bulk writes send no signals (goedebuur.common.cache)
    return created_count, len(plans) - created_count


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
