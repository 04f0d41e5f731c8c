from functools import wraps

from django.utils.cache import patch_cache_control

from wagtail.documents.views import serve


def never_cache_redirects(view):
    """A redirect out of the document view (to a presigned S3 URL after the permission checks,
    or to the log-in page) is meant for this visitor only: no shared cache (nginx) may keep it
    and give the signed address to someone else."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if 300 <= response.status_code < 400:
            patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapper


serve_document = never_cache_redirects(serve.serve)
