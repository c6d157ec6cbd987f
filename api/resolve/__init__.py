"""Resolve a name, alias or misspelling to a record."""
