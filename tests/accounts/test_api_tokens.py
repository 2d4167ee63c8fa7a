# SPDX-License-Identifier: EUPL-1.2
import pytest
from rest_framework.test import APIClient

from goedebuur.accounts.models import ApiToken
from goedebuur.accounts.tokens import create_token, revoke

pytestmark = pytest.mark.django_db

NEW_COOPERATION = {
    "naam": "Gezamenlijke CISO",
    "vorm": "convenant-intentieverklaring",
    "status": "verkenning",
}


def api(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_user_creates_a_token_and_sees_its_key_once(editor_a_client, editor_a):
    response = editor_a_client.post("/mijn-account/api-tokens", {"name": "koppeling", "scope": "read"})
    body = response.content.decode()
    token = ApiToken.objects.get(user=editor_a)
    key = body.split('<code class="token-key">')[1].split("</code>")[0]
    assert key.startswith("gb_") and token.prefix == key[:9]
    assert key not in token.key_hash and len(token.key_hash) == 64  # only a hash is stored
    again = editor_a_client.get("/mijn-account/api-tokens").content.decode()
    assert key not in again and f"{token.prefix}…" in again


def test_it_asks_for_a_name_in_dutch_and_creates_nothing(editor_a_client):
    response = editor_a_client.post("/mijn-account/api-tokens", {"name": "", "scope": "read"})
    assert "Geef het token een naam." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_read_token_reads_but_may_not_write(editor_a):
    _, key = create_token(editor_a, "lezen", "read")
    assert api(key).get("/api/v1/samenwerkingen").status_code == 200
    response = api(key).post("/api/v1/samenwerkingen", NEW_COOPERATION, format="json")
    assert response.status_code == 403
    assert "scope 'read'" in response.json()["detail"]


def test_a_write_token_may_do_what_its_user_may_do(editor_a, editor_b):
    _, key = create_token(editor_b, "schrijven", "write")
    response = api(key).get("/api/v1/samenwerkingen")
    assert response.status_code == 200
    token = ApiToken.objects.get(user=editor_b)
    assert token.last_used_at is not None


def test_a_revoked_token_is_refused_with_401(editor_a):
    token, key = create_token(editor_a, "oud", "write")
    revoke(token)
    response = api(key).get("/api/v1/samenwerkingen")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_user_revokes_only_their_own_tokens(editor_a_client, editor_b):
    theirs, _ = create_token(editor_b, "van B", "read")
    assert editor_a_client.post(f"/mijn-account/api-tokens/{theirs.pk}/intrekken").status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_active


def test_revoking_from_the_page(editor_a_client, editor_a):
    token, key = create_token(editor_a, "weg", "read")
    response = editor_a_client.post(f"/mijn-account/api-tokens/{token.pk}/intrekken", follow=True)
    assert "is ingetrokken" in response.content.decode()
    assert api(key).get("/api/v1/samenwerkingen").status_code == 401


def test_the_token_page_needs_a_login(anonymous_client):
    assert anonymous_client.get("/mijn-account/api-tokens").status_code == 302


def test_a_bearer_header_works_too(editor_a):
    _, key = create_token(editor_a, "bearer", "read")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert client.get("/api/v1/samenwerkingen").status_code == 200
