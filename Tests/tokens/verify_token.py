"""Verifies a liveness result_token as a backend would, with PyJWT (an independent JOSE implementation).

Usage: python verify_token.py JWKS_FILE_OR_URL TOKEN AUDIENCE [ISSUER]
Prints the verified claims as JSON and exits 0, or prints the error and exits 1.
"""
import json
import sys

import jwt


def verify(jwks_source, token, audience, issuer="liveness"):
    if jwks_source.startswith(("http://", "https://")):
        key = jwt.PyJWKClient(jwks_source).get_signing_key_from_jwt(token).key
    else:
        with open(jwks_source) as source:
            keys = jwt.PyJWKSet.from_dict(json.load(source))
        kid = jwt.get_unverified_header(token)["kid"]
        key = next(k.key for k in keys.keys if k.key_id == kid)
    return jwt.decode(token, key, algorithms=["ES256"], audience=audience, issuer=issuer,
                      options={"require": ["exp", "iat", "iss", "aud"]})


if __name__ == "__main__":
    try:
        claims = verify(*sys.argv[1:])
    except (jwt.PyJWTError, StopIteration, KeyError) as error:
        print(f"{type(error).__name__}: {error}")
        sys.exit(1)
    print(json.dumps(claims, sort_keys=True))
