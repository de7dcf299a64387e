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
    "room.header.title": ("N° {number}", "No. {number}"),
    "room.header.place": ("{site} · {room}", "{site} · {room}"),
    "room.header.rehearsal": ("RÉPÉTITION · {title}", "REHEARSAL · {title}"),
    "room.header.examiners": ("Surv. : {names}", "Invig.: {names}"),
    "room.counters": (
        "prés. {present}/{enrolled} · en cours {running} · term. {finished}",
        "pres. {present}/{enrolled} · running {running} · done {finished}",
    ),
    "room.counters.alerts": ("Alertes {count}", "Alerts {count}"),
    "room.countdown.before": ("début dans {delta}", "starts in {delta}"),
    "room.countdown.slot_end": ("fin créneau {end}", "slot ends {end}"),
    "room.countdown.last_end": ("dernière fin {end} ({delta})", "last end {end} ({delta})"),
    "room.countdown.last_end_over": ("dernière fin {end} passée", "last end {end} passed"),
    "room.countdown.ended": ("session close à {at}", "session closed at {at}"),
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
    "room.grid.col.state_label": ("État", "State"),
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
    "domain.room_state.resume_requested": ("Demande à reprendre", "Asks to resume"),
    "room.session_gone": (
        "Cette session n'existe plus : revenez à la liste des sessions.",
        "This session no longer exists: go back to the list of sessions.",
    ),
    "room.candidate_gone": (
        "Ce candidat n'est plus inscrit à cette session.",
        "This candidate is no longer enrolled in this session.",
    ),
    "room.session_ended": (
        "La fin de session est déclarée : plus aucune présence ni aucun démarrage.",
        "The end of session is declared: no more presences or starts.",
    ),
    "room.entries_closed": (
        "La session a démarré il y a plus de 24 h (à {start}) : Pix ne permet plus de confirmer une présence ni d'entrer.",
        "The session started more than 24 hours ago (at {start}): Pix no longer lets anyone in.",
    ),
    "room.counters.overtime": ("Dépassés {count}", "Over {count}"),
    "room.counters.resumes": ("Reprises {count}", "Resumes {count}"),
    "room.simulated": (
        "répétition accélérée, horaires simulés",
        "accelerated rehearsal, simulated times",
    ),
    "room.attention.none": ("Rien à traiter.", "Nothing to handle."),
    "room.attention.title": ("À traiter ({count}) : ", "To handle ({count}): "),
    "room.key.undo": ("Annuler…", "Undo…"),
    "room.undo.title": ("Annuler pour {name}", "Undo for {name}"),
    "room.undo.presence": (
        "Annuler la confirmation de présence (faite par {who} à {at})",
        "Cancel the presence confirmation (by {who} at {at})",
    ),
    "room.undo.identity": (
        "Annuler « identité vérifiée » (par {who} à {at})",
        "Undo “identity checked” (by {who} at {at})",
    ),
    "room.undo.signed": (
        "Annuler « a émargé » (par {who} à {at})",
        "Undo “signed” (by {who} at {at})",
    ),
    "room.undo.nothing": (
        "Rien à annuler pour ce candidat.",
        "Nothing to undo for this candidate.",
    ),
    "room.undo.question": ("{what} ?", "{what}?"),
    "room.undo.confirm": ("Annuler cette action", "Undo it"),
    "room.someone": ("?", "?"),
    "room.already.presence": (
        "Présence déjà confirmée (par {who} à {at}).",
        "Presence already confirmed (by {who} at {at}).",
    ),
    "room.already.identity": (
        "Identité déjà vérifiée (par {who} à {at}).",
        "Identity already checked (by {who} at {at}).",
    ),
    "room.already.signed": (
        "Émargement déjà noté (par {who} à {at}).",
        "Signature already recorded (by {who} at {at}).",
    ),
    "room.start_at.early": (
        "{at} est plus de 15 minutes avant le début du créneau ({slot}). Noter quand même ce démarrage ?",
        "{at} is more than 15 minutes before the slot starts ({slot}). Record this start anyway?",
    ),
    "room.start_at.early_confirm": ("Noter à {at}", "Record at {at}"),
    "room.slot_over.past": (
        "Fin du créneau : temps dépassé pour {names}. E pour terminer leur test.",
        "Slot over: over time for {names}. E ends their tests.",
    ),
    "room.slot_over.inside": (
        "Fin du créneau : {count} {count:plural:candidat compose|candidats composent} encore dans leur temps (dernière fin {end}).",
        "Slot over: {count} {count:plural:candidate|candidates} still inside their own time (last end {end}).",
    ),
    "room.end_session.title": ("Fin de session", "End of session"),
    "room.end_session.inside": (
        "Encore dans leur temps (ne sont PAS terminés par défaut) : {names}",
        "Still inside their own time (NOT ended by default): {names}",
    ),
    "room.end_session.past": (
        "Temps dépassé, leur test sera terminé : {names}",
        "Over time, their test will be ended: {names}",
    ),
    "room.end_session.default": (
        "Déclarer la fin de session (personne dans son temps n'est terminé)",
        "Declare the end of session (nobody inside their time is ended)",
    ),
    "room.end_session.early": (
        "Terminer aussi, avant sa fin, le test de {name} (fin prévue {end})",
        "Also end, before its end, the test of {name} (due {end})",
    ),
    "room.end_session.early_question": (
        "Terminer maintenant le test de {name}, qui a encore du temps jusqu'à {end} ? C'est irréversible.",
        "End now the test of {name}, who still has time until {end}? This cannot be undone.",
    ),
    "room.end_session.done_inside": (
        "Session close : {count} {count:plural:test terminé|tests terminés} ; {inside} {inside:plural:candidat continue|candidats continuent} dans son temps.",
        "Session closed: {count} {count:plural:test|tests} ended; {inside} {inside:plural:candidate goes|candidates go} on inside their time.",
    ),
    "room.legend.tags": (
        "+33 % temps majoré · AESH aide humaine · FLE langue · Acc. accessibilité · I identité vérifiée · É émargé · Q12 ! signalement question 12 · Ext. ! extension non détectée · ~ temps majoré modifié après le début",
        "+33% extra time · Aid human aid · FLE language · Acc. accessibility · I identity checked · S signed · Q12 ! alert on question 12 · Ext. ! extension not detected · ~ extra time changed after the start",
    ),
    "room.detail.extra_changed": (
        "temps majoré modifié à {at} par {who} (avant : {before})",
        "extra time changed at {at} by {who} (before: {before})",
    ),
    "room.detail.finished": ("début {start}, fini à {end}", "start {start}, finished at {end}"),
    "room.extra_time.change": (
        "{name} a déjà commencé son test : passer le temps majoré de {old} à {new} déplace sa fin de {old_end} à {new_end}. Confirmer ce changement ?",
        "{name} has already started: changing the extra time from {old} to {new} moves the end from {old_end} to {new_end}. Confirm this change?",
    ),
    "room.extra_time.none": ("0 %", "0%"),
    "room.extra_time.confirm": ("Changer le temps majoré", "Change the extra time"),
    "room.extra_time.already": (
        "{name} a déjà {value} : A pour un autre temps majoré.",
        "{name} already has {value}: A for another extra time.",
    ),
    "cli.session.create": (
        "créer une session (mêmes règles que le formulaire) et afficher son numéro, son code d'accès et son mot de passe",
        "create a session (same rules as the form) and print its number, access code and password",
    ),
    "cli.session.enrol": (
        "inscrire des élèves à une session, par classe (--classe 3A) ou par INE (--ine …)",
        "enrol pupils in a session, by class (--classe 3A) or by INE (--ine …)",
    ),
    "cli.session.extra": (
        "donner un temps majoré (et les aménagements) à un candidat de la session, désigné par son INE",
        "set the extra time (and accommodations) of a candidate of the session, named by INE",
    ),
    "cli.session.opt.date": ("date JJ/MM/AAAA", "date DD/MM/YYYY"),
    "cli.session.opt.time": ("heure de début HH:MM", "start time HH:MM"),
    "cli.session.opt.site": ("nom du site", "site name"),
    "cli.session.opt.room": ("salle", "room"),
    "cli.session.opt.number": ("n° de session Pix Certif", "Pix Certif session number"),
    "cli.session.opt.code": ("code d'accès (Pix Certif)", "access code (Pix Certif)"),
    "cli.session.opt.password": ("mot de passe de session", "invigilator password"),
    "cli.session.opt.examiners": (
        "surveillants, séparés par des virgules",
        "invigilators, comma-separated",
    ),
    "cli.session.opt.description": ("observations", "notes"),
    "cli.session.opt.rehearsal": (
        "session de répétition (numéro, code et mot de passe générés)",
        "rehearsal session (number, code and password generated)",
    ),
    "cli.session.opt.class": ("une classe (répétable)", "a class (repeatable)"),
    "cli.session.opt.ine": ("INE de l'élève (répétable)", "pupil's INE (repeatable)"),
    "cli.session.metavar.percent": ("POURCENT", "PERCENT"),
    "cli.session.opt.percent": (
        "temps majoré en %, ex. 33 ; 0 pour aucun",
        "extra time in %, e.g. 33; 0 for none",
    ),
    "cli.session.opt.aid": ("aide humaine (AESH), texte", "human aid, text"),
    "cli.session.opt.language": ("élève non francophone, texte", "non-French-speaking pupil, text"),
    "cli.session.opt.access": ("adaptation d'accessibilité", "accessibility adjustment"),
    "cli.session.opt.yes": (
        "accepter les avertissements (comme « Confirmer » à l'écran)",
        "accept the warnings (like “Confirm” on screen)",
    ),
    "cli.session.needs_oui": (
        "{problems} Rien n'est enregistré : relancez avec --oui pour confirmer.",
        "{problems} Nothing was saved: run again with --oui to confirm.",
    ),
    "cli.session.created": (
        "Session {number} créée (code d'accès {code}, mot de passe de session {password}).",
        "Session {number} created (access code {code}, invigilator password {password}).",
    ),
    "cli.session.enrol_whom": (
        "Dites qui inscrire : --classe CLASSE ou --ine INE.",
        "Say whom to enrol: --classe CLASS or --ine INE.",
    ),
    "cli.session.unknown_ine": (
        "Aucun élève de l'établissement n'a cet INE : {ine}.",
        "No pupil of the school has this INE: {ine}.",
    ),
    "cli.session.no_pupil": (
        "Aucun élève dans ces classes : {classes}.",
        "No pupil in these classes: {classes}.",
    ),
    "cli.session.refused_pupil": (
        "Non inscrit : {name} — {reason}",
        "Not enrolled: {name} — {reason}",
    ),
    "cli.session.enrolled": (
        "{count} {count:plural:élève inscrit|élèves inscrits} à la session {number}.",
        "{count} {count:plural:pupil|pupils} enrolled in session {number}.",
    ),
    "cli.session.not_enrolled": (
        "Aucun candidat d'INE {ine} n'est inscrit à la session {number}.",
        "No candidate with INE {ine} is enrolled in session {number}.",
    ),
}
