# SPDX-License-Identifier: EUPL-1.2
"""Time-based one-time passwords (TOTP, RFC 6238 on HOTP, RFC 4226) and one-time recovery codes.

Standard library only. Times are Unix timestamps in seconds (`time.time()`); the caller passes them in, so
the functions are deterministic. `verify` returns the matched time-step counter: the caller stores the
last counter used and refuses a code whose counter is not newer, so an observed code cannot be replayed
within its validity window.

Secrets are base32 (RFC 4648) without padding, as authenticator apps expect them."""

import base64
import hashlib
import hmac
import secrets
import struct
from urllib.parse import quote, urlencode

ISSUER = "Goede Buur"
STEP = 30
DIGITS = 6
SECRET_BYTES = 20  # 160 bits, the HMAC-SHA1 block the RFC recommends

RECOVERY_CODE_COUNT = 10
# Lower-case letters and digits without the easily confused 0/o, 1/l/i.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_LENGTH = 10  # ≈ 49 bits each, written as two groups of five


def new_secret() -> str:
    """A random base32 secret (32 characters, no padding)."""
    return base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii").rstrip("=")


def _key(secret: str) -> bytes:
    cleaned = "".join(secret.split()).upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def counter_at(at: float, step: int = STEP) -> int:
    """The time-step counter T = floor(at / step) (RFC 6238 section 4.2, T0 = 0)."""
    return int(at // step)


def hotp(secret: str, counter: int, digits: int = DIGITS) -> str:
    """The HOTP value of `counter` (RFC 4226 section 5.3, HMAC-SHA1, dynamic truncation)."""
    digest = hmac.new(_key(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def totp(secret: str, at: float, step: int = STEP, digits: int = DIGITS) -> str:
    """The code valid at Unix time `at`."""
    return hotp(secret, counter_at(at, step), digits)


def normalise_code(code: str, digits: int = DIGITS) -> str | None:
    """The code without white space, or None unless it is exactly `digits` ASCII digits."""
    cleaned = "".join(str(code).split())
    if len(cleaned) != digits or not (cleaned.isascii() and cleaned.isdigit()):
        return None
    return cleaned


def verify(
    secret: str, code: str, at: float, window: int = 1, step: int = STEP, digits: int = DIGITS
) -> int | None:
    """The time-step counter whose code equals `code`, looking `window` steps before and after the step
    of `at` (clock drift, typing time); None when none matches or the code is malformed. Spaces are
    allowed ("123 456")."""
    cleaned = normalise_code(code, digits)
    if cleaned is None:
        return None
    current = counter_at(at, step)
    matched = None
    # Compare with every candidate, without stopping early, so the time taken does not tell which matched.
    for counter in range(current - window, current + window + 1):
        if counter >= 0 and hmac.compare_digest(hotp(secret, counter, digits), cleaned):
            matched = counter if matched is None else matched
    return matched


def provisioning_uri(secret: str, account: str, issuer: str = ISSUER) -> str:
    """The otpauth:// URI an authenticator app reads (Key Uri Format of Google Authenticator)."""
    label = quote(f"{issuer}:{account}", safe=":@")
    query = urlencode(
        {"secret": secret, "issuer": issuer, "algorithm": "SHA1", "digits": DIGITS, "period": STEP},
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
