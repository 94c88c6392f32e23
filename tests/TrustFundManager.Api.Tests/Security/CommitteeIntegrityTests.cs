using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Security;

/// <summary>
/// The outside review's committee findings (1 to 4 and 6), each attack replayed through the API and seen refused or the
/// data withheld: secret votes stay secret, recusal cannot be steered, and only the FMU changes how the committee decides.
/// </summary>
public sealed class CommitteeIntegrityTests : IAsyncLifetime
{
    private const string SecretConditions = "Condition known only to the Dutch member";
    private const string SecretReason = "Reason known only to the German member";
    private const string SecretComment = "Comment known only to the German member";

    private readonly SqliteApiFactory api = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await api.AppointCommitteeAsync();

    public ValueTask DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task Finding1_AuditLogNeverHoldsAVoteChoice()
    {
        var note = await api.NoteUnderReviewAsync("gov.gha", CommitteeTestSupport.NoteWithoutConflicts());
        var ballot = await api.OpenedBallotAsync(note);
        using (var germany = await api.CreateClientAsAsync("sc.deu"))
        {
            await HttpAssert.OkJsonAsync(await germany.VoteAsync(ballot, note, "Reject", reason: SecretReason, comment: SecretComment));
            await HttpAssert.OkJsonAsync(await germany.VoteAsync(ballot, note, "Abstain", comment: SecretComment));
        }
        await api.VoteAsAsync("sc.nld", ballot, note, "ApproveWithConditions", conditions: SecretConditions);

        // While the ballot is open, and again after it closed: the FMU and administrators read the log as the review did.
        await AssertNoVoteContentAsync();
        await api.PassDeadlineAsync(TimeSpan.FromDays(8));
        await AssertNoVoteContentAsync();

        // The log still says who changed their paper, and when.
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var entries = (await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/audit-log?entityType=BallotVote", Ct)))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Added", "Added", "Modified"], entries.Select(e => e.GetProperty("action").GetString()).Order());
        Assert.Equal(2, entries.Count(e => e.GetProperty("actor").GetString() == "sc.deu"));
        Assert.All(entries, e => Assert.True(e.GetProperty("changes").TryGetProperty("castAt", out _)));
    }

    private async Task AssertNoVoteContentAsync()
    {
        foreach (var user in new[] { "fmu.officer", "admin" })
        {
            using var reader = await api.CreateClientAsAsync(user);
            var body = await (await reader.GetAsync("/api/audit-log?pageSize=100", Ct)).Content.ReadAsStringAsync(Ct);
            Assert.Contains("BallotVote", body);
            foreach (var secret in new[] { SecretConditions, SecretReason, SecretComment, "\"choice\"", "ApproveWithConditions", "Abstain" })
                Assert.DoesNotContain(secret, body);
        }

        // Nor does any stored entry, whatever its type.
        var stored = await api.WithDbAsync(db => db.AuditEntries.Select(e => e.Changes).ToListAsync(Ct));
        Assert.DoesNotContain(stored, c => c.Contains(SecretReason) || c.Contains(SecretConditions) || c.Contains(SecretComment));
    }

    [Fact]
    public async Task Finding2_WhileOpenTheFmuSeesWhoVotedAndHowManyNeverHowAndTheAdministratorNothing()
    {
        var note = await api.NoteUnderReviewAsync("gov.gha", CommitteeTestSupport.NoteWithoutConflicts());
        var ballot = await api.OpenedBallotAsync(note);
        await api.VoteAsAsync("sc.mmc", ballot, note, "Reject", reason: "One vote in its constituency");

        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var asFmu = await fmu.GetBallotAsync(ballot);
        var tally = asFmu.Item(note).GetProperty("tally");
        Assert.Equal((1, 11), (tally.GetProperty("votesCast").GetInt32(), tally.GetProperty("notVoted").GetInt32()));
        foreach (var choice in new[] { "approve", "approveWithConditions", "reject", "abstain", "byConstituency" })
            Assert.Equal(JsonValueKind.Null, tally.GetProperty(choice).ValueKind);
        var voted = asFmu.GetProperty("participation").EnumerateArray()
            .Where(p => p.GetProperty("itemsVoted").GetInt32() > 0).Select(p => p.GetProperty("member").GetString());
        Assert.Equal(["Sofia Costa"], voted);
        Assert.DoesNotContain("Reject", asFmu.GetRawText());

        using var admin = await api.CreateClientAsAsync("admin");
        var asAdmin = await admin.GetBallotAsync(ballot);
        Assert.Equal(JsonValueKind.Null, asAdmin.GetProperty("participation").ValueKind);
        Assert.Equal(JsonValueKind.Null, asAdmin.Item(note).GetProperty("tally").ValueKind);
        Assert.Equal(JsonValueKind.Null, asAdmin.Item(note).GetProperty("recusals").ValueKind);
    }

    [Fact]
    public async Task Finding3_PublishedTalliesDoNotNameALoneVoter()
    {
        // IOM and OHCHR take part, so of the UN Network only the UNDP member votes; Mexico's member is recused too.
        var content = ConceptNoteTestSupport.CompleteNote("MEX", "Border protection").With("budget", new JsonArray(
            new JsonObject { ["organization"] = "IOM", ["amountUsd"] = 500_000.00m },
            new JsonObject { ["organization"] = "OHCHR", ["amountUsd"] = 500_000.00m }));
        var note = await api.NoteUnderReviewAsync("gov.mex", content);
        var ballot = await api.OpenedBallotAsync(note);
        foreach (var user in CommitteeTestSupport.Users.Except(["sc.iom", "sc.ohchr", "sc.mex"]))
            await api.VoteAsAsync(user, ballot, note, user == "sc.undp" ? "Abstain" : "Approve");
        await api.PassDeadlineAsync(TimeSpan.FromDays(8));

        // The submitting government reads the decision: the lone UNDP member's cell shows that they voted, not how.
        using var mexico = await api.CreateClientAsAsync("gov.mex");
        var decision = (await HttpAssert.OkJsonAsync(await mexico.GetAsync($"/api/decisions?conceptNoteId={note}", Ct)))
            .GetProperty("items")[0];
        var cells = decision.GetProperty("tallyByConstituency").EnumerateArray()
            .ToDictionary(c => c.GetProperty("constituency").GetString()!, c => c);
        var network = cells["un-network"];
        Assert.Equal((1, 1, true), (network.GetProperty("eligible").GetInt32(), network.GetProperty("votesCast").GetInt32(),
            network.GetProperty("suppressed").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, network.GetProperty("abstain").ValueKind);
        // Its hidden cells together hold at least three members, so the totals less the visible cells name no one.
        Assert.True(cells.Values.Where(c => c.GetProperty("suppressed").GetBoolean()).Sum(c => c.GetProperty("eligible").GetInt32()) >= 3);
        Assert.Equal(1, decision.GetProperty("abstain").GetInt32());

        // The closed ballot, as members read it, publishes the same way.
        using var germany = await api.CreateClientAsAsync("sc.deu");
        var closedCells = (await germany.GetBallotAsync(ballot)).Item(note).GetProperty("tally").GetProperty("byConstituency")
            .EnumerateArray().ToDictionary(c => c.GetProperty("constituency").GetString()!, c => c);
        Assert.True(closedCells["un-network"].GetProperty("suppressed").GetBoolean());
        Assert.Equal(3, closedCells["donors"].GetProperty("approve").GetInt32());

        // The threshold is the FMU's setting: at 1 every cell shows its choices.
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await ChangeSettingsAsync(fmu, s => s["minimumPublishedTallyCell"] = 1);
        var open = (await HttpAssert.OkJsonAsync(await mexico.GetAsync($"/api/decisions?conceptNoteId={note}", Ct)))
            .GetProperty("items")[0].GetProperty("tallyByConstituency").EnumerateArray()
            .Single(c => c.GetProperty("constituency").GetString() == "un-network");
        Assert.Equal(1, open.GetProperty("abstain").GetInt32());
    }

    [Fact]
    public async Task Finding4_ATokenBudgetShareDoesNotRecuseAMemberAndScreeningShowsWhoWouldBe()
    {
        // A Philippine note that lists UNDP and IOM for USD 1,000 each of 1,000,000, and covers Bangladesh.
        var content = ConceptNoteTestSupport.CompleteNote("PHL", "Corridor protection")
            .With("otherCountries", new JsonArray("BGD"))
            .With("budget", new JsonArray(
                new JsonObject { ["organization"] = "ILO", ["amountUsd"] = 600_000.00m },
                new JsonObject { ["organization"] = "UNICEF", ["amountUsd"] = 398_000.00m },
                new JsonObject { ["organization"] = "UNDP", ["amountUsd"] = 1_000.00m },
                new JsonObject { ["organization"] = "IOM", ["amountUsd"] = 1_000.00m }));
        var note = await api.NoteUnderReviewAsync("gov.phl", content);

        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var screening = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/concept-notes/{note}/screening", Ct));
        var wouldRecuse = screening.GetProperty("wouldRecuse").EnumerateArray()
            .Select(r => (r.GetProperty("member").GetString(), r.GetProperty("reason").GetString())).Order().ToList();
        Assert.Equal([("Rahima Begum", "CoveredCountry")], wouldRecuse);
        using var philippines = await api.CreateClientAsAsync("gov.phl");
        var asGovernment = await HttpAssert.OkJsonAsync(await philippines.GetAsync($"/api/concept-notes/{note}/screening", Ct));
        Assert.Equal(JsonValueKind.Null, asGovernment.GetProperty("wouldRecuse").ValueKind);

        var ballot = await api.OpenedBallotAsync(note);
        var recusals = (await fmu.GetBallotAsync(ballot)).Item(note).GetProperty("recusals").EnumerateArray()
            .Select(r => (r.GetProperty("member").GetString(), r.GetProperty("reason").GetString())).Order().ToList();
        Assert.Equal(wouldRecuse, recusals);
        await api.VoteAsAsync("sc.undp", ballot, note, "Approve");
        await api.VoteAsAsync("sc.iom", ballot, note, "Approve");
    }

    [Fact]
    public async Task Finding6_TheAdministratorChangesNoMoneyOrDecisionSettingAndAppointsNoOne()
    {
        using var admin = await api.CreateClientAsAsync("admin");
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var before = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/settings", Ct));
        var body = JsonNode.Parse(before.GetRawText())!.AsObject();
        body["administrativeAgentFeeRate"] = 0.05m;
        body["decisionRule"] = "Majority";
        body["quorumNumerator"] = 1;

        await HttpAssert.ProblemAsync(await admin.PutAsJsonAsync("/api/settings", body, Ct), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await admin.PutAsJsonAsync("/api/constituencies/donors",
            new { name = "Donors", seats = 9 }, Ct), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await admin.AppointAsync(new CommitteeTestSupport.SeatHolder("admin", "Admin", "donors", 3,
            Country: "FRA"), api.Today().AddYears(4)), HttpStatusCode.Forbidden);

        var after = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/settings", Ct));
        Assert.Equal(before.GetRawText(), after.GetRawText());
        // The administrator keeps the reference data that is neither money nor governance.
        var ghana = await HttpAssert.OkJsonAsync(await admin.GetAsync("/api/countries/GHA", Ct));
        await HttpAssert.OkJsonAsync(await admin.PutAsJsonAsync("/api/countries/GHA",
            new { name = ghana.GetProperty("name").GetString(), region = ghana.GetProperty("region").GetString() }, Ct));
    }

    [Fact]
    public async Task Finding6_NoTermEndsInThePast()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var dutch = await MembershipAsync(fmu, "sc.nld");

        var refused = await HttpAssert.ValidationProblemAsync(await EndTermAsync(fmu, dutch, api.Today().AddDays(-1)), "lastDay");
        Assert.Contains("cannot end in the past", refused.GetProperty("errors").GetProperty("lastDay")[0].GetString());
        Assert.Equal(dutch.GetProperty("termEnd").GetString(), (await MembershipAsync(fmu, "sc.nld")).GetProperty("termEnd").GetString());
    }

    [Fact]
    public async Task Finding6_ATermEndedDuringAnOpenBallotIsCountedOutAtTheCloseSoClosingEarlyStaysPossible()
    {
        var note = await api.NoteUnderReviewAsync("gov.gha", CommitteeTestSupport.NoteWithoutConflicts());
        var ballot = await api.OpenedBallotAsync(note);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await HttpAssert.OkJsonAsync(await EndTermAsync(fmu, await MembershipAsync(fmu, "sc.nld"), api.Today()));
        api.Clock.Advance(TimeSpan.FromDays(1));

        foreach (var user in CommitteeTestSupport.Users.Except(["sc.nld"])) await api.VoteAsAsync(user, ballot, note, "Approve");
        using var fmuNextDay = await api.CreateClientAsAsync("fmu.officer");
        var closed = await HttpAssert.OkJsonAsync(await fmuNextDay.PostAsync($"/api/ballots/{ballot}/actions/closeEarly", null, Ct));

        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        var decision = (await HttpAssert.OkJsonAsync(await fmuNextDay.GetAsync($"/api/decisions?ballotId={ballot}", Ct))).GetProperty("items")[0];
        Assert.Equal(("Approved", 11, 11), (decision.GetProperty("outcome").GetString(), decision.GetProperty("eligible").GetInt32(),
            decision.GetProperty("votesCast").GetInt32()));
    }

    private async Task<JsonElement> MembershipAsync(HttpClient fmu, string user) =>
        (await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/steering-committee/members?constituency=donors", Ct)))
        .EnumerateArray().Single(m => m.GetProperty("userId").GetString() == user);

    private static Task<HttpResponseMessage> EndTermAsync(HttpClient fmu, JsonElement membership, DateOnly lastDay) =>
        fmu.PostAsync($"/api/steering-committee/members/{membership.GetProperty("id")}/end-term",
            HttpAssert.JsonBody(new { lastDay, reason = "Resigned", version = membership.GetProperty("version") }), Ct);

    private static async Task ChangeSettingsAsync(HttpClient fmu, Action<JsonObject> change)
    {
        var body = JsonNode.Parse((await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/settings", Ct))).GetRawText())!.AsObject();
        change(body);
        await HttpAssert.OkJsonAsync(await fmu.PutAsJsonAsync("/api/settings", body, Ct));
    }
}
