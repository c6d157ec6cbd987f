"""places of the facts service."""
