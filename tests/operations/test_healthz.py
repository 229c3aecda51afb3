import pytest


@pytest.mark.django_db
def test_healthz_reports_ok_when_database_and_search_answer(client, home):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "search": "ok"}}


@pytest.mark.django_db
def test_healthz_is_never_cached(client, home):
    cache_control = client.get("/healthz")["Cache-Control"]
    for directive in ("no-cache", "no-store", "must-revalidate"):
        assert directive in cache_control


@pytest.mark.django_db
def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_healthz_is_not_redirected_to_https_for_load_balancers(client, settings, home):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301
