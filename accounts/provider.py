"""django-allauth looks for its providers in each app's ``provider`` module: ProConnect's."""

from .proconnect.provider import ProConnectProvider

provider_classes = [ProConnectProvider]
