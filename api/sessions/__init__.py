"""sessions of the facts service."""
