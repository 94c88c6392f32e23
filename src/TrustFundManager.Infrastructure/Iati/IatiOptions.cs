namespace TrustFundManager.Infrastructure.Iati;

/// <summary>
/// The <c>Iati</c> configuration section: who publishes the fund's activity file and how the fund is identified. The
/// defaults are the UN MPTF Office (publishing UN pooled funds as <c>XI-IATI-UNPF</c>) and the Migration MPTF.
/// </summary>
public sealed class IatiOptions
{
    public const string SectionName = "Iati";

    /// <summary>The reporting organisation's IATI organisation identifier: the Administrative Agent.</summary>
    public string ReportingOrgRef { get; set; } = "XI-IATI-UNPF";

    /// <summary>Its OrganisationType code (40: multilateral).</summary>
    public string ReportingOrgType { get; set; } = "40";

    public string ReportingOrgName { get; set; } = "United Nations Multi-Partner Trust Fund Office";

    /// <summary>The fund's own code: the fund's identifier is the reporting organisation's identifier, a hyphen and this.</summary>
    public string FundCode { get; set; } = "MIG00";

    public string FundDescription { get; set; } =
        "The start-up fund of the capacity-building mechanism of the Global Compact for Safe, Orderly and Regular Migration, " +
        "established by the United Nations Network on Migration. Contributions are pooled and allocated by the Steering " +
        "Committee to joint programmes of participating UN organizations with governments; the UN MPTF Office is the " +
        "Administrative Agent.";

    /// <summary>The body the fund answers to (participating organisation role 2 of the fund).</summary>
    public string AccountableOrgName { get; set; } = "United Nations Network on Migration (Steering Committee of the fund)";

    /// <summary>When the fund started; when absent, its first pledge or allocation stands for the start.</summary>
    public DateOnly? FundStartDate { get; set; }

    /// <summary>ISO 639-1 language of the texts (titles, descriptions, names).</summary>
    public string Language { get; set; } = "en";

    /// <summary>The OECD DAC 5-digit purpose code of every activity (15190: facilitation of orderly, safe, regular and responsible migration).</summary>
    public string SectorCode { get; set; } = "15190";

    /// <summary>
    /// The OECD DAC region the fund as a whole benefits (998: developing countries, unspecified), at 100%; empty to
    /// publish none. Programmes name their countries instead.
    /// </summary>
    public string FundRecipientRegion { get; set; } = "998";

    /// <summary>OrganisationType code of the participating UN organizations (40: multilateral).</summary>
    public string OrganizationType { get; set; } = "40";

    /// <summary>
    /// IATI organisation identifiers of participating organizations by the fund's organization code, added to or
    /// replacing <see cref="IatiCodes.KnownOrganizationIdentifiers"/>. An organization with none is named without one.
    /// </summary>
    public Dictionary<string, string> OrganizationIdentifiers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
