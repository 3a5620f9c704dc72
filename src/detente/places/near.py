"""Places by name and distances: what ``detente events --near PLACE`` needs."""
from __future__ import annotations

import math

from ..errors import QueryError
from ..model import Location
from .gazetteer import load_index
from .types import GeoPlace

EARTH_RADIUS_KM = 6371.0088


def resolve_place(name: str) -> GeoPlace:
    """The place a name read alone stands for ("Dushanbe", "Paris", "Georgia"): the gazetteer's
    preferred reading. QueryError when the gazetteer does not know it or it has no coordinates."""
    place = load_index().resolve(name)
    if place is None:
        raise QueryError(f"no place called {name!r} in the gazetteer (GeoNames cities of 15,000+, "
                         "first-level divisions, countries)")
    if place.lat is None or place.lon is None:
        raise QueryError(f"{name!r} ({place.label()}) has no coordinates in the gazetteer")
    return place


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def is_near(location: Location | None, place: GeoPlace, km: float) -> bool:
    """The location lies within ``km`` of ``place`` (a location without coordinates never does)."""
    if location is None or location.lat is None or location.lon is None or place.lat is None or place.lon is None:
        return False
    return distance_km(location.lat, location.lon, place.lat, place.lon) <= km
