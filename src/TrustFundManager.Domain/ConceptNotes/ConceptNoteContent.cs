using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.ConceptNotes;

/// <summary>
/// Everything the author of a concept note writes: what a draft holds, what an edit replaces, and what a
/// submitted version keeps. A draft may be incomplete; what it holds must still be valid.
/// </summary>
public sealed record ConceptNoteContent(
    string Title,
    string? Summary,
    string Country,
    IReadOnlyList<string> OtherCountries,
    int? ThematicAreaNumber,
    IReadOnlyList<int> GcmObjectives,
    IReadOnlyList<int> GuidingPrinciples,
    IReadOnlyList<BudgetShare> Budget,
    decimal? TotalRequestedUsd,
    int? DurationMonths,
    IReadOnlyList<PartnerEntry> Partners,
    CrossCuttingMarkers Markers,
    ContactDetails? Contact,
    GovernmentEndorsement? Endorsement)
{
    public const int TitleMaxLength = 300;
    public const int SummaryMaxLength = 8000;
    public const int MaxOtherCountries = 30;
    public const int MaxBudgetShares = 20;
    public const int MaxPartners = 50;
    public const int PartnerNameMaxLength = 300;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 40;
    public const int MaxMarker = 3;
    public const int MinimumOrganizations = 2;

    /// <summary>The countries the note covers: the submitting government's first.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Countries => [Country, .. OtherCountries];

    /// <summary>The content with text trimmed and codes in their stored (upper-case) form.</summary>
    public ConceptNoteContent Normalized() => this with
    {
        Title = Title.Trim(),
        Summary = string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim(),
        Country = Country.Trim().ToUpperInvariant(),
        OtherCountries = OtherCountries.Select(c => c.Trim().ToUpperInvariant()).ToList(),
        Budget = Budget.Select(b => b with { Organization = b.Organization.Trim().ToUpperInvariant() }).ToList(),
        Partners = Partners.Select(p => p with { Name = p.Name.Trim() }).ToList(),
        Contact = Contact is null ? null : new ContactDetails(Contact.Name.Trim(), Contact.Email.Trim(),
            Blank(Contact.Phone), Blank(Contact.Position)),
        Endorsement = Endorsement is null ? null : new GovernmentEndorsement(Endorsement.EndorsedBy.Trim(),
            Blank(Endorsement.Position), Endorsement.EndorsedOn),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The part of the requested budget that one participating UN organization would receive.</summary>
public sealed record BudgetShare(string Organization, decimal AmountUsd);

/// <summary>A national partner or stakeholder the programme works with.</summary>
public sealed record PartnerEntry(string Name, PartnerKind Kind);

public enum PartnerKind
{
    GovernmentInstitution,
    LocalAuthority,
    CivilSociety,
    MigrantOrDiasporaOrganization,
    Academia,
    PrivateSector,
    TradeUnion,
    Other,
}

/// <summary>The UN 0-3 scores of the note's cross-cutting markers; unscored while null.</summary>
public sealed record CrossCuttingMarkers(int? Gender, int? HumanRights, int? ChildSensitivity)
{
    public static readonly CrossCuttingMarkers Unscored = new(null, null, null);

    [System.Text.Json.Serialization.JsonIgnore]
    public bool AllScored => Gender is not null && HumanRights is not null && ChildSensitivity is not null;
}

public sealed record ContactDetails(string Name, string Email, string? Phone, string? Position);

/// <summary>Who endorsed the note for the government, and when.</summary>
public sealed record GovernmentEndorsement(string EndorsedBy, string? Position, DateOnly EndorsedOn);

/// <summary>What the rules of a concept note depend on: the fund's settings and reference data, and today.</summary>
public sealed record ConceptNoteRules(
    decimal BudgetCeilingUsd,
    int MinDurationMonths,
    int MaxDurationMonths,
    IReadOnlyDictionary<string, Region?> CountryRegions,
    IReadOnlySet<string> ActiveOrganizations,
    IReadOnlySet<int> ThematicAreas,
    IReadOnlySet<int> GcmObjectives,
    IReadOnlySet<int> GuidingPrinciples,
    DateOnly Today);
