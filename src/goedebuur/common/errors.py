# SPDX-License-Identifier: EUPL-1.2
"""One mapping of a service's refusal to each surface that is not the API.

Services enforce every rule and raise Django's `ValidationError` (a dict of field -> messages, or
messages for the record as a whole) or `PermissionDenied`. Pages show the messages on the form,
the CLI turns them into a `CommandError`; the API's mapping to problem+json is in
`goedebuur.api.problems`. All three show the same Dutch sentences."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

NON_FIELD = "__all__"


def messages_by_field(error: ValidationError) -> dict[str, list[str]]:
    """{field: [messages]}; messages about the record as a whole under `__all__`."""
    if hasattr(error, "error_dict"):
        return {field: list(messages) for field, messages in error.message_dict.items()}
    return {NON_FIELD: list(error.messages)}


def add_to_form(form, error: ValidationError, field_map: Mapping[str, str | None] | None = None) -> None:
    """Show a service's refusal on a Django form: a message for a field the form has goes with that
    field (renamed through `field_map` where form and service name it differently), every other
    message at the top of the form."""
    field_map = field_map or {}
    for field, messages in messages_by_field(error).items():
        target = field_map.get(field, field)
        if target not in form.fields:
            target = None
        for message in messages:
            form.add_error(target, message)


def one_line(error: ValidationError | PermissionDenied) -> str:
    """All messages of a refusal as one sentence, for a notice on a page or a line on the terminal."""
    if isinstance(error, PermissionDenied):
        return str(error) or _("U hebt hiervoor geen toestemming.")
    return " ".join(message for messages in messages_by_field(error).values() for message in messages)


def command_error(error: ValidationError | PermissionDenied) -> CommandError:
    """The CLI's form of a service's refusal: `raise command_error(error) from None`; the command then
    exits with status 1 and prints the Dutch messages, field names first."""
    if isinstance(error, PermissionDenied):
        return CommandError(one_line(error))
    lines = []
    for field, messages in messages_by_field(error).items():
        prefix = "" if field == NON_FIELD else f"{field}: "
        lines.extend(prefix + message for message in messages)
    return CommandError("\n".join(lines))
