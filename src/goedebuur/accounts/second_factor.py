# SPDX-License-Identifier: EUPL-1.2
"""Two-step verification: setting up, checking and switching off a user's TOTP second factor and the
pending login between the password and the code (kept in the session for PENDING_SECONDS).

The factor is django-otp's TOTPDevice (seen as accounts.SecondFactor): django-otp generates the secret,
computes and checks the codes (RFC 6238, one step of clock drift either way) and refuses a code whose
time step is not newer than the last one accepted. The recovery codes are this app's (hashed, see
RecoveryCode), and so is the URI the app reads (see provisioning_uri)."""

import hashlib
import secrets
import time
from urllib.parse import quote, urlencode

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import default_key

from .models import RecoveryCode, SecondFactor, User

ISSUER = "Goede Buur"
DEVICE_NAME = "Authenticator-app"
DIGITS = 6
STEP = 30
RECOVERY_CODE_COUNT = 10
# Lower-case letters and digits without the easily confused 0/o, 1/l/i.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_LENGTH = 10  # ≈ 49 bits each, written as two groups of five

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


@transaction.atomic
def start_setup(user) -> SecondFactor:
    """A new, unconfirmed factor with a fresh secret (replacing an earlier unconfirmed one). A confirmed
    factor is left alone: it must be switched off first. One factor per user: django-otp allows several
    devices, so the user's row is locked while the factor is looked up and created."""
    User.objects.select_for_update().filter(pk=user.pk).first()
    factor = SecondFactor.objects.filter(user=user).first()
    if factor is not None and factor.confirmed:
        return factor
    if factor is None:
        return SecondFactor.objects.create(
            user=user, name=DEVICE_NAME, confirmed=False, step=STEP, digits=DIGITS, tolerance=1
        )
    factor.key = default_key()
    factor.last_t = -1
    factor.drift = 0
    factor.save(update_fields=["key", "last_t", "drift"])
    factor.recovery_codes.all().delete()
    return factor


@transaction.atomic
def confirm(factor: SecondFactor, code: str) -> list[str] | None:
    """Confirm an unconfirmed factor with a first code from the app: its recovery codes (shown once), or
    None when the code is wrong (nothing changes)."""
    if factor.confirmed or not use_totp_code(factor, code):
        return None
    factor.confirmed = True
    factor.created_at = timezone.now()  # shown as "Ingesteld op" (SecondFactor.confirmed_at)
    factor.save(update_fields=["confirmed", "created_at"])
    return replace_recovery_codes(factor)


@transaction.atomic
def replace_recovery_codes(factor: SecondFactor) -> list[str]:
    """New recovery codes; the earlier ones stop working. Only their hashes are stored."""
    factor.recovery_codes.all().delete()
    codes = new_recovery_codes()
    RecoveryCode.objects.bulk_create(
        RecoveryCode(factor=factor, code_hash=hash_recovery_code(code)) for code in codes
    )
    return codes


def disable(user) -> None:
    SecondFactor.objects.filter(user=user).delete()  # every TOTP device of the user; recovery codes cascade


def unused_recovery_codes(factor: SecondFactor) -> int:
    return factor.recovery_codes.filter(used_at__isnull=True).count()


# --- checking -------------------------------------------------------------------------------------------


def use_totp_code(factor: SecondFactor, code: str) -> bool:
    """Accept a code from the app once: django-otp's verify_token accepts only a time step newer than
    the last one used (`last_t`). The device row is locked while it checks and stores (as
    django_otp.verify_token does), so two requests with the same code cannot both succeed."""
    cleaned = normalise_code(code)
    if cleaned is None:
        return False  # django-otp would take int(" +12 345"), Unicode digits and all
    with transaction.atomic():
        device = SecondFactor.objects.select_for_update().get(pk=factor.pk)
        accepted = device.verify_token(cleaned)
    if accepted:
        factor.last_t = device.last_t
    return accepted


def use_recovery_code(factor: SecondFactor, code: str) -> bool:
    """Accept an unused recovery code and mark it used (conditionally, so only once)."""
    if not normalise_recovery_code(code):
        return False
    return bool(
        RecoveryCode.objects.filter(
            factor=factor, code_hash=hash_recovery_code(code), used_at__isnull=True
        ).update(used_at=timezone.now())
    )


def check_login_code(factor: SecondFactor, code: str) -> str | None:
    """ "totp" or "recovery" for an accepted code (then used up), None otherwise."""
    if normalise_code(code) is not None:
        return "totp" if use_totp_code(factor, code) else None
    return "recovery" if use_recovery_code(factor, code) else None


def check_code_or_password(user, value: str) -> bool:
    """For switching off or renewing recovery codes: a current code from the app, or the password."""
    factor = SecondFactor.objects.filter(user=user).first()
    if factor is not None and factor.confirmed and normalise_code(value) is not None:
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


# --- codes and presentation ------------------------------------------------------------------------------


def normalise_code(code: str) -> str | None:
    """The code without white space, or None unless it is exactly six ASCII digits."""
    cleaned = "".join(str(code).split())
    if len(cleaned) != DIGITS or not (cleaned.isascii() and cleaned.isdigit()):
        return None
    return cleaned


def provisioning_uri(factor: SecondFactor, account: str) -> str:
    """The otpauth:// URI an authenticator app reads (Key Uri Format), with a literal colon between
    issuer and account as shown until now (django-otp's config_url encodes it as %3A)."""
    label = quote(f"{ISSUER}:{account}", safe=":@")
    query = urlencode(
        {
            "secret": factor.secret,
            "issuer": ISSUER,
            "algorithm": "SHA1",
            "digits": factor.digits,
            "period": factor.step,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"


def grouped(secret: str, size: int = 4) -> str:
    """The secret in groups of four, easier to type over: "ABCD EFGH …"."""
    return " ".join(secret[i : i + size] for i in range(0, len(secret), size))


def new_recovery_codes(count: int = RECOVERY_CODE_COUNT) -> list[str]:
    """`count` random recovery codes such as "k7m2p-x9qra"."""
    codes = []
    for _ in range(count):
        raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    return codes


def normalise_recovery_code(code: str) -> str:
    """Lower case, without spaces and dashes: how a typed recovery code is compared."""
    return "".join(ch for ch in str(code).lower() if ch not in " -\t\r\n")


def hash_recovery_code(code: str) -> str:
    """SHA-256 of the normalised code. The codes are random (≈ 49 bits) and refused after a few wrong
    tries by the login throttle, so a fast hash suffices."""
    return hashlib.sha256(normalise_recovery_code(code).encode()).hexdigest()
