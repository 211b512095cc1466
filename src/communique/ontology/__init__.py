"""PLOVER and CAMEO registries backed by package data (loaded once per process).

``cameo(code)`` -> CameoCode (name, Goldstein, root, quad class); ``plover_for_cameo(code)``
-> (type, mode, contexts) through the CAMEO2PLOVER crosswalk (longest listed prefix);
``plover_type(name)`` -> PloverType (quad class, intensity, modes).
"""

from .registry import (
                       CameoCode,
                       PloverType,
                       cameo,
                       cameo_codes,
                       contexts,
                       ontology_fingerprint,
                       plover_for_cameo,
                       plover_type,
                       plover_types,
                       sectors,
)

__all__ = ["CameoCode", "PloverType", "cameo", "cameo_codes", "contexts", "ontology_fingerprint",
           "plover_for_cameo", "plover_type", "plover_types", "sectors"]
