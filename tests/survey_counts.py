"""Rows per område and category of the survey, counted by hand in seeds 000 and 001 (each
category has as many rows in one appendix as in the other). Shared by the importer tests."""

PER_CATEGORY = {
    "2.1": 22,
    "2.2": 15,
    "2.3": 4,
    "2.4": 34,
    "3.1": 78,
    "3.2": 26,
    "3.3": 5,
    "3.4": 10,
    "4.1": 18,
    "4.2": 14,
    "4.3": 25,
    "5.1": 13,
    "5.2": 39,
    "5.3": 7,
    "6.1": 13,
    "6.2": 17,
    "6.3": 23,
    "7.1": 13,
    "7.2": 27,
    "7.3": 6,
}
PER_OMRADE = {2: 75, 3: 119, 4: 57, 5: 59, 6: 53, 7: 46}
