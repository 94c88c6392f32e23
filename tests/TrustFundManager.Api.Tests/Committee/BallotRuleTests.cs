using System.Net;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Committee;

/// <summary>Each ballot rule broken through the API: refused with a clear answer, and nothing written.</summary>
public sealed class BallotRuleTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();
    private Guid note;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await api.AppointCommitteeAsync();
        note = await api.NoteUnderReviewAsync();
    }

    public ValueTask DisposeAsync() => api.DisposeAsync();

    private DateTimeOffset InAWeek => api.Clock.GetUtcNow().AddDays(7);

    [Fact]
    public async Task Opening_refuses_bad_requests_and_notes_not_before_the_committee_writing_nothing()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        using var mexico = await api.CreateClientAsAsync("gov.mex");
        var draft = await mexico.CreatedNoteAsync();

        await HttpAssert.ValidationProblemAsync(await fmu.OpenBallotAsync([note], api.Clock.GetUtcNow().AddHours(-1)), "deadline");
        await HttpAssert.ValidationProblemAsync(await fmu.OpenBallotAsync([note], api.Clock.GetUtcNow().AddDays(91)), "deadline");
        await HttpAssert.ValidationProblemAsync(await fmu.OpenBallotAsync([], InAWeek), "conceptNoteIds");
        await HttpAssert.ValidationProblemAsync(await fmu.OpenBallotAsync([note, note], InAWeek), "conceptNoteIds");
        await HttpAssert.ValidationProblemAsync(await fmu.OpenBallotAsync([note], InAWeek, title: " "), "title");
        await HttpAssert.ValidationProblemAsync(await fmu.OpenBallotAsync([Guid.NewGuid()], InAWeek), "conceptNoteIds");
        await HttpAssert.ValidationProblemAsync(await fmu.OpenBallotAsync([note], InAWeek, kind: "Referendum"));
        var notReady = await HttpAssert.ProblemAsync(await fmu.OpenBallotAsync([note, draft], InAWeek), HttpStatusCode.Conflict);
        Assert.Contains("is draft", notReady.GetProperty("errors").GetProperty("conceptNoteIds")[0].GetString());

        Assert.Equal(0, await api.CountAsync<Ballot>());
        Assert.Equal("underCommitteeReview", (await fmu.GetNoteAsync(note)).Status());
    }

    [Fact]
    public async Task A_note_is_on_one_open_ballot_at_a_time()
    {
        await api.OpenedBallotAsync(note);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var refused = await HttpAssert.ProblemAsync(await fmu.OpenBallotAsync([note], InAWeek, "Another"), HttpStatusCode.Conflict);

        Assert.Contains("one open ballot at a time", refused.GetProperty("detail").GetString());
        Assert.Equal(1, await api.CountAsync<Ballot>());
    }

    [Fact]
    public async Task Two_ballots_opened_at_once_on_the_same_note_leave_one()
    {
        using var first = await api.CreateClientAsAsync("fmu.officer");
        using var second = await api.CreateClientAsAsync("fmu.finance");

        var responses = await Task.WhenAll(first.OpenBallotAsync([note], InAWeek, "One"), second.OpenBallotAsync([note], InAWeek, "Two"));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await api.CountAsync<Ballot>());
    }

    [Theory]
    [InlineData("gov.mex")]
    [InlineData("puno.iom")]
    [InlineData("sc.deu")]
    [InlineData("admin")]
    public async Task Only_the_FMU_opens_ballots(string user)
    {
        using var client = await api.CreateClientAsAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.OpenBallotAsync([note], InAWeek)).StatusCode);
        Assert.Equal(0, await api.CountAsync<Ballot>());
    }

    [Fact]
    public async Task A_vote_must_carry_its_conditions_or_reason()
    {
        var ballot = await api.OpenedBallotAsync(note);
        using var germany = await api.CreateClientAsAsync("sc.deu");

        await HttpAssert.ValidationProblemAsync(await germany.VoteAsync(ballot, note, "ApproveWithConditions"), "conditions");
        await HttpAssert.ValidationProblemAsync(await germany.VoteAsync(ballot, note, "Reject"), "reason");
        await HttpAssert.ValidationProblemAsync(await germany.VoteAsync(ballot, note, "Approve", conditions: "Only if"), "conditions");
        await HttpAssert.ValidationProblemAsync(await germany.VoteAsync(ballot, note, "Maybe"));
        await HttpAssert.ValidationProblemAsync(await germany.VoteAsync(ballot, note, "Approve", comment: new string('x', 4001)), "comment");

        Assert.Equal(0, await api.CountAsync<BallotVote>());
    }

    [Fact]
    public async Task Recused_members_cannot_vote_and_a_declared_conflict_withdraws_a_vote()
    {
        var ballot = await api.OpenedBallotAsync(note);
        using var mexicanMember = await api.CreateClientAsAsync("sc.mex");
        var refused = await HttpAssert.ProblemAsync(await mexicanMember.VoteAsync(ballot, note, "Approve"), HttpStatusCode.Conflict);
        Assert.Contains("The government of Mexico submitted the concept note", refused.GetProperty("detail").GetString());

        using var spain = await api.CreateClientAsAsync("sc.esp");
        await HttpAssert.OkJsonAsync(await spain.VoteAsync(ballot, note, "Approve"));
        await HttpAssert.ValidationProblemAsync(await spain.PostAsync($"/api/ballots/{ballot}/items/{note}/conflict-of-interest",
            HttpAssert.JsonBody(new { statement = "" }), Ct), "statement");
        var declared = await HttpAssert.OkJsonAsync(await spain.PostAsync($"/api/ballots/{ballot}/items/{note}/conflict-of-interest",
            HttpAssert.JsonBody(new { statement = "My ministry co-finances the programme." }), Ct));

        var item = declared.Item(note);
        Assert.Equal("DeclaredConflict", item.GetProperty("myRecusal").GetProperty("reason").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("myVote").ValueKind);
        Assert.Equal(0, await api.CountAsync<BallotVote>());
        await HttpAssert.ProblemAsync(await spain.VoteAsync(ballot, note, "Approve"), HttpStatusCode.Conflict);
        await HttpAssert.ProblemAsync(await spain.PostAsync($"/api/ballots/{ballot}/items/{note}/conflict-of-interest",
            HttpAssert.JsonBody(new { statement = "Again" }), Ct), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Members_outside_their_term_or_appointed_after_the_opening_cannot_vote()
    {
        var ballot = await api.OpenedBallotAsync(note);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var members = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/steering-committee/members?constituency=donors", Ct));
        var dutch = members.EnumerateArray().Single(m => m.GetProperty("userId").GetString() == "sc.nld");
        await HttpAssert.OkJsonAsync(await fmu.PostAsync($"/api/steering-committee/members/{dutch.GetProperty("id")}/end-term",
            HttpAssert.JsonBody(new { lastDay = api.Today(), reason = "Resigned", version = dutch.GetProperty("version") }), Ct));
        api.Clock.Advance(TimeSpan.FromDays(1));

        using var netherlands = await api.CreateClientAsAsync("sc.nld");
        using var fmuNextDay = await api.CreateClientAsAsync("fmu.officer");
        var ended = await HttpAssert.ProblemAsync(await netherlands.VoteAsync(ballot, note, "Approve"), HttpStatusCode.Conflict);
        Assert.Contains("outside it you cannot vote", ended.GetProperty("detail").GetString());

        await HttpAssert.OkJsonAsync(await fmuNextDay.AppointAsync(new CommitteeTestSupport.SeatHolder("sc.nld.successor", "New Member",
            "donors", 2, Country: "NLD"), api.Today()), HttpStatusCode.Created);
        var read = await HttpAssert.OkJsonAsync(await fmuNextDay.GetAsync($"/api/ballots/{ballot}", Ct));
        var voters = read.GetProperty("participation").EnumerateArray().Select(p => p.GetProperty("member").GetString()).ToList();
        Assert.Equal(12, voters.Count);
        Assert.Contains("Pieter de Vries", voters);
        Assert.DoesNotContain("New Member", voters);
        Assert.Equal(0, await api.CountAsync<BallotVote>());
    }

    [Fact]
    public async Task Votes_are_refused_after_the_deadline_even_before_the_ballot_is_closed()
    {
        var ballot = await api.OpenedBallotAsync(note);
        api.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        using var germany = await api.CreateClientAsAsync("sc.deu");

        var refused = await HttpAssert.ProblemAsync(await germany.VoteAsync(ballot, note, "Approve"), HttpStatusCode.Conflict);

        // Refused for the deadline, or because the timer service (woken by the test clock) already closed it.
        Assert.Matches("deadline passed|is closed", refused.GetProperty("detail").GetString());
        Assert.Equal(0, await api.CountAsync<BallotVote>());
    }

    [Fact]
    public async Task Only_members_vote_and_only_the_committee_and_FMU_read_ballots()
    {
        var ballot = await api.OpenedBallotAsync(note);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        using var mexico = await api.CreateClientAsAsync("gov.mex");
        using var iom = await api.CreateClientAsAsync("puno.iom");

        Assert.Equal(HttpStatusCode.Forbidden, (await fmu.VoteAsync(ballot, note, "Approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.VoteAsync(ballot, note, "Approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.GetAsync($"/api/ballots/{ballot}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await iom.GetAsync("/api/ballots", Ct)).StatusCode);
        using var germany = await api.CreateClientAsAsync("sc.deu");
        await HttpAssert.ProblemAsync(await germany.VoteAsync(Guid.NewGuid(), note, "Approve"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await germany.VoteAsync(ballot, Guid.NewGuid(), "Approve"), HttpStatusCode.NotFound);
        Assert.Equal(0, await api.CountAsync<BallotVote>());
    }

    [Fact]
    public async Task Members_do_not_see_each_others_votes_before_the_close()
    {
        var ballot = await api.OpenedBallotAsync(note);
        await api.VoteAsAsync("sc.nld", ballot, note, "Reject", reason: "Weak design");
        using var germany = await api.CreateClientAsAsync("sc.deu");

        var seen = (await germany.GetBallotAsync(ballot)).Item(note);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.GetProperty("tally").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.GetProperty("recusals").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.GetProperty("myVote").ValueKind);
        var asMember = await germany.GetAsync($"/api/ballots/{ballot}", Ct);
        Assert.DoesNotContain("Weak design", await asMember.Content.ReadAsStringAsync(Ct));
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var asFmu = await fmu.GetAsync($"/api/ballots/{ballot}", Ct);
        Assert.DoesNotContain("Weak design", await asFmu.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Closing_early_needs_every_eligible_vote_and_the_deadline_close_is_the_systems()
    {
        var ballot = await api.OpenedBallotAsync(note);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var early = await HttpAssert.ProblemAsync(await fmu.PostAsync($"/api/ballots/{ballot}/actions/closeEarly", null, Ct), HttpStatusCode.Conflict);
        Assert.Contains("10 members have not voted", early.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await fmu.PostAsync($"/api/ballots/{ballot}/actions/close", null, Ct)).StatusCode);
        await HttpAssert.ValidationProblemAsync(await fmu.PostAsync($"/api/ballots/{ballot}/actions/cancel", null, Ct), "comment");
        Assert.Equal(0, await api.CountAsync<CommitteeDecision>());
        Assert.Equal("Open", (await fmu.GetBallotAsync(ballot)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_cancelled_ballot_decides_nothing_and_frees_its_notes()
    {
        var ballot = await api.OpenedBallotAsync(note);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var cancelled = await HttpAssert.OkJsonAsync(await fmu.PostAsync($"/api/ballots/{ballot}/actions/cancel",
            HttpAssert.JsonBody(new { comment = "Opened on the wrong notes." }), Ct));

        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(0, await api.CountAsync<CommitteeDecision>());
        Assert.Equal("underCommitteeReview", (await fmu.GetNoteAsync(note)).Status());
        using var germany = await api.CreateClientAsAsync("sc.deu");
        Assert.Empty((await HttpAssert.OkJsonAsync(await germany.GetAsync("/api/tasks/mine", Ct))).GetProperty("items").EnumerateArray());
        await HttpAssert.ProblemAsync(await germany.VoteAsync(ballot, note, "Approve"), HttpStatusCode.Conflict);
        await api.OpenedBallotAsync(note);
    }

    [Fact]
    public async Task Decisions_are_seen_by_whoever_may_see_their_concept_note()
    {
        var ballot = await api.OpenedBallotAsync(note);
        foreach (var user in CommitteeTestSupport.Users.Except(["sc.iom", "sc.mex"])) await api.VoteAsAsync(user, ballot, note, "Approve");
        await api.PassDeadlineAsync(TimeSpan.FromDays(8));
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var decision = (await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/decisions", Ct))).GetProperty("items")[0];
        var href = decision.GetProperty("href").GetString();

        using var mexico = await api.CreateClientAsAsync("gov.mex");
        using var philippines = await api.CreateClientAsAsync("gov.phl");
        using var member = await api.CreateClientAsAsync("sc.bgd");
        await HttpAssert.OkJsonAsync(await mexico.GetAsync(href, Ct));
        await HttpAssert.OkJsonAsync(await member.GetAsync(href, Ct));
        await HttpAssert.ProblemAsync(await philippines.GetAsync(href, Ct), HttpStatusCode.NotFound);
        Assert.Equal(0, (await HttpAssert.OkJsonAsync(await philippines.GetAsync("/api/decisions", Ct))).GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await HttpAssert.OkJsonAsync(await mexico.GetAsync("/api/decisions?outcome=Approved&country=MEX", Ct))).GetProperty("totalCount").GetInt32());
        await HttpAssert.ValidationProblemAsync(await fmu.GetAsync("/api/decisions?country=Mexico", Ct), "country");
    }

    [Fact]
    public async Task A_recorded_decision_never_changes()
    {
        var ballot = await api.OpenedBallotAsync(note);
        await api.PassDeadlineAsync(TimeSpan.FromDays(8));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => api.WithDbAsync(db =>
            Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database,
                "UPDATE CommitteeDecisions SET Outcome = 'Approved'", Ct)));

        Assert.Contains("never change", error.Message);
    }
}
