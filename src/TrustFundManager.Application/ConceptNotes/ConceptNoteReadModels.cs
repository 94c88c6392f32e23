using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Application.ConceptNotes;

public sealed record ConceptNoteStatusResponse(string Name, string Title, bool Terminal);

/// <summary>Where to go from a note; <c>jointProgramme</c> once it is funded.</summary>
public sealed record ConceptNoteLinks(string Self, string Workflow, string History, string Versions, string Screening,
    string? JointProgramme);

public sealed record ConceptNoteResponse(
    Guid Id,
    string Title,
    string? Summary,
    string Country,
    IReadOnlyList<string> OtherCountries,
    Region? Region,
    int? ThematicAreaNumber,
    IReadOnlyList<int> GcmObjectives,
    IReadOnlyList<int> GuidingPrinciples,
    IReadOnlyList<BudgetShare> Budget,
    decimal? TotalRequestedUsd,
    int? DurationMonths,
    IReadOnlyList<PartnerEntry> Partners,
    CrossCuttingMarkers Markers,
    ContactDetails? Contact,
    GovernmentEndorsement? Endorsement,
    ConceptNoteStatusResponse Status,
    Guid Version,
    Guid WorkflowInstanceId,
    Guid WorkflowVersion,
    int SubmissionCount,
    DateTimeOffset? FirstSubmittedAt,
    DateTimeOffset? LastSubmittedAt,
    DateTimeOffset? LastScreenedAt,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    IReadOnlyList<AllowedActionResponse> AllowedActions,
    IReadOnlyList<OpenTaskResponse> OpenTasks,
    ConceptNoteLinks Links);

public sealed record ConceptNoteSummaryResponse(
    Guid Id,
    string Title,
    string Country,
    IReadOnlyList<string> Countries,
    Region? Region,
    int? ThematicAreaNumber,
    IReadOnlyList<int> GcmObjectives,
    IReadOnlyList<string> Organizations,
    decimal? TotalRequestedUsd,
    ConceptNoteStatusResponse Status,
    int SubmissionCount,
    DateTimeOffset? FirstSubmittedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Href);

/// <summary>How many notes (of those the caller may see) stand in one status.</summary>
public sealed record ConceptNoteStatusCount(ConceptNoteStatusResponse Status, int Count);

public sealed record ConceptNotePage(IReadOnlyList<ConceptNoteSummaryResponse> Items, int Page, int PageSize, int TotalCount);

public sealed record ConceptNoteVersionSummary(int Number, string Action, string SubmittedBy, string SubmittedByName,
    DateTimeOffset SubmittedAt, IReadOnlyList<string> ChangedFromPrevious, string Href);

public sealed record ConceptNoteVersionResponse(Guid ConceptNoteId, int Number, string Action, string SubmittedBy,
    string SubmittedByName, DateTimeOffset SubmittedAt, IReadOnlyList<string> ChangedFromPrevious,
    ConceptNoteContent Content);

public sealed record ScreeningItemResponse(ScreeningItem Item, string Description, bool? Passed, string? Comment,
    string? RecordedBy, DateTimeOffset? RecordedAt, bool? Suggested);

public sealed record ScreeningRoundResponse(int Round, IReadOnlyList<ScreeningItemResponse> Items);

/// <summary>A committee member serving today whom a ballot on the note would recuse, and why.</summary>
public sealed record RecusalPreviewResponse(string Member, string Constituency, RecusalReason Reason, string Explanation);

/// <summary>
/// The screening checklist. <see cref="WouldRecuse"/> is for the FMU only (null for anyone else): the members a
/// ballot opened today would recuse, so a budget or country list drawn to recuse someone shows before it reaches them.
/// </summary>
public sealed record ScreeningResponse(Guid ConceptNoteId, ConceptNoteStatusResponse Status, int CurrentRound,
    bool AllPassed, Guid Version, IReadOnlyList<ScreeningRoundResponse> Rounds,
    IReadOnlyList<RecusalPreviewResponse>? WouldRecuse = null);
