"""Test peers of the OctoPrint connector: a real OctoPrint (with its Virtual Printer) and
tiny faulty HTTP servers. Not a test module: the test classes import it."""

import http.client
import http.server
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

DISABLED_PLUGINS = [
    "discovery",
    "health_check",
    "softwareupdate",
    "tracking",
    "announcements",
    "pluginmanager",
    "errortracking",
    "achievements",
    "backup",
    "firmware_check",
    "file_check",
    "pi_support",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OctoPrintServer:
    """A real OctoPrint on 127.0.0.1, fresh base dir and port, admin user with an API key."""

    def __init__(self):
        self.executable = os.environ.get("TL_OCTOPRINT", "")
        if not self.executable or not os.access(self.executable, os.X_OK):
            # Fail, never skip: the bootstrap installs OctoPrint and exports its path.
            raise RuntimeError(
                f"OctoPrint not found (TL_OCTOPRINT={self.executable!r}): run the tests "
                "through tools/test.sh, whose bootstrap installs it."
            )
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.api_key = secrets.token_hex(16).upper()
        self.basedir = Path(tempfile.mkdtemp(prefix="tl-octoprint-"))
        self.process = None
        self.log = None

    def start(self, timeout=60):
        config = {
            "server": {
                "host": "127.0.0.1",
                "port": self.port,
                "firstRun": False,
                "onlineCheck": {"enabled": False},
                "pluginBlacklist": {"enabled": False},
                "pythonEolCheck": {"enabled": False},
                "ipCheck": {"enabled": False},
            },
            "serial": {"autoconnect": False},
            "plugins": {"_disabled": DISABLED_PLUGINS, "virtual_printer": {"enabled": True}},
        }
        (self.basedir / "config.yaml").write_text(yaml.safe_dump(config))
        subprocess.run(
            [
                self.executable,
                "--basedir",
                str(self.basedir),
                "user",
                "add",
                "--admin",
                "--password",
                secrets.token_hex(8),
                "admin",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        users_file = self.basedir / "users.yaml"
        users = yaml.safe_load(users_file.read_text())
        users["admin"]["apikey"] = self.api_key
        users_file.write_text(yaml.safe_dump(users))
        self.log = open(self.basedir / "serve.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                self.executable,
                "--basedir",
                str(self.basedir),
                "serve",
                "--iknowwhatimdoing",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"OctoPrint exited: {self.read_log()[-2000:]}")
            try:
                status, _body = self.request("GET", "/api/version")
                if status == 200:
                    return self
            except (OSError, http.client.HTTPException):
                # a placeholder answers (or nothing listens) until the server is up
                time.sleep(0.2)
                continue
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"OctoPrint did not answer within {timeout} s")

    def read_log(self):
        return (self.basedir / "serve.log").read_text(errors="replace")

    def request(self, method, path, payload=None, timeout=10):
        data = json.dumps(payload).encode() if payload is not None else None
        request = urllib.request.Request(
            self.url + path,
            data=data,
            method=method,
            headers={"X-Api-Key": self.api_key, "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                body = response.read()
                return response.status, json.loads(body) if body else None
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def connect_printer(self, timeout=20):
        self.request("POST", "/api/connection", {"command": "connect", "port": "VIRTUAL"})
        self.wait(lambda: self.request("GET", "/api/printer")[0] == 200, timeout)

    def disconnect_printer(self):
        self.request("POST", "/api/connection", {"command": "disconnect"})
        self.wait(lambda: self.request("GET", "/api/printer")[0] == 409, 20)

    def wait(self, condition, timeout, step=0.2):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(step)
        raise AssertionError(f"condition not met within {timeout} s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self.log:
            self.log.close()
        shutil.rmtree(self.basedir, ignore_errors=True)


class FaultyServer:
    """A local HTTP server answering every request in one bad way:
    ``garbage`` (200, not JSON), ``slow`` (sleeps ``delay`` s), or an HTTP status code."""

    def __init__(self, mode, delay=12.0):
        self.mode, self.delay = mode, delay
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self):
                if outer.mode == "slow":
                    time.sleep(outer.delay)
                    body, status = b"{}", 200
                elif outer.mode == "garbage":
                    body, status = b"<html>this is no OctoPrint</html>", 200
                else:
                    body, status = b'{"error": "simulated"}', int(outer.mode)
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    return  # the client gave up (slow mode)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def short_gcode(moves=40):
    """A fast print for the Virtual Printer: no heating (M109/M190), moves at F6000."""
    lines = [
        "; tiers-lieu connector test part",
        "G21",
        "G90",
        "M82",
        "G28",
        "G92 E0",
        "G1 Z0.3 F600",
    ]
    for index in range(moves):
        x = 60 if index % 2 else 10
        lines.append(f"G1 X{x} Y{10 + index} E{index + 1}.0 F6000")
    lines += ["G1 Z10 F600", "M84", ""]
    return "\n".join(lines).encode()
