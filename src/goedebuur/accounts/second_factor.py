# SPDX-License-Identifier: EUPL-1.2
"""Two-step verification: setting up, checking and switching off a user's TOTP second factor
(accounts.SecondFactor, codes from goedebuur.core.accounts.totp) and the pending login between the password and
the code (kept in the session for PENDING_SECONDS)."""

import time

from django.db import transaction
from django.utils import timezone

from goedebuur.core.accounts import totp

from .models import RecoveryCode, SecondFactor, User

PENDING_SESSION_KEY = "second_factor_pending"
PENDING_SECONDS = 5 * 60


def current_time() -> float:
    """Unix time; tests replace it to compute codes at a known moment."""
    return time.time()


def confirmed_factor(user) -> SecondFactor | None:
    if user is None or not getattr(user, "pk", None):
        return None
    return SecondFactor.objects.filter(user=user, confirmed=True).first()


def is_required(user) -> bool:
    """Whether a login of `user` needs a code after the password."""
    return confirmed_factor(user) is not None


# --- setting up -----------------------------------------------------------------------------------------


def start_setup(user) -> SecondFactor:
    """A new, unconfirmed factor with a fresh secret (replacing an earlier unconfirmed one). A confirmed
    factor is left alone: it must be switched off first."""
    factor = SecondFactor.objects.filter(user=user).first()
    if factor is not None and factor.confirmed:
        return factor
    if factor is None:
        return SecondFactor.objects.create(user=user, secret=totp.new_secret())
    factor.secret = totp.new_secret()
    factor.last_used_step = -1
    factor.save(update_fields=["secret", "last_used_step"])
    factor.recovery_codes.all().delete()
    return factor


@transaction.atomic
def confirm(factor: SecondFactor, code: str) -> list[str] | None:
    """Confirm an unconfirmed factor with a first code from the app: its recovery codes (shown once), or
    None when the code is wrong (nothing changes)."""
    if factor.confirmed:
        return None
    step = totp.verify(factor.secret, code, current_time())
    if step is None:
        return None
    factor.confirmed = True
    factor.confirmed_at = timezone.now()
    factor.last_used_step = step
    factor.save(update_fields=["confirmed", "confirmed_at", "last_used_step"])
    return replace_recovery_codes(factor)


@transaction.atomic
def replace_recovery_codes(factor: SecondFactor) -> list[str]:
    """New recovery codes; the earlier ones stop working. Only their hashes are stored."""
    factor.recovery_codes.all().delete()
    codes = totp.new_recovery_codes()
    RecoveryCode.objects.bulk_create(
        RecoveryCode(factor=factor, code_hash=totp.hash_recovery_code(code)) for code in codes
    )
    return codes


def disable(user) -> None:
    SecondFactor.objects.filter(user=user).delete()  # its recovery codes cascade


def unused_recovery_codes(factor: SecondFactor) -> int:
    return factor.recovery_codes.filter(used_at__isnull=True).count()


# --- checking -------------------------------------------------------------------------------------------


def use_totp_code(factor: SecondFactor, code: str) -> bool:
    """Accept a code from the app once: its time step must be newer than the last one used. The update
    is conditional, so two requests with the same code cannot both succeed."""
    step = totp.verify(factor.secret, code, current_time())
    if step is None:
        return False
    updated = SecondFactor.objects.filter(pk=factor.pk, last_used_step__lt=step).update(last_used_step=step)
    if updated:
        factor.last_used_step = step
    return bool(updated)


def use_recovery_code(factor: SecondFactor, code: str) -> bool:
    """Accept an unused recovery code and mark it used (conditionally, so only once)."""
    if not totp.normalise_recovery_code(code):
        return False
    return bool(
        RecoveryCode.objects.filter(
            factor=factor, code_hash=totp.hash_recovery_code(code), used_at__isnull=True
        ).update(used_at=timezone.now())
    )


def check_login_code(factor: SecondFactor, code: str) -> str | None:
    """ "totp" or "recovery" for an accepted code (then used up), None otherwise."""
    if totp.normalise_code(code) is not None:
        return "totp" if use_totp_code(factor, code) else None
    return "recovery" if use_recovery_code(factor, code) else None


def check_code_or_password(user, value: str) -> bool:
    """For switching off or renewing recovery codes: a current code from the app, or the password."""
    factor = SecondFactor.objects.filter(user=user).first()
    if factor is not None and factor.confirmed and totp.normalise_code(value) is not None:
        if use_totp_code(factor, value):
            return True
    return bool(value) and user.check_password(value)


# --- the pending login ----------------------------------------------------------------------------------


def start_pending(request, user, next_url: str = "") -> None:
    """The password was right; remember who is logging in until the code is given."""
    request.session[PENDING_SESSION_KEY] = {
        "user_id": user.pk,
        "backend": getattr(user, "backend", None),
        "started": current_time(),
        "next": next_url or "",
    }
    request.second_factor_pending = True


def pending(request) -> tuple[User, dict] | None:
    """The user waiting for the second step and the pending data, or None (also when it has expired,
    after PENDING_SECONDS, or the user no longer qualifies)."""
    data = request.session.get(PENDING_SESSION_KEY)
    if not isinstance(data, dict):
        return None
    started = data.get("started")
    if not isinstance(started, int | float) or not 0 <= current_time() - started <= PENDING_SECONDS:
        clear_pending(request)
        return None
    user = User.objects.filter(pk=data.get("user_id"), is_active=True).first()
    if user is None or not is_required(user):
        clear_pending(request)
        return None
    if data.get("backend"):
        user.backend = data["backend"]
    return user, data


def clear_pending(request) -> None:
    request.session.pop(PENDING_SESSION_KEY, None)
