from django.db import models


class SourceKind(models.TextChoices):
    NEWS_ARTICLE = "news_article", "News article"
    ANALYSIS = "analysis", "Analysis or op-ed"
    INTERVIEW = "interview", "Interview"
    SPEECH = "speech", "Speech or transcript"
    OFFICIAL_STATEMENT = "official_statement", "Official statement"
    SOCIAL_POST = "social_post", "Social media post"
    REPORT = "report", "Report"
    BOOK = "book", "Book"
    BROADCAST = "broadcast", "Broadcast"
