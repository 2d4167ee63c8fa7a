# SPDX-License-Identifier: EUPL-1.2
"""No text longer than its field's `max_length` is stored, whatever the entry point.

Every text field of the platform has a maximum length (issue 18: a 100,000-character string was
accepted and made pages 800,000 px wide). Forms and serializers refuse a longer text first, with the
field's name (and the OpenAPI description shows each `maxLength`); this check, on every save of a
model of the platform, is the rule itself: services that build records from imports, the command line
or several forms at once are covered too, and SQLite (which does not enforce a column's length)
behaves as PostgreSQL. A longer text is a `ValidationError` per field with Django's Dutch message,
which pages, API (400 `invalidParams`) and CLI show like any other refusal of a service.

Queryset `update()` and `bulk_create()` do not pass here; the services do not use them for text that a
user typed."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.signals import pre_save

TEXT_FIELDS = (models.CharField, models.TextField)


def refuse_too_long_text(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:  # loading a fixture or a backup: stored as it was
        return
    errors = {}
    for field in sender._meta.concrete_fields:
        if not isinstance(field, TEXT_FIELDS) or not field.max_length:
            continue
        if update_fields is not None and field.name not in update_fields:
            continue
        value = getattr(instance, field.attname)
        if isinstance(value, str) and len(value) > field.max_length:
            try:
                MaxLengthValidator(field.max_length)(value)
            except ValidationError as error:
                errors[field.name] = error.messages
    if errors:
        raise ValidationError(errors)


def connect():
    """For every model of the platform (goedebuur.*), not Django's own."""
    from django.apps import apps

    for model in apps.get_models():
        if model.__module__.startswith("goedebuur."):
            pre_save.connect(
                refuse_too_long_text, sender=model, dispatch_uid=f"text-limits-{model._meta.label}"
            )
