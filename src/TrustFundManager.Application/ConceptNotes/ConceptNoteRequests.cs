using FluentValidation;
using TrustFundManager.Application.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Application.ConceptNotes;

/// <summary>
/// A draft or an edit: the whole content of the note. A draft may leave out what is not yet known (only the title
/// and the country are required); submission needs it all. An edit may send the <c>version</c> it read.
/// </summary>
public sealed record ConceptNoteRequest(
    string? Title,
    string? Summary,
    string? Country,
    IReadOnlyList<string>? OtherCountries,
    int? ThematicAreaNumber,
    IReadOnlyList<int>? GcmObjectives,
    IReadOnlyList<int>? GuidingPrinciples,
    IReadOnlyList<BudgetShareRequest>? Budget,
    decimal? TotalRequestedUsd,
    int? DurationMonths,
    IReadOnlyList<PartnerRequest>? Partners,
    MarkersRequest? Markers,
    ContactRequest? Contact,
    EndorsementRequest? Endorsement,
    Guid? Version)
{
    public ConceptNoteContent ToContent() => new(Title ?? string.Empty, Summary, Country ?? string.Empty,
        OtherCountries ?? [], ThematicAreaNumber, GcmObjectives ?? [], GuidingPrinciples ?? [],
        (Budget ?? []).Select(b => new BudgetShare(b.Organization ?? string.Empty, b.AmountUsd ?? 0)).ToList(),
        TotalRequestedUsd, DurationMonths,
        (Partners ?? []).Select(p => new PartnerEntry(p.Name ?? string.Empty, p.Kind ?? PartnerKind.Other)).ToList(),
        new CrossCuttingMarkers(Markers?.Gender, Markers?.HumanRights, Markers?.ChildSensitivity),
        Contact is null ? null : new ContactDetails(Contact.Name ?? string.Empty, Contact.Email ?? string.Empty,
            Contact.Phone, Contact.Position),
        Endorsement is null ? null : new GovernmentEndorsement(Endorsement.EndorsedBy ?? string.Empty,
            Endorsement.Position, Endorsement.EndorsedOn ?? DateOnly.MinValue));
}

public sealed record BudgetShareRequest(string? Organization, decimal? AmountUsd);

public sealed record PartnerRequest(string? Name, PartnerKind? Kind);

public sealed record MarkersRequest(int? Gender, int? HumanRights, int? ChildSensitivity);

public sealed record ContactRequest(string? Name, string? Email, string? Phone, string? Position);

public sealed record EndorsementRequest(string? EndorsedBy, string? Position, DateOnly? EndorsedOn);

/// <summary>The request's shape; the fund's rules on its content are the domain's (<see cref="ConceptNoteRulebook"/>).</summary>
public sealed class ConceptNoteRequestValidator : AbstractValidator<ConceptNoteRequest>
{
    public ConceptNoteRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty();
        RuleFor(r => r.Country).NotEmpty();
        RuleForEach(r => r.OtherCountries).NotEmpty();
        RuleForEach(r => r.Budget).NotNull().ChildRules(share =>
        {
            share.RuleFor(s => s.Organization).NotEmpty();
            share.RuleFor(s => s.AmountUsd).NotNull();
        });
        RuleForEach(r => r.Partners).NotNull().ChildRules(partner =>
        {
            partner.RuleFor(p => p.Name).NotEmpty();
            partner.RuleFor(p => p.Kind).NotNull();
        });
        RuleFor(r => r.Contact!).ChildRules(contact =>
        {
            contact.RuleFor(c => c.Name).NotEmpty();
            contact.RuleFor(c => c.Email).NotEmpty();
        }).When(r => r.Contact is not null);
        RuleFor(r => r.Endorsement!).ChildRules(endorsement =>
        {
            endorsement.RuleFor(e => e.EndorsedBy).NotEmpty();
            endorsement.RuleFor(e => e.EndorsedOn).NotNull();
        }).When(r => r.Endorsement is not null);
    }
}

/// <summary>Filters, paging and sorting of the concept-note list; every filter is optional.</summary>
public sealed record ConceptNoteQuery
{
    public string? Status { get; init; }
    public string? Country { get; init; }
    public Region? Region { get; init; }
    public int? ThematicArea { get; init; }
    public int? GcmObjective { get; init; }
    public string? Organization { get; init; }
    public DateTimeOffset? SubmittedFrom { get; init; }
    public DateTimeOffset? SubmittedTo { get; init; }
    public string? Q { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }


    public const int TextMaxLength = 200;

    /// <summary>Sort keys; a leading '-' sorts descending.</summary>
    public static readonly IReadOnlyList<string> SortKeys =
        ["title", "country", "createdAt", "updatedAt", "submittedAt", "totalRequestedUsd"];
}

public sealed class ConceptNoteQueryValidator : AbstractValidator<ConceptNoteQuery>
{
    public ConceptNoteQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Q).MaximumLength(ConceptNoteQuery.TextMaxLength);
        RuleFor(q => q.Status).MaximumLength(60);
        RuleFor(q => q.Country).Length(3).When(q => q.Country is not null);
        RuleFor(q => q.Organization).MaximumLength(Organization.CodeMaxLength);
        RuleFor(q => q.Region).IsInEnum();
        RuleFor(q => q.SubmittedTo).GreaterThanOrEqualTo(q => q.SubmittedFrom)
            .When(q => q.SubmittedFrom is not null && q.SubmittedTo is not null)
            .WithMessage("'submittedTo' is on or after 'submittedFrom'.");
        RuleFor(q => q.Sort).Must(sort => ConceptNoteQuery.SortKeys.Contains(sort!.TrimStart('-')))
            .When(q => q.Sort is not null)
            .WithMessage($"Sort by one of: {string.Join(", ", ConceptNoteQuery.SortKeys)} (prefix '-' for descending).");
    }
}

public sealed record ScreeningFindingRequest(ScreeningItem? Item, bool? Passed, string? Comment);

/// <summary>One or more checklist findings for the current round; items not named keep their finding.</summary>
public sealed record RecordScreeningRequest(IReadOnlyList<ScreeningFindingRequest>? Findings, Guid? Version);

public sealed class RecordScreeningRequestValidator : AbstractValidator<RecordScreeningRequest>
{
    public RecordScreeningRequestValidator()
    {
        RuleFor(r => r.Findings).NotEmpty();
        RuleForEach(r => r.Findings).NotNull().ChildRules(finding =>
        {
            finding.RuleFor(f => f.Item).NotNull();
            finding.RuleFor(f => f.Passed).NotNull();
            finding.RuleFor(f => f.Comment).MaximumLength(ScreeningCheck.CommentMaxLength);
        });
        RuleFor(r => r.Findings).Must(f => f is null || f.Where(x => x is not null).Select(x => x.Item).Distinct().Count() == f.Count(x => x is not null))
            .WithMessage("Each checklist item is named once.");
    }
}
