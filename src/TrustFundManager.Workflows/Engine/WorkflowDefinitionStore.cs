using Microsoft.EntityFrameworkCore;
using TrustFundManager.Workflows.Definitions;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Workflows;

/// <summary>
/// Stores each definition version the first time it is seen, and refuses to start when a stored version's
/// file has changed since or has gone: running instances depend on the version they started with.
/// </summary>
public sealed class WorkflowDefinitionStore(DbContext db, WorkflowCatalog catalog, TimeProvider timeProvider)
{
    /// <returns>How many versions were stored for the first time.</returns>
    /// <exception cref="WorkflowDefinitionException">A stored version changed or is missing.</exception>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await TrySyncAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance of the application stored the same versions at the same moment: check against them.
            db.ChangeTracker.Clear();
            return await TrySyncAsync(cancellationToken);
        }
    }

    private async Task<int> TrySyncAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Set<StoredWorkflowDefinition>().AsNoTracking()
            .Select(s => new { s.Id, s.Version, s.FileName, s.ContentHash }).ToListAsync(cancellationToken);
        var problems = new List<WorkflowProblem>();

        foreach (var old in stored)
        {
            var file = catalog.Files.FirstOrDefault(f => f.Definition.Id == old.Id && f.Definition.Version == old.Version);
            if (file is null)
                problems.Add(new WorkflowProblem(old.FileName,
                    $"version {old.Version} of '{old.Id}' is stored but its file is missing: published versions stay in the workflow directory."));
            else if (file.ContentHash != old.ContentHash)
                problems.Add(new WorkflowProblem(file.FileName,
                    $"the file changed after version {old.Version} was stored (stored hash {old.ContentHash[..12]}, file hash {file.ContentHash[..12]}): a published version never changes; put the change in '{old.Id}.v{NextVersion(old.Id)}.json'."));
        }

        if (problems.Count > 0) throw new WorkflowDefinitionException(problems);

        var now = timeProvider.GetUtcNow();
        var added = 0;
        foreach (var file in catalog.Files.Where(f => !stored.Any(s => s.Id == f.Definition.Id && s.Version == f.Definition.Version)))
        {
            db.Add(new StoredWorkflowDefinition(file.Definition.Id, file.Definition.Version, file.FileName,
                file.ContentHash, file.Content, now));
            added++;
        }

        if (added > 0) await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private int NextVersion(string id) =>
        catalog.Files.Where(f => f.Definition.Id == id).Max(f => f.Definition.Version) + 1;
}
