"""feedback of the facts service."""
