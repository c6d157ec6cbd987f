"""audit of the facts service: who signed in or failed to, who changed what, and when."""
