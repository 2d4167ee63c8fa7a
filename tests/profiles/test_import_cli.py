# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur import-landschap GM0345 file [--dry-run]`: Dutch per-row errors, exit code 1 and
nothing saved on errors; --dry-run saves nothing."""

import io
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from goedebuur.profiles.models import Application

HEADER = "referentiecomponenten,product,leverancier,hosting,contract_einde,jaarlijkse_kosten_eur"
GOOD = "Zaakregistratiecomponent,Djuma,Decos,saas,2027-06-30,12500"
BAD = "Zaakregistratiecomponent,Corsa,Circle,saas,30-02-2027,12500"


def write(tmp_path, *lines, name="landschap.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import-landschap", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_imports_a_file(db, tmp_path):
    out, _err = run("GM0345", str(write(tmp_path, GOOD)))
    assert out.strip() == "Veenendaal: 1 applicaties toegevoegd, 0 bijgewerkt."
    assert Application.objects.filter(municipality__code="GM0345").count() == 1
    out, _err = run("gm0345", str(write(tmp_path, GOOD)))
    assert "0 applicaties toegevoegd, 1 bijgewerkt" in out
    assert Application.objects.count() == 1


def test_dry_run_saves_nothing(db, tmp_path):
    out, _err = run("GM0345", str(write(tmp_path, GOOD)), "--dry-run")
    assert "zou 1 applicaties toevoegen en 0 bijwerken (dry-run: niets opgeslagen)" in out
    assert not Application.objects.exists()


def test_errors_are_printed_per_row_and_nothing_is_saved(db, tmp_path):
    with pytest.raises(CommandError, match="niet geïmporteerd, er is niets opgeslagen"):
        err = io.StringIO()
        try:
            call_command(
                "import-landschap",
                "GM0345",
                str(write(tmp_path, GOOD, BAD)),
                stdout=io.StringIO(),
                stderr=err,
            )
        finally:
            assert "Rij 3: contract_einde: '30-02-2027' bestaat niet als datum" in err.getvalue()
    assert not Application.objects.exists()


def test_unknown_municipality_or_file(db, tmp_path):
    with pytest.raises(CommandError, match="Onbekende gemeente"):
        run("GM9999", str(write(tmp_path, GOOD)))
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        run("GM0345", str(tmp_path / "nope.xlsx"))


def test_the_console_script_exits_with_1_on_errors(tmp_path):
    """Through the real `goedebuur` entry point (its own SQLite database in a temporary folder)."""
    path = write(tmp_path, BAD)
    env = {"GOEDEBUUR_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-m", "goedebuur", "init"], env=env, check=True, capture_output=True)
    result = subprocess.run(
        [sys.executable, "-m", "goedebuur", "import-landschap", "GM0345", str(path)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Rij 2: contract_einde" in result.stderr
