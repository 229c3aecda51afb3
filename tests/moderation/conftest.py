import pytest

from tests.factories import ProcedurePageFactory, clause_data


@pytest.fixture
def procedure(wiki):
    """A live procedure whose first clause reads "The original text."."""
    page = ProcedurePageFactory(
        parent=wiki,
        title="Joining the network",
        slug="joining-the-network",
        body=[clause_data("Who can join", "<p>The original text.</p>", anchor="who-can-join")],
    )
    page.save_revision().publish()
    return page
