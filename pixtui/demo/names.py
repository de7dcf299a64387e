"""The fictional people and places of the demo collège (data, not interface strings).

The lists are chosen to exercise what real French class lists contain and what breaks naive
code: accents (é è ë ç ï œ), hyphenated first and last names, particles with capitals inside
(« de La Fontaine »), apostrophes, names longer than 30 characters, and families sharing a
last name in one class. Every name is invented or common; no real pupil is described.
"""

from __future__ import annotations

from typing import NamedTuple

SCHOOL_NAME = "Collège Lucie-Aubrac (démo)"
# A UAI has 7 digits and a check letter; academy number 000 does not exist, so it cannot
# collide with a real school. Its check letter is computed, so validators accept it.
SCHOOL_UAI_DIGITS = "0000000"

CLASSES = ("3A", "3B", "3C", "3D", "3E")

GIRLS_FIRST_NAMES = (
    "Chloé",
    "Zoé",
    "Inès",
    "Léa",
    "Maëlle",
    "Noémie",
    "Héloïse",
    "Anaïs",
    "Clémence",
    "Léonie",
    "Jade",
    "Lina",
    "Manon",
    "Camille",
    "Emma",
    "Louise",
    "Ambre",
    "Agathe",
    "Éloïse",
    "Gaëlle",
    "Océane",
    "Mélissa",
    "Yasmine",
    "Aïcha",
    "Maïwenn",
    "Françoise",
    "Anne-Sophie",
    "Marie-Éléonore",
    "Lou-Anne",
    "Rose-Marie",
    "Thaïs",
    "Solène",
    "Bérénice",
    "Capucine",
    "Nour",
    "Aylin",
    "Fatoumata",
    "Ophélie",
    "Romane",
    "Juliette",
)

BOYS_FIRST_NAMES = (
    "Raphaël",
    "Noé",
    "Mathéo",
    "Loïc",
    "Gaël",
    "Maël",
    "Joël",
    "Aurélien",
    "Timothée",
    "Anaël",
    "François",
    "Hugo",
    "Jules",
    "Arthur",
    "Gabriel",
    "Lucas",
    "Adam",
    "Louis",
    "Léo",
    "Ismaël",
    "Enzo",
    "Théo",
    "Nathanaël",
    "Éloi",
    "Célestin",
    "Valentin",
    "Jean-Baptiste",
    "Pierre-Louis",
    "Jean-Noël",
    "Marc-Aurèle",
    "Mohamed",
    "Youssef",
    "Kylian",
    "Bastien",
    "Baptiste",
    "Élias",
    "Moïse",
    "Sacha",
    "Tristan",
    "Côme",
)

LAST_NAMES = (
    "Martin",
    "Bernard",
    "Lefèvre",
    "Béranger",
    "Hébert",
    "Mège",
    "Crèvecœur",
    "Cœurdevey",
    "Lemaître",
    "Benaïssa",
    "Noël",
    "Lançon",
    "Garnier",
    "Faure",
    "Rousseau",
    "Girard",
    "Mercier",
    "Boyer",
    "Chevalier",
    "François",
    "Perrin",
    "Gauthier",
    "Roussel",
    "Barbier",
    "Nguyen",
    "Diallo",
    "Traoré",
    "Haddad",
    "Benali",
    "Da Silva",
    "Ferreira",
    "Yilmaz",
    "Kowalski",
    "Le Goff",
    "Le Bihan",
    "d'Almeida",
    "de La Fontaine",
    "Van der Berg",
    "Martin-Lefèvre",
    "Bernard-Lopez",
    "Diallo-Traoré",
    "Morel-Château",
    "Schœlcher",
    "Lagrée",
    "Ménard",
    "Giraud",
    "Évrard",
    "Jégou",
    "Prévost",
    "Clément",
    "Aubépine",
    "Maréchal",
    "Bréhault",
    "Delaunay",
    "Josserand",
    "Petit-Ribeiro",
    "Ouédraogo",
    "Rakotomalala",
    "Fontaine",
    "Moulinié",
    "Lacroix",
    "Bonnet",
    "Dupuis",
    "Lambert",
    "Fontanel",
    "Rivière",
    "Carré",
    "Lemoine",
    "Vidal",
    "Roche",
    "Marchetti",
    "Collin",
    "Huguet",
    "Arnaud",
    "Brunet",
    "Blanchard",
    "Guérin",
    "Muller",
    "Rolland",
    "Aubert",
    "Poirier",
    "Lebrun",
    "Caron",
    "Masson",
    "Sanchez",
    "Pereira",
    "Kaya",
    "Okafor",
    "Mendy",
    "Camara",
    "Bouchard",
    "Leclerc",
    "Thébault",
    "Quéré",
    "Pelletier",
    "Després",
    "Bellanger",
    "Dufrêne",
    "Tessier",
    "Chauvin",
    "Lopès",
    "Hamidi",
    "Zerbib",
    "Ngô",
    "Lê",
    "Barthélémy",
    "Bénard",
    "Forestier",
    "Joubert",
    "Régnier",
    "Valéry",
    "Ciçek",
    "Loïzou",
    "Raïs",
    "Hoëllard",
)

# Names longer than 30 characters (full names of 40 and more): lists and tiles must cope.
LONG_LAST_NAMES = (
    "de Saint-Exupéry-Larochefoucauld",
    "Andrianantenaina-Rakotoarimanana",
)

# Families: the same last name twice in one class (twins share the birthdate too, which
# duplicate detection must not confuse with one pupil typed twice).
SHARED_LAST_NAMES = ("Nguyen", "Martin")


class Teacher(NamedTuple):
    """An invigilator: the name Pix shows as « Surveillant » and the login used on the server."""

    name: str
    login: str


TEACHERS = (
    Teacher("Mme Claire Girard", "cgirard"),
    Teacher("M. Karim Benhamou", "kbenhamou"),
    Teacher("Mme Sophie Lecœur", "slecoeur"),
    Teacher("M. Julien Marchand", "jmarchand"),
    Teacher("Mme Nadia Ferrandi", "nferrandi"),
    Teacher("M. Thomas Évrard", "tevrard"),
    Teacher("Mme Hélène Dubreuil", "hdubreuil"),
    Teacher("M. Olivier Châtelain", "ochatelain"),
)

SECOND_ORGANISER = "referent.pix"


class Room(NamedTuple):
    site: str  # Pix's « Nom du site »
    room: str  # Pix's « Nom de la salle »


ROOMS = (
    Room("Bâtiment B", "Salle 112"),
    Room("Bâtiment A", "Salle informatique 204"),
    Room("Bâtiment principal", "CDI"),
    Room("Bâtiment B", "Salle 114"),
)
REHEARSAL_ROOM = Room("Bâtiment B", "Salle 112")

# Free text the staff would type: enrolment accommodations, follow-up, incident notes.
AID_NOTES = (
    "AESH présente : aide à la lecture des consignes",
    "AVS : reformulation orale, installer l'élève près du bureau",
)
LANGUAGE_NOTES = (
    "Élève allophone (arrivé en janvier) : consignes lues lentement",
    "Non francophone : traduction de la consigne générale autorisée",
)
FOLLOW_UP_NOTES = (
    "Relancer la campagne de positionnement : profil à compléter",
    "Rendez-vous avec le professeur principal pour finir le parcours",
    "Absent lors du positionnement, nouvelle campagne prévue",
    "Compte Pix à récupérer (identifiant perdu), puis reprendre le profil",
)
REPEATING_NOTE = "Redoublant : déjà certifié l'an dernier, réinscrit à sa demande"
UNKNOWN_OVERRIDE_NOTE = "Certificabilité non communiquée : inscrit après vérification dans Pix Orga"
REHEARSAL_DESCRIPTION = "Répétition des surveillants (démo, rien n'est transmis à Pix)"
SESSION_DESCRIPTIONS = (
    "Prévoir les casques audio",
    "Vérifier l'extension Pix Companion sur chaque poste",
    "Salle disponible 15 minutes avant",
    "",
)
ENDED_BY_INVIGILATOR_NOTE = "Malaise : l'élève a quitté la salle, test terminé par le surveillant"
HANDOVER_TO = "Secrétariat de direction"
