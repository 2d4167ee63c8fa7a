# SPDX-License-Identifier: EUPL-1.2
"""The one way a register entry gets its address (`/samenwerkingen/<slug>`)."""

from django.utils.text import slugify

from .models import Cooperation

RESERVED_SLUGS = {"nieuw"}  # would clash with /samenwerkingen/nieuw


def unique_slug(name: str, exclude_pk=None) -> str:
    base = slugify(name)[:200] or "samenwerking"
    if base in RESERVED_SLUGS:
        base = f"{base}-samenwerking"
    slug, n = base, 2
    while Cooperation.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
