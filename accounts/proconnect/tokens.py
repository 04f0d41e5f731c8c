"""Random values and JWT checks for the ProConnect log-in.

Every refusal is a ``ProConnectError`` carrying a ``reason`` (logged, no personal data) and a
``kind`` that picks the French message the visitor sees (views.py ``MESSAGES``).
"""

import hmac
import secrets

import jwt
import requests
from allauth.socialaccount.providers.base import ProviderException

# ProConnect asks for a state and a nonce of at least 32 characters: 32 random bytes give 43.
RANDOM_BYTES = 32
# Only asymmetric signatures: "none" and HMAC (which would let anyone holding the client
# secret, or the public key passed as a secret, forge tokens) are refused.
SIGNING_ALGORITHMS = ("RS256", "ES256")
# Seconds of clock difference tolerated between ProConnect and the portal on exp/iat/nbf.
CLOCK_LEEWAY = 30


class ProConnectError(ProviderException):
    """A ProConnect answer the portal refuses. ``kind``: refused, unavailable, incomplete."""

    def __init__(self, reason, kind="refused"):
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


def random_value():
    return secrets.token_urlsafe(RANDOM_BYTES)


def same_value(given, expected):
    return (
        isinstance(given, str)
        and isinstance(expected, str)
        and bool(expected)
        and hmac.compare_digest(given, expected)
    )


def fetch_keys(session, jwks_uri):
    try:
        response = session.get(jwks_uri)
        response.raise_for_status()
        return response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProConnectError("jwks_unreachable", kind="unavailable") from error


def verify(token, *, keys, issuer, audience, required, what):
    """The claims of ``token`` once its signature (by one of ``keys``, a JWKS), issuer,
    audience and dates are checked; ``what`` (id_token, userinfo) prefixes the reasons."""
    try:
        header = jwt.get_unverified_header(token)
        algorithm = header.get("alg")
        if algorithm not in SIGNING_ALGORITHMS:
            raise ProConnectError(f"{what}_algorithm_refused")
        candidates = [key for key in jwt.PyJWKSet.from_dict(keys).keys if key.key_id == header.get("kid")]
        if len(candidates) != 1:
            raise ProConnectError(f"{what}_unknown_key")
        return jwt.decode(
            token,
            key=candidates[0].key,
            algorithms=[algorithm],
            audience=audience,
            issuer=issuer,
            leeway=CLOCK_LEEWAY,
            options={"require": required},
        )
    except jwt.ExpiredSignatureError as error:
        raise ProConnectError(f"{what}_expired") from error
    except jwt.InvalidAudienceError as error:
        raise ProConnectError(f"{what}_wrong_audience") from error
    except jwt.InvalidIssuerError as error:
        raise ProConnectError(f"{what}_wrong_issuer") from error
    except jwt.InvalidSignatureError as error:
        raise ProConnectError(f"{what}_bad_signature") from error
    except jwt.MissingRequiredClaimError as error:
        raise ProConnectError(f"{what}_missing_claim") from error
    # A malformed token, a key of the wrong type for the algorithm, a JWKS PyJWT cannot read.
    except (jwt.PyJWTError, ValueError, TypeError, KeyError, AttributeError) as error:
        raise ProConnectError(f"{what}_invalid") from error
