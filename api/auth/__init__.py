"""auth of the facts service."""
