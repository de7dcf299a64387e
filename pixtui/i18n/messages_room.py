"""Catalogue entries for the room screen (Salle): key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "room.title": ("Salle — {room}", "Room — {room}"),
    "room.read_only": ("LECTURE SEULE", "READ ONLY"),
    "room.help": (
        "La grille montre d'abord qui a besoin de vous : alertes, temps dépassé, reprises, puis en cours, présents, absents et terminés. "
        "Les flèches choisissent un candidat ; l'heure de fin inclut le temps majoré. / cherche un nom. "
        "T (terminer un test) et E (fin de session) demandent toujours une confirmation.",
        "The grid shows first who needs you: alerts, over time, resumes, then running, present, absent and finished. "
        "Arrows choose a candidate; the end time includes extra time. / searches a name. "
        "T (end a test) and E (end of session) always ask for a confirmation.",
    ),
    "room.key.presence": ("Présence", "Presence"),
    "room.key.presence.tip": (
        "Confirmer ou annuler la présence (autorisé à démarrer)",
        "Confirm or cancel presence (allowed to start)",
    ),
    "room.key.start": ("Démarré", "Started"),
    "room.key.start.tip": (
        "Le candidat a démarré son test maintenant (ou a repris)",
        "The candidate started the test now (or resumed)",
    ),
    "room.key.start_at": ("Démarré à…", "Started at…"),
    "room.key.start_all": ("Tous les présents démarrés", "All present started"),
    "room.key.alert": ("Alerte", "Alert"),
    "room.key.alert.tip": (
        "Gérer le signalement : valider avec une raison ou refuser",
        "Handle the alert: validate with a reason or refuse",
    ),
    "room.key.raise_alert": ("Noter un signalement (question)", "Record an alert (question)"),
    "room.key.raise_companion": (
        "Noter « extension non détectée »",
        "Record “extension not detected”",
    ),
    "room.key.resume": ("Reprise", "Resume"),
    "room.key.resume.tip": ("Autoriser la reprise du test", "Allow the test to resume"),
    "room.key.incident": ("Incident", "Incident"),
    "room.key.incident.tip": (
        "Noter un incident pour le PV (code C et texte)",
        "Record an incident for the report (C code and text)",
    ),
    "room.key.code": ("Code", "Code"),
    "room.key.code.tip": (
        "Afficher le code d'accès en grand pour toute la salle",
        "Show the access code in large type for the room",
    ),
    "room.key.identity": ("Identité vérifiée", "Identity checked"),
    "room.key.signed": ("Émargement signé", "Sheet signed"),
    "room.key.completed": ("Test fini par le candidat", "Test completed by the candidate"),
    "room.key.end_test": ("Terminer le test", "End the test"),
    "room.key.abort": ("Raison de l'abandon", "Abort reason"),
    "room.key.end_session": ("Fin de session", "End of session"),
    "room.key.search": ("Rechercher", "Search"),
    "room.key.simulation": ("Simulation (répétition)", "Simulation (rehearsal)"),
    "room.key.speed": ("Vitesse de la simulation", "Simulation speed"),
    "room.simulation.badge": ("SIMULATION {speed}x", "SIMULATION {speed}x"),
    "room.simulation.refused": (
        "La simulation n'est possible que sur une session de répétition.",
        "Simulation only runs on a rehearsal session.",
    ),
    "room.simulation.on": (
        "Simulation lancée à {speed}x : les élèves simulés arrivent, démarrent, signalent… (W change la vitesse, M arrête).",
        "Simulation started at {speed}x: simulated pupils arrive, start, raise alerts… (W changes the speed, M stops).",
    ),
    "room.simulation.off": ("Simulation arrêtée.", "Simulation stopped."),
    "room.simulation.not_running": (
        "Aucune simulation en cours (M pour la lancer).",
        "No simulation running (M starts one).",
    ),
    "room.simulation.arrived": (
        "{name} est arrivé(e) : vérifiez son identité et confirmez sa présence (P).",
        "{name} has arrived: check their identity and confirm their presence (P).",
    ),
    "room.simulation.left": (
        "{name} a fermé sa fenêtre et demande à reprendre : R pour autoriser la reprise.",
        "{name} closed the window and asks to resume: R allows the resume.",
    ),
    "room.key.leave": ("Quitter la salle", "Leave the room"),
    "room.header.title": (
        "Session {number} · {site} · {room}",
        "Session {number} · {site} · {room}",
    ),
    "room.header.rehearsal": ("RÉPÉTITION · {title}", "REHEARSAL · {title}"),
    "room.header.examiners": ("Surv. : {names}", "Invig.: {names}"),
    "room.counters": (
        "inscr. {enrolled} · prés. {present} · dém. {started} · term. {finished}",
        "enrol. {enrolled} · pres. {present} · started {started} · done {finished}",
    ),
    "room.counters.alerts": ("‼ Alertes {count}", "‼ Alerts {count}"),
    "room.countdown.before": ("début dans {delta}", "starts in {delta}"),
    "room.countdown.during": ("fin dans {delta}", "ends in {delta}"),
    "room.countdown.after": ("créneau fini depuis {delta}", "slot over for {delta}"),
    "room.minutes.hours": ("{hours} h {minutes}", "{hours} h {minutes}"),
    "room.minutes.minutes": ("{minutes} min", "{minutes} min"),
    "room.tile.overtime": ("+{delta}", "+{delta}"),
    "room.tile.question": ("Q{number} !", "Q{number} !"),
    "room.tile.companion": ("Ext. !", "Ext. !"),
    "room.tag.aid": ("AESH", "Aide"),
    "room.tag.aid.short": ("AVS", "Aid"),
    "room.tag.language": ("FLE", "FLE"),
    "room.tag.accessibility.short": ("Acc", "Acc"),
    "room.tag.accessibility": ("Acc.", "Acc."),
    "room.detail.times": ("début {start}, fin {end}", "start {start}, end {end}"),
    "room.detail.checks": (
        "identité : {identity}, émargé : {signed}",
        "identity: {identity}, signed: {signed}",
    ),
    "room.yes": ("oui", "yes"),
    "room.check.identity": ("I", "I"),
    "room.check.signed": ("É", "S"),
    "room.grid.col.state": ("État", "State"),
    "room.grid.col.name": ("Candidat", "Candidate"),
    "room.grid.col.division": ("Classe", "Class"),
    "room.grid.col.tags": ("Aménagements", "Adjustments"),
    "room.grid.col.start": ("Début", "Start"),
    "room.grid.col.end": ("Fin", "End"),
    "room.grid.col.clock": ("Reste", "Left"),
    "room.grid.col.checks": ("Id/Ém", "Id/Sg"),
    "room.no": ("non", "no"),
    "room.empty": (
        "Aucun candidat n'est inscrit à cette session.",
        "No candidate is enrolled in this session.",
    ),
    "room.finalised": (
        "Cette session est finalisée : elle ne peut plus changer.",
        "This session is finalised: it can no longer change.",
    ),
    "room.slot_over": (
        "Le créneau est terminé et des candidats composent encore : E pour la fin de session.",
        "The slot is over and candidates are still working: E for the end of session.",
    ),
    "room.search.placeholder": ("Rechercher un candidat…", "Search a candidate…"),
    "room.start_at.title": ("Heure de démarrage de {name} (HH:MM)", "Start time of {name} (HH:MM)"),
    "room.start_at.placeholder": ("ex. 08:35", "e.g. 08:35"),
    "room.start_at.bad": ("Tapez une heure comme 08:35.", "Type a time such as 08:35."),
    "room.start_at.future": ("Cette heure n'est pas encore passée.", "That time has not come yet."),
    "room.start_all.question": (
        "Noter {count} {count:plural:candidat présent comme démarré|candidats présents comme démarrés} maintenant ?",
        "Record {count} present {count:plural:candidate|candidates} as started now?",
    ),
    "room.start_all.confirm": ("Tous démarrés", "All started"),
    "room.start_all.none": (
        "Aucun candidat présent n'attend de démarrer.",
        "No present candidate is waiting to start.",
    ),
    "room.start_all.done": (
        "{count} {count:plural:candidat noté comme démarré|candidats notés comme démarrés}.",
        "{count} {count:plural:candidate|candidates} recorded as started.",
    ),
    "room.alert.raise_title": ("Numéro de la question signalée", "Number of the reported question"),
    "room.alert.number_placeholder": ("ex. 12", "e.g. 12"),
    "room.alert.bad_number": (
        "Tapez un numéro de question entre 1 et 500.",
        "Type a question number between 1 and 500.",
    ),
    "room.alert.none": (
        "Ce candidat n'a pas de signalement en cours.",
        "This candidate has no ongoing alert.",
    ),
    "room.alert.title": (
        "Gérer le signalement — question {number}",
        "Handle the alert — question {number}",
    ),
    "room.alert.note": (
        "Valider donne une nouvelle question au candidat ; refuser le laisse sur la même.",
        "Validating gives the candidate a new question; refusing keeps the same one.",
    ),
    "room.alert.conditional": ("{title} ({condition})", "{title} ({condition})"),
    "room.alert.if.has_image": (
        "si la question contient une image",
        "if the question has an image",
    ),
    "room.alert.if.has_embed": (
        "si la question contient un simulateur",
        "if the question has a simulator",
    ),
    "room.alert.if.has_attachment": (
        "si la question a une pièce jointe",
        "if the question has an attachment",
    ),
    "room.alert.if.is_focus": ("si c'est une question focus", "if it is a focus question"),
    "room.alert.refuse": ("Refuser le signalement", "Refuse the alert"),
    "room.alert.companion_title": (
        "Extension Pix Companion non détectée",
        "Pix Companion extension not detected",
    ),
    "room.alert.companion_clear": (
        "Confirmer la présence de l'extension",
        "Confirm the extension is present",
    ),
    "room.alert.companion_note": (
        "Vérifiez l'extension sur le poste, puis confirmez : le candidat actualise sa page.",
        "Check the extension on the computer, then confirm: the candidate refreshes the page.",
    ),
    "room.end_test.question": (
        "Terminer le test de {name} ? C'est définitif : le candidat ne pourra plus répondre.",
        "End {name}'s test? This is final: the candidate can no longer answer.",
    ),
    "room.end_test.confirm": ("Terminer le test", "End the test"),
    "room.completed.question": (
        "{name} a-t-il répondu à la dernière question (test fini) ?",
        "Did {name} answer the last question (test completed)?",
    ),
    "room.completed.confirm": ("Test fini", "Completed"),
    "room.incident.title": ("Incident pour {name}", "Incident for {name}"),
    "room.incident.describe": (
        "{title} — description (500 caractères au plus)",
        "{title} — description (500 characters at most)",
    ),
    "room.incident.placeholder": (
        "ce qui s'est passé, à quelle heure",
        "what happened, at what time",
    ),
    "room.abort.title": ("Raison de l'abandon", "Abort reason"),
    "room.abort.none": ("Aucune (effacer)", "None (clear)"),
    "room.end_session.question": (
        "Déclarer la fin de la session ? Aucun candidat ne compose encore.",
        "Declare the end of the session? No candidate is still working.",
    ),
    "room.end_session.question_running": (
        "Déclarer la fin de la session ? {count} {count:plural:candidat compose encore et son test sera terminé|candidats composent encore et leur test sera terminé} : {names}",
        "Declare the end of the session? {count} {count:plural:candidate is|candidates are} still working and their test will be ended: {names}",
    ),
    "room.end_session.more": (
        " et {count} {count:plural:autre|autres}",
        " and {count} more",
    ),
    "room.end_session.confirm": ("Fin de session", "End of session"),
    "room.end_session.done": (
        "Session close : {count} {count:plural:test terminé|tests terminés}. Tout est gardé pour la finalisation.",
        "Session closed: {count} {count:plural:test|tests} ended. Everything is kept for the finalisation.",
    ),
    "room.leave.question": (
        "Quitter l'écran de salle ? La session continue, rien n'est perdu.",
        "Leave the room screen? The session goes on, nothing is lost.",
    ),
    "room.leave.confirm": ("Quitter la salle", "Leave the room"),
    "room.code.title": ("Code d'accès de la session", "Session access code"),
    "room.code.hide": ("(n'importe quelle touche pour le cacher)", "(any key hides it)"),
}
