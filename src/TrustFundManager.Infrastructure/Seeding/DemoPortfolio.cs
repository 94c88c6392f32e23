using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Workflows;

namespace TrustFundManager.Infrastructure.Seeding;

/// <summary>What the demo concept notes say and which way each goes; fictitious, but shaped like the fund's calls.</summary>
internal sealed class DemoPortfolio(
    Random random,
    ConceptNoteRules rules,
    IReadOnlyDictionary<string, Country> countries,
    ILookup<int, int> objectivesByArea)
{
    /// <summary>55 countries from the five regions.</summary>
    public static readonly IReadOnlyList<string> Countries =
    [
        "GHA", "NGA", "SEN", "MLI", "NER", "ETH", "KEN", "UGA", "ZAF", "ZWE", "CIV", "GMB", "BFA", "CMR", "MWI",
        "MAR", "TUN", "EGY", "JOR", "LBN", "IRQ", "SDN", "DJI",
        "PHL", "BGD", "NPL", "LKA", "IDN", "VNM", "THA", "PAK", "AFG", "FJI", "TON", "KHM",
        "MDA", "UKR", "ALB", "BIH", "KGZ", "TJK",
        "MEX", "GTM", "HND", "SLV", "COL", "ECU", "PER", "CHL", "BRA", "CRI", "DOM", "JAM", "TTO", "VEN",
    ];

    /// <summary>How many notes end in each state: 100 in all.</summary>
    private static readonly (string State, int Count)[] StateCounts =
    [
        ("draft", 10), ("submitted", 8), ("screening", 8), ("returnedForRevision", 8), ("ineligible", 6),
        ("underCommitteeReview", 14), ("approvedInPipeline", 16), ("rejected", 8), ("deferred", 6), ("withdrawn", 8),
        ("funded", 8),
    ];

    /// <summary>The demo governments' own notes, so that signing in as one shows a varied portfolio.</summary>
    private static readonly Dictionary<string, string[]> DemoGovernmentNotes = new()
    {
        ["MEX"] = ["draft", "returnedForRevision", "underCommitteeReview", "approvedInPipeline", "funded"],
        ["PHL"] = ["submitted", "screening", "approvedInPipeline", "rejected"],
        ["GHA"] = ["draft", "deferred", "approvedInPipeline", "withdrawn"],
    };

    private static readonly Dictionary<string, (string User, string Name)> DemoGovernments = new()
    {
        ["MEX"] = ("gov.mex", "Carlos Herrera"),
        ["PHL"] = ("gov.phl", "Maria Santos"),
        ["GHA"] = ("gov.gha", "Kwame Mensah"),
    };

    private static readonly Dictionary<int, string[]> Titles = new()
    {
        [1] = ["A national migration data system for policy and planning", "Migration profiles for local planning",
            "Disaggregated migration statistics for evidence-based policy", "Fact-based public discourse on migration"],
        [2] = ["Protecting migrants in situations of vulnerability", "Search, rescue and identification of missing migrants",
            "Alternatives to immigration detention for children and families", "Screening and referral of migrants at risk"],
        [3] = ["Human-rights-based integrated border management", "Countering trafficking in persons along migration routes",
            "Sustainable reintegration of returning migrants", "Consular protection and assistance for nationals abroad"],
        [4] = ["Fair recruitment and decent work for migrant workers", "Skills partnerships and recognition of qualifications",
            "Cheaper, safer remittances and diaspora investment", "Portability of social protection for labour migrants"],
        [5] = ["Access to basic services for migrants in cities", "Legal identity and documentation for migrants",
            "Social cohesion in host communities", "Inclusion of migrants in local development plans"],
    };

    private static readonly Dictionary<int, string[]> OrganizationsByArea = new()
    {
        [1] = ["IOM", "UNFPA", "DESA", "UNDP", "ECLAC"],
        [2] = ["OHCHR", "UNICEF", "IOM", "UNHCR", "UNWOMEN"],
        [3] = ["UNODC", "IOM", "UNHCR", "OHCHR", "UNDP"],
        [4] = ["ILO", "IOM", "UNDP", "UNWOMEN", "ITC", "UNCDF"],
        [5] = ["UNHABITAT", "UNICEF", "UNESCO", "UNDP", "IOM"],
    };

    private static readonly PartnerEntry[] PartnerPool =
    [
        new("Ministry of Labour and Social Affairs", PartnerKind.GovernmentInstitution),
        new("National statistics office", PartnerKind.GovernmentInstitution),
        new("Ministry of Foreign Affairs, diaspora directorate", PartnerKind.GovernmentInstitution),
        new("Association of municipalities", PartnerKind.LocalAuthority),
        new("National human rights institution", PartnerKind.CivilSociety),
        new("Migrant workers' association", PartnerKind.MigrantOrDiasporaOrganization),
        new("National university, migration studies centre", PartnerKind.Academia),
        new("Chamber of commerce", PartnerKind.PrivateSector),
        new("National trade union confederation", PartnerKind.TradeUnion),
    ];

    public static readonly string[] ReturnReasons =
    [
        "The results framework lacks baselines; please add them with their sources.",
        "The roles of the national partners are not described; please complete section 3.",
        "The markers are not justified; please explain the gender and child-sensitivity scores.",
        "The budget split does not show each organization's activities; please detail it.",
    ];

    public static readonly string[] IneligibleReasons =
    [
        "The activities are humanitarian relief, outside the fund's mandate.",
        "The concept note requests co-financing above the fund's ceilings and cannot be reduced.",
    ];

    public static WorkflowActor GovernmentOf(Country country) =>
        DemoGovernments.TryGetValue(country.Alpha3, out var known)
            ? new WorkflowActor(known.User, known.Name, [Roles.GovernmentFocalPoint], Country: country.Alpha3)
            : new WorkflowActor($"gov.{country.Alpha3.ToLowerInvariant()}", $"Government focal point, {country.Name}",
                [Roles.GovernmentFocalPoint], Country: country.Alpha3);

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static string FailureComment(ScreeningItem item) => item switch
    {
        ScreeningItem.Complete => "Sections 3 and 5 are incomplete.",
        ScreeningItem.MarkersScored => "The markers are scored without justification.",
        ScreeningItem.WithinCeilings => "The programme depends on funds above the fund's ceilings.",
        _ => $"{item} is not met.",
    };

    public static readonly string[] RejectionReasons =
    [
        "The activities duplicate a programme already funded by another donor in the same provinces.",
        "The results framework does not show how the programme changes policy beyond the pilot.",
        "The participating organizations' roles overlap and the budget split does not follow them.",
    ];

    public static readonly string[] ApprovalConditions =
    [
        "Add a baseline survey in the first six months and report it to the FMU.",
        "Involve a migrant-led organization in the project board.",
        "Reduce staff costs to at most a quarter of the budget.",
    ];

    /// <summary>The steps from a new draft to <paramref name="target"/>, sometimes through a revision round.</summary>
    public static List<string> PathTo(string target, Random random)
    {
        var revisionRound = random.Next(100) < 35
            ? new[] { "submit", "startScreening", "returnForRevision", "revise", "resubmit" }
            : ["submit"];
        List<string> Screened(params string[] then) => [.. revisionRound, "startScreening", .. then];
        return target switch
        {
            "draft" => [],
            "submitted" => ["submit"],
            "screening" => ["submit", "startScreening", "screenPartly"],
            "returnedForRevision" => random.Next(2) == 0
                ? ["submit", "startScreening", "returnForRevision"]
                : ["submit", "startScreening", "returnForRevision", "revise", "resubmit", "startScreening", "returnForRevision"],
            "ineligible" => ["submit", "startScreening", "declareIneligible"],
            "underCommitteeReview" => Screened("forwardToCommittee"),
            "approvedInPipeline" => Screened("forwardToCommittee", "approve"),
            "rejected" => Screened("forwardToCommittee", "reject"),
            "deferred" => Screened("forwardToCommittee", "defer"),
            "funded" => Screened("forwardToCommittee", "approve", "fund"),
            "withdrawn" => Pick(random, new List<string>[]
            {
                ["withdraw"], ["submit", "withdraw"], ["submit", "startScreening", "returnForRevision", "lapse"],
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Not a concept-note state."),
        };
    }

    /// <summary>Which country each note comes from and the state it ends in: every country at least once.</summary>
    public IEnumerable<(Country Country, string Target)> Plan()
    {
        var targets = StateCounts.SelectMany(s => Enumerable.Repeat(s.State, s.Count)).ToList();
        foreach (var (code, states) in DemoGovernmentNotes)
        {
            if (!countries.TryGetValue(code, out var country)) continue;
            foreach (var state in states)
            {
                targets.Remove(state);
                yield return (country, state);
            }
        }

        var others = countries.Values.Where(c => !DemoGovernmentNotes.ContainsKey(c.Alpha3)).OrderBy(c => c.Alpha3).ToList();
        var shuffled = targets.OrderBy(_ => random.Next()).ToList();
        for (var i = 0; i < shuffled.Count && others.Count > 0; i++)
            yield return (i < others.Count ? others[i] : Pick(random, others), shuffled[i]);
    }

    public ConceptNoteContent Content(Country country, bool complete, DateOnly endorsedOn)
    {
        var area = random.Next(1, 6);
        var objectives = objectivesByArea[area].OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Order().ToList();
        var principles = rules.GuidingPrinciples.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).Order().ToList();
        var organizations = OrganizationsByArea[area].Where(rules.ActiveOrganizations.Contains)
            .OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToList();
        var total = Math.Min(random.Next(50, 301) * 10_000m, rules.BudgetCeilingUsd);
        var budget = Split(total, organizations);
        var others = random.Next(100) < 12 ? NeighboursOf(country, random.Next(1, 3)) : [];
        var template = Pick(random, Titles[area]);
        var place = others.Count == 0 ? country.Name : $"{country.Name} and {string.Join(", ", others.Select(c => countries[c].Name))}";
        var durations = new[] { 12, 18, 24, 30, 36 }.Where(m => m >= rules.MinDurationMonths && m <= rules.MaxDurationMonths).ToList();

        return new ConceptNoteContent(
            Title: $"{template}: {place}",
            Summary: $"{template} in {place}. A joint programme of {string.Join(", ", organizations)} with national partners, " +
                     $"serving GCM objectives {string.Join(", ", objectives)}.",
            Country: country.Alpha3,
            OtherCountries: others,
            ThematicAreaNumber: area,
            GcmObjectives: objectives,
            GuidingPrinciples: principles,
            Budget: budget,
            TotalRequestedUsd: total,
            DurationMonths: durations.Count > 0 ? Pick(random, durations) : rules.MinDurationMonths,
            Partners: complete ? PartnerPool.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList() : [],
            Markers: complete
                ? new CrossCuttingMarkers(random.Next(1, 4), random.Next(1, 4), random.Next(0, 4))
                : CrossCuttingMarkers.Unscored,
            Contact: new ContactDetails($"Migration focal point, {country.Name}",
                $"migration.focal@mfa.{country.Alpha2.ToLowerInvariant()}.example.org", null, "Ministry of Foreign Affairs"),
            Endorsement: complete ? new GovernmentEndorsement("Minister of Foreign Affairs", null, endorsedOn) : null);
    }

    /// <summary>The note as the government revises it after being returned: reasons addressed.</summary>
    public static ConceptNoteContent Revised(ConceptNoteContent content) => content with
    {
        Summary = $"{content.Summary} Revised after screening: baselines, partners' roles and marker scores are justified.",
        Markers = content.Markers.AllScored ? content.Markers : new CrossCuttingMarkers(2, 2, 1),
    };

    private List<BudgetShare> Split(decimal total, IReadOnlyList<string> organizations)
    {
        var weights = organizations.Select(_ => random.Next(1, 4)).ToList();
        var shares = new List<BudgetShare>();
        var remaining = total;
        for (var i = 0; i < organizations.Count - 1; i++)
        {
            var amount = Math.Round(total * weights[i] / weights.Sum() / 1_000m) * 1_000m;
            shares.Add(new BudgetShare(organizations[i], amount));
            remaining -= amount;
        }
        shares.Add(new BudgetShare(organizations[^1], remaining));
        return shares;
    }

    private List<string> NeighboursOf(Country country, int count) =>
        countries.Values.Where(c => c.Region == country.Region && c.Alpha3 != country.Alpha3)
            .OrderBy(_ => random.Next()).Take(count).Select(c => c.Alpha3).ToList();
}
