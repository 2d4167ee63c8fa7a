# SPDX-License-Identifier: EUPL-1.2
"""Login throttling, for passwords, second-factor codes and the proof on the second-factor page.

Per user name: after LOGIN_MAX_FAILURES failed attempts within LOGIN_LOCKOUT_MINUTES the user name is
locked until the oldest of them is older than the window. A locked attempt is refused before the
password is checked, so guessing goes on failing even with the right password. A successful login
clears the user name's failures.

Per client address: no lock. One town hall, a municipality's whole staff, can sit behind one address
(NAT): locking it would let one person's typos, or one attacker, lock out every colleague. Instead the
address is slowed down: after LOGIN_SLOWDOWN_PER_IP failures within the window, each next attempt from
it must wait 1, 2, 4, … seconds after the previous one (at most SLOWDOWN_MAX_SECONDS). A colleague
waits seconds, never the rest of the window; someone spraying one password over many user names gets
about one guess a minute.

Counted atomically: an attempt is written down *before* its password is checked (`start`) and then
counted with every other attempt in the window, also those still in progress. Parallel requests thus see
each other: of any number sent at once, no more than LOGIN_MAX_FAILURES are let through for one user
name (each counts itself when it is committed; the last one let through saw all those before it). A
refused attempt removes its own row; a right password turns it into nothing (`passed`) or clears the
user name's failures (`succeeded`); a wrong one leaves it as a failure (`failed`)."""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import ngettext

from .models import LoginFailure

SLOWDOWN_MAX_SECONDS = 60


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or with TRUSTED_PROXIES = n the n-th address from the right in
    X-Forwarded-For (what the outermost trusted proxy saw; entries further left can be forged)."""
    if request is None:
        return None
    proxies = settings.TRUSTED_PROXIES
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


@dataclass(frozen=True)
class Refusal:
    """Why an attempt may not go ahead: the user name is locked for `minutes`, or the address must
    wait `seconds` (one of the two is set)."""

    minutes: int = 0
    seconds: int = 0

    def __str__(self) -> str:
        if self.minutes:
            return ngettext(
                "Te veel mislukte pogingen. Probeer het over %(minutes)d minuut opnieuw.",
                "Te veel mislukte pogingen. Probeer het over %(minutes)d minuten opnieuw.",
                self.minutes,
            ) % {"minutes": self.minutes}
        return ngettext(
            "Te veel mislukte pogingen vanaf dit netwerk. Wacht %(seconds)d seconde en probeer het opnieuw.",
            "Te veel mislukte pogingen vanaf dit netwerk. Wacht %(seconds)d seconden en probeer het opnieuw.",
            self.seconds,
        ) % {"seconds": self.seconds}


@dataclass(frozen=True)
class Attempt:
    username: str
    row_id: int

    def failed(self) -> None:
        """A wrong password or code: the attempt stays counted."""
        LoginFailure.objects.filter(at__lt=timezone.now() - timedelta(days=1)).delete()

    def passed(self) -> None:
        """A right password while the login is not done yet (a second factor follows): not a failure."""
        LoginFailure.objects.filter(pk=self.row_id).delete()

    def succeeded(self) -> None:
        """Logged in: the user name's failures are forgotten."""
        clear_failures(self.username)


def start(username: str, ip: str | None) -> Attempt | Refusal:
    """Write the attempt down, then decide whether it may go ahead (see the module's docstring)."""
    now = timezone.now()
    row = LoginFailure.objects.create(username=username[:150], ip_address=ip, at=now)
    refusal = _refusal(row, now)
    if refusal is not None:
        row.delete()
        return refusal
    return Attempt(username=username, row_id=row.pk)


def _refusal(row: LoginFailure, now) -> Refusal | None:
    window = timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    recent = LoginFailure.objects.filter(at__gte=now - window).exclude(pk=row.pk)
    limit = settings.LOGIN_MAX_FAILURES
    by_name = list(recent.filter(username__iexact=row.username).order_by("-at").values_list("at", flat=True))
    if len(by_name) >= limit:
        until = by_name[limit - 1] + window
        return Refusal(minutes=max(1, math.ceil((until - now).total_seconds() / 60)))
    if row.ip_address:
        by_ip = list(recent.filter(ip_address=row.ip_address).order_by("-at").values_list("at", flat=True))
        over = len(by_ip) - settings.LOGIN_SLOWDOWN_PER_IP
        if over >= 0:
            wait = timedelta(seconds=min(SLOWDOWN_MAX_SECONDS, 2**over))
            left = (by_ip[0] + wait - now).total_seconds()
            if left > 0:
                return Refusal(seconds=max(1, math.ceil(left)))
    return None


def clear_failures(username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()
