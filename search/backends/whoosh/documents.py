"""How model instances become Whoosh documents, and which Whoosh fields a model searches.

Every document has the instance's primary key (``pk``) and the content types it is indexed
as (``content_type``), the fields of `base_schema()`. Every SearchField becomes a stemmed
text field named ``s__<path>`` (``s_<language>__<path>`` for an object in a language other
than English: `languages`) and every AutocompleteField a field of whole, lower-cased words
named ``a__<path>``, where ``<path>`` is the field name, prefixed by the RelatedFields names
leading to it (``authors__name``). Boosts are applied at query time, so changing a boost
needs no rebuild.
"""

from modelsearch import index
from modelsearch.index import get_indexed_models
from whoosh import fields as whoosh_fields
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer

from ..locales import object_languages
from . import languages
from .analysis import IndexedText

PK_FIELD = "pk"
CONTENT_TYPE_FIELD = "content_type"
AUTOCOMPLETE_PREFIX = "a__"


def base_schema():
    """The schema of a new index: the fields every document has. Text fields are added as
    documents need them."""
    return whoosh_fields.Schema(
        **{
            # sortable=True stores the key in a column, which is much cheaper to read for
            # thousands of hits than stored fields.
            PK_FIELD: whoosh_fields.ID(unique=True, sortable=True),
            CONTENT_TYPE_FIELD: whoosh_fields.KEYWORD(scorable=False),
        }
    )


def cached_stem(word):
    """Porter2 stem of `word`, from the process's cache of stems (`languages.stem`).

    Whoosh's own stem cache belongs to the analyzer object, and every writer unpickles a
    fresh schema (analyzers included) from the index, so that cache starts empty on each
    write. This one is a module-level function, pickled by name, so all writers share it.
    """
    return languages.stem(languages.DEFAULT, word)


# English (Porter2) stemming: "programs" and "programming" both become "program", which
# Whoosh's default Porter stemmer does not do. Single letters are kept: "C" or "R" matter.
SEARCH_ANALYZER = StemmingAnalyzer(minsize=1, stemfn=cached_stem, cachesize=None)
# Autocomplete fields keep each word whole, lower-cased and unstemmed; a word typed is looked up
# as a prefix in the field's sorted terms (`query.WordPrefix`). Indexing every prefix of every
# word instead (edge n-grams) made these fields half of all the postings a rebuild writes.
AUTOCOMPLETE_ANALYZER = RegexTokenizer() | LowercaseFilter()


def search_analyzer(language):
    """The analyzer of the search fields in `language`."""
    return SEARCH_ANALYZER if language == languages.DEFAULT else languages.analyzer(language)


def _prefix(field, language=languages.DEFAULT):
    if isinstance(field, index.SearchField):
        return languages.search_prefix(language)
    if isinstance(field, index.AutocompleteField):
        return AUTOCOMPLETE_PREFIX
    return None


def text_field_types(documents):
    """The Whoosh field types of the search and autocomplete fields in `documents`."""
    types = {}
    for document in documents:
        for name in document:
            if name.startswith(AUTOCOMPLETE_PREFIX):
                types[name] = IndexedText(analyzer=AUTOCOMPLETE_ANALYZER, phrase=False)
            elif (language := languages.field_language(name)) is not None:
                types[name] = IndexedText(analyzer=search_analyzer(language))
    return types


def index_field_types(root_model):
    """The Whoosh field types of every search and autocomplete field in `root_model`'s index."""
    names = {
        *weighted_fields(root_model, index.SearchField),
        *weighted_fields(root_model, index.AutocompleteField),
    }
    return text_field_types([dict.fromkeys(names)])


def content_types(model):
    """The content type of `model` and of each indexed ancestor, most general first."""
    names = []
    while model is not None:
        names.insert(0, model.indexed_get_content_type())
        model = model.indexed_get_parent()
    return names


def _text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return "\n".join(filter(None, (_text(item) for item in value)))
    return str(value)


def _has_text_fields(fields):
    return any(
        _prefix(field)
        or (isinstance(field, index.RelatedFields) and _has_text_fields(field.fields))
        for field in fields
    )


def _related_objects(value):
    if value is None:
        return []
    if hasattr(value, "all"):  # a related manager
        return list(value.all())
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _collect_texts(obj, fields, path, texts, language):
    for field in fields:
        if isinstance(field, index.RelatedFields):
            # Relations with only FilterFields are skipped: filtering is done by the ORM.
            if not _has_text_fields(field.fields):
                continue
            for related in _related_objects(field.get_value(obj)):
                _collect_texts(
                    related, field.fields, f"{path}{field.field_name}__", texts, language
                )
        elif _prefix(field):
            text = _text(field.get_value(obj))
            if text:
                name = f"{_prefix(field, language)}{path}{field.field_name}"
                texts.setdefault(name, []).append(text)


def build_documents(model, objs):
    """The Whoosh documents for `objs`, instances of `model`, each in its locale's language
    (`locales.object_languages`), English for objects without one."""
    return [
        build_document(model, obj, language or languages.DEFAULT)
        for obj, language in zip(objs, object_languages(model, objs), strict=True)
    ]


def build_document(model, obj, language=languages.DEFAULT):
    """The Whoosh document for `obj`, indexed as an instance of `model` in `language`."""
    texts = {}
    _collect_texts(obj, model.get_search_fields(), "", texts, language)
    document = {name: "\n".join(parts) for name, parts in texts.items()}
    document[PK_FIELD] = str(obj.pk)
    document[CONTENT_TYPE_FIELD] = " ".join(content_types(model))
    return document


# A title's boost counts this much more. In BM25F a few words' field weighs little
# against a long body that repeats the words, where a page named for what was asked is most
# often the answer ("do task forces work in public": Task forces, not the page whose body
# mentions task forces and the public); Wagtail's database backend on PostgreSQL ranks title
# matches first too. Measured on newcomers' questions (bench/README.md, issue 18): 2 and 4
# lifted titles past the answer ("what did Bali decide about the IGF": the meeting's page
# before its Message).
TITLE_FACTOR = 1.5


def _walk_fields(fields, field_class, path, weights):
    for field in fields:
        if isinstance(field, index.RelatedFields):
            _walk_fields(field.fields, field_class, f"{path}{field.field_name}__", weights)
        elif isinstance(field, field_class):
            name = f"{_prefix(field)}{path}{field.field_name}"
            boost = getattr(field, "boost", None) or 1.0
            weights.setdefault(name, boost * (TITLE_FACTOR if field.field_name == "title" else 1))


def weighted_fields(model, field_class, only=None):
    """Whoosh field names searched for `model`, with their boosts.

    Fields declared on indexed subclasses are included, so searching a parent model
    finds children by their own fields. `only` restricts to top-level field names.
    """
    weights = {}
    if only is not None:
        for field in model.get_search_fields():
            if isinstance(field, field_class) and field.field_name in only:
                _walk_fields([field], field_class, "", weights)
        return weights
    for searched in [model, *(m for m in get_indexed_models() if issubclass(m, model))]:
        _walk_fields(searched.get_search_fields(), field_class, "", weights)
    return weights
