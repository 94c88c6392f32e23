using System.Security.Claims;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Access;
using TrustFundManager.Web.Account;

namespace TrustFundManager.Api.Development;

/// <summary>A demo identity the development token issuer can sign in as.</summary>
public sealed record DevUser(
    string User,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string Description,
    string? Country = null,
    string? Organization = null,
    string? Constituency = null)
{
    /// <summary>
    /// The claims of this user's sign-in, the same in a development token and in a development page session: the
    /// names the API reads from Entra ID (<c>sub</c>, <c>name</c>, <c>roles</c>, <c>country</c>...).
    /// </summary>
    public IReadOnlyList<Claim> Claims()
    {
        var claims = new List<Claim>
        {
            new("sub", User),
            new(CallerClaims.NameClaimType, DisplayName),
            new("preferred_username", User),
        };
        claims.AddRange(Roles.Select(role => new Claim(CallerClaims.RoleClaimType, role)));
        if (Country is not null) claims.Add(new Claim(ScopeClaims.Country, Country));
        if (Organization is not null) claims.Add(new Claim(ScopeClaims.Organization, Organization));
        if (Constituency is not null) claims.Add(new Claim(ScopeClaims.Constituency, Constituency));
        return claims;
    }
}

/// <summary>
/// The demo users of the Development environment: at least one per role, governments of several countries,
/// and a Steering Committee of twelve, three per constituency.
/// </summary>
public static class DevUsers
{
    private const string Member = Roles.SteeringCommitteeMember;

    public static IReadOnlyList<DevUser> All { get; } =
    [
        new("fmu.officer", "Amina Diallo", [Roles.FundManager], "Fund Management Unit: portfolio officer"),
        new("fmu.finance", "Lars Johansson", [Roles.FundManager], "Fund Management Unit: finance officer"),
        new("admin", "Priya Raman", [Roles.Administrator], "System administrator"),

        new("gov.mex", "Carlos Herrera", [Roles.GovernmentFocalPoint], "Government focal point, Mexico", Country: "MEX"),
        new("gov.phl", "Maria Santos", [Roles.GovernmentFocalPoint], "Government focal point, Philippines", Country: "PHL"),
        new("gov.gha", "Kwame Mensah", [Roles.GovernmentFocalPoint], "Government focal point, Ghana", Country: "GHA"),

        new("puno.iom", "Elena Petrova", [Roles.ParticipatingOrganization], "Participating organization focal point, IOM", Organization: "IOM"),
        new("puno.unicef", "David Okafor", [Roles.ParticipatingOrganization], "Participating organization focal point, UNICEF", Organization: "UNICEF"),

        new("sc.iom", "Jonas Weber", [Member], "Steering Committee, UN Network on Migration: IOM", Organization: "IOM", Constituency: "un-network"),
        new("sc.ohchr", "Fatima Zahra", [Member], "Steering Committee, UN Network on Migration: OHCHR", Organization: "OHCHR", Constituency: "un-network"),
        new("sc.undp", "Hiroshi Tanaka", [Member], "Steering Committee, UN Network on Migration: UNDP", Organization: "UNDP", Constituency: "un-network"),
        new("sc.deu", "Katrin Schulz", [Member], "Steering Committee, donors: Germany", Country: "DEU", Constituency: "donors"),
        new("sc.nld", "Pieter de Vries", [Member], "Steering Committee, donors: Netherlands", Country: "NLD", Constituency: "donors"),
        new("sc.esp", "Lucía Fernández", [Member], "Steering Committee, donors: Spain", Country: "ESP", Constituency: "donors"),
        new("sc.mex", "Ana López", [Member], "Steering Committee, countries of origin, transit and destination: Mexico", Country: "MEX", Constituency: "countries"),
        new("sc.mar", "Youssef Alaoui", [Member], "Steering Committee, countries of origin, transit and destination: Morocco", Country: "MAR", Constituency: "countries"),
        new("sc.bgd", "Rahima Begum", [Member], "Steering Committee, countries of origin, transit and destination: Bangladesh", Country: "BGD", Constituency: "countries"),
        new("sc.mmc", "Sofia Costa", [Member], "Steering Committee, stakeholders: Mayors Migration Council", Constituency: "stakeholders"),
        new("sc.srhrm", "Tomás Rivera", [Member], "Steering Committee, stakeholders: Special Rapporteur on the Human Rights of Migrants", Constituency: "stakeholders"),
        new("sc.idc", "Grace Mwangi", [Member], "Steering Committee, stakeholders: International Detention Coalition", Constituency: "stakeholders"),
    ];

    /// <summary>The demo users as the development sign-in page offers them.</summary>
    public static IReadOnlyList<DevelopmentUser> ForSignInPage() =>
        All.Select(u => new DevelopmentUser(u.User, u.DisplayName, u.Description, u.Claims())).ToList();

    public static DevUser? Find(string? user) =>
        All.FirstOrDefault(u => string.Equals(u.User, user?.Trim(), StringComparison.OrdinalIgnoreCase));
}
