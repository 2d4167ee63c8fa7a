# SPDX-License-Identifier: EUPL-1.2
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core import geo

lons = st.floats(min_value=3.3, max_value=7.3, allow_nan=False)
lats = st.floats(min_value=50.7, max_value=53.6, allow_nan=False)
points = st.tuples(lons, lats)
rings = st.lists(points, min_size=3, max_size=30).map(lambda ring: [*ring, ring[0]])
polygons = st.lists(rings, min_size=1, max_size=3)
geometries = st.one_of(
    polygons.map(lambda p: {"type": "Polygon", "coordinates": p}),
    st.lists(polygons, min_size=1, max_size=3).map(lambda ps: {"type": "MultiPolygon", "coordinates": ps}),
)
boxes = st.tuples(st.floats(-100, 1000), st.floats(-100, 1000), st.floats(0, 500), st.floats(0, 500)).map(
    lambda t: (t[0], t[1], t[0] + t[2], t[1] + t[3])
)

TOLERANCE = 0.5 / geo.STEPS_PER_UNIT + 1e-6


@given(lats, lons, lons)
def test_it_projects_east_to_the_right(lat, lon1, lon2):
    x1, _ = geo.project(min(lon1, lon2), lat)
    x2, _ = geo.project(max(lon1, lon2), lat)
    assert x1 <= x2


@given(lons, lats, lats)
def test_it_projects_north_upwards(lon, lat1, lat2):
    _, y_south = geo.project(lon, min(lat1, lat2))
    _, y_north = geo.project(lon, max(lat1, lat2))
    assert y_north <= y_south


@given(points)
def test_it_keeps_the_netherlands_in_positive_svg_coordinates(point):
    x, y = geo.project(*point)
    assert x >= 0 and y >= 0


def _rings_kept(geometry):
    return [
        ring for polygon in geo._polygons(geometry) for ring in polygon if len(geo._ring_steps(ring)) >= 3
    ]


@settings(max_examples=50)
@given(geometries)
def test_it_draws_every_ring_as_a_closed_subpath(geometry):
    d = geo.geometry_to_svg_path(geometry)
    kept = _rings_kept(geometry)
    assert d.count("M") == len(kept)
    assert d.count("z") == len(kept)
    for subpath in d.split("M")[1:]:
        assert subpath.endswith("z")


@settings(max_examples=50)
@given(geometries)
def test_it_reads_back_the_points_it_drew_within_the_rounding(geometry):
    d = geo.geometry_to_svg_path(geometry)
    for ring, drawn in zip(_rings_kept(geometry), geo.svg_path_rings(d), strict=True):
        expected = {
            (round(x * geo.STEPS_PER_UNIT), round(y * geo.STEPS_PER_UNIT))
            for x, y in (geo.project(lon, lat) for lon, lat in ring)
        }
        got = {(round(x * geo.STEPS_PER_UNIT), round(y * geo.STEPS_PER_UNIT)) for x, y in drawn}
        assert got == expected


@settings(max_examples=50)
@given(geometries)
def test_it_finds_the_same_box_from_the_path_as_from_the_geometry(geometry):
    d = geo.geometry_to_svg_path(geometry)
    if not d:
        return
    outer_only = {
        "type": "MultiPolygon",
        "coordinates": [p for p in geo._polygons(geometry) if len(geo._ring_steps(p[0])) >= 3],
    }
    if not outer_only["coordinates"]:
        return
    expected = geo.projected_bbox([outer_only])
    got = geo.path_bbox(d)
    # holes lie inside their outer ring, but random test rings need not: allow them to widen the box
    assert got[0] <= expected[0] + TOLERANCE and got[1] <= expected[1] + TOLERANCE
    assert got[2] >= expected[2] - TOLERANCE and got[3] >= expected[3] - TOLERANCE


def test_it_writes_relative_steps_without_needless_characters():
    square = {"type": "Polygon", "coordinates": [[(3.3, 53.6), (3.3, 53.5), (3.4, 53.5), (3.3, 53.6)]]}
    assert geo.geometry_to_svg_path(square) == "M0 0l0 40 24.5 0z"


def test_it_reads_absolute_paths_too():
    assert geo.svg_path_rings("M1 2L3 4 5 6ZM10 10L11 10 11 11Z") == [
        [(1, 2), (3, 4), (5, 6)],
        [(10, 10), (11, 10), (11, 11)],
    ]
    assert geo.path_bbox("M1 2l2 2-4 .5z") == (-1, 2, 3, 4.5)


def test_it_leaves_out_rings_that_collapse_when_rounded():
    tiny = {"type": "Polygon", "coordinates": [[(5.0, 52.0), (5.0000001, 52.0), (5.0, 52.0000001)]]}
    assert geo.geometry_to_svg_path(tiny) == ""


def test_it_refuses_other_geometry_types():
    with pytest.raises(ValueError):
        geo.geometry_to_svg_path({"type": "LineString", "coordinates": []})


@given(boxes, st.floats(0, 0.5))
def test_it_pads_boxes_around_their_centre(box, padding):
    padded = geo.padded_box(box, padding)
    assert padded[0] <= box[0] + 1e-9 and padded[1] <= box[1] + 1e-9
    assert padded[2] >= box[2] - 1e-9 and padded[3] >= box[3] - 1e-9
    assert math.isclose(padded[0] + padded[2], box[0] + box[2], abs_tol=1e-6)


def test_it_writes_a_viewbox_as_origin_and_size():
    assert geo.viewbox((10, 20, 110, 70)) == "10 20 100 50"
    assert geo.padded_viewbox((0, 0, 100, 100), padding=0.1) == "-10 -10 120 120"


@given(st.lists(boxes, min_size=1, max_size=5))
def test_it_unites_boxes_into_one_that_overlaps_each(parts):
    union = geo.union_box(parts)
    for box in parts:
        assert geo.boxes_overlap(union, box)
        assert union[0] <= box[0] and union[3] >= box[3]


def test_it_tells_apart_boxes_that_do_not_overlap():
    assert not geo.boxes_overlap((0, 0, 1, 1), (2, 2, 3, 3))
    assert geo.boxes_overlap((0, 0, 2, 2), (2, 2, 3, 3))


def test_it_measures_rhenen_to_veenendaal_as_about_nine_km():
    assert 7 < geo.haversine_km(51.958, 5.568, 52.026, 5.556) < 10


@given(st.lists(st.tuples(lats, lons), min_size=1, max_size=6))
def test_it_broadcasts_haversine_over_arrays_with_the_scalar_results(pairs):

    lat = np.array([p[0] for p in pairs])
    lon = np.array([p[1] for p in pairs])
    matrix = geo.haversine_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
    assert matrix.shape == (len(pairs), len(pairs))
    for i, (lat1, lon1) in enumerate(pairs):
        for j, (lat2, lon2) in enumerate(pairs):
            assert matrix[i, j] == pytest.approx(geo.haversine_km(lat1, lon1, lat2, lon2), abs=1e-9)
    assert type(geo.haversine_km(52.0, 5.0, 52.1, 5.1)) is float
