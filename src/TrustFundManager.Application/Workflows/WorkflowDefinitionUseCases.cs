using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Application.Workflows;

public sealed record WorkflowVersionSummary(int Version, string ContentHash, DateTimeOffset StoredAt, int Instances,
    bool IsCurrent);

public sealed record WorkflowSummary(string Id, string Title, int CurrentVersion,
    IReadOnlyList<WorkflowVersionSummary> Versions);

public sealed record WorkflowVersionResponse(string ContentHash, DateTimeOffset StoredAt, string DiagramHref,
    WorkflowDefinition Definition);

/// <summary>The workflow definitions as stored: every version, one version whole, and its diagram.</summary>
public sealed class WorkflowDefinitionUseCases(WorkflowCatalog catalog, TrustFundDbContext db)
{
    public async Task<List<WorkflowSummary>> ListAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var stored = await db.WorkflowDefinitions.AsNoTracking()
            .Select(d => new { d.Id, d.Version, d.StoredAt }).ToListAsync(ct);
        var instances = await db.WorkflowInstances.AsNoTracking()
            .GroupBy(i => new { i.DefinitionId, i.DefinitionVersion })
            .Select(g => new { g.Key.DefinitionId, g.Key.DefinitionVersion, Count = g.Count() }).ToListAsync(ct);

        return catalog.Files.GroupBy(f => f.Definition.Id).Select(versions =>
        {
            var current = versions.Max(f => f.Definition.Version);
            return new WorkflowSummary(versions.Key, versions.Single(f => f.Definition.Version == current).Definition.Title,
                current, versions.Select(f => new WorkflowVersionSummary(
                    f.Definition.Version, f.ContentHash,
                    stored.Single(s => s.Id == f.Definition.Id && s.Version == f.Definition.Version).StoredAt,
                    instances.SingleOrDefault(i => i.DefinitionId == f.Definition.Id && i.DefinitionVersion == f.Definition.Version)?.Count ?? 0,
                    f.Definition.Version == current)).ToList());
        }).ToList();
    }

    public async Task<WorkflowVersionResponse> GetAsync(string id, int version, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var file = catalog.Files.SingleOrDefault(f => f.Definition.Id == id && f.Definition.Version == version)
                   ?? throw NotFound(id, version);
        var storedAt = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Id == id && d.Version == version)
            .Select(d => d.StoredAt).SingleAsync(ct);
        return new WorkflowVersionResponse(file.ContentHash, storedAt,
            $"/api/workflows/{id}/versions/{version}/diagram", file.Definition);
    }

    /// <summary>The version's state diagram in Mermaid, as Stateless draws it from the definition.</summary>
    public string Diagram(string id, int version, WorkflowActor actor)
    {
        actor.Require(AccessPolicies.SignedIn);
        var definition = catalog.Find(id, version) ?? throw NotFound(id, version);
        return WorkflowMachine.Diagram(definition) + "\n";
    }

    private static NotFoundException NotFound(string id, int version) =>
        new($"There is no workflow '{id}' version {version}.");
}
