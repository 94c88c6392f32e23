using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Definitions;
using TrustFundManager.Workflows.Instances;
using static TrustFundManager.Infrastructure.Reports.FieldKind;

namespace TrustFundManager.Infrastructure.Reports;

/// <summary>A concept note as the portfolio shows it, with the figures of its programme when it was funded.</summary>
public sealed record PortfolioNoteRow(
    Guid ConceptNoteId,
    string Title,
    string Country,
    string? CountryName,
    string Countries,
    string? Region,
    int? ThematicArea,
    string? ThematicAreaTitle,
    string Organizations,
    string Status,
    string StatusCode,
    decimal? RequestedUsd,
    int? DurationMonths,
    int Submissions,
    DateOnly CreatedOn,
    DateOnly? FirstSubmittedOn,
    DateOnly? LastSubmittedOn,
    DateOnly UpdatedOn,
    Guid? ProgrammeId,
    decimal? AllocatedUsd,
    decimal? TransferredUsd,
    decimal? SpentUsd);

/// <summary>A joint programme as the portfolio shows it.</summary>
public sealed record PortfolioProgrammeRow(
    Guid ProgrammeId,
    Guid ConceptNoteId,
    string Title,
    string Country,
    string? CountryName,
    string Countries,
    string? Region,
    int ThematicArea,
    string? ThematicAreaTitle,
    string Organizations,
    string Status,
    string StatusCode,
    decimal? RequestedUsd,
    DateOnly AllocatedOn,
    int DurationMonths,
    decimal AllocatedUsd,
    decimal IndirectCostUsd,
    decimal ReleasedUsd,
    decimal TransferredUsd,
    decimal SpentUsd)
{
    public decimal? DeliveryRate => Money.Ratio(SpentUsd, TransferredUsd);
}

/// <summary>
/// The portfolio workbook: the concept notes and joint programmes the caller may see (the workflows' visibility, in
/// SQL), read as projections in a fixed number of queries, whatever their number.
/// </summary>
public sealed class PortfolioReport(TrustFundDbContext db, WorkflowCatalog workflows, ReportLayoutCatalog layouts)
{
    public const string Name = "portfolio";

    public static readonly TableDataset<PortfolioNoteRow> Notes = new("conceptNotes",
        "Every concept note the caller may see, with its status and, once funded, its programme's money.",
        new("title", Text, r => r.Title),
        new("conceptNoteId", Text, r => r.ConceptNoteId.ToString()),
        new("country", Text, r => r.Country),
        new("countryName", Text, r => r.CountryName),
        new("countries", Text, r => r.Countries),
        new("region", Text, r => r.Region),
        new("thematicArea", Integer, r => r.ThematicArea),
        new("thematicAreaTitle", Text, r => r.ThematicAreaTitle),
        new("organizations", Text, r => r.Organizations),
        new("status", Text, r => r.Status),
        new("statusCode", Text, r => r.StatusCode),
        new("requestedUsd", Usd, r => r.RequestedUsd),
        new("durationMonths", Integer, r => r.DurationMonths),
        new("submissions", Integer, r => r.Submissions),
        new("createdOn", Date, r => r.CreatedOn),
        new("firstSubmittedOn", Date, r => r.FirstSubmittedOn),
        new("lastSubmittedOn", Date, r => r.LastSubmittedOn),
        new("updatedOn", Date, r => r.UpdatedOn),
        new("programmeId", Text, r => r.ProgrammeId?.ToString()),
        new("allocatedUsd", Usd, r => r.AllocatedUsd),
        new("transferredUsd", Usd, r => r.TransferredUsd),
        new("spentUsd", Usd, r => r.SpentUsd));

    public static readonly TableDataset<PortfolioProgrammeRow> Programmes = new("jointProgrammes",
        "Every joint programme the caller may see, with its status and money.",
        new("title", Text, r => r.Title),
        new("programmeId", Text, r => r.ProgrammeId.ToString()),
        new("conceptNoteId", Text, r => r.ConceptNoteId.ToString()),
        new("country", Text, r => r.Country),
        new("countryName", Text, r => r.CountryName),
        new("countries", Text, r => r.Countries),
        new("region", Text, r => r.Region),
        new("thematicArea", Integer, r => r.ThematicArea),
        new("thematicAreaTitle", Text, r => r.ThematicAreaTitle),
        new("organizations", Text, r => r.Organizations),
        new("status", Text, r => r.Status),
        new("statusCode", Text, r => r.StatusCode),
        new("requestedUsd", Usd, r => r.RequestedUsd),
        new("allocatedOn", Date, r => r.AllocatedOn),
        new("durationMonths", Integer, r => r.DurationMonths),
        new("allocatedUsd", Usd, r => r.AllocatedUsd),
        new("indirectCostUsd", Usd, r => r.IndirectCostUsd),
        new("releasedUsd", Usd, r => r.ReleasedUsd),
        new("transferredUsd", Usd, r => r.TransferredUsd),
        new("spentUsd", Usd, r => r.SpentUsd),
        new("deliveryRate", Ratio, r => r.DeliveryRate));

    public static readonly IReadOnlyList<IReportDataset> Datasets = [Notes, Programmes];

    public async Task<ReportFile> BuildAsync(WorkflowActor actor, DateTimeOffset now, CancellationToken ct)
    {
        var reference = await ReferenceAsync(ct);
        var notes = await NotesAsync(actor, reference, ct);
        var programmes = await ProgrammesAsync(actor, reference, ct);
        return WorkbookWriter.Write(layouts.Get(Name), new ReportMoment(ReportValues.Day(now), now),
            [new TableSource<PortfolioNoteRow>(Notes, notes), new TableSource<PortfolioProgrammeRow>(Programmes, programmes)]);
    }

    private sealed record Reference(IReadOnlyDictionary<string, string> Countries, IReadOnlyDictionary<int, string> Areas);

    /// <summary>Country names and area titles: small tables, read once.</summary>
    private async Task<Reference> ReferenceAsync(CancellationToken ct) => new(
        await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha3, c => c.Name, ct),
        await db.ThematicAreas.AsNoTracking().ToDictionaryAsync(a => a.Number, a => a.Title, ct));

    /// <summary>The notes the actor may see, each with its visible programme's figures, in one query.</summary>
    public async Task<IReadOnlyList<PortfolioNoteRow>> NotesAsync(WorkflowActor actor, CancellationToken ct) =>
        await NotesAsync(actor, await ReferenceAsync(ct), ct);

    private async Task<IReadOnlyList<PortfolioNoteRow>> NotesAsync(WorkflowActor actor, Reference reference, CancellationToken ct)
    {
        var noteInstances = db.WorkflowInstances.AsNoTracking()
            .Where(i => i.DefinitionId == ConceptNoteStatus.WorkflowId).VisibleTo(actor);
        var rows = await (
                from note in db.ConceptNotes.AsNoTracking()
                join instance in noteInstances on note.Id equals instance.SubjectId
                orderby note.Country, note.Title, note.Id
                select new
                {
                    note.Id, note.Title, note.Country, note.Region, note.ThematicAreaNumber,
                    note.TotalRequestedUsd, note.DurationMonths, note.SubmissionCount, note.CreatedAt, note.FirstSubmittedAt,
                    note.LastSubmittedAt, note.UpdatedAt, instance.State, instance.DefinitionVersion,
                })
            .ToListAsync(ct);
        var organizations = await OrganizationsAsync(noteInstances, ct);
        var countries = await CountriesAsync(noteInstances, ct);
        var funded = await FundedProgrammesAsync(actor, ct);

        return rows.Select(n =>
        {
            var (status, code) = Status(ConceptNoteStatus.WorkflowId, n.DefinitionVersion, n.State);
            var programme = funded.GetValueOrDefault(n.Id);
            return new PortfolioNoteRow(n.Id, n.Title, n.Country, reference.Countries.GetValueOrDefault(n.Country),
                ReportValues.List(countries.Contains(n.Id) ? countries[n.Id].ToList() : [n.Country]), ReportValues.RegionTitle(n.Region),
                n.ThematicAreaNumber, n.ThematicAreaNumber is { } area ? reference.Areas.GetValueOrDefault(area) : null,
                ReportValues.List(organizations[n.Id]), status, code, n.TotalRequestedUsd, n.DurationMonths, n.SubmissionCount,
                ReportValues.Day(n.CreatedAt), ReportValues.Day(n.FirstSubmittedAt), ReportValues.Day(n.LastSubmittedAt),
                ReportValues.Day(n.UpdatedAt), programme?.Id, programme?.AllocatedUsd, programme?.TransferredUsd, programme?.SpentUsd);
        }).ToList();
    }

    /// <summary>
    /// The organizations of each visible note's budget, in the budget's order. A query of its own: as a collection in the
    /// notes' query, EF Core joined the lines to the notes and sorted the product, three times slower than two flat reads.
    /// </summary>
    private async Task<ILookup<Guid, string>> OrganizationsAsync(IQueryable<WorkflowInstance> noteInstances, CancellationToken ct) =>
        (await (
                from line in db.Set<BudgetLine>().AsNoTracking()
                join instance in noteInstances on line.ConceptNoteId equals instance.SubjectId
                orderby line.ConceptNoteId, line.Position
                select new { line.ConceptNoteId, line.Organization })
            .ToListAsync(ct))
        .ToLookup(l => l.ConceptNoteId, l => l.Organization);

    /// <summary>The countries each visible note covers, in the note's order, read apart from the notes like their organizations.</summary>
    private async Task<ILookup<Guid, string>> CountriesAsync(IQueryable<WorkflowInstance> noteInstances, CancellationToken ct) =>
        (await (
                from note in db.ConceptNotes.AsNoTracking()
                from country in note.CountryLines
                join instance in noteInstances on note.Id equals instance.SubjectId
                orderby note.Id, country.Position
                select new { note.Id, country.Country })
            .ToListAsync(ct))
        .ToLookup(c => c.Id, c => c.Country);

    private sealed record FundedProgramme(Guid Id, decimal AllocatedUsd, decimal TransferredUsd, decimal SpentUsd);

    /// <summary>
    /// The figures of the programmes the actor may see, by their concept note. Read apart from the notes: joined to them
    /// in the same query, SQLite scanned every visible programme for each note, a time growing with notes times programmes.
    /// </summary>
    private async Task<Dictionary<Guid, FundedProgramme>> FundedProgrammesAsync(WorkflowActor actor, CancellationToken ct) =>
        await (
                from programme in db.JointProgrammes.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking()
                        .Where(i => i.DefinitionId == JointProgrammeStatus.WorkflowId).VisibleTo(actor)
                    on programme.Id equals instance.SubjectId
                select new { programme.ConceptNoteId, programme.Id, programme.AllocatedUsd, programme.TransferredUsd, programme.SpentUsd })
            .ToDictionaryAsync(p => p.ConceptNoteId, p => new FundedProgramme(p.Id, p.AllocatedUsd, p.TransferredUsd, p.SpentUsd), ct);

    /// <summary>The programmes the actor may see, in one query.</summary>
    public async Task<IReadOnlyList<PortfolioProgrammeRow>> ProgrammesAsync(WorkflowActor actor, CancellationToken ct) =>
        await ProgrammesAsync(actor, await ReferenceAsync(ct), ct);

    private async Task<IReadOnlyList<PortfolioProgrammeRow>> ProgrammesAsync(WorkflowActor actor, Reference reference,
        CancellationToken ct)
    {
        var instances = db.WorkflowInstances.AsNoTracking()
            .Where(i => i.DefinitionId == JointProgrammeStatus.WorkflowId).VisibleTo(actor);
        var rows = await (
                from programme in db.JointProgrammes.AsNoTracking()
                join instance in instances on programme.Id equals instance.SubjectId
                join note in db.ConceptNotes.AsNoTracking() on programme.ConceptNoteId equals note.Id
                orderby programme.AllocatedOn, programme.Title, programme.Id
                select new
                {
                    programme.Id, programme.ConceptNoteId, programme.Title, programme.Country, programme.Countries,
                    programme.Region, programme.ThematicAreaNumber, note.TotalRequestedUsd, programme.AllocatedOn,
                    programme.DurationMonths, programme.AllocatedUsd, programme.IndirectCostUsd, programme.ReleasedUsd,
                    programme.TransferredUsd, programme.SpentUsd, instance.State, instance.DefinitionVersion,
                    Organizations = programme.Budget.OrderBy(b => b.Position).Select(b => b.Organization).ToList(),
                })
            .ToListAsync(ct);

        return rows.Select(p =>
        {
            var (status, code) = Status(JointProgrammeStatus.WorkflowId, p.DefinitionVersion, p.State);
            return new PortfolioProgrammeRow(p.Id, p.ConceptNoteId, p.Title, p.Country,
                reference.Countries.GetValueOrDefault(p.Country), ReportValues.List(p.Countries),
                ReportValues.RegionTitle(p.Region), p.ThematicAreaNumber, reference.Areas.GetValueOrDefault(p.ThematicAreaNumber),
                ReportValues.List(p.Organizations), status, code, p.TotalRequestedUsd, p.AllocatedOn, p.DurationMonths,
                p.AllocatedUsd, p.IndirectCostUsd, p.ReleasedUsd, p.TransferredUsd, p.SpentUsd);
        }).ToList();
    }

    /// <summary>A state's title as its workflow version names it, and its name.</summary>
    private (string Title, string Name) Status(string workflow, int version, string state) =>
        (workflows.Find(workflow, version)?.FindState(state)?.Title ?? state, state);
}
