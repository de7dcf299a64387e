"""Catalogue entries for the after area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- CLI ---------------------------------------------------------------------------
    "after.cli.purge": (
        "anonymiser les données des sessions dont la durée de conservation est passée",
        "anonymise the data of sessions past their retention period",
    ),
    "after.cli.purge_dry_run": (
        "montrer ce qui serait anonymisé, sans rien écrire",
        "show what would go, write nothing",
    ),
    "after.cli.yes": ("confirmer sans poser la question", "confirm without asking"),
    "after.cli.purge_question": (
        "Anonymiser définitivement ces données (et supprimer les sauvegardes qui les contiennent) ? [o/N] ",
        "Anonymise this data for good (and delete the backups holding it)? [y/N] ",
    ),
    "after.cli.dry_run_done": ("Simulation : rien n'a été écrit.", "Dry run: nothing was written."),
    "after.cli.cancelled": ("Abandon : rien n'a été modifié.", "Cancelled: nothing was changed."),
    "after.cli.session": (
        "gérer l'après-session : statut, remise des documents, réouverture, bilan",
        "after the session: status, handover, reopening, summary",
    ),
    "after.cli.metavar_action": ("ACTION", "ACTION"),
    "after.cli.metavar_status": ("STATUT", "STATUS"),
    "after.cli.metavar_date": ("JJ/MM/AAAA", "DD/MM/YYYY"),
    "after.cli.metavar_to": ("NOM", "NAME"),
    "after.cli.metavar_folder": ("DOSSIER", "FOLDER"),
    "after.cli.metavar_class": ("CLASSE", "CLASS"),
    "after.cli.number": ("numéro de session Pix", "Pix session number"),
    "after.cli.status": (
        "montrer le statut d'une session ou passer à l'étape suivante (in_process, processed)",
        "show a session's status or record the next step (in_process, processed)",
    ),
    "after.cli.status_word": (
        "processed (résultats transmis par Pix) ; in_process (prise en charge par Pix) est facultatif",
        "processed (results sent by Pix); in_process (taken over by Pix) is optional",
    ),
    "after.cli.date": (
        "quand c'est arrivé (par défaut : maintenant)",
        "when it happened (default: now)",
    ),
    "after.cli.bad_date": (
        "La date « {date} » n'est pas lisible : écrivez JJ/MM/AAAA ou JJ/MM/AAAA HH:MM.",
        'The date "{date}" cannot be read: write DD/MM/YYYY or DD/MM/YYYY HH:MM.',
    ),
    "after.cli.date_future": (
        "La date « {date} » est dans le futur.",
        'The date "{date}" is in the future.',
    ),
    "after.cli.bad_status": (
        "Statut « {word} » inconnu : écrivez en_traitement (ou in_process) ou traitee (ou processed).",
        'Unknown status "{word}": write in_process or processed.',
    ),
    "after.cli.status_now": ("Session {number} : {status}", "Session {number}: {status}"),
    "after.cli.handover": (
        "noter la remise des documents de la session à l'administration (A1)",
        "record the handover of the session's documents to the administration (A1)",
    ),
    "after.cli.to": ("à qui les documents ont été remis", "to whom the documents were handed"),
    "after.cli.handover_done": (
        "Remise des documents de la session {number} à {to} notée.",
        "Handover of session {number}'s documents to {to} recorded.",
    ),
    "after.cli.reopen": (
        "rouvrir une session finalisée (organisateurs seulement)",
        "reopen a finalised session (organisers only)",
    ),
    "after.cli.reopen_question": (
        "Rouvrir la session {number} pour corriger sa finalisation ? [o/N] ",
        "Reopen session {number} to correct its finalisation? [y/N] ",
    ),
    "after.cli.reopened": ("Session {number} rouverte.", "Session {number} reopened."),
    "after.cli.summary": (
        "afficher le bilan de finalisation à saisir dans Pix Certif (et l'exporter)",
        "show the finalisation summary to key into Pix Certif (and export it)",
    ),
    "after.cli.out": (
        "dossier où écrire le CSV et le bilan",
        "folder to write the CSV and the summary to",
    ),
    "after.cli.written": ("Écrit : {path}", "Written: {path}"),
    "after.cli.division": (
        "classe des fichiers de résultats dont le nom ne la donne pas",
        "class of results files whose name does not say it",
    ),
    "after.cli.no_file": (
        "Donnez au moins un fichier de résultats après « results ».",
        'Give at least one results file after "results".',
    ),
    "after.cli.results_unreadable": (
        "{count} {count:plural:fichier illisible|fichiers illisibles} : rien n'a été écrit.",
        "{count} unreadable {count:plural:file|files}: nothing was written.",
    ),
    "after.cli.results_empty": (
        "Aucun résultat lisible dans ces fichiers : rien n'a été écrit.",
        "No readable result in these files: nothing was written.",
    ),
    "after.cli.results_no_class": (
        "La classe de certains résultats est inconnue : donnez-la avec --classe.",
        "Some results have no class: give it with --classe.",
    ),
    # --- errors and services -----------------------------------------------------------
    "after.error.session_gone": (
        "Cette session n'existe plus (supprimée par un autre poste ?).",
        "This session no longer exists (deleted from another computer?).",
    ),
    "after.handover.to_required": (
        "Indiquez à qui les documents ont été remis.",
        "Say to whom the documents were handed.",
    ),
    "after.handover.too_long": (
        "Le nom est trop long ({limit} caractères au plus).",
        "The name is too long ({limit} characters at most).",
    ),
    "after.handover.not_finalised": (
        "Finalisez d'abord la session : les documents se remettent après la finalisation.",
        "Finalise the session first: the documents are handed over after finalisation.",
    ),
    "after.handover.line": (
        "Documents remis à {to} le {at} (noté par {by})",
        "Documents handed to {to} on {at} (recorded by {by})",
    ),
    "after.status.line": ("{status} : le {at} par {by}", "{status}: on {at} by {by}"),
    "after.file.finalisation": ("finalisation", "finalisation"),
    "after.file.summary": ("bilan", "summary"),
    "after.journal.redacted": ("[effacé]", "[erased]"),
    "after.purge.nothing_new": (
        "Aucune nouvelle donnée à anonymiser.",
        "No new data to anonymise.",
    ),
    "after.purge.journal": (
        "Journal : {count} {count:plural:ligne expurgée|lignes expurgées} des données personnelles purgées.",
        "Journal: {count} {count:plural:line|lines} redacted of purged personal data.",
    ),
    "after.purge.backups": (
        "Sauvegardes : {count} {count:plural:copie contenant ces données supprimée|copies contenant ces données supprimées}.",
        "Backups: {count} {count:plural:copy|copies} holding this data deleted.",
    ),
    "after.purge.fresh_backup": (
        "Sauvegarde de la base purgée : {path}.",
        "Backup of the purged store: {path}.",
    ),
    "after.purge.foreign": (
        "{count:plural:Ce fichier du dossier des données n'a pas été écrit par pixtui et peut contenir des données personnelles que la purge n'a pas pu atteindre|Ces {count} fichiers du dossier des données n'ont pas été écrits par pixtui et peuvent contenir des données personnelles que la purge n'a pas pu atteindre} : {names} ; supprimez-les s'ils ne servent plus.",
        "{count:plural:This file in the data folder was not written by pixtui and may hold personal data the purge could not reach|These {count} files in the data folder were not written by pixtui and may hold personal data the purge could not reach}: {names}; delete them if they are no longer needed.",
    ),
    "after.result_status.validated": ("Validée", "Validated"),
    # Pix's word since 2026 (PR #15949); older files said « Rejetée »
    "after.result_status.rejected": ("Non obtenue", "Not obtained"),
    "after.result_status.cancelled": ("Annulée", "Cancelled"),
    "after.result_status.cancelled_by_jury": ("Annulée par le jury", "Cancelled by the jury"),
    "after.result_status.error": ("En erreur", "In error"),
    "after.result_status.started": ("Démarrée", "Started"),
    # --- results import ----------------------------------------------------------------
    "after.import.file_line": (
        "{name} ({variant}) : classe {division}, {count} {count:plural:résultat|résultats}, {refused} {refused:plural:ligne refusée|lignes refusées}",
        "{name} ({variant}): class {division}, {count} {count:plural:result|results}, {refused} {refused:plural:line|lines} refused",
    ),
    "after.import.no_class": ("inconnue", "unknown"),
    "after.import.match_line": (
        "{total} {total:plural:élève|élèves} : {matched} {matched:plural:reconnu|reconnus}, {unmatched} non {unmatched:plural:reconnu|reconnus}, {ambiguous} {ambiguous:plural:ambigu|ambigus}",
        "{total} {total:plural:pupil|pupils}: {matched} matched, {unmatched} unmatched, {ambiguous} ambiguous",
    ),
    "after.import.superseded": (
        "{count} {count:plural:certification plus ancienne|certifications plus anciennes} des mêmes élèves : seule la plus récente est gardée.",
        "{count} older {count:plural:certification|certifications} of the same pupils: only the latest is kept.",
    ),
    "after.import.without_class": (
        "{count} {count:plural:résultat|résultats} sans classe.",
        "{count} {count:plural:result|results} without a class.",
    ),
    "after.import.done": (
        "Résultats enregistrés : {added} {added:plural:ajouté|ajoutés}, {replaced} {replaced:plural:remplacé|remplacés}, {kept} {kept:plural:plus récent gardé|plus récents gardés} ; {pupils} {pupils:plural:élève mis|élèves mis} à jour.",
        "Results saved: {added} added, {replaced} replaced, {kept} newer kept; {pupils} {pupils:plural:pupil|pupils} updated.",
    ),
    "after.import.files_title": (
        "Fichiers de résultats de Pix Orga (séparés par des espaces)",
        "Pix Orga results files (separated by spaces)",
    ),
    "after.import.files_hint": (
        "~/Téléchargements/20250320_resultats_3A.csv …",
        "~/Downloads/20250320_resultats_3A.csv …",
    ),
    "after.import.bad_list": (
        "Liste de fichiers illisible (guillemet non fermé ?).",
        "Unreadable file list (unclosed quote?).",
    ),
    "after.import.no_file": ("Indiquez au moins un fichier.", "Give at least one file."),
    "after.import.missing": ("Fichier introuvable : {name}", "File not found: {name}"),
    "after.import.class_title": (
        "Le nom du fichier ne donne pas la classe : laquelle est-ce ?",
        "The file name does not give the class: which one is it?",
    ),
    "after.import.class_empty": ("Indiquez la classe.", "Give the class."),
    "after.import.absent_in_room": (
        "{name} était absent·e d'après la salle (session {number}) : résultat à vérifier.",
        "{name} was absent according to the room (session {number}): result to check.",
    ),
    "after.results.absent_short": ("absent·e en salle : à vérifier", "absent in the room: check"),
    "after.import.question": ("Enregistrer ces résultats ?", "Save these results?"),
    "after.import.accept": ("Enregistrer", "Save"),
    # --- Finalisation screen -----------------------------------------------------------
    "after.final.hint": (
        "Entrée : finaliser ou voir le bilan · S : étape suivante · D : remise des documents · O : rouvrir",
        "Enter: finalise or see the summary · S: next step · D: handover · O: reopen",
    ),
    "after.final.col.date": ("Date", "Date"),
    "after.final.col.room": ("Salle", "Room"),
    "after.final.col.number": ("N° Pix", "Pix no."),
    "after.final.col.status": ("Statut", "Status"),
    "after.final.col.since": ("Depuis", "Since"),
    "after.final.col.handover": ("Documents", "Documents"),
    "after.final.handover_cell": ("remis à {to}", "handed to {to}"),
    "after.final.none": (
        "Aucune session passée : rien à finaliser.",
        "No past session: nothing to finalise.",
    ),
    "after.final.no_history": ("Pas encore d'étape notée.", "No step recorded yet."),
    "after.final.next_wizard": (
        "À faire : finaliser la session (Entrée).",
        "To do: finalise the session (Enter).",
    ),
    "after.final.next_step": ("Étape suivante : {status} (S).", "Next step: {status} (S)."),
    "after.final.no_session": ("Choisissez d'abord une session.", "Choose a session first."),
    "after.final.at_end": (
        "Cette session est au bout du parcours : résultats transmis.",
        "This session is at the end of the pipeline: results published.",
    ),
    "after.final.advance_question": (
        "Noter que la session {number} passe à « {status} » maintenant ?",
        'Record that session {number} moves to "{status}" now?',
    ),
    "after.final.handover_title": (
        "Documents (PV, émargement, PV d'incident) remis à :",
        "Documents (minutes, attendance sheet, incident report) handed to:",
    ),
    "after.final.handover_hint": ("ex. Mme Martin, secrétariat", "e.g. Mrs Martin, office"),
    "after.final.reopen_question": (
        "Rouvrir la session {number} ? Sa finalisation pourra être corrigée, puis refaite.",
        "Reopen session {number}? Its finalisation can then be corrected and done again.",
    ),
    "after.final.reopen_confirm": ("Rouvrir", "Reopen"),
    "after.final.saved": ("Enregistré.", "Saved."),
    "after.final.binding.open": ("Ouvrir", "Open"),
    "after.final.binding.open.tip": (
        "Finaliser la session, ou voir son bilan si elle l'est",
        "Finalise the session, or see its summary if it is",
    ),
    "after.final.binding.advance": ("Étape suiv.", "Next step"),
    "after.final.binding.advance.tip": (
        "Noter « Résultats transmis par Pix », comme Pix Certif l'affiche",
        'Record "Results sent by Pix", as Pix Certif shows it',
    ),
    "after.final.binding.handover": ("Remise", "Handover"),
    "after.final.binding.handover.tip": (
        "Noter à qui les documents ont été remis",
        "Record to whom the documents were handed",
    ),
    "after.final.binding.reopen": ("Rouvrir", "Reopen"),
    "after.final.binding.reopen.tip": (
        "Rouvrir une session finalisée (organisateur)",
        "Reopen a finalised session (organiser)",
    ),
    # --- the wizard --------------------------------------------------------------------
    "after.wizard.title": ("Finalisation", "Finalisation"),
    "after.wizard.title_number": ("Finaliser la session {number}", "Finalise session {number}"),
    "after.wizard.head": (
        "Session du {date}, {room} : {count} {count:plural:candidat a|candidats ont} commencé le test.",
        "Session of {date}, {room}: {count} {count:plural:candidate|candidates} started the test.",
    ),
    "after.wizard.flags": (
        "Incident + temps accordé (I) : {incident} · Entrée impossible (J) : {joining}",
        "Incident + extra time (I): {incident} · Unable to join (J): {joining}",
    ),
    "after.wizard.incident_suggested": (
        "Case I suggérée : {reasons}.",
        "Box I suggested: {reasons}.",
    ),
    "after.wizard.comment_line": (
        "Commentaire global (G, {length}/500) : {comment}",
        "Global comment (G, {length}/500): {comment}",
    ),
    "after.wizard.col.name": ("Candidat", "Candidate"),
    "after.wizard.col.division": ("Classe", "Class"),
    "after.wizard.col.state": ("État du test", "Test state"),
    "after.wizard.col.abort_reason": ("Raison de l'abandon", "Abort reason"),
    "after.wizard.col.reports": ("Signalements", "Reports"),
    "after.wizard.ready": (
        "Tout est prêt : V pour valider la finalisation.",
        "Everything is ready: V to validate the finalisation.",
    ),
    "after.wizard.no_candidate": ("Choisissez d'abord un candidat.", "Choose a candidate first."),
    "after.wizard.no_reason": ("Aucune raison", "No reason"),
    "after.wizard.abort_title": ("Raison de l'abandon de {name}", "Abort reason for {name}"),
    "after.wizard.report_title": ("Signalement pour {name}", "Report for {name}"),
    "after.wizard.report_note": (
        "Catégories de la finalisation Pix Certif ; les E… viennent des signalements validés en direct.",
        "Pix Certif's finalisation categories; E codes come from alerts validated live.",
    ),
    "after.wizard.description_title": ("{code} : description", "{code}: description"),
    "after.wizard.description_hint": (
        "Ce que dit le PV d'incident (500 caractères au plus)",
        "What the incident report says (500 characters at most)",
    ),
    "after.wizard.description_needed": (
        "Le signalement {code} demande une description.",
        "Report {code} needs a description.",
    ),
    "after.wizard.too_long": (
        "Texte trop long : {length} caractères pour {limit} au plus.",
        "Text too long: {length} characters for {limit} at most.",
    ),
    "after.wizard.no_report": ("{name} n'a aucun signalement.", "{name} has no report."),
    "after.wizard.remove_title": ("Retirer un signalement de {name}", "Remove a report of {name}"),
    "after.wizard.comment_title": (
        "Commentaire global de la session ({limit} caractères au plus)",
        "Global comment of the session ({limit} characters at most)",
    ),
    "after.wizard.confirm_question": (
        "Finaliser la session ? Elle passera en lecture seule (un organisateur pourra la rouvrir).",
        "Finalise the session? It becomes read-only (an organiser can reopen it).",
    ),
    "after.wizard.confirm_label": ("Finaliser", "Finalise"),
    "after.wizard.done": ("Session finalisée.", "Session finalised."),
    "after.wizard.binding.abort": ("Abandon", "Abort"),
    "after.wizard.binding.abort.tip": (
        "Raison de l'abandon d'un test non terminé",
        "Abort reason of an unfinished test",
    ),
    "after.wizard.binding.report": ("Signaler", "Report"),
    "after.wizard.binding.report.tip": (
        "Ajouter un signalement du PV d'incident (C1, C2, C4, C6, C7, C8)",
        "Add a report from the incident form (C1, C2, C4, C6, C7, C8)",
    ),
    "after.wizard.binding.remove": ("Retirer", "Remove"),
    "after.wizard.binding.remove.tip": ("Retirer un signalement", "Remove a report"),
    "after.wizard.binding.incident": ("Incident", "Incident"),
    "after.wizard.binding.incident.tip": (
        "« Malgré un incident survenu pendant la session, les candidats ont pu terminer leur test de certification. Un temps supplémentaire a été accordé à un ou plusieurs candidats. »",
        '"Despite an incident during the session, the candidates could finish their test. Extra time was granted to one or more candidates."',
    ),
    "after.wizard.binding.joining": ("Connexion", "Joining"),
    "after.wizard.binding.joining.tip": (
        "« Un ou plusieurs candidats étaient présents en session de certification mais n'ont pas pu rejoindre la session. »",
        '"One or more candidates were present at the session but could not join it."',
    ),
    "after.wizard.binding.comment": ("Commentaire", "Comment"),
    "after.wizard.binding.comment.tip": ("Commentaire global de la session", "Global comment"),
    "after.wizard.binding.validate": ("Valider", "Validate"),
    "after.wizard.binding.validate.tip": (
        "Vérifier puis finaliser (avec confirmation)",
        "Check then finalise (with confirmation)",
    ),
    # --- summary -----------------------------------------------------------------------
    "after.summary.title": ("Bilan de finalisation", "Finalisation summary"),
    "after.summary.pipeline": ("Parcours de la session", "Session pipeline"),
    "after.summary.binding.export": ("Exporter", "Export"),
    "after.summary.binding.export.tip": (
        "Écrire le CSV de finalisation et le bilan en texte",
        "Write the CSV and the text summary",
    ),
    "after.summary.export_title": ("Dossier d'export", "Export folder"),
    "after.summary.export_empty": ("Indiquez un dossier.", "Give a folder."),
    "after.summary.exported": (
        "{count} {count:plural:fichier écrit|fichiers écrits} dans {folder}.",
        "{count} {count:plural:file|files} written to {folder}.",
    ),
    # --- results screens ---------------------------------------------------------------
    "after.results.none": (
        "Aucun résultat importé : I pour importer les fichiers de Pix Orga.",
        "No results imported: I to import Pix Orga's files.",
    ),
    "after.results.school": ("Établissement", "School"),
    "after.results.counts": (
        "{total} {total:plural:certification|certifications} : {validated} {validated:plural:validée|validées}, {rejected} {rejected:plural:non obtenue|non obtenues}, {cancelled} {cancelled:plural:annulée|annulées} · score moyen {mean}, médian {median} · {fewer} {fewer:plural:validée|validées} avec moins de 5 compétences (R3)",
        "{total} {total:plural:certification|certifications}: {validated} validated, {rejected} not obtained, {cancelled} cancelled · mean score {mean}, median {median} · {fewer} validated with fewer than 5 competences (R3)",
    ),
    "after.results.histogram": (
        "Répartition des scores (pix, certifications validées)",
        "Score distribution (pix, validated certifications)",
    ),
    "after.results.histogram_range": (
        "{title} : de {low} à {high} pix, tranches vides regroupées",
        "{title}: {low} to {high} pix, empty ranges grouped",
    ),
    "after.results.histogram_none": (
        "{title} : aucune certification validée",
        "{title}: no validated certification",
    ),
    "after.results.page_up": ("Page précédente", "Previous page"),
    "after.results.levels": ("Niveaux Pix", "Pix levels"),
    "after.results.competences": (
        "Niveau moyen par compétence (sur 8)",
        "Mean level per competence (out of 8)",
    ),
    "after.results.col.division": ("Classe", "Class"),
    "after.results.col.count": ("Certif.", "Certif."),
    "after.results.col.validated": ("Validées", "Validated"),
    "after.results.col.rate": ("Taux", "Rate"),
    "after.results.col.mean": ("Moyenne", "Mean"),
    "after.results.col.delta": ("Écart", "Gap"),
    "after.results.col.strongest": ("Point fort", "Strongest"),
    "after.results.col.weakest": ("Point faible", "Weakest"),
    "after.results.col.name": ("Élève", "Pupil"),
    "after.results.col.status": ("Statut", "Status"),
    "after.results.col.score": ("Score", "Score"),
    "after.results.col.level": ("Niveau", "Level"),
    "after.results.col.competences": ("Comp.", "Comp."),
    "after.results.col.note": ("Note", "Note"),
    "after.results.r3_short": ("< 5 compétences : normal (R3)", "< 5 competences: normal (R3)"),
    "after.results.title_class": (
        "Résultats de la classe {division}",
        "Results of class {division}",
    ),
    "after.results.title_session": (
        "Résultats · n° {number}",  # the number whole in the title bar at 80 columns
        "Results · no. {number}",
    ),
    "after.results.no_class": ("Aucune classe à ouvrir.", "No class to open."),
    "after.results.no_session": (
        "Aucune session avec un numéro Pix.",
        "No session with a Pix number.",
    ),
    "after.results.session_title": ("Résultats de quelle session ?", "Results of which session?"),
    "after.results.binding.import": ("Importer", "Import"),
    "after.results.binding.import.tip": (
        "Importer les fichiers de résultats de Pix Orga (plusieurs classes)",
        "Import Pix Orga's results files (several classes)",
    ),
    "after.results.binding.class": ("Classe", "Class"),
    "after.results.binding.class.tip": ("Voir les résultats de la classe", "See the class"),
    "after.results.binding.session": ("Par session", "By session"),
    "after.results.binding.session.tip": (
        "Voir les résultats d'une session",
        "See the results of one session",
    ),
}
