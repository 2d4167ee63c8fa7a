# SPDX-License-Identifier: EUPL-1.2
"""Serializer fields that compute their value from the whole object, so that a serializer stays the
single field map of a resource even where a value is not a plain attribute (a rounded number, a URL,
a total from the context). The field's class still describes the value in the OpenAPI schema."""

from django.urls import reverse
from rest_framework import serializers

_CLASSES: dict[type, type] = {}


class _ComputedMixin:
    def __init__(self, function, **kwargs):
        super().__init__(source="*", **kwargs)
        self.function = function

    def to_representation(self, instance):
        value = self.function(instance, self.context)
        return None if value is None else super().to_representation(value)


def computed(field_class: type[serializers.Field], function, **kwargs) -> serializers.Field:
    """A `field_class` field whose value is `function(obj, serializer_context)`."""
    cls = _CLASSES.get(field_class)
    if cls is None:
        cls = _CLASSES[field_class] = type(
            f"Computed{field_class.__name__}", (_ComputedMixin, field_class), {}
        )
    return cls(function, **kwargs)


def municipality_url(obj, context) -> str:
    """The absolute API URL of a municipality (anything with a CBS `code`)."""
    return context["request"].build_absolute_uri(reverse("api:gemeente-detail", args=[obj.code]))
