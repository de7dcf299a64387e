"""Catalogue entries for the documents area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- errors ------------------------------------------------------------------------------
    "documents.error.bad_name": (
        "Le nom de fichier « {name} » n'est pas valable pour un export.",
        "“{name}” is not a valid file name for an export.",
    ),
    "documents.error.no_folder": (
        "Le dossier d'export {folder} n'existe pas.",
        "The export folder {folder} does not exist.",
    ),
    "documents.error.not_writable": (
        "Impossible d'écrire dans le dossier {folder} : vérifiez qu'il est accessible en écriture.",
        "Cannot write to the folder {folder}: check that it is writable.",
    ),
    "documents.error.disk_full": (
        "Le disque est plein : {path} n'a pas été écrit, rien n'a été modifié.",
        "The disk is full: {path} was not written, nothing was changed.",
    ),
    "documents.error.write_failed": (
        "L'écriture de {path} a échoué ({reason}) : rien n'a été modifié.",
        "Writing {path} failed ({reason}): nothing was changed.",
    ),
    "documents.error.not_finalized": (
        "La session {number} n'est pas finalisée : il n'y a pas encore de récapitulatif de finalisation.",
        "Session {number} is not finalised: there is no finalisation summary yet.",
    ),
    "documents.error.page_format": (
        "Le format de page « {format} » n'est pas proposé : choisissez A4 ou A3.",
        "Page format “{format}” is not available: choose A4 or A3.",
    ),
    # --- shared values ---------------------------------------------------------------------
    "documents.value.unknown": ("non renseigné", "not set"),
    "documents.value.no_number": ("à reporter depuis Pix Certif", "to copy from Pix Certif"),
    "documents.value.extra_time": ("+{percent}\u00a0%", "+{percent}\u00a0%"),
    "documents.value.minutes": ("{minutes} min", "{minutes} min"),
    "documents.value.hours": ("{hours} h", "{hours} h"),
    "documents.value.hours_minutes": ("{hours} h {minutes}", "{hours} h {minutes}"),
    "documents.value.time_range": ("{start} – {end}", "{start} – {end}"),
    "documents.value.aid": ("Aide humaine : {note}", "Human aid: {note}"),
    "documents.value.accessibility": ("Aménagement d'accessibilité", "Accessibility adjustment"),
    "documents.value.language": ("Non francophone : {note}", "Non-French-speaking: {note}"),
    "documents.value.yes": ("Oui", "Yes"),
    "documents.value.no": ("Non", "No"),
    "documents.date.long": ("{weekday} {date}", "{weekday} {date}"),
    "documents.weekday.0": ("lundi", "Monday"),
    "documents.weekday.1": ("mardi", "Tuesday"),
    "documents.weekday.2": ("mercredi", "Wednesday"),
    "documents.weekday.3": ("jeudi", "Thursday"),
    "documents.weekday.4": ("vendredi", "Friday"),
    "documents.weekday.5": ("samedi", "Saturday"),
    "documents.weekday.6": ("dimanche", "Sunday"),
    # --- headers and footers -----------------------------------------------------------------
    "documents.header.school_uai": ("{school} — UAI {uai}", "{school} — UAI {uai}"),
    "documents.header.rehearsal": (
        "RÉPÉTITION — aucune certification réelle",
        "REHEARSAL SESSION — no real certification",
    ),
    "documents.footer.page": ("Page {number} / {total}", "Page {number} / {total}"),
    "documents.footer.generated": (
        "Document édité par pixtui le {date} à {time}.",
        "Document produced by pixtui on {date} at {time}.",
    ),
    "documents.field.session_number": ("N° de session", "Session number"),
    "documents.field.date": ("Date", "Date"),
    "documents.field.times": ("Horaire du créneau", "Time slot"),
    "documents.field.site": ("Site", "Site"),
    "documents.field.room": ("Salle", "Room"),
    "documents.field.examiners": (
        "{count:plural:Surveillant|Surveillants}",
        "{count:plural:Invigilator|Invigilators}",
    ),
    "documents.field.classes": ("Classes concernées", "Classes"),
    "documents.field.enrolled": ("Candidats inscrits", "Enrolled candidates"),
    "documents.field.observations": ("Observations", "Notes"),
    "documents.field.test_duration": ("Durée du test", "Test duration"),
    # --- attendance sheet ----------------------------------------------------------------
    "documents.attendance.title": ("Pix — Feuille d'émargement", "Pix — Attendance sheet"),
    "documents.attendance.footer": (
        "Feuille d'émargement — session {number} du {date}",
        "Attendance sheet — session {number} of {date}",
    ),
    "documents.attendance.col.number": ("N°", "No."),
    "documents.attendance.col.last_name": ("Nom", "Last name"),
    "documents.attendance.col.first_name": ("Prénom", "First name"),
    "documents.attendance.col.class": ("Classe", "Class"),
    "documents.attendance.col.birthdate": ("Date de naissance", "Date of birth"),
    "documents.attendance.col.extra_time": ("Temps majoré", "Extra time"),
    "documents.attendance.col.signature": ("Signature", "Signature"),
    "documents.attendance.no_candidates": (
        "Aucun candidat n'est inscrit dans cette session.",
        "No candidate is enrolled in this session.",
    ),
    "documents.attendance.present_count": ("Nombre de présents :", "Number present:"),
    "documents.attendance.absent_count": ("Nombre d'absents :", "Number absent:"),
    "documents.attendance.examiner_signatures": (
        "Nom et signature du ou des surveillants",
        "Invigilators' names and signatures",
    ),
    # --- invigilator kit ---------------------------------------------------------------------
    "documents.kit.title": ("Pix — Kit surveillant", "Pix — Invigilator kit"),
    "documents.kit.public_title": ("Pix — Session de certification", "Pix — Certification session"),
    "documents.kit.footer": (
        "Kit surveillant — session {number} du {date} — document confidentiel (codes)",
        "Invigilator kit — session {number} of {date} — confidential (codes)",
    ),
    "documents.kit.public_footer": (
        "Affichage — session {number} du {date}",
        "Notice — session {number} of {date}",
    ),
    "documents.kit.public_notice": (
        "Document à afficher devant la salle : il ne contient ni le code d'accès ni le mot de passe de session. "
        "Présentez-vous à l'heure avec une pièce d'identité et vos identifiants Pix.",
        "Notice to post outside the room: it holds neither the access code nor the session password. "
        "Come on time with an identity document and your Pix login.",
    ),
    "documents.kit.public_list_heading": (
        "Candidats convoqués dans cette salle",
        "Candidates in this room",
    ),
    "documents.kit.password_label": (
        "Mot de passe de session (surveillant)",
        "Session password (invigilator)",
    ),
    "documents.kit.password_hint": (
        "Pour ouvrir l'Espace Surveillant — ne pas communiquer aux élèves",
        "To open the invigilator space — never give it to pupils",
    ),
    "documents.kit.access_code_label": ("Code d'accès (candidats)", "Access code (candidates)"),
    "documents.kit.access_code_hint": (
        "À donner à tous les élèves en même temps, une fois leur présence confirmée",
        "Give it to all pupils at once, after confirming their presence",
    ),
    "documents.kit.code_missing": (
        "non renseigné : à recopier depuis Pix Certif",
        "not set: copy it from Pix Certif",
    ),
    "documents.kit.steps_heading": ("Déroulement de la session", "Running the session"),
    # Every step says what the seed deck (D1-D7, A1) or Pix says (reference §3): nothing
    # invented (issue 10 item 11: « plein écran obligatoire », « au tableau », « les élèves sortent
    # après avoir signé », « sans délai » were nobody's words and are gone).
    "documents.kit.step.1": (
        "Accueil : vérifiez l'identité de chaque élève, faites signer la feuille d'émargement, installez les élèves "
        "et rappelez les consignes.",
        "Welcome: check each pupil's identity, have them sign the attendance sheet, seat them and remind them "
        "of the rules.",
    ),
    "documents.kit.step.2": (
        "Connectez-vous à l'Espace Surveillant de Pix Certif avec le numéro de session et le mot de passe de "
        "session ci-dessus (un compte Pix est nécessaire).",
        "Log into Pix Certif's invigilator space with the session number and session password above "
        "(a Pix account is needed).",
    ),
    "documents.kit.step.3": (
        "Confirmez dans l'Espace Surveillant la présence de chaque élève réellement présent.",
        "In the invigilator space, confirm the presence of each pupil actually present.",
    ),
    "documents.kit.step.4": (
        "Faites connecter les élèves à leur compte Pix (ENT ou identifiant), puis saisir le numéro de session "
        "et leur identité. L'extension Pix Companion doit être active.",
        "Have the pupils log into their Pix account (ENT or username), then type the session number and their "
        "identity. The Pix Companion extension must be active.",
    ),
    "documents.kit.step.5": (
        "Donnez le code d'accès à tous les élèves en même temps.",
        "Give the access code to all pupils at once.",
    ),
    "documents.kit.step.6": (
        "Pendant le test : traitez sans attendre les signalements en direct (valider avec un motif ou refuser), "
        "autorisez la reprise d'un élève qui a dû quitter le test, notez tout incident sur le PV d'incident "
        "(heure, élève, numéro de question).",
        "During the test: handle live alerts at once (validate with a reason or refuse), authorise a pupil who "
        "had to leave to resume, write every incident on the incident report (time, pupil, question number).",
    ),
    "documents.kit.step.7": (
        "Fin du test : le test dure {duration} à partir du début de chaque élève (plus pour les temps majorés, "
        "voir ci-dessous). Vérifiez que chaque élève apparaît « Terminé », sinon utilisez « Terminer le test ».",
        "End of test: the test lasts {duration} from each pupil's start (longer with extra time, see below). "
        "Check that each pupil shows “Finished”, otherwise use “End test”.",
    ),
    "documents.kit.step.8": (
        "Après la session : remettez la feuille d'émargement et le PV d'incident à l'administration.",
        "After the session: hand the attendance sheet and the incident report to the office.",
    ),
    "documents.kit.extra_time_heading": (
        "Candidats avec temps majoré ou aménagement (document confidentiel)",
        "Candidates with extra time or accommodations (confidential)",
    ),
    "documents.kit.extra_time_intro": (
        "Durée personnelle = {duration} × (1 + temps majoré), arrondie à la minute supérieure ; la fin "
        "de chaque élève se compte à partir de sa propre heure de début.",
        "Personal duration = {duration} × (1 + extra time), rounded up to the minute; each pupil's end "
        "counts from their own start time.",
    ),
    "documents.kit.no_extra_time": (
        "Aucun candidat de cette session n'a de temps majoré ni d'aménagement.",
        "No candidate of this session has extra time or accommodations.",
    ),
    "documents.kit.col.candidate": ("Candidat", "Candidate"),
    "documents.kit.col.duration": ("Durée du test", "Test duration"),
    "documents.kit.col.aid": ("Aménagements", "Accommodations"),
    # --- incident report (PV d'incident) --------------------------------------------------
    "documents.incident.title": ("Pix — PV d'incident", "Pix — Incident report"),
    "documents.incident.footer": (
        "PV d'incident — session {number} du {date}",
        "Incident report — session {number} of {date}",
    ),
    "documents.incident.col.time": ("Heure", "Time"),
    "documents.incident.col.candidate": ("Candidat (classe)", "Candidate (class)"),
    "documents.incident.col.code": ("Code", "Code"),
    "documents.incident.col.nature": ("Nature du signalement", "Kind of report"),
    "documents.incident.col.description": ("Description, observations", "Description, notes"),
    "documents.incident.question": ("Question n° {number}", "Question {number}"),
    "documents.incident.none_recorded": (
        "Aucun signalement enregistré dans pixtui pour cette session.",
        "No report recorded in pixtui for this session.",
    ),
    "documents.incident.legend_heading": (
        "Codes à reporter lors de la finalisation dans Pix Certif",
        "Codes to report when finalising in Pix Certif",
    ),
    "documents.incident.legend_live": (
        "Les codes E1 à E12 correspondent aux signalements en direct validés dans l'Espace Surveillant : "
        "notez l'heure, l'élève et le numéro de la question.",
        "Codes E1 to E12 are live alerts validated in the invigilator space: note the time, the pupil and "
        "the question number.",
    ),
    "documents.incident.signature_examiners": (
        "Nom et signature du ou des surveillants",
        "Invigilators' names and signatures",
    ),
    "documents.incident.signature_received": (
        "Reçu par l'administration le :",
        "Received by the office on:",
    ),
    # --- bundles -------------------------------------------------------------------------------
    "documents.day.title": ("Pix — Sessions du {date}", "Pix — Sessions of {date}"),
    "documents.day.no_sessions": (
        "Aucune session de certification n'est prévue le {date}.",
        "No certification session is planned on {date}.",
    ),
    # --- CSV exports -----------------------------------------------------------------------
    "documents.csv.session_number": ("N° de session", "Session number"),
    "documents.csv.last_name": ("Nom", "Last name"),
    "documents.csv.first_name": ("Prénom", "First name"),
    "documents.csv.birthdate": ("Date de naissance", "Date of birth"),
    "documents.csv.class": ("Classe", "Class"),
    "documents.csv.extra_time": ("Temps majoré (%)", "Extra time (%)"),
    "documents.csv.test_minutes": ("Durée du test (min)", "Test duration (min)"),
    "documents.csv.accessibility": ("Aménagement d'accessibilité", "Accessibility adjustment"),
    "documents.csv.aid": ("Aide humaine (AVS/AESH)", "Human aid (AVS/AESH)"),
    "documents.csv.language": ("Non francophone", "Non-French-speaking"),
    "documents.csv.enrolment_note": ("Note d'inscription", "Enrolment note"),
    "documents.csv.certifiability": ("Certificabilité", "Certifiability"),
    "documents.csv.certifiability_date": ("Date de certificabilité", "Certifiability date"),
    "documents.csv.competences": ("Compétences positionnées", "Competences positioned"),
    "documents.csv.login_methods": ("Méthodes de connexion", "Login methods"),
    "documents.csv.ine": ("INE", "INE"),
    "documents.csv.follow_up": ("Suivi", "Follow-up"),
    "documents.csv.pupils": ("Élèves", "Pupils"),
    "documents.csv.total": ("Total", "Total"),
    "documents.csv.test_state": ("Test", "Test"),
    "documents.csv.report_codes": ("Signalements (codes)", "Issue reports (codes)"),
    "documents.csv.report_details": ("Détail des signalements", "Issue report details"),
    "documents.csv.abort_reason": ("Raison de l'abandon", "Abort reason"),
    "documents.csv.finalized_at": ("Finalisée le", "Finalised on"),
    "documents.csv.finalized_by": ("Finalisée par", "Finalised by"),
    "documents.csv.global_comment": ("Commentaire global", "Global comment"),
    "documents.certifiability.certifiable": ("Certifiable", "Certifiable"),
    "documents.certifiability.not_certifiable": ("Non certifiable", "Not certifiable"),
    "documents.certifiability.unknown": ("Non communiqué", "Not provided"),
    "documents.login.mediacentre": ("Médiacentre (ENT)", "Médiacentre (ENT)"),
    "documents.login.identifiant": ("Identifiant", "Username"),
    "documents.login.email": ("Adresse e-mail", "E-mail address"),
    "documents.login.code": ("Code", "Code"),
    "documents.state.not_started": ("Non démarré", "Not started"),
    "documents.state.started": ("Non terminé (en cours)", "Not finished (in progress)"),
    "documents.state.completed": ("Terminé", "Finished"),
    "documents.state.endedByInvigilator": ("Arrêté par le surveillant", "Ended by the invigilator"),
    "documents.state.endedDueToFinalization": ("Arrêté à la finalisation", "Ended at finalisation"),
}
