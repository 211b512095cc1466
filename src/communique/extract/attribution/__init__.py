"""The trained attribution tagger at run time: token features (:mod:`.features`), the
numpy BiLSTM-CRF (:mod:`.neural`) or CRF (:mod:`.model`) that tags source, cue and content
spans, the rules that link the spans into attributions (:mod:`.linking`), and their
:class:`~communique.models.Quote` records merged with the rule quotes (:mod:`.combine`).

Training lives in :mod:`communique.learn`, which imports from here; nothing here imports
:mod:`communique.learn`.
"""
