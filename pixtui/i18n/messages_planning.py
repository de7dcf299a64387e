"""Catalogue entries for the campaign planner (issue 16): key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "planning.morning": ("matin", "morning"),
    "planning.afternoon": ("après-midi", "afternoon"),
    "planning.session.description": ("Planifiée par pixtui", "Planned by pixtui"),
    "planning.session.reserve": (
        "Session de réserve pour les absents, planifiée par pixtui : inscrivez-y les élèves absents à leur session.",
        "Reserve session for absentees, planned by pixtui: enrol the pupils who missed their session.",
    ),
    "planning.reserve.label": ("réserve (absents)", "reserve (absentees)"),
    "journal.action.planning.apply": ("Plan de campagne appliqué", "Campaign plan applied"),
    "journal.action.planning.inputs": (
        "Salles, créneaux et surveillants du plan saisis",
        "Plan's rooms, slots and invigilators typed",
    ),
    # --- Hard rules (a plan that breaks one cannot be applied) ---
    "planning.rule.unknown_room": (
        "La salle « {room} » n'est pas dans la liste des salles.",
        'Room "{room}" is not in the list of rooms.',
    ),
    "planning.rule.window": (
        "La session du {where} est hors de la période de certification ({start} – {end}).",
        "The session of {where} is outside the certification window ({start} – {end}).",
    ),
    "planning.rule.reserve_pupils": (
        "La session de réserve du {where} doit rester sans candidat : elle est gardée pour les absents.",
        "The reserve session of {where} must stay without candidates: it is kept for absentees.",
    ),
    "planning.rule.empty": (
        "La session du {where} n'a aucun candidat : retirez-la, ou gardez-la comme session de réserve.",
        "The session of {where} has no candidates: remove it, or keep it as the reserve session.",
    ),
    "planning.rule.capacity": (
        "La session du {where} a {count} {count:plural:candidat|candidats} pour {capacity} {capacity:plural:poste|postes}.",
        "The session of {where} has {count} {count:plural:candidate|candidates} for {capacity} {capacity:plural:workstation|workstations}.",
    ),
    "planning.rule.invigilators": (
        "La session du {where} a {count} {count:plural:candidat|candidats} : il faut {needed} {needed:plural:surveillant|surveillants}, elle en a {found}.",
        "The session of {where} has {count} {count:plural:candidate|candidates}: it needs {needed} {needed:plural:invigilator|invigilators}, it has {found}.",
    ),
    "planning.rule.room_until": (
        "La session du {where} finit à {end} (temps majoré compris) mais la salle n'est libre que jusqu'à {until}.",
        "The session of {where} ends at {end} (extra time included) but the room is free only until {until}.",
    ),
    "planning.rule.unknown_invigilator": (
        "« {name} » n'est pas dans la liste des surveillants.",
        '"{name}" is not in the list of invigilators.',
    ),
    "planning.rule.invigilator_busy": (
        "{name} n'est pas disponible pour la session du {where} (jusqu'à {end}).",
        "{name} is not available for the session of {where} (until {end}).",
    ),
    "planning.rule.extra_time_staff": (
        "La session du {where} garde {count} {count:plural:candidat|candidats} à temps majoré jusqu'à {end} : il faut {needed} {needed:plural:surveillant libre|surveillants libres} jusque-là, elle en a {found}.",
        "The session of {where} keeps {count} extra-time {count:plural:candidate|candidates} until {end}: it needs {needed} {needed:plural:invigilator|invigilators} free until then, it has {found}.",
    ),
    "planning.rule.unknown_pupil": (
        "La session du {where} contient un élève qui n'est pas à certifier.",
        "The session of {where} holds a pupil who is not to be certified.",
    ),
    "planning.rule.twice": (
        "{name} est dans deux sessions : {first} et {second}.",
        "{name} is in two sessions: {first} and {second}.",
    ),
    "planning.rule.spacing": (
        "{name} ne peut pas passer le {where} : dernière certification le {last}, il faut {days} jours d'écart.",
        "{name} cannot sit on {where}: last certification on {last}, {days} days are needed in between.",
    ),
    "planning.rule.room_twice": (
        "La salle {room} a deux sessions en même temps ({where}).",
        "Room {room} has two sessions at the same time ({where}).",
    ),
    "planning.rule.invigilator_twice": (
        "{name} surveille deux sessions en même temps : {first} et {second}.",
        "{name} invigilates two sessions at the same time: {first} and {second}.",
    ),
    "planning.rule.max_sessions": (
        "{name} surveille {count} {count:plural:session|sessions} mais n'en accepte que {most}.",
        "{name} invigilates {count} {count:plural:session|sessions} but accepts only {most}.",
    ),
    "planning.rule.unplaced": (
        "{count} {count:plural:élève|élèves} sans session : {names}.",
        "{count} {count:plural:pupil|pupils} without a session: {names}.",
    ),
    # --- Why there is no plan ---
    "planning.why.no_pupils": (
        "Aucun élève à certifier : importez la liste des élèves ou vérifiez les classes demandées.",
        "No pupil to certify: import the pupil list or check the classes asked for.",
    ),
    "planning.why.no_invigilators": (
        "Aucun surveillant : importez la liste des surveillants (Nom;Disponibilités;Sessions max).",
        "No invigilator: import the list of invigilators (Nom;Disponibilités;Sessions max).",
    ),
    "planning.why.no_slot": (
        "Aucun créneau utilisable dans la période de certification : ajoutez des créneaux de salle d'au moins 2 h entre les dates de la campagne.",
        "No usable slot inside the certification window: add room slots of at least 2 h between the campaign dates.",
    ),
    "planning.why.no_window": (
        "Aucune période de certification n'est définie pour l'année {year} : définissez-la dans Accueil (touche C) ou donnez --du et --au.",
        "No certification window is set for the year {year}: set it on Home (key C) or give --from and --to.",
    ),
    "planning.why.seats": (
        "Tous les créneaux réunis n'offrent que {seats} {seats:plural:place|places} pour {pupils} {pupils:plural:élève|élèves} : il manque au moins {missing} {missing:plural:place|places} (ajoutez des créneaux ou des postes).",
        "All slots together offer only {seats} {seats:plural:seat|seats} for {pupils} {pupils:plural:pupil|pupils}: at least {missing} {missing:plural:seat is|seats are} missing (add slots or workstations).",
    ),
    "planning.why.spacing": (
        "{name} ({division}) a passé la certification le {last} : pas avant le {first}, or la campagne finit le {end}. Ajoutez un créneau après le {first} ou retirez cet élève.",
        "{name} ({division}) sat the certification on {last}: not before {first}, but the campaign ends on {end}. Add a slot after {first} or leave this pupil out.",
    ),
    "planning.why.room_extra_time": (
        "{name} ({division}, temps majoré {extra}) a besoin de {minutes} min : aucune salle n'est libre aussi longtemps. Allongez un créneau de salle.",
        "{name} ({division}, extra time {extra}) needs {minutes} min: no room is free that long. Lengthen a room slot.",
    ),
    "planning.why.invigilator_extra_time": (
        "{name} ({division}, temps majoré {extra}) a besoin de {minutes} min : aucun surveillant n'est disponible aussi longtemps. Ajoutez une disponibilité plus longue.",
        "{name} ({division}, extra time {extra}) needs {minutes} min: no invigilator is available that long. Add a longer availability.",
    ),
    "planning.why.class_too_big": (
        "La plus grande salle ({room}) n'a que {capacity} {capacity:plural:poste|postes} pour la {division} ({count} {count:plural:élève|élèves}) : la classe sera partagée.",
        "The biggest room ({room}) has only {capacity} {capacity:plural:workstation|workstations} for {division} ({count} {count:plural:pupil|pupils}): the class will be split.",
    ),
    "planning.why.invigilators": (
        "Il manque {count} {count:plural:surveillant|surveillants} le {day} {half} (salle {room}, {start}) : ajoutez des disponibilités ou relevez le nombre de sessions acceptées.",
        "{count} {count:plural:invigilator|invigilators} missing on {day} {half} (room {room}, {start}): add availabilities or raise the number of sessions accepted.",
    ),
    "planning.why.unplaced": (
        "{count} {count:plural:élève|élèves} de {division} {count:plural:ne trouve|ne trouvent} pas de place : ajoutez des créneaux ou des postes.",
        "{count} {count:plural:pupil|pupils} of {division} {count:plural:finds|find} no seat: add slots or workstations.",
    ),
    "planning.why.unplaced_extra": (
        "{count} {count:plural:élève|élèves} de {division} (temps majoré {extra}) {count:plural:ne trouve|ne trouvent} pas de place : ajoutez des créneaux plus longs.",
        "{count} {count:plural:pupil|pupils} of {division} (extra time {extra}) {count:plural:finds|find} no seat: add longer slots.",
    ),
    "planning.why.locks": (
        "Les verrous suivants ne peuvent pas tenir ensemble ; déverrouillez l'un d'eux :",
        "The following locks cannot hold together; unlock one of them:",
    ),
    "planning.why.timeout": (
        "Aucun plan trouvé en {seconds} s : relancez avec plus de temps (--time) ou moins d'élèves à la fois.",
        "No plan found in {seconds} s: run again with more time (--time) or fewer pupils at once.",
    ),
    "planning.why.unknown": (
        "Aucun plan ne respecte toutes les règles, sans cause isolée : vérifiez les verrous.",
        "No plan keeps every rule, with no single cause: check the locks.",
    ),
    "planning.lock.session": (
        "session verrouillée du {where}",
        "locked session of {where}",
    ),
    "planning.lock.invigilator": (
        "{name} placé(e) dans la session du {where}",
        "{name} put in the session of {where}",
    ),
    # --- Imports ---
    "imports.kind.planning_rooms": ("liste des salles", "list of rooms"),
    "imports.kind.planning_slots": ("liste des créneaux", "list of slots"),
    "imports.kind.planning_extra_time": ("liste des temps majorés", "list of extra times"),
    "planning.import.pupil_unknown": (
        "Aucun élève « {name} » en {division} dans le fichier de données (vérifiez l'orthographe et la classe).",
        'No pupil "{name}" in {division} in the store (check the spelling and the class).',
    ),
    "planning.import.pupil_ambiguous": (
        "Plusieurs élèves « {name} » : précisez la classe.",
        'Several pupils "{name}": give the class.',
    ),
    "planning.cli.extra_time": (
        "CSV des temps majorés (Nom;Prénom;Classe;Temps majoré), pour les élèves pas encore inscrits",
        "extra times CSV (Nom;Prénom;Classe;Temps majoré), for pupils not enrolled yet",
    ),
    "imports.kind.planning_invigilators": ("liste des surveillants", "list of invigilators"),
    "planning.import.time": (
        "Heure illisible : « {value} » (attendu HH:MM, par exemple 08:30).",
        'Unreadable time: "{value}" (expected HH:MM, e.g. 08:30).',
    ),
    "planning.import.no_room": ("Salle manquante.", "Room missing."),
    "planning.import.twice": (
        "« {name} » est déjà dans le fichier plus haut.",
        '"{name}" is already in the file above.',
    ),
    "planning.import.workstations": (
        "Nombre de postes impossible : {pcs} postes dont {spare} en réserve.",
        "Impossible number of workstations: {pcs} workstations, {spare} of them spare.",
    ),
    "planning.import.unknown_room": (
        "La salle « {room} » n'est pas dans la liste des salles.",
        'Room "{room}" is not in the list of rooms.',
    ),
    "planning.import.day": (
        "Jour illisible : « {value} » (attendu JJ/MM/AAAA ou un jour de la semaine, par exemple mardi).",
        'Unreadable day: "{value}" (expected DD/MM/YYYY or a weekday, e.g. mardi).',
    ),
    "planning.import.end_before": (
        "La fin ({end}) n'est pas après le début ({start}).",
        "The end ({end}) is not after the start ({start}).",
    ),
    "planning.import.max": (
        "Nombre de sessions maximum impossible : {value}.",
        "Impossible maximum number of sessions: {value}.",
    ),
    "planning.import.availability": (
        "Disponibilité illisible : « {value} » (par exemple : lundi matin, 12/03/2027, jeudi 08:00-12:00).",
        'Unreadable availability: "{value}" (e.g. lundi matin, 12/03/2027, jeudi 08:00-12:00).',
    ),
    # --- Files ---
    "planning.col.order": ("Ordre", "Order"),
    "planning.col.date": ("Date", "Date"),
    "planning.col.start": ("Début", "Start"),
    "planning.col.end": ("Fin (temps majoré compris)", "End (extra time included)"),
    "planning.col.room": ("Salle", "Room"),
    "planning.col.site": ("Site", "Site"),
    "planning.col.candidates": ("Candidats", "Candidates"),
    "planning.col.extra_time": ("Dont temps majoré", "With extra time"),
    "planning.col.classes": ("Classes", "Classes"),
    "planning.col.invigilators": ("Surveillants", "Invigilators"),
    "planning.col.division": ("Classe", "Class"),
    "planning.col.name": ("Élève", "Pupil"),
    "planning.pdf.title": (
        "Calendrier de la campagne de certification Pix",
        "Pix certification campaign calendar",
    ),
    "planning.pdf.summary": (
        "{school} — {sessions} {sessions:plural:session|sessions}, {pupils} {pupils:plural:candidat|candidats}. Créez les sessions dans Pix Certif dans cet ordre, puis recopiez leur numéro, code d'accès et mot de passe dans pixtui.",
        "{school} — {sessions} {sessions:plural:session|sessions}, {pupils} {pupils:plural:candidate|candidates}. Create the sessions in Pix Certif in this order, then copy their number, access code and password into pixtui.",
    ),
    "planning.pdf.session": (
        "{order}. {start} – {end}  {room} ({site}) : {count} {count:plural:candidat|candidats}",
        "{order}. {start} – {end}  {room} ({site}): {count} {count:plural:candidate|candidates}",
    ),
    "planning.pdf.detail": (
        "Classes : {classes}. Surveillants : {invigilators}.",
        "Classes: {classes}. Invigilators: {invigilators}.",
    ),
    "planning.pdf.extra": ("{count} avec temps majoré.", "{count} with extra time."),
    "planning.pdf.locked": ("(verrouillée)", "(locked)"),
    "planning.staying": (
        "Jusqu'à {end} pour les temps majorés : {names}.",
        "Until {end} for extra time: {names}.",
    ),
    # --- Command line ---
    "planning.cli.help": (
        "planifier toute la campagne (salles, créneaux, surveillants, élèves)",
        "plan the whole campaign (rooms, slots, invigilators, pupils)",
    ),
    "planning.cli.description": (
        "Planifie toutes les sessions de la campagne avec un solveur (OR-Tools CP-SAT), affiche le plan ou pourquoi il n'y en a pas, l'exporte et l'applique (sauf --dry-run).",
        "Plans every session of the campaign with a solver (OR-Tools CP-SAT), prints the plan or why there is none, exports it and applies it (unless --dry-run).",
    ),
    "planning.cli.rooms": (
        "CSV des salles (Salle;Site;Postes;Réserve)",
        "rooms CSV (Salle;Site;Postes;Réserve)",
    ),
    "planning.cli.slots": (
        "CSV des créneaux (Salle;Date;Début;Fin;Fermé)",
        "slots CSV (Salle;Date;Début;Fin;Fermé)",
    ),
    "planning.cli.invigilators": (
        "CSV des surveillants (Nom;Disponibilités;Sessions max)",
        "invigilators CSV (Nom;Disponibilités;Sessions max)",
    ),
    "planning.cli.classes": (
        "classes à planifier, séparées par des virgules (par défaut : toutes)",
        "classes to plan, comma-separated (default: all)",
    ),
    "planning.cli.dry_run": (
        "afficher et exporter le plan sans rien écrire dans la base",
        "print and export the plan without writing to the store",
    ),
    "planning.cli.out": (
        "dossier où écrire le plan en CSV et le calendrier PDF",
        "folder to write the plan as CSV and the PDF calendar to",
    ),
    "planning.cli.metavar_dir": ("DOSSIER", "FOLDER"),
    "planning.cli.metavar_weights": ("NOM=POIDS,…", "NAME=WEIGHT,…"),
    "planning.cli.metavar_seconds": ("SECONDES", "SECONDS"),
    "planning.cli.time": (
        "temps de calcul maximum en secondes (10 par défaut)",
        "most solving time in seconds (default 10)",
    ),
    "planning.cli.from": (
        "début de la période (par défaut : celle de l'année scolaire)",
        "window start (default: the school year's)",
    ),
    "planning.cli.to": ("fin de la période", "window end"),
    "planning.cli.unreadable": (
        "Impossible de lire le fichier {path}.",
        "Cannot read the file {path}.",
    ),
    "planning.cli.bad_date": (
        "Date illisible : « {value} » (attendu JJ/MM/AAAA).",
        'Unreadable date: "{value}" (expected DD/MM/YYYY).',
    ),
    "planning.cli.refused_line": ("  ligne {line} : {reason}", "  line {line}: {reason}"),
    "planning.cli.refused": (
        "{count} {count:plural:ligne refusée|lignes refusées} : corrigez les fichiers ou relancez avec --accept-valid pour planifier avec les lignes valides seulement. Rien n'a été écrit.",
        "{count} {count:plural:line|lines} refused: fix the files or run again with --accept-valid to plan with the valid lines only. Nothing was written.",
    ),
    "planning.cli.already": (
        "{count} {count:plural:élève|élèves} ({classes}) déjà {count:plural:inscrit|inscrits} le {date} en {room} : {count:plural:laissé|laissés} hors du plan.",
        "{count} {count:plural:pupil|pupils} ({classes}) already enrolled on {date} in {room}: left out of the plan.",
    ),
    "planning.cli.no_plan": ("Aucun plan : rien n'a été écrit.", "No plan: nothing was written."),
    "planning.cli.written": ("Écrit : {path}", "Written: {path}"),
    "planning.cli.dry_run_done": (
        "Essai à blanc : rien n'a été écrit dans la base.",
        "Dry run: nothing was written to the store.",
    ),
    "planning.text.status": (
        "Plan calculé par {solver} ({status}) en {seconds} s, écart à l'optimum prouvé : {gap} %.",
        "Plan computed by {solver} ({status}) in {seconds} s, gap to the proven optimum: {gap} %.",
    ),
    "planning.text.score": (
        "{sessions} {sessions:plural:session|sessions}, {hours} h de surveillance, {split} {split:plural:classe partagée|classes partagées}, au plus {most} {most:plural:session|sessions} par surveillant.",
        "{sessions} {sessions:plural:session|sessions}, {hours} invigilation hours, {split} {split:plural:class split|class splits}, at most {most} {most:plural:session|sessions} per invigilator.",
    ),
    "planning.solver.fallback": (
        "le premier placement (CP-SAT n'a rien trouvé de mieux en {seconds} s)",
        "first fit (CP-SAT found nothing better in {seconds} s)",
    ),
    "planning.weight.classes": ("classes ensemble", "classes together"),
    "planning.weight.sessions": ("peu de sessions", "few sessions"),
    "planning.weight.hours": ("peu d'heures de surveillance", "few invigilation hours"),
    "planning.weight.early": ("dates tôt", "early dates"),
    "planning.weight.spread": ("charge répartie", "load spread"),
    "planning.weight.reserve": ("réserve en fin de période", "reserve at the end"),
    "planning.weight.stay": ("ne pas bouger l'appliqué", "keep what is applied"),
    "planning.weights": ("Poids : {weights}.", "Weights: {weights}."),
    "planning.weights.bad": (
        "Poids illisible : « {part} » (attendu nom=nombre de 0 à {most}, noms : {names}).",
        'Unreadable weight: "{part}" (expected name=number from 0 to {most}, names: {names}).',
    ),
    "planning.cli.weights": (
        "poids des préférences, par exemple classes=50,heures=0 (noms : classes, sessions, heures, dates, repartition, reserve, stabilite)",
        "weights of the preferences, e.g. classes=50,heures=0 (names: classes, sessions, heures, dates, repartition, reserve, stabilite)",
    ),
    "planner.binding.weights": ("Poids", "Weights"),
    "planner.binding.weights.tip": (
        "Changer le poids d'une préférence, puis recalculer",
        "Change the weight of a preference, then compute again",
    ),
    "planner.weights.key": ("(W : changer un poids)", "(W: change a weight)"),
    "planner.weights.choose": ("Quel poids changer ?", "Which weight to change?"),
    "planner.weights.value": (
        "Nouveau poids pour « {name} » (0 à {most}, 0 = ignoré) :",
        'New weight for "{name}" (0 to {most}, 0 = ignored):',
    ),
    "planner.weights.bad": ("Un nombre entier de 0 à {most}.", "A whole number from 0 to {most}."),
    "planning.status.optimal": ("optimal", "optimal"),
    "planning.status.feasible": ("limite de temps atteinte", "time limit reached"),
    "planning.status.greedy": ("premier placement", "first fit"),
    "planning.status.applied": ("appliqué", "applied"),
    "planning.status.edited": ("modifié à la main", "edited by hand"),
    # --- Applying ---
    "planning.apply.summary": (
        "Sessions : {created} {created:plural:créée|créées}, {updated} {updated:plural:modifiée|modifiées}, {deleted} {deleted:plural:supprimée|supprimées} ; élèves : {enrolled} {enrolled:plural:inscrit|inscrits}, {removed} {removed:plural:retiré|retirés}.",
        "Sessions: {created} created, {updated} changed, {deleted} deleted; pupils: {enrolled} enrolled, {removed} removed.",
    ),
    "planning.apply.taken": (
        "Une session existe déjà au {where} sans venir du plan : changez le créneau ou supprimez-la d'abord.",
        "A session already exists at {where} that does not come from the plan: change the slot or delete it first.",
    ),
    "planning.apply.created_in_pix": (
        "La session n° {number} est déjà créée dans Pix Certif : supprimez-la dans Pix Certif puis ici avant de la retirer du plan.",
        "Session no. {number} is already created in Pix Certif: delete it in Pix Certif and here before dropping it from the plan.",
    ),
    # --- The screen ---
    "planner.title": ("Planifier la campagne", "Plan the campaign"),
    "sessions.binding.plan": ("Planifier", "Plan"),
    "sessions.binding.plan.tip": (
        "Planifier toute la campagne : salles, créneaux, surveillants et élèves",
        "Plan the whole campaign: rooms, slots, invigilators and pupils",
    ),
    "planner.binding.import": ("Fichiers", "Files"),
    "planner.binding.import.tip": (
        "Lire salles.csv, creneaux.csv et surveillants.csv d'un dossier",
        "Read salles.csv, creneaux.csv and surveillants.csv from a folder",
    ),
    "planner.binding.solve": ("Calculer", "Solve"),
    "planner.binding.solve.tip": (
        "Calculer le plan autour de ce qui est verrouillé ou déplacé à la main",
        "Compute the plan around what is locked or moved by hand",
    ),
    "planner.binding.lock": ("Verrou", "Lock"),
    "planner.binding.lock.tip": (
        "Garder la session choisie telle quelle au prochain calcul",
        "Keep the chosen session as it is at the next computation",
    ),
    "planner.binding.unlock": ("Déverrouiller", "Unlock"),
    "planner.binding.unlock.tip": (
        "Laisser le prochain calcul changer la session choisie",
        "Let the next computation change the chosen session",
    ),
    "planner.binding.pupil": ("Élève", "Pupil"),
    "planner.binding.pupil.tip": (
        "Déplacer un élève de la session choisie vers une autre",
        "Move a pupil of the chosen session to another one",
    ),
    "planner.binding.invigilator": ("Surv.", "Invig."),
    "planner.binding.invigilator.tip": (
        "Remplacer un surveillant de la session choisie",
        "Replace an invigilator of the chosen session",
    ),
    "planner.binding.apply": ("Appliquer", "Apply"),
    "planner.binding.apply.tip": (
        "Créer les sessions et inscrire les élèves (ne change que ce qui a changé)",
        "Create the sessions and enrol the pupils (changes only what changed)",
    ),
    "planner.binding.export": ("Exporter", "Export"),
    "planner.binding.export.tip": (
        "Écrire le plan en CSV et le calendrier en PDF dans un dossier",
        "Write the plan as CSV and the calendar as PDF to a folder",
    ),
    "planner.col.date": ("Date", "Date"),
    "planner.col.start": ("Début", "Start"),
    "planner.col.end": ("Fin", "End"),
    "planner.col.room": ("Salle", "Room"),
    "planner.col.seats": ("Cand.", "Cand."),
    "planner.col.extra": ("TM", "ET"),
    "planner.col.invigilators": ("Surveillants", "Invigilators"),
    "planner.col.classes": ("Classes", "Classes"),
    "planner.empty": (
        "Aucun plan. Touche T : saisir les salles, les créneaux et les surveillants ; touche I : le dossier qui contient {files}.",
        "No plan. Key T: type the rooms, the slots and the invigilators; key I: the folder holding {files}.",
    ),
    "planner.solving": (
        "Calcul du plan en cours (10 s au plus)…",
        "Computing the plan (10 s at most)…",
    ),
    "planner.status": (
        "{pupils} {pupils:plural:élève|élèves}, {sessions} {sessions:plural:session|sessions}, {hours} h de surveillance, {split} {split:plural:classe partagée|classes partagées} ; {state}, écart {gap} %.",
        "{pupils} {pupils:plural:pupil|pupils}, {sessions} {sessions:plural:session|sessions}, {hours} invigilation hours, {split} {split:plural:class split|class splits}; {state}, gap {gap} %.",
    ),
    "planner.files": (
        "Fichiers : {rooms} {rooms:plural:salle|salles}, {slots} {slots:plural:créneau|créneaux}, {invigilators} {invigilators:plural:surveillant|surveillants}, {refused} {refused:plural:ligne refusée|lignes refusées}.",
        "Files: {rooms} {rooms:plural:room|rooms}, {slots} {slots:plural:slot|slots}, {invigilators} {invigilators:plural:invigilator|invigilators}, {refused} {refused:plural:line|lines} refused.",
    ),
    "planner.file_error": ("Fichier refusé : {message}", "File refused: {message}"),
    "planner.typed.refused": (
        "{kind}, ligne {line} : {reason}",
        "{kind}, line {line}: {reason}",
    ),
    "planner.binding.typed": ("Saisir", "Type"),
    "planner.binding.typed.tip": (
        "Saisir à l'écran les salles, les créneaux et les surveillants",
        "Type the rooms, the slots and the invigilators on screen",
    ),
    "planner_inputs.title": (
        "Planifier : salles, créneaux, surveillants",
        "Plan: rooms, slots, invigilators",
    ),
    "planner_inputs.tab.rooms": ("Salles", "Rooms"),
    "planner_inputs.tab.slots": ("Créneaux", "Slots"),
    "planner_inputs.tab.invigilators": ("Surveillants", "Invigilators"),
    "planner_inputs.help.rooms": (
        "Une salle par ligne : Salle;Site;Postes;Réserve (postes en état de marche, dont ceux gardés en réserve).",
        "One room per line: Room;Site;Workstations;Spare (working workstations, spares included).",
    ),
    "planner_inputs.help.slots": (
        "Un créneau par ligne : Salle;Date;Début;Fin;Fermé — date 12/03/2027 ou jour (mardi) ; Fermé = Oui ferme ce jour.",
        "One slot per line: Room;Date;Start;End;Closed — date 12/03/2027 or weekday (mardi); Closed = Oui closes that day.",
    ),
    "planner_inputs.help.invigilators": (
        "Un surveillant par ligne : Nom;Disponibilités;Sessions max — par exemple « lundi matin, 12/03/2027 ».",
        "One invigilator per line: Name;Availability;Most sessions — e.g. « lundi matin, 12/03/2027 ».",
    ),
    "planner_inputs.binding.save": ("Enregistrer", "Save"),
    "planner_inputs.binding.save.tip": (
        "Garder les trois listes (refusé tant qu'une ligne est refusée)",
        "Keep the three lists (refused while a line is refused)",
    ),
    "planner_inputs.binding.next": ("Liste suivante", "Next list"),
    "planner_inputs.binding.next.tip": (
        "Salles, créneaux, surveillants",
        "Rooms, slots, invigilators",
    ),
    "planner_inputs.saved": ("Listes enregistrées.", "Lists saved."),
    "planner_inputs.empty": (
        "Rien de saisi sous l'en-tête pour l'instant.",
        "Nothing typed under the header yet.",
    ),
    "planner.margins": (
        "Marges : {seats} {seats:plural:poste libre|postes libres}, {invigilated} {invigilated:plural:place|places} de surveillance, salle libre {minutes} min de plus (jusqu'à {until}).",
        "Margins: {seats} free {seats:plural:workstation|workstations}, {invigilated} invigilation {invigilated:plural:place|places}, room free {minutes} min more (until {until}).",
    ),
    "planner.margin.spacing": (
        " Règle des 15 jours : {days} {days:plural:jour|jours} de marge.",
        " 15-day rule: {days} {days:plural:day|days} to spare.",
    ),
    "planner.import.title": (
        "Dossier qui contient {files} :",
        "Folder holding {files}:",
    ),
    "planner.import.missing": (
        "Dans {folder}, il manque : {files}.",
        "In {folder}, missing: {files}.",
    ),
    "planner.import.unreadable": (
        "Impossible de lire les fichiers de {folder}.",
        "Cannot read the files of {folder}.",
    ),
    "planner.no_inputs": (
        "Lisez d'abord les fichiers (touche I) et corrigez les lignes refusées.",
        "Read the files first (key I) and fix the refused lines.",
    ),
    "planner.none_selected": (
        "Choisissez d'abord une session dans le tableau.",
        "Choose a session in the table first.",
    ),
    "planner.locked": ("Session du {where} verrouillée.", "Session of {where} locked."),
    "planner.unlocked": ("Session du {where} déverrouillée.", "Session of {where} unlocked."),
    "planner.move.pupil": ("Quel élève déplacer ?", "Which pupil to move?"),
    "planner.move.target": (
        "Vers quelle session déplacer {name} ?",
        "Move {name} to which session?",
    ),
    "planner.swap.out": ("Quel surveillant remplacer ?", "Which invigilator to replace?"),
    "planner.swap.in": ("Par qui remplacer {name} ?", "Replace {name} with whom?"),
    "planner.nothing": ("Aucun plan à appliquer ou exporter.", "No plan to apply or export."),
    "planner.broken": (
        "Le plan enfreint {count} {count:plural:règle|règles} (voir sous le tableau) : corrigez-les ou recalculez (C).",
        "The plan breaks {count} {count:plural:rule|rules} (see under the table): fix them or compute again (C).",
    ),
    "planner.apply.question": (
        "Créer ou mettre à jour {sessions} {sessions:plural:session|sessions} et y inscrire {pupils} {pupils:plural:élève|élèves} ? Seul ce qui a changé depuis la dernière application est modifié.",
        "Create or update {sessions} {sessions:plural:session|sessions} and enrol {pupils} {pupils:plural:pupil|pupils}? Only what changed since the last time is touched.",
    ),
    "planner.apply.confirm": ("Appliquer le plan", "Apply the plan"),
    "planner.export.title": (
        "Dossier où écrire le plan (CSV et PDF) :",
        "Folder to write the plan to (CSV and PDF):",
    ),
    "planner.exported": (
        "{count} {count:plural:fichier écrit|fichiers écrits} dans {folder}.",
        "{count} {count:plural:file|files} written to {folder}.",
    ),
}
