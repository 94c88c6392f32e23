using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Infrastructure.Iati;

/// <summary>How the fund's states and kinds read in IATI codelists.</summary>
public static class IatiCodes
{
    /// <summary>
    /// The activity status of a joint programme in a state of its workflow. <c>allocated</c> is before implementation
    /// (which begins with the first tranche), so it reads as pipeline/identification.
    /// </summary>
    /// <exception cref="InvalidOperationException">A state this mapping does not know: a new workflow version needs it added.</exception>
    public static IatiActivityStatus StatusOf(string programmeState) => programmeState switch
    {
        JointProgrammeStatus.Allocated => IatiActivityStatus.Pipeline,
        JointProgrammeStatus.Active => IatiActivityStatus.Implementation,
        JointProgrammeStatus.Suspended => IatiActivityStatus.Suspended,
        JointProgrammeStatus.OperationallyClosed => IatiActivityStatus.Finalisation,
        JointProgrammeStatus.FinanciallyClosed => IatiActivityStatus.Closed,
        JointProgrammeStatus.Cancelled => IatiActivityStatus.Cancelled,
        _ => throw new InvalidOperationException(
            $"The joint-programme state '{programmeState}' has no IATI activity status; add it to {nameof(IatiCodes)}.{nameof(StatusOf)}."),
    };

    /// <summary>The OrganisationType of a donor: 10 government, 40 multilateral, 70 private sector.</summary>
    public static string OrganisationTypeOf(DonorKind kind) => kind switch
    {
        DonorKind.Government => "10",
        DonorKind.Multilateral => "40",
        _ => "70",
    };

    /// <summary>
    /// The IATI organisation identifiers under which UN organizations publish (OECD DAC channel codes, as the
    /// organizations use them in their own IATI files), by the fund's organization code.
    /// </summary>
    public static IReadOnlyDictionary<string, string> KnownOrganizationIdentifiers { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["FAO"] = "XM-DAC-41301",
            ["IFAD"] = "XM-DAC-41108",
            ["ILO"] = "XM-DAC-41302",
            ["IOM"] = "XM-DAC-47066",
            ["ITC"] = "XM-DAC-45001",
            ["OCHA"] = "XM-DAC-41127",
            ["UNAIDS"] = "XM-DAC-41110",
            ["UNCDF"] = "XM-DAC-41111",
            ["UNDP"] = "XM-DAC-41114",
            ["UNEP"] = "XM-DAC-41116",
            ["UNESCO"] = "XM-DAC-41304",
            ["UNFPA"] = "XM-DAC-41119",
            ["UNHABITAT"] = "41120",
            ["UNHCR"] = "XM-DAC-41121",
            ["UNICEF"] = "XM-DAC-41122",
            ["UNIDO"] = "XM-DAC-41123",
            ["UNOPS"] = "41AAA",
            ["UNRWA"] = "XM-DAC-41130",
            ["UNWOMEN"] = "XM-DAC-41146",
            ["WFP"] = "XM-DAC-41140",
            ["WHO"] = "XM-DAC-928",
        };
}
