using System.Net;
using System.Text.Json;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Committee;

/// <summary>A ballot from opening to the recorded decisions, through the API alone.</summary>
public sealed class BallotLifecycleTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await api.AppointCommitteeAsync();

    public ValueTask DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task Members_vote_one_is_recused_the_deadline_passes_and_each_note_moves_as_the_rule_says()
    {
        // Mexico's note has IOM in its budget: the IOM member and the Mexican member are recused from it.
        var mexican = await api.NoteUnderReviewAsync();
        var ghanaian = await api.NoteUnderReviewAsync("gov.gha", CommitteeTestSupport.NoteWithoutConflicts());
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var opened = await HttpAssert.OkJsonAsync(await fmu.OpenBallotAsync([mexican, ghanaian],
            api.Clock.GetUtcNow().AddDays(10), "Written procedure on two concept notes"), HttpStatusCode.Created);
        var ballot = opened.GetProperty("id").GetGuid();
        Assert.Equal("Open", opened.GetProperty("status").GetString());
        Assert.Equal(12, opened.GetProperty("voters").GetInt32());
        Assert.Equal("Consensus", opened.GetProperty("rule").GetProperty("decisionRule").GetString());
        var recused = opened.Item(mexican).GetProperty("recusals").EnumerateArray()
            .Select(r => (r.GetProperty("member").GetString(), r.GetProperty("reason").GetString())).Order().ToList();
        Assert.Equal([("Ana López", "SubmittingGovernment"), ("Jonas Weber", "ParticipatingOrganization")], recused);

        // Every member has the ballot in their inbox.
        using var germany = await api.CreateClientAsAsync("sc.deu");
        var inbox = await HttpAssert.OkJsonAsync(await germany.GetAsync("/api/tasks/mine", Ct));
        var task = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal("Vote on the ballot's concept notes", task.GetProperty("title").GetString());
        Assert.Equal(ballot, task.GetProperty("subject").GetProperty("id").GetGuid());

        // The IOM member cannot vote on the note IOM takes part in.
        using var iom = await api.CreateClientAsAsync("sc.iom");
        var refused = await HttpAssert.ProblemAsync(await iom.VoteAsync(ballot, mexican, "Approve"), HttpStatusCode.Conflict);
        Assert.Contains("International Organization for Migration participates", refused.GetProperty("detail").GetString());

        foreach (var user in CommitteeTestSupport.Users.Except(["sc.iom", "sc.mex"]))
            await api.VoteAsAsync(user, ballot, mexican, user == "sc.nld" ? "ApproveWithConditions" : "Approve",
                conditions: user == "sc.nld" ? "Add a baseline survey in the first six months." : null);
        foreach (var user in CommitteeTestSupport.Users)
            await api.VoteAsAsync(user, ballot, ghanaian, user == "sc.idc" ? "Reject" : "Approve",
                reason: user == "sc.idc" ? "The note funds detention facilities." : null);

        // Having voted on everything, the member's task is done.
        inbox = await HttpAssert.OkJsonAsync(await germany.GetAsync("/api/tasks/mine", Ct));
        Assert.Empty(inbox.GetProperty("items").EnumerateArray());

        // Before the close a member sees only their own vote; the FMU sees the turnout, never the choices.
        var asMember = await germany.GetBallotAsync(ballot);
        Assert.Equal("Approve", asMember.Item(mexican).GetProperty("myVote").GetProperty("choice").GetString());
        Assert.Equal(JsonValueKind.Null, asMember.Item(mexican).GetProperty("tally").ValueKind);
        var asFmu = await fmu.GetBallotAsync(ballot);
        var tally = asFmu.Item(mexican).GetProperty("tally");
        Assert.Equal((10, 2, 10, 0), (tally.GetProperty("eligible").GetInt32(), tally.GetProperty("recused").GetInt32(),
            tally.GetProperty("votesCast").GetInt32(), tally.GetProperty("notVoted").GetInt32()));
        Assert.Equal(JsonValueKind.Null, tally.GetProperty("approve").ValueKind);
        Assert.Equal(JsonValueKind.Null, tally.GetProperty("byConstituency").ValueKind);
        Assert.All(asFmu.GetProperty("participation").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("itemsLeft").GetInt32()));

        // A day before the deadline nothing closes; past it the timer closes the ballot (the processor here, or the
        // background service, which the test clock also wakes).
        await api.PassDeadlineAsync(TimeSpan.FromDays(9));
        using (var dayBefore = await api.CreateClientAsAsync("fmu.officer"))
            Assert.Equal("Open", (await dayBefore.GetBallotAsync(ballot)).GetProperty("status").GetString());
        await api.PassDeadlineAsync(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        using var fmuLater = await api.CreateClientAsAsync("fmu.officer");
        using var germanyLater = await api.CreateClientAsAsync("sc.deu");

        var closed = await fmuLater.GetBallotAsync(ballot);
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal("ApprovedWithConditions", closed.Item(mexican).GetProperty("outcome").GetString());
        Assert.Equal("Rejected", closed.Item(ghanaian).GetProperty("outcome").GetString());

        using var mexico = await api.CreateClientAsAsync("gov.mex");
        Assert.Equal("approvedInPipeline", (await mexico.GetNoteAsync(mexican)).Status());
        Assert.Equal("rejected", (await fmuLater.GetNoteAsync(ghanaian)).Status());
        var history = await HttpAssert.OkJsonAsync(await mexico.GetAsync($"/api/concept-notes/{mexican}/history", Ct));
        var decisionStep = history.EnumerateArray().Last();
        Assert.Equal(("approve", "system"), (decisionStep.GetProperty("action").GetString(), decisionStep.GetProperty("actor").GetString()));
        Assert.Contains("Add a baseline survey", decisionStep.GetProperty("comment").GetString());

        var decisions = await HttpAssert.OkJsonAsync(await fmuLater.GetAsync($"/api/decisions?ballotId={ballot}", Ct));
        Assert.Equal(2, decisions.GetProperty("totalCount").GetInt32());
        var approved = decisions.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("conceptNoteId").GetGuid() == mexican);
        Assert.Equal(["Add a baseline survey in the first six months."], approved.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, approved.GetProperty("recusals").GetArrayLength());
        Assert.True(approved.GetProperty("quorumMet").GetBoolean());
        Assert.Equal((9, 1), (approved.GetProperty("approve").GetInt32(), approved.GetProperty("approveWithConditions").GetInt32()));
        // Two constituencies have two eligible members each (one recused): too few to publish their choices.
        var cells = approved.GetProperty("tallyByConstituency").EnumerateArray()
            .ToDictionary(c => c.GetProperty("constituency").GetString()!, c => c);
        Assert.True(cells["un-network"].GetProperty("suppressed").GetBoolean());
        Assert.True(cells["countries"].GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, cells["countries"].GetProperty("approve").ValueKind);
        Assert.Equal(6, cells.Values.Where(c => !c.GetProperty("suppressed").GetBoolean())
            .Sum(c => c.GetProperty("approve").GetInt32() + c.GetProperty("approveWithConditions").GetInt32()));
        var rejected = decisions.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("conceptNoteId").GetGuid() == ghanaian);
        Assert.Equal(["The note funds detention facilities."], rejected.GetProperty("rejectionReasons").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("no consensus", rejected.GetProperty("rationale").GetString());

        // A closed ballot takes no more votes.
        await HttpAssert.ProblemAsync(await germanyLater.VoteAsync(ballot, ghanaian, "Reject", reason: "Too late"), HttpStatusCode.Conflict);
        var ballotHistory = await HttpAssert.OkJsonAsync(await fmuLater.GetAsync($"/api/ballots/{ballot}/history", Ct));
        Assert.Equal(["start", "close"], ballotHistory.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Without_a_quorum_the_note_is_deferred_and_a_later_ballot_decides_it()
    {
        var note = await api.NoteUnderReviewAsync("gov.gha", CommitteeTestSupport.NoteWithoutConflicts());
        var first = await api.OpenedBallotAsync(note);
        foreach (var user in new[] { "sc.deu", "sc.iom", "sc.mar" }) await api.VoteAsAsync(user, first, note, "Approve");
        await api.PassDeadlineAsync(TimeSpan.FromDays(8));

        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        Assert.Equal("deferred", (await fmu.GetNoteAsync(note)).Status());
        var deferred = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/decisions?conceptNoteId={note}", Ct));
        var decision = Assert.Single(deferred.GetProperty("items").EnumerateArray());
        Assert.Equal(("Deferred", false, 8), (decision.GetProperty("outcome").GetString(),
            decision.GetProperty("quorumMet").GetBoolean(), decision.GetProperty("quorumRequired").GetInt32()));

        // The next ballot takes the deferred note back under review.
        api.Clock.Advance(TimeSpan.FromMinutes(30));
        var second = await api.OpenedBallotAsync(note);
        Assert.Equal("underCommitteeReview", (await fmu.GetNoteAsync(note)).Status());
        foreach (var user in CommitteeTestSupport.Users) await api.VoteAsAsync(user, second, note, user == "sc.esp" ? "Abstain" : "Approve");
        await HttpAssert.OkJsonAsync(await fmu.PostAsync($"/api/ballots/{second}/actions/closeEarly", null, Ct));

        Assert.Equal("approvedInPipeline", (await fmu.GetNoteAsync(note)).Status());
        var all = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/decisions?conceptNoteId={note}", Ct));
        Assert.Equal(["Approved", "Deferred"], all.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Twelve_members_voting_at_the_same_moment_give_twelve_votes()
    {
        var note = await api.NoteUnderReviewAsync("gov.gha", CommitteeTestSupport.NoteWithoutConflicts());
        var ballot = await api.OpenedBallotAsync(note);
        var members = new List<HttpClient>();
        foreach (var user in CommitteeTestSupport.Users) members.Add(await api.CreateClientAsAsync(user));

        var responses = await Task.WhenAll(members.Select(m => m.VoteAsync(ballot, note, "Approve")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var tally = (await fmu.GetBallotAsync(ballot)).Item(note).GetProperty("tally");
        Assert.Equal((12, 0), (tally.GetProperty("votesCast").GetInt32(), tally.GetProperty("notVoted").GetInt32()));
        var approvals = await api.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Set<Domain.Committee.BallotVote>(), v => v.Choice == Domain.Committee.VoteChoice.Approve, Ct));
        Assert.Equal(12, approvals);
        Assert.Equal(12, await api.CountAsync<Domain.Committee.BallotVote>());
        foreach (var member in members) member.Dispose();
    }

    [Fact]
    public async Task A_double_clicked_vote_counts_once()
    {
        var note = await api.NoteUnderReviewAsync("gov.gha", CommitteeTestSupport.NoteWithoutConflicts());
        var ballot = await api.OpenedBallotAsync(note);
        using var germany = await api.CreateClientAsAsync("sc.deu");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => germany.VoteAsync(ballot, note, "Reject", reason: "Weak design")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await api.CountAsync<Domain.Committee.BallotVote>());
        var mine = (await germany.GetBallotAsync(ballot)).Item(note).GetProperty("myVote");
        Assert.Equal(("Reject", 4), (mine.GetProperty("choice").GetString(), mine.GetProperty("changes").GetInt32()));
    }

    [Fact]
    public async Task A_member_changes_their_vote_until_the_close_and_the_last_one_counts()
    {
        var note = await api.NoteUnderReviewAsync("gov.gha", CommitteeTestSupport.NoteWithoutConflicts());
        var ballot = await api.OpenedBallotAsync(note);
        await api.VoteAsAsync("sc.deu", ballot, note, "Reject", reason: "Weak design");
        await api.VoteAsAsync("sc.deu", ballot, note, "Approve");
        foreach (var user in CommitteeTestSupport.Users.Except(["sc.deu"])) await api.VoteAsAsync(user, ballot, note, "Approve");
        await api.PassDeadlineAsync(TimeSpan.FromDays(8));

        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var decision = (await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/decisions?ballotId={ballot}", Ct)))
            .GetProperty("items")[0];
        Assert.Equal(("Approved", 0, 12), (decision.GetProperty("outcome").GetString(), decision.GetProperty("reject").GetInt32(),
            decision.GetProperty("approve").GetInt32()));
    }
}
