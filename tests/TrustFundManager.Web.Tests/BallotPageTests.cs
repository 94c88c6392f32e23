using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustFundManager.Testing;
using TrustFundManager.Workflows;

namespace TrustFundManager.Web.Tests;

/// <summary>
/// A host of the test class's own (the collection's browser drives it): its clock moves past a ballot's deadline,
/// which the shared host's other records must not see. The twelve members are seated; each test puts its own notes
/// to its own ballot.
/// </summary>
public sealed class BallotHost : IAsyncLifetime
{
    private readonly string _directory = SqliteApiFactory.NewDirectory();

    public BallotHost() => Host = new WebHostFactory(_directory);

    public WebHostFactory Host { get; }

    public Uri Site { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Host.UseKestrel(0);
        Host.StartServer();
        var address = Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Site = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        await FundSeed.SeatMembersAsync(Host);
    }

    /// <summary>Moves the clock past <paramref name="instant"/> and fires the timers due (the ballot's close).</summary>
    public async Task PassAsync(DateTimeOffset instant)
    {
        Host.Clock.Advance(instant - Host.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowTimerProcessor>().FireDueTimersAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        SqliteApiFactory.DeleteDirectory(_directory);
    }
}

[Collection(WebCollection.Name)]
public sealed class BallotPageTests(WebAppFixture app, BallotHost ballots) : IClassFixture<BallotHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_FMU_opens_a_ballot_members_vote_recuse_and_declare_conflicts_in_secret_and_after_the_deadline_everyone_reads_the_outcome()
    {
        const string noteTitle = "Migrant workers' rights in Kumasi";
        const string ballotTitle = "Written procedure 2027/1";
        const string conditions = "Add a baseline survey <before> the first transfer.";
        const string reason = "The budget leaves the municipalities out.";
        const string statement = "I chaired the board that drafted this note.";
        using (var fmuClient = await ballots.Host.CreateClientAsAsync("fmu.officer"))
            await FundSeed.NoteUnderReviewAsync(ballots.Host, fmuClient, noteTitle, 2, [6], ["IOM", "ILO"]);
        var deadline = ballots.Host.Clock.GetUtcNow().AddDays(7);
        var zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");
        var deadlineInFundTime = TimeZoneInfo.ConvertTime(deadline, zurich);
        Guid ballotId = default;

        // The FMU opens the ballot from the ballots page; a missing title is refused beside its field.
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("fmu.officer", "/ballots");
            await page.GetByTestId("open-ballot-link").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open a ballot", Level = 1 })).ToBeVisibleAsync();
            await page.WaitForInteractiveAsync();
            await page.GetByTestId("ballot-deadline-input")
                .FillAsync(deadlineInFundTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Checkbox, new() { Name = noteTitle }).CheckAsync();
            await page.GetByTestId("open-ballot").ClickAsync();
            await Assertions.Expect(page.GetByText("Give the ballot a title.")).ToBeVisibleAsync();
            await AccessibilityTests.AssertAccessibleAsync(page);

            await page.GetByLabel("Title of the ballot").FillAsync(ballotTitle);
            await page.GetByTestId("open-ballot").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = ballotTitle, Level = 1 })).ToBeVisibleAsync();
            ballotId = Guid.Parse(page.Url.Split('/').Last());
            await Assertions.Expect(page.GetByTestId("voter")).ToHaveCountAsync(12);
            // The deadline, as the FMU gave it in the fund's time, in the browser's zone (UTC here) and the fund's.
            await Assertions.Expect(page.GetByTestId("ballot-deadline").First).ToContainTextAsync("UTC");
            await Assertions.Expect(page.GetByText($"fund time: {deadlineInFundTime.ToString("g", CultureInfo.GetCultureInfo("en"))} Europe/Zurich")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("close-early")).ToBeDisabledAsync();
            await AccessibilityTests.AssertAccessibleAsync(page);
        }, timeZone: "UTC", site: ballots.Site);

        // IOM's member is recused automatically: the page says why and offers no vote.
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("sc.iom", $"/ballots/{ballotId}");
            await Assertions.Expect(page.GetByTestId("my-vote"))
                .ToHaveTextAsync("You are recused from this concept note: the member's organization participates in the concept note. You cannot vote on it.");
            await Assertions.Expect(page.GetByTestId("cast-vote")).ToHaveCountAsync(0);
        }, site: ballots.Site);

        // A member approves, then declares a conflict: after a confirmation the vote is withdrawn and they are recused.
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("sc.srhrm", $"/ballots/{ballotId}");
            await ChooseAsync(page, "Approve");
            await page.GetByTestId("cast-vote").ClickAsync();
            await Assertions.Expect(page.GetByTestId("my-vote")).ToHaveTextAsync("My vote: Approve");
            await page.GetByText("Declare a conflict of interest").ClickAsync();
            await page.GetByLabel("Your statement").FillAsync(statement);
            await page.GetByTestId("declare-conflict").ClickAsync();
            await Assertions.Expect(page.GetByTestId("conflict-confirmation")).ToContainTextAsync("withdraws your vote (Approve)");
            await page.GetByTestId("confirm-conflict").ClickAsync();
            await Assertions.Expect(page.GetByTestId("my-statement")).ToHaveTextAsync(statement);
            await Assertions.Expect(page.GetByTestId("cast-vote")).ToHaveCountAsync(0);
        }, site: ballots.Site);

        // In French: an approval with conditions needs them, beside the field; a double click casts once.
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("sc.deu", "/ballots");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes scrutins", Level = 1 })).ToBeVisibleAsync();
            var mine = page.Locator($"[data-testid='ballot-open'][data-ballot='{ballotId}']");
            await Assertions.Expect(mine.GetByTestId("ballot-left")).ToHaveTextAsync("Reste à voter : 1 sur 1 notes conceptuelles.");
            await AccessibilityTests.AssertAccessibleAsync(page);

            await mine.GetByRole(AriaRole.Link, new() { Name = ballotTitle }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("secrecy-notice")).ToContainTextAsync("Les votes sont secrets jusqu'à la clôture");
            await page.GetByTestId("read-note").ClickAsync();
            await Assertions.Expect(page.GetByTestId("note-budget-share")).ToHaveCountAsync(2);
            await Assertions.Expect(page.GetByTestId("note-screening-item")).ToHaveCountAsync(5);
            await ChooseAsync(page, "Approuver sous conditions");
            await page.GetByTestId("cast-vote").ClickAsync();
            await Assertions.Expect(page.GetByTestId("vote-error")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Une approbation sous conditions énonce ses conditions.")).ToBeVisibleAsync();
            await page.GetByLabel("Conditions de l’approbation").FillAsync(conditions);
            await page.GetByTestId("cast-vote").DblClickAsync();
            await Assertions.Expect(page.GetByTestId("my-vote")).ToHaveTextAsync("Mon vote : Approuver sous conditions");
            await AccessibilityTests.AssertAccessibleAsync(page);
        }, locale: "fr-FR", site: ballots.Site);

        // A member rejects with a reason; another approves and sees only her own vote, in the page and its HTML.
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("sc.nld", $"/ballots/{ballotId}");
            await ChooseAsync(page, "Reject");
            await page.GetByLabel("Reason for rejecting").FillAsync(reason);
            await page.GetByTestId("cast-vote").ClickAsync();
            await Assertions.Expect(page.GetByTestId("my-vote")).ToHaveTextAsync("My vote: Reject");

            await page.Context.ClearCookiesAsync();
            await page.SignInAsync("sc.mmc", $"/ballots/{ballotId}");
            await ChooseAsync(page, "Approve");
            await page.GetByTestId("cast-vote").ClickAsync();
            await Assertions.Expect(page.GetByTestId("my-vote")).ToHaveTextAsync("My vote: Approve");
            var html = await page.ContentAsync();
            Assert.DoesNotContain("baseline survey", html);
            Assert.DoesNotContain(reason, html);
            Assert.DoesNotContain("Approve with conditions</td>", html);
        }, site: ballots.Site);

        // The rest of the committee approves through the API, so that the quorum (two thirds, every constituency) is met.
        foreach (var member in new[] { "sc.ohchr", "sc.undp", "sc.esp", "sc.mex", "sc.mar", "sc.bgd", "sc.idc" })
        {
            using var client = await ballots.Host.CreateClientAsAsync(member);
            var item = (await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/ballots/{ballotId}", Ct))).GetProperty("items")[0]
                .GetProperty("conceptNoteId").GetGuid();
            await HttpAssert.OkJsonAsync(await client.PutAsync($"/api/ballots/{ballotId}/items/{item}/vote",
                HttpAssert.JsonBody("""{"choice":"Approve"}"""), Ct));
        }

        using (var fmu = await ballots.Host.CreateClientAsAsync("fmu.officer"))
        {
            var seen = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/ballots/{ballotId}", Ct));
            var tally = seen.GetProperty("items")[0].GetProperty("tally");
            Assert.Equal(10, tally.GetProperty("votesCast").GetInt32());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, tally.GetProperty("approve").ValueKind);
        }
        using (var deu = await ballots.Host.CreateClientAsAsync("sc.deu"))
        {
            var seen = await HttpAssert.OkJsonAsync(await deu.GetAsync($"/api/ballots/{ballotId}", Ct));
            var myVote = seen.GetProperty("items")[0].GetProperty("myVote");
            Assert.Equal(0, myVote.GetProperty("changes").GetInt32()); // the double click cast once
        }

        // The deadline passes: the ballot closes by itself and its page shows the outcome as the rules publish it.
        await ballots.PassAsync(deadline);
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("sc.mmc", $"/ballots/{ballotId}");
            await Assertions.Expect(page.GetByTestId("ballot-status")).ToHaveTextAsync("Closed");
            await Assertions.Expect(page.GetByTestId("item-outcome")).ToHaveTextAsync("Outcome: Rejected");
            await Assertions.Expect(page.GetByTestId("item-tally").First)
                .ToContainTextAsync("8 approve, 1 with conditions, 1 reject, 0 abstain, of 10 eligible");
            await Assertions.Expect(page.GetByTestId("decision-conditions")).ToHaveTextAsync(conditions);
            await Assertions.Expect(page.GetByTestId("decision-reasons")).ToHaveTextAsync(reason);
            await Assertions.Expect(page.GetByTestId("recusal")).ToHaveCountAsync(2);
            await Assertions.Expect(page.GetByTestId("recusal").Filter(new() { HasText = "Tomás Rivera" })).ToContainTextAsync(statement);
            await Assertions.Expect(page.GetByTestId("secrecy-notice")).ToHaveCountAsync(0);
        }, site: ballots.Site);

        // The submitting government reads the decision, not the votes: no ballot page, no one's vote.
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("gov.gha", "/decisions");
            var row = page.GetByTestId("decision").Filter(new() { HasText = noteTitle });
            await Assertions.Expect(row.GetByTestId("decision-outcome")).ToHaveTextAsync("Rejected");
            await row.GetByRole(AriaRole.Link, new() { Name = noteTitle }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Decision on {noteTitle}", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("decision-reasons")).ToHaveTextAsync(reason);
            await Assertions.Expect(page.GetByTestId("decision-rationale"))
                .ToHaveTextAsync("A member voted to reject, so there is no consensus: not approved.");
            // Why the rule led there reads in the page's language, not only in the record's English.
            await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("decision-rationale"))
                .ToHaveTextAsync("Un miembro votó en contra: no hay consenso, la nota no se aprueba.");
            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = ballotTitle })).ToHaveCountAsync(0);
            var html = await page.ContentAsync();
            Assert.DoesNotContain("My vote", html);
            Assert.DoesNotContain("Katrin Schulz", html);
            await AccessibilityTests.AssertAccessibleAsync(page);

            // The list filters by country: Mexico's decisions are not Ghana's.
            await page.GotoAsync("/decisions");
            await page.WaitForInteractiveAsync();
            await page.GetByLabel("Country (ISO code)").FillAsync("MEX");
            await page.GetByLabel("Country (ISO code)").PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("decisions-empty")).ToBeVisibleAsync();

            await page.GotoAsync($"/ballots/{ballotId}");
            await Assertions.Expect(page.GetByTestId("ballot-not-found")).ToBeVisibleAsync();
        }, site: ballots.Site);
    }

    [Fact]
    public async Task Twelve_members_voting_from_twelve_browsers_at_once_are_all_counted_and_the_FMU_closes_early()
    {
        Guid ballotId;
        using (var fmu = await ballots.Host.CreateClientAsAsync("fmu.officer"))
        {
            var note = await FundSeed.NoteUnderReviewAsync(ballots.Host, fmu, "Safe migration information in Tamale", 1, [3]);
            ballotId = (await HttpAssert.OkJsonAsync(await fmu.PostAsync("/api/ballots", HttpAssert.JsonBody(
                $$"""{"title":"Meeting 2027/2","kind":"Meeting","deadline":"{{ballots.Host.Clock.GetUtcNow().AddDays(30):O}}","conceptNoteIds":["{{note}}"]}"""),
                Ct), System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }

        await Task.WhenAll(FundSeed.Members.Select(member => app.InPageAsync(async page =>
        {
            await page.SignInAsync(member, $"/ballots/{ballotId}");
            await ChooseAsync(page, "Approve");
            await page.GetByTestId("cast-vote").ClickAsync();
            await Assertions.Expect(page.GetByTestId("my-vote")).ToHaveTextAsync("My vote: Approve", new() { Timeout = 30_000 });
        }, site: ballots.Site)));

        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("fmu.officer", $"/ballots/{ballotId}");
            await Assertions.Expect(page.Locator("[data-testid='voter'][data-done='true']")).ToHaveCountAsync(12);
            await page.GetByTestId("close-early").ClickAsync();
            await Assertions.Expect(page.GetByTestId("item-outcome")).ToHaveTextAsync("Outcome: Approved");
            await Assertions.Expect(page.GetByTestId("item-tally").First)
                .ToContainTextAsync("12 approve, 0 with conditions, 0 reject, 0 abstain, of 12 eligible");
        }, site: ballots.Site);
    }

    [Fact]
    public async Task The_FMU_cancels_a_ballot_with_a_comment_and_a_member_voting_meanwhile_is_told_it_no_longer_takes_votes()
    {
        Guid ballotId;
        using (var fmu = await ballots.Host.CreateClientAsAsync("fmu.officer"))
        {
            var note = await FundSeed.NoteUnderReviewAsync(ballots.Host, fmu, "Legal identity for returnees in Tema", 5, [4]);
            ballotId = (await HttpAssert.OkJsonAsync(await fmu.PostAsync("/api/ballots", HttpAssert.JsonBody(
                $$"""{"title":"Written procedure 2027/3","kind":"WrittenProcedure","deadline":"{{ballots.Host.Clock.GetUtcNow().AddDays(20):O}}","conceptNoteIds":["{{note}}"]}"""),
                Ct), System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }

        await app.InPageAsync(async member =>
        {
            await member.SignInAsync("sc.esp", $"/ballots/{ballotId}");
            await ChooseAsync(member, "Abstain");

            await app.InPageAsync(async page =>
            {
                await page.SignInAsync("fmu.officer", $"/ballots/{ballotId}");
                await page.GetByTestId("cancel-ballot").ClickAsync();
                await page.GetByTestId("confirm-cancel").ClickAsync();
                await Assertions.Expect(page.GetByText("Say why the ballot is cancelled.")).ToBeVisibleAsync();
                await page.GetByLabel("Why the ballot is cancelled").FillAsync("The note was withdrawn by its government.");
                await page.GetByTestId("confirm-cancel").ClickAsync();
                await Assertions.Expect(page.GetByTestId("ballot-status")).ToHaveTextAsync("Cancelled");
            }, site: ballots.Site);

            await member.GetByTestId("cast-vote").ClickAsync();
            await Assertions.Expect(member.GetByTestId("ballot-message")).ToContainTextAsync("no longer takes votes (status: Cancelled)");
            await Assertions.Expect(member.GetByTestId("ballot-status")).ToHaveTextAsync("Cancelled");
            await Assertions.Expect(member.GetByTestId("cast-vote")).ToHaveCountAsync(0);
        }, site: ballots.Site);
    }

    /// <summary>Picks a choice in the (only) vote select of the page.</summary>
    private static async Task ChooseAsync(IPage page, string choice)
    {
        await page.Locator("[data-testid='vote-choice']").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = choice, Exact = true }).ClickAsync();
    }
}
