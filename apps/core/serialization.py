"""Django's JSON serialization format (dumpdata, loaddata, export_dataset) with timestamps to the
microsecond. Django's own rounds them to the millisecond (as JavaScript dates would), so a record
exported and imported again would not be the same record: its `updated_at`, shown by the API,
would change. Registered as the "json" format in settings.SERIALIZATION_MODULES."""

import datetime

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as DjangoSerializer

__all__ = ["Deserializer", "Serializer"]


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(DjangoSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactJSONEncoder
