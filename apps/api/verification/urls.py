from django.urls import path

from .views import ClaimReviewViewSet, ClaimsSearchView, RatingScaleViewSet

routes = [
    ("rating-scales", RatingScaleViewSet, "rating-scale"),
    ("claimreviews", ClaimReviewViewSet, "claimreview"),
]
urlpatterns = [path("claims:search", ClaimsSearchView.as_view(), name="claims-search")]
