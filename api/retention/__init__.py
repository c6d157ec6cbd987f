"""Retention: `facts-service purge` deletes what has outlived its period (see service.py)."""
