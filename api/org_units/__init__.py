"""org units of the facts service."""
