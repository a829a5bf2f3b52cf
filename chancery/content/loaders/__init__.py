"""Readers that turn files in ``content/`` into Python data with line numbers."""
