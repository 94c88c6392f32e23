using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using TrustFundManager.Testing;

namespace TrustFundManager.Web.Tests;

/// <summary>Each role's own section of the home page, checked in the browser as that role.</summary>
[Collection(WebCollection.Name)]
public sealed class HomeSectionTests(WebAppFixture app)
{
    /// <summary>The pages' English: the neutral culture, whatever the browser's region.</summary>
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task A_government_sees_its_own_notes_grouped_by_state_each_linking_to_its_page() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("gov.gha");

            var section = page.GetByTestId("my-notes");
            await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "My concept notes", Level = 2 })).ToBeVisibleAsync();
            var funded = section.Locator("[data-testid='notes-group'][data-state='funded']");
            await Assertions.Expect(funded.GetByRole(AriaRole.Heading, new() { Name = "Funded (1)", Level = 3 })).ToBeVisibleAsync();
            var link = funded.GetByRole(AriaRole.Link, new() { Name = FundSeed.FundedNoteTitle });
            Assert.Equal($"/concept-notes/{app.Fund.FundedNote}", await link.GetAttributeAsync("href"));
            await Assertions.Expect(section.Locator("[data-testid='notes-group'][data-state='approvedInPipeline']"))
                .ToContainTextAsync(FundSeed.PipelineNoteTitle);
            await Assertions.Expect(section.Locator("[data-testid='notes-group'][data-state='underCommitteeReview']"))
                .ToContainTextAsync(FundSeed.BallotNoteTitle);
            await Assertions.Expect(funded.GetByTestId("my-note")).ToContainTextAsync("1,000,000.00 USD");
            await Assertions.Expect(page.GetByTestId("fmu-dashboard")).ToHaveCountAsync(0);

            // Mexico's government sees its own notes, none of Ghana's.
            await page.Context.ClearCookiesAsync();
            await page.SignInAsync("gov.mex");
            await Assertions.Expect(page.GetByTestId("my-notes")).ToContainTextAsync(WebAppFixture.SubmittedNoteTitle);
            await Assertions.Expect(page.GetByTestId("my-notes")).Not.ToContainTextAsync(FundSeed.FundedNoteTitle);
        });

    [Fact]
    public async Task A_committee_member_sees_in_spanish_the_open_ballot_with_their_vote_still_to_cast_and_the_dashboard() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("sc.esp");

            var section = page.GetByTestId("open-ballots");
            await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Mis votaciones abiertas", Level = 2 })).ToBeVisibleAsync();
            var ballot = section.GetByTestId("open-ballot");
            await Assertions.Expect(ballot).ToHaveCountAsync(1);
            await Assertions.Expect(ballot.GetByRole(AriaRole.Heading, new() { Name = FundSeed.OpenBallotTitle })).ToBeVisibleAsync();
            await Assertions.Expect(ballot).ToContainTextAsync("Procedimiento escrito");
            var item = ballot.GetByTestId("ballot-item");
            await Assertions.Expect(item).ToContainTextAsync(FundSeed.BallotNoteTitle);
            await Assertions.Expect(item.GetByTestId("my-vote")).ToHaveTextAsync("Aún sin votar");
            Assert.Equal($"/concept-notes/{app.Fund.BallotNote}",
                await item.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
            await Assertions.Expect(section).Not.ToContainTextAsync(FundSeed.ClosedBallotTitle);

            // The committee reads the fund's dashboard too, in its language.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Situación de la financiación", Level = 2 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("my-notes")).ToHaveCountAsync(0);
        }, locale: "es-ES");

    [Fact]
    public async Task The_dashboard_shows_every_figure_of_the_funding_status_to_the_cent_and_follows_the_as_of_day() =>
        await app.InPageAsync(async page =>
        {
            var ct = TestContext.Current.CancellationToken;
            using var api = await app.Host.CreateClientAsAsync("fmu.officer");
            var status = await HttpAssert.OkJsonAsync(await api.GetAsync("/api/funding-status", ct));
            var pipeline = await HttpAssert.OkJsonAsync(await api.GetAsync("/api/pipeline", ct));

            await page.SignInAsync("fmu.officer");
            var dashboard = page.GetByTestId("fmu-dashboard");
            await Assertions.Expect(dashboard.GetByRole(AriaRole.Heading, new() { Name = "Funding status", Level = 2 })).ToBeVisibleAsync();
            await AssertFiguresAsync(page, status);

            var target = status.GetProperty("target");
            Assert.Equal(FundSeed.TargetTitle, target.GetProperty("title").GetString());
            await Assertions.Expect(page.GetByTestId("target-amount")).ToHaveTextAsync(Usd(target, "targetUsd"));
            await Assertions.Expect(page.GetByTestId("target-gap")).ToHaveTextAsync(Usd(target, "gapUsd"));
            await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuenow",
                target.GetProperty("percentage").GetDecimal().ToString(CultureInfo.InvariantCulture));

            foreach (var donor in status.GetProperty("byDonor").EnumerateArray())
            {
                var row = page.GetByTestId("donor-row").Filter(new() { HasText = donor.GetProperty("name").GetString() });
                await Assertions.Expect(row.Locator("td")).ToHaveTextAsync(
                    [Usd(donor, "committedUsd"), Usd(donor, "depositedUsd"), Usd(donor, "netFundedUsd")]);
            }
            var area = status.GetProperty("byThematicArea").EnumerateArray().Single(a => a.GetProperty("number").ValueKind == JsonValueKind.Number
                && a.GetProperty("number").GetInt32() == 2);
            await Assertions.Expect(page.GetByTestId("area-row").Filter(new() { HasText = "Area 2" }).Locator("td")).ToHaveTextAsync(
                [Usd(area, "allocatedUsd"), Usd(area, "transferredUsd"), Usd(area, "expenditureUsd")]);
            var ghana = status.GetProperty("byCountry").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "GHA");
            await Assertions.Expect(page.GetByTestId("region-row").Filter(new() { HasText = "Africa" }).Locator("td")).ToHaveTextAsync(
                ["1", Usd(ghana, "allocatedUsd"), Usd(ghana, "transferredUsd")]);

            var rows = pipeline.GetProperty("rows");
            await Assertions.Expect(page.GetByTestId("pipeline-size")).ToHaveTextAsync(rows.GetArrayLength().ToString("N0", English));
            await Assertions.Expect(page.GetByTestId("pipeline-gap")).ToHaveTextAsync(Usd(pipeline, "totalGapUsd"));
            await Assertions.Expect(page.GetByTestId("state-row").Filter(new() { HasText = "Funded" }).Locator("td")).ToHaveTextAsync("1");
            // Three charts (donors, areas, regions), each an image with a name and its table beside it.
            await Assertions.Expect(dashboard.Locator("div[role='img'][aria-label] svg")).ToHaveCountAsync(3);

            // The day before anything was deposited: the figures are the API's for that day.
            var asOf = DateOnly.Parse(status.GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture).AddDays(-1);
            var before = await HttpAssert.OkJsonAsync(await api.GetAsync($"/api/funding-status?asOf={asOf:yyyy-MM-dd}", ct));
            var picker = page.GetByLabel("As of");
            await picker.FillAsync(asOf.ToString("d", English));
            await picker.PressAsync("Tab");
            await Assertions.Expect(page.GetByTestId("as-of-text")).ToContainTextAsync(asOf.ToString("d", English));
            await AssertFiguresAsync(page, before);
            Assert.Equal(0m, before.GetProperty("depositedUsd").GetDecimal());
        });

    [Fact]
    public async Task An_organization_sees_the_programmes_it_takes_part_in_with_its_money_and_no_other() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("puno.unicef");

            var section = page.GetByTestId("my-programmes");
            await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "My programmes", Level = 2 })).ToBeVisibleAsync();
            var row = section.GetByTestId("my-programme").Filter(new() { HasText = FundSeed.FundedNoteTitle });
            await Assertions.Expect(row.Locator("td")).ToHaveTextAsync(
                [FundSeed.FundedNoteTitle, "GHA", "Allocated", "1,000,000.00 USD", "300,000.00 USD", "123,456.78 USD", "41.2%"]);
            Assert.Equal($"/programmes/{app.Fund.Programme}", await row.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
            await Assertions.Expect(page.GetByTestId("fmu-dashboard")).ToHaveCountAsync(0);

            await page.Context.ClearCookiesAsync();
            await page.SignInAsync("puno.iom");
            await Assertions.Expect(page.GetByTestId("my-programmes-empty")).ToBeVisibleAsync();
        });

    /// <summary>Every money figure of the status, shown as the API gives it, to the cent, with its currency.</summary>
    private static async Task AssertFiguresAsync(IPage page, JsonElement status)
    {
        string[] figures =
        [
            "pledgedUsd", "committedUsd", "depositedUsd", "administrativeAgentFeeUsd", "netFundedUsd", "allocatedUsd", "releasedUsd",
            "transferredUsd", "expenditureUsd", "freeBalanceUsd", "cashBalanceUsd",
        ];
        foreach (var figure in figures)
        {
            var testId = "figure-" + char.ToUpperInvariant(figure[0]) + figure[1..];
            await Assertions.Expect(page.GetByTestId(testId)).ToHaveTextAsync(Usd(status, figure));
        }
        await Assertions.Expect(page.GetByTestId("free-balance")).ToHaveTextAsync(Usd(status, "freeBalanceUsd"));
    }

    private static string Usd(JsonElement element, string property) =>
        element.GetProperty(property).GetDecimal().ToString("N2", English) + " USD";
}
