"""Typed records of the places stage: a gazetteer entry and a place found in an article."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Location

KINDS = ("city", "admin1", "country")


@dataclass(frozen=True)
class GeoPlace:
    """A place of the gazetteer.

    ``admin1`` is GeoNames' first-level division key ("TJ.04", "US.TX") where GeoNames gives it
    (cities, US states), else the ISO 3166-2 code ("AF-HEL"); None for a country. Coordinates of a
    country are the median of its cities' (a rough centre); an ISO 3166-2 division has none.
    """

    name: str
    geonames_id: int | None
    country: str  # ISO 3166-1 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    kind: str  # city | admin1 | country
    population: int = 0

    def label(self) -> str:
        """"Paris (FRA)", "Georgia (USA admin1)": how ``why`` names a candidate."""
        return f"{self.name} ({self.country}{'' if self.kind == 'city' else ' ' + self.kind})"


@dataclass(frozen=True)
class PlaceMention:
    """A place named in an article: token span [start, end), character span, words, resolution.

    ``why`` says how the name was resolved ("only place of that name", "the article's countries
    include LBN", "largest by population ..."); ``dateline`` marks the place of the article's dateline.
    """

    start: int
    end: int
    char_start: int
    char_end: int
    text: str
    place: GeoPlace
    why: str
    dateline: bool = False

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {"text": self.text, "char_start": self.char_start, "char_end": self.char_end, "name": p.name,
                "geonames_id": p.geonames_id, "country": p.country, "admin1": p.admin1, "lat": p.lat,
                "lon": p.lon, "kind": p.kind, "why": self.why, "dateline": self.dateline}


def location_of(place: PlaceMention | GeoPlace, basis: str) -> Location:
    """The event location a place mention (or a gazetteer place) gives."""
    p = place.place if isinstance(place, PlaceMention) else place
    return Location(name=p.name, country=p.country, lat=p.lat, lon=p.lon, admin1=p.admin1,
                    geonames_id=p.geonames_id, basis=basis, kind=p.kind)
