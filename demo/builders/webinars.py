"""Demo content for the webinars (roadmap action 18, and action 12: presenting surveys, tools
and research data to the professionals).

Eight recorded webinars spread over the last eighteen months, each with a short video clip
(the same tiny WebM file, demo/samples/extrait-webinaire.webm, copied for each: the
demo needs no ffmpeg), French WebVTT captions with the speakers' voices, a transcript made
from them, chapters and, for some, slides. One is reserved to logged-in professionals, one
to the referents' network, one points at an external PeerTube video. Two upcoming live
webinars take registrations on an online session (the joining link goes by e-mail only).

Dates are relative to the day the command runs. Idempotent: a webinar that exists already is
left as it is, and nothing is created when they all exist."""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from wagtailmedia.models import Media

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Collection, PageViewRestriction

from demo.builders.common import aware, content, ensure_page, ensure_speakers, get_home_page
from home.models import Audience, Theme
from library.models import LibraryDocument
from trainings.models import Registration, Session
from webinars import vtt
from webinars.models import WebinarChapter, WebinarDocument, WebinarIndexPage, WebinarPage

SAMPLE_VIDEO = Path(__file__).resolve().parent.parent / "samples" / "extrait-webinaire.webm"
CLIP_SECONDS = 12
COLLECTION = "Webinaires"


@dataclass(frozen=True)
class Webinar:
    slug: str
    title: str
    intro: str
    days: int  # from today: negative in the past
    speakers: tuple
    themes: tuple
    audiences: tuple
    captions: tuple = ()  # (speaker key or "", text), one cue of two seconds each
    chapters: tuple = ()  # titles, every three seconds of the clip
    minutes: int = 60
    access: str = "public"  # public, login, referents
    external_url: str = ""
    slides: tuple = ()  # lines of a one-page PDF
    live: dict = field(default_factory=dict)  # an upcoming webinar's online session


WEBINARS = [
    Webinar(
        slug="reperer-les-violences-conjugales-pendant-la-grossesse",
        title="Repérer les violences conjugales pendant la grossesse",
        intro="Pourquoi la grossesse est une période à risque, comment poser la question "
        "systématiquement en consultation de PMI, et vers qui orienter.",
        days=-45,
        speakers=("morel", "vasseur"),
        themes=("reperage", "violences-conjugales"),
        audiences=("pmi", "centres-de-sante-sexuelle"),
        minutes=75,
        captions=(
            ("morel", "Bonjour à toutes et à tous, et merci d'être connectés pour ce webinaire."),
            ("morel", "La grossesse est souvent le moment où les violences commencent ou s'aggravent."),
            ("vasseur", "C'est pourquoi nous recommandons de poser la question à chaque femme enceinte."),
            ("vasseur", "Une question simple : « Avez-vous déjà eu peur de votre conjoint ? »"),
            ("morel", "Et surtout, avoir préparé l'orientation avant de poser la question."),
            ("morel", "Le questionnaire de repérage est disponible dans la bibliothèque du portail."),
        ),
        chapters=(
            "Introduction",
            "La grossesse, une période à risque",
            "Poser la question en consultation",
            "Orienter : les ressources du territoire",
        ),
        slides=(
            "Repérer les violences conjugales pendant la grossesse",
            "1. Une période à risque : apparition ou aggravation des violences.",
            "2. Le repérage systématique en consultation de PMI.",
            "3. Orienter : 3919, CIDFF, accueils de jour, urgences.",
        ),
    ),
    Webinar(
        slug="enfants-co-victimes-reperes-pour-la-protection-de-lenfance",
        title="Enfants co-victimes de violences conjugales : repères pour la protection de l'enfance",
        intro="Les effets des violences conjugales sur le développement de l'enfant, et ce qu'ils "
        "changent dans l'évaluation des informations préoccupantes.",
        days=-110,
        speakers=("vasseur", "haddad"),
        themes=("enfants-co-victimes", "violences-conjugales"),
        audiences=("protection-de-lenfance", "service-social-de-proximite"),
        minutes=90,
        captions=(
            ("vasseur", "Un enfant exposé aux violences conjugales est un enfant victime."),
            ("vasseur", "Les troubles du sommeil et de l'attachement sont des signaux à prendre au sérieux."),
            ("haddad", "À l'accueil de jour, nous recevons les mères avec leurs enfants."),
            ("haddad", "Le lien mère-enfant est souvent le premier levier de protection."),
            ("vasseur", "Dans l'évaluation, il faut entendre l'enfant, seul, avec des mots adaptés."),
            (
                "haddad",
                "Et penser à la coordination avec la cellule de recueil des informations préoccupantes.",
            ),
        ),
        chapters=(
            "L'enfant exposé, un enfant victime",
            "Les signaux d'alerte selon l'âge",
            "L'accueil des mères et des enfants",
            "Évaluer une information préoccupante",
        ),
    ),
    Webinar(
        slug="ordonnance-de-protection-et-telephone-grave-danger",
        title="Ordonnance de protection et téléphone grave danger : ce que peuvent les professionnels",
        intro="Le parquet et le CIDFF présentent les mesures de protection des victimes et le rôle "
        "des professionnels du Département dans leur mise en œuvre.",
        days=-160,
        speakers=("carpentier", "delattre"),
        themes=("parcours-de-sortie", "violences-conjugales"),
        audiences=("service-social-de-proximite", "partenaires-associatifs"),
        minutes=90,
        access="login",
        captions=(
            ("carpentier", "L'ordonnance de protection est délivrée par le juge aux affaires familiales."),
            ("carpentier", "Le délai est de six jours à compter de la fixation de l'audience."),
            ("delattre", "Au CIDFF, nous aidons les victimes à constituer leur dossier."),
            ("delattre", "Les attestations des professionnels sont des éléments précieux."),
            ("carpentier", "Le téléphone grave danger est attribué par le procureur de la République."),
            ("delattre", "N'hésitez pas à nous appeler pour préparer une demande."),
        ),
        chapters=(
            "L'ordonnance de protection",
            "Constituer le dossier avec le CIDFF",
            "Le téléphone grave danger",
            "Questions des participants",
        ),
        slides=(
            "Ordonnance de protection et téléphone grave danger",
            "Ordonnance de protection : juge aux affaires familiales, décision sous six jours.",
            "Téléphone grave danger : attribué par le procureur, évaluation du danger.",
            "Attestations des professionnels : faits constatés, propos rapportés entre guillemets.",
        ),
    ),
    Webinar(
        slug="responsabiliser-les-auteurs-stages-et-suivi",
        title="Responsabiliser les auteurs de violences : stages et suivi",
        intro="Ce que l'on sait de la prise en charge des auteurs de violences conjugales, et la place "
        "des stages de responsabilisation dans la prévention de la récidive.",
        days=-230,
        speakers=("lemaire", "carpentier"),
        themes=("auteurs", "prevention"),
        audiences=("partenaires-associatifs", "encadrement"),
        minutes=60,
        external_url="https://peertube.exemple.fr/w/9c9de5e8-0a1b-4a7c-8f4e-1d2c3b4a5f60",
        captions=(
            ("lemaire", "La prise en charge des auteurs fait partie de la protection des victimes."),
            ("lemaire", "Les stages de responsabilisation durent en général deux ou trois jours."),
            ("carpentier", "Le parquet peut les proposer en alternative aux poursuites."),
            ("carpentier", "Mais ils ne remplacent pas un suivi dans la durée."),
            ("lemaire", "Les recherches montrent l'intérêt d'un accompagnement pluridisciplinaire."),
        ),
        chapters=(
            "Pourquoi prendre en charge les auteurs",
            "Les stages de responsabilisation",
            "La réponse pénale",
            "Ce que dit la recherche",
        ),
    ),
    Webinar(
        slug="violences-dans-les-couples-lgbt",
        title="Violences dans les couples LGBT+ : spécificités et ressources",
        intro="Les violences au sein des couples de même sexe et envers les personnes LGBT+ : "
        "ce qui est commun, ce qui est spécifique, et les associations ressources.",
        days=-300,
        speakers=("deschamps",),
        themes=("lgbt", "violences-conjugales"),
        audiences=("centres-de-sante-sexuelle", "cegidd"),
        minutes=60,
        captions=(
            ("deschamps", "Les violences conjugales existent dans tous les couples."),
            ("deschamps", "Chez les personnes LGBT+, la menace de révéler l'orientation peut être une arme."),
            ("deschamps", "L'isolement est souvent renforcé par la rupture avec la famille."),
            ("deschamps", "En centre de santé sexuelle, l'accueil sans présupposé est essentiel."),
            ("deschamps", "Plusieurs associations du Nord accompagnent spécifiquement ces victimes."),
        ),
        chapters=(
            "Des violences dans tous les couples",
            "Les spécificités",
            "Accueillir sans présupposé",
            "Les ressources associatives",
        ),
    ),
    Webinar(
        slug="personnes-agees-et-handicap-reperer-les-violences-a-domicile",
        title="Personnes âgées et personnes en situation de handicap : repérer les violences à domicile",
        intro="Violences conjugales qui vieillissent, aidants épuisés, dépendance économique : repérer "
        "et agir lors des visites à domicile.",
        days=-400,
        speakers=("nguyen", "benali"),
        themes=("personnes-agees", "handicap", "reperage"),
        audiences=("service-social-de-proximite",),
        minutes=75,
        captions=(
            ("nguyen", "Les violences envers les personnes âgées restent très peu signalées."),
            (
                "nguyen",
                "La dépendance rend la victime encore plus vulnérable à son conjoint ou à ses proches.",
            ),
            ("benali", "Les visites à domicile sont un moment privilégié de repérage."),
            ("benali", "Le signalement passe par la cellule départementale dédiée aux adultes vulnérables."),
            ("nguyen", "Pensez aussi à l'épuisement des aidants, qui peut conduire à la maltraitance."),
        ),
        chapters=(
            "Des violences peu signalées",
            "Dépendance et vulnérabilité",
            "Repérer lors des visites à domicile",
            "Signaler et accompagner",
        ),
    ),
    Webinar(
        slug="animer-un-temps-de-co-formation-vif",
        title="Animer un temps de co-formation VIF dans son territoire",
        intro="Pour les référents VIF : préparer, animer et évaluer un temps de co-formation entre "
        "professionnels, avec la trame de l'ODPE.",
        days=-20,
        speakers=("benali", "morel"),
        themes=("prevention", "reperage"),
        audiences=("encadrement",),
        minutes=60,
        access="referents",
        captions=(
            ("benali", "Ce webinaire est réservé au réseau des référents VIF."),
            ("benali", "Nous allons parcourir ensemble la trame de co-formation de l'ODPE."),
            (
                "morel",
                "Dans mon territoire, nous avons commencé par une demi-journée à partir de cas concrets.",
            ),
            ("morel", "Les collègues ont surtout apprécié les mises en situation."),
            ("benali", "La fiche d'évaluation permet de faire remonter les besoins de formation."),
        ),
        chapters=(
            "Le rôle des référents",
            "La trame de co-formation",
            "Un retour d'expérience",
            "Évaluer et faire remonter les besoins",
        ),
        slides=(
            "Animer un temps de co-formation VIF",
            "Préparer : public, durée, cas concrets du territoire.",
            "Animer : mises en situation, apports de la trame ODPE.",
            "Évaluer : fiche d'évaluation, remontée des besoins à l'ODPE.",
        ),
    ),
    Webinar(
        slug="donnees-de-lobservatoire-departemental",
        title="Les violences intrafamiliales dans le Nord : les données de l'Observatoire",
        intro="L'ODPE présente les données départementales sur les violences intrafamiliales et les "
        "premiers résultats de l'enquête auprès des professionnels (action 12 de la feuille de route).",
        days=-75,
        speakers=("benali", "lemaire"),
        themes=("violences-conjugales", "enfants-co-victimes"),
        audiences=("encadrement", "protection-de-lenfance"),
        minutes=60,
        captions=(
            ("benali", "Voici les données départementales que l'Observatoire a consolidées cette année."),
            ("benali", "Les informations préoccupantes mentionnant des violences conjugales sont en hausse."),
            ("lemaire", "L'enquête auprès des professionnels montre un fort besoin de formation."),
            ("lemaire", "Les trois quarts des répondants souhaitent des outils de repérage partagés."),
            ("benali", "Ces résultats orientent le programme des prochains webinaires."),
        ),
        chapters=(
            "Les données départementales",
            "Les informations préoccupantes",
            "L'enquête auprès des professionnels",
            "Les suites données",
        ),
        slides=(
            "Les violences intrafamiliales dans le Nord : données de l'Observatoire",
            "Informations préoccupantes mentionnant des violences conjugales : en hausse.",
            "Enquête auprès des professionnels : besoin de formation et d'outils partagés.",
        ),
    ),
    # Upcoming live webinars: registration on an online session.
    Webinar(
        slug="outils-de-reperage-en-centre-de-sante-sexuelle",
        title="Les outils de repérage des violences en centre de santé sexuelle",
        intro="Webinaire en direct : présentation des outils de repérage utilisés en centre de santé "
        "sexuelle et en CeGIDD, avec un temps de questions.",
        days=14,
        speakers=("deschamps", "morel"),
        themes=("reperage", "prevention"),
        audiences=("centres-de-sante-sexuelle", "cegidd"),
        minutes=60,
        live={"capacity": 100, "hour": "12:30"},
    ),
    Webinar(
        slug="inceste-comprendre-les-travaux-de-la-ciivise",
        title="Inceste : comprendre les travaux de la Ciivise",
        intro="Webinaire en direct : les recommandations de la Commission indépendante sur l'inceste "
        "et les violences sexuelles faites aux enfants, et leurs conséquences pour les professionnels.",
        days=35,
        speakers=("vasseur", "carpentier"),
        themes=("inceste", "enfants-co-victimes"),
        audiences=("protection-de-lenfance",),
        minutes=90,
        live={"capacity": 150, "hour": "14:00"},
    ),
]


def captions_text(spec):
    lines = ["WEBVTT", "Kind: captions", "Language: fr", ""]
    for number, (voice, text) in enumerate(spec.captions):
        start, end = number * 2, number * 2 + 2
        lines += [str(number + 1), f"{vtt.format_timestamp(start)} --> {vtt.format_timestamp(end)}"]
        name = content("speakers")[voice]["name"] if voice else ""
        lines += [f"<v {name}>{text}" if voice else text, ""]
    return "\n".join(lines)


def slides_pdf(lines):
    from fpdf import FPDF

    pdf = FPDF(orientation="L")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 12, lines[0])
    pdf.ln(6)
    pdf.set_font("Helvetica", size=14)
    for line in lines[1:]:
        pdf.multi_cell(0, 9, line)
        pdf.ln(2)
    return bytes(pdf.output())


def ensure_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=COLLECTION).first() or root.add_child(name=COLLECTION)


def build_webinar(index, spec, speakers, collection, today, video_bytes):
    when = aware(today + datetime.timedelta(days=spec.days), spec.live.get("hour", "10:00"))
    fields = {
        "title": spec.title,
        "intro": spec.intro,
        "date": when,
        "duration_minutes": spec.minutes,
        "speakers": [speakers[key] for key in spec.speakers],
        "themes": list(Theme.objects.filter(slug__in=spec.themes)),
        "audiences": list(Audience.objects.filter(slug__in=spec.audiences)),
    }
    if spec.captions:
        captions = captions_text(spec)
        fields["captions"] = captions
        fields["transcript"] = vtt.transcript_html(vtt.parse(captions))
        fields["chapters"] = [
            WebinarChapter(start=f"00:{order * 3:02d}", title=title, sort_order=order)
            for order, title in enumerate(spec.chapters)
        ]
    if spec.external_url:
        fields["external_video_url"] = spec.external_url
    elif spec.days < 0:
        fields["video"] = Media.objects.create(
            title=f"Enregistrement — {spec.title}"[:255],
            type="video",
            file=ContentFile(video_bytes, name=f"{spec.slug[:60]}.webm"),
            duration=CLIP_SECONDS,
            width=320,
            height=180,
            collection=collection,
        )
    if spec.slides:
        document = LibraryDocument(
            title=f"Diaporama — {spec.title}"[:255],
            collection=collection,
            file=ContentFile(slides_pdf(spec.slides), name=f"diaporama-{spec.slug[:60]}.pdf"),
        )
        document.save()
        fields["documents"] = [WebinarDocument(document=document, label="Diaporama (PDF)")]
    if spec.live:
        fields["registration_notes"] = (
            "Webinaire gratuit, ouvert aux professionnels du Département et à leurs partenaires. "
            "Le lien de connexion est envoyé par e-mail aux personnes inscrites."
        )
        fields["sessions"] = [
            Session(
                label="En direct",
                starts_at=when,
                ends_at=when + datetime.timedelta(minutes=spec.minutes),
                online=True,
                join_url=f"https://visio.exemple.fr/odpe/webinaire-{spec.slug[:40]}",
                capacity=spec.live["capacity"],
                registration_mode=Session.Mode.OPEN,
                registration_deadline=when - datetime.timedelta(hours=2),
            )
        ]
    page = ensure_page(index, WebinarPage, spec.slug, **fields)
    if spec.access == "login" and not PageViewRestriction.objects.filter(page=page).exists():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif spec.access == "referents":
        from accounts.groups import restrict_to_referents

        restrict_to_referents(page)
    return page


def register_demo_people(page):
    """The demo referent is registered to the first live webinar (created directly: the demo
    sends no e-mail)."""
    from accounts.models import User

    user = User.objects.filter(email="referent@exemple.fr").first()
    session = Session.objects.filter(page_id=page.pk).first()
    if user is None or session is None:
        return
    Registration.objects.get_or_create(
        session=session,
        user=user,
        defaults={
            "status": Registration.Status.CONFIRMED,
            "service": user.service,
            "territory": user.territory,
        },
    )


def build():
    home = get_home_page()
    index = ensure_page(
        home,
        WebinarIndexPage,
        "webinaires",
        title="Webinaires",
        intro="Les webinaires de l'Observatoire départemental de la protection de l'enfance : "
        "inscrivez-vous aux prochains directs, ou regardez les enregistrements, sous-titrés et transcrits.",
    )
    existing = set(index.get_children().values_list("slug", flat=True))
    missing = [spec for spec in WEBINARS if spec.slug not in existing]
    if not missing:
        return index

    today = timezone.localdate()
    speakers = ensure_speakers()
    collection = ensure_collection()
    video_bytes = SAMPLE_VIDEO.read_bytes()
    for spec in missing:
        page = build_webinar(index, spec, speakers, collection, today, video_bytes)
        if spec is WEBINARS[8]:
            register_demo_people(page)
    return index
