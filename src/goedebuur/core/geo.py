# SPDX-License-Identifier: EUPL-1.2
"""Geometry for maps of the Netherlands: a fixed projection to SVG coordinates, SVG paths from
GeoJSON geometries, bounding boxes and great-circle distance.

The projection is equirectangular with a cos(52.2°) x-scale: at national scale it is within a few
per cent of RD New (EPSG:28992) in shape, and needs no projection library."""

import math
from collections.abc import Iterable, Sequence

LON0 = 3.3
LAT0 = 53.6
SCALE = 400.0  # SVG units per degree of latitude
X_SCALE = SCALE * math.cos(math.radians(52.2))
EARTH_RADIUS_KM = 6371.0088

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


def geometry_to_svg_path(geometry: dict) -> str:
    """An SVG path `d` attribute for a (Multi)Polygon; holes drawn with the even-odd rule."""
    parts = []
    for polygon in _polygons(geometry):
        for ring in polygon:
            points = [project(lon, lat) for lon, lat in ring]
            if len(points) < 3:
                continue
            head, *tail = points
            parts.append(f"M{_fmt(head[0])} {_fmt(head[1])}")
            parts.append("L" + " ".join(f"{_fmt(x)} {_fmt(y)}" for x, y in tail) + "Z")
    return "".join(parts)


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


def padded_viewbox(box: Box, padding: float = 0.05, min_size: float = 10.0) -> str:
    """A `viewBox` string around `box` with relative padding, at least `min_size` units wide/high."""
    min_x, min_y, max_x, max_y = box
    width = max(max_x - min_x, min_size)
    height = max(max_y - min_y, min_size)
    cx, cy = (min_x + max_x) / 2, (min_y + max_y) / 2
    width *= 1 + 2 * padding
    height *= 1 + 2 * padding
    return f"{_fmt(cx - width / 2)} {_fmt(cy - height / 2)} {_fmt(width)} {_fmt(height)}"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
