# SPDX-License-Identifier: EUPL-1.2
"""Optimistic locking: every editable record carries a `revision` that goes up by one on each save.

A save only succeeds when the stored revision is still the one the instance was loaded with (or the
one the editor's form or the API's `If-Match` header says they saw). The check and the increment are
one conditional UPDATE, so two editors saving at the same moment cannot both win: the second gets
`EditConflict`, never a silent overwrite. Forms show `conflict_message()`; the API answers 409.

Usage in an app:
    class Cooperation(Versioned): ...                       # the field and the checked save()
    expect_revision(instance, form.cleaned_data["revision"])  # before the service saves it
"""

from django.db import models, router, transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class EditConflict(Exception):
    """The record was saved by someone else after this copy of it was loaded."""

    def __init__(self, model, pk, expected):
        self.model = model
        self.pk = pk
        self.expected = expected
        super().__init__(f"{model._meta.label} {pk}: revision {expected} is no longer current")

    def current(self):
        return self.model._base_manager.filter(pk=self.pk).first()


class Versioned(models.Model):
    revision = models.PositiveIntegerField(
        _("revisie"),
        default=1,
        editable=False,
        help_text=_(
            "Gaat bij elke wijziging één omhoog; voorkomt dat twee mensen elkaars werk overschrijven."
        ),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding or self.pk is None or kwargs.get("force_insert"):
            return super().save(*args, **kwargs)
        expected = self.revision
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            claimed = (
                type(self)
                ._base_manager.using(using)
                .filter(pk=self.pk, revision=expected)
                .update(revision=F("revision") + 1)
            )
            if not claimed:
                raise EditConflict(type(self), self.pk, expected)
            self.revision = expected + 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "revision"}
            return super().save(*args, **kwargs)


def expect_revision(instance: Versioned, revision) -> None:
    """The revision the editor saw: the next save fails with EditConflict when it is no longer current.
    None (a client that sent no revision) keeps the revision the instance was loaded with."""
    if revision is not None:
        instance.revision = int(revision)


def revision_from(data) -> int | None:
    """The `revision` a plain HTML form posted (a confirmation page without a Django form); None when
    it is missing or not a number, so that an old page without the field still works."""
    value = str(data.get("revision", "")).strip()
    return int(value) if value.isdigit() else None


def parse_if_match(header: str | None) -> list[int] | None:
    """The revisions in an `If-Match` header (`"3"`, `"3", "4"`); None when absent or `*`.
    Weak validators (W/"3") never match, as RFC 9110 section 13.1.1 requires."""
    if header is None or header.strip() == "*":
        return None
    revisions = []
    for tag in header.split(","):
        tag = tag.strip()
        if tag.startswith('"') and tag.endswith('"') and tag[1:-1].isdigit():
            revisions.append(int(tag[1:-1]))
    return revisions


def etag(instance: Versioned) -> str:
    return f'"{instance.revision}"'


def conflict_message(conflict: EditConflict) -> str:
    """A Dutch explanation for the second editor, naming who saved in between and when, if known."""
    current = conflict.current()
    if current is None:
        return gettext("Dit gegeven is intussen verwijderd. Uw wijzigingen zijn niet opgeslagen.")
    who = getattr(current, "updated_by", None)
    when = getattr(current, "updated_at", None)
    by = ""
    if who is not None and when is not None:
        by = gettext(" (door %(who)s, %(when)s)") % {
            "who": who.get_full_name() or who.get_username(),
            "when": formats.date_format(timezone.localtime(when), "DATETIME_FORMAT"),
        }
    return gettext(
        "Iemand anders heeft dit gegeven gewijzigd nadat u het opende%(by)s. Uw wijzigingen zijn niet "
        "opgeslagen, zodat die van de ander niet verloren gaan. Open de pagina opnieuw om de huidige "
        "versie te zien en breng uw wijziging daarin opnieuw aan."
    ) % {"by": by}
