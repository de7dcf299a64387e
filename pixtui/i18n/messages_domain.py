"""Catalogue entries for the domain area: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- codes.py: access code, invigilator password, Pix session number -----------------
    "domain.access_code.required": (
        "Le code d'accès est obligatoire.",
        "The access code is required.",
    ),
    "domain.access_code.length": (
        "Le code d'accès compte 6 caractères, 4 lettres puis 2 chiffres (vous en avez saisi {length}).",
        "The access code has 6 characters, 4 letters then 2 digits (you typed {length}).",
    ),
    "domain.access_code.letters": (
        "Les 4 premiers caractères du code d'accès sont des lettres parmi {allowed} ({chars} n'en fait pas partie).",
        "The first 4 characters of the access code are letters among {allowed} ({chars} is not one of them).",
    ),
    "domain.access_code.digits": (
        "Les 2 derniers caractères du code d'accès sont des chiffres parmi {allowed} ({chars} n'en fait pas partie).",
        "The last 2 characters of the access code are digits among {allowed} ({chars} is not one of them).",
    ),
    "domain.password.required": (
        "Le mot de passe de session est obligatoire.",
        "The session password is required.",
    ),
    "domain.password.length": (
        "Le mot de passe de session compte 6 caractères (5 pour les sessions plus anciennes) ; vous en avez saisi {length}.",
        "The session password has 6 characters (5 for older sessions); you typed {length}.",
    ),
    "domain.password.chars": (
        "Le mot de passe de session ne contient que des chiffres de 2 à 9, des consonnes et ! * ? ({chars} n'en fait pas partie).",
        "The session password only contains digits 2 to 9, consonants and ! * ? ({chars} is not one of them).",
    ),
    "domain.password.repeated": (
        "Les 6 caractères du mot de passe de session sont tous différents ({chars} revient plusieurs fois).",
        "The 6 characters of the session password are all different ({chars} appears more than once).",
    ),
    "domain.pix_number.required": (
        "Le numéro de session Pix est obligatoire.",
        "The Pix session number is required.",
    ),
    "domain.pix_number.digits": (
        "Le numéro de session Pix ne contient que des chiffres (« {value} » n'est pas valable).",
        "The Pix session number only contains digits (\"{value}\" is not valid).",
    ),
    "domain.pix_number.length": (
        "Le numéro de session Pix compte au plus {max} chiffres.",
        "The Pix session number has at most {max} digits.",
    ),
}
