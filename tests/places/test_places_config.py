"""The hand data of the places stage (places/config.py): ``places.yaml`` read and checked once."""
from __future__ import annotations

import pytest


def test_the_config_is_read_once_and_importable_from_the_gazetteer():
    from detente.places import config, gazetteer
    assert config.load_config() is config.load_config()
    assert gazetteer.load_config is config.load_config and gazetteer.PlacesConfig is config.PlacesConfig
    assert isinstance(config.load_config(), config.PlacesConfig) and config.load_config().min_population > 0


@pytest.mark.parametrize("bad", [{"seats": []}, {"seats": {"security council": "New York City"},
                                                 "seat_veto_body": "general assembly"}])
def test_the_seats_data_is_checked(bad, monkeypatch):
    from detente.errors import DataFileError
    from detente.places import config
    data = config.read_yaml()
    data.update(bad)
    with pytest.raises(DataFileError):
        config._seats(data)
