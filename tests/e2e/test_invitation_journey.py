# SPDX-License-Identifier: EUPL-1.2
"""Veenendaal invites Ede, which has no account on the platform: the page says honestly that nobody
was reached; the editor invites a contact by e-mail, the mail arrives at a real SMTP server
(aiosmtpd), the contact follows the link, creates an editor account of Ede and lands in the
trajectory as a partner. axe-core checks the new pages on the way."""

from playwright.sync_api import expect

from goedebuur.accounts.models import User
from goedebuur.municipalities.models import Municipality

from ..factories import VEENENDAAL, make_user
from .picker import pick
from .test_accessibility import violations

PASSWORD = "journey-wachtwoord-1"
EDE = "GM0228"


def log_in(page, username, password=PASSWORD):
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def test_a_municipality_without_an_account_is_invited_by_mail_and_takes_part(smtp_server, settings, page):
    settings.GOEDEBUUR_BASE_URL = page.base_url
    settings.DEFAULT_FROM_EMAIL = "Goede Buur <uitnodigingen@goedebuur.example>"
    make_user(VEENENDAAL, User.Role.EDITOR, username="redacteur-veenendaal", password=PASSWORD)
    contact = f"ict@{sorted(Municipality.objects.get(code=EDE).mail_domains)[0]}"
    found = []

    # Veenendaal starts a trajectory with Ede: nobody at Ede is reached, and the page says so
    log_in(page, "redacteur-veenendaal")
    page.goto(page.base_url + "/trajecten/nieuw")
    page.get_by_label("Naam van het traject").fill("Samen de werkplek")
    pick(page, "Gemeenten uitnodigen", "Ede")
    page.get_by_role("button", name="Traject starten en uitnodigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen de werkplek")
    notices = page.get_by_role("status")
    expect(notices).to_contain_text("Niemand bereikt: Ede heeft nog geen redacteur op Goede Buur.")
    expect(notices).not_to_contain_text("verstuurd")
    expect(page.get_by_role("heading", name="Ede — nog niemand bereikt")).to_be_visible()
    trajectory_path = page.url.removeprefix(page.base_url)
    found += violations(page, trajectory_path)

    # the editor invites a contact at Ede by e-mail; the mail goes over SMTP
    page.get_by_label("E-mailadres van een contactpersoon bij Ede").fill(contact)
    page.get_by_role("button", name="Uitnodiging per e-mail sturen").click()
    expect(page.get_by_role("status")).to_contain_text(f"De uitnodiging aan {contact} (Ede) is verstuurd.")
    expect(page.get_by_role("heading", name="Ede — bereikt")).to_be_visible()
    expect(page.get_by_role("cell", name=contact, exact=True)).to_be_visible()
    (mail,) = smtp_server.collector.wait_for(1)
    assert mail.recipients == [contact] and mail.sender == "uitnodigingen@goedebuur.example"
    link = mail.link()
    assert link.startswith(page.base_url + "/uitnodiging/")
    page.get_by_role("button", name="Uitloggen").click()

    # the contact follows the link, creates an account of Ede and lands in the trajectory
    found += violations(page, link.removeprefix(page.base_url))
    expect(page.get_by_role("main")).to_contain_text(
        "Veenendaal nodigt Ede uit voor het samenwerkingstraject"
    )
    page.get_by_label("Voornaam").fill("Ineke")
    page.get_by_label("Achternaam").fill("de Vries")
    page.get_by_label("Gebruikersnaam *").fill("ineke.ede")
    page.get_by_label("Wachtwoord *", exact=True).fill("een-lange-zin-als-wachtwoord")
    page.get_by_label("Wachtwoord nogmaals *").fill("een-lange-zin-als-wachtwoord")
    page.get_by_role("button", name="Account aanmaken en uitnodiging aannemen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen de werkplek")
    expect(page.get_by_role("status")).to_contain_text("Welkom! U neemt namens Ede deel.")
    expect(page.get_by_text("Ede — neemt deel")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    # the link worked once
    page.goto(link)
    expect(page.get_by_role("main")).to_contain_text("Deze uitnodiging is al aangenomen.")

    # the inviter sees Ede as a partner; nobody is waited for any more
    log_in(page, "redacteur-veenendaal")
    page.goto(page.base_url + trajectory_path)
    expect(page.get_by_text("Ede — neemt deel")).to_be_visible()
    expect(page.get_by_role("heading", name="Wie is bereikt?")).to_have_count(0)
    assert not found, "\n".join(found)
