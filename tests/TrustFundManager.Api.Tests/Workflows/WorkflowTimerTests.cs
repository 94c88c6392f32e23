using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Testing;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Api.Tests.Workflows;

/// <summary>
/// Timers on the concept-note workflow: a note returned for revision lapses when the revision period (a fund
/// setting) passes. Fired by the background service as the system, exactly once, across restarts and with two
/// services polling one database.
/// </summary>
public sealed class WorkflowTimerTests : IDisposable
{
    private static readonly TimeSpan RevisionPeriod = TimeSpan.FromDays(90);
    private readonly string _database = SqliteApiFactory.NewDirectory();

    /// <summary>Instants are stored to the millisecond; the test clock has finer ticks.</summary>
    private static readonly TimeSpan Stored = TimeSpan.FromMilliseconds(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteApiFactory Host() => SqliteApiFactory.OnDirectory(_database);

    private static async Task<Guid> ReturnedForRevisionAsync(TrustFundApiFactory api)
    {
        var note = await api.StartAsync();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await fmu.StepsAsync(note, "submit", "startScreening", "returnForRevision");
        return note;
    }

    private static async Task<int> FireDueTimersAsync(TrustFundApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowTimerProcessor>().FireDueTimersAsync(Ct);
    }

    /// <summary>Waits, in real time, for the background service to have done something.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await condition()) return;
            await Task.Delay(50, Ct);
        }

        Assert.Fail($"Timed out waiting until {what}.");
    }

    private static async Task<bool> LapsedAsync(TrustFundApiFactory api, Guid note) =>
        (await api.JournalAsync(note)).Any(j => j.Action == "lapse");

    [Fact]
    public async Task A_note_not_resubmitted_in_the_revision_period_lapses_by_the_background_service_as_the_system()
    {
        await using var api = Host();
        var note = await ReturnedForRevisionAsync(api);
        var returnedAt = api.Clock.GetUtcNow();
        var government = await api.CreateClientAsAsync("gov.mex");

        var pending = Assert.Single((await government.ReadAsync(note)).GetProperty("pendingTimers").EnumerateArray());
        Assert.Equal("lapse", pending.GetProperty("action").GetString());
        Assert.Equal(returnedAt + RevisionPeriod, pending.GetProperty("dueAt").GetDateTimeOffset(), Stored);

        api.Clock.Advance(RevisionPeriod - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await FireDueTimersAsync(api));
        Assert.Equal("returnedForRevision", (await api.WithDbAsync(db => db.WorkflowInstances.FindAsync([note], Ct).AsTask()))!.State);

        api.Clock.Advance(TimeSpan.FromMinutes(2));
        await EventuallyAsync(() => LapsedAsync(api, note), "the note lapsed");
        government.Dispose();
        government = await api.CreateClientAsAsync("gov.mex");

        var lapse = (await api.JournalAsync(note)).Last();
        Assert.Equal(("lapse", "returnedForRevision", "withdrawn", "system", "System"),
            (lapse.Action, lapse.FromState, lapse.ToState, lapse.Actor, lapse.ActorRoles));
        var timer = Assert.Single(await api.TimersAsync(note));
        Assert.Equal(WorkflowTimerStatus.Fired, timer.Status);
        var withdrawn = await government.ReadAsync(note);
        Assert.Equal("withdrawn", withdrawn.State());
        Assert.Empty(withdrawn.GetProperty("openTasks").EnumerateArray());
        Assert.Empty(withdrawn.GetProperty("pendingTimers").EnumerateArray());
        government.Dispose();
    }

    [Fact]
    public async Task Resubmitting_in_time_cancels_the_timer()
    {
        await using var api = Host();
        var note = await ReturnedForRevisionAsync(api);
        using var government = await api.CreateClientAsAsync("gov.mex");

        await government.StepsAsync(note, "resubmit");
        api.Clock.Advance(RevisionPeriod * 2);
        using var later = await api.CreateClientAsAsync("gov.mex");

        Assert.Equal(0, await FireDueTimersAsync(api));
        var timer = Assert.Single(await api.TimersAsync(note));
        Assert.Equal(WorkflowTimerStatus.Cancelled, timer.Status);
        Assert.Equal("'resubmit' left the state before the timer was due.", timer.Outcome);
        Assert.Equal("submitted", (await later.ReadAsync(note)).State());
    }

    [Fact]
    public async Task The_period_is_read_from_the_settings_when_the_note_is_returned()
    {
        await using var api = Host();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var settings = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/settings", Ct));
        var changed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(settings)!;
        changed["revisionPeriodDays"] = JsonSerializer.SerializeToElement(30);
        await HttpAssert.OkJsonAsync(await fmu.PutAsync("/api/settings",
            HttpAssert.JsonBody(JsonSerializer.Serialize(changed)), Ct));

        var note = await ReturnedForRevisionAsync(api);

        var timer = Assert.Single(await api.TimersAsync(note));
        Assert.Equal(api.Clock.GetUtcNow() + TimeSpan.FromDays(30), timer.DueAt, Stored);
    }

    [Fact]
    public async Task A_timer_due_while_the_application_was_stopped_fires_once_after_the_restart()
    {
        Guid note;
        await using (var before = Host()) note = await ReturnedForRevisionAsync(before);

        await using (var after = Host())
        {
            after.Clock.Advance(RevisionPeriod + TimeSpan.FromDays(1));
            after.CreateClient().Dispose();
            await EventuallyAsync(() => LapsedAsync(after, note), "the note lapsed after the restart");
        }

        await using var again = Host();
        again.Clock.Advance(RevisionPeriod + TimeSpan.FromDays(2));
        again.CreateClient().Dispose();
        Assert.Equal(0, await FireDueTimersAsync(again));

        Assert.Equal(1, (await again.JournalAsync(note)).Count(j => j.Action == "lapse"));
        Assert.Equal(WorkflowTimerStatus.Fired, Assert.Single(await again.TimersAsync(note)).Status);
    }

    [Fact]
    public async Task Two_services_polling_one_database_fire_each_timer_exactly_once()
    {
        await using var first = Host();
        await using var second = Host();
        var notes = new List<Guid>();
        for (var i = 0; i < 12; i++) notes.Add(await ReturnedForRevisionAsync(first));
        second.CreateClient().Dispose();

        first.Clock.Advance(RevisionPeriod + TimeSpan.FromHours(1));
        second.Clock.Advance(RevisionPeriod + TimeSpan.FromHours(1));
        var fired = await Task.WhenAll(FireDueTimersAsync(first), FireDueTimersAsync(second),
            FireDueTimersAsync(first), FireDueTimersAsync(second));
        await EventuallyAsync(async () => (await Task.WhenAll(notes.Select(n => LapsedAsync(first, n)))).All(l => l),
            "every note lapsed");

        Assert.True(fired.Sum() <= notes.Count, $"The processors closed {fired.Sum()} timers for {notes.Count} notes.");
        var lapses = await first.WithDbAsync(db => db.WorkflowJournal.AsNoTracking()
            .Where(j => j.Action == "lapse").GroupBy(j => j.InstanceId).Select(g => g.Count()).ToListAsync(Ct));
        Assert.Equal(notes.Count, lapses.Count);
        Assert.All(lapses, count => Assert.Equal(1, count));
        var statuses = await first.WithDbAsync(db => db.WorkflowTimers.AsNoTracking()
            .Select(t => t.Status).ToListAsync(Ct));
        Assert.All(statuses, status => Assert.Equal(WorkflowTimerStatus.Fired, status));
    }

    [Fact]
    public async Task A_timer_whose_state_was_left_behind_its_back_is_cancelled_not_fired()
    {
        await using var api = Host();
        var note = await ReturnedForRevisionAsync(api);
        await api.WithDbAsync(async db =>
        {
            // Someone moved the instance outside the engine (by SQL): the timer must notice, not fire.
            await db.Database.ExecuteSqlAsync($"UPDATE WorkflowInstances SET State = 'submitted' WHERE Id = {note}", Ct);
            return 0;
        });
        api.Clock.Advance(RevisionPeriod + TimeSpan.FromHours(1));

        await FireDueTimersAsync(api);
        await EventuallyAsync(async () => (await api.TimersAsync(note)).Single().Status != WorkflowTimerStatus.Pending,
            "the timer was closed");

        var timer = Assert.Single(await api.TimersAsync(note));
        Assert.Equal(WorkflowTimerStatus.Cancelled, timer.Status);
        Assert.Equal("The state 'returnedForRevision' was left before the timer was due.", timer.Outcome);
        Assert.DoesNotContain(await api.JournalAsync(note), j => j.Action == "lapse");
    }

    public void Dispose() => SqliteApiFactory.DeleteDirectory(_database);
}
