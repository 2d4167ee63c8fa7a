# SPDX-License-Identifier: EUPL-1.2
"""Static files go out pre-compressed: the `.gz` copies collectstatic wrote, not compressed per request."""

import gzip
import os
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client

# A client that takes gzip but not Brotli (WhiteNoise prefers a .br copy when one was written).
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate"}
THIRD_PARTY = ["admin", "rest_framework", "drf_spectacular_sidecar", "django_otp", "otp_totp"]


def source(name: str) -> Path:
    return Path(finders.find(name))


@pytest.fixture
def collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=THIRD_PARTY)
    return settings.STATIC_ROOT


@pytest.mark.parametrize(
    ("name", "content_type"), [("goedebuur/site.css", "text/css"), ("goedebuur/favicon.svg", "image/svg+xml")]
)
def test_it_serves_the_compressed_copy_collectstatic_wrote(collected, name, content_type):
    assert (collected / f"{name}.gz").exists()
    response = Client().get(f"/static/{name}", **GZIP)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(b"".join(response.streaming_content)) == source(name).read_bytes()


def test_it_serves_the_plain_file_to_a_client_without_gzip(collected):
    response = Client().get("/static/goedebuur/site.css")
    assert not response.has_header("Content-Encoding")
    assert b"".join(response.streaming_content) == source("goedebuur/site.css").read_bytes()


def test_it_serves_a_file_changed_since_collectstatic_from_its_source(collected):
    copy = collected / "goedebuur" / "site.css"
    copy.write_text("/* an old version */")
    os.utime(copy, (0, 0))  # older than the source
    response = Client().get("/static/goedebuur/site.css", **GZIP)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == source("goedebuur/site.css").read_bytes()


def test_it_serves_the_source_files_when_nothing_was_collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "never-collected"
    response = Client().get("/static/goedebuur/site.css", **GZIP)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == source("goedebuur/site.css").read_bytes()
    assert Client().get("/static/admin/css/base.css").status_code == 200
