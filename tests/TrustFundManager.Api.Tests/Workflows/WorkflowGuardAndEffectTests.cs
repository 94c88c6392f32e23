using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Domain.Common;
using TrustFundManager.Testing;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Api.Tests.Workflows;

/// <summary>
/// Guards and entry effects, on a small workflow of this test's own with guards and effects registered as an
/// application feature registers its own.
/// </summary>
public sealed class WorkflowGuardAndEffectTests : IAsyncLifetime
{
    private readonly string _workflows = WorkflowTestSupport.CopyOfWorkflows();
    private readonly string _database = SqliteApiFactory.NewDirectory();
    private readonly SqliteApiFactory _api;
    private readonly GateSwitch _gate = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public WorkflowGuardAndEffectTests()
    {
        File.WriteAllText(Path.Combine(_workflows, "grant-request.v1.json"), JsonNode.Parse("""
            {
              "id": "grant-request", "version": 1, "title": "Grant request", "initialState": "draft",
              "states": [
                { "name": "draft", "title": "Draft", "visibleTo": ["GovernmentFocalPoint"] },
                { "name": "submitted", "title": "Submitted", "visibleTo": ["GovernmentFocalPoint"], "onEntry": ["stampTitle"],
                  "task": { "title": "Review the request", "roles": ["FundManager"] },
                  "timers": [ { "after": "PT1H", "fire": "expire" } ] },
                { "name": "expired", "title": "Expired", "terminal": true },
                { "name": "closed", "title": "Closed", "terminal": true, "onEntry": ["stampTitle", "refuseToClose"] }
              ],
              "actions": [
                { "name": "submit", "title": "Submit", "from": ["draft"], "to": "submitted",
                  "roles": ["GovernmentFocalPoint"], "guards": ["budgetBalanced"] },
                { "name": "addNote", "title": "Add a note", "from": ["submitted"], "roles": ["FundManager"], "commentRequired": true },
                { "name": "close", "title": "Close", "from": ["submitted"], "to": "closed", "roles": ["FundManager"] },
                { "name": "expire", "title": "Expire", "from": ["submitted"], "to": "expired", "roles": ["System"],
                  "guards": ["budgetBalanced"] }
              ]
            }
            """)!.ToJsonString());

        _api = SqliteApiFactory.OnDirectory(_database,
            new Dictionary<string, string> { ["Workflows:Directory"] = _workflows },
            services =>
            {
                services.AddSingleton(_gate);
                services.AddWorkflowGuard<BudgetBalancedGuard>("budgetBalanced");
                services.AddWorkflowEffect<StampTitleEffect>("stampTitle");
                services.AddWorkflowEffect<RefuseToCloseEffect>("refuseToClose");
            });
    }

    private sealed class GateSwitch
    {
        public bool Balanced { get; set; }
    }

    private sealed class BudgetBalancedGuard(GateSwitch gate) : IWorkflowGuard
    {
        public ValueTask<UnmetGuard?> CheckAsync(WorkflowStepContext step, CancellationToken cancellationToken) =>
            ValueTask.FromResult<UnmetGuard?>(gate.Balanced ? null : "the budget split must add up to the total requested");
    }

    private sealed class StampTitleEffect : IWorkflowEffect
    {
        public Task RunAsync(WorkflowStepContext step, CancellationToken cancellationToken)
        {
            step.Instance.Describe($"{step.Instance.SubjectTitle} [{step.Action.Name} by {step.Actor.UserId}]", step.Instance.Scope);
            return Task.CompletedTask;
        }
    }

    private sealed class RefuseToCloseEffect : IWorkflowEffect
    {
        public Task RunAsync(WorkflowStepContext step, CancellationToken cancellationToken) =>
            throw new DomainConflictException("Closing needs the final report, which is missing.");
    }

    [Fact]
    public async Task An_unmet_guard_answers_409_naming_what_is_missing_and_allowed_actions_say_so()
    {
        var request = await _api.StartAsync(workflow: "grant-request", title: "Request");
        using var government = await _api.CreateClientAsAsync("gov.mex");

        var blocked = (await government.ReadAsync(request)).GetProperty("allowedActions")[0];
        Assert.False(blocked.GetProperty("enabled").GetBoolean());
        Assert.Equal(["the budget split must add up to the total requested"],
            blocked.GetProperty("blockedBy").EnumerateArray().Select(b => b.GetString()));

        var refused = await HttpAssert.ProblemAsync(await government.ActAsync(request, "submit"), HttpStatusCode.Conflict);
        Assert.Equal("'Submit' cannot be done yet: the budget split must add up to the total requested",
            refused.GetProperty("detail").GetString());
        Assert.Single(await _api.JournalAsync(request));

        _gate.Balanced = true;
        var submitted = await government.StepsAsync(request, "submit");
        Assert.Equal("submitted", submitted.State());
    }

    [Fact]
    public async Task Entry_effects_run_inside_the_step_and_are_saved_with_it()
    {
        _gate.Balanced = true;
        var request = await _api.StartAsync(workflow: "grant-request", title: "Request");
        using var government = await _api.CreateClientAsAsync("gov.mex");

        var submitted = await government.StepsAsync(request, "submit");

        Assert.Equal("Request [submit by gov.mex]", submitted.GetProperty("subject").GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_effect_that_refuses_rolls_back_the_whole_step()
    {
        _gate.Balanced = true;
        var request = await _api.StartAsync(workflow: "grant-request", title: "Request");
        using var government = await _api.CreateClientAsAsync("gov.mex");
        using var fmu = await _api.CreateClientAsAsync("fmu.officer");
        await government.StepsAsync(request, "submit");

        var refused = await HttpAssert.ProblemAsync(await fmu.ActAsync(request, "close"), HttpStatusCode.Conflict);

        Assert.Equal("Closing needs the final report, which is missing.", refused.GetProperty("detail").GetString());
        var unchanged = await fmu.ReadAsync(request);
        Assert.Equal("submitted", unchanged.State());
        Assert.Equal("Request [submit by gov.mex]", unchanged.GetProperty("subject").GetProperty("title").GetString());
        Assert.Single(unchanged.GetProperty("openTasks").EnumerateArray());
        Assert.Equal(["start", "submit"], (await _api.JournalAsync(request)).Select(j => j.Action));
    }

    [Fact]
    public async Task An_internal_action_is_journaled_and_keeps_the_state_and_its_task()
    {
        _gate.Balanced = true;
        var request = await _api.StartAsync(workflow: "grant-request", title: "Request");
        using var government = await _api.CreateClientAsAsync("gov.mex");
        using var fmu = await _api.CreateClientAsAsync("fmu.officer");
        await government.StepsAsync(request, "submit");
        var task = (await fmu.ReadAsync(request)).GetProperty("openTasks")[0].GetProperty("id").GetGuid();

        var noted = await HttpAssert.OkJsonAsync(await fmu.ActAsync(request, "addNote", "Asked for the annex."));

        Assert.Equal("submitted", noted.State());
        Assert.Equal(task, noted.GetProperty("openTasks")[0].GetProperty("id").GetGuid());
        var entry = (await _api.JournalAsync(request)).Last();
        Assert.Equal(("addNote", "submitted", "submitted", "Asked for the annex."),
            (entry.Action, entry.FromState, entry.ToState, entry.Comment));
        Assert.Equal("Request [submit by gov.mex]", noted.GetProperty("subject").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_due_timer_whose_guard_is_unmet_is_marked_failed_with_the_reason_and_not_retried()
    {
        _gate.Balanced = true;
        var request = await _api.StartAsync(workflow: "grant-request", title: "Request");
        using var government = await _api.CreateClientAsAsync("gov.mex");
        await government.StepsAsync(request, "submit");
        _gate.Balanced = false;
        _api.Clock.Advance(TimeSpan.FromHours(2));

        await FireDueTimersAsync();
        Assert.Equal(0, await FireDueTimersAsync());

        var timer = Assert.Single(await _api.TimersAsync(request));
        Assert.Equal(WorkflowTimerStatus.Failed, timer.Status);
        Assert.Equal("'Expire' cannot be done yet: the budget split must add up to the total requested", timer.Outcome);
        Assert.Equal(["start", "submit"], (await _api.JournalAsync(request)).Select(j => j.Action));
        Assert.Equal("Request [submit by gov.mex]",
            (await _api.WithDbAsync(db => db.WorkflowInstances.FindAsync([request], Ct).AsTask()))!.SubjectTitle);
    }

    private async Task<int> FireDueTimersAsync()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowTimerProcessor>().FireDueTimersAsync(Ct);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        SqliteApiFactory.DeleteDirectory(_database);
        SqliteApiFactory.DeleteDirectory(Path.GetDirectoryName(_workflows)!);
    }
}
