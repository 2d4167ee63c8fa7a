# SPDX-License-Identifier: EUPL-1.2
"""Geometry for maps of the Netherlands: a fixed projection to SVG coordinates, compact SVG paths from
GeoJSON geometries (and back to points), bounding boxes and great-circle distance.

The projection is equirectangular with a cos(52.2°) x-scale: at national scale it is within a few
per cent of RD New (EPSG:28992) in shape, and needs no projection library."""

import math
import re
from collections.abc import Iterable, Sequence

import numpy as np

LON0 = 3.3
LAT0 = 53.6
SCALE = 400.0  # SVG units per degree of latitude
X_SCALE = SCALE * math.cos(math.radians(52.2))
EARTH_RADIUS_KM = 6371.0088
STEPS_PER_UNIT = 10  # path coordinates are rounded to 0.1 SVG unit (≈ 28 m)

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # min_x, min_y, max_x, max_y


def project(lon: float, lat: float) -> Point:
    """WGS84 longitude/latitude to SVG x/y (y grows southwards)."""
    return ((lon - LON0) * X_SCALE, (LAT0 - lat) * SCALE)


def _polygons(geometry: dict) -> list[Sequence]:
    kind = geometry.get("type")
    if kind == "Polygon":
        return [geometry["coordinates"]]
    if kind == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"unsupported geometry type: {kind!r}")


def _fmt(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _steps(value: int) -> str:
    """A number given in tenths, as short as SVG allows: 25 -> "2.5", -3 -> "-.3", 40 -> "4"."""
    sign = "-" if value < 0 else ""
    whole, tenth = divmod(abs(value), STEPS_PER_UNIT)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def _pair(dx: int, dy: int) -> str:
    """Two numbers for a path; the separator is left out before a minus sign."""
    a, b = _steps(dx), _steps(dy)
    return a + (b if b.startswith("-") else " " + b)


def _ring_steps(ring: Sequence) -> list[tuple[int, int]]:
    """The ring's projected points in whole tenths, without repeats and without the closing point."""
    points: list[tuple[int, int]] = []
    for lon, lat in ring:
        x, y = project(lon, lat)
        point = (round(x * STEPS_PER_UNIT), round(y * STEPS_PER_UNIT))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[-1] == points[0]:
        points.pop()
    return points


def geometry_to_svg_path(geometry: dict) -> str:
    """A compact SVG path `d` attribute for a (Multi)Polygon; draw it with fill-rule evenodd (holes).

    Each ring is an absolute move-to followed by relative line-tos and a close-path. Coordinates are
    rounded to 0.1 unit first and the steps are taken between rounded points, so errors do not add
    up along a ring. Rings that collapse to fewer than three points are left out."""
    parts = []
    for polygon in _polygons(geometry):
        for ring in polygon:
            points = _ring_steps(ring)
            if len(points) < 3:
                continue
            (x0, y0), rest = points[0], points[1:]
            parts.append(f"M{_steps(x0)} {_steps(y0)}l")
            px, py = x0, y0
            for i, (x, y) in enumerate(rest):
                step = _pair(x - px, y - py)
                parts.append(step if i == 0 or step.startswith("-") else " " + step)
                px, py = x, y
            parts.append("z")
    return "".join(parts)


_TOKEN = re.compile(r"[MmLlZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def svg_path_rings(d: str) -> list[list[Point]]:
    """The rings of a path made of move-to, line-to and close-path commands (absolute or relative),
    as lists of absolute points. The inverse of `geometry_to_svg_path`, up to its rounding."""
    rings: list[list[Point]] = []
    command = ""
    numbers: list[float] = []
    x = y = 0.0
    start = (0.0, 0.0)

    def flush():
        nonlocal x, y, start, command
        for i in range(0, len(numbers) - 1, 2):
            a, b = numbers[i], numbers[i + 1]
            relative = command.islower()
            x, y = (x + a, y + b) if relative else (a, b)
            if command in "Mm" and i == 0:
                start = (x, y)
                rings.append([])
            if not rings:
                rings.append([])
            rings[-1].append((x, y))
        if command in "Mm":
            command = "l" if command == "m" else "L"  # further pairs after a move-to are line-tos
        numbers.clear()

    for token in _TOKEN.findall(d):
        if token in "MmLlZz":
            flush()
            if token in "Zz":
                x, y = start
            command = token
        else:
            numbers.append(float(token))
    flush()
    return [ring for ring in rings if ring]


def path_bbox(d: str) -> Box:
    """Bounding box of an SVG path made by `geometry_to_svg_path` (or any M/L/Z path)."""
    points = [p for ring in svg_path_rings(d) for p in ring]
    if not points:
        raise ValueError("no coordinates")
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def projected_bbox(geometries: Iterable[dict]) -> Box:
    """Bounding box, in SVG coordinates, of the given geometries."""
    xs, ys = [], []
    for geometry in geometries:
        for polygon in _polygons(geometry):
            for lon, lat in polygon[0]:
                x, y = project(lon, lat)
                xs.append(x)
                ys.append(y)
    if not xs:
        raise ValueError("no coordinates")
    return (min(xs), min(ys), max(xs), max(ys))


def union_box(boxes: Iterable[Box]) -> Box:
    """The smallest box around all `boxes`."""
    boxes = list(boxes)
    if not boxes:
        raise ValueError("no boxes")
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def boxes_overlap(a: Box, b: Box) -> bool:
    """Whether two boxes share at least one point."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def padded_box(box: Box, padding: float = 0.05, min_size: float = 10.0) -> Box:
    """`box` grown by relative padding on each side, at least `min_size` units wide/high."""
    min_x, min_y, max_x, max_y = box
    width = max(max_x - min_x, min_size) * (1 + 2 * padding)
    height = max(max_y - min_y, min_size) * (1 + 2 * padding)
    cx, cy = (min_x + max_x) / 2, (min_y + max_y) / 2
    return (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)


def viewbox(box: Box) -> str:
    """The `viewBox` attribute for a box: "min-x min-y width height"."""
    min_x, min_y, max_x, max_y = box
    return f"{_fmt(min_x)} {_fmt(min_y)} {_fmt(max_x - min_x)} {_fmt(max_y - min_y)}"


def padded_viewbox(box: Box, padding: float = 0.05, min_size: float = 10.0) -> str:
    """A `viewBox` string around `box` with relative padding, at least `min_size` units wide/high."""
    return viewbox(padded_box(box, padding, min_size))


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in kilometres (haversine formula, mean Earth radius). Plain numbers give
    a float; NumPy arrays broadcast (a row against a column gives a distance matrix)."""
    if all(isinstance(v, (int, float)) for v in (lat1, lon1, lat2, lon2)):
        p1, p2 = math.radians(lat1), math.radians(lat2)
        dp = p2 - p1
        dl = math.radians(lon2 - lon1)
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(lon2) - np.radians(lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
