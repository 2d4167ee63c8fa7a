# SPDX-License-Identifier: EUPL-1.2
import base64
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core.accounts import totp

# RFC 6238 Appendix B: the SHA1 seed is the ASCII string "12345678901234567890", codes have 8 digits.
RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()
RFC_VECTORS = [
    (59, "94287082"),
    (1111111109, "07081804"),
    (1111111111, "14050471"),
    (1234567890, "89005924"),
    (2000000000, "69279037"),
    (20000000000, "65353130"),
]
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
AT = 1_800_000_015  # 15 seconds into a 30-second step


@pytest.mark.parametrize(("at", "expected"), RFC_VECTORS)
def test_it_matches_the_rfc_6238_sha1_test_vectors(at, expected):
    assert totp.totp(RFC_SECRET, at, digits=8) == expected


def test_it_matches_the_rfc_4226_hotp_values():
    # RFC 4226 Appendix D, counters 0 and 9.
    assert totp.hotp(RFC_SECRET, 0) == "755224"
    assert totp.hotp(RFC_SECRET, 9) == "520489"


def test_a_new_secret_is_random_base32_of_160_bits():
    one, two = totp.new_secret(), totp.new_secret()
    assert one != two and len(one) == 32
    assert len(base64.b32decode(one)) == 20


def test_it_returns_the_matched_time_step_counter():
    code = totp.totp(SECRET, AT)
    assert totp.verify(SECRET, code, AT) == AT // 30


def test_it_accepts_one_step_of_drift_either_way_by_default():
    step = AT // 30
    assert totp.verify(SECRET, totp.totp(SECRET, AT - 30), AT) == step - 1
    assert totp.verify(SECRET, totp.totp(SECRET, AT + 30), AT) == step + 1
    assert totp.verify(SECRET, totp.totp(SECRET, AT - 60), AT) is None
    assert totp.verify(SECRET, totp.totp(SECRET, AT + 60), AT) is None


def test_window_zero_accepts_only_the_current_step():
    assert totp.verify(SECRET, totp.totp(SECRET, AT), AT, window=0) == AT // 30
    assert totp.verify(SECRET, totp.totp(SECRET, AT - 30), AT, window=0) is None


def test_a_wider_window_accepts_more_drift():
    assert totp.verify(SECRET, totp.totp(SECRET, AT - 90), AT, window=3) == AT // 30 - 3


@settings(max_examples=50)
@given(at=st.integers(min_value=200, max_value=2**40), secret_bytes=st.binary(min_size=10, max_size=32))
def test_a_code_verifies_at_its_time_and_not_three_steps_away(at, secret_bytes):
    secret = base64.b32encode(secret_bytes).decode().rstrip("=")
    code = totp.totp(secret, at)
    step = at // 30
    assert totp.verify(secret, code, at) == step
    for shift in (-3, 3):
        # Three steps away the window (one step either side) no longer reaches the code's own step; only
        # a chance collision of six digits with a step inside the window could match.
        inside = [step + shift + k for k in (-1, 0, 1)]
        collides = any(totp.hotp(secret, counter) == code for counter in inside)
        assert (totp.verify(secret, code, at + 30 * shift) is None) is not collides


@pytest.mark.parametrize("spaced", ["{0} {1}", " {0}{1} ", "{0}\t{1}", "{0}  {1}\n"])
def test_spaces_in_a_code_are_ignored(spaced):
    code = totp.totp(SECRET, AT)
    assert totp.verify(SECRET, spaced.format(code[:3], code[3:]), AT) == AT // 30


@pytest.mark.parametrize(
    "bad", ["", "12345", "1234567", "12a456", "abcdef", "１２３４５６", "12-456", "+12345"]
)
def test_malformed_codes_are_refused(bad):
    assert totp.normalise_code(bad) is None
    assert totp.verify(SECRET, bad, AT) is None


def test_the_provisioning_uri_names_the_issuer_and_the_account():
    uri = totp.provisioning_uri(SECRET, "redacteur.veenendaal")
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
    assert totp.grouped("ABCDEFGHIJ") == "ABCD EFGH IJ"
    assert totp.totp(totp.grouped(SECRET), AT) == totp.totp(SECRET, AT)  # a grouped secret still works


def test_recovery_codes_are_random_and_hash_the_same_however_they_are_typed():
    codes = totp.new_recovery_codes()
    assert len(codes) == 10 and len(set(codes)) == 10
    code = codes[0]
    assert len(code) == 11 and code[5] == "-"
    assert totp.hash_recovery_code(code) == totp.hash_recovery_code(" " + code.upper().replace("-", " "))
    assert len(totp.hash_recovery_code(code)) == 64
