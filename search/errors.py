class SearchUnavailable(Exception):
    """The search backend could not answer (index missing or broken, database or search
    server down): the page says search is unavailable, with a 503."""
