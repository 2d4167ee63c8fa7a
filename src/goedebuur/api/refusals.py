# SPDX-License-Identifier: EUPL-1.2
"""A service's refusal in the API's field names, read from the serializer's own field map.

Services name fields as the models do (`end_date`, `contract.end_date`, `party_a`); the API names
them as its serializers do (`einddatum`, `contract.einddatum`, `gemeenteA`). The serializer is the
single field map, so the names are read backwards from its `source`s; nothing is restated. Used by
the central problem handler (with the view's serializer) and by views that validate with another
serializer than their `serializer_class` (`raise refused(error, SomeSerializer) from None`)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from goedebuur.common import messages_by_field

NON_FIELD = "nonFieldErrors"


def _fields(serializer):
    if isinstance(serializer, type):
        serializer = serializer()
    if isinstance(serializer, serializers.ListSerializer):
        serializer = serializer.child
    return serializer.fields if isinstance(serializer, serializers.Serializer) else {}


def field_names(serializer) -> dict[str, str]:
    """{service field name: API field name} of a serializer (class or instance). Writable fields win
    over read-only ones with the same source. A relation is also known by its attribute (`guest`
    for `guest.code`, `application` for `application_id`); nested serializers give dotted names
    (`contract.end_date` -> `contract.einddatum`; also `contract_end_date`)."""
    names: dict[str, str] = {}
    fields = sorted(_fields(serializer).items(), key=lambda item: item[1].read_only)
    for name, field in fields:
        if field.source == "*":
            continue
        attribute = field.source.split(".")[0]
        for key in (field.source, attribute, attribute.removesuffix("_id")):
            names.setdefault(key, name)
        for child_source, child_name in field_names(field).items():
            names.setdefault(f"{field.source}.{child_source}", f"{name}.{child_name}")
            names.setdefault(f"{field.source}_{child_source}", f"{name}.{child_name}")
    return names


def api_detail(error: DjangoValidationError, serializer=None, **extra) -> dict[str, list[str]]:
    """The refusal's messages by API field name; messages about the whole record under
    `nonFieldErrors`. `extra` names service fields the serializer has no field for."""
    names = {"__all__": NON_FIELD} | (field_names(serializer) if serializer is not None else {}) | extra
    return {names.get(field, field): messages for field, messages in messages_by_field(error).items()}


def refused(error: DjangoValidationError, serializer, **extra) -> serializers.ValidationError:
    """The refusal as DRF's ValidationError in the API's field names: the problem handler answers 400
    with `invalidParams`."""
    return serializers.ValidationError(api_detail(error, serializer, **extra))
