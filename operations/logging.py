"""A request id on every log line (JSON logs in production): the X-Request-ID that nginx
sends (``proxy_set_header X-Request-ID $request_id``), or a new one, also returned to the
client so that a person reporting a problem can quote it."""

import contextvars
import logging
import re
import uuid

request_id_var = contextvars.ContextVar("request_id", default="")
VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id_var.get()
        return True
