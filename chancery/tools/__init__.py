"""Editors' and HQ's tasks: scaffolding, worksheets, dashboards, previews, vendoring."""
