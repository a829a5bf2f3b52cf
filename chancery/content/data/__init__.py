"""Typed data files (``content/_hq/data/*.yml``, ``content/<id>/data/*.yml``): shared parts.

Facts that are the same in every language (fees, hours, dates, phone numbers) are
entered once in these files; only their texts are translated.
"""
