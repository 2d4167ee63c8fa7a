# SPDX-License-Identifier: EUPL-1.2
"""Public API of the matrix app: municipalities x domains, from the live register.

The main columns are the ICT domains; the other policy domains (afval, belastingen, sociaal domein,
...) can be added as context columns: they show where municipalities already work together. A cell
holds the cooperations (register entries and regelingen of the GR-register) in which the municipality
takes part now, for that domain.

Speed: the whole matrix (342 municipalities x 24 columns) is read in seven queries, whatever its
size: the municipalities, the two domain lists, the cooperations, their ICT and their policy domains
(the link tables, read directly) and the current memberships."""

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from goedebuur.cooperations import services as cooperation_services
from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain, PolicyDomain
from goedebuur.core.register.matrix import Matrix, MatrixLink, build_matrix
from goedebuur.municipalities import services as municipalities
from goedebuur.municipalities.models import Municipality

ICT = "ict"
POLICY = "beleid"


@dataclass(frozen=True)
class Column:
    """A column of the matrix: an ICT domain (`kind` "ict") or another policy domain ("beleid")."""

    kind: str
    slug: str
    name: str
    short_name: str
    description: str = ""

    @property
    def context(self) -> bool:
        return self.kind == POLICY


class MatrixRow(NamedTuple):
    municipality: Municipality
    cells: list[tuple[Column, list[Cooperation]]]
    total: int  # distinct cooperations in the columns shown
    ict_total: int  # distinct cooperations in the ICT columns shown


@dataclass
class RegisterMatrix:
    matrix: Matrix
    municipalities: list[Municipality]
    domains: list[Column]  # the columns shown: the ICT domains first, then the context columns
    cooperations: dict[str, Cooperation]  # by slug
    register_date: dt.date | None = None  # peildatum of the GR-register data, None before an import

    @property
    def ict_domains(self) -> list[Column]:
        return [c for c in self.domains if not c.context]

    @property
    def context_domains(self) -> list[Column]:
        return [c for c in self.domains if c.context]

    def ict_total(self, code: str) -> int:
        return self.matrix.row_total(code, [c.slug for c in self.ict_domains])

    def rows(self):
        """MatrixRow per municipality, for templates and exports."""
        ict = [c.slug for c in self.ict_domains]
        for m in self.municipalities:
            cells = [
                (d, [self.cooperations[s] for s in self.matrix.cell(m.code, d.slug)]) for d in self.domains
            ]
            yield MatrixRow(m, cells, self.matrix.row_total(m.code), self.matrix.row_total(m.code, ict))


def ict_columns() -> list[Column]:
    return [
        Column(ICT, d.slug, d.name, d.short_name, d.description)
        for d in IctDomain.objects.order_by("order", "name")
    ]


def context_columns() -> list[Column]:
    return [
        Column(POLICY, d.slug, d.name, d.short_name, d.description)
        for d in PolicyDomain.objects.order_by("order", "name")
    ]


def columns() -> list[Column]:
    """Every possible column: the ICT domains, then the other policy domains."""
    return ict_columns() + context_columns()


def forms():
    """The legal and organisational forms a matrix can be filtered on."""
    return CooperationForm.objects.order_by("order", "name")


def register_matrix(
    province: str = "",
    region: str = "",
    only_with_cooperations: bool = False,
    *,
    domain: str = "",
    form: str = "",
    context: bool = False,
) -> RegisterMatrix:
    """The matrix for all municipalities, or those of a province (`PV26`) or region (`type:code`).

    - `context`: add the other policy domains as columns after the ICT domains;
    - `domain`: only that column (an ICT or a policy domain slug);
    - `form`: count only cooperations of that legal or organisational form (CooperationForm code);
    - `only_with_cooperations`: leave out municipalities without a cooperation in the columns shown.

    Only current memberships (no leave date) of cooperations that are neither deleted nor ended
    count. Raises ValidationError for an unknown domain or form."""
    ict, policy = ict_columns(), context_columns()
    if domain:
        shown = [c for c in ict + policy if c.slug == domain]
        if not shown:
            raise ValidationError(
                {"domain": _("Het domein ‘%(value)s’ bestaat niet.") % {"value": domain}}, code="invalid"
            )
    else:
        shown = ict + policy if context else ict
    cooperations = Cooperation.objects.filter(
        deleted_at__isnull=True, status__in=Cooperation.ONGOING_STATUSES
    ).only("name", "slug", "is_demo", "origin")
    if form:
        if not CooperationForm.objects.filter(code=form).exists():
            raise ValidationError(
                {"form": _("De samenwerkingsvorm ‘%(value)s’ bestaat niet.") % {"value": form}},
                code="invalid",
            )
        cooperations = cooperations.filter(form__code=form)
    by_id = {c.pk: c for c in cooperations}

    wanted_ict = {c.slug for c in shown if not c.context}
    wanted_policy = {c.slug for c in shown if c.context}
    columns_of: dict[int, list[str]] = {}
    if wanted_ict:
        through = Cooperation.domains.through.objects.values_list("cooperation_id", "ictdomain__slug")
        for cooperation_id, slug in through:
            if slug in wanted_ict and cooperation_id in by_id:
                columns_of.setdefault(cooperation_id, []).append(slug)
    if wanted_policy:
        through = Cooperation.policy_domains.through.objects.values_list(
            "cooperation_id", "policydomain__slug"
        )
        for cooperation_id, slug in through:
            if slug in wanted_policy and cooperation_id in by_id:
                columns_of.setdefault(cooperation_id, []).append(slug)

    rows = list(
        municipalities.search_municipalities(province=province, region=region).only(
            "code", "name", "province__code", "province__name"
        )
    )
    codes = {m.code for m in rows}
    links, used = [], {}
    memberships = cooperation_services.public_memberships().values_list(
        "municipality__code", "cooperation_id"
    )
    for code, cooperation_id in memberships.order_by("cooperation__name", "cooperation_id"):
        if code not in codes or cooperation_id not in columns_of:
            continue
        cooperation = by_id[cooperation_id]
        used[cooperation.slug] = cooperation
        links.extend(MatrixLink(code, slug, cooperation.slug) for slug in columns_of[cooperation_id])
    matrix = build_matrix([m.code for m in rows], [c.slug for c in shown], links)
    if only_with_cooperations:
        rows = [m for m in rows if matrix.row_total(m.code)]
        matrix = build_matrix([m.code for m in rows], matrix.domains, links)
    return RegisterMatrix(matrix, rows, shown, used, cooperation_services.register_date())
