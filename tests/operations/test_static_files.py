"""Static files on the development server (`make run`): what gunicorn and WhiteNoise serve in
production, and a 404 for every malformed or escaping path, never a server error."""

import threading
import urllib.error
import urllib.request

import pytest
from django.core.management import get_commands, load_command_class
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

from bbwiki.settings import dev

MALFORMED = [
    "/static/css/..%2f..%2f..%2fbbwiki%2fsettings%2fbase.py",
    "/static/..%2fmanage.py",
    "/static/css/%2e%2e/%2e%2e/manage.py",
    "/static/css/..%5c..%5cmanage.py",
    "/static/css/%2fetc%2fpasswd",
    "/static/css/site.css%00.py",
    "/static/%00",
    "/static/",
]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def dev_server(settings, db):
    """`manage.py runserver` under the development settings, on a free port: the handler its
    command builds with its default options, served over HTTP."""
    settings.DEBUG = dev.DEBUG
    settings.WHITENOISE_USE_FINDERS = dev.WHITENOISE_USE_FINDERS
    command = load_command_class(get_commands()["runserver"], "runserver")
    options = command.create_parser("manage.py", "runserver").parse_args([])
    handler = command.get_handler(**vars(options))
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own server
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_the_development_server_serves_static_files(dev_server):
    code, body = status(f"{dev_server}/static/css/site.css")
    assert code == 200
    assert body == (dev.BASE_DIR / "static/css/site.css").read_bytes()


@pytest.mark.parametrize("path", MALFORMED)
def test_a_malformed_static_path_is_not_found(dev_server, path):
    code, body = status(f"{dev_server}{path}")
    assert code == 404, path
    assert b"SECRET_KEY" not in body
