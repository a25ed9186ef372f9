"""The public site's addresses, mounted at the site's root (see claimtrack/urls.py)."""

app_name = "public"

urlpatterns: list = []
