using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Domain.Auditing;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Testing;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>
/// Ballot requests fired at the same moment: one member voting twice, votes racing the close or the cancellation, a
/// declared conflict racing the member's own vote, the deadline timer racing the FMU's early close, and a withdrawal
/// racing a new ballot. Each ends in a success or a 409, and the decision counts exactly what landed before it.
/// </summary>
public sealed class BallotRaceTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await api.AppointCommitteeAsync();

    public ValueTask DisposeAsync() => api.DisposeAsync();

    private static async Task<(Guid Note, Guid Ballot)> NoteOnABallotAsync(TrustFundApiFactory host, string title)
    {
        var note = await host.NoteUnderReviewAsync("gov.gha", CommitteeTestSupport.NoteWithoutConflicts(title));
        return (note, await host.OpenedBallotAsync(note));
    }

    private Task<List<BallotVote>> VotesOfAsync(Guid ballot, string user) => api.WithDbAsync(db =>
        db.Set<BallotVote>().AsNoTracking()
            .Where(v => v.BallotId == ballot && db.Set<BallotPaper>()
                .Any(p => p.BallotId == ballot && p.UserId == user && p.MembershipId == v.MembershipId))
            .ToListAsync(Ct));

    private Task<List<AuditEntry>> VoteAuditAsync(Guid ballot, Guid note, string user) => api.WithDbAsync(async db =>
    {
        var membership = await db.Set<BallotPaper>().Where(p => p.BallotId == ballot && p.UserId == user)
            .Select(p => p.MembershipId).SingleAsync(Ct);
        var key = $"{ballot}|{membership}|{note}";
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(BallotVote) && a.EntityId == key)
            .OrderBy(a => a.Id).ToListAsync(Ct);
    });

    private static async Task<JsonElement> DecisionOfAsync(HttpClient fmu, Guid ballot) =>
        Assert.Single((await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/decisions?ballotId={ballot}", Ct)))
            .GetProperty("items").EnumerateArray());

    private static Task<HttpResponseMessage> CloseEarlyAsync(HttpClient fmu, Guid ballot) =>
        fmu.PostAsync($"/api/ballots/{ballot}/actions/closeEarly", null, Ct);

    private static Task<HttpResponseMessage> DeclareConflictAsync(HttpClient member, Guid ballot, Guid note) =>
        member.PostAsJsonAsync($"/api/ballots/{ballot}/items/{note}/conflict-of-interest",
            new { statement = "My ministry co-finances a partner of the programme." }, Ct);

    [Fact]
    public async Task One_member_voting_twice_at_the_same_moment_with_different_choices_has_one_vote_counted_once()
    {
        var (note, ballot) = await NoteOnABallotAsync(api, "Two votes at once");
        using var laptop = await api.CreateClientAsAsync("sc.deu");
        using var phone = await api.CreateClientAsAsync("sc.deu");

        for (var round = 1; round <= 5; round++)
        {
            var responses = await RaceSupport.AtOnceAsync(
                () => laptop.VoteAsync(ballot, note, "Approve", comment: $"Round {round} from the laptop"),
                () => phone.VoteAsync(ballot, note, "Reject", reason: $"Round {round} from the phone: weak design"));

            // A vote may change until the close, so both land, one after the other; neither is lost.
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var vote = Assert.Single(await VotesOfAsync(ballot, "sc.deu"));
            Assert.Equal(2 * round - 1, vote.Changes);
            var audit = await VoteAuditAsync(ballot, note, "sc.deu");
            Assert.Equal(["Added", .. Enumerable.Repeat("Modified", 2 * round - 1)], audit.Select(a => a.Action));
            // Each change is recorded with its time and count, never with the vote's content (the vote is secret).
            var changes = audit.Select(a => JsonDocument.Parse(a.Changes).RootElement).ToList();
            Assert.All(changes, c => Assert.False(c.TryGetProperty("choice", out _) || c.TryGetProperty("reason", out _)
                                                  || c.TryGetProperty("comment", out _)));
            Assert.Equal(2 * round - 1, changes.Last().GetProperty("changes").GetProperty("to").GetInt32());
        }

        var kept = Assert.Single(await VotesOfAsync(ballot, "sc.deu")).Choice;
        foreach (var user in CommitteeTestSupport.Users.Except(["sc.deu"])) await api.VoteAsAsync(user, ballot, note, "Approve");
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await HttpAssert.OkJsonAsync(await CloseEarlyAsync(fmu, ballot));
        var decision = await DecisionOfAsync(fmu, ballot);
        Assert.Equal((12, kept == VoteChoice.Reject ? 1 : 0, kept == VoteChoice.Approve ? 12 : 11),
            (decision.GetProperty("votesCast").GetInt32(), decision.GetProperty("reject").GetInt32(),
                decision.GetProperty("approve").GetInt32()));
    }

    [Fact]
    public async Task Votes_changed_as_the_FMU_closes_early_either_count_in_the_decision_or_are_refused()
    {
        string[] changers = ["sc.deu", "sc.esp", "sc.mar", "sc.idc"];
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        for (var round = 1; round <= 3; round++)
        {
            var (note, ballot) = await NoteOnABallotAsync(api, $"Early close, round {round}");
            foreach (var user in CommitteeTestSupport.Users) await api.VoteAsAsync(user, ballot, note, "Approve");
            var members = await Task.WhenAll(changers.Select(api.CreateClientAsAsync));

            var responses = await RaceSupport.AtOnceAsync(members
                .Select(m => (Func<Task<HttpResponseMessage>>)(() => m.VoteAsync(ballot, note, "Reject", reason: "Changed my mind")))
                .Prepend(() => CloseEarlyAsync(fmu, ballot)).ToArray());

            var won = await RaceSupport.WonAsync(HttpStatusCode.OK, responses);
            // The close seals every paper: when a vote changed a paper first, the close is refused and asked again.
            if (!won[0]) await HttpAssert.OkJsonAsync(await CloseEarlyAsync(fmu, ballot));
            var landed = changers.Where((_, i) => won[i + 1]).ToList();

            var decision = await DecisionOfAsync(fmu, ballot);
            Assert.Equal((12, landed.Count, 12 - landed.Count), (decision.GetProperty("votesCast").GetInt32(),
                decision.GetProperty("reject").GetInt32(), decision.GetProperty("approve").GetInt32()));
            Assert.Equal(landed.Count > 0 ? "Rejected" : "Approved", decision.GetProperty("outcome").GetString());
            foreach (var user in changers)
                Assert.Equal(landed.Contains(user) ? VoteChoice.Reject : VoteChoice.Approve,
                    Assert.Single(await VotesOfAsync(ballot, user)).Choice);
            Assert.Equal(1, await api.CountOfAsync(ballot, "closeEarly"));
            Assert.Equal(1, (await api.JournalOfAsync(note)).Count(j => j.Action is "approve" or "reject" or "defer"));

            await HttpAssert.ProblemAsync(await members[0].VoteAsync(ballot, note, "Approve"), HttpStatusCode.Conflict);
            Assert.Equal(landed.Contains(changers[0]) ? VoteChoice.Reject : VoteChoice.Approve,
                Assert.Single(await VotesOfAsync(ballot, changers[0])).Choice);
            foreach (var member in members) member.Dispose();
        }
    }

    [Fact]
    public async Task Votes_cast_as_the_FMU_cancels_the_ballot_land_before_it_or_are_refused_and_nothing_is_decided()
    {
        string[] early = ["sc.iom", "sc.ohchr", "sc.undp"];
        string[] late = ["sc.deu", "sc.esp", "sc.mar", "sc.idc"];
        var (note, ballot) = await NoteOnABallotAsync(api, "Cancelled while voting");
        foreach (var user in early) await api.VoteAsAsync(user, ballot, note, "Approve");
        var members = await Task.WhenAll(late.Select(api.CreateClientAsAsync));
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var responses = await RaceSupport.AtOnceAsync(members
            .Select(m => (Func<Task<HttpResponseMessage>>)(() => m.VoteAsync(ballot, note, "Abstain")))
            .Prepend(() => fmu.PostAsJsonAsync($"/api/ballots/{ballot}/actions/cancel",
                new { comment = "The note's budget is being revised." }, Ct)).ToArray());

        var won = await RaceSupport.WonAsync(HttpStatusCode.OK, responses);
        if (!won[0])
            await HttpAssert.OkJsonAsync(await fmu.PostAsJsonAsync($"/api/ballots/{ballot}/actions/cancel",
                new { comment = "The note's budget is being revised." }, Ct));
        var landed = won.Skip(1).Count(w => w);

        Assert.Equal("Cancelled", (await fmu.GetBallotAsync(ballot)).GetProperty("status").GetString());
        Assert.Equal(early.Length + landed, await api.WithDbAsync(db => db.Set<BallotVote>().CountAsync(v => v.BallotId == ballot, Ct)));
        Assert.Empty((await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/decisions?ballotId={ballot}", Ct)))
            .GetProperty("items").EnumerateArray());
        Assert.Equal("underCommitteeReview", (await fmu.GetNoteAsync(note)).Status());
        await HttpAssert.ProblemAsync(await members[0].VoteAsync(ballot, note, "Approve"), HttpStatusCode.Conflict);
        await HttpAssert.OkJsonAsync(await fmu.OpenBallotAsync([note], api.Clock.GetUtcNow().AddDays(7)), HttpStatusCode.Created);
        foreach (var member in members) member.Dispose();
    }

    [Fact]
    public async Task A_conflict_declared_at_the_moment_the_member_votes_leaves_them_recused_without_a_vote()
    {
        string[] declaring = ["sc.deu", "sc.esp", "sc.mar", "sc.idc", "sc.undp"];
        var (note, ballot) = await NoteOnABallotAsync(api, "Conflict and vote at once");

        foreach (var user in declaring)
        {
            using var voting = await api.CreateClientAsAsync(user);
            using var declaringClient = await api.CreateClientAsAsync(user);

            var responses = await RaceSupport.AtOnceAsync(() => voting.VoteAsync(ballot, note, "Approve"),
                () => DeclareConflictAsync(declaringClient, ballot, note));

            // Whichever is saved first, the declaration lands: before the vote it refuses it, after it withdraws it.
            var won = await RaceSupport.WonAsync(HttpStatusCode.OK, responses);
            Assert.True(won[1], "The declaration of a conflict was refused.");
            Assert.Empty(await VotesOfAsync(ballot, user));
            var item = (await voting.GetBallotAsync(ballot)).Item(note);
            Assert.Equal("DeclaredConflict", item.GetProperty("myRecusal").GetProperty("reason").GetString());
            Assert.Equal(JsonValueKind.Null, item.GetProperty("myVote").ValueKind);
        }

        foreach (var user in CommitteeTestSupport.Users.Except(declaring)) await api.VoteAsAsync(user, ballot, note, "Approve");
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await HttpAssert.OkJsonAsync(await CloseEarlyAsync(fmu, ballot));
        var decision = await DecisionOfAsync(fmu, ballot);
        Assert.Equal((5, 7, 7), (decision.GetProperty("recused").GetInt32(), decision.GetProperty("votesCast").GetInt32(),
            decision.GetProperty("approve").GetInt32()));
    }

    [Fact]
    public async Task The_deadline_timer_and_the_FMUs_early_close_at_the_same_moment_close_each_ballot_once()
    {
        // No background service here: the test fires the timers itself, at the moment the FMU closes.
        await using var host = SqliteApiFactory.InEnvironment("Development",
            new Dictionary<string, string> { ["Workflows:RunTimers"] = "false" });
        await host.AppointCommitteeAsync();
        var ballots = new List<(Guid Note, Guid Ballot)>();
        for (var i = 1; i <= 4; i++)
        {
            var (note, ballot) = await NoteOnABallotAsync(host, $"Deadline race {i}");
            foreach (var user in CommitteeTestSupport.Users) await host.VoteAsAsync(user, ballot, note, "Approve");
            ballots.Add((note, ballot));
        }
        host.Clock.Advance(TimeSpan.FromDays(7));
        using var fmu = await host.CreateClientAsAsync("fmu.officer");

        HttpResponseMessage[] closes = [];
        await RaceSupport.AllAtOnceAsync(
            async () => closes = await Task.WhenAll(ballots.Select(b => CloseEarlyAsync(fmu, b.Ballot))),
            async () =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WorkflowTimerProcessor>().FireDueTimersAsync(Ct);
            });

        var closedEarly = await RaceSupport.WonAsync(HttpStatusCode.OK, closes);
        for (var i = 0; i < ballots.Count; i++)
        {
            var (note, ballot) = ballots[i];
            var journal = await host.JournalOfAsync(ballot);
            Assert.Equal(["start", closedEarly[i] ? "closeEarly" : "close"], journal.Select(j => j.Action));
            var timer = Assert.Single(await host.TimersOfAsync(ballot));
            Assert.Equal(closedEarly[i] ? WorkflowTimerStatus.Cancelled : WorkflowTimerStatus.Fired, timer.Status);
            Assert.Equal(1, await host.WithDbAsync(db => db.CommitteeDecisions.CountAsync(d => d.BallotId == ballot, Ct)));
            Assert.Equal(1, await host.CountOfAsync(note, "approve"));
            Assert.Equal("approvedInPipeline", (await fmu.GetNoteAsync(note)).Status());
        }
    }

    [Fact]
    public async Task A_deferred_note_withdrawn_as_the_FMU_puts_it_to_a_new_ballot_is_either_withdrawn_or_on_the_ballot()
    {
        var notes = new List<Guid>();
        for (var i = 1; i <= 3; i++)
            notes.Add(await api.NoteUnderReviewAsync("gov.gha", CommitteeTestSupport.NoteWithoutConflicts($"Deferred note {i}")));
        var first = await api.OpenedBallotAsync(notes.ToArray());
        foreach (var note in notes)
        foreach (var user in new[] { "sc.deu", "sc.iom", "sc.mar" })
            await api.VoteAsAsync(user, first, note, "Approve");
        await api.PassDeadlineAsync(TimeSpan.FromDays(8));
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        using var ghana = await api.CreateClientAsAsync("gov.gha");

        foreach (var note in notes)
        {
            Assert.Equal("deferred", (await fmu.GetNoteAsync(note)).Status());
            var ballotsBefore = await api.CountAsync<Ballot>();

            var responses = await RaceSupport.AtOnceAsync(
                () => ghana.NoteActAsync(note, "withdraw", "The government withdraws the note."),
                () => fmu.OpenBallotAsync([note], api.Clock.GetUtcNow().AddDays(7), "Second reading"));

            var won = await RaceSupport.WonAsync(HttpStatusCode.OK, responses[0]);
            var opened = responses[1].StatusCode == HttpStatusCode.Created;
            if (!opened) await HttpAssert.ProblemAsync(responses[1], HttpStatusCode.Conflict);
            Assert.True(won[0] ^ opened, "Exactly one of the withdrawal and the new ballot must succeed.");
            Assert.Equal(opened ? "underCommitteeReview" : "withdrawn", (await fmu.GetNoteAsync(note)).Status());
            Assert.Equal(ballotsBefore + (opened ? 1 : 0), await api.CountAsync<Ballot>());
            Assert.Equal(opened ? 1 : 0, await api.WithDbAsync(db =>
                db.Set<BallotItem>().CountAsync(item => item.ConceptNoteId == note && item.IsPending, Ct)));
            var journal = (await api.JournalOfAsync(note)).Select(j => j.Action).ToList();
            Assert.Equal(opened ? 0 : 1, journal.Count(a => a == "withdraw"));
            Assert.Equal(opened ? 1 : 0, journal.Count(a => a == "putToCommitteeAgain"));
        }
    }
}
