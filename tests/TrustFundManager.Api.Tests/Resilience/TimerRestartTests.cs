using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Testing;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>
/// Every kind of workflow timer (a concept note's lapse after the revision period, a ballot's close at its deadline)
/// across stops and restarts: due while the application was down, due at the very instant it starts again, with two
/// instances starting together on one database, and with its subject changed while no timer service ran. Each timer
/// fires exactly once or is cancelled, never both.
/// </summary>
public sealed class TimerRestartTests : IDisposable
{
    private static readonly TimeSpan RevisionPeriod = TimeSpan.FromDays(90);
    private readonly string _database = SqliteApiFactory.NewDirectory();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => SqliteApiFactory.DeleteDirectory(_database);

    private SqliteApiFactory Host(bool runTimers = true) => SqliteApiFactory.OnDirectory(_database,
        new Dictionary<string, string> { ["Workflows:RunTimers"] = runTimers ? "true" : "false" });

    /// <summary>Starts the hosts at the same moment, as two instances of the application started together.</summary>
    private static Task StartTogetherAsync(params SqliteApiFactory[] hosts) =>
        RaceSupport.AllAtOnceAsync(hosts.Select(h => (Func<Task>)(() => Task.Run(() => h.CreateClient().Dispose()))).ToArray());

    private static async Task<int> FireDueTimersAsync(TrustFundApiFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowTimerProcessor>().FireDueTimersAsync(Ct);
    }

    private static async Task<Guid> ReturnedNoteAsync(TrustFundApiFactory host, string title)
    {
        using var government = await host.CreateClientAsAsync("gov.mex");
        using var fmu = await host.CreateClientAsAsync("fmu.officer");
        var note = await government.CreatedNoteAsync(ConceptNoteTestSupport.CompleteNote(title: title));
        await government.NoteStepsAsync(note, "submit");
        await fmu.NoteStepsAsync(note, "startScreening", "returnForRevision");
        return note;
    }

    private static async Task<(Guid Note, Guid Ballot)> BallotAsync(TrustFundApiFactory host, string title, int votes)
    {
        var note = await host.NoteUnderReviewAsync("gov.gha", CommitteeTestSupport.NoteWithoutConflicts(title));
        var ballot = await host.OpenedBallotAsync(note);
        foreach (var user in CommitteeTestSupport.Users.Take(votes)) await host.VoteAsAsync(user, ballot, note, "Approve");
        return (note, ballot);
    }

    private static Task<List<WorkflowTimer>> TimersAsync(TrustFundApiFactory host, IEnumerable<Guid> subjects)
    {
        var ids = subjects.ToList();
        return host.WithDbAsync(db => db.WorkflowTimers.AsNoTracking()
            .Where(t => db.WorkflowInstances.Any(i => i.Id == t.InstanceId && ids.Contains(i.SubjectId)))
            .ToListAsync(Ct));
    }

    /// <summary>Waits, in real time, until no timer of the subjects is pending.</summary>
    private static async Task AllClosedAsync(TrustFundApiFactory host, IEnumerable<Guid> subjects)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if ((await TimersAsync(host, subjects)).All(t => t.Status != WorkflowTimerStatus.Pending)) return;
            await Task.Delay(50, Ct);
        }
        Assert.Fail("Timed out waiting for the due timers to be closed.");
    }

    private static Task<string> StateOfAsync(TrustFundApiFactory host, Guid subject) =>
        host.WithDbAsync(db => db.WorkflowInstances.Where(i => i.SubjectId == subject).Select(i => i.State).SingleAsync(Ct));

    private static async Task<IReadOnlyList<string>> ActionsOfAsync(TrustFundApiFactory host, Guid subject) =>
        (await host.JournalOfAsync(subject)).Select(j => j.Action).ToList();

    private static Task<int> DecisionsOnAsync(TrustFundApiFactory host, Guid ballot) =>
        host.WithDbAsync(db => db.CommitteeDecisions.CountAsync(d => d.BallotId == ballot, Ct));

    [Fact]
    public async Task Timers_of_every_kind_due_while_stopped_fire_once_when_two_instances_start_together()
    {
        List<Guid> lapsing = [];
        (Guid Note, Guid Ballot) approved, deferred;
        await using (var before = Host())
        {
            await before.AppointCommitteeAsync();
            for (var i = 1; i <= 3; i++) lapsing.Add(await ReturnedNoteAsync(before, $"Lapsing while stopped {i}"));
            approved = await BallotAsync(before, "Decided while stopped", votes: 12);
            deferred = await BallotAsync(before, "Short of a quorum while stopped", votes: 3);
        }

        await using var first = Host();
        await using var second = Host();
        first.Clock.Advance(RevisionPeriod + TimeSpan.FromDays(1));
        second.Clock.Advance(RevisionPeriod + TimeSpan.FromDays(1));
        await StartTogetherAsync(first, second);
        await RaceSupport.AtOnceAsync(() => FireDueTimersAsync(first), () => FireDueTimersAsync(second));
        List<Guid> subjects = [.. lapsing, approved.Ballot, deferred.Ballot];
        await AllClosedAsync(first, subjects);

        var timers = await TimersAsync(first, subjects);
        Assert.Equal(5, timers.Count);
        Assert.All(timers, t => Assert.Equal(WorkflowTimerStatus.Fired, t.Status));
        foreach (var note in lapsing)
        {
            Assert.Equal(1, await first.CountOfAsync(note, "lapse"));
            Assert.Equal("withdrawn", await StateOfAsync(first, note));
        }
        foreach (var (note, ballot, outcome, state) in new[]
                 {
                     (approved.Note, approved.Ballot, "approve", "approvedInPipeline"),
                     (deferred.Note, deferred.Ballot, "defer", "deferred"),
                 })
        {
            Assert.Equal(["start", "close"], await ActionsOfAsync(first, ballot));
            Assert.Equal(1, await DecisionsOnAsync(first, ballot));
            Assert.Equal(1, await first.CountOfAsync(note, outcome));
            Assert.Equal(state, await StateOfAsync(first, note));
        }

        // Started once more, later still: nothing is left to fire.
        await using var again = Host();
        again.Clock.Advance(RevisionPeriod + TimeSpan.FromDays(2));
        again.CreateClient().Dispose();
        Assert.Equal(0, await FireDueTimersAsync(again));
        foreach (var note in lapsing) Assert.Equal(1, await again.CountOfAsync(note, "lapse"));
        Assert.Equal(2, await first.WithDbAsync(db => db.CommitteeDecisions
            .CountAsync(d => d.BallotId == approved.Ballot || d.BallotId == deferred.Ballot, Ct)));
    }

    [Fact]
    public async Task A_timer_due_at_the_very_instant_of_the_restart_fires_at_start_and_one_a_millisecond_later_waits()
    {
        Guid onTime, later;
        DateTimeOffset due, dueLater;
        await using (var before = Host())
        {
            // Whole seconds, so that the stored instants are exactly the clock's.
            var start = DateTimeOffset.UtcNow;
            before.Clock.SetUtcNow(new DateTimeOffset(start.Ticks - start.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(2));
            onTime = await ReturnedNoteAsync(before, "Due at the restart");
            before.Clock.Advance(TimeSpan.FromMilliseconds(1));
            later = await ReturnedNoteAsync(before, "Due a millisecond after the restart");
            due = Assert.Single(await before.TimersOfAsync(onTime)).DueAt;
            dueLater = Assert.Single(await before.TimersOfAsync(later)).DueAt;
        }
        Assert.Equal(TimeSpan.FromMilliseconds(1), dueLater - due);

        await using var first = Host();
        await using var second = Host();
        first.Clock.SetUtcNow(due);
        second.Clock.SetUtcNow(due);
        await StartTogetherAsync(first, second);
        await AllClosedAsync(first, [onTime]);

        var fired = Assert.Single(await first.TimersOfAsync(onTime));
        Assert.Equal((WorkflowTimerStatus.Fired, due), (fired.Status, fired.ClosedAt));
        Assert.Equal(1, await first.CountOfAsync(onTime, "lapse"));
        Assert.Equal(0, await FireDueTimersAsync(first));
        Assert.Equal(WorkflowTimerStatus.Pending, Assert.Single(await first.TimersOfAsync(later)).Status);
        Assert.Equal("returnedForRevision", await StateOfAsync(first, later));

        first.Clock.Advance(TimeSpan.FromMilliseconds(1));
        second.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var closed = await RaceSupport.AtOnceAsync(() => FireDueTimersAsync(first), () => FireDueTimersAsync(second));
        Assert.Equal(1, closed.Sum());
        Assert.Equal(1, await first.CountOfAsync(later, "lapse"));
        Assert.Equal(1, await first.CountOfAsync(onTime, "lapse"));
    }

    [Fact]
    public async Task A_timer_whose_subject_moved_on_while_no_timer_service_ran_is_cancelled_not_fired()
    {
        Guid resubmitted, withdrawn, lapsing;
        (Guid Note, Guid Ballot) closedEarly, cancelled;
        // Only a web instance runs: the instance that fires timers is down throughout.
        await using (var web = Host(runTimers: false))
        {
            await web.AppointCommitteeAsync();
            resubmitted = await ReturnedNoteAsync(web, "Resubmitted in time");
            withdrawn = await ReturnedNoteAsync(web, "Withdrawn after its period");
            lapsing = await ReturnedNoteAsync(web, "Left to lapse");
            closedEarly = await BallotAsync(web, "Closed early after its deadline", votes: 12);
            cancelled = await BallotAsync(web, "Cancelled after its deadline", votes: 4);

            web.Clock.Advance(TimeSpan.FromDays(30));
            using (var government = await web.CreateClientAsAsync("gov.mex"))
                await government.NoteStepsAsync(resubmitted, "resubmit");
            web.Clock.Advance(RevisionPeriod - TimeSpan.FromDays(29));
            using var governmentLater = await web.CreateClientAsAsync("gov.mex");
            using var fmu = await web.CreateClientAsAsync("fmu.officer");
            await governmentLater.NoteStepsAsync(withdrawn, "withdraw");
            await HttpAssert.OkJsonAsync(await fmu.PostAsync($"/api/ballots/{closedEarly.Ballot}/actions/closeEarly", null, Ct));
            await HttpAssert.OkJsonAsync(await fmu.PostAsync($"/api/ballots/{cancelled.Ballot}/actions/cancel",
                HttpAssert.JsonBody(new { comment = "Called off." }), Ct));
            Assert.Equal(5, (await TimersAsync(web, [resubmitted, withdrawn, lapsing, closedEarly.Ballot, cancelled.Ballot]))
                .Count(t => t.DueAt <= web.Clock.GetUtcNow()));
        }

        await using var timers = Host();
        timers.Clock.Advance(RevisionPeriod + TimeSpan.FromDays(2));
        timers.CreateClient().Dispose();
        await AllClosedAsync(timers, [resubmitted, withdrawn, lapsing, closedEarly.Ballot, cancelled.Ballot]);

        foreach (var (subject, action) in new[]
                 {
                     (resubmitted, "resubmit"), (withdrawn, "withdraw"), (closedEarly.Ballot, "closeEarly"), (cancelled.Ballot, "cancel"),
                 })
        {
            var timer = Assert.Single(await timers.TimersOfAsync(subject));
            Assert.Equal((WorkflowTimerStatus.Cancelled, $"'{action}' left the state before the timer was due."),
                (timer.Status, timer.Outcome));
        }
        Assert.Equal(0, await timers.CountOfAsync(resubmitted, "lapse"));
        Assert.Equal("submitted", await StateOfAsync(timers, resubmitted));
        Assert.Equal((0, 1), (await timers.CountOfAsync(withdrawn, "lapse"), await timers.CountOfAsync(withdrawn, "withdraw")));
        Assert.Equal(1, await timers.CountOfAsync(lapsing, "lapse"));
        Assert.Equal(WorkflowTimerStatus.Fired, Assert.Single(await timers.TimersOfAsync(lapsing)).Status);
        Assert.Equal(["start", "closeEarly"], await ActionsOfAsync(timers, closedEarly.Ballot));
        Assert.Equal(1, await DecisionsOnAsync(timers, closedEarly.Ballot));
        Assert.Equal(1, await timers.CountOfAsync(closedEarly.Note, "approve"));
        Assert.Equal(["start", "cancel"], await ActionsOfAsync(timers, cancelled.Ballot));
        Assert.Equal(0, await DecisionsOnAsync(timers, cancelled.Ballot));
        Assert.Equal("underCommitteeReview", await StateOfAsync(timers, cancelled.Note));
    }

    [Fact]
    public async Task A_resubmission_at_the_instant_the_revision_period_ends_either_lands_or_the_note_lapses_never_both()
    {
        await using var host = Host(runTimers: false);
        var notes = new List<Guid>();
        for (var i = 1; i <= 6; i++) notes.Add(await ReturnedNoteAsync(host, $"Resubmitted at the deadline {i}"));
        host.Clock.SetUtcNow(Assert.Single(await host.TimersOfAsync(notes[^1])).DueAt);
        using var government = await host.CreateClientAsAsync("gov.mex");

        HttpResponseMessage[] resubmissions = [];
        await RaceSupport.AllAtOnceAsync(
            async () => resubmissions = await Task.WhenAll(notes.Select(n => government.NoteActAsync(n, "resubmit"))),
            () => FireDueTimersAsync(host));

        var landed = await RaceSupport.WonAsync(HttpStatusCode.OK, resubmissions);
        for (var i = 0; i < notes.Count; i++)
        {
            var actions = await ActionsOfAsync(host, notes[i]);
            Assert.Equal((landed[i] ? 1 : 0, landed[i] ? 0 : 1), (actions.Count(a => a == "resubmit"), actions.Count(a => a == "lapse")));
            Assert.Equal(landed[i] ? "submitted" : "withdrawn", await StateOfAsync(host, notes[i]));
            Assert.Equal(landed[i] ? WorkflowTimerStatus.Cancelled : WorkflowTimerStatus.Fired,
                Assert.Single(await host.TimersOfAsync(notes[i])).Status);
        }
        Assert.Equal(0, await FireDueTimersAsync(host));
    }
}
