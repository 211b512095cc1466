"""Actor knowledge base: countries, metonyms, IGOs, collectives, institutions, roles,
people with dated roles, alias normalisation and user dictionaries.

``load_kb(dictionaries)`` returns the :class:`~communique.kb.registry.KnowledgeBase`
(built once per process and dictionary tuple). ``kb/gazetteer.py`` (places) is separate.
"""

from .names import actor_id, country_actor_id, normalize_name
from .registry import KBEntry, KnowledgeBase, PersonRecord, RoleRecord, UserActors, load_kb

__all__ = ["actor_id", "country_actor_id", "normalize_name", "KBEntry", "KnowledgeBase",
           "PersonRecord", "RoleRecord", "UserActors", "load_kb"]
