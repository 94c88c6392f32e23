using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Funding;

public sealed record LoadedProgramme(JointProgramme Programme, WorkflowInstance Instance);

/// <summary>Finding a programme the caller may see (its governments, its organizations, the committee, the FMU) and showing it.</summary>
public static class JointProgrammeViews
{
    public static string Href(Guid id) => $"/api/joint-programmes/{id}";

    public static NotFoundException NotFound(Guid id) => new($"There is no joint programme {id}.");

    /// <summary>The programme with its budget, transfers and expenditure, through its workflow instance.</summary>
    /// <exception cref="NotFoundException">There is none, or the caller may not see it.</exception>
    public static async Task<LoadedProgramme> FindVisibleAsync(WorkflowSubjects subjects, TrustFundDbContext db, Guid id,
        WorkflowActor actor, bool tracked, CancellationToken ct)
    {
        var instance = await subjects.FindVisibleAsync(JointProgrammeStatus.WorkflowId, id, actor, tracked,
            NotFound(id).Message, ct);
        var programmes = tracked ? db.JointProgrammes : db.JointProgrammes.AsNoTracking();
        var programme = await programmes.Include(p => p.Budget).Include(p => p.Transfers).Include(p => p.Expenditures)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);
        return programme is null ? throw NotFound(id) : new LoadedProgramme(programme, instance);
    }

    public static ProgrammeStatusResponse StatusOf(WorkflowEngine engine, WorkflowInstance instance)
    {
        var state = engine.DefinitionOf(instance).State(instance.State);
        return new ProgrammeStatusResponse(state.Name, state.Title, state.Terminal);
    }

    public static JointProgrammeResponse Describe(LoadedProgramme loaded, WorkflowEngine engine)
    {
        var (p, instance) = loaded;
        return new JointProgrammeResponse(p.Id, p.ConceptNoteId, p.Title, p.Country, p.Countries, p.Region,
            p.ThematicAreaNumber, p.DurationMonths, StatusOf(engine, instance), p.AllocatedOn, p.AllocatedBy, p.AllocatedUsd,
            p.IndirectCostRate, p.IndirectCostUsd, p.AllocatedUsd - p.IndirectCostUsd, p.FromEarmarkedUsd, p.FromUnearmarkedUsd,
            p.TransferredUsd, p.SpentUsd, p.DeliveryRate, p.ReleasedUsd, p.ReleasedOn,
            p.Budget.OrderBy(b => b.Position).Select(b => new ProgrammeBudgetView(b.Organization, b.AmountUsd, b.DirectCostUsd,
                b.IndirectCostUsd, b.TransferredUsd, b.UntransferredUsd, b.ReleasedUsd, b.SpentUsd, Money.Ratio(b.SpentUsd, b.TransferredUsd))).ToList(),
            p.Transfers.OrderBy(t => t.TransferredOn).ThenBy(t => t.Organization).ThenBy(t => t.Tranche)
                .Select(t => new TransferView(t.Id, t.Organization, t.Tranche, t.TransferredOn, t.AmountUsd, t.Reference,
                    t.RecordedAt, t.RecordedBy)).ToList(),
            p.Expenditures.OrderBy(e => e.Year).ThenBy(e => e.Organization)
                .Select(e => new ExpenditureView(e.Organization, e.Year, e.AmountUsd, e.ReportedOn, e.ReportedBy)).ToList(),
            p.Version, instance.Id, instance.Version, ConceptNotes.ConceptNoteAccess.Href(p.ConceptNoteId), Href(p.Id));
    }
}
