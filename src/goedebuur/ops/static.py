# SPDX-License-Identifier: EUPL-1.2
"""Static files: WhiteNoise, serving the copies `collectstatic` made and compressed, with the source files
as a fallback.

`collectstatic` (run by `goedebuur serve` at start and by a deployment once per release) copies every
static file to STATIC_ROOT and writes a gzipped `.gz` next to each one it makes smaller
(`whitenoise.storage.CompressedStaticFilesStorage`); WhiteNoise then answers `Accept-Encoding: gzip` with
that file and `Vary: Accept-Encoding`, without compressing anything per request. So that a checkout works
without running `collectstatic` first (`goedebuur runserver`, tests), WhiteNoise also looks in the source
folders (WHITENOISE_USE_FINDERS); plain WhiteNoise then serves *every* file from its source, which has no
`.gz`, and nothing static went out compressed. Here a source file is used only where STATIC_ROOT has no
copy or an older one (collectstatic's own rule for what to copy), so a file edited since the last
`collectstatic` is still served fresh, uncompressed."""

import os

from django.contrib.staticfiles import finders
from whitenoise.middleware import WhiteNoiseMiddleware


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    def add_files_from_finders(self):
        """As WhiteNoise's (the first source of a name wins), but a fresh collected copy stays."""
        sources = {}
        for finder in finders.get_finders():
            for path, storage in finder.list(None):
                prefix = (getattr(storage, "prefix", None) or "").strip("/")
                url = f"{self.static_prefix}{prefix}{'/' if prefix else ''}{path.replace(os.sep, '/')}"
                sources.setdefault(url, storage.path(path))
        for url, source in sources.items():
            if url not in self.files or not self._collected_is_fresh(url, source):
                self.add_file_to_dictionary(url, source)

    def _collected_is_fresh(self, url: str, source: str) -> bool:
        copy = os.path.join(self.static_root, url[len(self.static_prefix) :])
        try:
            return os.stat(copy).st_mtime >= os.stat(source).st_mtime
        except OSError:
            return False
