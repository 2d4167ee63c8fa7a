# SPDX-License-Identifier: EUPL-1.2
"""Public API of the cooperations app: the register of ICT cooperations.

Every change goes through `save_cooperation`, `delete_cooperation` or `restore_version`, which
validate, write and record a full snapshot in the history (who, when, what). Changes in who takes part
in an entry added on the platform need the consent of the municipalities concerned (`consent`): an
editor's change to another municipality's membership opens a `MemberChange` that they answer with
`answer_member_change`. Memberships are only ever accepted ones."""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from goedebuur import data
from goedebuur.common import date as format_date
from goedebuur.common import number
from goedebuur.common import version as data_version
from goedebuur.core.register import network
from goedebuur.core.register.gr import GrFormatError
from goedebuur.history import services as history
from goedebuur.municipalities.models import HEAVY_MEMBER_FIELDS, Municipality

from . import consent, demo, member_invitations, permissions, register_import, register_problems
from .history import CooperationTracker, replace_sources
from .models import (
    Cooperation,
    CooperationForm,
    IctDomain,
    MemberChange,
    Membership,
    PolicyDomain,
    RegisterVersion,
    Source,
)
from .slugs import unique_slug

HISTORY_MODEL = CooperationTracker.label


@dataclass
class MemberInput:
    municipality: Municipality
    role: str = Membership.Role.DEELNEMER
    joined_on: dt.date | None = None
    left_on: dt.date | None = None


@dataclass
class SourceInput:
    url: str = ""
    description: str = ""


@dataclass
class CooperationInput:
    name: str
    form: CooperationForm
    domains: list[IctDomain]
    members: list[MemberInput]
    description: str = ""
    form_text: str = ""
    status: str = Cooperation.Status.ONBEKEND
    start_date: dt.date | None = None
    start_precision: str = Cooperation.Precision.DAY
    end_date: dt.date | None = None
    end_precision: str = Cooperation.Precision.DAY
    sources: list[SourceInput] = field(default_factory=list)
    is_demo: bool = False
    policy_domains: list[PolicyDomain] = field(default_factory=list)
    shared_services: str = ""
    contact: str = ""
    domains_confirmed: bool = True


# Fields of a register entry that are plain values (no relations), in input and model alike.
SCALAR_FIELDS = (
    "shared_services",
    "contact",
    "name",
    "description",
    "form",
    "form_text",
    "status",
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
)


def input_from(cooperation: Cooperation) -> CooperationInput:
    """The current state of an entry as service input, e.g. as the base of a partial update."""
    return CooperationInput(
        domains=list(cooperation.domains.all()),
        policy_domains=list(cooperation.policy_domains.all()),
        # the members and the open invitations: a partial update keeps both
        members=[MemberInput(m.municipality, m.role, m.joined_on, m.left_on) for m in cooperation.members],
        sources=[SourceInput(s.url, s.description) for s in cooperation.sources.all()],
        is_demo=cooperation.is_demo,
        **{name: getattr(cooperation, name) for name in SCALAR_FIELDS},
    )


# --- reading -------------------------------------------------------------------------------


# Public: a register entry, or an entry added on the platform that a platform administrator approved.
PUBLIC = Q(origin=Cooperation.Origin.REGISTER) | Q(approved_at__isnull=False)
PUBLIC_MEMBERSHIP = Q(cooperation__origin=Cooperation.Origin.REGISTER) | Q(
    cooperation__approved_at__isnull=False
)


def visible_to(user) -> Q:
    """Which entries `user` sees: the public ones; an entry still waiting for approval also by its
    members, the municipalities invited to it and its author (at once), and by platform administrators."""
    if user is None or not user.is_authenticated:
        return PUBLIC
    if user.is_platform_admin:
        return Q()
    own = Q(created_by=user)
    if user.municipality_id:
        own |= Q(
            pk__in=Membership.objects.filter(municipality_id=user.municipality_id).values("cooperation_id")
        )
        own |= Q(
            pk__in=MemberChange.objects.filter(
                municipality_id=user.municipality_id, status=MemberChange.Status.OPEN
            ).values("cooperation_id")
        )
    return PUBLIC | own


def live_cooperations(user=None, *, everyone=False):
    """Cooperations that are not deleted and that `user` may see (`visible_to`; without a user: the
    public ones; `everyone`: all, for the system and the operator), with what list pages need."""
    return (
        Cooperation.objects.filter(deleted_at__isnull=True)
        .filter(Q() if everyone else visible_to(user))
        .select_related("form")
        .prefetch_related(
            "domains",
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("municipality").defer(*HEAVY_MEMBER_FIELDS),
            ),
            open_member_changes_prefetch(),
        )
    )


def open_member_changes_prefetch() -> Prefetch:
    """`member_changes` limited to the open ones, for lists that show invitations (`Cooperation.members`)."""
    return Prefetch(
        "member_changes",
        queryset=MemberChange.objects.filter(status=MemberChange.Status.OPEN)
        .select_related("municipality", "proposed_for")
        .defer(*HEAVY_MEMBER_FIELDS)
        .prefetch_related("consents__municipality"),
    )


# `status` value of the filters for "every status that is not ended" (the list page's default).
ONGOING = "lopend"
# The origin of an entry in URLs and the API (`herkomst`): code -> `Cooperation.Origin`.
ORIGIN_CODES = {"gr-register": Cooperation.Origin.REGISTER, "goede-buur": Cooperation.Origin.PLATFORM}
ORIGIN_CODES_BY_VALUE = {value: code for code, value in ORIGIN_CODES.items()}


def filter_cooperations(
    qs,
    *,
    query="",
    domain="",
    form="",
    status="",
    province="",
    municipality="",
    policy_domain="",
    origin="",
    roo_id="",
    active_on: dt.date | None = None,
):
    """The entries of `qs` that match every filter given: `domain` (ICT domain slug), `policy_domain`
    (slug), `form` (code), `status` (a status or `ONGOING`), `province` (code), `municipality` (CBS
    code of a member), `origin` (`Cooperation.Origin`), `roo_id` (a systeemId of any of the entry's
    versions in the GR-register) and `active_on` (see `active_on`)."""
    if query:
        qs = qs.filter(
            Q(name__icontains=query)
            | Q(description__icontains=query)
            | Q(official__abbreviation__icontains=query)
            | Q(memberships__municipality__name__icontains=query)
        )
    if domain:
        qs = qs.filter(domains__slug=domain)
    if policy_domain:
        qs = qs.filter(policy_domains__slug=policy_domain)
    if form:
        qs = qs.filter(form__code=form)
    if status == ONGOING:
        qs = qs.filter(status__in=Cooperation.ONGOING_STATUSES)
    elif status:
        qs = qs.filter(status=status)
    if origin:
        qs = qs.filter(origin=origin)
    if roo_id:
        qs = qs.filter(Q(roo_id=roo_id) | Q(register_versions__roo_id=roo_id))
    if province:
        qs = qs.filter(memberships__municipality__province__code=province)
    if active_on is not None:
        qs = _active_on(qs, active_on, municipality)
    elif municipality:
        qs = qs.filter(memberships__municipality__code=municipality)
    return qs.distinct()


def _active_on(qs, day: dt.date, municipality=""):
    """Entries in force on `day`: begun (status actief, onbekend or beëindigd; no start date or one
    on or before `day`), not yet ended (no end date or one after `day`: the register's end and leave
    dates are the first day without; an ended entry without an end date does not count) and with a
    member on `day` (joined on or before it, not left on or before it): `municipality` when given,
    otherwise any member."""
    qs = qs.filter(
        Q(start_date__isnull=True) | Q(start_date__lte=day),
        Q(end_date__isnull=True, status__in=(Cooperation.Status.ACTIEF, Cooperation.Status.ONBEKEND))
        | Q(end_date__gt=day, status__in=_IN_FORCE_STATUSES),
    )
    member = Q(memberships__joined_on__isnull=True) | Q(memberships__joined_on__lte=day)
    member &= Q(memberships__left_on__isnull=True) | Q(memberships__left_on__gt=day)
    if municipality:
        member &= Q(memberships__municipality__code=municipality)
    return qs.filter(member)


_IN_FORCE_STATUSES = (Cooperation.Status.ACTIEF, Cooperation.Status.ONBEKEND, Cooperation.Status.BEEINDIGD)


def cooperations_of(municipality: Municipality):
    return live_cooperations().filter(memberships__municipality=municipality).distinct()


def current_memberships():
    """Memberships that count as "takes part now": no leave date, in a cooperation that is neither
    deleted nor ended (status beëindigd). Used by counts, the matrix, the map and the rights that follow
    membership (shared contracts, members-only lessons). A membership is always an accepted one: an
    invitation is a `MemberChange` and grants nothing until it is accepted."""
    return Membership.objects.filter(
        left_on__isnull=True,
        cooperation__deleted_at__isnull=True,
        cooperation__status__in=Cooperation.ONGOING_STATUSES,
    )


@dataclass(frozen=True)
class CurrentCooperation:
    """An ongoing cooperation with its current municipal members, as plain values."""

    slug: str
    name: str
    origin: str  # Cooperation.Origin: "register" (GR-register) or "platform"
    start_year: int | None
    ict_domains: tuple[str, ...]  # slugs
    policy_domains: tuple[str, ...]  # slugs
    domain_names: tuple[str, ...]  # names of its policy and ICT domains
    members: tuple[tuple[str, int | None], ...]  # (CBS code, year joined or None), by code


def current_cooperation_members() -> list[CurrentCooperation]:
    """Every ongoing cooperation of the register (regelingen of the GR-register and entries added on
    the platform) with its current members (`current_memberships`), by slug, in four queries. For
    the partner finder's shared regelingen; pairs of municipalities and how many regelingen they
    share follow from it."""
    members: dict[int, list[tuple[str, int | None]]] = {}
    for cooperation_id, code, joined in public_memberships().values_list(
        "cooperation_id", "municipality__code", "joined_on"
    ):
        members.setdefault(cooperation_id, []).append((code, joined.year if joined else None))
    ict: dict[int, list[tuple[str, str]]] = {}
    for cooperation_id, slug, name in Cooperation.domains.through.objects.filter(
        cooperation_id__in=list(members)
    ).values_list("cooperation_id", "ictdomain__slug", "ictdomain__name"):
        ict.setdefault(cooperation_id, []).append((slug, name))
    policy: dict[int, list[tuple[str, str]]] = {}
    for cooperation_id, slug, name in (
        Cooperation.policy_domains.through.objects.filter(cooperation_id__in=list(members))
        .order_by("policydomain__order", "policydomain__slug")
        .values_list("cooperation_id", "policydomain__slug", "policydomain__name")
    ):
        policy.setdefault(cooperation_id, []).append((slug, name))
    result = []
    for pk, slug, name, origin, start in (
        Cooperation.objects.filter(pk__in=list(members))
        .order_by("slug")
        .values_list("pk", "slug", "name", "origin", "start_date")
    ):
        domains = sorted(ict.get(pk, ()))
        policy_names = [n for _s, n in policy.get(pk, ())]
        result.append(
            CurrentCooperation(
                slug=slug,
                name=name,
                origin=origin,
                start_year=start.year if start else None,
                ict_domains=tuple(s for s, _n in domains),
                policy_domains=tuple(s for s, _n in policy.get(pk, ())),
                domain_names=tuple(policy_names) + tuple(n for _s, n in domains if n not in policy_names),
                members=tuple(sorted(members[pk])),
            )
        )
    return result


def public_memberships():
    """`current_memberships` of public entries: for counts, the matrix, the map and the network (an
    entry waiting for approval counts nowhere public)."""
    return current_memberships().filter(PUBLIC_MEMBERSHIP)


def participating_municipality_count() -> int:
    """Municipalities that currently take part in at least one ongoing public cooperation."""
    return public_memberships().values("municipality").distinct().count()


def get_live(slug: str, user=None, *, everyone=False) -> Cooperation | None:
    return live_cooperations(user, everyone=everyone).filter(slug=slug).first()


def pending_cooperations():
    """Entries added on the platform that wait for approval, oldest first (the moderation queue)."""
    return (
        live_cooperations(everyone=True)
        .filter(origin=Cooperation.Origin.PLATFORM, approved_at__isnull=True)
        .select_related("created_by")
        .order_by("created_at", "pk")
    )


def approve_cooperation(cooperation: Cooperation, user) -> Cooperation:
    """Make an entry added on the platform public. Only platform administrators approve."""
    if not getattr(user, "is_platform_admin", False):
        raise PermissionDenied(_("Alleen platformbeheerders keuren samenwerkingen goed."))
    if cooperation.is_public:
        raise ValidationError(_("Dit samenwerkingsverband is al openbaar."))
    cooperation.approved_at, cooperation.approved_by = timezone.now(), user
    cooperation.save(update_fields=["approved_at", "approved_by", "updated_at"])
    _record(cooperation, "update", user, _("goedgekeurd: nu openbaar"))
    return cooperation


def domains():
    return IctDomain.objects.all()


def forms():
    return CooperationForm.objects.all()


def ict_cooperation_ids():
    """A subquery: the ids of the cooperations with at least one ICT domain (the ICT cooperations)."""
    return Cooperation.domains.through.objects.values("cooperation_id")


# --- a municipality's cooperations and regelingen --------------------------------------------------


@dataclass
class MemberEntry:
    """One cooperation or regeling a municipality takes (or took) part in, for its page."""

    cooperation: Cooperation
    membership: Membership
    active: bool
    partners: list[Municipality]  # the other municipalities: current ones, or all for an ended entry

    @property
    def ict(self) -> bool:
        return bool(self.cooperation.domains.all())

    @property
    def since(self) -> dt.date | None:
        return self.membership.joined_on or self.cooperation.start_date

    @property
    def since_display(self) -> str:
        if self.membership.joined_on:
            return format_date(self.membership.joined_on)
        return self.cooperation.start_display

    @property
    def until(self) -> dt.date | None:
        return self.membership.left_on or self.cooperation.end_date

    @property
    def until_display(self) -> str:
        if self.membership.left_on:
            return format_date(self.membership.left_on)
        return self.cooperation.end_display


@dataclass
class MemberEntries:
    ict: list[MemberEntry]  # active, with an ICT domain
    other: list[MemberEntry]  # active, without an ICT domain
    ended: list[MemberEntry]  # the municipality left, or the cooperation ended

    @property
    def active(self) -> list[MemberEntry]:
        return self.ict + self.other

    def __len__(self) -> int:
        return len(self.ict) + len(self.other) + len(self.ended)


def entries_of(municipality: Municipality) -> MemberEntries:
    """Every live cooperation and regeling the municipality takes or took part in, with domains,
    form and partners, in a fixed number of queries: the active ones (ICT first, each by name) and
    the ended ones (the municipality left, or the entry ended; most recent first)."""
    others = (
        Membership.objects.select_related("municipality")
        .only("cooperation", "left_on", "municipality__code", "municipality__name")
        .order_by("municipality__name")
    )
    memberships = (
        Membership.objects.filter(municipality=municipality, cooperation__deleted_at__isnull=True)
        .filter(PUBLIC_MEMBERSHIP)
        .select_related("cooperation__form")
        .defer("cooperation__official")
        .prefetch_related(
            "cooperation__domains",
            "cooperation__policy_domains",
            Prefetch("cooperation__memberships", queryset=others),
        )
        .order_by("cooperation__name", "cooperation__pk")
    )
    ict, other, ended = [], [], []
    for membership in memberships:
        cooperation = membership.cooperation
        active = membership.left_on is None and cooperation.status in Cooperation.ONGOING_STATUSES
        partners = [
            m.municipality
            for m in cooperation.memberships.all()
            if m.municipality_id != municipality.pk and (not active or m.left_on is None)
        ]
        entry = MemberEntry(cooperation, membership, active, partners)
        (ended if not active else ict if entry.ict else other).append(entry)
    ended.sort(key=lambda e: e.until or dt.date.min, reverse=True)
    return MemberEntries(ict, other, ended)


# --- who works with whom: regelingen shared by two municipalities ----------------------------------
# The computation is `goedebuur.core.register.network`; these functions feed it the current
# memberships (one query each) and are the one place the network view (municipalities) and the
# partner finder get "shared regelingen" from.

_NETWORK_COOPERATION_FIELDS = (
    "name",
    "slug",
    "status",
    "origin",
    "is_demo",
    "start_date",
    "start_precision",
    "domains_confirmed",
)


def _network_memberships(ict_only: bool):
    """Rows (cooperation id, municipality code, join date, the cooperation's fields ...) of the current
    memberships: plain values, so that thousands of rows cost no model instances."""
    qs = public_memberships()
    if ict_only:
        qs = qs.filter(cooperation_id__in=ict_cooperation_ids())
    fields = [f"cooperation__{name}" for name in _NETWORK_COOPERATION_FIELDS]
    return qs.order_by().values_list("cooperation_id", "municipality__code", "joined_on", *fields)


def _participations(rows) -> list[network.Participation]:
    """Membership rows as the core's participations; each cooperation is one shared (read-only)
    instance, and a member is dated by its join date, or by the cooperation's start when unknown."""
    cooperations: dict[int, Cooperation] = {}
    result = []
    for cooperation_id, code, joined_on, *values in rows:
        cooperation = cooperations.get(cooperation_id)
        if cooperation is None:
            cooperation = Cooperation(
                pk=cooperation_id, **dict(zip(_NETWORK_COOPERATION_FIELDS, values, strict=True))
            )
            cooperations[cooperation_id] = cooperation
        result.append(network.Participation(cooperation, code, joined_on or cooperation.start_date))
    return result


def shared_regelingen(code: str, *, ict_only: bool = False) -> dict[str, list[network.Shared]]:
    """Partner code -> the cooperations and regelingen the municipality `code` and that partner both
    take part in now, as `Shared(cooperation, since, members)`: `since` when both take part (the
    later join date), `members` the number of current municipal members. One query.
    `ict_only`: only cooperations with an ICT domain."""
    mine = current_memberships().filter(municipality__code=code).values("cooperation_id")
    memberships = _network_memberships(ict_only).filter(cooperation_id__in=mine)
    return network.shared_with(code, _participations(memberships))


def shared_regelingen_by_pair(*, ict_only: bool = False) -> dict[tuple[str, str], list[network.Shared]]:
    """The same for every pair of municipalities at once: (code a, code b) with a < b -> their shared
    cooperations. One query (about 3,200 memberships and 4,600 pairs on the full register)."""
    return network.shared_by_pair(_participations(_network_memberships(ict_only)))


def regeling_partners(code: str, *, ict_only: bool = False) -> list[network.Partner]:
    """The municipality's partners, most shared first: ranked by the sum of 1 / (members - 1) over
    the shared regelingen (see `goedebuur.core.register.network`), then by their number."""
    return network.rank(shared_regelingen(code, ict_only=ict_only))


# --- validation ----------------------------------------------------------------------------


def _field_errors(model, name: str, value) -> list[str]:
    """What the model field says about a value (its choices and maximum length), in Django's
    translated words; so that no surface depends on the database to refuse it."""
    model_field = model._meta.get_field(name)
    try:
        model_field.clean(value, None)
    except ValidationError as error:
        return error.messages
    limit = model_field.max_length  # a TextField's maximum is not one of its validators
    if limit and isinstance(value, str) and len(value) > limit:
        return [
            _("Gebruik ten hoogste %(limit)s tekens (nu %(length)s).")
            % {"limit": number(limit), "length": number(len(value))}
        ]
    return []


# What the GR-register decides for an entry that comes from it; members cannot change these.
OFFICIAL_FIELDS = (
    "name",
    "form",
    "form_text",
    "status",
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
)


def validate(values: CooperationInput, user, instance: Cooperation | None = None) -> None:
    """Raise ValidationError (field -> Dutch messages) when the input breaks a register rule. Pages
    and API send every entry through here; their forms and serializers only parse."""
    errors: dict[str, list[str]] = {}

    def add(name, message):
        errors.setdefault(name, []).append(message)

    if instance is not None and instance.from_register:
        _validate_official(values, instance, add)
        if errors:
            raise ValidationError(errors)

    if not values.name.strip():
        add("name", _("Geef het samenwerkingsverband een naam."))
    for name in (
        "name",
        "description",
        "shared_services",
        "contact",
        "form_text",
        "status",
        "start_precision",
        "end_precision",
    ):
        value = getattr(values, name)
        if name != "name" or value.strip():
            for message in _field_errors(Cooperation, name, value):
                add(name, message)
    if values.form is None:
        add("form", _("Kies de juridische of organisatorische vorm."))
    if not values.domains and not (instance is not None and instance.from_register):
        add("domains", _("Kies ten minste één ICT-domein."))
    if values.start_date and values.end_date and values.end_date < values.start_date:
        add("end_date", _("De einddatum ligt vóór de startdatum."))
    codes = [m.municipality.code for m in values.members]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        add(
            "members",
            _("Een gemeente staat meer dan eens in de deelnemers: %(codes)s.")
            % {"codes": ", ".join(duplicates)},
        )
    if len(set(codes)) < 2:
        add("members", _("Een samenwerkingsverband heeft ten minste twee deelnemende gemeenten."))
    for member in values.members:
        for message in _field_errors(Membership, "role", member.role):
            add("members", f"{member.municipality.name}: {message}")
        if member.joined_on and member.left_on and member.left_on < member.joined_on:
            add(
                "members",
                _("%(name)s: de uittreedatum ligt vóór de toetredingsdatum.")
                % {"name": member.municipality.name},
            )
    if (
        user is not None
        and not user.is_platform_admin
        and not (instance is not None and instance.from_register)
    ):
        current = {m.municipality.pk for m in values.members if m.left_on is None}
        if user.municipality_id not in current:
            add(
                "members",
                _(
                    "Uw eigen gemeente (%(name)s) moet een huidige deelnemer zijn; anders kunt u dit "
                    "samenwerkingsverband niet meer beheren."
                )
                % {"name": user.municipality.name},
            )
    for source in values.sources:
        if source.url:
            try:
                URLValidator()(source.url)
            except ValidationError:
                add("sources", _("'%(url)s' is geen geldig webadres.") % {"url": source.url})
            else:
                for message in _field_errors(Source, "url", source.url):
                    add("sources", message)
        for message in _field_errors(Source, "description", source.description):
            add("sources", message)
    if errors:
        raise ValidationError(errors)


def _validate_official(values: CooperationInput, instance: Cooperation, add) -> None:
    """An entry from the GR-register follows the register: its name, form, status, dates and members
    (who, since and until when) are read-only; members add roles, domains, services and sources."""
    message = _("Dit gegeven komt uit het GR-register en kan hier niet worden gewijzigd.")
    for name in OFFICIAL_FIELDS:
        if getattr(values, name) != getattr(instance, name):
            add(name, message)
    stored = {m.municipality.code: (m.joined_on, m.left_on) for m in instance.memberships.all()}
    given = {m.municipality.code: (m.joined_on, m.left_on) for m in values.members}
    if stored != given:
        add(
            "members",
            _(
                "De deelnemers van een regeling uit het GR-register volgen het register; u kunt alleen "
                "hun rol aanpassen."
            ),
        )


def check_permission(user, cooperation: Cooperation | None = None) -> None:
    """PermissionDenied unless `user` may add an entry (`cooperation` None) or change, delete and
    restore `cooperation`. `user` None is the system itself (data loads)."""
    if user is None:
        return
    if cooperation is None and not permissions.can_create(user):
        raise PermissionDenied(
            _("Alleen redacteuren van een gemeente en beheerders kunnen samenwerkingen toevoegen.")
        )
    if cooperation is not None and not permissions.can_edit(user, cooperation):
        raise PermissionDenied(_("U mag dit samenwerkingsverband niet wijzigen."))


# --- writing -------------------------------------------------------------------------------


@transaction.atomic
def save_cooperation(
    values: CooperationInput, user, instance: Cooperation | None = None, note="", consented=()
) -> Cooperation:
    """Validate and save an entry. On a platform entry, a change to another municipality's membership
    waits for consent (see `consent`); `consented` names municipalities whose consent the platform
    already holds (trajectories: the partners that accepted), so their invitation needs no new answer."""
    check_permission(user, instance)
    validate(values, user, instance)
    creating = instance is None
    cooperation = instance or Cooperation(slug=unique_slug(values.name), created_by=_real(user))
    if creating and (user is None or user.is_platform_admin):  # the system's loads and administrators'
        cooperation.approved_at, cooperation.approved_by = timezone.now(), _real(user)
    for name in (*SCALAR_FIELDS, "is_demo"):
        setattr(cooperation, name, getattr(values, name))
    cooperation.name = cooperation.name.strip()
    # A member who saves an entry has seen its domains: derived domains count as confirmed from then on.
    cooperation.domains_confirmed = True if user is not None else values.domains_confirmed
    cooperation.updated_by = _real(user)
    cooperation.save()
    cooperation.domains.set(values.domains)
    cooperation.policy_domains.set(values.policy_domains)
    if cooperation.from_register:
        roles = {m.municipality.code: m.role for m in values.members}
        for membership in cooperation.memberships.select_related("municipality"):
            if membership.role != roles[membership.municipality.code]:
                membership.role = roles[membership.municipality.code]
                membership.save(update_fields=["role"])
    else:
        opened = consent.apply_members(cooperation, values.members, user, {m.pk for m in consented})
        note = "; ".join(filter(None, [note, *(_opened_note(change) for change in opened)]))
        if opened and not values.is_demo:
            transaction.on_commit(lambda: member_invitations.notify_invited(cooperation, opened, user))
    replace_sources(cooperation, values.sources)
    _record(cooperation, "create" if creating else "update", user, note)
    return cooperation


def _opened_note(change: MemberChange) -> str:
    return _("%(subject)s wacht op instemming") % {"subject": consent.describe(change)}


# --- consent for membership changes ------------------------------------------------------------


def open_member_changes(cooperation: Cooperation):
    """Invitations and removals of `cooperation` that wait for consent, oldest first, with their
    answers (`consents`)."""
    return consent.open_changes(cooperation)


# Invitations by e-mail of invited municipalities (member_invitations; accounts' mechanism).
INVITATION_KIND = member_invitations.KIND
invitation_kind = member_invitations.invitation_kind
invite_member_contact = member_invitations.invite_contact
member_invitation_of = member_invitations.invitation_of
resend_member_invitation = member_invitations.resend
withdraw_member_invitation = member_invitations.withdraw
change_member_invitation = member_invitations.change
member_invitation_reach = member_invitations.reach
invitations_of_cooperation = member_invitations.of_cooperation


def member_change_waits_for(change: MemberChange) -> list[Municipality]:
    """The municipalities whose answer an open change still needs."""
    return consent.waiting_for(change)


def member_changes_waiting_for(municipality: Municipality):
    """Open invitations and removals of live entries that wait for `municipality`'s answer."""
    return consent.pending_for(municipality)


def all_open_member_changes():
    """Every open invitation and removal of a live entry, oldest first (the operator's view)."""
    return (
        MemberChange.objects.filter(status=MemberChange.Status.OPEN, cooperation__deleted_at__isnull=True)
        .select_related("cooperation", "municipality", "proposed_for")
        .prefetch_related("consents__municipality")
        .order_by("proposed_at", "pk")
    )


def answer_member_change(
    cooperation: Cooperation, municipality: Municipality, user, agree: bool
) -> MemberChange:
    """`user` accepts (agree) or declines the open invitation or removal of `municipality` in
    `cooperation` for the user's own municipality; the proposer's municipality can withdraw it by
    declining. A platform administrator (or the system, `user` None) decides it at once. Raises
    ValidationError when nothing is open, PermissionDenied when the user has no say."""
    if cooperation.from_register:
        raise ValidationError(
            _("De deelnemers van een regeling uit het GR-register volgen het register."), code="register"
        )
    return consent.answer(cooperation, municipality, user, agree)


@transaction.atomic
def delete_cooperation(cooperation: Cooperation, user, note="") -> None:
    """Soft delete: the entry disappears from the register and can be restored from its history."""
    check_permission(user, cooperation)
    check_deletable(cooperation, user)
    cooperation.deleted_at = timezone.now()
    cooperation.updated_by = _real(user)
    cooperation.save(update_fields=["deleted_at", "updated_by", "updated_at"])
    _record(cooperation, "delete", user, note)


def check_deletable(cooperation: Cooperation, user) -> None:
    """PermissionDenied for an entry from the GR-register, unless `user` is a platform administrator
    (or None, the system)."""
    if cooperation.from_register and user is not None and not user.is_platform_admin:
        raise PermissionDenied(
            _(
                "Een regeling uit het GR-register kan niet worden verwijderd; zij eindigt wanneer het "
                "register dat vermeldt."
            )
        )


def may_delete(user, cooperation: Cooperation) -> bool:
    """Whether `user` may delete `cooperation` (pages show the button only then): the right to change
    it, and for an entry from the GR-register the platform administrator's role."""
    try:
        check_permission(user, cooperation)
        check_deletable(cooperation, user)
    except PermissionDenied:
        return False
    return user is not None


def restore_version(cooperation: Cooperation, record_id: int, user) -> Cooperation:
    """Bring the cooperation back to the state recorded in one of its history records."""
    check_permission(user, cooperation)
    return history.restore(cooperation, record_id, user)


def snapshot(cooperation: Cooperation) -> dict:
    """The full state of a register entry as plain JSON data, for history and restore."""
    return history.tracker_for(cooperation).snapshot(cooperation)


def _record(cooperation, action, user, note=""):
    history.record(cooperation, action, user, note)


def versions(cooperation: Cooperation):
    return history.versions(cooperation)


def _real(user):
    return user if user is not None and user.is_authenticated else None


def _iso(value):
    return value.isoformat() if value else None


def _date(value):
    return dt.date.fromisoformat(value) if value else None


# --- managed lists and seed ------------------------------------------------------------------


@transaction.atomic
def load_managed_lists() -> dict[str, int]:
    domains_rows = data.read_csv("ict_domains.csv")
    for row in domains_rows:
        IctDomain.objects.update_or_create(
            slug=row["slug"],
            defaults={k: row[k] for k in ("name", "short_name", "description")}
            | {"order": int(row["order"])},
        )
    form_rows = data.read_csv("cooperation_forms.csv")
    for row in form_rows:
        CooperationForm.objects.update_or_create(
            code=row["code"],
            defaults={k: row[k] for k in ("name", "family", "description")} | {"order": int(row["order"])},
        )
    policy_rows = data.read_csv("policy_domains.csv")
    for row in policy_rows:
        PolicyDomain.objects.update_or_create(
            slug=row["slug"],
            defaults={k: row[k] for k in ("name", "short_name", "description")}
            | {"order": int(row["order"])},
        )
    return {
        "ict_domains": len(domains_rows),
        "policy_domains": len(policy_rows),
        "cooperation_forms": len(form_rows),
    }


def policy_domains():
    return PolicyDomain.objects.all()


# --- the GR-register ---------------------------------------------------------------------------


def seed_register_links() -> dict[str, str]:
    """The seed entries that describe a regeling in the GR-register: slug -> regeling title."""
    return {
        slugify(row["name"])[:200]: row["gr_title"]
        for row in data.read_csv("cooperations_seed.csv")
        if row.get("gr_title")
    }


def import_register(path=None, *, register_date=None, dry_run=False, progress=None):
    """Load the GR-register (the shipped snapshot, or an `exportOO.xml` / polder JSONL file) into the
    register; see `register_import`. A broken file raises ValidationError (Dutch, naming the record)
    and changes nothing. Returns an `ImportSummary`."""
    try:
        return register_import.import_register(
            path,
            register_date=register_date,
            dry_run=dry_run,
            progress=progress,
            link_titles=seed_register_links(),
        )
    except GrFormatError as error:
        raise ValidationError(register_problems.message(error), code=error.code) from None
    except OSError as error:
        raise ValidationError(
            _("Het bestand kan niet worden gelezen: %(reason)s") % {"reason": error.strerror or error},
            code="io",
        ) from None


def register_entries():
    """Entries that come from the GR-register."""
    return live_cooperations().filter(origin=Cooperation.Origin.REGISTER)


def register_date():
    """The peildatum of the GR-register data in the register, or None before the first import."""
    return (
        Cooperation.objects.filter(origin=Cooperation.Origin.REGISTER)
        .order_by("-register_date")
        .values_list("register_date", flat=True)
        .first()
    )


def parse_sources(text: str) -> list[SourceInput]:
    """Sources given as text, separated by ' ; ' or new lines: a URL, optionally followed by a note
    in brackets, or a plain description."""
    sources = []
    for part in text.replace("\n", " ; ").split(" ; "):
        part = part.strip()
        if not part:
            continue
        head, _, rest = part.partition(" ")
        if head.startswith(("http://", "https://")):
            sources.append(SourceInput(url=head, description=rest.strip().strip("()")))
        else:
            sources.append(SourceInput(description=part))
    return sources


@transaction.atomic
def load_seed_cooperations() -> int:
    """Add the real cooperations of the seed file that are not yet in the register (by slug).
    Entries already present are left alone, so edits and deletions by users are kept."""
    added = 0
    forms_by_code = {f.code: f for f in CooperationForm.objects.all()}
    domains_by_slug = {d.slug: d for d in IctDomain.objects.all()}
    municipalities = Municipality.objects.in_bulk(field_name="code")
    for row in data.read_csv("cooperations_seed.csv"):
        if Cooperation.objects.filter(slug=slugify(row["name"])[:200]).exists():
            continue
        since = int(row["since"]) if row["since"] else None
        values = CooperationInput(
            name=row["name"],
            description=row["scope"],
            form=forms_by_code[row["form_code"]],
            form_text=row["form_text"],
            status=row["status"],
            start_date=dt.date(since, 1, 1) if since else None,
            start_precision=Cooperation.Precision.YEAR,
            domains=[domains_by_slug[s] for s in row["domains"].split(";") if s],
            members=[MemberInput(municipalities[c]) for c in row["members"].split(";") if c],
            sources=parse_sources(row["source"]),
        )
        save_cooperation(values, user=None, note=_("geladen uit de seed met echte samenwerkingen"))
        added += 1
    return added


@transaction.atomic
def load_demo_cooperations() -> int:
    """Add the fictional demo entries (`demo.py`) that are not yet in the register."""
    added = 0
    municipalities = Municipality.objects.in_bulk(field_name="code")
    for item in demo.DEMO_COOPERATIONS:
        if Cooperation.objects.filter(slug=slugify(item["name"])).exists():
            continue
        save_cooperation(
            CooperationInput(
                name=item["name"],
                description=item["description"],
                form=CooperationForm.objects.get(code=item["form"]),
                status=item["status"],
                start_date=item["start"],
                domains=list(IctDomain.objects.filter(slug__in=item["domains"])),
                members=[MemberInput(municipalities[code], role) for code, role in item["members"]],
                sources=[SourceInput(description="Demogegevens van Goede Buur (fictief)")],
                is_demo=True,
            ),
            user=None,
            note="demogegevens",
        )
        added += 1
    return added


@dataclass
class RegisterVersionRow:
    """One version of a regeling in the GR-register, with who joined and left since the one before."""

    version: RegisterVersion
    joined: list[str]
    left: list[str]
    previous_title: str  # the title of the version before, when this version changed it


def register_history(cooperation: Cooperation) -> list[RegisterVersionRow]:
    """The versions of an entry in the GR-register, newest first (empty for a platform entry)."""
    rows, before, title = [], None, ""
    for version in cooperation.register_versions.order_by("valid_from", "roo_id"):
        names = {_participant_key(p): p["name"] for p in version.participants}
        joined = sorted(names[k] for k in names.keys() - before.keys()) if before is not None else []
        left = sorted(before[k] for k in before.keys() - names.keys()) if before is not None else []
        changed_title = title if before is not None and title != version.title else ""
        rows.append(RegisterVersionRow(version, joined, left, changed_title))
        before, title = names, version.title
    return rows[::-1]


def _participant_key(participant: dict) -> str:
    return participant.get("roo_id") or participant.get("code") or participant["name"].casefold()


def origin_counts(qs) -> dict[str, int]:
    """How many entries of `qs` come from the GR-register and how many were added on the platform:
    {`Cooperation.Origin` value: count}, both always present."""
    counts = dict(
        Cooperation.objects.filter(pk__in=qs.order_by().values("pk"))
        .order_by()
        .values_list("origin")
        .annotate(n=Count("pk"))
    )
    return {origin: counts.get(origin, 0) for origin in Cooperation.Origin.values}


REGISTER_DOMAINS = ("municipalities", "cooperations")  # the apps whose tables the register pages show


def register_version() -> tuple:
    """The data version of the register as the public pages show it (goedebuur.common.cache): the
    municipalities and their regions, the cooperations, their members, domains and sources, and the
    managed lists: every write to the municipalities' and the register's tables moves it."""
    return data_version(*REGISTER_DOMAINS)
