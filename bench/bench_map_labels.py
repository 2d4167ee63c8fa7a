# SPDX-License-Identifier: EUPL-1.2
"""What the names on the maps cost (issue 20): label placement against the whole map, side by side.

Run on a data directory with the reference data loaded (e.g. the one of `python3 dev.py serve`):
    GOEDEBUUR_DATA_DIR=./var .venv/bin/goedebuur shell -c "exec(open('bench/bench_map_labels.py').read())"
Prints the median CPU time of `cooperation_count_map()` (with names), of the national label placement
alone (`map_labels` for all 342 municipalities) and their ratio."""

import statistics
import time

from django.utils import translation

from goedebuur.maps import services as maps

translation.activate("nl")
RUNS = 30


def _cpu_ms(call) -> float:
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        call()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


maps.cooperation_count_map()  # fill the path cache first
geometry = maps._geometry_for(maps._places())
names = {place.code: place.name for place in maps._places()}
whole = _cpu_ms(maps.cooperation_count_map)
labels = _cpu_ms(lambda: maps.map_labels(names, geometry.national, current=geometry))
province = _cpu_ms(lambda: maps.cooperation_count_map(province="PV26"))
print(
    f"cooperation_count_map(): {whole:.1f} ms CPU; national label placement: {labels:.1f} ms "
    f"({labels / whole:.0%} of the map); province PV26 map: {province:.1f} ms (median of {RUNS})"
)
