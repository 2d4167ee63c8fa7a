# SPDX-License-Identifier: EUPL-1.2
"""Public API of the procurement app: joint-purchasing opportunities (inkoopkansen).

Loads the contracts with an end date (profiles app: Contract -> Application -> Product ->
Supplier, the application's GEMMA reference components, the municipality's centroid), marks
per contract whether the viewer may see its details (`profiles.permissions`), and calls the pure
finder `goedebuur.core.procurement.opportunities.find_opportunities`. Pages, API, CSV export and CLI all go
through `find_opportunities` here, so they apply the same rules:

- anonymous visitors and users without a municipality see nothing (`can_view_landscape`);
- a municipal user sees only groups their own municipality is part of (the focus is always their
  own municipality); other members' end dates and costs only where `can_view_contracts` allows,
  otherwise "niet gedeeld" (the municipality still counts);
- administrators see every group with all details, for any municipality, region or the country.

A region or province limits the candidate partners to its municipalities (plus the focus
municipality). Distances are great-circle distances between the municipalities' centroids, as everywhere
(`DISTANCE_POINT`; town halls are not in the reference data)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from goedebuur.core.procurement import opportunities as core
from goedebuur.municipalities.models import DISTANCE_POINT, Municipality, Region
from goedebuur.profiles.services import (
    Application,
    Contract,
    can_view_landscape,
    contract_visible_municipality_ids,
)

from . import reasons

DEFAULT_MONTHS = 18
DEFAULT_HORIZON_MONTHS = 60
MAX_MONTHS = 120
MODES = core.MODES


class OpportunityError(ValidationError):
    """Bad input: the platform's refusal (a ValidationError on one field) with the parameter it is about
    (`municipality`, `region`, `province`, `months`, `mode`, `horizon`) and a Dutch message; pages, API
    and CLI show it through their one mapping (`goedebuur.common`, `goedebuur.api`)."""

    def __init__(self, field_name: str, message: str):
        super().__init__({field_name: [message]})
        self.field = field_name


class NotAllowed(PermissionError):
    """The user may not see purchasing opportunities (anonymous, or no municipality)."""


class Operator:
    """The viewer for operator tools (the `goedebuur inkoopkansen` command): administrator
    visibility, without a user account. Whoever runs the command has the database anyway."""

    is_authenticated = True
    is_active = True
    is_platform_admin = True
    municipality_id = None


OPERATOR = Operator()


@dataclass(frozen=True)
class OpportunityRequest:
    municipality: str = ""  # CBS code of the focus municipality; "" for administrators: none
    region: str = ""  # "<region division>:<code>", e.g. "arbeidsmarktregio:AM16"
    province: str = ""  # province code, e.g. "PV26"
    months: int = DEFAULT_MONTHS
    mode: str = "component"
    horizon: date | None = None  # default: today + 60 months
    today: date | None = None  # default: today


class Subject(NamedTuple):
    key: str  # GEMMA id of the component, or the supplier's key
    name: str


class Member(NamedTuple):
    code: str
    name: str


@dataclass
class MemberContract:
    municipality_code: str
    municipality_name: str
    supplier: str
    product: str
    visible: bool
    end_date: date | None  # None when not shared with the viewer
    yearly_cost: int | None  # None when unknown or not shared
    is_demo: bool


@dataclass
class Group:
    rank: int
    mode: str
    keys: list[Subject]  # components, or the supplier
    municipalities: list[Member]
    contracts: list[MemberContract]
    known_value: int
    unknown_value: int
    hidden: int
    mean_distance_km: float
    band_start: date  # where the group's end dates lie, as far as the viewer may know
    band_end: date
    months: int  # the window the group was found with
    window_start: date | None = None  # the actual window; None when a member's details are hidden
    window_end: date | None = None

    @property
    def subject(self) -> str:
        names = ", ".join(name for _key, name in self.keys)
        if self.mode == "leverancier":
            return _("leverancier %(name)s") % {"name": names}
        return names

    @property
    def size(self) -> int:
        return len(self.municipalities)

    @property
    def reason(self) -> str:
        """Why these municipalities could tender together, in the active language."""
        return reasons.opportunity_reason(
            mode=self.mode,
            subjects=[subject.name for subject in self.keys],
            names=[member.name for member in self.municipalities],
            months=self.months,
            known_value=self.known_value,
            unknown_value=self.unknown_value,
            hidden=self.hidden,
            mean_distance_km=self.mean_distance_km,
        )


@dataclass
class Result:
    request: OpportunityRequest
    today: date
    horizon: date
    focus: tuple[str, str] | None  # (code, name)
    area_name: str  # "Nederland", a province or region name
    groups: list[Group]
    contracts_considered: int
    municipalities_considered: int
    seconds: float
    all_visible: bool  # the viewer may see every contract's details (administrator)
    notes: list[str] = field(default_factory=list)


def can_view(user) -> bool:
    """May this user see purchasing opportunities at all (a municipal user or an administrator)?"""
    return can_view_landscape(user)


def _today(req: OpportunityRequest) -> date:
    return req.today or timezone.localdate()


def _candidates(req: OpportunityRequest) -> tuple[str, list[int] | None]:
    """(area name, municipality ids or None for the whole country)."""
    if req.region and req.province:
        raise OpportunityError("region", _("Kies een regio of een provincie, niet allebei."))
    if req.region:
        type_code, _sep, code = req.region.partition(":")
        region = Region.objects.filter(region_type__code=type_code, code=code).first()
        if region is None or type_code == "provincie":
            raise OpportunityError(
                "region",
                _(
                    "De regio ‘%(value)s’ bestaat niet. Gebruik <indeling>:<code>, zoals arbeidsmarktregio:AM16."
                )
                % {"value": req.region},
            )
        return region.name, list(region.municipalities.values_list("pk", flat=True))
    if req.province:
        province = Region.objects.filter(region_type__code="provincie", code=req.province.upper()).first()
        if province is None:
            raise OpportunityError(
                "province",
                _("De provincie ‘%(value)s’ bestaat niet. Gebruik een code zoals PV26.")
                % {"value": req.province},
            )
        return province.name, list(
            Municipality.objects.filter(province=province).values_list("pk", flat=True)
        )
    return _("Nederland"), None


def resolve_focus(user, code: str) -> Municipality | None:
    """The focus municipality for this user: always their own for municipal users (another
    code is refused), the one asked for (or none) for administrators."""
    code = (code or "").strip().upper()
    if not user.is_platform_admin:
        own = Municipality.objects.get(pk=user.municipality_id)
        if code and code != own.code:
            raise OpportunityError(
                "municipality",
                _("U ziet alleen inkoopkansen waar uw eigen gemeente (%(name)s) deel van uitmaakt.")
                % {"name": own.name},
            )
        return own
    if not code:
        return None
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise OpportunityError(
            "municipality",
            _("De gemeente ‘%(code)s’ bestaat niet. Gebruik een CBS-code zoals GM0345.") % {"code": code},
        )
    return municipality


def _check(req: OpportunityRequest, today: date) -> date:
    if req.mode not in MODES:
        raise OpportunityError("mode", _("Kies de modus component of leverancier."))
    if not 1 <= req.months <= MAX_MONTHS:
        raise OpportunityError(
            "months", _("Kies een venster van 1 tot en met %(max)s maanden.") % {"max": MAX_MONTHS}
        )
    horizon = req.horizon or core.add_months(today, DEFAULT_HORIZON_MONTHS)
    if horizon <= today:
        raise OpportunityError("horizon", _("De horizon moet na vandaag liggen."))
    if horizon > core.add_months(today, 20 * 12):
        raise OpportunityError("horizon", _("Kies een horizon binnen twintig jaar."))
    return horizon


def _records(user, municipality_ids, today, horizon):
    """Core records of the contracts ending between today and the horizon; names for reasons."""
    visible_ids = contract_visible_municipality_ids(user)
    contracts = Contract.objects.filter(end_date__gte=today, end_date__lte=horizon)
    if municipality_ids is not None:
        contracts = contracts.filter(application__municipality_id__in=municipality_ids)
    rows = list(
        contracts.values_list(
            "application_id",
            "application__municipality_id",
            "application__municipality__code",
            "application__municipality__name",
            *(f"application__municipality__{name}" for name in DISTANCE_POINT),
            "application__product__supplier_id",
            "application__product__supplier__name",
            "application__product__name",
            "application__is_demo",
            "end_date",
            "yearly_cost_eur",
        )
    )
    components: dict[int, list[str]] = {}
    component_names: dict[str, str] = {}
    through = Application.components.through.objects.filter(application_id__in=[r[0] for r in rows])
    for app_id, gemma_id, name in through.values_list(
        "application_id", "referencecomponent__gemma_id", "referencecomponent__name"
    ):
        components.setdefault(app_id, []).append(gemma_id)
        component_names[gemma_id] = name
    records, details, names, suppliers = [], {}, {}, {}
    for app_id, mun_id, code, name, lat, lon, supplier_id, supplier, product, demo, end, cost in rows:
        visible = visible_ids is None or mun_id in visible_ids
        records.append(
            core.ContractRecord(
                id=app_id,
                municipality=code,
                lat=lat,
                lon=lon,
                components=tuple(sorted(components.get(app_id, ()))),
                supplier=str(supplier_id),
                product=product,
                end_date=end,
                yearly_cost=cost,
                visible=visible,
            )
        )
        names[code] = name
        suppliers[str(supplier_id)] = supplier
        details[app_id] = (supplier, product, demo)
    return records, details, names, component_names, suppliers


def find_opportunities(user, req: OpportunityRequest) -> Result:
    """The ranked opportunities `user` may see for `req` (see the module docstring). Raises
    NotAllowed for anonymous visitors and users without a municipality, OpportunityError for bad
    input."""
    if not can_view_landscape(user):
        raise NotAllowed()
    started = time.perf_counter()
    today = _today(req)
    horizon = _check(req, today)
    focus = resolve_focus(user, req.municipality)
    area_name, municipality_ids = _candidates(req)
    if municipality_ids is not None and focus is not None and focus.pk not in municipality_ids:
        municipality_ids.append(focus.pk)
    records, details, names, component_names, suppliers = _records(user, municipality_ids, today, horizon)
    key_names = component_names if req.mode == "component" else suppliers
    found = core.find_opportunities(
        records,
        months=req.months,
        mode=req.mode,
        today=today,
        horizon=horizon,
        focus=None if focus is None else [focus.code],
    )
    groups = [
        _group(rank, o, details, names, key_names, req.months, today, horizon)
        for rank, o in enumerate(found, start=1)
    ]
    return Result(
        request=req,
        today=today,
        horizon=horizon,
        focus=None if focus is None else (focus.code, focus.name),
        area_name=area_name,
        groups=groups,
        contracts_considered=len(records),
        municipalities_considered=len({r.municipality for r in records}),
        seconds=time.perf_counter() - started,
        all_visible=all(r.visible for r in records),
    )


def _group(rank, o: core.Opportunity, details, names, key_names, months, today, horizon) -> Group:
    contracts = []
    for record in o.contracts:
        supplier, product, demo = details[record.id]
        contracts.append(
            MemberContract(
                municipality_code=record.municipality,
                municipality_name=names[record.municipality],
                supplier=supplier,
                product=product,
                visible=record.visible,
                end_date=record.end_date if record.visible else None,
                yearly_cost=record.yearly_cost if record.visible else None,
                is_demo=demo,
            )
        )
    visible_ends = [c.end_date for c in contracts if c.visible]
    if not o.hidden:
        band_start, band_end = o.window_start, min(o.window_end, horizon)
        window = (o.window_start, o.window_end)
    else:
        # every end date lies in [s, s + W] with s the first one; what the viewer can know of
        # the hidden ones: between the last visible end date - W and the first visible one + W
        if visible_ends:
            band_start = max(today, core.add_months(max(visible_ends), -months))
            band_end = min(horizon, core.add_months(min(visible_ends), months))
        else:
            band_start, band_end = today, horizon
        window = (None, None)
    return Group(
        rank=rank,
        mode=o.mode,
        keys=[Subject(key, key_names.get(key, key)) for key in o.keys],
        municipalities=[
            Member(code, names[code]) for code in sorted(o.municipalities, key=lambda c: names[c])
        ],
        contracts=contracts,
        known_value=o.known_value,
        unknown_value=o.unknown_value,
        hidden=o.hidden,
        mean_distance_km=o.mean_distance_km,
        band_start=band_start,
        band_end=band_end,
        months=months,
        window_start=window[0],
        window_end=window[1],
    )


# The timeline of a result and its CSV rows, published here for pages, API and CLI.
from .exports import CSV_COLUMNS, NOT_SHARED, csv_rows, csv_text  # noqa: E402, F401
from .timeline import Timeline, TimelineMark, TimelineRow, timeline  # noqa: E402, F401
