using Microsoft.EntityFrameworkCore;
using TrustFundManager.Testing;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Api.Tests.ConceptNotes;

public sealed class DemoDataTests : IDisposable
{
    private readonly string _database = SqliteApiFactory.NewDirectory();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteApiFactory Host() => SqliteApiFactory.OnDirectory(_database, new Dictionary<string, string> { ["Seed:Demo"] = "true" });

    [Fact]
    public async Task The_demo_portfolio_is_a_living_pipeline_in_every_state()
    {
        await using var api = Host();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var page = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/concept-notes?pageSize=200", Ct));
        var notes = page.GetProperty("items").EnumerateArray().ToList();

        Assert.InRange(notes.Count, 90, 110);
        Assert.InRange(notes.Select(n => n.GetProperty("country").GetString()).Distinct().Count(), 50, 60);
        var states = notes.Select(n => n.Status()).ToHashSet();
        Assert.Equal(["approvedInPipeline", "deferred", "draft", "funded", "ineligible", "rejected", "returnedForRevision",
            "screening", "submitted", "underCommitteeReview", "withdrawn"], states.Order());
        Assert.Contains(notes, n => n.GetProperty("submissionCount").GetInt32() >= 2);
        Assert.Contains(notes, n => n.GetProperty("countries").GetArrayLength() > 1);

        var (openTasks, pendingTimers, waitingNotes, returnedNotes, versions, submissions) = await api.WithDbAsync(async db => (
            await db.WorkflowTasks.CountAsync(t => t.ClosedAt == null &&
                db.WorkflowInstances.Any(i => i.Id == t.InstanceId && i.DefinitionId == "concept-note"), Ct),
            await db.WorkflowTimers.Where(t => t.Status == WorkflowTimerStatus.Pending).Select(t => t.DueAt).ToListAsync(Ct),
            await db.WorkflowInstances.CountAsync(i => i.DefinitionId == "concept-note" && (i.State == "draft" ||
                i.State == "submitted" || i.State == "screening" || i.State == "returnedForRevision" || i.State == "deferred"), Ct),
            await db.WorkflowInstances.CountAsync(i => i.State == "returnedForRevision", Ct),
            await db.ConceptNoteVersions.CountAsync(Ct),
            await db.ConceptNotes.SumAsync(n => n.SubmissionCount, Ct)));
        Assert.Equal(waitingNotes, openTasks);
        Assert.Equal(returnedNotes, pendingTimers.Count);
        Assert.All(pendingTimers, due => Assert.True(due > api.Clock.GetUtcNow(), "A demo timer is already overdue."));
        Assert.Equal(submissions, versions);

        using var mexico = await api.CreateClientAsAsync("gov.mex");
        var own = await HttpAssert.OkJsonAsync(await mexico.GetAsync("/api/concept-notes", Ct));
        Assert.All(own.GetProperty("items").EnumerateArray(), n => Assert.Equal("MEX", n.GetProperty("country").GetString()));
        Assert.True(own.GetProperty("totalCount").GetInt32() >= 4);
    }

    [Fact]
    public async Task The_demo_committee_holds_staggered_seats_and_every_committee_decision_came_from_a_ballot()
    {
        await using var api = Host();
        using var member = await api.CreateClientAsAsync("sc.deu");
        var composition = await HttpAssert.OkJsonAsync(await member.GetAsync("/api/steering-committee/composition", Ct));
        Assert.Equal((12, 0), (composition.GetProperty("members").GetInt32(), composition.GetProperty("vacancies").GetInt32()));
        Assert.Equal(4, composition.GetProperty("termsEndingWithin90Days").GetArrayLength());
        Assert.Equal(3, composition.GetProperty("chairAndAttendees").GetArrayLength());
        var later = await HttpAssert.OkJsonAsync(await member.GetAsync(
            $"/api/steering-committee/composition?asOf={DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime).AddDays(60):yyyy-MM-dd}", Ct));
        Assert.Equal(4, later.GetProperty("vacancies").GetInt32());

        var (decided, ballots, openBallots, decisions, outcomes, votes) = await api.WithDbAsync(async db => (
            await db.WorkflowInstances.CountAsync(i => i.DefinitionId == "concept-note" &&
                (i.State == "approvedInPipeline" || i.State == "rejected" || i.State == "deferred" || i.State == "funded"), Ct),
            await db.Ballots.CountAsync(Ct),
            await db.Ballots.CountAsync(b => b.Status == Domain.Committee.BallotStatus.Open, Ct),
            await db.CommitteeDecisions.CountAsync(Ct),
            await db.CommitteeDecisions.Select(d => d.Outcome).Distinct().CountAsync(Ct),
            await db.Set<Domain.Committee.BallotVote>().CountAsync(Ct)));
        Assert.Equal(decided, ballots);
        Assert.Equal(decided, decisions);
        Assert.Equal(0, openBallots);
        Assert.True(outcomes >= 3, "The demo decisions should approve, reject and defer.");
        Assert.True(votes > decided * 3);

        // Each note's state is what its latest decision says.
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var rejected = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/decisions?outcome=Rejected&pageSize=200", Ct));
        foreach (var decision in rejected.GetProperty("items").EnumerateArray())
        {
            var note = await HttpAssert.OkJsonAsync(await fmu.GetAsync(decision.GetProperty("conceptNoteHref").GetString(), Ct));
            Assert.Equal("rejected", note.GetProperty("status").GetProperty("name").GetString());
            Assert.NotEmpty(decision.GetProperty("rejectionReasons").EnumerateArray());
        }
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        int first;
        await using (var api = Host())
            first = await api.WithDbAsync(db => db.ConceptNotes.CountAsync(Ct));
        await using var again = Host();
        Assert.Equal(first, await again.WithDbAsync(db => db.ConceptNotes.CountAsync(Ct)));
    }

    [Fact]
    public async Task Without_the_setting_no_demo_data_is_added()
    {
        await using var api = new SqliteApiFactory();
        Assert.Equal(0, await api.WithDbAsync(db => db.ConceptNotes.CountAsync(Ct)));
    }

    public void Dispose() => SqliteApiFactory.DeleteDirectory(_database);
}
