"""Catalogue entries for the command line: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # argparse's own strings, replaced so that no English is left (see pixtui/cli_text.py)
    "cli.argparse.usage": ("usage : ", "usage: "),
    "cli.argparse.positionals": ("arguments", "positional arguments"),
    "cli.argparse.options": ("options", "options"),
    "cli.argparse.help": ("afficher cette aide et quitter", "show this help message and exit"),
    "cli.argparse.error": ("{prog} : erreur : {message}\n", "{prog}: error: {message}\n"),
    "cli.argparse.required": (
        "il manque des arguments obligatoires : {names}",
        "the following arguments are required: {names}",
    ),
    "cli.argparse.invalid_choice": (
        "choix invalide : {value} (choisir parmi {choices})",
        "invalid choice: {value} (choose from {choices})",
    ),
    "cli.argparse.unrecognized": (
        "arguments non reconnus : {names}",
        "unrecognized arguments: {names}",
    ),
    "cli.argparse.expected_one": ("une valeur est attendue", "expected one argument"),
    "cli.argparse.invalid_value": (
        "valeur invalide ({type}) : {value}",
        "invalid {type} value: {value}",
    ),
    "cli.argparse.argument": ("argument {name} : {message}", "argument {name}: {message}"),
    "cli.argparse.ambiguous": (
        "option ambiguë : {option} peut désigner {matches}",
        "ambiguous option: {option} could match {matches}",
    ),
    "cli.argparse.colon": (" :", ":"),
    "cli.metavar.file": ("FICHIER", "FILE"),
    "cli.metavar.command": ("COMMANDE", "COMMAND"),
    "cli.metavar.name": ("NOM", "NAME"),
    "cli.metavar.uai": ("UAI", "UAI"),
    "cli.metavar.type": ("TYPE", "TYPE"),
    "cli.metavar.logins": ("IDENTIFIANTS", "LOGINS"),
    "cli.metavar.group": ("GROUPE", "GROUP"),
    "cli.metavar.label": ("ÉTIQUETTE", "LABEL"),
    "cli.metavar.number": ("NUMÉRO", "NUMBER"),
    # Program description and options
    "cli.description": (
        "pixtui : organiser et surveiller les sessions de certification Pix de l'établissement.",
        "pixtui: organise and run the school's Pix certification sessions.",
    ),
    "cli.opt.store": (
        "fichier de données (sinon les réglages ci-dessous, sinon {default})",
        "store file (else the settings below, else {default})",
    ),
    "cli.opt.lang": ("langue de l'interface (fr ou en)", "interface language (fr or en)"),
    "cli.opt.version": ("afficher la version et quitter", "show the version and exit"),
    "cli.opt.yes": ("ne pas demander de confirmation", "do not ask for confirmation"),
    "cli.cmd.commands": ("commandes", "commands"),
    "cli.cmd.init": ("créer le fichier de données de l'établissement", "create the school's store"),
    "cli.cmd.demo": (
        "écrire un collège fictif de démonstration (élèves, sessions, répétition aujourd'hui)",
        "write a fictional demo collège (pupils, sessions, a rehearsal today)",
    ),
    "cli.cmd.check": ("vérifier le fichier de données", "check the store"),
    "cli.cmd.backup": ("faire une copie de sauvegarde", "make a backup copy"),
    "cli.cmd.restore": (
        "lister les sauvegardes et en restaurer une",
        "list backups and restore one",
    ),
    "cli.cmd.salle": (
        "ouvrir l'écran de salle d'une session (demande son mot de passe)",
        "open the room screen of a session (asks for its password)",
    ),
    "cli.init.name": ("nom de l'établissement", "school name"),
    "cli.init.uai": (
        "UAI (RNE) de l'établissement, 7 chiffres et une lettre",
        "school UAI, 7 digits and a letter",
    ),
    "cli.init.type": ("type d'établissement : college ou lycee", "school type: college or lycee"),
    "cli.init.organisers": (
        "identifiants des organisateurs (référents Pix), séparés par des virgules",
        "organiser logins (Pix referents), comma separated",
    ),
    "cli.init.group": (
        "groupe Unix partagé (fichiers en 0660 au lieu de 0600)",
        "shared Unix group (files 0660 instead of 0600)",
    ),
    "cli.init.done": ("Fichier de données créé : {path}", "Store created: {path}"),
    "cli.init.window_proposed": (
        "Fenêtre de campagne proposée ({level}, {year}) : du {start} au {end}. Pix ajuste les dates chaque année : confirmez-les ou corrigez-les dans Accueil (touche C).",
        "Proposed campaign window ({level}, {year}): {start} to {end}. Pix adjusts the dates every year: confirm or correct them on Accueil (C key).",
    ),
    "cli.init.bad_uai": (
        "L'UAI « {uai} » n'a pas la bonne forme : 7 chiffres puis une lettre (ex. 0211234A).",
        "The UAI “{uai}” is malformed: 7 digits then a letter (e.g. 0211234A).",
    ),
    "cli.init.empty_name": (
        "Le nom de l'établissement est obligatoire.",
        "The school name is required.",
    ),
    "cli.init.bad_type": (
        "Le type d'établissement doit être « college » ou « lycee ».",
        "The school type must be “college” or “lycee”.",
    ),
    "cli.demo.replace": (
        "remplacer un fichier existant (une sauvegarde est gardée)",
        "replace an existing store (a backup is kept)",
    ),
    "cli.demo.open": ("ouvrir pixtui sur la démo ensuite", "open pixtui on the demo afterwards"),
    "cli.demo.exists": (
        "Le fichier {path} existe déjà : ajoutez --replace pour le remplacer par la démo.",
        "{path} already exists: add --replace to replace it with the demo.",
    ),
    "cli.demo.done": ("Démo écrite dans {path}", "Demo written to {path}"),
    "cli.demo.counts": (
        "{pupils} {pupils:plural:élève|élèves}, {classes} {classes:plural:classe|classes}, {sessions} {sessions:plural:session|sessions}.",
        "{pupils} {pupils:plural:pupil|pupils}, {classes} {classes:plural:class|classes}, {sessions} {sessions:plural:session|sessions}.",
    ),
    "cli.demo.rehearsal": (
        "Répétition aujourd'hui à {time} : session n° {number}, code d'accès {code}, mot de passe de session {password}",
        "Rehearsal today at {time}: session no. {number}, access code {code}, invigilator password {password}",
    ),
    "cli.demo.next": (
        "Pour l'ouvrir : pixtui --store {path}   (F5 Salle, puis le mot de passe)",
        "To open it: pixtui --store {path}   (F5 Room, then the password)",
    ),
    "cli.check.ok": (
        "Fichier en bon état : {path} (version {version}, {changes} {changes:plural:modification|modifications}, {pupils} {pupils:plural:élève|élèves}, {sessions} {sessions:plural:session|sessions}).",
        "Store is healthy: {path} (version {version}, {changes} {changes:plural:change|changes}, {pupils} {pupils:plural:pupil|pupils}, {sessions} {sessions:plural:session|sessions}).",
    ),
    "cli.check.layout_file": (
        "Disposition : un seul fichier de données.",
        "Layout: a single data file.",
    ),
    "cli.check.layout_folder": (
        "Disposition : dossier {folder} ({parts} {parts:plural:fichier|fichiers} de données).",
        "Layout: folder {folder} ({parts} {parts:plural:data file|data files}).",
    ),
    "cli.backup.done": ("Sauvegarde écrite : {path}", "Backup written: {path}"),
    "cli.backup.label": ("étiquette de la sauvegarde", "backup label"),
    "cli.restore.list_header": (
        "Sauvegardes de {path} (la plus récente d'abord) :",
        "Backups of {path} (newest first):",
    ),
    "cli.restore.line": (
        "  [{index}] {when} ({ago})  {name}  {size}  {state}",
        "  [{index}] {when} ({ago})  {name}  {size}  {state}",
    ),
    "cli.restore.good": ("lisible", "readable"),
    "cli.restore.bad": ("ABÎMÉE", "DAMAGED"),
    "cli.restore.none": (
        "Aucune sauvegarde n'existe pour {path}.",
        "There is no backup of {path}.",
    ),
    "cli.restore.none_good": (
        "Aucune sauvegarde lisible n'existe pour {path}.",
        "No readable backup of {path} exists.",
    ),
    "cli.restore.which": (
        "numéro de la sauvegarde à restaurer (par défaut la plus récente lisible)",
        "number of the backup to restore (default: the newest readable one)",
    ),
    "cli.restore.list_only": ("seulement lister les sauvegardes", "only list the backups"),
    "cli.restore.bad_index": (
        "Il n'y a pas de sauvegarde n° {index}.",
        "There is no backup number {index}.",
    ),
    "cli.restore.damaged_choice": (
        "La sauvegarde n° {index} est abîmée : choisissez-en une lisible.",
        "Backup number {index} is damaged: choose a readable one.",
    ),
    "cli.restore.confirm": (
        "Restaurer la sauvegarde du {when} ({name}) ? Le fichier actuel est gardé à côté. [o/N] ",
        "Restore the backup of {when} ({name})? The current file is kept aside. [y/N] ",
    ),
    "cli.restore.cancelled": (
        "Restauration annulée ; rien n'a changé.",
        "Restore cancelled; nothing changed.",
    ),
    "cli.restore.no_tty": (
        "Confirmation impossible sans terminal : ajoutez --yes pour restaurer.",
        "Cannot confirm without a terminal: add --yes to restore.",
    ),
    "cli.restore.done": ("Sauvegarde restaurée dans {path}.", "Backup restored into {path}."),
    "cli.error.output_closed": (
        "La sortie a été fermée avant la fin de l'affichage (« | head » ?) : l'affichage s'est arrêté là.",
        "The output was closed before the end (| head?): the display stopped there.",
    ),
    "cli.yes_answers": ("o,oui", "y,yes"),
    "cli.salle.number": ("numéro Pix de la session", "Pix session number"),
    "cli.error.store_missing": (
        "Aucun fichier de données à {path} : créez-le avec « pixtui init » ou essayez « pixtui demo ».",
        "No store at {path}: create one with “pixtui init” or try “pixtui demo”.",
    ),
    "cli.error.store_is_folder": (
        "{path} est un dossier : donnez le chemin du fichier de données (par exemple {path}/pixtui.json).",
        "{path} is a folder: give the path of the store file (for example {path}/pixtui.json).",
    ),
    "cli.error.unexpected": (
        "Erreur inattendue de pixtui ; rien n'a été perdu. Le détail est dans {log} : merci de le transmettre.",
        "Unexpected pixtui error; nothing was lost. Details are in {log}: please pass them on.",
    ),
    "cli.error.interrupted": ("Interrompu.", "Interrupted."),
    "cli.error.not_a_terminal": (
        "pixtui doit être lancé dans un terminal (sortie standard non interactive).",
        "pixtui must run in a terminal (standard output is not interactive).",
    ),
}
