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
    "imports.file.unknown_kind": (
        "Type de fichier non reconnu : ni liste d'élèves (Nom, Prénom, Date de naissance), ni export de collecte de profils Pix Orga (Certifiable (O/N)), ni liste « Élèves » de Pix Orga (certificabilite).",
        "Unknown file type: neither a pupil list (Nom, Prénom, Date de naissance), nor a Pix Orga profile-collection export (Certifiable (O/N)), nor a Pix Orga \"Élèves\" list (certificabilite).",
    ),
    "imports.file.wrong_kind": (
        "Ce fichier est un(e) {found}, pas un(e) {expected}.",
        "This file is a {found}, not a {expected}.",
    ),
    "imports.file.missing_columns": (
        "Colonne(s) obligatoire(s) absente(s) de l'en-tête : {columns}.",
        "Required column(s) missing from the header: {columns}.",
    ),
    "imports.file.no_rows": (
        "Le fichier ne contient aucune ligne de données après l'en-tête.",
        "The file holds no data line after the header.",
    ),
    # --- Cells (sniff) ---
    "imports.cell.date": (
        "Date illisible « {value} » (attendu JJ/MM/AAAA).",
        "Unreadable date \"{value}\" (expected DD/MM/YYYY).",
    ),
    "imports.cell.datetime": (
        "Date et heure illisibles « {value} » (attendu JJ/MM/AAAA HH:MM).",
        "Unreadable date and time \"{value}\" (expected DD/MM/YYYY HH:MM).",
    ),
    "imports.cell.number": (
        "Nombre illisible « {value} ».",
        "Unreadable number \"{value}\".",
    ),
    "imports.cell.integer": (
        "Nombre entier attendu, lu « {value} ».",
        "A whole number was expected, read \"{value}\".",
    ),
    "imports.cell.boolean": (
        "Valeur oui/non illisible « {value} ».",
        "Unreadable yes/no value \"{value}\".",
    ),
    "imports.row.width": (
        "Nombre de colonnes incorrect : {found} au lieu de {expected}.",
        "Wrong number of columns: {found} instead of {expected}.",
    ),
}
