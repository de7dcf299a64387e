"""Catalogue entries for the store area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "store.busy": (
        "Le fichier de données {path} est occupé par un autre poste depuis plus de {seconds} s ; réessayez dans un instant.",
        "The data file {path} has been busy with another user for more than {seconds} s; try again in a moment.",
    ),
    "store.missing": (
        "Le fichier de données {path} n'existe pas ; créez-le avec « pixtui init » ou indiquez-en un autre avec --store.",
        'The data file {path} does not exist; create it with "pixtui init" or name another one with --store.',
    ),
    "store.exists": (
        "Le fichier de données {path} existe déjà ; il n'a pas été modifié.",
        "The data file {path} already exists; it was left unchanged.",
    ),
    "store.damaged_with_backup": (
        "Le fichier de données {path} est endommagé et n'a pas été modifié ; la dernière sauvegarde valide est {backup} ({when}) : lancez « pixtui restore » pour la remettre en place.",
        'The data file {path} is damaged and was left unchanged; the newest good backup is {backup} ({when}): run "pixtui restore" to put it back.',
    ),
    "store.damaged_no_backup": (
        "Le fichier de données {path} est endommagé et n'a pas été modifié, et aucune sauvegarde valide n'a été trouvée dans {backups} ; faites appel à l'administrateur du serveur.",
        "The data file {path} is damaged and was left unchanged, and no good backup was found in {backups}; call the server administrator.",
    ),
    "store.too_new": (
        "Le fichier de données {path} a été écrit par une version plus récente de pixtui (format {found}, cette version connaît le format {known}) ; mettez pixtui à jour ou relancez-le.",
        "The data file {path} was written by a newer pixtui (format {found}, this version knows format {known}); update or restart pixtui.",
    ),
    "store.moved": (
        "Le magasin de données {path} a été déplacé dans le dossier {folder} ; cette modification n'a pas été enregistrée : relancez pixtui.",
        "The data store {path} was moved into the folder {folder}; this change was not saved: restart pixtui.",
    ),
    "store.no_migration": (
        "Le fichier de données {path} est au format {found} et aucune conversion vers le format {known} n'est connue ; il n'a pas été modifié.",
        "The data file {path} is in format {found} and no conversion to format {known} is known; it was left unchanged.",
    ),
    "store.stale": (
        "Cette fiche a été modifiée par {who} à {time} ; rechargez-la avant d'enregistrer.",
        "This record was changed by {who} at {time}; reload it before saving.",
    ),
    "store.stale_unknown": (
        "Cette fiche a été modifiée entre-temps par un autre poste ; rechargez-la avant d'enregistrer.",
        "This record was changed meanwhile from another terminal; reload it before saving.",
    ),
    "store.record_missing": (
        "Cette fiche n'existe plus (elle a été supprimée depuis un autre poste) ; rechargez l'écran.",
        "This record no longer exists (it was deleted from another terminal); reload the screen.",
    ),
    "store.write_failed": (
        "L'enregistrement dans {path} a échoué ({reason}) ; les données déjà enregistrées sont intactes.",
        "Saving to {path} failed ({reason}); the data already saved is intact.",
    ),
    "store.reason.disk_full": ("le disque est plein", "the disk is full"),
    "store.reason.quota": ("le quota disque est dépassé", "the disk quota is exceeded"),
    "store.reason.permission": ("permission refusée", "permission denied"),
    "store.reason.read_only": ("le disque est en lecture seule", "the disk is read-only"),
    "store.reason.other": ("erreur système {code}", "system error {code}"),
    "store.bad_group": (
        "Le groupe « {group} » n'existe pas sur ce serveur ; le fichier de données n'a pas été créé.",
        'The group "{group}" does not exist on this server; the data file was not created.',
    ),
    "store.bad_backup": (
        "La sauvegarde {path} est illisible ou endommagée ; choisissez-en une autre.",
        "The backup {path} is unreadable or damaged; choose another one.",
    ),
    "store.closed_transaction": (
        "Cette modification arrive après la fin de la transaction ; elle n'a pas été enregistrée.",
        "This change came after the end of the transaction; it was not saved.",
    ),
    "store.nested_transaction": (
        "Une modification est déjà en cours dans ce programme ; réessayez quand elle est terminée.",
        "A change is already in progress in this program; try again when it is finished.",
    ),
    "store.duplicate_id": (
        "Une fiche avec le même identifiant existe déjà ; rien n'a été enregistré.",
        "A record with the same identifier already exists; nothing was saved.",
    ),
    "store.unreadable": (
        "Le fichier de données {path} n'est pas lisible par l'utilisateur {login} ; demandez à l'administrateur du serveur de l'ajouter au groupe « {group} », puis reconnectez-vous.",
        'The data file {path} cannot be read by the user {login}; ask the server administrator to add them to the group "{group}", then log in again.',
    ),
    "store.not_a_file": (
        "{path} n'est pas un fichier de données pixtui mais {kind} ; indiquez le chemin du fichier avec --store.",
        "{path} is not a pixtui data file but {kind}; give the path of the file with --store.",
    ),
    "store.kind.folder": ("un dossier", "a folder"),
    "store.kind.fifo": ("un tube nommé (FIFO)", "a named pipe (FIFO)"),
    "store.kind.special": ("un fichier spécial", "a special file"),
    "store.folder_not_writable": (
        "pixtui ne peut pas écrire dans le dossier {folder} ({reason}) ; rien n'a été modifié : demandez à l'administrateur du serveur le droit d'écrire dans ce dossier.",
        "pixtui cannot write in the folder {folder} ({reason}); nothing was changed: ask the server administrator for the right to write in this folder.",
    ),
    "store.check.unconfirmed": (
        "Journal : {count} {count:plural:ligne décrit une modification interrompue avant d'être enregistrée (panne ou arrêt brutal) ; elle est marquée non confirmée et n'est pas affichée|lignes décrivent des modifications interrompues avant d'être enregistrées (panne ou arrêt brutal) ; elles sont marquées non confirmées et ne sont pas affichées}.",
        "Journal: {count} {count:plural:line describes a change interrupted before it was saved (crash or hard stop); it is marked unconfirmed and not shown|lines describe changes interrupted before they were saved (crash or hard stop); they are marked unconfirmed and not shown}.",
    ),
}
