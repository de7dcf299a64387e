"""Catalogue entries for the imports area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- File level (sniff) ---
    "imports.file.empty": (
        "Le fichier est vide : aucune ligne d'en-tête n'a été trouvée.",
        "The file is empty: no header line was found.",
    ),
    "imports.file.binary": (
        "Ce fichier n'est pas un fichier texte CSV (un classeur .xlsx ou .ods ? Enregistrez-le au format CSV).",
        "This file is not a CSV text file (an .xlsx or .ods workbook? Save it as CSV).",
    ),
    "imports.file.unreadable": (
        "Le fichier est illisible à partir de la ligne {line} (cellule trop longue ou guillemets mal fermés) : lecture arrêtée.",
        "The file cannot be read from line {line} on (cell too long or unbalanced quotes): reading stopped.",
    ),
    "imports.file.line_too_long": (
        "La ligne {line} dépasse {limit} caractères : ce n'est pas une liste exportée par Pix, SIECLE ou Pronote.",
        "Line {line} is longer than {limit} characters: this is not a list exported by Pix, SIECLE or Pronote.",
    ),
    "imports.file.unknown_kind": (
        "Type de fichier non reconnu : ni liste d'élèves (Nom, Prénom, Date de naissance), ni export de collecte de profils Pix Orga (Certifiable (O/N)), ni liste « Élèves » de Pix Orga (certificabilite).",
        'Unknown file type: neither a pupil list (Nom, Prénom, Date de naissance), nor a Pix Orga profile-collection export (Certifiable (O/N)), nor a Pix Orga "Élèves" list (certificabilite).',
    ),
    "imports.file.wrong_kind": (
        "Ce fichier est un(e) {found}, pas un(e) {expected}.",
        "This file is a {found}, not a {expected}.",
    ),
    "imports.file.missing_columns": (
        "{count:plural:Colonne obligatoire absente|Colonnes obligatoires absentes} de l'en-tête : {columns}.",
        "{count:plural:Required column|Required columns} missing from the header: {columns}.",
    ),
    "imports.file.no_rows": (
        "Le fichier ne contient aucune ligne de données après l'en-tête.",
        "The file holds no data line after the header.",
    ),
    # --- Cells (sniff) ---
    "imports.cell.date": (
        "Date illisible « {value} » (attendu JJ/MM/AAAA).",
        'Unreadable date "{value}" (expected DD/MM/YYYY).',
    ),
    "imports.cell.datetime": (
        "Date et heure illisibles « {value} » (attendu JJ/MM/AAAA HH:MM).",
        'Unreadable date and time "{value}" (expected DD/MM/YYYY HH:MM).',
    ),
    "imports.cell.number": (
        "Nombre illisible « {value} ».",
        'Unreadable number "{value}".',
    ),
    "imports.cell.integer": (
        "Nombre entier attendu, lu « {value} ».",
        'A whole number was expected, read "{value}".',
    ),
    "imports.cell.boolean": (
        "Valeur oui/non illisible « {value} ».",
        'Unreadable yes/no value "{value}".',
    ),
    "imports.row.width": (
        "Nombre de colonnes incorrect : {found} au lieu de {expected}.",
        "Wrong number of columns: {found} instead of {expected}.",
    ),
    # --- Rows ---
    "imports.row.controls": (
        "Caractères de contrôle invisibles dans la ligne (séquence d'échappement, caractère d'inversion du sens d'écriture) : ligne refusée, corrigez le fichier.",
        "Invisible control characters in the line (escape sequence, text-direction override): line refused, correct the file.",
    ),
    "imports.row.unmatched_quote": (
        "Guillemet non fermé dans la ligne : corrigez-la dans le fichier.",
        "Unmatched quote in the line: correct it in the file.",
    ),
    "imports.row.unmatched_quote_lines": (
        "Guillemet non fermé : les lignes {first} à {last} ont été lues comme une seule cellule ; corrigez le fichier.",
        "Unmatched quote: lines {first} to {last} were read as one cell; correct the file.",
    ),
    "imports.row.no_last_name": ("Nom manquant.", "Last name missing."),
    "imports.row.no_first_name": ("Prénom manquant.", "First name missing."),
    "imports.row.no_division": ("Classe manquante.", "Class missing."),
    # --- Pupil lists ---
    "imports.pupil.no_birthdate": ("Date de naissance manquante.", "Birthdate missing."),
    "imports.pupil.unlikely_birthdate": (
        "Date de naissance invraisemblable « {value} ».",
        'Implausible birthdate "{value}".',
    ),
    "imports.pupil.implausible_birthdate": (
        "Date de naissance impossible pour un élève « {value} » : attendue entre le {oldest} et le {youngest}.",
        'Impossible birthdate for a pupil "{value}": expected between {oldest} and {youngest}.',
    ),
    "imports.pupil.full_name": (
        "Impossible de séparer le nom (en majuscules) du prénom dans « {value} ».",
        'Cannot tell the last name (in capitals) from the first name in "{value}".',
    ),
    "imports.pupil.unknown_sex": (
        "Sexe « {value} » non reconnu (attendu M ou F) : laissé vide.",
        'Sex "{value}" not recognised (expected M or F): left empty.',
    ),
    "imports.pupil.odd_ine": (
        "INE « {value} » inhabituel (11 caractères attendus, le dernier une lettre) : à vérifier.",
        'Unusual INE "{value}" (11 characters expected, the last a letter): please check.',
    ),
    "imports.pupil.duplicate": (
        "Élève en double dans le fichier avec des informations différentes (voir {count:plural:ligne|lignes} {lines}) : à corriger avant import.",
        "Pupil twice in the file with different details (see {count:plural:line|lines} {lines}): fix it before importing.",
    ),
    "imports.pupil.duplicate_same": (
        "Ligne répétée : même élève qu'à {count:plural:la ligne|aux lignes} {lines}, ignorée.",
        "Repeated line: same pupil as on {count:plural:line|lines} {lines}, ignored.",
    ),
    # --- Profile collection ---
    "imports.profile.no_division": (
        "Pas de colonne Classe dans cet export : les élèves seront cherchés dans tout l'établissement.",
        "No class column in this export: pupils will be looked up in the whole school.",
    ),
    "imports.profile.bad_certifiable": (
        "Valeur de « Certifiable (O/N) » inconnue : « {value} » (attendu Oui, Non ou NA).",
        'Unknown "Certifiable (O/N)" value: "{value}" (expected Oui, Non or NA).',
    ),
    "imports.profile.bad_shared": (
        "Valeur de « Envoi (O/N) » inconnue : « {value} » (attendu Oui, Non ou NA).",
        'Unknown "Envoi (O/N)" value: "{value}" (expected Oui, Non or NA).',
    ),
    "imports.profile.bad_competences": (
        "Nombre de compétences certifiables impossible : {value} (entre 0 et 16).",
        "Impossible number of certifiable competences: {value} (between 0 and 16).",
    ),
    "imports.profile.inconsistent": (
        "Certifiable (O/N) vaut « {value} » avec {competences} {competences:plural:compétence certifiable|compétences certifiables} : la règle est d'au moins 5 compétences, à vérifier.",
        'Certifiable (O/N) is "{value}" with {competences} certifiable {competences:plural:competence|competences}: the rule is at least 5 competences, please check.',
    ),
    "imports.profile.no_sent_at": (
        "Date de l'envoi absente : la certificabilité sera enregistrée sans date.",
        "Send date missing: certifiability will be recorded without a date.",
    ),
    "imports.profile.older_duplicate": (
        "Autre participation de {name} : seule la ligne {kept}, le dernier envoi, est gardée.",
        "Another participation of {name}: only line {kept}, the latest send, is kept.",
    ),
    # --- Pix Orga Élèves page ---
    "imports.orga.bad_certifiability": (
        "Certificabilité inconnue « {value} » (attendu Certifiable, Non certifiable ou Non communiqué).",
        'Unknown certifiability "{value}" (expected Certifiable, Non certifiable or Non communiqué).',
    ),
    "imports.orga.bad_login": (
        "Valeur « {value} » illisible dans la colonne {column} (attendu true ou false).",
        'Unreadable value "{value}" in column {column} (expected true or false).',
    ),
    "imports.orga.duplicate": (
        "Même élève, même classe qu'à la ligne {line} : ligne ignorée.",
        "Same pupil, same class as on line {line}: line ignored.",
    ),
    # --- Plans ---
    "imports.plan.several_pupils": (
        "Plusieurs élèves existants correspondent (mêmes nom, prénom et date de naissance) : à trancher.",
        "Several existing pupils match (same names and birthdate): a person must decide.",
    ),
    "imports.plan.other_ine": (
        "Un élève de mêmes nom, prénom et date de naissance existe avec un autre INE : à trancher.",
        "A pupil with the same names and birthdate exists with another INE: a person must decide.",
    ),
    "imports.plan.same_pupil": (
        "Les lignes {lines} correspondent au même élève existant : à trancher.",
        "Lines {lines} match the same existing pupil: a person must decide.",
    ),
    "imports.plan.ambiguous": (
        "Plusieurs élèves portent ce nom dans cette classe : à trancher.",
        "Several pupils bear this name in this class: a person must decide.",
    ),
    "imports.plan.unknown": (
        "Aucun élève de ce nom dans cette classe.",
        "No pupil of this name in this class.",
    ),
    "imports.plan.unknown_in_class": (
        "Aucun élève de ce nom dans cette classe ; le même nom existe en {classes} : changement de classe ?",
        "No pupil of this name in this class; the same name is in {classes}: a change of class?",
    ),
    "imports.change": ("{field} : {before} → {after}", "{field}: {before} → {after}"),
    "imports.value.yes": ("oui", "yes"),
    "imports.value.no": ("non", "no"),
    "imports.field.last_name": ("Nom", "Last name"),
    "imports.field.first_name": ("Prénom", "First name"),
    "imports.field.birthdate": ("Date de naissance", "Birthdate"),
    "imports.field.division": ("Classe", "Class"),
    "imports.field.sex": ("Sexe", "Sex"),
    "imports.field.ine": ("INE", "INE"),
    "imports.field.mef_code": ("Code MEF", "MEF code"),
    "imports.field.left_school": ("Parti de l'établissement", "Left the school"),
    "imports.field.certifiability": ("Certificabilité", "Certifiability"),
    "imports.field.certifiability_date": ("Date de certificabilité", "Certifiability date"),
    "imports.field.certifiable_competences": (
        "Compétences certifiables",
        "Certifiable competences",
    ),
    "imports.field.login_methods": ("Méthodes de connexion", "Login methods"),
    "imports.certifiability.certifiable": ("Certifiable", "Certifiable"),
    "imports.certifiability.not_certifiable": ("Non certifiable", "Not certifiable"),
    "imports.certifiability.unknown": ("Non communiqué", "Not reported"),
    "imports.login.mediacentre": ("Médiacentre (ENT)", "Médiacentre (ENT)"),
    "imports.login.identifiant": ("Identifiant", "Username"),
    "imports.login.email": ("Adresse e-mail", "E-mail address"),
    "imports.login.code": ("Code", "Code"),
    # --- Report ---
    "imports.kind.pupil_list": ("liste d'élèves", "pupil list"),
    "imports.kind.profile_collection": (
        "export de collecte de profils Pix Orga",
        "Pix Orga profile-collection export",
    ),
    "imports.kind.orga_pupils": ("liste « Élèves » de Pix Orga", 'Pix Orga "Élèves" list'),
    "imports.kind.certification_results": (
        "fichier de résultats de certification",
        "certification results file",
    ),
    "imports.kind.unknown": ("fichier non reconnu", "unrecognised file"),
    "imports.encoding.utf8": ("UTF-8", "UTF-8"),
    "imports.encoding.utf8_bom": ("UTF-8 avec BOM", "UTF-8 with BOM"),
    "imports.encoding.utf16": ("UTF-16", "UTF-16"),
    "imports.encoding.utf32": ("UTF-32", "UTF-32"),
    "imports.encoding.cp1252": ("Windows-1252 (Excel)", "Windows-1252 (Excel)"),
    "imports.encoding.latin1": ("Latin-1", "Latin-1"),
    "imports.separator.semicolon": ("point-virgule", "semicolon"),
    "imports.separator.tab": ("tabulation", "tab"),
    "imports.separator.comma": ("virgule", "comma"),
    "imports.report.summary": (
        "{kind} : {accepted} {accepted:plural:ligne acceptée|lignes acceptées}, {refused} {refused:plural:refusée|refusées}, {warnings} {warnings:plural:avertissement|avertissements} ; {lines} {lines:plural:ligne|lignes}, {encoding}, séparateur {separator}.",
        "{kind}: {accepted} {accepted:plural:line|lines} accepted, {refused} refused, {warnings} {warnings:plural:warning|warnings}; {lines} {lines:plural:line|lines}, {encoding}, {separator} separator.",
    ),
}
