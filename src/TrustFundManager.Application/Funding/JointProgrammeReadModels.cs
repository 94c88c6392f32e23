using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Application.Funding;

public sealed record ProgrammeStatusResponse(string State, string Title, bool Terminal);

/// <summary>One organization's budget (indirect cost inside it), what it received, spent, and its delivery rate.</summary>
public sealed record ProgrammeBudgetView(string Organization, decimal AmountUsd, decimal DirectCostUsd, decimal IndirectCostUsd,
    decimal TransferredUsd, decimal UntransferredUsd, decimal ReleasedUsd, decimal SpentUsd, decimal? DeliveryRate);

public sealed record TransferView(Guid Id, string Organization, int Tranche, DateOnly TransferredOn, decimal AmountUsd,
    string Reference, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record ExpenditureView(string Organization, int Year, decimal AmountUsd, DateOnly ReportedOn, string ReportedBy);

public sealed record JointProgrammeResponse(
    Guid Id,
    Guid ConceptNoteId,
    string Title,
    string Country,
    IReadOnlyList<string> Countries,
    Region? Region,
    int ThematicAreaNumber,
    int DurationMonths,
    ProgrammeStatusResponse Status,
    DateOnly AllocatedOn,
    string AllocatedBy,
    decimal AllocatedUsd,
    decimal IndirectCostRate,
    decimal IndirectCostUsd,
    decimal DirectCostUsd,
    decimal FromEarmarkedUsd,
    decimal FromUnearmarkedUsd,
    decimal TransferredUsd,
    decimal SpentUsd,
    decimal? DeliveryRate,
    decimal ReleasedUsd,
    DateOnly? ReleasedOn,
    IReadOnlyList<ProgrammeBudgetView> Budget,
    IReadOnlyList<TransferView> Transfers,
    IReadOnlyList<ExpenditureView> Expenditure,
    Guid Version,
    Guid WorkflowInstanceId,
    Guid WorkflowVersion,
    string ConceptNoteHref,
    string Href);

public sealed record JointProgrammeSummary(Guid Id, string Title, string Country, Region? Region, int ThematicAreaNumber,
    ProgrammeStatusResponse Status, DateOnly AllocatedOn, decimal AllocatedUsd, decimal TransferredUsd, decimal SpentUsd,
    decimal? DeliveryRate, string Href);

public sealed record JointProgrammePage(IReadOnlyList<JointProgrammeSummary> Items, int Page, int PageSize, int TotalCount);
