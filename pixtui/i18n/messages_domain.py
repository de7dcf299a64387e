"""Catalogue entries for the domain area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- codes.py: access code, invigilator password, Pix session number -----------------
    "domain.access_code.required": (
        "Le code d'accès est obligatoire.",
        "The access code is required.",
    ),
    "domain.access_code.length": (
        "Le code d'accès compte 6 caractères, 4 lettres puis 2 chiffres (vous en avez saisi {length}).",
        "The access code has 6 characters, 4 letters then 2 digits (you typed {length}).",
    ),
    "domain.access_code.letters": (
        "Les 4 premiers caractères du code d'accès sont des lettres parmi {allowed} ({chars} n'en fait pas partie).",
        "The first 4 characters of the access code are letters among {allowed} ({chars} is not one of them).",
    ),
    "domain.access_code.digits": (
        "Les 2 derniers caractères du code d'accès sont des chiffres parmi {allowed} ({chars} n'en fait pas partie).",
        "The last 2 characters of the access code are digits among {allowed} ({chars} is not one of them).",
    ),
    "domain.password.required": (
        "Le mot de passe de session est obligatoire.",
        "The session password is required.",
    ),
    "domain.password.length": (
        "Le mot de passe de session compte 6 caractères (5 pour les sessions plus anciennes) ; vous en avez saisi {length}.",
        "The session password has 6 characters (5 for older sessions); you typed {length}.",
    ),
    "domain.password.chars": (
        "Le mot de passe de session ne contient que des chiffres de 2 à 9, des consonnes sauf l, n et z (minuscules ou majuscules) et ! * ? ({chars} n'en fait pas partie).",
        "The session password only contains digits 2 to 9, consonants except l, n and z (lower or upper case) and ! * ? ({chars} is not one of them).",
    ),
    "domain.password.repeated": (
        "Les 6 caractères du mot de passe de session sont tous différents ({chars} revient plusieurs fois).",
        "The 6 characters of the session password are all different ({chars} appears more than once).",
    ),
    "domain.pix_number.required": (
        "Le numéro de session Pix est obligatoire.",
        "The Pix session number is required.",
    ),
    "domain.pix_number.digits": (
        "Le numéro de session Pix ne contient que des chiffres (« {value} » n'est pas valable).",
        'The Pix session number only contains digits ("{value}" is not valid).',
    ),
    "domain.pix_number.length": (
        "Le numéro de session Pix compte au plus {max} chiffres.",
        "The Pix session number has at most {max} digits.",
    ),
}

# --- labels.py: one label per enum value (key: domain.enum.<EnumClass>.<value>) -------------
MESSAGES.update(
    {
        "domain.enum.SchoolType.college": ("Collège", "Lower secondary school (collège)"),
        "domain.enum.SchoolType.lycee": ("Lycée", "Upper secondary school (lycée)"),
        # Pix Certif's own labels (certif/app/models/session.js, statusToDisplayName): Pix Certif
        # shows in_process as "Finalisée" on purpose; the optional step says so first.
        "domain.enum.SessionStatus.created": ("Créée", "Created"),
        "domain.enum.SessionStatus.finalized": ("Finalisée", "Finalised"),
        "domain.enum.SessionStatus.in_process": (
            "Finalisée (prise en charge par Pix)",
            "Finalised (taken over by Pix)",
        ),
        "domain.enum.SessionStatus.processed": (
            "Résultats transmis par Pix",
            "Results sent by Pix",
        ),
        "domain.assessment.not_started": ("Non démarré", "Not started"),
        "domain.enum.AssessmentState.started": ("En cours", "In progress"),
        "domain.enum.AssessmentState.completed": ("Terminé", "Finished"),
        "domain.enum.AssessmentState.endedByInvigilator": (
            "Terminé par le surveillant",
            "Ended by the invigilator",
        ),
        "domain.enum.AssessmentState.endedDueToFinalization": (
            "Terminé à la finalisation",
            "Ended by the finalisation",
        ),
        # the drop-down of Pix Certif's finalisation (admin/app/models/certification.js,
        # abortReasonMap; e2e finalisation page « markAbandonmentFor »)
        "domain.enum.AbortReason.candidate": (
            "Abandon : Manque de temps ou départ prématuré",
            "Gave up: lack of time or left early",
        ),
        "domain.enum.AbortReason.technical": ("Problème technique", "Technical problem"),
        "domain.enum.Certifiability.certifiable": ("Certifiable", "Certifiable"),
        "domain.enum.Certifiability.not_certifiable": ("Non certifiable", "Not certifiable"),
        "domain.enum.Certifiability.unknown": ("Non communiqué", "Not communicated"),
        "domain.enum.LoginMethod.mediacentre": ("Médiacentre", "Médiacentre (ENT)"),
        "domain.enum.LoginMethod.identifiant": ("Identifiant", "Username"),
        "domain.enum.LoginMethod.email": ("Adresse e-mail (à éviter)", "E-mail address (to avoid)"),
        "domain.enum.LoginMethod.code": (
            "Tiret (pas rattaché : « J'ai un code »)",
            "Dash (not linked: « J'ai un code »)",
        ),
        "domain.enum.LiveAlertKind.challenge": (
            "Signalement sur une question",
            "Problem reported on a question",
        ),
        "domain.enum.LiveAlertKind.companion": ("Extension non détectée", "Extension not detected"),
        "domain.enum.LiveAlertStatus.ongoing": ("Signalement en cours", "Alert in progress"),
        "domain.enum.LiveAlertStatus.dismissed": ("Signalement refusé", "Alert refused"),
        "domain.enum.LiveAlertStatus.validated": ("Signalement validé", "Alert validated"),
        "domain.enum.LiveAlertStatus.cleared": (
            "Présence de l'extension confirmée",
            "Extension confirmed",
        ),
        "domain.enum.IssueReportCategory.OTHER": ("Autre", "Other"),
        "domain.enum.IssueReportCategory.CANDIDATE_INFORMATIONS_CHANGES": (
            "Modification infos candidat",
            "Candidate information change",
        ),
        "domain.enum.IssueReportCategory.SIGNATURE_ISSUE": (
            "Problème avec l'émargement",
            "Attendance sheet signature problem",
        ),
        "domain.enum.IssueReportCategory.CONNECTION_OR_END_SCREEN": (
            "Problème de connexion ou écran de fin de test non vu",
            "Connection problem or end screen not seen",
        ),
        "domain.enum.IssueReportCategory.IN_CHALLENGE": (
            "Problème technique sur une question",
            "Technical problem on a question",
        ),
        "domain.enum.IssueReportCategory.FRAUD": ("Suspicion de fraude", "Suspected fraud"),
        "domain.enum.IssueReportCategory.TECHNICAL_PROBLEM": (
            "Problème technique",
            "Technical problem",
        ),
        "domain.enum.IssueReportCategory.NON_BLOCKING_CANDIDATE_ISSUE": (
            "Incident lié au candidat non bloquant",
            "Non-blocking candidate-related incident",
        ),
        "domain.enum.IssueReportCategory.NON_BLOCKING_TECHNICAL_ISSUE": (
            "Incident technique non bloquant",
            "Non-blocking technical incident",
        ),
        "domain.enum.IssueReportCategory.LATE_OR_LEAVING": (
            "Retard, absence ou départ",
            "Late, absent or leaving",
        ),
        "domain.enum.IssueReportSubcategory.LEFT_EXAM_ROOM": (
            "Le candidat a dû quitter la salle",
            "The candidate had to leave the room",
        ),
        "domain.enum.IssueReportSubcategory.NAME_OR_BIRTHDATE": (
            "Modification des prénom, nom ou date de naissance",
            "Change of first name, last name or birthdate",
        ),
        "domain.enum.IssueReportSubcategory.EXTRA_TIME_PERCENTAGE": (
            "Ajout ou modification du temps majoré",
            "Extra time added or changed",
        ),
        "domain.enum.IssueReportSubcategory.IMAGE_NOT_DISPLAYING": (
            "L'image ne s'affiche pas",
            "The image does not display",
        ),
        "domain.enum.IssueReportSubcategory.LINK_NOT_WORKING": (
            "Le lien ne fonctionne pas",
            "The link does not work",
        ),
        "domain.enum.IssueReportSubcategory.EMBED_NOT_WORKING": (
            "Le simulateur ou l'application ne s'affiche pas",
            "The simulator or application does not display",
        ),
        "domain.enum.IssueReportSubcategory.FILE_NOT_OPENING": (
            "Le fichier ne se télécharge pas ou ne s'ouvre pas",
            "The file does not download or open",
        ),
        "domain.enum.IssueReportSubcategory.WEBSITE_UNAVAILABLE": (
            "Le site à visiter est indisponible",
            "The website to visit is unavailable",
        ),
        "domain.enum.IssueReportSubcategory.WEBSITE_BLOCKED": (
            "Le site est bloqué par le réseau de l'établissement",
            "The website is blocked by the school network",
        ),
        "domain.enum.IssueReportSubcategory.EXTRA_TIME_EXCEEDED": (
            "Temps majoré : le candidat n'a pas pu répondre dans le temps imparti",
            "Extra time: the candidate could not answer in the allotted time",
        ),
        "domain.enum.IssueReportSubcategory.SOFTWARE_NOT_WORKING": (
            "Le logiciel installé n'a pas fonctionné",
            "The installed software did not work",
        ),
        "domain.enum.IssueReportSubcategory.UNINTENTIONAL_FOCUS_OUT": (
            "Le candidat a dû cliquer hors du cadre autorisé de la question",
            "The candidate had to click outside the question's allowed area",
        ),
        "domain.enum.IssueReportSubcategory.OTHER": (
            "Autre incident lié à une question",
            "Other incident on a question",
        ),
        "domain.enum.IssueReportSubcategory.SKIP_ON_OOPS": (
            "Page d'erreur « Oups » ou problème de la plateforme",
            '"Oops" error page or platform problem',
        ),
        "domain.enum.IssueReportSubcategory.ACCESSIBILITY_ISSUE": (
            "Problème d'accessibilité de la question (daltonisme…)",
            "Accessibility problem with the question (colour blindness…)",
        ),
        # Issue report codes (PV d'incident, finalisation): short labels after Pix Certif's.
        "domain.issue_code.C1": (
            "Modification des prénom, nom ou date de naissance",
            "Change of first name, last name or birthdate",
        ),
        "domain.issue_code.C2": (
            "Ajout ou modification du temps majoré",
            "Extra time added or changed",
        ),
        "domain.issue_code.C3": (
            "Le candidat a dû quitter la salle (ancien)",
            "The candidate had to leave the room (old)",
        ),
        "domain.issue_code.C4": (
            "Problème avec l'émargement (présent mais pas signé, mauvaise ligne)",
            "Attendance sheet problem (present but not signed, wrong line)",
        ),
        "domain.issue_code.C5": (
            "Connexion impossible ou écran de fin non vu (ancien)",
            "Could not connect or end screen not seen (old)",
        ),
        "domain.issue_code.C6": ("Suspicion de fraude", "Suspected fraud"),
        "domain.issue_code.C7": (
            "Incident technique non bloquant",
            "Non-blocking technical incident",
        ),
        "domain.issue_code.C8": (
            "Incident lié au candidat non bloquant",
            "Non-blocking candidate-related incident",
        ),
        "domain.issue_code.A1": (
            "Problème technique non bloquant (ancien)",
            "Non-blocking technical problem (old)",
        ),
        "domain.issue_code.A2": ("Autre (ancien)", "Other (old)"),
        "domain.issue_code.E1": ("L'image ne s'affiche pas", "The image does not display"),
        "domain.issue_code.E2": (
            "Le simulateur ou l'application ne s'affiche pas",
            "The simulator or application does not display",
        ),
        "domain.issue_code.E3": (
            "Le fichier ne se télécharge pas ou ne s'ouvre pas",
            "The file does not download or open",
        ),
        "domain.issue_code.E4": (
            "Le site à visiter est indisponible",
            "The website to visit is unavailable",
        ),
        "domain.issue_code.E5": (
            "Le site est bloqué par le réseau de l'établissement",
            "The website is blocked by the school network",
        ),
        "domain.issue_code.E6": (
            "Le lien ne fonctionne pas (ancien)",
            "The link does not work (old)",
        ),
        "domain.issue_code.E7": (
            "Autre incident lié à une question (ancien)",
            "Other incident on a question (old)",
        ),
        "domain.issue_code.E8": (
            "Le candidat bénéficie d'un temps majoré et n'a pas pu répondre à la question dans le temps imparti",
            "The candidate has extra time and could not answer the question in the allotted time",
        ),
        "domain.issue_code.E9": (
            "Le logiciel installé n'a pas fonctionné",
            "The installed software did not work",
        ),
        "domain.issue_code.E10": (
            "A dû cliquer hors du cadre autorisé de la question",
            "Had to click outside the question's allowed area",
        ),
        "domain.issue_code.E11": (
            "Page d'erreur « Oups » ou problème de la plateforme",
            '"Oops" error page or platform problem',
        ),
        "domain.issue_code.E12": (
            "Problème d'accessibilité de la question",
            "Accessibility problem with the question",
        ),
        "domain.issue_code.title": ("{code} · {label}", "{code} · {label}"),
        # The 16 competences and 5 areas of the CRCN framework (reference §5.1).
        "domain.area.1": ("Information et données", "Information and data"),
        "domain.area.2": ("Communication et collaboration", "Communication and collaboration"),
        "domain.area.3": ("Création de contenu", "Content creation"),
        "domain.area.4": ("Protection et sécurité", "Protection and security"),
        "domain.area.5": ("Environnement numérique", "Digital environment"),
        "domain.competence.1.1": (
            "Mener une recherche et une veille d'information",
            "Searching and monitoring information",
        ),
        "domain.competence.1.2": ("Gérer des données", "Managing data"),
        "domain.competence.1.3": ("Traiter des données", "Processing data"),
        "domain.competence.2.1": ("Interagir", "Interacting"),
        "domain.competence.2.2": ("Partager et publier", "Sharing and publishing"),
        "domain.competence.2.3": ("Collaborer", "Collaborating"),
        "domain.competence.2.4": (
            "S'insérer dans le monde numérique",
            "Finding one's place in the digital world",
        ),
        "domain.competence.3.1": ("Développer des documents textuels", "Developing text documents"),
        "domain.competence.3.2": (
            "Développer des documents multimédia",
            "Developing multimedia documents",
        ),
        "domain.competence.3.3": (
            "Adapter les documents à leur finalité",
            "Adapting documents to their purpose",
        ),
        "domain.competence.3.4": ("Programmer", "Programming"),
        "domain.competence.4.1": (
            "Sécuriser l'environnement numérique",
            "Securing the digital environment",
        ),
        "domain.competence.4.2": (
            "Protéger les données personnelles et la vie privée",
            "Protecting personal data and privacy",
        ),
        "domain.competence.4.3": (
            "Protéger la santé, le bien-être et l'environnement",
            "Protecting health, well-being and the environment",
        ),
        "domain.competence.5.1": (
            "Résoudre des problèmes techniques",
            "Solving technical problems",
        ),
        "domain.competence.5.2": (
            "Construire un environnement numérique",
            "Building a digital environment",
        ),
    }
)

# --- certifiability.py -----------------------------------------------------------------------
MESSAGES.update(
    {
        "domain.pupil.not_certifiable": (
            "{name} n'est pas certifiable : il faut au moins 5 compétences positionnées au niveau 1 dans Pix Orga.",
            "{name} is not certifiable: at least 5 competences at level 1 are needed in Pix Orga.",
        ),
        "domain.pupil.not_certifiable_count": (
            "{name} n'est pas certifiable : {count} {count:plural:compétence|compétences} au niveau 1 ou plus, il en faut au moins {minimum}.",
            "{name} is not certifiable: {count} {count:plural:competence|competences} at level 1 or more, at least {minimum} are needed.",
        ),
        "domain.pupil.certifiability_earlier_year": (
            "La certificabilité de {name} date du {date}, année scolaire {year} : elle est d'une année précédente, vérifiez-la dans Pix Orga.",
            "{name}'s certifiability dates from {date}, school year {year}: it is from an earlier year, check it in Pix Orga.",
        ),
        "domain.pupil.certifiability_unknown": (
            "La certificabilité de {name} n'est pas communiquée : vérifiez-la dans Pix Orga avant la session.",
            "{name}'s certifiability is not communicated: check it in Pix Orga before the session.",
        ),
        "domain.pupil.no_login": (
            "{name} n'a aucune méthode de connexion à Pix (tiret dans Pix Orga : pas encore rattaché) : avant la session, faites-le se connecter avec « J'ai un code » et le code d'une campagne de l'établissement.",
            "{name} has no way to log into Pix (a dash in Pix Orga: not linked yet): before the session, have them sign in with « J'ai un code » and a campaign code of the school.",
        ),
        "domain.pupil.email_login_only": (
            "{name} se connecte à Pix uniquement par adresse e-mail, méthode à éviter : préférez le Médiacentre ou un identifiant.",
            "{name} only logs into Pix with an e-mail address, to be avoided: prefer Médiacentre or a username.",
        ),
        "domain.pupil.email_login": (
            "{name} a aussi une connexion par adresse e-mail, à éviter le jour de la session.",
            "{name} also has an e-mail login, to be avoided on the day of the session.",
        ),
    }
)

# --- timing.py -----------------------------------------------------------------------------------
MESSAGES.update(
    {
        "domain.countdown.before": ("Début dans {delta}", "Starts in {delta}"),
        "domain.countdown.during": ("Fin du créneau dans {delta}", "Slot ends in {delta}"),
        "domain.countdown.after": ("Créneau terminé depuis {delta}", "Slot ended {delta} ago"),
        "domain.extra_time.tag": ("+{percent} %", "+{percent}%"),
    }
)

# --- sessions.py -----------------------------------------------------------------------------
MESSAGES.update(
    {
        "domain.session.site_required": (
            "Le nom du site est obligatoire.",
            "The site name is required.",
        ),
        "domain.session.room_required": (
            "Le nom de la salle est obligatoire.",
            "The room name is required.",
        ),
        "domain.session.examiners_required": (
            "Indiquez au moins un surveillant.",
            "Give at least one invigilator.",
        ),
        "domain.session.date_required": (
            "La date de la session est obligatoire.",
            "The session date is required.",
        ),
        "domain.session.date_invalid": (
            "« {value} » n'est pas une date valable : saisissez-la au format JJ/MM/AAAA.",
            '"{value}" is not a valid date: type it as DD/MM/YYYY.',
        ),
        "domain.session.time_required": (
            "L'heure de début de la session est obligatoire.",
            "The session start time is required.",
        ),
        "domain.session.time_invalid": (
            "« {value} » n'est pas une heure valable : saisissez-la au format HH:MM (par exemple 08:30).",
            '"{value}" is not a valid time: type it as HH:MM (for example 08:30).',
        ),
        "domain.session.in_the_past": (
            "La date du {date} est déjà passée.",
            "The date {date} is already past.",
        ),
        "domain.session.no_campaign_window": (
            "Aucune période de certification n'est renseignée pour l'année scolaire {year} ({level}) : vérifiez les dates de campagne dans les réglages.",
            "No certification period is set for school year {year} ({level}): check the campaign dates in the settings.",
        ),
        "domain.session.outside_campaign": (
            "Le {date} est hors de la période de certification {level} (du {start} au {end}).",
            "{date} is outside the {level} certification period ({start} to {end}).",
        ),
        "domain.session.room_taken": (
            "La salle {room} est déjà occupée par une autre session le {date} à {time}.",
            "Room {room} is already taken by another session on {date} at {time}.",
        ),
        "domain.session.invigilators_short": (
            "{candidates} {candidates:plural:candidat demande|candidats demandent} {needed} {needed:plural:surveillant|surveillants} (un pour {per}) ; {count} {count:plural:indiqué|indiqués}.",
            "{candidates} {candidates:plural:candidate needs|candidates need} {needed} {needed:plural:invigilator|invigilators} (one per {per}); {count} given.",
        ),
        "domain.session.delete_started": (
            "Cette session ne peut plus être supprimée : une certification y a déjà démarré.",
            "This session can no longer be deleted: a certification has already started in it.",
        ),
        "domain.session.delete_finalised": (
            "Cette session ne peut pas être supprimée : son statut est « {status} ».",
            'This session cannot be deleted: its status is "{status}".',
        ),
        "domain.session.delete_with_candidates": (
            "{count} {count:plural:candidat est inscrit à cette session : il sera désinscrit|candidats sont inscrits à cette session : ils seront désinscrits}.",
            "{count} {count:plural:candidate is|candidates are} enrolled in this session and will be unenrolled.",
        ),
    }
)

# --- enrolment.py ----------------------------------------------------------------------------
MESSAGES.update(
    {
        "domain.enrol.session_closed": (
            "Les inscriptions sont closes : la session est « {status} ».",
            'Enrolment is closed: the session is "{status}".',
        ),
        "domain.enrol.session_expired": (
            "Les inscriptions sont closes : la première certification de cette session a démarré il y a plus de 24 heures.",
            "Enrolment is closed: the first certification of this session started more than 24 hours ago.",
        ),
        "domain.enrol.duplicate": (
            "{name} est déjà inscrit(e) à cette session (mêmes nom, prénom et date de naissance).",
            "{name} is already enrolled in this session (same names and birthdate).",
        ),
        "domain.enrol.left_school": (
            "{name} ne figure plus dans la dernière liste d'élèves importée.",
            "{name} is no longer in the latest imported pupil list.",
        ),
        "domain.enrol.too_close": (
            "{name} est déjà inscrit(e) à une session le {date} : il faut laisser au moins {days} jours entre deux sessions.",
            "{name} is already enrolled in a session on {date}: allow at least {days} days between two sessions.",
        ),
        "domain.enrol.previous": (
            "{name} a déjà passé une certification Pix le {date} (élève redoublant ?).",
            "{name} already took a Pix certification on {date} (repeating pupil?).",
        ),
        "domain.enrol.previous_status": (
            "{name} a déjà passé une certification Pix le {date} (statut : {status}).",
            "{name} already took a Pix certification on {date} (status: {status}).",
        ),
        "domain.enrol.remove_started": (
            "Ce candidat a démarré sa certification : il ne peut plus être désinscrit.",
            "This candidate has started the certification: they can no longer be unenrolled.",
        ),
        "domain.enrol.remove_closed": (
            "Ce candidat ne peut plus être désinscrit : la session est « {status} ».",
            'This candidate can no longer be unenrolled: the session is "{status}".',
        ),
        "domain.enrol.remove_after_start": (
            "La session a commencé : un candidat absent reste inscrit pour la feuille d'émargement et le PV d'incident.",
            "The session has started: an absent candidate stays enrolled for the attendance sheet and the incident report.",
        ),
        "domain.extra_time.invalid": (
            "« {value} » n'est pas un temps majoré valable : saisissez un pourcentage, par exemple 33.",
            '"{value}" is not a valid extra time: type a percentage, for example 33.',
        ),
        "domain.extra_time.ratio_typed": (
            "Le temps majoré se saisit en pourcentage : tapez {percent} pour {percent} % (et non « {value} »).",
            'Extra time is typed as a percentage: type {percent} for {percent}% (not "{value}").',
        ),
        "domain.extra_time.integer": (
            "Le temps majoré est un nombre entier de pour cent (« {value} » n'en est pas un).",
            'Extra time is a whole percentage ("{value}" is not one).',
        ),
        "domain.extra_time.range": (
            "Le temps majoré doit être compris entre 0 % et {max} % ({value} % saisi).",
            "Extra time must be between 0% and {max}% ({value}% typed).",
        ),
    }
)

# --- room.py -----------------------------------------------------------------------------------
MESSAGES.update(
    {
        "domain.room_state.companion_alert": ("Extension non détectée", "Extension not detected"),
        "domain.room_state.alert": ("Signalement en cours", "Alert in progress"),
        "domain.room_state.overtime": ("Temps dépassé", "Over time"),
        "domain.room_state.waiting_resume": ("Autorisé à reprendre", "Allowed to resume"),
        "domain.room_state.in_progress": ("En cours", "In progress"),
        "domain.room_state.present": ("Présent", "Present"),
        "domain.room_state.present_stale": ("Présence à reconfirmer", "Presence to confirm again"),
        "domain.room_state.absent": ("Absent", "Absent"),
        "domain.room_state.finished": ("Terminé", "Finished"),
        "domain.room.removed": (
            "Ce candidat a été désinscrit de la session.",
            "This candidate was removed from the session.",
        ),
        "domain.room.already_finished": (
            "Le test de ce candidat est déjà terminé.",
            "This candidate's test is already finished.",
        ),
        "domain.room.already_started": (
            "Ce candidat a déjà démarré son test.",
            "This candidate has already started the test.",
        ),
        "domain.room.presence_started": (
            "Ce candidat a déjà démarré : pour le laisser revenir, autorisez la reprise du test.",
            "This candidate has already started: to let them back in, allow the test to resume.",
        ),
        "domain.room.cancel_started": (
            "Ce candidat a démarré son test : sa présence ne peut plus être annulée.",
            "This candidate has started the test: their presence can no longer be cancelled.",
        ),
        "domain.room.cancel_not_confirmed": (
            "La présence de ce candidat n'est pas confirmée.",
            "This candidate's presence is not confirmed.",
        ),
        "domain.room.start_not_present": (
            "Confirmez d'abord la présence de ce candidat.",
            "Confirm this candidate's presence first.",
        ),
        "domain.room.alert_not_started": (
            "Un signalement ne concerne qu'un test démarré.",
            "An alert only concerns a started test.",
        ),
        "domain.room.alert_already": (
            "Un signalement de ce type est déjà en cours pour ce candidat.",
            "An alert of this kind is already in progress for this candidate.",
        ),
        "domain.room.question_number": (
            "Le numéro de la question doit être compris entre 1 et {max}.",
            "The question number must be between 1 and {max}.",
        ),
        "domain.room.alert_unknown": (
            "Ce signalement n'existe pas pour ce candidat.",
            "This alert does not exist for this candidate.",
        ),
        "domain.room.alert_handled": (
            "Ce signalement a déjà été traité.",
            "This alert has already been handled.",
        ),
        "domain.room.reason_not_allowed": (
            "Le motif {code} ne peut pas valider ce signalement ; motifs possibles : {allowed}.",
            "Reason {code} cannot validate this alert; possible reasons: {allowed}.",
        ),
        "domain.room.resume_not_started": (
            "La reprise ne s'autorise que pour un test démarré.",
            "A resume can only be allowed for a started test.",
        ),
        "domain.room.resume_too_late": (
            "La reprise n'est plus possible : le test a démarré à {start} il y a plus de 24 heures.",
            "The test can no longer resume: it started at {start} more than 24 hours ago.",
        ),
        "domain.room.resume_alert_first": (
            "Gérez d'abord le signalement en cours : autoriser la reprise ne le traite pas.",
            "Handle the ongoing alert first: allowing a resume does not handle it.",
        ),
        "domain.room.resume_pending": (
            "La reprise de ce candidat est déjà autorisée.",
            "This candidate is already allowed to resume.",
        ),
        "domain.room.resumed_not_authorised": (
            "La reprise de ce candidat n'a pas été autorisée.",
            "This candidate has not been allowed to resume.",
        ),
        "domain.room.end_not_started": (
            "Ce candidat n'a pas démarré son test.",
            "This candidate has not started the test.",
        ),
        "domain.room.incident_code": (
            "Le code {code} ne peut pas être utilisé ; codes possibles : {allowed}.",
            "Code {code} cannot be used; possible codes: {allowed}.",
        ),
        "domain.room.incident_description": (
            "Décrivez l'incident : le code {title} demande une description.",
            "Describe the incident: code {title} requires a description.",
        ),
        "domain.room.incident_too_long": (
            "La description compte {length} caractères ; {max} au plus sont acceptés par Pix.",
            "The description has {length} characters; Pix accepts at most {max}.",
        ),
        "domain.room.abort_not_started": (
            "Ce candidat n'a pas démarré : il n'a pas de raison d'abandon.",
            "This candidate has not started: there is no abort reason to give.",
        ),
        "domain.room.abort_completed": (
            "Ce candidat a terminé son test : Pix refuse une raison d'abandon pour un test terminé.",
            "This candidate completed the test: Pix refuses an abort reason for a completed test.",
        ),
    }
)
