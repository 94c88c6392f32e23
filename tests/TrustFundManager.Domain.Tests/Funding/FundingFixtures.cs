using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Tests.Funding;

/// <summary>
/// A small fund for the funding tests: a Mexican note approved by the committee, the fund's thematic areas, and a free
/// balance with money earmarked to the note's area (2) and to another area (4).
/// </summary>
internal static class FundingFixtures
{
    public const string Fmu = "fmu@un.org";
    public const string Author = "author@gob.mx";
    public const decimal IndirectCostRate = 0.07m;

    public static readonly DateOnly AllocatedOn = new(2026, 3, 10);
    public static readonly DateTimeOffset AllocatedAt = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    public static readonly IReadOnlySet<int> ThematicAreas = Enumerable.Range(1, 5).ToHashSet();

    public static readonly ConceptNoteRules NoteRules = new(
        BudgetCeilingUsd: 3_000_000m,
        MinDurationMonths: 12,
        MaxDurationMonths: 36,
        CountryRegions: new Dictionary<string, Region?>
        {
            ["MEX"] = Region.LatinAmericaAndCaribbean,
            ["GTM"] = Region.LatinAmericaAndCaribbean,
            ["PHL"] = Region.AsiaPacific,
        },
        ActiveOrganizations: new HashSet<string> { "IOM", "ILO", "UNICEF", "UNDP" },
        ThematicAreas: ThematicAreas,
        GcmObjectives: Enumerable.Range(1, 23).ToHashSet(),
        GuidingPrinciples: Enumerable.Range(1, 10).ToHashSet(),
        Today: new DateOnly(2026, 1, 15));

    /// <summary>IOM 1,200,000.00 + ILO 800,000.50 + UNICEF 499,999.50 = 2,500,000.00 USD, thematic area 2.</summary>
    public static readonly ConceptNoteContent MexicoContent = new(
        Title: "Safe and regular labour pathways in Mesoamerica",
        Summary: "Joint programme on fair recruitment and protection of migrant workers.",
        Country: "MEX",
        OtherCountries: ["GTM"],
        ThematicAreaNumber: 2,
        GcmObjectives: [5, 6],
        GuidingPrinciples: [1, 10],
        Budget: [new("IOM", 1_200_000m), new("ILO", 800_000.50m), new("UNICEF", 499_999.50m)],
        TotalRequestedUsd: 2_500_000m,
        DurationMonths: 24,
        Partners: [new("Secretaría de Gobernación", PartnerKind.GovernmentInstitution)],
        Markers: new CrossCuttingMarkers(2, 1, 3),
        Contact: new ContactDetails("Ana López", "ana.lopez@gob.mx", null, null),
        Endorsement: new GovernmentEndorsement("Luis Pérez", null, new DateOnly(2026, 1, 10)));

    /// <summary>4,000,000 USD free: 2,000,000 unearmarked, 1,000,000 earmarked to area 2 and 1,000,000 to area 4.</summary>
    public static readonly FreeBalance Balance = new(2_000_000m, new Dictionary<int, decimal> { [2] = 1_000_000m, [4] = 1_000_000m });

    public static ConceptNote Note(ConceptNoteContent? content = null) =>
        ConceptNote.Draft(content ?? MexicoContent, NoteRules, Author, new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The Mexican note funded on <see cref="AllocatedOn"/> with its own budget.</summary>
    public static JointProgramme Programme(IReadOnlyList<BudgetShare>? budget = null) =>
        JointProgramme.Allocate(Note(), ConceptNoteStatus.ApprovedInPipeline, budget, Balance, IndirectCostRate, AllocatedOn,
            Fmu, AllocatedAt);

    public static ProgrammeBudgetLine Line(this JointProgramme programme, string organization) =>
        programme.Budget.Single(b => b.Organization == organization);
}
