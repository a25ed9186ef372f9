from apps.api.common.viewsets import ModelViewSet
from apps.verification.selectors import speaker_list

from .filtersets import SpeakerFilterSet
from .serializers import SpeakerSerializer


class SpeakerViewSet(ModelViewSet):
    """People, organisations and unnamed speakers, each with their number of statements and of
    published verdicts per bucket."""

    queryset = speaker_list()
    serializer_class = SpeakerSerializer
    filterset_class = SpeakerFilterSet
