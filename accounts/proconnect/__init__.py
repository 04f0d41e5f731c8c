"""Log-in with ProConnect, the State's OpenID Connect federation for public agents.

Built on django-allauth's OpenID Connect provider (``provider.py``), with what ProConnect asks
of its clients and a generic client does not do: a ``state`` and a ``nonce`` of 43 characters,
the nonce checked in the ID token, the user-info answer read as a signed JWT and verified with
the provider's keys, the agents matched by e-mail rather than by ``sub``, the organisation's
SIRET kept on the account, and the log-out sent through ProConnect's end-session endpoint with
the ID token it issued (``views.py``). Registration and settings: docs/deployment.md.
"""

PROVIDER_ID = "proconnect"
