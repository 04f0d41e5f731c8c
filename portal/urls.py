from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as accounts_views
from home import views as home_views
from home.sitemap import PortalSitemap
from library.views import serve_document
from operations.health import healthz
from search import autocomplete as search_autocomplete
from search import views as search_views
from search.api import api_router

urlpatterns = [
    # The admin shares the public, throttled log-in page.
    path("admin/login/", RedirectView.as_view(url="/compte/connexion/", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view (same address, reversed as "wagtaildocs_serve"), its redirects uncached.
    re_path(r"^documents/(\d+)/(.*)$", serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("compte/", include("accounts.urls")),
    path("boite-a-outils/annuaire/", accounts_views.referent_directory, name="referent_directory"),
    path("inscriptions/", include("trainings.urls")),
    path("recherche/", search_views.search, name="search"),
    path("recherche/suggestions/", search_autocomplete.suggestions, name="search_suggestions"),
    path("api/v2/", api_router.urls),
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("plan-du-site/", home_views.site_map, name="site_map"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# A database that refuses writes (read-only, locked) answers the French 503 page, not a 500.
handler500 = "operations.database.server_error"
