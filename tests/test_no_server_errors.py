"""No input of a user leads to a server error: the programme lead sends junk to every page of their partnership."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.test_every_url_outsider import rich_partnership, tenant_ids, urls_for  # noqa: F401 (fixture)

JUNK = [
    {},
    {
        "name": "x" * 5000,
        "version": "not-a-number",
        "pk": "1 OR 1=1",
        "role": "bogus",
        "school": "abc",
        "start_date": "31-02-2024",
        "end_date": "gisteren",
        "email": "geen-mail",
        "target_places": "-5",
        "max_schools_per_cluster": "999999",
        "brin": "<script>",
        "branch_code": "x",
        "existing": "999999",
        "person": "999999",
        "cluster": "-1",
        "kind": "?",
        "action": "programme_remove",
        "programme": "x",
        "regions": ["a", "b"],
        "lead_member": "0",
        "file": "not a file",
        "zoek": "bestuur\x00",
        "first_name": "A\x00",
    },
]


@pytest.mark.django_db
def test_junk_input_never_gives_a_server_error(rich_partnership, programme_lead):  # noqa: F811
    client = Client(raise_request_exception=False)
    client.force_login(programme_lead.user)
    ids = tenant_ids(rich_partnership)[:4] + [999999]
    seen = 0
    for name, url in urls_for(rich_partnership, ids):
        for query in ("", "?pagina=abc&q=%00&rol=x&cluster=y&bestuur=z&soort=%27&sector=po%27"):
            assert client.get(url + query).status_code < 500, f"GET {url}{query} ({name})"
        for data in JUNK:
            response = client.post(url, data)
            assert response.status_code < 500, f"POST {url} ({name}) with {sorted(data)} gave {response.status_code}"
        seen += 1
    assert seen > 50
