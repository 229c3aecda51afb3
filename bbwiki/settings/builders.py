"""Settings worked out from the environment by small functions, so tests can build them
for other environments: the client's address behind proxies, and the caches."""


def client_address_settings(proxy_count):
    """django-axes' settings for reading a client's address behind `proxy_count` reverse
    proxies that each add the address they were reached from to X-Forwarded-For.

    Every throttle (logins, page passwords, searches, signing) asks django-axes, which asks
    django-ipware. X-Forwarded-For is trusted only behind proxies, otherwise a client could
    pick a fresh address for every attempt. Behind them it holds the client's address and one
    more per proxy after the first; ipware trusts it only when it has exactly that many
    entries, so an entry a client forged sends the request back to the proxy's own address.
    """
    behind_proxies = proxy_count > 0
    return {
        "AXES_IPWARE_PROXY_ORDER": "left-most",
        "AXES_IPWARE_PROXY_COUNT": proxy_count - 1 if behind_proxies else None,
        "AXES_IPWARE_META_PRECEDENCE_ORDER": (
            ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if behind_proxies else ["REMOTE_ADDR"]
        ),
    }


def cache_settings(redis_url, var_dir, pages_alias):
    """CACHES: the default cache in memory (or Redis), pages (`pages_alias`) in files under
    `var_dir` (or Redis)."""
    pages = {"TIMEOUT": 24 * 3600, "KEY_PREFIX": "pages"}
    if redis_url:
        redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
        return {"default": redis, pages_alias: {**redis, **pages}}
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        pages_alias: {
            "BACKEND": "pagecache.files.PageFileCache",
            "LOCATION": str(var_dir / "page-cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
            **pages,
        },
    }
