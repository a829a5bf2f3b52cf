"""Alerts: typed, time-limited notices shown as a banner on every page of a site."""
