# SPDX-License-Identifier: EUPL-1.2
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"""<[^>]+\son[a-z]+\s*=\s*["']""", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']\s*javascript:""", re.IGNORECASE)


@pytest.mark.parametrize("path", ["/", "/gemeenten", "/api/v1/gemeenten", "/api/v1/docs", "/health"])
def test_every_response_carries_a_csp_without_inline_scripts(anonymous_client, path):
    response = anonymous_client.get(path)
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_template_has_an_inline_script_event_handler_or_javascript_url():
    offenders = []
    for template in Path(settings.PACKAGE_DIR).rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, EVENT_HANDLER, JAVASCRIPT_URL):
            offenders += [
                f"{template.relative_to(settings.PACKAGE_DIR)}: {m.group(0)[:80]}"
                for m in pattern.finditer(text)
            ]
    assert not offenders, "the CSP blocks these; move the code to a static .js file:\n" + "\n".join(offenders)


def test_the_api_documentation_loads_its_init_script_from_a_url(anonymous_client):
    body = anonymous_client.get("/api/v1/docs").content.decode()
    assert not INLINE_SCRIPT.search(body)
    script = anonymous_client.get("/api/v1/docs?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


def test_production_settings_pass_the_deployment_check_without_warnings(tmp_path):
    env = {
        **os.environ,
        "GOEDEBUUR_DATA_DIR": str(tmp_path),
        "SECRET_KEY": "x" * 20 + "production-secret-key-with-enough-entropy-3f9a7c1e5b",
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "true",
        "SECURE_HSTS_SECONDS": "31536000",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser journeys; a deployment never has it
    result = subprocess.run(
        [sys.executable, "-m", "goedebuur", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
