# SPDX-License-Identifier: EUPL-1.2
"""The codes of the second factor: django-otp's TOTP against the RFC test vectors and against an
independent authenticator (tests/accounts/authenticator.py), the window of one step either way, replay,
what a typed code may look like, the otpauth URI, the grouped secret and the recovery codes."""

import base64
from urllib.parse import parse_qs, urlsplit

import pytest
from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_totp.models import default_key
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.accounts import second_factor
from goedebuur.accounts.models import SecondFactor

from . import authenticator
from .conftest import START

# RFC 6238 Appendix B: the SHA1 seed is the ASCII string "12345678901234567890", codes have 8 digits.
RFC_KEY = b"12345678901234567890"
RFC_SECRET = base64.b32encode(RFC_KEY).decode()
RFC_VECTORS = [
    (59, "94287082"),
    (1111111109, "07081804"),
    (1111111111, "14050471"),
    (1234567890, "89005924"),
    (2000000000, "69279037"),
    (20000000000, "65353130"),
]
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
STEP = int(START // 30)


def library_code(at, digits=8, key=RFC_KEY):
    totp = TOTP(key, digits=digits)
    totp.time = at
    return str(totp.token()).zfill(digits)


@pytest.mark.parametrize(("at", "expected"), RFC_VECTORS)
def test_it_matches_the_rfc_6238_sha1_test_vectors(at, expected):
    assert library_code(at) == expected
    assert authenticator.code_at(RFC_SECRET, at, digits=8) == expected


def test_it_matches_the_rfc_4226_hotp_values():
    # RFC 4226 Appendix D, counters 0 and 9.
    assert hotp(RFC_KEY, 0) == 755224 and authenticator.hotp(RFC_SECRET, 0) == "755224"
    assert hotp(RFC_KEY, 9) == 520489 and authenticator.hotp(RFC_SECRET, 9) == "520489"


def test_a_new_secret_is_random_of_160_bits():
    one, two = default_key(), default_key()
    assert one != two and len(bytes.fromhex(one)) == 20
    assert len(SecondFactor(key=one).secret) == 32


@given(at=st.integers(min_value=200, max_value=2**40), key=st.binary(min_size=10, max_size=32))
@settings(max_examples=50)
def test_a_code_verifies_at_its_time_and_not_three_steps_away(at, key):
    secret = base64.b32encode(key).decode().rstrip("=")
    code = authenticator.code_at(secret, at)
    step = at // 30

    def accepted(moment):
        totp = TOTP(key)
        totp.time = moment
        return totp.verify(int(code), tolerance=1)

    assert accepted(at)
    for shift in (-3, 3):
        # Three steps away the window (one step either side) no longer reaches the code's own step; only
        # a chance collision of six digits with a step inside the window could match.
        inside = [step + shift + k for k in (-1, 0, 1)]
        collides = any(authenticator.hotp(secret, counter) == code for counter in inside)
        assert accepted(at + 30 * shift) is collides


@pytest.fixture
def factor(editor_a, clock):
    factor = second_factor.start_setup(editor_a)
    factor.key = authenticator.key(SECRET).hex()
    factor.save()
    return factor


@pytest.mark.django_db
def test_it_accepts_one_step_of_drift_either_way(factor, clock):
    assert second_factor.use_totp_code(factor, clock.code(SECRET, -1))
    assert factor.last_t == STEP - 1
    assert second_factor.use_totp_code(factor, clock.code(SECRET, +1))
    assert factor.last_t == STEP + 1


@pytest.mark.django_db
@pytest.mark.parametrize("shift", [-2, 2])
def test_it_refuses_a_code_two_steps_away(factor, clock, shift):
    code = clock.code(SECRET, shift)
    assert code in {clock.code(SECRET, k) for k in (-1, 0, 1)} or not second_factor.use_totp_code(
        factor, code
    )


@pytest.mark.django_db
def test_it_does_not_learn_drift(factor, clock):
    """OTP_TOTP_SYNC is off: after a code one step ahead, the window stays around the server's clock."""
    assert second_factor.use_totp_code(factor, clock.code(SECRET, +1))
    clock.advance(60)
    code = clock.code(SECRET, +2)
    assert code in {clock.code(SECRET, k) for k in (-1, 0, 1)} or not second_factor.use_totp_code(
        factor, code
    )
    factor.refresh_from_db()
    assert factor.drift == 0


@pytest.mark.django_db
def test_it_refuses_the_same_code_twice(factor, clock):
    code = clock.code(SECRET)
    assert second_factor.use_totp_code(factor, code)
    assert not second_factor.use_totp_code(factor, code)


@pytest.mark.django_db
def test_a_wrong_code_does_not_delay_the_right_one(factor, clock):
    """django-otp's own back-off is off (OTP_TOTP_THROTTLE_FACTOR = 0): the login throttle counts."""
    right = clock.code(SECRET)
    assert not second_factor.use_totp_code(factor, "000000" if right != "000000" else "111111")
    assert second_factor.use_totp_code(factor, right)


@pytest.mark.django_db
@pytest.mark.parametrize("spaced", ["{0} {1}", " {0}{1} ", "{0}\t{1}", "{0}  {1}\n"])
def test_spaces_in_a_code_are_ignored(factor, clock, spaced):
    code = clock.code(SECRET)
    assert second_factor.use_totp_code(factor, spaced.format(code[:3], code[3:]))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "bad", ["", "12345", "1234567", "12a456", "abcdef", "１２３４５６", "12-456", "+12345", " +1234"]
)
def test_malformed_codes_are_refused(factor, clock, bad):
    assert second_factor.normalise_code(bad) is None
    assert not second_factor.use_totp_code(factor, bad)


def test_the_provisioning_uri_names_the_issuer_and_the_account():
    factor = SecondFactor(key=authenticator.key(SECRET).hex())
    uri = second_factor.provisioning_uri(factor, "redacteur.veenendaal")
    parts = urlsplit(uri)
    assert parts.scheme == "otpauth" and parts.netloc == "totp"
    assert parts.path == "/Goede%20Buur:redacteur.veenendaal"
    query = parse_qs(parts.query)
    assert query == {
        "secret": [SECRET],
        "issuer": ["Goede Buur"],
        "algorithm": ["SHA1"],
        "digits": ["6"],
        "period": ["30"],
    }


def test_the_secret_is_shown_in_groups_of_four():
    assert second_factor.grouped("ABCDEFGHIJ") == "ABCD EFGH IJ"
    assert authenticator.key(second_factor.grouped(SECRET)) == authenticator.key(SECRET)


def test_recovery_codes_are_random_and_hash_the_same_however_they_are_typed():
    codes = second_factor.new_recovery_codes()
    assert len(codes) == 10 and len(set(codes)) == 10
    code = codes[0]
    assert len(code) == 11 and code[5] == "-"
    same = second_factor.hash_recovery_code(" " + code.upper().replace("-", " "))
    assert second_factor.hash_recovery_code(code) == same
    assert len(second_factor.hash_recovery_code(code)) == 64
