using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Workflows;

/// <summary>The concept-note workflow driven through the API: roles, scope, states, comments, history, races.</summary>
public sealed class WorkflowEngineTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_concept_note_goes_from_draft_through_revision_to_the_committee_and_the_history_shows_every_step()
    {
        var note = await api.StartAsync();
        using var government = await api.CreateClientAsAsync("gov.mex");
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        await government.StepsAsync(note, "submit");
        await fmu.StepsAsync(note, "startScreening");
        await HttpAssert.OkJsonAsync(await fmu.ActAsync(note, "returnForRevision", "The budget split does not add up."));
        await government.StepsAsync(note, "resubmit");
        await fmu.StepsAsync(note, "startScreening");
        var forwarded = await fmu.StepsAsync(note, "forwardToCommittee");

        Assert.Equal("underCommitteeReview", forwarded.State());
        var history = await HttpAssert.OkJsonAsync(await government.GetAsync($"/api/workflow-instances/{note}/history", Ct));
        var steps = history.EnumerateArray().ToList();
        Assert.Equal(["start", "submit", "startScreening", "returnForRevision", "resubmit", "startScreening", "forwardToCommittee"],
            steps.Select(s => s.GetProperty("action").GetString()));
        Assert.Equal(Enumerable.Range(0, 7), steps.Select(s => s.GetProperty("step").GetInt32()));
        Assert.Equal(["gov.mex", "gov.mex", "fmu.officer", "fmu.officer", "gov.mex", "fmu.officer", "fmu.officer"],
            steps.Select(s => s.GetProperty("actor").GetString()));

        var returned = steps[3];
        Assert.Equal("screening", returned.GetProperty("from").GetString());
        Assert.Equal("returnedForRevision", returned.GetProperty("to").GetString());
        Assert.Equal("The budget split does not add up.", returned.GetProperty("comment").GetString());
        Assert.Equal("Amina Diallo", returned.GetProperty("actorName").GetString());
        Assert.Equal(["FundManager"], returned.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Return for revision", returned.GetProperty("actionTitle").GetString());
        Assert.Equal(2, returned.GetProperty("workflowVersion").GetInt32());
        Assert.Equal(JsonValueKind.Null, steps[0].GetProperty("from").ValueKind);
    }

    [Fact]
    public async Task Allowed_actions_follow_the_callers_roles_scope_and_the_state()
    {
        var note = await api.StartAsync();
        using var government = await api.CreateClientAsAsync("gov.mex");
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        using var organization = await api.CreateClientAsAsync("puno.iom");

        Assert.Equal(["submit", "withdraw"], (await government.ReadAsync(note)).AllowedActionNames());
        Assert.Equal(["submit", "withdraw"], (await fmu.ReadAsync(note)).AllowedActionNames());
        Assert.Empty((await organization.ReadAsync(note)).AllowedActionNames());

        var submitted = await government.StepsAsync(note, "submit");
        Assert.Equal(["withdraw"], submitted.AllowedActionNames());
        Assert.Equal(["startScreening", "withdraw"], (await fmu.ReadAsync(note)).AllowedActionNames());

        var withdraw = (await fmu.ReadAsync(note)).GetProperty("allowedActions").EnumerateArray().Last();
        Assert.True(withdraw.GetProperty("commentRequired").GetBoolean());
        Assert.True(withdraw.GetProperty("enabled").GetBoolean());
        Assert.Equal("POST", withdraw.GetProperty("method").GetString());
        Assert.Equal($"/api/workflow-instances/{note}/actions/withdraw", withdraw.GetProperty("href").GetString());
    }

    [Fact]
    public async Task Another_countrys_government_and_organizations_outside_the_note_get_404_for_everything()
    {
        var note = await api.StartAsync(organizations: ["IOM", "UNICEF"]);
        using var philippines = await api.CreateClientAsAsync("gov.phl");

        foreach (var response in new[]
                 {
                     await philippines.GetAsync($"/api/workflow-instances/{note}", Ct),
                     await philippines.GetAsync($"/api/workflow-instances/{note}/history", Ct),
                     await philippines.ActAsync(note, "submit"),
                 })
            await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);

        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        await unicef.ReadAsync(note);
        await api.WithDbAsync(async db =>
        {
            var instance = await db.WorkflowInstances.FindAsync([note], Ct);
            instance!.Describe(instance.SubjectTitle, new TrustFundManager.Workflows.Instances.WorkflowScope(["MEX"], ["IOM"]));
            return await db.SaveChangesAsync(Ct);
        });
        await HttpAssert.ProblemAsync(await unicef.GetAsync($"/api/workflow-instances/{note}", Ct), HttpStatusCode.NotFound);
        Assert.Single(await api.JournalAsync(note));
    }

    [Fact]
    public async Task Committee_members_never_see_drafts_but_see_notes_from_committee_review_on()
    {
        var note = await api.StartAsync();
        using var member = await api.CreateClientAsAsync("sc.deu");
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        await HttpAssert.ProblemAsync(await member.GetAsync($"/api/workflow-instances/{note}", Ct), HttpStatusCode.NotFound);
        await fmu.StepsAsync(note, "submit", "startScreening");
        await HttpAssert.ProblemAsync(await member.GetAsync($"/api/workflow-instances/{note}/history", Ct), HttpStatusCode.NotFound);

        await fmu.StepsAsync(note, "forwardToCommittee");
        var seen = await member.ReadAsync(note);
        Assert.Equal("underCommitteeReview", seen.State());
        Assert.Empty(seen.AllowedActionNames());
    }

    [Fact]
    public async Task A_role_not_allowed_to_act_gets_403_and_nothing_changes()
    {
        var note = await api.StartAsync();
        using var government = await api.CreateClientAsAsync("gov.mex");
        using var organization = await api.CreateClientAsAsync("puno.iom");
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var refused = await HttpAssert.ProblemAsync(await organization.ActAsync(note, "submit"), HttpStatusCode.Forbidden);
        Assert.Contains("GovernmentFocalPoint or FundManager", refused.GetProperty("detail").GetString());

        await government.StepsAsync(note, "submit");
        await HttpAssert.ProblemAsync(await government.ActAsync(note, "startScreening"), HttpStatusCode.Forbidden);

        await fmu.StepsAsync(note, "startScreening", "forwardToCommittee");
        var committeeAct = await HttpAssert.ProblemAsync(await fmu.ActAsync(note, "approve"), HttpStatusCode.Forbidden);
        Assert.Contains("System", committeeAct.GetProperty("detail").GetString());

        Assert.Equal(["start", "submit", "startScreening", "forwardToCommittee"], (await api.JournalAsync(note)).Select(j => j.Action));
    }

    [Fact]
    public async Task An_action_the_state_does_not_allow_gets_409_naming_the_state()
    {
        var note = await api.StartAsync();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var problem = await HttpAssert.ProblemAsync(await fmu.ActAsync(note, "forwardToCommittee"), HttpStatusCode.Conflict);

        Assert.Equal("'Forward to the committee' is not possible while the concept note is 'Draft'.",
            problem.GetProperty("detail").GetString());
        Assert.Equal("draft", (await fmu.ReadAsync(note)).State());
    }

    [Fact]
    public async Task A_required_comment_that_is_missing_or_blank_gets_400_on_the_comment_field()
    {
        var note = await api.StartAsync();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await fmu.StepsAsync(note, "submit", "startScreening");

        await HttpAssert.ValidationProblemAsync(await fmu.ActAsync(note, "returnForRevision"), "comment");
        await HttpAssert.ValidationProblemAsync(await fmu.ActAsync(note, "declareIneligible", "   "), "comment");
        await HttpAssert.ValidationProblemAsync(await fmu.ActAsync(note, "declareIneligible", new string('x', 4001)), "comment");

        Assert.Equal("screening", (await fmu.ReadAsync(note)).State());
        Assert.Equal(3, (await api.JournalAsync(note)).Count);
    }

    [Fact]
    public async Task An_unknown_action_or_instance_gets_404()
    {
        var note = await api.StartAsync();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        await HttpAssert.ProblemAsync(await fmu.ActAsync(note, "approveEverything"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await fmu.ActAsync(Guid.NewGuid(), "submit"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await fmu.GetAsync($"/api/workflow-instances/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Acting_on_a_stale_version_gets_409_so_a_double_click_takes_one_step()
    {
        var note = await api.StartAsync();
        using var government = await api.CreateClientAsAsync("gov.mex");
        var read = await government.ReadAsync(note);
        var version = read.GetProperty("version").GetGuid();

        await HttpAssert.OkJsonAsync(await government.ActAsync(note, "submit", version: version));
        var second = await HttpAssert.ProblemAsync(await government.ActAsync(note, "withdraw", "changed my mind", version),
            HttpStatusCode.Conflict);

        Assert.Contains("changed since you read it", second.GetProperty("detail").GetString());
        Assert.Equal(["start", "submit"], (await api.JournalAsync(note)).Select(j => j.Action));
    }

    [Fact]
    public async Task Two_people_acting_at_the_same_moment_give_one_step_and_one_409()
    {
        var note = await api.StartAsync();
        using var officer = await api.CreateClientAsAsync("fmu.officer");
        using var finance = await api.CreateClientAsAsync("fmu.finance");
        await officer.StepsAsync(note, "submit", "startScreening");

        for (var round = 0; round < 3; round++)
        {
            var (action, comment) = round switch
            {
                0 => ("returnForRevision", "Both at once"),
                1 => ("resubmit", (string?)null),
                _ => ("startScreening", null),
            };
            var responses = await Task.WhenAll(officer.ActAsync(note, action, comment), finance.ActAsync(note, action, comment));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            await HttpAssert.ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
        }

        var journal = await api.JournalAsync(note);
        Assert.Equal(["start", "submit", "startScreening", "returnForRevision", "resubmit", "startScreening"],
            journal.Select(j => j.Action));
        Assert.Equal(Enumerable.Range(0, 6), journal.Select(j => j.Step));
    }

    [Fact]
    public async Task Ten_simultaneous_submits_of_one_note_give_exactly_one_transition()
    {
        var note = await api.StartAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => api.CreateClientAsAsync(i % 2 == 0 ? "gov.mex" : "fmu.officer")));

        var responses = await Task.WhenAll(clients.Select(c => c.ActAsync(note, "submit")));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(["start", "submit"], (await api.JournalAsync(note)).Select(j => j.Action));
        foreach (var client in clients) client.Dispose();
    }

    [Fact]
    public async Task Each_step_closes_the_old_states_task_and_opens_the_new_ones()
    {
        var note = await api.StartAsync();
        using var government = await api.CreateClientAsAsync("gov.mex");

        var draft = await government.ReadAsync(note);
        var task = Assert.Single(draft.GetProperty("openTasks").EnumerateArray());
        Assert.Equal("Complete and submit the concept note", task.GetProperty("title").GetString());

        var submitted = await government.StepsAsync(note, "submit");
        Assert.Equal("Start screening the concept note",
            Assert.Single(submitted.GetProperty("openTasks").EnumerateArray()).GetProperty("title").GetString());

        var tasks = await api.WithDbAsync(db => Task.FromResult(db.WorkflowTasks.Where(t => t.InstanceId == note).ToList()));
        Assert.Equal(2, tasks.Count);
        var closed = Assert.Single(tasks, t => t.ClosedAt is not null);
        Assert.Equal(("draft", "submit", "gov.mex"), (closed.State, closed.ClosedByAction, closed.ClosedBy));
        Assert.Equal("submitted", Assert.Single(tasks, t => t.ClosedAt is null).State);
    }

    [Fact]
    public async Task Every_step_is_also_in_the_audit_log_and_the_journal_refuses_changes()
    {
        var note = await api.StartAsync();
        using var government = await api.CreateClientAsAsync("gov.mex");
        await government.StepsAsync(note, "submit");

        var audited = await api.WithDbAsync(db => Task.FromResult(db.AuditEntries
            .Where(a => a.EntityType == "WorkflowInstance" && a.EntityId == note.ToString()).ToList()));
        Assert.Contains(audited, a => a.Actor == "gov.mex" && a.Changes.Contains("\"submitted\""));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => api.WithDbAsync(async db =>
        {
            var entry = db.WorkflowJournal.First(j => j.InstanceId == note);
            db.Entry(entry).Property(j => j.Comment).CurrentValue = "rewritten";
            return await db.SaveChangesAsync(Ct);
        }));
        Assert.Contains("append-only", error.Message);
        await Assert.ThrowsAnyAsync<Exception>(() => api.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM WorkflowJournal", Ct)));
    }

    [Fact]
    public async Task Several_steps_saved_together_leave_only_the_last_states_task_and_timer()
    {
        var note = await api.StartAsync();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Data.TrustFundDbContext>();
            var engine = scope.ServiceProvider.GetRequiredService<TrustFundManager.Workflows.WorkflowEngine>();
            var fmu = new TrustFundManager.Workflows.WorkflowActor("fmu.officer", "Amina Diallo", [Domain.Access.Roles.FundManager]);
            var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == note, Ct);
            await engine.FireAsync(instance, "submit", WorkflowTestSupport.MexicoGovernment, null, Ct);
            await engine.FireAsync(instance, "startScreening", fmu, null, Ct);
            await engine.FireAsync(instance, "returnForRevision", fmu, "Add baselines.", Ct);
            await engine.FireAsync(instance, "resubmit", WorkflowTestSupport.MexicoGovernment, null, Ct);
            await db.SaveChangesAsync(Ct);
        }

        var (tasks, timers) = await api.WithDbAsync(async db => (
            await db.WorkflowTasks.Where(t => t.InstanceId == note && t.ClosedAt == null).ToListAsync(Ct),
            await api.TimersAsync(note)));
        Assert.Equal("submitted", Assert.Single(tasks).State);
        Assert.Equal(TrustFundManager.Workflows.Instances.WorkflowTimerStatus.Cancelled, Assert.Single(timers).Status);
    }
}
