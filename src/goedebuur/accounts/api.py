# SPDX-License-Identifier: EUPL-1.2
"""The field map of an invitation by e-mail in the API, shared by every app that invites
(/api/v1/trajecten/{id}/e-mailuitnodigingen, /api/v1/samenwerkingen/{slug}/e-mailuitnodigingen)."""

from rest_framework import serializers

from . import services


class EmailInvitationSerializer(serializers.Serializer):
    """An invitation by e-mail of a person at an invited municipality (who was reached); the same for
    trajectories and cooperations."""

    id = serializers.IntegerField(read_only=True)
    gemeente = serializers.CharField(source="municipality.code", read_only=True)
    email = serializers.EmailField(read_only=True)
    status = serializers.SerializerMethodField(
        help_text="`goedkeuring` (waits for an administrator), `verstuurd` (delivered to the mail server), "
        "`niet-verstuurd` (only written to the mail log: no mail server configured), `mislukt`, "
        "`aangenomen`, `afgewezen`, `ingetrokken`, or `verlopen` (the link expired)."
    )
    statusOmschrijving = serializers.SerializerMethodField(help_text="The status in Dutch words.")
    laatstVerstuurd = serializers.DateTimeField(source="sent_at", read_only=True, allow_null=True)
    keerVerstuurd = serializers.IntegerField(source="send_count", read_only=True)
    verlooptOp = serializers.DateTimeField(source="expires_at", read_only=True, allow_null=True)
    fout = serializers.CharField(source="send_error", read_only=True, help_text="The mail server's error.")

    class Meta:
        ref_name = "EmailUitnodiging"

    def get_status(self, invitation) -> str:
        return services.invitation_status_code(invitation)

    def get_statusOmschrijving(self, invitation) -> str:  # noqa: N802 - the API's field name
        return services.invitation_status_label(invitation)
