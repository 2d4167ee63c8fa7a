# SPDX-License-Identifier: EUPL-1.2
"""What an authenticator app computes (RFC 6238 TOTP on RFC 4226 HOTP, HMAC-SHA1, six digits, 30-second
steps), written out here apart from django-otp, so the tests check the server against an independent
implementation (itself checked against the RFC's test vectors in test_second_factor_codes.py)."""

import base64
import hashlib
import hmac
import struct


def key(secret: str) -> bytes:
    cleaned = "".join(secret.split()).upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def hotp(secret: str, counter: int, digits: int = 6) -> str:
    digest = hmac.new(key(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def code_at(secret: str, at: float, digits: int = 6) -> str:
    """The code the app shows at Unix time `at`."""
    return hotp(secret, int(at // 30), digits)
