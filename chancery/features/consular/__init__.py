"""Consular services, fees, opening hours and holiday closures, from typed data."""
