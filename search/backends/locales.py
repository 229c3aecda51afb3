"""The language an indexed object is written in, for the backends that analyse each language
in its own way."""


def analysis_language(code):
    """The language whose analysis text in language `code` gets: "es" for "es" and "es-mx",
    None for no code."""
    return code.split("-")[0].lower() if code else None


def object_languages(model, objs):
    """The language of each of `objs` (instances of `model`), in order: its locale's language
    when `model` has a `locale` with a `language_code` (as Wagtail's `TranslatableMixin` gives),
    else None. The locales are read in one query, whatever the number of objects."""
    from django.core.exceptions import FieldDoesNotExist

    try:
        locale = model._meta.get_field("locale")
    except FieldDoesNotExist:
        return [None] * len(objs)
    if locale.related_model is None or not objs:
        return [None] * len(objs)
    codes = dict(locale.related_model.objects.values_list("pk", "language_code"))
    return [analysis_language(codes.get(getattr(obj, "locale_id", None))) for obj in objs]
