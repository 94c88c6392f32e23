using Microsoft.Playwright;

namespace TrustFundManager.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class CommitteePageTests(WebAppFixture app)
{
    [Fact]
    public async Task A_government_reads_the_committee_s_decisions_on_its_notes_with_the_votes_and_filters_them_by_outcome() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("gov.gha");
            await page.GetByRole(AriaRole.Link, new() { Name = "Decisions" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Committee decisions", Level = 1 })).ToBeVisibleAsync();
            var funded = page.GetByTestId("decision").Filter(new() { HasText = FundSeed.FundedNoteTitle });
            await Assertions.Expect(funded.GetByTestId("decision-outcome")).ToHaveTextAsync("Approved");
            await Assertions.Expect(funded.GetByTestId("decision-votes"))
                .ToHaveTextAsync("12 approve, 0 with conditions, 0 reject, 0 abstain, of 12 eligible");
            await Assertions.Expect(funded).ToContainTextAsync(FundSeed.ClosedBallotTitle);
            Assert.StartsWith("/decisions/", await funded.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
            await Assertions.Expect(page.GetByTestId("decision").Filter(new() { HasText = FundSeed.PipelineNoteTitle })).ToHaveCountAsync(1);
            await AccessibilityTests.AssertAccessibleAsync(page);

            await page.Locator(".mud-select").Filter(new() { HasText = "Outcome" }).First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Rejected", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("decisions-empty")).ToBeVisibleAsync();

            // Another government sees none of Ghana's decisions.
            await page.Context.ClearCookiesAsync();
            await page.SignInAsync("gov.mex", "/decisions");
            await Assertions.Expect(page.GetByTestId("decisions-empty")).ToBeVisibleAsync();
        });

    [Fact]
    public async Task The_committee_s_composition_in_french_shows_each_constituency_s_seats_and_their_holders() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("sc.deu");
            await page.GetByRole(AriaRole.Link, new() { Name = "Comité directeur" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Comité directeur", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("composition-summary")).ToContainTextAsync("12 membres occupent 12 sièges ; 0 vacants.");
            var donors = page.Locator("[data-testid='constituency'][data-code='donors']");
            await Assertions.Expect(donors.GetByTestId("seat").First).ToContainTextAsync("Katrin Schulz");
            await Assertions.Expect(donors.GetByTestId("seat")).ToHaveCountAsync(3);
            await Assertions.Expect(page.GetByTestId("constituency")).ToHaveCountAsync(4);
            await AccessibilityTests.AssertAccessibleAsync(page);
        }, locale: "fr-FR");

    [Fact]
    public async Task A_member_votes_from_the_ballot_s_page_a_rejection_needs_its_reason_beside_the_field_and_the_vote_is_recorded() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("sc.mmc");
            await page.GetByTestId("open-ballots").GetByRole(AriaRole.Link, new() { Name = FundSeed.OpenBallotTitle }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = FundSeed.OpenBallotTitle, Level = 1 })).ToBeVisibleAsync();
            var item = page.Locator($"[data-testid='ballot-paper-item'][data-note='{app.Fund.BallotNote}']");
            await Assertions.Expect(item.GetByTestId("my-vote")).ToHaveTextAsync("My vote: Not voted yet");

            await item.Locator(".mud-select").First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Reject", Exact = true }).ClickAsync();
            await item.GetByTestId("cast-vote").ClickAsync();
            await Assertions.Expect(item.GetByTestId("vote-error")).ToBeVisibleAsync();
            await Assertions.Expect(item.GetByText("A rejection gives its reason.")).ToBeVisibleAsync();
            await Assertions.Expect(item.GetByTestId("my-vote")).ToHaveTextAsync("My vote: Not voted yet");

            await item.GetByLabel("Reason for rejecting").FillAsync("Three cities on this budget is too thin <for now>.");
            await item.GetByTestId("cast-vote").ClickAsync();
            await Assertions.Expect(item.GetByTestId("my-vote")).ToHaveTextAsync("My vote: Reject");
            await Assertions.Expect(item.GetByTestId("vote-error")).ToHaveCountAsync(0);

            using var member = await app.Host.CreateClientAsAsync("sc.mmc");
            var ballot = await Testing.HttpAssert.OkJsonAsync(await member.GetAsync($"/api/ballots/{app.Fund.OpenBallot}",
                TestContext.Current.CancellationToken));
            var myVote = ballot.GetProperty("items")[0].GetProperty("myVote");
            Assert.Equal("Reject", myVote.GetProperty("choice").GetString());
            Assert.Equal("Three cities on this budget is too thin <for now>.", myVote.GetProperty("reason").GetString());
            await AccessibilityTests.AssertAccessibleAsync(page);
        });

    [Fact]
    public async Task A_member_declares_a_conflict_of_interest_from_the_ballot_s_page_and_is_recused_with_their_statement() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("sc.srhrm", $"/ballots/{app.Fund.OpenBallot}");
            var item = page.Locator($"[data-testid='ballot-paper-item'][data-note='{app.Fund.BallotNote}']");
            await item.GetByText("Declare a conflict of interest").ClickAsync();
            await item.GetByTestId("declare-conflict").ClickAsync();
            await Assertions.Expect(item.GetByText("Say what the conflict is.")).ToBeVisibleAsync();

            const string statement = "My office advised the city of Accra on this programme.";
            await item.GetByLabel("Your statement").FillAsync(statement);
            await item.GetByTestId("declare-conflict").ClickAsync();
            await Assertions.Expect(item.GetByTestId("conflict-confirmation")).ToContainTextAsync("recuses you from this concept note for good");
            await item.GetByTestId("confirm-conflict").ClickAsync();
            await Assertions.Expect(item.GetByTestId("my-statement")).ToHaveTextAsync(statement);
            await Assertions.Expect(item.GetByTestId("my-vote")).ToContainTextAsync("declared conflict of interest");
            await Assertions.Expect(item.GetByTestId("cast-vote")).ToHaveCountAsync(0);

            using var member = await app.Host.CreateClientAsAsync("sc.srhrm");
            var ballot = await Testing.HttpAssert.OkJsonAsync(await member.GetAsync($"/api/ballots/{app.Fund.OpenBallot}",
                TestContext.Current.CancellationToken));
            Assert.Equal(statement, ballot.GetProperty("items")[0].GetProperty("myRecusal").GetProperty("explanation").GetString());
        });
}
