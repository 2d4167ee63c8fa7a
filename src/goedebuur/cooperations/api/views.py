# SPDX-License-Identifier: EUPL-1.2
"""The register's views: /api/v1/samenwerkingen (the register of cooperations, with the regelingen
of the national GR-register) and the managed lists /api/v1/ict-domeinen, /api/v1/beleidsdomeinen and
/api/v1/samenwerkingsvormen. Reading is open; every write goes through `services` (validation,
history) with the permissions of the pages."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import SAFE_METHODS
from rest_framework.response import Response
from rest_framework.reverse import reverse

from goedebuur.accounts.api import EmailInvitationSerializer
from goedebuur.api import (
    AnonymousCacheMixin,
    ApiViewMixin,
    ProblemSerializer,
    ReadAnyoneWriteAuthenticated,
    ReadOnlyApiViewMixin,
    RevisionCheckedMixin,
    refused,
)
from goedebuur.municipalities.models import Municipality

from .. import permissions, services
from ..models import Cooperation
from .serializers import (
    CooperationFilter,
    CooperationFormSerializer,
    CooperationSerializer,
    IctDomainSerializer,
    MemberEmailInvitationInputSerializer,
    PolicyDomainSerializer,
    RegisterVersionSerializer,
    VersionSerializer,
    to_input,
)


class CooperationPermission(ReadAnyoneWriteAuthenticated):
    """The same rules as the register pages (`permissions`): creating needs an editor of a
    municipality or an administrator; changing, deleting and restoring an entry needs an
    administrator or an editor whose municipality is a current member."""

    def has_permission(self, request, view):
        if not super().has_permission(request, view):
            return False
        if request.method == "POST" and getattr(view, "action", None) == "create":
            return permissions.can_create(request.user)
        return True

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        return permissions.can_edit(request.user, obj)


SLUG_PARAMETER = OpenApiParameter(
    "slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="The cooperation's slug."
)
MEMBER_PARAMETER = OpenApiParameter(
    "gemeente",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="CBS code of the invited municipality or of the member whose removal is proposed.",
)
INVITATION_PARAMETER = OpenApiParameter(
    "uitnodigingId", OpenApiTypes.INT, OpenApiParameter.PATH, description="`id` of the e-mail invitation."
)
VERSION_PARAMETER = OpenApiParameter(
    "versieId", OpenApiTypes.INT, OpenApiParameter.PATH, description="`id` of a version (see /versies)."
)


@extend_schema_view(
    list=extend_schema(
        summary="List cooperations",
        description=(
            "The register, paginated, by name: every regeling of the national GR-register "
            "(`herkomst` `gr-register`) and the cooperations added on the platform (`goede-buur`). "
            "Open to everyone."
        ),
    ),
    retrieve=extend_schema(summary="One cooperation", parameters=[SLUG_PARAMETER]),
    create=extend_schema(
        summary="Add a cooperation",
        description=(
            "For editors of a municipality (which must be a current member) and administrators. "
            "Answers 201 with the new entry and its `Location`."
        ),
    ),
    update=extend_schema(
        summary="Replace a cooperation",
        description=(
            "All fields; optional ones left out get their default. For administrators and editors "
            "whose municipality is a current member. For a regeling from the GR-register the "
            "register's fields must keep their values (400 naming the field otherwise)."
        ),
        parameters=[SLUG_PARAMETER],
    ),
    partial_update=extend_schema(
        summary="Change some fields of a cooperation",
        description=(
            "Only the fields given change; `deelnemers`, `domeinen`, `beleidsdomeinen` and `bronnen` "
            "are replaced as a whole when given. Same permissions as PUT. For a regeling from the "
            "GR-register (`herkomst` `gr-register`) only what members add can change: `domeinen`, "
            "`beleidsdomeinen`, `omschrijving`, `gedeeldeDiensten`, `contact`, `bronnen` and the `rol` "
            "of each member (give `deelnemers` with the register's dates); a change to `naam`, `vorm`, "
            "`vormVolgensBronnen`, `status`, the dates or who takes part answers 400 naming the field. "
            "Any save confirms derived domains (`domeinenBevestigd`)."
        ),
        parameters=[SLUG_PARAMETER],
    ),
    destroy=extend_schema(
        summary="Delete a cooperation",
        description=(
            "Soft delete: the entry leaves the register and can be restored from its versions. "
            "Same permissions as PUT. A regeling from the GR-register ends when the register says so: "
            "deleting it is refused (403) except for administrators."
        ),
        parameters=[SLUG_PARAMETER],
    ),
)
class CooperationViewSet(
    AnonymousCacheMixin,
    RevisionCheckedMixin,
    ApiViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = CooperationSerializer
    permission_classes = [CooperationPermission]
    filterset_class = CooperationFilter
    lookup_field = "slug"
    anonymous_cache_version = staticmethod(lambda request: services.register_version())

    def get_queryset(self):
        return (
            services.live_cooperations(self.request.user)
            .prefetch_related("sources", "policy_domains")
            .order_by("name", "slug")
        )

    def _answer(self, cooperation, status_code=status.HTTP_200_OK, headers=None):
        fresh = (
            Cooperation.objects.filter(pk=cooperation.pk)
            .select_related("form")
            .prefetch_related(
                "domains",
                "policy_domains",
                "memberships__municipality",
                "sources",
                services.open_member_changes_prefetch(),
            )
            .get()
        )
        return Response(self.get_serializer(fresh).data, status=status_code, headers=headers)

    def _save(self, request, instance=None, partial=False):
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return services.save_cooperation(
            to_input(serializer.validated_data, instance), user=request.user, instance=instance
        )

    def create(self, request, *args, **kwargs):
        cooperation = self._save(request)
        location = reverse("api:samenwerking-detail", args=[cooperation.slug], request=request)
        return self._answer(cooperation, status.HTTP_201_CREATED, headers={"Location": location})

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        return self._answer(self._save(request, self.get_object(), partial=partial))

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request, *args, **kwargs):
        try:
            services.delete_cooperation(self.get_object(), request.user)
        except PermissionDenied as error:  # DRF would answer a bare "Forbidden": keep the service's reason
            raise exceptions.PermissionDenied(str(error) or None) from None
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _with_history(self, slug):
        """A cooperation, deleted ones included for those who may restore them (404 for others)."""
        cooperation = get_object_or_404(Cooperation, slug=slug)
        if cooperation.deleted_at and not permissions.can_restore(self.request.user, cooperation):
            raise Http404
        return cooperation

    @extend_schema(
        summary="Versions of a cooperation",
        description=(
            "Every change to the entry, newest first, with the fields that changed and the full "
            "state after the change. Deleted entries: only for those who may restore them."
        ),
        parameters=[SLUG_PARAMETER],
        responses=VersionSerializer(many=True),
        filters=False,
    )
    @action(detail=True, url_path="versies", filter_backends=[])
    def versions(self, request, slug=None):
        cooperation = self._with_history(slug)
        page = self.paginate_queryset(services.versions(cooperation))
        context = self.get_serializer_context() | {"slug": cooperation.slug}
        return self.get_paginated_response(VersionSerializer(page, many=True, context=context).data)

    @extend_schema(
        summary="Versions of a regeling in the GR-register",
        description=(
            "The version records of the regeling in the national GR-register (ROO), newest first, "
            "with their participants and who joined or left with each version. Empty for entries "
            "added on the platform. These are the register's versions, not Goede Buur's change "
            "history (see /versies)."
        ),
        parameters=[SLUG_PARAMETER],
        responses=RegisterVersionSerializer(many=True),
        filters=False,
    )
    @action(detail=True, url_path="versies-register", url_name="register-versions", filter_backends=[])
    def register_versions(self, request, slug=None):
        cooperation = self.get_object()
        page = self.paginate_queryset(services.register_history(cooperation))
        return self.get_paginated_response(RegisterVersionSerializer(page, many=True).data)

    @extend_schema(
        summary="Restore a version",
        description=(
            "Bring the entry back to the state of one of its versions (also undoes a delete). "
            "Recorded as a new version. Same permissions as PUT."
        ),
        operation_id="samenwerkingen_versie_herstellen",
        parameters=[SLUG_PARAMETER, VERSION_PARAMETER],
        request=None,
        responses=CooperationSerializer,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"versies/(?P<versieId>[0-9]+)/herstellen",
        url_name="restore",
        filter_backends=[],
    )
    def restore(self, request, slug=None, versieId=None):  # versieId: lowerCamelCase path parameter
        cooperation = self._with_history(slug)
        self.check_object_permissions(request, cooperation)
        if not services.versions(cooperation).filter(pk=versieId).exists():
            raise Http404
        return self._answer(services.restore_version(cooperation, int(versieId), request.user))

    def _member_answer(self, slug, gemeente, agree: bool):
        """Consent is decided by the service (the invited municipality, the members asked, the
        proposer, an administrator), not by the edit permission: an invited municipality may answer."""
        cooperation = services.get_live(slug, everyone=True)
        municipality = Municipality.objects.filter(code=gemeente.upper()).first()
        if cooperation is None or municipality is None:
            raise Http404
        services.answer_member_change(cooperation, municipality, self.request.user, agree)
        return self._answer(cooperation)

    @extend_schema(
        summary="Accept an invitation or agree to a member change",
        description=(
            "For an editor of the invited municipality (accepts the invitation) or of a member whose "
            "consent the change needs (agrees to it). The change applies once everyone asked has agreed: "
            "an invitation needs the invited municipality and the members at the time it was made, except "
            "the proposer's own municipality; a removal needs those members. An administrator's answer "
            "applies the change at once. 400 when nothing is open for the municipality, 403 when the "
            "caller's municipality has no say. Answers the cooperation."
        ),
        operation_id="samenwerkingen_deelnemer_accepteren",
        parameters=[SLUG_PARAMETER, MEMBER_PARAMETER],
        request=None,
        responses=CooperationSerializer,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"deelnemers/(?P<gemeente>[A-Za-z0-9]+)/accepteren",
        url_name="accept-member",
        filter_backends=[],
    )
    def accept_member(self, request, slug=None, gemeente=None):
        return self._member_answer(slug, gemeente, agree=True)

    @extend_schema(
        summary="Decline an invitation or a member change",
        description=(
            "For an editor of the invited municipality or of a member whose consent the change needs: "
            "one refusal declines the change and nothing changes. The proposing municipality's editor "
            "withdraws the change with it. An administrator's refusal declines at once. Answers the "
            "cooperation."
        ),
        operation_id="samenwerkingen_deelnemer_weigeren",
        parameters=[SLUG_PARAMETER, MEMBER_PARAMETER],
        request=None,
        responses=CooperationSerializer,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"deelnemers/(?P<gemeente>[A-Za-z0-9]+)/weigeren",
        url_name="decline-member",
        filter_backends=[],
    )
    def decline_member(self, request, slug=None, gemeente=None):
        return self._member_answer(slug, gemeente, agree=False)

    # --- invitations by e-mail of invited municipalities (the same mechanism as trajectories) ---

    def _editable_live(self, slug) -> Cooperation:
        cooperation = services.get_live(slug)
        if cooperation is None:
            raise Http404
        if not permissions.can_edit(self.request.user, cooperation):
            raise PermissionDenied(_("U mag dit samenwerkingsverband niet wijzigen."))
        return cooperation

    @extend_schema(
        methods=["GET"],
        summary="E-mail invitations of a cooperation",
        description="Who was reached: every invitation by e-mail of a municipality invited into the "
        "cooperation, newest first. For editors of members and administrators (the addresses are personal "
        "data).",
        operation_id="samenwerkingen_e_mailuitnodigingen_lijst",
        parameters=[SLUG_PARAMETER],
        request=None,
        responses={
            200: EmailInvitationSerializer(many=True),
            403: OpenApiResponse(
                ProblemSerializer, description="Not an editor of a member or an administrator."
            ),
        },
    )
    @extend_schema(
        methods=["POST"],
        summary="Invite a contact of an invited municipality by e-mail",
        description="The same as for trajectories: a single-use link that creates an editor account of the "
        "invited municipality and accepts the invitation for it (the members' consent still counts). "
        "`status` tells honestly whether the mail was sent, only logged, failed or waits for an "
        "administrator's approval (an address outside the municipality's known mail domains).",
        operation_id="samenwerkingen_e_mailuitnodigingen_maken",
        parameters=[SLUG_PARAMETER],
        request=MemberEmailInvitationInputSerializer,
        responses={201: EmailInvitationSerializer},
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="e-mailuitnodigingen",
        url_name="email-invitations",
        filter_backends=[],
        pagination_class=None,
    )
    def email_invitations(self, request, slug=None):
        cooperation = self._editable_live(slug)
        if request.method == "GET":
            invitations = services.invitations_of_cooperation(cooperation)
            return Response(EmailInvitationSerializer(invitations, many=True).data)
        serializer = MemberEmailInvitationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            invitation = services.invite_member_contact(
                cooperation, data["municipality"], data["email"], request.user
            )
        except DjangoValidationError as error:
            raise refused(error, MemberEmailInvitationInputSerializer) from None
        return Response(EmailInvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)

    def _one_invitation(self, slug, uitnodigingId, how):
        cooperation = self._editable_live(slug)
        try:
            invitation = services.member_invitation_of(cooperation, uitnodigingId)
        except DjangoValidationError:
            raise Http404 from None
        try:
            invitation = services.change_member_invitation(cooperation, invitation, how, self.request.user)
        except DjangoValidationError as error:
            raise refused(error, EmailInvitationSerializer) from None
        return Response(EmailInvitationSerializer(invitation).data)

    @extend_schema(
        summary="Send an e-mail invitation again",
        description="With a new link and expiry date; the old link stops working.",
        operation_id="samenwerkingen_e_mailuitnodiging_opnieuw_versturen",
        parameters=[SLUG_PARAMETER, INVITATION_PARAMETER],
        request=None,
        responses=EmailInvitationSerializer,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"e-mailuitnodigingen/(?P<uitnodigingId>[0-9]+)/opnieuw-versturen",
        url_name="email-invitation-resend",
        filter_backends=[],
    )
    def resend_email_invitation(self, request, slug=None, uitnodigingId=None):  # noqa: N803
        return self._one_invitation(slug, uitnodigingId, "resend")

    @extend_schema(
        summary="Withdraw an e-mail invitation",
        description="The link stops working; the municipality stays invited.",
        operation_id="samenwerkingen_e_mailuitnodiging_intrekken",
        parameters=[SLUG_PARAMETER, INVITATION_PARAMETER],
        request=None,
        responses=EmailInvitationSerializer,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"e-mailuitnodigingen/(?P<uitnodigingId>[0-9]+)/intrekken",
        url_name="email-invitation-withdraw",
        filter_backends=[],
    )
    def withdraw_email_invitation(self, request, slug=None, uitnodigingId=None):  # noqa: N803
        return self._one_invitation(slug, uitnodigingId, "withdraw")


@extend_schema_view(
    list=extend_schema(summary="List ICT domains", description="All ICT domains, in order (not paginated)."),
    retrieve=extend_schema(
        summary="One ICT domain",
        parameters=[OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH)],
    ),
)
class IctDomainViewSet(ReadOnlyApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = IctDomainSerializer
    lookup_field = "slug"
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return services.domains().order_by("order", "name")


@extend_schema_view(
    list=extend_schema(
        summary="List policy domains",
        description="All policy domains other than ICT (afval, belastingen, sociaal domein, ...), in "
        "order (not paginated).",
    ),
    retrieve=extend_schema(
        summary="One policy domain",
        parameters=[OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH)],
    ),
)
class PolicyDomainViewSet(ReadOnlyApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = PolicyDomainSerializer
    lookup_field = "slug"
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return services.policy_domains().order_by("order", "name")


@extend_schema_view(
    list=extend_schema(
        summary="List cooperation forms",
        description="All legal and organisational forms of cooperation, in order (not paginated).",
    ),
    retrieve=extend_schema(
        summary="One cooperation form",
        parameters=[OpenApiParameter("code", OpenApiTypes.STR, OpenApiParameter.PATH)],
    ),
)
class CooperationFormViewSet(ReadOnlyApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = CooperationFormSerializer
    lookup_field = "code"
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return services.forms().order_by("order", "name")
