# SPDX-License-Identifier: EUPL-1.2
"""The query parameters of the partner finder, shared by the page, the API and the CLI.

Weights are relative (only their ratios matter) and given as whole numbers 0..100; the defaults
are `goedebuur.core.partners.scoring.DEFAULT_WEIGHTS` × 100."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from goedebuur.core.partners import scoring

from .reasons import REGION_LABELS

# criterion key -> lowerCamelCase query parameter (Dutch, like the rest of the API), in the order shown
WEIGHT_PARAMS: dict[str, str] = {
    "shared_regelingen": "gewichtRegelingen",
    "shared_regions": "gewichtRegios",
    "distance": "gewichtAfstand",
    "shared_border": "gewichtGrens",
    "size": "gewichtOmvang",
    "council": "gewichtRaad",
    "landscape": "gewichtLandschap",
    "suppliers": "gewichtLeveranciers",
    "contract_window": "gewichtContracten",
    "ambitions": "gewichtAmbities",
}
PARAM_CRITERIA = {param: key for key, param in WEIGHT_PARAMS.items()}
FILTER_PARAMS = ("maxAfstandKm", "regio", "omvang", "minInwoners", "maxInwoners")
WEIGHT_MAX = 100


def default_weight(key: str) -> int:
    return round(scoring.DEFAULT_WEIGHTS[key] * 100)


# Size bands (inhabitants): value -> (label, min, max)
SIZE_BANDS: dict[str, tuple[str, int | None, int | None]] = {
    "klein": (_("tot 25.000 inwoners"), None, 25_000),
    "middel": (_("25.000 tot 75.000 inwoners"), 25_000, 75_000),
    "groot": (_("75.000 tot 150.000 inwoners"), 75_000, 150_000),
    "zeer-groot": (_("150.000 inwoners of meer"), 150_000, None),
    "vergelijkbaar": (_("vergelijkbaar (half tot dubbel zo groot)"), None, None),
}

REGION_CHOICES = list(REGION_LABELS.items())


@dataclass
class FinderQuery:
    weights: dict[str, float]
    max_km: float | None = None
    region: str = ""
    size: str = ""
    min_population: int | None = None
    max_population: int | None = None
    domain: str = ""

    def filters(self, population_of_origin: float | None) -> scoring.Filters:
        low, high = self.min_population, self.max_population
        if self.size in SIZE_BANDS:
            _label, band_low, band_high = SIZE_BANDS[self.size]
            if self.size == "vergelijkbaar" and population_of_origin:
                band_low, band_high = population_of_origin / 2, population_of_origin * 2
            low = band_low if low is None else max(low, band_low or low)
            high = band_high if high is None else min(high, band_high or high)
        return scoring.Filters(
            max_distance_km=self.max_km,
            shared_regions=(self.region,) if self.region else (),
            min_population=low,
            max_population=high,
        )

    def weight_params(self) -> dict[str, int | float]:
        """The weights as query parameters, for links (whole numbers where possible)."""
        out = {}
        for key, param in WEIGHT_PARAMS.items():
            value = self.weights[key] * 100
            out[param] = round(value) if abs(value - round(value)) < 1e-9 else value
        return out

    def filter_params(self) -> dict[str, object]:
        """The filters that are set, as query parameters."""
        values = {
            "domein": self.domain,
            "maxAfstandKm": self.max_km,
            "regio": self.region,
            "omvang": self.size,
            "minInwoners": self.min_population,
            "maxInwoners": self.max_population,
        }
        return {k: v for k, v in values.items() if v not in (None, "")}


def weights_from_percentages(values: dict[str, float | None]) -> dict[str, float]:
    """criterion key -> 0..100 (None = default) to core weights (0..1)."""
    return {
        key: (default_weight(key) if values.get(key) is None else float(values[key])) / 100
        for key in WEIGHT_PARAMS
    }
