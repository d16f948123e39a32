"""Geography: the offline gazetteer, romanised spellings, province map layers, the border
and its distances, and the geocoders (offline by default, geopy on request).

- :mod:`.gazetteer`: :class:`~.gazetteer.Place` and :class:`~.gazetteer.Gazetteer`;
- :mod:`.romanize` and :mod:`.aliases`: how names are folded and spelled;
- :mod:`.boundaries`: provinces, context lines and border GeoJSON;
- :mod:`.border`: distance to the China/Russia border, the border-region flag;
- :mod:`.geocoders`: ``geocode(name, context) -> Place | None`` behind one interface.

Place names in report text are found by :func:`nkviz.extract.places.find_places`.
"""
