"""Demo content for translations: the home page in every language, and the objectives and two
procedures in Spanish and French, written for the demo from the English and labelled as
unofficial example translations.

Each translation is copied from its English page as a translator would copy it, then proposed
and approved through the real workflow, dated after the English version it follows. The French
"Joining the network" was translated in 2014 from version 2 of the English, which was amended
again in 2015 (version 3): it is behind its source, and says so.
"""

from wagtail.models import Locale

from history.versions import PageHistory
from procedures.models import Objective, ObjectivesPage, ProcedureIndexPage, ProcedurePage
from translations.models import TranslationRecord

from .pages import at, backdate, submit_and_approve
from .procedures import clause

UNOFFICIAL = {
    "es": "Traducción de ejemplo no oficial: el texto en inglés es el que rige.",
    "fr": "Traduction d'exemple non officielle : seul le texte anglais fait foi.",
    "pt": "Tradução de exemplo não oficial: vale o texto em inglês.",
    "ar": "ترجمة مثال غير رسمية: النص الإنجليزي هو المرجع.",
}

HOME_INTROS = {
    "es": "Best Bits es una red mundial de grupos de la sociedad civil que trabajan en la "
    "gobernanza de Internet y los derechos humanos. Este sitio reúne los procedimientos de "
    "trabajo de la red, sus objetivos acordados y el registro de sus reuniones y de lo que "
    "decidieron.",
    "fr": "Best Bits est un réseau mondial de groupes de la société civile qui travaillent sur "
    "la gouvernance de l'Internet et les droits humains. Ce site rassemble les procédures de "
    "travail du réseau, ses objectifs convenus et le compte rendu de ses réunions et de leurs "
    "décisions.",
    "pt": "Best Bits é uma rede mundial de grupos da sociedade civil que trabalham com a "
    "governança da Internet e os direitos humanos. Este site reúne os procedimentos de "
    "trabalho da rede, os seus objetivos acordados e o registo das suas reuniões e do que "
    "decidiram.",
    "ar": "بيست بيتس شبكة عالمية من مجموعات المجتمع المدني العاملة في حوكمة الإنترنت وحقوق "
    "الإنسان. يضم هذا الموقع إجراءات عمل الشبكة وأهدافها المتفق عليها وسجل اجتماعاتها وما "
    "قررته.",
}
HOME_SUMMARIES = {
    "es": "La página de inicio en español (traducción de ejemplo).",
    "fr": "La page d'accueil en français (traduction d'exemple).",
    "pt": "A página inicial em português (tradução de exemplo).",
    "ar": "الصفحة الرئيسية بالعربية (ترجمة مثال).",
}

WIKI = {
    "es": {
        "title": "Procedimientos",
        "intro": "Los procedimientos de trabajo de la red. Cualquier miembro puede proponer un "
        "cambio; entra en vigor cuando un quórum del comité directivo lo aprueba.",
        "summary": "El wiki de procedimientos en español (traducción de ejemplo).",
    },
    "fr": {
        "title": "Procédures",
        "intro": "Les procédures de travail du réseau. Tout membre peut proposer une "
        "modification ; elle entre en vigueur dès qu'un quorum du comité de pilotage l'a "
        "approuvée.",
        "summary": "Le wiki des procédures en français (traduction d'exemple).",
    },
}

OBJECTIVES = {
    "es": {
        "title": "Declaración de objetivos acordada",
        "preamble": "La reunión de 2013 de la red Best Bits en Bali se propuso abordar "
        "cuestiones clave en la intersección entre la política de Internet y los derechos "
        "humanos, y asentar Best Bits sobre una base institucional más firme, para reforzar "
        "su legitimidad como red amplia de incidencia de la sociedad civil y mejorar su "
        "sostenibilidad a largo plazo. Estos son sus objetivos.",
        "objectives": [
            "Elevar el nivel de comprensión compartida sobre los grupos, iniciativas y temas "
            "relacionados y sus contextos políticos.",
            "Ampliar y diversificar la participación en las iniciativas que los participantes "
            "llevan a cabo individualmente o en redes más pequeñas en los ámbitos de la "
            "gobernanza de Internet y de Internet y los derechos humanos.",
            "Amplificar la voz de la sociedad civil mundial en las próximas reuniones "
            "multilaterales sobre gobernanza de Internet y derechos en Internet.",
            "Reforzar la participación de la sociedad civil del Sur Global, en particular, en "
            "los debates mundiales sobre gobernanza de Internet y derechos en Internet, y "
            "superar las divisiones entre el Norte y el Sur.",
            "Producir resultados concretos y compartidos de la sociedad civil sobre cuestiones "
            "actuales urgentes, que puedan usarse en la incidencia en los próximos eventos "
            "importantes de gobernanza de Internet y derechos en Internet.",
            "Desarrollar una red de la sociedad civil inclusiva y sostenible para las "
            "cuestiones de gobernanza de Internet y derechos en Internet.",
        ],
        "summary": "Los objetivos en español (traducción de ejemplo).",
    },
    "fr": {
        "title": "Déclaration d'objectifs convenue",
        "preamble": "La réunion 2013 du réseau Best Bits à Bali visait à traiter des questions "
        "clés à la croisée des politiques de l'Internet et des droits humains, et à asseoir "
        "Best Bits sur des bases institutionnelles plus solides, afin de renforcer sa "
        "légitimité en tant que large réseau de plaidoyer de la société civile et d'améliorer "
        "sa viabilité à long terme. Voici ses objectifs.",
        "objectives": [
            "Améliorer la compréhension commune des groupes, initiatives et questions liés et "
            "de leurs contextes politiques.",
            "Élargir et diversifier la participation aux initiatives que les participants mènent "
            "individuellement ou au sein de réseaux plus restreints dans les domaines de la "
            "gouvernance de l'Internet et de l'Internet et des droits humains.",
            "Amplifier la voix de la société civile mondiale lors des prochaines réunions "
            "multilatérales sur la gouvernance de l'Internet et les droits sur l'Internet.",
            "Renforcer la participation de la société civile du Sud global, en particulier, aux "
            "débats mondiaux sur la gouvernance de l'Internet et les droits sur l'Internet, et "
            "dépasser les clivages Nord-Sud.",
            "Produire des résultats concrets et partagés de la société civile sur des questions "
            "actuelles urgentes, utilisables pour le plaidoyer lors des prochains grands "
            "événements sur la gouvernance de l'Internet et les droits sur l'Internet.",
            "Développer un réseau de la société civile inclusif et durable sur les questions de "
            "gouvernance de l'Internet et de droits sur l'Internet.",
        ],
        "summary": "Les objectifs en français (traduction d'exemple).",
    },
}

TASK_FORCES = {
    "es": {
        "title": "Grupos de trabajo",
        "summary": "Cómo se crean, funcionan y cierran los grupos de trabajo.",
        "body": [
            clause(
                "Finalidad",
                "purpose",
                "<p>Los grupos de trabajo elaboran hojas de ruta de participación para procesos "
                "concretos de gobernanza de Internet, como se acordó en la reunión de Bali.</p>",
            ),
            clause(
                "Creación de un grupo de trabajo",
                "setting-up",
                "<p>Un grupo de trabajo lo crea una reunión de la red o el comité directivo, con "
                "un mandato escrito y al menos dos personas que lo convocan.</p>",
            ),
            clause(
                "Participación y métodos de trabajo",
                "working-methods",
                "<p>Cualquier participante puede unirse a un grupo de trabajo. Los grupos "
                "trabajan de forma abierta e informan a la red al menos cada tres meses.</p>",
            ),
            clause(
                "Cierre de un grupo de trabajo",
                "closing",
                "<p>Un grupo de trabajo se cierra cuando cumple su mandato, o cuando el comité "
                "directivo lo considera inactivo durante seis meses, y sus resultados quedan "
                "en el registro.</p>",
            ),
        ],
        "change_summary": "Traducción al español (ejemplo, no oficial).",
    },
    "fr": {
        "title": "Groupes de travail",
        "summary": "Comment les groupes de travail sont créés, fonctionnent et sont clos.",
        "body": [
            clause(
                "Objet",
                "purpose",
                "<p>Les groupes de travail élaborent des feuilles de route d'engagement pour des "
                "processus précis de gouvernance de l'Internet, comme convenu à la réunion de "
                "Bali.</p>",
            ),
            clause(
                "Création d'un groupe de travail",
                "setting-up",
                "<p>Un groupe de travail est créé par une réunion du réseau ou par le comité de "
                "pilotage, avec un mandat écrit et au moins deux coordinateurs.</p>",
            ),
            clause(
                "Participation et méthodes de travail",
                "working-methods",
                "<p>Tout participant peut rejoindre un groupe de travail. Les groupes travaillent "
                "de manière ouverte et rendent compte au réseau au moins tous les trois mois.</p>",
            ),
            clause(
                "Clôture d'un groupe de travail",
                "closing",
                "<p>Un groupe de travail est clos lorsque son mandat est accompli, ou lorsque le "
                "comité de pilotage le juge inactif depuis six mois, et ses résultats restent "
                "consignés.</p>",
            ),
        ],
        "change_summary": "Traduction en français (exemple, non officielle).",
    },
}

# Spanish: version 3 of the English (2015), responsibilities first, networks welcome.
JOINING_ES = {
    "title": "Unirse a la red",
    "summary": "Quién puede unirse, cómo solicitarlo y cómo termina la membresía.",
    "body": [
        clause(
            "Quién puede unirse",
            "who-can-join",
            "<p>Pueden unirse las organizaciones de la sociedad civil y las redes de ellas que "
            "trabajan en gobernanza de Internet o derechos en Internet y que suscriben la "
            "declaración de objetivos acordada de la red. Las personas pueden participar en los "
            "debates sin ser miembros formales.</p>",
        ),
        clause(
            "Responsabilidades de los miembros",
            "responsibilities-of-members",
            "<p>Los miembros participan de buena fe, respetan los procedimientos de la red y "
            "aclaran cuándo hablan en nombre de su propia organización y no de la red.</p>",
        ),
        clause(
            "Cómo solicitarlo",
            "how-to-apply",
            "<p>Una organización lo solicita escribiendo al comité directivo con su nombre, "
            "país, sitio web y una breve descripción de su trabajo.</p>",
            [
                (
                    "Adhesión",
                    "endorsement",
                    "<p>La solicitud declara que la organización suscribe la declaración de "
                    "objetivos acordada.</p>",
                ),
                (
                    "Decisión",
                    "application-decision",
                    "<p>El comité directivo decide en un plazo de veintiún días, da sus razones "
                    "cuando rechaza una solicitud y publica el nuevo miembro en la página de "
                    "membresía.</p>",
                ),
            ],
        ),
        clause(
            "Baja y suspensión",
            "leaving-and-suspension",
            "<p>Un miembro puede darse de baja en cualquier momento avisando al comité "
            "directivo. Un miembro que actúe en contra de los objetivos puede ser suspendido "
            "tras una audiencia.</p>",
        ),
        clause(
            "Recursos",
            "appeals",
            "<p>Una organización cuya solicitud sea rechazada puede pedir al comité directivo "
            "que la reconsidere, y después a la red en su conjunto.</p>",
        ),
    ],
    "change_summary": "Traducción al español de la versión 3 (ejemplo, no oficial).",
}

# French: version 2 of the English (2014), before the 2015 amendment.
JOINING_FR = {
    "title": "Rejoindre le réseau",
    "summary": "Qui peut adhérer, comment présenter sa candidature et comment l'adhésion prend "
    "fin.",
    "body": [
        clause(
            "Qui peut adhérer",
            "who-can-join",
            "<p>Peuvent adhérer les organisations de la société civile qui travaillent sur la "
            "gouvernance de l'Internet ou les droits sur l'Internet et qui souscrivent à la "
            "déclaration d'objectifs convenue du réseau. Les personnes peuvent prendre part aux "
            "discussions sans adhésion formelle.</p>",
        ),
        clause(
            "Comment présenter sa candidature",
            "how-to-apply",
            "<p>Une organisation présente sa candidature en écrivant au comité de pilotage avec "
            "son nom, son pays, son site web et une brève description de son travail.</p>",
            [
                (
                    "Adhésion aux objectifs",
                    "endorsement",
                    "<p>La candidature indique que l'organisation souscrit à la déclaration "
                    "d'objectifs convenue.</p>",
                ),
                (
                    "Décision",
                    "application-decision",
                    "<p>Le comité de pilotage décide dans un délai de vingt et un jours, motive "
                    "un refus et publie le nouveau membre sur la page des membres.</p>",
                ),
            ],
        ),
        clause(
            "Responsabilités des membres",
            "responsibilities-of-members",
            "<p>Les membres participent de bonne foi, respectent les procédures du réseau et "
            "précisent quand ils parlent au nom de leur propre organisation plutôt qu'au nom du "
            "réseau.</p>",
        ),
        clause(
            "Départ et suspension",
            "leaving-and-suspension",
            "<p>Un membre peut partir à tout moment en informant le comité de pilotage. Un membre "
            "qui agit contre les objectifs peut être suspendu après avoir été entendu.</p>",
        ),
        clause(
            "Recours",
            "appeals",
            "<p>Une organisation dont la candidature est refusée peut demander au comité de "
            "pilotage de la réexaminer, puis au réseau dans son ensemble.</p>",
        ),
    ],
    "change_summary": "Traduction en français de la version 2 (exemple, non officielle).",
}

# The version of the English "Joining the network" the French translation follows.
JOINING_FR_FOLLOWS_VERSION = 2


def _paragraph(text):
    return f"<p>{text}</p>"


def ensure_translation(page, language_code, change_summary, when, cast, **fields):
    """Return (translation, created): `page`'s translation into the language, copied for
    translation with `fields` set, proposed and approved through the workflow and dated `when`
    when missing. An existing translation is returned as it is."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translations().filter(locale=locale).first()
    if existing is not None:
        return existing.specific, False
    translation = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    revision = submit_and_approve(translation, change_summary, cast)
    backdate(translation, revision, when)
    return translation, True


def load(home, cast):
    """The demo's translations, created once, in the order a translator would make them:
    parents first."""
    for language_code, intro in HOME_INTROS.items():
        ensure_translation(
            home,
            language_code,
            HOME_SUMMARIES[language_code],
            at(2014, 5, 1, 9) if language_code in WIKI else at(2016, 1, 10, 9),
            cast,
            intro=_paragraph(intro) + _paragraph(UNOFFICIAL[language_code]),
        )
    wiki = ProcedureIndexPage.objects.child_of(home).first()
    objectives = ObjectivesPage.objects.child_of(home).first()
    procedures = {page.slug: page for page in ProcedurePage.objects.child_of(wiki)} if wiki else {}
    for language_code, fields in WIKI.items():
        if wiki is not None:
            ensure_translation(
                wiki,
                language_code,
                fields["summary"],
                at(2014, 5, 1, 10),
                cast,
                title=fields["title"],
                intro=_paragraph(fields["intro"]),
            )
        if objectives is not None:
            texts = OBJECTIVES[language_code]
            ensure_translation(
                objectives,
                language_code,
                texts["summary"],
                at(2014, 5, 2, 10),
                cast,
                title=texts["title"],
                preamble=_paragraph(texts["preamble"]) + _paragraph(UNOFFICIAL[language_code]),
                objectives=[Objective(text=text) for text in texts["objectives"]],
            )
        if "task-forces" in procedures:
            _translate_procedure(
                procedures["task-forces"], language_code, TASK_FORCES[language_code], cast
            )
    if "joining-the-network" in procedures:
        joining = procedures["joining-the-network"]
        _translate_procedure(joining, "es", JOINING_ES, cast, when=at(2015, 9, 1, 10))
        french, created = _translate_procedure(
            joining, "fr", JOINING_FR, cast, when=at(2014, 5, 6, 10)
        )
        if created:
            followed = PageHistory(joining.pk).versions[JOINING_FR_FOLLOWS_VERSION - 1]
            TranslationRecord.objects.filter(translation=french).update(
                follows_id=followed.revision_id
            )


def _translate_procedure(procedure, language_code, texts, cast, when=None):
    return ensure_translation(
        procedure,
        language_code,
        texts["change_summary"],
        when or at(2014, 5, 5, 10),
        cast,
        title=texts["title"],
        summary=f"{texts['summary']} {UNOFFICIAL[language_code]}",
        body=texts["body"],
    )
