"""Idempotent builders of the demo site, one per area, reading demo/content/*.yaml."""
