using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Infrastructure.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Testing;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Api.Tests.Workflows;

/// <summary>
/// Workflow instances for resources that have no endpoints of their own yet: started through the engine, as the
/// resource's own endpoint will start them.
/// </summary>
internal static class WorkflowTestSupport
{
    public static readonly WorkflowActor MexicoGovernment =
        new("gov.mex", "Carlos Herrera", [Roles.GovernmentFocalPoint], Country: "MEX");

    public static async Task<Guid> StartAsync(this TrustFundApiFactory api, string workflow = "concept-note",
        string country = "MEX", string[]? organizations = null, string title = "Safe labour migration corridors")
    {
        await using var scope = api.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var subject = Guid.NewGuid();
        if (workflow == ConceptNoteStatus.WorkflowId)
        {
            // The concept-note workflow's guards read the note itself: a complete one, as a government writes it.
            var rules = await scope.ServiceProvider.GetRequiredService<ConceptNoteRulesReader>()
                .ReadAsync(TestContext.Current.CancellationToken);
            var note = ConceptNote.Draft(CompleteContent(country, organizations ?? ["IOM", "UNICEF"], title), rules,
                MexicoGovernment.UserId, api.Clock.GetUtcNow());
            db.ConceptNotes.Add(note);
            subject = note.Id;
        }
        var instance = await engine.StartAsync(workflow, subject, title,
            new WorkflowScope([country], organizations ?? ["IOM", "UNICEF"]), MexicoGovernment,
            TestContext.Current.CancellationToken);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return instance.Id;
    }

    private static ConceptNoteContent CompleteContent(string country, string[] organizations, string title) =>
        new(title, "A complete concept note for the workflow tests.", country, [], 4, [5, 6], [1],
            organizations.Select(o => new BudgetShare(o, 100_000m)).ToList(), 100_000m * organizations.Length, 24,
            [new PartnerEntry("Ministry of Labour", PartnerKind.GovernmentInstitution)], new CrossCuttingMarkers(2, 2, 1),
            new ContactDetails("Focal point", "focal.point@example.org", null, null),
            new GovernmentEndorsement("Minister", null, new DateOnly(2026, 1, 15)));

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid instance, string action,
        string? comment = null, Guid? version = null) =>
        client.PostAsJsonAsync($"/api/workflow-instances/{instance}/actions/{action}", new { comment, version },
            TestContext.Current.CancellationToken);

    /// <summary>Fires the actions in turn as <paramref name="client"/>, each expected to succeed.</summary>
    public static async Task<JsonElement> StepsAsync(this HttpClient client, Guid instance, params string[] actions)
    {
        JsonElement last = default;
        foreach (var action in actions)
        {
            if (action == "forwardToCommittee") await client.PassScreeningAsync(instance);
            last = await HttpAssert.OkJsonAsync(await client.ActAsync(instance, action, comment: $"{action} for the test"));
        }
        return last;
    }

    /// <summary>Records the whole screening checklist of the instance's concept note as passed.</summary>
    private static async Task PassScreeningAsync(this HttpClient fmu, Guid instance)
    {
        var note = (await fmu.ReadAsync(instance)).GetProperty("subject").GetProperty("id").GetGuid();
        await HttpAssert.OkJsonAsync(await fmu.PutAsJsonAsync($"/api/concept-notes/{note}/screening", new
        {
            findings = Enum.GetValues<ScreeningItem>().Select(item => new { item = item.ToString(), passed = true }),
        }, TestContext.Current.CancellationToken));
    }

    public static async Task<JsonElement> ReadAsync(this HttpClient client, Guid instance) =>
        await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/workflow-instances/{instance}",
            TestContext.Current.CancellationToken));

    public static Task<List<WorkflowJournalEntry>> JournalAsync(this TrustFundApiFactory api, Guid instance) =>
        api.WithDbAsync(db => db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == instance)
            .OrderBy(j => j.Step).ToListAsync(TestContext.Current.CancellationToken));

    public static Task<List<WorkflowTimer>> TimersAsync(this TrustFundApiFactory api, Guid instance) =>
        api.WithDbAsync(db => db.WorkflowTimers.AsNoTracking().Where(t => t.InstanceId == instance)
            .ToListAsync(TestContext.Current.CancellationToken));

    public static string State(this JsonElement instance) => instance.GetProperty("state").GetProperty("name").GetString()!;

    public static IReadOnlyList<string> AllowedActionNames(this JsonElement instance) =>
        instance.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToList();

    /// <summary>A copy of the repository's workflow folder that a test may add to or change.</summary>
    public static string CopyOfWorkflows()
    {
        var directory = SqliteApiFactory.NewDirectory();
        var workflows = Path.Combine(directory, "workflows");
        Directory.CreateDirectory(workflows);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows")))
            File.Copy(file, Path.Combine(workflows, Path.GetFileName(file)));
        return workflows;
    }
}
