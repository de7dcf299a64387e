"""Catalogue entries for the results area: key -> (French, English).

After the session: finalisation rules and summary, status pipeline, retention and purge,
results import and statistics.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- finalisation.py: Pix's finalisation rules ----------------------------------------
    "results.final.already_finalised": (
        "Cette session est déjà finalisée : rouvrez-la avant de modifier sa finalisation.",
        "This session is already finalised: reopen it before changing its finalisation.",
    ),
    "results.final.no_started": (
        "Impossible de finaliser : aucun candidat n'a démarré sa certification dans cette session.",
        "Cannot finalise: no candidate started a certification in this session.",
    ),
    "results.final.abort_reason_missing": (
        "{name} n'a pas terminé son test : choisissez la raison de l'abandon (abandon du candidat ou problème technique).",
        "{name} did not finish the test: choose the abort reason (candidate gave up or technical problem).",
    ),
    "results.final.abort_reason_on_completed": (
        "{name} a terminé son test : une raison d'abandon n'est pas admise, retirez-la.",
        "{name} finished the test: an abort reason is not allowed, remove it.",
    ),
    "results.final.will_end": (
        "Le test de {name} est encore en cours : la finalisation le terminera (« terminé à la finalisation »).",
        '{name}\'s test is still in progress: the finalisation will end it ("ended by the finalisation").',
    ),
    "results.final.unknown_code": (
        "Le signalement {code} de {name} n'existe pas chez Pix.",
        "The issue report {code} of {name} does not exist in Pix.",
    ),
    "results.final.e_code_live_only": (
        "Le signalement {code} de {name} est un code E : il ne vient que d'un signalement en direct validé par le surveillant, pas de la finalisation.",
        "The issue report {code} of {name} is an E code: it only comes from a live alert validated by the invigilator, not from the finalisation.",
    ),
    "results.final.question_number": (
        "Le signalement {code} de {name} doit indiquer un numéro de question entre 1 et 500.",
        "The issue report {code} of {name} needs a question number between 1 and 500.",
    ),
    "results.final.code_not_offered": (
        "Le signalement {code} de {name} n'est plus proposé par Pix à la finalisation (catégories possibles : {codes}).",
        "The issue report {code} of {name} is no longer offered by Pix at finalisation (available categories: {codes}).",
    ),
    "results.final.description_required": (
        "Le signalement {code} de {name} doit être décrit.",
        "The issue report {code} of {name} needs a description.",
    ),
    "results.final.description_too_long": (
        "La description du signalement {code} de {name} fait {length} caractères : {limit} au plus.",
        "The description of issue report {code} of {name} is {length} characters long: {limit} at most.",
    ),
    "results.final.comment_too_long": (
        "Le commentaire global fait {length} caractères : {limit} au plus.",
        "The global comment is {length} characters long: {limit} at most.",
    ),
    "results.final.incident_suggested": (
        "Du temps supplémentaire semble avoir été accordé après un incident ({reasons}) : la case « Malgré un incident survenu pendant la session… » n'est pas cochée. Confirmez-vous ?",
        'Extra time seems to have been granted after an incident ({reasons}): the box "Despite an incident during the session…" is not ticked. Do you confirm?',
    ),
    "results.final.incident_reason": (
        "{name} a terminé {minutes} min après son heure de fin, après « {incident} »",
        '{name} finished {minutes} min after their end time, after "{incident}"',
    ),
    "results.final.incident_resume": ("une reprise du test", "a resumed test"),
    "results.final.wrong_session": (
        "Ce brouillon de finalisation appartient à une autre session.",
        "This finalisation draft belongs to another session.",
    ),
    "results.final.stale_draft": (
        "La salle a changé depuis la préparation de la finalisation (un candidat a démarré ou terminé) : rechargez-la.",
        "The room changed since the finalisation was prepared (a candidate started or finished): reload it.",
    ),
    "results.final.reopen_organiser_only": (
        "Seul un organisateur peut rouvrir une session finalisée.",
        "Only an organiser can reopen a finalised session.",
    ),
    "results.final.reopen_not_finalised": (
        "Seule une session finalisée peut être rouverte ; celle-ci est au statut « {status} ».",
        'Only a finalised session can be reopened; this one is "{status}".',
    ),
    "results.final.read_only": (
        "La session est au statut « {status} » : elle ne peut plus être modifiée.",
        'The session is "{status}": it can no longer be changed.',
    ),
    # --- finalisation.py: status pipeline -------------------------------------------------
    "results.status.same": (
        "La session est déjà au statut « {current} ».",
        'The session is already "{current}".',
    ),
    "results.status.backwards": (
        "Une session ne revient pas en arrière : elle ne peut pas passer de « {current} » à « {target} ».",
        'A session does not go backwards: it cannot go from "{current}" to "{target}".',
    ),
    "results.status.skip": (
        "Étape manquante : pour passer de « {current} » à « {target} », la session doit d'abord être au statut « {expected} ».",
        'Missing step: to go from "{current}" to "{target}", the session must first be "{expected}".',
    ),
    "results.status.use_finalisation": (
        "Une session se finalise par l'écran Finalisation, qui vérifie les règles de Pix.",
        "A session is finalised from the Finalisation screen, which checks Pix's rules.",
    ),
    "results.status.before_previous": (
        "La date du passage de « {current} » à « {target} » est antérieure à l'étape précédente.",
        'The date of the change from "{current}" to "{target}" is before the previous step.',
    ),
    # --- finalisation.py: summary to key into Pix Certif ---------------------------------
    "results.summary.title": (
        "Finalisation de la session {number} du {date} (salle {room}) — à reporter dans Pix Certif",
        "Finalisation of session {number} on {date} (room {room}) — to key into Pix Certif",
    ),
    "results.summary.section_uncompleted": (
        "Candidats n'ayant pas terminé leur test (raison de l'abandon obligatoire)",
        "Candidates who did not finish their test (abort reason required)",
    ),
    "results.summary.section_completed": (
        "Signalements des candidats ayant terminé leur test",
        "Issue reports of the candidates who finished their test",
    ),
    "results.summary.section_complementary": (
        "Informations complémentaires",
        "Complementary information",
    ),
    "results.summary.section_comment": ("Commentaire global", "Global comment"),
    "results.summary.section_in_pix": (
        "Déjà dans Pix, rien à saisir (signalements en direct validés par le surveillant)",
        "Already in Pix, nothing to type (live alerts validated by the invigilator)",
    ),
    "results.summary.section_counts": ("Récapitulatif", "Recap"),
    "results.summary.abort_reason": (
        "Raison de l'abandon : « {reason} »",
        'Abort reason: "{reason}"',
    ),
    "results.summary.no_reason": ("à choisir", "to be chosen"),
    "results.summary.question": ("(question {number})", "(question {number})"),
    "results.summary.live": ("(signalement en direct validé)", "(validated live alert)"),
    # Pix Certif's own sentences (certif finalisation, complementary-information step)
    "results.summary.has_incident": (
        "Malgré un incident survenu pendant la session, les candidats ont pu terminer leur test de certification. Un temps supplémentaire a été accordé à un ou plusieurs candidats.",
        "Despite an incident during the session, the candidates could finish their certification test. Extra time was granted to one or more candidates.",
    ),
    "results.summary.has_joining_issue": (
        "Un ou plusieurs candidats étaient présents en session de certification mais n'ont pas pu rejoindre la session.",
        "One or more candidates were present at the certification session but could not join it.",
    ),
    "results.summary.yes": ("Oui", "Yes"),
    "results.summary.no": ("Non", "No"),
    "results.summary.comment": ("Commentaire global", "Global comment"),
    "results.summary.empty": ("(aucun)", "(none)"),
    "results.summary.counts_to_type": ("À saisir dans Pix Certif", "To type into Pix Certif"),
    "results.summary.counts_in_pix": (
        "Déjà dans Pix, rien à saisir",
        "Already in Pix, nothing to type",
    ),
    "results.summary.count_total": ("{detail} ({total} en tout)", "{detail} ({total} in all)"),
    "results.summary.no_report": ("aucun signalement", "no issue report"),
    "results.summary.keep_documents": (
        "Conservez la feuille d'émargement et le PV d'incident signés avec les documents de la session.",
        "Keep the signed attendance sheet and PV d'incident with the session's documents.",
    ),
    # --- retention.py ---------------------------------------------------------------------
    "results.retention.anonymous": ("Anonyme", "Anonymous"),
    "results.retention.nothing": (
        "Aucune donnée personnelle à effacer au {today} : aucune session n'a dépassé sa durée de conservation.",
        "No personal data to erase on {today}: no session is past its retention period.",
    ),
    "results.retention.summary": (
        "La purge anonymisera {sessions} {sessions:plural:session|sessions}, {candidates} {candidates:plural:candidat|candidats}, {pupils} {pupils:plural:élève parti|élèves partis} et {results} {results:plural:résultat|résultats} ; les effectifs, états, codes et scores sont conservés.",
        "The purge will anonymise {sessions} {sessions:plural:session|sessions}, {candidates} {candidates:plural:candidate|candidates}, {pupils} {pupils:plural:pupil|pupils} who left and {results} {results:plural:result|results}; counts, states, codes and scores are kept.",
    ),
    "results.retention.section_sessions": (
        "Sessions (observations et commentaires effacés) :",
        "Sessions (observations and comments erased):",
    ),
    "results.retention.section_candidates": (
        "Candidats (nom, prénom, date de naissance, aménagements et notes effacés) :",
        "Candidates (last name, first name, birthdate, accommodations and notes erased):",
    ),
    "results.retention.section_pupils": (
        "Élèves partis (identité et identifiants effacés) :",
        "Pupils who left (identity and login details erased):",
    ),
    "results.retention.section_results": (
        "Résultats de certification (identité effacée, scores conservés) :",
        "Certification results (identity erased, scores kept):",
    ),
    "results.retention.session_label": (
        "Session {number} du {date}, salle {room}",
        "Session {number} on {date}, room {room}",
    ),
    "results.retention.done": (
        "Purge effectuée : {sessions} {sessions:plural:session|sessions}, {candidates} {candidates:plural:candidat|candidats}, {pupils} {pupils:plural:élève|élèves} et {results} {results:plural:résultat|résultats} anonymisés.",
        "Purge done: {sessions} {sessions:plural:session|sessions}, {candidates} {candidates:plural:candidate|candidates}, {pupils} {pupils:plural:pupil|pupils} and {results} {results:plural:result|results} anonymised.",
    ),
    # --- results.py: levels, statistics, R3 -----------------------------------------------
    # Pix's displayed level names (1024pix/pix PRs #11556, #11885); none below 64 pix
    "results.level.none": ("Sans niveau", "No level"),
    "results.level.beginner_1": ("Novice 1", "Novice 1"),
    "results.level.beginner_2": ("Novice 2", "Novice 2"),
    "results.level.independent_3": ("Indépendant 1", "Independent 1"),
    "results.level.independent_4": ("Indépendant 2", "Independent 2"),
    "results.level.advanced_5": ("Avancé 1", "Advanced 1"),
    "results.level.advanced_6": ("Avancé 2", "Advanced 2"),
    "results.level.expert_7": ("Expert 1", "Expert 1"),
    "results.level.expert_8": ("Expert 2", "Expert 2"),
    "results.stats.unknown_class": ("Classe inconnue", "Unknown class"),
    "results.stats.unknown_session": ("Session inconnue", "Unknown session"),
    "results.r3.explanation": (
        "Certifié avec {count} {count:plural:compétence|compétences} sur 16 au niveau 1 ou plus : c'est normal. Le score et le niveau sont calculés sur les 16 compétences ; le seuil de {threshold} compétences sert seulement à être certifiable, c'est-à-dire à pouvoir passer la certification.",
        "Certified with {count} of 16 competences at level 1 or more: this is normal. The score and level are computed on all 16 competences; the {threshold}-competence threshold only decides certifiability, that is being allowed to sit the certification.",
    ),
    "results.r3.general": (
        "Un élève peut être certifié avec moins de {threshold} compétences : le niveau est calculé sur les 16 compétences, et la certificabilité ({threshold} compétences au niveau 1 ou plus avant la session) est un seuil distinct, pour pouvoir passer la certification.",
        "A pupil can be certified with fewer than {threshold} competences: the level is computed on all 16 competences, and certifiability ({threshold} competences at level 1 or more before the session) is a separate threshold, for being allowed to sit the certification.",
    ),
    # --- imports/results.py ---------------------------------------------------------------
    "results.import.refused_line": ("Ligne {line} : {reason}", "Line {line}: {reason}"),
    "results.import.cannot_read": (
        "Le fichier {name} ne peut pas être lu ({reason}).",
        "The file {name} cannot be read ({reason}).",
    ),
    "results.import.unreadable": (
        "Le fichier {name} n'est pas un fichier de résultats lisible : {reason}",
        "The file {name} is not a readable results file: {reason}",
    ),
    "results.import.missing_columns": (
        "Le fichier {name} n'est pas un export des résultats de certification de Pix Orga : colonnes manquantes {columns}.",
        "The file {name} is not a Pix Orga certification results export: missing columns {columns}.",
    ),
    "results.import.no_rows": (
        "Le fichier {name} ne contient aucun résultat.",
        "The file {name} holds no result.",
    ),
    "results.import.no_division": (
        "La classe des résultats de {name} est inconnue : indiquez-la, ou gardez le nom de fichier de Pix Orga (AAAAMMJJ_resultats_<classe>.csv).",
        "The class of the results in {name} is unknown: give it, or keep Pix Orga's file name (YYYYMMDD_resultats_<class>.csv).",
    ),
    "results.import.superseded": (
        "{count} {count:plural:certification plus ancienne des mêmes élèves ignorée|certifications plus anciennes des mêmes élèves ignorées} : seule la plus récente est gardée.",
        "{count} older {count:plural:certification|certifications} of the same pupils ignored: only the latest is kept.",
    ),
    "results.import.name_missing": (
        "Le nom ou le prénom manque.",
        "The last or first name is missing.",
    ),
    "results.import.birthdate_missing": (
        "La date de naissance manque.",
        "The birthdate is missing.",
    ),
    "results.import.bad_status": (
        "Statut « {value} » inconnu (attendu : Validée, Non obtenue, Rejetée, Annulée…).",
        'Unknown status "{value}" (expected: Validée, Non obtenue, Rejetée, Annulée…).',
    ),
    "results.import.bad_score": (
        "Score « {value} » illisible (attendu un nombre de pix de 0 à 1023, « 266 Pix », « Novice 1 (100 Pix) » ou « - »).",
        'Unreadable score "{value}" (expected a number of pix from 0 to 1023, "266 Pix", "Novice 1 (100 Pix)" or "-").',
    ),
    # the three files Pix wrote (reference §5.5): named in the import report
    "results.import.variant.nombre_de_pix": (
        "ancien fichier de résultats (« Nombre de Pix »)",
        "older results file (« Nombre de Pix »)",
    ),
    "results.import.variant.resultat": (
        "fichier de résultats de mars 2026 (« Résultat »)",
        "March 2026 results file (« Résultat »)",
    ),
    "results.import.variant.niveau_score": (
        "fichier de résultats depuis le 20/04/2026 (« Niveau », « Score en Pix »)",
        "results file since 2026-04-20 (« Niveau », « Score en Pix »)",
    ),
    "results.import.bad_level": (
        "Niveau « {value} » invalide pour la compétence {code} (un entier de 0 à 8, ou « - »).",
        'Invalid level "{value}" for competence {code} (a whole number from 0 to 8, or "-").',
    ),
    "results.import.bad_taken_on": (
        "Date de passage « {value} » invalide (attendu JJ/MM/AAAA).",
        'Invalid sitting date "{value}" (expected DD/MM/YYYY).',
    ),
    "results.import.unmatched": (
        "Ligne {line} : aucun élève ne correspond à {name}, né(e) le {birthdate}.",
        "Line {line}: no pupil matches {name}, born on {birthdate}.",
    ),
    "results.import.ambiguous": (
        "Ligne {line} : {count} {count:plural:élève correspond|élèves correspondent} à {name} ; rattachez le résultat à la main.",
        "Line {line}: {count} {count:plural:pupil matches|pupils match} {name}; attach the result by hand.",
    ),
}
