"""Catalogue entries for the exports area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- refusals -----------------------------------------------------------------------------
    "exports.error.session_unknown": (
        "Aucune séance ne porte le numéro « {number} » : vérifiez le numéro de session Pix.",
        "No session has the number “{number}”: check the Pix session number.",
    ),
    "exports.error.session_ambiguous": (
        "Plusieurs séances portent le numéro « {number} » : corrigez les numéros avant d'imprimer.",
        "Several sessions have the number “{number}”: fix the numbers before printing.",
    ),
    "exports.error.session_missing": (
        "Cette séance n'existe plus : elle a peut-être été supprimée depuis un autre poste.",
        "This session no longer exists: it may have been deleted from another computer.",
    ),
    "exports.error.session_purged": (
        "Les données de la session {number} ont été purgées : ses documents ne peuvent plus être produits.",
        "The data of session {number} has been purged: its documents can no longer be produced.",
    ),
    "exports.error.no_sessions_that_day": (
        "Aucune séance n'est prévue le {date} : il n'y a rien à imprimer.",
        "No session is planned on {date}: there is nothing to print.",
    ),
    "exports.error.no_pupils": (
        "Aucun élève n'est enregistré : importez d'abord la liste des élèves.",
        "No pupil is recorded: import the list of pupils first.",
    ),
    "exports.error.bad_day": (
        "« {value} » n'est pas une date : écrivez AAAA-MM-JJ (par exemple 2027-03-18) ou « aujourdhui ».",
        "“{value}” is not a date: write YYYY-MM-DD (for example 2027-03-18) or “today”.",
    ),
    "exports.error.no_parent": (
        "Le dossier {parent} n'existe pas : créez-le ou choisissez un autre dossier d'export.",
        "The folder {parent} does not exist: create it or choose another export folder.",
    ),
    "exports.error.not_a_folder": (
        "{path} existe mais n'est pas un dossier : choisissez un autre dossier d'export.",
        "{path} exists but is not a folder: choose another export folder.",
    ),
    "exports.error.cannot_create": (
        "Impossible de créer le dossier {folder} : vérifiez que {parent} est accessible en écriture.",
        "Cannot create the folder {folder}: check that {parent} is writable.",
    ),
    # --- file names (ASCII, no personal names: they end up on USB keys and shares) ------------
    "exports.file.session": ("session", "session"),
    "exports.file.no_date": ("sans-date", "no-date"),
    "exports.file.public": ("affichage", "public"),
    "exports.file.candidates": ("candidats", "candidates"),
    "exports.file.finalization": ("finalisation", "finalisation"),
    "exports.file.day": ("journee", "day"),
    "exports.file.pupils": ("eleves-certificabilite", "pupils-certifiability"),
    "exports.file.classes": ("certificabilite-par-classe", "certifiability-by-class"),
    # --- words the user may type ----------------------------------------------------------------
    "exports.word.today": ("aujourdhui,aujourd'hui,today", "today,aujourdhui,aujourd'hui"),
    # --- command line -----------------------------------------------------------------------
    "exports.cli.export": (
        "imprimer les documents d'une séance ou d'une journée, exporter les listes en CSV",
        "print a session's or a day's documents, export lists as CSV",
    ),
    "exports.cli.day": (
        "imprimer le dossier de la journée : kit, émargement et PV de chaque séance en un PDF, plus les affichages",
        "print the day's bundle: kit, attendance sheet and incident report of every session in one PDF, plus the public kits",
    ),
    "exports.cli.day.date": (
        "la date, AAAA-MM-JJ ou JJ/MM/AAAA, ou « aujourdhui »",
        "the date, YYYY-MM-DD or DD/MM/YYYY, or “today”",
    ),
    "exports.cli.session": (
        "imprimer les documents d'une séance : dossier PDF, affichage, candidats en CSV (et finalisation)",
        "print one session's documents: PDF bundle, public kit, candidates CSV (and finalisation)",
    ),
    "exports.cli.session.number": ("le numéro de session Pix", "the Pix session number"),
    "exports.cli.pupils": (
        "exporter les élèves et leur certificabilité, classe par classe (CSV)",
        "export pupils and their certifiability, class by class (CSV)",
    ),
    "exports.cli.classes": (
        "exporter le nombre d'élèves certifiables par classe (CSV)",
        "export the number of certifiable pupils per class (CSV)",
    ),
    "exports.cli.out": (
        "le dossier où écrire les fichiers (créé s'il manque)",
        "the folder to write the files to (created if missing)",
    ),
    "exports.cli.a3": ("imprimer en A3 au lieu de A4", "print on A3 instead of A4"),
    "exports.cli.public": (
        "seulement les affichages sans codes ni aménagements, à afficher devant la salle",
        "only the public kits, without codes or accommodations, to post outside the room",
    ),
    "exports.cli.include_left": (
        "inclure les élèves qui ont quitté l'établissement",
        "include pupils who have left the school",
    ),
}
