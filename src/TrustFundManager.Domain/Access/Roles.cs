namespace TrustFundManager.Domain.Access;

/// <summary>The application roles, as they appear in the token's <c>roles</c> claim.</summary>
public static class Roles
{
    public const string FundManager = nameof(FundManager);
    public const string SteeringCommitteeMember = nameof(SteeringCommitteeMember);
    public const string GovernmentFocalPoint = nameof(GovernmentFocalPoint);
    public const string ParticipatingOrganization = nameof(ParticipatingOrganization);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All =
        [FundManager, SteeringCommitteeMember, GovernmentFocalPoint, ParticipatingOrganization, Administrator];
}

/// <summary>Claims that scope what a user may see, besides their roles.</summary>
public static class ScopeClaims
{
    /// <summary>ISO 3166-1 alpha-3 code of a government focal point's (or member's) country.</summary>
    public const string Country = "country";

    /// <summary>Code of the UN organization a participating-organization focal point (or member) works for.</summary>
    public const string Organization = "organization";

    /// <summary>Code of the steering committee constituency a member represents.</summary>
    public const string Constituency = "constituency";
}
