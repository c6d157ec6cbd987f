"""Shared machinery for every kind of content record: columns, field types, versions, ETags."""
