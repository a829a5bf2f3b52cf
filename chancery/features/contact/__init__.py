"""The contact page: the mission's facts from ``mission.yml``, hours, and schema.org data."""
