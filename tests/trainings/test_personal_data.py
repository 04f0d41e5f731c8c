"""The personal-data download describes each registration's session readably: training,
dates and hours, place or « En ligne » (the session's label alone is usually blank)."""

import datetime
import json
import zoneinfo

import pytest

from trainings import registration as service
from trainings.models import Session

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def test_the_data_download_describes_each_session(client, training, demo_users):
    person = demo_users["professionnel"]
    in_person = Session.objects.create(
        page=training,
        starts_at=datetime.datetime(2099, 3, 12, 9, 0, tzinfo=PARIS),
        ends_at=datetime.datetime(2099, 3, 13, 17, 0, tzinfo=PARIS),
        place="Maison du Département",
        address="2 rue Jacquemars Giélée, Lille",
        territory="valenciennois",
    )
    online = Session.objects.create(
        page=training,
        label="Session de printemps",
        starts_at=datetime.datetime(2099, 4, 2, 14, 0, tzinfo=PARIS),
        ends_at=datetime.datetime(2099, 4, 2, 16, 30, tzinfo=PARIS),
        online=True,
        join_url="https://visio.exemple.fr/secret",
    )
    service.register(person, in_person.pk)
    service.register(person, online.pk)
    client.force_login(person)

    rows = json.loads(client.get("/compte/profil/mes-donnees.json").content)["inscriptions"]

    assert [row["session"] for row in rows] == [
        "Emprise et mécanismes des violences — Du jeudi 12 mars 2099 au vendredi 13 mars 2099, "
        "de 09h00 à 17h00 chaque jour — Maison du Département, 2 rue Jacquemars Giélée, Lille, Valenciennois",
        "Emprise et mécanismes des violences — Session de printemps — Le jeudi 2 avril 2099 de 14h00 à 16h30 "
        "— En ligne",
    ]
    assert rows[0]["fin"] == "2099-03-13T17:00:00+01:00"
    assert rows[1]["statut"] == "Confirmée"
    assert "secret" not in json.dumps(rows)
