"""offers of the facts service."""
