# SPDX-License-Identifier: EUPL-1.2
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.settings import api_settings


class ContentNegotiation(DefaultContentNegotiation):
    """DRF's negotiation, but a `format` query parameter the endpoint does not offer is a bad query
    value (400 naming `format`, like every other parameter), not DRF's 404."""

    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            choices = ", ".join(dict.fromkeys(renderer.format for renderer in renderers))
            raise ValidationError(
                {
                    api_settings.URL_FORMAT_OVERRIDE: [
                        _("Onbekend formaat “%(value)s”; kies uit: %(choices)s.")
                        % {"value": format, "choices": choices}
                    ]
                }
            )
        return matching
