# SPDX-License-Identifier: EUPL-1.2
"""Answers go out gzipped to a client that sends `Accept-Encoding: gzip`, and only then."""

import gzip
import json

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from rest_framework.test import APIClient

from goedebuur.ops.compression import CompressionMiddleware, compressible
from tests.factories import RHENEN, VEENENDAAL, make_cooperation

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def vary(response) -> set[str]:
    return {part.strip() for part in response.get("Vary", "").split(",")}


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/kaart", "text/html"),
        ("/api/v1/gemeenten", "application/json"),
        ("/matrix.csv?alleen=alle", "text/csv"),
    ],
)
def test_it_sends_a_page_api_answer_and_csv_gzipped_when_the_client_accepts_gzip(client, url, content_type):
    plain = client.get(url)
    packed = client.get(url, **GZIP)
    assert packed.status_code == plain.status_code == 200
    assert packed["Content-Type"].startswith(content_type)
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in vary(packed)
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 3
    body = gzip.decompress(packed.content)
    if content_type == "text/html":  # the CSRF token and the CSP nonce differ per answer
        assert body.startswith(b"<!DOCTYPE html>") and body.rstrip().endswith(b"</html>")
    else:
        assert body == plain.content


@pytest.mark.parametrize("url", ["/kaart", "/api/v1/gemeenten", "/matrix.csv?alleen=alle"])
@pytest.mark.parametrize("accept", [None, "identity", "br", "deflate"])
def test_it_sends_them_uncompressed_to_a_client_that_does_not_accept_gzip(client, url, accept):
    headers = {} if accept is None else {"HTTP_ACCEPT_ENCODING": accept}
    response = client.get(url, **headers)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert "Accept-Encoding" in vary(response)  # a cache must not hand this answer to a gzip client
    assert response.content.lstrip()[:1] in (b"<", b"{", b"C")


def test_it_adds_random_bytes_to_every_compressed_answer_against_breach(client):
    """Django's Heal-the-Breach mitigation: the same content compresses to different lengths."""
    lengths = {len(client.get("/api/v1/gemeenten", **GZIP).content) for _ in range(12)}
    assert len(lengths) > 1


def test_it_compresses_svg_and_leaves_formats_that_are_compressed_already():
    request = RequestFactory().get("/", **GZIP)

    def answer(content_type):
        return CompressionMiddleware(
            lambda request: HttpResponse(b"<svg>" + b"<path d='M0 0'/>" * 200, content_type=content_type)
        )(request)

    assert answer("image/svg+xml")["Content-Encoding"] == "gzip"
    for content_type in (
        "image/png",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/zip",
    ):
        response = answer(content_type)
        assert not response.has_header("Content-Encoding"), content_type
        assert "Accept-Encoding" not in vary(response)


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        ("text/html; charset=utf-8", True),
        ("text/csv", True),
        ("application/json", True),
        ("application/problem+json", True),
        ("application/geo+json", True),
        ("image/svg+xml", True),
        ("application/vnd.oai.openapi", True),
        ("text/calendar; charset=utf-8", True),
        ("application/pdf", False),
        ("image/png", False),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", False),
        ("", False),
    ],
)
def test_it_knows_which_content_types_are_text(content_type, expected):
    assert compressible(content_type) is expected


def test_it_keeps_a_record_etag_strong_so_if_match_still_works(editor_a):
    """A weakened ETag (W/"1") never matches If-Match: records with an ETag go out uncompressed."""
    cooperation = make_cooperation(user=editor_a, members=(VEENENDAAL, RHENEN), name="Food Valley ICT")
    api = APIClient()
    api.force_authenticate(editor_a)
    url = f"/api/v1/samenwerkingen/{cooperation.slug}"
    read = api.get(url, **GZIP)
    assert read.status_code == 200
    assert not read.has_header("Content-Encoding")
    etag = read["ETag"]
    assert etag == f'"{json.loads(read.content)["revisie"]}"'
    changed = api.patch(url, {"status": "actief"}, format="json", HTTP_IF_MATCH=etag, **GZIP)
    assert changed.status_code == 200
