# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CommonConfig(AppConfig):
    """The shared web-layer helpers as an installed app, for one thing only: at start-up every form
    text field gets the control-character check (goedebuur.common.text)."""

    name = "goedebuur.common"
    label = "common"

    def ready(self):
        from .text import install

        install()
