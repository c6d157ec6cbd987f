"""texts of the facts service."""
