using Microsoft.EntityFrameworkCore;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Workflows;

public static class WorkflowJournalReader
{
    /// <summary>An instance's journal, oldest first, as the API shows it.</summary>
    public static async Task<List<JournalEntryResponse>> ReadAsync(WorkflowInstance instance, TrustFundDbContext db,
        WorkflowEngine engine, CancellationToken ct)
    {
        var definition = engine.DefinitionOf(instance);
        var entries = await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == instance.Id)
            .OrderBy(j => j.Step).ToListAsync(ct);
        return entries.Select(e => new JournalEntryResponse(e.Step, e.Action, definition.ActionTitle(e.Action),
            e.FromState, e.ToState, e.Actor, e.ActorName, e.ActorRoles.Split(',', StringSplitOptions.RemoveEmptyEntries),
            e.Comment, e.At, e.DefinitionVersion)).ToList();
    }
}
