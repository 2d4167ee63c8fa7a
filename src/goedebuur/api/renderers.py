# SPDX-License-Identifier: EUPL-1.2
from rest_framework.renderers import JSONRenderer

GEOJSON_CONTENT_TYPE = "application/geo+json"


class GeoJSONRenderer(JSONRenderer):
    """GeoJSON (RFC 7946): chosen with `Accept: application/geo+json` or `?format=geojson`.
    The view shapes the FeatureCollection or Feature; this renderer only sets the media type."""

    media_type = GEOJSON_CONTENT_TYPE
    format = "geojson"
