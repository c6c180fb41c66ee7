"""A small client of OctoPrint's REST API (https://docs.octoprint.org/en/master/api/).

Every request has a timeout; every failure (network, HTTP status, unreadable answer) is
raised as :class:`OctoPrintError` with a code the models turn into a translated message.
"""

import json
from urllib.parse import quote

import requests


class OctoPrintError(Exception):
    """``code``: timeout, connection, auth, not_found, conflict, not_started, server, refused,
    garbage."""

    def __init__(self, code, status=None, detail=""):
        super().__init__(f"{code} {status or ''} {detail}".strip())
        self.code = code
        self.status = status
        self.detail = detail


class OctoPrintClient:
    def __init__(self, url, api_key, timeout=5.0):
        self.url = (url or "").rstrip("/")
        self.api_key = api_key or ""
        self.timeout = timeout

    def _request(self, method, path, expect_json=True, **kwargs):
        try:
            response = requests.request(
                method,
                self.url + path,
                headers={"X-Api-Key": self.api_key},
                timeout=self.timeout,
                **kwargs,
            )
        except requests.exceptions.Timeout as error:
            raise OctoPrintError("timeout", detail=str(error)) from error
        except requests.exceptions.RequestException as error:
            # refused, unreachable, reset, invalid URL, malformed status line...
            raise OctoPrintError("connection", detail=str(error)) from error
        status = response.status_code
        if status in (401, 403):
            raise OctoPrintError("auth", status)
        if status == 404:
            raise OctoPrintError("not_found", status)
        if status == 409:
            raise OctoPrintError("conflict", status, _error_text(response))
        if status >= 500:
            raise OctoPrintError("server", status)
        if status >= 400:
            raise OctoPrintError("refused", status, _error_text(response))
        if not expect_json:
            return None
        try:
            payload = response.json()
        except ValueError as error:
            raise OctoPrintError("garbage", status, response.text[:200]) from error
        if not isinstance(payload, dict):
            raise OctoPrintError("garbage", status, response.text[:200])
        return payload

    def version(self):
        payload = self._request("GET", "/api/version")
        return _get(payload, str, "server")

    def printer(self):
        """State text, flags and temperatures; raises ``conflict`` when not operational."""
        payload = self._request("GET", "/api/printer", params={"history": "false"})
        state = payload.get("state")
        temperature = payload.get("temperature") or {}
        if not isinstance(state, dict) or not isinstance(temperature, dict):
            raise OctoPrintError("garbage", 200, "printer")
        return {
            "text": str(state.get("text") or ""),
            "flags": state.get("flags") or {},
            "tool": _actual(temperature.get("tool0")),
            "bed": _actual(temperature.get("bed")),
        }

    def job(self):
        payload = self._request("GET", "/api/job")
        job, progress = payload.get("job"), payload.get("progress")
        if not isinstance(job, dict) or not isinstance(progress, dict):
            raise OctoPrintError("garbage", 200, "job")
        file = job.get("file") or {}
        return {
            "state": str(payload.get("state") or ""),
            "file": file.get("name"),
            "completion": progress.get("completion"),
            "print_time": progress.get("printTime"),
        }

    def connect(self, port=None):
        body = {"command": "connect"}
        if port:
            body["port"] = port
        self._request("POST", "/api/connection", expect_json=False, json=body)

    def upload_and_print(self, filename, data):
        """Upload to local storage and start printing it; returns the stored file name."""
        payload = self._request(
            "POST",
            "/api/files/local",
            files={"file": (filename, data, "application/octet-stream")},
            data={"select": "true", "print": "true"},
        )
        stored = (payload.get("files") or {}).get("local") or {}
        if not payload.get("done") or not stored.get("name"):
            raise OctoPrintError("garbage", 201, json.dumps(payload)[:200])
        if not payload.get("effectivePrint"):
            raise OctoPrintError("not_started", 201)
        return stored.get("path") or stored["name"]

    def last_print(self, path):
        """``True``/``False`` from the file's last print, ``None`` when it has none yet."""
        payload = self._request("GET", "/api/files/local/" + quote(path))
        last = (payload.get("prints") or {}).get("last")
        if not isinstance(last, dict) or "success" not in last:
            return None
        return bool(last["success"])


def _get(payload, kind, key):
    value = payload.get(key)
    if not isinstance(value, kind):
        raise OctoPrintError("garbage", 200, key)
    return value


def _actual(reading):
    if isinstance(reading, dict) and isinstance(reading.get("actual"), int | float):
        return float(reading["actual"])
    return None


def _error_text(response):
    try:
        payload = response.json()
        return str(payload.get("error", ""))[:200] if isinstance(payload, dict) else ""
    except ValueError:
        return response.text[:200]
