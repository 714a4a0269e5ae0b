"""Public URLs of the reports app (inside i18n_patterns at /reports/): the JSON API and its docs.

The dashboard itself lives in the Wagtail admin (see wagtail_hooks.py and admin_urls.py).
"""

from django.urls import path

from .api import api

app_name = "reports"
urlpatterns = [
    path("api/", api.urls),
]
