"""Catalogue entries for the install on the school's server: settings files and ``pixtui doctor``.

key -> (French, English). Fixes are shell commands for a Debian or Ubuntu server, one a line.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # The command line
    "cli.settings_order": (
        "Réglages (fichier de données, langue, raccourcis, jeu de symboles), chacun l'emportant "
        "sur le précédent : {system}, puis $XDG_CONFIG_HOME/pixtui/config.toml (sinon "
        "~/.config/pixtui/config.toml), puis les variables PIXTUI_STORE, PIXTUI_LANG et "
        "PIXTUI_GLYPHS, puis les options --store, --lang et --glyphs. « pixtui doctor » dit "
        "d'où vient chaque réglage et vérifie l'installation.",
        "Settings (store, language, keys, glyph set), each overriding the one before: {system}, "
        "then $XDG_CONFIG_HOME/pixtui/config.toml (else ~/.config/pixtui/config.toml), then the "
        "PIXTUI_STORE, PIXTUI_LANG and PIXTUI_GLYPHS variables, then the --store, --lang and "
        "--glyphs options. « pixtui doctor » tells where each setting came from and checks the "
        "install.",
    ),
    "cli.opt.glyphs": (
        "symboles de l'écran : auto (selon le terminal), unicode, linux (polices de la console) "
        "ou ascii",
        "screen symbols: auto (from the terminal), unicode, linux (the console's fonts) or ascii",
    ),
    "cli.cmd.doctor": (
        "vérifier l'installation pour ce compte et dire comment corriger",
        "check the install for this account and say how to fix it",
    ),
    # Settings files
    "config.is_folder": (
        "Le fichier de réglages {path} est un dossier : remplacez-le par un fichier TOML.",
        "The settings file {path} is a folder: replace it with a TOML file.",
    ),
    "config.unreadable": (
        "Le fichier de réglages {path} n'est pas lisible par votre compte : "
        "« sudo chmod 644 {path} » le rend lisible (il ne contient pas de données d'élèves).",
        "The settings file {path} cannot be read by your account: "
        "« sudo chmod 644 {path} » makes it readable (it holds no pupil data).",
    ),
    "config.os_error": (
        "Le fichier de réglages {path} ne peut pas être lu ({reason}).",
        "The settings file {path} cannot be read ({reason}).",
    ),
    "config.not_utf8": (
        "Le fichier de réglages {path} n'est pas en UTF-8 : enregistrez-le en UTF-8.",
        "The settings file {path} is not UTF-8: save it as UTF-8.",
    ),
    "config.syntax": (
        "Le fichier de réglages {path} n'est pas du TOML valide : {reason}.",
        "The settings file {path} is not valid TOML: {reason}.",
    ),
    "config.unknown_key": (
        "Le fichier de réglages {path} contient le réglage inconnu « {key} » "
        "(réglages possibles : {known}).",
        "The settings file {path} has the unknown setting « {key} » (known settings: {known}).",
    ),
    "config.not_text": (
        "Dans {path}, « {key} » doit être un texte entre guillemets, non vide.",
        "In {path}, « {key} » must be a non-empty quoted text.",
    ),
    "config.bad_value": (
        "Réglage « {key} » de {source} : « {value} » n'est pas possible (choisir parmi {allowed}).",
        "Setting « {key} » from {source}: « {value} » is not possible (choose from {allowed}).",
    ),
    "config.keymap_not_table": (
        'Dans {path}, « keymap » doit être une section [keymap] de lignes « id = "touches" ».',
        'In {path}, « keymap » must be a [keymap] section of « id = "keys" » lines.',
    ),
    "config.keymap_bad_keys": (
        "Dans {path}, les touches « {keys} » de « {id} » contiennent une touche vide.",
        "In {path}, the keys « {keys} » of « {id} » contain an empty key.",
    ),
    # pixtui doctor: layout
    "doctor.about": (
        "Vérifie, pour le compte qui la lance, tout ce dont pixtui a besoin sur ce serveur "
        "(réglages, fichier de données et droits, disque, terminal, horloge, fuseau horaire) et "
        "donne la commande qui corrige chaque problème. Code de sortie 1 si quelque chose "
        "empêche de travailler.",
        "Checks, for the account that runs it, everything pixtui needs on this server (settings, "
        "store and rights, disk, terminal, clock, time zone) and gives the command that fixes "
        "each problem. Exit status 1 when something prevents work.",
    ),
    "doctor.unchecked": (
        "vérification impossible : {path} ({reason}).",
        "could not check: {path} ({reason}).",
    ),
    "doctor.title": (
        "pixtui doctor : vérification de l'installation pour le compte {login}",
        "pixtui doctor: checking the install for the account {login}",
    ),
    "doctor.line": ("{mark} {topic} : {text}", "{mark} {topic}: {text}"),
    "doctor.mark.ok": ("[ OK ]", "[ OK ]"),
    "doctor.mark.info": ("[INFO]", "[INFO]"),
    "doctor.mark.warn": ("[ !! ]", "[ !! ]"),
    "doctor.mark.block": ("[STOP]", "[STOP]"),
    "doctor.fix_intro": ("Pour corriger :", "To fix it:"),
    "doctor.summary.ok": (
        "Tout est prêt pour ce compte.",
        "Everything is ready for this account.",
    ),
    "doctor.summary.warnings": (
        "Rien n'empêche de travailler ; points à corriger : {warnings}.",
        "Nothing prevents work; points to fix: {warnings}.",
    ),
    "doctor.summary.blocked": (
        "Problèmes qui empêchent de travailler : {blocking} ; autres points à corriger : "
        "{warnings}.",
        "Problems that prevent work: {blocking}; other points to fix: {warnings}.",
    ),
    "doctor.topic.settings": ("Réglages", "Settings"),
    "doctor.topic.store": ("Fichier de données", "Store"),
    "doctor.topic.access": ("Droits", "Rights"),
    "doctor.topic.modes": ("Modes des fichiers", "File modes"),
    "doctor.topic.umask": ("Masque (umask)", "Umask"),
    "doctor.topic.disk": ("Disque", "Disk"),
    "doctor.topic.terminal": ("Terminal", "Terminal"),
    "doctor.topic.glyphs": ("Symboles", "Symbols"),
    "doctor.topic.clock": ("Horloge", "Clock"),
    "doctor.topic.zone": ("Fuseau horaire", "Time zone"),
    "doctor.topic.install": ("Installation", "Install"),
    "doctor.topic.open": ("Ouverture", "Opening"),
    "doctor.topic.keymap": ("Raccourcis", "Keys"),
    "doctor.keymap.unknown": (
        "« {id} » ({source}) ne désigne aucune action de pixtui : cette ligne est sans effet.",
        "« {id} » ({source}) names no pixtui action: this line has no effect.",
    ),
    "doctor.keymap.ok": ("raccourcis redéfinis : {count}.", "keys redefined: {count}."),
    # Settings and sources
    "doctor.settings.none": (
        "aucun fichier de réglages (ni {system} ni {user}) : valeurs par défaut et variables "
        "d'environnement.",
        "no settings file (neither {system} nor {user}): defaults and environment variables.",
    ),
    "doctor.settings.read": ("lus : {files}.", "read: {files}."),
    "doctor.settings.system_writable": (
        "{path} (mode {mode}, propriétaire {owner}) peut être modifié par d'autres que root : "
        "ils pourraient envoyer tous les comptes vers un autre fichier de données.",
        "{path} (mode {mode}, owner {owner}) can be changed by others than root: they could send "
        "every account to another store.",
    ),
    "doctor.source.default": (
        "valeur par défaut, propre à ce compte",
        "default value, this account's own",
    ),
    "doctor.source.env": ("variable {name}", "variable {name}"),
    "doctor.source.flag": ("option {name}", "option {name}"),
    "doctor.source.file": ("fichier {path}", "file {path}"),
    "doctor.store.where": ("{path} (d'après : {source}).", "{path} (from: {source})."),
    "doctor.store.missing": (
        "le fichier {path} n'existe pas.",
        "the file {path} does not exist.",
    ),
    "doctor.store.not_file": (
        "{path} n'est pas un fichier ordinaire.",
        "{path} is not a regular file.",
    ),
    "doctor.store.no_folder": (
        "le dossier {folder} n'existe pas : le fichier {path} ne peut pas y être.",
        "the folder {folder} does not exist: the file {path} cannot be in it.",
    ),
    # Rights and modes
    "doctor.access.folder_closed": (
        "le dossier {folder} est fermé au compte {login}.",
        "the folder {folder} is closed to the account {login}.",
    ),
    "doctor.access.not_in_group": (
        "le compte {login} n'est pas dans le groupe {group} qui partage {path} : pixtui ne peut "
        "ni le lire ni l'écrire.",
        "the account {login} is not in the group {group} that shares {path}: pixtui can neither "
        "read nor write it.",
    ),
    "doctor.access.group_not_yet": (
        "le compte {login} a été ajouté au groupe {group}, mais cette connexion a été ouverte "
        "avant : elle ne peut pas encore lire {path}.",
        "the account {login} was added to the group {group}, but this connection was opened "
        "before: it cannot read {path} yet.",
    ),
    "doctor.access.file_mode": (
        "{path} (mode {mode}) n'est pas lisible et modifiable par le compte {login}.",
        "{path} (mode {mode}) cannot be read and written by the account {login}.",
    ),
    "doctor.access.private_store": (
        "{path} (mode {mode}) est réservé à son propriétaire {owner} alors que son dossier est "
        "partagé : il a été créé sans « --group », et pixtui le remet à ce mode à chaque "
        "enregistrement.",
        "{path} (mode {mode}) is its owner {owner}'s only although its folder is shared: it was "
        "made without « --group », and pixtui puts that mode back at every save.",
    ),
    "doctor.access.folder_mode": (
        "le dossier {folder} (mode {mode}) ne permet pas à ce compte d'y écrire : chaque "
        "enregistrement y crée un fichier temporaire.",
        "the folder {folder} (mode {mode}) does not let this account write in it: every save "
        "makes a temporary file there.",
    ),
    "doctor.access.companion": (
        "{path} (mode {mode}, groupe {group}) n'est pas accessible à ce compte : les "
        "enregistrements échoueraient.",
        "{path} (mode {mode}, group {group}) is not accessible to this account: saves would fail.",
    ),
    "doctor.access.ok_shared": (
        "le compte {login} lit et écrit le fichier partagé (mode {mode}, groupe {group}).",
        "the account {login} reads and writes the shared file (mode {mode}, group {group}).",
    ),
    "doctor.access.ok_private": (
        "le compte {login} lit et écrit le fichier (mode {mode}, réservé à son propriétaire).",
        "the account {login} reads and writes the file (mode {mode}, its owner's only).",
    ),
    "doctor.as_root": (
        "vous êtes root : les droits sont vérifiés pour root. Pour un surveillant : "
        "« sudo -u SURVEILLANT pixtui doctor ».",
        "you are root: rights are checked for root. For an invigilator: "
        "« sudo -u INVIGILATOR pixtui doctor ».",
    ),
    "doctor.modes.no_setgid": (
        "le dossier partagé {folder} (mode {mode}) n'a pas le bit setgid : les sauvegardes et "
        "le journal risquent de ne plus appartenir au groupe.",
        "the shared folder {folder} (mode {mode}) lacks the setgid bit: backups and the journal "
        "may stop belonging to the group.",
    ),
    "doctor.modes.folder_group": (
        "le dossier {folder} appartient au groupe {folder_group}, le fichier au groupe {group}.",
        "the folder {folder} belongs to the group {folder_group}, the file to the group {group}.",
    ),
    "doctor.modes.others_file": (
        "{path} (mode {mode}) est lisible par des comptes hors du groupe : ce sont des données "
        "d'élèves mineurs.",
        "{path} (mode {mode}) is readable by accounts outside the group: it holds minors' data.",
    ),
    "doctor.modes.others_folder": (
        "le dossier {folder} (mode {mode}) est ouvert aux comptes hors du groupe.",
        "the folder {folder} (mode {mode}) is open to accounts outside the group.",
    ),
    "doctor.umask.open": (
        "umask {umask} : les fichiers que ce compte crée hors de pixtui (un document copié, une "
        "sauvegarde recopiée à la main) seraient lisibles par tous les comptes du serveur ; "
        "pixtui fixe lui-même les droits de ses propres fichiers.",
        "umask {umask}: files this account makes outside pixtui (a copied document, a backup "
        "copied by hand) would be readable by every account on the server; pixtui sets the "
        "rights of its own files itself.",
    ),
    "doctor.umask.ok": (
        "umask {umask} : rien n'est ouvert aux autres comptes (pixtui fixe lui-même les droits de "
        "ses fichiers : 0600, ou 0660 pour le groupe).",
        "umask {umask}: nothing is open to other accounts (pixtui sets its files' rights itself: "
        "0600, or 0660 for the group).",
    ),
    "doctor.disk.ok": ("{free} libres.", "{free} free."),
    "doctor.disk.low": (
        "il ne reste que {free} sous {folder} : un enregistrement ou une sauvegarde peut échouer "
        "le jour de l'épreuve.",
        "only {free} left under {folder}: a save or a backup may fail on the exam day.",
    ),
    # Terminal
    "doctor.terminal.no_tty": (
        "pas de terminal (commande lancée sans « ssh -t » ?) : terminal non vérifié.",
        "no terminal (command run without « ssh -t »?): terminal not checked.",
    ),
    "doctor.terminal.no_term": (
        "le type de terminal (TERM={term}) ne permet pas d'afficher l'écran de pixtui.",
        "the terminal type (TERM={term}) cannot show pixtui's screen.",
    ),
    "doctor.terminal.small": (
        "la fenêtre fait {columns}x{lines} : il faut au moins 80 colonnes et 24 lignes.",
        "the window is {columns}x{lines}: at least 80 columns and 24 lines are needed.",
    ),
    "doctor.terminal.no_utf8": (
        "la langue du système ({locale}) n'est pas en UTF-8 : accents et symboles "
        "s'afficheraient mal.",
        "the system locale ({locale}) is not UTF-8: accents and symbols would show wrong.",
    ),
    "doctor.terminal.ok": (
        "TERM={term}, {size}, UTF-8, {colours}, symboles « {glyphs} ».",
        "TERM={term}, {size}, UTF-8, {colours}, symbols « {glyphs} ».",
    ),
    "doctor.colours.none": ("sans couleur (NO_COLOR)", "no colour (NO_COLOR)"),
    "doctor.colours.sixteen": ("16 couleurs", "16 colours"),
    "doctor.colours.many": ("256 couleurs ou plus", "256 colours or more"),
    "doctor.glyphs.unicode_on_console": (
        "le jeu de symboles « unicode » est imposé, mais ce terminal (TERM={term}) n'a pas "
        "tous ses symboles : les états des candidats se confondraient.",
        "the « unicode » symbol set is forced, but this terminal (TERM={term}) lacks some of "
        "its symbols: candidates' states would look alike.",
    ),
    # Clock and zone
    "doctor.clock.ok": (
        "synchronisée par NTP (les heures de fin en dépendent).",
        "synchronised by NTP (end times depend on it).",
    ),
    "doctor.clock.unsynchronised": (
        "l'horloge du serveur n'est pas synchronisée : les heures de fin et les temps restants "
        "affichés peuvent être faux.",
        "the server's clock is not synchronised: the end times and remaining times shown may "
        "be wrong.",
    ),
    "doctor.clock.unknown": (
        "aucun service de synchronisation de l'heure n'a répondu (timedatectl, chrony, ntpd) : "
        "impossible de savoir si l'heure est juste.",
        "no time synchronisation service answered (timedatectl, chrony, ntpd): cannot tell "
        "whether the time is right.",
    ),
    "doctor.zone.ok": ("{zone}.", "{zone}."),
    "doctor.zone.other": (
        "le serveur est à l'heure « {zone} » mais pixtui affiche les heures de « {school} » : les "
        "heures du système (journaux, tâches planifiées) ne concorderont pas.",
        "the server runs on « {zone} » time but pixtui shows « {school} » times: the system's times "
        "(logs, scheduled jobs) will not match.",
    ),
    "doctor.zone.elsewhere": (
        "le serveur est à l'heure « {zone} » ; pixtui affiche toujours les heures de « {school} » : "
        "dans un établissement de ce fuseau, les heures de début et de fin seraient fausses.",
        "the server runs on « {zone} » time; pixtui always shows « {school} » times: in a school "
        "of that zone, start and end times would be wrong.",
    ),
    "doctor.install.private": (
        "pixtui ({path}) est installé sous {folder}, fermé aux autres comptes : les "
        "surveillants ne pourront pas le lancer.",
        "pixtui ({path}) is installed under {folder}, closed to other accounts: invigilators "
        "will not be able to run it.",
    ),
    "doctor.install.ok": ("{path}, Python {version}.", "{path}, Python {version}."),
    "doctor.open.ok": (
        "fichier vérifié : {pupils} {pupils:plural:élève|élèves}, {sessions} {sessions:plural:session|sessions} (format {version}).",
        "store checked: {pupils} {pupils:plural:pupil|pupils}, {sessions} {sessions:plural:session|sessions} (format {version}).",
    ),
    "doctor.open.os_error": (
        "le fichier {path} ne peut pas être ouvert ({reason}).",
        "the file {path} cannot be opened ({reason}).",
    ),
    # Fixes (shell commands, one a line)
    "doctor.fix.settings": (
        "sudoedit /etc/pixtui.toml   (ou ~/.config/pixtui/config.toml)",
        "sudoedit /etc/pixtui.toml   (or ~/.config/pixtui/config.toml)",
    ),
    "doctor.fix.system_file": (
        "sudo chown root:root {path} && sudo chmod 644 {path}",
        "sudo chown root:root {path} && sudo chmod 644 {path}",
    ),
    "doctor.fix.store_setting": (
        'indiquer le fichier partagé dans {system} :  store = "/srv/pixtui/pixtui.json"\n'
        "(ou « SetEnv {env}=/srv/pixtui/pixtui.json » dans /etc/ssh/sshd_config)",
        'name the shared file in {system}:  store = "/srv/pixtui/pixtui.json"\n'
        "(or « SetEnv {env}=/srv/pixtui/pixtui.json » in /etc/ssh/sshd_config)",
    ),
    "doctor.fix.init": (
        'pixtui init --store {path} --group {group} --name "NOM" --uai UAI --type college',
        'pixtui init --store {path} --group {group} --name "NAME" --uai UAI --type college',
    ),
    "doctor.fix.make_folder": (
        "sudo install -d -m 2770 -g pixtui {folder}",
        "sudo install -d -m 2770 -g pixtui {folder}",
    ),
    "doctor.fix.folder_open": (
        "sudo chmod o+x {folder}   (ou le donner au groupe : sudo chgrp pixtui {folder})",
        "sudo chmod o+x {folder}   (or give it to the group: sudo chgrp pixtui {folder})",
    ),
    "doctor.fix.add_to_group": (
        "sudo adduser {login} {group}\npuis se déconnecter et se reconnecter",
        "sudo adduser {login} {group}\nthen log out and back in",
    ),
    "doctor.fix.relogin": (
        "se déconnecter et se reconnecter (ou « newgrp {group} » pour ce terminal)",
        "log out and back in (or « newgrp {group} » for this terminal)",
    ),
    "doctor.fix.file_mode": (
        "sudo chgrp {group} {path} && sudo chmod 660 {path}",
        "sudo chgrp {group} {path} && sudo chmod 660 {path}",
    ),
    "doctor.fix.private_store": (
        "recréer le fichier partagé : pixtui init --store {path} --group {group} …",
        "make the shared file again: pixtui init --store {path} --group {group} …",
    ),
    "doctor.fix.shared_folder": (
        "sudo chgrp {group} {folder} && sudo chmod 2770 {folder}",
        "sudo chgrp {group} {folder} && sudo chmod 2770 {folder}",
    ),
    "doctor.fix.companions": (
        "sudo chgrp -R {group} {folder} && sudo chmod -R g+rwX,o-rwx {folder}",
        "sudo chgrp -R {group} {folder} && sudo chmod -R g+rwX,o-rwx {folder}",
    ),
    "doctor.fix.others": ("sudo chmod o-rwx {path}", "sudo chmod o-rwx {path}"),
    "doctor.fix.umask": (
        "echo 'umask 027' >> ~/.profile   (pour tous : UMASK 027 dans /etc/login.defs)",
        "echo 'umask 027' >> ~/.profile   (for everyone: UMASK 027 in /etc/login.defs)",
    ),
    "doctor.fix.disk": (
        "df -h {folder} ; du -sh {folder}/backups   puis libérer de la place",
        "df -h {folder} ; du -sh {folder}/backups   then free some space",
    ),
    "doctor.fix.term": (
        "PuTTY : Connexion > Données > Type de terminal « xterm » ; sinon : export TERM=xterm",
        "PuTTY: Connection > Data > Terminal-type string « xterm »; else: export TERM=xterm",
    ),
    "doctor.fix.size": (
        "PuTTY : Fenêtre > Colonnes 80, Lignes 24 (ou plus) ; sinon agrandir la fenêtre",
        "PuTTY: Window > Columns 80, Rows 24 (or more); else enlarge the window",
    ),
    "doctor.fix.utf8": (
        "sudo dpkg-reconfigure locales   (choisir fr_FR.UTF-8), ou : export LANG=C.UTF-8\n"
        "PuTTY : Fenêtre > Traduction > Jeu de caractères « UTF-8 »",
        "sudo dpkg-reconfigure locales   (choose fr_FR.UTF-8), or: export LANG=C.UTF-8\n"
        "PuTTY: Window > Translation > Remote character set « UTF-8 »",
    ),
    "doctor.fix.glyphs": (
        'pixtui --glyphs auto   (ou glyphs = "auto" dans {system}, ou {env}=auto)',
        'pixtui --glyphs auto   (or glyphs = "auto" in {system}, or {env}=auto)',
    ),
    "doctor.fix.ntp": (
        "sudo apt install systemd-timesyncd && sudo timedatectl set-ntp true",
        "sudo apt install systemd-timesyncd && sudo timedatectl set-ntp true",
    ),
    "doctor.fix.zone": (
        "sudo timedatectl set-timezone {zone}",
        "sudo timedatectl set-timezone {zone}",
    ),
    "doctor.fix.zone_elsewhere": (
        "établissement en métropole : sudo timedatectl set-timezone {zone} ; outre-mer : pixtui "
        "ne sait pas encore afficher un autre fuseau",
        "a school in mainland France: sudo timedatectl set-timezone {zone}; overseas: pixtui "
        "cannot show another zone yet",
    ),
    "doctor.fix.install": (
        "installer pixtui dans /opt/pixtui (README : « Installer sur le serveur de "
        "l'établissement »)",
        "install pixtui in /opt/pixtui (README: « Installer sur le serveur de l'établissement »)",
    ),
    "doctor.fix.keymap": (
        "remplacer l'identifiant par « {id} » ?",
        "replace the id with « {id} »?",
    ),
    "doctor.fix.keymap_none": (
        "retirer la ligne (les identifiants sont dans le README, « Réglages »)",
        "remove the line (the ids are in the README, « Réglages »)",
    ),
    "doctor.fix.check": (
        "pixtui check ; pixtui restore --list",
        "pixtui check ; pixtui restore --list",
    ),
}
