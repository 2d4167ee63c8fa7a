# SPDX-License-Identifier: EUPL-1.2
"""The trajectory pages tell honestly who an invitation reached: never "verstuurd" for a municipality
nobody was sent to, nor when the mail was only written to the log (the demo's console backend)."""

import pytest
from django.contrib.messages import get_messages

from goedebuur.trajectories.models import Trajectory

from .factories import make_trajectory, municipality

EDE = "GM0228"


def notices(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def console_mail(settings):
    """The demo's set-up: mails go to the server's log, nothing is delivered."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.GOEDEBUUR_EMAIL_DELIVERS = False


def test_starting_a_trajectory_with_a_municipality_without_editors_says_nobody_was_reached(
    editor_a_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_a_client.post(
            "/trajecten/nieuw", {"name": "Samen de werkplek", "invitees": [municipality(EDE).pk]}
        )
    said = " ".join(notices(response))
    assert "Niemand bereikt: Ede heeft nog geen redacteur op Goede Buur." in said
    assert "verstuurd" not in said
    page = editor_a_client.get(Trajectory.objects.get().get_absolute_url()).content.decode()
    assert "Ede — nog niemand bereikt" in page


def test_with_the_console_backend_the_page_says_the_mail_was_only_logged(
    editor_a_client, console_mail, capsys
):
    trajectory = make_trajectory(invitees=(EDE,), accept=False)
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/e-mailuitnodigingen",
        {"municipality": municipality(EDE).pk, "email": "ict@ede.nl"},
    )
    (said,) = notices(response)
    assert "niet verstuurd: er is geen mailserver ingesteld" in said
    assert "/uitnodiging/" in capsys.readouterr().out  # the link is in the log, to follow in the demo
    page = editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    assert "Ede — niet verstuurd (alleen in het maillogboek)" in page


def test_readers_do_not_see_who_was_reached(reader_a_client):
    trajectory = make_trajectory(invitees=(EDE,), accept=False)
    page = reader_a_client.get(trajectory.get_absolute_url()).content.decode()
    assert "Wie is bereikt?" not in page
