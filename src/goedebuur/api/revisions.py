# SPDX-License-Identifier: EUPL-1.2
"""Optimistic locking in the API: single records carry `ETag: "<revision>"`; PUT, PATCH, DELETE and
other writes to one record may send it back in `If-Match`. A stale `If-Match` answers 412 before
anything changes; a save that loses a race with another writer answers 409 (`EditConflict`). The ETag
is always `history.etag()`: of the record, or (`revision_etag`) of the revision an answer shows."""

from types import SimpleNamespace

from rest_framework import exceptions, serializers, status
from rest_framework.permissions import SAFE_METHODS

from goedebuur.history import services as history

DETAIL_ACTIONS = {"retrieve", "create", "update", "partial_update"}


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record has changed since the revision given in If-Match."
    default_code = "precondition_failed"


class EditConflictError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Someone else changed the record while this request was being handled."
    default_code = "conflict"


def check_if_match(request, instance) -> None:
    revisions = history.parse_if_match(request.headers.get("If-Match"))
    if revisions is not None and instance.revision not in revisions:
        raise PreconditionFailed(
            f"The record is at revision {instance.revision} (ETag {history.etag(instance)}), not the one "
            "in If-Match. Fetch it again, apply your change to the current version and retry."
        )


def revision_etag(revision: int) -> str:
    """The ETag of a record at `revision` (as an answer's `revisie` shows it), for when the answer
    holds the revision but not the record."""
    return history.etag(SimpleNamespace(revision=revision))


class RevisionCheckedMixin:
    """For viewsets of `Versioned` records whose serializer has a read-only `revisie` field."""

    revision_checked = True

    def get_object(self):
        instance = super().get_object()
        if self.request.method not in SAFE_METHODS:
            check_if_match(self.request, instance)
        return instance

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        data = getattr(response, "data", None)
        if (
            getattr(self, "action", None) in DETAIL_ACTIONS
            and response.status_code in (200, 201)
            and isinstance(data, dict)
            and isinstance(data.get("revisie"), int)
        ):
            response["ETag"] = revision_etag(data["revisie"])
        return response


def conflict_error(conflict) -> EditConflictError:
    return EditConflictError(
        f"Someone else saved this record after revision {conflict.expected}; nothing was changed. "
        "Fetch it again (its ETag is the current revision), apply your change and retry."
    )


def revision_field():
    return serializers.IntegerField(
        source="revision",
        read_only=True,
        help_text='Goes up by one with every change; the `ETag` header is this number in quotes (`"3"`).',
    )
