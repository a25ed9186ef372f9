from .views import IntakeViewSet

routes = [("intake", IntakeViewSet, "intake")]
