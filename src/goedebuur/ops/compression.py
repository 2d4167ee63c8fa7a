# SPDX-License-Identifier: EUPL-1.2
"""Compressed answers: HTML, JSON, SVG, CSV and other text go out gzipped to a client that accepts it.

Django's GZipMiddleware does the work, with its mitigation of BREACH (Django 4.2 and later): every
compressed answer carries 0-99 random bytes in the gzip header's file name field (the "Heal the
Breach" technique), so its length no longer tells an attacker whether a guessed secret matched; CSRF
tokens are masked differently in every answer as well. It sets `Vary: Accept-Encoding` and leaves answers
under 200 bytes and answers that are already encoded alone. Two refinements here:

- only text: images, PDF, XLSX, DOCX and ZIP are compressed already; gzip gains nothing there and costs
  CPU. Static files never get here: WhiteNoise answers them before this middleware, from the `.gz` files
  `collectstatic` wrote (goedebuur.ops.static).
- an answer with a strong ETag goes out as it is. GZipMiddleware would weaken the ETag (`"3"` becomes
  `W/"3"`, as RFC 9110 section 8.8.1 asks when the bytes differ), and a weak validator never matches
  `If-Match` (section 13.1.1): a client that sends back the ETag it got would always get 412. Those are the
  API's single records (goedebuur.api.revisions), a few kB each."""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = frozenset(
    {
        "application/json",
        "application/javascript",
        "application/xml",
        "application/yaml",
        "application/vnd.oai.openapi",
        "image/svg+xml",
    }
)


def compressible(content_type: str) -> bool:
    """Whether an answer of this Content-Type is text that gzip makes smaller."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    return (
        media_type.startswith("text/") or media_type in TEXT_TYPES or media_type.endswith(("+json", "+xml"))
    )


class CompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not compressible(response.get("Content-Type", "")):
            return response
        if response.get("ETag", "").startswith('"'):
            return response
        return super().process_response(request, response)
