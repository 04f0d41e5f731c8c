"""Security headers that Django does not set itself: the Content-Security-Policy (django-csp,
with a separate policy for the Wagtail admin) and the Permissions-Policy."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

from django.conf import settings

ADMIN_PREFIX = "/admin/"


def admin_policy():
    """The public policy, relaxed where the Wagtail 8 admin needs it:

    - script-src 'unsafe-inline': some of its widgets and panels still print inline
      <script> blocks (date/time inputs, inline and multiple-chooser panels, wagtailmedia's
      upload form, search promotions);
    - style-src 'unsafe-inline': its templates and scripts use style attributes throughout;
    - img-src/media-src blob: the previews of files chosen for upload;
    - frame-ancestors/frame-src 'self': the live preview shows the page in an iframe of
      the editor, both on our origin.
    Still no remote origin: the admin loads only our own static files (and no Gravatar,
    see WAGTAIL_GRAVATAR_PROVIDER_URL). Only people with admin access reach these pages.
    """
    directives = {key: list(value) for key, value in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].items()}
    directives["script-src"] = [SELF, UNSAFE_INLINE]
    directives["style-src"] = [SELF, UNSAFE_INLINE]
    directives["img-src"] += ["blob:"]
    directives["media-src"] += ["blob:"]
    directives["font-src"] += ["data:"]
    directives["frame-src"] = [SELF]
    directives["frame-ancestors"] = [SELF]
    return directives


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin policy for every page under /admin/ (unless a
    view chose its own with django-csp's decorators)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = admin_policy()
        return parts


class PermissionsPolicyMiddleware:
    """``Permissions-Policy: camera=(), microphone=(), …`` from settings.PERMISSIONS_POLICY
    ({feature: allowlist}; an empty list switches the feature off everywhere)."""

    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "PERMISSIONS_POLICY", {})
        self.header = ", ".join(
            "{}=({})".format(feature, " ".join(o if o == "self" else f'"{o}"' for o in allowlist))
            for feature, allowlist in policy.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response
