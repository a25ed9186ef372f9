from .views import SpeakerViewSet

# (prefix, viewset, basename), registered on the root router in claimtrack/urls.py.
routes = [("speakers", SpeakerViewSet, "speaker")]
