# SPDX-License-Identifier: EUPL-1.2
"""A real SMTP server for the tests: aiosmtpd's Controller on a free port of 127.0.0.1, in a thread of
its own, with Django's SMTP backend pointed at it (`smtp_server` fixture in tests/conftest.py). The
mails arrive over a real SMTP conversation and are parsed back with the standard library."""

import email
import email.policy
import logging
import re
import socket
import time
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: email.message.EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    def part(self, content_type: str) -> str:
        body = self.message.get_body(preferencelist=(content_type.split("/")[1],))
        return body.get_content() if body is not None else ""

    @property
    def text(self) -> str:
        return self.part("text/plain")

    @property
    def html(self) -> str:
        return self.part("text/html")

    def link(self) -> str:
        """The first absolute link in the plain text."""
        match = re.search(r"https?://\S+", self.text)
        assert match, self.text
        return match.group(0)


@dataclass
class Collector:
    received: list[Received] = field(default_factory=list)
    refuse: bool = False  # answer 554 to every mail (a server that refuses)

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "554 Transaction failed: refused by the test server"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def wait_for(self, count: int = 1, timeout: float = 10) -> list[Received]:
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.received


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpServer:
    def __init__(self):
        self.collector = Collector()
        self.port = free_port()
        self.controller = Controller(self.collector, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    @property
    def received(self) -> list[Received]:
        return self.collector.received

    def point_django_at_it(self, settings) -> None:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = self.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 10
        settings.GOEDEBUUR_EMAIL_DELIVERS = True
