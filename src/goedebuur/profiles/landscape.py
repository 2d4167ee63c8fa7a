# SPDX-License-Identifier: EUPL-1.2
"""The application landscape: shared supplier and product records, and a municipality's
applications with their GEMMA components and contract.

Every change goes through `upsert_application`, `save_application`, `update_application`,
`delete_application` or `restore_application`, which check the values (Dutch messages per field,
nothing saved on error), write and record a full snapshot in the history (`history.py`).
Applications are `Versioned`: a save from an outdated copy raises `EditConflict`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from goedebuur.common import EARLIEST_DATE
from goedebuur.core.landscape.rules import biv_from_components, default_recovery, normalize_name
from goedebuur.gemma import services as gemma
from goedebuur.history import services as history
from goedebuur.municipalities.models import Municipality

from .models import Application, Contract, Product, Supplier

ReferenceComponent = gemma.ReferenceComponent

CONTRACT_FIELDS = ("start_date", "end_date", "notice_months", "yearly_cost_eur", "extension_options")
BIV_FIELDS = ("beschikbaarheid", "integriteit", "vertrouwelijkheid")
NAME_MAX = 200


def get_or_create_supplier(name: str) -> Supplier:
    """The shared supplier record for `name`; spelling variants ("Centric B.V.", "centric
    nederland") resolve to the same record. The first spelling seen becomes the display name."""
    name = " ".join(str(name or "").split())
    key = normalize_name(name)
    if not key:
        raise ValidationError({"supplier": _("Vul de naam van de leverancier in.")})
    if len(name) > NAME_MAX:
        raise ValidationError({"supplier": _("De naam van de leverancier is te lang (hooguit 200 tekens).")})
    supplier = Supplier.objects.filter(normalized_name=key).first()
    if supplier:
        return supplier
    try:
        with transaction.atomic():
            return Supplier.objects.create(name=name, normalized_name=key)
    except IntegrityError:  # created concurrently
        return Supplier.objects.get(normalized_name=key)


def get_or_create_product(supplier_name: str, product_name: str) -> Product:
    """The shared product record of that supplier; spelling variants resolve to one record."""
    product_name = " ".join(str(product_name or "").split())
    key = normalize_name(product_name)
    if not key:
        raise ValidationError({"product": _("Vul de naam van het product in.")})
    if len(product_name) > NAME_MAX:
        raise ValidationError({"product": _("De naam van het product is te lang (hooguit 200 tekens).")})
    supplier = get_or_create_supplier(supplier_name)
    product = Product.objects.filter(supplier=supplier, normalized_name=key).first()
    if product:
        return product
    try:
        with transaction.atomic():
            return Product.objects.create(supplier=supplier, name=product_name, normalized_name=key)
    except IntegrityError:
        return Product.objects.get(supplier=supplier, normalized_name=key)


def find_product(supplier_name: str, product_name: str) -> Product | None:
    """The existing product for these names (after normalisation), or None; creates nothing."""
    supplier = Supplier.objects.filter(normalized_name=normalize_name(supplier_name)).first()
    if supplier is None:
        return None
    return Product.objects.filter(supplier=supplier, normalized_name=normalize_name(product_name)).first()


def landscape(municipality: Municipality):
    """The municipality's applications with product, supplier, components and contract loaded."""
    return (
        Application.objects.filter(municipality=municipality)
        .select_related("product__supplier", "contract")
        .prefetch_related(Prefetch("components", queryset=ReferenceComponent.objects.order_by("name")))
        .order_by("product__name", "pk")
    )


def hosted_products(municipality_ids: Iterable[int]) -> list[tuple[int, int, str, str]]:
    """(municipality id, product id, product name, supplier name) of every application the supplier
    hosts (SaaS) for these municipalities, in one query of plain values (the common-mode warnings of
    the suggested achtervang pairs, for the whole country at once)."""
    return list(
        Application.objects.filter(
            municipality_id__in=list(municipality_ids), hosting=Application.Hosting.SAAS
        )
        .order_by("municipality_id", "product__name", "pk")
        .values_list("municipality_id", "product_id", "product__name", "product__supplier__name")
    )


def resolve_components(values: Iterable) -> list[ReferenceComponent]:
    """Reference components from instances, primary keys, GEMMA ids or exact names (any case).
    Raises a ValidationError naming the ones that are unknown."""
    found: list[ReferenceComponent] = []
    unknown: list[str] = []
    for value in values or ():
        if isinstance(value, ReferenceComponent):
            found.append(value)
            continue
        text = str(value).strip()
        if not text:
            continue
        component = None
        if text.isdigit():
            component = ReferenceComponent.objects.filter(pk=int(text)).first()
        if component is None:
            component = ReferenceComponent.objects.filter(gemma_id=text).first()
        if component is None:
            component = ReferenceComponent.objects.filter(name__iexact=text).first()
        if component is None:
            unknown.append(text)
        elif component not in found:
            found.append(component)
    if unknown:
        raise ValidationError(
            {
                "components": _("Onbekende GEMMA-referentiecomponent: %(names)s.")
                % {"names": ", ".join(unknown)}
            }
        )
    return found


def clean_application_values(values: Mapping, *, partial_base: Application | None = None) -> dict:
    """Check and complete the values of one application without saving anything.

    `values` keys: supplier, product (names), version, components (instances, ids, GEMMA ids or
    names), hosting, beschikbaarheid, integriteit, vertrouwelijkheid, rto_hours, rpo_hours, is_demo,
    and contract (a mapping with start_date, end_date, notice_months, yearly_cost_eur,
    extension_options; None removes the contract; absent leaves it as it is). Missing B/I/V
    are pre-filled from the components' GEMMA scores (highest per aspect), missing RTO/RPO from
    `default_recovery(beschikbaarheid)`. Returns the cleaned values; raises ValidationError with a
    Dutch message per field."""
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    cleaned: dict = {}
    supplier = " ".join(str(values.get("supplier") or "").split())
    product = " ".join(str(values.get("product") or "").split())
    if not normalize_name(supplier):
        add("supplier", _("Vul de naam van de leverancier in."))
    elif len(supplier) > NAME_MAX:
        add("supplier", _("De naam van de leverancier is te lang (hooguit 200 tekens)."))
    if not normalize_name(product):
        add("product", _("Vul de naam van het product in."))
    elif len(product) > NAME_MAX:
        add("product", _("De naam van het product is te lang (hooguit 200 tekens)."))
    cleaned["supplier"], cleaned["product"] = supplier, product

    version = str(values.get("version") or "").strip()
    if len(version) > 60:
        add("version", _("De versie is te lang (hooguit 60 tekens)."))
    cleaned["version"] = version

    components: list[ReferenceComponent] = []
    try:
        components = resolve_components(values.get("components") or [])
    except ValidationError as exc:
        for message in exc.message_dict["components"]:
            add("components", message)
    else:
        if not components:
            add("components", _("Kies ten minste één GEMMA-referentiecomponent."))
    cleaned["components"] = components

    hosting = str(values.get("hosting") or "").strip()
    if hosting not in Application.Hosting.values:
        add("hosting", _("Kies de hosting: on-premises, saas of gedeeld-datacenter."))
    cleaned["hosting"] = hosting

    defaults = biv_from_components(
        (c.beschikbaarheid, c.integriteit, c.vertrouwelijkheid) for c in components
    )
    for i, name in enumerate(BIV_FIELDS):
        raw = values.get(name)
        if raw in (None, ""):
            cleaned[name] = defaults[i]
            continue
        number = _int(raw)
        if number is None or not 1 <= number <= 3:
            add(name, _("Vul een geheel getal van 1 tot en met 3 in."))
        cleaned[name] = number
    rto, rpo = default_recovery(cleaned.get("beschikbaarheid") if "beschikbaarheid" not in errors else None)
    for name, default in (("rto_hours", rto), ("rpo_hours", rpo)):
        raw = values.get(name)
        if raw in (None, ""):
            cleaned[name] = default
            continue
        number = _int(raw)
        if number is None or number < 0:
            add(name, _("Vul een geheel aantal uren van 0 of meer in."))
        cleaned[name] = number
    cleaned["is_demo"] = bool(values.get("is_demo", False))

    if "contract" in values:
        contract = values.get("contract")
        if contract is None:
            cleaned["contract"] = None
        else:
            cleaned["contract"] = _clean_contract(contract, add)
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_contract(contract: Mapping, add) -> dict | None:
    out: dict = {}
    for name in ("start_date", "end_date"):
        raw = contract.get(name)
        if raw in (None, ""):
            out[name] = None
        elif isinstance(raw, dt.date):
            out[name] = raw
        else:
            try:
                out[name] = dt.date.fromisoformat(str(raw).strip())
            except ValueError:
                add(f"contract.{name}", _("Vul een geldige datum in (jjjj-mm-dd)."))
    for name in ("start_date", "end_date"):
        if out.get(name) and not (EARLIEST_DATE <= out[name] <= dt.date(2100, 12, 31)):
            add(f"contract.{name}", _("Kies een datum tussen 1980 en 2100."))
    if out.get("start_date") and out.get("end_date") and out["end_date"] < out["start_date"]:
        add("contract.end_date", _("De einddatum ligt vóór de startdatum."))
    for name, message in (
        ("notice_months", _("Vul een opzegtermijn in hele maanden van 0 of meer in.")),
        ("yearly_cost_eur", _("Vul de kosten per jaar in hele euro's van 0 of meer in.")),
    ):
        raw = contract.get(name)
        if raw in (None, ""):
            out[name] = None
            continue
        number = _int(raw)
        if number is None or number < 0 or number > 2_000_000_000:
            add(f"contract.{name}", message)
        out[name] = number
    out["extension_options"] = str(contract.get("extension_options") or "").strip()
    if not any(out.get(name) not in (None, "") for name in CONTRACT_FIELDS):
        return None  # an empty contract is no contract
    return out


@transaction.atomic
def upsert_application(
    municipality: Municipality, values: Mapping, user, *, note=""
) -> tuple[Application, bool]:
    """Create or update the municipality's application for the product named in `values` (see
    `clean_application_values`). Returns (application, created)."""
    cleaned = clean_application_values(values)
    product = get_or_create_product(cleaned["supplier"], cleaned["product"])
    application = Application.objects.filter(municipality=municipality, product=product).first()
    return _write(municipality, application, product, cleaned, user, note), application is None


@transaction.atomic
def save_application(
    municipality: Municipality, application: Application | None, values: Mapping, user, *, note=""
):
    """Create (application None) or update one specific application, whose product may change;
    refuses a product the municipality already has as another application."""
    cleaned = clean_application_values(values)
    product = get_or_create_product(cleaned["supplier"], cleaned["product"])
    clash = Application.objects.filter(municipality=municipality, product=product)
    if application is not None:
        clash = clash.exclude(pk=application.pk)
    if clash.exists():
        raise ValidationError({"product": _("Deze gemeente heeft dit product al in het landschap.")})
    return _write(municipality, application, product, cleaned, user, note)


def write_application(municipality, application, product, cleaned, *, pk=None) -> Application:
    """Write checked values (`clean_application_values`) to `application` (None: a new one, with
    primary key `pk` when given); the caller records the change."""
    if application is None:
        application = Application(municipality=municipality, pk=pk)
    application.product = product
    for name in ("version", "hosting", *BIV_FIELDS, "rto_hours", "rpo_hours", "is_demo"):
        setattr(application, name, cleaned[name])
    application.save()
    application.components.set(cleaned["components"])
    if "contract" in cleaned:
        contract_values = cleaned["contract"]
        if contract_values is None:
            Contract.objects.filter(application=application).delete()
        else:
            Contract.objects.update_or_create(application=application, defaults=contract_values)
    return application


def _write(municipality, application, product, cleaned, user, note):
    action = history.Action.CREATE if application is None else history.Action.UPDATE
    application = write_application(municipality, application, product, cleaned)
    history.record(application, action, user, note)
    return application


def current_values(application: Application) -> dict:
    """The application's values in the shape `save_application` takes (its history snapshot)."""
    values = history.tracker_for(application).snapshot(application)
    values.pop("municipality")
    return values


@transaction.atomic
def update_application(
    municipality: Municipality, application: Application, values: Mapping, user, *, partial=False, note=""
) -> Application:
    """Change an existing application. `partial`: only the values given change; otherwise all are
    replaced (a missing contract removes it), except the demo marking, which stays."""
    base = current_values(application) if partial else {"is_demo": application.is_demo}
    return save_application(municipality, application, {**base, **values}, user, note=note)


@transaction.atomic
def delete_application(application: Application, user, note="") -> None:
    """Delete the application; raises EditConflict when it changed after `application` was loaded
    (or after the revision the caller set with `expect_revision`)."""
    application.save(update_fields=["revision"])  # the revision check of history/locking.py
    history.record(application, history.Action.DELETE, user, note)
    application.delete()


def application_versions(municipality: Municipality, application_id: int):
    """The history of one application of this municipality, also after it was deleted; empty
    when the id never belonged to the municipality."""
    records = history.removed_versions(Application, application_id)
    latest = records.order_by("-at", "-id").first()
    if latest is None or latest.snapshot.get("municipality") != municipality.code:
        return records.none()
    return records


def restore_application(municipality: Municipality, application_id: int, record_id: int, user) -> Application:
    """Bring an application back to the state recorded in one of its history records, also when
    it was deleted (it then comes back with the same id). Records a "restore" change."""
    if not application_versions(municipality, application_id).filter(pk=record_id).exists():
        raise ValidationError(_("Deze versie bestaat niet."))
    application = (
        Application.objects.select_related("product__supplier")
        .filter(pk=application_id, municipality=municipality)
        .first()
    )
    if application is not None:
        return history.restore(application, record_id, user)
    return history.restore_removed(Application, application_id, record_id, user)


def _int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.lstrip("-").isdigit():
        return int(text)
    return None
