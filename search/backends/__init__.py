"""Search backends for Wagtail's search API."""
