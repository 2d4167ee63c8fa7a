# SPDX-License-Identifier: EUPL-1.2
"""Realised figures against the forecast band, per year and cumulatively.

A forecast (`Forecast`) holds, per calendar year, the business case's P10, P50 and P90 of the net
cash flow of that year and of the cumulative position up to that year (whole euros), and the P50 of
the savings and of the costs (joint costs plus double contracts) of that year. A realised year
(`Realised`) holds the savings and the one-off and yearly costs that were actually booked.

`compare` returns one `YearVerdict` per realised year (code `below`/`within`/`above` against the
year's band, and the same for the cumulative position; `no_forecast` for a year outside the horizon)
and an overall verdict: the first year whose cumulative position fell below P10 (`below`), else the
last cumulative code. The app phrases the codes ("binnen de verwachting", "onder P10 in 2028: ...")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

BELOW, WITHIN, ABOVE, NO_FORECAST, NO_FIGURES = "below", "within", "above", "no_forecast", "no_figures"


@dataclass(frozen=True)
class Band:
    p10: int
    p50: int
    p90: int

    def position(self, value: int) -> str:
        if value < self.p10:
            return BELOW
        if value > self.p90:
            return ABOVE
        return WITHIN


@dataclass(frozen=True)
class ForecastYear:
    year: int
    net: Band  # the net cash flow of this year
    cumulative: Band  # the cumulative position up to and including this year
    savings_p50: int
    costs_p50: int


@dataclass(frozen=True)
class Realised:
    year: int
    savings: int
    one_off_costs: int
    yearly_costs: int

    @property
    def costs(self) -> int:
        return self.one_off_costs + self.yearly_costs

    @property
    def net(self) -> int:
        return self.savings - self.costs


@dataclass(frozen=True)
class YearVerdict:
    year: int
    realised: Realised
    cumulative_net: int  # realised, from the first realised year up to this one
    forecast: ForecastYear | None
    code: str  # the year's net against the year's band
    cumulative_code: str  # the cumulative position against the cumulative band


@dataclass(frozen=True)
class Comparison:
    years: tuple[YearVerdict, ...]
    code: str  # overall: below / within / above / no_forecast / no_figures
    year: int | None  # the year the overall code is about (first below, else the last compared)
    realised_savings: int  # over the years that have a forecast
    realised_costs: int
    forecast_savings_p50: int
    forecast_costs_p50: int

    @property
    def compared(self) -> tuple[YearVerdict, ...]:
        return tuple(v for v in self.years if v.forecast is not None)


def band(values: Sequence[int]) -> Band:
    low, mid, high = (int(v) for v in values)
    return Band(min(low, mid, high), mid, max(low, mid, high))


def forecast_years(
    years: Sequence[int],
    net: Sequence[Sequence[int]],
    cumulative: Sequence[Sequence[int]],
    savings_p50: Sequence[int],
    costs_p50: Sequence[int],
) -> dict[int, ForecastYear]:
    """The forecast by calendar year from parallel lists (`net` and `cumulative`: [P10, P50, P90] lists)."""
    return {
        year: ForecastYear(
            year=year,
            net=band([net[0][i], net[1][i], net[2][i]]),
            cumulative=band([cumulative[0][i], cumulative[1][i], cumulative[2][i]]),
            savings_p50=int(savings_p50[i]),
            costs_p50=int(costs_p50[i]),
        )
        for i, year in enumerate(years)
    }


def compare(realised: Sequence[Realised], forecast: Mapping[int, ForecastYear]) -> Comparison:
    """Each realised year (in year order) against the forecast; years without figures in between
    count as no figures (the cumulative position simply carries on)."""
    rows = sorted(realised, key=lambda r: r.year)
    cumulative = 0
    years = []
    for row in rows:
        cumulative += row.net
        year_forecast = forecast.get(row.year)
        if year_forecast is None:
            code = cumulative_code = NO_FORECAST
        else:
            code = year_forecast.net.position(row.net)
            cumulative_code = year_forecast.cumulative.position(cumulative)
        years.append(YearVerdict(row.year, row, cumulative, year_forecast, code, cumulative_code))
    compared = [v for v in years if v.forecast is not None]
    if not rows:
        overall, year = NO_FIGURES, None
    elif not compared:
        overall, year = NO_FORECAST, rows[-1].year
    else:
        first_below = next((v for v in compared if v.cumulative_code == BELOW), None)
        last = compared[-1]
        overall, year = (BELOW, first_below.year) if first_below else (last.cumulative_code, last.year)
    return Comparison(
        years=tuple(years),
        code=overall,
        year=year,
        realised_savings=sum(v.realised.savings for v in compared),
        realised_costs=sum(v.realised.costs for v in compared),
        forecast_savings_p50=sum(v.forecast.savings_p50 for v in compared),
        forecast_costs_p50=sum(v.forecast.costs_p50 for v in compared),
    )


def sum_realised(rows: Sequence[Realised]) -> list[Realised]:
    """Realised figures of several municipalities added up per year."""
    totals: dict[int, list[int]] = {}
    for row in rows:
        total = totals.setdefault(row.year, [0, 0, 0])
        total[0] += row.savings
        total[1] += row.one_off_costs
        total[2] += row.yearly_costs
    return [Realised(year, *values) for year, values in sorted(totals.items())]
