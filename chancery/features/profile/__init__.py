"""The country profile: bilateral relations from ``content/<id>/data/relations.yml``."""
