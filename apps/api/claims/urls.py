from .views import QuotationViewSet, StatementViewSet, TopicViewSet

routes = [
    ("statements", StatementViewSet, "statement"),
    ("quotations", QuotationViewSet, "quotation"),
    ("topics", TopicViewSet, "topic"),
]
