using System.Text.Json;
using System.Text.Json.Serialization;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Infrastructure.ReferenceData;

/// <summary>
/// The reference data a new database starts with: the Migration MPTF's defaults. Fund staff change them
/// afterwards through the API; seeding only adds what is missing and never overwrites their edits.
/// </summary>
public static class ReferenceDataCatalog
{
    public static IReadOnlyList<ThematicArea> ThematicAreas() =>
    [
        new(1, "Promoting fact-based and data-driven migration discourse, policy and planning"),
        new(2, "Protecting the human rights, safety and wellbeing of migrants, including through addressing drivers and mitigating situations of vulnerability in migration"),
        new(3, "Addressing irregular migration including through managing borders and combatting transnational crime"),
        new(4, "Facilitating regular migration, decent work and enhancing the positive development effects of human mobility"),
        new(5, "Improving the social inclusion and integration of migrants"),
    ];

    /// <summary>The area of each objective, as in the Network's 2019 workplan.</summary>
    public static IReadOnlyDictionary<int, int[]> ObjectivesByArea { get; } = new Dictionary<int, int[]>
    {
        [1] = [1, 3, 17, 23],
        [2] = [2, 7, 8, 12, 13],
        [3] = [9, 10, 11, 14, 21],
        [4] = [5, 6, 18, 19, 20, 22],
        [5] = [4, 15, 16],
    };

    private static readonly string[] ObjectiveTitles =
    [
        "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies",
        "Minimize the adverse drivers and structural factors that compel people to leave their country of origin",
        "Provide accurate and timely information at all stages of migration",
        "Ensure that all migrants have proof of legal identity and adequate documentation",
        "Enhance availability and flexibility of pathways for regular migration",
        "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work",
        "Address and reduce vulnerabilities in migration",
        "Save lives and establish coordinated international efforts on missing migrants",
        "Strengthen the transnational response to smuggling of migrants",
        "Prevent, combat and eradicate trafficking in persons in the context of international migration",
        "Manage borders in an integrated, secure and coordinated manner",
        "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral",
        "Use migration detention only as a measure of last resort and work towards alternatives",
        "Enhance consular protection, assistance and cooperation throughout the migration cycle",
        "Provide access to basic services for migrants",
        "Empower migrants and societies to realize full inclusion and social cohesion",
        "Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration",
        "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences",
        "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries",
        "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants",
        "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration",
        "Establish mechanisms for the portability of social security entitlements and earned benefits",
        "Strengthen international cooperation and global partnerships for safe, orderly and regular migration",
    ];

    public static IReadOnlyList<GcmObjective> GcmObjectives() =>
        ObjectivesByArea
            .SelectMany(area => area.Value.Select(number => new GcmObjective(number, ObjectiveTitles[number - 1], area.Key)))
            .OrderBy(o => o.Number)
            .ToList();

    public static IReadOnlyList<GuidingPrinciple> GuidingPrinciples() =>
    [
        new(1, "People-centred", "A strong human dimension, inherent to migration, promoting the well-being of migrants and the members of communities."),
        new(2, "International cooperation", "Migration is transnational: no State can address it alone; cooperation and dialogue at all levels."),
        new(3, "National sovereignty", "The sovereign right of States to determine their national migration policy, in conformity with international law."),
        new(4, "Rule of law and due process", "Respect for the rule of law, due process and access to justice."),
        new(5, "Sustainable development", "Rooted in the 2030 Agenda for Sustainable Development, leaving no one behind."),
        new(6, "Human rights", "Respect, protection and fulfilment of the human rights of all migrants, regardless of status; non-discrimination."),
        new(7, "Gender-responsive", "The human rights of women, men, girls and boys respected at all stages; women as independent agents and leaders."),
        new(8, "Child-sensitive", "The best interests of the child as a primary consideration in all situations concerning children."),
        new(9, "Whole-of-government approach", "Horizontal and vertical policy coherence across all sectors and levels of government."),
        new(10, "Whole-of-society approach", "Broad multi-stakeholder partnerships, including migrants, diaspora, civil society, academia, the private sector and local authorities."),
    ];

    public static IReadOnlyList<Constituency> Constituencies() =>
    [
        new("un-network", "UN Network on Migration members", 3, "Member entities of the UN Network on Migration."),
        new("donors", "Donors", 3, "Contributing States."),
        new("countries", "Countries of origin, transit and destination", 3, "Member States representing countries of origin, transit and destination."),
        new("stakeholders", "Stakeholders", 3, "Stakeholders such as local authorities, civil society, special procedures and networks."),
    ];

    public static IReadOnlyList<Organization> Organizations() =>
    [
        new("DESA", "UN DESA", "United Nations Department of Economic and Social Affairs", true),
        new("DPPA", "UN DPPA", "United Nations Department of Political and Peacebuilding Affairs", true),
        new("ECA", "ECA", "United Nations Economic Commission for Africa", true),
        new("ECE", "ECE", "United Nations Economic Commission for Europe", true),
        new("ECLAC", "ECLAC", "United Nations Economic Commission for Latin America and the Caribbean", true),
        new("ESCAP", "ESCAP", "United Nations Economic and Social Commission for Asia and the Pacific", true),
        new("ESCWA", "ESCWA", "United Nations Economic and Social Commission for Western Asia", true),
        new("FAO", "FAO", "Food and Agriculture Organization of the United Nations", true),
        new("IFAD", "IFAD", "International Fund for Agricultural Development", true),
        new("ILO", "ILO", "International Labour Organization", true),
        new("IOM", "IOM", "International Organization for Migration", true),
        new("ITC", "ITC", "International Trade Centre", true),
        new("OCHA", "OCHA", "United Nations Office for the Coordination of Humanitarian Affairs", true),
        new("OHCHR", "OHCHR", "Office of the United Nations High Commissioner for Human Rights", true),
        new("SRSGVAC", "SRSG-VAC", "Office of the Special Representative of the Secretary-General on Violence against Children", true),
        new("UNAIDS", "UNAIDS", "Joint United Nations Programme on HIV/AIDS", true),
        new("UNCDF", "UNCDF", "United Nations Capital Development Fund", false),
        new("UNCTAD", "UNCTAD", "United Nations Conference on Trade and Development", true),
        new("UNDP", "UNDP", "United Nations Development Programme", true),
        new("UNDRR", "UNDRR", "United Nations Office for Disaster Risk Reduction", true),
        new("UNEP", "UNEP", "United Nations Environment Programme", true),
        new("UNESCO", "UNESCO", "United Nations Educational, Scientific and Cultural Organization", true),
        new("UNFPA", "UNFPA", "United Nations Population Fund", true),
        new("UNHABITAT", "UN-Habitat", "United Nations Human Settlements Programme", true),
        new("UNHCR", "UNHCR", "Office of the United Nations High Commissioner for Refugees", true),
        new("UNICEF", "UNICEF", "United Nations Children's Fund", true),
        new("UNIDO", "UNIDO", "United Nations Industrial Development Organization", true),
        new("UNITAR", "UNITAR", "United Nations Institute for Training and Research", true),
        new("UNODC", "UNODC", "United Nations Office on Drugs and Crime", true),
        new("UNOPS", "UNOPS", "United Nations Office for Project Services", true),
        new("UNRWA", "UNRWA", "United Nations Relief and Works Agency for Palestine Refugees in the Near East", true),
        new("UNU", "UNU", "United Nations University", true),
        new("UNV", "UNV", "United Nations Volunteers", false),
        new("UNWOMEN", "UN Women", "United Nations Entity for Gender Equality and the Empowerment of Women", true),
        new("WB", "World Bank", "World Bank Group", true),
        new("WFP", "WFP", "World Food Programme", true),
        new("WHO", "WHO", "World Health Organization", true),
        new("WMO", "WMO", "World Meteorological Organization", true),
    ];

    public static FundSettingsValues DefaultSettings { get; } = new(
        FundName: "Migration Multi-Partner Trust Fund",
        BudgetCeilingUsd: 3_000_000m,
        MinDurationMonths: 12,
        MaxDurationMonths: 36,
        AdministrativeAgentFeeRate: 0.01m,
        IndirectCostRate: 0.07m,
        DecisionRule: DecisionRule.Consensus,
        QuorumNumerator: 2,
        QuorumDenominator: 3,
        QuorumRequiresEveryConstituency: true,
        RevisionPeriodDays: 90,
        CommitteeTermMonths: 36);

    /// <summary>The ISO 3166-1 list (from Debian's iso-codes) with the Network region of each entry.</summary>
    public static IReadOnlyList<Country> Countries()
    {
        using var stream = typeof(ReferenceDataCatalog).Assembly.GetManifestResourceStream(
                               "TrustFundManager.Infrastructure.ReferenceData.countries.json")
                           ?? throw new InvalidOperationException("The country list is missing from the assembly.");
        var rows = JsonSerializer.Deserialize<List<CountryRow>>(stream, CountryJson)
                   ?? throw new InvalidOperationException("The country list is empty.");
        return rows.Select(r => new Country(r.Alpha3, r.Alpha2, r.Name, r.Region)).ToList();
    }

    private static readonly JsonSerializerOptions CountryJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record CountryRow(string Alpha3, string Alpha2, string Name, Region? Region);
}
