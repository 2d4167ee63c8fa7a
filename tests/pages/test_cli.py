# SPDX-License-Identifier: EUPL-1.2
"""The `goedebuur` command: `init` is idempotent, `demo` tells how to log in, `serve` documents itself."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core import mail
from django.core.management import call_command

from goedebuur.accounts.services import DEMO_ACCOUNTS, DEMO_PASSWORD
from goedebuur.cooperations.models import Cooperation
from goedebuur.municipalities.models import Municipality


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_it_initialises_the_database_idempotently(db):
    run("init")
    first = row_counts()
    assert first["municipalities.Municipality"] == 342
    assert first["cooperations.Cooperation"] > 0  # the real seed cooperations

    output = run("init")
    assert row_counts() == first
    assert "seed_cooperations_added: 0" in output


def test_it_prints_the_demo_accounts_and_their_password_and_is_idempotent(db):
    output = run("demo")
    assert DEMO_PASSWORD in output
    for account in DEMO_ACCOUNTS:
        assert account.username in output
        assert account.description in output
    assert Cooperation.objects.filter(is_demo=True).exists()
    assert Municipality.objects.count() == 342
    assert mail.outbox == []  # demo invitations go to fictional people and are never sent

    first = row_counts()
    assert "Demosamenwerkingen toegevoegd: 0" in run("demo")
    assert row_counts() == first


def serve_help():
    script = Path(sys.executable).with_name("goedebuur")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "goedebuur"]
    result = subprocess.run(
        [*command, "serve", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ | {"COLUMNS": "200"},
    )
    return result.stdout


@pytest.fixture(scope="module")
def serve_help_text():
    return serve_help()


@pytest.mark.parametrize(
    "option",
    [
        "--host",
        "--port",
        "--demo",
        "--workers",
        "--threads",
    ],
)
def test_it_documents_each_serve_option(serve_help_text, option):
    lines = [line.strip() for line in serve_help_text.splitlines() if line.strip().startswith(option)]
    assert lines, f"`goedebuur serve --help` does not mention {option}"
    usage, _, description = lines[0].partition("  ")
    assert description.strip(), f"`goedebuur serve --help` lists {option} without saying what it does"


def test_it_lists_every_serve_option_in_the_usage(serve_help_text):
    for option in ("--host", "--port", "--demo", "--workers", "--threads"):
        assert option in serve_help_text
