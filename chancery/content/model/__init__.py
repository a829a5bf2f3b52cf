"""Typed content model: HQ settings, missions and the network they form."""
