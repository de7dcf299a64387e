"""Catalogue entries for the prep area (Élèves, Sessions, Session, enrolment, imports):
key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "prep.session.rehearsal_on_real": (
        "Cette session a déjà des candidats présents ou démarrés : elle ne peut pas devenir une répétition (la simulation écrirait sur de vrais résultats d'examen).",
        "This session already has present or started candidates: it cannot become a rehearsal (the simulation would write over real exam records).",
    ),
    # --- refusals shared by the services ---
    "prep.session.gone": ("Cette session n'existe plus.", "This session no longer exists."),
    "prep.candidate.gone": (
        "Ce candidat n'est plus inscrit à la session.",
        "This candidate is no longer enrolled in the session.",
    ),
    "prep.session.pix_number_required": (
        "Le numéro de session Pix n'est pas encore saisi : recopiez-le depuis Pix Certif.",
        "The Pix session number is not entered yet: copy it from Pix Certif.",
    ),
    "prep.session.access_code_required": (
        "Le code d'accès n'est pas encore saisi : recopiez-le depuis Pix Certif.",
        "The access code is not entered yet: copy it from Pix Certif.",
    ),
    "prep.session.password_required": (
        "Le mot de passe de session n'est pas encore saisi : recopiez-le depuis Pix Certif.",
        "The invigilator password is not entered yet: copy it from Pix Certif.",
    ),
    "prep.checklist.line_done": ("{mark} {label} — {by}, {at}", "{mark} {label} — {by}, {at}"),
    "prep.pupils.no_class": (
        "Choisissez d'abord une classe.",
        "Choose a class first.",
    ),
    "prep.pupils.gone": ("Cet élève n'existe plus.", "This pupil no longer exists."),
    "prep.pupils.follow_up_long": (
        "Le suivi ne peut dépasser {max} caractères.",
        "The follow-up cannot exceed {max} characters.",
    ),
    "prep.enrol.nobody": (
        "Aucun élève ne peut être inscrit.",
        "No pupil can be enrolled.",
    ),
    "prep.enrol.note.override": (
        "inscrit malgré la certificabilité",
        "enrolled despite certifiability",
    ),
    "prep.enrol.note.repeating": ("redoublant, déjà certifié", "repeating, already certified"),
    "prep.enrol.note.too_close": (
        "autre session à moins de 15 jours",
        "another session within 15 days",
    ),
    # --- imports (service) ---
    "prep.import.too_big": (
        "Le fichier {path} dépasse {mb} Mo : ce n'est pas un export d'élèves.",
        "The file {path} is larger than {mb} MB: it is not a pupil export.",
    ),
    "prep.import.not_regular": (
        "{path} n'est pas un fichier ordinaire (périphérique, tube) : indiquez un fichier CSV.",
        "{path} is not a regular file (a device, a pipe): give a CSV file.",
    ),
    "prep.import.not_found": ("Le fichier {path} n'existe pas.", "The file {path} does not exist."),
    "prep.import.is_dir": (
        "{path} est un dossier : indiquez un fichier.",
        "{path} is a folder: give a file.",
    ),
    "prep.import.no_permission": (
        "Vous n'avez pas le droit de lire le fichier {path}.",
        "You are not allowed to read the file {path}.",
    ),
    "prep.import.unreadable": (
        "Le fichier {path} ne peut pas être lu.",
        "The file {path} cannot be read.",
    ),
    "prep.import.not_here": (
        "Ce fichier est un {kind} : il ne s'importe pas ici.",
        "This file is a {kind}: it is not imported here.",
    ),
    "prep.import.nothing": ("Rien à importer.", "Nothing to import."),
    "prep.import.file": ("Fichier : {path}", "File: {path}"),
    "prep.import.file_refused": (
        "Fichier refusé : {reason}",
        "File refused: {reason}",
    ),
    "prep.import.refused_title": ("Lignes refusées ({count}) :", "Refused lines ({count}):"),
    "prep.import.line.refused": ("  ligne {line} : {reason}", "  line {line}: {reason}"),
    "prep.import.warnings_title": ("À vérifier ({count}) :", "To check ({count}):"),
    "prep.import.line.warning": ("  ligne {line} : {message}", "  line {line}: {message}"),
    "prep.import.more": ("  … et {count} de plus", "  … and {count} more"),
    "prep.import.plan.pupils": (
        "Après acceptation : {new} {new:plural:nouvel élève|nouveaux élèves}, {updated} mis à jour, {unchanged} {unchanged:plural:inchangé|inchangés} ; {missing} {missing:plural:absent|absents} de la liste ; {conflicts} à décider.",
        "On acceptance: {new} new {new:plural:pupil|pupils}, {updated} updated, {unchanged} unchanged; {missing} missing from the list; {conflicts} to decide.",
    ),
    "prep.import.plan.matched": (
        "Après acceptation : {updated} {updated:plural:élève mis|élèves mis} à jour, {unchanged} {unchanged:plural:inchangé|inchangés} ; {ambiguous} {ambiguous:plural:ambigu|ambigus} et {unknown} {unknown:plural:inconnu|inconnus}, à décider (jamais devinés).",
        "On acceptance: {updated} {updated:plural:pupil|pupils} updated, {unchanged} unchanged; {ambiguous} ambiguous and {unknown} unknown, to decide (never guessed).",
    ),
    "prep.import.plan.not_sent": (
        "{not_sent} {not_sent:plural:profil non envoyé|profils non envoyés} (NA) ; {stale} {stale:plural:ligne plus ancienne que les données connues, ignorée|lignes plus anciennes que les données connues, ignorées}.",
        "{not_sent} {not_sent:plural:profile|profiles} not sent (NA); {stale} {stale:plural:line|lines} older than the known data, ignored.",
    ),
    "prep.import.plan.logins": (
        "Méthodes de connexion : {none} {none:plural:élève|élèves} sans aucune, {email} par e-mail seulement (« à éviter »).",
        'Login methods: {none} {none:plural:pupil|pupils} without any, {email} by e-mail only ("to avoid").',
    ),
    "prep.import.new_title": ("Nouveaux élèves ({count}) :", "New pupils ({count}):"),
    "prep.import.line.new": (
        "  ligne {line} : {last} {first} ({division})",
        "  line {line}: {last} {first} ({division})",
    ),
    "prep.import.updates_title": ("Mises à jour ({count}) :", "Updates ({count}):"),
    "prep.import.line.update": (
        "  ligne {line} : {label} — {details}",
        "  line {line}: {label} — {details}",
    ),
    "prep.import.missing_full": (
        "Absents de cette liste complète ({count}), ni supprimés ni modifiés :",
        "Missing from this full list ({count}), neither deleted nor changed:",
    ),
    "prep.import.missing_classes": (
        "Absents de leur classe dans ce fichier ({count}), ni supprimés ni modifiés :",
        "Missing from their class in this file ({count}), neither deleted nor changed:",
    ),
    "prep.import.missing_refused": (
        "Absents mais nommés sur une ligne refusée ({count}) : corrigez la ligne.",
        "Missing but named on a refused line ({count}): fix the line.",
    ),
    "prep.import.issues_title": (
        "À décider par une personne ({count}), non importés :",
        "For a person to decide ({count}), not imported:",
    ),
    "prep.import.line.issue": (
        "  ligne {line} : {label} — {reason}",
        "  line {line}: {label} — {reason}",
    ),
    "prep.import.cannot": (
        "Rien ne peut être importé : {reason}",
        "Nothing can be imported: {reason}",
    ),
    "prep.import.nothing_to_write": (
        "Rien à écrire : les élèves sont déjà à jour.",
        "Nothing to write: the pupils are already up to date.",
    ),
    # --- imports (screen) ---
    "prep.import.title": ("Import d'élèves", "Pupil import"),
    "prep.import.reading": ("Lecture de {path}…", "Reading {path}…"),
    "prep.import.nothing_written": ("Rien n'a été écrit.", "Nothing was written."),
    "prep.import.binding.close": ("Fermer", "Close"),
    "prep.import.binding.accept": ("Accepter", "Accept"),
    "prep.import.binding.accept.tip": (
        "Écrire les lignes valides, en une seule fois, après confirmation",
        "Write the valid lines, all at once, after confirmation",
    ),
    "prep.import.binding.left": ("Partis", "Left"),
    "prep.import.binding.left.tip": (
        "Marquer (ou non) les absents de la liste comme partis de l'établissement",
        "Mark (or not) the pupils missing from the list as having left the school",
    ),
    "prep.import.left_on": (
        "P : {count:plural:l'absent sera marqué « parti » (jamais supprimé)|les {count} absents seront marqués « partis » (jamais supprimés)}.",
        'P: the {count} missing {count:plural:pupil|pupils} will be marked "left" (never deleted).',
    ),
    "prep.import.left_off": (
        "P : marquer aussi {count:plural:l'absent comme parti|les {count} absents comme partis} de l'établissement.",
        "P: also mark the {count} missing {count:plural:pupil|pupils} as having left the school.",
    ),
    "prep.import.effects": (
        "{created} {created:plural:élève créé|élèves créés}, {updated} mis à jour, {left} {left:plural:marqué parti|marqués partis}.",
        "{created} {created:plural:pupil|pupils} created, {updated} updated, {left} marked as left.",
    ),
    "prep.import.effects_refused": (
        "{refused:plural:La ligne refusée ne sera pas importée.|Les {refused} lignes refusées ne seront pas importées.}",
        "The {refused} refused {refused:plural:line|lines} will not be imported.",
    ),
    "prep.import.accept_effects": (
        "A : importer — {effects} Échap : ne rien importer.",
        "A: import — {effects} Esc: import nothing.",
    ),
    "prep.import.confirm_effects": (
        "Importer ce fichier ? {effects}",
        "Import this file? {effects}",
    ),
    "prep.import.left_question": (
        "Confirmation à part : marquer {count} {count:plural:élève « parti »|élèves « partis »} sur les {current} présents ? {count:plural:Il n'apparaîtra|Ils n'apparaîtront} plus dans les listes d'inscription.",
        'Separate confirmation: mark {count} of the {current} current pupils as "left"? They will no longer appear in enrolment lists.',
    ),
    "prep.import.left_question_refused": (
        "Confirmation à part : marquer {count} {count:plural:élève « parti »|élèves « partis »} (sur {current} présents) alors que {refused} {refused:plural:ligne du fichier est refusée|lignes du fichier sont refusées} ? Un élève d'une ligne refusée serait marqué parti à tort.",
        'Separate confirmation: mark {count} {count:plural:pupil|pupils} as "left" (of {current} current) although {refused} {refused:plural:line|lines} of the file {refused:plural:is|are} refused? A pupil on a refused line would be marked left wrongly.',
    ),
    "prep.import.left_confirm_label": (
        "Marquer {count} {count:plural:parti|partis}",
        "Mark {count} left",
    ),
    "prep.import.confirm_label": ("Importer", "Import"),
    "prep.import.applied": (
        "Import terminé : {created} {created:plural:élève créé|élèves créés}, {updated} mis à jour, {left} {left:plural:marqué parti|marqués partis}.",
        "Import done: {created} {created:plural:pupil|pupils} created, {updated} updated, {left} marked as left.",
    ),
    "prep.import.path_title": (
        "Fichier à importer (liste d'élèves, collecte de profils ou page Élèves de Pix Orga) ; → complète le chemin :",
        "File to import (pupil list, profile collection or Pix Orga Élèves page); → completes the path:",
    ),
    "prep.import.path_placeholder": ("~/Téléchargements/eleves.csv", "~/Downloads/pupils.csv"),
    "prep.import.path_empty": ("Indiquez le chemin d'un fichier.", "Give the path of a file."),
    # --- command line ---
    "prep.cli.help": (
        "importer une liste d'élèves, une collecte de profils ou la page Élèves de Pix Orga",
        "import a pupil list, a profile collection or the Pix Orga Élèves page",
    ),
    "prep.cli.description": (
        "Importe un fichier CSV reconnu par ses en-têtes. Sans --dry-run, rien n'est écrit"
        " s'il y a des lignes refusées, sauf avec --accept-valid.",
        "Imports a CSV file recognised by its headers. Without --dry-run, nothing is written"
        " if lines are refused, unless --accept-valid.",
    ),
    "prep.cli.metavar": ("[TYPE] FICHIER", "[TYPE] FILE"),
    "prep.cli.target": (
        "TYPE : pupils, certifiability ou logins (facultatif : reconnu par les en-têtes)",
        "TYPE: pupils, certifiability or logins (optional: recognised by the headers)",
    ),
    "prep.cli.dry_run": (
        "afficher le rapport et le plan sans rien écrire",
        "show the report and the plan without writing anything",
    ),
    "prep.cli.accept_valid": (
        "écrire les lignes valides même si d'autres sont refusées",
        "write the valid lines even if others are refused",
    ),
    "prep.cli.confirm_left": (
        "confirmer à part le nombre exact d'élèves à marquer partis (demandé quand le fichier a des lignes refusées ou quand plus de 10 %% de l'établissement serait marqué)",
        "confirm apart the exact number of pupils to mark as left (asked when the file has refused lines or when more than 10%% of the school would be marked)",
    ),
    "prep.cli.left_unconfirmed": (
        "Rien n'a été importé : {question} Pour confirmer, relancez avec --confirm-left {count}.",
        "Nothing was imported: {question} To confirm, run again with --confirm-left {count}.",
    ),
    "prep.cli.metavar_count": ("NOMBRE", "COUNT"),
    "prep.cli.left_prompt": (
        "Tapez oui pour marquer {count:plural:l'élève parti|les {count} élèves partis} :",
        "Type yes to mark the {count} {count:plural:pupil|pupils} left:",
    ),
    "prep.cli.output_closed": (
        "La sortie a été fermée avant la fin du rapport (« | head » ?) : rien n'a été importé. Relancez sans « | head », ou avec --dry-run pour seulement lire le rapport.",
        "The output was closed before the end of the report (| head?): nothing was imported. Run again without | head, or with --dry-run to only read the report.",
    ),
    "prep.cli.effects": ("Effets de l'import : {effects}", "Effects of the import: {effects}"),
    "prep.cli.mark_left": (
        "marquer les élèves absents de la liste comme partis (jamais supprimés)",
        "mark the pupils missing from the list as left (never deleted)",
    ),
    "prep.cli.bad_kind": (
        "Type d'import inconnu : « {word} ». Utilisez pupils, certifiability ou logins.",
        'Unknown import type: "{word}". Use pupils, certifiability or logins.',
    ),
    "prep.cli.one_file": (
        "Indiquez un seul fichier, éventuellement précédé de son type.",
        "Give one file, optionally preceded by its type.",
    ),
    "prep.cli.progress": ("Lecture : {percent} %", "Reading: {percent}%"),
    "prep.cli.file_refused": (
        "Fichier refusé : rien n'a été écrit.",
        "File refused: nothing was written.",
    ),
    "prep.cli.dry_run_done": (
        "Simulation : rien n'a été écrit.",
        "Dry run: nothing was written.",
    ),
    "prep.cli.refused_lines": (
        "{count} {count:plural:ligne refusée|lignes refusées} : rien n'a été écrit. Corrigez le fichier, ou relancez avec --accept-valid pour n'importer que les lignes valides.",
        "{count} {count:plural:line|lines} refused: nothing was written. Fix the file, or run again with --accept-valid to import the valid lines only.",
    ),
    "prep.cli.done": (
        "Import terminé : {created} {created:plural:élève créé|élèves créés}, {updated} mis à jour, {left} {left:plural:marqué parti|marqués partis}.",
        "Import done: {created} {created:plural:pupil|pupils} created, {updated} updated, {left} marked as left.",
    ),
    # --- Élèves screen ---
    "prep.pupils.search.placeholder": (
        "/ pour chercher un nom (sans accents ni majuscules)",
        "/ to search a name (accents and case ignored)",
    ),
    "prep.pupils.binding.search.tip": (
        "Recherche incrémentale par nom et prénom",
        "Incremental search by last and first name",
    ),
    "prep.pupils.binding.class": ("Classe", "Class"),
    "prep.pupils.binding.class.tip": ("Filtrer par classe", "Filter by class"),
    "prep.pupils.binding.certifiability": ("Certif.", "Certif."),
    "prep.pupils.binding.certifiability.tip": (
        "Filtrer par certificabilité",
        "Filter by certifiability",
    ),
    "prep.pupils.binding.login": ("Connex.", "Login"),
    "prep.pupils.binding.login.tip": (
        "Filtrer par méthode de connexion",
        "Filter by login method",
    ),
    "prep.pupils.binding.view": ("Classes", "Classes"),
    "prep.pupils.binding.view.tip": (
        "Basculer entre la liste des élèves et les effectifs par classe",
        "Switch between the pupil list and the per-class counts",
    ),
    "prep.pupils.binding.import": ("Importer", "Import"),
    "prep.pupils.binding.import.tip": (
        "Importer un fichier d'élèves ou de certificabilité (rapport avant toute écriture)",
        "Import a pupil or certifiability file (report before anything is written)",
    ),
    "prep.pupils.binding.informed": ("Informés", "Informed"),
    "prep.pupils.binding.informed.tip": (
        "Noter que la classe a été informée des conditions (vidéo), ou l'annuler",
        "Record that the class was told the conditions (video), or undo it",
    ),
    "prep.pupils.binding.follow_up": ("Suivi", "Follow-up"),
    "prep.pupils.binding.follow_up.tip": (
        "Noter le suivi d'un élève non certifiable (nouvelle campagne de positionnement…)",
        "Note the follow-up of a non-certifiable pupil (new positioning campaign…)",
    ),
    "prep.pupils.binding.clear": ("Tout afficher", "Show all"),
    "prep.pupils.binding.clear.tip": (
        "Effacer la recherche et les filtres",
        "Clear the search and the filters",
    ),
    "prep.pupils.col.last_name": ("Nom", "Last name"),
    "prep.pupils.col.first_name": ("Prénom", "First name"),
    "prep.pupils.col.division": ("Classe", "Class"),
    "prep.pupils.col.birthdate": ("Naissance", "Birthdate"),
    "prep.pupils.col.certifiability": ("Certificabilité", "Certifiability"),
    "prep.pupils.col.certifiability_date": ("Relevée le", "As of"),
    "prep.pupils.col.login": ("Connexion", "Login"),
    "prep.pupils.col.follow_up": ("Suivi", "Follow-up"),
    "prep.pupils.class_col.division": ("Classe", "Class"),
    "prep.pupils.class_col.total": ("Élèves", "Pupils"),
    "prep.pupils.class_col.certifiable": ("Certif.", "Certif."),
    "prep.pupils.class_col.not_certifiable": ("Non", "Not"),
    "prep.pupils.class_col.unknown": ("Non comm.", "Unknown"),
    "prep.pupils.class_col.no_login": ("Sans connexion", "No login"),
    "prep.pupils.class_col.email_only": ("E-mail seul", "E-mail only"),
    "prep.pupils.class_col.informed": ("Informés", "Informed"),
    "prep.pupils.email_avoid": ("(à éviter)", "(to avoid)"),
    "prep.pupils.filter.all": ("tout", "all"),
    "prep.pupils.filter.all_classes": ("Toutes les classes", "All classes"),
    "prep.pupils.filter.class": ("Classe : {value}", "Class: {value}"),
    "prep.pupils.filter.certifiability": ("Certif. : {value}", "Certif.: {value}"),
    "prep.pupils.filter.login": ("Connexion : {value}", "Login: {value}"),
    "prep.pupils.filter.class_option": (
        "{division} ({total} {total:plural:élève|élèves})",
        "{division} ({total} {total:plural:pupil|pupils})",
    ),
    "prep.pupils.filter.class_title": ("Afficher quelle classe ?", "Show which class?"),
    "prep.pupils.filter.certifiability_title": (
        "Afficher quelle certificabilité ?",
        "Show which certifiability?",
    ),
    "prep.pupils.filter.login_title": (
        "Afficher quelle méthode de connexion ?",
        "Show which login method?",
    ),
    "prep.pupils.login.mediacentre": ("Médiacentre (ENT)", "Médiacentre (ENT)"),
    "prep.pupils.login.identifiant": ("Identifiant", "Username"),
    "prep.pupils.login.email": ("Adresse e-mail", "E-mail address"),
    "prep.pupils.login.code": ("Code", "Code"),
    "prep.pupils.login.none": ("Aucune méthode", "No method"),
    "prep.pupils.login.email_only": ("E-mail seulement (à éviter)", "E-mail only (to avoid)"),
    "prep.pupils.summary": (
        "{shown}/{total} {total:plural:élève|élèves}",
        "{shown}/{total} {total:plural:pupil|pupils}",
    ),
    "prep.pupils.class_line": (
        ": {total} {total:plural:élève|élèves} · certif. {certifiable}, non {not_certifiable}, non comm. {unknown} · sans connexion {no_login}, e-mail {email}",
        ": {total} {total:plural:pupil|pupils} · certif. {certifiable}, not {not_certifiable}, unknown {unknown} · no login {no_login}, e-mail {email}",
    ),
    "prep.pupils.earlier_year.mark": (" ?", " ?"),
    "prep.pupils.earlier_year.line": (
        "? Certificabilité du {date} (année {year}) : à vérifier dans Pix Orga.",
        "? Certifiability of {date} (school year {year}): check it in Pix Orga.",
    ),
    "prep.pupils.class_line.none": ("Aucun élève affiché.", "No pupil shown."),
    "prep.pupils.class_line.informed": ("Informés : {state}", "Informed: {state}"),
    "prep.pupils.class_line.follow_up": (
        "· Non certifiables : {count} ({pending} sans suivi, S)",
        "· Not certifiable: {count} ({pending} without follow-up, S)",
    ),
    "prep.pupils.informed.no": ("non", "no"),
    "prep.pupils.informed.no_hint": ("non (N pour le noter)", "no (N to record it)"),
    "prep.pupils.informed.yes": (
        "{at}, {by}",
        "{at}, {by}",
    ),
    "prep.pupils.informed_set": (
        "Classe {division} : élèves informés, noté.",
        "Class {division}: pupils informed, recorded.",
    ),
    "prep.pupils.informed_unset": (
        "Classe {division} : information annulée.",
        "Class {division}: information undone.",
    ),
    "prep.pupils.none_selected": ("Aucun élève sélectionné.", "No pupil selected."),
    "prep.pupils.follow_up_title": (
        "Suivi de {name} (non certifiable) :",
        "Follow-up of {name} (not certifiable):",
    ),
    "prep.pupils.follow_up_placeholder": (
        "ex. : nouvelle campagne de positionnement le 15/03",
        "e.g. new positioning campaign on 15/03",
    ),
    # --- Sessions screen ---
    "prep.sessions.binding.new": ("Nouvelle", "New"),
    "prep.sessions.binding.new.tip": ("Créer une session", "Create a session"),
    "prep.sessions.binding.edit": ("Modifier", "Edit"),
    "prep.sessions.binding.edit.tip": ("Modifier la session choisie", "Edit the chosen session"),
    "prep.sessions.binding.delete": ("Supprimer", "Delete"),
    "prep.sessions.binding.delete.tip": (
        "Supprimer la session choisie (refusé si une certification a commencé)",
        "Delete the chosen session (refused once a certification started)",
    ),
    "prep.sessions.none": (
        "Aucune session n'est encore prévue : N pour en créer une.",
        "No session is planned yet: N to create one.",
    ),
    "prep.sessions.none_selected": ("Aucune session choisie.", "No session chosen."),
    "prep.sessions.name": ("{room} du {date} à {time}", "{room} on {date} at {time}"),
    "prep.sessions.delete_question": (
        "Supprimer la session {name} ? Cette action est définitive.",
        "Delete the session {name}? This cannot be undone.",
    ),
    "prep.sessions.delete_confirm": ("Supprimer", "Delete"),
    "prep.sessions.deleted": ("Session {room} supprimée.", "Session {room} deleted."),
    # --- the session form ---
    "prep.form.title_new": ("Nouvelle session", "New session"),
    "prep.form.title_edit": ("Modifier la session", "Edit the session"),
    "prep.form.title_read_only": (
        "Session finalisée — lecture seule",
        "Finalised session — read only",
    ),
    "prep.form.field.site": ("Site", "Site"),
    "prep.form.field.room": ("Salle", "Room"),
    "prep.form.field.date": ("Date (JJ/MM/AAAA)", "Date (DD/MM/YYYY)"),
    "prep.form.field.start_time": ("Heure de début (HH:MM)", "Start time (HH:MM)"),
    "prep.form.field.examiners": (
        "Surveillants",
        "Invigilators",
    ),
    "prep.form.field.description": ("Observations", "Notes"),
    "prep.form.field.pix_number": ("N° de session Pix", "Pix session no."),
    "prep.form.field.access_code": ("Code d'accès", "Access code"),
    "prep.form.field.invigilator_password": ("Mot de passe de session", "Invigilator password"),
    "prep.form.field.rehearsal": (
        "Session de répétition (codes générés par pixtui)",
        "Rehearsal session (codes generated by pixtui)",
    ),
    "prep.form.placeholder.site": ("ex. : Collège Jean Moulin", "e.g. Jean Moulin school"),
    "prep.form.placeholder.room": ("ex. : Salle 12", "e.g. Room 12"),
    "prep.form.placeholder.date": ("JJ/MM/AAAA", "DD/MM/YYYY"),
    "prep.form.placeholder.start_time": ("HH:MM", "HH:MM"),
    "prep.form.placeholder.examiners": (
        "noms séparés par des virgules",
        "names separated by commas",
    ),
    "prep.form.placeholder.description": ("facultatif", "optional"),
    "prep.form.placeholder.pix_number": ("recopié de Pix Certif", "copied from Pix Certif"),
    "prep.form.placeholder.access_code": ("ex. : BCDF23", "e.g. BCDF23"),
    "prep.form.placeholder.invigilator_password": ("6 caractères", "6 characters"),
    "prep.form.hint": (
        "↑↓/Entrée : champ suivant · Espace : cocher · Ctrl+S : enregistrer · Échap : annuler",
        "↑↓/Enter: next field · Space: tick · Ctrl+S: save · Esc: cancel",
    ),
    "prep.form.all_good": ("Tout est en règle.", "Everything is in order."),
    "prep.form.error_mark": ("Refusé :", "Refused:"),
    "prep.form.warning_mark": ("Attention :", "Warning:"),
    "prep.form.has_errors": (
        "{count:plural:Une erreur empêche|{count} erreurs empêchent} l'enregistrement : voir sous le formulaire.",
        "{count:plural:An error prevents|{count} errors prevent} saving: see below the form.",
    ),
    "prep.form.confirm_warnings": (
        "Enregistrer la session malgré ces avertissements ?",
        "Save the session despite these warnings?",
    ),
    "prep.form.save": ("Enregistrer", "Save"),
    "prep.form.save.tip": (
        "Enregistrer (les avertissements demandent une confirmation)",
        "Save (warnings ask for a confirmation)",
    ),
    "prep.form.cancel.tip": ("Fermer sans enregistrer", "Close without saving"),
    "prep.form.discard.question": (
        "Abandonner les modifications ? Ce qui a été saisi dans ce formulaire sera perdu.",
        "Discard the changes? What was typed in this form will be lost.",
    ),
    "prep.form.discard.confirm": ("Abandonner", "Discard"),
    "prep.form.discard.keep": ("Continuer la saisie", "Keep editing"),
    "prep.form.save_anyway": ("Enregistrer quand même", "Save anyway"),
    "prep.form.saved": ("Session {room} enregistrée.", "Session {room} saved."),
    # --- Session screen ---
    "prep.session.binding.enrol": (
        "Inscr.",
        "Enrol",
    ),
    "prep.session.binding.enrol.tip": (
        "Inscrire des élèves, classe par classe",
        "Enrol pupils, class by class",
    ),
    "prep.session.binding.tiers": ("Tiers temps", "Extra third"),
    "prep.session.binding.tiers.tip": (
        "Donner 33 % de temps majoré au candidat choisi (A pour le changer ou le retirer)",
        "Give 33% extra time to the chosen candidate (A changes or removes it)",
    ),
    "prep.session.binding.accommodations": (
        "Aménag.",
        "Adjustments",
    ),
    "prep.session.binding.accommodations.tip": (
        "Temps majoré, accessibilité, aide humaine (AVS/AESH), élève non francophone",
        "Extra time, accessibility, human aid (AVS/AESH), non-French-speaking pupil",
    ),
    "prep.session.binding.remove": ("Retirer", "Remove"),
    "prep.session.binding.remove.tip": (
        "Désinscrire le candidat choisi (possible jusqu'au début de la session)",
        "Unenrol the chosen candidate (possible until the session starts)",
    ),
    "prep.session.binding.export": (
        "Docs",
        "Docs",
    ),
    "prep.session.binding.export.tip": (
        "Écrire les documents de la session (kit, émargement, PV) dans un dossier",
        "Write the session's documents (kit, attendance sheet, incident report) to a folder",
    ),
    "prep.session.binding.edit": ("Modifier", "Edit"),
    "prep.session.binding.edit.tip": ("Modifier la session", "Edit the session"),
    "prep.session.binding.checklist": (
        "Prépa.",
        "Preparation",
    ),
    "prep.session.binding.checklist.tip": (
        "Aller à la liste de préparation (Espace ou Entrée pour cocher)",
        "Go to the preparation checklist (Space or Enter to tick)",
    ),
    "prep.session.examiners": (
        "Surveillants : {names} ({count} pour {needed} {needed:plural:nécessaire|nécessaires})",
        "Invigilators: {names} ({count} for {needed} needed)",
    ),
    "prep.session.examiners_short": (
        "— un surveillant pour 20 élèves : ajoutez-en.",
        "— one invigilator per 20 pupils: add some.",
    ),
    "prep.session.candidates_title": (
        "Candidats : {count} (dont {extra} avec temps majoré)",
        "Candidates: {count} ({extra} with extra time)",
    ),
    "prep.session.checklist_title": ("Préparation", "Preparation"),
    "prep.session.checklist_title_count": (
        "Préparation : {done}/{total} {total:plural:étape faite|étapes faites} (C pour la liste)",
        "Preparation: {done}/{total} {total:plural:step|steps} done (C for the list)",
    ),
    "prep.session.checklist_back": (
        "Préparation : {done}/{total} · Espace ou Entrée : cocher · C : retour aux candidats",
        "Preparation: {done}/{total} · Space or Enter: tick · C: back to the candidates",
    ),
    "prep.session.checklist.col.done": ("Fait", "Done"),
    "prep.session.checklist.col.step": ("Étape", "Step"),
    "prep.session.checklist.col.by": ("Par, le", "By, on"),
    "prep.session.checklist.by": ("{by}, {at}", "{by}, {at}"),
    "prep.session.checklist.done": ("faite", "done"),
    "prep.session.checklist.undone": ("à faire", "to do"),
    "prep.session.checklist.toggled": ("« {step} » : {state}.", '"{step}": {state}.'),
    "prep.session.no_candidate": ("Aucun candidat choisi.", "No candidate chosen."),
    "prep.session.extra_time_set": (
        "{name} : temps majoré {value}.",
        "{name}: extra time {value}.",
    ),
    "prep.session.no_extra_time": ("aucun", "none"),
    "prep.session.remove_question": (
        "Retirer {name} de la session ? Il n'apparaîtra plus sur la feuille d'émargement.",
        "Remove {name} from the session? They will no longer be on the attendance sheet.",
    ),
    "prep.session.remove_confirm": ("Retirer", "Remove"),
    "prep.session.removed": (
        "{name} a été retiré de la session.",
        "{name} was removed from the session.",
    ),
    "prep.session.export_title": (
        "Dossier où écrire les documents de la session :",
        "Folder to write the session's documents to:",
    ),
    "prep.session.export_empty": ("Indiquez un dossier.", "Give a folder."),
    "prep.session.export_failed": ("Export impossible : {reason}", "Export failed: {reason}"),
    "prep.session.exported": (
        "{count} {count:plural:fichier écrit|fichiers écrits} :\n{paths}",
        "{count} {count:plural:file|files} written:\n{paths}",
    ),
    # --- accommodations ---
    "prep.acc.title": ("Aménagements de {name}", "Adjustments for {name}"),
    "prep.acc.extra_time": ("Temps majoré (%)", "Extra time (%)"),
    "prep.acc.extra_time.placeholder": ("ex. : 33 (tiers temps)", "e.g. 33 (extra third)"),
    "prep.acc.accessibility": (
        "Aménagement d'accessibilité (adaptation de l'épreuve)",
        "Accessibility adjustment (adapted test)",
    ),
    "prep.acc.aid_note": ("Aide humaine (AVS/AESH)", "Human aid (AVS/AESH)"),
    "prep.acc.aid_note.placeholder": ("ex. : AESH Mme Roux", "e.g. AESH Mrs Roux"),
    "prep.acc.language_note": ("Élève non francophone", "Non-French-speaking pupil"),
    "prep.acc.language_note.placeholder": (
        "ex. : arabophone, consignes lues",
        "e.g. Arabic speaker, instructions read aloud",
    ),
    "prep.acc.hint": (
        "Entrée : suivant · Espace : cocher · Ctrl+S : enregistrer · Échap : annuler",
        "Enter: next · Space: tick · Ctrl+S: save · Esc: cancel",
    ),
    "prep.acc.saved": ("Aménagements de {name} enregistrés.", "Adjustments for {name} saved."),
    # --- enrolment screen ---
    "prep.enrol.title": ("Inscription", "Enrolment"),
    "prep.enrol.title_with_room": ("Inscription — {room}, {date}", "Enrolment — {room}, {date}"),
    "prep.enrol.binding.toggle": ("Choisir", "Pick"),
    "prep.enrol.binding.toggle.tip": (
        "Choisir ou laisser l'élève sous le curseur",
        "Pick or leave the pupil under the cursor",
    ),
    "prep.enrol.binding.class": (
        "Tous",
        "All",
    ),
    "prep.enrol.binding.class.tip": (
        "Choisir (ou laisser) toute la classe",
        "Pick (or leave) the whole class",
    ),
    "prep.enrol.binding.choose": ("Classe", "Class"),
    "prep.enrol.binding.choose.tip": ("Changer de classe", "Change class"),
    "prep.enrol.binding.enrol": ("Inscrire", "Enrol"),
    "prep.enrol.binding.enrol.tip": (
        "Inscrire les élèves choisis (les avertissements demandent une confirmation)",
        "Enrol the picked pupils (warnings ask for a confirmation)",
    ),
    "prep.enrol.col.mark": ("Choix", "Pick"),
    "prep.enrol.col.last_name": ("Nom", "Last name"),
    "prep.enrol.col.first_name": ("Prénom", "First name"),
    "prep.enrol.col.certifiability": ("Certificabilité", "Certifiability"),
    "prep.enrol.col.others": ("Autres sessions", "Other sessions"),
    "prep.enrol.col.previous": ("Déjà certifié", "Certified before"),
    "prep.enrol.col.note": ("À savoir", "Note"),
    "prep.enrol.know.closed": ("Inscriptions closes", "Enrolment closed"),
    "prep.enrol.know.duplicate": ("Déjà candidat de cette session", "Already a candidate here"),
    "prep.enrol.know.left": ("Plus dans la liste d'élèves", "No longer in the pupil list"),
    "prep.enrol.know.too_close": ("Autre session trop proche", "Another session too close"),
    "prep.enrol.know.not_certifiable": ("Pas assez de compétences", "Not enough competences"),
    "prep.enrol.know.unknown": ("Voir dans Pix Orga", "See in Pix Orga"),
    "prep.enrol.know.earlier_year": ("Certif. d'une année passée", "Last year's certifiability"),
    "prep.enrol.know.competences": (
        "{count} {count:plural:compétence|compétences} sur {minimum}",
        "{count} {count:plural:competence|competences} of {minimum}",
    ),
    "prep.enrol.mark.enrolled": ("inscrit", "enrolled"),
    "prep.enrol.mark.refused": ("refusé", "refused"),
    "prep.enrol.class": ("Classe {division}", "Class {division}"),
    "prep.enrol.counts": (
        "{pupils} {pupils:plural:élève|élèves} · {in_class} {in_class:plural:inscrit|inscrits} · {selected} {selected:plural:choisi|choisis} · {enrolled} {enrolled:plural:candidat|candidats} en tout",
        "{pupils} {pupils:plural:pupil|pupils} · {in_class} enrolled · {selected} picked · {enrolled} {enrolled:plural:candidate|candidates} in all",
    ),
    "prep.enrol.detail_ok": ("Rien à signaler.", "Nothing to report."),
    "prep.enrol.already": ("Cet élève est déjà inscrit.", "This pupil is already enrolled."),
    "prep.enrol.class_nobody": (
        "Aucun élève de cette classe ne peut être choisi.",
        "No pupil of this class can be picked.",
    ),
    "prep.enrol.choose_title": ("Quelle classe ?", "Which class?"),
    "prep.enrol.discard.question": (
        "Quitter sans inscrire ? {count} {count:plural:élève choisi ne sera pas inscrit|élèves choisis ne seront pas inscrits} (I inscrit la sélection).",
        "Leave without enrolling? {count} picked {count:plural:pupil|pupils} will not be enrolled (I enrols the selection).",
    ),
    "prep.enrol.discard.confirm": ("Quitter sans inscrire", "Leave without enrolling"),
    "prep.enrol.discard.keep": ("Garder la sélection", "Keep the selection"),
    "prep.enrol.class_option": (
        "{division} ({selected} {selected:plural:choisi|choisis})",
        "{division} ({selected} picked)",
    ),
    "prep.enrol.none_selected": (
        "Aucun élève choisi : Espace pour un élève, T pour toute la classe.",
        "No pupil picked: Space for one pupil, T for the whole class.",
    ),
    "prep.enrol.confirm_question": (
        "{count:plural:Inscrire quand même l'élève choisi ?|Inscrire quand même les {count} élèves choisis ?}",
        "{count:plural:Enrol the picked pupil anyway?|Enrol the {count} picked pupils anyway?}",
    ),
    "prep.enrol.confirm_label": ("Inscrire quand même", "Enrol anyway"),
    "prep.enrol.done": (
        "{count} {count:plural:élève inscrit|élèves inscrits}.",
        "{count} {count:plural:pupil|pupils} enrolled.",
    ),
    "prep.enrol.skipped": (
        "{count} {count:plural:refusé|refusés} (déjà inscrit ou session fermée).",
        "{count} refused (already enrolled or session closed).",
    ),
}
