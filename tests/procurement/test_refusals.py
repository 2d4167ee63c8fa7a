# SPDX-License-Identifier: EUPL-1.2
"""The same bad request for joint-purchasing opportunities gets the same Dutch refusal on the page, in
the API and on the command line: the rule is in `procurement.services`, each surface only shows it."""

import html

import pytest
from django.core.management import CommandError, call_command

from ..api.helpers import assert_problem
from .conftest import landscapes  # noqa: F401

pytestmark = pytest.mark.django_db

PAST = "2020-01-01"
REFUSAL = "De horizon moet na vandaag liggen."


def test_page_api_and_cli_refuse_a_horizon_in_the_past_alike(admin_client, landscapes):  # noqa: F811
    page = html.unescape(admin_client.get("/inkoopkansen", {"horizon": PAST}).content.decode())
    assert REFUSAL in page

    body = assert_problem(admin_client.get("/api/v1/inkoopkansen", {"horizon": PAST}), 400)
    reasons = {p["name"]: p["reason"] for p in body["invalidParams"]}
    assert REFUSAL in reasons["horizon"]

    with pytest.raises(CommandError) as error:
        call_command("inkoopkansen", "--horizon", PAST)
    assert REFUSAL in str(error.value)
