# SPDX-License-Identifier: EUPL-1.2
"""Creating, finding and revoking personal API tokens (the model is accounts.ApiToken)."""

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone

from .models import ApiToken

KEY_PREFIX = "gb_"
# Writing "last used" on every request would turn every API read into a write; a minute is precise enough.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def hash_key(key: str) -> str:
    # The keys are 256 random bits, so a fast hash is enough (no password stretching needed).
    return hashlib.sha256(key.encode()).hexdigest()


def create_token(user, name: str, scope: str) -> tuple[ApiToken, str]:
    """A new token and its key; the key is not stored and cannot be shown again."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip(), scope=scope, prefix=key[: len(KEY_PREFIX) + 6], key_hash=hash_key(key)
    )
    return token, key


def find_active(key: str) -> ApiToken | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_key(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def revoke(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
